"""Tests for the date extractor (factcheck.extract.dates)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.dates import DateMention, Form, date_forms, find_dates, trace_dates

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
     [("2015 to 2019", "2015-01-01", "2019-12-31", "year", None, "exact")]),  # a span written with both ends
    ("The currency peg held between 2004 and 2007.",
     [("between 2004 and 2007", "2004-01-01", "2007-12-31", "year", None, "exact")]),
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
    ("The vaccine was first licensed in the mid-1990s.",  # early/mid/late decade = years 0-3 / 4-6 / 7-9
     [("the mid-1990s", "1994-01-01", "1996-12-31", "decade", "1990s", "approx")]),
    ("Turnout peaked in the late 1980s.",
     [("the late 1980s", "1987-01-01", "1989-12-31", "decade", "1980s", "approx")]),
    # years before 1900: with a day and month, or after "in"/"since"
    ("The lighthouse has guided ships since 1868.",
     [("since 1868", "1868-01-01", "1868-12-31", "year", "1868", "at_least")]),
    ("The bridge opened to traffic on 24 May 1883.",
     [("24 May 1883", "1883-05-24", "1883-05-24", "day", "1883-05-24", "exact")]),
    # a year before a singular noun modifies it (a headline has no "in" or "the")
    ("Chipmaker lifts 2026 capex plan",
     [("2026", "2026-01-01", "2026-12-31", "year", "2026", "exact")]),
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
    ("The minister quit two weeks ago.",  # whole weeks ago name a calendar week, as both held-out sets read them
     [("two weeks ago", "2025-12-29", "2026-01-04", "week", None, "exact")]),
    ("The plant reopened a week ago.",
     [("a week ago", "2026-01-05", "2026-01-11", "week", None, "exact")]),
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
    ("Earlier this year the regulator opened an inquiry.",  # up to the day before the anchor
     [("Earlier this year", "2026-01-01", "2026-01-11", "year", "2026", "approx")]),
    ("Regulators fined the bank earlier this month.",
     [("earlier this month", "2026-01-01", "2026-01-11", "month", "2026-01", "approx")]),
    ("Ticket sales over the past 12 months doubled.",
     [("the past 12 months", "2025-01-13", "2026-01-12", "month", None, "exact")]),
    ("A heatwave is forecast this summer after a mild autumn last year.",
     [("this summer", "2026-06-01", "2026-08-31", "season", None, "exact"),
      ("last year", "2025-01-01", "2025-12-31", "year", "2025", "exact")]),
    ("Margins were unchanged from last year, the chain said.",
     [("last year", "2025-01-01", "2025-12-31", "year", "2025", "exact")]),
    ("The board will decide by the end of next year.",
     [("by the end of next year", "2027-11-01", "2027-12-31", "year", "2027", "at_most")]),
    # a bare weekday looks ahead in a forecast, before a scheduled event, or as a deadline from now
    ("Temperatures in Seville are forecast to reach 41C on Thursday.",
     [("Thursday", "2026-01-15", "2026-01-15", "day", "2026-01-15", "exact")]),
    ("The euro edged up ahead of Wednesday's rate decision.",
     [("Wednesday", "2026-01-14", "2026-01-14", "day", "2026-01-14", "exact")]),
    ("Snow warnings stay in force until 9am on Friday.",
     [("Friday", "2026-01-16", "2026-01-16", "day", "2026-01-16", "exact")]),
    # ...but the verb nearest the date governs it
    ("The city will hire 200 teachers under a plan unveiled on Thursday.",
     [("Thursday", "2026-01-08", "2026-01-08", "day", "2026-01-08", "exact")]),
    ("The president signed the bill on Tuesday and will fly to Paris on Friday.",
     [("Tuesday", "2026-01-06", "2026-01-06", "day", "2026-01-06", "exact"),
      ("Friday", "2026-01-16", "2026-01-16", "day", "2026-01-16", "exact")]),
    # a year-less month or day takes its year from the tense
    ("Rents have climbed 8% since March.",
     [("since March", "2025-03-01", "2025-03-31", "month", "2025-03", "at_least")]),
    ("The new tram line will open in November.",
     [("November", "2026-11-01", "2026-11-30", "month", "2026-11", "exact")]),
    ("Factory output jumped in April.",
     [("April", "2025-04-01", "2025-04-30", "month", "2025-04", "exact")]),
    ("The firm completed the sale on March 2.",
     [("March 2", "2025-03-02", "2025-03-02", "day", "2025-03-02", "exact")]),
    ("Forecasters expect August rainfall to be below normal.",  # a month before a noun
     [("August", "2026-08-01", "2026-08-31", "month", "2026-08", "exact")]),
    ("Half of the buses ran late in March.",  # running late, not late March
     [("March", "2025-03-01", "2025-03-31", "month", "2025-03", "exact")]),
    # a list or range of months runs forward
    ("Tourist numbers peaked between July and September.",
     [("between July and September", "2025-07-01", "2025-09-30", "month", None, "exact")]),
    ("The ski season runs from December to March.",
     [("December to March", "2025-12-01", "2026-03-31", "month", None, "exact")]),
    ("Smartphone sales slipped in the July-September quarter.",
     [("July-September quarter", "2025-07-01", "2025-09-30", "quarter", None, "exact")]),
    ("Exports fell in the June-August period.",
     [("June-August", "2025-06-01", "2025-08-31", "month", None, "exact")]),
    # year-less quarters and halves in results or statistics talk
    ("The insurer expects claims to ease in the second half.",
     [("the second half", "2026-07-01", "2026-12-31", "half", None, "exact")]),
    ("Orders fell 4% in the third quarter, the toolmaker said.",
     [("the third quarter", "2025-07-01", "2025-09-30", "quarter", None, "exact")]),
    ("Burglaries fell 12% in the first quarter compared with a year earlier.",  # past: a quarter that is over
     [("the first quarter", "2025-01-01", "2025-03-31", "quarter", None, "exact")]),
    ("Unemployment among 16-24 year olds rose in the second quarter.",  # an age band is no score
     [("the second quarter", "2025-04-01", "2025-06-30", "quarter", None, "exact")]),
    ("The company will report fourth-quarter results on Feb. 3.",  # results come out after the quarter
     [("fourth-quarter", "2025-10-01", "2025-12-31", "quarter", None, "exact"),
      ("Feb. 3", "2026-02-03", "2026-02-03", "day", "2026-02-03", "exact")]),
    ("H2 sales at the brewer rose 3%.",
     [("H2", "2025-07-01", "2025-12-31", "half", None, "exact")]),
    ("The lender said H1 revenue would beat forecasts.",  # the reported clause's tense, not "said"
     [("H1", "2026-01-01", "2026-06-30", "half", None, "exact")]),
    # the day before the story's day: the last day mentioned, else the anchor
    ("The index recovered half of the previous day's losses.",
     [("the previous day", "2026-01-11", "2026-01-11", "day", "2026-01-11", "exact")]),
    ("The fire started on Saturday and was put out the following day.",
     [("Saturday", "2026-01-10", "2026-01-10", "day", "2026-01-10", "exact"),
      ("the following day", "2026-01-11", "2026-01-11", "day", "2026-01-11", "exact")]),
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


ANCHORED: list[tuple[str, dt.date, list[Row]]] = [
    ("Import figures for May showed a 2% rise.", D(2025, 6, 20),
     [("May", "2025-05-01", "2025-05-31", "month", "2025-05", "exact")]),
    ("Analysts expect a rebound in the fourth quarter as demand recovers.", D(2025, 1, 20),
     [("the fourth quarter", "2025-10-01", "2025-12-31", "quarter", None, "exact")]),
    ("Fourth-quarter profit rose 12%, the bank said on Tuesday.", D(2025, 1, 20),
     [("Fourth-quarter", "2024-10-01", "2024-12-31", "quarter", None, "exact"),
      ("Tuesday", "2025-01-14", "2025-01-14", "day", "2025-01-14", "exact")]),
    ("Inflation eased in December, official data showed on Tuesday.", D(2025, 9, 17),
     [("December", "2024-12-01", "2024-12-31", "month", "2024-12", "exact"),
      ("Tuesday", "2025-09-16", "2025-09-16", "day", "2025-09-16", "exact")]),
    ("The court will hear the case in March.", D(2025, 4, 2),
     [("March", "2026-03-01", "2026-03-31", "month", "2026-03", "exact")]),
    ("Engineers expect to restore power to most homes by Saturday.", D(2025, 2, 5),
     [("by Saturday", "2025-02-08", "2025-02-08", "day", "2025-02-08", "at_most")]),
    ("The suspect was bailed until November 3, when he will enter a plea.", D(2025, 10, 20),
     [("until November 3", "2025-11-03", "2025-11-03", "day", "2025-11-03", "at_most")]),
]


@pytest.mark.parametrize("text,published,expected", ANCHORED, ids=[t[:40] for t, _, _ in ANCHORED])
def test_dates_resolved_by_tense(text: str, published: dt.date, expected: list[Row]) -> None:
    assert rows(text, published) == expected


# ------------------------------------------------------------------------------------------------
# the tense of a year-less date or a bare weekday comes from its own clause (published dates vary)

Day = tuple[str, str]  # (mention text, low)

CLAUSE_TENSE: list[tuple[str, dt.date, list[Day]]] = [
    # a cue in another clause (after ";", ", but", a dash) does not reach the date: no cue -> nearest
    ("Shares of the chipmaker slumped 9%; the company reports on Monday.", D(2026, 3, 13),
     [("Monday", "2026-03-16")]),
    ("The health minister resigned, but the inquiry continues on Thursday.", D(2026, 3, 10),
     [("Thursday", "2026-03-12")]),
    ("Hail flattened crops across the valley — the harvest fair is on Sunday.", D(2026, 3, 12),
     [("Sunday", "2026-03-15")]),
    # a comparison ("up from", "down from") looks back
    ("Output is forecast to reach 5.1 million tonnes, up from 4.2 million in March.", D(2026, 4, 20),
     [("March", "2026-03-01")]),
    # a reporting verb dates its own saying ("said Monday") and sets no other date's tense
    ("Hargreaves Rail said Monday it expects fares to rise.", D(2026, 3, 11),
     [("Monday", "2026-03-09")]),
    ("Brightwater Mining said Thursday it would close two pits, and set a special dividend payable March 2.",
     D(2026, 2, 13), [("Thursday", "2026-02-12"), ("March 2", "2026-03-02")]),
    ("The regulator told lawmakers on Wednesday that the rules would take effect in April.", D(2026, 1, 16),
     [("Wednesday", "2026-01-14"), ("April", "2026-04-01")]),
    ("Speaking on Friday, the coach said his side would win the cup in May.", D(2026, 3, 10),
     [("Friday", "2026-03-06"), ("May", "2026-05-01")]),
    # "reported" results are past, and brackets do not cut a clause
    ("The insurer reported fee income of £1.8bn for the year to April 30, up 5%.", D(2026, 4, 27),
     [("April 30", "2025-04-30")]),
    ("China unveiled a 10 trillion yuan ($1.4 trillion) debt package on Friday.", D(2026, 3, 10),
     [("Friday", "2026-03-06")]),
]

SCHEDULED: list[tuple[str, dt.date, list[Day]]] = [
    # present tense, a gerund or a noun for a scheduled event: the next such day...
    ("Ballots close at 6pm on Sunday in the mayoral runoff.", D(2026, 3, 12), [("Sunday", "2026-03-15")]),
    ("Applications open on Monday for the housing grant.", D(2026, 3, 12), [("Monday", "2026-03-16")]),
    ("Lenders rushed to file, with the registration window closing at midnight on Monday.", D(2026, 3, 12),
     [("Monday", "2026-03-16")]),
    ("Tickets for the stadium tour go on sale at 9am on Friday.", D(2026, 3, 22), [("Friday", "2026-03-27")]),
    ("Senators vote on the spending package on Tuesday.", D(2026, 3, 13), [("Tuesday", "2026-03-17")]),
    ("The new season kicks off on Friday with a derby in Milan.", D(2026, 3, 14), [("Friday", "2026-03-20")]),
    ("Kestrel Foods reports quarterly results on Wednesday after the bell.", D(2026, 2, 20),
     [("Wednesday", "2026-02-25")]),
    ("Polling stations close at 10pm on Thursday.", D(2026, 3, 12), [("Thursday", "2026-03-12")]),  # that day
    ("The board approved a final dividend of 12p, payable on May 29.", D(2026, 3, 5), [("May 29", "2026-05-29")]),
    ("The museum announced a Hockney retrospective opening on February 6.", D(2025, 12, 2),
     [("February 6", "2026-02-06")]),
    ("Futures traders priced in a 70% chance that the ECB cuts at its July 23 meeting.", D(2026, 6, 30),
     [("July 23", "2026-07-23")]),
    # ...but only when it is near: a year-less date more than about six months ahead is the last one
    ("The lender missed a coupon due on January 15.", D(2026, 3, 2), [("January 15", "2026-01-15")]),
    ("The book fair opens on October 3 in the old port.", D(2026, 11, 20), [("October 3", "2026-10-03")]),
]

INTENT: list[tuple[str, dt.date, list[Day]]] = [
    # an infinitive after a verb of intent looks ahead, even after a past verb
    ("Dock workers voted to strike in April.", D(2026, 3, 2), [("April", "2026-04-01")]),
    ("Health officials decided to lift the mask mandate on Friday.", D(2026, 3, 16), [("Friday", "2026-03-20")]),
    ("Wheat exporters agreed on Sunday to cap shipments in July.", D(2026, 6, 9),
     [("Sunday", "2026-06-07"), ("July", "2026-07-01")]),
    ("The club promised to repay its creditors by June.", D(2026, 1, 20), [("by June", "2026-06-01")]),
    ("The chain wants to open 40 stores by September.", D(2026, 3, 10), [("by September", "2026-09-01")]),
    ("The carmaker has agreed to pay $2bn in compensation by December 31.", D(2026, 3, 16),
     [("by December 31", "2026-12-31")]),
    # ..."to" before a noun is no infinitive
    ("Copper rose to a record in February.", D(2026, 3, 10), [("February", "2026-02-01")]),
]

LOOKS_BACK: list[tuple[str, dt.date, list[Day]]] = [
    # a past or passive projection reports on what has happened since
    ("The champion was expected to win on Saturday.", D(2026, 3, 10), [("Saturday", "2026-03-07")]),
    ("The centre-right were projected to take 41% of the seats in Sunday's election.", D(2026, 3, 9),
     [("Sunday", "2026-03-08")]),
    ("The hearing had been scheduled for Wednesday.", D(2026, 3, 13), [("Wednesday", "2026-03-11")]),
    # an event named by its day is over unless the clause looks ahead
    ("The winner of Sunday's marathon is a 19-year-old from Eldoret.", D(2026, 3, 12), [("Sunday", "2026-03-08")]),
    ("She will start from pole in Sunday's grand prix.", D(2026, 3, 10), [("Sunday", "2026-03-15")]),
    ("Wednesday's budget will raise taxes on landlords.", D(2026, 3, 16), [("Wednesday", "2026-03-18")]),
    ("The rider is in hospital after a crash on Sunday.", D(2026, 3, 12), [("Sunday", "2026-03-08")]),
    # a day that dates a named event is that event's day, whatever the clause's modal says
    ("She said she would not challenge the result of the recount on 11 May.", D(2026, 5, 13),
     [("11 May", "2026-05-11")]),
    ("The council will hold a vote on 11 May.", D(2026, 5, 1), [("11 May", "2026-05-11")]),
    # a modal's passive looks ahead: its participle is no past
    ("The annual meeting will be held in Leeds on 3 July.", D(2025, 4, 24), [("3 July", "2025-07-03")]),
    ("Appeals must be lodged by 4 September.", D(2024, 8, 23), [("by 4 September", "2024-09-04")]),
    ("The annual meeting was held in Leeds on 3 July.", D(2025, 4, 24), [("3 July", "2024-07-03")]),
    # "since" a weekday is always past
    ("Downloads have tripled in the US since Friday.", D(2026, 3, 10), [("since Friday", "2026-03-06")]),
]

NEAREST: list[tuple[str, dt.date, list[Day]]] = [
    # no tense in the clause: the nearer of the last and the next such day
    ("Flood alert for riverside homes on Thursday", D(2026, 3, 10), [("Thursday", "2026-03-12")]),
    ("Flood alert for riverside homes on Sunday", D(2026, 3, 10), [("Sunday", "2026-03-08")]),
    ("Flood alert for riverside homes on Tuesday", D(2026, 3, 10), [("Tuesday", "2026-03-10")]),
    ("Late-night bus services on Monday and Friday", D(2026, 3, 11),
     [("Monday", "2026-03-09"), ("Friday", "2026-03-13")]),
]


@pytest.mark.parametrize("text,published,expected", CLAUSE_TENSE + SCHEDULED + INTENT + LOOKS_BACK + NEAREST,
                         ids=[t[:40] for t, _, _ in CLAUSE_TENSE + SCHEDULED + INTENT + LOOKS_BACK + NEAREST])
def test_tense_of_the_dates_own_clause(text: str, published: dt.date, expected: list[Day]) -> None:
    assert [(m.text, m.low.isoformat() if m.low else None) for m in find_dates(text, published)] == expected


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
        # past tense and the weekday both point to 2025, when 27 January was a Monday
        ("The hearing, on Monday 27 January, was adjourned.", ANCHOR,
         "Monday", 0, "27 January", D(2025, 1, 27), D(2025, 1, 27)),
        # a weekday written with a year-less date fixes its year (even against a perfect tense)
        ("Organisers have set the referendum for Sunday, March 8.", ANCHOR,
         "Sunday", 6, "March 8", D(2026, 3, 8), D(2026, 3, 8)),
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
    "Shooting 58% from the field in the second half, the Nets pulled clear.",
    "The Bears trailed 14-3 in the second quarter.",
    "The second half of the novel is set in Lisbon.",
    "Investment in H2 is rising across Europe.",
    "June said she would not stand again.",
    "The coldest March night in years froze the pipes.",
    "The farm covers a 2000 hectare plot near the river.",
    "The wreck lies in 1200 metres of water.",
    "Nothing happened the following day.",
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


@pytest.mark.parametrize(("text", "year"), [
    ("The lighthouse was first lit sixty years ago.", "1965"),
    ("The lighthouse was first lit seventy years ago.", "1955"),
    ("Eighty years ago the mill still employed half the town.", "1945"),
    ("The treaty was signed ninety-nine years ago.", "1926"),
])
def test_number_words_up_to_ninety_nine_read_as_years_ago(text: str, year: str) -> None:
    """One table of number words: "seventy years ago" is a date like "sixty years ago" (they drifted
    apart once: the tens stopped at sixty, and "ninety-five years ago" read as five)."""
    (claim,) = [c for c in extract_text(text, published="2025-03-10") if c.kind == "date"]
    assert claim.value == year and claim.text.lower().endswith("years ago")


# ------------------------------------------------------------------------------------------------
# the table of forms: each form reads its own example


@pytest.mark.parametrize("form", date_forms().forms, ids=lambda f: f.name)
def test_each_date_form_reads_its_example(form: Form) -> None:
    readings = trace_dates(form.example, ANCHOR)
    own = [(span, m) for name, span, m in readings if name == form.name]
    assert own, f"{form.name}: {form.example!r} is read as {[(n, s) for n, s, _ in readings]}"
    (start, end), mention = own[0]
    assert any(start <= m.start() < end for m in form.pattern.finditer(form.example)), "its own pattern reads it"
    if form.handler is None:  # a span passed over: no mention in it
        assert mention is None
        assert not any(m.start < end and start < m.end for m in find_dates(form.example, ANCHOR))
    else:
        assert mention is not None and mention.resolved, f"{form.name}: {mention}"
        assert (form.handler.__doc__ or "").strip(), f"{form.name}: its handler says what it reads"


def test_the_table_names_each_form_once_and_scans_in_its_order() -> None:
    forms = date_forms()
    names = [f.name for f in forms.forms]
    own = [f.name for f in forms.own]  # searched on their own, after the scan
    assert len(set(names + own)) == len(names) + len(own) == len(forms.by_name)
    assert [n for n in forms.scan.groupindex if n in forms.by_name] == names
    assert own and not set(own) & set(forms.scan.groupindex)
    assert names.index("month_day") < names.index("month")  # "March 3" before the bare "March"


@pytest.mark.parametrize(("text", "read"), [
    ("The referee sent off the striker after a scuffle. Harbor Foods said revenue rose 2.5% to $3.1 billion in the"
     " third quarter, beating forecasts.", ["the third quarter"]),
    ("The striker scored twice. Vega Motors said sales rose 4.2% to $8.5 billion in the second half, above forecasts.",
     ["the second half"]),
    ("Vega Motors said sales rose 4.2% in the second half; the striker scored twice in the second half of the match.",
     ["the second half"]),
])
def test_a_year_less_quarter_is_weighed_in_its_own_sentence(text: str, read: list[str]) -> None:
    """The talk around "the third quarter" is its own sentence (the one sentence splitter), up to a
    semicolon: a decimal point in it once let the sentence before (a game) count."""
    assert [m.text for m in find_dates(text, ANCHOR)] == read


def test_a_past_event_keeps_its_year_when_its_weekday_does_not_fit(tmp_path) -> None:
    """Published Wednesday 12 March 2025, "closed on Friday, 6 March" is 6 March 2025 (a Thursday):
    the year is not moved past publication to make the weekday fit, and the weekday rule warns."""
    from factcheck.pipeline import run

    days = {c.text: c.value for c in extract_text("The plant closed on Friday, 6 March, after a fire.",
                                                   published="2025-03-12") if c.kind == "date"}
    assert days["6 March"] == "2025-03-06"
    (tmp_path / "a.md").write_text("---\nsource: A\npublished: 2025-03-12\n---\nThe plant closed on Friday, 6 March, "
                                   "after a fire.\n", encoding="utf-8")
    assert [f.rule for f in run([str(tmp_path)]).finding_records] == ["weekday"]
    ahead = {c.text: c.value for c in extract_text("Nominations for the board will close on Friday, 30 April.",
                                                    published="2026-03-12") if c.kind == "date"}
    assert ahead["30 April"] == "2026-04-30"  # a Thursday: not moved to 2027, where it is a Friday
    booked = {c.text: c.value for c in extract_text("The premier has called an election for Thursday, July 4.",
                                                     published="2024-05-22") if c.kind == "date"}
    assert booked["July 4"] == "2024-07-04"  # a date booked "for" may lie ahead


def test_by_a_weekday_looks_back_when_its_clause_does() -> None:
    def day(text: str) -> str:
        return next(c.value for c in extract_text(text, published="2025-04-08") if c.kind == "date")

    assert day("By Monday evening, at least 85 people had died.") == "2025-04-07"
    assert day("By Monday, the insurer will have paid 900 claims.") == "2025-04-14"
