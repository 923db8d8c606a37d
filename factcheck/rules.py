"""Rules: YAML files that name one kind from a closed set; each kind is a frozen dataclass with one
method, `evaluate`, in the `KINDS` registry. Rule files, their examples, the data files of the
default pack and those given with them are validated, with line and column, before any article is read.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import re
import string
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from factcheck.core.records import BOTH_SIDES, Claim, Fact, Finding
from factcheck.core.regex import alternation
from factcheck.core.yamlcheck import ConfigError, compose_text, loc, suggest, value_of
from factcheck.lexicon.config import (DATA_SCHEMAS, NO_DATA, DataFiles, default_rules_dir, lexicon, unit_table,
                                     validate_data_files)
from factcheck.lexicon.wordclasses import word_class
from factcheck.match import comparable, dimension, normalized
from factcheck.rule_examples import Example, is_examples_file, load_examples_file, parse_block, sibling_file

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DATA_FILES = set(DATA_SCHEMAS)  # hedges.yaml, units.yaml, ...: data read over the default pack's, not rule files
TEMPLATE_FIELDS = (
    "entity", "attribute", "period", "a_text", "a_source", "a_published", "a_article",
    "b_text", "b_source", "b_published", "b_article", "expected", "stated", "count", "sources",
)


class RuleError(ConfigError):
    """One or more problems in rule files, their examples or the pack's data files, each `path:line:col: message`."""


def option(default: Any, doc: str, choices: tuple[str, ...] = ()) -> Any:
    """A rule option: its default, what it does (shown by `factcheck rules explain`, and checked
    against docs/rules.md), and, for names, the values it accepts."""
    return field(default=default, metadata={"doc": doc, "choices": choices})


ACROSS = ("articles", "sources", "any")
PAIRS = ("reference", "all")
_PAIRS_DOC = ("how disagreeing readings are reported: each against the reading most sources give, the others it "
              "disagrees with on sides of their own (reference), or one finding for every pair (all)")
_ACROSS_DOC = ("who must disagree for a conflict: two articles (articles), two outlets (sources), "
               "or anyone, even one article with itself (any)")


@dataclass(frozen=True)
class Context:
    """What rules look at: every claim by article, and the facts."""

    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]

    def by_article(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            out[c.article].append(c)
        return out


@dataclass(frozen=True)
class Rule:
    """What every rule has; a kind adds its own options."""

    id: str = field(metadata={"doc": "the rule's name; a later rule with the same id replaces this one"})
    description: str = option("", "what the rule flags, in a sentence")
    severity: str = option("error", "how serious a finding is", SEVERITIES)
    message: str = option("", "the finding's message, a template with {fields} (empty: the kind's own message)")
    enabled: bool = option(True, "false switches the rule off (its examples still run in `factcheck rules test`)")
    origin: str = field(default="", metadata={"doc": "where the rule was defined, path:line (set by the loader)"})
    examples: tuple[Example, ...] = field(default=(), compare=False, repr=False, metadata={
        "doc": "pass and fail examples (rule tests), inline; or in the sibling file NAME.examples.yaml"})

    kind: ClassVar[str] = ""
    default_message: ClassVar[str] = ""

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self, claims: Sequence[Claim], fact: Fact | None = None, sides: Sequence[int] = (), **fields: object
    ) -> Finding:
        a = claims[0]
        b = claims[1] if len(claims) > 1 else claims[0]
        if sides:  # the first claim of each side of the disagreement
            b = next((c for c, side in zip(claims, sides) if side != sides[0]), b)
        entity = fact.entity if fact else (a.entity or "")
        attribute = fact.attribute if fact else (a.attribute or "")
        period = fact.period if fact else (a.period or "")
        values: dict[str, object] = {
            "entity": entity or "?", "attribute": attribute or "?", "period": _show_period(period),
            "a_text": a.text, "a_source": a.source or a.article, "a_published": a.published or "undated",
            "a_article": a.article, "b_text": b.text, "b_source": b.source or b.article,
            "b_published": b.published or "undated", "b_article": b.article, "expected": "", "stated": "",
            "count": len(claims), "sources": ", ".join(sorted({c.source or c.article for c in claims})),
        }
        values.update(fields)
        message = fill_message(self.message or self.default_message, values)
        key = "|".join(
            [self.id, entity, attribute, period or "", *sorted({f"{c.source or c.article}={c.text}" for c in claims})]
        )  # content, not positions; a figure repeated in another paragraph is the same figure
        fingerprint = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        fact_label = " / ".join(x for x in (entity, attribute, _show_period(period)) if x)
        return Finding(fingerprint=fingerprint, rule=self.id, severity=self.severity, message=message,
                       claims=tuple(claims), fact=fact_label, sides=tuple(sides) or tuple(range(len(claims))))


_BRACKETED = re.compile(r" ?\(([^()]*)\)")


def fill_message(template: str, values: dict[str, object]) -> str:
    """A finding's message: the template's fields filled in, but a bracketed group whose fields are all
    empty ("({period})" for a fact with no period) left out, not printed as "()"."""

    def drop_if_empty(m: re.Match[str]) -> str:
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(m.group(1)) if f]
        except ValueError:
            return m.group(0)
        empty = names and all(str(values.get(re.split(r"[.\[!:]", n)[0], "")) == "" for n in names)
        return "" if empty else m.group(0)

    return render_template(_BRACKETED.sub(drop_if_empty, template), values)


def _show_period(period: str | None) -> str:
    if not period:
        return ""
    if period.startswith(".."):
        return "as of " + period[2:]
    return period.replace("..", " to ")


def _padded(claims: Sequence[Claim], rel: float, absolute: float) -> list[tuple[float, float, Claim]]:
    """Each claim's interval widened by the slack, narrowest first (the figures' base unit; in one currency
    as written: converting each with the whole band of rates would let "€10.0 billion" and "€11.5
    billion" agree)."""
    units = {c.unit for c in claims}
    one_unit = len(units) == 1 and claims[0].kind != "date" and lexicon().is_money(claims[0].unit) and not absolute
    items = []
    for c in claims:
        iv = _in_own_unit(c) if one_unit else normalized(c)
        if iv is None:
            continue
        lo, hi = iv
        pad = (max(abs(lo), abs(hi)) * rel + absolute) / 2
        items.append((lo - pad, hi + pad, c))
    items.sort(key=lambda t: (t[1] - t[0], t[0]))
    return items


def _clusters(claims: Sequence[Claim], rel: float, absolute: float, apart: list[Claim] | None = None,
              items: list[tuple[float, float, Claim]] | None = None) -> list[list[Claim]]:
    """Group claims into agreeing clusters: every member overlaps the cluster's common ground.

    The most precise claims seed the clusters and a wide one joins the first it fits, so "about
    4 trillion yuan" cannot chain "$589 billion" and "$689 billion" into one agreeing group. With
    `apart`, a wide claim that fits several clusters joins none and goes there (it sides with no one).
    `items` are the claims' padded intervals when the caller has them already.
    """
    items = _padded(claims, rel, absolute) if items is None else items
    grounds: list[list[float]] = []
    clusters: list[list[Claim]] = []
    for lo, hi, c in items:
        fits = [k for k, ground in enumerate(grounds) if lo <= ground[1] and ground[0] <= hi]
        if apart is not None and len(fits) > 1:
            apart.append(c)
        elif fits:
            k = max(fits, key=lambda k: len(clusters[k]))  # a vague claim backs the reading most give
            grounds[k][0], grounds[k][1] = max(grounds[k][0], lo), min(grounds[k][1], hi)
            clusters[k].append(c)
        else:
            grounds.append([lo, hi])
            clusters.append([c])
    order = sorted(range(len(clusters)), key=lambda i: grounds[i][0])
    width = {id(c): hi - lo for lo, hi, c in items}
    def shown_first(c: Claim) -> tuple[float, bool, str, int]:  # precise, then written out ("Jan. 20", not "a week ago")
        return width[id(c)], not any(ch.isdigit() for ch in c.text), c.article, c.start

    return [sorted(clusters[i], key=shown_first) for i in order]


