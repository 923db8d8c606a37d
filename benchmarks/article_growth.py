#!/usr/bin/env python3
"""How the time to extract and attribute one article grows with its size: one article of 10^3, 10^4
and 10^5 figures (claim-dense text), and one of 100 KB, 1 MB and 10 MB of prose (few figures). Each
row gives the time and the time per figure or per KB: flat columns of the latter mean linear growth.

usage: python benchmarks/article_growth.py [--figures 1000,10000,100000] [--prose-kb 100,1000,10000]
                                           [--limit SECONDS]

A size whose extract + attribute takes longer than --limit (default 600 s) stops the larger ones of
its kind (printed as skipped). Text comes from the seeded generator of benchmarks/extraction_speed.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_speed import make_corpus  # noqa: E402

from factcheck.attribute import attribute_article  # noqa: E402
from factcheck.core.records import Article  # noqa: E402
from factcheck.extract import extract_article  # noqa: E402

WORDS_PER_FIGURE = 5.3  # of the generator's text with no filler sentences (about 19 figures per 100 words)


def one_article(words: int, filler: float) -> Article:
    """One article of about `words` words: the generator's articles joined as paragraphs."""
    parts = make_corpus(words, seed=11, filler=filler)
    return Article(id="big", path="", body="\n\n".join(p.body for p in parts), source="Bench",
                   published=parts[0].published)


def timed(article: Article) -> tuple[int, float, float]:
    t0 = time.perf_counter()
    claims = extract_article(article)
    t1 = time.perf_counter()
    attribute_article(article, claims)
    return len(claims), t1 - t0, time.perf_counter() - t1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--figures", default="1000,10000,100000")
    ap.add_argument("--prose-kb", default="100,1000,10000")
    ap.add_argument("--limit", type=float, default=600.0)
    args = ap.parse_args(argv)
    warm = Article(id="w", path="", body="Korrin Steel's revenue rose 5% to $3m on Monday.", source="B")
    attribute_article(warm, extract_article(warm))  # load the patterns and the parsing model before timing
    print(f"{'article':>22}  {'chars':>11}  {'figures':>8}  {'extract s':>9}  {'attribute s':>11}"
          f"  {'ms/figure':>9}  {'ms/KB':>7}")
    for label, sizes, filler, words_of in (
            ("figures", args.figures, 0.0, lambda n: int(n * WORDS_PER_FIGURE)),
            ("KB of prose", args.prose_kb, 0.97, lambda kb: kb * 1000 // 6)):
        over = False
        for size in (int(s) for s in sizes.split(",") if s):
            if over:
                print(f"{size:>10,} {label:<11}  skipped: a smaller one took longer than --limit")
                continue
            article = one_article(words_of(size), filler)
            n, t_extract, t_attr = timed(article)
            total = t_extract + t_attr
            print(f"{size:>10,} {label:<11}  {len(article.body):>11,}  {n:>8,}  {t_extract:>9.2f}  {t_attr:>11.2f}"
                  f"  {1000 * total / max(n, 1):>9.3f}  {1000 * total / (len(article.body) / 1000):>7.3f}")
            over = total > args.limit
    return 0


if __name__ == "__main__":
    sys.exit(main())
