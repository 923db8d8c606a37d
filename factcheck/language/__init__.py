"""Floor 2: text as the extractors read it: typography, sentences, clauses and morphology."""
