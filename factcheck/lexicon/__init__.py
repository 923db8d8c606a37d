"""Floor 1: the lexicon, every data file of the rule pack (rules/*.yaml) validated once, and the
pint unit table. Imports only factcheck.core."""
