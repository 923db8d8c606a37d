"""Date mentions in news prose.

`find_dates(text, published)` returns every date-like mention as an inclusive interval of calendar
days, with its granularity, its ISO value, how it was qualified ("by March" -> at_most) and whether it
needed the publication date to resolve ("last Friday", "in December", "a year ago").

One compiled alternation finds the core of each mention (a month name, a year, "last week"...);
a small backward pattern then reads the words before it ("since", "by the end of", "mid-").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates"]


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


# --------------------------------------------------------------------------------------------
# calendar helpers

_DAY = dt.timedelta(days=1)


def _month_end(y: int, m: int) -> dt.date:
    """The last day of month m of year y."""
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - _DAY


def _add_months(d: dt.date, n: int) -> dt.date:
    """d moved by n calendar months, the day clamped to the month's length."""
    y, m0 = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m0 + 1, min(d.day, _month_end(y, m0 + 1).day))


def _month(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), _month_end(y, m)


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _quarter(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(y: int, name: str) -> tuple[dt.date, dt.date]:
    """Meteorological season of year y (winter y runs from December y into February y+1)."""
    first = _SEASON_MONTHS[name]
    low = dt.date(y, first, 1)
    return low, _add_months(low, 3) - _DAY


def _distance(a: dt.date, low: dt.date, high: dt.date) -> int:
    if low <= a <= high:
        return 0
    return (low - a).days if a < low else (a - high).days


def _nearest(anchor: dt.date, make: Callable[[int], tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date]:
    """The interval make(y), for y near the anchor's year, that lies closest to the anchor (past wins ties)."""
    best: tuple[int, int, tuple[dt.date, dt.date]] | None = None
    for y in range(anchor.year - 3, anchor.year + 4):
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


def _iso_day(d: dt.date) -> str:
    return d.isoformat()


def _iso_month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _iso_year(d: dt.date) -> str:
    return f"{d.year:04d}"


# --------------------------------------------------------------------------------------------
# vocabulary

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_FULL_MON = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:(?:{_FULL_MON})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YYYY = r"(?:19\d\d|20\d\d|2100)"
_NUMW = (
    r"(?:(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve"
    r"|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)"
)
_DIR = r"(?:[Ll]ast|[Tt]his(?:\s+(?:past|coming))?|[Nn]ext|[Cc]oming|[Pp]ast)"


def _yexp(p: str) -> str:
    """A year expression with group names prefixed by p: 2025, last year, the year."""
    return (
        rf"(?:(?P<{p}_y>{_YYYY})(?!\d)|(?P<{p}_rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b"
        rf"|(?P<{p}_the>the\s+(?:current\s+)?year)\b)"
    )


_CORE = re.compile(
    rf"""
    (?P<SKIP>
        [Ff]iscal(?:[\s-]+year)?(?:[\s-]+(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)
            |[\s-]+(?:Q[1-4]|H[12])\b|\s+['’]?\d\d(?:\d\d)?\b)
      | FY\s?['’]?\d\d(?:\d\d)?\b
      | (?:Q[1-4]|H[12])\s*(?:of\s+)?(?:FY|[Ff]iscal)[\s'’-]*(?:year\s+)?(?:\d\d){{1,2}}\b
    )
  | (?P<ISO>(?<![\w.\-/])(?P<iso_y>{_YYYY})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d\-]))
  | (?P<NUM>(?<![\w.\-/,])(?P<n1>\d\d?)(?P<nsep>[/.])(?P<n2>\d\d?)(?P=nsep)(?P<n_y>{_YYYY})(?![\d/]|\.\d))
  | (?P<AGO>(?<![\w.,$€£¥])
        (?P<ago_n>{_NUMW}|\d{{1,4}}|[Aa]n?|(?:[Aa]\s+)?few|[Ss]everal|(?:[Aa]\s+)?couple(?:\s+of)?|[Aa]\s+dozen)
        (?P<ago_h1>\s+and\s+a\s+half)?\s+(?P<ago_u>day|week|month|year|decade)s?(?P<ago_h2>\s+and\s+a\s+half)?\s+ago\b)
  | (?P<DM>(?<![\w.,$€£¥/\-])(?P<dm_d>{_DAYN})(?:\s*[-–]\s*(?P<dm_d2>{_DAYN}))?\s+(?:of\s+)?(?P<dm_mon>{_MON})
        (?:,?\s+(?P<dm_y>{_YYYY})(?!\d|,\d))?)
  | (?P<Q2>(?<![\w.,$€£¥])(?P<q2_n>[1-4])Q\s?(?:(?P<q2_y>{_YYYY})|['’]?(?P<q2_yy>\d\d))\b)
  | (?P<H2>(?<![\w.,$€£¥])(?P<h2_n>[12])H\s?(?:(?P<h2_y>{_YYYY})|['’]?(?P<h2_yy>\d\d))\b)
  | (?P<DEC>(?<![\w.,$€£¥])(?P<dec_y>(?:19|20)\d0)['’]?s\b|['’](?P<dec_yy>\d0)s\b)
  | (?P<YR>(?<![\w.$€£¥#+/\-–])(?<!\d,)(?P<yr>{_YYYY})(?:\s*[-–/]\s*(?P<yr2>{_YYYY}|\d\d))?(?![\w%]|[.,:]\d|[-–/]\d))
  | (?P<MD>(?P<md_mon>{_MON})\s*(?P<md_d>{_DAYN})(?![\d:]|[.,]\d)
        (?:\s*(?:[-–]|to|through)\s*(?P<md_d2>{_DAYN})(?![\d:]|[.,]\d))?
        (?:,?\s+(?:(?P<md_y>{_YYYY})(?!\d|,\d)|(?P<md_rel>last|this|next)\s+year\b))?)
  | (?P<MY>(?P<my_mon>{_MON})(?:\s+of)?,?\s+(?:(?P<my_y>{_YYYY})(?!\w|[.,]\d)|(?P<my_rel>last|this|next)\s+year\b))
  | (?P<MN>(?:(?P<mn_dir>{_DIR})\s+)?(?P<mn>{_FULL_MON})\b)
  | (?P<WD>(?:(?P<wd_dir>{_DIR})\s+)?(?P<wd>{_WDAY})\b)
  | (?P<QQ>Q(?P<q_n>[1-4])(?:(?:\s+of)?\s+(?P<q_y>{_YYYY})|\s?['’](?P<q_yy>\d\d)|[-/](?P<q_y3>{_YYYY}))?\b)
  | (?P<HH>H(?P<h_n>[12])(?:(?:\s+of)?\s+(?P<h_y>{_YYYY})|\s?['’](?P<h_yy>\d\d)|[-/](?P<h_y3>{_YYYY}))\b)
  | (?P<QS>[Tt]he\s+first\s+(?P<qs_n>two|three|2|3)\s+quarters\s+of\s+{_yexp("qs")})
  | (?P<MS>[Tt]he\s+(?P<ms_dir>first|last|final)\s+(?P<ms_n>{_NUMW}|\d\d?)\s+months\s+of\s+{_yexp("ms")})
  | (?P<OQL>[Tt]he\s+(?:last|final)\s+quarter\s+of\s+{_yexp("oql")})
  | (?P<OQ>(?:[Tt]he\s+)?(?P<oq_ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|1st|2nd|3rd|4th)[\s-]+(?P<oq_u>quarter|half)\b
        (?:\s+of\s+{_yexp("oq")}|(?:,\s*|\s+)(?P<oq_y2>{_YYYY})(?!\d))?)
  | (?P<RL>[Tt]he\s+(?P<rl_dir>past|last|next|coming)\s+(?:(?P<rl_n>{_NUMW}|\d{{1,3}}|few|several|couple\s+of)\s+)?
        (?P<rl_u>hour|day|week|month|year|decade)(?P<rl_pl>s)?\b)
  | (?P<REL>(?P<rel_dir>[Ll]ast|[Tt]his(?:\s+past)?|[Nn]ext|[Cc]oming)\s+(?P<rel_u>weekend|week|month|quarter|year|decade)\b)
  | (?P<WKND>(?:[Oo]ver|[Aa]t|[Dd]uring)\s+the\s+weekend\b)
  | (?P<TODAY>(?:[Tt]he\s+)?day\s+before\s+yesterday|(?:[Tt]he\s+)?day\s+after\s+tomorrow|[Tt]his\s+time\s+last\s+year
        |[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b
  | (?P<SEA>(?:(?P<sea_dir>{_DIR})\s+)?(?P<sea>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b
        (?:(?:\s+of)?,?\s+(?P<sea_y>{_YYYY})(?!\d)(?:[-–/](?:\d\d){{1,2}}\b)?)?)
    """,
    re.VERBOSE,
)

_QUALS: dict[str, str] = {
    "since": "at_least", "after": "at_least", "from": "at_least", "starting": "at_least",
    "starting in": "at_least", "starting from": "at_least", "beginning in": "at_least",
    "not until": "at_least", "not before": "at_least", "no earlier than": "at_least",
    "between": "at_least", "later than": "at_least",
    "by": "at_most", "before": "at_most", "until": "at_most", "till": "at_most", "through": "at_most",
    "up to": "at_most", "up until": "at_most", "no later than": "at_most", "prior to": "at_most",
    "earlier than": "at_most", "as late as": "at_most",
    "around": "approx", "about": "approx", "roughly": "approx", "approximately": "approx",
    "circa": "approx", "c.": "approx", "sometime in": "approx", "some time in": "approx",
    "as early as": "approx", "in or around": "approx", "nearly": "approx", "almost": "approx",
    "close to": "approx", "some": "approx", "more than": "at_most", "over": "at_most",
    "at least": "at_most", "just over": "at_most", "less than": "at_least", "under": "at_least",
    "within": "at_least", "fewer than": "at_least", "just under": "at_least", "just": "exact",
}
# qualifiers that only make sense before "... ago" (elsewhere they are plain context words)
_AGO_ONLY = {"nearly", "almost", "close to", "some", "more than", "over", "at least", "just over",
             "less than", "under", "within", "fewer than", "just under", "just"}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PREFIX = re.compile(
    rf"""(?<![\w'’])
    (?:(?P<qual>{_alt(list(_QUALS))})\s+
      |(?P<ctx>in|on|at|during|of|for|to|and|or|throughout|into|than|year|a|an|its|their|his|her
         |our|this|that|whose|\w+['’]s)\s+)?
    (?:(?P<the>the)\s+)?
    (?:(?P<mod>early|mid|late|earlier|later|(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close|turn)\s+of)
       (?:\s+in)?(?:\s*[-–]\s*|\s+))?
    \Z""",
    re.VERBOSE | re.IGNORECASE,
)

_NEXT = re.compile(r"[ \t\-]+([A-Za-z][\w'’]*)")
_POSS = re.compile(r"['’]s\b")
_STRONG_CTX = {"in", "during", "throughout", "year"}
_STRONG_QUAL = {"since", "after", "before", "until", "till", "through", "not until", "not before",
                "no later than", "no earlier than", "prior to", "starting in", "beginning in",
                "up until", "circa", "c.", "sometime in", "some time in", "in or around"}
_DETS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"}
_MONTH_CTX = {"in", "on", "during", "of", "for", "to", "and", "or", "throughout", "into", "than"}
_EVENTS = {
    "elections", "midterms", "primaries", "polls", "caucuses", "olympics", "games", "paralympics",
    "championships", "finals", "playoffs", "results", "figures", "accounts", "earnings", "levels",
    "prices", "estimates", "forecasts", "projections", "standards", "rules", "regulations",
    "guidelines", "accords", "talks", "negotiations", "protests", "riots", "floods", "wildfires",
    "fires", "attacks", "awards", "oscars", "emmys", "grammys", "nationals", "trials", "sanctions",
    "tariffs", "rankings", "standings", "budgets", "targets", "goals", "plans", "reforms", "laws",
    "hearings", "sessions", "sales", "revenues", "profits", "losses", "returns", "filings",
    "reports", "statements", "lows", "highs", "peaks", "totals", "numbers", "data", "polls",
}
_QUANTITY_NOUNS = {
    "token", "gpu", "cpu", "core", "node", "bit", "byte", "pixel", "parameter", "unit", "person",
    "seat", "vote", "point", "yard", "metre", "meter", "mile", "foot", "pound", "ton", "tonne",
    "barrel", "share", "dollar", "euro", "calorie", "word", "page", "hour", "minute", "second",
    "percent", "pct", "per", "km", "kg", "mi", "ft", "lb", "lbs", "mph", "kph", "cm", "mm", "ml",
    "gb", "mb", "tb", "kb", "gw", "mw", "kw", "kwh", "twh", "gwh", "mwh", "bn", "mn", "hp", "bhp",
    "fiscal", "x", "times",
    "million", "billion", "trillion", "thousand", "hundred", "degrees", "yen", "won", "yuan",
}
_MAY_NOUNS = {"election", "elections", "vote", "meeting", "deadline", "figures", "data", "report",
              "session", "budget", "summit", "poll", "polls", "primary", "referendum", "issue",
              "edition", "sales", "survey", "reading", "ballot", "auction", "strike", "talks"}
_YEAR_VERBS = {"was", "is", "will", "has", "had", "saw", "marked", "brought", "began", "ended",
               "proved", "looks", "promises", "became", "could", "would", "may", "might", "should"}
_HOLIDAY_ADJ = {"black", "good", "super", "cyber", "ash", "holy", "easter", "bloody", "blue",
                "giving", "maundy", "palm", "shrove", "fat", "manic", "whit", "low", "plough", "man",
                "girl", "small", "travel"}
_CHAIN = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|into|&|[-–/])?\s*\Z")
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|slated|poised|to)"
    r"|scheduled|plans?\s+to|planning\s+to|intends?\s+to|expected|upcoming|next)\b|['’]ll\b"
)
_CLAUSE_END = re.compile(r"[.;:!?,(\n][^.;:!?,(\n]*\Z")
_FINANCE = re.compile(
    r"\b(?:profits?|revenues?|sales|earnings|results|growth|GDP|econom\w*|loss(?:es)?|output|shipments"
    r"|deliveries|income|margins?|EPS|guidance|forecasts?|outlook|quarterly|year-(?:on|over)-year|annuali[sz]ed"
    r"|inflation|jobs|unemployment|reported|shares|estimates|analysts|production|spending|investment"
    r"|orders|imports|exports|contract(?:ed|ion)|expanded|demand|company|firm|bank|lender|insurer"
    r"|retailer|carmaker|group|fiscal|financial|budget|deficit|payrolls|bookings|traffic|subscribers)\b"
)
_LABEL_BEFORE = re.compile(r",?\s*(?:the\s+)?\Z")
_LABEL_AFTER = re.compile(r"\s*[(,]\s*(?:which\s+(?:is|was|will\s+be|falls\s+on)\s+)?(?:on\s+)?(?:a\s+)?\Z")


