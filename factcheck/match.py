"""Group claims that speak of the same fact: same dimension, same entity, a like attribute and an
overlapping period, from different sentences. Blocking by (dimension, entity) keeps the work far
below all pairs; rapidfuzz compares attribute names inside a block.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from factcheck.attribute import period_interval
from factcheck.core.records import Claim, Fact
from factcheck.extract.words import is_vague
from factcheck.lexicon.config import lexicon, unit_table

PERCENT_UNITS = ("percent", "percentage_point", "basis_point")
GENERIC_ATTRIBUTES = frozenset({"amount", "count", "share", "change"})  # what attribution falls back on


def comparable(a: Claim, b: Claim) -> bool:
    """Same dimension, or two counts one of which does not say what it counts ("40 million")."""
    da, db = dimension(a), dimension(b)
    return da == db or (a.kind == b.kind == "count" and (not a.noun or not b.noun))


def dimension(claim: Claim) -> str:
    """What can be compared with what: money, percent, a counted noun, a pint dimension, a date."""
    if claim.kind == "date":
        return "date"
    unit = claim.unit
    if unit in PERCENT_UNITS:
        return "percentage_point" if unit == "basis_point" else unit
    base, _, denom = unit.partition("/")
    suffix = f"/{denom}" if denom else ""
    if lexicon().is_money(unit):
        return "money" + suffix
    if unit == "times":
        return "times"
    if claim.kind == "count":
        from factcheck.attribute import canonical_noun

        return "count:" + canonical_noun(claim.noun)
    dim = unit_table().get(base)
    return (dim[0] if dim else base) + suffix


def _claim_date(claim: Claim) -> dt.date | None:
    iv = period_interval(claim.period) if claim.period else None
    if iv:
        return iv[1]
    return dt.date.fromisoformat(claim.published[:10]) if claim.published else None


def usd_band(code: str, when: dt.date | None) -> tuple[float, float] | None:
    """What one unit of `code` is worth in USD around `when`, from rules/currencies.yaml."""
    if code == "USD":
        return 1.0, 1.0
    bands = lexicon().rates.get(code)
    if not bands:
        return None
    for band in bands:
        lo, hi = band["from"], band["to"]
        if when is None or lo <= when <= hi:
            return float(band["usd_low"]), float(band["usd_high"])
    return float(bands[-1]["usd_low"]), float(bands[-1]["usd_high"])


def normalized(claim: Claim) -> tuple[float, float] | None:
    """The claim's interval in the base unit of its dimension (USD, metres, days since 0001-01-01...)."""
    if claim.kind == "date":
        if not claim.low or not claim.high:
            return None
        return float(dt.date.fromisoformat(str(claim.low)).toordinal()), float(
            dt.date.fromisoformat(str(claim.high)).toordinal()
        )
    lo, hi = claim.low, claim.high
    if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)):
        return None
    unit = claim.unit
    if unit == "basis_point":
        return lo / 100.0, hi / 100.0
    base = unit.partition("/")[0]
    if lexicon().is_money(unit):
        band = usd_band(base, _claim_date(claim))
        if band is None:
            return None
        return lo * band[0], hi * band[1]
    table = unit_table()
    if base in table:
        _, f, offset = table[base]
        return lo * f + offset, hi * f + offset
    return float(lo), float(hi)


@dataclass
class _UnionFind:
    parent: list[int]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def matchable(claim: Claim) -> bool:
    """Claims that can join a fact: attributed, with an interval, and not a weekday label."""
    if not claim.entity or not claim.attribute:
        return False
    if claim.kind == "date" and (
        claim.labels is not None or not claim.resolved
        or claim.attribute == "date"
        or claim.qualifier in ("at_most", "at_least", "less_than", "more_than")
    ):
        return False  # a weekday label, an unanchored date, a date tied to no event, a deadline
    if claim.unit == "times" or claim.value is None and claim.qualifier == "approx" and is_vague(claim.text):
        return False  # a multiplier; "hundreds of flights", which no figure contradicts
    if claim.attribute == "amount" and dimension(claim) == "[time]":
        return False  # "ten days", "a decade": a span of time that no cue ties to a measure
    return True


def _match_interval(c: Claim) -> tuple[float, float]:
    """The stretch of time a claim's figure can be matched over, as ordinals: its own clause's date
    exactly, a paragraph's or sentence's date by the year, the year before publication otherwise."""
    if c.kind == "date":
        return float("-inf"), float("inf")
    iv = period_interval(c.period)
    if iv is None:
        return float("-inf"), float("inf")
    lo, hi = iv
    if c.period_source == "context":
        lo, hi = dt.date(lo.year, 1, 1), dt.date(hi.year, 12, 31)
    return float(lo.toordinal()), float(hi.toordinal())


