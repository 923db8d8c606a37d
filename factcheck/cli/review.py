"""`factcheck review`: walk the open findings in the terminal and decide each one (confirm, dismiss
with a reason, fixed), or record one decision without prompts (`--set`). Every decision is saved
the moment it is taken, so quitting (or a crash) loses nothing.
"""

from __future__ import annotations

import shutil
import textwrap
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from factcheck.cli.common import RULES_HELP
from factcheck.decisions import (
    FULL_DIGITS,
    PREFIX,
    STATUSES,
    Decision,
    DecisionsError,
    current_user,
    default_path,
    match_prefix,
    now,
    record,
    update,
)
from factcheck.report.display import one_line, terminal_text

if TYPE_CHECKING:
    from factcheck.core.records import Finding
    from factcheck.pipeline import Result
    from factcheck.report import Passage

CHOICES = {"c": "confirmed", "confirm": "confirmed", "d": "dismissed", "dismiss": "dismissed", "f": "fixed",
           "fixed": "fixed", "s": "skip", "skip": "skip", "q": "quit", "quit": "quit"}
OWN, OTHER, CLOSE = "\x01", "\x03", "\x02"  # marks around claims while the passage is wrapped
LISTED = 10  # candidates named when a prefix is ambiguous
T = TypeVar("T")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False), default=None,
              help="The decisions file (default: factcheck-decisions.yaml in the folder of the articles, else in"
                   " the current directory).")
@click.option("--set", "set_", nargs=2, metavar="FINGERPRINT STATUS", default=None,
              help="Record one decision without prompts, in the decisions file of PATHS or in --decisions FILE (one of"
                   " them is needed). STATUS: confirmed, dismissed (needs --reason), fixed, or open (removes the"
                   " decision). A unique prefix of the fingerprint will do (4 hex digits or more, as the table's"
                   " fingerprint column shows it); without PATHS, among the decisions already in the file.")
@click.option("--reason", default="", help="Why: required to dismiss, kept for the others.")
@click.option("--who", default=None, help="Who decides (default: $FACTCHECK_USER, else your login name).")
@click.option("--all", "walk_all", is_flag=True, help="Also walk info findings and those already decided.")
def review(paths: tuple[str, ...], rule_paths: tuple[str, ...], decisions_file: str | None,
           set_: tuple[str, str] | None, reason: str, who: str | None, walk_all: bool) -> None:
    """Review the findings in PATHS one by one: both passages, then confirm, dismiss (with a reason),
    fixed, skip or quit. Each decision is saved at once to the decisions file, and `factcheck check`
    then hides dismissed and fixed findings and stops counting them (confirmed ones still count).

    \b
    Examples (the decisions kept outside the sample corpus, so that it stays as shipped):
      factcheck review corpus/deepseek --decisions /tmp/deepseek-decisions.yaml
      factcheck review corpus/deepseek --decisions /tmp/deepseek-decisions.yaml --set 6c763f61 dismissed \\
        --reason "Orient Bridge dates the preview, not the release"
    """
    from factcheck.cli.common import ExitCode, report_stale, run_or_exit

    if set_:
        _set(paths, rule_paths, decisions_file, set_, reason, who)
        return
    path = Path(decisions_file) if decisions_file else default_path(paths)
    if not paths:
        raise click.UsageError("give the articles to review, e.g. `factcheck review corpus/deepseek`")
    result = run_or_exit(paths, rule_paths, path)
    report_stale(result)
    queue = [f for f in result.finding_records if walk_all or (f.status == "open" and f.severity != "info")]
    if not queue:
        click.echo(f"Nothing to review: no open finding. Decisions: {path}")
        raise SystemExit(ExitCode.OK)
    taken: Counter[str] = Counter()
    decided: set[str] = set()
    user = current_user(who)
    for n, finding in enumerate(queue, 1):
        click.echo(_show(result, finding, n, len(queue)))
        choice = _ask()
        if choice == "quit":
            break
        if choice == "skip":
            continue
        why = _ask_reason(choice, finding, result)
        if why is None:
            break
        _save(path, Decision(finding.fingerprint, choice, why, user, now(), finding.rule, finding.fact))
        taken[choice] += 1
        decided.add(finding.fingerprint)
        click.echo(click.style(f"-> {choice}; saved to {path}", fg="green"))
    open_left = sum(1 for f in result.finding_records
                    if f.status == "open" and f.severity != "info" and f.fingerprint not in decided)
    done = ", ".join(f"{n} {s}" for s, n in sorted(taken.items())) or "no decision"
    click.echo(f"\nThis session: {done}. {open_left} finding(s) still open. Decisions: {path}")


