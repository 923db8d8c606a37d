"""Date mentions in news prose.

`find_dates(text, published)` returns every date-like mention as an inclusive interval of calendar
days, with its granularity, its ISO value, how it was qualified ("by March" -> at_most) and whether it
needed the publication date to resolve ("last Friday", "in December", "a year ago").

One compiled alternation finds the core of each mention (a month name, a year, "last week"...);
a small backward pattern then reads the words before it ("since", "by the end of", "mid-"). A mention
without a year ("in March", "the second half", "on Thursday") takes it from the tense cue nearest it in
its own clause (a sentence is cut at ";", dashes, ", and", ", but", ", which", "up from"...; cues in
other clauses never count): "fell in March" is the last March, "will open in March" the next, "since
March" one that has ended. A scheduled event ("polls close on Tuesday", "payable December 18", "the
window shutting on Monday") and an infinitive of intent ("agreed to raise output in June") look ahead
when the next such day is near (a week for a weekday, about six months for a date); a past projection
("were projected to win") and a day's event ("Monday's vote") look back; a reporting verb dates only
its own saying ("said Tuesday"). With no tense to go by, the one nearest the publication date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.core.records import FIRST_YEAR, LAST_YEAR

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
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_FULL_MON = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:(?:{_FULL_MON})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YYYY = r"(?:19\d\d|20\d\d|2100)"
_YYYY_OLD = r"(?:1[5-9]\d\d|20\d\d|2100)"  # "July 4, 1776": a day and month make an old year safe


def _either_case(word: str) -> str:
    """A word whose first letter may be a capital: "[Ss]ixty"."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


_NUMW = (  # a number word, one to ninety-nine, built from the two tables above (so they cannot drift apart)
    "(?:(?:" + "|".join(map(_either_case, _TENS)) + ")(?:-(?:" + "|".join(w for w, n in _UNITS.items() if n < 10) + "))?"
    "|" + "|".join(map(_either_case, _UNITS)) + ")"
)


def _yexp(p: str) -> str:
    """A year expression with group names prefixed by p: 2025, last year, the year."""
    return (
        rf"(?:(?P<{p}_y>{_YYYY})(?!\d)|(?P<{p}_rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b"
        rf"|(?P<{p}_the>the\s+(?:current\s+)?year)\b)"
    )


_W = r"(?<!\w\w)"  # placed after a first letter: that letter starts a word
_MONTH_WORD = (
    r"(?:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|ovember|ecember)\b"
    r"|(?:an|eb|ar|pr|un|ul|ug|ept|ep|ct|ov|ec)\b\.?"
)
_AGO_TAIL = (
    r"(?P<{p}_c>)(?P<{p}_h1>\s+and\s+a\s+half)?\s+(?P<{p}_u>day|week|month|year|decade)s?"
    r"(?P<{p}_h>\s+and\s+a\s+half)?\s+ago\b"
)

_CORE = re.compile(
    rf"""
    [Ff]{_W}iscal(?:[\s-]+year)?(?:[\s-]+(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)
        |[\s-]+(?:Q[1-4]|H[12])\b|\s+['’]?\d\d(?:\d\d)?\b)(?P<SKIP>)
  | F{_W}Y\s?['’]?\d\d(?:\d\d)?\b(?P<SKIP2>)
  | [QH]{_W}[1-4]\s*(?:of\s+)?(?:FY|[Ff]iscal)[\s'’-]*(?:year\s+)?(?:\d\d){{1,2}}\b(?P<SKIP3>)
  | \d(?<![\w.,$€£¥/–+#]\d)(?<!\d-\d)(?:
        \d{{3}}-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d\-])(?P<ISO>)
      | \d?(?P<nsep>[/.])(?P<n2>\d\d?)(?P=nsep)(?P<n_y>{_YYYY})(?![\d/]|\.\d)(?P<NUM>)
      | \d{{0,3}}{_AGO_TAIL.format(p="agod")}(?P<AGO>)
      | \d?(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<dm_d2>{_DAYN}))?\s+(?:of\s+)?(?P<dm_mon>{_MON})
            (?:,?\s+(?P<dm_y>{_YYYY_OLD})(?!\d|,\d))?(?P<DM>)
      | Q\s?(?:(?P<q2_y>{_YYYY})|['’]?(?P<q2_yy>\d\d))\b(?P<Q2>)
      | H\s?(?:(?P<h2_y>{_YYYY})|['’]?(?P<h2_yy>\d\d))\b(?P<H2>)
      | \d\d0['’]?s\b(?P<DEC>)
      | \d{{3}}(?:\s*[-–/]\s*(?P<yr2>[12]\d{{3}}|\d\d))?(?![\w%]|[.,:]\d|[-–/]\d)(?P<YR>)
    )
  | [JFMASOND]{_W}(?:{_MONTH_WORD})(?:
        \s*[-–/]\s*(?P<mm_2>{_MON})(?:,?\s+(?P<mm_y>{_YYYY})(?!\d|,\d))?(?P<mm_q>\s+quarter\b)?(?P<MM>)
      | \s+(?P<md_d>{_DAYN})(?![\d:]|[.,]\d)(?:\s*(?:[-–]|to|through)\s*(?P<md_d2>{_DAYN})(?![\d:]|[.,]\d))?
            (?:,?\s+(?:(?P<md_y>{_YYYY_OLD})(?!\d|,\d)|(?P<md_rel>last|this|next)\s+year\b))?(?P<MD>)
      | (?:\s+of)?,?\s+(?:(?P<my_y>{_YYYY})(?!\w|[.,]\d)|(?P<my_rel>last|this|next)\s+year\b)(?P<MY>)
      | (?P<MN>)
    )
  | [MTWFS]{_W}(?:onday|uesday|ednesday|hursday|riday|aturday|unday)\b(?P<WD>)
  | [LlTtNnCcPp]{_W}(?:ast|his(?:\s+(?:past|coming))?|ext|oming)(?P<dir_e>)\s+(?:
        (?P<d_wd>{_WDAY})\b|(?P<d_mn>{_FULL_MON})\b|(?P<d_sea>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b
      | (?P<d_u>weekend|week|month|quarter|year|decade)\b)(?P<DIR>)
  | Q{_W}(?P<q_n>[1-4])(?:(?:\s+of)?\s+(?P<q_y>{_YYYY})|\s?['’](?P<q_yy>\d\d)|[-/](?P<q_y3>{_YYYY}))?\b(?P<QQ>)
  | H{_W}(?P<h_n>[12])(?:(?:\s+of)?\s+(?P<h_y>{_YYYY})|\s?['’](?P<h_yy>\d\d)|[-/](?P<h_y3>{_YYYY}))?\b(?P<HH>)
  | [Tt]{_W}he\s+(?:
        first\s+(?P<qs_n>two|three|2|3)\s+quarters\s+of\s+{_yexp("qs")}(?P<QS>)
      | (?P<ms_dir>first|last|final)\s+(?P<ms_n>{_NUMW}|\d\d?)\s+months\s+of\s+{_yexp("ms")}(?P<MS>)
      | (?:last|final)\s+quarter\s+of\s+{_yexp("oql")}(?P<OQL>)
      | (?P<pd_dir>previous|preceding|following|next)\s+day\b(?!\s+of\b)(?P<PD>)
      | (?P<rl_dir>past|last|next|coming)\s+(?:(?P<rl_n>{_NUMW}|\d{{1,3}}|few|several|couple\s+of)\s+)?
            (?P<rl_u>hour|day|week|month|year|decade)(?P<rl_pl>s)?\b(?P<RL>)
      | (?P<oqt_o>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<oqt_u>quarter|half)\b
            (?:\s+of\s+{_yexp("oqt")}|(?:,\s*|\s+)(?P<oqt_y2>{_YYYY})(?!\d))?(?P<OQT>)
      | day\s+(?:before\s+yesterday|after\s+tomorrow)\b(?P<TODAY2>)
    )
  | [FfSsTt1-4]{_W}(?:irst|econd|hird|ourth|inal|st|nd|rd|th)(?P<oq_e>)[\s-]+(?P<oq_u>quarter|half)\b
        (?:\s+of\s+{_yexp("oq")}|(?:,\s*|\s+)(?P<oq_y2>{_YYYY})(?!\d))?(?P<OQ>)
  | [TtYyLl]{_W}(?:oday|esterday|omorrow|onight|his\s+(?:morning|afternoon|evening|time\s+last\s+year)
        |ast\s+night)\b(?P<TODAY>)
  | [OoAaDd]{_W}(?:ver|t|uring)\s+the\s+weekend\b(?P<WKND>)
  | [SsAaFfWw]{_W}(?:pring|ummer|utumn|all|inter)\b
        (?:(?:\s+of)?,?\s+(?P<sea_y>{_YYYY})(?!\d)(?:[-–/](?:\d\d){{1,2}}\b)?)?(?P<SEA>)
  | [AaCcEeFfNnOoSsTt]{_W}[a-z]*(?:-[a-z]+)?(?:\s+(?:few|couple(?:\s+of)?|dozen))?
        {_AGO_TAIL.format(p="agow")}(?P<AGOW>)
  | ['’](?<!\w['’])\d0s\b(?P<DEC2>)
    """,
    re.VERBOSE,
)

_QUALS: dict[str, str] = {
    "since": "at_least", "after": "at_least", "starting": "at_least",
    "starting in": "at_least", "starting from": "at_least", "beginning in": "at_least",
    "not until": "at_least", "not before": "at_least", "no earlier than": "at_least",
    "between": "at_least", "later than": "at_least",
    "by": "at_most", "before": "at_most", "until": "at_most", "till": "at_most", "through": "at_most",
    "up to": "at_most", "up until": "at_most", "no later than": "at_most", "prior to": "at_most",
    "earlier than": "at_most", "as late as": "at_most",
    "around": "approx", "about": "approx", "roughly": "approx", "approximately": "approx",
    "circa": "approx", "c.": "approx", "sometime in": "approx", "some time in": "approx",
    "as early as": "approx", "in or around": "approx",
    # the rest only qualify "... ago"; elsewhere they are plain context
    "nearly": "approx", "almost": "approx", "close to": "approx", "some": "approx",
    "more than": "at_most", "over": "at_most", "at least": "at_most", "just over": "at_most",
    "less than": "at_least", "under": "at_least", "within": "at_least", "fewer than": "at_least",
    "just under": "at_least", "just": "exact",
}
_AGO_ONLY = {"nearly", "almost", "close to", "some", "more than", "over", "at least", "just over",
             "less than", "under", "within", "fewer than", "just under", "just"}
