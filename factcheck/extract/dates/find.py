"""Finding the date mentions of a text: the scan tries the table of forms at each position (in table
order), reads the words before each match, lets the form's handler read it, then links weekday words to
the dates they stand next to and reads "from X to Y" and "between X and Y" as ranges."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.core.records import FIRST_YEAR, LAST_YEAR
from factcheck.extract.dates.calendar import add_months, iso_day
from factcheck.extract.dates.draft import Raw, apply_prefix, read_prefix
from factcheck.extract.dates.forms import date_forms
from factcheck.extract.dates.handlers import LABEL_AFTER, shifted
from factcheck.extract.dates.words import NUMBER_WORD, count

PREFIX_REACH = 40  # characters read before a match for its qualifier, modifier and context words
LABEL_DAY_REACH = 3  # a weekday labels the day within this many days of its date's (else the other way)


@dataclass(frozen=True)
class DateMention:
    """One date mention: `text == source[start:end]`, standing for the days `low..high` (inclusive).

    `granularity` is day, week, month, quarter, half, season, year or decade; `value` is the ISO
    form at that granularity ("2025-01-20", "2024-05", "2025", "1990s") or None for weeks,
    quarters, halves, seasons and spans. `relative` mentions needed the anchor; without one they
    are `resolved=False` with `low`/`high`/`value` None. A weekday word written next to a date
    ("Saturday, January 17") is its own mention whose `labels` is the index of that date in the
    returned list and whose `low == high` is the day with that weekday nearest the date.
    `qualifier` is exact, approx, at_most ("by March") or at_least ("since 2017").
    """

    start: int
    end: int
    text: str
    low: dt.date | None
    high: dt.date | None
    granularity: str
    value: str | None
    relative: bool = False
    resolved: bool = True
    weekday: int | None = None
    labels: int | None = None
    qualifier: str = "exact"



def _scan(text: str, anchor: dt.date | None, passed: list[tuple[str, int, int]] | None = None) -> list[Raw]:
    """Every mention the forms read, in text order: at each position the first form whose pattern matches
    (in table order) and whose handler accepts it; a form without a handler passes its text over (noted
    in `passed` when given)."""
    out: list[Raw] = []
    pos = 0
    forms = date_forms()
    search, by_name = forms.scan.search, forms.by_name
    while True:
        m = search(text, pos)
        if m is None:
            break
        form = by_name[m.lastgroup or ""]
        s, e = m.span()
        if form.handler is None:
            if passed is not None:
                passed.append((form.name, s, e))
            pos = e
            continue
        prev = out[-1] if out else None
        pre = read_prefix(text, max(prev.end if prev else 0, s - PREFIX_REACH), s)
        try:
            r = form.handler(m, text, anchor, pre, prev)
            if r is not None:
                apply_prefix(r, pre, anchor)
        except (ValueError, OverflowError):
            r = None
        if r is not None and not _in_years(r):
            pos = r.end  # "on January 3, 0001": not a date, nor is "January 3" inside it
            continue
        if r is None:
            pos = e if form.passes_over else s + 1
            continue
        r.form = form.name
        out.append(r)
        pos = max(e, r.end)  # a handler may read on past its pattern ("the fourth quarter of the 2024-25 ...")
    return _own_forms(text, anchor, out) if forms.own else out


def _own_forms(text: str, anchor: dt.date | None, out: list[Raw]) -> list[Raw]:
    """The mentions of the forms searched on their own, merged in text order: each where the scan read
    nothing, or over mentions of the scan it holds whole ("june of 2015" over "2015")."""
    for form in date_forms().own:
        for m in form.pattern.finditer(text):
            s, e = m.span()
            if form.handler is None or any(r.start < e and s < r.end for r in out):
                continue
            pre = read_prefix(text, max(0, s - PREFIX_REACH), s)
            try:
                r = form.handler(m, text, anchor, pre, None)
            except (ValueError, OverflowError):
                r = None
            if r is None or not _in_years(r):
                continue
            apply_prefix(r, pre, anchor)
            r.form = form.name
            inside = [x for x in out if x.start < r.end and r.start < x.end]
            if all(r.start <= x.start and x.end <= r.end for x in inside):
                out = sorted([*(x for x in out if x not in inside), r], key=lambda x: x.start)
    return out


def _in_years(r: Raw) -> bool:
    """Whether the mention lies within the years read as dates (FIRST_YEAR to LAST_YEAR)."""
    return all(FIRST_YEAR <= d.year <= LAST_YEAR for d in (r.low, r.high) if d is not None)


def _agree(d: Raw, wd: int, anchor: dt.date | None, booked: bool = False) -> None:
    """A year-less day ("Monday, March 3") whose weekday does not fit the year its tense chose keeps
    that year, the nearest to publication the tense allows ("The plant closed on Friday, 6 March";
    "the consultation closes on Friday, 30 April"), and the weekday rule warns. With no tense, the
    weekday picks between the years within half a year of the anchor; a date booked "for" ("has
    called an election for Thursday, July 4") takes the nearest year that fits."""
    if anchor is None or d.low is None or d.low.weekday() == wd:
        return
    fits: list[dt.date] = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            c = d.low.replace(year=y)
        except ValueError:
            continue
        if c.weekday() == wd:
            fits.append(c)
    if d.tense == "past" and not booked and (anchor - d.low).days > HALF_YEAR:
        fits = [c for c in _same_day_back(d.low, anchor) if c.weekday() == wd]
        if fits:  # "met her on Friday, June 12", written in March 2025: a past day far back is the last that fits
            d.low = d.high = fits[0]
            d.value = iso_day(fits[0])
        return
    if d.tense and not booked:
        return  # the tense chose the year nearest to publication: a weekday that does not fit is an error to flag
    pool = [c for c in fits if abs((c - anchor).days) <= HALF_YEAR] if not booked else fits
    if pool:
        best = min(pool, key=lambda c: abs((c - anchor).days))
        d.low = d.high = best
        d.value = iso_day(best)


def _same_day_back(day: dt.date, anchor: dt.date) -> list[dt.date]:
    """The same month and day in the years before `day`'s, back to WEEK_CYCLE_YEARS before the anchor, latest
    first (every weekday comes round within them)."""
    out = []
    for y in range(day.year - 1, anchor.year - WEEK_CYCLE_YEARS - 1, -1):
        try:
            out.append(day.replace(year=y))
        except ValueError:
            continue
    return out


WEEK_CYCLE_YEARS = 11  # a month and day falls on each weekday within this many years (leap days: 28)
HALF_YEAR = 183  # days: how far from publication a year-less day with no tense may be moved to fit its weekday
_BOOKED = re.compile(r"\bfor\s+$", re.I)  # "an election for Thursday, July 4"
_LABEL_BEFORE = re.compile(r",?\s*(?:the\s+)?\Z")


def _label(raws: list[Raw], text: str, anchor: dt.date | None = None) -> None:
    """Link weekday words to the calendar dates they stand next to."""
    for i, w in enumerate(raws):
        if w.kind != "WD" or w.weekday is None:
            continue
        target = -1
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        prv = raws[i - 1] if i else None
        if nxt is not None and nxt.calendar_day and _LABEL_BEFORE.match(text, w.core[1], nxt.start):
            target = i + 1
        elif prv is not None and prv.calendar_day and prv.labels is None and \
                LABEL_AFTER.match(text, prv.end, w.core[0]):
            target = i - 1
        if target < 0:
            continue
        d = raws[target]
        if d.yearless:
            _agree(d, w.weekday, anchor, _BOOKED.search(text, max(0, w.start - 6), w.start) is not None)
        if w.qualifier != "exact" and d.qualifier == "exact" and target > i:
            d.qualifier = w.qualifier
        w.start, w.end = w.core
        w.qualifier = "exact"
        w.labels = target
        w.relative = d.relative
        w.low = w.high = None
        w.value = None
        if d.low is not None:
            off = (w.weekday - d.low.weekday()) % 7
            if off > LABEL_DAY_REACH:
                off -= 7
            try:
                w.low = w.high = d.low + dt.timedelta(days=off)
                w.value = iso_day(w.low)
            except OverflowError:
                w.low = w.high = None


_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|[-–])\s*\Z")
_RANGE_BETWEEN = re.compile(r"\s*and\s*\Z")


