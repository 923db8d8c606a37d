"""The table of date forms: each way of writing a date is one entry, a named pattern and the handler
that reads a match of it, with a sentence it reads. The scan joins every pattern, in table order, into
one alternation (a match's last group names its form), compiled once per word list (`date_forms`).

In a pattern, `{month}`, `{weekday}`, `{season}`... stand for alternations of the words of the packaged
word-class file, and `{ago:p}`, `{year_expr:p}` for shapes whose groups take the prefix p. Adding a form is
one row here (and its handler, when it is a new shape). A handler with None passes its text over: a
fiscal period is no calendar date, and no other form may read inside it."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.dates import handlers as h
from factcheck.extract.dates.draft import Prefix, Raw
from factcheck.extract.dates.words import (
    NUMBER_WORD,
    DateWords,
    alternation,
    capitalised,
    date_words,
    holiday_names,
    initial_class,
    word_start,
)

Handler = Callable[[re.Match[str], str, dt.date | None, Prefix, Raw | None], Raw | None]

# Heads that several forms share: in the scan, a run of forms with one head is tried once for the head
# and then for each form's rest (much faster than trying the head for each form).
_HEADS = {
    "digit": r"\d(?<![\w.,$€£¥/–+#]\d)(?<!\d-\d)",  # a number's first digit
    "month": "{month_start}",  # a month's name, in full or cut short
    "the": r"[Tt](?<!\w\w)he\s+",
}

def read_lower_month(m: re.Match[str], text: str, a: dt.date | None, pre: Prefix, prev: Raw | None) -> Raw | None:
    """ "in june of 2015", "on october 3, 2019": a month written in lower case, read as the same words
    capitalised, but only with a day or a year beside it (a bare "june" is no date)."""
    s = m.start()
    up = text[:s] + text[s].upper() + text[s + 1:]
    forms = date_forms()
    mm = forms.scan.match(up, s)
    form = forms.by_name.get(mm.lastgroup or "") if mm else None
    if mm is None or form is None or form.handler is None or form.name not in _LOWER_MONTH_FORMS:
        return None
    return form.handler(mm, up, a, pre, prev)


_LOWER_MONTH_FORMS = ("month_day", "month_day_words", "month_year")


# name, head, handler, a sentence it reads, pattern: in the order the scan tries them at each position (a form
# with head "own" is searched on its own after the scan)
_TABLE: tuple[tuple[str, str, Handler | None, str, str], ...] = (
    ("fiscal_period", "", h.read_fiscal, "Sales rose 4% in India's fiscal 2025.",
     r"""[Ff](?<!\w\w)iscal(?:[\s-]+year)?(?:[\s-]+(?:{ordinal})[\s-]+(?:quarter|half)
         |[\s-]+(?:Q[1-4]|H[12])\b|\s+['’]?\d\d(?:\d\d)?\b)"""),
    ("fiscal_ordinal_period", "", h.read_fiscal, "Sony's profit rose in the first fiscal quarter, the Tokyo group said.",
     r"""{ordinal_start}[\s-]+(?:fiscal[\s-]+(?:quarter|half)\b
         |(?:quarter|half)\s+of\s+(?:the\s+)?(?:fiscal(?:[\s-]+year)?\s+|FY\s?)['’]?\d\d(?:\d\d)?\b
         |(?:quarter|half)\s+of\s+(?:the|this)\s+(?:current\s+)?(?:fiscal|financial)\s+year\b)"""),
    ("fiscal_year_code", "", h.read_fiscal, "Indian carmaker Tata doubled its profit in FY2025.",
     r"F(?<!\w\w)Y\s?['’]?\d\d(?:\d\d)?\b(?:\s+[QH][1-4]\b)?"),
    ("fiscal_quarter_code", "", h.read_fiscal, "Infosys margins narrowed in Q3 FY25, an Indian filing showed.",
     r"(?:[QH](?<!\w\w)[1-4]|[1-4](?<!\w\w)[QH])\s*(?:of\s+)?(?:FY|[Ff]iscal)[\s'’-]*(?:year\s+)?(?:\d\d){1,2}\b"),
    ("iso_date", "digit", h.read_iso_date, "The filing is dated 2025-03-14.",
     r"\d{3}-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d\-])"),
    ("numeric_date", "digit", h.read_numeric_date, "The contract was signed on 14/03/2025.",
     r"\d?(?P<nsep>[/.])(?P<n2>\d\d?)(?P=nsep)(?P<n_y>{year})(?![\d/]|\.\d)"),
    ("compact_date", "digit", h.read_compact_date, "The order was archived as 20210315.",
     r"\d{3}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w/-]|[.,]\d)"),
    ("month_slash_year", "digit", h.read_month_slash_year, "The patent was filed 03/2020.",
     r"\d?/(?P<msy_y>{year})(?![\w/]|[.,]\d)"),
    ("slash_day_range", "digit", h.read_slash_day_range, "The sign-up window is 10/1-10/15.",
     r"\d?/(?P<sdr_1>\d\d?)\s*[-–]\s*(?P<sdr_2>\d\d?)/(?P<sdr_3>\d\d?)(?![\d/]|[.,]\d)"),
    ("dashed_date", "digit", h.read_dashed_date, "The rule is effective 12-Jan-2021.",
     r"\d?-(?P<dd_mon>{month})-(?P<dd_y>{year})(?!\d)"),
    ("digits_ago", "digit", h.read_digits_ago, "The plant opened 12 years ago.", r"\d{0,3}{ago:agod}"),
    ("day_month", "digit", h.read_day_month, "The vote was held on 3 March 2025.",
     r"""\d?(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<dm_d2>{day}))?\s+(?:of\s+)?(?P<dm_mon>{month})
         (?:,?\s+(?P<dm_y>{old_year})(?!\d|,\d))?"""),
    ("digit_quarter", "digit", h.read_digit_quarter, "Revenue rose 5% in 3Q 2025.",
     r"Q\s?(?:(?P<q2_y>{year})|['’]?(?P<q2_yy>\d\d))\b"),
    ("digit_half", "digit", h.read_digit_half, "Profit fell in 1H 2025.",
     r"H\s?(?:(?P<h2_y>{year})|['’]?(?P<h2_yy>\d\d))\b"),
    ("year_period", "digit", h.read_year_period, "Sales fell in 2022 Q4.",
     r"\d{3}(?:\s|-)?(?P<yq_c>[QH])(?P<yq_n>[1-4])\b"),
    ("year_ordinal_period", "digit", h.read_year_ordinal_period, "Sales fell in 2024's third quarter.",
     r"\d{3}(?:['’]s)?[\s-]+(?P<yop_o>{ordinal})[\s-]+(?P<yop_u>quarter|half)\b"),
    ("decade", "digit", h.read_decade, "Prices soared in the 1990s.", r"\d\d0['’]?s\b"),
    ("year", "digit", h.read_year, "The law passed in 2019.",
     r"\d{3}(?:\s*[-–/]\s*(?P<yr2>[12]\d{3}|\d\d))?(?![\w%]|[.,:]\d|[-–/]\d)"),
    ("month_range", "month", h.read_month_range, "Sales rose in the April-June quarter.",
     r"(?:\s*[-–/]\s*|\s+(?:to|through|until|till)\s+|-(?:to|through)-)(?P<mm_2>{month})(?:,?\s+(?P<mm_y>{year})(?!\d|,\d))?"
     r"(?P<mm_q>\s+quarter\b)?"),
    ("month_day", "month", h.read_month_day, "The summit opens on March 3, 2026.",
     r"""\s+(?P<md_d>{day})(?![\d:]|[.,]\d)(?:\s*(?:[-–]|to|through)\s*(?P<md_d2>{day})(?![\d:]|[.,]\d))?
         (?:,?\s+(?:of\s+)?(?:(?P<md_y>{old_year})(?!\d|,\d)|(?P<md_rel>last|this|next)\s+year\b))?"""),
    ("month_day_words", "month", h.read_month_day_words, "Voting is on March twenty first.",
     r"\s+(?:the\s+)?(?P<mdw_d>{day_ordinal})\b(?!-)(?:,?\s+(?:of\s+)?(?P<mdw_y>{old_year})(?!\d|,\d))?"),
    ("month_quarter", "month", h.read_month_quarter, "Sales rose in the March quarter.",
     r"(?:,?\s+(?P<mq_y>{year}))?[\s-]+(?P<mq_u>quarter|half)\b(?![-\w])"),
    ("month_year", "month", h.read_month_year, "Inflation peaked in October 2022.",
     r"(?:\s+of)?,?\s+(?:(?P<my_y>{year})(?!\w|[.,]\d)|(?P<my_rel>last|this|next)\s+year\b"
     r"|(?<=of\s)['’]?(?P<my_yy>\d\d)(?![\w%]|[.,]\d))"),
    ("month", "month", h.read_month, "Prices fell in March.", r""),
    ("weekday_of_week", "", h.read_weekday_of_week, "Voting is on Tuesday of next week.",
     r"{weekday_start}\b\s+of\s+(?P<wow_dir>[Nn]ext|[Ll]ast|[Tt]his)\s+week\b"),
    ("holiday", "", h.read_holiday, "Stores closed on Christmas Day 2019.",
     r"(?<![\w'’])(?:{holiday})\b(?:,?\s+(?:of\s+)?(?P<hol_y>{year})(?!\d))?"),
    ("weekday", "", h.read_weekday, "The board met on Tuesday.", r"{weekday_start}\b"),
    ("direction", "", h.read_direction, "Sales fell last month.",
     r"""{direction_start}(?P<dir_e>)\s+(?:(?P<d_wd>{weekday})\b|(?P<d_mn>{full_month})\b|(?P<d_sea>{season})\b
         |(?P<d_u>weekend|week|month|quarter|year|decade)\b)"""),
    ("quarter_code", "", h.read_quarter_code, "Revenue rose in Q3 2024.",
     r"Q(?<!\w\w)(?P<q_n>[1-4])(?:(?:\s+of)?\s+(?P<q_y>{year})|\s?['’](?P<q_yy>\d\d)|[-/](?P<q_y3>{year}))?\b"),
    ("half_code", "", h.read_half_code, "Sales rose in H1 2025.",
     r"H(?<!\w\w)(?P<h_n>[12])(?:(?:\s+of)?\s+(?P<h_y>{year})|\s?['’](?P<h_yy>\d\d)|[-/](?P<h_y3>{year}))?\b"),
    ("first_quarters", "the", h.read_first_quarters, "Output grew in the first three quarters of 2024.",
     r"first\s+(?P<qs_n>two|three|2|3)\s+quarters\s+of\s+{year_expr:qs}"),
    ("months_of_year", "the", h.read_months_of_year, "Exports fell in the first six months of 2024.",
     r"(?P<ms_dir>first|last|final)\s+(?P<ms_n>{number_word}|\d\d?)\s+months\s+of\s+{year_expr:ms}"),
    ("last_quarter_of", "the", h.read_last_quarter_of, "Exports rose in the last quarter of 2024.",
     r"(?:last|final)\s+quarter\s+of\s+{year_expr:oql}"),
    ("week_of_month", "the", h.read_week_of_month, "Voting runs in the first week of March.",
     r"(?P<wm_o>{ordinal}|last|final)\s+week\s+of\s+(?P<wm_m>{full_month})\b(?:,?\s+(?P<wm_y>{year})(?!\d))?"),
    ("previous_day", "the", h.read_previous_day, "Shares rose 2% on March 3, 2025 and fell the following day.",
     r"(?P<pd_dir>previous|preceding|following|next)\s+day\b(?!\s+of\b)"),
    ("the_past_units", "the", h.read_the_past_units, "Prices rose over the past two weeks.",
     r"""(?P<rl_dir>past|last|next|coming|latest|most\s+recent)\s+(?:(?P<rl_n>{number_word}|\d{1,3}|few|several|couple\s+of)\s+)?
         (?P<rl_u>hour|day|week|month|quarter|year|decade)(?P<rl_pl>s)?\b"""),
    ("the_ordinal_period", "the", h.read_the_ordinal_period, "Profit rose in the third quarter of 2025.",
     r"""(?P<oqt_o>{ordinal}|{period_end})[\s-]+(?P<oqt_u>quarter|half)\b
         (?:\s+of\s+{year_expr:oqt}|(?:,\s*|\s+)(?P<oqt_y2>{year})(?!\d))?"""),
    ("week_beginning", "the", h.read_week_beginning, "Talks resume in the week beginning June 2.",
     r"""week\s+(?:beginning|starting|commencing|of)\s+
         (?:(?P<wb_m>{full_month})\s+(?P<wb_d>{day})|(?P<wb_d2>{day})\s+(?P<wb_m2>{full_month}))\b(?!,?\s+\d)"""),
    ("day_of_month", "the", h.read_day_of_month, "Fees fall due on the 15th of next month.",
     r"(?P<dn_d>{day})\s+of\s+(?P<dn_dir>next|last|this)\s+month\b"),
    ("bare_day", "the", h.read_bare_day, "The vote is on the 14th.",
     r"(?P<bd_d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?=\s*[,.;:!?)]|\s*\Z|\s+(?:and|when|as|after|before|with|but|in|or)\b)"),
    ("day_before_after", "the", h.read_day_before_after, "The talks began the day before yesterday.",
     r"day\s+(?:before\s+(?P<dba_before>{yesterday})|after\s+(?P<dba_after>{tomorrow}))\b"),
    ("ordinal_period", "", h.read_ordinal_period, "Its third-quarter 2025 profit rose 4%.",
     r"""{ordinal_start}(?P<oq_e>)[\s-]+(?P<oq_u>quarter|half)\b
         (?:\s+of\s+{year_expr:oq}|(?:,\s*|\s+)(?P<oq_y2>{year})(?!\d))?"""),
    ("relative_day", "", h.read_relative_day, "Shares fell 3% yesterday.", r"{relative_day_start}\b"),
    ("this_time_last_year", "", h.read_this_time_last_year, "Prices were lower this time last year.",
     r"[Tt](?<!\w\w)his\s+time\s+last\s+year\b"),
    ("weekend", "", h.read_weekend, "Protests grew over the weekend.",
     r"[OoAaDd](?<!\w\w)(?:ver|t|uring)\s+the\s+weekend\b"),
    ("season", "", h.read_season, "The plant opens in spring 2026.",
     r"{season_start}\b(?:(?:\s+of)?,?\s+(?P<sea_y>{year})(?!\d)(?:[-–/](?:\d\d){1,2}\b)?)?"),
    ("lower_month", "own", read_lower_month, "The couple met in june of 2015.", r"\b(?:{lower_month})\b"),
    ("window", "own", h.read_window, "The plant opens in two weeks.",
     r"""\b(?P<win_w>[Ii]n|[Ww]ithin)\s+(?:the\s+next\s+)?(?P<win_n>\d{1,3}|{number_word}|an?|a\s+few|several)
         \s+(?P<win_u>day|week|month|year)s?(?:['’]\s+time)?\b(?![-'’]|\s+(?:ago|later|earlier|after|before|of|to|from)\b)"""),
    ("words_ago", "", h.read_words_ago, "The plant opened two years ago.",
     r"[AaCcEeFfNnOoSsTt](?<!\w\w)[a-z]*(?:-[a-z]+)?(?:\s+(?:few|couple(?:\s+of)?|dozen))?{ago:agow}"),
    ("short_decade", "", h.read_short_decade, "Prices soared in the '90s.", r"['’](?<!\w['’])\d0s\b"),
    ("short_year", "", h.read_short_year, "Prices have doubled since '08.",
     r"['’](?<!\w['’])\d\d\b(?!['’]|[.,]\d|%|\s*(?:[-–]|to)\s*\d)"),
)


@dataclass(frozen=True)
class Form:
    """One way of writing a date: its name, its pattern (compiled), the handler that reads a match of
    it into a mention (None: the text is passed over), and a sentence it reads."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler | None
    example: str

    @property
    def passes_over(self) -> bool:
        """A fiscal period its handler cannot place (no country named) is still no calendar date: no
        other form reads inside it."""
        return self.name.startswith("fiscal_")


@dataclass(frozen=True)
class DateForms:
    """The forms in scan order, and `scan`: their patterns in one alternation, in that order; `own`: the
    forms (head "own") searched each on its own after the scan, where a branch of the alternation would be
    tried at every common word ("in two weeks"), and read only where the scan read nothing."""

    forms: tuple[Form, ...]
    by_name: dict[str, Form]
    scan: re.Pattern[str]
    own: tuple[Form, ...] = ()


def _lower_heads(w: DateWords) -> list[str]:
    """The months a scan may meet in lower case ("june of 2015"), each whole: not those that are also words
    ("may", "march", "august")."""
    return [m for m in w.months if m not in w.month_homographs]


def _parts(w: DateWords) -> dict[str, Callable[[str], str]]:
    """What each `{name}` or `{name:prefix}` of a pattern stands for."""
    months, abbrs = capitalised(w.months), capitalised(w.month_abbreviations)
    season_words = list(w.seasons)
    ordinals = list(w.ordinals)
    fixed = {
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "year": r"(?:19\d\d|20\d\d|2100)",
        "old_year": r"(?:1[5-9]\d\d|20\d\d|2100)",  # "July 4, 1776": a day and month make an old year safe
        "number_word": NUMBER_WORD,
        "full_month": alternation(months),
        "month": rf"(?:(?:{alternation(months)})\b|(?:{alternation(abbrs)})\b\.?)",
        "month_start": r"(?:" + initial_class([*months, *abbrs], either_case=False) + r"(?<!\w\w)"
                       + rf"(?:(?:{alternation(m[1:] for m in months)})\b|(?:{alternation(a[1:] for a in abbrs)})\b\.?))",
        "weekday": alternation(capitalised(w.weekdays)),
        "weekday_start": word_start(w.weekdays),
        "season": "|".join(f"[{s[0].upper()}{s[0]}]{re.escape(s[1:])}" for s in season_words),
        "season_start": word_start(season_words, either_case=True),
        "direction_start": word_start(w.directions, either_case=True),
        "relative_day_start": word_start(w.relative_days, either_case=True),
        "ordinal": alternation(ordinals),
        "lower_month": alternation(_lower_heads(w)),
        "day_ordinal": alternation(w.day_ordinals).replace(r"\s+", r"[\s-]+"),
        "ordinal_start": word_start([*ordinals, *w.period_ends], either_case=True),
        "period_end": alternation(w.period_ends),
        "yesterday": alternation(d for d, n in w.relative_days.items() if n == -1 and d in w.day_words),
        "holiday": alternation(holiday_names(w.holidays)),
        "tomorrow": alternation(d for d, n in w.relative_days.items() if n == 1 and d in w.day_words),
    }
    parts: dict[str, Callable[[str], str]] = {k: (lambda _p, v=v: v) for k, v in fixed.items()}
    parts["ago"] = lambda p: (rf"(?P<{p}_c>)(?P<{p}_h1>\s+and\s+a\s+half)?\s+(?P<{p}_u>day|week|month|year|decade)s?"
                              rf"(?P<{p}_h>\s+and\s+a\s+half)?\s+(?P<{p}_w>ago|later|earlier)\b(?!\s+than\b)")
    parts["year_expr"] = lambda p: (rf"(?:(?P<{p}_y>{fixed['year']})(?!\d)|(?P<{p}_rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b"
                                    rf"|(?P<{p}_the>the\s+(?:current\s+)?year)\b)")
    return parts


def _alternatives(pattern: str) -> bool:
    """Whether a pattern has a "|" outside any group (then a group after it would bind to the last one)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if pattern.startswith("]", i + 1) else 2 if pattern.startswith("^]", i + 1) else 0
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


_PART = re.compile(r"\{([a-z_]+)(?::([a-z0-9_]+))?\}")


@functools.cache
def date_forms() -> DateForms:
    """The table compiled against the date words (once): each form's pattern (its head and the rest), and
    the scan's alternation, where a run of forms with one head shares it."""
    parts = _parts(date_words())

    def fill(written: str) -> str:
        return _PART.sub(lambda m: parts[m[1]](m[2] or ""), written)

    forms, runs, own = [], [], []
    for head, rows in itertools.groupby(_TABLE, key=lambda row: row[1]):
        if head == "own":
            own += [Form(name, re.compile(fill(written), re.VERBOSE), handler, example)
                    for name, _, handler, example, written in rows]
            continue
        rests = []
        for name, _, handler, example, written in rows:
            rest = fill(written)
            forms.append(Form(name, re.compile(fill(_HEADS.get(head, "")) + rest, re.VERBOSE), handler, example))
            if _alternatives(rest):
                raise ValueError(f"date form {name}: put its alternatives in a group: (?:...|...)")
            rests.append(f"{rest}(?P<{name}>)")
        runs.append(f"{fill(_HEADS[head])}(?:{'|'.join(rests)})" if head else "|".join(rests))
    scan = "\n|".join(runs)
    return DateForms(tuple(forms), {f.name: f for f in [*forms, *own]}, re.compile(scan, re.VERBOSE), tuple(own))
