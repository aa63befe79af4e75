"""Voice: who is quoted, how much each actor and side gets to say, and with which reporting verbs.

Built on the extraction tables (``quotes``, ``claims``, ``statements``; see
:mod:`analysis.extraction.claims` for the attribution rules). Three views, all plain counts
that trace back to rows of those tables:

* :func:`voice_by_actor` — per actor (``by="actor"``) or side (``by="side"``): quotes
  and their words, claims and their words, statements and the words attributed to
  the group once overlaps are merged, and its share of all attributed words. The
  statement-based columns (attributed words, direct words, voice share and its
  bootstrap interval) come from :func:`analysis.measures.emphasis.voice`, so notebooks 02 and
  05 report the same numbers.
* :func:`verbs_by_side` — the reporting verbs (cues) of each side's quotes and
  claims, with their class (neutral, assertive, revelatory, critical, …): the
  reporter's choice of verb is itself framing. :func:`cue_classes_by_side` pivots
  them to one row per side.
* :func:`rule_counts` — how many quotes and claims each attribution rule made;
  :func:`rules_in_use` — the table of attribution rules (in the order they are tried)
  cut to those that recorded something in this corpus.

Quotes with no recoverable speaker (speaker None) are kept under the group
``"(unknown)"``: they count as quotes but are attributed to no one, so they are
outside the statements and the voice shares. Scare-quoted terms (``kind == "term"``,
e.g. “high-level”) are counted apart (``n_terms``), never as a side's words.

>>> q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1], "start": [0, 30], "end": [9, 40],
...     "text": ["We agree.", "maybe not"], "speaker": ["Ann", None], "side": ["A", None],
...     "cue": ["said", None], "cue_start": [12, None], "kind": ["full", "partial"], "rule": ["subject", None]})
>>> c = pd.DataFrame({"doc_id": "d", "claim_id": [0], "start": [0], "end": [9], "text": ["We agree."],
...     "source": ["Ann"], "side": ["A"], "cue": ["said"], "cue_lemma": ["say"], "cue_start": [12],
...     "cue_class": ["neutral"], "direct": [True], "rule": ["subject"]})
>>> s = pd.DataFrame({"statement_id": ["d:0"], "doc_id": "d", "start": [0], "end": [9], "text": ["We agree."],
...     "speaker": ["Ann"], "side": ["A"], "origin": ["claim"], "n_words": [2]})
>>> voice_by_actor(q, c, s, n_boot=10)[["group", "n_quotes", "quoted_words", "n_claims", "attributed_words", "voice_share"]].values.tolist()
[['Ann', 1, 2, 1, 2, 1.0], ['(unknown)', 1, 2, 0, 0, nan]]
>>> verbs_by_side(c, q)[["side", "cue_lemma", "cue_class", "n_cues", "n_claims", "n_quotes"]].values.tolist()
[['A', 'say', 'neutral', 1, 1, 1]]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core.schema import VOICE_COLUMNS
from ..core.stats import N_BOOT
from ..core.text import count_words

__all__ = [
    "UNKNOWN",
    "CUE_CLASSES",
    "voice_by_actor",
    "voice_table",
    "verbs_by_side",
    "cue_classes_by_side",
    "rule_counts",
    "rules_in_use",
    "unsided_speakers",
]

UNKNOWN = "(unknown)"
CUE_CLASSES = ("neutral", "assertive", "revelatory", "critical", "directive", "tentative", "distancing")

_COUNTS = [c for c, (t, _) in VOICE_COLUMNS.items() if t == "int64"]


def _key(values: pd.Series) -> pd.Series:
    """Group keys as plain objects, missing values (None, NaN, pd.NA) replaced by ``UNKNOWN``.

    >>> _key(pd.Series(["US", None, float("nan")])).tolist()
    ['US', '(unknown)', '(unknown)']
    """
    v = values.astype("object")
    return v.where(v.notna(), UNKNOWN)


def _side_of(frames: Sequence[tuple[pd.DataFrame, str]]) -> dict[str, str]:
    """First known side of every group key over (table, key column) pairs."""
    out: dict[str, str] = {}
    for df, col in frames:
        if df is None or not len(df):
            continue
        for k, s in zip(_key(df[col]), df["side"].astype("object")):
            if k not in out and pd.notna(s):
                out[k] = s
    return out


def voice_by_actor(
    quotes: pd.DataFrame,
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    by: str = "actor",
    n_boot: int = N_BOOT,
    seed: int | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How much voice each actor (``by="actor"``) or side (``by="side"``) gets: table ``voice_by_actor``.

    Counts come from the quotes and claims tables (a quote inside a claim is counted
    in both: ``n_quotes`` and ``n_direct_claims``); ``attributed_words``, ``direct_words``
    and the voice share come from the statements, where overlapping quote and claim
    spans are merged, through :func:`analysis.measures.emphasis.voice` (bootstrap over
    statements, ``n_boot`` resamples, fixed seed). Columns: :data:`VOICE_COLUMNS`.
    With ``documents`` (doc_id, kind), quotes and claims inside readouts and official
    statements are left out of the counts: there the side speaks for itself (its words
    are ``own_words``), no reporter gives it voice.
    Rows are sorted by attributed words, then quoted words (descending), then name.

    >>> s = pd.DataFrame({"statement_id": ["d:0", "d:1"], "doc_id": "d", "start": [0, 20], "end": [9, 30],
    ...     "text": ["We agree.", "They don't"], "speaker": ["Ann", "Bo"], "side": ["A", "B"],
    ...     "origin": ["quote", "claim"], "n_words": [2, 3]})
    >>> voice_by_actor(None, None, s, by="side", n_boot=10)[["group", "attributed_words", "direct_words", "voice_share"]].values.tolist()
    [['B', 3, 0, 0.6], ['A', 2, 2, 0.4]]
    """
    from .emphasis import voice

    if by not in ("actor", "side"):
        raise ValueError(f"by must be 'actor' or 'side', not {by!r}")
    q_col, c_col, s_col = ("speaker", "source", "speaker") if by == "actor" else ("side", "side", "side")
    quotes = quotes if quotes is not None else pd.DataFrame(columns=["doc_id", "start", "end", "text", q_col, "side", "kind"])
    claims = claims if claims is not None else pd.DataFrame(columns=["doc_id", "start", "end", "text", c_col, "side", "direct"])
    statements = (
        statements
        if statements is not None
        else pd.DataFrame(columns=["doc_id", "start", "end", "text", s_col, "side", "origin", "n_words"])
    )

    quotes, claims = _reported(quotes, documents), _reported(claims, documents)
    rows: dict[str, dict] = {}
    docs: dict[str, set] = {}

    def row(key: str) -> dict:
        return rows.setdefault(key, {c: 0 for c in _COUNTS})

    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for k, d, kind, text, a, b in zip(
        _key(quotes[q_col]), quotes["doc_id"], quotes["kind"], quotes["text"], quotes["start"], quotes["end"]
    ):
        r = row(k)
        docs.setdefault(k, set()).add(d)
        if kind == "term":
            r["n_terms"] += 1
        else:
            r["n_quotes"] += 1
            spans.setdefault((k, d), []).append((int(a), int(b), str(text)))
    for (k, _), items in spans.items():  # overlapping quotes of one group merged: a word is counted once
        rows[k]["quoted_words"] += sum(count_words(t) for t in _union_texts(items))
    for k, d, direct, text in zip(_key(claims[c_col]), claims["doc_id"], claims["direct"], claims["text"]):
        r = row(k)
        docs.setdefault(k, set()).add(d)
        r["n_claims"] += 1
        r["n_direct_claims"] += int(bool(direct))
        r["claim_words"] += count_words(str(text))

    st_keys = _key(statements[s_col])
    v = voice(statements.assign(_by=st_keys), by="_by", quotes=quotes if len(quotes) else None, n_boot=n_boot, seed=seed)
    st_docs = {k: set(d) for k, d in statements["doc_id"].groupby(st_keys.to_numpy(), sort=False)} if len(statements) else {}
    for vr in v.to_dict("records"):
        k = vr["group"]
        r = row(k)
        r.update(
            n_statements=vr["n_statements"],
            attributed_words=vr["attributed_words"],
            direct_words=vr["quoted_words"],
            own_words=vr["own_words"],
        )
        r.update({c: vr[c] for c in ("voice_share", "voice_share_lo", "voice_share_hi", "direct_share")})
        docs.setdefault(k, set()).update(st_docs.get(k, ()))

    sides = _side_of([(statements, s_col), (claims, c_col), (quotes, q_col)])
    out = []
    for k, r in rows.items():
        r = dict(r)
        r["level"], r["group"], r["n_docs"] = by, k, len(docs.get(k, ()))
        r["side"] = (None if k == UNKNOWN else k) if by == "side" else sides.get(k)
        for c in ("voice_share", "voice_share_lo", "voice_share_hi", "direct_share"):
            r.setdefault(c, float("nan"))
        if r["n_statements"] == 0:
            r.update(voice_share=float("nan"), voice_share_lo=float("nan"), voice_share_hi=float("nan"))
        out.append(r)
    table = pd.DataFrame(out, columns=list(VOICE_COLUMNS))
    table = table.sort_values(["attributed_words", "quoted_words", "group"], ascending=[False, False, True], kind="stable")
    return _typed(table)


