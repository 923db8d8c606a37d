"""Review decisions: fingerprints that survive edits elsewhere, a decisions file that people can
edit and merge, that is validated with line numbers, written atomically and never written over."""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import write_article
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.decisions import (
    FILE_NAME,
    HEADER,
    Decision,
    DecisionsError,
    apply_decisions,
    current_user,
    default_path,
    load_decisions,
    lock_path,
    record,
    render,
)
from factcheck.pipeline import run

LOCK_NAME = lock_path(FILE_NAME).name  # the lock stays beside the file, hidden and empty

LEDGER = ("Acme Corp raised $40 million in its listing on March 3, 2025, the company said.\n\n"
          "Analysts said the pricing was cautious.\n")
HERALD = "Acme Corp raised $90 million in its listing on March 3, 2025.\n"


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_article(folder, "ledger.md", LEDGER, source="Harbour Ledger", published="2025-03-05")
    write_article(folder, "herald.md", HERALD, source="Northgate Herald", published="2025-03-06")
    return folder


def _proceeds(folder: Path, decisions: Path | None = None):  # type: ignore[no-untyped-def]
    result = run([folder], decisions=decisions)
    return next(f for f in result.finding_records if f.rule == "figure-conflict" and "IPO proceeds" in f.fact), result


# --- the fingerprint ----------------------------------------------------------------------------


def test_fingerprint_survives_an_edit_elsewhere_and_changes_with_the_figure(tmp_path: Path) -> None:
    before, _ = _proceeds(_corpus(tmp_path))
    ledger = tmp_path / "ledger.md"
    text = ledger.read_text(encoding="utf-8")
    # a new opening paragraph moves every offset; a reworded paragraph changes nothing the finding is about
    text = text.replace("Acme Corp raised", "Markets in Hong Kong were busy this week.\n\nAcme Corp raised", 1)
    ledger.write_text(text.replace("Analysts said the pricing was cautious.",
                                   "Three analysts said the pricing looked cautious to them."), encoding="utf-8")
    moved, _ = _proceeds(tmp_path)
    assert moved.claims[0].start != before.claims[0].start or moved.claims[1].start != before.claims[1].start
    assert moved.fingerprint == before.fingerprint
    herald = tmp_path / "herald.md"
    herald.write_text(herald.read_text(encoding="utf-8").replace("$90 million", "$95 million"), encoding="utf-8")
    changed, _ = _proceeds(tmp_path)
    assert changed.fingerprint != before.fingerprint


def test_fingerprint_survives_the_same_figure_repeated_in_another_paragraph(tmp_path: Path) -> None:
    before, _ = _proceeds(_corpus(tmp_path))
    ledger = tmp_path / "ledger.md"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "\nIn all, Acme Corp raised $40 million.\n",
                      encoding="utf-8")
    after, _ = _proceeds(tmp_path)
    assert after.fingerprint == before.fingerprint


def test_a_decision_follows_its_finding_and_goes_stale_when_the_figure_changes(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    decisions = folder / FILE_NAME
    finding, _ = _proceeds(folder)
    record(decisions, Decision(finding.fingerprint, "dismissed", "the Herald counts the greenshoe", "ana",
                               "2025-03-07T10:00:00Z", finding.rule, finding.fact))
    ledger = folder / "ledger.md"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("Analysts said", "Two analysts said"),
                      encoding="utf-8")
    kept, result = _proceeds(folder, decisions)
    assert kept.status == "dismissed" and result.stale == []
    assert result.decision(kept) == load_decisions(decisions)[finding.fingerprint]
    herald = folder / "herald.md"
    herald.write_text(herald.read_text(encoding="utf-8").replace("$90 million", "$95 million"), encoding="utf-8")
    reopened, result = _proceeds(folder, decisions)
    assert reopened.status == "open"
    assert [d.fingerprint for d in result.stale] == [finding.fingerprint]
    assert result.summary()["stale"] == 1


# --- the file -----------------------------------------------------------------------------------


def _d(fp: str, status: str = "confirmed", reason: str = "") -> Decision:
    return Decision(fp, status, reason, "ana", "2025-03-07T10:00:00Z", "figure-conflict", "Acme / IPO proceeds")


def test_the_file_round_trips_sorted_with_one_block_per_finding(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    record(path, _d("ffff000011112222", "dismissed", "Different fiscal years: the Ledger's runs to March — «sic»"))
    record(path, _d("0000aaaabbbbcccc", "fixed"))
    record(path, _d("8888aaaabbbbcccc"))
    text = path.read_text(encoding="utf-8")
    keys = list(yaml.safe_load(text)["decisions"])
    assert keys == sorted(keys) == ["0000aaaabbbbcccc", "8888aaaabbbbcccc", "ffff000011112222"]
    reason_lines = [line for line in text.splitlines() if line.startswith("    reason:")]
    assert len(reason_lines) == 1 and "«sic»" in reason_lines[0]  # kept whole, on one line, readable
    loaded = load_decisions(path)
    assert loaded["ffff000011112222"] == _d("ffff000011112222", "dismissed",
                                            "Different fiscal years: the Ledger's runs to March — «sic»")
    assert render(loaded) == text
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME, FILE_NAME]  # no temporary file left behind


