#!/usr/bin/env python3
"""Golden outputs for a refactoring: capture what factcheck prints on everything we have, then
compare a later run with it byte for byte.

usage: python scripts/golden.py capture DIR      write the outputs to DIR
       python scripts/golden.py compare DIR      capture afresh and report every file that differs

Captured: `extract`, `check` and `facts` as JSON on every story folder under corpus/; the
extraction of every sentence in the labelled sets (tests/data/extraction_*.yaml); `rules test`
and `rules list`; and the figures of the quality scripts (extraction, matching, corpus scores).
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"}, timeout=900)
    return f"exit {proc.returncode}\n{proc.stdout}"


def _script(*args: str) -> str:
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=900)
    return f"exit {proc.returncode}\n{proc.stdout}"


def _labelled_extraction() -> str:
    from factcheck.extract import extract_text

    out = []
    for name in ("extraction_labeled.yaml", "extraction_heldout.yaml"):
        items = yaml.safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
        for item in items.get("items", items) if isinstance(items, dict) else items:
            text = item["text"]
            published = str(item.get("published") or "") or None
            claims = [c.to_json() for c in extract_text(text, published=published)]
            out.append(json.dumps({"text": text, "claims": claims}, sort_keys=True, default=str))
    return "\n".join(out) + "\n"


def capture(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stories = sorted(p for p in (ROOT / "corpus").iterdir() if (p / "expected.yaml").is_file())
    outputs: dict[str, str] = {}
    for story in stories:
        rel = str(story.relative_to(ROOT))
        outputs[f"{story.name}.extract.json"] = _cli("extract", rel, "--format", "json")
        outputs[f"{story.name}.check.json"] = _cli("check", rel, "--format", "json", "--no-report")
        outputs[f"{story.name}.facts.json"] = _cli("facts", rel, "--all", "--format", "json")
    outputs["rules-test.txt"] = _cli("rules", "test")
    outputs["rules-list.txt"] = _cli("rules", "list")
    outputs["labelled-extraction.jsonl"] = _labelled_extraction()
    outputs["extraction-quality.txt"] = _script("benchmarks/extraction_quality.py")
    outputs["extraction-heldout.txt"] = _script("benchmarks/extraction_quality.py",
                                                "tests/data/extraction_heldout.yaml")
    outputs["matching-quality.txt"] = _script("benchmarks/matching_quality.py")
    outputs["score-corpus.json"] = _script("scripts/score_corpus.py", "--json")
    for name, text in outputs.items():
        (folder / name).write_text(text, encoding="utf-8")


def _test_half() -> set[str]:
    """The stories of the blind test half: their outputs are compared, never shown."""
    out = set()
    for story in (ROOT / "corpus").iterdir():
        truth = story / "expected.yaml"
        if truth.is_file() and (yaml.safe_load(truth.read_text(encoding="utf-8")) or {}).get("half") == "test":
            out.add(story.name)
    return out


def compare(folder: Path) -> int:
    hidden = _test_half()
    with tempfile.TemporaryDirectory() as tmp:
        capture(Path(tmp))
        differ = 0
        for old in sorted(folder.iterdir()):
            new = Path(tmp) / old.name
            a, b = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8") if new.exists() else ""
            if a != b:
                differ += 1
                print(f"differs: {old.name}")
                if old.name.split(".")[0] in hidden or old.name.startswith("score-corpus"):
                    continue  # a test-half story's output is not read
                diff = difflib.unified_diff(a.splitlines(), b.splitlines(), str(old), str(new), lineterm="", n=1)
                print("\n".join(list(diff)[:40]))
        print(f"{differ} of {len(list(folder.iterdir()))} golden files differ")
        return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("capture", "compare"))
    ap.add_argument("folder", type=Path)
    args = ap.parse_args(argv)
    if args.action == "capture":
        capture(args.folder)
        return 0
    return compare(args.folder)


if __name__ == "__main__":
    sys.exit(main())