_MOD_WORDS = ["early", "mid", "late", "earlier", "later"] + [
    f"{the}{very}{k} of" for the in ("", "the ") for very in ("", "very ")
    for k in ("end", "start", "beginning", "middle", "close", "turn")
]
_CTX_WORDS = ["in", "on", "at", "during", "of", "for", "from", "to", "and", "or", "throughout", "into", "than",
              "year", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"]


def _rev_alt(words: list[str]) -> str:
    """An alternation of the words spelled backwards (for matching a reversed string)."""
    return "|".join(re.escape(w[::-1]).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# read backwards from a core: [qualifier|context] [the] [modifier] core
_PREFIX_REV = re.compile(
    rf"""(?:(?:\s*[-–]\s*|\s+)(?:ni\s+)?(?P<mod>{_rev_alt(_MOD_WORDS)})(?![\w'’]))?
    (?:\s+(?P<the>eht)(?![\w'’]))?
    (?:\s+(?:(?P<qual>{_rev_alt(list(_QUALS))})|(?P<ctx>{_rev_alt(_CTX_WORDS)}|s['’][^\W\d_]+))(?![\w'’]))?""",
    re.VERBOSE | re.IGNORECASE,
)

_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+")
_NEXT = re.compile(r"[ \t\-]+([A-Za-z][\w'’]*)")
_POSS = re.compile(r"['’]s\b")
_STRONG_CTX = {"in", "during", "throughout", "year"}
_STRONG_QUAL = {"since", "after", "before", "until", "till", "through", "not until", "not before",
                "no later than", "no earlier than", "prior to", "starting in", "beginning in",
                "up until", "circa", "c.", "sometime in", "some time in", "in or around"}
_DETS = {"a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"}
_MONTH_CTX = {"in", "on", "during", "of", "for", "from", "to", "and", "or", "throughout", "into", "than"}
_EVENTS = {
    "elections", "midterms", "primaries", "polls", "caucuses", "olympics", "games", "paralympics",
    "championships", "finals", "playoffs", "results", "figures", "accounts", "earnings", "levels",
    "prices", "estimates", "forecasts", "projections", "standards", "rules", "regulations",
    "guidelines", "accords", "talks", "negotiations", "protests", "riots", "floods", "wildfires",
    "fires", "attacks", "awards", "oscars", "emmys", "grammys", "nationals", "trials", "sanctions",
    "tariffs", "rankings", "standings", "budgets", "targets", "goals", "plans", "reforms", "laws",
    "hearings", "sessions", "sales", "revenues", "profits", "losses", "returns", "filings",
    "reports", "statements", "lows", "highs", "peaks", "totals", "numbers", "data",
}
_QUANTITY_NOUNS = {
    "token", "gpu", "cpu", "core", "node", "bit", "byte", "pixel", "parameter", "unit", "person",
    "seat", "vote", "point", "yard", "metre", "meter", "mile", "foot", "pound", "ton", "tonne",
    "barrel", "share", "dollar", "euro", "calorie", "word", "page", "hour", "minute", "second",
    "percent", "pct", "per", "km", "kg", "mi", "ft", "lb", "lbs", "mph", "kph", "cm", "mm", "ml",
    "gb", "mb", "tb", "kb", "gw", "mw", "kw", "kwh", "twh", "gwh", "mwh", "bn", "mn", "hp", "bhp",
    "x", "times", "million", "billion", "trillion", "thousand", "hundred", "degrees", "yen",
    "won", "yuan", "people", "children", "men", "women", "staff", "police", "personnel", "cattle",
    "sheep", "fish", "deer", "mice", "geese", "feet", "teeth",
}
_MAY_NOUNS = {"election", "elections", "vote", "meeting", "deadline", "figures", "data", "report",
              "session", "budget", "summit", "poll", "polls", "primary", "referendum", "issue",
              "edition", "sales", "survey", "reading", "ballot", "auction", "strike", "talks"}
# nouns after which "for May", "of May" is the month, not Theresa May
_PERIOD_NOUNS = {
    "revenue", "revenues", "sales", "data", "figures", "numbers", "inflation", "output", "production", "exports",
    "imports", "payrolls", "results", "prices", "rent", "rents", "statistics", "reading", "readings", "index",
    "orders", "deliveries", "shipments", "traffic", "bookings", "spending", "turnover", "earnings", "income",
    "profit", "profits", "growth", "unemployment", "jobs", "survey", "report", "rainfall", "temperatures",
    "volumes", "arrivals", "passengers", "visitors", "registrations", "approvals", "starts", "claims",
    "borrowing", "lending", "month", "rest", "remainder", "weeks", "days", "ides",
}
# words after a bare month that make it a name or a verb, not a month used as a modifier
_NOT_ATTRIBUTIVE = {
    "is", "was", "has", "had", "have", "will", "would", "said", "says", "and", "or", "nor", "of", "to", "for", "in",
    "on", "at", "by", "with", "from", "the", "that", "which", "who", "whom", "whose", "as", "than", "but", "also",
    "could", "should", "may", "might", "can", "did", "does", "do", "were", "are", "be", "been", "being", "not",
    "tells", "adds", "writes", "asks", "notes", "argues", "recalls", "claims", "thinks", "believes", "wants",
    "knows", "loves", "hopes", "feels", "lives", "works", "joins", "dies", "told", "wrote", "thought", "knew",
    "felt", "insists", "explains", "admits", "replies", "warns", "gets", "got", "goes", "went", "takes",
    "took", "gives", "gave", "makes", "made", "sees", "saw", "comes", "came", "seems", "looks", "a", "an",
    "into", "onto", "upon", "about", "through", "against", "after", "before", "since", "until", "while",
    "when", "where", "if", "so", "yet", "just", "now", "then", "still", "again", "too", "her", "his", "their",
    "its", "our", "my", "your", "him", "them", "us", "me", "it", "he", "she", "they", "we", "you", "this",
    "these", "those", "there", "here", "what", "how", "why", "all", "both", "each", "some", "any", "no",
}
# "the coldest January night", "every June", "a typical August day": any such month, not one
_GENERIC = {"most", "least", "every", "each", "any", "typical", "average", "normal", "usual"}
# nouns that a number names rather than counts: "page 2019", "flight 2024"
_LABEL_NOUNS = {"page", "section", "room", "flight", "number", "no", "model", "version", "code", "route", "bus",
                "line", "article", "chapter", "rule", "gate", "exit", "platform", "seat", "box", "unit", "item",
                "lot", "case", "bill", "resolution", "form", "suite", "apartment", "highway", "road", "street",
                "channel", "track", "level", "stage", "series", "class", "type", "grade", "size", "block"}
# singular units that follow a number used as a modifier: "a 2030 acre farm", "a 2040 page report"
_UNIT_NOUNS = {"acre", "hectare", "square", "litre", "liter", "gallon", "watt", "volt", "horsepower", "page",
               "piece", "member", "bed", "bedroom", "room", "storey", "story", "floor", "kilometre", "kilometer",
               "metre", "meter", "yard", "foot", "inch", "mile", "tonne", "ton", "pound", "ounce", "gram",
               "degree", "point", "seat", "unit", "home", "house", "car", "mph", "cc", "strong", "odd"}
_YEAR_VERBS = {"was", "is", "will", "has", "had", "saw", "marked", "brought", "began", "ended",
               "proved", "looks", "promises", "became", "could", "would", "may", "might", "should"}
_HOLIDAY_ADJ = {"black", "good", "super", "cyber", "ash", "holy", "easter", "bloody", "blue",
                "giving", "maundy", "palm", "shrove", "fat", "manic", "whit", "low", "plough", "man",
                "girl", "small", "travel"}
_NOT_ANCHORED = {"following", "previous", "preceding", "same", "that", "each", "every", "one", "a", "an", "any",
                 "another", "some"}
_MONTH_NAMES = {n.lower(): i + 1 for i, n in enumerate(_FULL_MON.split("|"))}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAY_NAMES = {n.lower(): i for i, n in enumerate(_WDAY.split("|"))}
_DIRS = {"last": "last", "past": "last", "this past": "last", "this": "this", "next": "next",
         "coming": "next", "this coming": "next"}
_CHAIN = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|into|&|[-–/])?\s*\Z")
_PREPS = (
    "on|in|at|by|to|from|for|with|into|onto|up|down|off|out|over|under|last|this|that|its|their|his|her|the|a|an"
    "|after|before|since|until|during|about|around|as|and|but|when|while|earlier|late|early|again|back|sharply"
    "|slightly|steadily|more|less|nearly|almost|some|just|only|also|overnight|yesterday|ahead|through"
)
# words in -ed that are no past tense
_NOT_ED = (
    r"(?!(?:hundred|kindred|sacred|naked|wicked|rugged|ragged|beloved|aged|based|related|limited|unexpected"
    r"|listed|dated|detailed|advanced|skilled|armed|concerned|interested|experienced|qualified|supposed|used"
    r"|indeed)\b)"
)
# verbs that tell the time of a clause; the one nearest a year-less date governs it
_TENSE = re.compile(
    r"\b(?P<fut>will|won['’]t|shall"
    r"|(?:is|are|am)\s+(?:due|set|scheduled|expected|slated|poised|to|likely|forecast|predicted|projected"
    r"|tipped|on\s+(?:track|course))|(?:was|were)\s+to"
    r"|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|(?<!\bthan\s)(?<!\bas\s)expected"
    r"|expects?|expecting"
    r"|forecasts?\s+to|[Uu]pcoming|[Ff]orthcoming|next|[Aa]head\s+of|(?:run|build)-up\s+to|looking\s+forward\s+to"
    r"|to\s+be\s+[a-z]+(?:ed|en)"
    r"|(?:could|would|might|should|may)(?!\s+(?:not\s+)?have\b))\b"
    r"|(?P<fut2>['’]ll)\b"
    # a scheduled event, in the present tense or as a noun: "polls close", "payable", "the window shutting"
    r"|\b(?P<sched>payable|due(?!\s+to\b)|scheduled|slated|penc[il]+ed\s+in"
    r"|(?:kicks?|kicking)\s+off|(?:takes?|taking)\s+effect|(?:comes?|coming|enters?)\s+into\s+(?:force|effect)"
    r"|(?:goes|go|going)\s+(?:live|on\s+sale|to\s+the\s+polls)|(?:heads?|heading)\s+to\s+the\s+polls"
    r"|(?:hits?|hitting)\s+(?:shelves|stores)|gets\s+under\s?way"
    r"|opens|closes|shuts|starts|begins|ends|resumes|reopens|expires|convenes|meets|debuts|premieres|decides"
    r"|arrives|departs|hosts|faces|unveils|publishes|announces|(?<!\bthe\s)launches|set\s+for"
    r"|(?:reports|releases|posts)(?=\s+(?:its|their|quarterly|annual|full-year|first|second|third|fourth|results"
    r"|earnings|figures|data)\b)"
    r"|(?=open|close|shut|start|begin|end|resume|reopen|expire|convene|meet|vote|face|arrive|return|host|play|take)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("its", "his", "this", "was", "has", "is", "as", "us")) +
    r"(?<=[A-Za-z]s\s)(?:open|close|shut|start|begin|end|resume|reopen|expire|convene|meet|vote|face|arrive"
    r"|return|host|play|take\s+on)"
    r"|(?:Fed|ECB|BoE|BOJ|BoJ|PBOC|RBA|RBI|SNB|RBNZ|bank)\s+(?:cuts|hikes|raises|lowers|trims|holds|meets|decides)"
    r"|(?=(?:open|clos|shutt|resum|reopen|expir|conven|start|beginn|end)ing)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("the", "its", "an", "a", "was", "were", "after", "since", "upon",
                                                "before", "their", "his", "her")) + r"(?<!['’]s\s)"
    r"(?:opening|closing|shutting|resuming|reopening|expiring|convening"
    # ...but "starting July 1", "the year ending March 31" only bound a period
    r"|(?:starting|beginning|ending)(?!\s+(?:in|from|with|at|on)\b|\s+[A-Z\d]|\s*\Z)))\b"
    # "agreed to raise", "plans to cut": an infinitive after a verb of intent (see _INF_FUT, _INF_PAST)
    r"|\b(?P<inf>to)\s+(?:not\s+)?(?!(?:the|an|its|their|his|her|our|this|that|these|those|date|be)\b)[a-z]{2,}\b"
    # "were projected to win", "was expected to": a past projection about what has happened since
    r"|\b(?P<past>(?:was|were)\s+(?:due|set|scheduled|expected|slated|poised|likely|forecast|predicted"
    r"|projected|tipped|on\s+(?:track|course))(?:\s+to\s+be\s+[a-z]+(?:ed|en)\b)?"
    r"|ha(?:s|ve|d)\s+(?:not\s+|never\s+|already\s+|also\s+|just\s+)?(?:been(?:\s+(?:expected|projected"
    r"|forecast|predicted|tipped|scheduled|due|set|slated))?|[a-z]+(?:ed|en|wn)|hit|cut"
    r"|set|put|won|lost|made|held|paid|sold|seen|done|grown|risen|fallen|shrunk|sunk|slid|led|spent|kept|left"
    r"|met|brought)|yesterday"
    r"|was|were|had|did|said|told|fell|rose|grew|sank|slid|won|lost|sold|bought|saw|took|made|came"
    r"|went|began|left|met|held|paid|spent|ran|gave|got|kept|brought|found|led|became|struck|broke|drove|flew"
    r"|stood|wrote|spoke|chose|sought|fought|caught|meant|sent|built|felt|heard|knew|shook|drew|threw|ago"
    r"|agreed|exceeded|succeeded|proceeded|stole|fled|swept|dealt|hung|rode|rang|stuck|swung|tore|woke|wore"
    r"|forgot|froze|hid|blew|withdrew|overtook|undertook|overcame|oversaw|sped|swore|taught|thought|understood"
    r"|upheld|withheld|misled|laid|lent|ate|drank|slumped|soared|Asked|Pressed|Questioned|Interviewed"
    # forms that are also nouns or present tenses: past only before an object ("cut rates", "hit a record")
    r"|(?=beat|hit|set|put|shut|quit|shed|bet|cast|spread|cut)"
    + "".join(rf"(?<!\b{w}\s)" for w in ("will", "to", "would", "could", "should", "can", "may", "might", "must",
                                                "not", "did", "do", "does", "ll")) +
    r"(?:beat(?=\s+[A-Z])|(?:hit|set|put|beat|shut|quit|shed|bet|cast|spread)(?=\s+(?:a|an|the|its|their|his|her|our|back"
    r"|down|up|out|off|rates?|jobs|prices|costs|output|production|records?|\$?\d))"
    r"|cut(?=\s+(?:rates?|interest|jobs|prices|output|production|costs|back|staff|ties|\$?\d|the\s+(?:rate|price)"
    r"|its\s+(?:forecast|outlook|guidance|stake|workforce|rating))))"
    # a regular past form, but not a passive ("is published") nor an adjective ("revised figures")
    r"|(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    + _NOT_ED + r"[a-z]{2,}(?<!e)ed(?!\s+(?!(?:" + _PREPS + r")\b)[a-z]))\b"
    # ...and one before a noun, a verb ("posted losses") or an adjective ("revised figures"): weak evidence
    r"|\b(?P<weak>" + _NOT_ED + r"[a-z]{2,}(?<!e)ed)\b"
    r"|\b(?P<pres>is|are|am|has|have|does|do|remains?|runs|takes|goes|comes|says"
    r"|gets|makes|stands|sits|lies|holds|needs)\b"
)
_KINDS = {"fut": "future", "fut2": "future", "sched": "sched", "past": "past", "pres": "present"}
# verbs (and nouns) of intent whose infinitive looks ahead: "plans to", "is set to", "a bid to", and
# past ones ("agreed to raise output in June" is a plan still ahead)
_INF_FUT = {
    "plan", "plans", "planning", "aim", "aims", "aiming", "hope", "hopes", "hoping", "intend", "intends",
    "intending", "want", "wants", "seek", "seeks", "seeking", "promise", "promises", "pledge", "pledges",
    "vow", "vows", "threaten", "threatens", "propose", "proposes", "proposing", "prepare", "prepares",
    "preparing", "agree", "agrees", "decide", "decides", "offer", "offers", "going", "about", "ready",
    "poised", "likely", "set", "looking", "yet", "need", "needs", "bid", "deal", "move", "push", "effort",
    "proposal", "decision", "agreement", "ambition", "intention", "vote", "votes", "expect",
    "expects", "expecting", "scheduled", "slated",
}
_INF_PAST = {
    "agreed", "decided", "planned", "promised", "pledged", "vowed", "threatened", "proposed", "voted",
    "resolved", "opted", "chose", "arranged", "intended", "prepared", "aimed", "hoped", "wanted", "offered",
    "committed", "undertook",
}
_BE = {"is", "are", "am", "was", "were", "be", "been", "being"}
# adverbials between a verb of intent and its infinitive
_INF_SKIP = {"not", "on", "in", "at", "last", "this", "late", "early", "earlier", "week", "month", "year", "principle",
             "unanimously", "formally", "also", "again", "already", "finally", "now", "overwhelmingly", "narrowly",
             "tentatively", "instead", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_ABBREVS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms",
            "Dr", "St", "Inc", "Corp", "Ltd", "Co", "No", "vs", "Gov", "Sen", "Rep", "Gen", "Prof", "Mt", "Ave")
