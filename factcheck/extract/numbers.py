"""Figures in prose: digits and number words with their scale, currency, unit or counted noun,
hedge and direction, each turned into an interval.

One cheap compiled scan finds where a number may start (a digit, a number word, "twice"...);
short anchored patterns then read the number itself, what stands right before it (currency,
sign, hedge, direction verb) and right after it (scale, percent, currency name, unit, noun,
the second end of a range). Everything is compiled at import; nothing calls pint.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from factcheck.config import Hedge, Lexicon, lexicon

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}
_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                 "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_MULT_WORDS = ["half", "halved", "halving", "twice", "thrice", "double", "doubled", "doubling", "doubles", "triple",
               "tripled", "tripling", "triples", "quadruple", "quadrupled", "quadrupling", "quadruples", "tenfold",
               "threefold", "twofold", "fourfold", "fivefold", "hundredfold"]
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


def _trie(words: list[str]) -> str:
    """One regex alternation for many literal words, factored by prefix so it fails fast."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


_TRIGGER_WORDS = [*_SMALL, *_TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen", *_MULT_WORDS]
# Where a figure may start: a digit, a number word, a multiplier word, "a"/"an" before a scale or fraction.
_SCAN = re.compile(
    r"\b(?:(?P<d>\d)|(?P<g>RMB|Rmb|USD|EUR|GBP|HKD|CNY|JPY|SGD|AUD|CAD|CHF|INR|KRW)(?=\d)|(?:"
    + _trie([*_TRIGGER_WORDS, *(w.capitalize() for w in _TRIGGER_WORDS)])
    + r"|[Aa]n?(?=[ \u00a0-](?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fifth|sixth|"
    r"eighth|tenth)\b))\b)"
)
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glue>[A-Za-z]+\b|°[CF]\b)?")
_WORD_TOKEN = re.compile(r"([A-Za-z]+)(?:(?:[ \u00a0]+|-)(?=[A-Za-z]))?")
_WORD = "(?:" + _trie(list(_SMALL) + list(_TENS)) + ")"

# ---------------------------------------------------------------- what stands after a number

_SCALE_AFTER = re.compile(r"[ \u00a0-]?(thousand|million|billion|trillion|mn|mln|bn|trn|tn)\b", re.I)
_PERCENT_AFTER = re.compile(
    r"[ \u00a0]?(%|percent(?:age)?[ \u00a0]+points?\b|per[ \u00a0]?cent(?:age)?[ \u00a0]+points?\b|pp\b|ppts?\b|"
    r"basis[ \u00a0]+points?\b|bps\b|bp\b|per[ \u00a0-]?cent\b|pct\b|pc\b)",
    re.I,
)
_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:-|–|—|to|and)[ \u00a0]*(?=[-−]?(?:US\$|HK\$|[$€£¥]|[A-Z]{3}[ \u00a0])?[\d.]|"
                         r"(?i:" + _WORD + r"\b))")