def _attribute_groups(attributes: list[str], cutoff: float) -> dict[str, str]:
    """Map each attribute name to a representative: names at or above `cutoff` similarity share one."""
    rep = {a: a for a in attributes}
    if len(attributes) > 1:
        scores = process.cdist(attributes, attributes, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        for i, a in enumerate(attributes):
            for j in range(i):
                if scores[i][j] >= cutoff:
                    rep[a] = rep[attributes[j]]
                    break
    return rep


def _generic_of(attribute: str) -> bool:
    """ "change of burglary": a generic attribute narrowed by the noun it was read from."""
    return attribute.split(" of ", 1)[0] in GENERIC_ATTRIBUTES and " of " in attribute


_NOT_SPLITTING = frozenset({"subject"})  # read by the attribute join only: nouns differ in wording too often


def _split_by_scope(members: list[int], claims: list[Claim]) -> list[list[int]]:
    """Split claims whose clauses name different words of one scope group ("men's" / "women's");
    a claim that names none joins the most common word of the group."""
    values: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        for group, word in claims[i].scope:
            if group not in _NOT_SPLITTING:
                values[group][word] += 1
    split = {g: c.most_common(1)[0][0] for g, c in values.items() if len(c) > 1}
    if not split:
        return [members]
    parts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in members:
        own = dict(claims[i].scope)
        parts[tuple(own.get(g, common) for g, common in sorted(split.items()))].append(i)
    return list(parts.values())


def _entity_keys(claims: list[Claim], cutoff: float, window: int = 8) -> dict[str, str]:
    """Map each entity name (case-folded) to a representative: names at or above `cutoff` (rapidfuzz
    ratio) share one ("valdoran" ~ "valdora"). Each name is compared with its `window` neighbours in
    sorted order only (names that differ by an ending sort together), so the work grows linearly."""
    names = sorted({(c.entity or "").casefold() for c in claims if c.entity})
    rep = {n: n for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1 : i + 1 + window]:
            if [ch for ch in a if ch.isdigit()] != [ch for ch in b if ch.isdigit()]:
                continue  # "lumen-7" and "lumen-9", "gpt-4" and "gpt-5": two models, however alike the names
            if fuzz.ratio(a, b, score_cutoff=cutoff):
                rep[b] = rep[a]
    return rep


def _makers(keys: set[str]) -> dict[str, str]:
    """Map a product's entity key to its maker's, when the maker's name opens the product's and the
    rest carries a model number ("deepseek-v3" -> "deepseek", "nvidia h20" -> "nvidia"; "hartwell
    brewing" is a company's full name, not a product). Names that
    share a beginning sort together, so one pass over the sorted names finds them."""
    maker: dict[str, str] = {}
    open_names: list[str] = []
    for name in sorted(keys):
        while open_names and not name.startswith(open_names[-1]):
            open_names.pop()
        rest = name[len(open_names[-1]) :] if open_names else ""
        if rest[:1] in ("-", " ") and any(ch.isdigit() for ch in rest):  # a model: "-v3", " h20", not " brewing"
            maker[name] = maker.get(open_names[-1], open_names[-1])
        open_names.append(name)
    return maker


def _split_by_product(members: list[int], keys: list[str], maker: dict[str, str]) -> list[list[int]]:
    """Within a maker's block, each product is its own fact ("R1" and "V3" training costs are two);
    a figure given for the maker itself ("DeepSeek's training cost") joins the one product that has
    figures of this kind, and stays apart when there are several."""
    products = {keys[i] for i in members if keys[i] in maker}
    if not products:
        return [members]
    parts: dict[str, list[int]] = defaultdict(list)
    only = next(iter(products)) if len(products) == 1 else None
    for i in members:
        parts[keys[i] if keys[i] in maker else (only or keys[i])].append(i)
    return list(parts.values())


def match_claims(claims: list[Claim], attribute_cutoff: float | None = None,
                 entity_cutoff: float | None = None) -> list[Fact]:
    """Facts: connected groups of claims that speak of the same entity, attribute and period.

    Blocking by (dimension, entity) and then by attribute and direction leaves only periods to
    compare, which a sweep over sorted intervals does in O(n log n): no pair of claims is
    compared one by one, so a million claims match in seconds.
    """
    gc_was_on = gc.isenabled()
    gc.disable()  # a million small tuples and lists, none of them cyclic: the collector would only rescan them
    try:
        return _match(claims, attribute_cutoff, entity_cutoff)
    finally:
        if gc_was_on:
            gc.enable()


def _match(claims: list[Claim], attribute_cutoff: float | None, entity_cutoff: float | None) -> list[Fact]:
    """Block the claims, join the ones whose periods overlap inside each block's groups, and make each
    connected set a fact."""
    from factcheck.attribute import vocabulary

    vocab = vocabulary()
    attribute_cutoff = vocab.attribute_cutoff if attribute_cutoff is None else attribute_cutoff
    entity_cutoff = vocab.entity_cutoff if entity_cutoff is None else entity_cutoff
    cue_named = frozenset(spec.name for spec in vocab.attributes)  # the others were read from a clause
    blocks, keys, maker = _blocks(claims, entity_cutoff)
    uf = _UnionFind(list(range(len(claims))))
    for idx in blocks.values():
        if len(idx) < 2:
            continue
        rep = _attribute_reps(idx, claims, attribute_cutoff, cue_named)
        by_attr: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_attr[rep[claims[i].attribute or ""]].append(i)
        for attribute, members in by_attr.items():
            if attribute.split(" (")[0] in GENERIC_ATTRIBUTES:
                # "a 12% share", "£40m" that no measure names: only an article's one such figure of this
                # entity can be taken for another's
                per_article = Counter(claims[i].article for i in members)
                members = [i for i in members if per_article[claims[i].article] == 1]
            for group in _period_groups(members, claims, keys, maker):
                _join_overlapping(group, claims, uf)
    return _facts(claims, blocks, uf)


def _blocks(
    claims: list[Claim], entity_cutoff: float
) -> tuple[dict[tuple[str, str], list[int]], list[str], dict[str, str]]:
    """The matchable claims blocked by (dimension, entity key), a product's figures under its maker; with
    each claim's entity key and the product -> maker map."""
    entity_key = _entity_keys(claims, entity_cutoff)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys = [entity_key.get((c.entity or "").casefold(), "") for c in claims]
    maker = _makers(set(keys) - {""})
    for i, c in enumerate(claims):
        if matchable(c):
            blocks[(dimension(c), maker.get(keys[i], keys[i]))].append(i)
    return blocks, keys, maker


def _attribute_reps(idx: list[int], claims: list[Claim], cutoff: float,
                    cue_named: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each attribute in a block mapped to the one it is matched as: alike names share one, and a generic
    attribute ("amount", "change") joins the one narrowed or specific attribute the block names."""
    rep = _attribute_groups(sorted({claims[i].attribute or "" for i in idx}), cutoff)
    specific = {r for r in rep.values() if r not in GENERIC_ATTRIBUTES and not _generic_of(r)}
    narrowed: dict[str, set[str]] = defaultdict(set)
    for r in set(rep.values()):
        if _generic_of(r):
            narrowed[r.split(" of ", 1)[0]].add(r)
    for a, r in rep.items():
        if r in GENERIC_ATTRIBUTES and len(narrowed.get(r, ())) == 1:
            # "fell 13.6%" and "a 13.6% change of weight": the bare figures are the one narrowed
            # figure's, unless one names a noun of its own ("punctuality was 64%")
            target = next(iter(narrowed[r]))
            own = {dict(claims[i].scope).get("subject") for i in idx if claims[i].attribute == a}
            if own <= {None, target.split(" of ", 1)[1]}:
                rep[a] = target
    if len(specific) == 1:
        # "Kessling's net profit was $874m" and "Kessling earned $874m": with one measure named for
        # this entity and dimension, a figure that names none is taken to be about it
        only = next(iter(specific))
        rep = {a: (only if r in GENERIC_ATTRIBUTES or (_generic_of(r) and only in cue_named) else r)
               for a, r in rep.items()}
    return rep


def _period_groups(members: list[int], claims: list[Claim], keys: list[str], maker: dict[str, str]) -> list[list[int]]:
    """The claims of one attribute split by direction (a claim with none joins the only one given), by
    scope and by product: what is left to compare is the period."""
    directions = {claims[i].direction for i in members} - {None}
    by_direction: dict[str | None, list[int]] = defaultdict(list)
    for i in members:
        d = claims[i].direction
        by_direction[d if d is not None or len(directions) != 1 else next(iter(directions))].append(i)
    split = (sub for g in by_direction.values() for sub in _split_by_scope(g, claims))
    return [part for sub in split for part in _split_by_product(sub, keys, maker)]


def _join_overlapping(group: list[int], claims: list[Claim], uf: _UnionFind) -> None:
    """Join the claims of a group whose match intervals overlap: one sweep over the sorted intervals."""
    spans = sorted((_match_interval(claims[i]), i) for i in group)
    reach = float("-inf")
    previous = -1
    for (lo, hi), i in spans:
        if previous >= 0 and lo <= reach:
            uf.union(previous, i)
        reach = max(reach, hi) if previous >= 0 and lo <= reach else hi
        previous = i


def _facts(claims: list[Claim], blocks: dict[tuple[str, str], list[int]], uf: _UnionFind) -> list[Fact]:
    """One fact per connected set of blocked claims, keyed by its first claim's entity, attribute,
    dimension and period (the first explicit period given), sorted."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted({i for idx in blocks.values() for i in idx}):
        groups[uf.find(i)].append(i)
    facts: list[Fact] = []
    for members in groups.values():
        cs = tuple(claims[i] for i in sorted(members))
        first = cs[0]
        periods = [c.period for c in cs if c.period_source == "explicit" and c.period]
        period = periods[0] if periods else (first.period or "")
        key = f"{first.entity}|{first.attribute}|{dimension(first)}|{period}"
        fid = hashlib.sha1(key.encode()).hexdigest()[:10]
        facts.append(Fact(id=fid, entity=first.entity or "", attribute=first.attribute or "", period=period, claims=cs))
    facts.sort(key=lambda f: (f.entity.casefold(), f.attribute, f.period))
    return facts