_PAREN = re.compile(r"\([^()]*\)")
# hard clause boundaries: a sentence end, ";", a dash, a bracket, ", and", ", which", "up from"...
_BOUND = (
    r"(?=[.!?])(?<!\.[A-Za-z])(?<!\b[A-Z])" + "".join(rf"(?<!\b{w})" for w in _ABBREVS) + r"[.!?](?=[\s\"“”'’)])"
    r"|[;:](?=\s)|[\n(—]|\s[–-]\s|--"
    r"|,\s+(?:and|but|while|whereas|although|though|yet|so|which|who|whom|whose|where|when|after|before"
    r"|because|even|whilst|unlike)\b"
    r"|\b(?P<cmp>(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|from\s+a\s+year\s+earlier)(?=\s)"
)
# before a date, an appositive also ends the clause: "agreed to buy Veldt, a 41% premium to its close on Tuesday"
_HARD_B = re.compile(_BOUND + r"|,\s+(?:a|an|the)\s")
_HARD_A = re.compile(_BOUND + r"|\)")
_SENT_END = re.compile(r"(?:[.!?](?=[\s\"“”'’)])|[;\n])(?:(?![.!?;\n]).)*\Z")
_SENT_NEXT = re.compile(r"[.!?](?=[\s\"“”'’)]|\Z)|[;\n]")
# "until 6pm on", "by noon on", "by": a deadline ahead of the clause's present
_DEADLINE = re.compile(
    r"\b(?:until|till|by|through)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midday|midnight|late|early"
    r"|the\s+end\s+of)\s+)?(?:on\s+)?\Z", re.IGNORECASE)
