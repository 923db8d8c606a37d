"""What every command shares: exit codes, the command group, reading or running with errors turned
into lines and exit codes, and the stale-decision report."""

from __future__ import annotations

import enum
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from factcheck.core.records import Problem
from factcheck.corpus import MAX_ARTICLE_BYTES
from factcheck.report.display import (
    WholeSummaries,
    terminal_text,
)
from factcheck.rules import RuleError

if TYPE_CHECKING:
    from factcheck.pipeline import Result


RULES_HELP = ("A rule file or folder, added to the default pack (repeatable): a rule with the same id replaces"
              " the earlier one. Data files among them (aliases.yaml, attributes.yaml, hedges.yaml, units.yaml,"
              " currencies.yaml) are read over the default pack's: an entry with the same key replaces the"
              " earlier one, lists add. An aliases.yaml beside the articles is read the same way.")


class ExitCode(enum.IntEnum):
    OK = 0  # no finding at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # usage or configuration error: bad rule file, no readable input
    CANNOT_WRITE = 2  # asked-for output (report folder, standard output) cannot be written: path and reason
    INTERNAL = 3  # an unexpected error inside factcheck (a bug): never 1, so that CI tells a crash from findings


class Main(WholeSummaries):
    """The command group; an unexpected exception in any command ends in one line and exit 3, not a
    traceback and exit 1 (which would read as "findings")."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            raise  # stdout closed early (`| head`): click handles it
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRNOS:
                internal_error(exc)
            where = exc.filename or "standard output"
            click.echo(f"factcheck: cannot write {where} ({exc.strerror or exc})", err=True)
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more can reach the full or broken one
            sys.exit(ExitCode.CANNOT_WRITE)
        except Exception as exc:  # noqa: BLE001 - the last resort for the exit-code contract
            internal_error(exc)


OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


def internal_error(exc: Exception) -> NoReturn:
    """One line naming the unexpected exception and asking to report it; exit 3 (FACTCHECK_DEBUG=1: the traceback)."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    click.echo(f"factcheck: internal error ({what}); this is a bug in factcheck: please report it with"
               " the command you ran (FACTCHECK_DEBUG=1 shows the traceback)", err=True)
    if os.environ.get("FACTCHECK_DEBUG"):
        raise exc
    sys.exit(ExitCode.INTERNAL)


def report_problems(problems: list[Problem]) -> None:
    for p in problems:
        label = "skipped" if p.level == "skipped" else "warning"
        click.echo(f"{label}: {terminal_text(str(p))}", err=True)


def progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on stderr (tqdm) for runs of 20 articles or more, only when stderr is a terminal,
    so that piped or captured output stays clean. The bar is cleared when reading ends."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bars: list[tqdm] = []

    def show(n: int, total: int) -> None:
        if total < 20:
            return
        if not bars:
            try:
                size = os.get_terminal_size(sys.stderr.fileno())
            except OSError:
                size = os.terminal_size((0, 0))
            sized = size.columns > 0 and size.lines > 0  # a terminal that reports no size: 80 by 24 (tqdm hides)
            bars.append(tqdm(total=total, desc="reading articles", unit="article", file=sys.stderr, leave=False,
                             dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24))
        bars[0].update(n - bars[0].n)
        if n >= total:
            bars[0].close()

    return show


def exit_with_problems(problems: Sequence[str], why: str) -> NoReturn:
    """Input the run cannot go on with (a bad rule, data or decisions file, no article): each problem on
    stderr as it came (`path:line:col: ...`), then one line saying what it means; exit 2."""
    for line in problems:
        click.echo(line, err=True)
    click.echo(f"factcheck: {why}", err=True)
    sys.exit(ExitCode.USAGE)


def config_problems(exc: RuleError) -> NoReturn:
    """A bad rule or data file (the default pack's, one given with --rules, or a story's aliases.yaml
    beside its articles): every problem with its position, then exit 2."""
    exit_with_problems(exc.problems, f"{len(exc.problems)} problem(s) in rule or data files; nothing was checked")


def _articles_or_exit(result: Result) -> Result:
    """The run's skipped files and warnings on stderr; no readable article is a usage error (exit 2)."""
    report_problems(result.problems)
    if not result.articles:
        exit_with_problems([], "no readable article in the given paths")
    return result


def machine_cores() -> int:
    """The cores this process may run on (a container's share, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def read_or_exit(paths: Sequence[str], apply: bool, max_bytes: int, rule_paths: Sequence[str] = (),
                 jobs: int | None = None) -> Result:
    """Run the pipeline for `extract` and `facts`: a bad rule or data file, or no readable article,
    is a usage error (exit 2); unreadable articles are reported and the rest are read. `jobs`
    processes read the articles (None: the machine's cores)."""
    from factcheck.pipeline import run

    try:
        result = run(list(paths), list(rule_paths), apply=apply, progress=progress_bar(), max_article_bytes=max_bytes,
                     jobs=jobs or machine_cores())
    except RuleError as exc:
        config_problems(exc)
    return _articles_or_exit(result)


def run_or_exit(paths: Sequence[str], rule_paths: Sequence[str], decisions: Path | None,
                 max_bytes: int = MAX_ARTICLE_BYTES, jobs: int | None = None) -> Result:
    """Run the pipeline for a command. A bad rule or decisions file, or no readable article, is a
    usage error (exit 2); a broken decisions file is named with its line and left as it is. `jobs`
    processes read the articles (None: the machine's cores)."""
    from factcheck.decisions import DecisionsError
    from factcheck.pipeline import run

    try:
        result = run(list(paths), list(rule_paths), progress=progress_bar(), decisions=decisions,
                     max_article_bytes=max_bytes, jobs=jobs or machine_cores())
    except RuleError as exc:
        config_problems(exc)
    except DecisionsError as exc:
        exit_with_problems(exc.problems, f"the decisions file {decisions} does not load; it was left as it is."
                                         " Fix the line(s) above, or point --decisions elsewhere")
    return _articles_or_exit(result)


def report_stale(result: Result) -> None:
    """One line on stderr per decision that matches no finding any more (written at once: there may be 10^5)."""
    lines = []
    for d in result.stale:
        about = ", ".join(x for x in (d.rule, d.fact) if x)
        lines.append(terminal_text(f"stale: {result.decisions_path}:{d.line}: the '{d.status}' decision for"
                                   f" {d.fingerprint}{f' ({about})' if about else ''} matches no finding now (the"
                                   " figure changed, or the finding went away); delete its entry"))
    if lines:
        click.echo("\n".join(lines), err=True)
