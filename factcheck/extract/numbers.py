"""Figures in prose: digits and number words with their scale, currency, unit or counted noun,
hedge and direction, each turned into an interval.

One cheap compiled scan finds where a number may start (a digit, a number word, "twice"...);
short anchored patterns then read the number itself, what stands right before it (currency,
sign, hedge, direction verb) and right after it (scale, percent, currency name, unit, noun,
the second end of a range). A last pass over the figures of each sentence fills in what prose
leaves to context: the noun of "up from 392" or "rose to 124", the rate of "by 4 cents to 52 cents
a share", the direction of "fell 17%, Broadcom 17.4%", ages, currency pairs. Everything is
compiled at import; nothing calls pint.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from decimal import Decimal

from factcheck.language.text import IRREGULAR_PLURALS as _IRREGULAR
from factcheck.language.text import sentences_of
from factcheck.language.text import compound_plural
from factcheck.language.text import singular as _singular
from factcheck.extract.words import CARDINALS, NUMBER_WORD, TENS, FigureWords, figure_words
from factcheck.lexicon.config import Hedge, Lexicon, lexicon
from factcheck.lexicon.wordclasses import stop_list, union, word_class

_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                 "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_MONTHS = union("months", "month_abbreviations")


# Time words read as a number of larger units: "a decade" is 10 years.
_DURATIONS = {"decade": ("year", 10.0), "decades": ("year", 10.0), "century": ("year", 100.0),
              "centuries": ("year", 100.0), "fortnight": ("week", 2.0), "fortnights": ("week", 2.0)}
_DURATION_AFTER = re.compile(
    r"[ \u00a0-](decades?|century|centuries|fortnights?)\b(?!-old)(?![ \u00a0]+(?:ago|earlier|later|previously)\b)",
    re.I,
)
_A_UNIT = {"decade", "century", "fortnight", "year", "month", "week", "day"}
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<glue>[A-Za-z]+\b|°[CF]\b)?")
_HUNDRED_AFTER = re.compile(r"[ \u00a0]+hundred\b(?![ \u00a0]+(?:and|of)\b)", re.I)
_BEFORE_BARE_DECIMAL = " \u00a0(\"“"  # ".420" after these is a number, not the end of a sentence's "3.420"
_WORD_TOKEN = re.compile(r"([A-Za-z]+)(?:(?:[ \u00a0]+|-)(?=[A-Za-z]))?")

# ---------------------------------------------------------------- what stands after a number

_PERCENT_AFTER = re.compile(
    r"[ \u00a0]?(%|percent(?:age)?[ \u00a0]+points?\b|per[ \u00a0]?cent(?:age)?[ \u00a0]+points?\b|pp\b|ppts?\b|"
    r"of[ \u00a0]+an?[ \u00a0]+(?:(?:percentage|basis)[ \u00a0]+)?point\b|"
    r"basis[ \u00a0]+points?\b|bps\b|bp\b|per[ \u00a0-]?cent\b|pct\b|pc\b)",
    re.I,
)
_PER = re.compile(
    r"(?P<paren>[ \u00a0]*\([^()\n]{1,40}\))?"
    r"(?:[ \u00a0]+(?P<conn>per|a|an|each)[ \u00a0]+|[ \u00a0]*(?P<conn2>/)[ \u00a0]*|-(?P<conn3>a|an|per)-(?=[a-z]))"
    r"(?:(?P<scale>million|thousand|billion|1m|1,000|1,000,000)[ \u00a0]+)?(?P<noun>[A-Za-z][A-Za-z-]{1,20})\b"
    r"(?:[ \u00a0]+(?P<noun2>[A-Za-z][A-Za-z-]{1,20})\b)?"
)
_OFFSET_ADVERBS = frozenset(word_class("offset_adverbs"))
_PER_SCALES = {"1m": "million", "1,000,000": "million", "1,000": "thousand"}
_NOUN_AFTER = re.compile(r"((?:[ \u00a0](?:[A-Z]+\d[\w.-]*|[A-Za-z][A-Za-z'’-]*)){1,4})")
_NOUN_STOP = stop_list("noun_stop")
_PLURAL_ONLY = word_class("plural_only")
# Capitalised words that, right before a number, do not make it a product name ("The 300 passengers").
_FUNCTION_WORDS = stop_list("function_words")
# After a label, the list it heads: "junctions 10 and 11", "episodes 1 to 3", "tracks 4, 7 and 9"
_LABEL_LIST = re.compile(r"(?:[ \u00a0]*(?:,|&|and|or|to|-|–)[ \u00a0]*\d+[A-Za-z]?\b(?![.,]\d|%))*")
# Emergency numbers: "a 999 call", "dialled 911"
_EMERGENCY = re.compile(r"(?:999|911|112|111|101|000)[ \u00a0]+(?:calls?|operators?|emergency|line)\b")
_DIAL = {"call", "called", "calling", "dial", "dialled", "dialed", "dialling", "dialing", "ring", "rang", "phoned"}
# Standard track distances: "won the 200 metres" is an event, not a distance run
_RACE_DISTANCES = {60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000}
_OF_THE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|our|these|those)"
    r"(?:[ \u00a0]+(?:[A-Z][\w&.-]*[ \u00a0]+)*[\w&.-]+['’]s)?"
    r"(?:[ \u00a0]+(?:\d[\d,]*|" + NUMBER_WORD + r"))?(?=[ \u00a0])"
)
# A word number with nothing after it is prose unless the sentence says what it counts: kept for now.
_TENTATIVE_AFTER = re.compile(
    r"[ \u00a0]+(?:short|clear|ahead|behind|were|was|are|have|had|died|remain|remained|survived)\b"
    r"|[ \u00a0]*(?:[.;,)]|$)"
)
_ONE_OK = re.compile(
    r"-(?:year|month|week|day|hour|minute|second)\b(?!-olds?\b)|[ \u00a0]+(?:gold|silver|bronze)\b"
    r"|[ \u00a0]+(?:person|patient|man|woman|child|boy|girl|worker|passenger|soldier|officer|civilian|student|"
    r"pupil|resident|victim|teenager|baby|infant|firefighter|pilot|miner|crew[ \u00a0]member|hostage|prisoner)"
    r"[ \u00a0]+(?:has|had|was|is|died|remains|remained|suffered|survived|needed|required|went)\b"
)
_CLOCK_AFTER = re.compile(r"[ \u00a0]?(?:[ap]\.?m\b|o['’]clock\b)", re.I)
_ONE_OR_TWO = re.compile(r"[ \u00a0]+(?:or|to)[ \u00a0]+(?:two|three)\b", re.I)  # "one or two patients"
_COHORT = re.compile(r"-olds\b")  # "five-year-olds": a group of children, not a figure
_HYPHEN_NOUN = re.compile(r"-([a-z]{3,20})\b(?!-)")
_HYPHEN_NOT_NOUN = {"strong", "odd", "plus", "fold", "old", "long", "wide", "high", "deep", "tall", "way", "time",
                    "off", "up", "all", "nil", "love", "run", "second", "minute", "hour"}
_SMALLER = {"hour": ("minute", 60.0), "minute": ("second", 60.0), "foot": ("inch", 12.0), "year": ("month", 12.0),
            "week": ("day", 7.0), "day": ("hour", 24.0), "mile": ("yard", 1760.0), "meter": ("centimeter", 100.0)}
_UNIT_RATIO = {("year", "month"): 12.0, ("week", "day"): 7.0, ("day", "hour"): 24.0, ("hour", "minute"): 60.0,
               ("minute", "second"): 60.0, ("month", "year"): 1 / 12, ("day", "week"): 1 / 7,
               ("hour", "day"): 1 / 24, ("minute", "hour"): 1 / 60, ("second", "minute"): 1 / 60}
_COMPOUND_UNIT = re.compile(
    r"(?:,?[ \u00a0]+and)?[ \u00a0]+(\d{1,2}(?:\.\d+)?|" + NUMBER_WORD + r")[ \u00a0-]?(seconds?|secs?|minutes?|mins?|hours?|hrs?|inch(?:es)?|"
    r"months?|days?|centimetres?|centimeters?|cm|yards?)\b(?![ \u00a0]+(?:later|ago|after|before|earlier|of|per)\b)"
)
_CAPS_AFTER = re.compile(r"[ \u00a0]([A-Z]{2,})\b(?![.\d])(?:[ \u00a0]+([A-Za-z]+))?")
_PRICING = {"priced", "pricing", "prices", "price", "offered", "offering", "sold", "selling", "sell", "issued"}
_PRECIOUS = re.compile(r"\b(?:gold|silver|platinum|palladium|bullion|precious)\b", re.I)
_HYPHEN_CHAIN = re.compile(r"\d+(?:-\d+){2,}|\d+(?:\.\d+){2,}|\d+/\d+|\d+-to-\d+\b")  # "the 9-to-1 scale"
_TIME = re.compile(
    r"\d{1,2}(?::\d{2}(?::\d{2})?(?!\d)|[.:]\d{2}[ \u00a0]?(?:[ap]\.?m\b\.?|GMT|UTC|ET|EST|EDT|BST|CET|HKT|h\b)"
    r"|[ \u00a0]?(?:[ap]\.m\.|[ap]m\b)|[ \u00a0]o'clock)|\d{4}[ \u00a0]?(?:GMT|UTC|hrs|hours[ \u00a0]GMT)\b"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[ \u00a0.-]?(?:\(0\)[ \u00a0]?)?(?:\(?\d{1,5}\)?[ \u00a0.-]?){2,5}\d"
    r"|\(\d{2,5}\)[ \u00a0]?\d{3,4}[ \u00a0.-]\d{3,4}|\d{3,5}([ \u00a0.-])\d{3,4}\1\d{3,4})(?!\d)"
)
_TEMPERATURE = re.compile(
    r"\b(?:temperatures?|heat|heatwave|degrees|warm\w*|cold\w*|hot\w*|chill\w*|freez\w*|frost\w*|thermometers?|"
    r"celsius|fahrenheit|highs?|lows?|mercury|scorch\w*|sweltering)\b",
    re.I,
)
# "from -20C to 45C", "at 21C", "minus 5C": a glued C after these words or a sign is a temperature
_DEGREES_BEFORE = re.compile(r"(?:[-−+]|\b(?:minus|plus|at|to|from|between|and|of|reached|hit|above|below|"
                             r"around|about|near|under|over|roughly)[ \u00a0]+[-−]?)$", re.I)
_METRE_AFTER = re.compile(
    r"(?:[ \u00a0-]+(?:tall|high|long|deep|wide|away|above|below|across|underground|offshore|under|of|"
    r"sprint|final|race|hurdles|freestyle|butterfly|backstroke|breaststroke|medley|relay|dash|"
    r"(?!(?:last|this|next|the|a|an|in|on|at|for|to|and|or|but|from|with|by|as|than|so|was|is|were|are|will|"
    r"would|had|has|said|says|ago|after|before|earlier|later|more|less|each|per|that|which|who)\b)"
    r"(?-i:[a-z]+)(?![\w-]*s\b)(?=[ \u00a0]+[a-z])|(?-i:[a-z]{3,})(?=[.,;:!?)]))\b)",
    re.I,
)
# "200m in 1:52", "800m in under two minutes": a distance covered in a time
_TIMED_AFTER = re.compile(r"[ \u00a0]+in[ \u00a0]+(?:(?:just[ \u00a0]+)?(?:under|over|about|around)[ \u00a0]+)?"
                          r"(?:\d{1,2}:\d\d|[\d.]+[ \u00a0]?(?:s|sec|secs|seconds|min|mins|minutes|hours?)\b"
                          r"|(?:a|an|one|two|three|four|five|ten)[ \u00a0]+(?:seconds?|minutes?|hours?)\b)")
# "swam 200m", "threw the javelin 90m", "the jump measured 8.95m", "a depth of 3,800m": verbs of a distance
# covered and nouns of a length
_DISTANCE_VERB = re.compile(r"\b(?:(?:" + "|".join(sorted(word_class("length_nouns"))) + r")[ \u00a0]+of"
                            r"|(?:" + "|".join(sorted(word_class("distance_verbs"))) + r"))"
                            r"(?:[ \u00a0]+(?:the|a|an|his|her|their|its)[ \u00a0]+[a-z]+)?"
                            r"(?:[ \u00a0]+(?:about|nearly|almost|just|over|under|some|more[ \u00a0]+than))?[ \u00a0]+$", re.I)
_FEET_BRACKET = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:about|around|some|nearly)?[ \u00a0]*[\d,.]+[ \u00a0-]?"
                           r"(?:ft|feet|foot|yards?|yd|in|inches)\b")  # "40m (131ft)": metres
# One match for the three: the phone pattern comes first (its group 1 is the separator it repeats)
_NOT_A_FIGURE = re.compile(f"(?:{_PHONE.pattern})|(?:{_TIME.pattern})|(?:{_HYPHEN_CHAIN.pattern})")
_ADDRESS = re.compile(
    r"[ \u00a0]+(?:[A-Z][a-z]+[ \u00a0]+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Place|"
    r"Square|Terrace|Way|Crescent|Court|Close|Gardens|Park)\b"
)
_YEAR_BEFORE = stop_list("year_before")
_OF = re.compile(r"[ \u00a0]+of\b")
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
_NOT_COUNTED_UNITS = frozenset({"pound", "percent", "token", "second"})  # money, a share, words of their own
_SPACED_MEASURE = re.compile(r"[ \u00a0]([a-z]{3,})(?<!s)[ \u00a0]+[a-z]{3,}\b")  # "a 30 page audit"
_PREFIX_WORD = re.compile(r"\b(?:minus|sub|plus)-$", re.I)  # a hyphen that ties a word to its number
_MINUS_WORD = re.compile(r"\bminus[ \u00a0-]+$", re.I)  # "minus 5C", "minus-12 degrees"
_LINE_START = re.compile(r"(?:^|\n)[ \t>*#-]*$")
_URLISH = re.compile(r"://|www\.|@")
_WEIGHT_CONTEXT = re.compile(
    r"\b(?:(?:" + "|".join(sorted(word_class("weight_cues"))) + r")|pounds?[ \u00a0]+of"
    r"|(?:" + "|".join(sorted(word_class("subject_pronouns"))) + r")[ \u00a0]+(?:had[ \u00a0]+|has[ \u00a0]+)?(?:"
    + "|".join(sorted(word_class("body_weight_verbs"))) + r"))\b", re.I)
_SPORT_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|beating|defeated|defeat|defeats|drew|draw|"
    r"drawn|tied|tie|score|scored|scores|scoreline|victory|led|lead|leads|leading|trailed|trail|trailing|edged|"
    r"thrashed|routed|crushed|clinched|finished|series|voted|vote|votes|margin|record|sets?|triumphed|"
    r"ended|overcame|stunned|downed|blanked|swept|result|tally)\b[^.;\d]{0,25}$",
    re.I,
)
_SPORT_AFTER = re.compile(
    r"[ \u00a0]+(?:win|wins|victory|defeat|loss|lead|draw|tie|scoreline|vote|votes|verdict|decision|majority|"
    r"aggregate|home|away|thrashing|drubbing|triumph|in\s+(?:the\s+)?(?:final|semi|extra|overtime|penalties))\b",
    re.I,
)

# ---------------------------------------------------------------- hedges, direction, multipliers

_REL_CHANGE = re.compile(
    r"[ \u00a0]+(?:(?:that|which)[ \u00a0]+)?(?:it|they|he|she|we|you|(?:the|its|their|his|her|our)[ \u00a0]+[a-z]+"
    r"(?:[ \u00a0]+[a-z]+)?|[A-Z][\w&'’.-]*(?:[ \u00a0]+[A-Z][\w&'’.-]*)?)[ \u00a0]+"
    r"(?:(?:had|has|have|had[ \u00a0]+been|has[ \u00a0]+been)[ \u00a0]+)?(?:(?:already|previously|recently|just|"
    r"initially|earlier|briefly)[ \u00a0]+)?(?P<verb>[a-z]+)\b"
)
_FRAC_FOLLOW = re.compile(
    r"[ \u00a0]+(?:of|the|that|as|its|their|his|her|our|all|what|those|these|this)\b", re.I
)
_POINT_AFTER = re.compile(
    r"(?:(?:[ \u00a0]+of)?[ \u00a0]+an?)?[ \u00a0-]+(?:percentage[ \u00a0]+point|basis[ \u00a0]+point|point)\b", re.I
)
# "a fifth more than", "a third less": a fraction of a change
_FRAC_COMPARE = re.compile(
    r"[ \u00a0]+(?:(?P<up>more|higher|larger|bigger|greater|longer|faster)|"
    r"(?P<down>less|fewer|lower|smaller|cheaper|shorter|slower))\b",
    re.I,
)
_NOT_IN_X = re.compile(
    r"[ \u00a0]+(?:games?|matches|starts|appearances|attempts|seasons|races|tries|shots|outings|innings|years?|"
    r"months?|weeks?|days?|hours?|minutes?|seconds?|laps|rounds|sets)\b",
    re.I,
)
_FRAC_BEFORE = re.compile(
    r"\b(?:by|in|cut|than)[ \u00a0]+(?:(?:nearly|almost|about|around|roughly|some|more[ \u00a0]+than|"
    r"less[ \u00a0]+than|over|under|just[ \u00a0]+over|just[ \u00a0]+under|close[ \u00a0]+to|"
    r"as[ \u00a0]+much[ \u00a0]+as)[ \u00a0]+)?$",
    re.I,
)
_FRAC_NOT_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|latter|former|back|front|other|second-|final|opening|closing|top|bottom|"
    r"early|late|and|an?)[ \u00a0-]+$",
    re.I,
)
_DOUBLE_OK_BEFORE = re.compile(
    r"\b(?:to|will|would|could|may|might|should|can|nearly|almost|more\s+than|roughly|about|than|could|did|"
    r"cannot|expected\s+to|set\s+to)[ \u00a0]+$",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    """A number found in text, before attribution."""

    start: int
    end: int
    kind: str  # quantity, percent, count
    value: float | None
    low: float
    high: float
    unit: str = ""
    noun: str = ""
    qualifier: str = "exact"
    direction: str | None = None
    multiplier: float | None = None
    ambiguous: str = ""


# ---------------------------------------------------------------- small helpers


_WORD_NEXT = {
    "start": {"unit", "tens", "a", "half"},
    "a": {"hundred", "scale", "dozen"},
    "half": {"a"},
    "unit": {"hundred", "scale", "dozen"},
    "tens": {"unit", "scale"},
    "hundred": {"and", "unit", "tens", "scale"},
    "and": {"unit", "tens"},
    "scale": {"and", "unit", "tens", "scale"},
    "dozen": set(),
}


def _read_words(text: str, pos: int, vocab: FigureWords) -> tuple[float, int] | None:
    """A number in words starting at `pos` ("twenty-one", "a dozen", "half a million"): value and end."""
    state, total, current, end, last_scale = "start", 0.0, 0.0, pos, math.inf
    p = pos
    while True:
        m = _WORD_TOKEN.match(text, p)
        if not m:
            break
        tok = m.group(1).lower()
        cls = vocab.number_class.get(tok)
        if cls is None or cls not in _WORD_NEXT[state]:
            break
        if state == "tens" and cls == "unit" and not 0 < CARDINALS[tok] < 10:
            break
        if cls == "and":
            state = "and"
            p = m.end()
            continue
        if cls == "a":
            current = current or 1.0
        elif cls == "half":
            current = 0.5
        elif cls == "unit":
            current += CARDINALS[tok]
        elif cls == "tens":
            current += TENS[tok]
        elif cls == "dozen":
            current = (current or 1.0) * 12
        elif cls == "hundred":
            if current >= 100:
                break
            current = (current or 1.0) * 100
        else:
            scale = vocab.word_scales[tok]
            if scale >= last_scale:
                break
            total += (current or 1.0) * scale
            current, last_scale = 0.0, scale
        state = cls
        end = m.start(1) + len(tok)
        p = m.end()
    if state == "a" and end > pos:
        m = _WORD_TOKEN.match(text, p)
        if m and m.group(1).lower() in _A_UNIT and not total:
            return current, end  # "a decade", "half a century": the unit reader takes the noun
    if state in ("start", "a", "half") or end == pos:
        return None
    return total + current, end


def _rounding_half_width(digits: str, value: float, scale: float, max_rel: float) -> float:
    """Half the last written digit's place: "5.6" -> 0.05, "17" -> 0.5.

    Trailing zeros ("600") and scale words ("1tn") make the written precision ambiguous: there the
    band is capped at `max_rel` of the value (but never narrower than one unit of the last digit).
    """
    digits = digits.replace(",", "")
    half = 0.5 * _digit_step(digits, scale)
    if "." not in digits and (digits.rstrip("0") != digits or scale > 1):
        half = min(half, max(max_rel * abs(value), 0.5 * scale if scale < 1e3 else 0.0))
    return half


def _digit_step(digits: str, scale: float) -> float:
    """One unit of the last written digit's place: "5.6" -> 0.1, "6000" -> 1,000, "17" -> 1 (times scale)."""
    if "." in digits:
        return 10 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    return 10 ** (len(digits) - len(stripped) if stripped else 0) * scale


