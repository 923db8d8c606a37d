"""The handlers of the date forms: each turns one match of its form's pattern into a mention (`Raw`), or
None to reject it ("May" as a name, "2030 acres", "the second half" of a game). They weigh the words
around the match, and a year-less mention takes its year from the tense of its clause."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from factcheck.extract.dates.calendar import (
    DAY,
    Span,
    add_months,
    holiday,
    units_back,
    iso_day,
    iso_month,
    iso_year,
    monday,
    month_end,
    month_span,
    quarter_span,
    resolve,
    season_span,
    shift_month,
    year_span,
)
from factcheck.extract.dates.draft import AGO_ONLY, Prefix, Raw
from factcheck.extract.dates.tense import around, awaited, clause_tense, names_event, tense_of
from factcheck.extract.dates.words import alternation, count, date_words
from factcheck.language.text import sentences_of

# how far the handlers look around a match, in characters
WORD_BEFORE_REACH = 12  # the word before a year or weekday ("page 2019", "Black Friday")
GENERIC_REACH = 20  # a word before a bare month that makes it any such month ("every June", "the coldest January")
PERIOD_NOUN_REACH = 30  # the noun before "for May" ("revenue for May")
FISCAL_REACH = 8  # "fiscal" right before a quarter code
FOLLOW_REACH = 300  # how far "the previous day" may stand from the day it counts from
SENTENCE_REACH = 200  # how much of a sentence either side of a year-less quarter is read for its talk
# years
ISO_YEARS = (1900, 2100)  # the years an ISO date may have
YEARS = (1000, 2100)  # the years a bare four-digit number may be
MODERN_YEAR = 1900  # older years only after "in", "since", "before"...
DECADES = (1800, 2090)  # the decades "the 1990s" may name
SHORT_DECADE_PIVOT = 20  # "the '10s" is this century's, "the '90s" the last one's
MAX_YEAR_RANGE = 60  # "2019-79" reads as years up to this long
NEAR_YEARS = 30  # a year this near the anchor (NEAR_YEARS_NO_ANCHOR of 2000 without one) may modify a noun
NEAR_YEARS_NO_ANCHOR = 50
# spans in days
REPORT_LAG_DAYS = 45  # results come out this long after a quarter ("will report fourth-quarter results")
MAX_AGO = 3000  # the largest count in "N units ago"
AGO_SLACK_DAYS = {"day": 0, "week": 3, "month": 15, "year": 183, "decade": 365}  # "two years ago" is about then
ONE_YEAR_AGO_SLACK_DAYS = 15  # ...but "a year ago" is within a fortnight or so

_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+")
_NEXT = re.compile(r"[ \t\-]+([A-Za-z][\w'’]*)")
_POSS = re.compile(r"['’]s\b")
_COMPARED = re.compile(r"\b(?:with|from|than|versus|vs\.?|over|against|on|to)\s+\Z", re.IGNORECASE)
_FISCAL_LABEL_AFTER = re.compile(r"\s+(?:financial|fiscal|tax|budget)\s+years?\b", re.IGNORECASE)
_FISCAL_LABEL_BEFORE = re.compile(r"\b(?:financial|fiscal|tax|budget)\s+years?\s+(?:of\s+)?\Z", re.IGNORECASE)
_NEXT_YEAR_AFTER = re.compile(r"[-–/](?:20)?(?P<yy>\d\d)\b")
FINANCIAL_YEAR_MONTH = 4  # "the 2025-26 financial year" of no named country starts in April (as in Britain, India)
_STRONG_CTX = {"in", "during", "throughout", "year", "calendar"}  # "calendar 2024"
_FISCAL_YEAR = re.compile(r"(?<!\d)(?:\d{4}|\d\d)(?!\d)")  # "FY25", "fiscal 2025", "Q3 FY26"
_FISCAL_PART = re.compile(r"(?<![^\W\d])([QH][1-4]|[1-4][QH])(?![^\WF])|\b([a-z]+)[\s-]+(?:fiscal[\s-]+)?(quarter|half)\b", re.I)
_FISCAL_HINT = re.compile(r"\b(?:" + alternation(sorted(date_words().fiscal_years, key=len, reverse=True)).replace(
    r"\ ", r"\s+") + r")\b", re.I)
_CENTURY_TURN = 2030  # with no publication date, a two-digit year up to 35 is read as 20xx ("April of 92": 1992)
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
_CHAIN = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|into|&|[-–/])?\s*\Z")
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
LABEL_AFTER = re.compile(r"\s*[(,]\s*(?:which\s+(?:is|was|will\s+be|falls\s+on)\s+)?(?:on\s+)?(?:a\s+)?\Z")


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


def _chained(prev: Raw | None, kinds: tuple[str, ...], text: str, s: int) -> bool:
    """True if s continues a list or range of the previous mention ("in 2019 and 2020")."""
    return prev is not None and prev.kind in kinds and bool(_CHAIN.match(text, prev.end, s))


def _sentence(text: str, s: int, e: int) -> str:
    """The sentence around s..e, up to a semicolon either side, without the span: the talk a year-less
    "second half" is read in ("sales rose in the second half; the striker scored twice")."""
    start, end = sentences_of(text).span_of(s)
    start, end = max(start, s - SENTENCE_REACH), min(end, e + SENTENCE_REACH)
    start = max(start, text.rfind(";", start, s) + 1)
    semicolon = text.find(";", e, end)
    return text[start:s] + " " + text[e:semicolon if semicolon >= 0 else end]


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
    return date_words().month_prefixes[s[:3].lower()]


def _unresolved(s: int, e: int, kind: str, gran: str) -> Raw:
    return Raw(s, e, kind, None, None, gran, None, relative=True)


def _day_raw(s: int, e: int, kind: str, d: dt.date, relative: bool = False) -> Raw:
    return Raw(s, e, kind, d, d, "day", iso_day(d), relative=relative, calendar_day=True)


def _span_raw(s: int, e: int, kind: str, iv: Span, gran: str, relative: bool,
              value: str | None = None) -> Raw:
    return Raw(s, e, kind, iv[0], iv[1], gran, value, relative=relative)


def _month_raw(s: int, e: int, kind: str, y: int, mon: int, relative: bool) -> Raw:
    low, high = month_span(y, mon)
    return Raw(s, e, kind, low, high, "month", iso_month(low), relative=relative)


def read_iso_date(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"2025-03-14": a day, written year first."""
    y = int(text[m.start():m.start() + 4])
    if not ISO_YEARS[0] <= y <= ISO_YEARS[1]:
        return None
    return _day_raw(m.start(), m.end(), "ISO", dt.date(y, int(m["iso_m"]), int(m["iso_d"])))


