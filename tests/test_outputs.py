"""What factcheck prints and writes: nothing from an article runs (HTML links, spreadsheet formulas,
terminal escape sequences, Markdown and raw HTML), tables fit the terminal, each finding shows the
short fingerprint that `review --set` takes, SARIF and GitHub annotations point at the claim's file,
line and column, and the wording reads right."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import CORPUS, ROOT, run_cli, write_article, write_hostile_corpus

from factcheck.cli import main
from factcheck.corpus import ARTICLE_SUFFIXES
from factcheck.report.display import csv_cell, link_target, markdown_text, terminal_text, wrap
from factcheck.pipeline import run
from factcheck.report import REPORTERS, write_reports

SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never reach a terminal from an article


def invoke(*args: str, columns: int | None = None) -> tuple[int, str, str]:
    """The real CLI in-process, with $COLUMNS set as a terminal of that width would set it."""
    env = {"COLUMNS": str(columns)} if columns else {}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_reports(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    write_reports(run([hostile]), out)
    return out


# --- HTML: only http and https become links; the page runs its own script and nothing else -------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_links_only_http_and_https_and_escapes_every_field(hostile_reports: Path) -> None:
    text = (hostile_reports / "report.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    hrefs = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert "https://desk.example/acme?a=1&b=<2>" in hrefs  # a real link still links (and was escaped in the page)
    assert [tag for tag, _ in page.tags].count("script") == 1  # our own, nothing from the articles
    assert not {"img", "svg", "iframe", "object", "embed", "b", "i"} & {tag for tag, _ in page.tags}
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert "JaVaScRiPt:alert(document.domain)" in text  # shown as text beside the outlet's name
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', text)
    assert csp and "script-src 'sha256-" in csp[1] and "unsafe-inline" not in csp[1].split("script-src")[1]


@pytest.mark.parametrize("url, linked", [
    ("https://news.example/a?b=1", True), ("HTTP://News.Example/", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" java\tscript:alert(1)", False),
    ("\x01javascript:alert(1)", False), ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False), ("file:///etc/passwd", False), ("//evil.example/", False), ("http://", False),
])
def test_link_target_keeps_only_web_links(url: str, linked: bool) -> None:
    assert bool(link_target(url)) is linked


# --- CSV: no cell starts a formula; numbers stay numbers ------------------------------------------


@pytest.mark.parametrize("value, written", [
    ('=HYPERLINK("http://evil.example/","click")', '\'=HYPERLINK("http://evil.example/","click")'),
    ("+1-2 Desk", "'+1-2 Desk"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"),
    ("\r=1", "'\r=1"), ("-5", "-5"), ("-3.25", "-3.25"), ("+1,250", "+1,250"), (-5.0, -5.0), (7, 7),
    ("Acme Corp", "Acme Corp"), ("", ""),
])
def test_csv_cell_escapes_formulas_but_keeps_numbers(value: object, written: object) -> None:
    assert csv_cell(value) == written


def _formula_cells(text: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-?[\d.,]+", c)]


def test_csv_outputs_never_start_a_formula(hostile: Path, hostile_reports: Path) -> None:
    report = (hostile_reports / "report.csv").read_text(encoding="utf-8")
    assert _formula_cells(report) == []
    assert '\'=HYPERLINK(""http://evil.example/"",""click"")' in report  # kept whole, behind an apostrophe
    for command in ("extract", "facts"):
        code, out, _ = invoke(command, str(hostile), "--format", "csv")
        assert code == 0 and out.count("\n") > 1
        assert _formula_cells(out) == [], command


def test_extract_csv_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Acme Corp's profit fell 5% to $40 million in 2024.\n", source="-Desk")
    _, out, _ = invoke("extract", str(tmp_path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["source"] == "'-Desk" for r in rows)
    money = next(r for r in rows if r["text"] == "$40 million")
    assert float(money["value"]) == 40_000_000 and float(money["start"]) > 0


# --- terminal: control characters from articles are shown, never obeyed --------------------------


def test_terminal_text_shows_controls_one_for_one() -> None:
    raw = "\x1b[31mred\x1b[0m\x9b2J\rtab\there\nnext\x7f"
    shown = terminal_text(raw)
    assert ESCAPES.search(shown) is None and len(shown) == len(raw)
    assert shown.startswith("␛[31mred␛[0m") and "\t" in shown and "\n" in shown


def test_no_escape_sequence_from_an_article_reaches_the_terminal(hostile: Path, tmp_path: Path) -> None:
    (tmp_path / "bad\x1b[2J.md").write_text("---\nsource: [unclosed\n---\nText 5%.\n", encoding="utf-8")
    runs = [invoke("check", str(hostile), "--no-report", "--show-info"), invoke("facts", str(hostile)),
            invoke("extract", str(hostile)), invoke("check", str(tmp_path), str(hostile), "--no-report"),
            invoke("check", str(hostile), "--no-report", "--format", "json"),
            invoke("check", str(hostile), "--no-report", "--format", "github")]
    for code, out, err in runs:
        assert code in (0, 1), err
        assert ESCAPES.search(out.replace("\n", "")) is None, out
        assert ESCAPES.search(err.replace("\n", "")) is None, err
    table = runs[0][1]
    assert "␛[2J␛[31mWire" in table  # shown, so that the editor sees what the article holds
    assert "bad␛[2J.md" in runs[3][2]


# --- Markdown: what an article says is text, not HTML or Markdown -------------------------------


def test_markdown_text_escapes_html_and_markdown() -> None:
    assert markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown_text("[click](javascript:alert(1)) | **b** `c` _d_ ~e~ #f") == \
        "\\[click\\](javascript:alert(1)) \\| \\*\\*b\\*\\* \\`c\\` \\_d\\_ \\~e\\~ \\#f"
    assert markdown_text("- item") == "\\- item" and markdown_text("AT&T") == "AT&amp;T"


def test_report_md_carries_no_raw_html_and_keeps_its_table(hostile_reports: Path) -> None:
    text = (hostile_reports / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"<\s*(script|img|svg|b|i|a)\b", text, re.IGNORECASE)
    assert "<!--" not in text and "](http" not in text and "**in" not in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) >= 6  # the header, its rule and a row for each finding
    unescaped = [len(re.findall(r"(?<!\\)\|", row)) for row in rows]
    assert set(unescaped) == {9}, unescaped  # 8 columns: an article's pipe never splits a cell


# --- tables fit the terminal ----------------------------------------------------------------


def _widest(text: str) -> int:
    from factcheck.report.display import width_of

    return max(width_of(line) for line in text.splitlines())


@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("command", [("check", "--no-report", "--show-info"), ("facts",), ("extract",)])
def test_tables_fit_the_terminal(command: tuple[str, ...], columns: int) -> None:
    code, out, _ = invoke(command[0], str(CORPUS), *command[1:], columns=columns)
    assert code in (0, 1)
    assert out.count("\n") > 20
    assert _widest(out) <= columns


def test_tables_use_a_default_width_when_output_is_not_a_terminal(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    for command in (["check", "--no-report"], ["facts"], ["extract"]):
        proc = subprocess.run([sys.executable, "-m", "factcheck", command[0], "corpus/deepseek", *command[1:]],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False)
        assert proc.returncode in (0, 1), proc.stderr
        assert 60 < _widest(proc.stdout) <= 120, command


def test_at_200_columns_short_rows_stay_on_one_line_and_long_columns_share_the_rest() -> None:
    _, out, _ = invoke("check", str(CORPUS), "--no-report", columns=200)
    lines = out.splitlines()
    header = lines[1]
    assert [h.strip() for h in header.strip("│").split("│")] == [
        "severity", "rule", "fact", "says", "vs", "status", "fingerprint"]
    row = next(i for i, line in enumerate(lines) if "DeepSeek-V2 / release date" in line)
    assert lines[row + 1].startswith("├")  # the whole finding on one line
    widths = [len(cell) for cell in header.strip("│").split("│")]
    assert widths[0] == len(" severity ") + 2 and widths[5] == len(" status ") + 2  # narrow columns keep theirs


def test_a_wide_character_counts_twice(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "深度求索 raised $40 million on March 3, 2025, according to 新华社记者.\n",
                  source="新华社 经济日报 第一财经 南华早报 财新网")
    write_article(tmp_path, "b.md", "深度求索 raised $90 million on March 3, 2025.\n", source="人民日报")
    for command in ("check", "extract", "facts"):
        _, out, _ = invoke(command, str(tmp_path), "--no-report" if command == "check" else "--format=table",
                           columns=80)
        assert _widest(out) <= 80, command


def test_wrap_breaks_long_words_at_their_punctuation() -> None:
    assert wrap("2025-01-24..2026-01-23", 14) == ["2025-01-24..", "2026-01-23"]
    assert wrap("one two three", 7, hang=2) == ["one two", "  three"]
    assert all(len(line) <= 5 for line in wrap("abcdefghijklmnop", 5, hang=2))


# --- the short fingerprint: shown in the table and in report.md, taken by review --set -------------


def test_short_fingerprints_are_shown_and_review_set_takes_them(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Acme Corp raised $40 million in its listing on March 3, 2025.\n", source="One")
    write_article(tmp_path, "b.md", "Acme Corp raised $90 million in its listing on March 3, 2025.\n", source="Two")
    code, out, _ = invoke("check", str(tmp_path), "--output", str(tmp_path / "out"), columns=80)
    assert code == 1
    found = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["findings"]
    conflict = next(f for f in found if f["rule"] == "figure-conflict")
    short = conflict["fingerprint"][:8]
    assert short in out and conflict["fingerprint"] not in out
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"| {short} " in md
    code, said, err = invoke("review", str(tmp_path), "--set", short, "dismissed", "--reason", "two share classes")
    assert code == 0, err
    assert conflict["fingerprint"] in said
    code, out, _ = invoke("check", str(tmp_path), "--no-report")
    assert code == 0 and short not in out and "No open conflicts." in out


# --- extract shows period and span ----------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 250])
def test_extract_table_shows_period_and_span(tmp_path: Path, columns: int) -> None:
    body = "Acme Corp's revenue rose to $40 million in 2024, the company said.\n"
    write_article(tmp_path, "a.md", body, source="One")
    _, out, _ = invoke("extract", str(tmp_path), columns=columns)
    start = body.index("$40 million")
    assert f"{start}-{start + len('$40 million')}" in out
    claim = json.loads(invoke("extract", str(tmp_path), "--format", "json")[1])["claims"][0]
    assert claim["period"] and claim["period"] in out


# --- wording --------------------------------------------------------------------------------


def test_rules_explain_says_an_and_the_description_once() -> None:
    _, out, _ = invoke("rules", "explain", "arithmetic")
    assert out.startswith("arithmetic: an arithmetic rule, on\n")
    assert out.count("A stated change or multiple that the stated figures do not bear out") == 1
    assert "Good: \"from $3.5 trillion to $2.9 trillion, a 17% drop\"" in out
    assert invoke("rules", "explain", "weekday")[1].startswith("weekday: a weekday rule, on\n")


def test_rules_list_counts_only_rules_that_are_on() -> None:
    _, _, err = invoke("rules", "list")
    assert "8 rules in force, 1 off" in err


def test_messages_have_no_empty_brackets(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Acme Corp was founded in 2015, its chief said.\n", source="One",
                  published="2025-01-28")
    write_article(tmp_path, "b.md", "Acme Corp was founded in 2015.\n", source="Two", published="2025-01-29")
    findings = json.loads(invoke("check", str(tmp_path), "--no-report", "--format", "json")[1])["findings"]
    assert findings, "the two articles agree on the founding date"
    assert all("()" not in f["message"] for f in findings), [f["message"] for f in findings]
    corpus = json.loads(invoke("check", str(CORPUS), "--no-report", "--format", "json")[1])["findings"]
    assert all("()" not in f["message"] for f in corpus)
    assert any("(as of 2025-01-28)" in f["message"] for f in corpus)  # a period, when there is one, is still said


@pytest.mark.parametrize("columns", [80, 200])
def test_top_level_help_shows_whole_command_summaries(columns: int) -> None:
    _, out, _ = invoke("--help", columns=columns)
    listing = out.split("Commands:")[1]
    assert "..." not in listing
    flat = " ".join(listing.split())
    assert "check Check articles in PATHS (files or folders) for conflicting figures and dates." in flat
    assert "review Review the findings in PATHS one by one: both passages, then confirm, dismiss (with a" \
           " reason), fixed, skip or quit." in flat
    assert _widest(out) <= max(columns, 80)
    _, out, _ = invoke("rules", "--help", columns=columns)
    assert "..." not in out.split("Commands:")[1]
    assert "and which rule it replaces or is replaced by." in " ".join(out.split())


# --- SARIF and GitHub annotations -------------------------------------------------------------


def _line_and_column_hold(path: Path, line: int, column: int, end_column: int, text: str) -> bool:
    row = path.read_text(encoding="utf-8").splitlines()[line - 1]
    return row[column - 1:end_column - 1] == text


def test_sarif_is_valid_and_points_at_each_claim(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Intro line.\n\nAcme Corp raised $40 million in its listing on March 3, 2025.\n",
                  source="One")
    write_article(tmp_path, "b.md", "Acme Corp raised $90 million in its listing on March 3, 2025.\n", source="Two")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "r1", "text": "Acme Corp raised $65 million in its listing on March 3, 2025.",
                                "source": "Three", "published": "2025-01-28"}) + "\n", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><head><meta property='og:site_name' content='Four'></head><body>"
                                     "<p>Acme Corp raised $75 million in its listing on March 3, 2025.</p></body></html>",
                                     encoding="utf-8")
    code, out, err = invoke("check", str(tmp_path), "--no-report", "--format", "sarif", "--show-info")
    assert code == 1, err
    doc = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft4Validator)
    run_ = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run_["tool"]["driver"]["name"] == "factcheck"
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    results = run_["results"]
    assert {r["ruleId"] for r in results} >= {"figure-conflict", "corroborated"}
    checked = 0
    for r in results:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"] and r["fingerprints"]["factcheck/v1"]
        for loc in [*r["locations"], *r.get("relatedLocations", [])]:
            phys = loc["physicalLocation"]
            path = Path(phys["artifactLocation"]["uri"].removeprefix("file://"))
            region = phys.get("region", {})
            if path.suffix == ".md":
                assert _line_and_column_hold(path, region["startLine"], region["startColumn"],
                                             region["endColumn"], region["snippet"]["text"])
                checked += 1
            elif path.suffix == ".jsonl":
                assert region == {"startLine": 1}
            else:
                assert region == {}  # an HTML page's text has no line in its file
    assert checked >= 2


def test_github_annotations_point_at_each_side(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Intro line.\n\nAcme Corp raised $40 million in its listing on March 3, 2025.\n",
                  source='"One, 100%, a comma: and\\nnewline"')  # YAML: a newline in the outlet's name
    write_article(tmp_path, "b.md", "Acme Corp raised $90 million in its listing on March 3, 2025.\n", source="Two")
    code, out, _ = invoke("check", str(tmp_path), "--no-report", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.startswith("::error file=") for line in lines)
    texts = set()
    for line in lines:
        m = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=(\d+),"
                         r"title=factcheck figure-conflict ([0-9a-f]{8})::(.*)", line)
        assert m, line
        path, row, col, end = Path(m[1]), int(m[2]), int(m[3]), int(m[4])
        text = path.read_text(encoding="utf-8").splitlines()[row - 1][col - 1:end - 1]
        texts.add(text)
        assert "%25" in m[6] and "\n" not in m[6]
    assert texts == {"$40 million", "$90 million"}


def test_new_formats_are_reporters_and_old_ones_stay() -> None:
    assert list(REPORTERS) == ["table", "markdown", "html", "json", "csv", "sarif", "github"]


# --- pre-commit ------------------------------------------------------------------------------


def test_pre_commit_hook_runs_factcheck_on_changed_articles(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck")
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert all(files.search(f"stories/x{suffix}") for suffix in ARTICLE_SUFFIXES)
    assert not files.search("factcheck/cli.py") and not files.search("factcheck-decisions.yaml")
    a = write_article(tmp_path, "a.md", "Acme Corp raised $40 million in its listing on March 3, 2025.\n",
                      source="One")
    b = write_article(tmp_path, "b.md", "Acme Corp raised $90 million in its listing on March 3, 2025.\n",
                      source="Two")
    entry = hook["entry"].split()
    assert entry[0] == "factcheck"
    assert "--no-report" in entry  # a commit writes no report files into the repository
    proc = run_cli(*entry[1:], *hook.get("args", []), str(a), str(b))  # as pre-commit runs it: the changed files
    assert proc.returncode == 1 and "figure-conflict" in proc.stdout
    b.write_text(b.read_text(encoding="utf-8").replace("$90 million", "$40 million"), encoding="utf-8")
    assert run_cli(*entry[1:], str(a), str(b)).returncode == 0


def test_review_shows_a_hostile_article_without_obeying_it(hostile: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(hostile), "--decisions", str(tmp_path / "d.yaml")],
                                input="s\n" * 6 + "q\n")
    assert result.exit_code == 0, result.output
    assert ESCAPES.search(result.output.replace("\n", "")) is None
    assert "␛[2J␛[31mWire" in result.output and " · 2025-03-07 · " in result.output


def test_sarif_marks_decided_findings_as_suppressed_and_takes_hostile_text(hostile: Path, tmp_path: Path) -> None:
    decisions = tmp_path / "d.yaml"
    findings = json.loads(invoke("check", str(hostile), "--no-report", "--format", "json")[1])["findings"]
    first = next(f for f in findings if f["rule"] == "figure-conflict")["fingerprint"]
    assert invoke("review", str(hostile), "--decisions", str(decisions), "--set", first[:8], "dismissed",
                  "--reason", "one counts the <b>A</b> shares")[0] == 0
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    shown = {}
    for flag in ("--show-info", "--show-all"):
        _, out, _ = invoke("check", str(hostile), "--no-report", "--format", "sarif", "--decisions", str(decisions),
                           flag)
        assert ESCAPES.search(out.replace("\n", "")) is None
        doc = json.loads(out)
        jsonschema.validate(doc, schema, cls=jsonschema.Draft4Validator)
        shown[flag] = {r["fingerprints"]["factcheck/v1"]: r for r in doc["runs"][0]["results"]}
    assert first not in shown["--show-info"]
    assert shown["--show-all"][first]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "dismissed: one counts the <b>A</b> shares"}]
    # the data is kept whole (JSON escapes the controls, so that printing it is safe)
    assert any("\x1b[2J\x1b[31mWire\x9b0m" in r["message"]["text"] for r in shown["--show-all"].values())


def test_report_html_shows_control_characters_as_signs(hostile_reports: Path) -> None:
    text = (hostile_reports / "report.html").read_text(encoding="utf-8")
    assert ESCAPES.search(text.replace("\n", "")) is None
    assert "␛[2J␛[31mWire" in text


def test_sarif_paths_are_relative_to_the_working_folder() -> None:
    proc = run_cli("check", "corpus/deepseek", "--no-report", "--format", "sarif")
    assert proc.returncode == 1, proc.stderr
    run_ = json.loads(proc.stdout)["runs"][0]
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"] == ROOT.as_uri() + "/"
    listed = json.loads(run_cli("check", "corpus/deepseek", "--no-report", "--format", "json").stdout)["findings"]
    open_findings = [f for f in listed if f["severity"] in ("error", "warning")]
    assert len(run_["results"]) == len(open_findings) > 10  # the open error and warning findings, as listed
    for r in run_["results"]:
        phys = r["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uriBaseId"] == "SRCROOT"
        uri, region = phys["artifactLocation"]["uri"], phys["region"]
        assert uri.startswith("corpus/deepseek/")
        assert _line_and_column_hold(ROOT / uri, region["startLine"], region["startColumn"], region["endColumn"],
                                     region["snippet"]["text"])


def test_fill_message_leaves_out_brackets_with_nothing_in_them() -> None:
    from factcheck.rules import fill_message

    values = {"entity": "Acme", "attribute": "revenue", "period": "", "a_published": "2025-01-28", "count": 2}
    assert fill_message("{entity} {attribute} ({period}): x", values) == "Acme revenue: x"
    assert fill_message("{entity} ({period}, {a_published})", values) == "Acme (, 2025-01-28)"
    assert fill_message("{entity} (by {count} sources)", values) == "Acme (by 2 sources)"
    assert fill_message("{entity} (said so)", values) == "Acme (said so)"  # no field: the words stay


def test_check_renders_a_report_once_when_it_is_what_stdout_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check --format json` prints the record report.json holds (nothing is decided away): one
    rendering serves both, byte for byte; the views that differ (the table) are still their own."""
    calls = []
    real = REPORTERS["json"].chunks

    def counted(self, result, **kw):  # type: ignore[no-untyped-def]
        calls.append(kw)
        return real(self, result, **kw)

    monkeypatch.setattr(REPORTERS["json"], "chunks", counted)
    out = CliRunner().invoke(main, ["check", str(CORPUS), "--format", "json", "--output", str(tmp_path)])
    assert out.exit_code == 1, out.output
    assert out.stdout == (tmp_path / "report.json").read_text(encoding="utf-8")
    assert len(calls) == 1 and json.loads(out.stdout)["findings"]
    calls.clear()
    CliRunner().invoke(main, ["check", str(CORPUS), "--output", str(tmp_path)])
    assert len(calls) == 1  # the table is printed; report.json is rendered for the file alone