_SECOND_SYMBOL = re.compile(r"US\$|HK\$|[$€£¥]|(?:USD|EUR|GBP|CNY|RMB|HKD|JPY)[ \u00a0]?")
_PER = re.compile(
    r"(?P<paren>[ \u00a0]*\([^()\n]{1,40}\))?"
    r"(?:[ \u00a0]+(?P<conn>per|a|an|each)[ \u00a0]+|[ \u00a0]*(?P<conn2>/)[ \u00a0]*)"
    r"(?:(?P<scale>million|thousand|billion|1m|1,000|1,000,000)[ \u00a0]+)?(?P<noun>[A-Za-z][A-Za-z-]{1,20})\b"
)
_PER_SCALES = {"1m": "million", "1,000,000": "million", "1,000": "thousand"}
_PER_NOUNS = {
    "share", "token", "barrel", "hour", "day", "week", "month", "year", "person", "head", "user", "gallon", "litre",
    "liter", "kilo", "kilogram", "kg", "ton", "tonne", "unit", "night", "ticket", "seat", "vehicle", "car", "mile",
    "kilometre", "kilometer", "km", "pound", "ounce", "query", "request", "subscriber", "employee", "capita",
    "megawatt-hour", "kilowatt-hour", "kwh", "mwh", "piece", "copy", "game", "episode", "student", "patient",
    "passenger", "household", "resident", "adult", "child", "contract", "bottle", "meal", "pack", "dose", "visit",
    "metre", "meter", "square", "acre", "hectare", "bushel", "dollar", "euro", "annum", "item", "page",
}
_POST_HEDGE = re.compile(r"(?:[ \u00a0]*\+(?!\w)|-plus\b|-odd\b)|[ \u00a0]+or[ \u00a0]+(more|so|fewer|less)\b", re.I)
_NOUN_AFTER = re.compile(r"((?:[ \u00a0](?:[A-Z]+\d[\w.-]*|[A-Za-z][A-Za-z'’-]*)){1,4})")
_NOUN_STOP = {
    "of", "in", "to", "and", "or", "for", "on", "at", "with", "by", "from", "that", "which", "who", "was", "were",
    "is", "are", "be", "been", "the", "a", "an", "as", "than", "it", "its", "their", "this", "these", "those",
    "per", "each", "but", "so", "into", "over", "under", "after", "before", "since", "while", "ago", "more",
    "less", "fewer", "times", "has", "have", "had", "will", "would", "could", "can", "percent", "cent", "about",
    "when", "where", "if", "not", "also", "just", "only", "all", "up", "down", "out", "off", "s", "across",
    "through", "between", "among", "against", "during", "within", "without", "around", "near", "via", "including",
    "like", "worldwide", "nationwide", "last", "next", "every", "here", "there", "now", "then",
    "yesterday", "today", "tomorrow", "said", "says", "say", "according", "do", "did", "does", "may", "might",
    "must", "should", "shall", "got", "get", "gets", "his", "her", "our", "my", "your", "them", "they", "we",
    "he", "she", "i", "you", "me", "us", "him", "what", "how", "why", "because", "although", "though", "until",
    "behind", "above", "below", "beyond", "toward", "towards", "upon", "onto", "alone", "apiece",
    "respectively", "nor", "yet", "either", "neither", "both", "too", "very", "again", "still", "already",
    "ahead", "away", "back", "earlier", "later", "compared", "versus", "vs", "plus", "minus", "almost", "nearly",
}
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse", "data": "data",
    "buses": "bus", "gases": "gas", "viruses": "virus", "bonuses": "bonus", "campuses": "campus", "series": "series",
    "species": "species", "crises": "crisis", "analyses": "analysis", "diagnoses": "diagnosis", "media": "media",
    "criteria": "criterion", "indices": "index", "lives": "life", "wives": "wife", "knives": "knife",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "staff": "staff", "police": "police", "news": "news",
    "movies": "movie", "cookies": "cookie", "zombies": "zombie", "calories": "calorie", "rookies": "rookie",
    "lorries": "lorry", "statuses": "status", "censuses": "census", "thieves": "thief", "wolves": "wolf",
    "shelves": "shelf", "halves": "half", "leaves": "leaf", "aircraft": "aircraft", "sheep": "sheep",
    "fish": "fish", "deer": "deer", "cattle": "cattle", "livestock": "livestock", "troops": "troop",
    "headaches": "headache", "niches": "niche", "caches": "cache", "avalanches": "avalanche",
}
_PLURAL_ONLY = {"staff", "police", "cattle", "aircraft", "sheep", "fish", "deer", "livestock", "personnel", "crew"}
# Capitalised words that, right before a number, do not make it a product name ("The 300 passengers").
_FUNCTION_WORDS = {
    "the", "a", "an", "some", "only", "all", "another", "those", "these", "this", "that", "about", "around",
    "nearly", "over", "more", "up", "just", "almost", "roughly", "by", "in", "on", "at", "for", "with", "from",
    "of", "and", "but", "or", "after", "before", "since", "until", "to", "last", "next", "every", "each", "its",
    "their", "his", "her", "our", "my", "your", "we", "they", "he", "she", "it", "i", "as", "when", "while", "if",
    "even", "still", "already", "now", "then", "here", "there", "total", "exactly", "precisely", "barely",
    "fewer", "less", "under", "below", "above", "between", "among", "approximately", "estimated", "additional",
    "extra", "further", "both", "many", "most", "what", "which", "who", "where", "why", "how", "yes", "no", "not",
    "never", "also", "so", "yet", "than", "like", "per", "via", "within", "without", "across", "through",
    "during", "against", "toward", "towards", "into", "onto", "upon", "out", "off", "down", "once", "overall",
    "altogether", "combined", "today", "yesterday", "tomorrow", "meanwhile", "however", "perhaps", "maybe",
    "fully", "least", "well", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "minus", "plus", "nowhere", "none", "whereas", "because", "although", "though", "thus", "hence", "indeed",
    "again", "said", "says", "say", "reported", "according", "upwards", "upward", "north", "south", "east", "west",
}
_LABEL_WORDS = {
    "page", "pages", "p.", "pp.", "section", "sections", "sec.", "article", "chapter", "row", "rows", "line",
    "lines", "item", "items", "no.", "nos.", "number", "figure", "fig.", "table", "exhibit", "room", "flight",
    "route", "highway", "interstate", "gate", "platform", "level", "grade", "stage", "round", "episode", "season",
    "vol.", "volume", "issue", "act", "clause", "paragraph", "para.", "rule", "version", "v.", "ver.", "step",
    "phase", "tier", "class", "category", "model", "series", "gen", "generation", "ward", "district", "precinct",
    "channel", "bus", "type", "terminal", "pier", "berth", "bay", "lane", "exit", "junction", "apartment", "apt.",
    "suite", "floor", "box", "isbn", "issn", "doi", "id", "ref", "ref.", "code", "ticker", "zip", "postcode",
    "pin", "appendix", "annex", "footnote", "verse", "psalm", "amendment", "resolution", "marker", "docket",
    "batch", "schedule", "art.", "ch.", "chap.", "no",
}
_HYPHEN_CHAIN = re.compile(r"\d+(?:-\d+){2,}|\d+(?:\.\d+){2,}|\d+/\d+")
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
_METRE_AFTER = re.compile(
    r"(?:[ \u00a0-]+(?:tall|high|long|deep|wide|away|above|below|across|underground|offshore|under|of|"
    r"sprint|final|race|hurdles|freestyle|butterfly|backstroke|breaststroke|medley|relay|dash|"
    r"(?!(?:last|this|next|the|a|an|in|on|at|for|to|and|or|but|from|with|by|as|than|so|was|is|were|are|will|"
    r"would|had|has|said|says|ago|after|before|earlier|later|more|less|each|per|that|which|who)\b)"
    r"(?-i:[a-z]+)(?![\w-]*s\b)(?=[ \u00a0]+[a-z])|(?-i:[a-z]{3,})(?=[.,;:!?)]))\b)",
    re.I,
)
_RMB = re.compile(r"\b[Rr]mb[ \u00a0]?$")  # the Financial Times' "Rmb12bn"
_ADDRESS = re.compile(
    r"[ \u00a0]+(?:[A-Z][a-z]+[ \u00a0]+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Place|"
    r"Square|Terrace|Way|Crescent|Court|Close|Gardens|Park)\b"
)
_YEAR_BEFORE = {"the", "a", "an", "in", "since", "by", "of", "from", "until", "till", "before", "after", "during",
                "its", "their", "this", "that", "to", "through", "between", "and", "or", "early", "late", "mid",
                "fiscal", "fy"}
