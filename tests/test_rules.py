"""Rule files: validation with positions, and each kind of the default pack on small articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from conftest import write_article
from factcheck.rules import KINDS, RuleError, load_rules
from factcheck.core.records import BOTH_SIDES


def _errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([path], include_default=False)
    return [line.replace(str(path), "r.yaml") for line in info.value.problems]


def test_the_default_pack_loads_every_kind() -> None:
    rules = load_rules()
    assert {r.kind for r in rules} == set(KINDS)
    assert all(r.origin.startswith(str(Path("rules")) ) or "default.yaml" in r.origin for r in rules)


def test_all_errors_are_reported_at_once_with_positions(tmp_path: Path) -> None:
    errors = _errors(tmp_path, """rules:
  - id: a
    kind: figure_conflict
    tolerence: 0.1
  - id: b
    kind: figure_conflit
  - id: a
    kind: weekday
    severity: fatal
  - id: c
    kind: date_conflict
    message: "{entity} on {dates}"
  - id: d
    kind: conversion
    tolerance: lots
""")
    assert "r.yaml:4:5: unknown key 'tolerence' (did you mean 'tolerance'?) for kind 'figure_conflict'" in errors
    assert any(e.startswith("r.yaml:6:11: unknown kind 'figure_conflit' (did you mean 'figure_conflict'?)") for e in errors)
    assert "r.yaml:9:15: severity must be one of error, warning, info, not 'fatal'" in errors
    assert any(e.startswith("r.yaml:12:14: 'message' uses unknown field '{dates}'") for e in errors)
    assert "r.yaml:15:16: 'tolerance' must be a number, not 'lots'" in errors


def test_duplicate_ids_and_yaml_syntax(tmp_path: Path) -> None:
    dup = _errors(tmp_path, "rules:\n  - {id: x, kind: weekday}\n  - {id: x, kind: weekday}\n")
    assert dup == ["r.yaml:3:5: duplicate id 'x' (first at r.yaml:2)"]
    syntax = _errors(tmp_path, "rules:\n  - id: x\n    kind: [weekday\n")
    assert syntax[0].startswith("r.yaml:4:1: not valid YAML")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    assert _errors(tmp_path, "rule:\n  - {id: x, kind: weekday}\n")[0] == "r.yaml:1:1: unknown top-level key 'rule' (did you mean 'rules'?)"


def _findings(tmp_path: Path, *articles: tuple[str, str, str]) -> list:
    for name, source, body in articles:
        write_article(tmp_path, name, body, source=source)
    return factcheck.check([tmp_path]).finding_records


def test_figure_conflict_and_rounding(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Harbor Bank raised $2.4 billion from its share sale on Tuesday.\n"),
        ("b.md", "South Desk", "Harbor Bank raised $4.2 billion from its share sale.\n"),
        ("c.md", "East Desk", "Harbor Bank raised about $2.4bn in the share sale.\n"),
    )
    conflicts = [f for f in found if f.rule == "figure-conflict"]
    assert len(conflicts) == 1
    assert {c.text for c in conflicts[0].claims} == {"$2.4 billion", "$4.2 billion", "$2.4bn"}
    assert conflicts[0].severity == "error"


EPICENTRES = (("a.md", "North Desk", "The Lorn earthquake's epicentre lay 120 km north of Lorn.\n"),
              ("b.md", "South Desk", "The Lorn earthquake's epicentre was 45 miles north of Lorn.\n"),
              ("c.md", "East Desk", "The Lorn earthquake's epicentre lay 80 km north of Lorn.\n"),
              ("d.md", "West Desk", "The Lorn earthquake's epicentre lay 120 km north of Lorn.\n"))


def _conflict_pairs(found: list) -> set[tuple[str, ...]]:
    """Each pair of sides of each figure conflict, as the (sorted) first texts the two sides give."""
    out = set()
    for f in found:
        if f.rule == "figure-conflict":
            sides = {k: sorted({c.text for c, side in zip(f.claims, f.sides) if side == k})
                     for k in sorted(set(f.sides)) if k >= 0}
            keys = list(sides)
            out.update(tuple(sorted((sides[x][0], sides[y][0]))) for i, x in enumerate(keys) for y in keys[i + 1:])
    return out


def test_each_reading_against_the_reference_and_with_pairs_all_each_other(tmp_path: Path) -> None:
    found = _findings(tmp_path, *EPICENTRES)
    # 120 km is the reference (two outlets); 45 miles (72 km) and 80 km disagree with it and with each
    # other: one finding holds all three readings, each on a side of its own
    conflicts = [f for f in found if f.rule == "figure-conflict"]
    assert len(conflicts) == 1 and sorted(set(conflicts[0].sides)) == [0, 1, 2]
    assert _conflict_pairs(found) == {("120 km", "45 miles"), ("120 km", "80 km"), ("45 miles", "80 km")}
    rules = tmp_path.parent / f"{tmp_path.name}-rules"
    rules.mkdir()
    (rules / "all.yaml").write_text("rules:\n  - id: figure-conflict\n    kind: figure_conflict\n    pairs: all\n")
    all_pairs = factcheck.check([tmp_path], rules=[rules]).finding_records
    # with pairs: all, each pair that disagrees is a finding of its own
    assert _conflict_pairs(all_pairs) == {("120 km", "45 miles"), ("120 km", "80 km"), ("45 miles", "80 km")}
    assert len([f for f in all_pairs if f.rule == "figure-conflict"]) == 3


def test_a_hedged_figure_that_fits_both_readings_sides_with_neither(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "The Lorn earthquake's epicentre lay 120 km north of Lorn.\n"),
        ("b.md", "South Desk", "The Lorn earthquake's epicentre lay 100 km north of Lorn.\n"),
        ("c.md", "East Desk", "The Lorn earthquake's epicentre lay about 110 km north of Lorn.\n"),
        ("d.md", "West Desk", "The Lorn earthquake's epicentre lay roughly 110 km north of Lorn.\n"),
    )
    (conflict,) = [f for f in found if f.rule == "figure-conflict"]
    sides = {c.source: side for c, side in zip(conflict.claims, conflict.sides)}
    # the two hedged figures fit 100 and 120 alike: on no side (-1), so they make neither the majority
    assert sides["East Desk"] == sides["West Desk"] == -1
    assert {sides["North Desk"], sides["South Desk"]} == {0, 1}


def test_a_preliminary_and_a_final_figure_differ_as_an_info_note(tmp_path: Path) -> None:
    said = tmp_path / "said"
    said.mkdir()
    found = _findings(said, ("a.md", "North Desk", "Preliminary figures put Sella's harvest at 4.1 million tonnes.\n"),
                      ("b.md", "South Desk", "Sella's harvest was 4.6 million tonnes, final figures showed.\n"))
    assert [f.severity for f in found if f.rule == "figure-conflict"] == ["info"]  # said so: a borderline difference
    plain = tmp_path / "plain"
    plain.mkdir()
    found = _findings(plain, ("a.md", "North Desk", "Sella's harvest came to 4.1 million tonnes.\n"),
                      ("b.md", "South Desk", "Sella's harvest was 4.6 million tonnes.\n"))
    assert [f.severity for f in found if f.rule == "figure-conflict"] == ["error"]


def test_hedged_figures_agree(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "The storm left Coral County with damage of $5.6 million, officials said.\n"),
        ("b.md", "South Desk", "The storm left Coral County with damage of under $6 million, officials said.\n"),
    )
    assert not [f for f in found if f.severity in ("error", "warning")]


def test_two_companies_are_two_facts(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Orbit Labs raised $300 million in its listing.\n"),
        ("b.md", "South Desk", "Comet Systems raised $120 million in its listing.\n"),
    )
    assert not [f for f in found if f.rule == "figure-conflict"]


def test_date_conflict_with_a_relative_date(tmp_path: Path) -> None:
    write_article(tmp_path, "a.md", "Mayor Lena Ortiz unveiled the budget on March 3, 2025.\n", source="North Desk",
                  published="2025-03-04")
    write_article(tmp_path, "b.md", "Mayor Lena Ortiz unveiled the budget last Friday.\n", source="South Desk",
                  published="2025-03-10")
    found = factcheck.check([tmp_path]).finding_records
    dates = [f for f in found if f.rule == "date-conflict"]
    assert len(dates) == 1
    assert {c.text for c in dates[0].claims} == {"March 3, 2025", "last Friday"}


def test_conversion(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "The province pledged 70 billion yuan ($9.7 billion) for rail. "
                               "A second plan adds 50 billion yuan ($12 billion) for ports.\n"),
    )
    conv = [f for f in found if f.rule == "conversion"]
    assert [sorted(c.text for c in f.claims) for f in conv] == [["$12 billion", "50 billion yuan"]]


def test_arithmetic_change_and_multiple(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Lumen Motors' market value fell from $80 billion to $60 billion, a 40% drop. "
                               "Its rival Vega sold 300,000 cars, about twice Lumen's 100,000.\n"),
    )
    arith = [f for f in found if f.rule == "arithmetic"]
    assert sorted(f.claims[0].text for f in arith) == ["40%", "twice"]


def test_a_change_stated_before_its_levels_is_checked_too(tmp_path: Path) -> None:
    """ "rises 9.5% to £21.4m from £20.0m" (7%): the change comes first and the end level before the start."""
    found = _findings(tmp_path, ("a.md", "North Desk", "Road repair spending in Tarrow rises 9.5% to £21.4m from "
                                                       "£20.0m, and bus subsidies rise 3% to £5.15m from £5m.\n"))
    assert [f.claims[0].text for f in found if f.rule == "arithmetic"] == ["9.5%"]


def test_arithmetic_holds(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Lumen Motors' market value fell from $80 billion to $60 billion, a 25% drop. "
                               "Vega sold 200,000 cars, twice Lumen's 100,000.\n"),
    )
    assert not [f for f in found if f.rule == "arithmetic"]


def test_weekday(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "The vote took place on Sunday, March 3, 2025. The count ended on Tuesday, "
                               "March 4, 2025.\n"),
    )
    week = [f for f in found if f.rule == "weekday"]
    assert len(week) == 1
    assert [c.text for c in week[0].claims] == ["Sunday", "March 3, 2025"]
    assert "Monday" in week[0].message


def test_scope_words_keep_two_measures_apart(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "The men's champion at the Coral Open receives $1.2 million.\n"),
        ("b.md", "South Desk", "The women's champion at the Coral Open takes home $900,000.\n"),
        ("c.md", "East Desk", "Hurricane Ines brought sustained winds of 140mph to the coast.\n"),
        ("d.md", "West Desk", "Hurricane Ines produced a gust of 163mph on the coast.\n"),
    )
    assert not [f for f in found if f.rule == "figure-conflict"]


def test_a_forecast_is_not_the_outcome(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Harbor Foods reported revenue of $4.1 billion for 2024.\n"),
        ("b.md", "South Desk", "Analysts had forecast revenue of $4.6 billion for Harbor Foods in 2024.\n"),
    )
    assert not [f for f in found if f.rule == "figure-conflict"]


def test_a_figure_that_names_no_measure_meets_the_one_named(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Kessling Motors reported net profit of $874 million for 2024.\n"),
        ("b.md", "South Desk", "Kessling Motors made $784 million in 2024, its filing shows.\n"),
    )
    assert [sorted(c.text for c in f.claims) for f in found if f.rule == "figure-conflict"] == [
        ["$784 million", "$874 million"]]


def test_spelling_variants_of_a_name_are_one_entity(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Harbour Bank raised $2.4 billion from its share sale.\n"),
        ("b.md", "South Desk", "Harbor Bank raised $4.2 billion from its share sale.\n"),
    )
    assert [f.rule for f in found if f.severity == "error"] == ["figure-conflict"]


def test_counted_nouns_with_one_meaning_meet(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        ("a.md", "North Desk", "Brightwell Retail will close 140 stores this year.\n"),
        ("b.md", "South Desk", "Brightwell Retail plans to shut 115 shops this year.\n"),
    )
    assert [sorted(c.text for c in f.claims) for f in found if f.rule == "figure-conflict"] == [["115", "140"]]


def test_two_days_with_no_event_named_are_not_compared(tmp_path: Path) -> None:
    """A company has many days; without an event word, Monday's fall and Tuesday's rebound are not one fact."""
    write_article(tmp_path, "a.md", "Orbit Labs was the talk of the market on Monday, January 27, 2025.\n",
                  source="North Desk", published="2025-01-28")
    write_article(tmp_path, "b.md", "On Tuesday Orbit Labs was quiet.\n", source="South Desk", published="2025-01-31")
    found = factcheck.check([tmp_path]).finding_records
    assert not [f for f in found if f.rule == "date-conflict"]


def test_bad_option_values_get_suggestions_and_duplicates_are_still_checked(tmp_path: Path) -> None:
    errors = _errors(tmp_path, """rules:
  - id: a
    kind: figure_conflict
    across: source
    claim_kinds: [quantity, percents]
  - id: a
    kind: weekday
    severity: fatal