def _written_step(d: _Draft) -> float:
    """One step of the last written digit's place, uncapped: "1.1 million" -> 100,000, "6,000" -> 1,000."""
    digits = (d.first.digits or (str(int(d.number)) if float(d.number).is_integer() else "")).replace(",", "")
    return _digit_step(digits, d.scale * d.factor if d.first.digits else d.factor) if digits else 0.0


def _looks_plural(word: str) -> bool:
    low = word.lower()
    if low in _MASS_S:
        return False
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # GPUs, CEOs
    if low in _IRREGULAR or compound_plural(low):
        return True  # "people", "firemen"
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and len(low) > 2


# Words that end in -s but count as one thing ("measles cases", "maths teachers").
_MASS_S = word_class("singular_in_s")
_RANGE_WORDS = word_class("range_words")
_GIVING = word_class("giving_verbs")
_MEDALS = {"gold", "silver", "bronze"}  # "40 golds", "one silver": medals
# "more than the 138,000 economists had forecast": the noun is who forecast, not what is counted.
_FORECASTERS = {"economist", "analyst", "forecaster", "strategist", "pollster", "expert", "observer", "trader"}
_FORECAST_VERBS = {"had", "have", "expected", "forecast", "forecasted", "predicted", "estimated", "anticipated",
                   "projected", "were"}
_CHANGE_HEADS = {"cut", "loss", "gain", "increase", "rise", "reduction", "addition", "closure", "cull", "drop"}
_NOUN_LEAD = stop_list("noun_lead")


def _head_noun(run: str, count: float, vocab: FigureWords) -> str:
    """The counted noun in the words after a count: "Nvidia H800 chips" -> "chip", "people" -> "person",
    "munitions factories" -> "factory", "gold medals" -> "gold medal", "maths and physics teachers" -> "teacher"."""
    words: list[str] = []
    raws = run.split()
    coordinated = False
    stop_at = len(raws)
    for k, raw in enumerate(raws):
        w = raw.strip("'’-")
        low = w.lower()
        if not words and low in _NOUN_LEAD:
            continue  # "10.9 million more people"
        if low in ("and", "or") and words and not coordinated and not any(_looks_plural(x) for x in words):
            words, coordinated = [], True  # "4,000 maths and physics teachers"
            continue
        if not w or low in _NOUN_STOP or low.rstrip(".") in _MONTHS and w[:1].isupper():
            stop_at = k
            break
        if low.endswith("ly") and len(low) > 4 and not words:
            continue  # "2 to 3 globally influential companies"
        words.append(w)
        if len(words) == 3:
            stop_at = k + 1
            break
    candidates = [
        w for w in words if w.isalpha() or not (any(c.isdigit() for c in w) and any(c.isalpha() for c in w))
    ]
    plural = [i for i, w in enumerate(candidates) if _looks_plural(w) or w.lower() in _PLURAL_ONLY]
    head = -1
    for i in plural:  # "8.5 million Windows devices": a common noun before a name
        w = candidates[i]
        if not w[:1].isupper() or w[:-1].isupper():
            head = i
            break
    if head < 0 and plural:
        head = plural[0]
    if head >= 0:
        while head + 1 < len(candidates) and head + 1 in plural and not candidates[head + 1][:1].isupper():
            head += 1  # "six munitions factories": the last of the plural run
        noun = _singular(candidates[head])
        if noun in _CHANGE_HEADS and head > 0:
            head -= 1  # "2,000 job cuts": jobs are counted, the cut is the change
            noun = _singular(candidates[head])
    elif count == 1 and len(candidates) == 1 and candidates[0].islower() and not candidates[0].endswith(("ed", "ly")):
        head, noun = 0, _singular(candidates[0])
    else:
        return ""
    if noun in _FORECASTERS and stop_at < len(raws) and raws[stop_at].lower() in _FORECAST_VERBS:
        return ""  # "than the 138,000 economists had forecast"
    if noun in _MEDALS:
        return noun + " medal"
    if head > 0 and not coordinated:
        compound = candidates[head - 1].lower() + " " + noun
        if compound in vocab.nouns["compounds"]:
            return compound
    return noun


def _is_month(word: str) -> bool:
    return bool(word) and word[0].isupper() and word.lower().rstrip(".") in _MONTHS


