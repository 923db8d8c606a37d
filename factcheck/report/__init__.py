"""Reporters: thin views over one Result (terminal table, Markdown, HTML, JSON, CSV).

What is shown follows the review: dismissed and fixed findings are hidden unless `show_all`, info
findings unless `show_info` (or `show_all`). Report files keep every finding with its status.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from tabulate import tabulate

from factcheck.core.files import write_atomic
from factcheck.core.records import BOTH_SIDES, Article, Claim, Finding
from factcheck.core import VERSION
from factcheck.corpus import OUTPUT_MANIFEST, written_here
from factcheck.decisions import OPEN_STATUSES
from factcheck.pipeline import Result
from factcheck.report.display import (
    Column,
    Layout,
    csv_cell,
    fit_table,
    json_object_chunks,
    json_text,
    link_target,
    markdown_text,
    one_line,
    terminal_text,
    terminal_width,
    wrap,
)

SEVERITY_ORDER = {"error": 2, "warning": 1, "info": 0}
STATUS_ORDER = {"open": 0, "confirmed": 1, "dismissed": 2, "fixed": 3}
SHORT = 8  # hex digits of a fingerprint shown in tables: enough to be unique, and `review --set` takes them


def short(fingerprint: str) -> str:
    """The fingerprint as tables show it (its first SHORT hex digits)."""
    return fingerprint[:SHORT]


def _side(c: Claim) -> str:
    when = f", {c.published}" if c.published else ""
    return f"{c.text} ({c.source or c.article}{when})"


def summary_line(result: Result) -> str:
    """Articles, claims, facts, findings still counted by severity, and how many the review decided."""
    s = result.summary()
    skipped = f", {s['skipped']} skipped" if s["skipped"] else ""
    decided = Counter(f.status for f in result.finding_records if f.status != "open")
    detail = f" ({', '.join(f'{n} {status}' for status, n in sorted(decided.items()))})" if decided else ""
    stale = f"; {s['stale']} stale decision{'s' if s['stale'] != 1 else ''}" if s["stale"] else ""
    return (
        f"{s['articles']} articles{skipped}, {s['claims']} claims, {s['facts']} facts; "
        f"findings: {s['error']} error, {s['warning']} warning, {s['info']} info; "
        f"{s['decided']} decided{detail}{stale}"
    )


def is_shown(f: Finding, show_info: bool, show_all: bool) -> bool:
    """Whether a view lists a finding: decided-away ones only with show_all, info ones with show_info."""
    if show_all:
        return True
    return f.status in OPEN_STATUSES and (show_info or f.severity != "info")


def hidden_notes(result: Result, show_info: bool, show_all: bool) -> list[str]:
    """One line for each kind of finding a view leaves out, and the option that shows it."""
    if show_all:
        return []
    decided = sum(1 for f in result.finding_records if f.status not in OPEN_STATUSES)
    info = sum(1 for f in result.finding_records if f.status in OPEN_STATUSES and f.severity == "info")
    notes = []
    if info and not show_info:
        notes.append(f"({info} info findings not shown; use --show-info)")
    if decided:
        notes.append(f"({decided} dismissed or fixed findings not shown; use --show-all)")
    return notes


# --- passages: the sentence around a claim, with the finding's claims marked ------------------


@dataclass(frozen=True)
class Passage:
    """The text around one claim of a finding, for showing both sides next to each other."""

    claim: Claim
    text: str
    marks: tuple[tuple[int, int, bool], ...]  # (start, end, is this passage's own claim), relative to text
    url: str
    cut_before: bool  # the text starts mid-sentence
    cut_after: bool


def passage(article: Article | None, claim: Claim, finding: Finding, limit: int = 600) -> Passage:
    """The claim's sentence (or, when it is very long or unknown, a window around the claim), with
    every claim of the finding that stands in it marked."""
    body = article.body if article else ""
    s, e = claim.sentence
    if not (s <= claim.start and claim.end <= e <= len(body)) or (s, e) == (0, 0) or e - s > limit:
        s, e = max(0, claim.start - limit // 4), min(len(body), claim.end + limit // 4)
        while s > 0 and not body[s - 1].isspace() and s < claim.start:
            s += 1
        while e < len(body) and not body[e].isspace() and e > claim.end:
            e -= 1
    if not body:
        return Passage(claim, claim.text, ((0, len(claim.text), True),), "", False, False)
    marks: list[tuple[int, int, bool]] = []
    for c in finding.claims:
        if c.article == claim.article and s <= c.start and c.end <= e:
            span = (c.start - s, c.end - s, c.start == claim.start and c.end == claim.end)
            if not any(a < span[1] and span[0] < b for a, b, _ in marks):
                marks.append(span)
    stripped = body[s:e]
    lead = len(stripped) - len(stripped.lstrip())
    text = stripped.strip()
    marks = sorted((a - lead, b - lead, own) for a, b, own in marks)
    before = body[:s].rstrip()
    cut_before = bool(before) and before[-1] not in ".!?:\n\"”’)" and not text[:1].isupper()
    cut_after = e < len(body) and bool(text) and text[-1] not in ".!?:\"”’)"
    return Passage(claim, text, tuple(marks), article.url if article else "", cut_before, cut_after)


def finding_passages(result: Result, finding: Finding) -> list[Passage]:
    """The passages of the sides of a finding: the first claim of each (one when it has one claim)."""
    articles = result.articles_by_id
    a, b = finding.pair()
    if b is None and len(finding.claims) > 1:  # agreeing sources: still show two of them
        b = next((c for c in finding.claims[1:] if (c.source or c.article) != (a.source or a.article)),
                 finding.claims[1])
    sides = finding.sides or tuple(range(len(finding.claims)))
    firsts: dict[int, Claim] = {}
    for c, side in zip(finding.claims, sides):
        if side >= 2:  # a third reading that disagrees with both ("45 miles" against "120 km" and "80 km")
            firsts.setdefault(side, c)
    return [passage(articles.get(c.article), c, finding) for c in (a, b, *firsts.values()) if c is not None]


LISTED_CLAIMS = 20  # claims a finding lists beyond its passages in the HTML page: a fact of 10^4 claims stays readable


def figure_counts(claims: Sequence[Claim], most: int = 4) -> str:
    """The distinct figures of some claims with how many give each, most given first: ": $5.6 million
    (12), $6 million (3), and 2 more figures"; "" when every claim gives a figure of its own."""
    counts = Counter(c.text for c in claims)
    if len(counts) == len(claims):
        return ""
    shown = ", ".join(f"{text} ({n})" for text, n in counts.most_common(most))
    more = len(counts) - most
    return f": {shown}" + (f", and {more} more figure{'s' if more > 1 else ''}" if more > 0 else "")