def read_numeric_date(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"14/03/2025", "20.01.2025": a day in digits ("3/4/2025", either order, is rejected)."""
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


def read_compact_date(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"20210315": a day written year first with no separators (a valid date of the years read, or nothing)."""
    digits = text[m.start() : m.end()]
    y = int(digits[:4])
    if not ISO_YEARS[0] <= y <= ISO_YEARS[1]:
        return None
    return _day_raw(m.start(), m.end(), "ISO", dt.date(y, int(digits[4:6]), int(digits[6:])))


def read_month_slash_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                          prev: Raw | None) -> Raw | None:
    """"03/2020", "11/2024": a month written in digits."""
    mon = int(text[m.start() : m.start("msy_y") - 1])
    return _month_raw(m.start(), m.end(), "NUM", int(m["msy_y"]), mon, False) if 1 <= mon <= 12 else None


def read_slash_day_range(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                         prev: Raw | None) -> Raw | None:
    """ "10/1-10/15": days written as month/day (or day/month: "1/10-15/10"), the part both ends share
    (or the only one that can be) being the month; the year the clause's tense picks."""
    x1, y1 = int(text[m.start():m.start("sdr_1")].rstrip("/")), int(m["sdr_1"])
    x2, y2 = int(m["sdr_2"]), int(m["sdr_3"])
    if x1 == x2 or x1 <= 12 and x2 <= 12 and max(y1, y2) > 12:
        (m1, d1), (m2, d2) = (x1, y1), (x2, y2)
    elif y1 == y2 or y1 <= 12 and y2 <= 12 and max(x1, x2) > 12:
        (m1, d1), (m2, d2) = (y1, x1), (y2, x2)
    else:
        return None
    if (m2, d2) == (m1, d1):
        return None
    wrap = int((m2, d2) < (m1, d1))  # "12/20-1/5" runs into the next year
    s, e = m.start(), m.end()
    if a is None:
        return _unresolved(s, e, "NUM", "day")
    low, high = resolve(a, lambda y: (dt.date(y, m1, d1), dt.date(y + wrap, m2, d2)), _mention_tense(text, s, e, pre))
    return Raw(s, e, "NUM", low, high, "day", None, relative=True)


