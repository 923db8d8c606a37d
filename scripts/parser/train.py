#!/usr/bin/env python3
"""Rebuild factcheck's parsing model from the UD English Web Treebank.

usage: python scripts/parser/train.py [--ud ../shared/ud] [--work /tmp/factcheck-parser] [--install]

Converts the treebank's train, dev and test files to spaCy's format, trains the pipeline in
`scripts/parser/config.cfg` (tok2vec, tagger, morphologizer, parser, lemmatizer) on train with
dev for model selection, scores the best model on test (never trained on), writes the scores to
WORK/test-scores.json, and with --install copies the model to factcheck/models/en_ud_ewt (the
package data that factcheck loads; nothing is fetched at run time).

The treebank: Universal Dependencies English Web Treebank (Silveira et al. 2014; UD
contributors), CC BY-SA 4.0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODEL_DIR = ROOT / "factcheck" / "models" / "en_ud_ewt"
SPLITS = ("train", "dev", "test")


def spacy(*args: str) -> None:
    print("+ python -m spacy " + " ".join(args), flush=True)
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def convert(ud: Path, work: Path) -> None:
    """CoNLL-U to .spacy, ten sentences a document so that the parser learns sentence breaks."""
    for split in SPLITS:
        out = work / f"{split}.spacy"
        if not out.exists():
            spacy("convert", str(ud / f"en_ewt-ud-{split}.conllu"), str(work), "--converter", "conllu",
                  "--n-sents", "10", "--file-type", "spacy")
            (work / f"en_ewt-ud-{split}.spacy").rename(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=ROOT.parent / "shared" / "ud")
    ap.add_argument("--work", type=Path, default=Path("/tmp/factcheck-parser"))
    ap.add_argument("--install", action="store_true", help="copy the trained model into the package")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    convert(args.ud, args.work)
    spacy("train", str(HERE / "config.cfg"), "--output", str(args.work / "out"),
          "--paths.train", str(args.work / "train.spacy"), "--paths.dev", str(args.work / "dev.spacy"))
    best = args.work / "out" / "model-best"
    scores = args.work / "test-scores.json"
    spacy("evaluate", str(best), str(args.work / "test.spacy"), "--output", str(scores))
    print(json.dumps({k: v for k, v in json.loads(scores.read_text()).items() if not isinstance(v, dict)}, indent=2))
    if args.install:
        shutil.rmtree(MODEL_DIR, ignore_errors=True)
        shutil.copytree(best, MODEL_DIR)
        shutil.copy(scores, MODEL_DIR / "test-scores.json")
        print(f"installed {MODEL_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
