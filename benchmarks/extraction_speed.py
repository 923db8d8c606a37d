#!/usr/bin/env python3
"""Extraction speed on two deterministic news-like corpora, a plain one and a claim-dense one: words
and claims per second for `extract` (figures and dates) on one core, for extract + attribute on one
core and on --jobs processes (as `check --jobs` reads articles), each against one regex pass over the
same texts in the same run, with the claim density, the share of sentences parsed and peak memory.

usage: python benchmarks/extraction_speed.py [--words N] [--seed S] [--jobs N]

The corpus is built from sentence templates of many beats with random names, figures, hedges,
units and dates (seeded, so every run reads the same text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from factcheck.attribute import attribute_article
from factcheck.cli.common import machine_cores
from factcheck.core.records import Article
from factcheck.extract import extract_article
from factcheck.pipeline import extract_claims

COMPANIES = ["Harbor Foods", "Orbit Labs", "Comet Systems", "Pine Capital", "Vega Motors", "Lumen Energy",
             "Northwind Air", "Cedar Health", "Atlas Mining", "Quill Media", "Nimbus Cloud", "Delta Rail"]
PEOPLE = ["Ana Ruiz", "Tomas Berg", "Li Wei", "Grace Okafor", "Sam Patel", "Mira Novak"]
PLACES = ["Hong Kong", "Lagos", "Denver", "Osaka", "Lyon", "Santiago", "Leeds", "Pune"]
HEDGES = ["", "", "", "about ", "nearly ", "more than ", "roughly ", "at least ", "almost ", "up to "]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLER = [
    "Analysts said the move reflected a broader shift in how {co} sees its customers.",
    "{person} declined to comment on the talks, citing the company's quiet period.",
    "Residents of {place} described long queues at petrol stations and shuttered shops.",
    "The decision drew criticism from opposition lawmakers, who called it rushed and poorly explained.",
    "Investors have grown wary of companies that promise growth without showing a path to profit.",
    "The report, which has not been peer reviewed, was shared with reporters ahead of publication.",
    "Coaches on both sides praised the referee for keeping control of a bad-tempered match.",
    "Doctors urged patients to keep taking their medicine while the review is carried out.",
    "{co} did not respond to a request for comment sent outside business hours.",
    "Some economists argue that the figures overstate the strength of the recovery in {place}.",
    "The new rules take effect once they are published in the official gazette.",
    "Critics say the plan leaves too many questions about funding and oversight unanswered.",
]
TEMPLATES = [
    "{co} said revenue rose {pct}% to ${amt} {scale} in the {q} quarter, beating forecasts.",
    "Shares of {co} fell {pct} per cent on {wd} after the company cut its outlook for {year}.",
    "{person}, who has led {co} since {year}, said the group would hire {hedge}{n:,} workers by {month} {year2}.",
    "The storm dropped {hedge}{small} inches of rain on {place} last {wd}, and {n:,} homes lost power.",
    "{co} raised {hedge}${amt} {scale} in its listing in {place} on {month} {day}, {year}.",
    "Officials in {place} said {hedge}{n:,} people attended the festival, up from {n2:,} a year ago.",
    "The central bank raised rates by {bp} basis points, its {ordinal} increase since {month} {year}.",
    "{co}'s market value slid from ${amt} {scale} to ${amt2} {scale}, a {pct}% drop, in two weeks.",
    "The plant will produce {hedge}{small} gigawatts of power and cost {amt} billion yuan (${amt2} billion).",
    "{person} finished the {small}-kilometre race in {mins} minutes, {small2} seconds faster than in {year}.",
    "Unemployment fell {pp} percentage points to {rate} per cent in {month}, the lowest since {year}.",
    "The index closed at {n:,} points on {wd}, {month} {day}, down {pct}% for the week.",
    "{co} expects between {small} and {small3} million users by the end of next year.",
    "Home prices in {place} rose {pct}% in the year to {month}, about twice the national rate.",
    "The trial, which began nine days ago, heard from {small} witnesses, including GPT-4 researchers.",
]


def make_corpus(words: int, seed: int, filler: float = 0.75) -> list[Article]:
    """Articles of about 400 words each, about `words` words in all; `filler` is the share of
    sentences with no figure (news prose has about 3 claims per 100 words; this corpus has about 4 at 0.75)."""
    rnd = random.Random(seed)
    args_filler = filler
    articles: list[Article] = []
    total = 0
    start = dt.date(2025, 1, 1)
    while total < words:
        sentences: list[str] = []
        count = 0
        while count < 400:
            year = rnd.randint(2005, 2025)
            if rnd.random() < args_filler:
                s = rnd.choice(FILLER).format(co=rnd.choice(COMPANIES), person=rnd.choice(PEOPLE), place=rnd.choice(PLACES))
                sentences.append(s)
                count += len(s.split())
                continue
            s = rnd.choice(TEMPLATES).format(
                co=rnd.choice(COMPANIES), person=rnd.choice(PEOPLE), place=rnd.choice(PLACES),
                hedge=rnd.choice(HEDGES), pct=round(rnd.uniform(0.5, 40), rnd.choice([0, 1])),
                amt=round(rnd.uniform(1, 900), rnd.choice([0, 1])), amt2=round(rnd.uniform(1, 900), 1),
                scale=rnd.choice(["million", "billion", "trillion"]), q=rnd.choice(["first", "second", "third", "fourth"]),
                wd=rnd.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]), year=year,
                year2=year + rnd.randint(1, 5), month=rnd.choice(MONTHS), day=rnd.randint(1, 28),
                n=rnd.randint(100, 2_000_000), n2=rnd.randint(100, 2_000_000), small=rnd.randint(2, 40),
                small2=rnd.randint(2, 59), small3=rnd.randint(41, 90), mins=rnd.randint(20, 200),
                bp=rnd.choice([25, 50, 75]), ordinal=rnd.choice(["second", "third", "fourth"]),
                pp=round(rnd.uniform(0.1, 1.5), 1), rate=round(rnd.uniform(2, 12), 1),
            )
            sentences.append(s)
            count += len(s.split())
        body = " ".join(sentences)
        published = start + dt.timedelta(days=len(articles) % 700)
        articles.append(Article(id=f"a{len(articles)}", path="", body=body, source="Bench", published=published))
        total += count
    return articles


def _count_parsed(stop: bool = False) -> list[int]:
    """Count the sentences the attribute stage sends to the parser (its one entry point, wrapped);
    `stop` puts the real one back."""
    import factcheck.attribute as attribute

    if stop:
        attribute.parse = _REAL_PARSE[0] if _REAL_PARSE else attribute.parse
        return [0]
    counted = [0]
    real = _REAL_PARSE[0] if _REAL_PARSE else attribute.parse
    _REAL_PARSE[:] = [real]

    def counting(sentences):  # type: ignore[no-untyped-def]
        docs = real(sentences)
        counted[0] += len(docs)
        return docs

    attribute.parse = counting
    return counted


_REAL_PARSE: list = []


def _whole_process(articles: list[Article], jobs: int) -> None:
    """The corpus written as files, then two processes timed on them: `factcheck extract --format json
    --jobs N` (start-up, reading, extraction, attribution and output) and one regex pass for figures
    over the same files (start-up and reading included): the floor no reader of claims goes below,
    timed in the same run so that the ratio holds on any machine."""
    with tempfile.TemporaryDirectory() as folder:
        for i, a in enumerate(articles):
            Path(folder, f"{i:05d}.md").write_text(f"---\nsource: Bench\npublished: {a.published}\n---\n{a.body}\n",
                                                   encoding="utf-8")
        t_regex = _timed([sys.executable, "-c", _REGEX_PASS, folder])
        reports = Path(folder, "reports")
        t_check = _timed([sys.executable, "-m", "factcheck", "check", folder, "--format", "json", "--fail-on", "never",
                          "--jobs", str(jobs), "--output", str(reports)])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # check's (of the children so far)
        t_extract = _timed([sys.executable, "-m", "factcheck", "extract", folder, "--format", "json", "--jobs", str(jobs)])
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:,.1f} MiB" for p in sorted(reports.glob("report.*")))
    print(f"  whole process on {len(articles):,} files: factcheck extract --format json --jobs {jobs} {t_extract:.2f} s;"
          f" one regex pass {t_regex:.2f} s; ratio {t_extract / t_regex:.0f}x")
    print(f"  factcheck check --jobs {jobs}: {t_check:.2f} s; peak memory {peak:,.0f} MiB (its largest process);"
          f" reports: {sizes}")


_REGEX_PASS = ("import pathlib, re, sys; r = re.compile(r'\\d[\\d,.]*'); "
               "print(sum(len(r.findall(p.read_text(encoding='utf-8'))) for p in sorted(pathlib.Path(sys.argv[1]).glob('*.md'))))")


def _timed(command: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _measure(name: str, articles: list[Article], jobs: int) -> None:
    """Print one corpus's figures: extract on one core, extract + attribute on one core and on `jobs`
    processes (`factcheck.pipeline.extract_claims`, as `check --jobs` runs it), and the regex pass."""
    words = sum(len(a.body.split()) for a in articles)
    t0 = time.perf_counter()
    claims = [extract_article(a) for a in articles]
    t_extract = time.perf_counter() - t0
    n_claims = sum(len(c) for c in claims)
    counted = _count_parsed()
    t0 = time.perf_counter()
    for a, c in zip(articles, claims):
        attribute_article(a, c)
    t_one = t_extract + time.perf_counter() - t0
    parsed = counted[0]
    _count_parsed(stop=True)
    t0 = time.perf_counter()
    extract_claims(articles, jobs=jobs)
    t_jobs = time.perf_counter() - t0
    with_claims = sum(len({x.sentence for x in c}) for c in claims)
    print(f"{name}: {len(articles):,} articles, {words:,} words, {100 * n_claims / words:.1f} claims per 100 words"
          f" ({n_claims:,} claims)")
    print(f"  extract, 1 core:               {t_extract:7.2f} s  {words / t_extract:>10,.0f} words/s"
          f"  {n_claims / t_extract:>9,.0f} claims/s")
    print(f"  extract+attribute, 1 core:     {t_one:7.2f} s  {words / t_one:>10,.0f} words/s"
          f"  {n_claims / t_one:>9,.0f} claims/s  {1e6 * t_one / max(n_claims, 1):6.0f} us/claim")
    print(f"  extract+attribute, --jobs {jobs}:   {t_jobs:7.2f} s  {words / t_jobs:>10,.0f} words/s"
          f"  {n_claims / t_jobs:>9,.0f} claims/s  ({t_one / t_jobs:.2f}x one core)")
    print(f"  parsed: {parsed:,} of {with_claims:,} sentences with claims ({parsed / max(1, with_claims):.0%})")
    _whole_process(articles, jobs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="size of each corpus in words (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--filler", type=float, default=0.75, help="share of sentences with no figure in the plain corpus"
                    " (default 0.75)")
    ap.add_argument("--dense-filler", type=float, default=0.35, help="the same for the claim-dense corpus (default"
                    " 0.35: about 14 claims per 100 words)")
    ap.add_argument("--jobs", type=int, default=machine_cores(), help="processes for the --jobs figure (default: the"
                    " machine's cores)")
    args = ap.parse_args(argv)
    warm = make_corpus(400, args.seed, args.filler)[0]
    attribute_article(warm, extract_article(warm))  # compile patterns, load the YAML and the model before timing
    for name, filler in (("plain corpus", args.filler), ("claim-dense corpus", args.dense_filler)):
        _measure(f"{name} (seed {args.seed}, filler {filler})", make_corpus(args.words, args.seed, filler), args.jobs)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = make_corpus(20_000, args.seed, args.filler)
    tracemalloc.start()
    for a in sample:
        extract_article(a)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory: {peak_rss:,.0f} MiB resident (this process, corpora included); "
          f"{traced / 1024:,.0f} KiB traced at most while extracting one article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
