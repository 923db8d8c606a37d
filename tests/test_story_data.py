"""A story's own data beside its articles (aliases.yaml), and data files given with --rules: both
checked like the default pack's (path:line:col, suggestions, exit 2) and read over it, an entry with
the same key replacing the earlier one and lists adding."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, write_article

import factcheck
from factcheck.attribute import vocabulary
from factcheck.cli import main
from factcheck.corpus import data_beside
from factcheck.lexicon.config import DataFiles, default_rules_dir, merge_data
from factcheck.rules import RuleError

FENWICK = "entities:\n  Fenwick Labs: [Fenwick Labs, the Fenwick lab, Project Wren]\n"


def _story(folder: Path, aliases: str | None = FENWICK, second: str = "The Fenwick lab") -> Path:
    """Two outlets on one company's funding round; the second names it its own way."""
    folder.mkdir(parents=True, exist_ok=True)
    write_article(folder, "a.md", "Fenwick Labs, a sensor maker in Leeds, raised $40 million in its first funding round.\n",
                  source="Harbour Ledger", published="2025-03-04")
    write_article(folder, "b.md", f"{second} raised $45 million in its first funding round, its chief executive said.\n",
                  source="Pacific Wire", published="2025-03-05")
    if aliases is not None:
        (folder / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return folder


def _invoke(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, [*args, "--format", "json"] + (["--no-report"] if args[0] == "check" else []))
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}, result.stderr


def _conflicts(out: dict) -> list[tuple[str, list[str]]]:
    return [(f["fact"], sorted(c["text"] for c in f["claims"])) for f in out.get("findings", [])
            if f["rule"] == "figure-conflict"]


def test_a_storys_aliases_make_its_articles_claims_meet(tmp_path: Path) -> None:
    """"the Fenwick lab" is Fenwick Labs in this story: the two funding figures are one fact, and they differ."""
    story = _story(tmp_path / "story")
    code, out, err = _invoke("check", str(story))
    assert code == 1, err
    [(fact, texts)] = _conflicts(out)
    assert fact.startswith("Fenwick Labs / ") and texts == ["$40 million", "$45 million"]
    code, out, _ = _invoke("extract", str(story / "b.md"))  # a file given: its folder's aliases.yaml is read
    assert code == 0 and [c["entity"] for c in out["claims"]] == ["Fenwick Labs"]


@pytest.mark.parametrize("aliases", [FENWICK, None])
def test_without_its_aliases_a_codename_is_another_entity(tmp_path: Path, aliases: str | None) -> None:
    story = _story(tmp_path / "story", aliases, second="Project Wren")
    code, out, _ = _invoke("check", str(story))
    assert bool(_conflicts(out)) == (aliases is not None) and code == (1 if aliases else 0)


def test_a_storys_aliases_are_its_own_and_the_nearest_folder_wins(tmp_path: Path) -> None:
    """Checking a folder of stories: each story's aliases.yaml applies to its articles only; one in
    the folder above applies to all of them, read before the story's own."""
    _story(tmp_path / "all" / "fenwick", second="Project Wren")
    other = tmp_path / "all" / "other"
    other.mkdir()
    write_article(other, "c.md", "Project Wren raised $50 million in its first funding round.\n", source="Granary Post",
                  published="2025-03-05")
    (tmp_path / "all" / "aliases.yaml").write_text("entities:\n  Wren Foundation: [Project Wren]\n", encoding="utf-8")
    code, out, _ = _invoke("extract", str(tmp_path / "all"))
    entities = {Path(c["article"]).name: c["entity"] for c in out["claims"]}
    assert entities == {"a.md": "Fenwick Labs", "b.md": "Fenwick Labs", "c.md": "Wren Foundation"}
    chains = data_beside([tmp_path / "all"])
    assert chains[os.path.normpath(tmp_path / "all" / "fenwick")] == (
        tmp_path / "all" / "aliases.yaml", tmp_path / "all" / "fenwick" / "aliases.yaml")


@pytest.mark.parametrize("command", ["check", "extract", "facts", "review"])
def test_a_broken_aliases_file_beside_the_articles_stops_the_run_with_its_position(tmp_path: Path, command: str) -> None:
    story = _story(tmp_path / "story", "entitys:\n  Fenwick Labs: [Fenwick Labs]\nplaces: [Leeds, 2024]\n")
    result = CliRunner().invoke(main, [command, str(story)] + (["--no-report"] if command == "check" else []))
    assert result.exit_code == 2
    assert f"{story}/aliases.yaml:1:1: unknown top-level key 'entitys' (did you mean 'entities'?)" in result.stderr
    assert f"{story}/aliases.yaml:3:17: item 2 of 'places' must be text, not 2024 (put it in quotes)" in result.stderr
    assert "nothing was checked" in result.stderr and result.stdout == ""