def currency_hints(text: str, lex: Lexicon | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """How this article writes a sign several currencies share ("¥") and a bare name ("dollars"): from
    what else it says (yuan or yen, HK$...), by the hints and names of rules/currencies.yaml.

    Returns (leans, kin): leans maps a shared sign to the currency whose hints the article names most
    ("¥" -> "CNY"; absent when it leans no way); kin maps a currency with a bare name to another
    currency of that name the article also writes ("USD" -> "HKD" for HK$...).
    """
    vocab = figure_words(lex or lexicon())
    leans: dict[str, str] = {}
    low = text.lower()
    for sym, codes in (*vocab.lex.shared_symbols.items(), *vocab.lex.shared_names.items()):
        counts = sorted(((vocab.hints[c].count(text, low), c) for c in codes), reverse=True)
        if counts[0][0] > counts[1][0]:
            leans[sym] = counts[0][1]
    kin: dict[str, str] = {}
    for code, pattern in vocab.kin.items():
        other = pattern.search(text)
        if other:
            g = other.group()
            kin[code] = vocab.kin_codes.get(g.lower()) or vocab.kin_codes.get(g.rsplit(None, 1)[0].lower(), "")
    return leans, kin


class _Context:
    """Per-text facts computed once, lazily: currency hints, skip spans; and the stages and guards to run."""

    __slots__ = ("_fx", "_hints", "lex", "plan", "rtext", "skip_ends", "skip_starts", "text", "urlish", "vocab")

    def __init__(self, text: str, lex: Lexicon, skip: list[tuple[int, int]], plan: _Plan | None = None) -> None:
        self.text = text
        self.plan = _PLAN if plan is None else plan
        self.rtext = text[::-1]
        self.lex = lex
        self.vocab = figure_words(lex)
        spans = sorted((s, e) for s, e in skip if e > s)
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.skip_starts = [s for s, _ in merged]
        self.skip_ends = [e for _, e in merged]
        self._hints: tuple[dict[str, str], dict[str, str]] | None = None
        self.urlish = bool(_URLISH.search(text))
        self._fx: bool | None = None

    @property
    def fx(self) -> bool:
        """Does the text name a currency in words (so an amount may be an exchange rate)?"""
        if self._fx is None:
            low = self.text.lower()
            self._fx = any(w in low for w in self.vocab.fx_words)
        return self._fx

    @property
    def hints(self) -> tuple[dict[str, str], dict[str, str]]:
        if self._hints is None:
            self._hints = currency_hints(self.text, self.lex)
        return self._hints

    def skipped(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a skip span?"""
        i = bisect.bisect_left(self.skip_starts, end)
        return i > 0 and self.skip_ends[i - 1] > start

    def sentence(self, pos: int) -> str:
        """The sentence holding `pos` (the one sentence splitter), at most 300 characters either side."""
        start, end = sentences_of(self.text).span_of(pos)
        return self.text[max(start, pos - 300) : min(end, pos + 300)]

    def shared(self, sym: str, pos: int) -> tuple[str, str]:
        """Which currency a sign or name several share ("¥", "pesos") stands for at `pos`, and the ambiguity
        note when the text does not say: the one whose hints the sentence names, else the article, else the
        first listed."""
        codes, hints = self.lex.shared_symbols.get(sym) or self.lex.shared_names[sym], self.vocab.hints
        sent = self.sentence(pos)
        named = [c for c in codes if hints[c].found(sent)]
        if len(named) == 1:
            return named[0], ""
        lean = self.hints[0].get(sym, "")
        if lean:
            low = self.text.lower()
            if sum(1 for c in codes if hints[c].found(self.text, low)) > 1:
                both = "both" if len(codes) == 2 else "several"
                others = " or ".join(c for c in codes if c != lean)
                return lean, f"{sym}: {lean} or {others} (the article names {both}; {lean} assumed)"
            return lean, ""
        return codes[0], f"{sym}: {' or '.join(codes)} (the text does not say; {codes[0]} assumed)"

    def bare(self, word: str, pos: int) -> tuple[str, str]:
        """Which currency a bare name ("dollars") at `pos` stands for, and the ambiguity note when the
        article also writes another currency of that name (HK$) and the sentence does not say."""
        code = self.vocab.bare[word]
        other = self.hints[1].get(code, "")
        if not other or self.vocab.hints[code].found(self.sentence(pos)):
            return code, ""
        label = next(n for n, c in self.vocab.bare.items() if c == code)
        return code, f"{label}: {code} or {other} (the article also writes {other}; {code} assumed)"

    def shows(self, code: str) -> bool:
        """Does the text show the currency: one of its symbols or hints?"""
        cur = self.lex.currencies[code]
        return any(s in self.text for s in cur.symbols) or self.vocab.hints[code].found(self.text)


def _apply_hedge(h: Hedge, low: float, high: float, value: float | None, band: float,
                 step: float = 0.0) -> tuple[str, float, float]:
    """Widen [low, high] by a hedge: approx +-width (plus the rounding band); one-sided hedges are
    bounded at the written value and open on the other side by `width`, or by `steps` of the written
    precision `step` where the group gives them ("more than 1.1 million": to 1.2 million)."""
    q, w = h.qualifier, h.width
    if h.steps and step and value is not None and q in ("more_than", "at_least"):
        return q, value, value + min(abs(value) * w, h.steps * step)
    if value is None:  # a range
        if q == "approx":
            return q, low - abs(low) * w, high + abs(high) * w
        if q in ("at_most", "less_than"):
            return q, low - abs(low) * w, high
        return q, low, high + abs(high) * w
    if q == "approx":
        return q, value - abs(value) * w - band, value + abs(value) * w + band
    if q in ("at_most", "less_than"):
        return q, value - abs(value) * w, value
    return q, value, value + abs(value) * w


_SHORT_RUN = 6  # words read before a figure
_LONG_RUN = 16  # words read back to find the verb of "cut the risk of heart attack ... by 20%"
_RWORDS = re.compile(rf"(?:[ \t\u00a0]*[A-Za-z'’.&]+){{1,{_SHORT_RUN}}}")
_RWORDS_LONG = re.compile(rf"(?:[ \t\u00a0]*[A-Za-z'’.&]+){{1,{_LONG_RUN}}}")


def _words_before(ctx: _Context, start: int, long: bool = False) -> list[str]:
    """The words right before `start`, nearest first, lower-cased; the run stops at punctuation.
    Six words, or sixteen when `long` (to find the verb of "cut the risk of heart attack ... by 20%").

    Read forwards in the reversed text, so one anchored match does the work."""
    m = (_RWORDS_LONG if long else _RWORDS).match(ctx.rtext, len(ctx.text) - start)
    if not m:
        return []
    run = m.group()[::-1].lower()
    words = run.split()
    words.reverse()
    if "." in run:
        for i in range(1, len(words)):
            if words[i].endswith("."):
                del words[i:]  # "rose. 5": the previous sentence
                break
    return words


# Verbs of passing a mark ("topped $100,000", "could exceed $50bn"): the figure is a lower bound.
_PASS_VERBS = {"topped", "tops", "topping", "exceeded", "exceeds", "exceed", "surpassed", "surpasses", "surpass",
               "surpassing", "breached", "breaches", "breaching", "eclipsed", "eclipses", "eclipsing", "crossed",
               "crosses", "crossing"}
# "passed $100,000", "passed 1 million users": a mark passed; but "passed 12 bills" is a tally of laws.
_PASS_MILESTONE = {"passed", "passes", "passing"}
_ESTIMATE_AT = {"estimated", "estimate", "estimates", "put", "pegged", "reckoned"}
_START_AT = {"starting", "starts", "start", "started"}
# Words before "from $799" that make it the lowest price on offer: "tickets from £25", "sells from $799".
_PRICE_FROM = {"prices", "price", "priced", "pricing", "fares", "fare", "tickets", "ticket", "costs", "cost",
               "costing", "sells", "sell", "selling", "sold", "retails", "retail", "retailing", "available",
               "starting", "starts", "start", "rooms", "plans", "packages", "rates", "rents", "seats", "subscriptions",
               "memberships", "flights", "sale", "go", "goes", "options", "models", "deals", "offers", "upgrades",
               "tariffs", "trims"}
_ESTIMATE_VERBS = {"estimate", "estimates", "estimated", "estimating"}
_MODALS = stop_list("modal_lead")
_MORE_ER = {"longer", "older", "bigger", "larger", "taller", "heavier", "wider", "further", "farther", "faster",
            "costlier", "deeper", "higher", "greater", "later", "hotter", "warmer", "stronger"}
_LESS_ER = {"shorter", "younger", "smaller", "lighter", "narrower", "slower", "cheaper", "lower", "shallower",
            "earlier", "colder", "cooler", "weaker"}
_HEDGE_WORDS_EXTRA = _PASS_VERBS | {"past", "within", "near", "than", "of"}


def _hedge_before(text: str, start: int, vocab: FigureWords, words: list[str]) -> Hedge | None:
    """The hedge right before a figure ("about", "more than", "~"), from rules/hedges.yaml, and the
    bounds that prose writes with verbs and comparatives ("topped", "within", "longer than")."""
    lex = vocab.lex
    if words and words[0] in _HEDGE_WORDS_EXTRA:
        w0 = words[0]
        if w0 in _PASS_VERBS or w0 == "past" and len(words) > 1 and (
            words[1].endswith("ed") or words[1] in vocab.up.verbs or words[1] in vocab.down.verbs
            or words[1] in ("went", "broke", "got")
        ):
            return lex.hedges.get("more than")  # "weakened past 157 per dollar"
        if w0 == "within":
            return lex.hedges.get("up to")
        if w0 == "near":
            return lex.hedges.get("about")
        if w0 == "than" and len(words) > 1:
            if words[1] in _MORE_ER:
                return lex.hedges.get("more than")
            if words[1] in _LESS_ER:
                return lex.hedges.get("less than")
        if w0 == "of" and "estimated" in words[1:4] and "than" not in words[1:4]:
            return lex.hedges.get("about")  # "an estimated street value of £96m"
    if not (words and words[0] in vocab.hedge_last) and "~" not in text[max(0, start - 2) : start] and (
            text[start - 1 : start] != "-"):  # "a sub-3nm chip": a hedge glued by a hyphen
        return None  # no hedge ends with the word before the figure: skip the regex
    hm = lex.hedge_re.search(text, max(0, start - 30), start)
    if hm and hm.group(1).lower() == "up to" and len(words) > 2 and words[2] in vocab.lex.words.particles:
        return None
    return lex.hedges[hm.group(1).lower()] if hm else None


_AVERAGE_OF = {"average", "total", "median", "mean", "aggregate"}
_LAY = {"lay", "lays", "laid", "laying"}


def _is_milestone(value: float) -> bool:
    """A round mark of 100 or more, written with at most two significant digits (100, 1,500, 2 million)."""
    v = abs(value)
    if v < 100 or not math.isfinite(v):
        return False
    mant = v / 10 ** math.floor(math.log10(v)) * 10
    return abs(mant - round(mant)) < 1e-6


def _hedge_in_words(
    text: str, start: int, end: int, ctx: _Context, words: list[str], kind: str, currency: str, unit: str,
    value: float,
) -> Hedge | None:
    """Bounds and estimates that prose writes around a figure with more than a hedge word: "passed
    1 million", "is estimated at $2bn", "starting at $799", "tickets from £25", "officials estimate
    the levy would add $300"."""
    hedges = ctx.lex.hedges
    w0 = words[0] if words else ""
    if w0 in _PASS_MILESTONE and (kind != "count" or _is_milestone(value)) and not ctx.vocab.to_number.match(text, end):
        return hedges.get("more than")  # but "the bill passed 310 to 118" is a tally
    if w0 == "at" and len(words) > 1:
        if words[1] in _ESTIMATE_AT and (words[1] != "put" or len(words) > 2 and words[2] in ("be", "is", "was")):
            return hedges.get("about")  # "is estimated at $2bn", "the bill was put at £4m"
        if words[1] == "starting":
            return hedges.get("at least")  # "prices starting at $799" (but "it starts at $999" is its price)
    i = 1 if w0 in ("just", "only") else 0
    if len(words) > i and words[i] == "from":
        nxt = words[i + 1] if len(words) > i + 1 else ""
        if nxt in _START_AT:
            return hedges.get("at least")  # "starting from $5"
        if currency and (nxt in _PRICE_FROM or "/" in unit and nxt) and ctx.vocab.not_price_from.isdisjoint(
            words[i + 1 : i + 4]
        ) and not ctx.vocab.to_number.match(text, end):
            return hedges.get("at least")  # "tickets from £25", "rooms go from £89 a night"
    if "stimat" in text[max(0, start - 120) : start]:
        lw = _words_before(ctx, start, long=True)
        for k in range(1, min(len(lw), 12)):
            if lw[k] in _ESTIMATE_VERBS:
                if lw[k - 1] == "that" or not _MODALS.isdisjoint(lw[:k]):
                    return hedges.get("about")  # "officials estimate the levy would add $300"
                break
    return None


def _direction_before(words: list[str], vocab: FigureWords, kind: str = "") -> str | None:
    """ "rose 0.3%", "fell by about 17%", "cut its forecast by 0.2 points", "a rise of 5%", "up 5%",
    "shrunk by an average of 73%", "rise by up to 4.6%", "lay off 4,000", "close two plants"."""
    return _direction_and_source(words, vocab, kind)[0]


def _direction_and_source(words: list[str], vocab: FigureWords, kind: str = "") -> tuple[str | None, bool]:
    """The direction before a figure, and whether a noun gave it ("growth of 4%", "a rise of 5%")
    rather than a verb or an adverb ("rose 4%", "up 5%")."""
    i, n = 0, len(words)
    if not n:
        return None, False
    if kind == "count" and words[0] == "close":
        return "down", False  # "close two plants" ("close to 70%" has "to" before the figure)
    up, down = vocab.up, vocab.down
    if kind == "percent" and n > 1 and words[0] == "to" and (words[1] in up.rate_verbs or words[1] in down.rate_verbs):
        return ("up" if words[1] in up.rate_verbs else "down"), False  # "inflation accelerated to 3.2%"
    if n > 1 and words[0] == "to" and words[1] == "up":
        if not (kind == "percent" or n > 2 and words[2] == "by"):
            return None, False  # "dropped up to 40 inches of rain": a bound, not a change
        i = 2  # "up to" is a hedge here, not a level: "rise by up to 4.6%"
    i = _past_hedges(words, i, vocab)
    if i + 1 < n and words[i] == "of" and words[i + 1] in _AVERAGE_OF:
        i = _past_hedges(words, i + 2, vocab)  # "by an average of 73%", "a total of"
    if i >= n:
        return None, False
    w = words[i]
    if w == "up" and i + 1 < n and words[i + 1] in _GIVING:
        return "down", False  # "the defence gave up 300 yards"
    if w == "by":
        for v in words[i + 1 :]:
            if v in up.verbs or v in up.by:
                return "up", False
            if v in down.verbs or v in down.by:
                return "down", False
        return None, False
    if w in up.verbs:
        return "up", False
    if w in down.verbs:
        return "down", False
    if kind == "count" and (w in down.count_verbs or (w == "off" and i + 1 < n and words[i + 1] in _LAY)):
        return "down", False
    if w == "of" and i + 1 < n:
        noun = words[i + 1]
        noun = noun[:-1] if noun.endswith("s") and (noun[:-1] in up.nouns_of or noun[:-1] in down.nouns_of) else noun
        if noun in up.nouns_of:
            return "up", True
        if noun in down.nouns_of:
            return "down", True
    return None, False


_CLOCK_TIME = re.compile(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?:\.(\d{1,3}))?(?![\d:]|[ \u00a0]?(?:[ap]\.?m\b|[AP]M\b|GMT|UTC|BST|ET\b|h\b))")
_RACE_BEFORE = re.compile(r"\b(?:in|of|clocked|timed|ran|run|finished|record|best|time|winning)[ \u00a0]+(?:a[ \u00a0]+)?$", re.I)


def _clock_duration(text: str, start: int) -> Figure | None:
    """A time written like a clock that is a duration: hours, minutes and seconds ("2:04:18"), minutes and
    seconds with a fraction ("3:45.20"), or minutes and seconds after a word of racing ("won in 3:29");
    in seconds. "At 10:30", "9:30am" are times of day, never durations."""
    m = _CLOCK_TIME.match(text, start)
    if m is None or _CLOCK_AT.search(text, max(0, start - 12), start):
        return None
    h_or_m, mid, sec, frac = m.groups()
    if not (sec or frac or _RACE_BEFORE.search(text, max(0, start - 20), start)):
        return None
    parts = [int(h_or_m), int(mid)] + ([int(sec)] if sec else [])
    seconds = float(sum(v * 60 ** (len(parts) - 1 - i) for i, v in enumerate(parts)))
    half = 0.5 * 10.0 ** -len(frac) if frac else 0.5
    value = seconds + (float("0." + frac) if frac else 0.0)
    return Figure(start, m.end(), "quantity", value, value - half, value + half, "second")


_CLOCK_AT = re.compile(r"\b(?:at|by|until|from|before|after|around|since)[ \u00a0]+$", re.I)


_FRACTION = re.compile(r"(?:(?P<whole>\d{1,3})[ \u00a0]+)?(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\d/]|[.,]\d)")
FRACTION_DENOMINATORS = range(2, 17)  # "3/4", "5/16": the fractions measures are written in


def _fraction(text: str, pos: int, ctx: _Context) -> tuple[float, int] | None:
    """ "a 3/4 cup", "3 1/2 miles", "1/2-inch": (value, end) of a proper fraction, perhaps with a whole
    number before it, that a unit follows; else None ("24/7", "9/11", "2/3 of the seats")."""
    fm = _FRACTION.match(text, pos)
    if fm is None:
        return None
    n, d = int(fm["n"]), int(fm["d"])
    if d not in FRACTION_DENOMINATORS or not 0 < n < d:
        return None
    if not ctx.vocab.unit_re.match(text, fm.end()):
        return None
    return int(fm["whole"] or 0) + n / d, fm.end()


def _excluded_end(text: str, ctx: _Context, start: int) -> int:
    """If the digits at `start` are part of something that is not a figure (a phone number, a time,
    a URL, an ISBN, a code, list numbering), the end of that thing; else -1."""
    if ctx.urlish:
        lo = start
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = start
        n = len(text)
        while hi < n and not text[hi].isspace():
            hi += 1
        chunk = text[lo:hi]
        if "://" in chunk or "www." in chunk or ("@" in chunk and "." in chunk.split("@")[-1]):
            return hi
    prev = text[start - 1] if start else ""
    if prev in "+(" and start > 1:
        pm = _PHONE.match(text, start - 1)
        if pm:
            return pm.end()
    pm = _NOT_A_FIGURE.match(text, start)
    if pm and _fraction(text, start, ctx) is None:  # a phone number, a time, a chain of numbers (not "3/4 cup")
        return pm.end()
    if prev == "(" or prev == "[":
        em = re.match(r"\d{1,2}[)\]]", text[start : start + 3])
        if em:
            return start + em.end()
    lo = max(0, start - 12)
    if (lo == 0 or "\n" in text[lo:start]) and _LINE_START.search(text, lo, start):
        em = re.match(r"\d{1,3}[.)](?=\s)", text[start : start + 5])
        if em:
            return start + em.end()
    if prev in " \u00a0" and start > 1 and text[start - 2] in ":,;":
        em = re.match(r"\d{1,2}(?:\)|\.(?=[ \u00a0][A-Z]))", text[start : start + 4])
        if em:
            return start + em.end()  # "in order: 1) the NHS, 2) housing", "were: 1. Cycling, 2. Athletics"
    return -1


def _is_label(text: str, start: int, end: int, vocab: FigureWords, words: list[str], by_word: bool = True) -> bool:
    """ "Claude 3.5", "Windows 11", "Llama 3.3-70B", "page 12": a name or label, not a figure."""
    if start and text[start - 1] == "#":
        return True
    if start > 1 and text[start - 1] in "-–" and text[start - 2].isalnum() and not _PREFIX_WORD.search(
            text, max(0, start - 8), start):
        return True  # "COVID-19", "Llama 3.3-70B"; but "minus-12", "sub-3"
    if text[end : end + 1] == "-" and re.match(r"-\d+[A-Za-z]", text[end : end + 8]):
        return True
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper() and not vocab.unit_re.match(
        text[end : end + 24].lower()
    ):
        return True  # "7-Eleven", "3-Series" (but "a 10-Year Plan" in a headline)
    if not by_word or not words or text[start - 1 : start] not in (" ", "\u00a0"):
        return False
    low = words[0]
    if low in vocab.labels:
        return True
    bare = low.rstrip(".")
    if bare.endswith(("'s", "’s", "s'")):
        return False  # "DeepSeek's 40 million": a possessive, not a name with a number
    if bare in _MONTHS or bare in _FUNCTION_WORDS or bare in vocab.lex.names or bare in vocab.lex.hedges:
        return False
    j = start - 1
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    word = text[j - len(low) : j]
    if word[:1].isupper() or (len(word) > 1 and word[1].isupper()):
        after = text[end : end + 12]
        # "Tesla 5%", "Add 2 cups": the number is a figure all the same
        return not (_PERCENT_AFTER.match(after) or vocab.scale_after.match(after) or vocab.unit_re.match(after))
    return False


_MONTH_AFTER = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?([A-Z][a-z]+)")


def _is_date_part(text: str, start: int, end: int, digits: str, words: list[str]) -> bool:
    """ "July 4", "4 July": a day the date finder should have had."""
    if "," in digits or "." in digits or int(digits) > 31:
        return False
    if words and words[0].rstrip(".") in _MONTHS and text[start - len(words[0]) - 1 : start - 1][:1].isupper():
        return True
    after = _MONTH_AFTER.match(text, end)
    return bool(after and after.group(1).lower() in _MONTHS)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_CLOCK_BEFORE = stop_list("clock_before")


# ---------------------------------------------------------------- the extractor


# Digits start a multiplier only before a space, "-", "fold" or "x" ("3 in 10", "threefold", "2.5x"):
# checked first, as the multiplier pattern is long.
_MULTIPLIER_DIGITS = re.compile(r"[\d.]*[ \u00a0fFxX-]")


def find_figures(text: str, skip: list[tuple[int, int]] | None = None, lex: Lexicon | None = None) -> list[Figure]:
    """Every figure in `text` outside the `skip` spans (dates found first), in order."""
    ctx = _Context(text, lex or lexicon(), list(skip or []))
    figures, tentative = _scan(text, ctx, None)
    return _in_context(text, figures, ctx, tentative) if figures else figures


def trace_figures(
    text: str, skip: list[tuple[int, int]] | None = None, lex: Lexicon | None = None, without: Collection[str] = ()
) -> tuple[list[Figure], list[tuple[int, Reject]]]:
    """The figures, and each number the stages turned down with where it starts and why (for tests, and to
    see why a figure was missed). `without` names guards (keys of GUARDS) to switch off."""
    unknown = set(without) - set(GUARDS)
    if unknown:
        raise ValueError(f"unknown guards: {sorted(unknown)}")
    ctx = _Context(text, lex or lexicon(), list(skip or []), _plan(frozenset(without)) if without else None)
    rejects: list[tuple[int, Reject]] = []
    figures, tentative = _scan(text, ctx, rejects)
    return (_in_context(text, figures, ctx, tentative) if figures else figures), rejects


def _scan(text: str, ctx: _Context, rejects: list[tuple[int, Reject]] | None) -> tuple[list[Figure], set[int]]:
    """The trigger scan: each place a number may start, read as a multiplier or by the stages, left to right;
    a figure takes its text, a rejected label its whole list. Returns the figures and the starts of the
    tentative ones; appends each Reject to `rejects` when given."""
    figures: list[Figure] = []
    tentative: set[int] = set()
    taken_until = 0
    for m in ctx.vocab.scan.finditer(text):
        kind = m.lastgroup  # "d" a digit, "g"/"s" a glued currency code ("RM3", "$NZ4"), "w" "within a year", None a word
        start = m.end(kind) if kind in ("g", "s", "w") else m.start()
        kind = "g" if kind == "s" else kind
        if start < taken_until or ctx.skipped(start, start + 1):
            continue
        if kind == "d" or kind == "g":
            prev = text[start - 1] if start else ""
            if prev == "." and kind == "d" and (start < 2 or text[start - 2] in _BEFORE_BARE_DECIMAL):
                start -= 1  # "a .420 average": a decimal written without its zero
            elif prev and prev in ".,:/_":
                continue
            clock = _clock_duration(text, start) if kind == "d" else None
            if clock is not None:
                figures.append(clock)  # "won in 2:04:18", "a 3:45.20 mile"
                taken_until = clock.end
                continue
            ex = _excluded_end(text, ctx, start)
            if ex >= 0:
                taken_until = ex
                continue
            mm = ctx.vocab.multiplier.match(text, start) if _MULTIPLIER_DIGITS.match(text, start) else None
        else:
            mm = ctx.vocab.multiplier.match(text, start)
        fig = None
        if mm:
            fig = _multiplier(text, mm, ctx)
        if fig is None:
            read = _figure_at(text, start, ctx)
            if isinstance(read, Reject):
                if read.skip_to > start:
                    taken_until = read.skip_to  # "junctions 10 and 11": the whole list
                if rejects is not None:
                    rejects.append((start, read))
                continue
            fig = read.figure()
            if read.tentative:
                tentative.add(read.start)
        if fig.start >= taken_until and not ctx.skipped(fig.start, fig.end):
            figures.append(fig)
            taken_until = fig.end
    if "s of " in text:  # "hundreds of flights": rare, so looked for only where it can be
        figures = sorted([*figures, *(_vague(text, m, ctx) for m in ctx.vocab.vague_re.finditer(text))],
                         key=lambda f: f.start)
    return figures, tentative


# ---------------------------------------------------------------- what the sentence says about a figure

_CLAUSE_BREAK = re.compile(r"(?:;|:|,[ \u00a0]+(?:while|whereas|but|and)|[ \u00a0](?:while|whereas))[ \u00a0]")
# "418 stores, up from 392", "by 4 cents to 52 cents a share", "$73.17 a barrel, down $1.49": one measure
_LINK = re.compile(
    r"[ \u00a0]+(?:to|from|and)[ \u00a0]+"
    r"|(?:[ \u00a0]+[^\s.;:!?\d]+){0,5}?,?[ \u00a0]+(?:up|down)[ \u00a0]+from[ \u00a0]+"
    r"|[ \u00a0]*,[ \u00a0]*(?:up|down)(?:[ \u00a0]+by)?[ \u00a0]+"
    r"|,?[ \u00a0]+(?:or|vs\.?|versus|compared[ \u00a0]+with)[ \u00a0]+"
)
# Words that may stand between two figures given for the same change ("fell 17%, Broadcom 17.4% and Marvell 19.1%")
_COORD = {"and", "or", "vs", "vs.", "versus", "against", "compared", "than", "while", "whereas", ","}
_COORD_FILLER = {
    "in", "on", "at", "for", "during", "the", "a", "an", "year", "month", "quarter", "week", "day", "y/y", "yoy", "m/m",
    "q/q", "year-on-year", "month-on-month", "year-over-year", "respectively", "more", "less", "previous", "prior",
    "earlier", "same", "period", "this", "last", "its", "their", "with", "of", "over", "compared", "basis", "fewer",
}
_COORD_TOKEN = re.compile(r"[A-Za-z][A-Za-z/.'’&-]*|\d+|[,;:()]")
_PRONOUNS = stop_list("pronouns")
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|worst|best|most|least|biggest|largest|first|record)[ \u00a0]+$", re.I)
_POINTS_AFTER = re.compile(r"[ \u00a0]+(?:percentage[ \u00a0]+)?points?\b", re.I)
_AGE_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]+(?:[ \u00a0]+[A-Z][\w'’.-]+)+|\b[Tt]he[ \u00a0]+[A-Z][a-z'’-]+),[ \u00a0]+$")
_COUNT_FATE = re.compile(
    r"(?:[ \u00a0]+[\w'’-]+){1,6}?[ \u00a0]+(?:will|would|could|are|were|have|has|had|is|was|to)"
    r"(?:[ \u00a0]+(?:be|been|being|set|expected|likely|due|to|now|also|all|soon|eventually))*[ \u00a0]+"
    r"(?:(?P<down>close|closed|shut|axed|scrapped|eliminated|culled|cut|go(?![ \u00a0]+(?:to|on|ahead|into|up|through|forward|out|back|home|beyond)\b)"
    r"|(?<=be[ \u00a0])lost|(?<=been[ \u00a0])lost)|(?P<up>created|added|hired|opened|be[ \u00a0]+created))\b"
)


