#!/usr/bin/env python3
"""Score factcheck on stories with ground truth (each folder's expected.yaml): planted conflicts
flagged, must-not-flag pairs flagged, unplanned findings, and the first stage at which each miss
and each false alarm goes wrong.

usage: python scripts/score_corpus.py [PATH ...] [--json] [--verbose] [--show-test-items]

PATH is a story folder (it holds expected.yaml) or a folder of story folders; the default is
corpus/, every story. Each story is checked on its own. A planted conflict counts as flagged when
one finding (error or warning) holds a claim that overlaps side a's text and a claim that overlaps
side b's, on different sides of the disagreement (a finding's `sides`); a must-not-flag pair
counts as flagged under the same test (a `borderline` pair only by an error). Findings that flag
no planted conflict are unplanned.

Each story names its half (`half:` in expected.yaml). The blind stories, written by helpers who
saw only a brief (docs/blind_brief.md), are `dev` (read them, debug on them) or `test` (scored,
not read); `tuned` is a story the code was written beside (corpus/deepseek), reported apart. Items of the test half are listed by id and stage only, and
only with --show-test-items; their texts are never printed.

The stages, in pipeline order: extraction (no claim at a labelled text, or one whose interval
misses the labelled value), entity, attribute, period, matching (the claims would meet but the
matcher kept them apart, or joined claims whose labelled difference attribution did read), rule
(the claims met, or needed no meeting, and no rule flagged them; or a rule flagged agreeing ones).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from factcheck.attribute import vocabulary
from factcheck.match import match_claims
from factcheck.pipeline import Result, run
from factcheck.core.records import Claim, Finding

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("extraction", "entity", "attribute", "period", "matching", "rule")
CONFLICT_KINDS = ("figure", "date", "conversion", "arithmetic", "weekday")
ACROSS_KINDS = ("figure", "date")  # the two sides come from two articles; the others from one
HALVES = ("tuned", "dev", "test")  # tuned: written beside the code, not blind
_WEEKDAY = re.compile(r"^(?:on |last |next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_FRONT = re.compile(r"^---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)


# ---------------------------------------------------------------- ground truth


def story_folders(paths: Iterable[str | Path]) -> list[Path]:
    """Each path that holds expected.yaml, else its subfolders that do, sorted."""
    found: list[Path] = []
    for given in paths:
        p = Path(given)
        if (p / "expected.yaml").is_file():
            found.append(p)
        elif p.is_dir():
            found.extend(sorted(d for d in p.iterdir() if (d / "expected.yaml").is_file()))
        else:
            raise SystemExit(f"{p}: neither a story folder (with expected.yaml) nor a folder of them")
    return found


def article_bodies(story: Path) -> dict[str, str]:
    """Article file name -> body (the text after the front matter), read as the corpus reader does."""
    out = {}
    for path in sorted(story.iterdir()):
        if path.suffix in (".md", ".txt", ".markdown"):
            text = path.read_text(encoding="utf-8")
            m = _FRONT.match(text)
            out[path.name] = text[m.end():] if m else text
    return out


def _side_problems(where: str, side: Any, bodies: dict[str, str]) -> list[str]:
    if not isinstance(side, dict) or not {"article", "text"} <= set(side):
        return [f"{where}: needs article and text"]
    body = bodies.get(side["article"])
    if body is None:
        return [f"{where}: no article {side['article']!r}"]
    text, context = str(side["text"]), str(side.get("context", side["text"]))
    if text not in context:
        return [f"{where}: context does not contain {text!r}"]
    if body.count(context) != 1:
        return [f"{where}: {context!r} occurs {body.count(context)} times in {side['article']}, not once"]
    return []


def label_problems(story: Path, truth: dict[str, Any]) -> list[str]:
    """Everything wrong with a story's labels: missing keys, texts not found exactly once, sides in
    the wrong articles, duplicate ids."""
    bodies = article_bodies(story)
    problems: list[str] = []
    if truth.get("half", "dev") not in HALVES:
        problems.append(f"{story}/expected.yaml: half must be one of {', '.join(HALVES)}")
    ids = Counter(item.get("id") for key in ("conflicts", "must_not_flag") for item in truth.get(key) or [])
    problems += [f"{story}/expected.yaml: id {i!r} is used {n} times" for i, n in ids.items() if n > 1]
    for key in ("conflicts", "must_not_flag"):
        for item in truth.get(key) or []:
            where = f"{story}/expected.yaml: {item.get('id')}"
            for side in ("a", "b"):
                problems += _side_problems(f"{where}.{side}", item.get(side), bodies)
            if key == "conflicts" and item.get("kind") not in CONFLICT_KINDS:
                problems.append(f"{where}: kind must be one of {', '.join(CONFLICT_KINDS)}")
            elif key == "conflicts" and isinstance(item.get("a"), dict) and isinstance(item.get("b"), dict):
                same = item["a"].get("article") == item["b"].get("article")
                if same == (item["kind"] in ACROSS_KINDS):
                    problems.append(f"{where}: a {item['kind']} conflict's sides must be in "
                                    f"{'two articles' if item['kind'] in ACROSS_KINDS else 'one article'}")
    for n, claim in enumerate(truth.get("claims") or []):
        problems += _side_problems(f"{story}/expected.yaml: claims[{n}]", claim, bodies)
    return problems


def load_truth(story: Path) -> dict[str, Any]:
    truth = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8")) or {}
    problems = label_problems(story, truth)
    if problems:
        raise SystemExit("\n".join(problems))
    return truth


# ---------------------------------------------------------------- where a labelled text landed


@dataclasses.dataclass(frozen=True)
class Located:
    article: str
    start: int
    end: int
    value: Any = None


def _locate(bodies: dict[str, str], side: dict[str, Any]) -> Located:
    text, context = str(side["text"]), str(side.get("context", side["text"]))
    at = bodies[side["article"]].find(context) + context.index(text)
    return Located(side["article"], at, at + len(text), side.get("value"))


def _claims_at(claims: list[Claim], loc: Located) -> list[Claim]:
    """The claims overlapping a labelled span, the most overlapping first."""
    hits = [c for c in claims if Path(c.article).name == loc.article and c.start < loc.end and loc.start < c.end]
    return sorted(hits, key=lambda c: -(min(c.end, loc.end) - max(c.start, loc.start)))


def _date_band(value: str) -> tuple[str, str] | None:
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-01-01", f"{int(parts[0]):04d}-12-31"
        if len(parts) == 2:
            first = dt.date(int(parts[0]), int(parts[1]), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        return dt.date.fromisoformat(value).isoformat(), dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def value_fits(claim: Claim, value: Any) -> bool:
    """Does the claim read the labelled value (a number, or an ISO date, month or year)?"""
    if value is None or value == "":
        return True
    if claim.kind == "date" or isinstance(value, (str, dt.date)):
        band = _date_band(str(value))
        low, high = str(claim.low or claim.value or ""), str(claim.high or claim.value or "")
        return band is None or (low <= band[1] and band[0] <= high)
    v = float(value)
    numbers = [x for x in (claim.value, claim.multiplier) if isinstance(x, (int, float))]
    if any(abs(x - v) <= max(abs(v) * 0.02, 1e-9) for x in numbers):
        return True
    lo, hi = claim.low, claim.high
    return isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo <= v <= hi


def _read_right(claims: list[Claim], side: dict[str, Any], loc: Located) -> Claim | None:
    """The claim at a labelled text that reads its value (a bare weekday word has no value of its own)."""
    hits = _claims_at(claims, loc)
    if _WEEKDAY.match(str(side["text"]).strip()):
        return hits[0] if hits else None
    # a weekday word labelling a date ("Wednesday, 4 March") joins no fact: the date it labels is the claim
    return next((c for c in sorted(hits, key=lambda c: c.labels is not None) if value_fits(c, loc.value)), None)


# ---------------------------------------------------------------- the first stage that goes wrong

_FIELDS = {"entity": ("entity",), "attribute": ("attribute", "scope", "direction", "noun"),
           "period": ("period", "period_source")}


def _merges(a: Claim, b: Claim) -> bool:
    """Would the matcher put these two claims, alone, in one fact?"""
    return any(len(f.claims) == 2 for f in match_claims([a, b]))


def _unreadable_stage(a: Claim, b: Claim) -> str | None:
    """A stage at which one claim cannot join any fact at all."""
    for c in (a, b):
        if c.kind == "date" and (c.labels is not None or not c.resolved):
            return "extraction" if c.labels is not None else "period"
    if not a.entity or not b.entity:
        return "entity"
    if not a.attribute or not b.attribute or "date" in (a.attribute, b.attribute):
        return "attribute"
    return None


def parting_stage(a: Claim, b: Claim, together: bool) -> str:
    """Two claims of one fact that were not flagged: where they parted (in pipeline order)."""
    if together:
        return "rule"
    early = _unreadable_stage(a, b)
    if early:
        return early
    for stage in ("entity", "attribute", "period"):
        others = [name for s, names in _FIELDS.items() if s != stage for name in names]
        if not _merges(a, dataclasses.replace(b, **{n: getattr(a, n) for n in others})):
            return stage
    return "matching"


def meeting_stage(a: Claim, b: Claim, differs_in: str, by_fact_rule: bool) -> str:
    """Two claims that must not be flagged together and were: where they wrongly met. The label
    says what tells them apart; if attribution read it alike, that stage failed, else matching did."""
    if not by_fact_rule or differs_in not in _FIELDS:
        return "rule"
    if all(str(getattr(a, n) or "").casefold() == str(getattr(b, n) or "").casefold() for n in _FIELDS[differs_in]):
        return differs_in
    return "matching"


# ---------------------------------------------------------------- scoring one story


def _touching(f: Finding, loc: Located) -> set[int]:
    """The sides of f that the labelled claim stands on (a claim that fits both sides, side -1, stands on none)."""
    return {g for c, g in zip(f.claims, f.sides or range(len(f.claims)))
            if g >= 0 and Path(c.article).name == loc.article and c.start < loc.end and loc.start < c.end}


def _flagging(findings: list[Finding], a: Located, b: Located) -> list[Finding]:
    """Findings that put side a and side b on different sides of a disagreement."""
    out = []
    for f in findings:
        sa, sb = _touching(f, a), _touching(f, b)
        if sa and sb and len(sa | sb) > 1:
            out.append(f)
    return out


def _in_one_fact(result: Result, a: Claim, b: Claim) -> bool:
    return any(a in f.claims and b in f.claims for f in result.fact_records)


def _miss_stage(result: Result, claims: tuple[Claim | None, Claim | None], kind: str) -> str:
    a, b = claims
    if a is None or b is None:
        return "extraction"
    if kind not in ACROSS_KINDS:
        return "rule"
    return parting_stage(a, b, _in_one_fact(result, a, b))


def _alarm_stage(result: Result, claims: tuple[Claim | None, Claim | None], item: dict[str, Any],
                 by: list[Finding]) -> str:
    a, b = claims
    if a is None or b is None:
        return "extraction"  # flagged through a claim that misreads the labelled value
    kinds = {r.id: r.kind for r in result.rules}
    fact_rule = any(kinds.get(f.rule) in ("figure_conflict", "date_conflict") for f in by)
    return meeting_stage(a, b, str(item.get("differs_in", "none")), fact_rule)


def _item(result: Result, bodies: dict[str, str], item: dict[str, Any], findings: list[Finding],
          conflict: bool) -> dict[str, Any]:
    a, b = _locate(bodies, item["a"]), _locate(bodies, item["b"])
    claims = (_read_right(result.claim_records, item["a"], a), _read_right(result.claim_records, item["b"], b))
    borderline = item.get("trap") == "borderline" or bool(item.get("borderline"))
    counted = [f for f in findings if not borderline or f.severity == "error"]
    by = _flagging(counted, a, b)
    out = {"id": item["id"], "flagged": bool(by), "texts": (str(item["a"]["text"]), str(item["b"]["text"])),
           "why": str(item.get("why", "")), "stage": None, "findings": by}
    if conflict:
        out.update(kind=item["kind"], family=item.get("family", item["kind"]))
        if not by:
            out["stage"] = _miss_stage(result, claims, item["kind"])
    else:
        out.update(trap=item.get("trap", ""), differs_in=item.get("differs_in", "none"))
        if by:
            out["stage"] = _alarm_stage(result, claims, item, by)
    return out


def _same_entity(ours: str | None, theirs: str) -> bool:
    """One entity: the same name, or ours the whole of the label's name part ("Castlegate Retail" for
    "Castlegate Retail Group"; "Pennine Western Railways" for "Pennine Western Railways strike"), each
    side with the general aliases of `rules/aliases.yaml` written out ("UK" is the United Kingdom)."""
    vocab = vocabulary()

    def norm(s: str) -> str:
        s = vocab.alias_re.sub(lambda m: vocab.alias_to_entity[m.group(1)], s.strip())
        return re.sub(r"^the\s+|['’]s$", "", s.casefold())

    a, b = norm(ours or ""), norm(theirs)
    return bool(a) and (a == b or fuzz.token_set_ratio(a, b) >= 90)


def _claim_labels(result: Result, bodies: dict[str, str], labels: list[dict[str, Any]]) -> dict[str, int]:
    """Labelled claims: how many were read with the right value, and of those how many carry the
    labelled entity."""
    found = entity = 0
    for label in labels:
        claim = _read_right(result.claim_records, label, _locate(bodies, label))
        if claim is not None:
            found += 1
            entity += _same_entity(claim.entity, str(label.get("entity", "")))
    return {"claims_labelled": len(labels), "claims_found": found, "entity_agrees": entity}


def score(story: Path, result: Result | None = None) -> dict[str, Any]:
    """One story's scores, with each item's outcome and stage."""
    truth = load_truth(story)
    bodies = article_bodies(story)
    result = result or run([str(story)])
    findings = [f for f in result.finding_records if f.severity in ("error", "warning")]
    conflicts = [_item(result, bodies, c, findings, True) for c in truth.get("conflicts") or []]
    traps = [_item(result, bodies, t, findings, False) for t in truth.get("must_not_flag") or []]
    explained = {id(f) for c in conflicts for f in c["findings"]}
    unplanned = [f for f in findings if id(f) not in explained]
    flagged = sum(c["flagged"] for c in conflicts)
    return {
        "story": story.name, "half": truth.get("half", "dev"), "articles": len(result.articles),
        "conflicts": len(conflicts), "conflicts_flagged": flagged,
        "recall": round(flagged / len(conflicts), 3) if conflicts else None,
        "by_kind": _by_kind(conflicts),
        "missed": [c["id"] for c in conflicts if not c["flagged"]],
        "must_not_flag": len(traps), "must_not_flag_flagged": sum(t["flagged"] for t in traps),
        "false_alarms": [t["id"] for t in traps if t["flagged"]],
        "findings": len(findings), "unplanned_findings": len(unplanned),
        "unplanned": [f"{f.rule}: {f.message}" for f in unplanned],
        **_claim_labels(result, bodies, truth.get("claims") or []),
        "items": [{k: v for k, v in i.items() if k != "findings"} for i in conflicts + traps],
    }


def _by_kind(conflicts: list[dict[str, Any]]) -> dict[str, str]:
    total = Counter(c["kind"] for c in conflicts)
    hit = Counter(c["kind"] for c in conflicts if c["flagged"])
    return {k: f"{hit.get(k, 0)}/{n}" for k, n in sorted(total.items())}


# ---------------------------------------------------------------- many stories: halves, kinds, stages


def _half_totals(stories: list[dict[str, Any]]) -> dict[str, Any]:
    items = [(s, i) for s in stories for i in s["items"]]
    conflicts = [i for _, i in items if "kind" in i]
    traps = [i for _, i in items if "trap" in i]
    n_conf, hit = len(conflicts), sum(i["flagged"] for i in conflicts)
    kinds, trap_kinds = Counter(i["kind"] for i in conflicts), Counter(i["trap"] for i in traps)
    return {
        "stories": len(stories), "articles": sum(s["articles"] for s in stories),
        "conflicts": n_conf, "conflicts_flagged": hit, "recall": round(hit / n_conf, 3) if n_conf else None,
        "must_not_flag": len(traps), "must_not_flag_flagged": sum(i["flagged"] for i in traps),
        "findings": sum(s["findings"] for s in stories),
        "unplanned_findings": sum(s["unplanned_findings"] for s in stories),
        "by_kind": {k: f"{sum(i['flagged'] for i in conflicts if i['kind'] == k)}/{n}" for k, n in sorted(kinds.items())},
        "by_family": {k: f"{sum(i['flagged'] for i in conflicts if i['family'] == k)}/{n}"
                      for k, n in sorted(Counter(i["family"] for i in conflicts).items())},
        "by_trap": {k: f"{sum(i['flagged'] for i in traps if i['trap'] == k)}/{n}"
                    for k, n in sorted(trap_kinds.items())},
        "miss_stages": _stage_counts(i for i in conflicts if not i["flagged"]),
        "false_alarm_stages": _stage_counts(i for i in traps if i["flagged"]),
        **{k: sum(s[k] for s in stories) for k in ("claims_labelled", "claims_found", "entity_agrees")},
    }


def _stage_counts(items: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(i["stage"] for i in items)
    return {stage: counts.get(stage, 0) for stage in STAGES}


def score_all(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Every story under `paths`, each checked on its own, totalled per half and overall."""
    folders = story_folders(paths)
    problems = [p for f in folders for p in label_problems(f, yaml.safe_load((f / "expected.yaml").read_text(
        encoding="utf-8")) or {})]
    if problems:
        raise SystemExit("\n".join(problems))
    stories = [score(f) for f in folders]
    halves = {h: _half_totals([s for s in stories if s["half"] == h]) for h in HALVES
              if any(s["half"] == h for s in stories)}
    everything = _half_totals(stories)
    return {**{k: everything[k] for k in ("conflicts", "conflicts_flagged", "recall", "must_not_flag",
                                          "must_not_flag_flagged", "findings", "unplanned_findings", "by_kind")},
            "halves": halves, "stories": stories}


