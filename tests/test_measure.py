"""What a figure measures when no cue word names it, read from its clause (issue #14): invented
sentences for each class that a closed list of cue words got wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.attribute import attribute_article
from factcheck.core.records import Article
from factcheck.entity import Sentence
from factcheck.extract import extract_article
from factcheck.language.parse import parse
from factcheck.measure import event, measure
from factcheck.pipeline import run


def _measures(text: str) -> dict[str, str]:
    """Each figure of one sentence, with the measure its clause gives (no names: the parse alone)."""
    article = Article(id="t", path="t", body=text, source="Test", published=dt.date(2025, 6, 10))
    sent = Sentence(parse([text])[0], 0, ())
    return {c.text: (event if c.kind == "date" else measure)(sent, c.start, c.end) for c in extract_article(article)}


def _attributes(text: str) -> dict[str, str]:
    article = Article(id="t", path="t", body=text, source="Test", published=dt.date(2025, 6, 10))
    return {c.text: c.attribute or "" for c in attribute_article(article, extract_article(article))}


def _findings(tmp_path: Path, *bodies: str) -> list:
    for i, body in enumerate(bodies):
        (tmp_path / f"{i}.md").write_text(f"---\nsource: Desk {i}\npublished: 2025-06-1{i}\n---\n{body}\n",
                                          encoding="utf-8")
    return [f for f in run([str(tmp_path)]).finding_records if f.severity in ("error", "warning")]


def test_the_subject_of_a_verb_of_level_or_change_is_the_measure() -> None:
    assert _measures("Net income fell 9% to $410 million.") == {"9%": "net income", "$410 million": "net income"}
    assert _measures("Turnout was 41.3% on the day.")["41.3%"] == "turnout"
    assert _measures("Its operating costs rose to $2.1 billion.")["$2.1 billion"] == "operating cost"


def test_a_measured_noun_or_the_governing_verb_is_the_measure() -> None:
    assert _measures("The shaft reached a depth of 820 metres.")["820 metres"] == "depth"
    assert _measures("Canada has pledged $8 million.")["$8 million"] == "pledged"


def test_a_date_takes_the_event_its_verb_names_and_a_founding_is_one_however_written() -> None:
    assert _measures("Parliament was dissolved on 12 May 2024.")["12 May 2024"] == "dissolved"
    assert _measures("Helix Bio was co-founded in 2011.")["2011"] == _measures("Helix Bio was founded in 2012.")["2012"]
    assert _measures("The minister said on Tuesday that talks would resume.")["Tuesday"] == ""  # saying is no event


def test_two_outlets_that_agree_on_the_dead_and_injured_raise_nothing(tmp_path: Path) -> None:
    found = _findings(tmp_path, "The Solvik ferry fire killed 31 people and injured 140, officials said.",
                      "The Solvik ferry fire injured 140 people; 31 died.")
    assert not found, found
    found = _findings(tmp_path, "The Solvik ferry fire killed 31 people and injured 140, officials said.",
                      "The Solvik ferry fire injured 140 people; 36 died.")
    assert [sorted(c.text for c in f.claims) for f in found] == [["31", "36"]], found


def test_two_dates_of_one_event_meet_and_differ(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Kellard's parliament was dissolved on 12 May 2024.",
                      "Kellard's parliament was dissolved on 14 May 2024.")
    assert [sorted(c.text for c in f.claims) for f in found] == [["12 May 2024", "14 May 2024"]], found


def test_generic_figures_meet_only_when_their_measure_words_agree(tmp_path: Path) -> None:
    a = _attributes("Orrin Mills' payroll was £12m in 2024.")["£12m"]
    b = _attributes("Orrin Mills' tax charge was £40m in 2024.")["£40m"]
    assert a != b and "amount" not in (a, b)
    assert not _findings(tmp_path, "Orrin Mills' payroll was £12m in 2024.",
                         "Orrin Mills' tax charge was £40m in 2024.")


def test_a_unit_is_never_a_measure() -> None:
    found = _attributes("Patrols cover a zone within 3 miles (4.8km) of Tarrow Cross, the force said.")
    assert "km" not in found.values() and "mile" not in found.values(), found


def test_a_date_is_dated_by_the_verb_that_governs_it_not_a_cue_word_nearby() -> None:
    found = _attributes("Orrin's shares fell 3% after the regulator approved the takeover on 12 May.")
    assert found["12 May"] == "approval date"  # not a sell-off: "fell" governs the 3%, not the date
    found = _attributes("The Kessel mine flooded on 3 March, the company said.")
    assert found["3 March"] == "flooded date"  # no cue names the event: its own verb does
    found = _attributes("Brannock Foods began trading in London on 4 June, and its shares fell 6%.")
    assert found["4 June"] == "listing date"  # the cue phrase that holds the verb names the event


def test_a_plan_and_what_was_done_are_two_facts(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Pellow Foods proposed 420 job cuts at its Derby plant in March.",
                      "After a consultation, Pellow Foods confirmed 380 job cuts at its Derby plant.")
    assert not [f for f in found if {c.text for c in f.claims} >= {"420", "380"}], found
    found = _findings(tmp_path, "Pellow Foods made 420 job cuts at its Derby plant in March.",
                      "Pellow Foods confirmed 380 job cuts at its Derby plant in March.")
    assert [f for f in found if {c.text for c in f.claims} >= {"420", "380"}], found


def test_a_counted_noun_is_made_singular_by_the_project_s_one_rule() -> None:
    assert _measures("The council will close 12 libraries and two pools.") == {"12": "library", "two": "pool"}


def test_a_date_the_parse_hangs_on_a_counting_verb_takes_the_event_conjoined_before_it() -> None:
    found = _measures("The busiest depot was Harlow Road in Leeds, which recorded 1,362 of those late parcels and had "
                      "declared a critical backlog on 9 January.")
    assert found["9 January"] == "declared"


def test_a_verb_of_staging_dates_its_subject() -> None:
    # "held", "takes place", "happened" say nothing of their own: the event is what is staged
    assert _measures("The annual meeting will be held in Leeds on 3 July.")["3 July"] == "meeting"
    assert _measures("The final vote takes place on 14 July.")["14 July"] == "vote"
    assert _measures("Shares held steady on 3 July.")["3 July"] == ""  # a level, and a subject no event


def test_a_date_on_the_object_of_an_event_verb_dates_the_verb() -> None:
    # the parse may hang the date on the object noun or on the verb: the event is the verb's either way
    assert _measures("The Pellow hospital declared a critical incident on 6 January.")["6 January"] == "declared"
    assert _measures("The vote on 12 May was close.")["12 May"] == "vote"  # a noun with no verb over it


def test_a_date_something_must_be_done_by_is_a_deadline() -> None:
    # the date a thing must be done by, whatever the verb ("made", "lodge"), with a weekday or a time
    # between its "by"/"until" and the day; a forecast "by" a date is no deadline
    for text, date in (("Appeal forms for the Rowan Prize must be sent by Friday, 6 June.", "6 June"),
                       ("Tenants of Harlow Court have until noon on 12 May to object.", "12 May"),
                       ("Bids for the Kelso Trust contract must arrive before 30 April.", "before 30 April")):
        assert _measures(text)[date] == "deadline", (text, _measures(text))
        assert _attributes(text)[date] == "deadline date", (text, _attributes(text))
    forecast = _measures("Harlow Council's reserves will fall to £141m by March 2027.")
    assert forecast and "deadline" not in forecast.values(), forecast
