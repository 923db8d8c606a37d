#!/usr/bin/env python3
"""Score factcheck on a corpus with ground truth (expected.yaml): how many planted conflicts are
flagged, and how many must-not-flag pairs are (wrongly) flagged.

usage: python scripts/score_corpus.py [CORPUS_DIR] [--json] [--verbose]

A planted conflict counts as flagged when one finding (error or warning) holds a claim that
overlaps side a's text and a claim that overlaps side b's, on different sides of the
disagreement (a finding's `sides`); a must-not-flag pair counts as flagged under the same test. Findings that flag no planted conflict (with its two sides apart) are listed as unplanned.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

from factcheck.corpus import load_corpus
from factcheck.pipeline import Result, run


def _locate(bodies: dict[str, str], side: dict[str, str]) -> tuple[str, int, int]:
    """The article and the span of one side of an expected pair."""
    name, text = side["article"], side["text"]
    body = bodies.get(name)
    if body is None:
        raise SystemExit(f"expected.yaml names {name!r}, which is not in the corpus")
    context = side.get("context", text)
    at = body.find(context)
    if at < 0 or body.find(context, at + 1) >= 0:
        raise SystemExit(f"expected.yaml: {context!r} does not occur exactly once in {name}")
    start = at + context.index(text)
    return name, start, start + len(text)


def score(corpus: Path, result: Result | None = None) -> dict[str, object]:
    truth = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    articles, _ = load_corpus([str(corpus)])
    bodies = {Path(a.id).name: a.body for a in articles}
    result = result or run([str(corpus)])
    findings = [f for f in result.finding_records if f.severity in ("error", "warning")]

    def sides_touching(f, side):  # type: ignore[no-untyped-def]
        name, s, e = side
        return {g for c, g in zip(f.claims, f.sides or range(len(f.claims)))
                if Path(c.article).name == name and c.start < e and s < c.end}

    def flagged_by(pair):  # type: ignore[no-untyped-def]
        """Findings that put side a and side b of the pair on different sides of a disagreement."""
        a, b = _locate(bodies, pair["a"]), _locate(bodies, pair["b"])
        out = []
        for f in findings:
            sa, sb = sides_touching(f, a), sides_touching(f, b)
            if sa and sb and (len(sa | sb) > 1):
                out.append(f)
        return out

    conflicts = truth.get("conflicts", [])
    traps = truth.get("must_not_flag", [])
    flagging = {c["id"]: flagged_by(c) for c in conflicts}
    hit = {cid: bool(found) for cid, found in flagging.items()}
    false_alarm = {t["id"]: bool(flagged_by(t)) for t in traps}
    explained = {id(f) for found in flagging.values() for f in found}
    unplanned = [f for f in findings if id(f) not in explained]  # flags no planted conflict
    by_kind = Counter(c["kind"] for c in conflicts)
    hit_kind = Counter(c["kind"] for c in conflicts if hit[c["id"]])
    return {
        "conflicts": len(conflicts),
        "conflicts_flagged": sum(hit.values()),
        "recall": round(sum(hit.values()) / len(conflicts), 3) if conflicts else None,
        "by_kind": {k: f"{hit_kind.get(k, 0)}/{n}" for k, n in sorted(by_kind.items())},
        "missed": [c["id"] for c in conflicts if not hit[c["id"]]],
        "must_not_flag": len(traps),
        "must_not_flag_flagged": sum(false_alarm.values()),
        "false_alarms": [t["id"] for t in traps if false_alarm[t["id"]]],
        "findings": len(findings),
        "unplanned_findings": len(unplanned),
        "unplanned": [f"{f.rule}: {f.message}" for f in unplanned],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default="corpus/deepseek")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--verbose", action="store_true", help="list missed conflicts, false alarms, unplanned findings")
    args = ap.parse_args(argv)
    s = score(Path(args.corpus))
    if args.json:
        print(json.dumps(s, indent=2))
        return 0
    print(f"planted conflicts flagged: {s['conflicts_flagged']}/{s['conflicts']} (recall {s['recall']})")
    print("  by kind: " + ", ".join(f"{k} {v}" for k, v in s["by_kind"].items()))
    print(f"must-not-flag pairs flagged: {s['must_not_flag_flagged']}/{s['must_not_flag']}")
    print(f"error/warning findings: {s['findings']}, of which flag no planted conflict: {s['unplanned_findings']}")
    if args.verbose:
        print("missed: " + (", ".join(s["missed"]) or "none"))
        print("false alarms: " + (", ".join(s["false_alarms"]) or "none"))
        for line in s["unplanned"]:
            print("  unplanned: " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