_FINANCE = re.compile(
    r"\b(?:profits?|revenues?|sales|earnings|results|growth|GDP|econom\w*|loss(?:es)?|output|shipments"
    r"|deliveries|income|margins?|EPS|guidance|forecasts?|outlook|quarterly|year-(?:on|over)-year"
    r"|annuali[sz]ed|inflation|jobs|unemployment|reported|shares|estimates|analysts|production"
    r"|spending|investment|orders|imports|exports|contract(?:ed|ion)|expanded|demand|company|firm"
    r"|bank|lender|insurer|retailer|carmaker|group|fiscal|financial|budget|deficit|payrolls|bookings"
    r"|traffic|subscribers)\b",
    re.IGNORECASE,
)
# statistics talk: a year-less "the first quarter" in such a sentence is a calendar quarter
_STATS = re.compile(
    r"%|\b(?:per\s*cent|percent|compared\s+with|year\s+earlier|same\s+(?:period|stretch|quarter|half)"
    r"|figures|statistics|data|rates?|charges?|costs?|prices?|sales|volumes?)\b",
    re.IGNORECASE,
)
# ...but not in a sentence about a game ("scored twice in the second half", "led 21-7 in the third quarter")
_SPORT = re.compile(
    r"\b(?:scor(?:e|es|ed|ing)|touchdowns?|half-?time|quarterback|innings|penalt(?:y|ies)|from\s+the\s+field"
    r"|three-pointers?|free[- ]throws?|field\s+goals?|overtime|referee|striker|midfielder|goalkeeper"
    r"|equali[sz](?:er|ed)|\d+(?:st|nd|rd|th)\s+minute|the\s+lead"
    r"|(?:won|lost|beat|drew|led|lead|leading|trail(?:ed|ing)|winning|losing)\s+(?:by\s+)?\d+"
    r"|\d{1,3}-\d{1,3}\s+(?:win|victory|defeat|loss|lead|draw))\b"
)
# nouns that make a bare "H1" a half-year ("H1 revenue", "H2 results")
_RESULT_NOUNS = {
    "revenue", "revenues", "sales", "profit", "profits", "results", "earnings", "loss", "losses", "ebitda",
    "ebit", "margin", "margins", "net", "operating", "pre-tax", "pretax", "figures", "numbers", "growth",
    "deliveries", "shipments", "bookings", "orders", "guidance", "dividend", "report", "update", "performance",
    "turnover", "income", "eps", "cash", "underlying", "adjusted", "core", "gross", "comparable", "organic",
    "trading", "gdp", "inflation", "volumes", "outlook",
}
_HALF_AFTER = {"as", "after", "before", "compared", "versus", "vs", "from", "when", "while", "than"}
_HYDROGEN = re.compile(r"\b(?:hydrogen|electroly\w+|fuel\s+cells?|ammonia)\b", re.IGNORECASE)
_FISCAL_AFTER = re.compile(r"\s*(?:of\s+)?(?:the\s+)?(?:fiscal|FY)\b")
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
    core: tuple[int, int] = (0, 0)  # the weekday word itself, for weekday mentions
    labels: int | None = None
    qual_word: str = ""
    ctx_word: str = ""
    yearless: bool = False  # a day whose year came from the anchor...
    tense: str = ""  # ...chosen by this tense of its clause


@dataclass(slots=True)
class _Pre:
    """What the words just before a core say."""

    qual: str = ""
    ctx: str = ""
    the: bool = False
    mod: str = ""
    start: int = 0  # where the qualifier (or else the modifier) starts
    mod_start: int = 0


_LATENESS = re.compile(r"\b(?:r[au]n|runs|running|was|were|is|are|be|been|being|arriv(?:e|ed|es|ing))\s+\Z",
                       re.IGNORECASE)
_MOD_KEYS = ("early", "mid", "late", "earlier", "later", "end", "start", "beginning", "middle", "close", "turn")
_MOD_NORMAL = {"beginning": "start", "turn": "start", "close": "end"}


def _read_prefix(text: str, lo: int, s: int) -> _Pre:
    """Parse the qualifier/context/modifier words in text[lo:s] that end right before s."""
    if lo >= s:
        return _Pre(start=s, mod_start=s)
    rev = text[lo:s][::-1]
    m = _PREFIX_REV.match(rev)
    if m is None or m.end() == 0:
        return _Pre(start=s, mod_start=s)
    pre = _Pre(start=s, mod_start=s)
    if m["mod"]:
        words = " ".join(m["mod"][::-1].lower().split()).split()
        pre.mod = next(k for k in _MOD_KEYS if k in words)
        pre.mod = _MOD_NORMAL.get(pre.mod, pre.mod)
        pre.mod_start = s - m.end("mod")
        if pre.mod in ("late", "early") and not m["the"] and \
                _LATENESS.search(text, max(lo, pre.mod_start - 12), pre.mod_start):
            # "trains ran late in July", "the payment was late in June": lateness, not late July
            between = text[pre.mod_start:s].lower().split()
            return _Pre(ctx="in" if between[-1:] == ["in"] else "", start=s, mod_start=s)
    if m["the"]:
        pre.the = True
        if m["mod"]:
            pre.mod_start = s - m.end("the")
    if m["qual"]:
        pre.qual = " ".join(m["qual"][::-1].lower().split())
        pre.start = s - m.end("qual")
    else:
        pre.start = pre.mod_start
    if m["ctx"]:
        pre.ctx = m["ctx"][::-1].lower()
    return pre


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


def _opener(text: str, s: int) -> str:
    """The character opening the sentence or bracket right before s ('' at the text start), else 'x'."""
    i = s - 1
    while i >= 0 and text[i] in " \t\"“‘'":
        i -= 1
    if i < 0:
        return ""
    c = text[i]
    return c if c in ".!?\n(:;" else "x"


def _chained(prev: _Raw | None, kinds: tuple[str, ...], text: str, s: int) -> bool:
    """True if s continues a list or range of the previous mention ("in 2019 and 2020")."""
    return prev is not None and prev.kind in kinds and bool(_CHAIN.match(text, prev.end, s))


# verbs of saying ("reported results" is no saying: its objects are past)
_REPORT_VERBS = {"said", "says", "told", "tells", "added", "adds", "announced", "warned", "warns", "noted", "notes",
                 "argued", "argues", "predicted", "predicts", "estimated", "estimates", "stated", "confirmed"}
# ...and between a reporting verb and its own day: "said Tuesday", "told reporters on Monday", "said in March"
_OWN_DAY = re.compile(
    r"\s+(?:(?:late|early)\s+)?\Z"
    r"|\s+(?:(?!(?:that|it|he|she|they|we|which|who)\b)[\w’'.-]+\s+){0,5}?(?:(?:late|early)\s+)?on\s+\Z",
    re.IGNORECASE)
_OWN_PERIOD = re.compile(r"\s+(?:in|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?\Z", re.IGNORECASE)
# an event the clause follows: "after a crash on", "following talks in"
_AFTER_EVENT = re.compile(r"\b(?:after|following)\s+(?:[\w'’-]+\s+){1,4}(?:on|in|at|during)\s+\Z", re.IGNORECASE)


def _inf_kind(seg: str, i: int) -> str:
    """For the "to" at seg[i]: "fut" after a verb or noun of intent, even a past one ("plans to", "a bid
    to", "agreed on Sunday to"), "" otherwise ("rose to", "were projected to", "due to")."""
    words = seg[max(0, i - 60):i].lower().split()
    while words and (words[-1] in _INF_SKIP or words[-1][:1].isdigit()):
        words.pop()  # "agreed on Sunday to", "voted 5-4 to", "decided unanimously not to"
    if not words:
        return ""
    w = words[-1]
    if len(words) > 1 and words[-2] in _BE:
        return ""  # "were projected to win": the be-verb already told
    return "fut" if w in _INF_FUT or w in _INF_PAST else ""


def _cue_list(seg: str) -> list[tuple[str, re.Match[str]]]:
    """The tense cues of seg in order, as (kind, match); kind is a _KINDS key, "weak" or "inf"-resolved."""
    out: list[tuple[str, re.Match[str]]] = []
    for m in _TENSE.finditer(seg):
        k = m.lastgroup or ""
        if k == "inf":
            k = _inf_kind(seg, m.start())
            if not k:
                continue
        out.append((k, m))
    return out


def _before(seg: str, day: bool, adjacent: bool = True) -> str:
    """The tense of the cue of seg nearest its end (a date follows seg): "future", "sched", "past",
    "present" or "". A reporting verb is no cue for another date: it gives "past" for its own day ("said
    Tuesday", "told reporters on Monday", "said in March"), else "reported" when the date opens the
    clause it reports ("said H1 revenue would...": that clause tells, else the saying's past) and
    "reported?" when the date is further in ("said that in March...", "announced job cuts in March":
    only the clause after the date tells)."""
    cues = _cue_list(seg)
    strong = [c for c in cues if c[0] != "weak"]
    if not strong:
        return "past" if cues else ""
    k, m = strong[-1]
    if m.group().lower() in _REPORT_VERBS:
        if not adjacent:
            return ""
        rest = seg[m.end():]
        if (_OWN_DAY if day else _OWN_PERIOD).match(rest):
            return "past"
        return "reported?" if rest.strip() else "reported"
    return _KINDS[k]


def _after(seg: str) -> str:
    """The tense of seg's first cue (a date precedes seg); a reporting verb right after a date is its own
    verb ("On Tuesday, the firm said"), unless set off by commas ("March sales, it said, were...")."""
    cues = _cue_list(seg)
    weak = False
    for k, m in cues:
        if k == "weak":
            weak = True
            continue
        if m.group().lower() in _REPORT_VERBS and seg.startswith(",", m.end()):
            continue
        return _KINDS[k]
    return "past" if weak else ""


def _around(text: str, s: int, e: int) -> tuple[str, str, str, str, bool]:
    """(segment before, segment after, rest of the clause before, rest after, in a comparison) for s..e: the
    clause ends at hard boundaries (sentence end, ";", a dash, ", and", ", which", "up from"), and its
    segments at bare commas. The last flag is set when the clause is a comparison ("up from 3% in March")."""
    before = text[max(0, s - 200):s]
    after = text[e:e + 200]
    if "(" in before:
        before = _PAREN.sub("", before)  # "unveiled a 10 trillion yuan ($1.4 trillion) package on Friday"
    if "(" in after:
        after = _PAREN.sub("", after)
    cmp = False
    last = None
    for last in _HARD_B.finditer(before):  # noqa: B007 - keep the last one
        pass
    if last is not None:
        before = before[last.end():]
        cmp = bool(last["cmp"])
    m = _HARD_A.search(after)
    if m is not None:
        after = after[:m.start()]
    i = before.rfind(",")
    while i >= 0 and not before[i + 1:i + 2].isspace():
        i = before.rfind(",", 0, i)
    j = after.find(",")
    while j >= 0 and not after[j + 1:j + 2].isspace() and j + 1 < len(after):
        j = after.find(",", j + 1)
    soft_b, rest_b = (before[i + 1:], before[:i]) if i >= 0 else (before, "")
    soft_a, rest_a = (after[:j], after[j:]) if j >= 0 else (after, "")
    return soft_b, soft_a, rest_b, rest_a, cmp


