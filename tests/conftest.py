"""Shared fixtures: the project root, the sample corpus, and a runner for the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "deepseek"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m factcheck ARGS` as a user would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def run_json(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli(*args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def write_article(folder: Path, name: str, body: str, source: str = "Test Wire", published: str | None = "2025-01-28",
                  title: str = "A test story") -> Path:
    lines = ["---", f"source: {source}", f"title: {title}"]
    if published:
        lines.append(f"published: {published}")
    lines += ["url: https://example.test/story", "---", ""]
    path = folder / name
    path.write_text("\n".join(lines) + body, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_check() -> dict:
    """`factcheck check corpus/deepseek --format json`, run once for the session."""
    return run_json("check", "corpus/deepseek", "--format", "json", "--no-report")


@pytest.fixture(scope="session")
def corpus_extract() -> dict:
    return run_json("extract", "corpus/deepseek", "--format", "json")
