"""Reading articles in several processes (`--jobs`) gives the claims, facts and findings of one
process, in the same order, and a process that dies takes no article with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

import factcheck.pipeline as pipeline
from factcheck.pipeline import run

STORIES = [ROOT / "corpus" / name for name in ("deepseek", "storm-damage", "retailer-results", "election-count")]


def _seen(result) -> tuple:  # type: ignore[no-untyped-def]
    return ([c.to_json() for c in result.claim_records], [(f.rule, f.fingerprint, f.message) for f in result.finding_records],
            [str(p) for p in result.problems])


def test_two_processes_read_what_one_reads(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.md").write_bytes(b"---\nsource: [unclosed\n---\nRevenue rose 4%.\n")
    one = run([*STORIES, broken], jobs=1)
    two = run([*STORIES, broken], jobs=2)
    assert len(one.articles) == 30 and len(one.claim_records) > 500 and one.problems
    assert _seen(one) == _seen(two)


def test_a_process_that_dies_loses_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = pipeline._read_one  # noqa: SLF001 - the test breaks one worker on purpose

    def dying(article, problems, beside):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and "03_" in article.path:
            os._exit(9)  # as if the kernel killed it
        return real(article, problems, beside)

    monkeypatch.setattr(pipeline, "_read_one", dying)
    two = run(STORIES, jobs=2)
    monkeypatch.setattr(pipeline, "_read_one", real)
    assert _seen(two) == _seen(run(STORIES, jobs=1))


def test_the_command_line_takes_jobs_and_prints_the_same() -> None:
    args = ["extract", str(STORIES[1]), str(STORIES[2]), str(STORIES[3]), "--format", "json"]
    one, two = run_cli(*args, "--jobs", "1"), run_cli(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and '"claims"' in one.stdout
    bad = run_cli(*args, "--jobs", "0")
    assert bad.returncode == 2 and "--jobs" in bad.stderr
