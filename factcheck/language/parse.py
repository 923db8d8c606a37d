"""Dependency parses of sentences, from the model factcheck ships (factcheck/models/en_ud_ewt, a spaCy
pipeline trained on the UD English Web Treebank by scripts/parser/train.py).

The model loads once per process, on first use; spaCy is imported only then, so commands that do not
attribute claims never pay for it. Each sentence is parsed on its own (its text from the article, as
the sentence splitter in `factcheck.language.text` cut it), so a token's `idx` is its offset in the
sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "en_ud_ewt"
UNUSED = ("morphologizer",)  # its features decide nothing here; the tagger's tags and the parse do
BATCH = 64


@functools.lru_cache(maxsize=1)
def parser() -> Language:
    """The packaged pipeline (tagger, parser, lemmatizer), loaded once."""
    import spacy

    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"the parsing model is missing from {MODEL_DIR}; rebuild it with "
                                "python scripts/parser/train.py --install")
    return spacy.load(MODEL_DIR, exclude=list(UNUSED))


def parse(sentences: Iterable[str]) -> list[Doc]:
    """One parsed Doc per sentence, in order. Each is parsed as one sentence: our splitter has
    already cut them, and the parser, left to itself, breaks some inside a name ("Pennine | Western")."""
    nlp = parser()
    return list(nlp.pipe((_one_sentence(nlp.make_doc(s)) for s in sentences), batch_size=BATCH))


def _one_sentence(doc: Doc) -> Doc:
    for token in doc[1:]:
        token.is_sent_start = False
    return doc
