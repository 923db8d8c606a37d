"""Tests for factcheck.extract.numbers: figures in news prose, as intervals with unit, noun, hedge and direction.

Every sentence here was written for these tests; none is quoted from an outlet.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.numbers import Figure, currency_hints, find_figures


class Case(NamedTuple):
    sentence: str
    span: str  # the figure's exact text
    kind: str
    value: float | None
    unit: str = ""
    noun: str = ""
    qualifier: str = "exact"
    direction: str | None = None


def the(sentence: str, span: str, skip: list[tuple[int, int]] | None = None) -> Figure:
    """The one figure in `sentence` whose text is exactly `span`."""
    figures = find_figures(sentence, skip=skip)
    hits = [f for f in figures if sentence[f.start : f.end] == span]
    assert len(hits) == 1, f"{span!r} not found once in {[sentence[f.start:f.end] for f in figures]}"
    return hits[0]


def spans(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
    return [sentence[f.start : f.end] for f in find_figures(sentence, skip=skip)]


B, M, T = 1e9, 1e6, 1e12

CASES = [
    # ---- a rate after a bracketed conversion belongs to both amounts
    Case("Access cost 3 yuan (about 41 US cents) per million tokens.", "41 US cents", "quantity", 0.41,
         "USD/million_token", qualifier="approx"),
    # ---- recoveries take a direction too
    Case("After the rout the lender's shares clawed back almost 6% on Wednesday.", "6%", "percent", 6, "percent",
         "", "at_most", "up"),
    Case("Copper prices pulled back 2.5% as demand cooled.", "2.5%", "percent", 2.5, "percent", direction="down"),
    # ---- business
    Case("Harbourside Foods said quarterly revenue climbed 12% to $4.7 billion.", "12%", "percent", 12, "percent",
         direction="up"),
    Case("Harbourside Foods said quarterly revenue climbed 12% to $4.7 billion.", "$4.7 billion", "quantity",
         4.7 * B, "USD"),
    Case("The retailer will close 85 stores and cut about 1,300 jobs.", "85", "count", 85, noun="store",
         direction="down"),
    Case("The retailer will close 85 stores and cut about 1,300 jobs.", "1,300", "count", 1300, noun="job",
         qualifier="approx", direction="down"),
    Case("Shares in the miner slumped 8.4 per cent in early trading.", "8.4 per cent", "percent", 8.4, "percent",
         direction="down"),
    Case("The takeover values the brewer at £2.3bn including debt.", "£2.3bn", "quantity", 2.3 * B, "GBP"),
    Case("The airline posted a net loss of €410 million for the half.", "€410 million", "quantity", 410 * M, "EUR"),
    Case("Analysts expect earnings of $1.85 a share this quarter.", "$1.85 a share", "quantity", 1.85, "USD/share"),
    Case("The chipmaker plans to invest between $20 billion and $25 billion in new plants.",
         "$20 billion and $25 billion", "quantity", None, "USD", qualifier="range"),
    Case("Its cloud unit now serves more than 2 million business customers.", "2 million", "count", 2 * M,
         noun="customer", qualifier="more_than"),
    Case("The outage hit 8.5 million Windows devices worldwide.", "8.5 million", "count", 8.5 * M, noun="device"),
    Case("The startup raised $5.6m in a seed round led by two funds.", "$5.6m", "quantity", 5.6 * M, "USD"),
    Case("The deal is worth US$1.1 billion, the lender said.", "US$1.1 billion", "quantity", 1.1 * B, "USD"),
    Case("The contract is worth 350 million euros over a decade.", "350 million euros", "quantity", 350 * M, "EUR"),
    Case("The regulator fined the bank $75m for lax controls.", "$75m", "quantity", 75 * M, "USD"),
    # ---- markets
    Case("The Hang Seng index ended the day down 2.7%.", "2.7%", "percent", 2.7, "percent", direction="down"),
    Case("Brent crude rose 95 cents to $82.40 a barrel.", "95 cents", "quantity", 0.95, "USD/barrel_oil",
         direction="up"),
    Case("Brent crude rose 95 cents to $82.40 a barrel.", "$82.40 a barrel", "quantity", 82.40, "USD/barrel_oil"),
    Case("Treasury yields jumped 14 basis points after the jobs report.", "14 basis points", "percent", 14,
         "basis_point", direction="up"),
    Case("The euro slipped 0.6% against the dollar.", "0.6%", "percent", 0.6, "percent", direction="down"),
    Case("Bitcoin has more than doubled since the spring.", "doubled", "quantity", 2, "times", qualifier="more_than",
         direction="up"),
    Case("Exports fell 7.6% year on year to $39.2 billion.", "7.6%", "percent", 7.6, "percent", direction="down"),
    Case("Exports fell 7.6% year on year to $39.2 billion.", "$39.2 billion", "quantity", 39.2 * B, "USD"),
    Case("Gold traded at $2,410 an ounce on Friday.", "$2,410 an ounce", "quantity", 2410, "USD/troy_ounce"),
    Case("The stock posted a 17% drop on its first day.", "17%", "percent", 17, "percent", direction="down"),
    Case("The shares are now 35% higher than at the listing.", "35%", "percent", 35, "percent", direction="up"),
    # ---- sport
    Case("The marathon drew 48,000 runners despite the heat.", "48,000", "count", 48000, noun="runner"),
    Case("United won 2-0 in front of 74,000 fans.", "74,000", "count", 74000, noun="fan"),
    Case("The striker signed a deal worth £300,000 a week.", "£300,000 a week", "quantity", 300000, "GBP/week"),
    Case("The sprinter won the final in 9.83 seconds.", "9.83 seconds", "quantity", 9.83, "second"),
    Case("Tickets for the final sold out in under 20 minutes.", "20 minutes", "quantity", 20, "minute",
         qualifier="less_than"),
    Case("The forward has scored twenty-one goals this season.", "twenty-one", "count", 21, noun="goal"),
    # ---- politics
    Case("Turnout reached 61.2%, the highest in decades.", "61.2%", "percent", 61.2, "percent"),
    Case("The government will spend an extra £1.2bn on school repairs.", "£1.2bn", "quantity", 1.2 * B, "GBP"),
    Case("Almost 40% of voters said they were undecided.", "40%", "percent", 40, "percent", qualifier="at_most"),
    Case("The party lost 48 seats in the election.", "48", "count", 48, noun="seat", direction="down"),
    Case("The minister's approval rating dropped 6 percentage points in a month.", "6 percentage points", "percent",
         6, "percentage_point", direction="down"),
    Case("The jobless rate rose 0.2 percentage point to 4.3%.", "0.2 percentage point", "percent", 0.2,
         "percentage_point", direction="up"),
    Case("The jobless rate rose 0.2 percentage point to 4.3%.", "4.3%", "percent", 4.3, "percent"),
    Case("All 27 member states signed the declaration.", "27", "count", 27, noun="state"),
    # ---- science and health
    Case("The trial enrolled 1,240 patients across 38 hospitals.", "1,240", "count", 1240, noun="patient"),
    Case("The trial enrolled 1,240 patients across 38 hospitals.", "38", "count", 38, noun="hospital"),
    Case("The new drug cut the risk of death by 21%.", "21%", "percent", 21, "percent", direction="down"),
    Case("Roughly one in four adults in the region is obese.", "one in four", "quantity", 0.25, "times",
         qualifier="approx"),
    Case("Measles cases have tripled since the campaign ended.", "tripled", "quantity", 3, "times", direction="up"),
    Case("The vaccine reached 3.5m children last year.", "3.5m", "count", 3.5 * M, noun="child"),
    Case("The probe travelled 6.4 billion kilometres to reach the comet.", "6.4 billion kilometres", "quantity",
         6.4 * B, "kilometer"),
    Case("Researchers sequenced 2,300 genomes from ancient burials.", "2,300", "count", 2300, noun="genome"),
    # ---- weather
    Case("Up to 15cm of rain could fall over the weekend.", "15cm", "quantity", 15, "centimeter",
         qualifier="at_most"),
    Case("Gusts of 90mph battered the coast overnight.", "90mph", "quantity", 90, "mile_per_hour"),
    Case("Temperatures could reach 41°C in Seville.", "41°C", "quantity", 41, "degree_Celsius"),
    Case("Overnight lows of minus 8 degrees Celsius are expected.", "minus 8 degrees Celsius", "quantity", -8,
         "degree_Celsius"),
    Case("The storm left about 250,000 homes without power.", "250,000", "count", 250000, noun="home",
         qualifier="approx"),
    Case("Snowfall totals of 20 to 30 inches are possible in the hills.", "20 to 30 inches", "quantity", None,
         "inch", qualifier="range"),
    Case("The wildfire has burned 12,400 hectares of forest.", "12,400 hectares", "quantity", 12400, "hectare"),
    # ---- crime and courts
    Case("Police arrested 14 people and seized 3.2 kilograms of heroin.", "14", "count", 14, noun="person"),
    Case("Police arrested 14 people and seized 3.2 kilograms of heroin.", "3.2 kilograms", "quantity", 3.2,
         "kilogram"),
    Case("The fraud cost investors an estimated $65 million.", "$65 million", "quantity", 65 * M, "USD",
         qualifier="approx"),
    Case("He was jailed for 12 years on Thursday.", "12 years", "quantity", 12, "year"),
    Case("Burglaries fell by almost a quarter in the city.", "a quarter", "quantity", 0.25, "times",
         qualifier="at_most", direction="down"),
    # ---- tech
    Case("The lab trained the model on 2,048 Nvidia H800 GPUs.", "2,048", "count", 2048, noun="GPU"),
    Case("The service charges $0.14 per million tokens.", "$0.14 per million tokens", "quantity", 0.14,
         "USD/million_token"),
    Case("Training took 2.79 million GPU hours in all.", "2.79 million GPU hours", "quantity", 2.79 * M, "gpu_hour"),
    Case("The phone maker shipped 58.5 million handsets in the quarter.", "58.5 million", "count", 58.5 * M,
         noun="handset"),
    Case("Data centres used 460 terawatt hours of electricity.", "460 terawatt hours", "quantity", 460,
         "terawatt_hour"),
    Case("The model has 671 billion parameters in total.", "671 billion", "count", 671 * B, noun="parameter"),
    Case("Its new chip is four times faster than the last one.", "four times", "quantity", 4, "times",
         direction="up"),
    Case("The wind farm will generate 1.4GW when finished.", "1.4GW", "quantity", 1.4, "gigawatt"),
    Case("The plant will create 1k jobs in the town.", "1k", "count", 1000, noun="job"),
    # ---- China, Hong Kong, currencies
    Case("Beijing's purchases reached 12.5 billion yuan in the period.", "12.5 billion yuan", "quantity",
         12.5 * B, "CNY"),
    Case("The fund raised HK$4.6 billion in its listing.", "HK$4.6 billion", "quantity", 4.6 * B, "HKD"),
    Case("The central bank injected RMB 500 billion into the system.", "RMB 500 billion", "quantity", 500 * B,
         "CNY"),
    Case("The bank pledged 1tn yuan for AI firms.", "1tn yuan", "quantity", 1 * T, "CNY"),
    Case("The API cost 2 renminbi per million tokens.", "2 renminbi per million tokens", "quantity", 2,
         "CNY/million_token"),
    Case("The toll is 500 million USD a year.", "500 million USD a year", "quantity", 500 * M, "USD/year"),
    Case("A loaf now costs 95 pence in most shops.", "95 pence", "quantity", 0.95, "GBP"),
    Case("Petrol prices rose 3.2p a litre in a week.", "3.2p a litre", "quantity", 0.032, "GBP/liter",
         direction="up"),
    # ---- ranges
    Case("Economists forecast growth of 2-3% next year.", "2-3%", "percent", None, "percent", qualifier="range",
         direction="up"),
    Case("The new stadium will hold between 60,000 and 62,000 spectators.", "60,000 and 62,000", "count", None,
         noun="spectator", qualifier="range"),
    Case("The project could cost 10 to 15 billion dollars.", "10 to 15 billion dollars", "quantity", None, "USD",
         qualifier="range"),
    Case("Each ticket costs €20-€25 at the door.", "€20-€25", "quantity", None, "EUR", qualifier="range"),
    Case("The quake killed around 2,000 to 3,000 people.", "2,000 to 3,000", "count", None, noun="person",
         qualifier="range"),
    Case("Between 5% and 7% of the harvest was lost.", "5% and 7%", "percent", None, "percent", qualifier="range"),
    # ---- hedges and bounds
    Case("The bridge is just over 2 kilometres long.", "2 kilometres", "quantity", 2, "kilometer",
         qualifier="more_than"),
    Case("No fewer than 30 ships were damaged in the port.", "30", "count", 30, noun="ship", qualifier="at_least"),
    Case("The agency has fewer than 500 staff.", "500", "count", 500, noun="staff", qualifier="less_than"),
    Case("Up to 8,000 workers could lose their jobs.", "8,000", "count", 8000, noun="worker", qualifier="at_most"),
    Case("Close to 70% of the island was flooded.", "70%", "percent", 70, "percent", qualifier="at_most"),
    Case("The landslide killed at least 22 people.", "22", "count", 22, noun="person", qualifier="at_least"),
    Case("The outbreak has infected over 1,000 people.", "1,000", "count", 1000, noun="person",
         qualifier="more_than"),
    Case("Nearly $600 billion was wiped off the sector.", "$600 billion", "quantity", 600 * B, "USD",
         qualifier="at_most"),
    Case("A crowd of 50,000-plus fans packed the square.", "50,000-plus", "count", 50000, noun="fan",
         qualifier="at_least"),
    # ---- numbers in words
    Case("Twenty-three miners were rescued on Sunday.", "Twenty-three", "count", 23, noun="miner"),
    Case("The charity planted half a million trees.", "half a million", "count", 500000, noun="tree"),
    Case("The firm will hire a dozen engineers.", "a dozen", "count", 12, noun="engineer"),
    Case("The country's debt topped a trillion dollars.", "a trillion dollars", "quantity", 1 * T, "USD",
         qualifier="more_than"),
    Case("Three hundred and twelve passengers were on board.", "Three hundred and twelve", "count", 312,
         noun="passenger"),
    Case("The council ordered a dozen new buses.", "a dozen", "count", 12, noun="bus"),
    # ---- multipliers and fractions
    Case("Profits doubled in the second half.", "doubled", "quantity", 2, "times", direction="up"),
    Case("Half of the respondents said prices were too high.", "Half", "quantity", 0.5, "times"),
    Case("Two-thirds of the budget goes on salaries.", "Two-thirds", "quantity", 2 / 3, "times"),
    Case("The new line is three times as long as the old one.", "three times", "quantity", 3, "times",
         direction="up"),
    Case("Sales rose tenfold over the decade.", "tenfold", "quantity", 10, "times", direction="up"),
    Case("Its users now number about twice DeepSeek's.", "twice", "quantity", 2, "times", qualifier="approx",
         direction="up"),
    Case("MiniMax more than doubles on its Hong Kong debut.", "doubles", "quantity", 2, "times",
         qualifier="more_than", direction="up"),
    Case("The ECB cut its deposit rate by a quarter of a percentage point.", "a quarter of a percentage point",
         "percent", 0.25, "percentage_point", direction="down"),
    Case("The Fed raised rates by half a point in September.", "half a point", "percent", 0.5, "percentage_point",
         direction="up"),
    # ---- glued short forms: million or metre, Celsius, codes
    Case("The city's population has grown to about 1.2m.", "1.2m", "count", 1.2 * M, noun="person",
         qualifier="approx"),
    Case("The seawall is 2.4m tall in places.", "2.4m", "quantity", 2.4, "meter"),
    Case("A 30m yacht sank off the coast.", "30m", "quantity", 30, "meter"),
    Case("The heatwave pushed temperatures to 43C in Seville.", "43C", "quantity", 43, "degree_Celsius"),
    Case("The group raised Rmb12bn from state investors.", "Rmb12bn", "quantity", 12 * B, "CNY"),
    Case("The bond raised USD 5 million at a 6% coupon.", "USD 5 million", "quantity", 5 * M, "USD"),
    Case("Bond yields rose 12 bps on the day.", "12 bps", "percent", 12, "basis_point", direction="up"),
    Case("Sales grew 5pc in the UK.", "5pc", "percent", 5, "percent", direction="up"),
    Case("The fare is HK$4.5 per trip.", "HK$4.5 per trip", "quantity", 4.5, "HKD/trip"),
    Case("Its rival has 159 million users, about four times DeepSeek's 40 million.", "40 million", "count", 40 * M,
         noun="user"),
    # ---- signs
    Case("The fund returned -4.5% over the year.", "-4.5%", "percent", -4.5, "percent", direction="down"),
    Case("Output shrank to −0.2% in the quarter.", "−0.2%", "percent", -0.2, "percent", direction="down"),
    Case("The index finished at +2.5% for the week.", "+2.5%", "percent", 2.5, "percent", direction="up"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:03d}-{c.span}" for i, c in enumerate(CASES)])
def test_figure(case: Case) -> None:
    f = the(case.sentence, case.span)
    assert f.kind == case.kind
    if case.value is None:
        assert f.value is None
    else:
        assert f.value == pytest.approx(case.value)
    assert f.unit == case.unit
    assert f.noun == case.noun
    assert f.qualifier == case.qualifier
    assert f.direction == case.direction


def test_at_least_eighty_cases() -> None:
    assert len(CASES) >= 80
    assert len({c.sentence for c in CASES}) >= 70


# ---------------------------------------------------------------- intervals

INTERVALS = [
    # written precision: half the last digit
    ("The bill came to $5.6 million.", "$5.6 million", 5.55e6, 5.65e6),
    ("Shares fell 17% on Monday.", "17%", 16.5, 17.5),
    ("The economy grew 0.3% in the quarter.", "0.3%", 0.25, 0.35),
    ("The lab used 2,048 chips.", "2,048", 2047.5, 2048.5),
    # trailing zeros and scale words: capped at 5% of the value
    ("The group spent $600bn on chips.", "$600bn", 570e9, 630e9),
    ("The company lost $589 billion in value.", "$589 billion", 588.5e9, 589.5e9),
    ("Half a million fans lined the route.", "Half a million", 475000, 525000),
    # hedges from rules/hedges.yaml: about +-10% (plus the rounding band), nearly [0.9x, x], more than up one step
    # of the written precision (at most 2x), at least [x, 2x]
    ("The company is worth about $2.9 trillion.", "$2.9 trillion", 2.9e12 * 0.9 - 0.05e12, 2.9e12 * 1.1 + 0.05e12),
    ("Nearly 500 homes lost power.", "500", 450, 500),
    ("Turnout came close to 17% in the Harl ward.", "17%", 15.3, 17),  # "close to" is at or below, as "nearly"
    ("More than 1,000 flights were cancelled.", "1,000", 1000, 2000),
    ("More than 1.1 million people voted.", "1.1 million", 1.1e6, 1.2e6),
    ("Over 6,400 runners started.", "6,400", 6400, 6500),
    ("Prices rose above 30% in the north.", "30%", 30, 40),
    ("Just under 17% of pupils passed.", "17%", 15.3, 17),
    ("Less than 5% of the budget went to defence.", "5%", 0, 5),
    ("At least 12 people died.", "12", 12, 24),
    # ranges keep their written ends; a scale on the second end applies to both
    ("The plan will cost 10 to 20 billion dollars.", "10 to 20 billion dollars", 10e9, 20e9),
    ("Storm surges reached between 252 and 287 miles inland.", "252 and 287 miles", 252, 287),
    ("Around 300 to 400 protesters gathered.", "300 to 400", 270, 440),
    # multipliers and subunits
    ("Sales doubled last year.", "doubled", 2, 2),
    ("Pump prices climbed 4.2 cents a litre.", "4.2 cents a litre", 0.0415, 0.0425),
]


@pytest.mark.parametrize(("sentence", "span", "low", "high"), INTERVALS, ids=[i[1] for i in INTERVALS])
def test_interval(sentence: str, span: str, low: float, high: float) -> None:
    f = the(sentence, span)
    assert f.low == pytest.approx(low)
    assert f.high == pytest.approx(high)


def test_percent_of_records_the_multiplier() -> None:
    f = the("The top 1% of households own a third of the wealth.", "1%")
    assert f.multiplier == pytest.approx(0.01)
    g = the("The top 1% of households own a third of the wealth.", "a third")
    assert g.multiplier == pytest.approx(1 / 3)
    assert g.unit == "times"


def test_range_has_no_value_and_ordered_ends() -> None:
    f = the("Forecasters see 3-5 inches of rain.", "3-5 inches")
    assert (f.value, f.low, f.high, f.qualifier) == (None, 3, 5, "range")


# ---------------------------------------------------------------- currencies and ambiguity


def test_yen_sign_resolved_by_the_sentence() -> None:
    f = the("The Tokyo studio's film earned ¥2.5 billion at home.", "¥2.5 billion")
    assert (f.unit, f.ambiguous) == ("JPY", "")
    g = the("In Shanghai the same phone costs ¥6,999.", "¥6,999")
    assert (g.unit, g.ambiguous) == ("CNY", "")


def test_yen_sign_without_context_stays_ambiguous() -> None:
    f = the("The painting sold for ¥80 million at auction.", "¥80 million")
    assert f.unit == "CNY"
    assert "CNY or JPY" in f.ambiguous


def test_yen_sign_resolved_by_the_article() -> None:
    text = "Japan's exporters had a strong year. Net profit reached ¥1.2 trillion."
    f = the(text, "¥1.2 trillion")
    assert f.unit == "JPY"


def test_bare_dollars_ambiguous_next_to_hong_kong_dollars() -> None:
    text = "The chain's HK$ prices rose again. A set meal now costs 40 dollars."
    f = the(text, "40 dollars")
    assert f.unit == "USD"
    assert "HKD" in f.ambiguous
    g = the("Washington will spend 50 billion dollars on chips.", "50 billion dollars")
    assert (g.unit, g.ambiguous) == ("USD", "")


def test_currency_hints() -> None:
    assert currency_hints("The yuan weakened as China cut rates; ¥5 buys little.")[0] == {"¥": "CNY"}
    assert currency_hints("The yen rallied in Tokyo.")[0] == {"¥": "JPY"}
    assert currency_hints("Nothing to see.") == ({}, {})
    assert currency_hints("Fares rose to HK$12.")[1] == {"USD": "HKD"}
    assert currency_hints("Fares rose to 12 Canadian dollars.")[1] == {"USD": "CAD"}


def test_pounds_of_weight_are_not_sterling() -> None:
    f = the("The baby weighed 8 pounds at birth.", "8 pounds")
    assert f.unit == "pound"
    assert f.kind == "quantity"


# ---------------------------------------------------------------- things that are not claims

NOT_CLAIMS = [
    "OpenAI's GPT-4 and Anthropic's Claude 3.5 were compared with DeepSeek's R1 and V3.",
    "Nvidia's H200 and H800 chips remain restricted.",
    "Meta released Llama 3.3-70B to developers.",
    "Carriers rolled out 5G networks across the region.",
    "Apple launched the iPhone 16 with little fanfare.",
    "The laptop ships with Windows 11 preinstalled.",
    "The COVID-19 pandemic reshaped commuting.",
    "The report appeared in 2024 and was widely read.",
    "Since 2017 the policy has changed little.",
    "See section 12, row 4 and page 230 of the filing.",
    "For tickets call 020 7946 0321 or +44 20 7946 0958.",
    "Doors open at 7:30 p.m. and the show ends at 22:15.",
    "Polls close at 8pm across the state.",
    "1. Open the valve.\n2. Close the lid.\n3) Wait.",
    "Details at https://example.org/reports/2024/q3-results-7 today.",
    "Write to desk42@newsroom2025.example for copies.",
    "The book's ISBN is 978-1-4028-9462-6.",
    "Celtic won 3-1 at Hampden.",
    "The Warriors lost 98-104 on the road.",
    "The Wolves beat the Hawks 4-2 in overtime.",
    "Parliament voted 312-287 to approve the treaty.",
    "Flight BA 286 was diverted to Shannon.",
    "The Boeing 787 and Airbus A350 dominate long-haul routes.",
    "He wore the number 10 shirt and lives at No. 10.",
    "The shop is open 24/7 now.",
    "Sales in the 1990s were weak.",
    "She came 3rd in the 21st edition of the race.",
    "The Nasdaq 100 and the FTSE 100 are indexes.",
    "The S&P 500 hit a record.",
    "He takes the pill twice a day.",
    "The team posted double-digit growth.",
    "Profits in the first half of the year were flat.",
    "One of them left early.",
    "Form 10-K was filed late.",
    "The firm's Galaxy S24 and PlayStation 5 sold well.",
    "Type 2 diabetes is common.",
    "The 2024-25 season starts soon.",
    "The company has doubled down on its AI strategy.",
    "The prime minister returned to 10 Downing Street.",
    "Sales grew every year between 2020 and 2024.",
    "The hearing starts at 10.30 and ends by 12.15.",
    "The C5 and the 70B model were compared.",
]


def test_a_tally_in_minutes_is_not_a_share() -> None:
    figures = find_figures("He scored 3 in 10 minutes.")
    assert [f.unit for f in figures] == ["", "minute"]
    assert the("One in five adults smokes.", "One in five").multiplier == pytest.approx(0.2)


def test_day_and_year_numbers_next_to_months_are_not_counts() -> None:
    assert spans("She was born on 14 March and he on July 4.") == []


def test_date_spans_passed_in_skip_are_left_alone() -> None:
    text = "On 27 January 2025 Nvidia lost 17% of its value."
    date = text.index("27 January 2025")
    assert spans(text, skip=[(date, date + len("27 January 2025"))]) == ["17%"]
    start = text.index("17%")
    assert spans(text, skip=[(start, start + 3)]) == []


def test_a_year_with_a_plural_noun_is_not_a_count() -> None:
    assert spans("The 2024 Olympics were held in Paris.") == []


def test_only_the_figures() -> None:
    text = "Nvidia shares closed down 17%, erasing $589 billion and leaving the company worth about $2.9 trillion."
    assert spans(text) == ["17%", "$589 billion", "$2.9 trillion"]
    text = "V3 was trained on 2,048 Nvidia H800 chips, using 2.788 million GPU hours, for a bill of $5.6 million."
    assert spans(text) == ["2,048", "2.788 million GPU hours", "$5.6 million"]


def test_change_then_level_is_not_a_range() -> None:
    text = "Brent crude fell $3 to $78 a barrel."
    assert spans(text) == ["$3", "$78 a barrel"]
    assert the(text, "$3").direction == "down"
    assert the(text, "$78 a barrel").direction is None


def test_from_to_borrows_the_scale() -> None:
    f = the("Users grew from 2 to 3 million in a year.", "2")
    assert f.value == pytest.approx(2e6)


def test_level_after_to_has_no_direction() -> None:
    text = "Unemployment fell to 3.9%, down from 4.1%."
    assert [the(text, s).direction for s in ("3.9%", "4.1%")] == [None, None]


# ---------------------------------------------------------------- what the words around a figure say
# Each case states a general habit of news prose; the sentences are written for these tests.

PROSE = [
    # the counted noun: the last of a run of nouns, a fixed compound, a coordination, after "more"/"extra"
    Case("The group runs 12 savings banks in the north.", "12", "count", 12, noun="bank"),
    Case("The council owns 40 care homes and two hospitals.", "40", "count", 40, noun="care home"),
    Case("The diver took two bronze medals home.", "two", "count", 2, noun="bronze medal"),
    Case("The academy hired 30 chemistry and biology teachers.", "30", "count", 30, noun="teacher"),
    Case("The reform would leave 2.1 million more households in arrears.", "2.1 million", "count", 2.1 * M,
         noun="household", direction="up"),
    Case("The shooting left five dead and nine wounded.", "nine", "count", 9, noun="person"),
    Case("Prices rose across the 19-member currency union.", "19", "count", 19, noun="member"),
    # a count with no noun after it takes the noun of the sentence
    Case("Hospital admissions for flu rose by 1,200 to 15,800 last week.", "1,200", "count", 1200, noun="admission",
         direction="up"),
    Case("Hospital admissions for flu rose by 1,200 to 15,800 last week.", "15,800", "count", 15800,
         noun="admission"),
    Case("Burglaries in the county fell 9% to 4,310 last year.", "4,310", "count", 4310, noun="burglary"),
    Case("The chain has 212 branches, down from 260 in 2019.", "260", "count", 260, noun="branch"),
    Case("Visitor numbers at the castle reached 1.4 million last year.", "1.4 million", "count", 1.4 * M,
         noun="visitor"),
    Case("A crowd of 52,000 filled the stadium for the derby.", "52,000", "count", 52000, noun="spectator"),
    Case("The Nikkei 225 closed 1.4% lower at 38,120.3 on Friday.", "38,120.3", "count", 38120.3, noun="point"),
    Case("Forty of the 120 delegates walked out of the talks.", "Forty", "count", 40, noun="delegate"),
    Case("The alliance won 210 seats, four short of a majority.", "four", "count", 4, noun="seat"),
    # a rate per head of population is one figure, not a count of 100,000 things
    Case("Knife crime in the city ran at 153 per 100,000 residents last year.", "153 per 100,000 residents",
         "count", 153, noun="per 100000"),
    # a number word with nothing after it counts part of what was named before ("four of them", "five in Wales")
    Case("Seven hikers were rescued, four of them from the north face.", "four", "count", 4, noun="hiker"),
    Case("The bank will shut 30 branches, nine in Scotland and five in Wales.", "five", "count", 5, noun="branch",
         direction="down"),
    Case("The economy added 210,000 jobs, fewer than the 250,000 analysts had expected.", "250,000", "count",
         250000, noun="job", direction="up"),
    Case("Thirty branches will close by the end of June.", "Thirty", "count", 30, noun="branch",
         direction="down"),
    Case("The insurer will lay off 900 staff in Ireland.", "900", "count", 900, noun="staff", direction="down"),
    Case("The merger will bring about 2,000 job cuts.", "2,000", "count", 2000, noun="job", qualifier="approx",
         direction="down"),
    Case("Its pupils scored 5 points below the national average.", "5", "count", 5, noun="point",
         direction="down"),
    # ages
    Case("Priya Shah, 31, a nurse from Croydon, said the ward was full.", "31", "quantity", 31, "year"),
    Case("Ministers will raise the pension age from 66 to 67.", "66", "quantity", 66, "year"),
    Case("Ministers will raise the pension age from 66 to 67.", "67", "quantity", 67, "year"),
    # direction: a verb before "by", a modifier between figure and change noun, a list of changes
    Case("The scheme cut the number of serious injuries on rural roads by 18%.", "18%", "percent", 18, "percent",
         direction="down"),
    Case("Rents climbed by an average of 6.2% across the city.", "6.2%", "percent", 6.2, "percent",
         direction="up"),
    Case("Nurses were offered a 7% wage rise.", "7%", "percent", 7, "percent", direction="up"),
    Case("Toyota rose 3.2%, Honda 2.7% and Nissan 1.9%.", "2.7%", "percent", 2.7, "percent", direction="up"),
    Case("Toyota rose 3.2%, Honda 2.7% and Nissan 1.9%.", "1.9%", "percent", 1.9, "percent", direction="up"),
    Case("Prices fell 0.4% on the month and 2.9% on the year.", "2.9%", "percent", 2.9, "percent",
         direction="down"),
    Case("The index shed 420 points, or 1.1%, on Tuesday.", "1.1%", "percent", 1.1, "percent", direction="down"),
    Case("The new engine is three times more efficient.", "three times", "quantity", 3, "times", direction="up"),
    Case("Ridership was nearly a fifth higher than in 2019.", "a fifth", "quantity", 0.2, "times",
         qualifier="at_most", direction="up"),
    # hedges written as verbs and comparatives
    Case("Gold prices topped $2,500 for the first time.", "$2,500", "quantity", 2500, "USD",
         qualifier="more_than"),
    Case("The repair bill could exceed €2bn.", "€2bn", "quantity", 2 * B, "EUR", qualifier="more_than"),
    Case("Claims must be settled within 30 days.", "30 days", "quantity", 30, "day", qualifier="at_most"),
    Case("Some patients waited longer than 12 hours.", "12 hours", "quantity", 12, "hour",
         qualifier="more_than"),
    Case("Afternoon highs hovered near 35C in Athens.", "35C", "quantity", 35, "degree_Celsius",
         qualifier="approx"),
    Case("The haul had an estimated resale value of $3m.", "$3m", "quantity", 3 * M, "USD", qualifier="approx"),
    Case("Inflation edged up to 3.4% in May.", "3.4%", "percent", 3.4, "percent"),
    Case("Fares will rise by up to 5.9% in January.", "5.9%", "percent", 5.9, "percent", qualifier="at_most",
         direction="up"),
    # rates and units
    Case("The service charges $3 per million cached tokens.", "$3 per million cached tokens", "quantity", 3,
         "USD/million_token"),
    Case("Power traded at €95 per megawatt hour.", "€95 per megawatt hour", "quantity", 95, "EUR/megawatt_hour"),
    Case("Cells now cost $115 per kilowatt-hour.", "$115 per kilowatt-hour", "quantity", 115,
         "USD/kilowatt_hour"),
    Case("Fibre lines averaged 145 megabits per second.", "145 megabits per second", "quantity", 145,
         "megabit/second"),
    Case("The tower offers 300,000 square feet of offices.", "300,000 square feet", "quantity", 300000,
         "square_foot"),
    Case("Methane reached 1,930 parts per billion.", "1,930 parts per billion", "quantity", 1930, "ppb"),
    Case("The galaxy lies 12 million light years away.", "12 million light years", "quantity", 12 * M,
         "light_year"),
    Case("Each photon carried 6.5 electronvolts.", "6.5 electronvolts", "quantity", 6.5, "electron_volt"),
    Case("Silver traded at $31 an ounce.", "$31 an ounce", "quantity", 31, "USD/troy_ounce"),
    Case("The carrier raised fares by £5 to £89 a seat.", "£5", "quantity", 5, "GBP/seat", direction="up"),
    Case("The plan costs 12 trillion won over a decade.", "12 trillion won", "quantity", 12 * T, "KRW"),
    Case("The company priced its shares at $21 in the offering.", "$21", "quantity", 21, "USD/share"),
    Case("Yields climbed 0.15 of a percentage point.", "0.15 of a percentage point", "percent", 0.15,
         "percentage_point", direction="up"),
    Case("The central bank lowered rates by a quarter point.", "a quarter point", "percent", 0.25,
         "percentage_point", direction="down"),
    Case("Labour is on 31%, down 3 points on last month.", "3 points", "percent", 3, "percentage_point",
         direction="down"),
    # exchange rates
    Case("The euro rose 0.2% to $1.0925 in London.", "$1.0925", "quantity", 1.0925, "USD/EUR"),
    Case("The dollar slipped against the yen to 149.3.", "149.3", "quantity", 149.3, "JPY/USD"),
    Case("The rupee fell past 84 per dollar.", "84 per dollar", "quantity", 84, "INR/USD", qualifier="more_than"),
    # spans of time written as words
    Case("It was the first such ruling in a century.", "a century", "quantity", 100, "year"),
    Case("Results are due within a fortnight.", "a fortnight", "quantity", 2, "week", qualifier="at_most"),
    Case("Half a century on, the song still sells.", "Half a century", "quantity", 50, "year"),
    Case("The dispute has dragged on for two decades.", "two decades", "quantity", 20, "year"),
    Case("The eclipse lasted 3 minutes 12 seconds.", "3 minutes 12 seconds", "quantity", 192, "second"),
    Case("The inquiry could take between 20 months and three years.", "20 months and three years", "quantity",
         None, "month", qualifier="range"),
    Case("Roughly one household in eight has no car.", "one household in eight", "quantity", 0.125, "times",
         qualifier="approx"),
]


@pytest.mark.parametrize("case", PROSE, ids=[f"{i:03d}-{c.span}" for i, c in enumerate(PROSE)])
def test_figure_in_context(case: Case) -> None:
    test_figure(case)


def test_a_change_then_a_level_are_two_figures() -> None:
    assert spans("Jobless claims fell by 2,000 to 215,000.") == ["2,000", "215,000"]
    assert spans("Output rose 8,000 to 230,000 barrels.")[0] == "8,000"
    f = the("The inquiry could take between 20 months and three years.", "20 months and three years")
    assert (f.low, f.high) == (20, 36)


def test_points_after_an_index_move_stay_index_points() -> None:
    f = the("The Dow fell 1.5% on Monday, down 600 points.", "600")
    assert (f.kind, f.noun, f.direction) == ("count", "point", "down")
    g = the("The FTSE 100 rose 1.2%, or 95 points, to 8,300.", "95")
    assert (g.kind, g.noun, g.direction) == ("count", "point", "up")


def test_a_list_of_compound_nouns_shares_its_head() -> None:
    text = "She won three gold medals and two silvers, a career total of nine."
    assert [the(text, s).noun for s in ("three", "two", "nine")] == ["gold medal", "silver medal", "medal"]


NOT_CLAIMS_IN_CONTEXT = [
    "Read chapters 3 and 4 before the seminar.",
    "The motorway is shut between junctions 4 and 6.",
    "Her priorities: 1) schools, 2) hospitals, 3) transport.",
    "The winners were: 1. Norway, 2. Kenya, 3. Peru.",
    "A neighbour made a 911 call just after midnight.",
    "A 737 MAX crashed shortly after take-off.",
    "The 10-year gilt yield is watched closely.",
    "Freight firms ship most goods in 40-foot containers.",
    "Take-Two and 7-Eleven were both in the news.",
    "She presents the Ten O'Clock News.",
    "Eleven-year-olds sit the test in May.",
    "He won the 400 metres in Rome.",
    "It was their worst one-week loss since 2008.",
    "Pupils are marked on a 9-to-1 scale.",
    "The agency is smaller than it was a decade ago.",
]


@pytest.mark.parametrize("sentence", NOT_CLAIMS + NOT_CLAIMS_IN_CONTEXT)
def test_not_a_claim(sentence: str) -> None:
    assert spans(sentence) == []


# ---------------------------------------------------------------- ranges, hedges and directions in running prose
# General habits of news prose; every sentence is written for these tests.

RANGES = [
    # both ends carry the unit, joined by "to": a noun phrase or a verb of expecting makes it one range
    Case("The chain guided for like-for-like growth of 3% to 5% next year.", "3% to 5%", "percent", None, "percent",
         qualifier="range", direction="up"),
    Case("Planners pencilled in a forecast of 2.5% to 3% for freight volumes.", "2.5% to 3%", "percent", None,
         "percent", qualifier="range"),
    Case("The regulator expects 7% to 9% of lenders to fail the test.", "7% to 9%", "percent", None, "percent",
         qualifier="range"),
    Case("Turnout in the by-election was put between 31% and 34%.", "31% and 34%", "percent", None, "percent",
         qualifier="range"),
    Case("Brokers value the stock at $40 to $46 a share.", "$40 to $46 a share", "quantity", None, "USD/share",
         qualifier="range"),
    Case("Search teams combed a corridor 3km to 6km wide.", "3km to 6km", "quantity", None, "kilometer",
         qualifier="range"),
    Case("Fares on the line could go up by a margin of 8p to 12p.", "8p to 12p", "quantity", None, "GBP",
         qualifier="range"),
    # counted in words: "one or two", "three to four"
    Case("Only one or two referees have the badge.", "one or two", "count", None, noun="referee",
         qualifier="range"),
    Case("Two or three earthquakes are felt there every week.", "Two or three", "count", None, noun="earthquake",
         qualifier="range"),
    Case("The surgery needs three to four nurses in theatre.", "three to four", "count", None, noun="nurse",
         qualifier="range"),
    Case("Five or six councillors abstained in the vote.", "Five or six", "count", None, noun="councillor",
         qualifier="range"),
    Case("Recovery takes four or five weeks for most runners.", "four or five weeks", "quantity", None, "week",
         qualifier="range"),
    # scale words beyond trillion
    Case("The last red dwarfs could shine for 10 septillion years.", "10 septillion years", "quantity", 1e25,
         "year"),
    Case("Japan's public debt stands at 1.3 quadrillion yen.", "1.3 quadrillion yen", "quantity", 1.3e15, "JPY"),
    Case("Entomologists count some 10 quintillion insects alive at any time.", "10 quintillion", "count", 1e19,
         noun="insect", qualifier="approx"),
    # a rate written with hyphens in front of a noun
    Case("Producers are budgeting for $90-a-barrel crude next year.", "$90-a-barrel", "quantity", 90,
         "USD/barrel_oil"),
    Case("Care workers are campaigning for a £13-an-hour minimum.", "£13-an-hour", "quantity", 13, "GBP/hour"),
    Case("The streamer launched a $7-a-month tier with adverts.", "$7-a-month", "quantity", 7, "USD/month"),
    Case("Hauliers pay a €0.30-per-kilometre toll on the motorway.", "€0.30-per-kilometre", "quantity", 0.30,
         "EUR/kilometer"),
]

HEDGES_AND_DIRECTIONS = [
    # estimates
    Case("Storm damage across the islands is estimated at $780 million.", "$780 million", "quantity", 780 * M, "USD",
         qualifier="approx"),
    Case("Flooding cut power to an estimated 40,000 homes.", "40,000", "count", 40000, noun="home",
         qualifier="approx"),
    Case("Economists estimate the tariff would add 0.4% to consumer prices.", "0.4%", "percent", 0.4, "percent",
         qualifier="approx", direction="up"),
    Case("Auditors estimated that 1,800 claims were paid twice.", "1,800", "count", 1800, noun="claim",
         qualifier="approx"),
    # lowest prices on offer
    Case("The folding phone is on sale starting at $1,299.", "$1,299", "quantity", 1299, "USD",
         qualifier="at_least"),
    Case("Season tickets are priced from £420.", "£420", "quantity", 420, "GBP", qualifier="at_least"),
    Case("Cabins on the new ferry go from €59 a night.", "€59 a night", "quantity", 59, "EUR/night",
         qualifier="at_least"),
    # passing a mark
    Case("The podcast passed 50 million downloads in March.", "50 million", "count", 50 * M, noun="download",
         qualifier="more_than"),
    Case("Wheat futures surpassed $9 a bushel.", "$9 a bushel", "quantity", 9, "USD/bushel", qualifier="more_than"),
    Case("The relief appeal crossed £2m on its second day.", "£2m", "quantity", 2 * M, "GBP", qualifier="more_than"),
    Case("Ticket sales for the tour exceeded 600,000.", "600,000", "count", 600000, qualifier="more_than"),
    Case("The river could rise as much as 2 metres overnight.", "2 metres", "quantity", 2, "meter",
         qualifier="at_most", direction="up"),
    Case("As many as 90 flights were grounded by fog.", "90", "count", 90, noun="flight", qualifier="at_most"),
    # direction verbs of currencies, rates and prices
    Case("The Swiss franc firmed 0.6% after the vote.", "0.6%", "percent", 0.6, "percent", direction="up"),
    Case("The rand strengthened 1.4% against the dollar.", "1.4%", "percent", 1.4, "percent", direction="up"),
    Case("The won weakened 0.9% in Seoul trading.", "0.9%", "percent", 0.9, "percent", direction="down"),
    Case("Cocoa prices softened 3% on better harvest news.", "3%", "percent", 3, "percent", direction="down"),
    Case("Wage growth accelerated to 5.7% in the spring.", "5.7%", "percent", 5.7, "percent", direction="up"),
    Case("Factory output growth slowed to 0.8% in August.", "0.8%", "percent", 0.8, "percent", direction="down"),
    Case("Retail footfall picked up 1.5% in the week.", "1.5%", "percent", 1.5, "percent", direction="up"),
    Case("The jobless rate edged down 0.1 percentage point.", "0.1 percentage point", "percent", 0.1,
         "percentage_point", direction="down"),
    Case("Mortgage approvals ticked up 2% in July.", "2%", "percent", 2, "percent", direction="up"),
    # change nouns after the figure
    Case("Bus drivers accepted a 9% raise after the strike.", "9%", "percent", 9, "percent", direction="up"),
    Case("Junior doctors were offered a 6% pay raise.", "6%", "percent", 6, "percent", direction="up"),
    Case("Porters won a 4.5% wage hike last spring.", "4.5%", "percent", 4.5, "percent", direction="up"),
    # a relative clause with a change verb
    Case("The miner has yet to regain the 18% it lost in May.", "18%", "percent", 18, "percent", direction="down"),
    Case("Investors kept the 11% they gained before the split.", "11%", "percent", 11, "percent", direction="up"),
]


@pytest.mark.parametrize("case", RANGES, ids=[f"{i:03d}-{c.span}" for i, c in enumerate(RANGES)])
def test_range_or_rate(case: Case) -> None:
    test_figure(case)


@pytest.mark.parametrize("case", HEDGES_AND_DIRECTIONS, ids=[f"{i:03d}-{c.span}" for i, c in enumerate(HEDGES_AND_DIRECTIONS)])
def test_hedge_or_direction(case: Case) -> None:
    test_figure(case)


def test_word_and_unit_ranges_have_both_ends() -> None:
    f = the("Only one or two referees have the badge.", "one or two")
    assert (f.low, f.high) == (1, 2)
    f = the("Search teams combed a corridor 3km to 6km wide.", "3km to 6km")
    assert (f.low, f.high) == (3, 6)
    f = the("Between two and three million pilgrims are expected.", "two and three million")
    assert (f.low, f.high) == (2e6, 3e6)
    f = the("Five to six hundred residents signed the petition.", "Five to six hundred")
    assert (f.low, f.high) == (500, 600)


def test_a_change_verb_then_a_level_stays_two_figures() -> None:
    # a verb of change before the first figure: the change, then the level reached
    assert spans("The jobless rate rose 0.3% to 4.4% in the autumn.") == ["0.3%", "4.4%"]
    assert spans("Diesel fell 4% to $3.20 a gallon.") == ["4%", "$3.20 a gallon"]
    # a change noun with a far larger second figure is the same story
    assert spans("The board approved a rise of 0.5% to 6.25% for the base rate.") == ["0.5%", "6.25%"]


def test_or_joins_only_neighbouring_numbers() -> None:
    assert spans("He scored 1 or 20 goals, depending on who you ask.") == ["1", "20"]
    assert spans("The turbine makes 2 or 3 megawatts.") == ["2 or 3 megawatts"]


def test_from_a_price_is_not_a_lower_bound_in_a_change() -> None:
    assert [the("Fares rose from $10 to $12.", s).qualifier for s in ("$10", "$12")] == ["exact", "exact"]
    # a price that starts at a figure is at least that figure (dearer versions cost more)
    assert the("The handset starts at $999 in the US.", "$999").qualifier == "at_least"


def test_passing_a_small_tally_is_not_a_bound() -> None:
    assert the("The assembly passed 12 bills this session.", "12").qualifier == "exact"


def test_an_estimated_range_keeps_its_ends() -> None:
    f = the("The crater is estimated at 20 to 30 metres deep.", "20 to 30 metres")
    assert (f.qualifier, f.low, f.high) == ("range", 20, 30)


# ---------------------------------------------------------------- units and currencies from the YAML tables


def test_milligrams_have_a_unit() -> None:
    f = the("Patients took 5 mg of the drug twice daily.", "5 mg")
    assert (f.kind, f.unit) == ("quantity", "milligram")


def test_kronor_are_a_currency() -> None:
    f = the("The prize is worth SEK 11 million this year.", "SEK 11 million")
    assert (f.kind, f.unit) == ("quantity", "SEK")


# ---------------------------------------------------------------- properties

_TOKENS = [
    "$", "US$", "HK$", "€", "£", "¥", "RMB ", "5.6", "2,048", "17", "0.3", "1,000,000", "600", "-", "−", "+", "to",
    "and", "between", "from", "about", "nearly", "more than", "at least", "up to", "under", "%", "per cent",
    "percentage points", "million", "billion", "bn", "m", "k", "tn", "dollars", "yuan", "cents", "pence", "twice",
    "half", "a", "dozen", "twenty-one", "one in", "five", "times", "fold", "rose", "fell", "drop", "GPU hours",
    "per million tokens", "a share", "GPUs", "people", "H800", "GPT-4", "R1", "2024", "January", "won", "3-1",
    "-70B", "Claude", "3.5", "page", "No.", "(", ")", ",", ".", "\n", "1.", "9:30", "a.m.", "http://x.io/7", "+44",
    "°C", "km", "or more", "or so", "-plus", "x", "minus", "of", "the", "Tokyo", "Shanghai", "~", "over", "years",
    "a quarter of a", "point", "Rmb", "C", "p", "US", "or", "quadrillion", "septillion", "-a-barrel", "-an-hour",
    "estimated at", "starting at", "passed", "it lost",
]


@st.composite
def newsish(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(_TOKENS), min_size=0, max_size=25))
    seps = draw(st.lists(st.sampled_from(["", " ", " ", " ", "\u00a0", "-"]), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


def _check(text: str, skip: list[tuple[int, int]] | None = None) -> None:
    figures = find_figures(text, skip=skip)
    last_end = 0
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end, "figures overlap or are out of order"
        last_end = f.end
        assert math.isfinite(f.low) and math.isfinite(f.high)
        assert f.low <= f.high
        assert f.kind in ("quantity", "percent", "count")
        assert f.qualifier in ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
        if f.qualifier == "range":
            assert f.value is None
        else:
            assert f.value is not None and math.isfinite(f.value)
            assert f.low - 1e-9 * abs(f.value) <= f.value <= f.high + 1e-9 * abs(f.value)
        if skip:
            assert not any(s < f.end and f.start < e for s, e in skip)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(newsish(), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=3))
def test_invariants_on_news_like_text(text: str, raw_skip: list[tuple[int, int]]) -> None:
    skip = [(s, s + n) for s, n in raw_skip if n]
    _check(text)
    _check(text, skip)


@pytest.mark.parametrize("text", [
    "Exports to China rose in May. Visitors from Japan and the U.S. paid ¥5,000 for a ticket.",
    "China's exports rose. A survey in Japan, by the U.S. embassy, found rents of ¥90,000.",
])
def test_the_yen_sign_reads_its_whole_sentence_past_an_abbreviation(text: str) -> None:
    """"U.S." ends no sentence (the one sentence splitter): the sentence names Japan, so ¥ is yen."""
    (fig,) = find_figures(text)
    assert (fig.unit, fig.ambiguous) == ("JPY", "")


def test_points_beside_a_percentage_level_are_percentage_points() -> None:
    from factcheck.extract import extract_text

    def units(text: str) -> dict[str, str]:
        return {c.text: c.unit for c in extract_text(text, published="2025-01-01")}

    assert units("Her share rose 2.4 points to 41.3% from 36.9%.")["2.4 points"] == "percentage_point"
    assert units("The Ravens won by 24 points. Their win rate is 61%.")["24"] == ""
    assert units("The index sank 412 points, or 2.1%, on Monday.")["412"] == ""  # the percentage restates the fall