_TEST_ITEM_KEYS = ("id", "flagged", "stage", "kind", "family", "trap", "differs_in")


def public(scores: dict[str, Any], show_test_items: bool = False) -> dict[str, Any]:
    """The scores as printed: a test story's items by id and stage only, and only when asked; its
    unplanned findings never (they quote its articles)."""
    stories = []
    for s in scores["stories"]:
        s = dict(s)
        if s["half"] == "test":
            s["unplanned"] = []
            s["items"] = [{k: i[k] for k in _TEST_ITEM_KEYS if k in i} for i in s["items"]] if show_test_items else []
            if not show_test_items:
                s["missed"], s["false_alarms"] = [], []
        stories.append(s)
    one = len(stories) == 1

    def ids(key: str) -> list[str]:
        return [i if one else f"{s['story']}:{i}" for s in stories for i in s[key]]

    return {**scores, "stories": stories, "missed": ids("missed"), "false_alarms": ids("false_alarms"),
            "unplanned": ids("unplanned")}


# ---------------------------------------------------------------- printing


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total}" + (f" ({hit / total:.2f})" if total else "")


def _story_rows(scores: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for half, totals in scores["halves"].items():
        for s in (s for s in scores["stories"] if s["half"] == half):
            rows.append([half, s["story"], s["articles"], _ratio(s["conflicts_flagged"], s["conflicts"]),
                         f"{s['must_not_flag_flagged']}/{s['must_not_flag']}", s["unplanned_findings"]])
        rows.append([half, "ALL", totals["articles"], _ratio(totals["conflicts_flagged"], totals["conflicts"]),
                     f"{totals['must_not_flag_flagged']}/{totals['must_not_flag']}", totals["unplanned_findings"]])
    return rows


def render(scores: dict[str, Any], verbose: bool = False) -> str:
    from tabulate import tabulate

    lines = [f"planted conflicts flagged: {scores['conflicts_flagged']}/{scores['conflicts']} (recall "
             f"{scores['recall']}); must-not-flag pairs flagged: {scores['must_not_flag_flagged']}/"
             f"{scores['must_not_flag']}; unplanned error/warning findings: {scores['unplanned_findings']}", ""]
    lines.append(tabulate(_story_rows(scores), headers=["half", "story", "articles", "conflicts flagged",
                                                         "must-not-flag flagged", "unplanned"], tablefmt="simple"))
    halves = scores["halves"]
    lines += ["", "conflicts flagged by kind:"]
    lines += [f"  {h:5} " + ", ".join(f"{k} {v}" for k, v in t["by_kind"].items()) for h, t in halves.items()]
    lines += ["conflicts flagged by family:"]
    lines += [f"  {h:5} " + ", ".join(f"{k} {v}" for k, v in t["by_family"].items()) for h, t in halves.items()]
    lines += ["must-not-flag pairs flagged by trap:"]
    lines += [f"  {h:5} " + ", ".join(f"{k} {v}" for k, v in t["by_trap"].items()) for h, t in halves.items()]
    rows = [[f"{h} {what}", *t[key].values()] for h, t in halves.items()
            for what, key in (("misses", "miss_stages"), ("false alarms", "false_alarm_stages"))]
    lines += ["", "first stage that goes wrong:", tabulate(rows, headers=["", *STAGES], tablefmt="simple")]
    lines += ["", "labelled claims (read with the labelled value; of those, with the labelled entity):"]
    for h, t in halves.items():
        lines.append(f"  {h:5} read {_ratio(t['claims_found'], t['claims_labelled'])}, "
                     f"entity {_ratio(t['entity_agrees'], t['claims_found'])}")
    if verbose:
        lines += ["", *_item_lines(scores)]
    return "\n".join(lines)


def _item_lines(scores: dict[str, Any]) -> list[str]:
    lines = []
    for s in scores["stories"]:
        for i in s["items"]:
            if i["flagged"] == ("kind" in i):
                continue  # a flagged conflict or an unflagged trap: nothing to say
            what = "missed" if "kind" in i else "false alarm"
            label = i.get("kind") or f"{i.get('trap')}, differs in {i.get('differs_in')}"
            line = f"{s['story']} {i['id']} {what} [{i['stage']}] {label}"
            if "texts" in i:
                line += f": {i['texts'][0]!r} vs {i['texts'][1]!r}. {i['why']}"
            lines.append(line)
        lines += [f"{s['story']} unplanned: {u}" for u in s["unplanned"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Run over all of corpus/ to report: python scripts/score_corpus.py")
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpus")], metavar="PATH",
                    help="story folders, or folders of them (default: corpus/)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--verbose", action="store_true",
                    help="list each miss, false alarm and unplanned finding of the tuned and dev halves, with its stage")
    ap.add_argument("--show-test-items", action="store_true",
                    help="also list the test half's misses and false alarms, by id and stage only")
    args = ap.parse_args(argv)
    scores = public(score_all(args.paths), args.show_test_items)
    if args.json:
        print(json.dumps(scores, indent=2, default=str))
    else:
        print(render(scores, args.verbose or args.show_test_items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
