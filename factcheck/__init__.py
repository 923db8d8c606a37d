"""factcheck: find where news sources disagree on a figure or a date.

    >>> import factcheck
    >>> result = factcheck.check(["corpus/deepseek"])   # doctest: +SKIP
    >>> result.findings                                  # a pandas DataFrame  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.core import VERSION

if TYPE_CHECKING:
    from factcheck.pipeline import Result, check, run

__all__ = ["Result", "check", "run"]
__version__ = VERSION


def __getattr__(name: str) -> object:
    """`factcheck.check`, `.run` and `.Result`, imported on first use: a command that needs no pipeline
    (`review --decisions FILE --set ...`) starts without loading pandas and the extractor."""
    if name in __all__:
        from factcheck import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
