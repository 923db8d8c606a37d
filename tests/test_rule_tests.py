"""Rule tests: every rule's pass and fail examples, `factcheck rules test | list | explain`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.lexicon.config import default_rules_dir
from factcheck.rule_tests import run_rule, run_rules
from factcheck.rules import KINDS, RuleError, load_pack, load_rules

DEFAULT_IDS = ["figure-conflict", "date-conflict", "conversion", "unit-conversion", "arithmetic", "difference", "weekday",
               "corroborated",
               "single-source"]


def invoke(*args: str) -> Result:
    """The real CLI, in-process (a subprocess would cost a second of start-up per call)."""
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def default_reports() -> list:
    return run_rules(load_rules())


def test_every_default_rule_has_a_pass_and_a_fail_example() -> None:
    """The meta-test: a rule without both kinds of example is a defect of the pack."""
    rules = load_rules()
    assert [r.id for r in rules] == DEFAULT_IDS
    for rule in rules:
        sides = {ex.expect for ex in rule.examples}
        assert sides == {"pass", "fail"}, f"{rule.id} ({rule.origin}) lacks a {({'pass', 'fail'} - sides)} example"
        for ex in rule.examples:
            assert ex.where.startswith(str(default_rules_dir() / "default.examples.yaml"))
            assert all(a.source and a.published and a.text.strip() for a in ex.articles)


def test_the_default_pack_passes_its_own_examples(default_reports: list) -> None:
    assert [r.rule.id for r in default_reports] == DEFAULT_IDS
    failures = [f"{r.rule.id}: {x.example.name}: {x.why}" for r in default_reports for x in r.results if not x.ok]
    assert failures == []
    assert all(r.ok for r in default_reports)
    assert sum(len(r.results) for r in default_reports) >= 14


def test_rules_that_need_two_sources_are_tested_on_two_outlets() -> None:
    cross_source = {"figure-conflict", "date-conflict", "corroborated"}
    for rule in load_rules():
        if rule.id in cross_source:
            for ex in rule.examples:
                assert len({a.source for a in ex.articles}) >= 2 or ex.expect == "pass", (rule.id, ex.name)


@pytest.mark.parametrize(("rule_id", "change"), [
    ("figure-conflict", {"tolerance": 0.6}),
    ("date-conflict", {"tolerance_days": 30}),
    ("conversion", {"tolerance": 3.0}),
    ("arithmetic", {"tolerance_points": 40.0, "tolerance": 0.6}),
    ("difference", {"tolerance_points": 5.0, "tolerance": 0.6, "tolerance_days": 30}),
    ("corroborated", {"min_sources": 3}),
])
def test_the_examples_catch_a_rule_that_is_too_lax(rule_id: str, change: dict) -> None:
    """The fail examples bite: loosen a rule and they fail, saying what was expected."""
    rule = next(r for r in load_rules() if r.id == rule_id)
    report = run_rule(dataclasses.replace(rule, **change))
    assert not report.ok
    failed = [x for x in report.results if not x.ok]
    assert failed and all(x.example.expect == "fail" for x in failed)
    assert all("expected a finding with texts" in x.why and "got no finding" in x.why for x in failed)


def test_the_examples_catch_a_rule_that_is_too_strict() -> None:
    rule = next(r for r in load_rules() if r.id == "figure-conflict")
    report = run_rule(dataclasses.replace(rule, tolerance=0.0, across="any"))
    rounding = next(x for x in report.results if x.example.name.startswith("a rounded, hedged figure"))
    assert rounding.ok  # hedges and rounding are in the intervals, not in the tolerance
    strict = run_rule(dataclasses.replace(next(r for r in load_rules() if r.id == "single-source"), single_source=False))
    assert not strict.ok  # corroboration instead of single source: its examples no longer hold


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


STRICT = """rules:
  - id: tight-figures
    kind: figure_conflict
    severity: error
    tolerance: 0.001
    examples:
      pass:
        - name: one figure written two ways
          articles:
            - {source: Harbour Ledger, published: 2025-03-05,
               text: "Brightmoor Energy raised $412 million in its stock market listing."}
            - {source: Northgate Herald, published: 2025-03-05,
               text: "Brightmoor Energy raised $412m when it listed in London."}
      fail:
        - name: transposed digits
          articles:
            - {source: Harbour Ledger, published: 2025-03-05,
               text: "Brightmoor Energy raised $412 million in its stock market listing."}
            - {source: Northgate Herald, published: 2025-03-05,
               text: "Brightmoor Energy raised $421 million when it listed in London."}
          findings:
            - texts: ["$412 million", "$421 million"]
              message: "Northgate Herald says $421 million"
