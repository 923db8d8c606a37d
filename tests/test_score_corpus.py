"""The sample corpus against its ground truth: the script prints the figures, and they hold a floor.

The bars are issue #4's: planted-conflict recall 0.9 and at most 1 trap in 20 flagged (28 traps: 1).
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import CORPUS, ROOT

RECALL_FLOOR = 0.9
FALSE_ALARM_CEILING = 1


def test_ground_truth_is_well_formed() -> None:
    truth = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    assert len(truth["conflicts"]) >= 12 and len(truth["must_not_flag"]) >= 12
    kinds = {c["kind"] for c in truth["conflicts"]}
    assert kinds == {"figure", "date", "conversion", "arithmetic", "weekday"}


def test_score_script_prints_recall_and_false_alarms() -> None:
    proc = subprocess.run([sys.executable, "scripts/score_corpus.py", "corpus/deepseek", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    score = yaml.safe_load(proc.stdout)
    assert score["conflicts"] >= 12
    assert score["recall"] >= RECALL_FLOOR, score["missed"]
    assert score["must_not_flag_flagged"] <= FALSE_ALARM_CEILING, score["false_alarms"]
    text = subprocess.run([sys.executable, "scripts/score_corpus.py"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300).stdout
    assert "planted conflicts flagged:" in text and "must-not-flag pairs flagged:" in text
