"""Floor 0: the records that flow through the pipeline and small shared helpers (atomic file
writing, YAML read with positions and one error format). Imports nothing of factcheck."""

VERSION = "0.1.0"  # the package version, kept here so that any floor may name it