"""


def test_rules_test_runs_inline_examples_of_a_user_rule(tmp_path: Path) -> None:
    path = _write(tmp_path / "myrules", "strict.yaml", STRICT)
    result = invoke("rules", "test", str(path))
    assert result.exit_code == 0, result.output
    assert "tight-figures (figure_conflict" in result.stdout
    assert "  ok   pass: one figure written two ways" in result.stdout
    assert "  ok   fail: transposed digits" in result.stdout
    assert "1 rules, 2 examples: 2 passed, 0 failed" in result.stderr


def test_a_failing_example_says_why_and_exits_1(tmp_path: Path) -> None:
    wrong = STRICT.replace('texts: ["$412 million", "$421 million"]', 'texts: ["$412 million", "$214 million"]')
    wrong = wrong.replace("$412m when", "$415m when")  # the pass example now disagrees too
    path = _write(tmp_path, "strict.yaml", wrong)
    result = invoke("rules", "test", str(path))
    assert result.exit_code == 1
    assert "  FAIL pass: one figure written two ways" in result.stdout
    assert "expected no finding, got 1:" in result.stdout
    assert "  FAIL fail: transposed digits" in result.stdout
    assert "expected a finding with texts ['$412 million', '$214 million']" in result.stdout
    assert "$421 million" in result.stdout  # what the rule gave instead
    assert f"(the example: {path}:15:11)" in result.stdout  # where the failing example is written
    assert f"({path}:22:15)" in result.stdout  # and the expectation it missed
    assert "2 failed" in result.stderr


def test_a_fail_example_must_list_every_finding(tmp_path: Path) -> None:
    two = STRICT.replace("in London.\"}\n          findings:", "in London. Comet Systems raised $120 million "
                         "in its listing.\"}\n            - {source: Pacific Wire, published: 2025-03-06, text: \"Comet "
                         "Systems raised $210 million in its listing.\"}\n          findings:")
    path = _write(tmp_path, "strict.yaml", two)
    result = invoke("rules", "test", str(path))
    assert result.exit_code == 1
    assert "expected 1 finding(s), got 2" in result.stdout


def test_a_rule_without_examples_fails_its_test(tmp_path: Path) -> None:
    path = _write(tmp_path, "bare.yaml", "rules:\n  - {id: loud-weekday, kind: weekday, severity: error}\n")
    result = invoke("rules", "test", str(path))
    assert result.exit_code == 1
    assert "FAIL no pass example" in result.stdout and "FAIL no fail example" in result.stdout


def test_examples_in_a_sibling_file(tmp_path: Path) -> None:
    folder = tmp_path / "myrules"
    _write(folder, "dates.yaml", "rules:\n  - id: loose-dates\n    kind: date_conflict\n    tolerance_days: 2\n")
    _write(folder, "dates.examples.yaml", """examples:
  loose-dates:
    pass:
      - name: a day apart is within the slack
        articles:
          - {source: Harbour Ledger, published: 2025-03-04, text: "Mayor Lena Ortiz opened the Kelvin Street bridge on March 3, 2025."}
          - {source: Northgate Herald, published: 2025-03-05, text: "Mayor Lena Ortiz opened the Kelvin Street bridge on March 4, 2025."}
    fail:
      - name: ten days apart is not
        articles:
          - {source: Harbour Ledger, published: 2025-03-04, text: "Mayor Lena Ortiz opened the Kelvin Street bridge on March 3, 2025."}
          - {source: Northgate Herald, published: 2025-03-14, text: "Mayor Lena Ortiz opened the Kelvin Street bridge on March 13, 2025."}
        findings:
          - texts: ["March 3, 2025", "March 13, 2025"]
""")
    result = invoke("rules", "test", str(folder))
    assert result.exit_code == 0, result.output
    assert "loose-dates (date_conflict" in result.stdout and "1 pass, 1 fail: ok" in result.stdout
    listed = json.loads(invoke("rules", "list", "--rules", str(folder), "--format", "json").stdout)["rules"]
    mine = next(r for r in listed if r["id"] == "loose-dates")
    assert mine["examples"] == {"pass": 1, "fail": 1}
    assert mine["origin"].endswith("dates.yaml:2")


def test_bad_examples_are_errors_with_positions_all_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "myrules"
    _write(folder, "dates.yaml", "rules:\n  - {id: loose-dates, kind: date_conflict}\n")
    _write(folder, "dates.examples.yaml", """examples:
  loose-dates:
    pass:
      - name: a typo in the front matter
        articles:
          - source: Harbour Ledger
            pubished: 2025-03-04
            text: The bridge opened on March 3, 2025.
    fail:
      - articles:
          - {source: Harbour Ledger, published: last week, text: The bridge opened on March 3.}
        findings:
          - {text: [March 3]}
      - articles: []
        findings: []
  loose-date:
    pass: []
