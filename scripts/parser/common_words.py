#!/usr/bin/env python3
"""Rebuild factcheck/lexicon/common_words.txt from the UD English Web Treebank's training file.

A word goes in when the treebank writes it in lower case, not at a sentence's start, as a common
noun, adjective, verb or adverb more often than it tags the word as a proper noun. factcheck reads
the list to tell a capitalised first word that is an ordinary word ("Revenue rose...", "Net income
fell...") from a name ("Korrin rose..."), when the article itself gives no sign either way.

usage: python scripts/parser/common_words.py [--ud ../shared/ud]

The treebank: Universal Dependencies English Web Treebank (Silveira et al. 2014; UD contributors),
CC BY-SA 4.0.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "factcheck" / "lexicon" / "common_words.txt"
OPEN_CLASS = ("NOUN", "ADJ", "VERB", "ADV")


def read(path: Path) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Lower-case open-class words seen after a sentence's first word, and how often each word is a PROPN."""
    common: collections.Counter[str] = collections.Counter()
    proper: collections.Counter[str] = collections.Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            form, upos = cols[1], cols[3]
            if upos == "PROPN":
                proper[form.lower()] += 1
            elif upos in OPEN_CLASS and form.isalpha() and form.islower() and cols[0] != "1":
                common[form] += 1
    return common, proper


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=ROOT.parent / "shared" / "ud")
    args = ap.parse_args(argv)
    common, proper = read(args.ud / "en_ewt-ud-train.conllu")
    words = sorted(w for w, n in common.items() if n > proper[w] and len(w) > 2)
    header = ("# Common English words (lower case), one a line: rebuilt by scripts/parser/common_words.py from\n"
              "# the UD English Web Treebank (CC BY-SA 4.0). Do not edit by hand.\n")
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(words)} words written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
