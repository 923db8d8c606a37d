"""The command line as other tools meet it: JSON shapes, exit codes, reports, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import CORPUS, ROOT, run_cli, write_article

CLAIM_FIELDS = {"article", "source", "published", "kind", "text", "start", "end", "value", "low", "high", "unit",
                "noun", "qualifier", "direction", "entity", "attribute", "period"}
FINDING_FIELDS = {"fingerprint", "rule", "severity", "status", "message", "claims"}
FRONT = re.compile(r"^---\s*\n.*?\n---\s*\n", re.S)


def _body(path: str) -> str:
    text = (ROOT / path).read_text(encoding="utf-8")
    m = FRONT.match(text)
    return text[m.end():] if m else text


def test_extract_json_follows_the_contract(corpus_extract: dict) -> None:
    claims = corpus_extract["claims"]
    assert len(claims) > 100
    for c in claims:
        assert CLAIM_FIELDS <= set(c), c
        assert c["kind"] in {"quantity", "percent", "count", "date"}
        assert c["qualifier"] in {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"}
        assert _body(c["article"])[c["start"]:c["end"]] == c["text"]
        if c["kind"] != "date" and c["low"] is not None:
            assert c["low"] <= c["high"]
        if c["kind"] == "date" and c["low"]:
            assert c["low"] <= c["high"]


def test_extract_reads_the_figures_a_reader_sees(corpus_extract: dict) -> None:
    ledger = [c for c in corpus_extract["claims"] if c["article"].endswith("01_harbour-ledger.md")]
    by_text = {c["text"]: c for c in ledger}
    assert by_text["$589 billion"]["value"] == 589_000_000_000
    assert by_text["$589 billion"]["unit"] == "USD"
    assert by_text["$5.6 million"]["low"] == 5_550_000 and by_text["$5.6 million"]["high"] == 5_650_000
    assert by_text["17%"]["kind"] == "percent" and by_text["17%"]["value"] == 17
    assert by_text["2,048"]["kind"] == "count" and by_text["2,048"]["noun"] == "chip"
    date = by_text["January 27, 2025"]
    assert date["kind"] == "date" and date["value"] == "2025-01-27"


def test_check_json_follows_the_contract(corpus_check: dict) -> None:
    assert {"findings", "summary"} <= set(corpus_check)
    assert corpus_check["findings"], "the sample corpus has planted conflicts"
    for f in corpus_check["findings"]:
        assert FINDING_FIELDS <= set(f)
        assert f["severity"] in {"error", "warning", "info"}
        assert f["status"] in {"open", "confirmed", "dismissed", "fixed"}
        assert len(f["claims"]) >= 2 or f["severity"] == "info"
        for c in f["claims"]:
            assert CLAIM_FIELDS <= set(c)
    assert len({f["fingerprint"] for f in corpus_check["findings"]}) == len(corpus_check["findings"])
    summary = corpus_check["summary"]
    assert summary["articles"] == len(list(CORPUS.glob("*.md")))
    assert summary["skipped"] == 0


def test_check_table_and_exit_code_follow_fail_on() -> None:
    proc = run_cli("check", "corpus/deepseek", "--no-report")
    assert proc.returncode == 1  # the corpus has planted errors
    assert "figure-conflict" in proc.stdout
    assert re.search(r"15 articles, \d+ claims, \d+ facts; findings: \d+ error", proc.stdout)
    assert run_cli("check", "corpus/deepseek", "--no-report", "--fail-on", "never").returncode == 0


def test_clean_articles_exit_zero(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Acme Corp raised $40 million in its listing on March 3, 2025.\n", source="One")
    write_article(tmp_path, "b.md", "Acme Corp raised about $40 million when it listed.\n", source="Two")
    proc = run_cli("check", str(tmp_path), "--no-report")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No conflicts found." in proc.stdout


def test_reports_are_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli("check", "corpus/deepseek", "--output", str(out), "--fail-on", "never")
    assert proc.returncode == 0
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["report.csv", "report.html", "report.json", "report.md"]
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert doc["findings"] and "summary" in doc
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<mark>" in html and "<script src" not in html


def test_reports_written_inside_the_folder_checked_are_not_read_back(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Acme Corp raised $40 million in its listing on March 3, 2025.\n", source="One")
    write_article(tmp_path, "b.md", "Acme Corp raised $46 million when it listed on March 3, 2025.\n", source="Two")
    (tmp_path / "notes.md").write_text("---\nsource: Desk\n---\nAcme Corp raised $40 million.\n", encoding="utf-8")
    summaries = []
    for out in (tmp_path / "reports", tmp_path):  # a report folder inside the corpus, then the corpus itself
        for _ in range(2):
            proc = run_cli("check", str(tmp_path), "--output", str(out), "--format", "json", "--fail-on", "never")
            assert proc.returncode == 0, proc.stderr
            summaries.append(json.loads(proc.stdout)["summary"])
    assert [s["articles"] for s in summaries] == [3, 3, 3, 3]
    assert [s["claims"] for s in summaries] == [summaries[0]["claims"]] * 4
    assert (tmp_path / "report.md").exists() and (tmp_path / "reports" / "report.html").exists()
    assert (tmp_path / "notes.md").exists()  # a user's own Markdown beside the reports is still an article


def test_bad_inputs_are_reported_and_the_rest_is_checked(tmp_path: Path) -> None:
    write_article(tmp_path, "good.md", "Acme Corp raised $40 million on March 3, 2025.\n", source="One")
    (tmp_path / "latin1.md").write_bytes("---\nsource: X\n---\nCaf\xe9 sales rose 5%.\n".encode("latin-1"))
    (tmp_path / "broken.md").write_text("---\nsource: [unclosed\n---\nText 5%.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--no-report", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "latin1.md" in proc.stderr and "UTF-8" in proc.stderr
    assert "broken.md" in proc.stderr and "YAML" in proc.stderr
    assert "empty.txt" in proc.stderr
    summary = json.loads(proc.stdout)["summary"]
    assert summary["articles"] == 1 and summary["skipped"] == 3


def test_no_readable_input_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("check", str(tmp_path / "missing"), "--no-report")
    assert proc.returncode == 2
    assert "missing" in proc.stderr


def test_bad_rule_file_stops_before_reading(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text("rules:\n  - id: loose\n    kind: figure_conflict\n    tolerence: 0.2\n", encoding="utf-8")
    proc = run_cli("check", "corpus/deepseek", "--rules", str(rules), "--no-report")
    assert proc.returncode == 2
    assert f"{rules}:4:5: unknown key 'tolerence' (did you mean 'tolerance'?)" in proc.stderr
    assert proc.stdout == ""


def test_a_user_rule_replaces_the_default_by_id(tmp_path: Path) -> None:
    base = {f["fingerprint"] for f in json.loads(run_cli("check", "corpus/deepseek", "--format", "json",
                                                         "--no-report").stdout)["findings"]}
    loose = tmp_path / "loose.yaml"
    loose.write_text("rules:\n  - id: figure-conflict\n    kind: figure_conflict\n    tolerance: 0.5\n", encoding="utf-8")
    proc = run_cli("check", "corpus/deepseek", "--format", "json", "--no-report", "--rules", str(loose))
    after = {f["fingerprint"] for f in json.loads(proc.stdout)["findings"]}
    assert len(after) < len(base)


def test_help_explains_every_command() -> None:
    for args in (["--help"], ["check", "--help"], ["extract", "--help"]):
        proc = run_cli(*args)
        assert proc.returncode == 0
        assert "Usage:" in proc.stdout
    assert "--fail-on" in run_cli("check", "--help").stdout


def test_jsonl_input(tmp_path: Path) -> None:
    lines = [
        {"id": "r1", "text": "Acme Corp raised $40 million on Monday.", "source": "One", "published": "2025-03-05"},
        {"id": "r2", "text": "Acme Corp raised $90 million on Monday.", "source": "Two", "published": "2025-03-05"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    claims = json.loads(run_cli("extract", str(path), "--format", "json").stdout)["claims"]
    assert {c["article"] for c in claims} == {"r1", "r2"}
    found = json.loads(run_cli("check", str(path), "--format", "json", "--no-report").stdout)["findings"]
    conflict = [f for f in found if f["rule"] == "figure-conflict"]
    assert conflict and {c["text"] for c in conflict[0]["claims"]} == {"$40 million", "$90 million"}


def test_facts_lists_each_sources_value() -> None:
    proc = run_cli("facts", "corpus/deepseek", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)["facts"]
    assert facts and all(f["sources"] >= 2 for f in facts)
    lost = [f for f in facts if f["entity"] == "Nvidia" and f["attribute"] == "market value lost"]
    assert lost and lost[0]["agree"] is False
    assert {"$589 billion", "$689 billion"} <= {v["text"] for v in lost[0]["values"]}


def test_every_input_the_run_cannot_go_on_with_ends_the_same_way(tmp_path: Path) -> None:
    """One way to stop on bad input: each problem with its position, then one `factcheck:` line, exit 2."""
    rules = tmp_path / "mine.yaml"
    rules.write_text("rules:\n  - id: loose\n    kind: figure_conflict\n    tolerence: 0.2\n", encoding="utf-8")
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("decisions: [\n", encoding="utf-8")
    story = tmp_path / "story"
    story.mkdir()
    write_article(story, "a.md", "Revenue rose 5% to $3 million in 2024.\n")
    cases = [
        (("check", str(story), "--rules", str(rules), "--no-report"), f"{rules}:4:5:", "1 problem(s) in rule or data files"),
        (("rules", "list", "--rules", str(rules)), f"{rules}:4:5:", "1 problem(s) in rule or data files"),
        (("check", str(story), "--decisions", str(decisions), "--no-report"), f"{decisions}:2:",
         f"the decisions file {decisions} does not load"),
        (("review", str(story), "--decisions", str(decisions), "--set", "abcd", "dismissed", "--reason", "x"),
         f"{decisions}:2:", "this decision was not saved"),
        (("facts", str(tmp_path / "nothing-here")), "skipped: ", "no readable article in the given paths"),
    ]
    for args, problem, why in cases:
        proc = run_cli(*args)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 2, (args, proc.stderr)
        assert lines[-1].startswith("factcheck: ") and why in lines[-1], (args, lines)
        assert len(lines) > 1 and all(line.startswith(problem) for line in lines[:-1]), (args, lines)