def _sentence(text: str, s: int, e: int) -> str:
    """The sentence around s..e, without the span."""
    before = text[max(0, s - 200):s]
    cut = _SENT_END.search(before)
    after = text[e:e + 200]
    cut2 = _SENT_NEXT.search(after)
    return (before[cut.start() + 1:] if cut else before) + " " + (after[:cut2.start()] if cut2 else after)


def _clause_tense(text: str, s: int, e: int, day: bool = False, weekday: bool = False) -> str:
    """ "future", "sched", "past", "present" or "" for the clause holding s..e: the cue nearest the date
    in its comma segment (before it, then after it), then in the rest of the clause; never one from
    another clause of the sentence. A bare weekday after "until 6pm on" looks ahead."""
    soft_b, soft_a, rest_b, rest_a, cmp = _around(text, s, e)
    t = _before(soft_b, day)
    if t.startswith("reported"):
        return _after(soft_a) or _after(rest_a) or ("past" if t == "reported" else "")
    t = t or _after(soft_a)
    if weekday and t in ("", "present") and _DEADLINE.search(soft_b):
        return "future"
    if t in ("", "present") and _AFTER_EVENT.search(soft_b):
        return "past"  # "is in hospital after a crash on Sunday"
    t = t or _before(rest_b, day, False) or _after(rest_a)
    return t or ("past" if cmp else "")


def _tense(text: str, s: int, e: int, day: bool = False) -> str:
    """Whether the clause around s..e speaks of the future, a scheduled event ("sched") or the past, else ""."""
    t = _clause_tense(text, s, e, day)
    return "" if t == "present" else t


_SCHED_DAYS = 183  # how far ahead a scheduled event may lie


def _resolve(a: dt.date, make: Callable[[int], tuple[dt.date, dt.date]], tense: str,
             lag: int = 0, period: bool = False) -> tuple[dt.date, dt.date]:
    """The interval make(y) for a year-less mention, y chosen by tense: in the past the latest one that
    has begun ("January turned into a showcase", written on the 12th) or, for a reporting `period` (a
    quarter or half), the latest one over or ending within a fortnight ("burglaries fell in the first
    quarter" in January is last year's); after "since" the latest one that has ended; in the future the
    first one not over (or over for at most `lag` days: results come out weeks after a quarter); for a
    scheduled event ("payable December 18", "opens in March") the next one if it begins within about six
    months; else the nearest."""
    if tense not in ("past", "since", "future", "sched"):
        return _nearest(a, make)
    ivs: list[tuple[dt.date, dt.date]] = []
    for y in range(a.year - 3, a.year + 4):
        try:
            ivs.append(make(y))
        except (ValueError, OverflowError):
            continue
    if tense == "sched":
        ok = [iv for iv in ivs if iv[1] >= a]
        return min(ok) if ok and (min(ok)[0] - a).days <= _SCHED_DAYS else _nearest(a, make)
    if tense == "future":
        limit = a - dt.timedelta(days=lag)
        ok = [iv for iv in ivs if iv[1] >= limit]
        return min(ok) if ok else _nearest(a, make)
    if tense == "since":
        ok = [iv for iv in ivs if iv[1] < a]
    elif period:
        ok = [iv for iv in ivs if iv[1] <= a + 15 * _DAY]
    else:
        ok = [iv for iv in ivs if iv[0] <= a]
    return max(ok) if ok else _nearest(a, make)


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


