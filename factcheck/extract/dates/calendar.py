"""Calendar arithmetic for date mentions: the days of a month, quarter, season or year, moving by units,
the part of a period that "early", "mid" or "the end of" picks, and the year a year-less mention takes
from its clause's tense."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

DAY = dt.timedelta(days=1)
Span = tuple[dt.date, dt.date]  # inclusive

YEARS_AROUND = 3  # a year-less mention is looked for this many years either side of the anchor
SCHED_DAYS = 183  # how far ahead a scheduled event may lie
PERIOD_GRACE_DAYS = 15  # a reporting period ending this soon after the anchor counts as past ("fell in Q4")
MONTH_DAYS = 30.4  # a fraction of a month, in days


def month_end(y: int, m: int) -> dt.date:
    """The last day of month m of year y."""
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - DAY


def add_months(d: dt.date, n: int) -> dt.date:
    """d moved by n calendar months, the day clamped to the month's length."""
    y, m0 = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m0 + 1, min(d.day, month_end(y, m0 + 1).day))


def month_span(y: int, m: int) -> Span:
    return dt.date(y, m, 1), month_end(y, m)


def year_span(y: int) -> Span:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def quarter_span(y: int, q: int) -> Span:
    return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def season_span(y: int, first_month: int) -> Span:
    """Meteorological season of year y that begins in first_month (winter y runs into February y+1)."""
    low = dt.date(y, first_month, 1)
    return low, add_months(low, 3) - DAY


def shift_month(a: dt.date, k: int) -> tuple[int, int]:
    """(year, month) of the month k months from a's."""
    y, m0 = divmod(a.year * 12 + a.month - 1 + k, 12)
    return y, m0 + 1


def units_back(d: dt.date, unit: str, n: float) -> dt.date:
    """d moved back by n units (fractions of months and years become days)."""
    if unit == "day":
        return d - dt.timedelta(days=round(n))
    if unit == "week":
        return d - dt.timedelta(days=round(7 * n))
    if unit == "hour":
        return d - dt.timedelta(days=math.ceil(n / 24))
    months = n * {"decade": 120, "year": 12, "quarter": 3}.get(unit, 1)
    whole = int(months)
    return add_months(d, -whole) - dt.timedelta(days=round((months - whole) * MONTH_DAYS))


def iso_day(d: dt.date) -> str:
    return d.isoformat()


def iso_month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def iso_year(d: dt.date) -> str:
    return f"{d.year:04d}"


def _distance(a: dt.date, low: dt.date, high: dt.date) -> int:
    if low <= a <= high:
        return 0
    return (low - a).days if a < low else (a - high).days


def nearest(anchor: dt.date, make: Callable[[int], Span]) -> Span:
    """The interval make(y), for y near the anchor's year, that lies closest to the anchor (past wins ties)."""
    best: tuple[int, int, Span] | None = None
    for y in range(anchor.year - YEARS_AROUND, anchor.year + YEARS_AROUND + 1):
        try:
            iv = make(y)
        except (ValueError, OverflowError):
            continue
        key = (_distance(anchor, *iv), 0 if iv[1] < anchor else 1)
        if best is None or key < best[:2]:
            best = (key[0], key[1], iv)
    if best is None:
        raise ValueError("no such date near the anchor")
    return best[2]


def resolve(a: dt.date, make: Callable[[int], Span], tense: str, lag: int = 0, period: bool = False) -> Span:
    """The interval make(y) for a year-less mention, y chosen by tense: in the past the latest one that
    has begun ("January turned into a showcase", written on the 12th) or, for a reporting `period` (a
    quarter or half), the latest one over or ending within a fortnight ("burglaries fell in the first
    quarter" in January is last year's); after "since" the latest one that has ended; in the future the
    first one not over (or over for at most `lag` days: results come out weeks after a quarter); for a
    scheduled event ("payable December 18", "opens in March") the next one if it begins within about six
    months; else the nearest."""
    if tense not in ("past", "since", "future", "sched"):
        return nearest(a, make)
    ivs: list[Span] = []
    for y in range(a.year - YEARS_AROUND, a.year + YEARS_AROUND + 1):
        try:
            ivs.append(make(y))
        except (ValueError, OverflowError):
            continue
    if tense == "sched":
        ok = [iv for iv in ivs if iv[1] >= a]
        return min(ok) if ok and (min(ok)[0] - a).days <= SCHED_DAYS else nearest(a, make)
    if tense == "future":
        limit = a - dt.timedelta(days=lag)
        ok = [iv for iv in ivs if iv[1] >= limit]
        return min(ok) if ok else nearest(a, make)
    if tense == "since":
        ok = [iv for iv in ivs if iv[1] < a]
    elif period:
        ok = [iv for iv in ivs if iv[1] <= a + PERIOD_GRACE_DAYS * DAY]
    else:
        ok = [iv for iv in ivs if iv[0] <= a]
    return max(ok) if ok else nearest(a, make)


# ---------------------------------------------------------------- "early", "mid", "the end of"


def _pick(n: int, mod: str) -> tuple[int, int]:
    """Index range (inclusive) of n units that a modifier picks."""
    third = -(-n // 3)
    part = max(1, n // 6)
    if mod == "early":
        return 0, third - 1
    if mod == "late":
        return n - third, n - 1
    if mod == "mid":
        return n // 3, n - n // 3 - 1
    if mod == "start":
        return 0, part - 1
    if mod == "end":
        return n - part, n - 1
    c = (n - part) // 2
    return c, c + part - 1


_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_WEEK_PARTS = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "start": (0, 1), "middle": (2, 3), "end": (4, 6)}


def part_of(low: dt.date, high: dt.date, gran: str, mod: str) -> Span:
    """The part of [low, high] that early/mid/late/start/middle/end picks."""
    if gran == "decade":
        n = high.year - low.year + 1
        # a decade's early/mid/late years are 0-3, 4-6 and 7-9
        i, j = _DECADE_PARTS[mod] if n == 10 and mod in _DECADE_PARTS else _pick(n, mod)
        return dt.date(low.year + i, 1, 1), dt.date(low.year + j, 12, 31)
    n_months = (high.year - low.year) * 12 + high.month - low.month + 1
    whole_months = low.day == 1 and high == month_end(high.year, high.month)
    if whole_months and n_months >= 2:
        i, j = _pick(n_months, mod)
        return add_months(low, i), month_end(*shift_month(low, j))
    if whole_months:
        last = high.day
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "start": (1, 7),
                "middle": (11, 20), "end": (last - 6, last)}[mod]
        return low.replace(day=a), low.replace(day=b)
    n = (high - low).days + 1
    if n < 3:
        return low, high
    if n == 7:
        i, j = _WEEK_PARTS[mod]
    else:
        i, j = _pick(n, mod)
    return low + dt.timedelta(days=i), low + dt.timedelta(days=j)


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def holiday(rule: str, year: int) -> dt.date:
    """The day a holiday rule names in a year: "12-25", "easter-2", "11-thu-4", "05-mon-last"."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    parts = rule.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return dt.date(year, month, int(parts[1]))
    wd = _WEEKDAY_CODES.index(parts[1])
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(wd - first.weekday()) % 7)
    if parts[2] == "last":
        end = month_end(year, month)
        return end - dt.timedelta(days=(end.weekday() - wd) % 7)
    return day + dt.timedelta(weeks=int(parts[2]) - 1)