""")
    assert errors == [
        "r.yaml:4:13: across must be one of articles, sources, any, not 'source' (did you mean 'sources'?)",
        "r.yaml:5:18: claim_kinds must be one of quantity, percent, count, not 'percents' (did you mean 'percent'?)",
        "r.yaml:6:5: duplicate id 'a' (first at r.yaml:2)",
        "r.yaml:8:15: severity must be one of error, warning, info, not 'fatal'",
    ]


def test_extends_shared_files_are_not_a_loop_but_a_real_loop_is(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("rules:\n  - {id: w, kind: weekday}\n", encoding="utf-8")
    (tmp_path / "left.yaml").write_text("extends: base.yaml\nrules: []\n", encoding="utf-8")
    (tmp_path / "right.yaml").write_text("extends: base.yaml\nrules: []\n", encoding="utf-8")
    (tmp_path / "top.yaml").write_text("extends: [left.yaml, right.yaml]\nrules:\n  - {id: w, kind: weekday, "
                                       "severity: info}\n", encoding="utf-8")
    rules = load_rules([tmp_path / "top.yaml"], include_default=False)
    assert [(r.id, r.severity, r.origin) for r in rules] == [("w", "info", f"{tmp_path / 'top.yaml'}:3")]
    (tmp_path / "base.yaml").write_text("extends: top.yaml\nrules: []\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path / "top.yaml"], include_default=False)
    assert any("extends itself (a loop of 'extends')" in p for p in info.value.problems)


def test_a_unit_conversion_that_does_not_hold_is_flagged_and_one_that_holds_is_not(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "The new ring road will run for 9 km (3.2 miles) around "
                                                       "Ashby, where the night fell to minus 7C (19F) on Monday.\n"))
    assert [sorted(c.text for c in f.claims) for f in found if f.rule == "unit-conversion"] == [["3.2 miles", "9 km"]]
    assert "miles" in next(f.message for f in found if f.rule == "unit-conversion")


def test_a_change_between_two_percentages_is_read_in_points_or_in_per_cent(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "Turnout in Kelso rose 4.4 points to 41.3% from 36.9%. "
                                                       "Turnout in Hawick rose 2.4 points to 41.3% from 36.9%. "
                                                       "Margins at Torvik slipped 1.7%, from 7.3% to 5.6%.\n"))
    assert sorted(f.claims[0].text for f in found if f.rule == "arithmetic") == ["1.7%", "2.4 points"]


def test_a_stated_majority_or_lead_is_checked_against_the_two_figures_it_separates(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "The motion passed with a majority of 19, by 48 votes to 33. "
                                                       "The amendment passed with a majority of 9, by 40 votes to 31. "
                                                       "The budget closes a funding gap of £46m ($58m).\n"))
    assert [f.claims[0].text for f in found if f.rule == "difference"] == ["19"]


def test_figures_in_one_currency_are_compared_in_that_currency(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "Orrin AG's 2024 revenue was €10.0 billion.\n"),
                      ("b.md", "South Desk", "Orrin AG's 2024 revenue was €11.5 billion.\n"))
    assert [sorted(c.text for c in f.claims) for f in found if f.rule == "figure-conflict"] == [
        ["€10.0 billion", "€11.5 billion"]]


def test_a_word_between_an_amount_and_its_bracket_does_not_stop_the_conversion_check(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "Brenner paid €40 million upfront (about $30 million) for the "
                                                       "licence, and €12 million yearly (about $13 million) after.\n"))
    assert [sorted(c.text for c in f.claims) for f in found if f.rule == "conversion"] == [
        ["$30 million", "€40 million"]]


# ---------------------------------------------------------------- #15: the cases and our own


def _rules_hit(found: list, rule: str) -> list[list[str]]:
    return [sorted(c.text for c in f.claims) for f in found if f.rule == rule]


def test_a_change_in_one_currency_is_checked_in_that_currency(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "Delmar Foods' profit fell from €1.20 billion to €0.96 billion, "
                                                       "a 30% drop. Harwick's sales rose from kr 410m to kr 451m, a 10% "
                                                       "rise.\n"))
    assert _rules_hit(found, "arithmetic") == [["30%", "€0.96 billion", "€1.20 billion"]]


def test_conversions_of_mass_and_of_length_written_with_hyphens(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "The 1,800 kg (18 tonnes) Vega-2 satellite and a 42.195-kilometre "
                                                       "(24.2-mile) course were named. The 640 kg (1,411 lb) rover and "
                                                       "a 10-kilometre (6.2-mile) loop were not wrong.\n"))
    assert sorted(_rules_hit(found, "unit-conversion")) == [["1,800 kg", "18 tonnes"],
                                                            ["24.2-mile", "42.195-kilometre"]]


def test_a_conversion_after_or_and_equivalent_to(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "It paid €40 million, or about $60 million, for the plant. The "
                                                       "tower stands 300 metres, equivalent to 1,200 feet. The mast is "
                                                       "40 metres, or 131 feet, tall.\n"))
    assert _rules_hit(found, "conversion") == [["$60 million", "€40 million"]]
    assert _rules_hit(found, "unit-conversion") == [["1,200 feet", "300 metres"]]


@pytest.mark.parametrize(("other", "conflict"), [("1.24 million", True), ("1.15 million", False)])
def test_more_than_reaches_one_step_of_its_written_precision(tmp_path: Path, other: str, conflict: bool) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "More than 1.1 million people voted in the Harrow referendum.\n"),
                      ("b.md", "South Desk", f"Officials said {other} people voted in the Harrow referendum.\n"))
    assert bool(_rules_hit(found, "figure-conflict")) == conflict


def test_a_vague_figure_that_fits_the_majority_stands_with_it(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "The Lorn earthquake struck at a depth of 8 km.\n"),
                      ("b.md", "South Desk", "The Lorn earthquake struck at a depth of 8 km, officials said.\n"),
                      ("c.md", "East Desk", "The Lorn earthquake struck at a depth of about 8 km.\n"),
                      ("d.md", "West Desk", "The Lorn earthquake struck at a depth of 5 km.\n"))
    [conflict] = [f for f in found if f.rule == "figure-conflict"]
    side = {Path(c.article).name: s for c, s in zip(conflict.claims, conflict.sides)}
    # "about 8 km" (c.md: 7.2 to 8.8) is one of the 8 km readings, never a side against them
    assert side["d.md"] != side["a.md"] == side["b.md"] and side["c.md"] in (side["a.md"], BOTH_SIDES), side


def test_a_flash_estimate_and_a_revised_one_differ_as_an_info_note_and_an_intraday_high_is_no_close(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "A flash estimate put Arlen's growth at 0.4% in the quarter.\n"
                                                       "Kestrel shares hit an intraday high of 412p on Monday.\n"),
                      ("b.md", "South Desk", "Arlen's growth was revised to 0.7% in the quarter.\n"
                                             "Kestrel shares closed at 398p on Monday.\n"))
    # the growth figures are said to be a flash and a revised estimate; the high and the close are two measures
    assert [(f.severity, f.fact.split(" / ")[0]) for f in found if f.rule == "figure-conflict"] == [("info", "Arlen")]


def test_hedged_readings_do_not_outvote_a_precise_one(tmp_path: Path) -> None:
    found = _findings(tmp_path, ("a.md", "North Desk", "The Lorn earthquake's epicentre lay about 100 km north of Lorn.\n"),
                      ("b.md", "South Desk", "The Lorn earthquake's epicentre lay around 100 km north of Lorn.\n"),
                      ("c.md", "East Desk", "The Lorn earthquake's epicentre lay 121 km north of Lorn.\n"))
    [conflict] = [f for f in found if f.rule == "figure-conflict"]
    side = {Path(c.article).name: s for c, s in zip(conflict.claims, conflict.sides)}
    # the precise reading is the reference (side 1); the two hedged ones are the outliers
    assert side == {"a.md": 0, "b.md": 0, "c.md": 1}


@pytest.mark.parametrize(("published", "flagged"), [("2024-03-14", True), ("2025-09-18", False)])
def test_a_conversion_is_checked_at_the_rate_of_its_date(tmp_path: Path, published: str, flagged: bool) -> None:
    # the euro was worth at most about $1.13 in 2024 (at most $118.1 million), but about $1.18 in September 2025
    write_article(tmp_path, "a.md", "Voss Chemie paid €104.5 million ($124 million) for the Ghent plant.\n",
                  source="North Desk", published=published)
    found = factcheck.check([tmp_path]).finding_records
    assert bool([f for f in found if f.rule == "conversion"]) == flagged