def other_claims(finding: Finding, shown: Sequence[Passage]) -> list[Claim]:
    """The claims of a finding beyond the two passages shown."""
    used = {(p.claim.article, p.claim.start) for p in shown}
    return [c for c in finding.claims if (c.article, c.start) not in used]


# --- reporters --------------------------------------------------------------------------------


class Reporter:
    """Renders a Result in one format."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""

    def render(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> str:
        raise NotImplementedError

    @staticmethod
    def visible(result: Result, show_info: bool, show_all: bool = False) -> list[Finding]:
        return [f for f in result.finding_records if is_shown(f, show_info, show_all)]


class TableReporter(Reporter):
    name, suffix = "table", ".txt"

    def render(self, result: Result, *, show_info: bool = False, show_all: bool = False) -> str:
        findings = self.visible(result, show_info, show_all)
        lines = []
        if findings:
            lines.append(self.table(findings, terminal_width()))
        elif not show_all and any(f.status not in OPEN_STATUSES for f in result.finding_records):
            lines.append("No open conflicts.")
        else:
            lines.append("No conflicts found.")
        lines += hidden_notes(result, show_info, show_all)
        lines += wrap(summary_line(result), terminal_width())
        return "\n".join(lines) + "\n"

    @staticmethod
    def table(findings: Sequence[Finding], width: int) -> str:
        """The findings as a grid no wider than `width`: one column each for severity, rule, fact, both
        sides, status and short fingerprint when the fact and sides get room enough, else severity,
        rule, fingerprint and status stacked in one narrow column. Rule ids and fingerprints are never
        broken, so that they can be searched for and given to `factcheck review --set`."""
        wide, compact = [], []
        for f in findings:
            a, b = f.pair()
            says, vs = _side(a), _side(b) if b else ""
            wide.append((f.severity, f.rule, f.fact, says, vs, f.status, short(f.fingerprint)))
            compact.append((f"{f.severity}\n{f.rule}\n{short(f.fingerprint)}\n{f.status}", f.fact, says, vs))
        fixed = (Column("severity", False), Column("rule", False))
        text = (Column("fact"), Column("says"), Column("vs"))
        return fit_table([
            Layout((*fixed, *text, Column("status", False), Column("fingerprint", False)), tuple(wide)),
            Layout((Column("severity\nrule\nfingerprint\nstatus", False), *text), tuple(compact)),
        ], width)


class MarkdownReporter(Reporter):
    name, suffix = "markdown", ".md"

    def render(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> str:
        out = ["# factcheck report", "", summary_line(result), ""]
        rows = []
        for f in self.visible(result, show_info, show_all):
            a, b = f.pair()
            d = result.decision(f)
            status = f"{f.status}: {d.reason} ({d.who})" if d and d.reason else f.status
            rows.append([markdown_text(x) for x in (f.severity, f.rule, short(f.fingerprint), f.fact, _side(a),
                                                     _side(b) if b else "", status, f.message)])
        if rows:
            out.append(tabulate(rows, headers=["severity", "rule", "fingerprint", "fact", "says", "vs", "status",
                                               "message"], tablefmt="github", disable_numparse=True))
        else:
            out.append("No conflicts found.")
        notes = hidden_notes(result, show_info, show_all)
        if notes:
            out += [""] + notes
        if result.stale:
            out += ["", "## Stale decisions", "",
                    "These decisions match no finding any more (the figure changed, or the finding went away):", ""]
            out += [f"- `{d.fingerprint}` {markdown_text(d.status)}: {markdown_text(d.rule)} {markdown_text(d.fact)}"
                    f" {markdown_text(d.reason)}".rstrip() for d in result.stale]
        if result.problems:
            out += ["", "## Inputs with problems", ""] + [f"- {markdown_text(str(p))}" for p in result.problems]
        return "\n".join(out) + "\n"


def _stale_json(result: Result) -> list[dict[str, object]]:
    return [{"fingerprint": d.fingerprint, "status": d.status, "rule": d.rule, "fact": d.fact, **d.to_json()}
            for d in result.stale]


CLAIMS_LISTED = 20  # claims the JSON lists for a finding; `check --all-claims` lists every one


class JsonReporter(Reporter):
    name, suffix = "json", ".json"

    def __init__(self, most: int | None = CLAIMS_LISTED) -> None:
        self.most = most  # claims listed for a finding (None: all of them)

    def render(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> str:
        return "".join(self.chunks(result, show_info=show_info, show_all=show_all))

    def chunks(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> Iterator[str]:
        """The text of `render`, a finding at a time."""
        return json_object_chunks([("findings", self._findings(result, show_info, show_all)),
                                   ("summary", result.summary()), ("stale_decisions", iter(_stale_json(result)))])

    def _findings(self, result: Result, show_info: bool, show_all: bool) -> Iterator[dict[str, object]]:
        for f in self.visible(result, show_info, show_all):
            doc = f.to_json(self.most)
            d = result.decision(f)
            if d:
                doc["decision"] = d.to_json()
            yield doc


class CsvReporter(Reporter):
    name, suffix = "csv", ".csv"

    def render(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> str:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["fingerprint", "rule", "severity", "status", "fact", "message", "a_text", "a_source", "a_article",
                    "b_text", "b_source", "b_article", "a_published", "b_published", "reason", "who", "when"])
        for f in self.visible(result, show_info, show_all):
            a, other = f.pair()
            b = other or a
            d = result.decision(f)
            w.writerow([csv_cell(x) for x in (
                f.fingerprint, f.rule, f.severity, f.status, f.fact, f.message, a.text, a.source, a.article,
                b.text, b.source, b.article, a.published or "", b.published or "",
                d.reason if d else "", d.who if d else "", d.when if d else "")])
        return buf.getvalue()


class HtmlReporter(Reporter):
    """One self-contained page: every finding, a sortable table filtered in the page (severity, rule,
    source, status, text), and for each finding both passages side by side with the claims marked.

    All findings are in the page; `show_info` and `show_all` only set which filters start ticked.
    """

    name, suffix = "html", ".html"

    def render(self, result: Result, *, show_info: bool = True, show_all: bool = False) -> str:
        findings = result.finding_records
        bodies = "\n".join(self._finding(result, f) for f in findings)
        sev_count = Counter(f.severity for f in findings)
        status_count = Counter(f.status for f in findings)
        sev_boxes = "".join(
            self._box("severity", s, sev_count[s], s != "info" or show_info or show_all)
            for s in ("error", "warning", "info"))
        status_boxes = "".join(
            self._box("status", s, status_count[s], s in OPEN_STATUSES or show_all) for s in STATUS_ORDER)
        rules = sorted({f.rule for f in findings})
        sources = sorted({c.source or c.article for f in findings for c in f.claims})
        rule_opts = "".join(f"<option>{_e(r)}</option>" for r in rules)
        source_opts = "".join(f"<option>{_e(s)}</option>" for s in sources)
        extra = self._stale(result) + self._problems(result)
        return _PAGE.format(
            summary=_e(summary_line(result)), severity_boxes=sev_boxes, status_boxes=status_boxes,
            rule_options=rule_opts, source_options=source_opts, bodies=bodies, total=len(findings),
            extra=extra, css=_CSS, js=_JS, script_hash=_SCRIPT_HASH,
            empty="No finding matches these filters." if findings else "No conflicts found.",
        )

    @staticmethod
    def _box(name: str, value: str, count: int, checked: bool) -> str:
        tick = " checked" if checked else ""
        return (f"<label class='tick {value}'><input type=checkbox name={name} value={value}{tick}>"
                f" {value} <span class=count>{count}</span></label>")

    def _finding(self, result: Result, f: Finding) -> str:
        a, b = f.pair()
        shown = finding_passages(result, f)
        sources = "\t".join(sorted({c.source or c.article for c in f.claims}))
        d = result.decision(f)
        cells = "".join([
            f"<td class=sev>{_e(f.severity)}</td>",
            f"<td class=rule>{_e(f.rule)}</td>",
            f"<td class=fact>{_e(f.fact)}</td>",
            f"<td class=says>{self._value(a)}</td>",
            f"<td class=vs>{self._value(b) if b else ''}</td>",
            f"<td class=status>{_e(f.status)}</td>",
        ])
        labels = ["says"] + ["vs" if b else "also"] * (len(shown) - 1)
        sides = "".join(self._passage(p, label) for p, label in zip(shown, labels))
        rest = other_claims(f, shown)
        also = ""
        if rest:
            fits_both = {id(c) for c, side in zip(f.claims, f.sides) if side == BOTH_SIDES}
            items = "".join(f"<li>{self._value(c)}{' (fits both sides)' if id(c) in fits_both else ''}</li>"
                            for c in rest[:LISTED_CLAIMS])
            if len(rest) > LISTED_CLAIMS:
                items += f"<li class=more>and {len(rest) - LISTED_CLAIMS} more (every claim is in report.json)</li>"
            also = f"<details class=also><summary>{len(rest)} more claim{'s' if len(rest) > 1 else ''}" \
                   f"{_e(figure_counts(rest))}</summary><ul>{items}</ul></details>"
        decided = ""
        if d:
            who = f" by {_e(d.who)}" if d.who else ""
            when = f" on {_e(d.when)}" if d.when else ""
            reason = f": {_e(d.reason)}" if d.reason else ""
            decided = f"<p class=decision><b>{_e(d.status)}</b>{who}{when}{reason}</p>"
        attrs = {
            "class": f"finding {f.severity} {f.status}", "data-fingerprint": f.fingerprint,
            "data-severity": f.severity, "data-status": f.status, "data-sources": sources,
            "data-sev": str(SEVERITY_ORDER.get(f.severity, 0)), "data-rule": f.rule, "data-fact": f.fact,
            "data-a": f"{a.source or a.article} {a.text}", "data-b": f"{b.source or b.article} {b.text}" if b else "",
            "data-st": str(STATUS_ORDER.get(f.status, 0)),
        }
        attr = " ".join(f'{k}="{_e(v)}"' for k, v in attrs.items())
        return (f"<tbody {attr}>\n<tr class=head>{cells}</tr>\n"
                f"<tr class=detail><td colspan=6><p class=message>{_e(f.message)}</p>"
                f"<div class=sides>{sides}</div>{also}{decided}"
                f"<p class=meta>fingerprint <code>{_e(f.fingerprint)}</code></p></td></tr>\n</tbody>")

    @staticmethod
    def _value(c: Claim) -> str:
        return (f"<span class=value>{_e(c.text)}</span><span class=who>{_e(c.source or c.article)}"
                f" · {_e(c.published or 'undated')}</span>")

    @staticmethod
    def _passage(p: Passage, label: str) -> str:
        parts, at = [], 0
        for start, end, own in p.marks:
            parts.append(_e(p.text[at:start]))
            parts.append(f"<mark{'' if own else ' class=other'}>{_e(p.text[start:end])}</mark>")
            at = end
        parts.append(_e(p.text[at:]))
        text = ("…" if p.cut_before else "") + "".join(parts) + ("…" if p.cut_after else "")
        c = p.claim
        src = _e(c.source or c.article)
        href = link_target(p.url)
        if href:
            src = f'<a href="{_e(href)}" target=_blank rel="noopener noreferrer">{src}</a>'
        elif p.url:
            src += f" <span class=url>{_e(p.url)}</span>"
        return (f"<figure class=passage data-side={label}><figcaption><span class=label>{label}</span> {src}"
                f" · {_e(c.published or 'undated')} <span class=file>{_e(c.article)}</span></figcaption>"
                f"<blockquote>{text}</blockquote></figure>")

    @staticmethod
    def _stale(result: Result) -> str:
        if not result.stale:
            return ""
        items = "".join(f"<li><code>{_e(d.fingerprint)}</code> {_e(d.status)} {_e(d.rule)} {_e(d.fact)}"
                        f"{': ' + _e(d.reason) if d.reason else ''}</li>" for d in result.stale)
        return (f"<section class=notes><h2>Stale decisions</h2><p>These decisions in {_e(result.decisions_path)}"
                f" match no finding any more (the figure changed, or the finding went away).</p><ul>{items}</ul>"
                "</section>")

    @staticmethod
    def _problems(result: Result) -> str:
        if not result.problems:
            return ""
        items = "".join(f"<li>{_e(str(p))}</li>" for p in result.problems)
        return f"<section class=notes><h2>Inputs with problems</h2><ul>{items}</ul></section>"


def _e(text: str) -> str:
    """Text for the page: HTML-escaped, and control characters shown as signs (a page printed to a
    terminal runs no escape sequence either)."""
    return html.escape(terminal_text(text), quote=True)


_CSS = """
:root{--err:#b00020;--warn:#9a5800;--info:#34657f;--line:#ddd;--muted:#5c5c5c}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem 2rem;color:#222;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem} h2{font-size:1.1rem}
.summary{color:var(--muted);margin:0 0 1rem}
#filters{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;background:#f4f5f7;
 border-radius:6px;position:sticky;top:0;z-index:1}
#filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.6rem;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:.4rem}
.tick{white-space:nowrap;cursor:pointer} .count{color:var(--muted);font-size:12px}
select,input[type=search]{font:inherit;padding:.15rem .3rem}
#shown{color:var(--muted);margin:.6rem 0}
table{border-collapse:collapse;width:100%}
th{text-align:left;border-bottom:2px solid #999;padding:0}
th button{all:unset;cursor:pointer;display:block;padding:.45rem .5rem;font-weight:600;width:100%}
th button:focus-visible{outline:2px solid #3367d6}
th[aria-sort=ascending] button::after{content:" \\25B2";font-size:11px}
th[aria-sort=descending] button::after{content:" \\25BC";font-size:11px}
td{padding:.45rem .5rem;vertical-align:top}
tbody.finding{border-bottom:1px solid var(--line)}
tbody.finding tr.head td{padding-top:.7rem}
td.sev{font-weight:600;text-transform:uppercase;font-size:12px;letter-spacing:.03em}
tbody.error td.sev{color:var(--err)} tbody.warning td.sev{color:var(--warn)} tbody.info td.sev{color:var(--info)}
tbody.dismissed,tbody.fixed{opacity:.65}
td.status{font-size:13px}
.value{display:block;font-weight:600} .who{display:block;color:var(--muted);font-size:12px}
tr.detail td{padding-top:0;padding-bottom:.9rem}
.message{margin:.1rem 0 .5rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.passage{margin:0;background:#f6f6f6;border-left:3px solid #bbb;padding:.5rem .75rem;border-radius:3px}
.passage[data-side=vs]{border-left-color:#888}
figcaption{font-size:12px;color:var(--muted);margin-bottom:.25rem}
figcaption .label{font-weight:600;text-transform:uppercase;margin-right:.25rem}
figcaption .file{opacity:.8;margin-left:.25rem}
figcaption .url{word-break:break-all}
blockquote{margin:0}
mark{background:#ffd84d;padding:0 .1em;border-radius:2px;font-weight:600}
mark.other{background:#fff1b8;font-weight:400}
.decision{margin:.5rem 0 0;font-size:13px}
.meta{margin:.4rem 0 0;font-size:12px;color:var(--muted)} code{font-size:12px}
details.also{margin-top:.4rem;font-size:13px} details.also ul{margin:.25rem 0}
.notes{margin-top:2rem}
@media (max-width:760px){.sides{grid-template-columns:1fr} body{margin:1rem}}
"""

_JS = """
(function () {
  var table = document.getElementById('findings');
  var form = document.getElementById('filters');
  var empty = document.getElementById('empty');
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody.finding'));
  rows.forEach(function (r, i) { r.dataset.index = i; });
  function ticked(name) {
    var out = {};
    form.querySelectorAll('input[name=' + name + ']:checked').forEach(function (x) { out[x.value] = true; });
    return out;
  }
  function apply() {
    var sev = ticked('severity'), st = ticked('status');
    var rule = form.rule.value, src = form.source.value, q = form.q.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = sev[r.dataset.severity] && st[r.dataset.status] && (!rule || r.dataset.rule === rule) &&
        (!src || r.dataset.sources.split('\\t').indexOf(src) >= 0) &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    document.getElementById('shown').textContent = 'Showing ' + n + ' of ' + rows.length + ' findings';
    empty.hidden = n > 0;
  }
  function sort(th) {
    var key = th.dataset.key, numeric = th.dataset.type === 'number';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var sign = dir === 'ascending' ? 1 : -1;
    rows.sort(function (x, y) {
      var a = x.dataset[key] || '', b = y.dataset[key] || '';
      var c = numeric ? Number(a) - Number(b) : a.localeCompare(b, undefined, {sensitivity: 'base', numeric: true});
      return sign * c || x.dataset.index - y.dataset.index;
    });
    rows.forEach(function (r) { table.insertBefore(r, empty); });
  }
  table.querySelectorAll('th[data-key] button').forEach(function (b) {
    b.addEventListener('click', function () { sort(b.parentNode); });
  });
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
"""

# the page runs its own script and nothing else: no inline handler, no javascript: URL (defence in
# depth; everything from an article is escaped)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'sha256-{script_hash}'; img-src data:; base-uri 'none'; form-action 'none'">
<title>factcheck report</title>
<style>{css}</style></head><body>
<h1>factcheck report</h1>
<p class=summary>{summary}</p>
<form id=filters role=search aria-label="Filter findings">
<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>
<fieldset><legend>Status</legend>{status_boxes}</fieldset>
<label>Rule <select name=rule><option value="">all rules</option>{rule_options}</select></label>
<label>Source <select name=source><option value="">all sources</option>{source_options}</select></label>
<label>Find <input type=search name=q placeholder="entity, figure, outlet…"></label>
</form>
<p id=shown aria-live=polite>{total} findings</p>
<table id=findings>
<thead><tr>
<th data-key=sev data-type=number aria-sort=descending><button type=button>severity</button></th>
<th data-key=rule><button type=button>rule</button></th>
<th data-key=fact><button type=button>fact</button></th>
<th data-key=a><button type=button>says</button></th>
<th data-key=b><button type=button>vs</button></th>
<th data-key=st data-type=number><button type=button>status</button></th>
</tr></thead>
{bodies}
<tbody id=empty hidden><tr><td colspan=6>{empty}</td></tr></tbody>
</table>
{extra}
<script>{js}</script>
</body></html>
"""


# --- where editors and CI look: SARIF and GitHub annotations, at each claim's file, line, column ---


@dataclass(frozen=True)
class Location:
    """Where a claim stands in the file it came from; 0 where that is not known (the text of an HTML
    page has no line in its file, the text of a JSON Lines record no column)."""

    path: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0  # the column just after the claim's last character, as SARIF counts it


def locate(article: Article | None, claim: Claim) -> Location:
    """The file, line and column (counted in characters, from 1) of a claim."""
    if article is None:
        return Location(claim.article)
    if not article.verbatim or not 0 <= claim.start <= claim.end <= len(article.body):
        return Location(article.path, article.line)
    body = article.body

    def at(offset: int) -> tuple[int, int]:
        return article.line + body.count("\n", 0, offset), offset - body.rfind("\n", 0, offset)

    (line, column), (end_line, end_column) = at(claim.start), at(claim.end)
    return Location(article.path, line, column, end_line, end_column)


def _repo_path(path: str) -> Path:
    """A path as a repository names it: relative to the working folder when it lies inside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd())
        except ValueError:
            return p
    return p


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_location(loc: Location, text: str) -> dict[str, object]:
    p = _repo_path(loc.path)
    artifact = {"uri": p.as_uri()} if p.is_absolute() else {"uri": quote(p.as_posix()), "uriBaseId": "SRCROOT"}
    physical: dict[str, object] = {"artifactLocation": artifact}
    if loc.line:
        region: dict[str, object] = {"startLine": loc.line}
        if loc.column:
            region.update(startColumn=loc.column, endLine=loc.end_line, endColumn=loc.end_column,
                          snippet={"text": text})
        physical["region"] = region
    return {"physicalLocation": physical}


class SarifReporter(Reporter):
    """SARIF 2.1.0, which code scanning and editors read: one result per finding at its first claim's
    file, line and column, the other claims as related locations; decided findings (shown with
    show_all) carry their decision as a suppression."""

    name, suffix = "sarif", ".sarif"

    def render(self, result: Result, *, show_info: bool = False, show_all: bool = False) -> str:
        rules = [{"id": r.id, "shortDescription": {"text": r.description or r.id},
                  "defaultConfiguration": {"level": _SARIF_LEVEL.get(r.severity, "note"), "enabled": r.enabled},
                  "properties": {"kind": r.kind}} for r in result.rules]
        index = {r.id: i for i, r in enumerate(result.rules)}
        notes = [{"level": "error" if p.level == "skipped" else "warning", "message": {"text": str(p)}}
                 for p in result.problems]
        run = {
            "tool": {"driver": {"name": "factcheck", "version": VERSION, "rules": rules}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
            "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [self._result(result, f, index) for f in self.visible(result, show_info, show_all)],
        }
        return json_text({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}) + "\n"

    @staticmethod
    def _result(result: Result, f: Finding, index: dict[str, int]) -> dict[str, object]:
        articles = result.articles_by_id
        a, _ = f.pair()
        doc: dict[str, object] = {
            "ruleId": f.rule, "level": _SARIF_LEVEL.get(f.severity, "note"), "message": {"text": f.message},
            "locations": [_sarif_location(locate(articles.get(a.article), a), a.text)],
            "fingerprints": {"factcheck/v1": f.fingerprint},
            "properties": {"fact": f.fact, "status": f.status, "shortFingerprint": short(f.fingerprint)},
        }
        if f.rule in index:
            doc["ruleIndex"] = index[f.rule]
        others = [c for c in f.claims if c is not a]
        if others:
            doc["relatedLocations"] = [
                {"id": n, **_sarif_location(locate(articles.get(c.article), c), c.text),
                 "message": {"text": f"{c.source or c.article}: {c.text}"}} for n, c in enumerate(others, 1)]
        d = result.decision(f)
        if d and f.status not in OPEN_STATUSES:
            doc["suppressions"] = [{"kind": "external", "status": "accepted",
                                    "justification": f"{f.status}: {d.reason}" if d.reason else f.status}]
        return doc


_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (one line, whatever the text)."""
    return one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands, `::error file=F,line=L,col=C::message`: a finding is annotated
    on both of its sides, so that a pull request shows it on each article that it concerns."""

    name, suffix = "github", ".txt"

    def render(self, result: Result, *, show_info: bool = False, show_all: bool = False) -> str:
        articles = result.articles_by_id
        lines = []
        for f in self.visible(result, show_info, show_all):
            decided = f.status not in OPEN_STATUSES
            command = "notice" if decided else _GITHUB_COMMAND.get(f.severity, "notice")
            title = f"factcheck {f.rule} {short(f.fingerprint)}" + (f" ({f.status})" if f.status != "open" else "")
            a, b = f.pair()
            for c in (a, b) if b else (a,):
                loc = locate(articles.get(c.article), c)
                props = {"file": _repo_path(loc.path).as_posix()}
                if loc.line:
                    props["line"] = str(loc.line)
                if loc.column:
                    props.update(col=str(loc.column), endLine=str(loc.end_line), endColumn=str(loc.end_column))
                props["title"] = title
                fields = ",".join(f"{k}={_github_property(v)}" for k, v in props.items())
                lines.append(f"::{command} {fields}::{_github_data(f.message)}\n")
        return "".join(lines)


REPORTERS: dict[str, type[Reporter]] = {
    r.name: r for r in (TableReporter, MarkdownReporter, HtmlReporter, JsonReporter, CsvReporter, SarifReporter,
                        GithubReporter)
}


RECORDS = ("markdown", "json", "csv")  # formats whose views differ only in the findings they list


class Renders:
    """Each format of one Result rendered at most once for each view, however many outputs ask
    (standard output and the report file of the same format share one text)."""

    def __init__(self, result: Result, all_claims: bool = False) -> None:
        self.result = result
        self.all_claims = all_claims  # the JSON lists every claim of a finding, not CLAIMS_LISTED
        self._texts: dict[tuple[str, bool, bool], str] = {}
        self._files: dict[tuple[str, bool, bool], Path] = {}  # JSON written to a file, not kept as text

    def _key(self, name: str, show_info: bool, show_all: bool) -> tuple[str, bool, bool]:
        if show_info and name in RECORDS and all(f.status in OPEN_STATUSES for f in self.result.finding_records):
            show_all = True  # with nothing decided away, the whole record is what the view shows
        return (name, show_info, show_all)

    def _reporter(self, name: str) -> Reporter:
        return JsonReporter(None) if name == "json" and self.all_claims else REPORTERS[name]()

    def text(self, name: str, *, show_info: bool, show_all: bool) -> str:
        key = self._key(name, show_info, show_all)
        if key in self._files:
            return self._files[key].read_text(encoding="utf-8")
        if key not in self._texts:
            self._texts[key] = self._reporter(name).render(self.result, show_info=show_info, show_all=show_all)
        return self._texts[key]

    def pieces(self, name: str, *, show_info: bool, show_all: bool) -> Iterator[str]:
        """The text of `text` in pieces: from the file it was written to, else a finding at a time for
        JSON (never whole in memory), else whole."""
        key = self._key(name, show_info, show_all)
        if key in self._files:
            with self._files[key].open(encoding="utf-8", newline="") as fh:
                yield from iter(lambda: fh.read(1 << 16), "")
        elif name == "json" and key not in self._texts:
            yield from self._reporter(name).chunks(self.result, show_info=show_info, show_all=show_all)
        else:
            yield self.text(name, show_info=show_info, show_all=show_all)

    def write(self, name: str, path: Path, *, show_info: bool, show_all: bool) -> None:
        """Write a report file (atomically), remembering where a JSON one is: it is then read back for
        standard output rather than rendered again."""
        write_atomic(path, self.pieces(name, show_info=show_info, show_all=show_all))
        if name == "json":
            self._files[self._key(name, show_info, show_all)] = path


def write_reports(result: Result, folder: Path, *, show_info: bool = False, show_all: bool = False,
                  renders: Renders | None = None) -> list[Path]:
    """Write the report in every file format to `folder` (report.md, .html, .json, .csv), taking a
    text already rendered from `renders` when it holds one.

    The files keep every finding with its status (a record, not a view); `show_info` and `show_all`
    only set which filters the HTML page starts with.
    """
    renders = renders or Renders(result)
    written = []
    for name in ("markdown", "html", "json", "csv"):
        path = folder / f"report{REPORTERS[name].suffix}"
        if name == "html":
            renders.write(name, path, show_info=show_info, show_all=show_all)
        else:
            renders.write(name, path, show_info=True, show_all=True)
        written.append(path)
    names = sorted(written_here(folder) | {p.name for p in written})
    header = "# files written here by factcheck: folder scans do not read them as articles\n"
    write_atomic(folder / OUTPUT_MANIFEST, header + "".join(f"{n}\n" for n in names))
    return written
