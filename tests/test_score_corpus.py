"""The scorer: label checks, per-half tables, the first stage that goes wrong, and floors on the
bundled stories (the sample corpus and the blind stories of both halves)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, ROOT, write_article

sys.path.insert(0, str(ROOT / "scripts"))
import score_corpus  # noqa: E402

from factcheck.core.records import Claim  # noqa: E402

# The sample corpus keeps its own scores (issue #4's bars: recall 0.9, at most 1 trap flagged).
RECALL_FLOOR = 0.9
FALSE_ALARM_CEILING = 1
# The blind stories (issue #10), a little under their figures at the commit that added them
# (dev 6/55 = 0.109 with 3/126 must-not-flag pairs flagged; test 15/77 = 0.195 with 3/175).
# Raise these as the figures rise, so that nothing slips back unnoticed. Session 21 (#13-#15):
# dev 33/88 = 0.375 with 3/201 (8 stories), test 28/77 = 0.364 with 2/175.
BLIND_FLOORS = {"dev": (0.52, 3), "test": (0.45, 3)}  # half: (recall floor, must-not-flag ceiling)


def _scores() -> dict:
    proc = subprocess.run([sys.executable, "scripts/score_corpus.py", "--json"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def scores() -> dict:
    return _scores()


def test_the_sample_corpus_keeps_its_scores(scores: dict) -> None:
    deepseek = next(s for s in scores["stories"] if s["story"] == "deepseek")
    assert deepseek["conflicts"] >= 12
    assert deepseek["recall"] >= RECALL_FLOOR, deepseek["missed"]
    assert deepseek["must_not_flag_flagged"] <= FALSE_ALARM_CEILING, deepseek["false_alarms"]
    truth = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    assert {c["kind"] for c in truth["conflicts"]} == {"figure", "date", "conversion", "arithmetic", "weekday"}


@pytest.mark.parametrize("half", sorted(BLIND_FLOORS))
def test_the_blind_halves_hold_their_floors(scores: dict, half: str) -> None:
    recall_floor, ceiling = BLIND_FLOORS[half]
    totals = scores["halves"][half]
    assert totals["recall"] >= recall_floor, totals
    assert totals["must_not_flag_flagged"] <= ceiling, totals


def test_the_blind_set_is_the_size_the_issue_asks_for() -> None:
    halves: dict[str, int] = {}
    conflicts = traps = articles = 0
    for story in score_corpus.story_folders([ROOT / "corpus"]):
        truth = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
        if truth["half"] == "tuned":
            continue
        halves[truth["half"]] = halves.get(truth["half"], 0) + 1
        bodies = score_corpus.article_bodies(story)
        assert 4 <= len(bodies) <= 6, story
        assert all(250 <= len(body.split()) <= 600 for body in bodies.values()), story
        assert len({re.search(r"^source: (.+)$", (story / n).read_text(encoding="utf-8"), re.M)[1]
                    for n in bodies}) == len(bodies), f"{story}: one outlet per article"
        articles += len(bodies)
        conflicts += len(truth["conflicts"])
        traps += len(truth["must_not_flag"])
    assert sum(halves.values()) >= 10 and halves["dev"] >= 4 and halves["test"] >= 4
    assert articles >= 50 and conflicts >= 80 and traps >= 150


def test_every_story_is_labelled_well() -> None:
    for story in score_corpus.story_folders([ROOT / "corpus"]):
        truth = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
        assert score_corpus.label_problems(story, truth) == [], story


def test_the_test_half_is_never_printed_item_by_item(scores: dict) -> None:
    for s in scores["stories"]:
        if s["half"] == "test":
            assert s["items"] == [] and s["unplanned"] == [] and s["missed"] == []
    text = subprocess.run([sys.executable, "scripts/score_corpus.py", "--verbose"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600).stdout
    assert "planted conflicts flagged:" in text and "first stage that goes wrong:" in text
    tests = {s["story"] for s in scores["stories"] if s["half"] == "test"}
    assert not [line for line in text.splitlines() if line.split(" ")[0] in tests]


def _claim(**changes: object) -> Claim:
    base = Claim(article="a.md", source="One", published="2025-03-10", kind="quantity", text="£46m", start=0,
                 end=4, value=46e6, low=45.5e6, high=46.5e6, unit="GBP", entity="Korrin Steel",
                 attribute="net income", period="2024", period_source="explicit")
    return dataclasses.replace(base, **changes)


def test_the_stage_where_two_claims_of_one_fact_part() -> None:
    a = _claim()
    b = _claim(article="b.md", source="Two", text="£64m", value=64e6, low=63.5e6, high=64.5e6)
    assert score_corpus.parting_stage(a, b, together=True) == "rule"
    assert score_corpus.parting_stage(a, dataclasses.replace(b, entity="Net"), False) == "entity"
    assert score_corpus.parting_stage(a, dataclasses.replace(b, entity=None), False) == "entity"
    assert score_corpus.parting_stage(a, dataclasses.replace(b, attribute="dividend"), False) == "attribute"
    assert score_corpus.parting_stage(a, dataclasses.replace(b, period="2021"), False) == "period"
    assert score_corpus.parting_stage(a, dataclasses.replace(b, entity="Net", period="2021"), False) == "entity"


def test_the_stage_where_two_different_facts_wrongly_meet() -> None:
    a, b = _claim(), _claim(article="b.md", text="£46m")
    assert score_corpus.meeting_stage(a, b, "entity", by_fact_rule=True) == "entity"
    assert score_corpus.meeting_stage(a, dataclasses.replace(b, entity="Korrin"), "entity", True) == "matching"
    assert score_corpus.meeting_stage(a, b, "none", by_fact_rule=True) == "rule"
    assert score_corpus.meeting_stage(a, b, "period", by_fact_rule=False) == "rule"


def test_a_value_is_read_right_or_not() -> None:
    claim = _claim()
    assert score_corpus.value_fits(claim, 46_000_000) and score_corpus.value_fits(claim, 46_400_000)
    assert not score_corpus.value_fits(claim, 64_000_000)
    day = _claim(kind="date", text="4 March 2025", value="2025-03-04", low="2025-03-04", high="2025-03-04")
    assert score_corpus.value_fits(day, "2025-03-04") and score_corpus.value_fits(day, "2025-03")
    assert not score_corpus.value_fits(day, "2025-03-05")


def _story(folder: Path, truth: dict) -> Path:
    folder.mkdir()
    write_article(folder, "01_one.md", "Korrin Steel said its net income was £46m in 2024, up from £40m.\n"
                  "The company opened its new mill on Tuesday, 4 March 2025.\n", source="One", published="2025-03-10")
    write_article(folder, "02_two.md", "Korrin Steel reported net income of £64m for 2024.\n"
                  "Its new mill opened on 4 March 2025.\n", source="Two", published="2025-03-11")
    (folder / "expected.yaml").write_text(yaml.safe_dump(truth), encoding="utf-8")
    return folder


def test_labels_that_do_not_point_at_one_text_are_refused(tmp_path: Path) -> None:
    truth = {"half": "exam", "conflicts": [
        {"id": "c01", "kind": "figure", "a": {"article": "02_two.md", "text": "£64m"},
         "b": {"article": "01_one.md", "text": "£4"}},
        {"id": "c01", "kind": "weekday", "a": {"article": "01_one.md", "text": "Tuesday"},
         "b": {"article": "02_two.md", "text": "4 March 2025"}},
        {"id": "c03", "kind": "figure", "a": {"article": "03_none.md", "text": "£1"},
         "b": {"article": "01_one.md", "text": "£46m", "context": "was £64m"}}]}
    story = _story(tmp_path / "s", truth)
    problems = "\n".join(score_corpus.label_problems(story, truth))
    assert "half must be one of tuned, dev, test" in problems
    assert "'£4' occurs 2 times in 01_one.md" in problems
    assert "id 'c01' is used 2 times" in problems
    assert "weekday conflict's sides must be in one article" in problems
    assert "no article '03_none.md'" in problems and "context does not contain '£46m'" in problems
    proc = subprocess.run([sys.executable, "scripts/score_corpus.py", str(story)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode != 0 and "occurs 2 times" in proc.stderr


def test_a_small_story_is_scored_with_stages(tmp_path: Path) -> None:
    truth = {"half": "dev", "conflicts": [
        {"id": "c01", "kind": "figure", "a": {"article": "02_two.md", "text": "£64m", "value": 64e6},
         "b": {"article": "01_one.md", "text": "£46m", "value": 46e6}},
        {"id": "c02", "kind": "weekday", "a": {"article": "02_two.md", "text": "Its new mill"},
         "b": {"article": "02_two.md", "text": "4 March 2025", "value": "2025-03-04"}}],
        "must_not_flag": [
            {"id": "n01", "trap": "different_period", "differs_in": "period",
             "a": {"article": "01_one.md", "text": "£40m", "value": 40e6},
             "b": {"article": "02_two.md", "text": "£64m", "value": 64e6}},
            {"id": "n02", "trap": "correct_weekday", "differs_in": "none",
             "a": {"article": "01_one.md", "text": "Tuesday"},
             "b": {"article": "01_one.md", "text": "4 March 2025", "value": "2025-03-04"}}],
        "claims": [{"article": "02_two.md", "text": "£64m", "value": 64e6, "entity": "Korrin Steel"},
                   {"article": "01_one.md", "text": "£40m", "value": 50e6, "entity": "Korrin Steel"}]}
    s = score_corpus.score(_story(tmp_path / "s", truth))
    items = {i["id"]: i for i in s["items"]}
    assert items["c01"]["flagged"] and items["c01"]["stage"] is None
    assert not items["c02"]["flagged"] and items["c02"]["stage"] == "extraction"  # "Its new mill" is no claim
    assert not items["n01"]["flagged"] and not items["n02"]["flagged"]
    assert s["conflicts_flagged"] == 1 and s["recall"] == 0.5 and s["must_not_flag_flagged"] == 0
    assert s["claims_labelled"] == 2 and s["claims_found"] == 1 and s["entity_agrees"] == 1


def test_an_entity_label_is_compared_as_an_entity_not_a_spelling() -> None:
    assert score_corpus._same_entity("United Kingdom", "UK 18-year-olds")  # "UK" is an alias of it
    assert score_corpus._same_entity("Castlegate Retail", "Castlegate Retail Group")
    assert score_corpus._same_entity("Korrin Steel", "the Korrin Steel's")
    assert not score_corpus._same_entity("United Kingdom", "Northern Ireland")
    assert not score_corpus._same_entity("Wales", "Welsh Government")
    assert not score_corpus._same_entity(None, "Wales")