# --------------------------------------------------------------------------------------------
# candidates


@dataclass(slots=True)
class _Raw:
    """A mention under construction."""

    start: int
    end: int
    kind: str
    low: dt.date | None
    high: dt.date | None
    gran: str
    value: str | None
    relative: bool = False
    weekday: int | None = None
    qualifier: str = "exact"
    calendar_day: bool = False  # an explicit single day that a weekday word may label
    core: tuple[int, int] = (0, 0)  # the weekday word, for WD
    labels: int | None = None
    qual_word: str = ""


@dataclass(slots=True)
class _Pre:
    """What the words just before a core say."""

    qual: str
    ctx: str
    the: bool
    mod: str
    start: int  # where the qualifier (or else the modifier) starts
    mod_start: int  # where the modifier starts


def _read_prefix(text: str, lo: int, s: int) -> _Pre:
    m = _PREFIX.search(text, lo, s)
    if m is None or m.start() == s:
        return _Pre("", "", False, "", s, s)
    qual = " ".join((m["qual"] or "").lower().split())
    ctx = (m["ctx"] or "").lower()
    mod_raw = (m["mod"] or "").lower()
    mod = ""
    for key in ("early", "mid", "late", "earlier", "later", "end", "start", "beginning", "middle", "close", "turn"):
        if mod_raw.startswith(key) or f" {key} " in f" {mod_raw} ":
            mod = key
            break
    mod = {"beginning": "start", "turn": "start", "close": "end"}.get(mod, mod)
    mod_start = (m.start("the") if m["the"] else m.start("mod")) if m["mod"] else s
    start = m.start("qual") if m["qual"] else mod_start
    return _Pre(qual, ctx, bool(m["the"]), mod, start, mod_start)


