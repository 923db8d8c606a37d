"""Attribution: who, what and when for each figure, on sentences of our own."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.attribute import attribute_article
from factcheck.extract import extract_article
from factcheck.core.records import Article, Claim


def _claims(text: str, published: str = "2025-06-10") -> list:
    article = Article(id="t", path="t", body=text, source="Test", published=dt.date.fromisoformat(published))
    return attribute_article(article, extract_article(article))


def _by_text(text: str) -> dict:
    return {c.text: c for c in _claims(text)}


def test_nearest_entity_and_attribute() -> None:
    c = _by_text("Orbit Labs raised $300 million in its listing, while Comet Systems raised $120 million.")
    assert (c["$300 million"].entity, c["$300 million"].attribute) == ("Orbit Labs", "IPO proceeds")
    assert (c["$120 million"].entity, c["$120 million"].attribute) == ("Comet Systems", "IPO proceeds")


def test_reference_resolves_to_the_company_named_before() -> None:
    c = _by_text("Harbor Bank reported strong results. The lender's shares fell 4% on the news.")
    assert c["4%"].entity == "Harbor Bank"
    assert c["4%"].direction == "down"


def test_appositive_does_not_steal_the_figure() -> None:
    c = _by_text("Pine Capital, the fund that backs Orbit Labs, returned 12% in 2024.")
    assert c["12%"].entity == "Pine Capital"
    assert c["12%"].period == "2024" and c["12%"].period_source == "explicit"


def test_place_is_not_the_entity() -> None:
    c = _by_text("Comet Systems made its debut in Hong Kong, where its shares rose 37%.")
    assert c["37%"].entity == "Comet Systems"


def test_period_defaults_to_publication() -> None:
    c = _by_text("Comet Systems has 2,000 employees.")
    assert c["2,000"].period == "..2025-06-10" and c["2,000"].period_source == "published"


def test_conversion_in_brackets_inherits_the_fact() -> None:
    c = _by_text("The city pledged 70 billion yuan ($9.7 billion) for new metro lines.")
    assert c["$9.7 billion"].attribute == c["70 billion yuan"].attribute == "investment plan"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AaBbCcTheU.S’s'-$%0123456789 ,;\n()MonJanuary")), max_size=200))
def test_attribution_never_raises(text: str) -> None:
    for c in _claims(text):
        assert text[c.start:c.end] == c.text


def test_a_capitalised_first_word_is_not_a_name() -> None:
    c = _by_text("Comet Systems opened a plant in Leeds. Officials said output rose 12% in May.")
    assert c["12%"].entity == "Comet Systems"
    c = _by_text("Orbit Labs sells weather sensors. Temperatures reached 41C on Monday, a record.")
    assert c["41C"].entity == "Orbit Labs"


def test_event_dates_take_the_event_verb() -> None:
    c = _by_text("Greyfield Pharma said its chief executive resigned on June 13.")
    assert c["June 13"].attribute == "resignation date"
    c = _by_text("Regulators approved the Helix Bio vaccine on September 3.")
    assert c["September 3"].attribute == "approval date"


def test_names_are_normalised() -> None:
    from factcheck.attribute import normalize_name

    assert normalize_name("President Mara Quell") == "Mara Quell"
    assert normalize_name("Kessling Motors Inc.") == "Kessling Motors"
    assert normalize_name("NASA's Perseverance") == "Perseverance"
    assert normalize_name("Aldous Capital's IPO") == "Aldous Capital"
    assert normalize_name("Bank of China") == "Bank of China"
    c = _by_text("Senator Paul Okafor backs a wage of $17 an hour.")
    assert c["$17 an hour"].entity == "Paul Okafor"


def test_a_share_of_something_says_what_it_is_a_share_of() -> None:
    c = _by_text("Cardinal Rail cancelled 4.1% of its trains in the year to March.")
    assert c["4.1%"].attribute == "share of train"


def test_the_name_an_aside_gives_is_the_subject() -> None:
    c = _by_text("Mara Voss runs two firms. Her other venture, the trading house Pine Capital, returned 14% in 2024.")
    assert c["14%"].entity == "Pine Capital"


def test_a_story_subject_beats_a_source_named_in_passing() -> None:
    c = _by_text("Orbit Labs trained its model on rented chips. According to Nvidia's filing, the run used 900 GPUs.")
    assert c["900"].entity == "Orbit Labs"


def test_a_product_is_released_not_listed() -> None:
    c = _by_text("Orbit Labs went public on March 3, 2025. Its R5 model went public on May 2, 2025.")
    assert c["March 3, 2025"].attribute == "listing date"
    assert (c["May 2, 2025"].entity, c["May 2, 2025"].attribute) == ("R5", "release date")


def test_money_attributes_need_money_and_names_are_not_cues() -> None:
    c = _by_text("The new Kestrel train reached 350 km/h in trials.")
    assert c["350 km/h"].attribute == "amount"
    c = _by_text("The Eastbay Open final will be played on July 6.")
    assert c["July 6"].attribute != "opening date"


def test_a_cumulative_figure_keeps_its_start() -> None:
    c = _by_text("The Tevan glacier has lost 38% of its ice since 1990.")
    assert ("since", "1990-01-01") in c["38%"].scope


def test_a_term_narrows_a_rate() -> None:
    c = _by_text("The yield on the 10-year Treasury rose to 4.6% on Friday.")
    assert ("term", "10-year") in c["4.6%"].scope


def test_a_reporting_date_is_not_the_figures_period() -> None:
    c = {x.text: x for x in _claims("Orla Telecom said on July 24 that second-quarter revenue rose 12%.", "2025-07-25")}
    assert c["12%"].period == "2025-04-01..2025-06-30"
    assert ("reporting period", "second quarter") in c["12%"].scope


def test_a_hedge_is_not_a_comparison() -> None:
    c = _by_text("Pine Chat now counts more than 90 million users, roughly double Comet Systems' total.")
    assert c["90 million"].entity == "Pine Chat"


def test_us_in_capitals_is_a_region() -> None:
    c = _by_text("Apps built on Chinese models grew 17%, compared with 15.8% for apps using US models.")
    assert ("region", "chinese") in c["17%"].scope
    assert ("region", "american") in c["15.8%"].scope


def _scope(text: str, figure: str) -> dict:
    return dict(_by_text(text)[figure].scope)


def test_a_part_is_not_the_whole() -> None:
    assert _scope("The relief package includes 80 billion crowns for border security.", "80 billion")["part"] == "part"
    assert _scope("Of the land burned by the fire, 7,900 hectares were pine forest.", "7,900 hectares")["part"] == "part"
    assert _scope("The relief package totals 1.2 trillion crowns.", "1.2 trillion")["part"] == "whole"
    # "of this year's" is not a part marker
    assert _scope("The winner of this year's Eastbay Open will take home $1.2 million.", "$1.2 million")["part"] == "whole"


def test_a_subgroup_is_named_with_among_but_a_ranking_is_not() -> None:
    assert _scope("Among over-65s in the trial, the vaccine was 84% effective.", "84%")["among"] == "over-65s"
    assert _scope("Support for the plan stands at 61% among farmers.", "61%")["among"] == "farmers"
    assert _scope("Pine Capital returned 56%, second among Chinese hedge funds.", "56%")["among"] == "all"


def test_a_segment_word_before_the_measure() -> None:
    assert _scope("Nvidia's data-centre revenue was $35.6 billion.", "$35.6 billion")["segment"] == "data-centre"
    assert _scope("Nvidia's total fourth-quarter revenue was $39.3 billion.", "$39.3 billion")["segment"] == "total"
    # a verb after the cue: no segment ("the model cost roughly"), nor a judgement word ("record profit")
    assert "segment" not in _scope("Training the V3 model cost roughly $5.6 million.", "$5.6 million")
    assert "segment" not in _scope("Kessling's record profit was $874 million.", "$874 million")


def test_a_figure_inside_a_clause_about_something_unnamed_has_no_entity() -> None:
    c = _by_text("The Kestrel train will replace a fleet that tops out at 300 km/h.")
    assert c["300 km/h"].entity is None
    c = _by_text("Kestrel, a train that tops out at 350 km/h, enters service in May.")
    assert c["350 km/h"].entity == "Kestrel"


def test_a_place_after_a_preposition_is_not_preferred_to_the_story_subject() -> None:
    c = _by_text("Nvidia was worth $3.5 trillion on Friday. Monday's rout knocked $590bn off that, "
                 "a third of what vanished across American technology stocks.")
    assert c["$590bn"].entity == "Nvidia" and c["$590bn"].attribute == "market value lost"
    c = _by_text("Twelve schools in Halverton will close next year.")
    assert c["Twelve"].entity == "Halverton"


def test_at_equal_distance_the_longer_cue_names_the_attribute() -> None:
    assert _by_text("Brookfield University faces a £30m funding gap.")["£30m"].attribute == "shortfall"
    assert _by_text("The city set aside £30m funding for new parks.")["£30m"].attribute == "investment plan"


def test_seasons_are_told_apart() -> None:
    assert _scope("Mateo Villar has scored 27 league goals this season.", "27")["season"] == "this season"
    assert _scope("Last season Mateo Villar managed 22 league goals.", "22")["season"] == "last season"


def test_names_with_accents_and_ampersands() -> None:
    c = _by_text("Storm Éowyn cut power to 768,000 homes.")
    assert c["768,000"].entity == "Éowyn"
    c = _by_text("Veltrix Foods agreed to buy the snack maker Crumbly & Co for $2.38 billion.")
    assert c["$2.38 billion"].entity == "Crumbly"


def test_a_country_after_a_preposition_is_a_place() -> None:
    c = _by_text("Storm Éowyn hit the west coast of Ireland early on January 24.")
    assert c["January 24"].entity == "Éowyn"


def test_the_noun_a_bare_figure_is_said_of() -> None:
    assert _scope("Cardinal Rail's punctuality was 64% in the year to March.", "64%")["subject"] == "punctuality"
    assert _scope("Fennick expects to lower its operating costs by 10%.", "10%")["subject"] == "cost"
    assert "subject" not in _scope("Fennick Systems will cut 10% of its staff.", "10%")


def _facts_of(*texts: str) -> list[set[str]]:
    from factcheck.match import match_claims

    claims = []
    for i, text in enumerate(texts):
        article = Article(id=f"a{i}", path=f"a{i}", body=text, source=f"Desk {i}",
                          published=dt.date(2025, 6, 23))
        claims += attribute_article(article, extract_article(article))
    return [{c.text for c in f.claims} for f in match_claims(claims)]


def test_a_bare_change_joins_the_one_narrowed_change_unless_it_names_its_own_noun() -> None:
    facts = _facts_of("Patients on the Arden Health drug lost 13.6% of their weight in the trial.",
                      "On the Arden Health drug, patients' weight fell 14.2% in the trial.")
    assert {"13.6%", "14.2%"} in facts
    facts = _facts_of("Cardinal Rail cancelled 4.1% of its trains in the year.",
                      "Cardinal Rail's punctuality was 64% in the year.")
    assert {"4.1%", "64%"} not in facts


def test_a_figure_for_the_maker_joins_its_one_product_but_two_products_stay_apart() -> None:
    facts = _facts_of("Lumen said the final training run of its Lumen-7 model cost $5.6 million.",
                      "Lumen put the training cost of its new model at under $6 million.")
    assert {"$5.6 million", "$6 million"} in facts
    facts = _facts_of("Training Lumen-7 cost $5.6 million.", "Training Lumen-9 cost $294,000.")
    assert not any({"$5.6 million", "$294,000"} <= f for f in facts)
    # a company's full name is not a product of a shorter name
    facts = _facts_of("Hartwell Brewing reported revenue of $1.9 billion for 2024.",
                      "Fenmore Ales, Hartwell's closest rival, also booked roughly $1.9bn in revenue in 2024.")
    assert {"$1.9 billion", "$1.9bn"} not in facts


def test_figures_no_measure_names_meet_only_when_each_article_gives_one() -> None:
    from factcheck.match import match_claims

    def bare(article: str, text: str, value: float) -> Claim:
        return Claim(article=article, source=article, published="2025-06-23", kind="percent", text=text, start=0,
                     end=len(text), value=value, low=value, high=value, unit="percent", entity="Korrin Steel",
                     attribute="share", period="2024", period_source="explicit")

    one_each = match_claims([bare("a", "12%", 12.0), bare("b", "18%", 18.0)])
    assert [sorted(c.text for c in f.claims) for f in one_each] == [["12%", "18%"]]
    two_in_a = match_claims([bare("a", "12%", 12.0), bare("a", "31%", 31.0), bare("b", "18%", 18.0)])
    assert all(len({c.article for c in f.claims}) == 1 for f in two_in_a)  # which of a's would b's be?


def test_a_cue_in_another_clause_does_not_name_a_date() -> None:
    # "founded" stands in the relative clause that describes the fund; 2024 dates the return
    c = _by_text("Orrin Capital, the fund that founded Kestrel Labs, returned 12% in 2024.")
    assert c["2024"].attribute != "founding date"
    c = _by_text("Kestrel Labs, which Orrin Capital founded in 2019, sells sensors.")
    assert c["2019"].attribute == "founding date"
