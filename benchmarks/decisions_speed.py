"""Decisions store speed: a decisions file of 10^5 entries (the corpus' real findings decided, the
rest synthetic and seeded, so stale), then the time to load it, to record one decision with
`factcheck review --set` (with the folder, and with `--decisions FILE` alone), and to run
`factcheck check` with it, against `check` with no decisions. The corpus is copied to a temporary
folder first, so nothing is written beside the sample articles.

usage: python benchmarks/decisions_speed.py [--entries 100000] [--corpus corpus/deepseek] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.decisions import FILE_NAME, Decision, load_decisions, render
from factcheck.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
REASONS = ["different fiscal years", "the Herald counts the greenshoe", "same figure, other currency",
           "one counts the preview, the other the release"]


def decisions_file(folder: Path, entries: int, seed: int) -> tuple[Path, list[str]]:
    """Write `entries` decisions beside the articles: every real finding decided, then synthetic
    fingerprints. Returns the file and the real fingerprints (still undecided ones first)."""
    findings = run([folder]).finding_records
    rnd = random.Random(seed)
    real = [f.fingerprint for f in findings]
    decided = {f.fingerprint: Decision(f.fingerprint, "dismissed", rnd.choice(REASONS), "ana",
                                       "2025-03-07T10:00:00Z", f.rule, f.fact) for f in findings[1:]}
    while len(decided) < entries:
        fp = f"{rnd.getrandbits(64):016x}"
        decided[fp] = Decision(fp, rnd.choice(["dismissed", "confirmed", "fixed"]), rnd.choice(REASONS), "ana",
                               "2025-03-07T10:00:00Z", "figure-conflict", f"Company {rnd.randrange(5000)} / revenue")
    path = folder / FILE_NAME
    path.write_text(render(decided), encoding="utf-8")
    return path, real


def timed(what: Callable[[], object]) -> tuple[tuple[float, float], object]:
    """Wall-clock seconds and CPU seconds (this process and the commands it ran), and what `what` returned.
    On a shared machine the CPU time is the steadier figure."""
    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    start, start_cpu = time.perf_counter(), cpu()
    out = what()
    return (time.perf_counter() - start, cpu() - start_cpu), out


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m factcheck ARGS`, as a user runs it; a usage error stops the benchmark."""
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], check=False, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "FACTCHECK_USER": "bench"}, timeout=3600)
    if proc.returncode not in (0, 1):
        sys.exit(f"factcheck {' '.join(args)}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    return proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--corpus", default=str(ROOT / "corpus" / "deepseek"))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-decisions-") as tmp:
        folder = Path(tmp) / "corpus"
        shutil.copytree(args.corpus, folder, ignore=shutil.ignore_patterns(FILE_NAME, ".*"))
        bare, _ = timed(lambda: cli("check", str(folder), "--no-report", "--decisions", str(Path(tmp) / "none.yaml")))
        path, real = decisions_file(folder, args.entries, args.seed)
        size = path.stat().st_size
        load, loaded = timed(lambda: load_decisions(path))
        assert len(loaded) == args.entries  # type: ignore[arg-type]
        with_folder, _ = timed(lambda: cli("review", str(folder), "--set", real[0][:8], "confirmed"))
        alone, _ = timed(lambda: cli("review", "--decisions", str(path), "--set", "abcd" * 4, "fixed"))
        check, proc = timed(lambda: cli("check", str(folder), "--output", str(Path(tmp) / "reports")))
        check_only, _ = timed(lambda: cli("check", str(folder), "--no-report"))
        kept = len(load_decisions(path))
    stale = sum(1 for line in proc.stderr.splitlines() if line.startswith("stale: "))  # type: ignore[union-attr]
    print(f"decisions file: {args.entries:,} entries, {size / 1e6:.1f} MB; corpus {args.corpus}")
    print(f"{'step':<52}{'wall s':>8}{'CPU s':>8}")
    for name, (wall, cpu) in [("load the file (in process)", load),
                              ("review DIR --set PREFIX confirmed", with_folder),
                              ("review --decisions FILE --set FP fixed", alone),
                              (f"check DIR with the file ({stale:,} stale reported)", check),
                              ("check DIR with the file, --no-report", check_only),
                              ("check DIR with no decisions (for comparison)", bare)]:
        print(f"{name:<52}{wall:>8.2f}{cpu:>8.2f}")
    print(f"entries after the two --set: {kept:,} (expected {args.entries + 2:,})")


if __name__ == "__main__":
    main()
