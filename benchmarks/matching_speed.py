#!/usr/bin/env python3
"""Matching speed: claims matched per second and peak memory for 10^4, 10^5 and 10^6 synthetic
claims (seeded), to show that blocking keeps the cost near-linear.

usage: python benchmarks/matching_speed.py [--sizes 10000,100000,1000000] [--seed S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc

from factcheck.match import match_claims
from factcheck.core.records import Claim

ATTRIBUTES = ["market value", "market value lost", "IPO proceeds", "share price change", "training cost",
              "GPU count", "revenue", "profit", "active users", "fund return", "investment plan", "growth",
              "market valuation", "IPO proceed", "release date", "listing date"]
UNITS = {"market value": "USD", "market value lost": "USD", "IPO proceeds": "USD", "training cost": "USD",
         "revenue": "USD", "profit": "EUR", "investment plan": "CNY", "market valuation": "USD", "IPO proceed": "USD"}


def synthetic_claims(n: int, seed: int) -> list[Claim]:
    """n claims over n/40 entities (or `entities`), 16 attributes (some near-duplicates), 3 years and n/20 articles."""
    rnd = random.Random(seed)
    entities = [f"Company {i}" for i in range(max(1, n // 40))]
    claims: list[Claim] = []
    base = dt.date(2023, 1, 1)
    for i in range(n):
        attribute = rnd.choice(ATTRIBUTES)
        entity = rnd.choice(entities)
        published = base + dt.timedelta(days=rnd.randrange(1000))
        article = f"a{rnd.randrange(max(1, n // 20))}"
        start = rnd.randrange(5000)
        if attribute.endswith("date"):
            day = (published - dt.timedelta(days=rnd.randrange(30))).isoformat()
            claims.append(Claim(article=article, source=article, published=published.isoformat(), kind="date",
                                text=day, start=start, end=start + 10, value=day, low=day, high=day,
                                entity=entity, attribute=attribute, granularity="day", sentence=(start, start + 80)))
            continue
        value = rnd.choice([5.6e6, 589e9, 13.5e9, 619e6, 17.0, 56.0, 2048.0]) * rnd.choice([1, 1, 1, 1.2])
        kind, unit, noun = ("percent", "percent", "") if attribute in ("share price change", "fund return", "growth") \
            else ("count", "", "GPU" if attribute == "GPU count" else "user") if attribute in ("GPU count", "active users") \
            else ("quantity", UNITS[attribute], "")
        explicit = rnd.random() < 0.4
        period = str(published.year - rnd.randrange(2)) if explicit else f"..{published.isoformat()}"
        claims.append(Claim(article=article, source=article, published=published.isoformat(), kind=kind,
                            text=f"{value:g}", start=start, end=start + 8, value=value, low=value * 0.99,
                            high=value * 1.01, unit=unit, noun=noun, entity=entity, attribute=attribute,
                            period=period, period_source="explicit" if explicit else "published",
                            direction=rnd.choice([None, None, "up", "down"]) if kind == "percent" else None,
                            sentence=(start, start + 80)))
    return claims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated claim counts")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    match_claims(synthetic_claims(100, args.seed))  # load pint and the YAML before timing
    previous = None
    for n in (int(x) for x in args.sizes.split(",")):
        claims = synthetic_claims(n, args.seed)
        t0 = time.perf_counter()
        facts = match_claims(claims)
        elapsed = time.perf_counter() - t0
        del facts
        if n <= 100_000:  # tracing every allocation is slow; the largest size reports resident memory only
            tracemalloc.start()
            match_claims(claims)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            memory = f"peak {peak / 2**20:,.0f} MiB traced"
        else:
            memory = f"process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB resident"
        per_claim = elapsed / n
        growth = f", {per_claim / previous:.2f}x the time per claim of the size before" if previous else ""
        print(f"{n:>9,} claims: {elapsed:7.2f} s  {n / elapsed:>10,.0f} claims/s  {memory}{growth}")
        previous = per_claim
    return 0


if __name__ == "__main__":
    sys.exit(main())
