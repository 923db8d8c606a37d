"""Forms of figures that public news text writes every day (#16): units glued and spaced, currency
markers before and after the number, ranges with one scale, Indian scales. Each sentence is our own."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text


def read(text: str) -> list[tuple[str, object, str]]:
    """(text, value or (low, high), unit) of each figure of `text`."""
    out = []
    for c in extract_text(text, published="2025-03-12"):
        if c.kind == "date":
            continue
        value = c.value if c.value is not None else (c.low, c.high)
        out.append((c.text, value, c.unit))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The hatchback makes 245 hp and 370 Nm, charges at 65W, and its 6.7in panel runs at 144Hz.",
     [("245 hp", 245, "horsepower"), ("370 Nm", 370, "newton_meter"), ("65W", 65, "watt"),
      ("6.7in", 6.7, "inch"), ("144Hz", 144, "hertz")]),
    ("A 30 yard pass and a 90 megawatt plant followed.", [("30 yard", 30, "yard"), ("90 megawatt", 90, "megawatt")]),
    ("Its 5,000mAh cell takes a 45 W charger and the 200MP camera hums at 35 dB.",
     [("5,000mAh", 5000, "milliampere_hour"), ("45 W", 45, "watt"), ("200MP", 200, "megapixel"),
      ("35 dB", 35, "decibel")]),
    ("The ferry makes 22 knots on a 1.5 kV supply; the diesel gives 180 bhp.",
     [("22 knots", 22, "knot"), ("1.5 kV", 1.5, "kilovolt"), ("180 bhp", 180, "horsepower")]),
])
def test_units_glued_and_spaced(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(text) == expected


def test_a_glued_only_unit_is_no_unit_when_spaced() -> None:
    # "in" is an inch only glued to the digits: the 5 of "rose 5 in March" is a count
    assert read("Sales rose 5 in March, and the tablet has an 11in screen.") == [("5", 5, ""), ("11in", 11, "inch")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The villa sold for $NZ4.1 million (about A$3.8 million); shares ended at RM3.15, up 12 sen, and a "
     "ticket cost 45€.",
     [("$NZ4.1 million", 4_100_000, "NZD"), ("A$3.8 million", 3_800_000, "AUD"), ("RM3.15", 3.15, "MYR"),
      ("12 sen", 0.12, "MYR"), ("45€", 45, "EUR")]),
    ("Lunch in Lisbon was 14 € and the Sydney fund raised $US2bn.", [("14 €", 14, "EUR"), ("$US2bn", 2e9, "USD")]),
    ("The lender raised Rs 2,000 crore, its shares slipped 40 paise, and the Jakarta bond paid Rp 9 billion.",
     [("Rs 2,000 crore", 2e10, "INR"), ("40 paise", 0.4, "INR"), ("Rp 9 billion", 9e9, "IDR")]),
    ("The Moscow flat costs 9 million roubles and the Istanbul one ₺4.2 million.",
     [("9 million roubles", 9e6, "RUB"), ("₺4.2 million", 4.2e6, "TRY")]),
])
def test_currency_markers(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_indian_scales() -> None:
    assert read("About 3 lakh fans watched and the club spent 12 crore rupees.") == [
        ("3 lakh", 300_000, ""), ("12 crore rupees", 120_000_000, "INR")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Salaries range from $45,000 to $1.1 million, and the deal could be worth from $6 to $8 billion.",
     [("$45,000 to $1.1 million", (45_000, 1_100_000), "USD"), ("$6 to $8 billion", (6e9, 8e9), "USD")]),
    ("Prices vary from 2 to 3 million yen, and fees ranged from £900 to £1,400.",
     [("2 to 3 million yen", (2e6, 3e6), "JPY"), ("£900 to £1,400", (900, 1400), "GBP")]),
    ("The bid is worth between $6 and $8 billion.", [("$6 and $8 billion", (6e9, 8e9), "USD")]),
])
def test_ranges_take_one_scale(text: str, expected: list[tuple[str, object, str]]) -> None:
    assert read(text) == expected


def test_a_change_from_one_level_to_another_stays_two_figures() -> None:
    # after a verb of change, "from X to Y" are the levels before and after, the scale written once
    assert read("Revenue rose from $6 to $8 billion.") == [("$6", 6e9, "USD"), ("$8 billion", 8e9, "USD")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith batted .420 and Okafor is a .300 hitter.", [(".420", 0.42, ""), (".300", 0.3, "")]),
    ("The firm has 7 hundred staff and 3 hundred million users.", [("7 hundred", 700, ""),
                                                                   ("3 hundred million", 3e8, "")]),
    ("It reported revenue of 1.2B and 4.5M views.", [("1.2B", 1.2e9, ""), ("4.5M", 4.5e6, "")]),
    ("It was an eightfold rise, then a twentyfold jump.", [("eightfold", 8, "times"), ("twentyfold", 20, "times")]),
    ("The app has 3.4m users; the mast is 40m (131ft) tall.", [("3.4m", 3.4e6, ""), ("40m", 40, "meter"),
                                                                ("131ft", 131, "foot")]),
])
def test_number_forms(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def dates(text: str, published: str = "2025-03-12") -> list[tuple[str, str, str, str]]:
    """(text, low, high, qualifier) of each date of `text`."""
    return [(c.text, str(c.low), str(c.high), c.qualifier) for c in extract_text(text, published=published)
            if c.kind == "date" and c.labels is None]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales fell in 2022 Q4 but rose in 2023 H1 and in 2024-Q2.",
     [("2022 Q4", "2022-10-01", "2022-12-31", "exact"), ("2023 H1", "2023-01-01", "2023-06-30", "exact"),
      ("2024-Q2", "2024-04-01", "2024-06-30", "exact")]),
    ("Margins shrank in the past quarter.", [("the past quarter", "2024-10-01", "2024-12-31", "exact")]),
    ("Filed 03/2020, effective 12-Jan-2021, archived 20210315.",
     [("03/2020", "2020-03-01", "2020-03-31", "exact"), ("12-Jan-2021", "2021-01-12", "2021-01-12", "exact"),
      ("20210315", "2021-03-15", "2021-03-15", "exact")]),
    ("She was born on July 4th of 1988 and moved in April of 92.",
     [("July 4th of 1988", "1988-07-04", "1988-07-04", "exact"), ("April of 92", "1992-04-01", "1992-04-30", "exact")]),
])
def test_compact_and_joined_date_forms(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Stores closed on Christmas 2019 and reopened after Easter.",
     [("Christmas 2019", "2019-12-25", "2019-12-25", "exact"), ("after Easter", "2024-03-31", "2024-03-31", "at_least")]),
    ("The walkout began on Good Friday 2024 and a rally is set for Memorial Day 2025.",
     [("Good Friday 2024", "2024-03-29", "2024-03-29", "exact"), ("Memorial Day 2025", "2025-05-26", "2025-05-26", "exact")]),
    ("Turkey prices peaked on Thanksgiving 2023, and sales slumped on New Year’s Day.",
     [("Thanksgiving 2023", "2023-11-23", "2023-11-23", "exact"), ("New Year’s Day", "2025-01-01", "2025-01-01", "exact")]),
])
def test_holidays(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_a_holiday_word_that_dates_nothing() -> None:
    assert dates("Christmas trading was strong, Easter eggs sold out and the Easter Rising was recalled.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Voting is on Tuesday of next week and fees fall due on the 15th of next month.",
     [("Tuesday of next week", "2025-03-18", "2025-03-18", "exact"),
      ("the 15th of next month", "2025-04-15", "2025-04-15", "exact")]),
    ("Prices spiked in the last week of June 2024 and again in the first week of February.",
     [("the last week of June 2024", "2024-06-24", "2024-06-30", "exact"),
      ("the first week of February", "2025-02-01", "2025-02-07", "exact")]),
    ("Talks resume in the week beginning June 2.", [("the week beginning June 2", "2025-06-02", "2025-06-08", "exact")]),
])
def test_weeks_and_days_of_named_periods(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_a_suggestion_is_no_hedge() -> None:
    assert dates("How about Friday?") == [("Friday", "2025-03-14", "2025-03-14", "exact")]
    assert dates("The plant reopens about Friday.") == [("about Friday", "2025-03-14", "2025-03-14", "approx")]


def claims(text: str) -> list[tuple[str, object, str, str, str, str | None]]:
    """(text, value or (low, high), unit, noun, qualifier, direction) of each figure of `text`."""
    return [(c.text, c.value if c.value is not None else (c.low, c.high), c.unit, c.noun, c.qualifier, c.direction)
            for c in extract_text(text, published="2025-03-12") if c.kind != "date"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds of flights and tens of thousands of passengers were hit.",
     [("Hundreds", (200, 1000), "", "flight", "approx", None),
      ("tens of thousands", (20_000, 100_000), "", "passenger", "approx", None)]),
    ("Dozens of schools shut and the repairs will cost millions of pounds.",
     [("Dozens", (24, 120), "", "school", "approx", None), ("millions", (2e6, 1e7), "GBP", "", "approx", None)]),
])
def test_vague_magnitudes(text: str, expected: list[tuple[object, ...]]) -> None:
    assert claims(text) == expected


def test_a_vague_magnitude_joins_no_fact() -> None:
    from dataclasses import replace

    from factcheck.match import matchable

    (vague,) = extract_text("Hundreds of flights were cancelled.")
    (exact,) = extract_text("Some 310 flights were cancelled.")
    assert matchable(replace(exact, entity="Heathrow", attribute="number of flights"))
    assert not matchable(replace(vague, entity="Heathrow", attribute="number of flights"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports slid 4%, imports by 2%.", [("4%", 4, "percent", "", "exact", "down"),
                                          ("2%", 2, "percent", "", "exact", "down")]),
    ("Sales rose 6%, and profit by 9%.", [("6%", 6, "percent", "", "exact", "up"),
                                           ("9%", 9, "percent", "", "exact", "up")]),
    ("The defence gave up 300 yards and the shares gave up 4%.",
     [("300 yards", 300, "yard", "", "exact", "down"), ("4%", 4, "percent", "", "exact", "down")]),
])
def test_direction_carried_over_a_gap_and_given_up(text: str, expected: list[tuple[object, ...]]) -> None:
    assert claims(text) == expected


def test_a_bracketed_conversion_keeps_the_hedge() -> None:
    (_, km), (_, miles) = [(c.text, c) for c in extract_text("The drone flew more than 50 km (31 miles).")]
    assert (km.qualifier, miles.qualifier) == ("more_than", "more_than")
    assert miles.low <= 31 and miles.high >= 37  # open upwards like the figure it converts (50 to 60 km)
    (_, tonnes), (_, pounds) = [(c.text, c) for c in extract_text("It carried about 40 tonnes (88,000 lb).")]
    assert pounds.qualifier == "approx" and pounds.low < 80_000 and pounds.high > 96_000


@pytest.mark.parametrize(("text", "expected"), [
    ("The high was 31.5C and the low 18.2.", [("31.5C", 31.5, "degree_Celsius"), ("18.2", 18.2, "degree_Celsius")]),
    ("The range was cut from 210 km to 190.", [("210 km", 210, "kilometer"), ("190", 190, "kilometer")]),
])
def test_a_unit_carried_to_a_bare_number(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(text) == expected


def test_compound_irregular_plurals_are_counted() -> None:
    got = [(c.text, c.noun) for c in extract_text("Crews of 48 firemen, 12 policewomen and 20 specimens arrived.")]
    assert got == [("48", "fireman"), ("12", "policewoman"), ("20", "specimen")]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was minus-12 degrees at dawn and minus 5 degrees Celsius by noon.",
     [("minus-12", -12, "", "degree", "exact", None), ("minus 5 degrees Celsius", -5, "degree_Celsius", "", "exact", None)]),
    ("Ranvik ships a sub-3 nanometre chip in a sub-$500 phone.",
     [("3 nanometre", (0, 3), "nanometer", "", "less_than", None), ("$500", (0, 500), "USD", "", "less_than", None)]),
])
def test_a_word_tied_to_its_number_by_a_hyphen(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(t, v if isinstance(v, tuple) else v, u, n, q, d) for t, v, u, n, q, d in claims(text)]
    assert [(t, u, n, q, d) for t, _, u, n, q, d in got] == [(t, u, n, q, d) for t, _, u, n, q, d in expected]
    for (_, v, *_), (_, w, *_) in zip(got, expected):
        assert (v[1] if isinstance(v, tuple) else v) == pytest.approx(w[1] if isinstance(w, tuple) else w)


def test_a_hyphen_label_is_still_no_figure() -> None:
    assert claims("The under-21 squad was hit by COVID-19.") == []


def test_a_measure_written_without_its_hyphen() -> None:
    got = [(c.text, c.noun) for c in extract_text("Ohio ordered a 30 page audit and a 12 member panel.")]
    assert got == [("30", "page"), ("12", "member")]


def test_a_price_that_starts_at_a_figure_is_at_least_it() -> None:
    got = [(c.text, c.qualifier) for c in extract_text("Fares start at 49 euros and the Pro is priced from £1,099.")]
    assert got == [("49 euros", "at_least"), ("£1,099", "at_least")]


def test_an_exchange_rate_takes_the_currency_named_last_before_it() -> None:
    got = [(c.text, c.unit) for c in extract_text(
        "The rupiah weakened to 16,200 per dollar, the Brazilian real to 5.4 per dollar and the dong to "
        "25,400 to the dollar.")]
    assert got == [("16,200 per dollar", "IDR/USD"), ("5.4 per dollar", "BRL/USD"),
                   ("25,400 to the dollar", "VND/USD")]
    assert [c.unit for c in extract_text("Real wages rose to $12.20 an hour last year.") if c.kind != "date"] == [
        "USD/hour"]


def test_a_unit_counted_with_a_word_between_is_a_quantity() -> None:
    got = [(c.text, c.kind, c.unit) for c in extract_text("Reyes ran for 112 rushing yards and 3 sunny days passed.")]
    assert got == [("112", "quantity", "yard"), ("3", "quantity", "day")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tata Motors' profit doubled in FY25 and again in Q3 FY26, Mumbai analysts said.",
     [("FY25", "2024-04-01", "2025-03-31", "exact"), ("Q3 FY26", "2025-10-01", "2025-12-31", "exact")]),
    ("Toyota's fiscal 2024 profit rose, the Tokyo carmaker said.",
     [("fiscal 2024", "2024-04-01", "2025-03-31", "exact")]),
    ("Qantas flew more in fiscal 2024, the Australian carrier said, and H1 FY2025 was better still.",
     [("fiscal 2024", "2023-07-01", "2024-06-30", "exact"), ("H1 FY2025", "2024-07-01", "2024-12-31", "exact")]),
])
def test_fiscal_periods_by_the_country_named(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a fiscal quarter with no year: the latest one the clause's tense allows (published 12 March 2025)
    ("Sony's profit rose in the fiscal third quarter, the Tokyo group said.",
     [("fiscal third quarter", "2024-10-01", "2024-12-31", "exact")]),
    ("Nintendo's first fiscal quarter will be its weakest, the Kyoto firm's Japanese rivals expect.",
     [("first fiscal quarter", "2025-04-01", "2025-06-30", "exact")]),
    ("Wipro's revenue grew in the second quarter of fiscal 2025, an Indian filing showed.",
     [("second quarter of fiscal 2025", "2024-07-01", "2024-09-30", "exact")]),
    # the United States government's year starts in October
    ("The US federal deficit reached $1.8 trillion in fiscal 2024.", [("fiscal 2024", "2023-10-01", "2024-09-30", "exact")]),
    ("The Congressional Budget Office expects a smaller gap in fiscal year 2026.",
     [("fiscal year 2026", "2025-10-01", "2026-09-30", "exact")]),
    # a quarter or half of a two-year label is a part of that fiscal year (a season has no quarters)
    ("Britain's receipts rose in Q4 2023-24 and fell in H1 2024/25.",
     [("Q4 2023-24", "2024-01-01", "2024-03-31", "exact"), ("H1 2024/25", "2024-04-01", "2024-09-30", "exact")]),
    ("Canberra spent more in the third quarter of the 2023-24 financial year, Australian data show.",
     [("the third quarter of the 2023-24", "2024-01-01", "2024-03-31", "exact")]),
    ("Hitachi's orders rose in the 2023 fiscal year, the Japanese group said.",
     [("2023", "2023-04-01", "2024-03-31", "exact")]),
    # quarter codes glued to the fiscal year, number first or after it
    ("Indian carmakers sold more in Q2FY25, in 3QFY25 and in FY25 Q4.",
     [("Q2FY25", "2024-07-01", "2024-09-30", "exact"), ("3QFY25", "2024-10-01", "2024-12-31", "exact"),
      ("FY25 Q4", "2025-01-01", "2025-03-31", "exact")]),
    ("Japan's exports rose in the second quarter of this fiscal year.",
     [("second quarter of this fiscal year", "2024-07-01", "2024-09-30", "exact")]),
])
def test_fiscal_parts_in_every_spelling(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_the_latest_quarter_is_the_last_one_completed() -> None:
    assert dates("Orrin's margins widened in the latest quarter and in the most recent quarter before it.") == [
        ("the latest quarter", "2024-10-01", "2024-12-31", "exact"),
        ("the most recent quarter", "2024-10-01", "2024-12-31", "exact")]
    assert dates("The latest year for which figures exist ended in 2023.") == [("2023", "2023-01-01", "2023-12-31", "exact")]


def test_a_fiscal_year_of_no_named_country_is_no_calendar_date() -> None:
    assert dates("Kestrel's fiscal 2025 revenue rose, and its FY26 outlook is cautious.") == []


def test_the_date_that_ends_a_span_is_at_most_it() -> None:
    assert dates("Vacancies fell in the three months to February, and prices rose 3% in the year to March.") == [
        ("February", "2025-02-01", "2025-02-28", "at_most"), ("March", "2025-03-01", "2025-03-31", "at_most")]
    assert dates("Vacancies fell in February.") == [("February", "2025-02-01", "2025-02-28", "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    # a window ahead of publication, in a clause that looks ahead: the date that far on ("within": at most it)
    ("The plant opens in two weeks; the board will decide within nine months.",
     [("in two weeks", "2025-03-26", "2025-03-26", "exact"), ("within nine months", "2025-12-12", "2025-12-12", "at_most")]),
    ("Tolls on the Kerrow bridge will rise in 10 days' time.", [("in 10 days' time", "2025-03-22", "2025-03-22", "exact")]),
    # a date moved by a count
    ("The appeal came 10 days after March 3.", [("10 days after March 3", "2025-03-13", "2025-03-13", "exact")]),
    ("Voters had registered two weeks before the 8 May 2024 poll.",
     [("two weeks before the 8 May 2024", "2024-04-24", "2024-04-24", "exact")]),
    ("The Harlow depot reopened a few days after Christmas 2019.",
     [("a few days after Christmas 2019", "2019-12-27", "2019-12-29", "approx")]),
    # "later" and "earlier" count from the story's last date
    ("The ruling came on March 3. The appeal came three weeks later.",
     [("March 3", "2025-03-03", "2025-03-03", "exact"), ("three weeks later", "2025-03-24", "2025-03-24", "exact")]),
    ("Brenna Oil struck gas in June 2021; a year earlier its rig had caught fire.",
     [("June 2021", "2021-06-01", "2021-06-30", "exact"), ("a year earlier", "2020-06-01", "2020-06-30", "exact")]),
])
def test_windows_and_offsets(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_a_duration_that_is_no_window_or_offset_stays_a_quantity() -> None:
    # a past span is a duration; "later than planned" and "from a year earlier" date nothing
    assert read("The Orvik flats sold out in two weeks.") == [("two weeks", 2, "week")]
    assert read("The report will come out tomorrow, six weeks later than planned.") == [("six weeks", 6, "week")]
    assert dates("Burglaries fell in the first quarter from a year earlier.") == [
        ("the first quarter", "2024-01-01", "2024-03-31", "exact")]
    assert dates("The appeal came three weeks later.") == []  # no date to count from


@pytest.mark.parametrize(("text", "expected"), [
    ("Applications will be taken 10/1-10/15.", [("10/1-10/15", "2025-10-01", "2025-10-15", "exact")]),
    ("The Dunmore fair ran 1/8-14/8.", [("1/8-14/8", "2024-08-01", "2024-08-14", "exact")]),
    ("The sale will run 12/20-1/5.", [("12/20-1/5", "2025-12-20", "2026-01-05", "exact")]),  # into the next year
    ("Both teams drew 3/4-4/3 on aggregate.", []),  # either order fits: no reading
])
def test_days_in_digits_joined_as_a_range(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Voting is on March twenty first.", [("March twenty first", "2025-03-21", "2025-03-21", "exact")]),
    ("The Alder Cup final was held on June the fifth, 2024.", [("June the fifth, 2024", "2024-06-05", "2024-06-05", "exact")]),
    ("The couple met in june of 2015 and married on october 3, 2019.",
     [("june of 2015", "2015-06-01", "2015-06-30", "exact"), ("october 3, 2019", "2019-10-03", "2019-10-03", "exact")]),
    # a month that is also a word is a month only capitalised, and a bare lower-case month is none
    ("Troops may march 2020 miles, and sales in june rose.", []),
])
def test_days_in_words_and_months_in_lower_case(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose in the March quarter and fell in the December 2024 quarter.",
     [("March quarter", "2024-01-01", "2024-03-31", "exact"), ("December 2024 quarter", "2024-10-01", "2024-12-31", "exact")]),
    ("Profit rose in the June half; margins narrowed in the current quarter.",
     [("June half", "2024-01-01", "2024-06-30", "exact"), ("current quarter", "2025-01-01", "2025-03-31", "exact")]),
    ("Output grew in calendar 2024 and fell in the quarter to June.",
     [("2024", "2024-01-01", "2024-12-31", "exact"), ("quarter to June", "2024-04-01", "2024-06-30", "exact")]),
    ("Sales fell in the half to December 2024; the 2024 first quarter and 2024's third quarter were weak.",
     [("half to December 2024", "2024-07-01", "2024-12-31", "exact"),
      ("2024 first quarter", "2024-01-01", "2024-03-31", "exact"),
      ("2024's third quarter", "2024-07-01", "2024-09-30", "exact")]),
    ("Sales rose in the back half of 2024 and in the opening quarter of 2025.",
     [("the back half of 2024", "2024-07-01", "2024-12-31", "exact"),
      ("the opening quarter of 2025", "2025-01-01", "2025-03-31", "exact")]),
    ("Orders fell in the March-quarter and in the July-to-September period.",
     [("March-quarter", "2024-01-01", "2024-03-31", "exact"), ("July-to-September", "2024-07-01", "2024-09-30", "exact")]),
    ("Spending rose in the 2025-26 financial year.", [("2025-26", "2025-04-01", "2026-03-31", "exact")]),
    ("Canberra's deficit narrowed in Australia's 2024-25 fiscal year.", [("2024-25", "2024-07-01", "2025-06-30", "exact")]),
    ("The 2024-25 season ended, and Indian output rose in fiscal year 2023-24.",
     [("2024-25", "2024-01-01", "2025-12-31", "exact"), ("fiscal year 2023-24", "2023-04-01", "2024-03-31", "exact")]),
])
def test_periods_named_by_their_last_month(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The recipe takes a 3/4 cup of flour and a 1/2-inch slice of ginger.",
     [("3/4 cup", 0.75, "cup"), ("1/2-inch", 0.5, "inch")]),
    ("She ran 3 1/2 miles, then 2 tablespoons of honey went into the tea.",
     [("3 1/2 miles", 3.5, "mile"), ("2 tablespoons", 2, "tablespoon")]),
])
def test_fractions_of_a_unit(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_a_fraction_with_no_unit_is_no_figure() -> None:
    assert read("The shop is open 24/7, the 9/11 report said, and they took 2/3 of the seats.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Index 100 -0.8%.", [("-0.8%", -0.8, "percent")]),
    ("At the close the Stoxx 600 -1.2% and the Nikkei 225 +0.4%.", [("-1.2%", -1.2, "percent"), ("+0.4%", 0.4, "percent")]),
])
def test_a_signed_change_after_an_index_name(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The high was 91.5 cents and the low 88.2.", [("91.5 cents", 0.915, "USD"), ("88.2", 0.882, "USD")]),
    ("Tarrant's sales were cut from $2.1bn to 1.8.", [("$2.1bn", 2.1e9, "USD"), ("1.8", 1.8e9, "USD")]),
    ("He dropped from 210 pounds to 190.", [("210 pounds", 210, "pound"), ("190", 190, "pound")]),
    ("She shed 30 pounds, but the gym cost her 210 pounds.", [("30 pounds", 30, "pound"), ("210 pounds", 210, "GBP")]),
])
def test_money_and_weight_carried_to_a_bare_number(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_a_capitalised_verb_before_a_measure_makes_no_label() -> None:
    assert read("Add 2 cups of stock.") == [("2 cups", 2, "cup")]
    assert read("Boil 3 litres of water, as Windows 11 boots.") == [("3 litres", 3, "liter")]


def test_a_noun_before_of_names_the_figure_not_an_earlier_count() -> None:
    assert [(c.text, c.noun) for c in extract_text("Crowds of 2.5k fans came; revenue of 1.2B followed.")] == [
        ("2.5k", "fan"), ("1.2B", "")]
    assert [(c.text, c.noun) for c in extract_text("It won three gold medals and one silver, a total of 4.")] == [
        ("three", "gold medal"), ("one", "silver medal"), ("4", "medal")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Buenos Aires a coffee now costs 1,500 pesos.", [("1,500 pesos", 1500, "ARS")]),
    ("Bogotá's metro fare rose to 3,200 pesos.", [("3,200 pesos", 3200, "COP")]),
    ("Oslo fined the ferry firm 3 million kroner.", [("3 million kroner", 3e6, "NOK")]),
    ("Karachi traders paid 280 rupees. In Mumbai, tea costs 20 rupees.", [("280 rupees", 280, "PKR"),
                                                                          ("20 rupees", 20, "INR")]),
    ("Kuwait's Zain paid 35 fils a share.", [("35 fils a share", 0.035, "KWD/share")]),
    ("Dubai's Emaar rose 10 fils to 7.45 dirhams.", [("10 fils", 0.1, "AED"), ("7.45 dirhams", 7.45, "AED")]),
    ("Accra raised the levy to GH¢12.", [("GH¢12", 12, "GHS")]),
])
def test_a_currency_name_several_share_goes_by_the_places_named(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


def test_a_shared_name_with_no_place_is_flagged_as_assumed() -> None:
    (c,) = [c for c in extract_text("A taco costs 30 pesos.") if c.kind != "date"]
    assert c.unit == "MXN" and "pesos" in c.ambiguous


@pytest.mark.parametrize(("text", "expected"), [
    ("He swam 200m in 1:52, and she ran 800m in two minutes.",
     [("200m", 200, "meter"), ("1:52", 112, "second"), ("800m", 800, "meter"), ("two minutes", 2, "minute")]),
    ("The jump measured 8.95m and the javelin flew 90m.", [("8.95m", 8.95, "meter"), ("90m", 90, "meter")]),
    ("The wreck lies at a depth of 3,800m; winds reached 30m/s.",
     [("3,800m", 3800, "meter"), ("30m/s", 30, "meter/second")]),
    # money all the same
    ("The club ran up debts of 40m and revenue ran at 30m a quarter.", [("40m", 4e7, ""), ("30m", 3e7, "")]),
])
def test_m_after_a_distance_covered_is_metres(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = read(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in expected]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in expected])


@pytest.mark.parametrize(("text", "expected"), [
    ("Patients aged 18 to 24 were excluded.", [("18 to 24", (18, 24), "year")]),
    ("Ruth Amadi, who is 34, won; her coach retired at 62 and died at 91.",
     [("34", 34, "year"), ("62", 62, "year"), ("91", 91, "year")]),
    ("The Corran Bridge turns 100 this year.", [("100", 100, "year")]),
    ("Sales started at 40 and the dial turned 5 times.", [("40", 40, ""), ("5", 5, "")]),
])
def test_ages_written_as_bare_numbers(text: str, expected: list[tuple[str, object, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Prices have doubled since '08, and the '24 election turned on them.",
     [("since '08", "2008-01-01", "2008-12-31", "at_least"), ("'24", "2024-01-01", "2024-12-31", "exact")]),
    ("The minister quit two weeks ago.", [("two weeks ago", "2025-02-24", "2025-03-02", "exact")]),
])
def test_years_cut_short_and_weeks_ago(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a date booked for something lies ahead, whatever the tense of the booking
    ("The court fixed a hearing for April 14.", [("April 14", "2025-04-14", "2025-04-14", "exact")]),
    ("Tickets went on sale for the April 20 final.", [("April 20", "2025-04-20", "2025-04-20", "exact")]),
    ("Organisers said the Lune race was moved to May 18.", [("May 18", "2025-05-18", "2025-05-18", "exact")]),
    ("Applications opened on Monday and close on April 30.",
     [("Monday", "2025-03-10", "2025-03-10", "exact"), ("April 30", "2025-04-30", "2025-04-30", "exact")]),
    # a past event stays past, even in a clause after a future one
    ("Tolmere will borrow more after councillors on Tuesday night approved its budget.",
     [("Tuesday", "2025-03-11", "2025-03-11", "exact")]),
    # a past event stays past
    ("The plant closed on April 2 and reopened on April 20.",
     [("April 2", "2024-04-02", "2024-04-02", "exact"), ("April 20", "2024-04-20", "2024-04-20", "exact")]),
])
def test_a_date_booked_or_moved_lies_ahead(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The vote is on the 14th.", [("the 14th", "2025-03-14", "2025-03-14", "exact")]),
    ("Rent is due by the 1st.", [("by the 1st", "2025-04-01", "2025-04-01", "at_most")]),
    ("Sales peaked on the 3rd, when the Tarn stores opened.", [("the 3rd", "2025-03-03", "2025-03-03", "exact")]),
    ("It was his 21st and last race; she came 2nd.", []),  # ranks, not days
])
def test_a_day_of_the_month_alone(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # published Wednesday 12 March 2025: waiting for something looks ahead, whatever the verb's tense
    ("Traders await Friday's payrolls, and bond desks are bracing for Thursday's auction.",
     [("Friday", "2025-03-14", "2025-03-14", "exact"), ("Thursday", "2025-03-13", "2025-03-13", "exact")]),
    ("Fans are counting down to Saturday's derby.", [("Saturday", "2025-03-15", "2025-03-15", "exact")]),
    # a day's scheduled event in a present clause lies ahead; any other possessed event is over
    ("Okafor is the favourite for Sunday's cup final.", [("Sunday", "2025-03-16", "2025-03-16", "exact")]),
    ("Monday's defeat is a blow to the club.", [("Monday", "2025-03-10", "2025-03-10", "exact")]),
    ("Markets are calm after Monday's jobs report.", [("after Monday", "2025-03-10", "2025-03-10", "at_least")]),
    ("Traders awaited Monday's data and then sold.", [("Monday", "2025-03-10", "2025-03-10", "exact")]),
])
def test_a_day_waited_for_or_booked_lies_ahead(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_waiting_for_something_in_a_month_dates_the_wait() -> None:
    # published 12 March 2025: the patients waited in December, the last one
    assert dates("Some 41,200 patients were waiting for surgery in December.") == [
        ("December", "2024-12-01", "2024-12-31", "exact")]


def test_a_month_or_day_in_a_past_clause_is_the_last_one() -> None:
    # published 12 March 2025
    assert dates("Sales fell in April, and the plant closed on 20 May.") == [
        ("April", "2024-04-01", "2024-04-30", "exact"), ("20 May", "2024-05-20", "2024-05-20", "exact")]


# ---------------------------------------------------------------- the issue's own examples not tested above


def test_counts_of_times_and_of_named_things() -> None:
    assert claims("The pump turned 4,000 times; Ohio reported 512 and the dealer sold 2,300 Corollas.") == [
        ("4,000", 4000, "", "", "exact", None), ("512", 512, "", "", "exact", None),
        ("2,300", 2300, "", "corolla", "exact", None)]


def test_a_fraction_of_people_is_a_share() -> None:
    assert read("One fifth of voters backed the plan, and two thirds of members agreed.") == [
        ("One fifth", 0.2, "times"), ("two thirds", pytest.approx(2 / 3), "times")]


def test_identifiers_of_the_issue_are_no_figures() -> None:
    text = ("The A320 fleet, the FTSE 100 and 221 Baker Street; the vaccine targets H5N1 and COVID-19; sea levels "
            "may rise by 2100; the game ended 101-101.")
    assert read(text) == []
    assert dates(text) == [("by 2100", "2100-01-01", "2100-12-31", "at_most")]


def test_an_age_set_off_by_commas() -> None:
    assert read("Ms Lee, 54, said the plan would work; Dr Osei, 61, agreed.") == [("54", 54, "year"), ("61", 61, "year")]


def test_vague_magnitudes_of_money_and_homes() -> None:
    assert claims("Thousands of homes lost power and tens of millions of dollars in crops were lost.") == [
        ("Thousands", (2000, 10000), "", "home", "approx", None),
        ("tens of millions", (20_000_000, 100_000_000), "USD", "", "approx", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The exhibition runs from May to September; talks ran March 2-14, 2021.",
     [("May to September", "2025-05-01", "2025-09-30", "exact"), ("March 2-14, 2021", "2021-03-02", "2021-03-14", "exact")]),
    ("The parade moved from June to August; the fair ran Sept. 5-9, 2022.",
     [("June to August", "2024-06-01", "2024-08-31", "exact"), ("Sept. 5-9, 2022", "2022-09-05", "2022-09-09", "exact")]),
    ("Voting is in the first week of March.", [("the first week of March", "2025-03-01", "2025-03-07", "exact")]),
    ("Filed 11/2019, effective 03-Feb-2022, archived 20230704.",
     [("11/2019", "2019-11-01", "2019-11-30", "exact"), ("03-Feb-2022", "2022-02-03", "2022-02-03", "exact"),
      ("20230704", "2023-07-04", "2023-07-04", "exact")]),
    ("The permit, issued 07/2021, lapsed 5-Sep-2023.",
     [("07/2021", "2021-07-01", "2021-07-31", "exact"), ("5-Sep-2023", "2023-09-05", "2023-09-05", "exact")]),
    # a past day far back with its weekday: the last year in which it fell on that weekday
    ("He met her on Friday, June 12.", [("June 12", "2020-06-12", "2020-06-12", "exact")]),
    ("The firm was founded on Tuesday, 20 May.", [("20 May", "2014-05-20", "2014-05-20", "exact")]),
    # ...but a day near publication keeps the year its tense chose, and the weekday rule warns
    ("The plant closed on Friday, 6 March, after a fire.", [("6 March", "2025-03-06", "2025-03-06", "exact")]),
])
def test_the_issues_date_examples_and_our_own(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # parts joined by "of" (#16, class 7), our own
    ("She joined in May of 2019 and left on August 9th of 2021.",
     [("May of 2019", "2019-05-01", "2019-05-31", "exact"), ("August 9th of 2021", "2021-08-09", "2021-08-09", "exact")]),
    ("The plant opened in October of '98 and closed on the 3rd of June, 2015.",
     [("October of '98", "1998-10-01", "1998-10-31", "exact"), ("3rd of June, 2015", "2015-06-03", "2015-06-03", "exact")]),
])
def test_parts_of_a_date_joined_by_of(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert dates(text) == expected


def test_a_fiscal_year_of_the_issue_is_placed_only_where_a_country_is_named() -> None:
    assert dates("Sales fell in the past quarter and in 2022 Q4, but rose in 2023 H1 and fiscal year 2022.") == [
        ("the past quarter", "2024-10-01", "2024-12-31", "exact"), ("2022 Q4", "2022-10-01", "2022-12-31", "exact"),
        ("2023 H1", "2023-01-01", "2023-06-30", "exact")]
    assert dates("Indian exports rose in fiscal year 2022.") == [("fiscal year 2022", "2021-04-01", "2022-03-31", "exact")]


def test_suggestions_hold_no_hedge() -> None:
    assert [q for *_, q in dates("What about Tuesday? Or how about Thursday?")] == ["exact", "exact"]
