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


# Articles that try to run something in every output: script and event attributes for the HTML page,
# javascript: and data: URLs for its links, formulas for spreadsheets, escape sequences for terminals,
# Markdown and raw HTML for report.md. Each also gives a figure, so that every field reaches a finding.
HOSTILE = {
    "evil.md": ('"<script>document.title=\'pwned\'</script>Evil <img src=x onerror=\\"window.pwned=1\\"> Wire"',
                '"<svg onload=window.pwned=5>"', "2025-03-05", '"JaVaScRiPt:alert(document.domain)"',
                "Acme Corp raised $40 million <img src=x onerror=\"window.pwned=2\"> in its listing on March 3, 2025,"
                " the company said <script>window.pwned=3</script>.\n\nIts shares closed 12% higher"
                " <a href=\"javascript:window.pwned=4\" onclick=\"window.pwned=4\">on the first day</a> of trading.\n"),
    "formula.md": ('"=HYPERLINK(\\"http://evil.example/\\",\\"click\\")"', '"[click](javascript:alert(1)) | <b>x</b>"',
                   "2025-03-06", '"data:text/html,<script>alert(5)</script>"',
                   "Acme Corp raised $90 million in its listing on March 3, 2025.\n\n"
                   "The shares closed 21% higher on the first day of trading, on Sunday, March 3, 2025.\n"),
    "terminal.md": ('"\\e]8;;http://evil.example\\e\\\\Term\\e]8;;\\e\\\\ \\e[2J\\e[31mWire\\x9b0m | <i>x</i>"',
                    '"\\e[31mred\\e[0m"', "2025-03-07", '" java\\tscript:alert(6)"',
                    "Acme Corp raised $55 million **in its listing** on March 3, 2025 | said [a source](http://x.example).\n"),
    "plus.md": ('"+1-2 Desk @ [x]"', '"-2+3"', "2025-03-08", '"https://desk.example/acme?a=1&b=<2>"',
                "Acme Corp raised $70 million in its listing on March 3, 2025 <!-- hidden -->.\n"),
}


def write_hostile_corpus(folder: Path) -> Path:
    """The HOSTILE articles in `folder` (front matter as YAML double-quoted strings, so \\e is ESC)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (source, title, published, url, body) in HOSTILE.items():
        (folder / name).write_text(f"---\nsource: {source}\ntitle: {title}\npublished: {published}\nurl: {url}\n---\n"
                                   + body, encoding="utf-8")
    return folder
