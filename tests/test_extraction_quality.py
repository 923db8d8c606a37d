"""The extractor against the labeled set (tests/data/extraction_labeled.yaml): the bars of issue #3."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

BAR = 0.95


def test_labeled_set_scores_above_the_bar() -> None:
    proc = subprocess.run([sys.executable, "benchmarks/extraction_quality.py", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    score = json.loads(proc.stdout)
    assert score["items"] >= 300 and score["gold"] >= 800
    for key in ("value", "value_unit", "value_qualifier"):
        assert score[key]["f1"] >= BAR, (key, score[key])
    assert score["date_accuracy"] >= BAR, score["date_accuracy"]


def _score(path: str) -> dict:
    proc = subprocess.run([sys.executable, "benchmarks/extraction_quality.py", path, "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_blind_sets_hold_their_floors() -> None:
    # floors at or a little under the figures of session 25 (README, Measuring): a change that loses ground
    # on text it was never tuned on fails here. On the second set they are #16's bars (0.95 / 0.90 / 0.90).
    first = _score("tests/data/extraction_heldout.yaml")
    assert first["value"]["f1"] >= 0.98 and first["value_unit"]["f1"] >= 0.95, first
    assert first["date_accuracy"] >= 0.93, first["date_accuracy"]
    second = _score("tests/data/extraction_heldout2.yaml")
    assert second["items"] >= 300, second["items"]
    assert second["value"]["f1"] >= 0.955 and second["value_unit"]["f1"] >= 0.90, second
    assert second["date_accuracy"] >= 0.90, second["date_accuracy"]