def _next_word(text: str, e: int) -> str:
    m = _NEXT.match(text, e)
    return m.group(1) if m else ""


def _plural(w: str) -> bool:
    lw = w.lower()
    return len(w) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))


def _quantity_word(w: str) -> bool:
    """True if w, following a number, makes it a quantity ("GPUs", "tokens", "km")."""
    if not w:
        return False
    lw = w.lower()
    if lw in _QUANTITY_NOUNS or lw.rstrip("s") in _QUANTITY_NOUNS:
        return True
    if any(c.isdigit() for c in w):
        return True
    if w.isupper() or (len(w) > 2 and w[:-1].isupper() and w[-1] == "s"):
        return True
    return _plural(w) and w.islower() and lw not in _EVENTS


def _sentence_start(text: str, s: int) -> str:
    """The character opening the sentence or bracket just before s ('' if text starts there), or 'x'."""
    i = s - 1
    while i >= 0 and text[i] in " \t\"“‘'":
        i -= 1
    if i < 0:
        return ""
    c = text[i]
    return c if c in ".!?\n(:;" else "x"


def _chained(prev: _Raw | None, kinds: tuple[str, ...], text: str, s: int) -> bool:
    return prev is not None and prev.kind in kinds and bool(_CHAIN.match(text, prev.end, s))