def test_a_broken_aliases_file_is_reported_with_a_broken_rule_file_at_once(tmp_path: Path) -> None:
    story = _story(tmp_path / "story", "entities:\n  Fenwick Labs: the Fenwick lab\n")
    rules = tmp_path / "strict.yaml"
    rules.write_text("rules:\n  - {id: weekday, kind: weekday, severity: fatal}\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        factcheck.check([story], [rules])
    assert any(p.startswith(f"{story}/aliases.yaml:2:17: 'Fenwick Labs' must be a list") for p in info.value.problems)
    assert any(p.startswith(f"{rules}:2:") and "fatal" in p for p in info.value.problems), info.value.problems


def test_the_same_aliases_file_given_with_rules_works(tmp_path: Path) -> None:
    story = _story(tmp_path / "story", aliases=None)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "aliases.yaml").write_text(FENWICK, encoding="utf-8")
    assert _conflicts(_invoke("check", str(story))[1]) == []
    for given in (mine / "aliases.yaml", mine):
        code, out, err = _invoke("check", str(story), "--rules", str(given))
        assert code == 1 and [fact for fact, _ in _conflicts(out)][0].startswith("Fenwick Labs / "), err
    (mine / "aliases.yaml").write_text("entities:\n  Fenwick Labs: [Fenwick Labs, Fenwick Labs]\n  Wren: [Fenwick Labs]\n",
                                       encoding="utf-8")
    code, _, err = _invoke("check", str(story), "--rules", str(mine))
    assert code == 2 and f"{mine}/aliases.yaml:3:10: 'Fenwick Labs' already belongs to 'Fenwick Labs'" in err


def test_rules_data_is_read_after_the_storys_an_entry_with_the_same_key_replaces(tmp_path: Path) -> None:
    """The command line has the last word: its Fenwick Labs entry, without the codename, replaces the story's."""
    story = _story(tmp_path / "story", second="Project Wren")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "aliases.yaml").write_text("entities:\n  Fenwick Labs: [Fenwick Labs]\nplaces: [Leeds]\n", encoding="utf-8")
    assert _conflicts(_invoke("check", str(story))[1])
    assert not _conflicts(_invoke("check", str(story), "--rules", str(mine))[1])
    vocab = vocabulary(extra=DataFiles.of([mine / "aliases.yaml"]))
    assert {"Leeds", "China", "Hong Kong"} <= vocab.places  # lists add
    assert vocab.alias_to_entity["Fenwick Labs"] == "Fenwick Labs" and "Project Wren" not in vocab.alias_to_entity


def test_merging_same_key_replaces_lists_add_single_values_replace() -> None:
    base = {"entities": {"A": ["A", "Alpha"], "B": ["B"]}, "places": ["X", "Y"], "window": 60}
    over = {"entities": {"A": ["A"], "C": ["C", "Alpha"]}, "places": ["Y", "Z"], "window": 40}
    merged = merge_data(base, over)
    assert merged == {"entities": {"B": ["B"], "A": ["A"], "C": ["C", "Alpha"]}, "places": ["X", "Y", "Z"], "window": 40}
    assert list(merged["entities"]) == ["B", "A", "C"]  # a replaced entry comes after: it wins a word two entries name
    assert base["entities"]["A"] == ["A", "Alpha"]  # the default's data is not changed


def test_an_edited_aliases_file_is_read_again_in_the_same_process(tmp_path: Path) -> None:
    story = _story(tmp_path / "story", second="Project Wren")
    first = factcheck.check([story]).finding_records
    (story / "aliases.yaml").write_text("entities:\n  Fenwick Labs: [Fenwick Labs]\n", encoding="utf-8")
    second = factcheck.check([story]).finding_records
    assert [f.rule for f in first if f.severity == "error"] == ["figure-conflict"]
    assert [f.rule for f in second if f.severity == "error"] == []


def test_data_files_given_with_rules_reach_extraction_and_matching(tmp_path: Path) -> None:
    """units.yaml, hedges.yaml and attributes.yaml from --rules: a new unit form, a new hedge and a
    noun synonym change what is read and what meets."""
    arts = tmp_path / "arts"
    arts.mkdir()
    write_article(arts, "a.md", "Korrin Retail runs 120 kiosks. The convoy drove 40 klicks to the depot. "
                  "Korrin Retail hired give or take 100 drivers this year.\n", source="Harbour Ledger")
    write_article(arts, "b.md", "Korrin Retail runs 135 stalls. The convoy drove 30 miles to the depot. "
                  "Korrin Retail hired 108 drivers this year.\n", source="Pacific Wire")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "attributes.yaml").write_text("noun_synonyms:\n  kiosk: [stall]\n", encoding="utf-8")
    (mine / "units.yaml").write_text("units:\n  kilometer: [kilometres, km, klicks]\n", encoding="utf-8")
    (mine / "hedges.yaml").write_text("hedges:\n  loosely: {qualifier: approx, width: 0.10, words: [give or take]}\n",
                                      encoding="utf-8")
    before = sorted(t for _, texts in _conflicts(_invoke("check", str(arts))[1]) for t in texts)
    after = sorted(t for _, texts in _conflicts(_invoke("check", str(arts), "--rules", str(mine))[1]) for t in texts)
    assert before == ["100", "108"]  # 100 drivers, as written, is not 108
    assert after == ["120", "135", "30 miles", "40 klicks"]
    code, out, _ = _invoke("extract", str(arts / "a.md"), "--rules", str(mine))
    assert {c["text"]: c["unit"] for c in out["claims"]}["40 klicks"] == "kilometer"


