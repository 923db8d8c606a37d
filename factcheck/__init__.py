"""factcheck: find where news sources disagree on a figure or a date.

    >>> import factcheck
    >>> result = factcheck.check(["corpus/deepseek"])   # doctest: +SKIP
    >>> result.findings                                  # a pandas DataFrame  # doctest: +SKIP
"""

from factcheck.pipeline import Result, check, run

__all__ = ["Result", "check", "run"]
__version__ = "0.1.0"