def _ask() -> str:
    """The editor's choice; end of input counts as quit (what was decided is already saved)."""
    try:
        answer = click.prompt("[c]onfirm  [d]ismiss  [f]ixed  [s]kip  [q]uit", type=click.Choice(
            list(CHOICES), case_sensitive=False), show_choices=False, prompt_suffix="? ")
    except click.Abort:
        click.echo()
        return "quit"
    return CHOICES[answer.lower()]


def _ask_reason(status: str, finding: Finding, result: Result) -> str | None:
    """A reason: required to dismiss (asked again until given), optional otherwise. None on end of input."""
    old = result.decision(finding)
    required = status == "dismissed"
    try:
        return str(click.prompt("Reason" + ("" if required else " (optional)"),
                                default=None if required else (old.reason if old else ""),
                                show_default=False, value_proc=_reason_proc(required))).strip()
    except click.Abort:
        click.echo()
        return None


def _reason_proc(required: bool) -> Callable[[str], str]:
    """Refuses a blank reason where one is required (click then asks again)."""

    def check(value: str) -> str:
        if required and not value.strip():
            raise click.UsageError("a reason is required to dismiss a finding")
        return value

    return check


def _save(path: Path, decision: Decision) -> None:
    """Record at once (under the file's lock, on a fresh read of it)."""
    _guarded(path, lambda: record(path, decision))


def _guarded(path: Path, write: Callable[[], T]) -> T:
    """Run a write of the decisions file; a file that does not load (it is left alone) or cannot be
    written is reported, and the run stops with exit 2."""
    from factcheck.cli.common import exit_with_problems

    try:
        return write()
    except DecisionsError as exc:
        exit_with_problems(exc.problems, f"the decisions file {path} does not load; it was left as it is and this"
                                         " decision was not saved")
    except OSError as exc:  # a folder we may not write, or the lock held by another writer for too long
        exit_with_problems([], f"could not write {path}: {exc}")


def _set(paths: Sequence[str], rule_paths: Sequence[str], decisions_file: str | None, set_: tuple[str, str],
         reason: str, who: str | None) -> None:
    """`--set FINGERPRINT STATUS`: one decision without prompts, for scripts. The prefix is matched, and
    the decision written, under the file's lock, so that many run at once lose nothing."""
    from factcheck.cli.common import run_or_exit

    if not paths and not decisions_file:
        raise click.UsageError("--set needs the articles (PATHS), whose folder keeps the decisions, or --decisions"
                               " FILE, e.g. `factcheck review corpus/deepseek --set 6c763f61 confirmed`")
    given, status = set_[0].strip().lower(), set_[1].strip().lower()
    if status not in (*STATUSES, "open"):
        raise click.UsageError(f"unknown status '{set_[1]}' (expected {', '.join(STATUSES)} or open)")
    if status == "dismissed" and not reason.strip():
        raise click.UsageError("dismissing a finding needs --reason \"why it is not a conflict\"")
    if not PREFIX.match(given):
        raise click.UsageError(f"'{set_[0]}' is not a fingerprint (4 or more of its hex digits, as the table's"
                               " fingerprint column or `factcheck check --format json` shows them)")
    path = Path(decisions_file) if decisions_file else default_path(paths)
    findings = run_or_exit(paths, rule_paths, None).finding_records if paths else None
    user, when = current_user(who), now()

    def change(decisions: dict[str, Decision]) -> str:
        fp, rule, fact = _pick(given, status, findings, decisions, paths, path)
        if status == "open":
            del decisions[fp]
        else:
            decisions[fp] = Decision(fp, status, reason.strip(), user, when, rule, fact)
        return fp

    fingerprint = _guarded(path, lambda: update(path, change))
    what = "reopened (decision removed)" if status == "open" else status
    click.echo(f"{fingerprint}: {what}; saved to {path}")