def _union_texts(spans: list[tuple[int, int, str]]) -> list[str]:
    """The texts of the union of overlapping spans ``(start, end, text)`` of one document, each character once.

    >>> _union_texts([(0, 12, "We will stay"), (3, 12, "will stay"), (8, 21, "stay and work"), (30, 33, "Yes")])
    ['We will stay and work', 'Yes']
    """
    out: list[list] = []
    for a, b, t in sorted(spans):
        if out and a < out[-1][1]:
            last = out[-1]
            if b > last[1]:
                last[2] += t[last[1] - a :]
                last[1] = b
        else:
            out.append([a, b, t])
    return [t for _, _, t in out]


def _reported(table: pd.DataFrame | None, documents: pd.DataFrame | None) -> pd.DataFrame | None:
    """Rows of ``table`` outside readout/statement documents (all rows when ``documents`` is None).

    >>> d = pd.DataFrame({"doc_id": ["n", "r"], "kind": ["news", "readout"]})
    >>> _reported(pd.DataFrame({"doc_id": ["n", "r"]}), d)["doc_id"].tolist()
    ['n']
    """
    from ..extraction.statements import OFFICIAL_KINDS

    if table is None or documents is None:
        return table
    official = set(documents.loc[documents["kind"].isin(OFFICIAL_KINDS), "doc_id"])
    return table.loc[~table["doc_id"].isin(official)].reset_index(drop=True)


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the columns and dtypes of :data:`VOICE_COLUMNS`, index reset."""
    t = table.reindex(columns=list(VOICE_COLUMNS)).reset_index(drop=True)
    for c, (dtype, _) in VOICE_COLUMNS.items():
        if dtype == "int64":
            t[c] = t[c].fillna(0).astype("int64")
        elif dtype == "float64":
            t[c] = t[c].astype("float64")
        elif dtype == "str":
            t[c] = t[c].astype("object").astype(str)
        else:
            v = t[c].astype("object")
            t[c] = v.where(v.notna(), None)
    return t


def voice_table(
    quotes: pd.DataFrame,
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    n_boot: int = N_BOOT,
    seed: int | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Both levels of :func:`voice_by_actor` in one table, sides first (the table saved as ``voice_by_actor``)."""
    parts = [voice_by_actor(quotes, claims, statements, by=b, n_boot=n_boot, seed=seed, documents=documents) for b in ("side", "actor")]
    return _typed(pd.concat(parts, ignore_index=True))


