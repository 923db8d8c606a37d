"""The command line: `factcheck check`, `factcheck extract`. A thin layer over factcheck.pipeline."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

import click

from factcheck.corpus import MAX_ARTICLE_BYTES
from factcheck.decisions import OPEN_STATUSES
from factcheck.report.display import (
    Column,
    Layout,
    csv_cell,
    fit_table,
    json_object_chunks,
    json_text,
    terminal_text,
    terminal_width,
)
from factcheck.rules import SEVERITY_RANK

from factcheck.cli.common import (
    RULES_HELP,
    ExitCode,
    Main,
    read_or_exit,
    report_stale,
    run_or_exit,
)


_DECISIONS_HELP = ("The review decisions file (default: factcheck-decisions.yaml in the folder of the articles,"
                   " else in the current directory).")


_MAX_BYTES = click.option("--max-article-bytes", "max_bytes", type=click.IntRange(min=1), default=MAX_ARTICLE_BYTES,
                          show_default=True, help="Skip an article larger than this many bytes (a file, or one"
                          " .jsonl record), with a line on stderr: a hostile or broken input cannot stall the run.")


_JOBS = click.option("--jobs", type=click.IntRange(min=1), default=None,
                     help="Processes that read the articles (default: the machine's cores). The results are the"
                          " same for any number; a run of fewer than 16 articles reads them in one.")


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Find where news sources disagree on a figure or a date.

    factcheck reads articles (.md/.txt with YAML front matter, .html, .jsonl), pulls out every
    numeric and dated claim, matches the claims that speak of the same fact across sources, and
    applies the rules in rules/*.yaml to flag conflicts.

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
                2 usage or configuration error (bad rule file, no readable input,
                  output that cannot be written);
                3 an internal error (a bug in factcheck: please report it).
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "html", "json", "csv", "sarif", "github"]),
              default="table", show_default=True,
              help="What to print on standard output: sarif is SARIF 2.1.0 (code scanning, editors), github is"
                   " GitHub Actions annotations (::error file=...,line=...,col=...::message).")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding reaches this severity.")
@click.option("--output", type=click.Path(file_okay=False), default="reports", show_default=True,
              help="Folder where report.md, report.html, report.json and report.csv are written.")
@click.option("--no-report", is_flag=True, help="Do not write report files, only print.")
@click.option("--show-info", is_flag=True, help="Also list info findings (corroborated facts) in the table.")
@click.option("--show-all", is_flag=True,
              help="List every finding: also those dismissed or marked fixed in review, and info ones.")
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False), default=None, help=_DECISIONS_HELP)
@click.option("--all-claims", is_flag=True,
              help="In JSON, list every claim of each finding; by default at most 20 are listed (the first of each"
                   " side and of each distinct figure first), with claims_total and each side's distinct figures"
                   " (figures) counting all of them.")
@_MAX_BYTES
@_JOBS
def check(paths: tuple[str, ...], fmt: str, rule_paths: tuple[str, ...], fail_on: str, output: str,
          no_report: bool, show_info: bool, show_all: bool, decisions_file: str | None, all_claims: bool,
          max_bytes: int, jobs: int | None) -> None:
    """Check articles in PATHS (files or folders) for conflicting figures and dates.

    Prints a table of findings and a summary, writes reports to --output, and exits 1 when a
    finding reaches --fail-on. Decisions taken with `factcheck review` apply: dismissed and fixed
    findings are hidden and do not count (confirmed ones do). A story's own aliases.yaml, in the
    folder of its articles, is read over the default pack's (docs/rules.md). Example:
    factcheck check corpus/deepseek --format markdown
    """
    from factcheck.decisions import default_path
    from factcheck.report import Renders, summary_line, write_reports

    decisions = Path(decisions_file) if decisions_file else default_path(paths)
    result = run_or_exit(paths, rule_paths, decisions, max_bytes, jobs)
    report_stale(result)
    renders = Renders(result, all_claims)  # a report file that is what stdout shows is rendered once for both
    listed_info = show_info or fmt in ("markdown", "json", "csv")  # those have always listed them
    unwritten, written = "", []
    if not no_report:
        try:
            written = write_reports(result, Path(output), show_info=show_info, show_all=show_all, renders=renders)
        except OSError as exc:
            unwritten = (f"factcheck: cannot write the reports to {output}/ ({_why(exc)});"
                         " use --output DIR or --no-report")
    for piece in renders.pieces(fmt, show_info=listed_info, show_all=show_all):
        click.echo(_for_stdout(piece), nl=False)
    if written:
        click.echo(f"reports written to {Path(output)}/ ({', '.join(p.name for p in written)})", err=True)
    if fmt != "table":
        click.echo(summary_line(result), err=True)
    if unwritten:
        click.echo(unwritten, err=True)
        sys.exit(ExitCode.CANNOT_WRITE)
    if fail_on != "never":
        bar = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[f.severity] >= bar for f in result.finding_records if f.status in OPEN_STATUSES):
            sys.exit(ExitCode.FINDINGS)
    sys.exit(ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
@_MAX_BYTES
@_JOBS
def extract(paths: tuple[str, ...], fmt: str, rule_paths: tuple[str, ...], max_bytes: int, jobs: int | None) -> None:
    """List every numeric and dated claim in PATHS, with its span, interval, unit and attribution.

    Example: factcheck extract corpus/deepseek/01_harbour-ledger.md --format json
    """
    result = read_or_exit(paths, apply=False, max_bytes=max_bytes, rule_paths=rule_paths, jobs=jobs)
    if fmt == "json":  # a claim at a time: 10^5 claims never stand whole in memory as text
        for piece in json_object_chunks([("claims", (c.to_json() for c in result.claim_records))]):
            click.echo(piece, nl=False)
        sys.exit(ExitCode.OK)
    claims = [c.to_json() for c in result.claim_records]
    if fmt == "csv":
        buf = io.StringIO()
        cols = list(claims[0]) if claims else ["article", "text"]
        w = csv.DictWriter(buf, fieldnames=cols)
        w.writeheader()
        w.writerows({k: csv_cell(v) for k, v in c.items()} for c in claims)
        click.echo(_for_stdout(buf.getvalue()), nl=False)
    else:
        click.echo(_claims_table(claims, terminal_width()))
        unresolved = sum(1 for c in result.claim_records if c.kind == "date" and not c.resolved)
        note = f", {unresolved} relative dates unresolved (no published date)" if unresolved else ""
        click.echo(f"{len(claims)} claims in {len(result.articles)} articles{note}", err=True)
    sys.exit(ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format.")
@click.option("--all", "show_all", is_flag=True, help="Also list facts that only one source gives.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
@_MAX_BYTES
@_JOBS
def facts(paths: tuple[str, ...], fmt: str, show_all: bool, rule_paths: tuple[str, ...], max_bytes: int,
          jobs: int | None) -> None:
    """List the facts: claims from different articles about the same entity, attribute and period,
    each source's value as written, and whether they agree.

    Example: factcheck facts corpus/deepseek
    """
    from factcheck.rules import agreement

    result = read_or_exit(paths, apply=True, max_bytes=max_bytes, rule_paths=rule_paths, jobs=jobs)
    rows: list[dict[str, Any]] = []
    for f in result.fact_records:
        if len(f.sources) < 2 and not show_all:
            continue
        rows.append({"entity": f.entity, "attribute": f.attribute, "period": f.period, "sources": len(f.sources),
                     "agree": agreement(f), "values": [{"source": c.source or c.article, "text": c.text,
                                                        "article": c.article, "published": c.published}
                                                       for c in f.claims]})
    if fmt == "json":
        click.echo(json_text({"facts": rows}))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["entity", "attribute", "period", "sources", "agree", "values"])
        for r in rows:
            w.writerow([csv_cell(x) for x in (r["entity"], r["attribute"], r["period"], r["sources"], r["agree"],
                                              "; ".join(f"{v['source']}: {v['text']}" for v in r["values"]))])
        click.echo(_for_stdout(buf.getvalue()), nl=False)
    else:
        click.echo(_facts_table(rows, terminal_width()))
        hidden = "" if show_all else " (facts from one source only are hidden; --all shows them)"
        click.echo(f"{len(rows)} facts{hidden}", err=True)
    sys.exit(ExitCode.OK)


def _for_stdout(text: str) -> str:
    """What a command prints: on a terminal, control characters from articles are shown, not obeyed
    (a file or a pipe gets the text exactly)."""
    return terminal_text(text) if sys.stdout.isatty() else text


def _claims_table(claims: list[dict[str, Any]], width: int) -> str:
    """Every claim on one line when the terminal is wide enough, else a grid of four stacked columns:
    where (file and span), the claim, its value and interval, and its entity, attribute and period."""
    wide, compact = [], []
    for c in claims:
        name, span = Path(str(c["article"])).name, f"{c['start']}-{c['end']}"
        value, low, high, unit = _fmt(c["value"]), _fmt(c["low"]), _fmt(c["high"]), c["unit"] or c["noun"]
        who = (c["entity"] or "", c["attribute"] or "", c["period"] or "")
        wide.append((name, span, c["kind"], c["text"], value, low, high, unit, c["qualifier"], *who))
        interval = low if low == high else f"{low} to {high}"
        compact.append((f"{name}\n{span}", f"{c['text']}\n{c['kind']}, {c['qualifier']}",
                        f"{value} {unit}".strip() + (f"\n{interval}" if interval else ""),
                        "\n".join(x or "-" for x in who)))
    headers = ("article", "span", "kind", "text", "value", "low", "high", "unit/noun", "qualifier", "entity",
               "attribute", "period")
    return fit_table([
        Layout(tuple(Column(h, False) for h in headers), tuple(wide), style="simple"),
        Layout((Column("article\nspan", hang=2), Column("claim\nkind, qualifier", hang=2),
                Column("value\ninterval", hang=2), Column("entity\nattribute\nperiod", hang=2)), tuple(compact),
               min_wrap=0),
    ], width)


def _facts_table(rows: list[dict[str, Any]], width: int) -> str:
    """The facts in a grid: entity, attribute and period in columns of their own when the values get
    room enough, else in one column."""
    wide, compact = [], []
    for r in rows:
        values = "\n".join(f"{v['source']}: {v['text']}" for v in r["values"])
        agree = "yes" if r["agree"] else "NO"
        wide.append((r["entity"], r["attribute"], r["period"] or "", values, agree))
        fact = " / ".join(x for x in (r["entity"], r["attribute"], r["period"]) if x)
        compact.append((fact, values, agree))
    return fit_table([
        Layout((Column("entity"), Column("attribute"), Column("period"), Column("values", hang=2),
                Column("agree", False)),
               tuple(wide)),
        Layout((Column("fact"), Column("values", hang=2), Column("agree", False)), tuple(compact)),
    ], width)


def _why(exc: OSError) -> str:
    """An OS error's reason and the path it concerns, in a few words: "Read-only file system: reports/x"."""
    reason = exc.strerror or type(exc).__name__
    return f"{reason}: {exc.filename}" if exc.filename else reason


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:,.6g}"
    if isinstance(v, int):
        return f"{v:,}"
    return "" if v is None else str(v)


from factcheck.cli.review import review  # noqa: E402 - `factcheck review` lives in its own module

main.add_command(review)

from factcheck.cli.rules_cmd import rules_group  # noqa: E402 - `factcheck rules list|explain|test`

main.add_command(rules_group, "rules")

if __name__ == "__main__":
    main()