def test_a_finding_of_many_claims_lists_some_of_each_side_and_counts_all(tmp_path: Path) -> None:
    """A fact that 30 outlets give: the JSON lists at most 20 claims, the first of each side and of each
    distinct figure among them, and counts every claim and figure; --all-claims lists all."""
    for i in range(30):
        figure = "$41 million" if i < 24 else ("$52 million" if i < 28 else "$57 million")
        write_article(tmp_path, f"{i:02d}.md", f"Halvard Mining raised {figure} in its listing on 3 March 2025.\n",
                      source=f"Desk {i}", published="2025-03-04")
    capped = json.loads(run_cli("check", str(tmp_path), "--format", "json", "--no-report").stdout)
    full = json.loads(run_cli("check", str(tmp_path), "--format", "json", "--no-report", "--all-claims").stdout)
    (f,) = [f for f in capped["findings"] if f["rule"] == "figure-conflict"]
    (g,) = [g for g in full["findings"] if g["rule"] == "figure-conflict"]
    assert f["fingerprint"] == g["fingerprint"] and f["claims_total"] == g["claims_total"] == len(g["claims"]) == 30
    assert len(f["claims"]) == len(f["sides"]) <= 20 and {c["text"] for c in f["claims"]} == {
        "$41 million", "$52 million", "$57 million"}
    assert sum(x["count"] for x in f["figures"]) == 30
    assert {(x["text"], x["count"]) for x in f["figures"]} == {("$41 million", 24), ("$52 million", 4), ("$57 million", 2)}
    assert f["claims"][0] == g["claims"][0]  # the passage shown first is the same
    run_cli("check", str(tmp_path), "--output", str(tmp_path / "out"))
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert re.search(r"2[78] more claims: \$41 million \(2[2-4]\)", page) and re.search(
        r"and [78] more \(every claim is in report.json\)", page)