""")
    _write(folder, "orphan.examples.yaml", "examples: {}\n")
    result = invoke("check", str(tmp_path), "--rules", str(folder), "--no-report")
    assert result.exit_code == 2
    ex = str(folder / "dates.examples.yaml")
    for line in [
        f"{ex}:7:13: unknown key 'pubished' in item 1 of 'articles' (did you mean 'published'?)",
        f"{ex}:11:49: 'published' must be a date written YYYY-MM-DD, not 'last week'",
        f"{ex}:13:14: unknown key 'text' in item 1 of 'findings' (did you mean 'texts'?)",
        f"{ex}:14:19: 'articles' must have at least 1 item(s)",
        f"{ex}:15:19: 'findings' must have at least 1 item(s)",
        (f"{ex}:16:3: examples for rule 'loose-date', which {folder / 'dates.yaml'} does not define (did you mean "
         "'loose-dates'?)"),
        f"{folder / 'orphan.examples.yaml'}:1:1: examples file with no rule file beside it (expected orphan.yaml)",
    ]:
        assert any(p.startswith(line) for p in result.stderr.splitlines()), f"{line}\nnot in\n{result.stderr}"
    assert "nothing was checked" in result.stderr


def test_a_pass_example_cannot_list_findings(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", """rules:
  - id: w
    kind: weekday
    examples:
      pass:
        - articles: [{source: A, text: "The vote was on Monday, March 3, 2025."}]
          findings: [{texts: [Monday]}]
""")
    with pytest.raises(RuleError) as info:
        load_rules([path], include_default=False)
    assert info.value.problems == [f"{path}:7:11: unknown key 'findings' in item 1 of 'pass' (keys: name, articles)"]


def test_rules_list_shows_origins_and_overrides(tmp_path: Path) -> None:
    path = _write(tmp_path / "myrules", "strict.yaml", "rules:\n  - id: figure-conflict\n    kind: figure_conflict\n"
                                                      "    tolerance: 0.15\n")
    result = invoke("rules", "list", "--rules", str(tmp_path / "myrules"))
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines()[2:]]
    assert {row.split()[0] for row in rows} == set(DEFAULT_IDS)
    mine, old = [row for row in rows if row.startswith("figure-conflict ")]
    assert f"{path}:2" in mine and "replaces " in mine and mine.endswith("default.yaml:5")
    assert "default.yaml:5" in old and old.endswith(f"replaced by {path}:2")
    assert "8 rules in force, 1 off, 1 replaced" in result.stderr  # single-source is off
    data = json.loads(invoke("rules", "list", "--rules", str(path), "--format", "json").stdout)["rules"]
    mine = [r for r in data if r["id"] == "figure-conflict"]
    assert [r["in_force"] for r in mine] == [True, False]
    assert mine[0]["origin"] == f"{path}:2" and mine[0]["examples"] == {"pass": 0, "fail": 0}
    assert mine[1]["replaced_by"] == f"{path}:2" and mine[1]["origin"].endswith("default.yaml:5")
    single = next(r for r in data if r["id"] == "single-source")
    assert single["enabled"] is False and single["severity"] == "info"


def test_rules_explain_shows_options_defaults_template_and_examples(tmp_path: Path) -> None:
    path = _write(tmp_path, "strict.yaml", "rules:\n  - id: figure-conflict\n    kind: figure_conflict\n"
                                           "    tolerance: 0.15\n")
    out = invoke("rules", "explain", "figure-conflict", "--rules", str(path)).stdout
    assert out.startswith("figure-conflict: a figure_conflict rule, on\n")
    assert f"from: {path}:2" in out and "replaces: " in out and "default.yaml:5" in out
    option_rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].isalpha() and "  " in line}
    assert option_rows["tolerance"][1:3] == ["0.15*", "0.01"]
    assert option_rows["across"][1:3] == ["'articles'", "'articles'"]
    assert "{entity} {attribute} ({period}): {a_source} says {a_text}, {b_source} says {b_text}" in out
    assert "Examples (0 pass, 0 fail" in out
    default = invoke("rules", "explain", "conversion").stdout
    assert "tolerance  0.02" in default and "max_gap    30" in default
    assert "fail: a metro fare converted at four times its value" in default
    assert "must give: a finding with texts ['2 yuan', '50 US cents']" in default
    missing = invoke("rules", "explain", "figure-conflit")
    assert missing.exit_code == 2
    assert "no rule 'figure-conflit' is loaded (did you mean 'figure-conflict'?)" in missing.stderr


def test_rules_test_on_the_default_pack_from_the_command_line() -> None:
    everything = invoke("rules", "test")
    assert everything.exit_code == 0, everything.output
    assert [line.split()[0] for line in everything.stdout.splitlines() if not line.startswith(" ")] == DEFAULT_IDS
    assert "FAIL" not in everything.stdout and ", 0 failed" in everything.stderr
    result = invoke("rules", "test", "--rule", "weekday", "--rule", "single-source")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("weekday (weekday, ")
    assert "single-source (corroboration, off in its pack" in result.stdout
    assert "2 rules, 4 examples: 4 passed, 0 failed" in result.stderr
    assert invoke("rules", "test", "--rule", "wekday").exit_code == 2


def test_every_kind_can_carry_examples() -> None:
    pack = load_pack()
    assert {r.kind for r in pack.rules if r.examples} == set(KINDS)
