"""The shipped parsing model, on 50 news sentences of our own annotated by hand (tests/data/news_ud_gold.conllu):
tags and heads hold to the accuracy the README reports, each sentence is parsed as one, and the model
loads from the package with nothing fetched."""

from __future__ import annotations

from pathlib import Path

from factcheck.language.parse import MODEL_DIR, parse, parser

GOLD = Path(__file__).parent / "data" / "news_ud_gold.conllu"


def _gold() -> list[list[list[str]]]:
    sentences, rows = [], []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(rows)
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    return sentences + ([rows] if rows else [])


def test_tags_and_heads_on_our_news_sentences() -> None:
    from spacy.tokens import Doc

    nlp = parser()
    tags = heads = labels = total = 0
    for rows in _gold():
        doc = Doc(nlp.vocab, words=[r[1] for r in rows], spaces=["SpaceAfter=No" not in r[9] for r in rows])
        for token in doc[1:]:
            token.is_sent_start = False
        for _, component in nlp.pipeline:
            doc = component(doc)
        for token, r in zip(doc, rows):
            gold_head = int(r[6]) - 1 if r[6] != "0" else token.i
            total += 1
            tags += token.tag_ == r[4]
            heads += token.head.i == gold_head
            labels += token.head.i == gold_head and token.dep_.lower() == r[7].lower()
    assert total > 1000
    assert tags / total >= 0.92, tags / total  # README: 94.7
    assert heads / total >= 0.75, heads / total  # README: UAS 77.0
    assert labels / total >= 0.69, labels / total  # README: LAS 71.9


def test_each_sentence_is_parsed_as_one() -> None:
    docs = parse(["Pennine Western, which is owned by Veldhoven Mobility, runs trains.", "Revenue rose 5%."])
    assert [sum(1 for t in d if t.head.i == t.i) for d in docs] == [1, 1]


def test_the_model_ships_with_the_package() -> None:
    assert (MODEL_DIR / "config.cfg").is_file() and (MODEL_DIR / "parser" / "model").is_file()
    assert MODEL_DIR.is_relative_to(Path(__import__("factcheck").__file__).parent)
