"""Distinctive vocabulary of two sides: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' words: lexical feature selection and
evaluation for identifying the content of political conflict", Political
Analysis 16(4), section 3.5. For word w with counts y_a, y_b in the two sides'
texts (totals n_a, n_b) and prior alpha_w, alpha_0 = sum of alpha_w:

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
    var(delta_w) ~ 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w = delta_w / sqrt(var(delta_w))

The default prior is informative and comes from the pooled counts of both sides:
alpha_w = alpha_0 * pi_w with pi_w the pooled relative frequency and alpha_0 the
pooled total (so alpha_w is the pooled count); pass ``alpha0`` to make it
weaker or stronger, or ``prior`` for counts from a background corpus. Treat z as
a ranking of words, not as a significance test: words of one article are not
independent draws.

Tokens come from :func:`analysis.core.text.words` (NLTK RegexpTokenizer), lower-cased,
curly apostrophes straightened, a possessive ``'s`` dropped, tokens without a
letter dropped, and the stopwords of ``resources/stopwords.txt`` removed (an
all-capitals token such as "US" is an acronym, never a stopword).

>>> t = log_odds_dirichlet({"peace": 3, "war": 1}, {"peace": 1, "war": 3})
>>> t[["word", "delta", "z"]].round(4).values.tolist()
[['peace', 0.6729, 1.1493], ['war', -0.6729, -1.1493]]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..core.resources import read_list
from ..core.schema import conform
from ..core.text import words

__all__ = [
    "STOPWORDS",
    "load_stopwords",
    "normalize_word",
    "content_words",
    "side_word_counts",
    "log_odds_dirichlet",
    "distinctive_words",
    "top_words",
    "findings",
    "z_formula_check",
]

STOPWORDS = "stopwords.txt"


def load_stopwords(name: str = STOPWORDS) -> frozenset[str]:
    """The stopword list resource ``name`` as a set of lower-case words.

    >>> "the" in load_stopwords(), "not" in load_stopwords()
    (True, False)
    """
    return frozenset(w.lower() for w in read_list(name))


def normalize_word(token: str) -> str:
    """Lower-case, straighten curly apostrophes, drop a possessive ``'s``.

    >>> normalize_word("Ukraine’s"), normalize_word("U.S")
    ('ukraine', 'u.s')
    """
    w = token.lower().replace("’", "'").replace("‘", "'")
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    return w


def content_words(text: str, stopwords: Iterable[str] | None = None) -> list[str]:
    """The normalised, stopword-free word tokens of ``text`` (see the module docstring).

    >>> content_words("The US and Russia’s team agreed to three steps.")
    ['us', 'russia', 'team', 'agreed', 'three', 'steps']
    """
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    out = []
    for tok in words(text):
        w = normalize_word(tok)
        if not any(c.isalpha() for c in w):
            continue
        acronym = tok.isupper() and len(tok) > 1
        if w in stop and not acronym:
            continue
        out.append(w)
    return out


def side_word_counts(
    units: pd.DataFrame,
    side: str,
    *,
    side_col: str = "side",
    text_col: str = "text",
    stopwords: Iterable[str] | None = None,
) -> Counter:
    """Word counts over the units of one side.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"side": ["A", "A", "B"], "text": ["Peace today", "peace", "War"]})
    >>> dict(side_word_counts(u, "A"))
    {'peace': 2, 'today': 1}
    """
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    c: Counter = Counter()
    for text in units.loc[units[side_col] == side, text_col]:
        if isinstance(text, str):
            c.update(content_words(text, stop))
    return c


def log_odds_dirichlet(
    counts_a: Mapping[str, float],
    counts_b: Mapping[str, float],
    *,
    prior: Mapping[str, float] | None = None,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Monroe et al. (2008) weighted log-odds of every word, A vs B, with an informative Dirichlet prior.

    ``prior`` gives prior counts per word (default: the pooled counts of A and B);
    they are rescaled so they sum to ``alpha0`` (default: their own total), giving
    alpha_w. Every word of A or B needs a positive prior. Returns columns word,
    count_a, count_b, prior (alpha_w), delta, var, z, sorted by z descending then word.

    Hand-computed example (pooled prior: alpha_peace = alpha_war = 4, alpha_0 = 8,
    n_a = n_b = 4): delta_peace = log(7/5) - log(5/7) = 0.6729,
    var = 1/7 + 1/5 = 0.3429, z = 0.6729 / 0.5855 = 1.1493.

    >>> log_odds_dirichlet({"peace": 3, "war": 1}, {"peace": 1, "war": 3})[["word", "prior", "var"]].round(4).values.tolist()
    [['peace', 4.0, 0.3429], ['war', 4.0, 0.3429]]
    """
    vocab = sorted(set(w for w, c in counts_a.items() if c > 0) | set(w for w, c in counts_b.items() if c > 0))
    ya = np.array([float(counts_a.get(w, 0)) for w in vocab])
    yb = np.array([float(counts_b.get(w, 0)) for w in vocab])
    if prior is None:
        raw = ya + yb
    else:
        raw = np.array([float(prior.get(w, 0.0)) for w in vocab])
        if len(vocab) and (raw <= 0).any():
            missing = [w for w, r in zip(vocab, raw) if r <= 0][:5]
            raise ValueError(f"prior has no positive count for {missing}")
    total = float(raw.sum()) if prior is None else float(sum(v for v in prior.values() if v > 0))
    a0 = total if alpha0 is None else float(alpha0)
    alpha = a0 * raw / total if total > 0 else raw
    na, nb = ya.sum(), yb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log((yb + alpha) / (nb + a0 - yb - alpha))
        var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        z = delta / np.sqrt(var)
    out = pd.DataFrame({"word": vocab, "count_a": ya, "count_b": yb, "prior": alpha, "delta": delta, "var": var, "z": z})
    out = out.sort_values(["z", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out


def distinctive_words(
    units: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    side_col: str = "side",
    text_col: str = "text",
    stopwords: Iterable[str] | None = None,
    prior: Mapping[str, float] | None = None,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Distinctive words of side A vs side B in ``units`` (table ``distinctive_words``).

    Positive z favours ``side_a``, negative z ``side_b``; ``rank`` orders words
    within the side they favour by |z|. See :func:`log_odds_dirichlet`.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"side": ["X", "X", "Y"], "text": ["peace, peace and war", "peace", "war and trade"]})
    >>> distinctive_words(u, "X", "Y")[["word", "count_a", "count_b", "favours", "rank"]].values.tolist()
    [['peace', 3, 0, 'X', 1], ['war', 1, 1, 'Y', 2], ['trade', 0, 1, 'Y', 1]]
    """
    ca = side_word_counts(units, side_a, side_col=side_col, text_col=text_col, stopwords=stopwords)
    cb = side_word_counts(units, side_b, side_col=side_col, text_col=text_col, stopwords=stopwords)
    t = log_odds_dirichlet(ca, cb, prior=prior, alpha0=alpha0)
    t.insert(0, "side_b", side_b)
    t.insert(0, "side_a", side_a)
    t["count_total"] = t["count_a"] + t["count_b"]
    t["favours"] = np.where(t["z"] > 0, side_a, np.where(t["z"] < 0, side_b, ""))
    t["rank"] = 0
    for side in (side_a, side_b):
        m = t["favours"] == side
        order = t.loc[m].assign(_abs=t.loc[m, "z"].abs()).sort_values(["_abs", "word"], ascending=[False, True], kind="stable")
        t.loc[order.index, "rank"] = np.arange(1, m.sum() + 1)
    return conform(t, "distinctive_words")


def top_words(table: pd.DataFrame, side: str, n: int = 10) -> list[str]:
    """The ``n`` most distinctive words of ``side`` in a :func:`distinctive_words` table.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"word": ["a", "b", "c"], "favours": ["X", "X", "Y"], "rank": [2, 1, 1]})
    >>> top_words(t, "X")
    ['b', 'a']
    """
    sub = table[table["favours"] == side].sort_values("rank", kind="stable")
    return sub["word"].head(n).tolist()


def findings(table: pd.DataFrame, n: int = 8) -> str:
    """The top ``n`` words of each side of a :func:`distinctive_words` table, with z and counts, as text.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"side": ["X", "Y"], "text": ["peace peace", "trade"]})
    >>> print(findings(distinctive_words(u, "X", "Y"), n=2))
    X (2 tokens, 1 word types): peace (z = +1.60, 2 vs 0)
    Y (1 tokens, 1 word types): trade (z = -1.13, 0 vs 1)
    """
    if table.empty:
        return ""
    a, b = table["side_a"].iloc[0], table["side_b"].iloc[0]
    lines = []
    for side in (a, b):
        col = "count_a" if side == a else "count_b"
        sub = table[table["favours"] == side].sort_values("rank", kind="stable").head(n)
        words_ = ", ".join(f"{r.word} (z = {r.z:+.2f}, {r.count_a} vs {r.count_b})" for r in sub.itertuples())
        lines.append(f"{side} ({int(table[col].sum())} tokens, {int((table[col] > 0).sum())} word types): {words_ or 'none'}")
    return "\n".join(lines)


def z_formula_check(ya: float, yb: float, na: float, nb: float, alpha_w: float, alpha0: float) -> tuple[float, float]:
    """(delta, z) for one word straight from the formula in the module docstring (for tests and readers).

    >>> [round(v, 4) for v in z_formula_check(3, 1, 4, 4, 4, 8)]
    [0.6729, 1.1493]
    """
    d = math.log((ya + alpha_w) / (na + alpha0 - ya - alpha_w)) - math.log((yb + alpha_w) / (nb + alpha0 - yb - alpha_w))
    return d, d / math.sqrt(1 / (ya + alpha_w) + 1 / (yb + alpha_w))