def _ranges(raws: list[Raw], text: str) -> list[Raw]:
    """ "from May to September", "between 2019 and 2023", "14 January to 8 March": one span, from the
    first end's start to the second's end."""
    out: list[Raw] = []
    for y in raws:
        x = out[-1] if out else None
        if x is None or y.qual_word or not _joinable(x, y):
            out.append(y)
            continue
        between = x.qual_word == "between" and _RANGE_BETWEEN.match(text, x.end, y.start)
        spans = not x.qual_word and _RANGE_TO.match(text, x.end, y.start)
        if not (between or spans):
            out.append(y)
            continue
        out[-1] = Raw(x.start, y.end, "RANGE", x.low, y.high, x.gran, None, relative=x.relative or y.relative,
                      form=x.form, ctx_word=x.ctx_word)
    return out


_SPAN_TO = re.compile(r"\b(?:year|years|months|weeks|quarters|days)\s+(?:ended\s+|ending\s+|up\s+)?to\s+\Z", re.I)


_PART_TO = re.compile(r"\b(?P<u>quarter|half)\s+(?:ended\s+|ending\s+)?(?:to|through)\s+\Z", re.I)


def _ends_of_spans(raws: list[Raw], text: str) -> None:
    """ "in the three months to February", "the year to March": the date ends the span the figure covers, at
    most that date ("the year ended March 31" names its last day: exact); "the quarter to June" is the quarter
    that ends with June."""
    for r in raws:
        if r.qualifier != "exact" or r.qual_word:
            continue
        part = _PART_TO.search(text, max(0, r.start - 30), r.start) if r.gran == "month" and r.low else None
        if part is not None and r.low is not None and r.high is not None:
            n = 3 if part["u"].lower() == "quarter" else 6
            r.start, r.low, r.gran, r.value = part.start(), add_months(r.low, 1 - n), part["u"].lower(), None
        elif _SPAN_TO.search(text, max(0, r.start - 40), r.start):
            r.qualifier, r.qual_word = "at_most", "to"