def _day_num(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _mon_num(s: str) -> int:
    return _MONTHS[s[:3].lower()]


def _count(word: str) -> tuple[float, float] | None:
    """The (low, high) count a number word stands for: "two" -> (2, 2), "a few" -> (2, 4)."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return float(w), float(w)
    if w in ("a", "an", "one"):
        return 1.0, 1.0
    if w in ("few", "a few"):
        return 2.0, 4.0
    if w == "several":
        return 3.0, 7.0
    if w in ("couple", "a couple", "couple of", "a couple of"):
        return 2.0, 2.0
    if w == "a dozen":
        return 12.0, 12.0
    tens, _, unit = w.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        v = _TENS[tens] + _UNITS.get(unit, 0)
        return float(v), float(v)
    if w in _UNITS:
        return float(_UNITS[w]), float(_UNITS[w])
    return None


# --------------------------------------------------------------------------------------------
# handlers: each turns one core match into a _Raw, or None to reject it

_Handler = Callable[[re.Match[str], str, "dt.date | None", _Pre, "_Raw | None"], "_Raw | None"]


def _unresolved(s: int, e: int, kind: str, gran: str) -> _Raw:
    return _Raw(s, e, kind, None, None, gran, None, relative=True)


def _day_raw(s: int, e: int, kind: str, d: dt.date, relative: bool = False) -> _Raw:
    return _Raw(s, e, kind, d, d, "day", _iso_day(d), relative=relative, calendar_day=True)


def _span_raw(s: int, e: int, kind: str, iv: tuple[dt.date, dt.date], gran: str, relative: bool,
              value: str | None = None) -> _Raw:
    return _Raw(s, e, kind, iv[0], iv[1], gran, value, relative=relative)


def _month_raw(s: int, e: int, kind: str, y: int, mon: int, relative: bool) -> _Raw:
    low, high = _month(y, mon)
    return _Raw(s, e, kind, low, high, "month", _iso_month(low), relative=relative)


def _h_iso(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    y = int(text[m.start():m.start() + 4])
    if not 1900 <= y <= 2100:
        return None
    return _day_raw(m.start(), m.end(), "ISO", dt.date(y, int(m["iso_m"]), int(m["iso_d"])))


def _h_num(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    x, y, year = int(text[m.start():m.start("nsep")]), int(m["n2"]), int(m["n_y"])
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
             relative: bool, a: dt.date | None, text: str, pre: _Pre) -> _Raw | None:
    day2 = _day_num(d2) if d2 else None
    tense = ""
    if day2 is not None and day2 <= d1:
        return None
    dt.date(2000, mon, day2 or d1)  # validates the day (2000 is a leap year)
    if year is None:
        if a is None:
            r = _unresolved(s, e, kind, "day")
            r.calendar_day = day2 is None
            return r
        tense = _mention_tense(text, s, e, pre, day2 is None)
        low, _ = _resolve(a, lambda y: (dt.date(y, mon, d1), dt.date(y, mon, day2 or d1)), tense)
        year, relative = low.year, True
    low = dt.date(year, mon, d1)
    if day2 is None:
        r = _day_raw(s, e, kind, low, relative)
        r.yearless = relative
        r.tense = tense
        return r
    return _Raw(s, e, kind, low, dt.date(year, mon, day2), "day", None, relative=relative)


def _month_at(text: str, s: int) -> tuple[int, bool] | None:
    """(month, written in full) for the month word at s, or None if it is no month."""
    w = _WORD.match(text, s)
    if w is None:
        return None
    lw = w.group().lower()
    if lw in _MONTH_NAMES:
        return _MONTH_NAMES[lw], True
    if lw in _MONTH_ABBR:
        return _MONTH_ABBR[lw], False
    return None


def _h_md(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    mm = _month_at(text, m.start())
    if mm is None:
        return None
    year: int | None = int(m["md_y"]) if m["md_y"] else None
    relative = False
    if m["md_rel"]:
        if a is None:
            r = _unresolved(m.start(), m.end(), "MD", "day")
            r.calendar_day = not m["md_d2"]
            return r
        year, relative = a.year + {"last": -1, "this": 0, "next": 1}[m["md_rel"]], True
    return _md_like(m.start(), m.end(), "MD", mm[0], _day_num(m["md_d"]), m["md_d2"], year, relative, a, text, pre)


def _h_dm(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    digits = _DIGITS.match(text, m.start())
    d1 = int(digits.group()) if digits else 0
    if not 1 <= d1 <= 31:
        return None
    year = int(m["dm_y"]) if m["dm_y"] else None
    return _md_like(m.start(), m.end(), "DM", _mon_num(m["dm_mon"]), d1, m["dm_d2"], year, False, a, text, pre)


def _h_my(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    mm = _month_at(text, m.start())
    if mm is None:
        return None
    if m["my_y"]:
        return _month_raw(m.start(), m.end(), "MY", int(m["my_y"]), mm[0], False)
    if a is None:
        return _unresolved(m.start(), m.end(), "MY", "month")
    y = a.year + {"last": -1, "this": 0, "next": 1}[m["my_rel"]]
    return _month_raw(m.start(), m.end(), "MY", y, mm[0], True)


def _bare_month(s: int, e: int, mon: int, direction: str, text: str, a: dt.date | None, pre: _Pre,
                prev: _Raw | None) -> _Raw | None:
    if not direction:
        name = text[s:e]
        ok = bool(pre.mod) or bool(pre.qual and pre.qual not in _AGO_ONLY) or bool(_POSS.match(text, e))
        ok = ok or _chained(prev, ("MN", "MY"), text, s)
        if not ok and name == "May":
            ok = pre.ctx in ("in", "during", "throughout") or (
                pre.the and not pre.ctx and _next_word(text, e) in _MAY_NOUNS) or (
                pre.ctx in ("for", "of") and _word_before_ctx(text, s) in _PERIOD_NOUNS)
        elif not ok and pre.ctx in _MONTH_CTX:
            ok = True
        elif not ok and (pre.the or pre.ctx in _DETS):
            w = _next_word(text, e)
            ok = bool(w) and w.islower() and w not in (
                "on", "of", "to", "for", "in", "from", "against", "through", "and", "was", "is", "were",
                "had", "has")
        elif not ok and not pre.ctx and not pre.the:
            # a month before a noun: "July rains", "December sales" (not "June said", "April and")
            w = _next_word(text, e)
            before = text[max(0, s - 20):s].split()
            generic = bool(before) and (before[-1].lower().endswith("est") or before[-1].lower() in _GENERIC)
            ok = not generic and len(w) > 2 and w.isalpha() and w.islower() and w not in _NOT_ATTRIBUTIVE and not (
                w.endswith(("ed", "ly")))
        if not ok:
            return None
    if a is None:
        return _unresolved(s, e, "MN", "month")
    if direction == "last":
        y = a.year if mon < a.month else a.year - 1
    elif direction == "next":
        y = a.year if mon > a.month else a.year + 1
    elif direction == "this":
        y = a.year
    elif prev is not None and prev.low is not None and prev.gran == "month" and \
            _chained(prev, ("MN", "MY"), text, s):
        # "between June and September", "from November to January": the list runs forward
        y = prev.low.year if mon >= prev.low.month else prev.low.year + 1
    else:
        y = _resolve(a, lambda yy: _month(yy, mon), _mention_tense(text, s, e, pre))[0].year
    return _month_raw(s, e, "MN", y, mon, True)


def _mention_tense(text: str, s: int, e: int, pre: _Pre, day: bool = False) -> str:
    """The tense that picks the year of a year-less mention; "since" looks at ended periods."""
    if pre.qual == "since":
        return "since"
    t = _tense(text, s, e, day)
    if t == "past" and pre.qual in ("until", "till", "up until"):
        return ""  # "remanded in custody until October 28": the end may lie ahead of a past event
    return t


def _word_before_ctx(text: str, s: int) -> str:
    """The word before the context word ("for") that stands right before s: "revenue" in "revenue for May"."""
    words = text[max(0, s - 30):s].split()
    return words[-2].lower().strip(",;:\"“(") if len(words) >= 2 else ""


def _h_mn(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    mm = _month_at(text, m.start())
    if mm is None or not mm[1]:
        return None
    return _bare_month(m.start(), m.end(), mm[0], "", text, a, pre, prev)


def _h_mm(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    """ "April-June", "Jan-Mar 2025", "the April-June quarter": the months from the first to the second."""
    s, e = m.start(), m.end()
    mm = _month_at(text, s)
    if mm is None:
        return None
    m1, m2 = mm[0], _mon_num(m["mm_2"])
    if m1 == m2:
        return None
    wrap = int(m2 < m1)  # "November-January" runs into the next year

    def make(y: int) -> tuple[dt.date, dt.date]:
        return dt.date(y, m1, 1), _month_end(y + wrap, m2)

    quarter = bool(m["mm_q"])
    gran = "quarter" if quarter else "month"
    if m["mm_y"]:
        return _span_raw(s, e, "MM", make(int(m["mm_y"]) - wrap), gran, False)
    if a is None:
        return _unresolved(s, e, "MM", gran)
    tense = _mention_tense(text, s, e, pre)
    iv = _resolve(a, make, tense, _report_lag(text, s, e) if quarter and tense == "future" else 0, period=quarter)
    return _span_raw(s, e, "MM", iv, gran, True)


def _h_pd(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    """ "the previous day" is the day before the story's last day mentioned, or else before the anchor
    (a market report's "today"); "the following day" needs a day mentioned before it."""
    s, e = m.start(), m.end()
    k = -1 if m["pd_dir"] in ("previous", "preceding") else 1
    near = prev is not None and s - prev.end < 300 and "\n\n" not in text[prev.end:s]
    if near and prev is not None and prev.gran == "day" and (prev.low is None or prev.low == prev.high):
        if prev.low is None:
            return _unresolved(s, e, "PD", "day")
        return _day_raw(s, e, "PD", prev.low + k * _DAY, prev.relative)
    if k == 1 or near:
        return None  # nothing to follow, or the story's day is not the anchor's
    if a is None:
        return _unresolved(s, e, "PD", "day")
    return _day_raw(s, e, "PD", a - _DAY, True)


def _h_year(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    y = int(text[s:s + 4])
    if not 1000 <= y <= 2100:
        return None
    poss = bool(_POSS.match(text, e))
    w = "" if poss else _next_word(text, e)
    lw = w.lower()
    if lw == "fiscal" or (_quantity_word(w) and not pre.mod and pre.ctx not in _STRONG_CTX):
        return None
    if y < 1900 and (_quantity_word(w) or not (
            pre.ctx in ("in", "during", "throughout") or pre.qual in _STRONG_QUAL or pre.mod)):
        return None  # an older year only as "in 1884", "since 1850", "before 1914"
    if m["yr2"]:
        y2s = m["yr2"]
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if not y < y2 <= min(y + 60, 2100):
            return None
        return _Raw(s, e, "YR2", dt.date(y, 1, 1), dt.date(y2, 12, 31), "year", None)
    weak_ok = not (_plural(w) and lw not in _EVENTS)
    if poss or pre.mod or pre.ctx in _STRONG_CTX or pre.qual in _STRONG_QUAL:
        ok = True
    elif pre.qual or pre.ctx in ("of", "for", "from", "to", "and", "or", "into", "than", "on", "at"):
        ok = weak_ok
    elif pre.the or pre.ctx in _DETS or pre.ctx.endswith(("'s", "’s")):
        ok = len(w) >= 3 and (not _plural(w) or lw in _EVENTS) and not w.isupper() and lw not in _UNIT_NOUNS
    elif _chained(prev, ("YR", "YR2", "MY"), text, s):
        ok = weak_ok
    else:
        opener = _opener(text, s)
        if opener == "(":
            ok = text.startswith((")", ","), e)
        elif opener != "x":
            ok = lw in _YEAR_VERBS or text.startswith(",", e)
        else:
            ok = False
        near = abs(y - (a.year if a else 2000)) <= (30 if a else 50)
        if not ok and near and y % 100 and text.startswith(" ", e):
            # a recent year before a singular noun modifies it ("lifts 2025 delivery goal"); a count
            # takes a plural ("hired 2025 workers") or a unit ("a 2030 acre farm"), a label names a thing
            before = text[max(0, s - 12):s].split()
            ok = (w.isalpha() and w.islower() and len(w) > 2 and not _plural(w) and lw not in _NOT_ATTRIBUTIVE
                  and lw not in _UNIT_NOUNS and not w.endswith(("ly", "ed"))
                  and not (before and before[-1].lower().strip(".") in _LABEL_NOUNS))
    if not ok:
        return None
    low, high = _year(y)
    return _Raw(s, e, "YR", low, high, "year", _iso_year(low))


def _decade(s: int, e: int, y: int) -> _Raw:
    return _Raw(s, e, "DEC", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", f"{y}s")


def _h_dec(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    y = int(text[m.start():m.start() + 4])
    return _decade(m.start(), m.end(), y) if 1800 <= y <= 2090 else None


def _h_dec2(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    yy = int(text[m.start() + 1:m.start() + 3])
    return _decade(m.start(), m.end(), 2000 + yy if yy < 20 else 1900 + yy)


def _fiscal_near(text: str, s: int, e: int) -> bool:
    return bool(_FISCAL_AFTER.match(text, e)) or text[max(0, s - 8):s].rstrip(" -").lower().endswith("fiscal")


_REPORTING = re.compile(r"\b(?:results|earnings|figures|numbers|data|report(?:s|ing)?|publish\w*|releas\w*"
                        r"|announc\w*|post(?:s|ing)?)\b")


def _report_lag(text: str, s: int, e: int) -> int:
    """Days a period may have been over and still be "upcoming": results come out weeks after a quarter
    ("will report fourth-quarter results on Feb. 3"), but "expects a rebound in the fourth quarter" is ahead."""
    if _next_word(text, e).lower() in _RESULT_NOUNS or _REPORTING.search(_around(text, s, e)[0]):
        return 45
    return 0


def _quarter_like(s: int, e: int, kind: str, n: int, half: bool, year: int | None, relative: bool,
                  a: dt.date | None, tense: str = "", lag: int = 0) -> _Raw:
    gran = "half" if half else "quarter"

    def make(y: int) -> tuple[dt.date, dt.date]:
        return (dt.date(y, 6 * n - 5, 1), _month_end(y, 6 * n)) if half else _quarter(y, n)

    if year is None:
        if a is None:
            return _unresolved(s, e, kind, gran)
        return _span_raw(s, e, kind, _resolve(a, make, tense, lag, period=True), gran, True)
    return _span_raw(s, e, kind, make(year), gran, relative)


def _h_qq(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    y = m["q_y"] or m["q_y3"]
    year = int(y) if y else (2000 + int(m["q_yy"]) if m["q_yy"] else None)
    if year is None and (_fiscal_near(text, m.start(), m.end()) or text.startswith(":", m.end())):
        return None
    tense = _mention_tense(text, m.start(), m.end(), pre) if year is None and a else ""
    lag = _report_lag(text, m.start(), m.end()) if tense == "future" else 0
    return _quarter_like(m.start(), m.end(), "QQ", int(m["q_n"]), False, year, False, a, tense, lag)


def _h_hh(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    y = m["h_y"] or m["h_y3"]
    year = int(y) if y else (2000 + int(m["h_yy"]) if m["h_yy"] else None)
    if year is not None:
        return _quarter_like(s, e, "HH", int(m["h_n"]), True, year, False, a)
    # a bare H1/H2 is a half-year only in results talk: "H1 revenue", "sales rose 4% in H2."
    if _fiscal_near(text, s, e) or text.startswith(("-", "–", "/"), e):
        return None  # "H1 FY25", "H-1B"-like codes
    sent = _sentence(text, s, e)
    if _HYDROGEN.search(sent):
        return None
    w = _next_word(text, e).lower()
    if w not in _RESULT_NOUNS:
        framed = bool(pre.ctx in ("in", "for", "during", "throughout", "over") or pre.qual in ("by", "since", "until"))
        ends = not w or w in _HALF_AFTER or bool(re.match(r"\s*[,.;:)]", text[e:e + 2]))
        if not (framed and ends and (_FINANCE.search(sent) or _STATS.search(sent))):
            return None
    tense = _mention_tense(text, s, e, pre) if a else ""
    lag = _report_lag(text, s, e) if tense == "future" else 0
    return _quarter_like(s, e, "HH", int(m["h_n"]), True, None, True, a, tense, lag)


def _h_q2(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    n = int(text[m.start()])
    year = int(m["q2_y"]) if m["q2_y"] else 2000 + int(m["q2_yy"])
    return _quarter_like(m.start(), m.end(), "QQ", n, False, year, False, a) if 1 <= n <= 4 else None


def _h_h2(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    n = int(text[m.start()])
    year = int(m["h2_y"]) if m["h2_y"] else 2000 + int(m["h2_yy"])
    return _quarter_like(m.start(), m.end(), "HH", n, True, year, False, a) if 1 <= n <= 2 else None


def _ordinal_quarter(m: re.Match[str], p: str, word: str, text: str, a: dt.date | None, pre: _Pre) -> _Raw | None:
    s, e = m.start(), m.end()
    half = m[f"{p}_u"] == "half"
    word = word.lower()
    if word == "final":
        n = 2 if half else 4
    elif word in _ORD:
        n = _ORD[word]
    else:
        return None
    if half and n > 2:
        return None
    year, relative, present = _resolve_year_expr(m, p, a)
    if m[f"{p}_y2"]:
        year, relative, present = int(m[f"{p}_y2"]), False, True
    if _fiscal_near(text, s, e):
        return None
    tense = ""
    if not present:
        # "the second half" and "a third-quarter run" are sport as often as finance: a year-less one is
        # a calendar period in a sentence about results or statistics that is not about a game
        if text.startswith(" of ", e):
            return None  # "the second half of the season"
        sent = _sentence(text, s, e)
        if _SPORT.search(sent) or not (_FINANCE.search(sent) or not half and _STATS.search(sent)):
            return None  # a half needs results talk: "shot 58% in the second half" is a game
        if a is not None:
            tense = _mention_tense(text, s, e, pre)
    if present and year is None:
        return _unresolved(s, e, "OQ", "half" if half else "quarter")
    lag = _report_lag(text, s, e) if tense == "future" else 0
    return _quarter_like(s, e, "OQ", n, half, year, relative or not present, a, tense, lag)


def _h_oq(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    return _ordinal_quarter(m, "oq", text[m.start():m.start("oq_e")], text, a, pre)


def _h_oqt(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    return _ordinal_quarter(m, "oqt", m["oqt_o"], text, a, pre)


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


def _h_ms(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    year, relative, _ = _resolve_year_expr(m, "ms", a)
    c = _count(m["ms_n"])
    if c is None or not 1 <= c[0] <= 12:
        return None
    n = int(c[0])
    if year is None:
        return _unresolved(m.start(), m.end(), "MS", "month")
    if m["ms_dir"] == "first":
        iv = (dt.date(year, 1, 1), _month_end(year, n))
    else:
        iv = (dt.date(year, 13 - n, 1), dt.date(year, 12, 31))
    return _span_raw(m.start(), m.end(), "MS", iv, "month", relative)


def _back(d: dt.date, unit: str, n: float) -> dt.date:
    """d moved back by n units (fractions of months and years become days)."""
    if unit == "day":
        return d - dt.timedelta(days=round(n))
    if unit == "week":
        return d - dt.timedelta(days=round(7 * n))
    if unit == "hour":
        return d - dt.timedelta(days=math.ceil(n / 24))
    months = n * (120 if unit == "decade" else 12 if unit == "year" else 1)
    whole = int(months)
    return _add_months(d, -whole) - dt.timedelta(days=round((months - whole) * 30.4))


def _ago(m: re.Match[str], p: str, text: str, a: dt.date | None) -> _Raw | None:
    s, e = m.start(), m.end()
    if s and (text[s - 1].isalnum() or text[s - 1] in ".,$€£¥"):
        return None
    unit = m[f"{p}_u"]
    c = _count(text[s:m.start(f"{p}_c")])
    if c is None:
        return None
    lo_n, hi_n = c
    if m[f"{p}_h1"] or m[f"{p}_h"]:
        lo_n, hi_n = lo_n + 0.5, hi_n + 0.5
    if hi_n == 0 or hi_n > 3000:
        return None
    vague = lo_n != hi_n
    gran = {"day": "day", "week": "week", "month": "month", "year": "month" if hi_n == 1 else "year",
            "decade": "year"}[unit]
    if a is None:
        return _unresolved(s, e, "AGO", gran)
    if unit in ("day", "week") and not vague and lo_n == int(lo_n):
        # "nine days ago", "two weeks ago": that very day
        return _day_raw(s, e, "AGO", _back(a, unit, lo_n), True)
    slack = dt.timedelta(days={"day": 0, "week": 3, "month": 15, "year": 15 if hi_n == 1 else 183,
                               "decade": 365}[unit])
    center = _back(a, unit, lo_n)
    low = _back(a, unit, hi_n) - slack
    high = min(center + slack, a)
    value: str | None = None
    if not vague and gran == "month":
        value = _iso_month(center)
    elif not vague and gran == "year":
        value = _iso_year(center)
    r = _Raw(s, e, "AGO", low, high, gran, value, relative=True)
    r.qualifier = "approx"
    return r


def _h_ago(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    return _ago(m, "agod", text, a)


def _h_agow(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    return _ago(m, "agow", text, a)


def _h_rl(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    unit, direction, plural = m["rl_u"], m["rl_dir"], bool(m["rl_pl"])
    if text.startswith(" of", e):
        return None  # "the last week of June"
    if plural:
        c = _count(m["rl_n"]) if m["rl_n"] else None
        if c is None:
            return None
        n = c[1]
    else:
        if m["rl_n"] or direction == "next" or unit in ("day", "hour"):
            return None  # "the next day", "the next year" follow the story, not the anchor
        n = 1.0
    gran = {"hour": "day", "decade": "year"}.get(unit, unit)
    if a is None:
        return _unresolved(s, e, "RL", gran)
    if direction in ("past", "last"):
        iv = (_back(a, unit, n) + (_DAY if unit != "hour" else dt.timedelta(0)), a)
    else:
        iv = (a, _back(a, unit, -n) - (_DAY if unit != "hour" else dt.timedelta(0)))
    return _span_raw(s, e, "RL", iv, gran, True)


def _divmod_month(a: dt.date, k: int) -> tuple[int, int]:
    """(year, month) of the month k months from a's."""
    y, m0 = divmod(a.year * 12 + a.month - 1 + k, 12)
    return y, m0 + 1


def _relative_unit(s: int, e: int, unit: str, dirword: str, a: dt.date | None, pre: _Pre) -> _Raw | None:
    if pre.the and not pre.mod:
        return None  # "the last week of June", "the next year"
    direction = _DIRS[dirword]
    if dirword == "past":
        return None
    gran = "week" if unit == "weekend" else unit
    if a is None:
        return _unresolved(s, e, "REL", gran)
    k = {"last": -1, "this": 0, "next": 1}[direction]
    value: str | None = None
    qualifier = "exact"
    if dirword == "this past" and unit == "week":
        iv = (a - 7 * _DAY, a)
    elif unit in ("week", "weekend"):
        mon = _monday(a) + dt.timedelta(weeks=k)
        iv = (mon, mon + 6 * _DAY) if unit == "week" else (mon + 5 * _DAY, mon + 6 * _DAY)
    elif unit == "month":
        iv = _month(*_divmod_month(a, k))
        value = _iso_month(iv[0])
    elif unit == "quarter":
        q0 = a.year * 4 + (a.month - 1) // 3 + k
        iv = _quarter(q0 // 4, q0 % 4 + 1)
    elif unit == "year":
        iv = _year(a.year + k)
        value = _iso_year(iv[0])
    elif k == 0:
        d0 = a.year // 10 * 10
        iv = (dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31))
        value = f"{d0}s"
    else:
        other = _add_months(a, 120 * k)
        iv = (other, a) if k < 0 else (a, other)
        gran, qualifier = "year", "approx"
    r = _span_raw(s, e, "REL", iv, gran, True, value)
    r.qualifier = qualifier
    return r


def _weekday(s: int, e: int, wd: int, core: tuple[int, int], direction: str, text: str,
             a: dt.date | None, poss: bool = False, qual: str = "") -> _Raw:
    r = _Raw(s, e, "WD", None, None, "day", None, relative=True, weekday=wd, core=core)
    if a is None:
        return r
    if direction == "last":
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif direction == "next":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif direction == "this":
        d = _monday(a) + dt.timedelta(days=wd)
    else:
        # the clause's tense: ahead for a future or a scheduled event ("polls close on Tuesday"), back for
        # a past; an event named by its day ("Monday's vote") is over unless the clause looks ahead;
        # with no tense, the nearer of the last and the next such day (the last on a tie)
        t = _clause_tense(text, s, e, day=True, weekday=True)
        back, ahead = (a.weekday() - wd) % 7, (wd - a.weekday()) % 7
        if qual == "since":
            forward = False
        elif poss or t in ("past", "since", "future", "sched"):
            forward = t in ("future", "sched")
        else:
            forward = ahead < back
        d = a + dt.timedelta(days=ahead) if forward else a - dt.timedelta(days=back)
    r.low = r.high = d
    r.value = _iso_day(d)
    return r


def _h_wd(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    wd = _WEEKDAY_NAMES.get(text[s:e].lower())
    if wd is None:
        return None
    before = text[max(0, s - 12):s].split()
    if before:
        word = before[-1].strip("\"“(")
        if word.lower() in _HOLIDAY_ADJ and word[:1].isupper():
            return None  # Black Friday, Super Tuesday, Easter Sunday
        labels_prev = prev is not None and prev.calendar_day and bool(_LABEL_AFTER.match(text, prev.end, s))
        if word.lower() in _NOT_ANCHORED and not labels_prev:
            return None  # "the following Sunday", "every Monday"; but "Oct. 5, a Sunday" labels a date
    return _weekday(s, e, wd, (s, e), "", text, a, bool(_POSS.match(text, e)), pre.qual)


def _season_raw(s: int, e: int, name: str, direction: str, a: dt.date | None, tense: str = "") -> _Raw:
    if a is None:
        return _unresolved(s, e, "SEA", "season")
    if direction == "last":
        y = a.year + 1
        while _season(y, name)[1] >= a:
            y -= 1
        iv = _season(y, name)
    elif direction == "next":
        y = a.year - 1
        while _season(y, name)[0] <= a:
            y += 1
        iv = _season(y, name)
    elif direction == "this":
        iv = _season(a.year - 1 if name == "winter" and a.month <= 2 else a.year, name)
    else:
        iv = _resolve(a, lambda yy: _season(yy, name), tense)
    return _span_raw(s, e, "SEA", iv, "season", True)


def _h_sea(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    w = _WORD.match(text, s)
    word = w.group() if w else ""
    name = word.lower()
    if name not in _SEASON_MONTHS:
        return None
    any_ctx = bool(pre.ctx or pre.qual or pre.mod or pre.the)
    if m["sea_y"]:
        if word == "fall" and not any_ctx:
            return None  # "prices fall 2025..."
        return _span_raw(s, e, "SEA", _season(int(m["sea_y"]), name), "season", False)
    if text.startswith((" of", " in"), e):
        return None  # "the fall of Kabul", "a spring in his step"
    if name == "fall":
        if not (pre.the and (pre.ctx in ("in", "during", "over") or pre.qual in ("by", "until", "since"))):
            return None
    elif not (pre.mod or pre.the or pre.ctx in ("in", "during", "this", "last", "next")
              or pre.qual in _STRONG_QUAL or pre.qual == "by"):
        return None
    return _season_raw(s, e, name, "", a, _mention_tense(text, s, e, pre) if a else "")


def _h_dir(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    s, e = m.start(), m.end()
    dirword = " ".join(text[s:m.start("dir_e")].lower().split())
    if dirword not in _DIRS:
        return None
    direction = _DIRS[dirword]
    if m["d_u"]:
        return _relative_unit(s, e, m["d_u"], dirword, a, pre)
    if m["d_wd"]:
        return _weekday(s, e, _WEEKDAY_NAMES[m["d_wd"].lower()], m.span("d_wd"), direction, text, a)
    if m["d_mn"]:
        return _bare_month(s, e, _MONTH_NAMES[m["d_mn"].lower()], direction, text, a, pre, prev)
    return _season_raw(s, e, m["d_sea"].lower(), direction, a)


def _h_wknd(m: re.Match[str], text: str, a: dt.date | None, pre: _Pre, prev: _Raw | None) -> _Raw | None:
    if text[m.start():m.start() + 6].split()[0].lower() not in ("over", "at", "during"):
        return None
    if a is None:
        return _unresolved(m.start(), m.end(), "WKND", "week")
    sat = _monday(a) + 5 * _DAY
    if a < sat:
        sat -= 7 * _DAY
    return _span_raw(m.start(), m.end(), "WKND", (sat, sat + _DAY), "week", True)


_TODAY = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
          "this afternoon": 0, "this evening": 0, "last night": -1, "the day before yesterday": -2,
          "the day after tomorrow": 2}


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
    if key not in _TODAY:
        return None
    if a is None:
        return _unresolved(s, e, "TODAY", "day")
    return _day_raw(s, e, "TODAY", a + dt.timedelta(days=_TODAY[key]), True)


_HANDLERS: dict[str, _Handler] = {
    "ISO": _h_iso, "NUM": _h_num, "AGO": _h_ago, "AGOW": _h_agow, "DM": _h_dm, "Q2": _h_q2,
    "H2": _h_h2, "DEC": _h_dec, "DEC2": _h_dec2, "YR": _h_year, "MD": _h_md, "MY": _h_my,
    "MN": _h_mn, "WD": _h_wd, "DIR": _h_dir, "QQ": _h_qq, "HH": _h_hh, "QS": _h_qs, "MS": _h_ms,
    "OQL": _h_oql, "MM": _h_mm, "PD": _h_pd, "OQT": _h_oqt, "OQ": _h_oq, "RL": _h_rl, "WKND": _h_wknd, "TODAY": _h_today,
    "TODAY2": _h_today, "SEA": _h_sea,
}
_SKIPS = {"SKIP", "SKIP2", "SKIP3"}


# --------------------------------------------------------------------------------------------
# modifiers ("early", "the end of") and qualifiers ("by", "since")


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


def _slice(low: dt.date, high: dt.date, gran: str, mod: str) -> tuple[dt.date, dt.date]:
    """The part of [low, high] that early/mid/late/start/middle/end picks."""
    if gran == "decade":
        n = high.year - low.year + 1
        # a decade's early/mid/late years are 0-3, 4-6 and 7-9
        i, j = _DECADE_PARTS[mod] if n == 10 and mod in _DECADE_PARTS else _pick(n, mod)
        return dt.date(low.year + i, 1, 1), dt.date(low.year + j, 12, 31)
    n_months = (high.year - low.year) * 12 + high.month - low.month + 1
    whole_months = low.day == 1 and high == _month_end(high.year, high.month)
    if whole_months and n_months >= 2:
        i, j = _pick(n_months, mod)
        return _add_months(low, i), _month_end(*_divmod_month(low, j))
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


def _apply_prefix(r: _Raw, pre: _Pre, a: dt.date | None) -> None:
    """Widen r over its qualifier/modifier words and narrow its interval accordingly."""
    qual = pre.qual
    if qual in _AGO_ONLY and r.kind != "AGO":
        qual = ""
    if pre.mod and r.kind != "AGO":
        r.start = min(r.start, pre.mod_start)
        r.qualifier = "approx"
        if r.low is not None and r.high is not None:
            if pre.mod in ("earlier", "later"):
                # "earlier this month": from the 1st to the day before the anchor
                if a is not None and r.low < a < r.high:
                    r.low, r.high = (r.low, a - _DAY) if pre.mod == "earlier" else (a + _DAY, r.high)
            elif r.low != r.high:
                r.low, r.high = _slice(r.low, r.high, r.gran, pre.mod)
    if qual:
        r.start = pre.start
        r.qualifier = _QUALS[qual]
        r.qual_word = qual
    r.ctx_word = pre.ctx


# --------------------------------------------------------------------------------------------
# the scan


def _scan(text: str, anchor: dt.date | None) -> list[_Raw]:
    out: list[_Raw] = []
    pos = 0
    search = _CORE.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        kind = m.lastgroup or ""
        s, e = m.span()
        if kind in _SKIPS:
            pos = e
            continue
        prev = out[-1] if out else None
        pre = _read_prefix(text, max(prev.end if prev else 0, s - 40), s)
        try:
            r = _HANDLERS[kind](m, text, anchor, pre, prev)
            if r is not None:
                _apply_prefix(r, pre, anchor)
        except (ValueError, OverflowError):
            r = None
        if r is not None and not _in_years(r):
            pos = r.end  # "on January 3, 0001": not a date, nor is "January 3" inside it
            continue
        if r is None:
            pos = s + 1
            continue
        out.append(r)
        pos = e
    return out


def _in_years(r: _Raw) -> bool:
    """Whether the mention lies within the years read as dates (FIRST_YEAR to LAST_YEAR)."""
    return all(FIRST_YEAR <= d.year <= LAST_YEAR for d in (r.low, r.high) if d is not None)


def _agree(d: _Raw, wd: int, anchor: dt.date | None) -> None:
    """Move a year-less day ("Monday, March 3") to a year near the anchor where its weekday fits: the
    nearest such year that agrees with the tense that chose its year, else the nearest one (a weekday
    is firmer evidence than a verb: "has called an election for Thursday, July 4")."""
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
    window = {"future": (anchor, dt.date.max), "sched": (anchor, anchor + dt.timedelta(days=_SCHED_DAYS)),
             "past": (dt.date.min, anchor), "since": (dt.date.min, anchor)}.get(d.tense, (dt.date.min, dt.date.max))
    agree = [c for c in fits if window[0] <= c <= window[1]]
    pool = agree or fits
    if pool:
        best = min(pool, key=lambda c: abs((c - anchor).days))
        d.low = d.high = best
        d.value = _iso_day(best)


def _label(raws: list[_Raw], text: str, anchor: dt.date | None = None) -> None:
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
                _LABEL_AFTER.match(text, prv.end, w.core[0]):
            target = i - 1
        if target < 0:
            continue
        d = raws[target]
        if d.yearless:
            _agree(d, w.weekday, anchor)
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
            if off > 3:
                off -= 7
            try:
                w.low = w.high = d.low + dt.timedelta(days=off)
                w.value = _iso_day(w.low)
            except OverflowError:
                w.low = w.high = None


_RANGE_FROM = re.compile(r"\s*(?:and|to|until|till|through|[-–])\s*\Z")
_RANGE_BETWEEN = re.compile(r"\s*and\s*\Z")


def _ranges(raws: list[_Raw], text: str) -> None:
    """In "from X to Y" and "between X and Y" the second end is an upper bound."""
    for x, y in itertools.pairwise(raws):
        if y.qual_word:
            continue
        if x.qual_word == "between" and _RANGE_BETWEEN.match(text, x.end, y.start):
            y.qualifier = "at_most"
        elif x.ctx_word == "from" and not x.qual_word and _RANGE_FROM.match(text, x.end, y.start):
            x.qualifier, y.qualifier = "at_least", "at_most"


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in text, sorted by start and non-overlapping; `published` anchors relative ones
    (a publication date outside the years FIRST_YEAR to LAST_YEAR anchors nothing)."""
    if published is not None and not FIRST_YEAR <= published.year <= LAST_YEAR:
        published = None
    raws = _scan(text, published)
    _label(raws, text, published)
    _ranges(raws, text)
    out: list[DateMention] = []
    for r in raws:
        resolved = r.low is not None
        out.append(DateMention(
            start=r.start, end=r.end, text=text[r.start:r.end],
            low=r.low, high=r.high, granularity=r.gran,
            value=r.value if resolved else None,
            relative=r.relative, resolved=resolved,
            weekday=r.weekday, labels=r.labels, qualifier=r.qualifier,
        ))
    return out