_OF = re.compile(r"[ \u00a0]+of\b")
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
_MINUS_WORD = re.compile(r"\bminus[ \u00a0]+$", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t>*#-]*$")
_URLISH = re.compile(r"://|www\.|@")
# Words that tie "¥" to China or Japan; matched in lower-cased text (faster than re.I).
_CHINA = re.compile(r"\b(?:" + _trie(["yuan", "renminbi", "rmb", "cny", "china", "chinese", "beijing", "shanghai",
                                        "shenzhen", "hangzhou", "guangzhou"]) + r")\b")
_JAPAN = re.compile(
    r"\b(?:" + _trie(["yen", "jpy", "japan", "japanese", "tokyo", "nikkei", "osaka", "topix", "boj"]) + r")\b"
)
_OTHER_DOLLAR = re.compile(
    r"\b(?:HK|AU?|CA?|S|NT|NZ)\$|\b(?:HKD|AUD|CAD|SGD|TWD|NZD)\b"
    r"|\b(?:Hong Kong|Australian|Canadian|Singapore|Taiwan|New Zealand|HK)[ \u00a0]dollars?\b"
)
_OTHER_DOLLAR_CODES = {
    "hk$": "HKD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "s$": "SGD", "nt$": "TWD", "nz$": "NZD",
    "hong kong": "HKD", "hk": "HKD", "australian": "AUD", "canadian": "CAD", "singapore": "SGD", "taiwan": "TWD",
    "new zealand": "NZD",
}
_US_WORDS = re.compile(r"\b(?:US|U\.S\.|American|greenbacks?|Wall Street|USD)\b")
_WEIGHT_CONTEXT = re.compile(r"\b(?:weigh\w*|lost|gained|heavy|heavier|lighter|pounds? of)\b", re.I)
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

_UP = {
    "rose", "rise", "rises", "risen", "rising", "up", "gained", "gains", "gain", "gaining", "grew", "grow", "grows",
    "growing", "grown", "jumped", "jumps", "jump", "jumping", "climbed", "climbs", "climbing", "increased",
    "increases", "increase", "increasing", "soared", "soars", "soaring", "surged", "surges", "surging", "added",
    "adds", "adding", "rallied", "rallies", "rallying", "advanced", "advances", "boosted", "boosts", "lifted",
    "lifts", "hiked", "hikes", "spiked", "spikes", "swelled", "swells", "expanded", "expands", "expanding",
    "accelerated", "rebounded", "leapt", "leaped", "leaps", "skyrocketed", "ballooned",
}
_DOWN = {
    "fell", "fall", "falls", "falling", "fallen", "down", "lost", "loses", "lose", "losing", "dropped", "drops",
    "drop", "dropping", "declined", "declines", "decline", "declining", "slid", "slides", "sliding", "slumped",
    "slumps", "slumping", "plunged", "plunges", "plunging", "plummeted", "plummets", "tumbled", "tumbles",
    "tumbling", "sank", "sinks", "sinking", "shed", "sheds", "shedding", "cut", "cuts", "cutting", "decreased",
    "decreases", "decreasing", "shrank", "shrinks", "shrinking", "shrunk", "contracted", "contracts", "retreated",
    "eased", "eases", "easing", "dipped", "dips", "wiped", "wiping", "erased", "erasing", "slipped", "slips",
    "lowered", "lowers", "reduced", "reduces", "reducing", "slashed", "slashes", "slashing", "trimmed", "trims",
    "narrowed", "crashed", "collapsed", "sagged", "weakened", "cratered",
}
_UP_BY = {"raised", "raises", "raising", "raise", "higher", "extended", "widened"}
_DOWN_BY = {"lower", "below"}
_UP_NOUNS = {"rise", "increase", "gain", "jump", "growth", "surge", "climb", "hike", "boost", "uptick", "rally",
             "rebound", "expansion", "advance"}
_DOWN_NOUNS = {"fall", "drop", "decline", "decrease", "plunge", "slump", "slide", "cut", "reduction", "dip",
               "contraction", "tumble", "retreat", "downturn"}
_HEDGE_SKIP = {"some", "about", "around", "roughly", "nearly", "almost", "approximately", "more", "than", "over",
               "as", "much", "many", "a", "further", "another", "an", "additional", "extra", "whopping", "just",
               "only", "close", "to", "estimated", "slightly", "sharply", "steeply", "modestly", "marginally"}
_DIRECTION_AFTER = re.compile(
    r"[ \u00a0-]+(?:(?P<up>rise|rises|increase|increases|gain|gains|jump|surge|climb|rally|growth|hike|uptick|"
    r"higher|more|premium|up|advance|boost|rebound|(?P<above>above))|"
    r"(?P<down>fall|falls|drop|drops|decline|declines|plunge|slump|loss|losses|slide|tumble|decrease|cut|cuts|"
    r"lower|less|fewer|cheaper|down|discount|contraction|retreat|dip|selloff|sell-off|(?P<below>below)|reduction))\b",
    re.I,
)
_MULTIPLIER = re.compile(
    r"(?i:(?P<twice>twice|thrice)(?=[ \u00a0]+(?:(?:as|the|that|what|its|their|his|her|our|this|those|these|more|"
    r"over)\b|(?-i:[A-Z$€£¥\d])))"
    r"|(?P<up2>(?:doubled|doubling|doubles)(?![ \u00a0]+down\b))|(?P<up3>tripled|tripling|triples)"
    r"|(?P<up4>quadrupled|quadrupling|quadruples)"
    r"|(?P<dbl>double|triple|quadruple)(?![\w-])(?![ \u00a0]+(?:digits?|standards?|taxation|act|agents?|dip|"
    r"check|click|bed|room|whammy|blow|header|play|fault|decker|crown|life|time)\b)"
    r"|(?P<halved>halved|halving)"
    r"|(?P<frac>(?:(?P<fnum>a|one|two|three|four|five|seven|nine)[ \u00a0-]+)?(?P<fden>half|thirds?|quarters?|fifths?|"
    r"sixths?|eighths?|tenths?))\b"
    r"|(?P<nfold>(?P<fn>\d+(?:\.\d+)?|" + _WORD + r"|hundred)[ \u00a0-]?fold)\b"
    r"|(?P<ntimes>(?P<tn>\d+(?:\.\d+)?|" + _WORD + r")[ \u00a0]+times)(?=[ \u00a0]+(?:as|more|larger|bigger|"
    r"higher|greater|the|what|that|faster|cheaper|smaller|lower|over|longer|heavier|stronger|its|their)\b)"
    r"|(?P<nx>(?P<xn>\d+(?:\.\d+)?)x)(?=[\s,.;:)]|$)"
    r"|(?P<inx>(?P<ia>\d{1,2}|" + _WORD + r")[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?P<ib>\d{1,3}|" + _WORD
    + r"|hundred|a[ \u00a0]+hundred))\b)"
)
_FRAC_FOLLOW = re.compile(
    r"[ \u00a0]+(?:of|the|that|as|its|their|his|her|our|all|what|those|these|this)\b", re.I
)
_POINT_AFTER = re.compile(
    r"(?:[ \u00a0]+of)?[ \u00a0]+an?[ \u00a0]+(?:percentage[ \u00a0]+point|basis[ \u00a0]+point|point)\b", re.I
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


_WORD_CLASS = {**{w: "unit" for w in _SMALL}, **{w: "tens" for w in _TENS}, "hundred": "hundred", "dozen": "dozen",
               "thousand": "scale", "million": "scale", "billion": "scale", "trillion": "scale", "a": "a",
               "an": "a", "half": "half", "and": "and"}
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


def _read_words(text: str, pos: int) -> tuple[float, int] | None:
    """A number in words starting at `pos` ("twenty-one", "a dozen", "half a million"): value and end."""
    state, total, current, end, last_scale = "start", 0.0, 0.0, pos, math.inf
    p = pos
    while True:
        m = _WORD_TOKEN.match(text, p)
        if not m:
            break
        tok = m.group(1).lower()
        cls = _WORD_CLASS.get(tok)
        if cls is None or cls not in _WORD_NEXT[state]:
            break
        if state == "tens" and cls == "unit" and not 0 < _SMALL[tok] < 10:
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
            current += _SMALL[tok]
        elif cls == "tens":
            current += _TENS[tok]
        elif cls == "dozen":
            current = (current or 1.0) * 12
        elif cls == "hundred":
            if current >= 100:
                break
            current = (current or 1.0) * 100
        else:
            scale = _SCALES[tok]
            if scale >= last_scale:
                break
            total += (current or 1.0) * scale
            current, last_scale = 0.0, scale
        state = cls
        end = m.start(1) + len(tok)
        p = m.end()
    if state in ("start", "a", "half") or end == pos:
        return None
    return total + current, end


def _rounding_half_width(digits: str, value: float, scale: float, max_rel: float) -> float:
    """Half the last written digit's place: "5.6" -> 0.05, "17" -> 0.5.

    Trailing zeros ("600") and scale words ("1tn") make the written precision ambiguous: there the
    band is capped at `max_rel` of the value (but never narrower than one unit of the last digit).
    """
    digits = digits.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    half = 0.5 * 10**zeros * scale
    if zeros or scale > 1:
        half = min(half, max(max_rel * abs(value), 0.5 * scale if scale < 1e3 else 0.0))
    return half


def _singular(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if word.endswith("s") and len(word) > 2 and word[:-1].isupper():
        return word[:-1]
    if word.isupper() or any(ch.isdigit() for ch in word):
        return word
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _looks_plural(word: str) -> bool:
    low = word.lower()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # GPUs, CEOs
    if low in _IRREGULAR:
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and len(low) > 2


def _head_noun(run: str, count: float) -> str:
    """The counted noun in the words after a count: "Nvidia H800 chips" -> "chip", "people" -> "person"."""
    words: list[str] = []
    for raw in run.split():
        w = raw.strip("'’-")
        low = w.lower()
        if not w or low in _NOUN_STOP or low.rstrip(".") in _MONTHS and w[:1].isupper():
            break
        if low.endswith("ly") and len(low) > 4 and not words:
            continue  # "2 to 3 globally influential companies"
        words.append(w)
        if len(words) == 3:
            break
    candidates = [w for w in words if not (any(c.isdigit() for c in w) and any(c.isalpha() for c in w))]
    plural = [w for w in candidates if _looks_plural(w) or w.lower() in _PLURAL_ONLY]
    for w in plural:  # "8.5 million Windows devices": a common noun before a name
        if not w[:1].isupper() or w[:-1].isupper():
            return _singular(w)
    if plural:
        return _singular(plural[0])
    if count == 1 and len(candidates) == 1 and candidates[0].islower() and not candidates[0].endswith(("ed", "ly")):
        return _singular(candidates[0])
    return ""


def _is_month(word: str) -> bool:
    return bool(word) and word[0].isupper() and word.lower().rstrip(".") in _MONTHS


def currency_hints(text: str) -> tuple[str, str]:
    """How this article writes "¥" and bare "dollars": from what else it says (yuan/yen, HK$...).

    Returns (yen_hint, dollar_hint): yen_hint is "CNY" or "JPY" when the article leans one way (""
    when it does not); dollar_hint is the ISO code of another dollar the article also writes
    ("HKD" for HK$...), "" when "dollars" can only be US dollars.
    """
    low = text.lower()
    china = len(_CHINA.findall(low))
    japan = len(_JAPAN.findall(low))
    yen_hint = "CNY" if china > japan else "JPY" if japan > china else ""
    other = _OTHER_DOLLAR.search(text)
    dollar_hint = ""
    if other:
        g = other.group()
        key = g.lower() if g.endswith("$") else g if g.isupper() else g.rsplit(None, 1)[0].lower()
        dollar_hint = _OTHER_DOLLAR_CODES.get(key, key if key.isupper() else "HKD")
    return yen_hint, dollar_hint


class _Context:
    """Per-text facts computed once, lazily: currency hints, skip spans."""

    __slots__ = ("_hints", "lex", "rtext", "skip_ends", "skip_starts", "text", "urlish")

    def __init__(self, text: str, lex: Lexicon, skip: list[tuple[int, int]]) -> None:
        self.text = text
        self.rtext = text[::-1]
        self.lex = lex
        spans = sorted((s, e) for s, e in skip if e > s)
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.skip_starts = [s for s, _ in merged]
        self.skip_ends = [e for _, e in merged]
        self._hints: tuple[str, str] | None = None
        self.urlish = bool(_URLISH.search(text))

    @property
    def hints(self) -> tuple[str, str]:
        if self._hints is None:
            self._hints = currency_hints(self.text)
        return self._hints

    def skipped(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a skip span?"""
        i = bisect.bisect_left(self.skip_starts, end)
        return i > 0 and self.skip_ends[i - 1] > start

    def sentence(self, pos: int) -> str:
        text = self.text
        lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("? ", 0, pos), pos - 300)
        hi_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
        hi = min([*hi_candidates, pos + 300])
        return text[max(lo, 0) : hi]

    def yen(self, pos: int) -> tuple[str, str]:
        """Which currency "¥" at `pos` stands for, and the ambiguity note when the text does not say."""
        sent = self.sentence(pos).lower()
        china, japan = bool(_CHINA.search(sent)), bool(_JAPAN.search(sent))
        if china != japan:
            return ("CNY" if china else "JPY"), ""
        hint = self.hints[0]
        if hint:
            other = "JPY" if hint == "CNY" else "CNY"
            low = self.text.lower()
            if _CHINA.search(low) and _JAPAN.search(low):
                return hint, f"¥: {hint} or {other} (the article names both; {hint} assumed)"
            return hint, ""
        return "CNY", "¥: CNY or JPY (the text does not say; CNY assumed)"

    def dollars(self, pos: int) -> tuple[str, str]:
        """Which currency a bare "dollars" at `pos` stands for, and the ambiguity note."""
        other = self.hints[1]
        if not other:
            return "USD", ""
        sent = self.sentence(pos)
        if _US_WORDS.search(sent):
            return "USD", ""
        return "USD", f"dollars: USD or {other} (the article also writes {other}; USD assumed)"


def _apply_hedge(h: Hedge, low: float, high: float, value: float | None, band: float) -> tuple[str, float, float]:
    """Widen [low, high] by a hedge: approx +-width (plus the rounding band); one-sided hedges are
    bounded at the written value and open on the other side by `width`."""
    q, w = h.qualifier, h.width
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


_RWORDS = re.compile(r"(?:[ \t\u00a0]*[A-Za-z'’.&]+){1,8}")


def _words_before(ctx: _Context, start: int) -> list[str]:
    """The words right before `start`, nearest first, lower-cased; the run stops at punctuation.

    Read forwards in the reversed text, so one anchored match does the work."""
    m = _RWORDS.match(ctx.rtext, len(ctx.text) - start)
    if not m:
        return []
    words: list[str] = []
    for i, w in enumerate(m.group().split()):
        w = w[::-1].lower()
        if i and w.endswith("."):
            break  # "rose. 5": the previous sentence
        words.append(w)
    return words


_HEDGE_LAST: dict[int, tuple[Lexicon, frozenset[str]]] = {}  # id -> (the lexicon, kept alive; last hedge words)


def _hedge_before(text: str, start: int, lex: Lexicon, words: list[str]) -> Hedge | None:
    """The hedge right before a figure ("about", "more than", "~"), from rules/hedges.yaml."""
    cached = _HEDGE_LAST.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _HEDGE_LAST[id(lex)] = (lex, frozenset(h.split()[-1] for h in lex.hedges))
    if not (words and words[0] in cached[1]) and "~" not in text[max(0, start - 2) : start]:
        return None  # no hedge ends with the word before the figure: skip the regex
    hm = lex.hedge_re.search(text, max(0, start - 30), start)
    return lex.hedges[hm.group(1).lower()] if hm else None


def _direction_before(words: list[str]) -> str | None:
    """ "rose 0.3%", "fell by about 17%", "cut its forecast by 0.2 points", "a rise of 5%", "up 5%"."""
    i, n = 0, len(words)
    while i < n and words[i] in _HEDGE_SKIP and words[i] != "to":
        i += 1
    if i >= n:
        return None
    w = words[i]
    if w == "by":
        for v in words[i + 1 : i + 6]:
            if v in _UP or v in _UP_BY:
                return "up"
            if v in _DOWN or v in _DOWN_BY:
                return "down"
        return None
    if w in _UP:
        return "up"
    if w in _DOWN:
        return "down"
    if w == "of" and i + 1 < n:
        noun = words[i + 1]
        noun = noun[:-1] if noun.endswith("s") and noun[:-1] in _UP_NOUNS | _DOWN_NOUNS else noun
        if noun in _UP_NOUNS:
            return "up"
        if noun in _DOWN_NOUNS:
            return "down"
    return None


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
    pm = _PHONE.match(text, start) or _TIME.match(text, start) or _HYPHEN_CHAIN.match(text, start)
    if pm:
        return pm.end()
    if prev == "(" or prev == "[":
        em = re.match(r"\d{1,2}[)\]]", text[start : start + 3])
        if em:
            return start + em.end()
    if _LINE_START.search(text, max(0, start - 12), start):
        em = re.match(r"\d{1,3}[.)](?=\s)", text[start : start + 5])
        if em:
            return start + em.end()
    return -1


def _is_label(text: str, start: int, end: int, lex: Lexicon, words: list[str], by_word: bool = True) -> bool:
    """ "Claude 3.5", "Windows 11", "Llama 3.3-70B", "page 12": a name or label, not a figure."""
    if start and text[start - 1] == "#":
        return True
    if start > 1 and text[start - 1] in "-–" and text[start - 2].isalnum():
        return True
    if text[end : end + 1] == "-" and re.match(r"-\d+[A-Za-z]", text[end : end + 8]):
        return True
    if not by_word or not words or text[start - 1 : start] not in (" ", "\u00a0"):
        return False
    low = words[0]
    if low in _LABEL_WORDS:
        return True
    bare = low.rstrip(".")
    if bare.endswith(("'s", "’s", "s'")):
        return False  # "DeepSeek's 40 million": a possessive, not a name with a number
    if bare in _MONTHS or bare in _FUNCTION_WORDS or bare in lex.names or bare in lex.hedges:
        return False
    j = start - 1
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    word = text[j - len(low) : j]
    if word[:1].isupper() or (len(word) > 1 and word[1].isupper()):
        after = text[end : end + 12]
        # "Tesla 5%": the number is a figure all the same
        return not (_PERCENT_AFTER.match(after) or _SCALE_AFTER.match(after))
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
_CLOCK_BEFORE = {"at", "by", "until", "till", "before", "after", "around"}


def _not_a_count(
    text: str, first: _End, second: _End | None, scale: float, noun: str, next_word: str, words: list[str], pos: int
) -> bool:
    """A bare number that is prose, an address, a year or a time of day rather than a count."""
    if not first.digits:
        return not noun and scale == 1.0 and first.number < 1000  # "two" alone is usually prose
    if noun or scale != 1.0 or first.glue_unit:
        return bool(
            scale == 1.0 and not first.glue_unit and second is None and _YEAR.fullmatch(first.digits)
            and (not _looks_plural(next_word) or next_word[:1].isupper() or words[:1] and words[0] in _YEAR_BEFORE)
        )  # "the 2024 Olympics", "the 2025 guide": a year, not a count of Olympics
    if second is not None:
        return bool(_YEAR.fullmatch(first.digits) and _YEAR.fullmatch(second.digits))  # "between 2020 and 2024"
    if _ADDRESS.match(text, pos):
        return True  # "10 Downing Street"
    if _CLOCK.fullmatch(first.digits) and words[:1] and words[0] in _CLOCK_BEFORE:
        return True  # "at 10.30"
    return bool(_YEAR.fullmatch(first.digits))  # a bare year the date finder did not take


# ---------------------------------------------------------------- the extractor


def find_figures(text: str, skip: list[tuple[int, int]] | None = None, lex: Lexicon | None = None) -> list[Figure]:
    """Every figure in `text` outside the `skip` spans (dates found first), in order."""
    lex = lex or lexicon()
    ctx = _Context(text, lex, list(skip or []))
    figures: list[Figure] = []
    taken_until = 0
    for m in _SCAN.finditer(text):
        start = m.end("g") if m.group("g") else m.start()
        if start < taken_until:
            continue
        if ctx.skipped(start, start + 1):
            continue
        is_digit = m.group("d") is not None or m.group("g") is not None
        if is_digit:
            prev = text[start - 1] if start else ""
            if prev and prev in ".,:/_":
                continue
            ex = _excluded_end(text, ctx, start)
            if ex >= 0:
                taken_until = ex
                continue
        fig = None
        mm = _MULTIPLIER.match(text, start)
        if mm:
            fig = _multiplier(text, mm, ctx)
        if fig is None:
            fig = _figure_at(text, start, ctx)
        if fig is not None and fig.start >= taken_until and not ctx.skipped(fig.start, fig.end):
            figures.append(fig)
            taken_until = fig.end
    return figures


def _multiplier(text: str, m: re.Match[str], ctx: _Context) -> Figure | None:
    lex = ctx.lex
    start = m.start()
    direction = None
    value: float | None
    point_end = -1
    word = m.group().lower()
    if m.group("twice"):
        value = 2.0 if word == "twice" else 3.0
    elif m.group("up2") or m.group("up3") or m.group("up4"):
        if word.endswith("les") and _words_before(ctx, start)[:1] in (["the"], ["mixed"], ["in"], ["of"],
                                                                       ["men's"], ["women's"], ["and"]):
            return None  # "the doubles final"
        value = 2.0 if m.group("up2") else 3.0 if m.group("up3") else 4.0
        direction = "up"
    elif m.group("dbl"):
        if not _DOUBLE_OK_BEFORE.search(text, max(0, start - 20), start) and not re.match(
            r"[ \u00a0]+(?:the|that|its|their|in[ \u00a0]+size|by|what|from|to|over)\b|[.,;]", text[m.end() :]
        ):
            return None
        value = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}[word]
    elif m.group("halved"):
        value, direction = 0.5, "down"
    elif m.group("frac"):
        if _FRAC_NOT_BEFORE.search(text, max(0, start - 12), start) and not m.group("fnum"):
            return None
        points = _POINT_AFTER.match(text, m.end())
        if points:  # "a quarter of a percentage point", "half a point": a size in points, not a share
            point_end = points.end()
        elif not (_FRAC_FOLLOW.match(text, m.end()) or _FRAC_BEFORE.search(text, max(0, start - 24), start)):
            return None
        fnum = (m.group("fnum") or "a").lower()
        num = 1 if fnum in ("a", "one") else _SMALL[fnum]
        den = _DENOMINATORS[m.group("fden").lower()]
        if (num > 1) != m.group("fden").lower().endswith("s") or num >= den:
            return None
        value = num / den
    elif m.group("nfold"):
        raw = m.group("fn").lower()
        value = float(raw) if raw[0].isdigit() else (100.0 if raw == "hundred" else _read_num_word(raw))
    elif m.group("ntimes"):
        raw = m.group("tn").lower()
        value = float(raw) if raw[0].isdigit() else _read_num_word(raw)
    elif m.group("nx"):
        value = float(m.group("xn"))
    else:
        a, b = m.group("ia").lower(), re.sub(r"\s+", " ", m.group("ib").lower())
        na = float(a) if a[0].isdigit() else _read_num_word(a)
        nb = float(b) if b[0].isdigit() else (100.0 if b.endswith("hundred") else _read_num_word(b))
        if na is None or nb is None or not 0 < na < nb:
            return None
        if lex.unit_re.match(text, m.end()) or _NOT_IN_X.match(text, m.end()):
            return None  # "3 in 10 minutes", "2 in 5 games": a tally, not a share
        value = na / nb
    if value is None or value <= 0:
        return None
    qualifier, low, high = "exact", value, value
    words = _words_before(ctx, start)
    hedge = _hedge_before(text, start, lex, words)
    if hedge:
        qualifier, low, high = _apply_hedge(hedge, value, value, value, 0.0)
        if qualifier in ("at_most", "less_than"):
            low = max(low, 0.0)
    if direction is None:
        direction = _direction_before(words)
    if point_end > 0:
        unit = "basis_point" if "basis" in text[m.end() : point_end].lower() else "percentage_point"
        return Figure(start=start, end=point_end, kind="percent", value=value, low=min(low, high),
                      high=max(low, high), unit=unit, qualifier=qualifier, direction=direction)
    return Figure(start=start, end=m.end(), kind="quantity", value=value, low=min(low, high), high=max(low, high),
                  unit="times", qualifier=qualifier, direction=direction, multiplier=value)


def _read_num_word(word: str) -> float | None:
    """ "three" -> 3.0, "twenty-one" -> 21.0."""
    r = _read_words(word, 0)
    return r[0] if r and r[1] == len(word) else None


@dataclass
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
    if ch.isdigit():
        dm = _DIGITS.match(text, pos)
        if not dm:
            return None
        glue = dm.group("glue") or ""
        digits = dm.group()[: len(dm.group()) - len(glue)]
        nxt = text[dm.end() : dm.end() + 2]
        if nxt[:1].isalnum() or nxt[:1] in "_" or (nxt[:1] in ".," and nxt[1:2].isdigit()):
            return None  # 3D4, 1.2.3, 2,0000: codes and versions
        number = float(digits.replace(",", ""))
        end = _End(pos, pos + len(digits), number, digits, 1.0)
        if glue:
            return _resolve_glue(text, end, glue, ctx)
        sm = _SCALE_AFTER.match(text, end.end)
        if sm:
            end.scale = _scale_of(sm.group(1))
            end.end = sm.end()
        return end
    if not words_ok:
        return None
    r = _read_words(text, pos)
    if r is None:
        return None
    value, stop = r
    end = _End(pos, stop, value, "", 1.0)
    return end


def _times(x: float, scale: float) -> float:
    """x * scale without binary noise when scale is a power of ten: 4.1 * 1e9 -> 4100000000.0."""
    if scale == 1.0:
        return x
    if scale > 0:
        e = round(math.log10(scale))
        if 10.0**e == scale or abs(10.0**e - scale) <= 1e-12 * scale:
            return float(f"{x!r}e{e}")
    return x * scale


def _scale_of(word: str) -> float:
    w = word.lower()
    return _SCALES.get(w) or _SHORT_SCALES.get(w, 1.0)


def _next_is_plural_noun_or_unit(text: str, pos: int, lex: Lexicon) -> bool:
    if lex.unit_re.match(text, pos) or lex.name_re.match(text, pos):
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
    if g in _SHORT_SCALES:
        currency_before = bool(lex.symbol_re.search(text, max(0, end.num_start - 6), end.num_start))
        strong = g in ("bn", "mn", "mln", "tn", "trn", "tr")
        if strong or currency_before or _next_is_plural_noun_or_unit(text, glue_end, lex):
            end.scale = _SHORT_SCALES[g]
            end.end = glue_end
            return end
        if glue == "m":
            if _METRE_AFTER.match(text, glue_end):
                end.glue_unit = "meter"  # "a 30m yacht", "2.4m tall", "the 100m final"
            else:
                end.scale = 1e6  # "a population of about 1.2m."
            end.end = glue_end
            return end
        return None
    if g in ("pc", "pct", "pp", "ppt", "ppts", "bps", "bp"):
        return end  # read as a percent by the suffix reader
    if g == "p" and end.number < 1000:
        end.currency, end.end = "GBP", glue_end
        end.scale = 0.01
        return end
    if glue.startswith("°"):
        return end
    if glue in ("C", "F") and _TEMPERATURE.search(ctx.sentence(end.num_start)):
        unit = lex.units.get("°" + glue, "")
        if unit:
            end.glue_unit, end.end = unit, glue_end  # "40C" in a story about heat
            return end
    um = lex.unit_re.match(text, end.end)
    if um and um.end() >= glue_end:
        return end  # the unit reader takes it
    return None  # 5G, 70B, 1st, 10pm, 1990s: names, ordinals, times


def _currency_before(text: str, start: int, ctx: _Context) -> tuple[str, str, int]:
    sm = ctx.lex.symbol_re.search(text, max(0, start - 6), start)
    if not sm:
        rm = _RMB.search(text, max(0, start - 5), start)
        return ("CNY", "", rm.start()) if rm else ("", "", -1)
    sym = sm.group(1)
    code = ctx.lex.symbols.get(sym, ctx.lex.symbols.get(sym.strip(), ""))
    if code == "¥":
        code, amb = ctx.yen(start)
        return code, amb, sm.start(1)
    return code, "", sm.start(1)


def _per_unit(per: re.Match[str], unit: str, lex: Lexicon) -> tuple[str, int]:
    """ "$2.19 per million tokens" -> ("USD/million_token", end); (unit, -1) when what follows is no rate."""
    noun = per.group("noun")
    um = lex.unit_re.match(per.string, per.start("noun"))
    denom, end = "", -1
    if um and um.start(1) == per.start("noun"):
        denom = lex.units.get(um.group(1), lex.units.get(um.group(1).lower(), ""))
        end = um.end()
    if not denom:
        explicit = per.group("conn2") or per.group("conn") == "per"
        if _singular(noun).lower() in _PER_NOUNS or (explicit and noun.islower() and not _looks_plural(noun)):
            denom, end = _singular(noun).lower(), per.end()
    if not denom:
        return unit, -1
    scale = per.group("scale")
    if scale:
        denom = _PER_SCALES.get(scale, scale) + "_" + denom
    return f"{unit}/{denom}", end


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
    nm = lex.name_re.match(text, pos)
    if nm:
        word = nm.group(1).lower()
        if word in lex.subunits:
            base, factor = lex.subunits[word]
            return "quantity", currency or base, currency or base, factor, "", nm.end()
        named = lex.names[word]
        amb = ""
        if word in ("pounds", "pound") and (
            re.match(r"[ \u00a0]+of\b", text[nm.end() : nm.end() + 5])
            or (not currency and _WEIGHT_CONTEXT.search(text, max(0, pos - 40), pos))
        ):
            if currency:
                return "quantity", currency, currency, 1.0, "", pos
            return "quantity", "pound", "", 1.0, "", nm.end()
        if word in ("dollars", "dollar", "bucks") and not currency:
            named, amb = ctx.dollars(pos)
        if word == "won" and not currency and "₩" not in ctx.text and "Korea" not in ctx.text:
            return "count", "", "", 1.0, "", pos  # "won 3-1" more often than Korean won
        if not currency or currency == named:
            return "quantity", named, named, 1.0, amb, nm.end()
    if currency:
        return "quantity", currency, currency, 1.0, "", pos
    um = lex.unit_re.match(text, pos)
    if um:
        unit = lex.units.get(um.group(1), lex.units.get(um.group(1).lower(), ""))
        if unit:
            return ("percent" if unit == "percent" else "quantity"), unit, "", 1.0, "", um.end()
    return "count", "", "", 1.0, "", pos


def _figure_at(text: str, pos: int, ctx: _Context) -> Figure | None:
    """The figure whose number starts at `pos`, with everything around it; None when it is not a claim."""
    lex = ctx.lex
    first = _read_end(text, pos, ctx)
    if first is None:
        return None
    is_words = not first.digits
    if is_words:
        low_words = text[pos : first.end].lower()
        if low_words in ("one", "zero"):
            return None  # "one of them"

    # currency before ("$", "US$", "HK$", "RMB ", "EUR "), a sign, "minus"
    start = pos
    currency, ambiguous, sym_start = _currency_before(text, pos, ctx)
    if first.currency:
        currency = first.currency
    if sym_start >= 0:
        start = sym_start
    negative = explicit_up = False
    before2 = text[start - 2] if start > 1 else " "
    if start and text[start - 1] in "-−+" and not (before2.isalnum() or before2 in "-+"):
        negative = text[start - 1] != "+"
        explicit_up = not negative
        start -= 1
    words = _words_before(ctx, start)
    if not negative and words and words[0] == "minus":
        mm = _MINUS_WORD.search(text, max(0, start - 12), start)
        if mm:
            negative = True
            start = mm.start()
            words = words[1:]
    if not currency and not is_words:
        if _is_label(text, pos, first.end, lex, words, first.scale == 1.0):
            return None
        if first.scale == 1.0 and _is_date_part(text, pos, first.end, first.digits, words):
            return None

    scale = first.scale
    number = first.number
    end_pos = first.end
    qualifier = "exact"
    low_v = high_v = 0.0
    second: _End | None = None
    noun_from = -1
    kind, unit, cur2, factor, amb2, suffix_end = _suffix(text, end_pos, ctx, currency, first.glue_unit)
    lead_words = words[1:] if words[:1] in (["about"], ["around"], ["roughly"]) else words
    lead = lead_words[0] if lead_words else ""  # "between 252 and 287", "from about 2 to 3"
    from_before = lead == "from"
    between_before = lead == "between"
    own_suffix = kind != "count" or bool(currency)

    # a range: "2 to 3", "2-3", "between 252 and 287", "10 to 20 billion", "5% to 7%", "$4bn-$5bn"
    join_at = suffix_end if own_suffix else end_pos
    joiner = _RANGE_JOIN.match(text, join_at)
    if joiner and not ctx.skipped(joiner.end(), joiner.end() + 1):
        join = joiner.group().strip().lower()
        after_direction = _direction_before(words) is not None
        ok = (join == "and" and between_before) or join in ("-", "–", "—") or (join == "to" and not from_before)
        if join == "to" and after_direction and own_suffix:
            ok = False  # "fell $3 to $78": a change, then the level it reached
        if ok:
            p2 = joiner.end()
            sign2 = text[p2 : p2 + 1] in "-−"
            if sign2:
                p2 += 1
            sym2 = _SECOND_SYMBOL.match(text, p2)
            cur_second = ""
            if sym2:
                code = lex.symbols.get(sym2.group(), lex.symbols.get(sym2.group().strip(), ""))
                cur_second = currency if code == "¥" else code
                p2 = sym2.end()
            second = _read_end(text, p2, ctx, words_ok=is_words)
            if second is not None and cur_second and currency and cur_second != currency:
                second = None
            if second is not None and (first.glue_unit or second.glue_unit) and first.glue_unit != second.glue_unit:
                second = None
            if second is not None and own_suffix and not currency:
                k2, u2, *_ = _suffix(text, second.end, ctx, cur_second, second.glue_unit)
                if (k2, u2) != (kind, unit):
                    second = None  # "5% to 2 million": not one range
            if second is not None:
                n2 = -second.number if sign2 else second.number
                if join in ("-", "–", "—") and not sign2 and second.scale == 1.0 and scale == 1.0 and "." not in (
                    first.digits + second.digits
                ):
                    k2 = _suffix(text, second.end, ctx, currency or cur_second, second.glue_unit)[0]
                    score_context = _SPORT_BEFORE.search(text, max(0, start - 40), start) or _SPORT_AFTER.match(
                        text, second.end
                    )
                    if k2 == "count" and not currency and not cur_second and (score_context or n2 < number):
                        return None  # "won 3-1", "a 218-210 vote": a score or a tally
                scale1 = second.scale if scale == 1.0 and second.scale != 1.0 else scale
                v1 = _times(-number if negative else number, scale1)
                v2 = _times(n2, second.scale)
                if v2 >= v1 or between_before:
                    scale = scale1
                    low_v, high_v = min(v1, v2), max(v1, v2)
                    qualifier = "range"
                    currency = currency or cur_second
                    end_pos = second.end
                    if not own_suffix or currency and kind == "quantity" and unit == currency:
                        kind, unit, cur2, factor, amb2, suffix_end = _suffix(
                            text, end_pos, ctx, currency, second.glue_unit
                        )
                    else:
                        suffix_end = _suffix(text, end_pos, ctx, currency, second.glue_unit)[5]
                else:
                    second = None  # "fell 30 to 20": two figures, not a range

    # "from 2 to 3 million users": the first end borrows the scale and unit of the second
    if second is None and from_before and scale == 1.0 and not own_suffix:
        jm = re.match(r"[ \u00a0]+to[ \u00a0]+", text[end_pos : end_pos + 6])
        if jm:
            p2 = end_pos + jm.end()
            sym2 = _SECOND_SYMBOL.match(text, p2)
            if sym2 and not currency:
                code = lex.symbols.get(sym2.group(), lex.symbols.get(sym2.group().strip(), ""))
                if code != "¥":
                    currency = code
                p2 = sym2.end()
            nxt = _read_end(text, p2, ctx, words_ok=is_words)
            if nxt is not None:
                if nxt.scale != 1.0 and number < 1000:
                    scale = nxt.scale
                k2, u2, c2, f2, a2, e2 = _suffix(text, nxt.end, ctx, currency, nxt.glue_unit)
                if k2 != "count":
                    kind, unit, cur2, factor, amb2 = k2, u2, c2, f2, a2
                else:
                    noun_from = e2

    if cur2:
        currency = cur2
    if amb2:
        ambiguous = amb2
    pos_after = suffix_end
    value = _times(-number if negative else number, scale * factor)
    if qualifier == "range":
        low_v, high_v = _times(low_v, factor), _times(high_v, factor)

    if kind == "":
        return None  # a name that is not a figure after all ("3 won")
    # post hedges: "200+", "50-odd", "100 or more", "a million or so"
    post_hedge: Hedge | None = None
    ph = _POST_HEDGE.match(text, pos_after)
    if ph:
        word = (ph.group(1) or ph.group().strip(" \u00a0-")).lower()
        key = {"more": "at least", "+": "at least", "plus": "at least", "so": "about", "odd": "about",
               "fewer": "no more than", "less": "no more than"}.get(word)
        post_hedge = lex.hedges.get(key or "")
        if post_hedge is not None and not ph.group(1):
            pos_after = ph.end()  # "200+", "50-odd" belong to the figure; " or more" stays outside

    if kind == "quantity" and unit and "/" not in unit:
        per = _PER.match(text, pos_after)
        if per:
            unit, per_end = _per_unit(per, unit, lex)
            if per_end > 0 and not per.group("paren"):
                pos_after = per_end  # "2 yuan (about 25 cents) per million tokens": the span stays "2 yuan"

    noun = ""
    if kind == "count":
        nn = _NOUN_AFTER.match(text, pos_after)
        if nn:
            noun = _head_noun(nn.group(1), number * scale)
        if not noun and noun_from >= 0:
            nf = _NOUN_AFTER.match(text, noun_from)
            noun = _head_noun(nf.group(1), 2.0) if nf else ""
        next_word = nn.group(1).split()[0] if nn else ""
        if _not_a_count(text, first, second, scale, noun, next_word, words, pos_after):
            return None

    # the interval: written precision, then the hedge
    band = 0.0
    if qualifier != "range":
        if first.digits:
            band = _rounding_half_width(first.digits, value, scale * factor, lex.max_rounding)
        elif float(number).is_integer():
            band = _rounding_half_width(str(int(number)), value, factor, lex.max_rounding)
        low_v, high_v = value - band, value + band
    hedge = _hedge_before(text, start, lex, words)
    if hedge is not None and unit in _TIME_UNITS and words[:1] in (["over"], ["within"]):
        hedge = None  # "over five years": a span of time, not a bound
    hedge = hedge or post_hedge
    if hedge is not None:
        if qualifier == "range":
            if hedge.qualifier == "approx":
                _, low_v, high_v = _apply_hedge(hedge, low_v, high_v, None, 0.0)
        else:
            qualifier, low_v, high_v = _apply_hedge(hedge, low_v, high_v, value, band)
            if qualifier in ("at_most", "less_than") and value >= 0:
                low_v = max(low_v, 0.0)

    # direction: "rose 0.3%", "a 17% drop", "up 5%", "+2.5%", "-3.5%"
    direction = _direction_before(words)
    if direction is None:
        da = _DIRECTION_AFTER.match(text, pos_after)
        if da and kind in ("percent", "quantity") and unit != "times" and (
            kind == "percent" or not (da.group("above") or da.group("below"))
        ):
            direction = "up" if da.group("up") else "down"
    if direction is None and kind == "percent":
        if negative:
            direction = "down"
        elif explicit_up:
            direction = "up"

    multiplier = None
    if kind == "percent" and unit == "percent" and qualifier != "range" and _OF.match(text, pos_after):
        multiplier = value / 100.0
    end = pos_after
    while end > start and text[end - 1].isspace():
        end -= 1
    if not (math.isfinite(low_v) and math.isfinite(high_v) and math.isfinite(value)):
        return None
    return Figure(
        start=start,
        end=end,
        kind=kind,
        value=None if qualifier == "range" else value,
        low=min(low_v, high_v),
        high=max(low_v, high_v),
        unit=unit,
        noun=noun,
        qualifier=qualifier,
        direction=direction,
        multiplier=multiplier,
        ambiguous=ambiguous,
    )