def _in_own_unit(c: Claim) -> tuple[float, float] | None:
    return (float(c.low), float(c.high)) if isinstance(c.low, (int, float)) and isinstance(c.high, (int, float)) else None


def agreement(fact: Fact, rel: float = 0.01) -> bool:
    """Do all the claims of a fact agree (one cluster at the default tolerance)?"""
    return len(_clusters(fact.claims, 0.0 if fact.claims[0].kind == "date" else rel, 0.0)) <= 1


def _conflicts(rule: Rule, fact: Fact, rel: float, absolute: float, across: str,
               pairs_of: str = "reference") -> Iterator[Finding]:
    """One finding for each group of agreeing claims against the reference (the group most sources give,
    then the most precise), and with `pairs_of` "all" one for every two other groups that do not overlap.
    A wide claim that fits several groups sides with none: it is shown with a pair it fits both sides of
    (BOTH_SIDES), never as a side, and cannot make a wrong precise figure the majority."""
    apart: list[Claim] = []
    items = _padded(fact.claims, rel, absolute)
    clusters = _clusters(fact.claims, rel, absolute, apart, items)
    if len(clusters) < 2:
        return
    bands = {id(c): (lo, hi) for lo, hi, c in items}
    key = "source" if across == "sources" else "article"
    # the reference is the reading most sources give as a precise figure (a hedge does not outvote one),
    # then the one most sources give, then the most precise
    reference = max(clusters, key=lambda g: (len({getattr(c, key) for c in g if c.qualifier == "exact"}),
                                              len({getattr(c, key) for c in g}), len(g),
                                              -min(bands[id(c)][1] - bands[id(c)][0] for c in g)))
    others = [g for g in clusters if g is not reference]
    pairs = [(g, reference) for g in others]
    if pairs_of == "all":
        pairs += [(a, b) for i, a in enumerate(others) for b in others[i + 1:] if not _touch(a, b, bands)]
    for a, b in pairs:
        if across != "any" and len({getattr(c, key) for c in a + b}) == 1:
            continue  # one article (or source) disagreeing with itself is not a conflict across sources
        both = [c for c in apart if _touch([c], a, bands) and _touch([c], b, bands)]
        # the other readings that disagree with this one each stand on a side of their own: every pair of
        # groups that do not overlap is in a finding ("45 miles" against "120 km" and "80 km")
        more = [h for h in others if h is not a and h is not b and not _touch(h, a, bands)] if pairs_of != "all" else []
        extra = [(c, 2 + i) for i, h in enumerate(more) for c in h]
        f = rule.finding(a + b + [c for c, _ in extra] + both, fact,
                         sides=[0] * len(a) + [1] * len(b) + [side for _, side in extra] + [BOTH_SIDES] * len(both))
        yield dataclasses.replace(f, severity="info") if _borderline(a, b) else f


