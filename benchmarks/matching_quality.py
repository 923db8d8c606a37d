#!/usr/bin/env python3
"""Score matching on a labeled set of claim pairs (same fact or not): pairwise precision and
recall; with --corpus, also the planted-conflict recall and the trap false-alarm rate.

usage: python benchmarks/matching_quality.py [PAIRS_YAML] [--corpus corpus/deepseek] [--errors N]

Each pair is two passages from two outlets with one claim named in each. Both passages go
through the real pipeline (extract, attribute, match); the pair is predicted "same" when the two
claims land in one fact. A claim the extractor does not find counts as "not same".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from factcheck.attribute import attribute_article, vocabulary
from factcheck.extract import extract_article
from factcheck.lexicon.config import NO_DATA, DataFiles
from factcheck.match import match_claims
from factcheck.core.records import Article, Claim

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "data" / "matching_labeled.yaml"
# The pairs of the "ai" topic are passages of the DeepSeek story: they are read with that story's own
# aliases (its cast), as `factcheck check corpus/deepseek` reads them; every other pair with the default pack only.
STORY_DATA = {"ai": DataFiles.of([ROOT / "corpus" / "deepseek" / "aliases.yaml"])}


def _article(side: dict, name: str) -> Article:
    published = side.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    return Article(id=name, path=name, body=side["text"], source=side["source"], published=published)


def _claim(claims: list[Claim], side: dict) -> Claim | None:
    start = side["text"].find(side["claim"])
    end = start + len(side["claim"])
    overlapping = [c for c in claims if c.start < end and start < c.end]
    return overlapping[0] if overlapping else None


def predict(pair: dict) -> tuple[bool, str]:
    """Does the pipeline put the pair's two claims in one fact? With a short reason when not."""
    found = []
    all_claims: list[Claim] = []
    for name in ("a", "b"):
        article = _article(pair[name], name)
        vocab = vocabulary(extra=STORY_DATA.get(str(pair.get("topic")), NO_DATA))
        claims = attribute_article(article, extract_article(article), vocab)
        all_claims.extend(claims)
        found.append(_claim(claims, pair[name]))
    a, b = found
    if a is None or b is None:
        return False, "claim not extracted: " + ", ".join(pair[n]["claim"] for n, c in zip("ab", found) if c is None)
    for fact in match_claims(all_claims):
        if a in fact.claims and b in fact.claims:
            return True, ""
    return False, f"a: {a.entity} / {a.attribute} / {a.period}; b: {b.entity} / {b.attribute} / {b.period}"


def score(path: Path) -> dict[str, object]:
    pairs = yaml.safe_load(path.read_text(encoding="utf-8"))
    tp = fp = fn = tn = 0
    errors = []
    for pair in pairs:
        same, why = predict(pair)
        gold = bool(pair["same"])
        tp += same and gold
        fp += same and not gold
        fn += gold and not same
        tn += not gold and not same
        if same != gold:
            errors.append(f"{pair['id']} ({'missed' if gold else 'false match'}): {pair['a']['claim']!r} ~ "
                          f"{pair['b']['claim']!r}; {why or 'matched'}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"pairs": len(pairs), "same": tp + fn, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "true_positives": tp, "false_positives": fp, "false_negatives": fn, "true_negatives": tn,
            "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--corpus", help="also score planted conflicts and traps of this corpus (expected.yaml)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list the first N wrong pairs")
    args = ap.parse_args(argv)
    s = score(Path(args.pairs))
    errors = s.pop("errors")
    if args.corpus:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
        from score_corpus import score as score_corpus

        c = score_corpus(Path(args.corpus))
        s["corpus"] = {"planted_recall": c["recall"], "traps_flagged": c["must_not_flag_flagged"],
                       "traps": c["must_not_flag"],
                       "trap_false_alarm_rate": round(c["must_not_flag_flagged"] / c["must_not_flag"], 4)}
    if args.json:
        print(json.dumps(s, indent=2))
    else:
        print(f"{s['pairs']} labeled pairs ({s['same']} same fact): pairwise precision {s['precision']:.3f}, "
              f"recall {s['recall']:.3f}, F1 {s['f1']:.3f}")
        if "corpus" in s:
            c = s["corpus"]
            print(f"corpus {args.corpus}: planted-conflict recall {c['planted_recall']}, traps flagged "
                  f"{c['traps_flagged']}/{c['traps']} (rate {c['trap_false_alarm_rate']})")
    for line in errors[: args.errors]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