_OFFSET = re.compile(rf"(?<![\w$€£¥.,])(?P<n>\d{{1,3}}|{NUMBER_WORD}|[Aa]n?|[Aa]\s+few|[Ss]everal)\s+"
                     r"(?P<u>day|week|month|year)s?\s+\Z")
OFFSET_REACH = 30  # characters before "after March 3" read for its count of units ("10 days")


def _offsets(raws: list[Raw], text: str) -> list[Raw]:
    """ "10 days after March 3", "two weeks before the 2024 vote": the date moved by that much, one
    mention from the count to the date's end."""
    out = []
    for r in raws:
        m = _OFFSET.search(text, max(0, r.start - OFFSET_REACH), r.start) if r.qual_word in ("after", "before") \
            and r.low is not None and r.high is not None else None
        n = count(m["n"]) if m else None
        if m is None or n is None:
            out.append(r)
            continue
        moved = shifted(r, m["u"], n, -1 if r.qual_word == "after" else 1)
        moved.start, moved.form, moved.ctx_word, moved.kind = m.start(), r.form, r.ctx_word, "OFFSET"
        out.append(moved)
    return out


_APPOSITION = re.compile(r"\s*,\s*\Z")


def _appositions(raws: list[Raw], text: str) -> None:
    """ "signed on March 3 and completed on March 20, 14 days later": the count set beside a date says how far
    that date lies from the one before it; it is read from that one and labels the date it stands beside
    (the difference rule checks that the two agree)."""
    for i in range(2, len(raws)):
        r, day, base = raws[i], raws[i - 1], raws[i - 2]
        if r.kind != "LATER" or r.offset is None or day.low is None or base.low is None or base.high is None \
                or day.labels is not None or base.labels is not None or not _APPOSITION.match(text, day.end, r.start):
            continue
        unit, n, sign = r.offset
        moved = shifted(base, unit, n, sign)
        r.low, r.high, r.value, r.qualifier, r.labels = moved.low, moved.high, moved.value, moved.qualifier, i - 1


def _joinable(x: Raw, y: Raw) -> bool:
    """Two mentions, neither a weekday word, both resolved (the second ending after the first) or both
    not (no publication date to place them)."""
    if x.weekday is not None or y.weekday is not None or x.labels is not None or y.labels is not None:
        return False
    if x.low is None or y.low is None or x.high is None or y.high is None:
        return x.low is None and y.low is None
    return y.high > x.high


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in text, sorted by start and non-overlapping; `published` anchors relative ones
    (a publication date outside the years FIRST_YEAR to LAST_YEAR anchors nothing)."""
    return [m for _, m in _read(text, published)]


def trace_dates(text: str, published: dt.date | None) -> list[tuple[str, tuple[int, int], DateMention | None]]:
    """Which form read each mention, in text order, as (form, span, mention); a span a form passed over
    (a fiscal period) comes with None."""
    passed: list[tuple[str, int, int]] = []
    readings = [(r.form, (m.start, m.end), m) for r, m in _read(text, published, passed)]
    return sorted([*readings, *((name, (s, e), None) for name, s, e in passed)], key=lambda t: t[1])


def _read(text: str, published: dt.date | None,
          passed: list[tuple[str, int, int]] | None = None) -> list[tuple[Raw, DateMention]]:
    """The mentions of text with what the scan made of each."""
    if published is not None and not FIRST_YEAR <= published.year <= LAST_YEAR:
        published = None
    raws = _scan(text, published, passed)
    raws = _offsets(_ranges(raws, text), text)  # before the weekday words are tied to the dates they label
    _ends_of_spans(raws, text)
    _label(raws, text, published)
    _appositions(raws, text)
    out: list[tuple[Raw, DateMention]] = []
    for r in raws:
        resolved = r.low is not None
        out.append((r, DateMention(
            start=r.start, end=r.end, text=text[r.start:r.end],
            low=r.low, high=r.high, granularity=r.gran,
            value=r.value if resolved else None,
            relative=r.relative, resolved=resolved,
            weekday=r.weekday, labels=r.labels, qualifier=r.qualifier,
        )))
    return out