def _borderline(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """Do the two sides say they are readings that differ by nature ("an intraday high" and "closed at",
    "preliminary" and "final": the `borderline` words of rules/words.yaml)?"""
    pairs = lexicon().words.borderline

    def says(side: Sequence[Claim], words: Iterable[str]) -> bool:
        return any(re.search(rf"\b{re.escape(w)}\b", c.context or "", re.IGNORECASE) for c in side for w in words)

    return any((says(a, [k]) and says(b, v)) or (says(b, [k]) and says(a, v)) for k, v in pairs.items())


def _touch(a: Sequence[Claim], b: Sequence[Claim], bands: dict[int, tuple[float, float]]) -> bool:
    """Does some claim of a overlap some claim of b (their padded intervals)?"""
    return any(bands[id(x)][0] <= bands[id(y)][1] and bands[id(y)][0] <= bands[id(x)][1] for x in a for y in b)


@dataclass(frozen=True)
class FigureConflict(Rule):
    """The same fact with figures whose intervals do not overlap.

    Good: "$5.6 million" and "under $6 million" (overlap). Bad: "$619 million" and "$691 million".
    """

    tolerance: float = option(0.01, "relative slack: figures this share apart still agree (0.05 = 5%)")
    tolerance_abs: float = option(0.0, "absolute slack in the base unit (US dollars, metres, ...), added to it")
    claim_kinds: tuple[str, ...] = option(("quantity", "percent", "count"), "which kinds of figure it compares",
                                          ("quantity", "percent", "count"))
    across: str = option("articles", _ACROSS_DOC, ACROSS)
    pairs: str = option("reference", _PAIRS_DOC, PAIRS)

    kind: ClassVar[str] = "figure_conflict"
    default_message: ClassVar[str] = (
        "{entity} {attribute} ({period}): {a_source} says {a_text}, {b_source} says {b_text}"
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for fact in ctx.facts:
            if fact.claims[0].kind in self.claim_kinds and fact.claims[0].kind != "date":
                yield from _conflicts(self, fact, self.tolerance, self.tolerance_abs, self.across, self.pairs)


@dataclass(frozen=True)
class DateConflict(Rule):
    """The same event on dates that do not overlap at their granularity.

    Good: "January 20" and "last Monday" from a paper of January 22. Bad: "January 10" and "January 20".
    """

    tolerance_days: int = option(0, "days of slack: dates this many days apart still agree")
    across: str = option("articles", _ACROSS_DOC, ACROSS)
    pairs: str = option("reference", _PAIRS_DOC, PAIRS)

    kind: ClassVar[str] = "date_conflict"
    default_message: ClassVar[str] = "{entity} {attribute}: {a_source} says {a_text}, {b_source} says {b_text}"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for fact in ctx.facts:
            if fact.claims[0].kind == "date":
                yield from _conflicts(self, fact, 0.0, float(self.tolerance_days), self.across, self.pairs)


NEAR = 60  # most characters between a change and either of its levels
LOOK_BACK = 200  # most characters before a gap's sentence where the figures it separates may stand
_LEAD_BEFORE = re.compile(  # "a lead of", ", a gap of" after the two figures; not "a funding gap of"
    r"(?:\b(?:lead|majority|margin|advantage)|,\s*(?:a|the)\s+(?:gap|difference))\s+of\s+(?:[a-z]+\s+){0,2}$", re.I)


# "beating the record of 2:05:01 by 43 seconds": a difference stated after the figures it separates
_BEAT_BY = re.compile(r"\b(?:" + alternation(sorted(word_class("beating_verbs"))) + r")\b[^;]{0,50}\bby\s+"
                      r"(?:just\s+|only\s+|nearly\s+|almost\s+|about\s+|some\s+|more\s+than\s+)?$", re.I)


def _left(c: Claim) -> str:
    """The words of the claim's sentence just before it (from its context)."""
    offset = min(60, c.start - c.sentence[0])
    return c.context[:offset]


def _right(c: Claim) -> str:
    """The words of the claim's sentence just after it (from its context)."""
    return c.context[min(60, c.start - c.sentence[0]) + c.end - c.start :]


_COMPARED_TO = re.compile(  # "17.2 points below the national figure of 64.8%"
    r"\s*(?:below|above|higher\s+than|lower\s+than|short\s+of|ahead\s+of|behind|under|over)\b", re.I)
GAP_WORDS = re.compile(r"\b(?:gap|difference|lead|margin|spread|ahead|behind|apart)\b", re.I)


@dataclass(frozen=True)
class Conversion(Rule):
    """An amount given in two currencies (or units) side by side that does not hold at the rates in YAML.

    Good: "a trillion yuan ($137 billion)". Bad: "2 yuan (about 50 US cents)".
    """

    tolerance: float = option(0.02, "relative slack on the converted amount, beyond the rate band (0.02 = 2%)")
    max_gap: int = option(30, "most characters between the two amounts (\"2 yuan (about 28 US cents)\")")

    kind: ClassVar[str] = "conversion"
    default_message: ClassVar[str] = "{a_text} is not {b_text} at the exchange rates in the rule pack (expected {expected})"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for a, b in side_by_side(ctx, self.max_gap, lambda c: dimension(c).startswith("money")):
            ia, ib = normalized(_closed(a)), normalized(_closed(b))
            if ia is None or ib is None or _agree(ia, ib, self.tolerance):
                continue
            expected = f"{_money(ia[0])} to {_money(ia[1])}"
            yield self.finding([a, b], None, expected=expected, stated=b.text)


def _agree(ia: tuple[float, float], ib: tuple[float, float], tolerance: float) -> bool:
    """Whether two amounts in one base unit overlap, with `tolerance` of the larger as slack."""
    pad = max(abs(ia[1]), abs(ib[1])) * tolerance
    return ia[0] - pad <= ib[1] and ib[0] - pad <= ia[1]


_WORD_BEFORE_BRACKET = re.compile(r"^\s*[a-z]+(?=\s*\()")  # one word of the first amount's before its bracket


def side_by_side(ctx: Context, max_gap: int, keep: Callable[[Claim], bool]) -> Iterator[tuple[Claim, Claim]]:
    """Two amounts of one sentence that the text gives as one ("70 billion yuan ($9.7 billion)",
    "120 km, or 75 miles"), in different units: each kept claim with the next, at most `max_gap`
    characters apart with only a bridge between (a bracket, "or", "about", "equivalent to")."""
    bridge = lexicon().bridge_re  # a bracket, "or", "worth", a hedge of hedges.yaml with `conversion: true`
    for claims in ctx.by_article().values():
        kept = [c for c in claims if c.kind == "quantity" and keep(c)]
        for a, b in zip(kept, kept[1:]):
            if a.sentence != b.sentence or a.unit.partition("/")[0] == b.unit.partition("/")[0]:
                continue
            gap = b.before if b.start - a.end == len(b.before) else None
            if gap is not None:
                gap = _WORD_BEFORE_BRACKET.sub("", gap)  # "€40 million upfront (about $42 million)"
            if b.start - a.end <= max_gap and gap is not None and bridge.match(gap):
                yield a, b


@dataclass(frozen=True)
class UnitConversion(Rule):
    """A length, weight, area, speed or temperature given in two units side by side that do not agree.

    Good: "a 42.2 km (26.2-mile) course". Bad: "a 42.2 km (24.2-mile) course".
    """

    tolerance: float = option(0.03, "relative slack on the converted amount, beyond the rounding of both (0.03 = 3%)")
    max_gap: int = option(30, "most characters between the two amounts (\"38 km (about 24 miles)\")")

    kind: ClassVar[str] = "unit_conversion"
    default_message: ClassVar[str] = "{a_text} is not {b_text} (expected {expected})"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        def physical(c: Claim) -> bool:
            return bool(c.unit) and dimension(c).startswith("[") and not lexicon().is_money(c.unit)

        for a, b in side_by_side(ctx, self.max_gap, physical):
            ia, ib = normalized(_closed(a)), normalized(_closed(b))
            if dimension(a) != dimension(b) or ia is None or ib is None or _agree(ia, ib, self.tolerance):
                continue
            _, per, offset = unit_table().get(b.unit.partition("/")[0], ("", 1.0, 0.0))  # b's unit from base units
            unit = re.sub(r"^[^A-Za-z°]*", "", b.text) or b.unit.replace("_", " ")  # "3.5 miles" -> "miles"
            expected = f"{_figure((ia[0] - offset) / per)} to {_figure((ia[1] - offset) / per)} {unit}"
            yield self.finding([a, b], None, expected=expected, stated=b.text)


def _figure(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".") if abs(x) < 1e6 else f"{x:,.0f}"


def _closed(c: Claim) -> Claim:
    """ "at least 380 billion yuan ($72 billion)", "about £106m ($162m)": the conversion restates 380
    billion and 106 million as written, not the band the hedge opens around them."""
    if c.qualifier in ("more_than", "at_least", "less_than", "at_most", "approx") and isinstance(c.value, (int, float)):
        return dataclasses.replace(c, low=c.value * 0.995, high=c.value * 1.005)
    return c


def _money(x: float) -> str:
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(x) >= scale:
            return f"${x / scale:.3g}{word}"
    return f"${x:,.2f}"


@dataclass(frozen=True)
class Arithmetic(Rule):  # noqa: D101 (docstring below)
    """A stated change or multiple that the stated figures do not bear out.

    Good: "from $3.5 trillion to $2.9 trillion, a 17% drop". Bad: the same with "a 27% drop".
    """

    tolerance_points: float = option(0.5, "percentage points allowed between a stated and a computed change, beyond the rounding of the figures")
    tolerance: float = option(0.05, "relative slack on a stated multiple (\"twice\", \"three times\")")

    kind: ClassVar[str] = "arithmetic"
    default_message: ClassVar[str] = "{a_text} does not follow from the figures it relates ({expected}; stated {stated})"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for sent, earlier in _sentences(ctx):
            triples = [*_change_triples(sent), *_year_before(sent, earlier)]
            yield from self._changes(triples)
            changes = {id(t[2]) for t in triples}  # "doubled from 300 to 800" is a change, not "twice the 100,000"
            yield from self._multiples(sent, changes)
            yield from self._totals(sent)
        yield from self._points_across(ctx)

    def _changes(self, triples: list[tuple[Claim, Claim, Claim]]) -> Iterator[Finding]:
        for a, after, change in triples:
            if change.unit == "times":
                yield from self._factor(change, a, after)
                continue
            if change.kind != "percent":
                yield from self._absolute(change, a, after)
                continue
            if dimension(a) == "percent" or change.unit == "percentage_point":
                yield from self._points(change, a, after)
                continue
            ia, ib = _levels(a, after)
            if ia is None or ib is None or ia[0] <= 0 or not isinstance(change.low, (int, float)):
                continue
            corners = [(b / x - 1) * 100 for b in ib for x in ia]
            lo, hi = abs(min(corners, key=abs)), max(abs(v) for v in corners)
            if min(corners) < 0 < max(corners):
                lo = 0.0
            plo, phi = abs(float(change.low)), abs(float(change.high))
            plo, phi = min(plo, phi), max(plo, phi)
            if plo - self.tolerance_points <= hi and lo <= phi + self.tolerance_points:
                continue
            expected = f"the figures give {lo:.1f}% to {hi:.1f}%"
            yield self.finding([change, a, after], None, expected=expected, stated=change.text)

    def _factor(self, change: Claim, a: Claim, after: Claim) -> Iterator[Finding]:
        """ "doubled from 300 to 700", "halved to 400 from 1,000": the new level is that many times the old;
        "fell by a third, from 1,240 to 1,050": it is a third less."""
        ia, ib = _levels(a, after)
        if ia is None or ib is None or min(ia[0], ib[0]) <= 0 or not all(
                isinstance(v, (int, float)) and v > 0 for v in (change.low, change.high)):
            return
        said = (float(change.low), float(change.high))  # type: ignore[arg-type]  # "more than doubled": 2 to 4
        if _BY_BEFORE.search(_left(change)):
            ratios = [1 + v if change.direction == "up" else 1 - v for v in said]
        else:
            ratios = [1 / v if change.direction == "down" and v > 1 else v for v in said]  # "fell threefold"
        r_lo, r_hi = min(ratios), max(ratios)
        lo, hi = ib[0] / ia[1], ib[1] / ia[0]
        if r_lo * (1 - self.tolerance) <= hi and lo <= r_hi * (1 + self.tolerance):
            return
        expected = f"the figures give {lo:.2g} to {hi:.2g} times the starting level, not {_figure(r_lo)}" + (
            f" to {_figure(r_hi)}" if r_hi > r_lo else "")
        yield self.finding([change, a, after], None, expected=expected, stated=change.text)

    def _totals(self, sent: list[Claim]) -> Iterator[Finding]:
        """ "€4.2m for roads and €6.1m for schools, a total of €9.5m": a total is never less than the parts
        listed before it in its sentence (they may be only some of them, so a larger total passes)."""
        for t in sent:
            if t.kind not in ("quantity", "count") or t.direction or not isinstance(t.high, (int, float)) or not (
                    _TOTAL_BEFORE.search(_left(t)) or _TOTAL_AFTER.match(_right(t))):
                continue
            parts = [c for c in sent if c.end <= t.start and c.unit == t.unit and c.kind == t.kind and not c.direction
                     and isinstance(c.low, (int, float)) and c.qualifier in ("exact", "at_least", "more_than")]
            if len(parts) < 2:
                continue
            least = sum(float(c.low) for c in parts)  # type: ignore[arg-type]
            if least <= float(t.high) * (1 + self.tolerance):
                continue
            yield self.finding([t, *parts], None, expected=f"the parts listed add up to at least {_figure(least)}",
                               stated=t.text)

    def _absolute(self, change: Claim, a: Claim, after: Claim) -> Iterator[Finding]:
        """ "rose by 1,200 to 5,600 from 4,500": a change stated as an amount is the levels' difference."""
        ia, ib = _levels(a, after)
        if ia is None or ib is None or not all(isinstance(v, (int, float)) for v in (change.low, change.high)):
            return
        lo, hi = _apart(ia, ib)
        said = sorted((abs(float(change.low)), abs(float(change.high))))  # type: ignore[arg-type]
        pad = max(hi, said[1]) * self.tolerance
        if said[0] - pad <= hi and lo <= said[1] + pad:
            return
        expected = f"the figures give {_figure(lo)} to {_figure(hi)}"
        yield self.finding([change, a, after], None, expected=expected, stated=change.text)

    def _points(self, change: Claim, a: Claim, after: Claim) -> Iterator[Finding]:
        """A change between two percentages: in points it is their difference ("rose 2.3 points to
        14.6% from 11.4%": 3.2); in per cent it is relative ("rose 1.2% to 14.8% from 13.6%": 8.8%),
        and a per cent change that is the points difference confuses the two."""
        if dimension(a) != "percent" or dimension(after) != "percent" or not all(
                isinstance(v, (int, float)) for v in (a.low, a.high, after.low, after.high, change.low, change.high)):
            return
        lo_a, hi_a, lo_b, hi_b = float(a.low), float(a.high), float(after.low), float(after.high)
        points = _apart((lo_a, hi_a), (lo_b, hi_b))
        said = (abs(float(change.low)), abs(float(change.high)))
        slack = self.tolerance_points / 10
        if change.unit == "percentage_point":
            if min(said) - slack <= points[1] and points[0] <= max(said) + slack:
                return
            expected = f"{a.text} to {after.text} is {points[0]:.2g} to {points[1]:.2g} points"
        else:
            if lo_a <= 0:
                return
            rel = sorted(abs(y / x - 1) * 100 for y in (lo_b, hi_b) for x in (lo_a, hi_a))
            if min(said) - self.tolerance_points <= rel[-1] and rel[0] <= max(said) + self.tolerance_points:
                return
            expected = f"{a.text} to {after.text} is {rel[0]:.2g}% to {rel[-1]:.2g}% ({points[0]:.2g} points)"
        yield self.finding([change, a, after], None, expected=expected, stated=change.text)

    def _points_across(self, ctx: Context) -> Iterator[Finding]:
        """One change to one level, in points from one source and in per cent from another ("rose 1.2
        points to 14.8%" and "rose 1.2% to 14.8%"): both cannot hold, unless the relative change
        happens to be the points one. The same figure beside the same level is what ties them, as an
        editor who sees both lines would tie them, whatever each calls the thing."""
        for found in _percent_changes(ctx).values():
            for p, p_levels in (x for x in found if x[0].unit == "percentage_point"):
                for q, q_levels in (x for x in found if x[0].unit == "percent" and x[0].article != p.article):
                    if p.direction and q.direction and p.direction != q.direction:
                        continue
                    level = next((x for x in p_levels if any(_overlap(x, y) for y in q_levels)), None)
                    if level is None:
                        continue
                    relative = _relative_bands(p, level)
                    said, slack = (float(q.low), float(q.high)), self.tolerance_points / 10  # type: ignore[arg-type]
                    if any(said[0] - slack <= hi and lo <= said[1] + slack for lo, hi in relative):
                        continue
                    expected = f"{p.source or p.article} gives {p.text} to {level.text}, " + " or ".join(
                        f"{_figure((lo + hi) / 2)}%" for lo, hi in relative)
                    yield self.finding([q, p], None, expected=expected, stated=q.text)

    def _multiples(self, sent: list[Claim], changes: set[int]) -> Iterator[Finding]:
        for m in sent:
            if m.unit != "times" or not m.multiplier or id(m) in changes or _SHARE_FORM.search(m.text):
                continue  # "one in five of those who sat" is a share of a whole, not a multiple of a figure
            others = [c for c in sent if c is not m and c.kind in ("quantity", "count") and c.unit != "times"]
            before = [c for c in others if c.end <= m.start]
            after = [c for c in others if c.start >= m.end]
            pair: list[Claim] = []
            if before and after and comparable(before[-1], after[0]):
                pair = [before[-1], after[0]]
            elif len(before) >= 2 and comparable(before[-1], before[-2]):
                pair = [before[-2], before[-1]]
            if not pair or any(c.unit == "times" and c is not m and pair[0].start < c.start < m.start for c in sent):
                continue  # another multiple stands between: "2,034, more than three times the 611, and one in five"
            ia, ib = normalized(pair[0]), normalized(pair[1])
            if ia is None or ib is None or min(ia[0], ib[0]) <= 0:
                continue
            big, small = (ia, ib) if ia[1] >= ib[1] else (ib, ia)
            ratio_lo, ratio_hi = big[0] / small[1], big[1] / small[0]
            factor = m.multiplier if m.multiplier >= 1 else 1 / m.multiplier
            mlo = (float(m.low) if m.multiplier >= 1 else 1 / float(m.high)) * (1 - self.tolerance)
            mhi = (float(m.high) if m.multiplier >= 1 else 1 / float(m.low)) * (1 + self.tolerance)
            if mlo <= ratio_hi and ratio_lo <= mhi:
                continue
            expected = f"the figures give {ratio_lo:.2g} to {ratio_hi:.2g} times, not {factor:g}"
            yield self.finding([m, *pair], None, expected=expected, stated=m.text)


def _percent_changes(ctx: Context) -> dict[float, list[tuple[Claim, list[Claim]]]]:
    """Each figure in points or per cent, by its size, with the other percentage levels its sentence
    gives ("rose 1.2 points to 14.8%": 1.2 -> [14.8%]); one with no other level is left out."""
    out: dict[float, list[tuple[Claim, list[Claim]]]] = defaultdict(list)
    by_sentence: dict[tuple[str, tuple[int, int]], list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        by_sentence[(c.article, c.sentence)].append(c)
    for sent in by_sentence.values():
        levels = [c for c in sent if c.unit == "percent" and isinstance(c.value, (int, float))]
        for c in sent:
            if c.unit in ("percent", "percentage_point") and isinstance(c.value, (int, float)) and c.value:
                others = [x for x in levels if x is not c and not _overlap(x, c)]
                if others:
                    out[abs(float(c.value))].append((c, others))
    return out


def _relative_bands(points: Claim, level: Claim) -> list[tuple[float, float]]:
    """The per cent change that a change of `points` ending at `level` is, rising and falling, with the
    rounding of both ("1.2 points to 14.8%": 8.0% to 9.7% up, 7.2% to 7.9% down)."""
    p_lo, p_hi, l_lo, l_hi = (float(v) for v in (points.low, points.high, level.low, level.high))  # type: ignore[arg-type]
    out = []
    for sign in (-1.0, 1.0):  # from the level minus the change (a rise), or plus it (a fall)
        low_base, high_base = l_lo + sign * p_hi, l_hi + sign * p_lo
        if min(low_base, high_base) > 0:
            out.append((abs(p_lo) / max(low_base, high_base) * 100, abs(p_hi) / min(low_base, high_base) * 100))
    return out


def _change_triples(sent: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(starting level, new level, stated change) of a sentence: the levels attribution read as "from" and
    "to" ("rose 8% to £214m from £200m"), else a level set against another ("up 12% at 5,600, compared
    with 5,200"; "5,600, 12% higher than the 5,200"); the change is a percentage near both, else an amount
    of their unit with a direction ("rose by 1,200 to 5,600 from 4,500")."""
    befores = [c for c in sent if (c.attribute or "").endswith("(before)")]
    pairs: list[tuple[Claim, Claim]] = []
    for a in befores:
        # the level nearest the starting one, and the change nearest that level
        afters = [c for c in sent if (c.attribute or "").endswith("(after)") and dimension(c) == dimension(a)
                  and (c.entity == a.entity or abs(c.start - a.start) <= NEAR)]  # one clause names one thing
        after = min(afters, key=lambda c: (c.entity != a.entity, abs(c.start - a.start)), default=None)
        if after is not None:
            pairs.append((a, after))
    if not befores:
        pairs = _set_against(sent)
    for a, after in pairs:
        marked = ("(before)", "(after)")
        pcts = [c for c in sent if (c.kind == "percent" and c.unit in ("percent", "percentage_point")
                                    or c.unit == "times" and c.direction and dimension(a) != "percent")
                and not (c.attribute or "").endswith(marked) and c is not after and c is not a
                and (dimension(a) != "percent" or c.direction or c.unit == "percentage_point")]
        amounts = [c for c in sent if c.direction and c.unit == a.unit and c.kind == a.kind and dimension(a) != "percent"
                   and c is not a and c is not after and not (c.attribute or "").endswith(marked)]
        change = min(pcts or amounts, key=lambda c: abs(c.start - after.start), default=None)
        if change is None or max(abs(change.start - a.start), abs(change.start - after.start)) > NEAR:
            continue  # a change stands by its levels: "rose 9% to £214m from £200m", "from 7% to 5%, a drop of 2"
        yield a, after, change


_SHARE_FORM = re.compile(r"\s(?:in|out\s+of)\s", re.I)  # "one in five", "three out of four"
_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all|combined|altogether|together)\s+\Z", re.I)
_TOTAL_AFTER = re.compile(r"\s+(?:in\s+(?:total|all)|combined|altogether|all\s+told)\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s+\Z", re.I)  # "fell by a third": a change, not a multiple
_BASE_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|than(?:\s+the)?|versus|vs\.?"
    r"|on\s+(?:the\s+)?(?:(?:last|previous|prior)\s+(?:year|quarter|month|season)['’]s|year-earlier|previous|prior))\s+\Z",
    re.I)  # "5,600, compared with 5,200", "a 14% rise on last year's £380m"


def _set_against(sent: list[Claim]) -> list[tuple[Claim, Claim]]:
    """A level and the level it is set against ("5,600, compared with 5,200"; "12% higher than the 5,200";
    "5,600 in 2024 against 5,200 in 2023"): the starting level is the one after the comparison word."""
    out = []
    for base in sent:
        if not _plain_level(base) or not _BASE_BEFORE.search(_left(base)):
            continue
        levels = [c for c in sent if c is not base and c.unit == base.unit and c.kind == base.kind
                  and (c.attribute == base.attribute or base.attribute in ("amount", "count"))
                  and c.entity in (base.entity, None)
                  and not c.direction and c.end <= base.start and base.start - c.end <= NEAR]
        if levels:
            out.append((base, levels[-1]))
    return out


# "A year earlier it had been £2.9bn", "; a year before, they stood at": a level of the time before
_TIME_BACK = re.compile(r"\b(?:a|one|twelve\s+months|the\s+year)\s+(?:year\s+|quarter\s+|month\s+)?"
                        r"(?:earlier|before|ago|previously)\b[^.;%\d]*\Z", re.I)


def _year_before(sent: list[Claim], earlier: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(level a year before, new level, change): "Profit was £2.1bn, down 18%. A year earlier it had
    been £2.9bn." The new level is the last of that unit before (in the sentence or the one before it),
    the change a percentage beside it."""
    pool = [*earlier, *sent]
    for base in sent:
        if not _plain_level(base) or not _TIME_BACK.search(_left(base)):
            continue
        levels = [c for c in pool if c.end <= base.start and c.unit == base.unit and c.kind == base.kind
                  and not c.direction and c.entity in (base.entity, None)]
        if not levels:
            continue
        level = levels[-1]
        changes = [c for c in pool if c.sentence == level.sentence and c.kind == "percent" and c.unit == "percent"
                   and c.direction and abs(c.start - level.end) <= NEAR]
        if changes:
            yield base, level, min(changes, key=lambda c: abs(c.start - level.end))


def _plain_level(c: Claim) -> bool:
    """An amount or count with no change's direction: a level a change can start from."""
    return c.kind in ("quantity", "count") and dimension(c) != "percent" and not c.direction


def _apart(ia: tuple[float, float], ib: tuple[float, float]) -> tuple[float, float]:
    """How far apart two intervals are: the least and the most distance between a point of each."""
    return max(0.0, max(ib[0] - ia[1], ia[0] - ib[1])), max(abs(ib[1] - ia[0]), abs(ia[1] - ib[0]))


def _overlap(a: Claim, b: Claim) -> bool:
    lo_a, hi_a, lo_b, hi_b = (float(v) if isinstance(v, (int, float)) else 0.0 for v in (a.low, a.high, b.low, b.high))
    return lo_a <= hi_b and lo_b <= hi_a


def _levels(a: Claim, b: Claim) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """Two levels to compare: in their own unit when they share it ("from £20.0m to £21.4m" stays in
    pounds: converting each with the whole band of exchange rates would blur a 7% rise into -7% to
    +23%), else both normalised."""
    if a.unit == b.unit and all(isinstance(v, (int, float)) for v in (a.low, a.high, b.low, b.high)):
        return (float(a.low), float(a.high)), (float(b.low), float(b.high))
    return normalized(a), normalized(b)


def _sentences(ctx: Context) -> Iterator[tuple[list[Claim], list[Claim]]]:
    """Each sentence's claims, with the claims of the sentences just before it (LOOK_BACK characters),
    article by article."""
    for claims in ctx.by_article().values():
        ordered = sorted(claims, key=lambda c: c.start)  # a sentence's earlier claims found by bisection
        starts = [c.start for c in ordered]
        by_sentence: dict[tuple[int, int], list[Claim]] = defaultdict(list)
        for c in claims:
            by_sentence[c.sentence].append(c)
        for sent in by_sentence.values():
            begin = sent[0].sentence[0]
            earlier = ordered[bisect.bisect_left(starts, begin - LOOK_BACK) : bisect.bisect_left(starts, begin)]
            yield sent, [c for c in earlier if c.end <= begin]


@dataclass(frozen=True)
class Difference(Rule):  # noqa: D101 (docstring below)
    """A stated difference that the two figures it separates do not leave.

    Good: "won in 2:04:18, beating the record of 2:05:01 by 43 seconds". Bad: the same "by 34 seconds".
    """

    tolerance: float = option(0.05, "relative slack on a stated lead, margin or difference of amounts")
    tolerance_points: float = option(0.05, "percentage points allowed between a stated gap in points and the two rates")
    tolerance_days: int = option(0, "days a date may lie from where the count beside it puts it (\"20 March, 14 days later\")")

    kind: ClassVar[str] = "difference"
    default_message: ClassVar[str] = "{a_text} is not the difference of the figures it separates ({expected}; stated {stated})"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for sent, earlier in _sentences(ctx):
            yield from self._gaps(sent, earlier)
            yield from self._differences(sent)
            yield from self._comparisons(sent, earlier)
        yield from self._date_offsets(ctx)

    def _date_offsets(self, ctx: Context) -> Iterator[Finding]:
        """ "signed on 3 March and completed on 20 March, 14 days later": the count beside a date, read from
        the date before it (17 March), must fall on that date."""
        for claims in ctx.by_article().values():
            for c in claims:
                if c.kind != "date" or c.weekday is not None or c.labels is None or not (0 <= c.labels < len(claims)):
                    continue
                day = claims[c.labels]
                if day.kind != "date" or not (c.low and c.high and day.low and day.high):
                    continue
                slack = dt.timedelta(days=self.tolerance_days)
                lo, hi, day_lo, day_hi = (dt.date.fromisoformat(str(x)[:10]) for x in (c.low, c.high, day.low, day.high))
                if lo - slack <= day_hi and day_lo <= hi + slack:
                    continue
                expected = f"it is {c.low}" if c.low == c.high else f"it is {c.low} to {c.high}"
                yield self.finding([c, day], None, expected=f"counted from the date before, {expected}",
                                   stated=day.text)

    def _differences(self, sent: list[Claim]) -> Iterator[Finding]:
        """A stated lead, majority or margin against the two figures it separates ("a majority of 25,
        by 52 votes to 31": 21; "a lead of almost 57,000" over 308,610 and 261,647: about 47,000)."""
        for d in sent:
            beat = d.unit not in ("percent", "percentage_point") and _BEAT_BY.search(_left(d)) is not None
            if d.unit in ("percent", "percentage_point") or not (beat or _LEAD_BEFORE.search(_left(d))):
                continue
            others = sorted((c for c in sent if c is not d and c.kind == d.kind and comparable(c, d)
                             and c.unit == d.unit and not c.direction and isinstance(c.low, (int, float))
                             and (not beat or c.end <= d.start)),
                            key=lambda c: abs(c.start - d.start))[:2]
            if len(others) < 2 or not isinstance(d.low, (int, float)) or max(
                    abs(c.start - d.start) for c in others) > NEAR * 2:
                continue
            (ia, ib), said = _levels(*others), (float(d.low), float(d.high))
            if ia is None or ib is None:
                continue
            lo, hi = _apart(ia, ib)
            pad = max(hi, said[1]) * self.tolerance
            if said[0] - pad <= hi and lo <= said[1] + pad:
                continue
            expected = f"{others[0].text} and {others[1].text} are {_figure(lo)} to {_figure(hi)} apart"
            yield self.finding([d, *others], None, expected=expected, stated=d.text)

    def _gaps(self, sent: list[Claim], earlier: list[Claim]) -> Iterator[Finding]:
        """ "grew 17%, against 15.8% ..., a gap of more than 3 percentage points": the gap is 1.2 points;
        "49.6% ..., 17.2 points below the national figure of 64.8%": 15.2 points. A gap whose sentence
        gives no figure before it is between the last two of the sentences just before ("In London it was
        47.1%. In the North East, 28.9%. That is a gap of 16.2 points.")."""
        points = [c for c in sent if c.unit == "percentage_point"
                  and (GAP_WORDS.search(c.context or "") or _COMPARED_TO.match(_right(c)))]
        levels = [c for c in [*earlier, *sent] if c.unit == "percent" and isinstance(c.low, (int, float))]
        for pp in points:
            before = [c for c in levels if c.end <= pp.start]
            if any(c.sentence == pp.sentence for c in levels) or pp.direction:  # "improved 0.3 points to 7.1%"
                before = [c for c in before if c.sentence == pp.sentence]
            compared = _COMPARED_TO.match(_right(pp))
            after = [c for c in levels if c.start >= pp.end][:1] if compared else []
            if compared and len(before) == 1 and not after and _POINTS_BACK.match(_right(pp)[compared.end():]):
                # "Castlegate's 2.6% left it 2.5 points ahead of its closest rival", whose 1.1% came before
                before = [c for c in levels if c.sentence != pp.sentence and c.end <= pp.start][-1:] + before
            pair = before[-2:] if len(before) >= 2 else before[-1:] + after
            if len(pair) < 2:
                continue
            x, y = pair
            lo, hi = _apart((float(x.low), float(x.high)), (float(y.low), float(y.high)))
            if float(pp.low) - self.tolerance_points <= hi and lo <= float(pp.high) + self.tolerance_points:
                continue
            expected = f"{x.text} and {y.text} are {lo:.2g} to {hi:.2g} points apart"
            yield self.finding([pp, x, y], None, expected=expected, stated=pp.text)

    def _comparisons(self, sent: list[Claim], earlier: list[Claim]) -> Iterator[Finding]:
        """ "The 96 mph gust was 11 mph stronger than that ceiling" (of 90 mph, a sentence before): a
        difference written with a comparative, between the figure before it and the one after its "than"
        (else, when the comparison names no figure, "that ceiling", the last such figure before)."""
        for d in sent:
            m = _COMPARATIVE.match(_right(d))
            if m is None or d.kind not in ("quantity", "count") or d.unit in ("times", "year") \
                    or not isinstance(d.low, (int, float)):
                continue
            pair = _compared_pair(d, sent, earlier, _right(d)[m.end():])
            if pair is None:
                continue
            ia, ib = (_closed(c) for c in pair)
            lo, hi = _apart((float(ia.low), float(ia.high)), (float(ib.low), float(ib.high)))  # type: ignore[arg-type]
            said = (float(d.low), float(d.high))  # type: ignore[arg-type]
            pad = max(hi, said[1]) * self.tolerance
            if said[0] - pad <= hi and lo <= said[1] + pad:
                continue
            expected = f"{pair[0].text} and {pair[1].text} are {_figure(lo)} to {_figure(hi)} apart"
            yield self.finding([d, *pair], None, expected=expected, stated=d.text)


# "11 mph stronger than", "3,000 more than", "40 metres taller than", "£2m below": a difference by comparison
_COMPARATIVE = re.compile(
    r"\s*(?:(?:[a-z]+er|more|less|fewer)\s+than|above|below|ahead\s+of|behind|short\s+of)\b", re.I)
# "than that ceiling.", "than the forecast,": a comparison that names no figure points back to one
_POINTS_BACK = re.compile(r"\s*(?:that|this|the|its|their|his|her)(?:\s+[a-z-]+){1,2}\s*(?:[,.;:]|\Z)", re.I)


def _compared_pair(d: Claim, sent: list[Claim], earlier: list[Claim], rest: str) -> tuple[Claim, Claim] | None:
    """The two figures a comparative difference separates: the figure before it in its sentence, and the
    one after the comparison in the sentence or, when the comparison points back, the last one before."""
    def like(c: Claim) -> bool:
        return c is not d and c.unit == d.unit and c.kind == d.kind and isinstance(c.low, (int, float)) \
            and isinstance(c.high, (int, float))

    before = [c for c in sent if like(c) and c.end <= d.start and not c.direction]
    after = [c for c in sent if like(c) and c.start >= d.end and c.start - d.end <= NEAR]
    if not before:
        return None
    if after:
        return before[-1], after[0]
    back = [c for c in earlier if like(c)] if _POINTS_BACK.match(rest) else []
    return (before[-1], back[-1]) if back else None


@dataclass(frozen=True)
class Weekday(Rule):
    """A weekday written with a date that falls on another day.

    Good: "Monday, January 20, 2025". Bad: "Sunday, January 27, 2025".
    """

    kind: ClassVar[str] = "weekday"
    default_message: ClassVar[str] = "{a_text} does not match {b_text}, which is a {expected}"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for claims in ctx.by_article().values():
            for c in claims:
                if c.weekday is None or c.labels is None or not (0 <= c.labels < len(claims)):
                    continue
                target = claims[c.labels]
                if target.kind != "date" or not target.low or target.low != target.high:
                    continue
                day = dt.date.fromisoformat(str(target.low))
                if day.weekday() != c.weekday:
                    yield self.finding([c, target], None, expected=day.strftime("%A"), stated=c.text)


@dataclass(frozen=True)
class Corroboration(Rule):
    """Facts that several independent sources give alike (or, if `single_source`, that one source alone gives)."""

    min_sources: int = option(2, "how many sources must give a fact alike for it to count as corroborated")
    single_source: bool = option(False, "true: report the facts that one source alone gives, instead")

    kind: ClassVar[str] = "corroboration"
    default_message: ClassVar[str] = "{entity} {attribute} ({period}): given by {count} sources alike ({sources})"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for fact in ctx.facts:
            sources = {c.source or c.article for c in fact.claims}
            if self.single_source:
                if len(sources) == 1:
                    yield self.finding(list(fact.claims), fact, sides=[0] * len(fact.claims), count=1)
                continue
            rel = 0.0 if fact.claims[0].kind == "date" else 0.01
            if len(sources) >= self.min_sources and len(_clusters(fact.claims, rel, 0.0)) == 1:
                yield self.finding(list(fact.claims), fact, sides=[0] * len(fact.claims), count=len(sources))


KINDS: dict[str, type[Rule]] = {
    k.kind: k for k in (FigureConflict, DateConflict, Conversion, UnitConversion, Arithmetic, Difference, Weekday,
                        Corroboration)
}
COMMON_KEYS = ("id", "kind", "description", "severity", "message", "enabled")


# --- loading and validation -------------------------------------------------------------------

_loc = loc
_suggest = suggest
_scalar = value_of


def _check_value(path: str, key: str, node: yaml.Node, default: Any, problems: list[str],
                 choices: tuple[str, ...] = ()) -> Any:
    value = _scalar(node)
    where = _loc(path, node)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            problems.append(f"{where}: '{key}' must be true or false, not {value!r}")
            return None
    elif isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{where}: '{key}' must be a number, not {value!r}")
            return None
        if value < 0:
            problems.append(f"{where}: '{key}' must not be negative")
            return None
        value = type(default)(value) if isinstance(default, float) else value
        if isinstance(default, int) and not isinstance(value, int):
            problems.append(f"{where}: '{key}' must be a whole number, not {value!r}")
            return None
    elif isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{where}: '{key}' must be a list of names")
            return None
        value = tuple(value)
    elif isinstance(default, str) or default is None:
        if not isinstance(value, str):
            problems.append(f"{where}: '{key}' must be text, not {value!r}")
            return None
    bad = [v for v in (value if isinstance(value, tuple) else (value,)) if choices and v not in choices]
    if bad:
        problems.append(f"{where}: {key} must be one of {', '.join(choices)}, not {bad[0]!r}"
                        f"{_suggest(str(bad[0]), choices)}")
        return None
    return value


def _check_template(path: str, node: yaml.Node, template: str, problems: list[str]) -> None:
    problems.extend(f"{_loc(path, node)}: 'message' {p}" for p in template_problems(template))


def template_problems(template: str) -> list[str]:
    """What is wrong with a message template. A field is one of TEMPLATE_FIELDS written `{name}`, alone:
    no attribute, index, conversion or format specification (a rule file is data, not code)."""
    try:
        parsed = list(string.Formatter().parse(template))  # a parser only: nothing is looked up or run
    except ValueError as exc:
        return [f"is not a valid template ({exc}; write {{{{ and }}}} for a literal brace)"]
    problems = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        written = _as_written(name, spec, conversion)
        base = re.split(r"[.\[]", name)[0]
        if base not in TEMPLATE_FIELDS:
            shown = f"'{{{base}}}'" if base else f"'{written}' (a field needs a name)"
            problems.append(f"uses unknown field {shown}{_suggest(base, TEMPLATE_FIELDS)}"
                            f" (fields: {', '.join(TEMPLATE_FIELDS)})")
        elif base != name or spec or conversion is not None:
            problems.append(f"field '{written}' must be written '{{{base}}}' alone: no attribute, index, conversion "
                            "or format specification")
    return problems


def render_template(template: str, values: dict[str, object]) -> str:
    """The message with each `{field}` replaced by its value. Anything else in braces is kept as written:
    Python's format language never runs on a template, since rule files come from anyone."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return template
    out: list[str] = []
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if name in values and not spec and conversion is None:
            out.append(str(values[name]))
        else:
            out.append(_as_written(name, spec, conversion))
    return "".join(out)


def _as_written(name: str, spec: str | None, conversion: str | None) -> str:
    """A template field as the template spells it: `{name!r:>10}`."""
    return "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"


def options(cls: type[Rule]) -> dict[str, dataclasses.Field[Any]]:
    """The keys a rule of this kind accepts, common ones first, each with its default and its doc."""
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "origin"} | {"kind": _KIND_FIELD}
    return {k: fields[k] for k in [*COMMON_KEYS, *fields] if k in fields}


_KIND_FIELD: dataclasses.Field[Any] = field(default="", metadata={  # type: ignore[arg-type,assignment]
    "doc": "which kind of rule this is; it decides which other keys the rule takes", "choices": ()})


def _entries(path: str, node: yaml.MappingNode, problems: list[str]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            problems.append(f"{_loc(path, k)}: a key must be a name, not a list or mapping")
        elif k.value in out:
            problems.append(f"{_loc(path, k)}: '{k.value}' is given twice (first on line {out[k.value][0].start_mark.line + 1})")
        else:
            out[k.value] = (k, v)
    return out


def _build_rule(path: str, node: yaml.Node, problems: list[str]) -> Rule | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{_loc(path, node)}: a rule must be a mapping of keys (id, kind, ...)")
        return None
    before = len(problems)
    entries = _entries(path, node, problems)
    if "kind" not in entries:
        problems.append(f"{_loc(path, node)}: rule has no 'kind' (one of: {', '.join(KINDS)})")
        return None
    kind_name = _scalar(entries["kind"][1])
    cls = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if cls is None:
        problems.append(
            f"{_loc(path, entries['kind'][1])}: unknown kind {kind_name!r}{_suggest(str(kind_name), KINDS)}"
            f" (kinds: {', '.join(KINDS)})"
        )
        return None
    fields = options(cls)
    values: dict[str, Any] = {}
    for key, (knode, vnode) in entries.items():
        if key == "kind":
            continue
        if key not in fields:
            problems.append(f"{_loc(path, knode)}: unknown key '{key}'{_suggest(key, fields)} for kind '{kind_name}'")
            continue
        if key == "examples":
            values[key] = parse_block(path, vnode, problems)
            continue
        f = fields[key]
        default = f.default if f.default is not dataclasses.MISSING else ""
        value = _check_value(path, key, vnode, default, problems, f.metadata.get("choices", ()))
        if value is None:
            continue
        if key == "message":
            _check_template(path, vnode, value, problems)
        values[key] = value
    if "id" not in values and "id" not in entries:
        problems.append(f"{_loc(path, node)}: rule has no 'id'")
    elif "id" in values and not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", values["id"]):
        problems.append(f"{_loc(path, entries['id'][1])}: id {values['id']!r} must be lower-case letters, digits, - _ .")
    if len(problems) > before:
        return None
    return cls(origin=f"{path}:{node.start_mark.line + 1}", **values)


def _origin_file(rule: Rule) -> str:
    return rule.origin.rpartition(":")[0]


def load_rule_file(path: Path, problems: list[str], seen: set[Path] | None = None,
                   replaced: list[tuple[Rule, Rule]] | None = None) -> list[Rule]:
    """The rules of one file (and of the files it `extends`), with their examples (inline, or from the
    sibling NAME.examples.yaml), appending every problem found; `replaced` collects (earlier rule,
    the rule of the same id that replaced it)."""
    chain = set(seen or ())
    shown = str(path)
    replaced = replaced if replaced is not None else []
    if path.resolve() in chain:
        problems.append(f"{shown}:1:1: extends itself (a loop of 'extends')")
        return []
    chain.add(path.resolve())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{shown}:1:1: cannot read the rule file ({exc})")
        return []
    root = compose_text(text, shown, problems)
    if root is None:
        if not text.strip():
            problems.append(f"{shown}:1:1: the rule file is empty (expected a 'rules:' list)")
        return []
    if not isinstance(root, yaml.MappingNode):
        problems.append(f"{_loc(shown, root)}: expected a mapping with a 'rules:' list at the top")
        return []
    top = _entries(shown, root, problems)
    rules: list[Rule] = []
    for key, (knode, _) in top.items():
        if key not in ("rules", "extends"):
            problems.append(f"{_loc(shown, knode)}: unknown top-level key '{key}'{_suggest(key, ['rules', 'extends'])}")
    if "extends" in top:
        rules = _extends(path, top["extends"][1], problems, chain, replaced)
    if "rules" not in top:
        problems.append(f"{shown}:1:1: no 'rules:' list")
        return rules
    seq = top["rules"][1]
    if not isinstance(seq, yaml.SequenceNode):
        problems.append(f"{_loc(shown, seq)}: 'rules' must be a list")
        return rules
    by_id = {r.id: r for r in rules}
    ids: dict[str, str] = {}
    for item in seq.value:
        declared = _declared_id(item)
        duplicate = declared is not None and declared in ids
        if duplicate:
            problems.append(f"{_loc(shown, item)}: duplicate id '{declared}' (first at {ids[str(declared)]})")
        elif declared is not None:  # even a rule with errors: its duplicates and its examples are still checked
            ids[declared] = f"{shown}:{item.start_mark.line + 1}"
        rule = _build_rule(shown, item, problems)  # a duplicate too, so that all its problems show at once
        if rule is None or duplicate:
            continue
        _put(by_id, rule, replaced)
    return _with_sibling_examples(path, list(by_id.values()), set(ids), problems)


def _put(by_id: dict[str, Rule], rule: Rule, replaced: list[tuple[Rule, Rule]]) -> None:
    """Add a rule; one of the same id already there is replaced (and noted), and the new one goes last."""
    old = by_id.pop(rule.id, None)
    if old is not None:
        replaced.append((old, rule))
    by_id[rule.id] = rule


def _declared_id(node: yaml.Node) -> str | None:
    """The `id` a rule mapping gives, if it gives one as text."""
    if not isinstance(node, yaml.MappingNode):
        return None
    value = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "id"), None)
    return value.value if isinstance(value, yaml.ScalarNode) and isinstance(_scalar(value), str) else None


def _extends(path: Path, node: yaml.Node, problems: list[str], chain: set[Path],
             replaced: list[tuple[Rule, Rule]]) -> list[Rule]:
    """The rules of the files named by `extends` ("default" is the default pack), in order."""
    shown = str(path)
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    by_id: dict[str, Rule] = {}
    for item in items:
        name = _scalar(item) if isinstance(item, yaml.ScalarNode) else None
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{_loc(shown, item)}: extends must name a rule file (or 'default'), or a list of them")
            continue
        target = (path.parent / name) if name != "default" else default_rules_dir() / "default.yaml"
        if not target.is_file():
            problems.append(f"{_loc(shown, item)}: extends {name!r}, which is not a file")
            continue
        for rule in load_rule_file(target, problems, chain, replaced):
            _put(by_id, rule, replaced)
    return list(by_id.values())


def _with_sibling_examples(path: Path, rules: list[Rule], own: set[str], problems: list[str]) -> list[Rule]:
    """Attach the examples of NAME.examples.yaml to the rules this file defines (not those it extends)."""
    ex_path = sibling_file(path)
    if not ex_path.is_file():
        return rules
    by_id = load_examples_file(ex_path, problems)
    for rule_id, (knode, _) in by_id.items():
        if rule_id not in own:
            where = _loc(str(ex_path), knode) if knode is not None else f"{ex_path}:1:1"
            problems.append(f"{where}: examples for rule '{rule_id}', which {path} does not define"
                            f"{_suggest(rule_id, own)}")
    return [dataclasses.replace(r, examples=(*r.examples, *by_id[r.id][1])) if r.id in by_id and r.id in own else r
            for r in rules]


def _not_a_rule_file(path: Path) -> str | None:
    """Why a YAML file found or given among rule paths is not loaded as rules (None: it is a rule file;
    "": it is read otherwise, as data or as the examples of its rule file)."""
    if path.name in DATA_FILES:
        return ""  # data, read over the default pack's
    if is_examples_file(path):
        rule_file = path.with_name(path.name.replace(".examples", "", 1))
        if rule_file.is_file():
            return ""  # read with its rule file
        return f"{path}:1:1: examples file with no rule file beside it (expected {rule_file.name})"
    return None


def rule_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path], list[str]]:
    """The rule files among `paths` (files, or folders searched recursively), the data files among
    them (aliases.yaml, hedges.yaml...: read over the default pack's, which are not counted again),
    and problems for the rest."""
    files: list[Path] = []
    data: list[Path] = []
    problems: list[str] = []
    default_dir = default_rules_dir().resolve()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(path).parts))
        elif path.is_file():
            found = [path]
        else:
            problems.append(f"{path}: no such rule file or folder")
            continue
        kept = [f for f in found if _not_a_rule_file(f) is None]
        why = [w for f in found if (w := _not_a_rule_file(f))]
        datafiles = [f for f in found if f.name in DATA_FILES]
        data += [f for f in datafiles if f.resolve().parent != default_dir]
        problems += why
        if not kept and not why and not datafiles:
            problems.append(f"{path}: no rule files (.yaml) in this folder" if path.is_dir() else
                            f"{path}:1:1: not a rule file ({path.name} is read with its rule file); give a rule file")
        files += kept
    return files, data, problems


@dataclass(frozen=True)
class Pack:
    """What is loaded: the rules in force, and every rule that a later one of the same id replaced."""

    rules: tuple[Rule, ...]
    replaced: tuple[tuple[Rule, Rule], ...]  # (earlier rule, the rule that replaced it)
    data: DataFiles = NO_DATA  # data files among the paths given, read over the default pack's

    def replaced_by(self, rule: Rule) -> Rule | None:
        return self._links[0].get(id(rule))

    def replaces(self, rule: Rule) -> list[Rule]:
        return self._links[1].get(id(rule), [])

    @functools.cached_property
    def _links(self) -> tuple[dict[int, Rule], dict[int, list[Rule]]]:
        """Both directions of `replaced` by rule identity, built once (a pack may hold many thousand rules)."""
        newer: dict[int, Rule] = {}
        older: dict[int, list[Rule]] = defaultdict(list)
        for old, new in self.replaced:
            newer.setdefault(id(old), new)
            older[id(new)].append(old)
        return newer, dict(older)


def load_pack(extra: Sequence[str | Path] = (), include_default: bool = True) -> Pack:
    """The default pack plus `extra` files or folders; a later rule with the same id replaces the
    earlier. Data files among `extra` (aliases.yaml, hedges.yaml...) are read over the default
    pack's; they and the default pack's own are validated too, so every problem is found in one go.

    Raises RuleError with every problem found, each as `path:line:col: message`.
    """
    paths: list[str | Path] = [default_rules_dir() / "default.yaml"] if include_default else []
    paths += list(extra)
    files, data_paths, problems = rule_files(paths)
    files = list({f.resolve(): f for f in files[::-1]}.values())[::-1]  # read once, where its rules win
    rules: dict[str, Rule] = {}
    replaced: list[tuple[Rule, Rule]] = []
    for f in files:
        for rule in load_rule_file(f, problems, replaced=replaced):
            _put(rules, rule, replaced)
    data = DataFiles.of(data_paths)
    problems.extend(validate_data_files(extra=data))
    if problems:
        raise RuleError(problems)
    return Pack(tuple(rules.values()), tuple(replaced), data)


def load_data(extra: Sequence[str | Path] = ()) -> DataFiles:
    """The data files among `extra` (rule files or folders), validated with the default pack's, for
    a run that applies no rule; RuleError with every problem found."""
    _, data_paths, problems = rule_files(extra)
    data = DataFiles.of(data_paths)
    problems.extend(validate_data_files(extra=data))
    if problems:
        raise RuleError(problems)
    return data


def load_rules(extra: Sequence[str | Path] = (), include_default: bool = True) -> list[Rule]:
    """The rules in force: the default pack plus `extra` files or folders (see load_pack).

    Raises RuleError with every problem found, each as `path:line:col: message`.
    """
    return list(load_pack(extra, include_default).rules)


def apply_rules(rules: Sequence[Rule], claims: Sequence[Claim], facts: Sequence[Fact]) -> list[Finding]:
    """Every enabled rule's findings, most severe first; one finding per fingerprint."""
    ctx = Context(tuple(claims), tuple(facts))
    seen: dict[str, Finding] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        for finding in rule.evaluate(ctx):
            seen.setdefault(finding.fingerprint, finding)
    return sorted(seen.values(), key=lambda f: (-SEVERITY_RANK[f.severity], f.rule, f.fact, f.fingerprint))


__all__ = ["KINDS", "Pack", "Rule", "RuleError", "apply_rules", "load_data", "load_pack", "load_rules", "options"]