def _resolve_year_expr(m: re.Match[str], p: str, anchor: dt.date | None) -> tuple[int | None, bool, bool]:
    """(year, relative, present) for a _yexp group; year None when it needs a missing anchor."""
    if m[f"{p}_y"]:
        return int(m[f"{p}_y"]), False, True
    rel = m[f"{p}_rel"]
    if rel:
        if anchor is None:
            return None, True, True
        return anchor.year + {"last": -1, "this": 0, "next": 1}[rel.lower()], True, True
    if m[f"{p}_the"]:
        return (anchor.year if anchor else None), True, True
    return None, False, False


def _two_digit_year(yy: str) -> int:
    return 2000 + int(yy)


def _day_num(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _mon_num(s: str) -> int:
    return _MONTHS[s[:3].lower()]


# --------------------------------------------------------------------------------------------
# handlers: each turns one core match into a _Raw, or None to reject it

_Handler = Callable[[re.Match[str], str, "dt.date | None", _Pre, "_Raw | None"], "_Raw | None"]


def _unresolved(s: int, e: int, kind: str, gran: str, **kw: object) -> _Raw:
    return _Raw(s, e, kind, None, None, gran, None, relative=True, **kw)  # type: ignore[arg-type]


def _day_raw(s: int, e: int, kind: str, d: dt.date, relative: bool = False) -> _Raw:
    return _Raw(s, e, kind, d, d, "day", _iso_day(d), relative=relative, calendar_day=True)


def _h_iso(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    d = dt.date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return _day_raw(m.start(), m.end(), "ISO", d)


def _h_num(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    x, y, year = int(m["n1"]), int(m["n2"]), int(m["n_y"])
    if m["nsep"] == ".":
        day, mon = x, y  # 20.01.2025 is day-first wherever it is written
    elif x > 12 >= y:
        day, mon = x, y
    elif y > 12 >= x or x == y:
        mon, day = x, y
    else:
        return None  # 3/4/2025: March 4 or 3 April
    return _day_raw(m.start(), m.end(), "NUM", dt.date(year, mon, day))


def _md_like(s: int, e: int, kind: str, mon: int, d1: int, d2: str | None, year: int | None,
             relative: bool, a: dt.date | None) -> _Raw | None:
    day2 = _day_num(d2) if d2 else None
    if day2 is not None and day2 <= d1:
        return None
    if year is None:
        if a is None:
            dt.date(2000, mon, d1)  # validates (2000 is a leap year)
            return _unresolved(s, e, kind, "day", calendar_day=day2 is None)
        low, _ = _nearest(a, lambda y: (dt.date(y, mon, d1), dt.date(y, mon, day2 or d1)))
        year, relative = low.year, True
    low = dt.date(year, mon, d1)
    if day2 is None:
        return _day_raw(s, e, kind, low, relative)
    return _Raw(s, e, kind, low, dt.date(year, mon, day2), "day", None, relative=relative)


def _h_md(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    mon, d1 = _mon_num(m["md_mon"]), _day_num(m["md_d"])
    year: int | None = int(m["md_y"]) if m["md_y"] else None
    relative = False
    if m["md_rel"]:
        relative = True
        if a is None:
            return _unresolved(m.start(), m.end(), "MD", "day", calendar_day=not m["md_d2"])
        year = a.year + {"last": -1, "this": 0, "next": 1}[m["md_rel"]]
    return _md_like(m.start(), m.end(), "MD", mon, d1, m["md_d2"], year, relative, a)


def _h_dm(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year = int(m["dm_y"]) if m["dm_y"] else None
    return _md_like(m.start(), m.end(), "DM", _mon_num(m["dm_mon"]), _day_num(m["dm_d"]), m["dm_d2"], year, False, a)


def _month_raw(s: int, e: int, kind: str, y: int, mon: int, relative: bool) -> _Raw:
    low, high = _month(y, mon)
    return _Raw(s, e, kind, low, high, "month", _iso_month(low), relative=relative)


def _h_my(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    mon = _mon_num(m["my_mon"])
    if m["my_y"]:
        return _month_raw(m.start(), m.end(), "MY", int(m["my_y"]), mon, False)
    if a is None:
        return _unresolved(m.start(), m.end(), "MY", "month")
    y = a.year + {"last": -1, "this": 0, "next": 1}[m["my_rel"]]
    return _month_raw(m.start(), m.end(), "MY", y, mon, True)


def _dir(word: str) -> str:
    """last / this / next from a direction word."""
    w = " ".join(word.lower().split())
    if w in ("last", "past", "this past"):
        return "last"
    if w in ("next", "coming", "this coming"):
        return "next"
    return "this"


def _h_mn(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    name = m["mn"]
    mon = _mon_num(name)
    s, e = m.start(), m.end()
    if m["mn_dir"]:
        if a is None:
            return _unresolved(s, e, "MN", "month")
        d = _dir(m["mn_dir"])
        if d == "last":
            y = a.year if mon < a.month else a.year - 1
        elif d == "next":
            y = a.year if mon > a.month else a.year + 1
        else:
            y = a.year
        return _month_raw(s, e, "MN", y, mon, True)
    ok = bool(pre.mod) or bool(pre.qual and pre.qual not in _AGO_ONLY) or bool(_POSS.match(text, e))
    ok = ok or _chained(prev, ("MN", "MY"), text, s)
    if not ok and (pre.ctx or pre.the):
        if name == "May":
            ok = pre.ctx in ("in", "during", "throughout") or (
                pre.the and not pre.ctx and _next_word(text, e) in _MAY_NOUNS)
        elif pre.ctx in _MONTH_CTX:
            ok = True
        elif pre.ctx in _DETS or pre.the:
            w = _next_word(text, e)
            ok = bool(w) and w.islower() and w not in ("on", "of", "to", "for", "in", "from", "against",
                                                       "through", "and", "was", "is", "were", "had", "has")
    if not ok:
        return None
    if a is None:
        return _unresolved(s, e, "MN", "month")
    low, _ = _nearest(a, lambda y: _month(y, mon))
    return _month_raw(s, e, "MN", low.year, mon, True)


def _h_year(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    y = int(m["yr"])
    poss = bool(_POSS.match(text, e))
    w = "" if poss else _next_word(text, e)
    lw = w.lower()
    if lw == "fiscal" or (_quantity_word(w) and not pre.mod and pre.ctx not in _STRONG_CTX and not poss):
        return None
    if m["yr2"]:
        y2s = m["yr2"]
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if not y < y2 <= min(y + 60, 2100):
            return None
        return _Raw(s, e, "YR2", dt.date(y, 1, 1), dt.date(y2, 12, 31), "year", None)
    weak_ok = not (_plural(w) and lw not in _EVENTS)
    if poss or pre.mod or pre.ctx in _STRONG_CTX or pre.qual in _STRONG_QUAL:
        ok = True
    elif pre.qual or pre.ctx in ("of", "for", "to", "and", "or", "into", "than", "on", "at"):
        ok = weak_ok
    elif pre.ctx in _DETS or pre.the or pre.ctx.endswith(("'s", "’s")):
        ok = bool(w) and len(w) >= 3 and (not _plural(w) or lw in _EVENTS) and not w.isupper()
    elif _chained(prev, ("YR", "YR2", "MY"), text, s):
        ok = weak_ok
    else:
        opener = _sentence_start(text, s)
        if opener == "(":
            ok = text.startswith(")", e) or text.startswith(",", e)
        elif opener != "x":
            ok = lw in _YEAR_VERBS or text.startswith(",", e)
        else:
            ok = False
    if not ok:
        return None
    low, high = _year(y)
    return _Raw(s, e, "YR", low, high, "year", _iso_year(low))


def _h_dec(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    if m["dec_y"]:
        y = int(m["dec_y"])
    else:
        yy = int(m["dec_yy"])
        y = 2000 + yy if yy < 20 else 1900 + yy
    return _Raw(m.start(), m.end(), "DEC", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", f"{y}s")


def _span_raw(s: int, e: int, kind: str, iv: tuple[dt.date, dt.date], gran: str, relative: bool,
              value: str | None = None) -> _Raw:
    return _Raw(s, e, kind, iv[0], iv[1], gran, value, relative=relative)


def _fiscal_near(text: str, s: int, e: int) -> bool:
    return bool(re.match(r"\s*(?:of\s+)?(?:the\s+)?(?:fiscal|FY)\b", text[e:e + 24])) or \
        text[max(0, s - 8):s].rstrip(" -").lower().endswith("fiscal")


def _quarter_like(s: int, e: int, kind: str, n: int, half: bool, year: int | None, relative: bool,
                  a: dt.date | None) -> _Raw:
    gran = "half" if half else "quarter"

    def make(y: int) -> tuple[dt.date, dt.date]:
        return (dt.date(y, 6 * n - 5, 1), _month_end(y, 6 * n)) if half else _quarter(y, n)

    if year is None:
        if a is None:
            return _unresolved(s, e, kind, gran)
        return _span_raw(s, e, kind, _nearest(a, make), gran, True)
    return _span_raw(s, e, kind, make(year), gran, relative)


def _h_qq(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    y = m["q_y"] or m["q_y3"]
    year = int(y) if y else (_two_digit_year(m["q_yy"]) if m["q_yy"] else None)
    if year is None and (_fiscal_near(text, m.start(), m.end()) or text.startswith(":", m.end())):
        return None
    return _quarter_like(m.start(), m.end(), "QQ", int(m["q_n"]), False, year, False, a)


def _h_q2(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year = int(m["q2_y"]) if m["q2_y"] else _two_digit_year(m["q2_yy"])
    return _quarter_like(m.start(), m.end(), "QQ", int(m["q2_n"]), False, year, False, a)


def _h_hh(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    y = m["h_y"] or m["h_y3"]
    year = int(y) if y else _two_digit_year(m["h_yy"])
    return _quarter_like(m.start(), m.end(), "HH", int(m["h_n"]), True, year, False, a)


def _h_h2(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year = int(m["h2_y"]) if m["h2_y"] else _two_digit_year(m["h2_yy"])
    return _quarter_like(m.start(), m.end(), "HH", int(m["h2_n"]), True, year, False, a)


def _h_oq(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    half = m["oq_u"] == "half"
    word = m["oq_ord"].lower()
    n = (2 if half else 4) if word == "final" else _ORD[word]
    if half and n > 2:
        return None
    year, relative, present = _resolve_year_expr(m, "oq", a)
    if m["oq_y2"]:
        year, relative, present = int(m["oq_y2"]), False, True
    if _fiscal_near(text, s, e):
        return None
    if not present:
        # "the second half" and "a third-quarter run" are sport as often as finance
        if half or word == "final":
            return None
        if not _FINANCE.search(text, max(0, s - 120), min(len(text), e + 120)):
            return None
    if present and year is None:
        return _unresolved(s, e, "OQ", "half" if half else "quarter")
    return _quarter_like(s, e, "OQ", n, half, year, relative or not present, a)


def _h_oql(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year, relative, _ = _resolve_year_expr(m, "oql", a)
    if year is None:
        return _unresolved(m.start(), m.end(), "OQ", "quarter")
    return _quarter_like(m.start(), m.end(), "OQ", 4, False, year, relative, a)


def _h_qs(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year, relative, _ = _resolve_year_expr(m, "qs", a)
    if year is None:
        return _unresolved(m.start(), m.end(), "QS", "quarter")
    n = {"two": 2, "three": 3}.get(m["qs_n"], 0) or int(m["qs_n"])
    return _span_raw(m.start(), m.end(), "QS", (dt.date(year, 1, 1), _month_end(year, 3 * n)), "quarter", relative)


def _count(word: str) -> tuple[float, float]:
    """The (low, high) count a number word stands for: "two" -> (2, 2), "a few" -> (2, 4)."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return float(w), float(w)
    if w in ("a", "an"):
        return 1.0, 1.0
    if w.endswith("few"):
        return 2.0, 4.0
    if w.startswith(("several",)):
        return 3.0, 7.0
    if "couple" in w:
        return 2.0, 2.0
    if w == "a dozen":
        return 12.0, 12.0
    tens, _, unit = w.partition("-")
    if tens in _TENS:
        v = _TENS[tens] + (_UNITS.get(unit, 0) if unit else 0)
        return float(v), float(v)
    v = _UNITS[w]
    return float(v), float(v)


def _h_ms(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year, relative, _ = _resolve_year_expr(m, "ms", a)
    n = int(_count(m["ms_n"])[0])
    if not 1 <= n <= 12:
        return None
    if year is None:
        return _unresolved(m.start(), m.end(), "MS", "month")
    if m["ms_dir"] == "first":
        iv = (dt.date(year, 1, 1), _month_end(year, n))
    else:
        iv = (dt.date(year, 13 - n, 1), dt.date(year, 12, 31))
    return _span_raw(m.start(), m.end(), "MS", iv, "month", relative)


def _shift(d: dt.date, unit: str, n: float) -> dt.date:
    """d moved back by n units (fractions of months/years become days)."""
    if unit == "day":
        return d - dt.timedelta(days=round(n))
    if unit == "week":
        return d - dt.timedelta(days=round(7 * n))
    if unit == "hour":
        return d - dt.timedelta(days=math.ceil(n / 24))
    months = n * (120 if unit == "decade" else 12 if unit == "year" else 1)
    whole = int(months)
    out = _add_months(d, -whole)
    return out - dt.timedelta(days=round((months - whole) * 30.4))


def _h_ago(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    unit = m["ago_u"]
    lo_n, hi_n = _count(m["ago_n"])
    if m["ago_h1"] or m["ago_h2"]:
        lo_n, hi_n = lo_n + 0.5, hi_n + 0.5
    if hi_n == 0 or hi_n > 3000:
        return None
    vague = lo_n != hi_n
    gran = {"day": "day", "week": "week", "month": "month", "year": "month" if hi_n == 1 else "year",
            "decade": "year"}[unit]
    if a is None:
        return _unresolved(s, e, "AGO", gran)
    slack = {"day": 0, "week": 3, "month": 15, "year": 15 if hi_n == 1 else 183, "decade": 365}[unit]
    if unit == "day" and not vague:
        return _day_raw(s, e, "AGO", _shift(a, "day", lo_n), True)
    center = _shift(a, unit, lo_n)
    low = _shift(a, unit, hi_n) - dt.timedelta(days=slack)
    high = center + dt.timedelta(days=slack)
    high = min(high, a)
    value: str | None = None
    if not vague and gran == "month":
        value = _iso_month(center)
    elif not vague and gran == "year":
        value = _iso_year(center)
    r = _Raw(s, e, "AGO", low, high, gran, value, relative=True)
    r.qualifier = "exact" if unit == "day" and not vague else "approx"
    return r


def _h_rl(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    unit, direction, plural = m["rl_u"], m["rl_dir"], bool(m["rl_pl"])
    if re.match(r"\s+of\b", text[e:e + 6]):
        return None
    if plural:
        if not m["rl_n"]:
            return None
        n = _count(m["rl_n"])[1]
    else:
        if m["rl_n"] or direction == "next" or unit in ("day", "hour"):
            return None
        n = 1.0
    gran = {"hour": "day", "decade": "year"}.get(unit, unit)
    if a is None:
        return _unresolved(s, e, "RL", gran)
    if direction in ("past", "last"):
        iv = (_shift(a, unit, n) + (_DAY if unit != "hour" else dt.timedelta(0)), a)
    else:
        iv = (a, a + (a - _shift(a, unit, n)))
    return _span_raw(s, e, "RL", iv, gran, True)


def _h_rel(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    if pre.the and not pre.mod:
        return None  # "the last week of June", "the next year"
    unit = m["rel_u"]
    direction = _dir(m["rel_dir"])
    past_week = " ".join(m["rel_dir"].lower().split()) == "this past" and unit == "week"
    gran = "week" if unit == "weekend" else unit
    if a is None:
        return _unresolved(s, e, "REL", gran)
    k = {"last": -1, "this": 0, "next": 1}[direction]
    value: str | None = None
    if past_week:
        iv = (a - 7 * _DAY, a)
    elif unit in ("week", "weekend"):
        mon = _monday(a) + dt.timedelta(weeks=k)
        iv = (mon, mon + 6 * _DAY) if unit == "week" else (mon + 5 * _DAY, mon + 6 * _DAY)
    elif unit == "month":
        iv = _month(*divmod_month(a, k))
        value = _iso_month(iv[0])
    elif unit == "quarter":
        q0 = a.year * 4 + (a.month - 1) // 3 + k
        iv = _quarter(q0 // 4, q0 % 4 + 1)
    elif unit == "year":
        iv = _year(a.year + k)
        value = _iso_year(iv[0])
    else:
        if k == 0:
            d0 = a.year // 10 * 10
            iv = (dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31))
            value = f"{d0}s"
        else:
            other = _add_months(a, 120 * k)
            iv = (other, a) if k < 0 else (a, other)
            gran = "year"
    r = _span_raw(s, e, "REL", iv, gran, True, value)
    if unit == "decade" and k != 0:
        r.qualifier = "approx"
    return r


def divmod_month(a: dt.date, k: int) -> tuple[int, int]:
    """(year, month) of the month k months from a's."""
    y, m0 = divmod(a.year * 12 + a.month - 1 + k, 12)
    return y, m0 + 1


def _h_wknd(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    if a is None:
        return _unresolved(m.start(), m.end(), "WKND", "week")
    sat = _monday(a) + 5 * _DAY
    if a < sat:
        sat -= 7 * _DAY
    return _span_raw(m.start(), m.end(), "WKND", (sat, sat + _DAY), "week", True)


_TODAY = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
          "this afternoon": 0, "this evening": 0, "last night": -1, "the day before yesterday": -2,
          "day before yesterday": -2, "the day after tomorrow": 2, "day after tomorrow": 2}


def _h_today(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    key = " ".join(m.group().lower().split())
    if key == "this time last year":
        if a is None:
            return _unresolved(s, e, "TODAY", "month")
        c = _add_months(a, -12)
        r = _Raw(s, e, "TODAY", c - 15 * _DAY, c + 15 * _DAY, "month", _iso_month(c), relative=True)
        r.qualifier = "approx"
        return r
    if a is None:
        return _unresolved(s, e, "TODAY", "day")
    return _day_raw(s, e, "TODAY", a + dt.timedelta(days=_TODAY[key]), True)


def _h_wd(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    wd = _WEEKDAYS[m["wd"][:3].lower()]
    if not m["wd_dir"]:
        before = text[max(0, s - 12):s].split()
        if before and before[-1].strip("\"“(").lower() in _HOLIDAY_ADJ and before[-1][:1].isupper():
            return None
    r = _Raw(s, e, "WD", None, None, "day", None, relative=True, weekday=wd, core=(m.start("wd"), m.end("wd")))
    if a is None:
        return r
    direction = _dir(m["wd_dir"]) if m["wd_dir"] else ""
    if direction == "last":
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif direction == "next":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif direction == "this":
        d = _monday(a) + dt.timedelta(days=wd)
    else:
        clause = text[max(0, s - 80):s]
        cut = _CLAUSE_END.search(clause)
        if cut:
            clause = clause[cut.start() + 1:]
        if _FUTURE.search(clause):
            d = a + dt.timedelta(days=(wd - a.weekday()) % 7)
        else:
            d = a - dt.timedelta(days=(a.weekday() - wd) % 7)
    r.low = r.high = d
    r.value = _iso_day(d)
    return r


def _h_sea(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    name = m["sea"].lower()
    if m["sea_y"]:
        if m["sea"] == "fall" and not (m["sea_dir"] or pre.ctx or pre.qual or pre.mod or pre.the):
            return None
        return _span_raw(s, e, "SEA", _season(int(m["sea_y"]), name), "season", False)
    direction = _dir(m["sea_dir"]) if m["sea_dir"] else ""
    if not direction:
        if text.startswith((" of", " in"), e):
            return None
        the_ok = pre.the
        if name == "fall":
            if not (the_ok and not pre.mod and pre.ctx in ("in", "by", "until", "during", "over")) and \
                    not (pre.qual in ("by", "until", "since") and pre.the):
                return None
        elif not (pre.mod or the_ok or pre.ctx in ("in", "during", "over", "this", "last", "next")
                  or pre.qual in _STRONG_QUAL or pre.qual == "by"):
            return None
    if a is None:
        return _unresolved(s, e, "SEA", "season")

    def make(y: int) -> tuple[dt.date, dt.date]:
        return _season(y, name)

    if direction == "last":
        y = a.year + 1
        while make(y)[1] >= a:
            y -= 1
        iv = make(y)
    elif direction == "next":
        y = a.year - 1
        while make(y)[0] <= a:
            y += 1
        iv = make(y)
    else:
        iv = _nearest(a, make)
    return _span_raw(s, e, "SEA", iv, "season", True)


_HANDLERS: dict[str, _Handler] = {
    "ISO": _h_iso, "NUM": _h_num, "AGO": _h_ago, "DM": _h_dm, "Q2": _h_q2, "H2": _h_h2, "DEC": _h_dec,
    "YR": _h_year, "MD": _h_md, "MY": _h_my, "MN": _h_mn, "WD": _h_wd, "QQ": _h_qq, "HH": _h_hh,
    "QS": _h_qs, "MS": _h_ms, "OQL": _h_oql, "OQ": _h_oq, "RL": _h_rl, "REL": _h_rel,
    "WKND": _h_wknd, "TODAY": _h_today, "SEA": _h_sea,
}


# --------------------------------------------------------------------------------------------
# modifiers ("early", "the end of") and qualifiers ("by", "since")


def _slice(low: dt.date, high: dt.date, gran: str, mod: str) -> tuple[dt.date, dt.date]:
    """The part of [low, high] that early/mid/late/start/middle/end picks."""
    if gran == "decade":
        n = high.year - low.year + 1
        i, j = _pick(n, mod)
        return dt.date(low.year + i, 1, 1), dt.date(low.year + j, 12, 31)
    n_months = (high.year - low.year) * 12 + high.month - low.month + 1
    whole_months = low.day == 1 and high == _month_end(high.year, high.month)
    if whole_months and n_months >= 2:
        i, j = _pick(n_months, mod)
        return _add_months(low, i), _month_end(*divmod_month(low, j))
    if whole_months and n_months == 1:
        last = high.day
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "start": (1, 7),
                "middle": (11, 20), "end": (last - 6, last)}[mod]
        return low.replace(day=a), low.replace(day=b)
    n = (high - low).days + 1
    if n < 3:
        return low, high
    i, j = _pick(n, mod)
    return low + dt.timedelta(days=i), low + dt.timedelta(days=j)


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


def _apply_prefix(r: _Raw, pre: _Pre, a: dt.date | None) -> None:
    """Widen r to its qualifier/modifier words and narrow its interval accordingly."""
    qual = pre.qual
    if qual in _AGO_ONLY and r.kind != "AGO":
        qual = ""
    if pre.mod:
        r.start = min(r.start, pre.mod_start)
        r.qualifier = "approx"
        if r.low is not None and r.high is not None:
            if pre.mod in ("earlier", "later"):
                if a is not None and r.low <= a <= r.high:
                    r.low, r.high = (r.low, a) if pre.mod == "earlier" else (a, r.high)
            elif r.low != r.high:
                r.low, r.high = _slice(r.low, r.high, r.gran, pre.mod)
    if qual:
        r.start = pre.start
        r.qualifier = _QUALS[qual]
        r.qual_word = qual


# --------------------------------------------------------------------------------------------
# the scan


def _scan(text: str, anchor: dt.date | None) -> list[_Raw]:
    out: list[_Raw] = []
    pos = 0
    n = len(text)
    search = _CORE.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        kind = m.lastgroup or ""
        s, e = m.span()
        if kind == "SKIP":
            pos = e
            continue
        prev = out[-1] if out else None
        floor = prev.end if prev else 0
        pre = _read_prefix(text, max(floor, s - 48), s)
        try:
            r = _HANDLERS[kind](m, text, anchor, pre, prev)
            if r is not None:
                _apply_prefix(r, pre, anchor)
        except (ValueError, OverflowError):
            r = None
        if r is None:
            pos = s + 1
            continue
        out.append(r)
        pos = e
    return out


def _label(raws: list[_Raw], text: str) -> None:
    """Link weekday words to the calendar dates they stand next to."""
    for i, w in enumerate(raws):
        if w.kind != "WD":
            continue
        target = -1
        if i + 1 < len(raws) and raws[i + 1].calendar_day and _LABEL_BEFORE.match(text, w.core[1], raws[i + 1].start):
            target = i + 1
        elif i > 0 and raws[i - 1].calendar_day and _LABEL_AFTER.match(text, raws[i - 1].end, w.core[0]):
            target = i - 1
        if target < 0:
            continue
        d = raws[target]
        if w.qualifier != "exact" and d.qualifier == "exact" and target > i:
            d.qualifier = w.qualifier
        w.start, w.end = w.core
        w.qualifier = "exact"
        w.labels = target
        w.relative = d.relative
        if d.low is None:
            w.low = w.high = None
            w.value = None
        else:
            off = (w.weekday - d.low.weekday()) % 7  # type: ignore[operator]
            if off > 3:
                off -= 7
            w.low = w.high = d.low + dt.timedelta(days=off)
            w.value = _iso_day(w.low)


def _ranges(raws: list[_Raw], text: str) -> None:
    """"from X to Y" / "between X and Y": the second end is an upper bound."""
    for x, y in zip(raws, raws[1:]):
        if x.qual_word in ("from", "between") and not y.qual_word:
            joiner = r"\s*(?:and|to|until|till|through|[-–])\s*\Z" if x.qual_word == "from" else r"\s*and\s*\Z"
            if re.match(joiner, text[x.end:y.start]):
                y.qualifier = "at_most"


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in text, sorted by start and non-overlapping; `published` anchors relative ones."""
    raws = _scan(text, published)
    _label(raws, text)
    _ranges(raws, text)
    out: list[DateMention] = []
    for r in raws:
        resolved = r.low is not None
        out.append(DateMention(
            start=r.start, end=r.end, text=text[r.start:r.end],
            low=r.low, high=r.high, granularity=r.gran,
            value=r.value if resolved else None,
            relative=r.relative, resolved=resolved or not r.relative,
            weekday=r.weekday, labels=r.labels, qualifier=r.qualifier,
        ))
    return out
