"""Number formatting shared by the readings (:mod:`analysis.measures.readings`, :mod:`analysis.measures.readings_periods`)."""

from __future__ import annotations

import numpy as np

#: The level a q-value must be under (with the interval excluding zero) for a reading to call a difference.
ALPHA = 0.05


def _isnan(x) -> bool:
    try:
        return x is None or bool(np.isnan(float(x)))
    except (TypeError, ValueError):
        return True


def _num(x, digits: int = 2, sign: bool = False) -> str:
    """A number for prose: fixed digits, optional sign, "n/a" for missing.

    >>> _num(0.1234), _num(0.1, sign=True), _num(float("nan"))
    ('0.12', '+0.10', 'n/a')
    """
    if _isnan(x):
        return "n/a"
    return f"{float(x):+.{digits}f}" if sign else f"{float(x):.{digits}f}"


def _pct(x, digits: int = 0) -> str:
    """A share as a percentage ("42%"), "n/a" for missing.

    >>> _pct(0.4167), _pct(None)
    ('42%', 'n/a')
    """
    return "n/a" if _isnan(x) else f"{100 * float(x):.{digits}f}%"


def _plural(n: int, word: str) -> str:
    """``"1 document"``, ``"3 documents"``.

    >>> _plural(1, "document"), _plural(2, "speaker")
    ('1 document', '2 speakers')
    """
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _interval(lo, hi, digits: int, sign: bool = False, pct: bool = False) -> str:
    """An interval for prose; a signed interval (a difference) that excludes zero never prints a bound that rounds to zero.

    >>> _interval(0.0031, 0.021, 2, sign=True), _interval(-0.01, 0.02, 2, sign=True), _interval(0.004, 0.2, 0, pct=True)
    ('+0.003 to +0.021', '-0.01 to +0.02', '0% to 20%')
    """
    if _isnan(lo) or _isnan(hi):
        return "no interval"
    lo, hi = float(lo), float(hi)
    scale = 100 if pct else 1
    if sign and (lo > 0 or hi < 0):  # a difference that excludes zero: add digits until the bound nearer zero shows it
        near = min(abs(lo), abs(hi)) * scale
        while digits < 4 and round(near, digits) == 0:
            digits += 1
    if pct:
        return f"{_pct(lo, digits)} to {_pct(hi, digits)}"
    return f"{_num(lo, digits, sign)} to {_num(hi, digits, sign)}"