def _pick(given: str, status: str, findings: list[Finding] | None, decisions: dict[str, Decision],
          paths: Sequence[str], path: Path) -> tuple[str, str, str]:
    """The fingerprint, rule and fact that `given` names: a finding of PATHS (or, to reopen, a decision
    in the file); without PATHS, a decision in the file or a whole new fingerprint. UsageError otherwise."""
    known = {f.fingerprint: (f.rule, f.fact) for f in findings or ()}
    if status == "open" or findings is None:
        known = {fp: (d.rule, d.fact) for fp, d in decisions.items()}
    found = match_prefix(given, known)
    if len(found) > 1:
        named = [f"{fp} ({', '.join(x for x in known[fp] if x) or 'no rule named'})" for fp in found[:LISTED]]
        more = f", and {len(found) - LISTED} more" if len(found) > LISTED else ""
        raise click.UsageError(f"'{given}' is the start of {len(found)} fingerprints: {'; '.join(named)}{more}."
                               " Give more digits")
    if found:
        return found[0], *known[found[0]]
    if status == "open":
        raise click.UsageError(f"{path} holds no decision for {given}")
    if findings is not None:
        raise click.UsageError(f"no finding has fingerprint {given} in {' '.join(paths)} (see them with"
                               " `factcheck check PATHS`)")
    if len(given) != FULL_DIGITS:
        raise click.UsageError(f"{path} holds no decision for {given}: without the articles, a new decision needs"
                               f" the whole fingerprint ({FULL_DIGITS} hex digits), or give PATHS to match a prefix")
    return given, "", ""


# --- showing one finding ----------------------------------------------------------------------


def _show(result: Result, f: Finding, n: int, total: int) -> str:
    """A finding as the editor sees it: what, which rule, the message, and both passages."""
    from factcheck.report import finding_passages, other_claims

    width = max(50, min(shutil.get_terminal_size((100, 24)).columns, 120))
    colour = {"error": "red", "warning": "yellow", "info": "blue"}.get(f.severity)
    lines = ["", "─" * width,
             f"Finding {n} of {total} · " + click.style(f.severity.upper(), fg=colour, bold=True)
             + f" · {f.rule} · fingerprint {f.fingerprint}",
             click.style(one_line(f.fact), bold=True)]
    lines += textwrap.wrap(one_line(f.message), width)
    d = result.decision(f)
    if d:
        lines.append(one_line(f"decided: {d.status}" + (f" by {d.who}" if d.who else "")
                              + (f" on {d.when}" if d.when else "") + (f": {d.reason}" if d.reason else "")))
    shown = finding_passages(result, f)
    _, b = f.pair()
    for p, label in zip(shown, ["SAYS"] + ["VS" if b else "ALSO"] * (len(shown) - 1)):
        c = p.claim
        lines += ["", f"  {label:<5} " + click.style(one_line(c.source or c.article), bold=True)
                  + f" · {c.published or 'undated'} · {one_line(c.article)}"]
        indent = " " * 8
        if p.url:
            lines.append(indent + one_line(p.url))
        lines += _passage_lines(p, width, indent)
    rest = other_claims(f, shown)
    if rest:
        more = one_line("; ".join(f"{c.source or c.article}: {c.text}" for c in rest))
        lines += [""] + textwrap.wrap(f"and {len(rest)} more: {more}", width, initial_indent="  ",
                                      subsequent_indent="  ")
    lines.append("")
    return "\n".join(lines)


def _passage_lines(p: Passage, width: int, indent: str) -> list[str]:
    """The passage wrapped to the terminal, its claim «marked» (and coloured on a terminal)."""
    pieces, at = [], 0
    text = terminal_text(p.text)  # one sign for one control character: the marks still fall right
    for start, end, own in p.marks:
        pieces += [text[at:start], OWN if own else OTHER, text[start:end], CLOSE]
        at = end
    pieces.append(text[at:])
    text = ("…" if p.cut_before else "") + "".join(pieces) + ("…" if p.cut_after else "")
    wrapped = textwrap.wrap(" ".join(text.split()), width - len(indent)) or [""]
    out, state = [], ""
    for line in wrapped:
        styled, state = _style_line(line, state)
        out.append(indent + styled)
    return out


def _style_line(line: str, state: str) -> tuple[str, str]:
    """Turn the marks in one wrapped line into «» and colour; a mark open at the line end carries on."""
    parts: list[str] = []
    buf = ""

    def flush() -> None:
        if buf:
            if state == OWN:
                parts.append(click.style(buf, fg="yellow", bold=True))
            elif state == OTHER:
                parts.append(click.style(buf, underline=True))
            else:
                parts.append(buf)

    for ch in line:
        if ch in (OWN, OTHER):
            flush()
            buf, state = ("«" if ch == OWN else ""), ch
        elif ch == CLOSE:
            buf += "»" if state == OWN else ""
            flush()
            buf, state = "", ""
        else:
            buf += ch
    flush()
    return "".join(parts), state