def test_data_files_given_with_rules_are_checked_against_the_default_packs(tmp_path: Path) -> None:
    """References resolve against the default pack's names too; pint reads units with its definitions."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "attributes.yaml").write_text("attributes:\n  compute:\n    units: [gpu_hour, gpu_hours]\n", encoding="utf-8")
    (mine / "currencies.yaml").write_text("currencies:\n  GBP:\n    unit_names: {quids: poundd}\n", encoding="utf-8")
    (mine / "units.yaml").write_text("units:\n  gpu_hour: [GPU hrs]\n  furlongg: [furlongs]\n", encoding="utf-8")
    story = _story(tmp_path / "story", aliases=None)
    code, _, err = _invoke("check", str(story), "--rules", str(mine))
    problems = [line for line in err.splitlines() if line.startswith(str(mine))]
    assert code == 2
    assert problems == [
        f"{mine}/attributes.yaml:3:23: 'gpu_hours' is not one of the 'units' in units.yaml (did you mean 'gpu_hour'?)",
        f"{mine}/currencies.yaml:3:25: 'poundd' is not one of the 'units' in units.yaml (did you mean 'pound'?)",
        f"{mine}/units.yaml:3:3: 'furlongg' is not a unit pint knows ('furlongg' is not defined in the unit registry);"
        " define it under 'define'",
    ], err


def test_an_aliases_file_given_as_an_article_says_where_it_belongs(tmp_path: Path) -> None:
    story = _story(tmp_path / "story")
    result = CliRunner().invoke(main, ["extract", str(story / "aliases.yaml")])
    assert result.exit_code == 2
    assert "a story's aliases file: give its folder" in result.stderr


def test_the_sample_storys_cast_lives_beside_it_not_in_the_default_pack() -> None:
    default = (default_rules_dir() / "aliases.yaml").read_text(encoding="utf-8")
    story = (CORPUS / "aliases.yaml").read_text(encoding="utf-8")
    for name in ("DeepSeek", "High-Flyer", "Liang Wenfeng", "Nvidia", "MiniMax", "Zhipu", "OpenAI", "Nasdaq"):
        assert name not in default and f"  {name}:" in story
    assert "  China: [China, Beijing, the Chinese government]" in default


RULE = "rules:\n  - {id: funding-conflict, kind: figure_conflict, severity: error}\n"
EXAMPLES = """examples:
  funding-conflict:
    pass:
      - name: one outlet
        articles:
          - {source: Harbour Ledger, published: 2025-03-04, text: Fenwick Labs raised $40 million in its first round.}
    fail:
      - name: the codename is the company
        articles:
          - {source: Harbour Ledger, published: 2025-03-04, text: Fenwick Labs raised $40 million in its first round.}
          - {source: Pacific Wire, published: 2025-03-04, text: Project Wren raised $45 million in its first round.}
        findings:
          - texts: [$40 million, $45 million]
"""


@pytest.mark.parametrize("with_aliases", [True, False])
def test_rules_test_runs_examples_with_the_data_files_beside_the_rules(tmp_path: Path, with_aliases: bool) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "funding.yaml").write_text(RULE, encoding="utf-8")
    (mine / "funding.examples.yaml").write_text(EXAMPLES, encoding="utf-8")
    if with_aliases:
        (mine / "aliases.yaml").write_text(FENWICK, encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test", str(mine)])
    assert result.exit_code == (0 if with_aliases else 1), result.stdout


def test_a_broken_default_pack_is_reported_once_with_a_storys_aliases(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.lexicon.config
    import factcheck.rules

    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (pack / "hedges.yaml").write_text((pack / "hedges.yaml").read_text(encoding="utf-8").replace(
        "    width: 0.10\n", "    widht: 0.10\n", 1), encoding="utf-8")
    monkeypatch.setattr(factcheck.lexicon.config, "default_rules_dir", lambda: pack)
    monkeypatch.setattr(factcheck.rules, "default_rules_dir", lambda: pack)
    with pytest.raises(RuleError) as info:
        factcheck.check([_story(tmp_path / "story")])
    assert len([p for p in info.value.problems if "unknown key 'widht'" in p]) == 1, info.value.problems