def read_dashed_date(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"12-Jan-2021": a day, its month's name between dashes."""
    day = int(text[m.start() : text.index("-", m.start())])
    return _day_raw(m.start(), m.end(), "DM", dt.date(int(m["dd_y"]), _mon_num(m["dd_mon"]), day))


def _md_like(s: int, e: int, kind: str, mon: int, d1: int, d2: str | None, year: int | None,
             relative: bool, a: dt.date | None, text: str, pre: Prefix) -> Raw | None:
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
        low, _ = resolve(a, lambda y: (dt.date(y, mon, d1), dt.date(y, mon, day2 or d1)), tense)
        year, relative = low.year, True
    low = dt.date(year, mon, d1)
    if day2 is None:
        r = _day_raw(s, e, kind, low, relative)
        r.yearless = relative
        r.tense = tense
        return r
    return Raw(s, e, kind, low, dt.date(year, mon, day2), "day", None, relative=relative)


def _month_at(text: str, s: int) -> tuple[int, bool] | None:
    """(month, written in full) for the month word at s, or None if it is no month."""
    w = _WORD.match(text, s)
    if w is None:
        return None
    lw = w.group().lower()
    words = date_words()
    if lw in words.months:
        return words.months[lw], True
    if lw in words.month_abbreviations:
        return words.month_abbreviations[lw], False
    return None


def read_month_day(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"March 3, 2025", "March 3-5": a day (or days) written month first."""
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


def read_month_day_words(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                         prev: Raw | None) -> Raw | None:
    """ "March twenty first", "June the fifth, 2024": a day written in words after its month."""
    mm = _month_at(text, m.start())
    day = date_words().day_ordinals.get(" ".join(m["mdw_d"].lower().replace("-", " ").split()))
    if mm is None or day is None:
        return None
    year = int(m["mdw_y"]) if m["mdw_y"] else None
    return _md_like(m.start(), m.end(), "MD", mm[0], day, None, year, False, a, text, pre)


def read_day_month(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"3 March 2025", "3-4 March": a day (or days) written day first."""
    digits = _DIGITS.match(text, m.start())
    d1 = int(digits.group()) if digits else 0
    if not 1 <= d1 <= 31:
        return None
    year = int(m["dm_y"]) if m["dm_y"] else None
    return _md_like(m.start(), m.end(), "DM", _mon_num(m["dm_mon"]), d1, m["dm_d2"], year, False, a, text, pre)


def read_month_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"October 2022", "March of last year": a month."""
    mm = _month_at(text, m.start())
    if mm is None:
        return None
    if m["my_y"]:
        return _month_raw(m.start(), m.end(), "MY", int(m["my_y"]), mm[0], False)
    if m["my_yy"]:  # "April of 92": the century that puts it at most a few years ahead
        yy, now = int(m["my_yy"]), a.year if a else _CENTURY_TURN
        year = now - now % 100 + yy
        return _month_raw(m.start(), m.end(), "MY", year - 100 if year > now + 5 else year, mm[0], False)
    if a is None:
        return _unresolved(m.start(), m.end(), "MY", "month")
    y = a.year + {"last": -1, "this": 0, "next": 1}[m["my_rel"]]
    return _month_raw(m.start(), m.end(), "MY", y, mm[0], True)


def _bare_month(s: int, e: int, mon: int, direction: str, text: str, a: dt.date | None, pre: Prefix,
                prev: Raw | None) -> Raw | None:
    if not direction:
        name = text[s:e]
        ok = bool(pre.mod) or bool(pre.qual and pre.qual not in AGO_ONLY) or bool(_POSS.match(text, e))
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
            before = text[max(0, s - GENERIC_REACH):s].split()
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
        y = resolve(a, lambda yy: month_span(yy, mon), _mention_tense(text, s, e, pre))[0].year
    return _month_raw(s, e, "MN", y, mon, True)


def _mention_tense(text: str, s: int, e: int, pre: Prefix, day: bool = False) -> str:
    """The tense that picks the year of a year-less mention; "since" looks at ended periods."""
    if pre.qual == "since":
        return "since"
    t = tense_of(text, s, e, day)
    if t == "past" and pre.qual in ("until", "till", "up until"):
        return ""  # "remanded in custody until October 28": the end may lie ahead of a past event
    return t


def _word_before_ctx(text: str, s: int) -> str:
    """The word before the context word ("for") that stands right before s: "revenue" in "revenue for May"."""
    words = text[max(0, s - PERIOD_NOUN_REACH):s].split()
    return words[-2].lower().strip(",;:\"“(") if len(words) >= 2 else ""


def read_month(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"in March": a month without a year, unless it is a name ("May said")."""
    mm = _month_at(text, m.start())
    if mm is None or not mm[1]:
        return None
    return _bare_month(m.start(), m.end(), mm[0], "", text, a, pre, prev)


def read_month_range(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "April-June", "Jan-Mar 2025", "the April-June quarter": the months from the first to the second."""
    s, e = m.start(), m.end()
    mm = _month_at(text, s)
    if mm is None:
        return None
    return _months(s, e, (mm[0], _mon_num(m["mm_2"])), m["mm_y"], bool(m["mm_q"]), text, a, pre)


def _months(s: int, e: int, months: tuple[int, int], year: str | None, quarter: bool, text: str,
            a: dt.date | None, pre: Prefix) -> Raw | None:
    """The months from the first to the second (of `year`, else as the tense places them)."""
    m1, m2 = months
    if m1 == m2:
        return None
    wrap = int(m2 < m1)  # "November-January" runs into the next year

    def make(y: int) -> Span:
        return dt.date(y, m1, 1), month_end(y + wrap, m2)

    gran = "quarter" if quarter else "month"
    if year:
        return _span_raw(s, e, "MM", make(int(year) - wrap), gran, False)
    if a is None:
        return _unresolved(s, e, "MM", gran)
    tense = _mention_tense(text, s, e, pre)
    iv = resolve(a, make, tense, _report_lag(text, s, e) if quarter and tense == "future" else 0, period=quarter)
    return _span_raw(s, e, "MM", iv, gran, True)


def read_month_quarter(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "the March quarter", "the December 2024 quarter", "the June half": the quarter (or half) that
    ends with that month."""
    mm = _month_at(text, m.start())
    if mm is None or not mm[1]:
        return None
    n = 3 if m["mq_u"] == "quarter" else 6
    first = (mm[0] - n) % 12 + 1
    r = _months(m.start(), m.end(), (first, mm[0]), m["mq_y"], True, text, a, pre)
    if r is not None and n == 6:
        r.gran = "half"
    return r


def read_previous_day(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "the previous day" is the day before the story's last day mentioned, or else before the anchor
    (a market report's "today"); "the following day" needs a day mentioned before it."""
    s, e = m.start(), m.end()
    k = -1 if m["pd_dir"] in ("previous", "preceding") else 1
    near = prev is not None and s - prev.end < FOLLOW_REACH and "\n\n" not in text[prev.end:s]
    if near and prev is not None and prev.gran == "day" and (prev.low is None or prev.low == prev.high):
        if prev.low is None:
            return _unresolved(s, e, "PD", "day")
        return _day_raw(s, e, "PD", prev.low + k * DAY, prev.relative)
    if k == 1 or near:
        return None  # nothing to follow, or the story's day is not the anchor's
    if a is None:
        return _unresolved(s, e, "PD", "day")
    return _day_raw(s, e, "PD", a - DAY, True)


def read_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"in 2019", "2019-21": a year (or years), unless the number counts or names something."""
    s, e = m.start(), m.end()
    y = int(text[s:s + 4])
    if not YEARS[0] <= y <= YEARS[1]:
        return None
    poss = bool(_POSS.match(text, e))
    w = "" if poss else _next_word(text, e)
    lw = w.lower()
    if m["yr2"] and (_FISCAL_LABEL_AFTER.match(text, e) or _FISCAL_LABEL_BEFORE.search(text, max(0, s - 30), s)):
        return _fiscal_years(s, e, y, m["yr2"], text)
    if lw == "fiscal" and not m["yr2"] and _FISCAL_LABEL_AFTER.match(text, e):  # "the 2024 fiscal year"
        rule = _fiscal_rule(text, s, e)
        first = _fiscal_start(y, rule) if rule else None
        return _span_raw(s, e, "FY", (first, add_months(first, 12) - DAY), "year", False) if first else None
    if lw == "fiscal" or (_quantity_word(w) and not pre.mod and pre.ctx not in _STRONG_CTX):
        return None
    if y < MODERN_YEAR and (_quantity_word(w) or not (
            pre.ctx in ("in", "during", "throughout") or pre.qual in _STRONG_QUAL or pre.mod)):
        return None  # an older year only as "in 1884", "since 1850", "before 1914"
    if m["yr2"]:
        y2s = m["yr2"]
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if not y < y2 <= min(y + MAX_YEAR_RANGE, YEARS[1]):
            return None
        return Raw(s, e, "YR2", dt.date(y, 1, 1), dt.date(y2, 12, 31), "year", None)
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
        near = abs(y - (a.year if a else 2000)) <= (NEAR_YEARS if a else NEAR_YEARS_NO_ANCHOR)
        if not ok and near and y % 100 and text.startswith(" ", e):
            # a recent year before a singular noun modifies it ("lifts 2025 delivery goal"); a count
            # takes a plural ("hired 2025 workers") or a unit ("a 2030 acre farm"), a label names a thing
            before = text[max(0, s - WORD_BEFORE_REACH):s].split()
            ok = (w.isalpha() and w.islower() and len(w) > 2 and not _plural(w) and lw not in _NOT_ATTRIBUTIVE
                  and lw not in _UNIT_NOUNS and not w.endswith(("ly", "ed"))
                  and not (before and before[-1].lower().strip(".") in _LABEL_NOUNS))
    if not ok:
        return None
    low, high = year_span(y)
    return Raw(s, e, "YR", low, high, "year", iso_year(low))


def _decade(s: int, e: int, y: int) -> Raw:
    return Raw(s, e, "DEC", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", f"{y}s")


def read_decade(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the 1990s": a decade."""
    y = int(text[m.start():m.start() + 4])
    return _decade(m.start(), m.end(), y) if DECADES[0] <= y <= DECADES[1] else None


def read_short_decade(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the '90s": a decade of the last century (of this one below '20s)."""
    yy = int(text[m.start() + 1:m.start() + 3])
    return _decade(m.start(), m.end(), 2000 + yy if yy < SHORT_DECADE_PIVOT else 1900 + yy)


def read_short_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "since '08", "the '24 election": a year cut to two digits after an apostrophe, in the century that
    puts it at most a few years after publication."""
    if text[max(0, m.start() - 1):m.start()].isalnum():
        return None  # "rock'n'roll", "o'24"
    yy, now = int(text[m.start() + 1:m.start() + 3]), a.year if a else _CENTURY_TURN
    year = now - now % 100 + yy
    low, high = year_span(year - 100 if year > now + 5 else year)
    return Raw(m.start(), m.end(), "YR", low, high, "year", iso_year(low))


def _fiscal_near(text: str, s: int, e: int) -> bool:
    return bool(_FISCAL_AFTER.match(text, e)) or text[max(0, s - FISCAL_REACH):s].rstrip(" -").lower().endswith("fiscal")


_REPORTING = re.compile(r"\b(?:results|earnings|figures|numbers|data|report(?:s|ing)?|publish\w*|releas\w*"
                        r"|announc\w*|post(?:s|ing)?)\b")


def _report_lag(text: str, s: int, e: int) -> int:
    """Days a period may have been over and still be "upcoming": results come out weeks after a quarter
    ("will report fourth-quarter results on Feb. 3"), but "expects a rebound in the fourth quarter" is ahead."""
    if _next_word(text, e).lower() in _RESULT_NOUNS or _REPORTING.search(around(text, s, e)[0]):
        return REPORT_LAG_DAYS
    return 0


def _quarter_like(s: int, e: int, kind: str, n: int, half: bool, year: int | None, relative: bool,
                  a: dt.date | None, tense: str = "", lag: int = 0) -> Raw:
    gran = "half" if half else "quarter"

    def make(y: int) -> Span:
        return (dt.date(y, 6 * n - 5, 1), month_end(y, 6 * n)) if half else quarter_span(y, n)

    if year is None:
        if a is None:
            return _unresolved(s, e, kind, gran)
        return _span_raw(s, e, kind, resolve(a, make, tense, lag, period=True), gran, True)
    return _span_raw(s, e, kind, make(year), gran, relative)


def read_quarter_code(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"Q3 2024", "Q3'24", "Q3": a quarter."""
    y = m["q_y"] or m["q_y3"]
    year = int(y) if y else (2000 + int(m["q_yy"]) if m["q_yy"] else None)
    if m["q_y"]:
        fiscal = _part_of_fiscal_years(m.start(), m.end(), int(m["q_n"]), False, year or 0, text)
        if fiscal:
            return fiscal
    if year is None and (_fiscal_near(text, m.start(), m.end()) or text.startswith(":", m.end())):
        return None
    tense = _mention_tense(text, m.start(), m.end(), pre) if year is None and a else ""
    lag = _report_lag(text, m.start(), m.end()) if tense == "future" else 0
    return _quarter_like(m.start(), m.end(), "QQ", int(m["q_n"]), False, year, False, a, tense, lag)


def read_half_code(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"H1 2025", and a bare "H1" in results talk: a half-year."""
    s, e = m.start(), m.end()
    y = m["h_y"] or m["h_y3"]
    year = int(y) if y else (2000 + int(m["h_yy"]) if m["h_yy"] else None)
    if year is not None:
        fiscal = _part_of_fiscal_years(s, e, int(m["h_n"]), True, year, text) if m["h_y"] else None
        return fiscal or _quarter_like(s, e, "HH", int(m["h_n"]), True, year, False, a)
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


def read_digit_quarter(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"3Q 2025", "1Q25": a quarter, its number first."""
    n = int(text[m.start()])
    year = int(m["q2_y"]) if m["q2_y"] else 2000 + int(m["q2_yy"])
    return _quarter_like(m.start(), m.end(), "QQ", n, False, year, False, a) if 1 <= n <= 4 else None


def read_fiscal(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"fiscal 2025", "FY25", "Q3 FY26": a fiscal year, half or quarter, placed by the fiscal calendar of
    the country the sentence (else the article) names; None, and the text passed over, when it names
    none (a company's fiscal year is its own)."""
    s, e = m.start(), m.end()
    written = text[s:e]
    years = _FISCAL_YEAR.findall(written)
    rule = _fiscal_rule(text, s, e)
    part = _fiscal_part(written)
    if not rule or not years and part is None:
        return None
    if not years:  # "the fiscal first quarter", "fiscal Q2": the latest such part the clause's tense allows
        return _fiscal_part_by_tense(m, text, a, pre, int(rule[:2]), part) if part else None
    year = int(years[-1]) if len(years[-1]) == 4 else 2000 + int(years[-1])
    later = _NEXT_YEAR_AFTER.match(text, e)
    if later and int(later["yy"]) == (year + 1) % 100 and len(years[-1]) == 4:  # "fiscal year 2025-26"
        return _fiscal_years(s, later.end(), year, later["yy"], text)
    first = _fiscal_start(year, rule)
    if part is None:
        return _span_raw(s, e, "FY", (first, add_months(first, 12) - DAY), "year", False)
    if part == (0, False):
        return None
    months = 6 if part[1] else 3
    start = add_months(first, months * (part[0] - 1))
    return _span_raw(s, e, "FY", (start, add_months(start, months) - DAY), "half" if part[1] else "quarter", False)


def _fiscal_start(year: int, rule: str) -> dt.date:
    """The first day of fiscal year `year` by a country's rule ("04-end": India's fiscal 2025 starts in April
    2024; "04-start": Japan's in April 2025)."""
    month = int(rule[:2])
    return dt.date(year - (1 if rule[3:] == "end" and month > 1 else 0), month, 1)


def _fiscal_part(written: str) -> tuple[int, bool] | None:
    """The quarter or half a fiscal label names ("Q3 FY26", "the first fiscal quarter": (3, False), (1,
    False)); None when it names the whole year, (0, False) when the number cannot be one."""
    pm = _FISCAL_PART.search(written)
    if pm is None:
        return None
    code = (pm.group(1) or "").lower()  # "q3", "h1", "3q"
    word = (pm.group(2) or "").lower()
    half = "h" in code or (pm.group(3) or "").lower() == "half"
    n = int(code.strip("qh")) if code else date_words().ordinals.get(word, 0)
    return (n, half) if 1 <= n <= (2 if half else 4) else (0, False)


def _fiscal_part_by_tense(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, month: int,
                          part: tuple[int, bool]) -> Raw | None:
    n, half = part
    if not n:
        return None
    months = 6 if half else 3
    gran = "half" if half else "quarter"

    def make(y: int) -> Span:
        start = add_months(dt.date(y, month, 1), months * (n - 1))
        return start, add_months(start, months) - DAY

    if a is None:
        return _unresolved(m.start(), m.end(), "FY", gran)
    tense = _mention_tense(text, m.start(), m.end(), pre)
    lag = _report_lag(text, m.start(), m.end()) if tense == "future" else 0
    return _span_raw(m.start(), m.end(), "FY", resolve(a, make, tense, lag, period=True), gran, True)


_OF_TWO_YEARS = re.compile(r"\s+of\s+(?:the\s+)?(?P<y>\d{4})(?=[-–/]\d\d\b)")


def _part_of_fiscal_years(s: int, e: int, n: int, half: bool, y: int, text: str) -> Raw | None:
    """ "Q4 2024-25", "H1 2025/26", "the third quarter of the 2024-25 financial year": a quarter or half of
    the fiscal year a two-year label names (a season has no quarters); None when no such label follows."""
    later = _NEXT_YEAR_AFTER.match(text, e)
    if later is None or int(later["yy"]) != (y + 1) % 100:
        return None
    months = 6 if half else 3
    start = add_months(_two_year_start(y, text, s, e), months * (n - 1))
    return _span_raw(s, later.end(), "FY", (start, add_months(start, months) - DAY), "half" if half else "quarter",
                     False)


def _fiscal_years(s: int, e: int, y: int, second: str, text: str) -> Raw | None:
    """ "the 2025-26 financial year", "tax year 2023/24": the fiscal year that starts in the first year, by
    the calendar of the country named (else April, as in Britain and India)."""
    if int(second[-2:]) != (y + 1) % 100:
        return None
    first = _two_year_start(y, text, s, e)
    return _span_raw(s, e, "FY", (first, add_months(first, 12) - DAY), "year", False)


def _two_year_start(y: int, text: str, s: int, e: int) -> dt.date:
    """The first day of the fiscal year a two-year label starting in `y` names, by the calendar of the
    country the text names (else April)."""
    rule = _fiscal_rule(text, s, e)
    return dt.date(y, int(rule[:2]) if rule else FINANCIAL_YEAR_MONTH, 1)


def _fiscal_rule(text: str, s: int, e: int) -> str:
    """The fiscal calendar of the first country named in the sentence, else in the article."""
    tables = date_words().fiscal_years
    for chunk in (_sentence(text, s, e), text):
        hit = _FISCAL_HINT.search(chunk)
        if hit:
            return tables[" ".join(hit.group().lower().split())]
    return ""


def read_year_period(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"2022 Q4", "2023 H1", "2024-Q2": a quarter or half, its year first."""
    half, n = m["yq_c"] == "H", int(m["yq_n"])
    if half and n > 2:
        return None
    return _quarter_like(m.start(), m.end(), "HH" if half else "QQ", n, half, int(text[m.start() : m.start() + 4]),
                         False, a)


def read_year_ordinal_period(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                             prev: Raw | None) -> Raw | None:
    """ "the 2024 first quarter", "2024's third quarter": a quarter or half, its year written first."""
    half = m["yop_u"].lower() == "half"
    n = date_words().ordinals.get(m["yop_o"].lower(), 0)
    if not 1 <= n <= (2 if half else 4):
        return None
    return _quarter_like(m.start(), m.end(), "HH" if half else "QQ", n, half, int(text[m.start() : m.start() + 4]),
                         False, a)


def read_digit_half(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"1H 2025", "2H25": a half-year, its number first."""
    n = int(text[m.start()])
    year = int(m["h2_y"]) if m["h2_y"] else 2000 + int(m["h2_yy"])
    return _quarter_like(m.start(), m.end(), "HH", n, True, year, False, a) if 1 <= n <= 2 else None


def _ordinal_quarter(m: re.Match[str], p: str, word: str, text: str, a: dt.date | None, pre: Prefix) -> Raw | None:
    s, e = m.start(), m.end()
    half = m[f"{p}_u"] == "half"
    word = word.lower()
    place = date_words().period_ends.get(word)
    if place:
        n = 1 if place == "first" else 2 if half else 4  # "the opening quarter", "the back half"
    elif word in date_words().ordinals:
        n = date_words().ordinals[word]
    else:
        return None
    if half and n > 2:
        return None
    year, relative, present = _resolve_year_expr(m, p, a)
    if m[f"{p}_y2"]:
        year, relative, present = int(m[f"{p}_y2"]), False, True
    two = _OF_TWO_YEARS.match(text, e) if year is None else None
    if year is not None or two:
        fiscal = _part_of_fiscal_years(s, two.end() if two else e, n, half, int(two["y"]) if two else year, text)
        if fiscal:
            return fiscal
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


def read_ordinal_period(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"third-quarter 2025", "first-half": a quarter or half."""
    return _ordinal_quarter(m, "oq", text[m.start():m.start("oq_e")], text, a, pre)


def read_the_ordinal_period(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                            prev: Raw | None) -> Raw | None:
    """"the third quarter of 2025", "the second half": a quarter or half."""
    return _ordinal_quarter(m, "oqt", m["oqt_o"], text, a, pre)


def read_last_quarter_of(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the last quarter of 2024": the fourth quarter."""
    year, relative, _ = _resolve_year_expr(m, "oql", a)
    if year is None:
        return _unresolved(m.start(), m.end(), "OQ", "quarter")
    return _quarter_like(m.start(), m.end(), "OQ", 4, False, year, relative, a)


def read_first_quarters(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the first three quarters of 2024": the quarters from January."""
    year, relative, _ = _resolve_year_expr(m, "qs", a)
    if year is None:
        return _unresolved(m.start(), m.end(), "QS", "quarter")
    n = {"two": 2, "three": 3}.get(m["qs_n"], 0) or int(m["qs_n"])
    return _span_raw(m.start(), m.end(), "QS", (dt.date(year, 1, 1), month_end(year, 3 * n)), "quarter", relative)


def read_months_of_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the first six months of 2024", "the last two months of the year"."""
    year, relative, _ = _resolve_year_expr(m, "ms", a)
    c = count(m["ms_n"])
    if c is None or not 1 <= c[0] <= 12:
        return None
    n = int(c[0])
    if year is None:
        return _unresolved(m.start(), m.end(), "MS", "month")
    if m["ms_dir"] == "first":
        iv = (dt.date(year, 1, 1), month_end(year, n))
    else:
        iv = (dt.date(year, 13 - n, 1), dt.date(year, 12, 31))
    return _span_raw(m.start(), m.end(), "MS", iv, "month", relative)


def _ago(m: re.Match[str], p: str, text: str, a: dt.date | None, prev: Raw | None) -> Raw | None:
    s, e = m.start(), m.end()
    if s and (text[s - 1].isalnum() or text[s - 1] in ".,$€£¥"):
        return None
    unit = m[f"{p}_u"]
    c = count(text[s:m.start(f"{p}_c")])
    if c is None:
        return None
    lo_n, hi_n = c
    if m[f"{p}_h1"] or m[f"{p}_h"]:
        lo_n, hi_n = lo_n + 0.5, hi_n + 0.5
    if hi_n == 0 or hi_n > MAX_AGO:
        return None
    if m[f"{p}_w"] != "ago":
        return _later(s, e, unit, (lo_n, hi_n), m[f"{p}_w"] == "later", text, prev)
    vague = lo_n != hi_n
    gran = {"day": "day", "week": "week", "month": "month", "year": "month" if hi_n == 1 else "year",
            "decade": "year"}[unit]
    if a is None:
        return _unresolved(s, e, "AGO", gran)
    if unit == "day" and not vague and lo_n == int(lo_n):
        return _day_raw(s, e, "AGO", units_back(a, unit, lo_n), True)  # "nine days ago": that very day
    if unit == "week" and not vague and lo_n == int(lo_n):
        # "two weeks ago": the calendar week that many weeks before the anchor's (a loose count of days)
        mon = monday(a) - dt.timedelta(weeks=int(lo_n))
        return _span_raw(s, e, "AGO", (mon, mon + 6 * DAY), "week", True)
    one_year = unit == "year" and hi_n == 1
    slack = dt.timedelta(days=ONE_YEAR_AGO_SLACK_DAYS if one_year else AGO_SLACK_DAYS[unit])
    center = units_back(a, unit, lo_n)
    low = units_back(a, unit, hi_n) - slack
    high = min(center + slack, a)
    value: str | None = None
    if not vague and gran == "month":
        value = iso_month(center)
    elif not vague and gran == "year":
        value = iso_year(center)
    r = Raw(s, e, "AGO", low, high, gran, value, relative=True)
    r.qualifier = "approx"
    return r


def _later(s: int, e: int, unit: str, n: tuple[float, float], later: bool, text: str, prev: Raw | None) -> Raw | None:
    """ "three weeks later", "a year earlier": the story's last date moved by that much (a day stays a
    day, a month a month); with no date just before it, a duration."""
    if prev is None or prev.low is None or prev.high is None or prev.kind == "WIN" \
            or s - prev.end > FOLLOW_REACH or "\n\n" in text[prev.end:s]:
        return None  # no date to count from (a window ahead of the anchor is no event's date)
    if _COMPARED.search(text, max(0, s - 16), s):
        return None  # "up 12% from a year earlier": a base of comparison, no date of its own
    sign = -1 if later else 1
    r = shifted(prev, unit, n, sign)
    r.start, r.end, r.kind, r.relative, r.offset = s, e, "LATER", True, (unit, n, sign)
    return r


def shifted(d: Raw, unit: str, n: tuple[float, float], sign: int) -> Raw:
    """A copy of the date d moved n units back (sign 1) or ahead (sign -1): a vague count ("a few weeks
    later") widens it to cover every count it allows."""
    assert d.low is not None and d.high is not None
    ends = [units_back(x, unit, sign * k) for x in (d.low, d.high) for k in n]
    low, high = min(ends), max(ends)
    value = None
    if d.gran == "day" and low == high:
        value = iso_day(low)
    elif d.gran == "month" and (low, high) == month_span(low.year, low.month):
        value = iso_month(low)
    elif d.gran == "year" and (low, high) == year_span(low.year):
        value = iso_year(low)
    r = Raw(d.start, d.end, d.kind, low, high, d.gran, value, relative=d.relative)
    r.qualifier = "exact" if n[0] == n[1] else "approx"
    return r


def read_window(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "The plant opens in two weeks", "will decide within nine months": in a clause that looks ahead,
    the day that many units after the anchor ("within" at most it); elsewhere ("sold out in two weeks")
    a duration, no date."""
    s, e = m.start(), m.end()
    c = count(m["win_n"])
    if c is None or c[1] > MAX_AGO or tense_of(text, s, e) not in ("future", "sched"):
        return None
    unit = m["win_u"]
    if a is None:
        return _unresolved(s, e, "WIN", "day")
    r = shifted(Raw(s, e, "WIN", a, a, "day", None, relative=True), unit, c, -1)
    if m["win_w"].lower() == "within":
        r.qualifier, r.qual_word = "at_most", "within"
    elif unit not in ("day", "week"):
        slack = dt.timedelta(days=AGO_SLACK_DAYS[unit])
        r.low, r.high, r.gran, r.value, r.qualifier = max(a, r.low - slack), r.high + slack, unit, None, "approx"
    return r


def read_digits_ago(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"12 years ago": a span back from the anchor; "10 days later": from the date before it."""
    return _ago(m, "agod", text, a, prev)


def read_words_ago(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"two weeks ago", "a few years ago": a span back from the anchor; "three weeks later": from the
    date before it."""
    return _ago(m, "agow", text, a, prev)


def read_the_past_units(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"the past two weeks", "the next few months": a span from the anchor."""
    s, e = m.start(), m.end()
    unit, direction, plural = m["rl_u"], m["rl_dir"], bool(m["rl_pl"])
    if direction == "latest" or direction.startswith("most"):
        if unit != "quarter" or plural:
            return None  # "the latest year for which data exist" is no calendar year
        direction = "past"  # "the latest quarter": the last one completed
    if text.startswith(" of", e):
        return None  # "the last week of June"
    if plural:
        c = count(m["rl_n"]) if m["rl_n"] else None
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
    if unit == "quarter" and not plural:
        if direction not in ("past", "last"):
            return None
        q0 = a.year * 4 + (a.month - 1) // 3 - 1  # "in the past quarter": the last one completed
        return _span_raw(s, e, "RL", quarter_span(q0 // 4, q0 % 4 + 1), gran, True)
    if direction in ("past", "last"):
        iv = (units_back(a, unit, n) + (DAY if unit != "hour" else dt.timedelta(0)), a)
    else:
        iv = (a, units_back(a, unit, -n) - (DAY if unit != "hour" else dt.timedelta(0)))
    return _span_raw(s, e, "RL", iv, gran, True)


def _relative_unit(s: int, e: int, unit: str, dirword: str, a: dt.date | None, pre: Prefix) -> Raw | None:
    if pre.the and not pre.mod and dirword.lower() != "current":
        return None  # "the last week of June", "the next year"; but "the current quarter"
    direction = date_words().directions[dirword]
    if dirword == "past":
        return None
    gran = "week" if unit == "weekend" else unit
    if a is None:
        return _unresolved(s, e, "REL", gran)
    k = {"last": -1, "this": 0, "next": 1}[direction]
    value: str | None = None
    qualifier = "exact"
    if dirword == "this past" and unit == "week":
        iv = (a - 7 * DAY, a)
    elif unit in ("week", "weekend"):
        mon = monday(a) + dt.timedelta(weeks=k)
        iv = (mon, mon + 6 * DAY) if unit == "week" else (mon + 5 * DAY, mon + 6 * DAY)
    elif unit == "month":
        iv = month_span(*shift_month(a, k))
        value = iso_month(iv[0])
    elif unit == "quarter":
        q0 = a.year * 4 + (a.month - 1) // 3 + k
        iv = quarter_span(q0 // 4, q0 % 4 + 1)
    elif unit == "year":
        iv = year_span(a.year + k)
        value = iso_year(iv[0])
    elif k == 0:
        d0 = a.year // 10 * 10
        iv = (dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31))
        value = f"{d0}s"
    else:
        other = add_months(a, 120 * k)
        iv = (other, a) if k < 0 else (a, other)
        gran, qualifier = "year", "approx"
    r = _span_raw(s, e, "REL", iv, gran, True, value)
    r.qualifier = qualifier
    return r


def _weekday(s: int, e: int, wd: int, core: tuple[int, int], direction: str, text: str,
             a: dt.date | None, poss: bool = False, qual: str = "") -> Raw:
    r = Raw(s, e, "WD", None, None, "day", None, relative=True, weekday=wd, core=core)
    if a is None:
        return r
    if direction == "last":
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif direction == "next":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif direction == "this":
        d = monday(a) + dt.timedelta(days=wd)
    else:
        # the clause's tense: ahead for a future or a scheduled event ("polls close on Tuesday"), back for
        # a past; an event named by its day ("Monday's vote") is over unless the clause looks ahead;
        # with no tense, the nearer of the last and the next such day (the last on a tie)
        t = clause_tense(text, s, e, day=True, weekday=True)
        behind, ahead = (a.weekday() - wd) % 7, (wd - a.weekday()) % 7
        if qual in ("since", "after"):
            forward = False
        elif poss and awaited(text, s):
            forward = True  # "traders await Friday's payrolls"
        elif t in ("past", "since", "future", "sched") or poss and not (t == "present" and names_event(text, e)):
            forward = t in ("future", "sched")
        elif t == "present":
            forward = True  # "the committee meets on Thursday": a day in a present clause is scheduled
        else:
            forward = ahead < behind
        d = a + dt.timedelta(days=ahead) if forward else a - dt.timedelta(days=behind)
    r.low = r.high = d
    r.value = iso_day(d)
    return r


def read_weekday_of_week(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                         prev: Raw | None) -> Raw | None:
    """"Tuesday of next week": that weekday in the calendar week named."""
    s, e = m.start(), m.end()
    wd = date_words().weekdays.get(_WORD.match(text, s).group().lower())  # type: ignore[union-attr]
    if wd is None:
        return None
    if a is None:
        return _unresolved(s, e, "WW", "day")
    k = {"last": -1, "this": 0, "next": 1}[m["wow_dir"].lower()]
    return _day_raw(s, e, "WW", monday(a) + dt.timedelta(weeks=k, days=wd), True)


def read_week_of_month(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                       prev: Raw | None) -> Raw | None:
    """"the first week of March", "the last week of June 2024": seven days of the month."""
    s, e = m.start(), m.end()
    mon = _mon_num(m["wm_m"])
    word = m["wm_o"].lower()
    n = date_words().ordinals.get(word, 0) if word not in ("last", "final") else -1
    if not n or n > 4:
        return None

    def make(y: int) -> Span:
        if n < 0:
            end = month_end(y, mon)
            return end - 6 * DAY, end
        first = dt.date(y, mon, 1) + dt.timedelta(weeks=n - 1)
        return first, first + 6 * DAY

    return _placed(s, e, "WM", make, text, a, pre, m["wm_y"])


def read_week_beginning(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                        prev: Raw | None) -> Raw | None:
    """"the week beginning June 2", "the week of 9 March": the seven days from that day."""
    s, e = m.start(), m.end()
    mon = _mon_num(m["wb_m"] or m["wb_m2"])
    day = _day_num(m["wb_d"] or m["wb_d2"])

    def make(y: int) -> Span:
        return dt.date(y, mon, day), dt.date(y, mon, day) + 6 * DAY

    return _placed(s, e, "WB", make, text, a, pre)


def _placed(s: int, e: int, kind: str, make: Callable[[int], Span], text: str, a: dt.date | None, pre: Prefix,
            year: str | None = None) -> Raw:
    """A week made for a year: the year written, else the one its clause's tense places it in."""
    if year:
        return _span_raw(s, e, kind, make(int(year)), "week", False)
    if a is None:
        return _unresolved(s, e, kind, "week")
    return _span_raw(s, e, kind, resolve(a, make, _mention_tense(text, s, e, pre)), "week", True)


def read_day_of_month(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                      prev: Raw | None) -> Raw | None:
    """"the 15th of next month": a day of the month named relative to the anchor."""
    s, e = m.start(), m.end()
    if a is None:
        return _unresolved(s, e, "DN", "day")
    y, mon = shift_month(a, {"last": -1, "this": 0, "next": 1}[m["dn_dir"].lower()])
    return _day_raw(s, e, "DN", dt.date(y, mon, _day_num(m["dn_d"])), True)


def read_bare_day(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "The vote is on the 14th", "by the 3rd": a day of the month, read only after "on" or a bound word;
    the month is the anchor's or the one next to it that the clause's tense picks."""
    if not (pre.ctx == "on" or pre.qual in ("by", "until", "till", "before", "after", "since", "from")):
        return None
    s, e = m.start(), m.end()
    if a is None:
        return _unresolved(s, e, "DD", "day")
    day = _day_num(m["bd_d"])
    days = []
    for k in (-1, 0, 1):
        y, mon = shift_month(a, k)
        if day <= month_end(y, mon).day:
            days.append(dt.date(y, mon, day))
    tense = _mention_tense(text, s, e, pre, True)
    if tense in ("future", "sched"):
        pick = min((d for d in days if d >= a), default=None)
    elif tense in ("past", "since"):
        pick = max((d for d in days if d <= a), default=None)
    else:
        pick = min(days, key=lambda d: (abs((d - a).days), d > a), default=None)
    return _day_raw(s, e, "DD", pick, True) if pick else None


def read_weekday(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"on Tuesday": the day with that weekday near the anchor (not "Black Friday")."""
    s, e = m.start(), m.end()
    wd = date_words().weekdays.get(text[s:e].lower())
    if wd is None:
        return None
    before = text[max(0, s - WORD_BEFORE_REACH):s].split()
    if before:
        word = before[-1].strip("\"“(")
        if word.lower() in _HOLIDAY_ADJ and word[:1].isupper():
            return None  # Black Friday, Super Tuesday, Easter Sunday
        labels_prev = prev is not None and prev.calendar_day and bool(LABEL_AFTER.match(text, prev.end, s))
        if word.lower() in _NOT_ANCHORED and not labels_prev:
            return None  # "the following Sunday", "every Monday"; but "Oct. 5, a Sunday" labels a date
    return _weekday(s, e, wd, (s, e), "", text, a, bool(_POSS.match(text, e)), pre.qual)


def _season_raw(s: int, e: int, name: str, direction: str, a: dt.date | None, tense: str = "") -> Raw:
    if a is None:
        return _unresolved(s, e, "SEA", "season")
    first = date_words().seasons[name]
    if direction == "last":
        y = a.year + 1
        while season_span(y, first)[1] >= a:
            y -= 1
        iv = season_span(y, first)
    elif direction == "next":
        y = a.year - 1
        while season_span(y, first)[0] <= a:
            y += 1
        iv = season_span(y, first)
    elif direction == "this":
        into_new_year = first + 2 > 12 and a.month <= first + 2 - 12  # "this winter" written in February
        iv = season_span(a.year - 1 if into_new_year else a.year, first)
    else:
        iv = resolve(a, lambda yy: season_span(yy, first), tense)
    return _span_raw(s, e, "SEA", iv, "season", True)


def read_season(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"in spring 2026", "last summer", "the fall": a season."""
    s, e = m.start(), m.end()
    w = _WORD.match(text, s)
    word = w.group() if w else ""
    name = word.lower()
    words = date_words()
    if name not in words.seasons:
        return None
    any_ctx = bool(pre.ctx or pre.qual or pre.mod or pre.the)
    if m["sea_y"]:
        if word in words.verb_seasons and not any_ctx:
            return None  # "prices fall 2025..."
        return _span_raw(s, e, "SEA", season_span(int(m["sea_y"]), words.seasons[name]), "season", False)
    if text.startswith((" of", " in"), e):
        return None  # "the fall of Kabul", "a spring in his step"
    if name in words.verb_seasons:
        if not (pre.the and (pre.ctx in ("in", "during", "over") or pre.qual in ("by", "until", "since"))):
            return None
    elif not (pre.mod or pre.the or pre.ctx in ("in", "during", "this", "last", "next")
              or pre.qual in _STRONG_QUAL or pre.qual == "by"):
        return None
    return _season_raw(s, e, name, "", a, _mention_tense(text, s, e, pre) if a else "")


def read_holiday(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"on Christmas Day 2019", "after Easter", "by Thanksgiving": the day a holiday falls on; with no year
    only after a word that dates ("Christmas trading", "Easter eggs", "the Easter Rising" are no dates)."""
    s, e = m.start(), m.end()
    name = " ".join(text[s : m.start("hol_y") if m["hol_y"] else e].replace("’", "'").lower().split()).rstrip(",")
    rule = date_words().holidays.get(name.removeprefix("the "), date_words().holidays.get(name, ""))
    if not rule:
        return None
    if m["hol_y"]:
        return _day_raw(s, e, "HOL", holiday(rule, int(m["hol_y"])))
    if not (pre.ctx in ("on", "at", "over", "during", "until") or pre.qual) or _next_word(text, e)[:1].isupper():
        return None
    if a is None:
        return _unresolved(s, e, "HOL", "day")
    tense = _mention_tense(text, s, e, pre, True)
    day, _ = resolve(a, lambda y: (holiday(rule, y), holiday(rule, y)), tense)
    return _day_raw(s, e, "HOL", day, True)


def read_direction(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"last week", "next Tuesday", "this March", "last spring": a period counted from the anchor."""
    s, e = m.start(), m.end()
    dirword = " ".join(text[s:m.start("dir_e")].lower().split())
    words = date_words()
    if dirword not in words.directions:
        return None
    direction = words.directions[dirword]
    if m["d_u"]:
        return _relative_unit(s, e, m["d_u"], dirword, a, pre)
    if m["d_wd"]:
        return _weekday(s, e, words.weekdays[m["d_wd"].lower()], m.span("d_wd"), direction, text, a)
    if m["d_mn"]:
        return _bare_month(s, e, words.months[m["d_mn"].lower()], direction, text, a, pre, prev)
    return _season_raw(s, e, m["d_sea"].lower(), direction, a)


def read_weekend(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """"over the weekend": the last Saturday and Sunday."""
    if text[m.start():m.start() + 6].split()[0].lower() not in ("over", "at", "during"):
        return None
    if a is None:
        return _unresolved(m.start(), m.end(), "WKND", "week")
    sat = monday(a) + 5 * DAY
    if a < sat:
        sat -= 7 * DAY
    return _span_raw(m.start(), m.end(), "WKND", (sat, sat + DAY), "week", True)


def read_relative_day(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "yesterday", "tonight", "last night": a day counted from the anchor."""
    s, e = m.start(), m.end()
    offset = date_words().relative_days.get(" ".join(m.group().lower().split()))
    if offset is None:
        return None
    if a is None:
        return _unresolved(s, e, "TODAY", "day")
    return _day_raw(s, e, "TODAY", a + dt.timedelta(days=offset), True)


def read_day_before_after(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                          prev: Raw | None) -> Raw | None:
    """ "the day before yesterday", "the day after tomorrow": a day one further from the anchor."""
    s, e = m.start(), m.end()
    word = m["dba_before"] or m["dba_after"]
    offset = date_words().relative_days.get(word.lower())
    if offset is None:
        return None
    if a is None:
        return _unresolved(s, e, "TODAY", "day")
    return _day_raw(s, e, "TODAY", a + dt.timedelta(days=offset + (-1 if m["dba_before"] else 1)), True)


YEAR_AGO_SLACK_DAYS = 15  # "this time last year": a month around the day a year before the anchor


def read_this_time_last_year(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix,
                             prev: Raw | None) -> Raw | None:
    """ "this time last year": about a month around the day a year before the anchor."""
    s, e = m.start(), m.end()
    if a is None:
        return _unresolved(s, e, "TODAY", "month")
    c = add_months(a, -12)
    slack = YEAR_AGO_SLACK_DAYS * DAY
    r = Raw(s, e, "TODAY", c - slack, c + slack, "month", iso_month(c), relative=True)
    r.qualifier = "approx"
    return r