# --------------------------------------------------------------------------- reporting verbs


def _cue_info(form: str) -> tuple[str, str]:
    """(lemma, cue_class) of a reporting-verb form from ``resources/reporting_verbs.tsv`` (form itself and 'unknown' if absent).

    >>> _cue_info("Stated")
    ('state', 'neutral')
    """
    from ..extraction.claims import cue_lexicon

    info = cue_lexicon().get(" ".join(str(form).lower().split()))
    return (info["lemma"], info["cue_class"]) if info else (str(form).lower(), "unknown")


def _side_order(found: Sequence, sides: Sequence[str] | None) -> list:
    """``sides`` first, then the other sides in order of appearance, ``UNKNOWN`` last."""
    first = list(sides or [])
    rest = [s for s in dict.fromkeys(found) if s not in first and s != UNKNOWN]
    return first + rest + ([UNKNOWN] if UNKNOWN in set(found) else [])


def verbs_by_side(
    claims: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    sides: Sequence[str] | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Reporting verbs per side: one row per side and verb lemma.

    A *cue* is one occurrence of a reporting verb (doc_id, cue_start) that introduces a
    claim or a quote; a verb that introduces both a claim and the quote inside it is
    one cue. Quote cues take their lemma and class from the claim at the same offset,
    else from the reporting-verb lexicon. Scare-quoted terms are not counted. With
    ``documents`` (doc_id, kind), cues inside readouts and official statements (the
    side's own verbs, not a reporter's) are left out.

    Columns: side ('(unknown)' when the source has none), cue_class, cue_lemma, forms
    (as written, comma-separated), n_cues, n_claims, n_quotes, share_of_side
    (n_cues / the side's cues). Sides in the order of ``sides``, then others; within a
    side by n_cues (descending), then lemma.

    >>> c = pd.DataFrame({"doc_id": "d", "cue": ["told", "criticized"], "cue_lemma": ["tell", "criticize"],
    ...     "cue_start": [5, 40], "cue_class": ["neutral", "critical"], "side": ["A", "B"]})
    >>> verbs_by_side(c, sides=["B", "A"])[["side", "cue_lemma", "share_of_side"]].values.tolist()
    [['B', 'criticize', 1.0], ['A', 'tell', 1.0]]
    """
    claims, quotes = _reported(claims, documents), _reported(quotes, documents)
    cues: dict[tuple, dict] = {}
    if claims is not None:
        for d, a, form, lemma, cls, side in zip(
            claims["doc_id"], claims["cue_start"], claims["cue"], claims["cue_lemma"], claims["cue_class"], _key(claims["side"])
        ):
            c = cues.setdefault((d, int(a)), {"side": side, "form": form, "lemma": lemma, "cls": cls, "claims": 0, "quotes": 0})
            c["claims"] += 1
    if quotes is not None and len(quotes):
        q = quotes.loc[quotes["cue_start"].notna() & (quotes["kind"] != "term")]
        for d, a, form, side in zip(q["doc_id"], q["cue_start"], q["cue"], _key(q["side"])):
            key = (d, int(a))
            if key not in cues:
                lemma, cls = _cue_info(form)
                cues[key] = {"side": side, "form": form, "lemma": lemma, "cls": cls, "claims": 0, "quotes": 0}
            cues[key]["quotes"] += 1
    cols = ["side", "cue_class", "cue_lemma", "forms", "n_cues", "n_claims", "n_quotes", "share_of_side"]
    if not cues:
        return pd.DataFrame(columns=cols)
    c = pd.DataFrame(list(cues.values()))
    g = (
        c.groupby(["side", "cls", "lemma"], sort=False)
        .agg(
            forms=("form", lambda s: ", ".join(sorted(set(map(str, s))))),
            n_cues=("form", "size"),
            n_claims=("claims", "sum"),
            n_quotes=("quotes", "sum"),
        )
        .reset_index()
    )
    g = g.rename(columns={"cls": "cue_class", "lemma": "cue_lemma"})
    g["share_of_side"] = g["n_cues"] / g.groupby("side")["n_cues"].transform("sum")
    order = {s: i for i, s in enumerate(_side_order(g["side"].tolist(), sides))}
    g = g.assign(_o=g["side"].map(order)).sort_values(["_o", "n_cues", "cue_lemma"], ascending=[True, False, True], kind="stable")
    g = g.loc[:, cols].reset_index(drop=True)
    for col in ("n_cues", "n_claims", "n_quotes"):
        g[col] = g[col].astype("int64")
    for col in ("side", "cue_class", "cue_lemma", "forms"):
        g[col] = g[col].astype(str).astype("object")
    return g


def cue_classes_by_side(verbs: pd.DataFrame) -> pd.DataFrame:
    """Cues per side and class, one row per side (a :func:`verbs_by_side` table pivoted), with ``n`` = the side's cues.

    Class columns follow :data:`CUE_CLASSES` (only classes that occur); sides keep their order.

    >>> v = pd.DataFrame({"side": ["A", "A", "B"], "cue_class": ["neutral", "critical", "neutral"], "n_cues": [2, 1, 4]})
    >>> cue_classes_by_side(v).values.tolist()
    [['A', 3, 2, 1], ['B', 4, 4, 0]]
    """
    sides = list(dict.fromkeys(verbs["side"]))
    present = set(verbs["cue_class"])
    classes = [c for c in CUE_CLASSES if c in present] + sorted(present - set(CUE_CLASSES))
    p = verbs.pivot_table(index="side", columns="cue_class", values="n_cues", aggfunc="sum", fill_value=0)
    p = p.reindex(index=sides, columns=classes, fill_value=0).astype("int64")
    p.insert(0, "n", p.sum(axis=1).astype("int64"))
    p.columns.name = None
    return p.reset_index()


def rule_counts(quotes: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Quotes and claims per attribution rule, with the first example of each (rule '(none)' for unattributed quotes).

    >>> q = pd.DataFrame({"rule": ["subject", None], "speaker": ["Ann", None], "text": ["We agree.", "maybe"]})
    >>> rule_counts(q, None)[["table", "rule", "n", "example"]].values.tolist()
    [['quotes', 'subject', 1, 'Ann: We agree.'], ['quotes', '(none)', 1, '(none): maybe']]
    """
    rows = []
    for name, df, who in (("quotes", quotes, "speaker"), ("claims", claims, "source")):
        if df is None or not len(df):
            continue
        rule = df["rule"].astype("object").where(df["rule"].notna(), "(none)")
        speaker = df[who].astype("object").where(df[who].notna(), "(none)")
        for r, g in pd.DataFrame({"rule": rule, "who": speaker, "text": df["text"].astype(str)}).groupby("rule", sort=False):
            first = g.iloc[0]
            text = first["text"] if len(first["text"]) <= 70 else first["text"][:69] + "…"
            rows.append({"table": name, "rule": r, "n": len(g), "example": f"{first['who']}: {text}"})
    return pd.DataFrame(rows, columns=["table", "rule", "n", "example"])


def rules_in_use(rules: pd.DataFrame, quotes: pd.DataFrame | None, claims: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of ``rules`` (:func:`analysis.extraction.rules.rule_table`) that recorded a quote or claim in this corpus.

    ``records`` keeps only the names found in the ``rule`` column of ``quotes`` or
    ``claims``; a row none of whose names is found is left out, so a rule for a kind of
    document or sentence this corpus lacks is not shown. Order as tried; how many
    quotes and claims each name recorded is :func:`rule_counts`.

    >>> rules = pd.DataFrame({"sieve": ["claims", "claims", "quotes"], "order": [1, 2, 1], "rule": ["a", "b", "c"],
    ...     "records": ["a, a2", "b", "c"], "pattern": ["…", "…", "…"]})
    >>> rules_in_use(rules, None, pd.DataFrame({"rule": ["a", "a", "b"]}))[["rule", "records"]].values.tolist()
    [['a', 'a'], ['b', 'b']]
    """
    seen = set()
    for df in (quotes, claims):
        if df is not None and len(df) and "rule" in df.columns:
            seen |= set(df["rule"].dropna().astype(str))
    used = rules["records"].map(lambda names: ", ".join(n for n in str(names).split(", ") if n in seen))
    return rules.assign(records=used).loc[used != ""].reset_index(drop=True)


def unsided_speakers(voice: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Speakers and sources with no side, ranked by attributed words: whom to add to ``actors.yaml``.

    ``voice`` is the :func:`voice_table` (its ``actor`` rows); the unrecovered speaker
    ``(unknown)`` is left out (there is no one to add). Ties keep the table's order.

    >>> v = pd.DataFrame({"level": "actor", "group": ["Ann", "Bo", "(unknown)", "Cy"], "side": ["A", None, None, None],
    ...     "n_docs": 1, "n_statements": [2, 1, 0, 3], "n_quotes": [1, 1, 1, 0], "n_claims": [1, 0, 0, 3],
    ...     "attributed_words": [9, 4, 0, 12]})
    >>> unsided_speakers(v)[["group", "attributed_words"]].values.tolist()
    [['Cy', 12], ['Bo', 4]]
    """
    rows = voice.loc[(voice["level"] == "actor") & voice["side"].isna() & (voice["group"] != UNKNOWN)]
    rows = rows.sort_values("attributed_words", ascending=False, kind="stable")
    cols = ["group", "n_docs", "n_statements", "n_quotes", "n_claims", "attributed_words"]
    return rows[cols].head(top).reset_index(drop=True)
