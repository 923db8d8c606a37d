"""Tests for the date extractor (factcheck.extract.dates)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import DateMention, find_dates

D = dt.date
ANCHOR = D(2026, 1, 12)  # a Monday

Row = tuple[str, str | None, str | None, str, str | None, str]


def rows(text: str, published: dt.date | None = ANCHOR) -> list[Row]:
    """(text, low, high, granularity, value, qualifier) for every mention."""
    return [
        (m.text, m.low.isoformat() if m.low else None, m.high.isoformat() if m.high else None,
         m.granularity, m.value, m.qualifier)
        for m in find_dates(text, published)
    ]


# ------------------------------------------------------------------------------------------------
# explicit dates: the anchor does not matter

EXPLICIT: list[tuple[str, list[Row]]] = [
    # business
    ("Shareholders approved the merger on January 20, 2025, ending a year of wrangling.",
     [("January 20, 2025", "2025-01-20", "2025-01-20", "day", "2025-01-20", "exact")]),
    ("Revenue in Q3 2025 rose 12%, while H1 2025 was flat.",
     [("Q3 2025", "2025-07-01", "2025-09-30", "quarter", None, "exact"),
      ("H1 2025", "2025-01-01", "2025-06-30", "half", None, "exact")]),
    ("Growth at the brewer slowed in the third quarter of 2025.",
     [("the third quarter of 2025", "2025-07-01", "2025-09-30", "quarter", None, "exact")]),
    ("Analysts had pencilled in weaker 3Q25 margins for the insurer.",
     [("3Q25", "2025-07-01", "2025-09-30", "quarter", None, "exact")]),
    ("Operating profit fell in the first three quarters of 2025.",
     [("the first three quarters of 2025", "2025-01-01", "2025-09-30", "quarter", None, "exact")]),
    ("Car exports shrank in the first nine months of 2025.",
     [("the first nine months of 2025", "2025-01-01", "2025-09-30", "month", None, "exact")]),
    ("Its 2024 results were restated after the audit.",
     [("2024", "2024-01-01", "2024-12-31", "year", "2024", "exact")]),
    # markets
    ("The index closed at a record on 20 January 2025.",
     [("20 January 2025", "2025-01-20", "2025-01-20", "day", "2025-01-20", "exact")]),
    ("Trading volumes in May 2024 were the highest since March 2020.",
     [("May 2024", "2024-05-01", "2024-05-31", "month", "2024-05", "exact"),
      ("since March 2020", "2020-03-01", "2020-03-31", "month", "2020-03", "at_least")]),
    ("Bond yields averaged 2% from 2015 to 2019.",
     [("2015", "2015-01-01", "2015-12-31", "year", "2015", "at_least"),
      ("2019", "2019-01-01", "2019-12-31", "year", "2019", "at_most")]),
    ("The currency peg held between 2004 and 2007.",
     [("between 2004", "2004-01-01", "2004-12-31", "year", "2004", "at_least"),
      ("2007", "2007-01-01", "2007-12-31", "year", "2007", "at_most")]),
    # politics
    ("The senator first took office on Jan. 3, 2019.",
     [("Jan. 3, 2019", "2019-01-03", "2019-01-03", "day", "2019-01-03", "exact")]),
    ("The coalition has promised to balance the budget by 2030.",
     [("by 2030", "2030-01-01", "2030-12-31", "year", "2030", "at_most")]),
    ("The summit will be held on June 3-5, 2026, in Geneva.",
     [("June 3-5, 2026", "2026-06-03", "2026-06-05", "day", None, "exact")]),
    ("The court's ruling of 14.02.2025 was published in full.",
     [("14.02.2025", "2025-02-14", "2025-02-14", "day", "2025-02-14", "exact")]),
    ("The treaty was signed in 1994 and widened in 2004 and 2007.",
     [("1994", "1994-01-01", "1994-12-31", "year", "1994", "exact"),
      ("2004", "2004-01-01", "2004-12-31", "year", "2004", "exact"),
      ("2007", "2007-01-01", "2007-12-31", "year", "2007", "exact")]),
    # sport
    ("The club's new stadium opened on Sept. 14, 2024, in front of 60,000 fans.",
     [("Sept. 14, 2024", "2024-09-14", "2024-09-14", "day", "2024-09-14", "exact")]),
    ("The club has not won the league since 2017.",
     [("since 2017", "2017-01-01", "2017-12-31", "year", "2017", "at_least")]),
    ("The striker scored 31 goals in the 2024-25 season.",
     [("2024-25", "2024-01-01", "2025-12-31", "year", None, "exact")]),
    ("The 2022 World Cup was played in Qatar.",
     [("2022", "2022-01-01", "2022-12-31", "year", "2022", "exact")]),
    # science
    ("The probe's launch window opens on 2026-03-05, the agency said.",
     [("2026-03-05", "2026-03-05", "2026-03-05", "day", "2026-03-05", "exact")]),
    ("The telescope was designed in the 1990s and rebuilt in the '10s.",
     [("1990s", "1990-01-01", "1999-12-31", "decade", "1990s", "exact"),
      ("'10s", "2010-01-01", "2019-12-31", "decade", "2010s", "exact")]),
    ("Sea ice hit its lowest extent in spring 2025.",
     [("spring 2025", "2025-03-01", "2025-05-31", "season", None, "exact")]),
    ("A landmark trial (2019) found no benefit from the supplement.",
     [("2019", "2019-01-01", "2019-12-31", "year", "2019", "exact")]),
    ("2025's harvest was the smallest in a decade.",
     [("2025", "2025-01-01", "2025-12-31", "year", "2025", "exact")]),
    # health
    ("Officials logged the first case on 1/20/2025 at a clinic in the north.",
     [("1/20/2025", "2025-01-20", "2025-01-20", "day", "2025-01-20", "exact")]),
    ("Obesity rates have doubled since the early 2000s.",
     [("since the early 2000s", "2000-01-01", "2003-12-31", "decade", "2000s", "at_least")]),
    ("The vaccine was first licensed in the mid-1990s.",
     [("the mid-1990s", "1993-01-01", "1996-12-31", "decade", "1990s", "approx")]),
    ("The new hospital wing is due to open in early 2026.",
     [("early 2026", "2026-01-01", "2026-04-30", "year", "2026", "approx")]),
    ("Waiting lists grew until late 2024, the ministry said.",
     [("until late 2024", "2024-09-01", "2024-12-31", "year", "2024", "at_most")]),
    ("Hospital admissions peaked at the end of December 2025.",
     [("the end of December 2025", "2025-12-25", "2025-12-31", "month", "2025-12", "approx")]),
]


@pytest.mark.parametrize("text,expected", EXPLICIT, ids=[t[:40] for t, _ in EXPLICIT])
def test_explicit_dates(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
    assert rows(text, None) == expected  # nothing here needs the anchor
    assert not any(m.relative for m in find_dates(text, None))


# ------------------------------------------------------------------------------------------------
# relative dates, anchored on Monday 2026-01-12

RELATIVE: list[tuple[str, list[Row]]] = [
    ("Stocks slid yesterday, rallied today and may slip again tomorrow.",
     [("yesterday", "2026-01-11", "2026-01-11", "day", "2026-01-11", "exact"),
      ("today", "2026-01-12", "2026-01-12", "day", "2026-01-12", "exact"),
      ("tomorrow", "2026-01-13", "2026-01-13", "day", "2026-01-13", "exact")]),
    ("The central bank cut its key rate last Friday.",
     [("last Friday", "2026-01-09", "2026-01-09", "day", "2026-01-09", "exact")]),
    ("The goalkeeper was injured on Saturday.",
     [("Saturday", "2026-01-10", "2026-01-10", "day", "2026-01-10", "exact")]),
    ("The committee will vote on Thursday.",
     [("Thursday", "2026-01-15", "2026-01-15", "day", "2026-01-15", "exact")]),
    ("Voters go to the polls next Monday.",
     [("next Monday", "2026-01-19", "2026-01-19", "day", "2026-01-19", "exact")]),
    ("Shares rose this week after falling last week; next week brings the jobs report.",
     [("this week", "2026-01-12", "2026-01-18", "week", None, "exact"),
      ("last week", "2026-01-05", "2026-01-11", "week", None, "exact"),
      ("next week", "2026-01-19", "2026-01-25", "week", None, "exact")]),
    ("Retail sales fell last month and are forecast to recover next month.",
     [("last month", "2025-12-01", "2025-12-31", "month", "2025-12", "exact"),
      ("next month", "2026-02-01", "2026-02-28", "month", "2026-02", "exact")]),
    ("The league expanded last year, will add two teams this year and one more next year.",
     [("last year", "2025-01-01", "2025-12-31", "year", "2025", "exact"),
      ("this year", "2026-01-01", "2026-12-31", "year", "2026", "exact"),
      ("next year", "2027-01-01", "2027-12-31", "year", "2027", "exact")]),
    ("The outbreak was declared a year ago.",
     [("a year ago", "2024-12-28", "2025-01-27", "month", "2025-01", "approx")]),
    ("The strike began nine days ago.",
     [("nine days ago", "2026-01-03", "2026-01-03", "day", "2026-01-03", "exact")]),
    ("The minister quit two weeks ago.",
     [("two weeks ago", "2025-12-26", "2026-01-01", "week", None, "approx")]),
    ("The trial was halted three months ago.",
     [("three months ago", "2025-09-27", "2025-10-27", "month", "2025-10", "approx")]),
    ("The plant closed more than a year ago.",
     [("more than a year ago", "2024-12-28", "2025-01-27", "month", "2025-01", "at_most")]),
    ("Protesters gathered outside parliament over the weekend.",
     [("over the weekend", "2026-01-10", "2026-01-11", "week", None, "exact")]),
    ("Home prices dipped in December and are expected to rise in March.",
     [("December", "2025-12-01", "2025-12-31", "month", "2025-12", "exact"),
      ("March", "2026-03-01", "2026-03-31", "month", "2026-03", "exact")]),
    ("The cup final is on Jan. 20; the draw was made on Sept. 3.",
     [("Jan. 20", "2026-01-20", "2026-01-20", "day", "2026-01-20", "exact"),
      ("Sept. 3", "2025-09-03", "2025-09-03", "day", "2025-09-03", "exact")]),
    ("Fuel prices should ease around mid-February.",
     [("around mid-February", "2026-02-11", "2026-02-20", "month", "2026-02", "approx")]),
    ("Inflation cooled late last year, officials said.",
     [("late last year", "2025-09-01", "2025-12-31", "year", "2025", "approx")]),
    ("The archive went online at the end of last December.",
     [("the end of last December", "2025-12-25", "2025-12-31", "month", "2025-12", "approx")]),
    ("Output rose 3% in the first three quarters of last year.",
     [("the first three quarters of last year", "2025-01-01", "2025-09-30", "quarter", None, "exact")]),
    ("The council met last January and will meet again next March.",
     [("last January", "2025-01-01", "2025-01-31", "month", "2025-01", "exact"),
      ("next March", "2026-03-01", "2026-03-31", "month", "2026-03", "exact")]),
    ("The lender reported fourth-quarter profit up 10% and expects first-quarter sales to slow.",
     [("fourth-quarter", "2025-10-01", "2025-12-31", "quarter", None, "exact"),
      ("first-quarter", "2026-01-01", "2026-03-31", "quarter", None, "exact")]),
    ("Earlier this year the regulator opened an inquiry.",
     [("Earlier this year", "2026-01-01", "2026-01-12", "year", "2026", "approx")]),
    ("Ticket sales over the past 12 months doubled.",
     [("the past 12 months", "2025-01-13", "2026-01-12", "month", None, "exact")]),
    ("A heatwave is forecast this summer after a mild autumn last year.",
     [("this summer", "2026-06-01", "2026-08-31", "season", None, "exact"),
      ("last year", "2025-01-01", "2025-12-31", "year", "2025", "exact")]),
    ("Margins were unchanged from last year, the chain said.",
     [("last year", "2025-01-01", "2025-12-31", "year", "2025", "exact")]),
    ("The board will decide by the end of next year.",
     [("by the end of next year", "2027-11-01", "2027-12-31", "year", "2027", "at_most")]),
]


@pytest.mark.parametrize("text,expected", RELATIVE, ids=[t[:40] for t, _ in RELATIVE])
def test_relative_dates(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
    assert all(m.relative and m.resolved for m in find_dates(text, ANCHOR))


@pytest.mark.parametrize("text", [t for t, _ in RELATIVE])
def test_relative_dates_without_anchor_are_unresolved(text: str) -> None:
    mentions = find_dates(text, None)
    assert [m.text for m in mentions] == [r[0] for r in dict(RELATIVE)[text]]
    for m in mentions:
        assert m.relative and not m.resolved
        assert m.low is None and m.high is None and m.value is None


def test_weekday_word_alone() -> None:
    [m] = find_dates("Lawmakers passed the bill on Monday.", ANCHOR)
    assert (m.text, m.weekday, m.labels, m.low) == ("Monday", 0, None, ANCHOR)
    [m] = find_dates("Lawmakers passed the bill on Wednesday.", ANCHOR)
    assert m.low == D(2026, 1, 7)  # the nearest Wednesday not after the anchor


def test_mixed_explicit_and_unresolved_without_anchor() -> None:
    ms = find_dates("The vote on January 20, 2025 was repeated last Friday.", None)
    assert [(m.text, m.resolved, m.relative) for m in ms] == [
        ("January 20, 2025", True, False), ("last Friday", False, True)]
    assert ms[0].low == D(2025, 1, 20)


# ------------------------------------------------------------------------------------------------
# weekday words that label a date


@pytest.mark.parametrize(
    "text,published,weekday_text,weekday,date_text,date_low,weekday_low",
    [
        ("The final is on Saturday, January 17.", ANCHOR,
         "Saturday", 5, "January 17", D(2026, 1, 17), D(2026, 1, 17)),
        ("Polls open on Tuesday, Nov. 3, 2026, in most states.", None,
         "Tuesday", 1, "Nov. 3, 2026", D(2026, 11, 3), D(2026, 11, 3)),
        ("Chipmakers lost ground on Sunday, January 27, 2025, a spokesman said.", None,
         "Sunday", 6, "January 27, 2025", D(2025, 1, 27), D(2025, 1, 26)),
        ("The insurer floated on Friday, January 8, 2026, after a delay.", None,
         "Friday", 4, "January 8, 2026", D(2026, 1, 8), D(2026, 1, 9)),
        ("The hearing, on Monday 27 January, was adjourned.", ANCHOR,
         "Monday", 0, "27 January", D(2026, 1, 27), D(2026, 1, 26)),
        ("Markets reopen on Jan. 2 (a Friday) after the holiday.", ANCHOR,
         "Friday", 4, "Jan. 2", D(2026, 1, 2), D(2026, 1, 2)),
        ("The match was on Oct. 5, 2025, a Sunday.", None,
         "Sunday", 6, "Oct. 5, 2025", D(2025, 10, 5), D(2025, 10, 5)),
        ("The summit ended last Friday, Jan. 9.", ANCHOR,
         "Friday", 4, "Jan. 9", D(2026, 1, 9), D(2026, 1, 9)),
    ],
)
def test_weekday_labels(text: str, published: dt.date | None, weekday_text: str, weekday: int,
                        date_text: str, date_low: dt.date, weekday_low: dt.date) -> None:
    ms = find_dates(text, published)
    [w] = [m for m in ms if m.labels is not None]
    assert (w.text, w.weekday, w.granularity) == (weekday_text, weekday, "day")
    assert w.labels is not None and w.low is not None
    target = ms[w.labels]
    assert target.text == date_text and target.low == date_low
    assert w.low == w.high == weekday_low
    assert w.low.weekday() == weekday


def test_weekday_label_without_anchor_stays_unresolved() -> None:
    ms = find_dates("Talks resume on Thursday, March 5.", None)
    assert [m.text for m in ms] == ["Thursday", "March 5"]
    assert ms[0].labels == 1 and ms[0].low is None and not ms[0].resolved
    assert ms[1].low is None and not ms[1].resolved


# ------------------------------------------------------------------------------------------------
# things that are not dates

NOT_DATES = [
    "The cluster uses 2,048 GPUs for training.",
    "The lab trained the model on 2048 GPUs.",
    "Tickets for the gala cost $2025 each.",
    "About 2025 people joined the march through the city.",
    "Meta's Llama 3.3-70B, DeepSeek R1 and Nvidia A100 chips were compared.",
    "The carmaker will cut 1,500 jobs and 2,000 contracts.",
    "Doors open at 9:30 a.m. and the help line runs 24/7.",
    "United won 3-1 at home and 2-0 away.",
    "Call 555-2025 for details about the scheme.",
    "Version 2.2025 of the app fixed the login bug.",
    "See section 2019 of the tax code.",
    "The retailer shipped 2024 units to stores.",
    "Shoppers crowded malls on Black Friday and Cyber Monday.",
    "Liverpool scored twice in the second half to win.",
    "The Celtics went on a third-quarter run to take the lead.",
    "Theresa May said the deal was dead. May I add a note?",
    "Fiscal 2025 revenue beat forecasts, as did Q3 FY25 and FY2024 margins.",
    "Temperatures hit the mid-90s in the valley.",
    "The March on Washington drew huge crowds.",
    "Prices fall 2025 points short of the target.",
    "A spring in his step, he crossed the hall.",
    "The fall of the dollar hurt importers.",
    "The context window holds a 2048 token prompt.",
    "The heats are held first and the final is the following Sunday.",
    "The market is shut every Monday and opens on a Saturday once a month.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def test_quantity_next_to_a_real_date() -> None:
    ms = find_dates("In 2024 the mill cut 2,048 jobs and hired 2025 workers by March.", ANCHOR)
    assert [m.text for m in ms] == ["2024", "by March"]


# ------------------------------------------------------------------------------------------------
# properties

DATEISH = [
    "January 20, 2025", "Jan. 20", "20 January", "on Monday", "Monday, Jan. 27", "(a Saturday)", "last Friday",
    "a year ago", "2,048", "2048 GPUs", "in 2017", "since", "by", "the end of", "mid-", "Q3", "H1 2025",
    "the 1990s", "'90s", "2024-25", "2025-01-20", "1/20/2025", "3/4/2025", "yesterday", "next week",
    "the past 12 months", "fiscal", "early", "late last year", "spring", "the first three quarters of",
    "Feb. 29", "February 30", "31.02.2025", "2100", "1899", "9999", "May", "March 3-1", ",", ".", "(", ")",
    "-", "–", "’s", "\n",
]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(DATEISH), st.text(max_size=6)), max_size=25),
    seps=st.sampled_from([" ", "", "-", ", "]),
    published=st.one_of(st.none(), st.dates()),
)
def test_find_dates_properties(parts: list[str], seps: str, published: dt.date | None) -> None:
    text = seps.join(parts)
    ms = find_dates(text, published)
    prev_end = 0
    for m in ms:
        assert isinstance(m, DateMention)
        assert m.text == text[m.start:m.end] and m.start < m.end
        assert m.start >= prev_end
        prev_end = m.end
        assert m.qualifier in ("exact", "approx", "at_most", "at_least")
        assert m.granularity in ("day", "week", "month", "quarter", "half", "season", "year", "decade")
        if m.resolved:
            assert m.low is not None and m.high is not None and m.low <= m.high
        else:
            assert m.relative and m.low is None and m.high is None
        if m.labels is not None:
            assert 0 <= m.labels < len(ms) and ms[m.labels].labels is None and m.weekday is not None
            if m.low is not None:
                assert m.low.weekday() == m.weekday
                target = ms[m.labels].low
                assert target is not None and abs((m.low - target).days) <= 3


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_on_any_text(text: str, published: dt.date | None) -> None:
    for m in find_dates(text, published):
        assert m.text == text[m.start:m.end]