def test_a_new_decision_only_adds_its_own_lines(tmp_path: Path) -> None:
    """What makes the file merge cleanly: two editors' decisions land in separate, sorted blocks."""
    path = tmp_path / FILE_NAME
    for fp in ("1111aaaabbbbcccc", "5555aaaabbbbcccc", "9999aaaabbbbcccc"):
        record(path, _d(fp))
    before = path.read_text(encoding="utf-8").splitlines()
    record(path, _d("7777aaaabbbbcccc", "dismissed", "same figure, other currency"))
    after = path.read_text(encoding="utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert all(line.startswith("+ ") for line in diff)
    added = [line[2:] for line in diff]
    assert added[0] == "  7777aaaabbbbcccc:" and "    reason: same figure, other currency" in added
    assert after.index("  7777aaaabbbbcccc:") == after.index("  9999aaaabbbbcccc:") - len(added)


ORDINARY = ["different fiscal years", "the Ledger's count: 5 (not 6)", "-5% is the fiscal figure", "yes", "null",
            "1.5", "2025-03-07", "2025-03-07T10:00:00Z", "«sic» — ok", "x: y", "ends with a colon:", "a # b", "a#b",
            "'quoted'", '"quoted"', "@desk", "100 %", "[list]", "On", "0123", "1:30", "...", "---", "? why",
            "Company 1 / revenue", "ünïcode", "emoji 😀"]


def test_the_file_is_written_as_pyyaml_writes_it() -> None:
    """The fast writer keeps the file's look: ordinary text plain, the rest quoted where PyYAML quotes it."""
    decisions = {f"{n:02x}" + "ab" * 7: Decision(f"{n:02x}" + "ab" * 7, "dismissed", text, text,
                                                 "2025-03-07T10:00:00Z", "figure-conflict", text)
                 for n, text in enumerate(ORDINARY)}
    decisions["1234567890123456"] = Decision("1234567890123456", "fixed")  # all digits: a quoted key
    entries = {fp: decisions[fp].entry() for fp in sorted(decisions)}
    expected = yaml.safe_dump({"version": 1, "decisions": entries}, sort_keys=False, allow_unicode=True,
                              default_flow_style=False, width=2**31 - 1)
    assert render(decisions) == HEADER + expected
    assert render({}) == HEADER + "version: 1\ndecisions: {}\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1).map(str.strip).filter(bool), min_size=1, max_size=4))
def test_any_text_reads_back_as_written(texts: list[str]) -> None:
    """Whatever a reason, a name or a fact holds (quotes, colons, line breaks, control characters), the file
    reads back the same, each field on its own line."""
    decisions = {f"{n:016x}": Decision(f"{n:016x}", "dismissed", text, text[::-1], "", "r", text)
                 for n, text in enumerate(texts)}
    text = render(decisions)
    assert yaml.safe_load(text)["decisions"] == {fp: d.entry() for fp, d in decisions.items()}
    assert len(text.splitlines()) == len(HEADER.splitlines()) + 2 + 6 * len(texts)
    loaded = load_decisions_text(text)
    assert loaded == decisions


def load_decisions_text(text: str) -> dict[str, Decision]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / FILE_NAME
        path.write_text(text, encoding="utf-8")
        return load_decisions(path)


def test_a_decision_keeps_its_line_in_a_large_file(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    decisions = {f"{n:016x}": _d(f"{n:016x}", "dismissed", f"reason {n}") for n in range(3000)}
    path.write_text(render(decisions), encoding="utf-8")
    loaded = load_decisions(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert loaded == decisions
    assert all(lines[d.line - 1] == f"  '{d.fingerprint}':" or lines[d.line - 1] == f"  {d.fingerprint}:"
               for d in loaded.values())


def test_reopening_removes_the_entry(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    record(path, _d("1111aaaabbbbcccc"))
    record(path, _d("2222aaaabbbbcccc"))
    record(path, Decision("1111aaaabbbbcccc", "open"))
    assert list(load_decisions(path)) == ["2222aaaabbbbcccc"]


def test_a_hand_written_file_loads(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text("# ours\ndecisions:\n  1234567890123456:   # all digits, unquoted\n    status: fixed\n"
                    "    when: 2025-03-07T10:00:00Z\n  ABCDEF0123456789:\n    status: dismissed\n"
                    "    reason: not the same listing\n", encoding="utf-8")
    loaded = load_decisions(path)
    assert loaded["1234567890123456"].when == "2025-03-07T10:00:00Z"
    assert loaded["abcdef0123456789"].reason == "not the same listing"
    assert loaded["abcdef0123456789"].line == 6


@pytest.mark.parametrize("text", ["", "# nothing decided yet\n", "decisions:\n", "version: 1\ndecisions: {}\n"])
def test_an_empty_file_is_no_decisions(tmp_path: Path, text: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(text, encoding="utf-8")
    assert load_decisions(path) == {}
    assert load_decisions(tmp_path / "missing.yaml") == {}


BROKEN = [
    ("decisions:\n  abcdef0123456789:\n    status: dismised\n    reason: x\n",
     "3: unknown status 'dismised' (did you mean 'dismissed'?)"),
    ("decisions:\n  abcdef0123456789:\n    status: dismissed\n", "3: dismissing abcdef0123456789 needs a reason"),
    ("decisions:\n  abcdef0123456789:\n    status: fixed\n    reasn: typo\n",
     "4: unknown key 'reasn' (did you mean 'reason'?)"),
    ("decisions:\n  abcdef0123456789:\n    status: open\n", "3: unknown status 'open'; delete the entry"),
    ("decisions:\n  abcdef0123456789:\n    who: ana\n", "3: the decision for abcdef0123456789 has no status"),
    ("decisions:\n  abcdef0123456789:\n    status: fixed\n    when: last tuesday\n",
     "4: 'when' is not an ISO timestamp"),
    ("decisions:\n  not-a-fingerprint:\n    status: fixed\n", "2: 'not-a-fingerprint' is not a finding fingerprint"),
    ("decisions:\n  abcdef0123456789: {status: fixed}\n  abcdef0123456789: {status: confirmed}\n",
     "3: a second entry for abcdef0123456789 (the first is on line 2)"),
    ("decisions:\n  abcdef0123456789: fixed\n", "2: the decision for abcdef0123456789 must be a mapping"),
    ("decisions:\n  abcdef0123456789:\n    status: [fixed]\n", "3: 'status' must be a single value"),
    ("decision:\n  abcdef0123456789: {status: fixed}\n", "1: unknown key 'decision' (did you mean 'decisions'?)"),
    ("- abcdef0123456789\n", "1: expected a mapping with a 'decisions:' key"),
    ("version: 2\ndecisions: {}\n", "1: version must be 1"),
    ("decisions:\n  abcdef0123456789:\n    status: fixed\n   reason: bad indent\n", "4: not valid YAML"),
    ("decisions:\n  abcdef0123456789: {status: fixed\n", "3: not valid YAML"),
    (("decisions:\n<<<<<<< HEAD\n  abcdef0123456789: {status: fixed}\n=======\n  bbcdef0123456789: {status: fixed}"
      "\n>>>>>>> desk\n"), "2: an unresolved merge conflict"),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_a_broken_file_is_named_with_its_line_and_never_written_over(tmp_path: Path, text: str,
                                                                     expected: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionsError) as err:
        load_decisions(path)
    assert f"{path}:{expected}" in "\n".join(err.value.problems)
    with pytest.raises(DecisionsError):
        record(path, _d("1111aaaabbbbcccc"))
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME, FILE_NAME]


def test_bytes_that_are_not_text_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"decisions:\n  abcdef0123456789:\n    status: fixed\n    reason: caf\xe9\n")
    with pytest.raises(DecisionsError, match=r":4: not UTF-8 text"):
        load_decisions(path)
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(DecisionsError, match="is a folder"):
        load_decisions(folder)


# --- where it lives, who decided, how it applies -------------------------------------------------


def test_the_file_lives_beside_the_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    other = _corpus(tmp_path / "other")
    assert default_path([str(corpus)]) == corpus / FILE_NAME
    assert default_path([str(corpus / "ledger.md"), str(corpus / "herald.md")]) == corpus / FILE_NAME
    assert default_path([str(corpus), str(other)]) == Path(FILE_NAME)
    monkeypatch.chdir(tmp_path)
    assert default_path([]) == Path(FILE_NAME)


def test_who_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_USER", "desk")
    assert current_user("ana") == "ana"
    assert current_user(None) == "desk"
    monkeypatch.delenv("FACTCHECK_USER")
    monkeypatch.setenv("LOGNAME", "login-name")
    monkeypatch.setenv("USER", "login-name")
    assert current_user(None) == "login-name"


def test_apply_sets_status_and_reports_stale(tmp_path: Path) -> None:
    finding, result = _proceeds(_corpus(tmp_path))
    decisions = {finding.fingerprint: _d(finding.fingerprint, "fixed"), "0123456789abcdef": _d("0123456789abcdef")}
    applied, stale = apply_decisions(result.finding_records, decisions)
    by_fp = {f.fingerprint: f.status for f in applied}
    assert by_fp[finding.fingerprint] == "fixed"
    assert {s for fp, s in by_fp.items() if fp != finding.fingerprint} == {"open"}
    assert [d.fingerprint for d in stale] == ["0123456789abcdef"]
