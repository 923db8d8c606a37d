"""The typed records that flow through the pipeline: Article -> Claim -> Fact -> Finding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FIRST_YEAR, LAST_YEAR = 1000, 2999  # a year outside these is not read as a date (in text or front matter)


@dataclass(frozen=True)
class Article:
    """One article: its body text (front matter removed) and what the front matter said."""

    id: str  # the path as given on the command line, or the record id for .jsonl
    path: str  # the file it came from
    body: str  # offsets of every claim point into this string
    source: str = ""
    title: str = ""
    published: dt.date | None = None
    url: str = ""
    line: int = field(default=0, compare=False)  # the line of `path` the article starts on (.jsonl: its record's line); 0 when unknown (.html)
    verbatim: bool = False  # the body is the file's text from `line` on: a claim's offset gives its line and column

    @property
    def where(self) -> str:
        """Where to point a reader: `file:line` for a .jsonl record, the file otherwise."""
        return f"{self.path}:{self.line}" if self.line and not self.verbatim else self.path


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input that did not stop the run (an unreadable file, bad front matter...)."""

    path: str
    message: str
    level: str = "skipped"  # "skipped": the article was not checked; "warning": checked, but something is off

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Claim:
    """A figure or a date found in an article, as an interval.

    Field names follow the JSON contract (see `to_json`); the extra fields help attribution and rules.
    """

    article: str
    source: str
    published: str | None
    kind: str  # quantity, percent, count, date
    text: str
    start: int
    end: int
    value: float | str | None
    low: float | str | None
    high: float | str | None
    unit: str = ""
    noun: str = ""
    qualifier: str = "exact"
    direction: str | None = None
    entity: str | None = None
    attribute: str | None = None
    period: str | None = None
    # beyond the contract
    granularity: str = ""  # dates: day, week, month, quarter, half, year
    resolved: bool = True  # dates: False when a relative date had no publication date to anchor it
    weekday: int | None = None  # a weekday word (0 = Monday) labelling a date claim
    labels: int | None = None  # index (in the article's claims) of the date a weekday word labels
    multiplier: float | None = None  # "twice" -> 2, "half" -> 0.5, "1% of" -> 0.01
    ambiguous: str = ""  # e.g. "¥: CNY or JPY"
    sentence: tuple[int, int] = (0, 0)  # the span of the sentence the claim stands in
    period_source: str = ""  # explicit, event, published, none
    context: str = ""  # words around the claim, used by attribution
    before: str = ""  # the text since the previous claim, when that is at most 80 characters
    scope: tuple[tuple[str, str], ...] = ()  # (group, word) narrowing what the figure covers: ("sex", "women's")

    def to_json(self) -> dict[str, object]:
        """The claim as the JSON contract names it (extended with a few optional fields)."""
        return {
            "article": self.article,
            "source": self.source,
            "published": self.published,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "noun": self.noun,
            "qualifier": self.qualifier,
            "direction": self.direction,
            "entity": self.entity,
            "attribute": self.attribute,
            "period": self.period,
            "granularity": self.granularity or None,
            "resolved": self.resolved,
            "multiplier": self.multiplier,
            "ambiguous": self.ambiguous or None,
            "period_source": self.period_source or None,
        }


@dataclass(frozen=True)
class Fact:
    """Claims from one or more articles that speak of the same entity, attribute and period."""

    id: str
    entity: str
    attribute: str
    period: str
    claims: tuple[Claim, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source or c.article for c in self.claims}))


BOTH_SIDES = -1  # the "side" of a hedged figure that fits both sides of a figure conflict ("about 110 km")

@dataclass(frozen=True)
class Finding:
    """A rule's verdict on some claims: a conflict (error/warning) or a note (info)."""

    fingerprint: str
    rule: str
    severity: str  # error, warning, info
    message: str
    claims: tuple[Claim, ...]
    status: str = "open"  # open, confirmed, dismissed, fixed
    fact: str = ""  # entity / attribute / period, for display
    sides: tuple[int, ...] = ()  # for each claim, which side of the disagreement it stands on (BOTH_SIDES: fits both)
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def pair(self) -> tuple[Claim, Claim | None]:
        """The first claim of each side of the disagreement (the two passages to show side by side)."""
        a = self.claims[0]
        sides = self.sides or tuple(range(len(self.claims)))
        b = next((c for c, side in zip(self.claims, sides) if side != sides[0]), None)
        return a, b

    def to_json(self, most: int | None = None) -> dict[str, object]:
        """The finding as JSON. With `most`, `claims` (and `sides`, which goes with it) lists at most that
        many claims (`listed`), so that a fact of 10^4 claims does not repeat them all in each of its
        findings; `claims_total` and `figures` (each side's distinct figures with how many claims give
        each) always describe all of them."""
        sides = self.sides or tuple(range(len(self.claims)))
        kept = self.listed(most)
        counts: dict[tuple[int, str], int] = {}
        for c, side in zip(self.claims, sides):
            counts[(side, c.text)] = counts.get((side, c.text), 0) + 1
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "severity": self.severity,
            "status": self.status,
            "message": self.message,
            "fact": self.fact,
            "claims": [self.claims[i].to_json() for i in kept],
            "sides": [sides[i] for i in kept],
            "claims_total": len(self.claims),
            "figures": [{"side": side, "text": text, "count": n} for (side, text), n in counts.items()],
        }

    def listed(self, most: int | None) -> list[int]:
        """The indexes of the claims to list, in order: all of them, or `most`: the first claim of each
        side (the passages shown), then the first of each distinct figure, then the rest in order."""
        if most is None or len(self.claims) <= most:
            return list(range(len(self.claims)))
        sides = self.sides or tuple(range(len(self.claims)))
        first_of_side: dict[int, int] = {}
        first_of_figure: dict[tuple[int, str], int] = {}
        for i, (c, side) in enumerate(zip(self.claims, sides)):
            first_of_side.setdefault(side, i)
            first_of_figure.setdefault((side, c.text), i)
        order = [*first_of_side.values(), *sorted(first_of_figure.values()), *range(len(self.claims))]
        return sorted(list(dict.fromkeys(order))[:most])
