"""Reporters: thin views over one Result (terminal table, Markdown, HTML, JSON, CSV)."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path
from typing import ClassVar

from tabulate import tabulate

from factcheck.pipeline import Result
from factcheck.records import Claim, Finding


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a reader never sees half of it: a temporary file, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _side(c: Claim) -> str:
    when = f", {c.published}" if c.published else ""
    return f"{c.text} ({c.source or c.article}{when})"


def summary_line(result: Result) -> str:
    s = result.summary()
    skipped = f", {s['skipped']} skipped" if s["skipped"] else ""
    return (
        f"{s['articles']} articles{skipped}, {s['claims']} claims, {s['facts']} facts; "
        f"findings: {s['error']} error, {s['warning']} warning, {s['info']} info"
    )


class Reporter:
    """Renders a Result in one format."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""

    def render(self, result: Result, *, show_info: bool = True) -> str:
        raise NotImplementedError

    @staticmethod
    def visible(result: Result, show_info: bool) -> list[Finding]:
        return [f for f in result.finding_records if show_info or f.severity != "info"]


class TableReporter(Reporter):
    name, suffix = "table", ".txt"

    def render(self, result: Result, *, show_info: bool = False) -> str:
        width = shutil.get_terminal_size((120, 20)).columns
        col = max(18, (width - 40) // 3)
        rows = []
        for f in self.visible(result, show_info):
            a, b = f.pair()
            rows.append([
                f.severity, f.rule, textwrap.fill(f.fact, col),
                textwrap.fill(_side(a), col), textwrap.fill(_side(b), col) if b else "", f.status,
            ])
        lines = []
        if rows:
            lines.append(tabulate(rows, headers=["severity", "rule", "fact", "says", "vs", "status"],
                                  tablefmt="simple_grid"))
        else:
            lines.append("No conflicts found.")
        hidden = sum(1 for f in result.finding_records if f.severity == "info") if not show_info else 0
        if hidden:
            lines.append(f"({hidden} info findings not shown; use --show-info)")
        lines.append(summary_line(result))
        return "\n".join(lines) + "\n"


class MarkdownReporter(Reporter):
    name, suffix = "markdown", ".md"

    def render(self, result: Result, *, show_info: bool = True) -> str:
        out = ["# factcheck report", "", summary_line(result), ""]
        rows = []
        for f in self.visible(result, show_info):
            a, b = f.pair()
            rows.append([f.severity, f.rule, f.fact, _side(a), _side(b) if b else "", f.message])
        if rows:
            out.append(tabulate(rows, headers=["severity", "rule", "fact", "says", "vs", "message"], tablefmt="github"))
        else:
            out.append("No conflicts found.")
        if result.problems:
            out += ["", "## Inputs with problems", ""] + [f"- {p}" for p in result.problems]
        return "\n".join(out) + "\n"


class JsonReporter(Reporter):
    name, suffix = "json", ".json"

    def render(self, result: Result, *, show_info: bool = True) -> str:
        doc = {"findings": [f.to_json() for f in self.visible(result, show_info)], "summary": result.summary()}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


class CsvReporter(Reporter):
    name, suffix = "csv", ".csv"

    def render(self, result: Result, *, show_info: bool = True) -> str:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["fingerprint", "rule", "severity", "status", "fact", "message", "a_text", "a_source", "a_article",
                    "b_text", "b_source", "b_article"])
        for f in self.visible(result, show_info):
            a, other = f.pair()
            b = other or a
            w.writerow([f.fingerprint, f.rule, f.severity, f.status, f.fact, f.message, a.text, a.source, a.article,
                        b.text, b.source, b.article])
        return buf.getvalue()


class HtmlReporter(Reporter):
    name, suffix = "html", ".html"

    def render(self, result: Result, *, show_info: bool = True) -> str:
        bodies = {a.id: a.body for a in result.articles}
        urls = {a.id: a.url for a in result.articles}

        def passage(c: Claim) -> str:
            body = bodies.get(c.article, "")
            s, e = c.sentence if c.sentence != (0, 0) else (max(0, c.start - 120), min(len(body), c.end + 120))
            pre, mid, post = body[s : c.start], body[c.start : c.end], body[c.end : e]
            link = urls.get(c.article)
            src = html.escape(c.source or c.article)
            src = f'<a href="{html.escape(link)}">{src}</a>' if link else src
            return (f"<div class=passage><div class=src>{src} · {html.escape(c.published or 'undated')}</div>"
                    f"{html.escape(pre)}<mark>{html.escape(mid)}</mark>{html.escape(post)}</div>")

        rows = []
        for f in self.visible(result, show_info):
            sides = "".join(passage(c) for c in f.pair() if c is not None)
            rows.append(
                f"<tr class='{f.severity}' data-severity='{f.severity}'><td>{f.severity}</td><td>{html.escape(f.rule)}</td>"
                f"<td>{html.escape(f.fact)}</td><td>{html.escape(f.message)}<div class=sides>{sides}</div></td>"
                f"<td>{f.status}</td></tr>"
            )
        table = "\n".join(rows) or "<tr><td colspan=5>No conflicts found.</td></tr>"
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factcheck report</title>
<style>
body{{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#222}}
table{{border-collapse:collapse;width:100%}} td,th{{border-bottom:1px solid #ddd;padding:.5rem;vertical-align:top;text-align:left}}
tr.error td:first-child{{color:#b00020;font-weight:600}} tr.warning td:first-child{{color:#a15c00;font-weight:600}}
.sides{{display:flex;gap:1rem;margin-top:.5rem}} .passage{{flex:1;background:#f6f6f6;padding:.5rem;border-radius:4px}}
.src{{font-size:12px;color:#555;margin-bottom:.25rem}} mark{{background:#ffe28a}}
</style></head><body>
<h1>factcheck report</h1><p>{html.escape(summary_line(result))}</p>
<table><thead><tr><th>severity</th><th>rule</th><th>fact</th><th>finding</th><th>status</th></tr></thead>
<tbody>
{table}
</tbody></table></body></html>
"""


REPORTERS: dict[str, type[Reporter]] = {
    r.name: r for r in (TableReporter, MarkdownReporter, HtmlReporter, JsonReporter, CsvReporter)
}


def write_reports(result: Result, folder: Path) -> list[Path]:
    """Write the report in every file format to `folder` (report.md, .html, .json, .csv)."""
    written = []
    for name in ("markdown", "html", "json", "csv"):
        reporter = REPORTERS[name]()
        path = folder / f"report{reporter.suffix}"
        write_atomic(path, reporter.render(result))
        written.append(path)
    return written
