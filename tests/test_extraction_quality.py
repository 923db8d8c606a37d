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