_OR = re.compile(r"(?:[ \u00a0]+[a-z]+)?,?[ \u00a0]+or[ \u00a0]+")
_PUNCT_AFTER = re.compile(r"[ \u00a0]*(?:[.;,)]|$)")


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (the one sentence splitter; at most 400 characters back),
    after its leading spaces."""
    start = max(sentences_of(text).span_of(pos)[0], pos - 400)
    return pos - len(text[start:pos].lstrip())


def _coordinated(between: str, a_noun: str) -> bool:
    """Is `between` only a joint between two figures of one change ("and", ", Broadcom", " y/y in August vs ")?"""
    tokens = _COORD_TOKEN.findall(between)
    if a_noun and tokens and _singular(tokens[0]) == a_noun.split()[-1]:
        tokens = tokens[1:]  # "177,000 jobs in April, more than the 138,000"
    if len(tokens) >= 3 and tokens[-1].lower() == "by" and tokens[-2].isalpha() and tokens[-3].lower() in _COORD:
        tokens = tokens[:-2]  # "exports slid 4%, imports by 2%": the verb left out, its direction kept
    joined = False
    for t in tokens:
        low = t.lower()
        if low in _COORD:
            joined = True
        elif low in (";", ":", "(", ")") or not (
            low in _COORD_FILLER or t[:1].isupper() or (t.isdigit() and len(t) == 4)
        ):
            return False
    return joined


_BARE_SUBJECT = re.compile(
    r"[ \u00a0]+(?:were|are|have|had|will|would|could|did|do|remain|remained|died|say|said|lost|face|faced)\b"
)


def _past_hedges(words: list[str], i: int, vocab: FigureWords) -> int:
    """The first of `words` from `i` on that is neither a word looked past between a change and its figure
    nor a hedge with `change: true`: "rose by about 17%" reads past "about" to "by"; never past "to"."""
    n, skip, phrases = len(words), vocab.looked_past, vocab.change_hedges
    while i < n:
        w = words[i]
        if w == "to":
            break
        if w in skip:
            i += 1
            continue
        toks = next((t for t in phrases.get(w, ()) if tuple(words[i : i + len(t)]) == t), None)
        if toks is None:
            break
        i += len(toks)
    return i


def _collective_of(words: list[str], vocab: FigureWords) -> str:
    """ "a crowd of 80,000", "crowds of more than 15,000", "a headcount of 21,400": who is counted."""
    i = _past_hedges(words, 0, vocab)
    if len(words) > i + 1 and words[i] in ("of", "to", "at") and words[i + 1] in vocab.collective:
        return vocab.collective[words[i + 1]]  # "its workforce to 2,000"
    return ""


def _subject_noun(text: str, start: int, sent: int, words: list[str], vocab: FigureWords) -> str:
    """What a bare count counts, read from its clause: "Road deaths fell 1% to 1,624" -> death,
    "a crowd of 80,000" -> spectator, "the FTSE 100 closed at 7,910.53" -> point."""
    rest = words[_past_hedges(words, 0, vocab) :]
    if not rest or rest[0] not in vocab.lex.words.levels and rest[0] not in vocab.up.verbs and (
        rest[0] not in vocab.down.verbs
    ):
        if rest[:1] in (["voted"], ["vote"], ["votes"]):
            return "vote"
        return ""
    clause = sent
    for m in _CLAUSE_BREAK.finditer(text, sent, start):
        clause = m.end()
    for lo in (clause, sent) if clause > sent else (sent,):
        noun = _clause_subject(text[lo:start], lo == sent, vocab)
        if noun is None:
            continue  # "those from China": look at the sentence's subject
        return noun
    return ""


def _clause_subject(chunk: str, sentence_initial: bool, vocab: FigureWords) -> str | None:
    """The plural noun a clause is about ("Road deaths fell"), a noun that stands for one ("a crowd of"),
    "point" for an index; None when the clause opens with a pronoun (the sentence's subject is then read)."""
    nouns = vocab.nouns
    toks = re.findall(r"[A-Za-z][A-Za-z&'’-]*", chunk)
    prev = ""
    for k, t in enumerate(toks):
        low = t.lower()
        if k == 0 and low in _PRONOUNS:
            return None
        if low in vocab.subject_stop and k:
            break
        if low in nouns["indexes"]:
            return "point"
        if low in ("numbers", "figures", "totals", "levels", "volumes", "counts") and prev:
            return _singular(prev)  # "passenger numbers"
        if low == "number" and k + 2 < len(toks) and toks[k + 1].lower() == "of":
            nxt = toks[k + 2].lower()
            return "person" if nxt in nouns["people"] else _singular(nxt) if _looks_plural(nxt) else ""
        if low in vocab.collective:
            return "prisoner" if prev.lower() == "prison" else vocab.collective[low]
        if low in nouns["amounts"]:
            if k + 1 < len(toks) and toks[k + 1] == "of":
                continue  # "sales of electric cars rose to 1.2 million": cars
            return ""
        if _looks_plural(t) and low not in _NOUN_STOP and low not in _PRONOUNS and (
            t.islower() or k == 0 and sentence_initial or t[:-1].isupper()
        ):
            return _singular(t)
        prev = t
    return ""


_LINK_REACH = 150  # characters between two figures beyond which one takes nothing from the other
_LINK_NEAR = 60  # "418 stores, up from 392": how close a linked pair stands
_LIST_REACH = 80  # "fell 17%, Broadcom 17.4% and Marvell 19.1%": how far a list of changes runs
_WINDOW_BEFORE = 20  # "the largest one-day loss": where the superlative before a time window stands
_FX_LEVEL_BELOW = 1000  # an amount of money under this after a currency subject may be an exchange rate


@dataclass(slots=True)
class _Link:
    """What one figure may take from the figure before it. Owned by `_in_context` for one figure: the
    linkers read it; the rate linker alone replaces `prev` (and records it in `shared`) when the
    neighbour takes the figure's unit."""

    prev: Figure | None  # the figure before, when it is near enough in the sentence to give something
    between: str  # the text between the two
    bare: bool  # a count with no noun of its own
    linked: bool  # joined to the figure before by "to", "from", ", up from"...
    earlier: list[Figure]  # the figures kept so far (read only)
    tentative: set[int]  # starts of word numbers kept only if the sentence says what they count
    shared: Figure | None = None  # the figure before, as changed by this one


def _in_context(text: str, figures: list[Figure], ctx: _Context, tentative: set[int]) -> list[Figure]:
    """What a figure takes from its neighbours in the sentence: the linkers in `_LINKERS` in turn, each
    given the figure before when it is near enough; a linker may also drop a figure that is no claim."""
    out: list[Figure] = []
    prev: Figure | None = None
    for f in figures:
        link = _neighbour(text, f, prev, out, tentative)
        kept: Figure | None = f
        for linker in _LINKERS.values() if link.prev is not None else _LINKERS_ALONE:
            kept = linker(f, link, ctx)
            if kept is None:
                break
            f = kept
        if link.shared is not None:
            out[-1] = link.shared
        if kept is not None:
            out.append(kept)
            prev = kept
    return out


def _neighbour(text: str, f: Figure, prev: Figure | None, out: list[Figure], tentative: set[int]) -> _Link:
    """The figure before `f` when `f` may take something from it (a noun, a rate, a direction, a base
    for points) and no sentence ends between them; whether the two are joined by "to", "from"..."""
    kind = f.kind
    bare = kind == "count" and not f.noun
    p, between = prev, ""
    rate_pair = p is not None and kind == "quantity" == p.kind and ("/" in f.unit) != ("/" in p.unit)
    if p is not None and (
        bare or rate_pair or f.direction is None and p.direction is not None
        or f.noun == "point" and p.kind == "percent" or _BRACKETED.fullmatch(text, p.end, f.start) is not None
    ):
        between = text[p.end : f.start]
        sentences = sentences_of(text)
        if len(between) > _LINK_REACH or sentences.index_of(p.start) != sentences.index_of(f.start):
            p, between = None, ""
    else:
        p = None
    linked = (
        p is not None and len(between) < _LINK_NEAR and (bare or rate_pair) and _LINK.fullmatch(between) is not None
    )
    return _Link(p, between, bare, linked, out, tentative)


def _link_rate(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "by £1 to £12.99 a month", "77 million tonnes a year to 142 million": a rate shared by a linked pair."""
    p = link.prev
    if p is None or not link.linked or link.bare or f.unit.partition("/")[0] != p.unit.partition("/")[0]:
        return f
    if "/" in p.unit:
        return _with(f, unit=p.unit)
    link.prev = link.shared = _with(p, unit=f.unit)
    return f


def _link_bare_count(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """A count with no noun: an age ("Jamal Reid, 19,"), the noun of a count before it, the clause's subject."""
    if not link.bare:
        return f
    text = ctx.text
    words = _words_before(ctx, f.start)
    return _bare_count(text, f, link.prev, link.linked, link.earlier, _sentence_start(text, f.start), words, ctx)


def _link_change_list(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "rose 0.5% in January and 3% year on year", "fell 17%, Broadcom 17.4%", "sank 1,123 points, or 2.6%":
    a list of changes shares the first one's direction."""
    p, between = link.prev, link.between
    if (
        p is not None and f.direction is None and p.direction is not None and f.unit != "times"
        and len(between) < _LIST_REACH
        and ((p.kind == f.kind and p.unit == f.unit and _coordinated(between, p.noun)) or _OR.fullmatch(between))
    ):
        return _with(f, direction=p.direction)
    return f


def _points_base(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """The percentage a count of points changes ("on 29%, up 2 points"), or None."""
    p = link.prev
    if (
        f.kind == "count" and f.noun == "point" and p is not None and p.kind == "percent" and p.unit == "percent"
        and (f.direction is not None or _words_before(ctx, f.start)[:1] == ["by"])
        and not _OR.fullmatch(link.between)  # "rose 1.2%, or 95 points": index points
    ):
        return p
    return None


def _link_points(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "on 29%, up 2 points": points after a percentage are percentage points (not an index's points)."""
    p = _points_base(f, link, ctx)
    if p is None:
        return f
    text = ctx.text
    pm = _POINTS_AFTER.match(text, f.end)
    if pm and not ctx.skipped(f.end, pm.end()) and (
        _clause_subject(text[_sentence_start(text, f.start) : p.start], True, ctx.vocab) != "point"
    ):
        return _with(f, kind="percent", unit="percentage_point", noun="", end=pm.end())
    return f


def _link_count_fate(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "62 of the cafes will close", "2,000 jobs will be created": a count's direction from its fate."""
    if f.kind != "count" or not f.noun or f.direction is not None or _points_base(f, link, ctx) is not None:
        return f
    fate = _COUNT_FATE.match(ctx.text, f.end)
    if fate and f.noun.split()[-1] in fate.group().lower():
        return _with(f, direction="down" if fate.group("down") else "up")
    return f


def _link_tentative(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "two" kept tentatively by the noun stage: dropped when its sentence did not say what it counts."""
    return None if f.kind == "count" and not f.noun and f.start in link.tentative else f


def _link_exchange_rate(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "Sterling rose to $1.3320": a small amount after a currency subject is an exchange rate."""
    if (
        f.kind == "quantity" and f.value is not None and f.value < _FX_LEVEL_BELOW
        and ctx.lex.is_money(f.unit, per=False) and ctx.fx
    ):
        return _currency_pair(ctx.text, f, _sentence_start(ctx.text, f.start), None, ctx)
    return f


def _link_window(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "the largest one-day loss": a window of time after a superlative is no figure."""
    text = ctx.text
    if f.kind == "quantity" and f.unit in _TIME_UNITS and "-" in text[f.start : f.end] and _SUPERLATIVE_BEFORE.search(
        text, max(0, f.start - _WINDOW_BEFORE), f.start
    ):
        return None
    return f


# Sentence-level linkers, in the order they run; each takes a figure and what it may take from the one
# before, and returns the figure (changed or not) or None to drop it.
def _link_bracket_hedge(f: Figure, link: _Link, ctx: _Context) -> Figure | None:
    """ "more than 50 km (31 miles)": a conversion in brackets carries the hedge of the figure it converts."""
    p = link.prev
    if (p is None or f.qualifier != "exact" or p.qualifier in ("exact", "range") or f.kind != p.kind
            or not _BRACKETED.fullmatch(link.between) or not p.value or f.value is None):
        return f
    lo, hi = f.value * p.low / p.value, f.value * p.high / p.value
    return _with(f, qualifier=p.qualifier, low=min(f.low, lo, hi), high=max(f.high, lo, hi))


_PARALLEL = re.compile(r",?[ \u00a0]+(?:and|while|but)[ \u00a0]+the[ \u00a0]+[a-z]+[ \u00a0]+(?:was[ \u00a0]+|at[ \u00a0]+)?")
_BRACKETED = re.compile(r"[ \u00a0]*[(\[][ \u00a0]*")  # between a figure and its bracketed conversion
_LINKERS: dict[str, Callable[[Figure, _Link, _Context], Figure | None]] = {
    "rate": _link_rate,
    "bracket_hedge": _link_bracket_hedge,
    "bare_count": _link_bare_count,
    "change_list": _link_change_list,
    "points": _link_points,
    "count_fate": _link_count_fate,
    "tentative": _link_tentative,
    "exchange_rate": _link_exchange_rate,
    "window": _link_window,
}
_NEIGHBOUR_LINKERS = frozenset({"rate", "bracket_hedge", "change_list", "points"})  # these act only with a figure before
_LINKERS_ALONE = tuple(linker for name, linker in _LINKERS.items() if name not in _NEIGHBOUR_LINKERS)


def _with(f: Figure, **changes: object) -> Figure:
    """A copy of `f` with some fields changed (quicker than dataclasses.replace)."""
    fields = dict(vars(f))
    fields.update(changes)
    return Figure(**fields)  # type: ignore[arg-type]


_AGGREGATES = word_class("aggregate_nouns")
_AGE_VERBS = word_class("age_verbs")


def _named_by_of(words: list[str]) -> bool:
    """Whether a figure stands after "<noun> of" that names what it is ("revenue of 1.2B"), not after
    a word that only sums what was counted before ("a total of 11")."""
    return len(words) > 1 and words[0] == "of" and words[1].isalpha() and words[1] not in _AGGREGATES \
        and words[1] not in _FUNCTION_WORDS


def _bare_count(
    text: str, f: Figure, prev: Figure | None, linked: bool, out: list[Figure], sent: int, words: list[str],
    ctx: _Context,
) -> Figure:
    """A count with no noun after it: an age, a level of something named before, or of the subject."""
    unit = ""
    if prev is not None and prev.kind == "quantity" and prev.unit in _TIME_UNITS and (
        linked or _PUNCT_AFTER.match(text, f.end)
    ):
        unit = prev.unit  # "from 62 to 64" after an age; "between eight and 10 years ... no more than four."
    elif prev is not None and prev.kind == "quantity" and prev.unit and (
            linked or _PARALLEL.fullmatch(text, prev.end, f.start)) and _PUNCT_AFTER.match(text, f.end):
        unit = prev.unit  # "cut from 210 km to 190", "the high was 31.5C and the low 18.2"
        if unit in ctx.lex.currencies:  # "91.5 cents ... the low 88.2": in the minor unit, or scale, written before
            return _carried_money(text, f, prev)
    if not unit and f.value is not None and f.value == int(f.value) and 0 < f.value <= 200 and words[:1] in (
            ["turns"], ["turned"], ["turning"], ["turn"]) and not re.match(r"[ \u00a0]+(?:times|degrees)\b", text[f.end:]) \
            and not _next_is_plural_noun_or_unit(text, f.end, ctx.vocab):
        unit = "year"  # "the firm turns 100 this year": an age
    ends = (f.value,) if f.value is not None else (f.low, f.high)
    if not unit and all(v is not None and v == int(v) and 0 < v < 120 for v in ends):  # whole years, or a range
        if text[f.end : f.end + 1] in ",)" and (_AGE_BEFORE.search(text, max(0, f.start - 60), f.start)
                                                or words[:2] in (["is", "who"], ["was", "who"])):
            unit = "year"  # "Jamal Reid, 19, was jailed", "Smith, who is 34, won"
        elif words[:1] == ["aged"] or "age" in words[:3] and words[0] in ("of", "to", "from", "at"):
            unit = "year"  # "aged 40", "aged 18 to 24", "the retirement age from 62"
        elif words[:1] == ["at"] and words[1:2] and words[1] in _AGE_VERBS:
            unit = "year"  # "she retired at 62", "died at 91"
    if unit:
        return _with(f, kind="quantity", unit=unit)
    f = _currency_pair(text, f, sent, words, ctx)
    if f.kind != "count":
        return f
    noun = _collective_of(words, ctx.vocab)
    if not noun and words[:1] in (["voted"], ["vote"]):
        noun = "vote"
    if not noun:
        seen: list[str] = []
        for p in reversed(out):  # the noun of a count given earlier in the sentence
            if p.end <= sent or _named_by_of(words):
                break  # "fans ...; revenue of 1.2B": the noun before "of" names what it is
            if p.kind == "count" and p.noun:
                seen.append(p.noun)
        if seen:
            noun = seen[0]
            heads = {n.split()[-1] for n in seen}
            if len(set(seen)) > 1 and len(heads) == 1:
                noun = heads.pop()  # "three gold medals and one silver ... a total of 11": medals
    if not noun:
        noun = _subject_noun(text, f.start, sent, words, ctx.vocab)
    if not noun and _BARE_SUBJECT.match(text, f.end):
        noun = _clause_subject(text[sent : f.start], True, ctx.vocab) or ""  # "one in six pupils ..., and 2,000 were"
    return _with(f, noun=noun) if noun else f


def _carried_money(text: str, f: Figure, prev: Figure) -> Figure:
    """A bare number that takes the money of the figure before it, in the same minor unit or scale
    ("from 91.5 cents to 88.2", "$2.1 billion in 2023 and the low 1.8"): the factor between that figure's
    value and its written number applies to this one."""
    dm = _DIGITS.search(text, prev.start, prev.end)
    written = float(dm.group()[: len(dm.group()) - len(dm["glue"] or "")].replace(",", "")) if dm else 0.0
    if not written or prev.value is None or f.value is None or f.low is None or f.high is None:
        return f
    k = prev.value / written
    return _with(f, kind="quantity", unit=prev.unit, value=_times(f.value, k), low=f.low * k, high=f.high * k)


def _currency_pair(text: str, f: Figure, sent: int, words: list[str] | None, ctx: _Context) -> Figure:
    """ "157 per dollar", "fell against the yen to 147.1", "Sterling rose to $1.3320": an exchange rate."""
    vocab = ctx.vocab
    fx = vocab.fx_codes
    pm = vocab.per_currency.match(text, f.end) if f.kind == "count" else None
    if pm and not ctx.skipped(f.end, pm.end()):
        base = fx[pm.group(1).lower()]
        quotes = [q for m in vocab.fx_subject.finditer(text, sent, f.start) if (q := fx.get(m.group(1).lower(), ""))
                  and q != base]
        # the currency named last before the rate: "the rupiah fell to 16,200 per dollar and the real to 5.4"
        return _with(f, kind="quantity", unit=f"{quotes[-1]}/{base}", end=pm.end()) if quotes else f
    if words is None:  # an amount of money: only a level after a currency subject ("Sterling rose to $1.33")
        if f.value is None or f.value >= 1000 or "/" in f.unit or not vocab.fx_subject.match(text, sent):
            return f
        words = _words_before(ctx, f.start)
    i = _past_hedges(words, 0, vocab)
    if not words[i:] or words[i] not in ("to", "at", "past", "above", "below", "near", "around", "of"):
        return f
    if f.kind == "count":
        clause = text[sent : f.start]
        pair = (" against " in clause or " vs" in clause or " versus " in clause) and vocab.fx_pair.search(
            text, sent, f.start
        )
        if pair:
            base = fx[pair.group(1).lower()]
            quote = fx[pair.group(2).lower()]
            if base != quote:
                return _with(f, kind="quantity", unit=f"{quote}/{base}")
        return f
    if f.value is None or f.value >= 1000 or "/" in f.unit:
        return f
    sm = vocab.fx_subject.match(text, sent)
    if sm:
        base = fx.get(sm.group(1).lower(), "")
        if base and base != f.unit:
            return _with(f, unit=f"{f.unit}/{base}")  # "Sterling rose 0.3 per cent to $1.3320": USD per GBP
    return f


_MultiplierRead = tuple[float | None, str | None, int]  # value, direction, end of "a quarter point" (-1 if none)
# Windows (characters before a multiplier word) read for what licenses it.
_DOUBLE_WINDOW = 20  # "could double", "more than double"
_FRAC_NOT_WINDOW = 12  # "the second half"
_FRAC_BEFORE_WINDOW = 24  # "cut by nearly a third"
_DOUBLE_OBJECT = re.compile(r"[ \u00a0]+(?:the|that|its|their|in[ \u00a0]+size|by|what|from|to|over)\b|[.,;]")
_DOUBLES_NOT = (["the"], ["mixed"], ["in"], ["of"], ["men's"], ["women's"], ["and"])  # "the doubles final"
_BLANKS = re.compile(r"\s+")


def _vague(text: str, m: re.Match[str], ctx: _Context) -> Figure:
    """ "hundreds of flights" (200 to 1,000), "tens of thousands of fans", "millions of dollars": a vague
    magnitude, from twice its word's value to ten times it, with what its of-phrase counts."""
    words = m.group().lower().split()
    base = ctx.vocab.vague[words[-1][:-1]] * (10.0 if words[0] == "tens" else 100.0 if len(words) > 1 else 1.0)
    after = m.end() + len(_OF.match(text, m.end()).group())  # type: ignore[union-attr]
    cur = ctx.vocab.name_re.match(text, after)
    code = ctx.lex.names.get(cur.group(1).lower(), "") if cur else ""
    nn = _NOUN_AFTER.match(text, after)
    noun = "" if code or nn is None else _head_noun(nn.group(1), 2.0, ctx.vocab)
    return Figure(m.start(), m.end(), "quantity" if code else "count", None, 2 * base, 10 * base, code, noun,
                  "approx")


def _multiplier(text: str, m: re.Match[str], ctx: _Context) -> Figure | None:
    """ "twice", "doubled", "double the", "halved", "a third", "threefold", "seven times", "2.5x", "one in
    five": a multiplier or a share, with its hedge and direction; None when the words are no multiplier."""
    read = _multiplier_value(text, m, ctx)
    if read is None:
        return None
    value, direction, point_end = read
    if value is None or value <= 0:
        return None
    return _multiplier_figure(text, m, ctx, value, direction, point_end)


def _multiplier_value(text: str, m: re.Match[str], ctx: _Context) -> _MultiplierRead | None:
    """The value a multiplier match stands for, by the group that matched; None when it is no multiplier."""
    word = m.group().lower()
    if m.group("twice"):
        return (2.0 if word == "twice" else 3.0), None, -1
    if m.group("up2") or m.group("up3") or m.group("up4"):
        if word.endswith("les") and _words_before(ctx, m.start())[:1] in _DOUBLES_NOT:
            return None  # "the doubles final"
        return (2.0 if m.group("up2") else 3.0 if m.group("up3") else 4.0), "up", -1
    if m.group("dbl"):
        return _double_value(text, m, word)
    if m.group("halved"):
        return 0.5, "down", -1
    if m.group("frac"):
        return _fraction_value(text, m, ctx.vocab)
    if m.group("nfold"):
        raw = m.group("fn").lower()
        value = float(raw) if raw[0].isdigit() else 100.0 if raw == "hundred" else _read_num_word(raw, ctx.vocab)
        return value, None, -1
    if m.group("ntimes"):
        raw = m.group("tn").lower()
        return (float(raw) if raw[0].isdigit() else _read_num_word(raw, ctx.vocab)), None, -1
    if m.group("nx"):
        return float(m.group("xn")), None, -1
    return _one_in_value(text, m, ctx.vocab)


def _double_value(text: str, m: re.Match[str], word: str) -> _MultiplierRead | None:
    """ "could double", "double the budget": "double" is a multiplier after a helper verb or before its object."""
    start = m.start()
    if not _DOUBLE_OK_BEFORE.search(text, max(0, start - _DOUBLE_WINDOW), start) and not _DOUBLE_OBJECT.match(
        text, m.end()
    ):
        return None
    return {"double": 2.0, "triple": 3.0, "quadruple": 4.0}[word], None, -1


def _fraction_value(text: str, m: re.Match[str], vocab: FigureWords) -> _MultiplierRead | None:
    """ "a third of", "cut by half", "a fifth more", "a quarter of a percentage point"; not "the second half"
    nor "half a million" (a number in words)."""
    start = m.start()
    if _FRAC_NOT_BEFORE.search(text, max(0, start - _FRAC_NOT_WINDOW), start) and not m.group("fnum"):
        return None
    if not m.group("fnum") and vocab.scale_word_after.match(text, m.end()):
        return None  # "half a million": a number in words
    direction = None
    point_end = -1
    points = _POINT_AFTER.match(text, m.end())
    compare = _FRAC_COMPARE.match(text, m.end())
    if points:  # "a quarter of a percentage point", "half a point", "a quarter point": a size in points
        point_end = points.end()
    elif compare:
        direction = "up" if compare.group("up") else "down"  # "a fifth more than a year ago"
    elif not (
        _FRAC_FOLLOW.match(text, m.end()) or _FRAC_BEFORE.search(text, max(0, start - _FRAC_BEFORE_WINDOW), start)
    ):
        return None
    fnum = (m.group("fnum") or "a").lower()
    num = 1 if fnum in ("a", "one") else CARDINALS[fnum]
    den = _DENOMINATORS[m.group("fden").lower()]
    if (num > 1) != m.group("fden").lower().endswith("s") or num >= den:
        return None
    return num / den, direction, point_end


def _one_in_value(text: str, m: re.Match[str], vocab: FigureWords) -> _MultiplierRead | None:
    """ "one in five", "3 out of 10", "one practice in ten": a share; not "3 in 10 minutes" (a tally)."""
    a, b = m.group("ia").lower(), _BLANKS.sub(" ", m.group("ib").lower())
    na = float(a) if a[0].isdigit() else _read_num_word(a, vocab)
    nb = float(b) if b[0].isdigit() else (100.0 if b.endswith("hundred") else _read_num_word(b, vocab))
    if na is None or nb is None or not 0 < na < nb:
        return None
    if m.group("inoun") and (na != 1 or m.group("inoun") in _NOUN_STOP or m.group("inoun") in vocab.lex.units):
        return None  # only "one practice in ten": one thing in so many
    if vocab.unit_re.match(text, m.end()) or _NOT_IN_X.match(text, m.end()):
        return None  # "3 in 10 minutes", "2 in 5 games": a tally, not a share
    return na / nb, None, -1


def _multiplier_figure(
    text: str, m: re.Match[str], ctx: _Context, value: float, direction: str | None, point_end: int
) -> Figure:
    """A multiplier's figure: its hedge ("about twice"), its direction (above the reference when it is
    more than one), and a size in points when the fraction names one."""
    start = m.start()
    qualifier, low, high = "exact", value, value
    words = _words_before(ctx, start)
    hedge = _hedge_before(text, start, ctx.vocab, words)
    if hedge:
        qualifier, low, high = _apply_hedge(hedge, value, value, value, 0.0)
        if qualifier in ("at_most", "less_than"):
            low = max(low, 0.0)
    if direction is None:
        direction = _direction_before(words, ctx.vocab)
    if direction is None and value > 1 and point_end < 0:
        direction = "up"  # "double the budget", "seven times the figure", "2.5x faster": above the reference
    if point_end > 0:
        unit = "basis_point" if "basis" in text[m.end() : point_end].lower() else "percentage_point"
        return Figure(start=start, end=point_end, kind="percent", value=value, low=min(low, high),
                      high=max(low, high), unit=unit, qualifier=qualifier, direction=direction)
    return Figure(start=start, end=m.end(), kind="quantity", value=value, low=min(low, high), high=max(low, high),
                  unit="times", qualifier=qualifier, direction=direction, multiplier=value)


def _read_num_word(word: str, vocab: FigureWords) -> float | None:
    """ "three" -> 3.0, "twenty-one" -> 21.0."""
    r = _read_words(word, 0, vocab)
    return r[0] if r and r[1] == len(word) else None


@dataclass(slots=True)
class _End:
    """One end of a figure as read so far: the number, its scale and what it carries."""

    num_start: int
    end: int  # after the digits (or words) and the scale
    number: float
    digits: str  # as written; "" for words
    scale: float
    currency: str = ""
    ambiguous: str = ""
    sym_start: int = -1  # where a currency symbol before the number starts
    glue_unit: str = ""  # "km" in "12.5km", "meter" for "100m"


def _read_end(text: str, pos: int, ctx: _Context, *, words_ok: bool = True) -> _End | None:
    """The number at `pos` (digits or words) with its glued or spaced scale; None when it is not one."""
    ch = text[pos : pos + 1]
    if ch.isdigit() or ch == "." and text[pos + 1 : pos + 2].isdigit():
        dm = _DIGITS.match(text, pos)
        if not dm:
            return None
        glue = dm.group("glue") or ""
        digits = dm.group()[: len(dm.group()) - len(glue)]
        nxt = text[dm.end() : dm.end() + 2]
        if nxt[:1].isalnum() or nxt[:1] in "_" or (nxt[:1] in ".," and nxt[1:2].isdigit()):
            return None  # 3D4, 1.2.3, 2,0000: codes and versions
        number = float(digits.replace(",", ""))
        if not math.isfinite(number):
            return None  # more digits than a double holds: a code or noise, not a figure
        frac = _fraction(text, pos, ctx) if not glue and digits.isdigit() and "/" in text[dm.end() : dm.end() + 4] \
            else None
        if frac is not None:  # "3/4 cup", "3 1/2 miles": exact as written
            return _End(pos, frac[1], frac[0], f"{frac[0]:.6f}", 1.0)
        end = _End(pos, pos + len(digits), number, digits, 1.0)
        if glue:
            return _resolve_glue(text, end, glue, ctx)
        hm = _HUNDRED_AFTER.match(text, end.end) if "." not in digits else None
        if hm:
            end.scale, end.end = 100.0, hm.end()  # "7 hundred staff", "3 hundred million users"
        sm = ctx.vocab.scale_after.match(text, end.end)
        if sm:
            end.scale *= ctx.vocab.scales.get(sm.group(1).lower(), 1.0)
            end.end = sm.end()
        return end
    if not words_ok:
        return None
    r = _read_words(text, pos, ctx.vocab)
    if r is None:
        return None
    value, stop = r
    end = _End(pos, stop, value, "", 1.0)
    return end


def _times(x: float, scale: float) -> float:
    """x * scale without binary noise when scale is a power of ten: 4.1 * 1e9 -> 4100000000.0.

    The shift is done in decimal, so it holds at any size ("0.00001 million", "20 quadrillion").
    """
    if scale == 1.0 or not math.isfinite(x):
        return x * scale
    if scale > 0:
        e = round(math.log10(scale))
        if 10.0**e == scale or abs(10.0**e - scale) <= 1e-12 * scale:
            return float(Decimal(repr(x)).scaleb(e))
    return x * scale


def _next_is_plural_noun_or_unit(text: str, pos: int, vocab: FigureWords) -> bool:
    if vocab.unit_re.match(text, pos) or vocab.name_re.match(text, pos):
        return True
    nm = re.match(r"[ \u00a0]+([A-Za-z-]+)(?:[ \u00a0]+([A-Za-z]+))?", text[pos : pos + 40])
    if not nm or nm.group(1).lower() in _NOUN_STOP:
        return False
    if _looks_plural(nm.group(1)):
        return True
    second = nm.group(2)
    return bool(second and second.lower() not in _NOUN_STOP and _looks_plural(second))


def _resolve_glue(text: str, end: _End, glue: str, ctx: _Context) -> _End | None:
    """Letters glued to digits: a scale ("5.6m", "600bn"), a percent ("5pc"), a unit ("30cm"), or a name."""
    lex = ctx.lex
    g = glue.lower()
    glue_end = end.end + len(glue)
    vocab = ctx.vocab
    if g in vocab.glued_scales:
        currency_before = bool(lex.symbol_re.search(text, max(0, end.num_start - 6), end.num_start))
        strong = g in vocab.strong_scales
        decimal = "." in end.digits and glue != "m"  # "revenue of 1.2B", "4.5M views": no name is written so
        if strong or currency_before or decimal or _next_is_plural_noun_or_unit(text, glue_end, vocab):
            end.scale = vocab.glued_scales[g]
            end.end = glue_end
            return end
        if glue == "m" and re.match(r"/s\b", text[glue_end : glue_end + 3]):
            end.glue_unit, end.end = "meter/second", glue_end + 2  # "winds of 30m/s"
            return end
        if glue == "m":
            if _METRE_AFTER.match(text, glue_end) or _FEET_BRACKET.match(text, glue_end) or _TIMED_AFTER.match(
                    text, glue_end) or _DISTANCE_VERB.search(text, _clause_start(text, end.num_start, 30), end.num_start):
                end.glue_unit = "meter"  # "a 30m yacht", "2.4m tall", "the 100m final", "swam 200m in 1:52"
            else:
                end.scale = 1e6  # "a population of about 1.2m."
            end.end = glue_end
            return end
        return None
    if g in ("pc", "pct", "pp", "ppt", "ppts", "bps", "bp"):
        return end  # read as a percent by the suffix reader
    if g in ctx.vocab.glued and end.number < 1000:
        end.currency, end.scale = ctx.vocab.glued[g]
        end.end = glue_end
        return end
    if glue.startswith("°"):
        return end
    if glue in lex.glued_units:
        end.glue_unit, end.end = lex.glued_units[glue], glue_end  # "a 6.7in screen"
        return end
    if glue in ("C", "F") and (_TEMPERATURE.search(ctx.sentence(end.num_start)) or _DEGREES_BEFORE.search(
            text, max(0, end.num_start - 16), end.num_start)):
        unit = lex.units.get("°" + glue, "")
        if unit:
            end.glue_unit, end.end = unit, glue_end  # "40C" in a story about heat
            return end
    um = ctx.vocab.unit_re.match(text, end.end)
    if um and um.end() >= glue_end:
        return end  # the unit reader takes it
    return None  # 5G, 70B, 1st, 10pm, 1990s: names, ordinals, times


_NOT_BEFORE_NUMBER = " \u00a0,.;:()\"'“”‘’-–—\n"  # no currency symbol ends in these


def _clause_start(text: str, pos: int, reach: int) -> int:
    """Where the clause holding pos starts, looking back at most `reach` characters (after a comma,
    semicolon or colon)."""
    lo = max(0, pos - reach)
    return max(lo, *(text.rfind(c, lo, pos) + 1 for c in ",;:"))


def _currency_before(text: str, start: int, ctx: _Context) -> tuple[str, str, int]:
    c = text[start - 1] if start else ""
    if c in " \u00a0":
        c = text[start - 2] if start > 1 else ""
    if not c or c.islower() and c not in ctx.vocab.sign_lowers or c.isdigit() or c in _NOT_BEFORE_NUMBER:
        return "", "", -1  # every symbol and code ends in a sign or a capital (or a letter some symbol ends in)
    sm = ctx.lex.symbol_re.search(text, max(0, start - 6), start)
    if not sm:
        return "", "", -1
    code, shared = _symbol_code(ctx.lex, sm.group(1))
    if shared:
        code, amb = ctx.shared(code, start)
        return code, amb, sm.start(1)
    return code, "", sm.start(1)


def _symbol_code(lex: Lexicon, sym: str) -> tuple[str, bool]:
    """The code a symbol stands for, and whether several currencies share it (then the symbol is returned)."""
    key = sym if sym in lex.symbols else sym.strip()
    if key in lex.shared_symbols:
        return key, True
    return lex.symbols.get(key, ""), False


def _per_unit(per: re.Match[str], unit: str, vocab: FigureWords) -> tuple[str, int]:
    """ "$2.19 per million tokens" -> ("USD/million_token", end); (unit, -1) when what follows is no rate.

    One lower-case modifier may stand before the noun: "per million input tokens" is a price per
    million tokens, "per metric ton" a price per ton."""
    text = per.string
    noun = per.group("noun")
    if per.group("conn") in ("a", "an") and (per.group("noun2") or "").lower() in _OFFSET_ADVERBS:
        return unit, -1  # "$1.8 billion a year earlier" is a level then, not a rate
    denom, end = _per_denominator(text, per.start("noun"), noun, vocab)
    if not denom:
        noun2 = per.group("noun2")
        if noun2 and noun.islower() and noun.lower() not in _NOUN_STOP:
            d2, e2 = _per_denominator(text, per.start("noun2"), noun2, vocab, strict=True)
            if d2:
                denom, end = d2, e2  # "per million output tokens"
    if not denom:
        explicit = per.group("conn2") or per.group("conn3") or per.group("conn") == "per"  # "$2.50-a-ride"
        if explicit and noun.islower() and not _looks_plural(noun):
            denom, end = _singular(noun).lower(), per.end("noun")
    if not denom:
        return unit, -1
    scale = per.group("scale")
    if scale:
        denom = _PER_SCALES.get(scale, scale) + "_" + denom
    return f"{unit}/{denom}", end


def _per_denominator(text: str, at: int, noun: str, vocab: FigureWords, strict: bool = False) -> tuple[str, int]:
    """The unit or rate noun starting at `at`: a unit from the table or a noun that prices are quoted per."""
    lex = vocab.lex
    um = vocab.unit_re.match(text, at)
    if um and um.start(1) == at:
        d = lex.units.get(um.group(1), lex.units.get(um.group(1).lower(), ""))
        if d:
            return d, um.end()
    if _singular(noun).lower() in vocab.nouns["rates"] or (strict and _looks_plural(noun) and noun.islower()):
        return _singular(noun).lower(), at + len(noun)
    return "", -1


def _currency_name(
    text: str, pos: int, nm: re.Match[str], ctx: _Context, currency: str
) -> tuple[str, str, str, float, str, int] | None:
    """A currency name or subunit after a number ("yuan", "cents"), as `_suffix` returns it; a name that is
    also a unit read as the unit ("five pounds of flour"), one that is an everyday word ("won 3-1") as no
    currency unless the text shows it; None when the name is of another currency than the sign before."""
    lex, vocab = ctx.lex, ctx.vocab
    word = nm.group(1).lower()
    if word in lex.shared_names and not currency:  # "1,500 pesos" in a story from Buenos Aires
        code, amb = ctx.shared(word, pos)
        factor = next((f for k, f in lex.currencies[code].subunits.items() if k.lower() == word), 1.0)
        return "quantity", code, code, factor, amb, nm.end()
    if word in lex.subunits:
        base, factor = lex.subunits[word]
        return "quantity", currency or base, currency or base, factor, "", nm.end()
    named = lex.names[word]
    amb = ""
    if word in vocab.unit_names and (
        re.match(r"[ \u00a0]+of\b", text[nm.end() : nm.end() + 5])
        or (not currency and _WEIGHT_CONTEXT.search(text, _clause_start(text, pos, 40), pos))
    ):
        if currency:
            return "quantity", currency, currency, 1.0, "", pos
        return "quantity", vocab.unit_names[word], "", 1.0, "", nm.end()
    if word in vocab.bare and not currency:
        named, amb = ctx.bare(word, pos)
    if word in vocab.weak and not currency and not ctx.shows(named) and not re.search(
        r"(?:illion|bn|tn)[ \u00a0]?$", text[max(0, pos - 8) : pos]
    ):  # "450 trillion won" is money
        return "count", "", "", 1.0, "", pos  # "won 3-1" more often than Korean won
    if not currency or currency == named:
        return "quantity", named, named, 1.0, amb, nm.end()
    return None


def _suffix(text: str, pos: int, ctx: _Context, currency: str, glue_unit: str) -> tuple[str, str, str, float, str, int]:
    """What follows a number: (kind, unit, currency, factor, ambiguous, end)."""
    lex = ctx.lex
    pm = _PERCENT_AFTER.match(text, pos)
    if pm:
        word = pm.group(1).lower().replace(" ", "").replace("\u00a0", "").replace("-", "")
        if "basis" in word or word in ("bps", "bp"):
            unit = "basis_point"
        elif "point" in word or word in ("pp", "ppt", "ppts"):
            unit = "percentage_point"
        else:
            unit = "percent"
        return "percent", unit, currency, 1.0, "", pm.end()
    if glue_unit:
        return "quantity", glue_unit, currency, 1.0, "", pos
    nm = ctx.vocab.name_re.match(text, pos)
    if nm:
        read = _currency_name(text, pos, nm, ctx, currency)
        if read is not None:
            return read
    if currency:
        return "quantity", currency, currency, 1.0, "", pos
    am = ctx.vocab.symbol_after.match(text, pos)
    if am:
        code, shared = _symbol_code(lex, am.group(1))
        code, amb = ctx.shared(code, pos) if shared else (code, "")
        return "quantity", code, code, 1.0, amb, am.end()  # "a ticket cost 45€"
    um = ctx.vocab.unit_re.match(text, pos)
    if um:
        unit = lex.units.get(um.group(1), lex.units.get(um.group(1).lower(), ""))
        if unit:
            return ("percent" if unit == "percent" else "quantity"), unit, "", 1.0, "", um.end()
    dm = _DURATION_AFTER.match(text, pos) if text[pos + 1 : pos + 2] in ("d", "c", "f", "D", "C", "F") else None
    if dm:
        unit, f = _DURATIONS[dm.group(1).lower()]
        return "quantity", unit, "", f, "", dm.end()  # "two decades": 20 years
    return "count", "", "", 1.0, "", pos


# ---------------------------------------------------------------- the figure at a trigger, in stages

# Windows (in characters) and thresholds the stages read with.
_MINUS_WINDOW = 12  # "minus 3": where "minus" may stand before a number
_EMERGENCY_NUMBERS = frozenset({"999", "911", "112", "111", "101"})
_CLOCK_MAX_HOUR = 12  # "at 3 or 4 pm": a range of bare numbers up to 12 before "pm" is a time of day
_SPORT_WINDOW = 40  # "won 3-1": where a word of sport may stand before a score
_LEVEL_RATIO = 4  # "claims rose 8,000 to 230,000": a second end over 4 times the first is the level reached
_OR_RATIO = 2  # "one or two", "five or six": an "or" range joins neighbours, the second at most 2x + 1
_BORROW_BELOW = 1000  # "from 2 to 3 million": a first end under 1,000 borrows the second's scale
_TYPE_NOUN_WINDOW = 30  # "the 10-year Treasury": how far the noun after a hyphenated measure is read
_RACE_WINDOW = 12  # "the 200 metres in 19.46 seconds": how far after a distance its measure words are read
_SHARE_PRICE_BELOW = 10_000  # "priced its shares at $17": an amount this small after "shares" is per share
_PRICING_WORDS = 8  # how many words before the figure may hold "priced", "offered"...
_PROSE_BELOW = 1000  # a number in words below this with nothing to count is prose ("two said")
_TO_AFTER = re.compile(r"[ \u00a0]+to[ \u00a0]")
_TO_JOIN = re.compile(r"[ \u00a0]+to[ \u00a0]+")
_WORD_AFTER = re.compile(r"[ \u00a0]+([A-Za-z-]+)")
_MEASURE_AFTER = re.compile(r"[ \u00a0]+(?:of|from|away|long|high|deep|wide|tall|further|more|less)\b")
_DASHES = ("-", "–", "—")


@dataclass(frozen=True, slots=True)
class Reject:
    """Why the number at a trigger is no figure: the name of the guard (or stage) that turned it down,
    and how far the rejected text reaches when it is more than the number (-1 otherwise)."""

    reason: str
    skip_to: int = -1


@dataclass(slots=True)
class _Draft:
    """A figure being read at one trigger. The driver (`_figure_at`) owns it and hands it to one stage
    at a time; a stage fills in the fields it reads into and returns the draft, or returns a Reject."""

    pos: int  # where the number starts
    first: _End  # the number as read (the first end of a range)
    written: str = ""  # a number in words as written, lower-cased ("" for digits)
    start: int = 0  # where the figure starts: its currency sign, its "+" or "-", "minus"
    currency: str = ""
    ambiguous: str = ""
    negative: bool = False
    explicit_up: bool = False  # "+2.5%"
    words: list[str] = field(default_factory=list)  # the words before the figure, nearest first
    scale: float = 1.0
    number: float = 0.0
    end_pos: int = 0  # after the number (or after the range's second end)
    qualifier: str = "exact"
    low_v: float = 0.0
    high_v: float = 0.0
    second: _End | None = None  # the second end of a range
    noun_from: int = -1  # "from 2 to 3 million users": where the noun after the second end starts
    kind: str = "count"
    unit: str = ""
    cur2: str = ""  # the currency the suffix names ("yuan")
    factor: float = 1.0  # the suffix's factor to its unit ("cents" to dollars, "decades" to years)
    amb2: str = ""  # the suffix's ambiguity note ("dollars: USD or HKD")
    suffix_end: int = 0
    compoundable: bool = False  # a quantity in a unit that has a smaller one ("1 minute 45 seconds")
    lead: str = ""  # the word that may open a range before the number: "between", "from", "by"
    own_suffix: bool = False  # the number has a unit or currency of its own (a bare count takes the second end's)
    join: str = ""  # what joins a range's ends: "-", "to", "or", "and"
    sign2: bool = False  # the second end has a minus sign
    cur_second: str = ""  # the second end's currency sign
    after_direction: bool = False  # a verb or adverb of change stands before the figure
    n2: float = 0.0  # the second end's number in the first end's unit
    value: float = 0.0
    pos_after: int = 0  # where what follows the figure starts
    post_hedge: Hedge | None = None  # "200+", "50-odd", "or more"
    noun: str = ""
    next_word: str = ""
    tentative: bool = False  # a word number kept only if its sentence says what it counts
    band: float = 0.0  # half the written precision
    direction: str | None = None
    multiplier: float | None = None
    end: int = 0

    def figure(self) -> Figure:
        """The figure the stages have read."""
        low, high = self.low_v, self.high_v
        return Figure(
            start=self.start, end=self.end, kind=self.kind, value=None if self.qualifier == "range" else self.value,
            low=min(low, high), high=max(low, high), unit=self.unit, noun=self.noun, qualifier=self.qualifier,
            direction=self.direction, multiplier=self.multiplier, ambiguous=self.ambiguous,
        )


_Stage = Callable[[_Draft, "_Context"], "_Draft | Reject"]


def _figure_at(text: str, pos: int, ctx: _Context) -> _Draft | Reject:
    """The figure whose number starts at `pos`: the stages that settle what kind of figure it is, then the
    stages for that kind, each followed by the guards that read what it found. A Reject names the guard
    or stage that turned the number down."""
    first = _read_end(text, pos, ctx)
    if first is None:
        return Reject("no number")
    draft = _Draft(pos, first, "" if first.digits else text[pos : first.end].lower())
    reading, by_kind = ctx.plan[not first.digits]
    out = _run(reading, draft, ctx)
    if out is draft:
        out = _run(by_kind[draft.kind], draft, ctx)
    return out


def _run(steps: _Steps, draft: _Draft, ctx: _Context) -> _Draft | Reject:
    """The steps in order: a stage returns the draft or a Reject, a guard (given with its step) whether it
    rejects the draft; the first Reject ends the run."""
    for step, guard in steps:
        out = step(draft, ctx)
        if out is draft or not out:
            continue
        if isinstance(out, Reject):
            return out
        if guard is None:
            raise TypeError(f"stage {step.__name__} returned neither its draft nor a Reject")
        return Reject(guard.name, guard.reach(draft, ctx) if guard.reach is not None else -1)
    return draft


def _stage_before(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """before: a currency before the number ("$", "US$", "RMB "), a sign, "minus"; the words before the figure."""
    text, pos = ctx.text, d.pos
    currency, ambiguous, sym_start = _currency_before(text, pos, ctx)
    start = sym_start if sym_start >= 0 else pos
    negative = explicit_up = False
    before2 = text[start - 2] if start > 1 else " "
    if start and text[start - 1] in "-−+" and not (before2.isalnum() or before2 in "-+"):
        negative = text[start - 1] != "+"
        explicit_up = not negative
        start -= 1
    words = _words_before(ctx, start)
    if not negative and (words and words[0] == "minus" or text[max(0, start - 6) : start].lower() == "minus-"):
        mm = _MINUS_WORD.search(text, max(0, start - _MINUS_WINDOW), start)
        if mm:
            negative = True
            start = mm.start()
            words = _words_before(ctx, start)
    d.currency = d.first.currency or currency
    d.ambiguous, d.start, d.negative, d.explicit_up, d.words = ambiguous, start, negative, explicit_up, words
    return d


def _stage_suffix(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """suffix: what follows the number: a percent, a currency name, a unit, a span of years; else a count."""
    first = d.first
    d.scale, d.number, d.end_pos = first.scale, first.number, first.end
    d.kind, d.unit, d.cur2, d.factor, d.amb2, d.suffix_end = _suffix(
        ctx.text, first.end, ctx, d.currency, first.glue_unit
    )
    return d


def _stage_range_join(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """range_join: the word that may open a range ("between", "from about"); a second end after "-", "to",
    "or" or "and" (after "between"), with its own sign and currency: "2 to 3", "$4bn-$5bn"; not the level
    after a change ("fell $3 to $78"). A count's range takes its unit from the second end."""
    words = d.words
    lead_words = words[1:] if words[:1] in (["about"], ["around"], ["roughly"]) else words
    d.lead = lead_words[0] if lead_words else ""
    d.own_suffix = d.kind != "count" or bool(d.currency)
    text = ctx.text
    joiner = ctx.vocab.range_join.match(text, d.suffix_end if d.own_suffix else d.end_pos)
    if not joiner or ctx.skipped(joiner.end(), joiner.end() + 1):
        return d
    join = joiner.group().strip().lower()
    dir_before, dir_noun = _direction_and_source(d.words, ctx.vocab)
    after_direction = dir_before is not None
    ranged = d.lead == "from" and lead_words[1:2] and lead_words[1] in _RANGE_WORDS  # "range from $45,000 to $1.1m"
    ok = (join == "and" and d.lead == "between") or join in _DASHES or (
        join in ("to", "or") and (ranged or d.lead != "from" and d.lead != "by")  # "rose by 3,000 to 221,000": a change, a level
    )
    if join == "to" and after_direction and not dir_noun and d.own_suffix:
        ok = False  # "fell $3 to $78": a change, then the level it reached (but "growth of 4% to 6%")
    if not ok:
        return d
    p2 = joiner.end()
    sign2 = text[p2 : p2 + 1] in "-−"
    if sign2:
        p2 += 1
    sym2 = ctx.vocab.second_symbol.match(text, p2)
    cur_second = ""
    if sym2:
        code, shared = _symbol_code(ctx.lex, sym2.group())
        cur_second = d.currency if shared else code
        p2 = sym2.end()
    first = d.first
    second = _read_end(text, p2, ctx, words_ok=not first.digits or d.own_suffix and d.unit in _TIME_UNITS)
    if second is not None and cur_second and d.currency and cur_second != d.currency:
        second = None
    if second is not None and (first.glue_unit or second.glue_unit) and first.glue_unit != second.glue_unit:
        second = None
    d.second, d.join, d.sign2, d.cur_second, d.after_direction = second, join, sign2, cur_second, after_direction
    return d


def _stage_range_units(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """range_units: the second end in the first end's unit ("between 18 months and two years"); a second
    end that is a time of day or in another kind of unit ("5% to 2 million") ends no range."""
    second = d.second
    if second is None:
        return d
    text = ctx.text
    if _CLOCK_AFTER.match(text, second.end):
        d.second = None
        return d
    conv2 = 1.0
    if d.own_suffix and not d.currency:
        k2, u2, _c2, f2, *_ = _suffix(text, second.end, ctx, d.cur_second, second.glue_unit)
        if (k2, u2) != (d.kind, d.unit):
            ratio = _UNIT_RATIO.get((u2, d.unit))
            if not (ratio and k2 == d.kind):
                d.second = None
                return d
            conv2 = ratio * f2 / d.factor
    d.n2 = (-second.number if d.sign2 else second.number) * conv2
    return d


def _stage_range_values(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """range_values: the two ends as values (the first may borrow the second's scale: "two to three
    million"); a range only when they rise, or after "between": "fell 30 to 20" is two figures."""
    second = d.second
    if second is None:
        return d
    text, number, scale = ctx.text, d.number, d.scale
    # "2 to 3 million" borrows the scale written once; "$45,000 to $1.1 million" does not
    scale1 = second.scale if scale == 1.0 and second.scale != 1.0 and number <= second.number else scale
    if scale1 == 1.0 and not second.digits and second.number >= 100:
        last2 = text[second.num_start : second.end].rsplit(None, 1)[-1].lower()
        last1 = text[d.pos : d.first.end].rsplit(None, 1)[-1].lower()
        scales = ctx.vocab.word_scales
        borrow = scales.get(last2, 100.0 if last2 == "hundred" and number < 10 else 1.0)
        if last1 not in scales and last1 != "hundred" and number * borrow <= second.number:
            scale1 = borrow  # "two to three million", "five to six hundred": the first end borrows
    v1 = _times(-number if d.negative else number, scale1)
    v2 = _times(d.n2, second.scale)
    if d.join == "to" and d.after_direction and v1 > 0 and v2 > _LEVEL_RATIO * v1:
        d.second = None  # "claims rose 8,000 to 230,000": a change, then the level
    elif d.join == "or" and not (0 < v1 < v2 <= _OR_RATIO * v1 + 1 and scale1 == second.scale):
        d.second = None  # "one or two", "five or six": neighbours, not "2 or 20"
    elif v2 >= v1 or d.lead == "between":
        d.scale, d.low_v, d.high_v, d.qualifier = scale1, min(v1, v2), max(v1, v2), "range"
        d.currency = currency = d.currency or d.cur_second
        d.end_pos = second.end
        if not d.own_suffix or currency and d.kind == "quantity" and d.unit == currency:
            d.kind, d.unit, d.cur2, d.factor, d.amb2, d.suffix_end = _suffix(
                text, second.end, ctx, currency, second.glue_unit
            )
        else:
            d.suffix_end = _suffix(text, second.end, ctx, currency, second.glue_unit)[5]
    else:
        d.second = None  # "fell 30 to 20": two figures, not a range
    return d


def _stage_from_to(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """from_to: "from 2 to 3 million users": the first end borrows the scale and unit of the second."""
    if d.second is not None or d.lead != "from" or d.scale != 1.0 or d.own_suffix and not d.currency:
        return d  # (a currency is the first end's only suffix: "from $6 to $8 billion" still borrows)
    text, end_pos = ctx.text, d.end_pos
    jm = _TO_JOIN.match(text[end_pos : end_pos + 6])
    if not jm:
        return d
    p2 = end_pos + jm.end()
    sym2 = ctx.vocab.second_symbol.match(text, p2)
    if sym2:  # "from $6 to $8 billion": the second end's sign, read past
        code, shared = _symbol_code(ctx.lex, sym2.group())
        if not shared and not d.currency:
            d.currency = code
        p2 = sym2.end()
    nxt = _read_end(text, p2, ctx, words_ok=not d.first.digits)
    if nxt is None:
        return d
    if nxt.scale != 1.0 and d.number < _BORROW_BELOW:
        d.scale = nxt.scale
    k2, u2, c2, f2, a2, e2 = _suffix(text, nxt.end, ctx, d.currency, nxt.glue_unit)
    if k2 != "count":
        d.kind, d.unit, d.cur2, d.factor, d.amb2 = k2, u2, c2, f2, a2
    else:
        d.noun_from = e2
    return d


def _stage_units(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """units: the currency and note the suffix named; "1 minute 45 seconds" and "6 feet 2 inches" in the
    smaller unit; the value: the number times its scale and its unit's factor (a range's ends by the factor)."""
    if d.cur2:
        d.currency = d.cur2
    if d.amb2:
        d.ambiguous = d.amb2
    d.compoundable = d.kind == "quantity" and d.unit in _SMALLER
    cm = _COMPOUND_UNIT.match(ctx.text, d.suffix_end) if d.compoundable and d.qualifier != "range" else None
    if cm:
        raw = cm.group(1)
        part = float(raw) if raw[0].isdigit() else _read_num_word(raw.lower(), ctx.vocab)
        units = ctx.lex.units
        u2 = units.get(cm.group(2), units.get(cm.group(2).lower(), ""))
        if part is not None and u2 == _SMALLER[d.unit][0]:
            d.number = _times(d.number, d.scale * d.factor) * _SMALLER[d.unit][1] + part
            d.scale = d.factor = 1.0
            d.unit = u2
            d.suffix_end = cm.end()
    d.pos_after = d.suffix_end
    d.value = _times(-d.number if d.negative else d.number, d.scale * d.factor)
    if d.qualifier == "range":
        d.low_v, d.high_v = _times(d.low_v, d.factor), _times(d.high_v, d.factor)
    return d


def _stage_post_hedge(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """post_hedge: "200+", "50-odd" (part of the figure), "100 or more", "a million or so" (after it)."""
    ph = ctx.vocab.post_hedge.match(ctx.text, d.pos_after)
    if ph:
        glued = ph.group("glued")
        form = glued.strip(" \u00a0") if glued else " ".join(ph.group("after").split())
        d.post_hedge = ctx.lex.hedges_after.get(form.lower())
        if d.post_hedge is not None and glued:
            d.pos_after = ph.end()
    return d


def _stage_rate(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """rate: "per million tokens", "a barrel", "/kWh"; a price per share after "priced its shares"; gold
    and silver weighed in troy ounces."""
    text, unit = ctx.text, d.unit
    if d.kind == "quantity" and unit and "/" not in unit:
        per = _PER.match(text, d.pos_after)
        outside = False
        if per is None and text.startswith(")", d.pos_after):
            per = _PER.match(text, d.pos_after + 1)  # "2 yuan (about 25 cents) per million tokens": the cents too
            outside = True
            if per is not None and per.group("paren"):
                per = None
        if per:
            unit, per_end = _per_unit(per, unit, ctx.vocab)
            if per_end > 0 and not per.group("paren") and not outside:
                d.pos_after = per_end  # "2 yuan (about 25 cents) per million tokens": the span stays "2 yuan"
    if (
        d.currency and unit == d.currency and d.number * d.scale < _SHARE_PRICE_BELOW
        and ("shares" in d.words or "share" in d.words)
        and not _PRICING.isdisjoint(_words_before(ctx, d.start, long=True)[:_PRICING_WORDS])
    ):
        unit += "/share"  # "pricing shares at HK$151-165", "priced its shares at $17": a price per share
    if (unit == "ounce" or unit.endswith("/ounce")) and _PRECIOUS.search(ctx.sentence(d.start)):
        unit = unit[: -len("ounce")] + "troy_ounce"
    d.unit = unit
    return d


_PER_POPULATION = re.compile(  # "per 100,000 residents", "per 1,000 live births", "per 100,000"
    r"[ \u00a0]+per[ \u00a0]+(1,000|10,000|100,000|1,000,000|1000|10000|100000)\b"
    r"(?:[ \u00a0]+(?:live[ \u00a0]+)?(?:[a-z]+s|people|population)\b)?")


def _stage_noun(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """noun: what a count counts ("8.5 million Windows devices", "the 27-nation bloc", "52 of the 100
    seats"); a word number with nothing after it is kept tentatively ("three short of a majority")."""
    if d.kind != "count":
        return d
    text, pos_after = ctx.text, d.pos_after
    rate = _PER_POPULATION.match(text, pos_after)
    if rate:  # "153 per 100,000 residents": a rate, never a count of 100,000 things
        d.noun, d.pos_after = "per " + rate.group(1).replace(",", ""), rate.end()
        return d
    nn = _NOUN_AFTER.match(text, pos_after)
    noun = _head_noun(nn.group(1), d.number * d.scale, ctx.vocab) if nn else ""
    if not noun and d.noun_from >= 0:
        nf = _NOUN_AFTER.match(text, d.noun_from)
        noun = _head_noun(nf.group(1), 2.0, ctx.vocab) if nf else ""
    if not noun and d.words[:1] in (["a"], ["an"]) and (sm := _SPACED_MEASURE.match(text, pos_after)):
        noun = sm.group(1)  # "a 30 page audit": the 30-page of a hyphen left out
    if not noun and text[pos_after : pos_after + 1] == "-":
        hm = _HYPHEN_NOUN.match(text, pos_after)
        if hm and hm.group(1) not in _HYPHEN_NOT_NOUN:
            noun = _singular(hm.group(1))  # "the 27-nation bloc", "a 12-member panel"
    if not noun and nn and nn.group(1).split()[0].lower() in ctx.vocab.nouns["casualties"]:
        noun = "person"  # "five dead and 12 wounded"
    if not noun:
        om = _OF_THE.match(text, pos_after)
        if om:  # "Sixty-two of the chain's cafes", "52 of the Senate's 100 seats"
            nf = _NOUN_AFTER.match(text, om.end())
            noun = _head_noun(nf.group(1), 2.0, ctx.vocab) if nf else ""
    unit = ctx.lex.units.get(noun + "s", ctx.lex.units.get(noun, "")) if noun and " " not in noun else ""
    if unit and unit not in _NOT_COUNTED_UNITS:  # "112 rushing yards": a length, a word between
        d.kind, d.unit, noun = "quantity", unit, ""
    d.noun = noun
    d.next_word = nn.group(1).split()[0] if nn else ""
    d.tentative = bool(
        not noun and not d.first.digits and d.scale == 1.0 and d.number < _PROSE_BELOW and d.second is None
        and _TENTATIVE_AFTER.match(text, pos_after)
    )
    return d


def _stage_interval(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """interval: the written precision ("5.6" is 5.55 to 5.65), then the hedge before or after the figure."""
    value, lex = d.value, ctx.lex
    if d.qualifier != "range":
        if d.first.digits:
            d.band = _rounding_half_width(d.first.digits, value, d.scale * d.factor, lex.max_rounding)
        elif float(d.number).is_integer():
            d.band = _rounding_half_width(str(int(d.number)), value, d.factor, lex.max_rounding)
        d.low_v, d.high_v = value - d.band, value + d.band
    hedge = _figure_hedge(d, ctx)
    if hedge is None:
        return d
    if d.qualifier == "range":
        if hedge.qualifier == "approx":
            _, d.low_v, d.high_v = _apply_hedge(hedge, d.low_v, d.high_v, None, 0.0)
    else:
        d.qualifier, d.low_v, d.high_v = _apply_hedge(hedge, d.low_v, d.high_v, value, d.band,
                                                      _written_step(d) if hedge.steps else 0.0)
        if d.qualifier in ("at_most", "less_than") and value >= 0:
            d.low_v = max(d.low_v, 0.0)
    return d


def _figure_hedge(d: _Draft, ctx: _Context) -> Hedge | None:
    """The hedge of a figure: a word before it ("about"), a bound prose writes ("passed 1 million"), or
    one after it ("200+"); "over five years" is a span of time, not a bound."""
    text, words = ctx.text, d.words
    hedge = _hedge_before(text, d.start, ctx.vocab, words)
    if hedge is None and d.post_hedge is None and words and d.qualifier != "range":
        hedge = _hedge_in_words(text, d.start, d.pos_after, ctx, words, d.kind, d.currency, d.unit, d.value)
    if hedge is not None and d.unit in _TIME_UNITS and words[:1] == ["over"]:
        hedge = None
    return hedge or d.post_hedge


def _stage_direction(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """direction: "rose 0.3%", "a 17% drop", "up 5%", "the 8% they gained", "+2.5%", "-3.5%"."""
    kind, words = d.kind, d.words
    direction = _direction_before(words, ctx.vocab, kind)
    if direction is None and len(words) == _SHORT_RUN and "by" in words:
        direction = _direction_before(_words_before(ctx, d.start, long=True), ctx.vocab, kind)
    if direction is None:
        direction = _direction_after(d, ctx)
    if direction is None and kind != "count":
        direction = _relative_change(ctx.text, d.pos_after, ctx.vocab)
    if direction is None and kind == "percent":
        direction = "down" if d.negative else "up" if d.explicit_up else None
    d.direction = direction
    return d


def _direction_after(d: _Draft, ctx: _Context) -> str | None:
    """A change named after the figure: "a 17% drop", "a 4% pay rise", "2,000 job cuts", "10.9 million more"."""
    text, pos_after, kind = ctx.text, d.pos_after, d.kind
    if d.unit == "times":
        return None
    vocab = ctx.vocab
    da = vocab.direction_after.match(text, pos_after)
    if da is None and text[pos_after + 1 : pos_after + 2].islower():
        da = vocab.direction_after_mod.match(text, pos_after)
    if not da:
        return None
    word = (da.group("up") or da.group("down")).lower()
    mod = da.groupdict().get("mod") or ""
    if mod and kind == "count" and d.noun and _singular(mod) == d.noun.split()[-1].lower():
        ok = True  # "11 points below", "2,000 job cuts": the counted noun stands between
    elif mod:
        # "a 4% pay rise": a word may stand before a change noun, not before "higher"
        ok = word in vocab.change_nouns and mod not in _FUNCTION_WORDS and mod not in _NOUN_STOP and kind != "count"
    else:
        ok = kind != "count" or word in vocab.count_after  # "10.9 million more people"
    return ("up" if da.group("up") else "down") if ok else None


def _relative_change(text: str, pos: int, vocab: FigureWords) -> str | None:
    """A relative clause with a change verb after the figure: "the 8% they gained", "the 12.4% it lost"."""
    rel = _REL_CHANGE.match(text, pos)
    if not rel:
        return None
    verb = rel.group("verb").lower()
    if verb in vocab.lex.words.not_relative:
        return None
    return "up" if verb in vocab.up.verbs else "down" if verb in vocab.down.verbs else None


def _stage_share_of(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """share_of: "5% of the budget": a percent that multiplies what follows it."""
    if d.kind == "percent" and d.unit == "percent" and d.qualifier != "range" and _OF.match(ctx.text, d.pos_after):
        d.multiplier = d.value / 100.0
    return d


def _stage_span(d: _Draft, ctx: _Context) -> _Draft | Reject:
    """span: the figure ends before the spaces after it; a value beyond a float's range is no figure."""
    text, end = ctx.text, d.pos_after
    while end > d.start and text[end - 1].isspace():
        end -= 1
    d.end = end
    if not (math.isfinite(d.low_v) and math.isfinite(d.high_v) and math.isfinite(d.value)):
        return Reject("not finite")
    return d


_ANY_KIND = frozenset({"count", "quantity", "percent"})
_COUNT = frozenset({"count"})
_QUANTITY = frozenset({"quantity"})
_PERCENT = frozenset({"percent"})
# The stages in order, with the kinds of figure each has work for. Up to _KIND_SETTLED a stage may still
# change the kind (a range's second end gives it its unit); after it, only the figure's kind runs.
_STAGES: tuple[tuple[str, _Stage, frozenset[str]], ...] = (
    ("before", _stage_before, _ANY_KIND),
    ("suffix", _stage_suffix, _ANY_KIND),
    ("range_join", _stage_range_join, _ANY_KIND),
    ("range_units", _stage_range_units, _ANY_KIND),
    ("range_values", _stage_range_values, _ANY_KIND),
    ("from_to", _stage_from_to, _ANY_KIND),
    ("units", _stage_units, _ANY_KIND),
    ("post_hedge", _stage_post_hedge, _ANY_KIND),
    ("rate", _stage_rate, _QUANTITY),
    ("noun", _stage_noun, _COUNT),
    ("interval", _stage_interval, _ANY_KIND),
    ("direction", _stage_direction, _ANY_KIND),
    ("share_of", _stage_share_of, _PERCENT),
    ("span", _stage_span, _ANY_KIND),
)
_KIND_SETTLED = "from_to"

# ---------------------------------------------------------------- "not a figure" guards


def _g_name_part(d: _Draft, ctx: _Context) -> bool:
    """A number word inside a name: "Take-Two", "the Big Ten", "deepseek-one-year-later"."""
    text, pos = ctx.text, d.pos
    return not d.first.digits and pos > 1 and (
        text[pos - 1] == "-" and text[pos - 2].isalnum()
        or text[pos].isupper() and text[pos - 1] in " \u00a0" and text[pos - 2].islower()
    )


def _g_lone_one(d: _Draft, ctx: _Context) -> bool:
    """ "one" or "zero" that counts nothing ("one of them"); not "a one-year deal", "one patient has died"."""
    if d.written not in ("one", "zero"):
        return False
    text, end = ctx.text, d.first.end
    return not (
        _ONE_OK.match(text, end)
        or d.written == "one" and _ONE_OR_TWO.match(text, end)
        or _TO_AFTER.match(text[end : end + 5]) and text[max(0, d.pos - 5) : d.pos].lower() == "from "
    )


def _g_emergency_number(d: _Draft, ctx: _Context) -> bool:
    """An emergency number: "a 999 call", "dialled 911"."""
    if d.first.digits not in _EMERGENCY_NUMBERS:
        return False
    if _EMERGENCY.match(ctx.text, d.pos):
        return True
    before = _words_before(ctx, d.pos)
    return bool(before) and before[0] in _DIAL


def _g_label(d: _Draft, ctx: _Context) -> bool:
    """A label or a name with a number: "page 12", "Windows 11", "junctions 10 and 11", "#5", "7-Eleven"."""
    first = d.first
    return (
        not d.currency and bool(first.digits)
        and _is_label(ctx.text, d.pos, first.end, ctx.vocab, d.words, first.scale == 1.0)
    )


def _label_reach(d: _Draft, ctx: _Context) -> int:
    """The end of the list a label heads: "junctions 10 and 11" is one label."""
    lm = _LABEL_LIST.match(ctx.text, d.first.end)
    return lm.end() if lm else d.first.end


def _g_date_part(d: _Draft, ctx: _Context) -> bool:
    """The day of a date the date finder did not take: "dated 30 February", "July 4"."""
    first = d.first
    return (
        not d.currency and bool(first.digits) and first.scale == 1.0
        and _is_date_part(ctx.text, d.pos, first.end, first.digits, d.words)
    )


def _g_a_time(d: _Draft, ctx: _Context) -> bool:
    """ "a" before a time word that counts nothing: "a decade ago"."""
    return bool(d.written) and d.kind == "count" and d.written.split()[-1] in ("a", "an")


def _g_clock_range(d: _Draft, ctx: _Context) -> bool:
    """Times of day joined as a range: "at 3 or 4 pm"."""
    second = d.second
    return (
        second is not None and not d.own_suffix and d.first.number <= _CLOCK_MAX_HOUR
        and bool(_CLOCK_AFTER.match(ctx.text, second.end))
    )


def _g_score(d: _Draft, ctx: _Context) -> bool:
    """A score or a tally: "won 3-1", "a 218-210 vote"."""
    second = d.second
    if (
        second is None or d.join not in _DASHES or d.sign2 or second.scale != 1.0 or d.scale != 1.0
        or "." in d.first.digits + second.digits or d.currency or d.cur_second
    ):
        return False
    text = ctx.text
    if _suffix(text, second.end, ctx, d.currency or d.cur_second, second.glue_unit)[0] != "count":
        return False
    sport = _SPORT_BEFORE.search(text, max(0, d.start - _SPORT_WINDOW), d.start) or _SPORT_AFTER.match(
        text, second.end
    )
    return bool(sport) or d.n2 < d.number


def _g_cohort(d: _Draft, ctx: _Context) -> bool:
    """A group named by an age: "five-year-olds"."""
    return d.compoundable and bool(_COHORT.match(ctx.text, d.suffix_end))


def _g_kind_of_thing(d: _Draft, ctx: _Context) -> bool:
    """A kind of thing named by a measure: "the 10-year Treasury", "a 40-foot container"."""
    text, first = ctx.text, d.first
    if not d.compoundable or text[first.end : first.end + 1] != "-" or d.unit not in ctx.vocab.kinds:
        return False
    after = _WORD_AFTER.match(text[d.suffix_end : d.suffix_end + _TYPE_NOUN_WINDOW])
    return after is not None and after.group(1).lower() in ctx.vocab.kinds[d.unit]


def _g_race_event(d: _Draft, ctx: _Context) -> bool:
    """A race named by its distance, with "m" read as million: "won the 100m in 9.8 seconds"."""
    first = d.first
    return (
        bool(first.digits) and d.words[:1] == ["the"] and ctx.text[first.end - 1 : first.end] == "m"
        and d.scale == 1e6 and d.number in _RACE_DISTANCES and not d.currency
    )


def _g_race_distance(d: _Draft, ctx: _Context) -> bool:
    """A race named by its distance in metres: "won the 200 metres in 19.46 seconds"."""
    return (
        d.unit == "meter" and d.words[:1] == ["the"] and d.qualifier == "exact"
        and d.number * d.scale in _RACE_DISTANCES
        and not _MEASURE_AFTER.match(ctx.text[d.suffix_end : d.suffix_end + _RACE_WINDOW])
    )


def _plain_count(d: _Draft) -> bool:
    """A count in digits with no noun, scale or glued unit, whose words do not say it is a figure."""
    return d.kind == "count" and bool(d.first.digits) and not d.noun and d.scale == 1.0 and not d.first.glue_unit


def _g_prose_number(d: _Draft, ctx: _Context) -> bool:
    """A small number in words that counts nothing: "he said two would go" (not "four of them", "five in Wales")."""
    return (
        d.kind == "count" and not d.tentative and not d.first.digits and not d.noun and d.scale == 1.0
        and d.first.number < _PROSE_BELOW and _PART_AFTER.match(ctx.text, d.pos_after) is None
    )


_PART_AFTER = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+(?:them|those|these)\b|(?:in|across)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z])")


def _g_year_as_name(d: _Draft, ctx: _Context) -> bool:
    """A year that names something: "the 2022 models", "the 2024 Olympics"."""
    first, next_word, words = d.first, d.next_word, d.words
    return bool(
        d.kind == "count" and first.digits and d.noun and d.scale == 1.0 and not first.glue_unit
        and d.second is None and _YEAR.fullmatch(first.digits)
        and (not _looks_plural(next_word) or next_word[:1].isupper() or words[:1] and words[0] in _YEAR_BEFORE)
    )


def _g_year_range(d: _Draft, ctx: _Context) -> bool:
    """Two years joined as a range: "covered 1850-1900", "between 2020 and 2024"."""
    second = d.second
    return (
        _plain_count(d) and second is not None and bool(_YEAR.fullmatch(d.first.digits))
        and bool(_YEAR.fullmatch(second.digits))
    )


def _g_address(d: _Draft, ctx: _Context) -> bool:
    """A house number: "10 Downing Street"."""
    return _plain_count(d) and d.second is None and bool(_ADDRESS.match(ctx.text, d.pos_after))


def _g_clock_time(d: _Draft, ctx: _Context) -> bool:
    """A time of day written with a point: "at 10.30"."""
    return (
        _plain_count(d) and d.second is None and bool(_CLOCK.fullmatch(d.first.digits))
        and bool(d.words) and d.words[0] in _CLOCK_BEFORE
    )


def _g_bare_year(d: _Draft, ctx: _Context) -> bool:
    """A bare year the date finder did not take: "an exceptional 2025"."""
    return _plain_count(d) and d.second is None and bool(_YEAR.fullmatch(d.first.digits))


def _g_model_name(d: _Draft, ctx: _Context) -> bool:
    """A model name in capitals after a number: "its 737 MAX production line"."""
    if not _plain_count(d) or d.second is not None:
        return False
    caps = _CAPS_AFTER.match(ctx.text, d.pos_after)
    return caps is not None and (
        caps.group(1) not in ctx.lex.units and caps.group(1).lower() not in ctx.lex.names
        and not (caps.group(2) and _looks_plural(caps.group(2)))
    )


@dataclass(frozen=True, slots=True)
class Guard:
    """A "not a figure" guard: its name, the stage after which it runs (it reads what that stage and the
    ones before found), its test, a sentence it rejects, the numbers ("digits", "words" or "any") and the
    kinds of figure it can reject, and how far the text it rejects reaches when more than the number."""

    name: str
    after: str
    check: Callable[[_Draft, _Context], bool]
    example: str
    numbers: str = "any"
    kinds: frozenset[str] = _ANY_KIND
    reach: Callable[[_Draft, _Context], int] | None = None


GUARDS: dict[str, Guard] = {g.name: g for g in (
    Guard("name_part", "before", _g_name_part, "The Big Ten schools voted on Monday.", "words"),
    Guard("lone_one", "before", _g_lone_one, "She bought one apple.", "words"),
    Guard("emergency_number", "before", _g_emergency_number, "Neighbours made a 999 call at once.", "digits"),
    Guard("label", "before", _g_label, "Delays hit junctions 10 and 11 on Friday.", "digits", reach=_label_reach),
    Guard("date_part", "before", _g_date_part, "The form was dated 30 February.", "digits"),
    Guard("a_time", "suffix", _g_a_time, "It opened a century ago.", "words"),
    Guard("clock_range", "range_join", _g_clock_range, "Come round at 3 or 4 pm."),
    Guard("score", "range_units", _g_score, "Arsenal won 3-1 on Sunday."),
    Guard("cohort", "units", _g_cohort, "The rule covers five-year-olds in state schools.", kinds=_QUANTITY),
    Guard("kind_of_thing", "units", _g_kind_of_thing, "Yields on the 10-year Treasury rose.", kinds=_QUANTITY),
    Guard("race_event", "units", _g_race_event, "Bolt won the 100m in Berlin.", "digits", _COUNT | _QUANTITY),
    Guard("race_distance", "units", _g_race_distance, "She won the 200 metres in Rome.", kinds=_QUANTITY),
    Guard("prose_number", "noun", _g_prose_number, "He said two would go.", "words", _COUNT),
    Guard("year_as_name", "noun", _g_year_as_name, "The 2022 models sold well.", "digits", _COUNT),
    Guard("year_range", "noun", _g_year_range, "The study covered 1850-1900.", "digits", _COUNT),
    Guard("address", "noun", _g_address, "He lives at 10 Downing Street.", "digits", _COUNT),
    Guard("clock_time", "noun", _g_clock_time, "The meeting starts at 10.30 sharp.", "digits", _COUNT),
    Guard("bare_year", "noun", _g_bare_year, "Investors had an exceptional 2025.", "digits", _COUNT),
    Guard("model_name", "noun", _g_model_name, "Boeing halted its 737 MAX production line.", "digits", _COUNT),
)}

_Steps = tuple[tuple[Callable[[_Draft, _Context], "_Draft | Reject | bool"], Guard | None], ...]  # stage or guard
_NumberPlan = tuple[_Steps, dict[str, _Steps]]  # the stages that settle the kind; then those of each kind
_Plan = tuple[_NumberPlan, _NumberPlan]  # for a number in digits, for a number in words


def _plan(without: frozenset[str] = frozenset()) -> _Plan:
    """Each stage with the guards that run after it (in registry order), for numbers in digits and in
    words, and after the kind is settled for each kind of figure; `without` switches guards off."""
    errors = _registry_errors()
    if errors:
        raise ValueError("; ".join(errors))
    settled = [name for name, _, _ in _STAGES].index(_KIND_SETTLED) + 1

    def steps(stages: tuple[tuple[str, _Stage, frozenset[str]], ...], numbers: str, kind: str) -> _Steps:
        out: list[tuple[Callable[[_Draft, _Context], _Draft | Reject | bool], Guard | None]] = []
        for name, stage, kinds in stages:
            if kind in kinds:
                out.append((stage, None))
                out.extend(
                    (g.check, g) for g in GUARDS.values()
                    if g.after == name and g.numbers in (numbers, "any") and kind in g.kinds and g.name not in without
                )
        return tuple(out)

    def for_numbers(numbers: str) -> _NumberPlan:
        reading = steps(_STAGES[:settled], numbers, "count")
        return reading, {kind: steps(_STAGES[settled:], numbers, kind) for kind in _ANY_KIND}

    return for_numbers("digits"), for_numbers("words")


def _registry_errors() -> list[str]:
    """What is wrong with the stages and guards: a stage that runs for some kinds before the kind is
    settled, a guard after no stage, of an unknown sort of number, for a kind its stage never runs for,
    or naming kinds before the kind is settled."""
    names = [name for name, _, _ in _STAGES]
    if _KIND_SETTLED not in names:
        return [f"no stage {_KIND_SETTLED!r} settles the kind"]
    settled = names.index(_KIND_SETTLED) + 1
    stage_kinds = {name: kinds for name, _, kinds in _STAGES}
    errors = [f"stage {name} runs for some kinds only, before the kind is settled"
              for name, _, kinds in _STAGES[:settled] if kinds != _ANY_KIND]
    for g in GUARDS.values():
        if g.after not in stage_kinds:
            errors.append(f"guard {g.name} runs after no stage ({g.after!r})")
        elif g.numbers not in ("digits", "words", "any") or not g.kinds or not g.kinds <= stage_kinds[g.after]:
            errors.append(f"guard {g.name}: numbers {g.numbers!r}, kinds {sorted(g.kinds)} do not fit its stage")
        elif names.index(g.after) < settled and g.kinds != _ANY_KIND:
            errors.append(f"guard {g.name} names kinds before the kind is settled")
    return errors


_PLAN = _plan()
