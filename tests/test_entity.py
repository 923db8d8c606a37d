"""Who a figure is about, read from its sentence's grammar: invented sentences for each class of error
that nearness and capital letters got wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.attribute import attribute_article, find_mentions, vocabulary
from factcheck.core.records import Article
from factcheck.entity import Named, Sentence, read
from factcheck.extract import extract_article
from factcheck.language.parse import parse
from factcheck.pipeline import run


def _claims(text: str, title: str = "") -> dict:
    article = Article(id="t", path="t", body=text, source="Test", title=title, published=dt.date(2025, 6, 10))
    return {c.text: c for c in attribute_article(article, extract_article(article))}


def _findings(tmp_path: Path, *bodies: str) -> list:
    for i, body in enumerate(bodies):
        (tmp_path / f"{i}.md").write_text(f"---\nsource: Desk {i}\npublished: 2025-06-1{i}\n---\n{body}\n",
                                          encoding="utf-8")
    return [f for f in run([str(tmp_path)]).finding_records if f.severity in ("error", "warning")]


def test_a_common_noun_first_in_its_sentence_is_not_the_entity(tmp_path: Path) -> None:
    a = ("Korrin Steel held its results call on Tuesday. Revenue rose to $3.2 billion in the quarter. "
         "Net income fell 9% to $410 million.")
    c = _claims(a)
    assert c["$3.2 billion"].entity == c["9%"].entity == c["$410 million"].entity == "Korrin Steel"
    b = "Korrin Steel's revenue rose to $3.6 billion in the quarter, and its net income fell 14%."
    found = _findings(tmp_path, a, b)
    assert any({x.text for x in f.claims} >= {"$3.2 billion", "$3.6 billion"} for f in found), found


def test_a_relative_clause_is_about_the_noun_it_describes(tmp_path: Path) -> None:
    a = "Fenwick Labs, which Omar Haddad founded in April 2018, sells sensors."
    assert _claims(a)["April 2018"].entity == "Fenwick Labs"
    found = _findings(tmp_path, a, "Fenwick Labs was founded in September 2018.")
    assert any({x.text for x in f.claims} >= {"April 2018", "September 2018"} for f in found), found
    assert _claims("Canada, which has pledged $8 million, sent engineers.")["$8 million"].entity == "Canada"


def test_a_where_or_whose_clause_is_about_its_own_subject() -> None:
    c = _claims("Comet Systems made its debut in Hong Kong, where its shares rose 37%.")
    assert c["37%"].entity == "Comet Systems"
    c = _claims("The spark was Quillon, a Leeds lab whose flagship model, Ostra-2, went on sale on 20 January.")
    assert c["20 January"].entity != "Leeds"


def test_a_number_is_part_of_a_product_name(tmp_path: Path) -> None:
    assert _claims("The Orbis 4 robot went on sale in May 2024.")["May 2024"].entity == "Orbis 4"
    c = _claims("Tallow Robotics released the Orbis 5 robot on 2 April 2025.")
    assert c["2 April 2025"].entity == "Orbis 5"  # the thing released, not the company releasing it
    found = _findings(tmp_path, "The Orbis 4 robot went on sale in May 2024.",
                      "Tallow Robotics released the Orbis 5 robot on 2 April 2025.")
    assert not found, found


def test_a_platform_or_destination_is_not_the_entity() -> None:
    c = _claims("Pinecone's budgeting app reached No. 1 on Google's download chart on Saturday, 8 March.")
    assert c["8 March"].entity == "Pinecone"
    c = _claims("A privately built probe entered orbit around Mars on Tuesday.")
    assert c["Tuesday"].entity != "Mars"


def test_a_hyphenated_name_first_in_its_sentence_is_a_name() -> None:
    assert _claims("Halcyon-3 entered orbit on Tuesday, 4 March.")["4 March"].entity == "Halcyon-3"


def test_demonyms_weekdays_time_zones_and_datelines_are_not_names() -> None:
    c = _claims("KESTON (Wire) - The Norwegian signed for £12 million on Monday. Kickoff is at 15:00 UTC on 9 August.",
                title="Harwick Rovers sign Norwegian striker")
    assert c["£12 million"].entity not in ("Norwegian", "KESTON", "Wire", "Monday")
    c = _claims("Brackley Bank's profit rose 4% in the year, the European Central Bank said on 3 March.")
    assert c["4%"].entity == "Brackley Bank"


def test_a_title_before_a_name_is_not_part_of_it() -> None:
    c = _claims("Rival Quillon sold 4,000 units in March.")
    assert c["4,000"].entity == "Quillon"


def test_an_estimate_is_about_what_is_estimated_not_who_estimates() -> None:
    c = _claims("Korrin Steel is rebuilding its plant. Analysts at Brenner put the cost at $5 million.")
    assert c["$5 million"].entity == "Korrin Steel"
    c = _claims("Korrin Steel is rebuilding its Leeds plant. Analysts at Brenner put the cost at $5 million.")
    assert c["$5 million"].entity != "Brenner"


def test_a_person_s_figure_in_a_company_story_is_the_company_s() -> None:
    c = _claims("Castleford Foods cut 300 jobs. Its chief executive, Ada Morrow, said costs would rise by "
                "£40m next year.", title="Castleford Foods cuts jobs")
    assert c["£40m"].entity == "Castleford Foods"


def test_the_grammar_reads_subject_owner_and_new_things() -> None:
    text = "Korrin Steel's revenue rose 5%, while a fleet that tops out at 300 km/h was sold."
    doc = parse([text])[0]
    sent = Sentence(doc, 0, (Named(0, 12, "Korrin Steel"),))
    assert read(sent, text.index("5%"), text.index("5%") + 2).entity == "Korrin Steel"
    at = text.index("300 km/h")
    assert read(sent, at, at + 8).how == "unnamed"


def test_name_variants_meet(tmp_path: Path) -> None:
    c = _claims("Mira Castell runs Obern AG. Ms Castell said on 3 March that Obern would hire 40 people.")
    assert c["3 March"].entity == "Mira Castell"  # the surname alone is the person named in full
    assert c["40"].entity == "Obern"
    found = _findings(tmp_path, "Obern AG hired 40 engineers in May.", "Obern hired 45 engineers in May.")
    assert any({x.text for x in f.claims} >= {"40", "45"} for f in found), found


def test_two_names_joined_by_and_are_two_when_one_stands_alone() -> None:
    from factcheck.attribute import find_mentions, vocabulary

    text = "Trains between Leeds and Manchester were cancelled. Officials in Leeds said 300 jobs went. Procter and Gamble sold 40."
    assert [m.entity for m in find_mentions(text, vocabulary())] == ["Leeds", "Manchester", "Leeds",
                                                                        "Procter and Gamble"]


def test_a_preposition_or_compass_point_first_in_a_sentence_is_not_a_name() -> None:
    from factcheck.attribute import find_mentions, vocabulary

    text = "Beneath the surface, sales fell. North of the river, 40 homes flooded. North Yorkshire Police said so."
    assert [m.entity for m in find_mentions(text, vocabulary())] == ["North Yorkshire Police"]


def test_a_sentence_with_no_name_continues_the_one_before_else_the_topic() -> None:
    body = ("Varden Mills raised its dividend on Monday as sales climbed. Its chief rival, Ostrey Textiles, "
            "cut prices in March, and analysts at Brockley Partners expect a price war.\n\n"
            "Staff were told of the plans on a video call. Revenue climbed 6% to £820m in the year.\n\n"
            "Ostrey Textiles reported its own figures on Friday. Revenue there fell 2% to £410m.")
    c = _claims(body, title="Varden Mills lifts dividend as sales climb")
    assert c["£820m"].entity == "Varden Mills"  # three sentences after a rival was named: the topic
    assert c["£410m"].entity == "Ostrey Textiles"  # the sentence just before named it


def test_a_person_s_figure_goes_to_the_organisation_of_their_post() -> None:
    body = ("Brantwood Assurance said it had paid 4,200 claims by Friday. Leona Vask, its finance "
            "director, said the bill would reach £38m.\n\nOsric Delane, a director at the Institute for "
            "Coastal Studies, leads a team of 14 researchers.")
    c = _claims(body, title="Storm bill for Brantwood Assurance climbs")
    assert c["£38m"].entity == "Brantwood Assurance"  # "its finance director": the insurer named before
    assert c["14"].entity == "Institute for Coastal Studies"  # the post names its organisation


def test_the_company_points_back_to_its_own_kind_else_to_a_name_in_no_place_phrase() -> None:
    body = ("Harlow Freight Group lost a contract on Monday. Marla Ince, its chief executive, flew to "
            "Rotterdam. The group expects sales of £90m this year.")
    assert _claims(body)["£90m"].entity == "Harlow Freight"  # "the group" -> "Harlow Freight Group"
    body = "Harlow Freight Group beat City forecasts on Monday. The group's Dutch arm runs 22 depots."
    assert _claims(body)["22"].entity == "Harlow Freight"  # "Group" ends the name before "City", not City's
    body = ("Kelvin Power Networks restored supply to 9,000 homes, many of them on the Rhinns. The company "
            "said 1,200 were still cut off.")
    assert _claims(body)["1,200"].entity == "Kelvin Power Networks"  # not "the Rhinns", a place phrase


def test_a_common_word_inside_a_longer_name_does_not_make_it_a_name_first_in_a_sentence() -> None:
    body = ("Dock workers at Norland Port will strike for 48 hours, the Union of Dock Workers said. "
            "Dock workers voted 81% in favour.")
    from factcheck.attribute import find_mentions, vocabulary
    assert [m.entity for m in find_mentions(body, vocabulary())] == ["Norland Port", "Union of Dock Workers"]


def test_an_estimate_belongs_to_what_it_estimates_not_to_whoever_made_it() -> None:
    body = ("Storm Ilse flooded 900 homes in Tarrow. Brisk Catastrophe Models, a risk consultancy, said "
            "that its central estimate was £310m.")
    assert _claims(body, title="Storm Ilse bill grows")["£310m"].entity == "Ilse"


def test_a_longer_name_holds_a_country_and_a_run_of_non_names_is_no_name() -> None:
    from factcheck.attribute import find_mentions, vocabulary
    text = "After the Orla 3 launch, the Bank of Japan set aside ¥90 billion for the Japanese AI sector."
    assert [m.entity for m in find_mentions(text, vocabulary())] == ["Orla 3", "Bank of Japan"]
    assert _claims(text)["¥90 billion"].entity == "Bank of Japan"  # not the launch in the fronted phrase



def test_a_statistics_story_is_about_its_place_not_its_source_or_a_bold_lead_in() -> None:
    body = ("Figures published on Friday by the Office for Island Statistics show hospital arrivals in "
            "Tasmania at a record.\n\n**Long stays climbed.** Stays over 12 hours rose 6% to 3,100.\n\n"
            "On the hottest day, at 31 degrees Celsius, arrivals passed 1,400.")
    c = _claims(body, title="Hospital arrivals climb to a record")
    assert c["6%"].entity == c["3,100"].entity == c["1,400"].entity == "Tasmania"
    from factcheck.attribute import find_mentions, vocabulary
    assert "Long" not in {m.entity for m in find_mentions(body, vocabulary())}
    assert "Celsius" not in {m.entity for m in find_mentions(body, vocabulary())}


def test_the_outlet_s_own_name_is_not_an_entity(tmp_path: Path) -> None:
    from factcheck.attribute import vocabulary
    art = Article(id="t", path="t", body="Grainline's analysis of the data shows 420 closures in 2024.",
                  source="The Grainline", published=dt.date(2025, 6, 10))
    assert attribute_article(art, extract_article(art), vocabulary())[0].entity != "Grainline"


def test_a_common_word_after_a_capitalised_word_still_counts_as_written_in_a_name() -> None:
    from factcheck.attribute import find_mentions, vocabulary
    text = "Police in Orkney logged 310 thefts. Officers from Highland Police joined them."
    assert [m.entity for m in find_mentions(text, vocabulary())][:1] == ["Orkney"]
    text = "KIRKWALL — Police in Orkney logged 310 thefts. Officers from Highland Police joined them."
    assert [m.entity for m in find_mentions(text, vocabulary())][:1] == ["Orkney"]  # after a dateline too
    text = "Figures from the Survey for Orkney and Shetland show 12% growth."
    assert [m.entity for m in find_mentions(text, vocabulary())] == ["Survey for Orkney and Shetland"]


def test_a_place_phrase_beats_the_topic_when_the_sentence_names_nothing_else() -> None:
    body = ("Varden College published its admissions figures on Monday.\n\nNationally, 35.6% of school "
            "leavers won a place. More did so in the south than in the north.\n\nIn Paris, 47.1% of the age "
            "group secured a place.")
    c = _claims(body, title="Varden College admissions dip")
    assert c["35.6%"].entity == "Varden College"  # nothing named: the topic
    assert c["47.1%"].entity == "Paris"  # a place phrase, and nothing else named: the place


def test_the_body_that_publishes_the_figures_is_their_source_not_their_topic() -> None:
    body = ("Police in Scotland recorded 282,000 crimes in 2024, according to figures published on Tuesday "
            "by the Caledonian Statistics Office (CSO).\n\nBurglaries fell 3% to 14,200.")
    assert _claims(body, title="Recorded crime edges up")["14,200"].entity == "Scotland"
    body = ("When the Norland Health Ministry released its weekly figures on Monday, hospitals in Norway "
            "were full.\n\nAdmissions rose 4% to 2,310.")
    assert _claims(body)["2,310"].entity == "Norway"
    body = "The Norland Health Ministry's weekly statistics cover Norway.\n\nAdmissions rose 4% to 2,310."
    assert _claims(body)["2,310"].entity == "Norway"
    body = "Castmoor Foods published its annual figures on Monday.\n\nSales rose 4% to £2.1bn."
    assert _claims(body)["£2.1bn"].entity == "Castmoor Foods"  # nothing else named: its own figures


def test_a_weekday_s_possessive_is_no_name_and_a_compass_point_keeps_a_place() -> None:
    from factcheck.attribute import find_mentions, vocabulary
    found = find_mentions("Last Thursday's NHS figures for North Wales came from the Bakers' Union.", vocabulary())
    assert [(m.entity, m.place) for m in found] == [("NHS", False), ("North Wales", True), ("Bakers' Union", False)]


def test_a_bare_figure_with_a_place_right_after_it_is_that_place_s() -> None:
    c = _claims("Kessling's outage cut power to 61,000 homes in Norway, and to 18,500 in Sweden and 9,200 in "
                "Finland, the company said.")
    assert (c["18,500"].entity, c["9,200"].entity) == ("Sweden", "Finland")
    assert _claims("Kessler Steel employs 3,000 people in Norway.")["3,000"].entity == "Kessler Steel"


def test_figures_before_respectively_go_to_the_names_in_their_order() -> None:
    c = _claims("Tarn Valley Water and Eskdale Water handled similar caseloads, 412 and 297 leaks respectively, "
                "yet the former fixed more. Eskdale Water said it would spend more.")
    assert (c["412"].entity, c["297"].entity) == ("Tarn Valley Water", "Eskdale Water")


def test_a_grade_or_class_code_is_no_name_but_a_model_is() -> None:
    from factcheck.attribute import find_mentions, vocabulary
    assert find_mentions("Across all papers, 10.4% of grades were H1s, and 6.9% achieved an H1.", vocabulary()) == []
    assert [m.entity for m in find_mentions("Vantor released R2 in January.", vocabulary())] == ["Vantor", "R2"]


def test_the_commission_points_back_to_the_commission_named_before() -> None:
    body = ("The Maritime Safety Commission and Harlow Shipping met on Monday. Harlow Shipping said little. "
            "The commission's budget rose to €4.8m this year.")
    assert _claims(body)["€4.8m"].entity == "Maritime Safety Commission"


def test_a_statistics_body_counts_others_and_a_compass_region_is_a_place() -> None:
    from factcheck.attribute import find_mentions, vocabulary
    assert [(m.entity, m.place) for m in find_mentions("Jobless rates rose in the North East.", vocabulary())] == [
        ("North East", True)]
    body = ("Unemployment in Norway rose to 4.1% in March, official figures showed.\n\nThe Norland Labour "
            "Survey (NLS) said vacancies fell by 6,000 to 81,000.")
    assert _claims(body)["81,000"].entity == "Norway"  # whoever the survey counts, it is not itself


def test_the_outlet_s_short_name_after_the_is_not_an_entity() -> None:
    from factcheck.attribute import vocabulary
    art = Article(id="t", path="t", body="Harlow College admitted 900 students. The Post's own analysis puts the "
                  "lost fees at £9.3m.", source="The Eastmoor Evening Post", published=dt.date(2025, 6, 10))
    found = {c.text: c.entity for c in attribute_article(art, extract_article(art), vocabulary())}
    assert found["£9.3m"] == "Harlow College"


def test_a_reference_points_back_to_the_subject_not_a_name_inside_the_object() -> None:
    # "the retailer" and "the board" continue the sentence's subject, not "City" (a modifier of
    # "expectations") nor the counterparty the object names
    c = _claims("Mardle Home Stores beat City forecasts on Monday, but the retailer warned of higher costs. "
                "The board cut its dividend 4% to 9.1p.")
    assert c["4%"].entity == c["9.1p"].entity == "Mardle Home Stores"
    c = _claims("Tovan Freight signed a deal with Kessel Ports in May, and the haulier said it would add 30 lorries.")
    assert c["30"].entity == "Tovan Freight"


def test_a_class_named_by_its_code_is_not_a_name() -> None:
    # "a Band D bill", "Tier 2 rules", "a Category 4 storm": one class of many, never what a figure is about
    c = _claims("Harlow Borough Council set its budget on Tuesday. The council's share of a Band D bill "
                "will rise to £1,905.30 from April.")
    assert c["£1,905.30"].entity == "Harlow Borough Council"
    c = _claims("Officials in Pellan County said a Category 4 storm had damaged 1,200 homes.")
    assert c["1,200"].entity == "Pellan County"
    assert _claims("Orbis 5 sold 40,000 units in May.")["40,000"].entity == "Orbis 5"  # a product's number stays


def test_a_definite_subject_or_owner_points_back_to_the_name_it_heads() -> None:
    # a name's head word ("Mutual", "University ... of", the kind word of "Storm Alder") is the word a
    # later definite subject or owner uses for it, whatever the word: no list of such nouns
    c = _claims("Storm Alder reached the coast on Sunday. Forecasters at Pellow Weather expect more rain. "
                "The storm cut power to 52,000 homes.")
    assert c["52,000"].entity == "Alder"
    c = _claims("Quenby Mutual paid out early. Analysts at Tarrow Partners praised it. "
                "The mutual's solvency ratio rose to 182%.")
    assert c["182%"].entity == "Quenby Mutual"
    # a word inside a name is not its head: "the city" is not Harlow City Council
    text = "Harlow City Council met on Monday. The city has 81,000 homes, and the council's budget is £90m."
    found = {text[m.start : m.end]: m.entity for m in find_mentions(text, vocabulary())}
    assert "The city" not in found and found["the council's"] == "Harlow City Council"


def test_a_date_ending_a_participle_clause_is_about_the_name_it_describes(tmp_path: Path) -> None:
    # "X, launched on D" and "X, a crackdown ... launched on D": the launch of X, whatever verb
    # governs the sentence and however the parser hangs the clause (it hangs the first on "points")
    a = ("East Harlow's charge rate of 9.1% compares with 7.4% nationally, a gap of 1.7 points that the force "
         "attributes partly to Project Lantern, launched on 10 March 2024 with £2m of funding.")
    b = ('Chief Constable Ann Reyes said the rise was "unacceptable" and pointed to Project Lantern, a £2m '
         "crackdown on knife carrying launched on 3 March 2024.")
    ca, cb = _claims(a), _claims(b)
    assert ca["10 March 2024"].entity == cb["3 March 2024"].entity == "Project Lantern"
    assert ca["10 March 2024"].attribute == cb["3 March 2024"].attribute  # the launch, not the "carrying"
    found = _findings(tmp_path, a, b)
    assert any({x.text for x in f.claims} == {"3 March 2024", "10 March 2024"} for f in found), found
