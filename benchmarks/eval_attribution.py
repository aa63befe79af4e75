"""Evaluate analysis.extraction.extract against PolNeAR (BRAT standoff) attribution annotations.

Reads ``DIR/text/NAME.txt`` and the first (sorted) ``DIR/attributions/NAME_XXXX.ann``
per article and prints, for quotes and for claims: gold and predicted counts,
precision, recall and F1 at character overlap >= 0.3 and >= 0.8 (overlap and the
greedy one-to-one matching are those of ``benchmarks/eval_extract.py``), and the
speaker/source accuracy over matched gold items (a missing speaker counts wrong).

Gold items:

* quotes: the quotation-mark-delimited stretches (double, doubled-apostrophe and single
  curly marks; marks excluded) inside a relation's Content span; a stretch inside several
  relations' contents belongs to the relation with the smallest content (the innermost
  report). Annotators often leave the marks themselves outside the Content span, so a
  mark right before or right after the span counts as inside it. An opening mark with no
  closing one inside the content runs to the content's end. A mark closes only a stretch
  opened by its own kind: a single ``’`` with no ``‘`` open is an apostrophe ("the
  Democrats’ plan"), and single marks inside a double-quoted stretch belong to it. Marks
  inside a markup tag with attributes (``<a href="…">``, an embedded post's
  ``author="…"``) delimit attribute values, not quotations, and are skipped. (Without these
  two rules, 115 possessive apostrophes and tag attributes were gold quotes. With them, the
  commit before issue 13 scores quote F1 0.940 on the train split, the issue's held-out
  baseline of 0.94.)
* claims: relations whose Cue is a speech verb (the cue text contains a form of
  ``analysis/resources/reporting_verbs.tsv``) or is only a colon or a dash; span = the
  Content span (first to last character of a discontinuous span).

Speaker/source matching rule (documented here, applied identically to quotes and claims):
a predicted speaker is right when

1. its mention span (``speaker_start/end``, ``source_start/end``) overlaps the gold
   Source span *and* the gold Source is not a pronoun; or
2. its name shares a content word (case-insensitive, ignoring determiners, honorifics and
   words of <= 1 letter, possessive ``'s`` stripped) with the gold Source span's text; or
3. the gold Source is a pronoun (he, she, they, it, we, I, ...) and the name shares a
   content word with the gold antecedent. PolNeAR marks no coreference, so the antecedent
   is approximated by the nearest preceding non-pronoun gold Source of the document (for
   he/she one with a capitalised word, i.e. a named person, whose honorific or first
   name, ``first_names.tsv``, does not say the other gender). This proxy is often wrong
   (the previous speaker is not always the one "he" means), so pronoun-sourced items
   under-state the true speaker accuracy.

A relative pronoun (who, which, that) as gold Source is matched by the mention that ends
right before it ("business leaders who say": "business leaders").

``who span`` is a second, looser reading of the same items: a pronoun gold Source also
counts right when the predicted speaker's span is that pronoun (the pronoun was found
and attributed; whom it was resolved to is not checked, since PolNeAR marks no
coreference). ``who acc`` is the strict reading above.

No gold Source (the text names none) and no predicted speaker counts right; a
predicted speaker where gold has none counts wrong. ``--by-rule`` prints the matched
items' accuracy per attribution rule and the misses broken down by cause (gold source
shape: pronoun / name / description; cue kind; predicted kind), never by article.

Empty registry: ``--empty-registry`` writes ``actors: []`` to a temporary folder and
points ``ANALYSIS_RESOURCES`` at it before importing ``analysis`` (equivalently, run with
``ANALYSIS_RESOURCES=DIR`` where ``DIR/actors.yaml`` holds ``actors: []``).

The corpus text is read by path only and never copied anywhere. When ``--polnear``'s
folder is absent, a message is printed and the script exits 0.

Usage: python benchmarks/eval_attribution.py --polnear ../shared/polnear-train [--limit N] [--by-rule] [--empty-registry]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
CODE_ROOT = Path(os.environ.get("EVAL_CODE_ROOT", str(ROOT)))  # EVAL_CODE_ROOT: measure another checkout's analysis/
sys.path.insert(0, str(CODE_ROOT))

PRONOUNS = frozenset("he she they it we i you him her them us me his hers their its our my who himself herself themselves".split())
_STOP = frozenset(
    "the a an of and or in on at for to by with from mr mrs ms dr sen rep gov pres president former "
    "s jr sr his her their its this that these those".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_OPEN = "“„«"
_CLOSE = "”»"


def read_ann(path: Path) -> tuple[dict, list[dict]]:
    """Spans (id -> (kind, [(start, end)...], text)) and relations (dicts of role -> span id) of one .ann file."""
    spans, rels = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            kind, _, offs = parts[1].partition(" ")
            segs = []
            for seg in offs.split(";"):
                a, b = seg.split()
                segs.append((int(a), int(b)))
            segs.sort()  # a discontinuous span's pieces are sometimes listed out of text order
            spans[parts[0]] = (kind, segs, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E"):
            parts = line.split("\t")
            rel = {}
            for item in parts[1].split():
                role, _, tid = item.partition(":")
                rel[role] = tid
            rels.append(rel)
    return spans, rels


_TAG = re.compile(r"<[A-Za-z][\w:.-]*\s[^<>\n]*=[^<>\n]*>")


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """Quotation marks in ``text[lo:hi]`` as (start, end, 'open' | 'close' | 'either', 'double' | 'single').

    Double marks (curly, guillemets, straight ``"`` and doubled ``''``) and single curly
    marks: ``‘`` opens; ``’`` closes unless a letter follows it (an apostrophe, "don’t").
    Marks inside a markup tag with attributes (``<a href="…">``) delimit attribute values,
    not quotations, and are skipped.
    """
    tags = [m.span() for m in _TAG.finditer(text, max(0, lo - 300), min(len(text), hi + 300))] if "<" in text else []
    out, i = [], lo
    while i < hi:
        ch = text[i]
        if tags and any(a <= i < b for a, b in tags):
            i += 1
            continue
        if ch in _OPEN:
            out.append((i, i + 1, "open", "double"))
        elif ch == "‘":
            out.append((i, i + 1, "open", "single"))
        elif ch in _CLOSE:
            out.append((i, i + 1, "close", "double"))
        elif ch == "’" and not (i + 1 < len(text) and text[i + 1].isalpha()):
            out.append((i, i + 1, "close", "single"))
        elif ch == '"':
            out.append((i, i + 1, "either", "double"))
        elif text.startswith("''", i):
            out.append((i, i + 2, "either", "double"))
            i += 1
        i += 1
    return out


def quote_stretches(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotation-mark-delimited stretches (marks excluded, whitespace trimmed) inside a content span.

    Annotators often leave the quotation marks out of a Content span, so a mark right
    before the span (or right after it, past one punctuation character) counts as the
    span's own; a closing double mark met before any opening one closes a stretch that
    began at the span's start. A mark closes only a stretch its own kind opened: a single
    ``’`` inside a double-quoted stretch, or with no ``‘`` open, is an apostrophe
    ("the Democrats’ plan"), and single marks nested in a double quote belong to it.

    >>> s = 'he said “a b” and “c d'
    >>> [s[a:b] for a, b in quote_stretches(s, [(0, len(s))])]
    ['a b', 'c d']
    >>> s = 'he said, “a b c.” Then'
    >>> [s[a:b] for a, b in quote_stretches(s, [(10, 15)])]
    ['a b c.']
    >>> s = 'that Lee’ plan “beats ‘x’ and Lee’ plan” ok'
    >>> [s[a:b] for a, b in quote_stretches(s, [(0, len(s))])]
    ['beats ‘x’ and Lee’ plan']
    """
    lo, hi = segs[0][0], segs[-1][1]
    if lo > 0 and _marks(text, lo - 1, lo):
        lo -= 1
    for k in (0, 1):
        if hi + k < len(text) and (k == 0 or text[hi] in ".,?!;") and _marks(text, hi + k, hi + k + 1):
            hi = hi + k + 1
            break
    out, opened, family = [], None, None
    for a, b, kind, fam in _marks(text, lo, hi):
        if opened is None:
            if kind == "close" and fam == "double" and not out:
                out.append((lo, a))
            elif kind != "close":
                opened, family = b, fam
        elif fam != family:
            continue  # the other kind of mark inside an open stretch: nested, or an apostrophe
        elif kind != "open":
            out.append((opened, a))
            opened = None
        # an opening mark while open: a new paragraph of the same quote, keep going
    if opened is not None:
        out.append((opened, hi))
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and _WORD.search(text, a, b):
            res.append((a, b))
    return res


def content_words(s: str | None) -> set[str]:
    """Lower-case content words of a name or source text.

    >>> sorted(content_words("Mrs. Clinton’s"))
    ['clinton']
    """
    if not s:
        return set()
    out = set()
    for w in _WORD.findall(s):
        w = re.sub(r"[’']s$", "", w).lower()
        if len(w) > 1 and w not in _STOP:
            out.add(w)
    return out


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    """Honorific or first name -> gender, from this checkout's honorifics.tsv and first_names.tsv (whatever code is measured)."""
    out: dict[str, str] = {}
    for name in ("first_names.tsv", "honorifics.tsv"):
        for line in (ROOT / "analysis" / "resources" / name).read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) == 2 and not line.startswith("#") and parts[1] in ("male", "female"):
                out[parts[0]] = parts[1]
    return out


def gender_of(name: str) -> str | None:
    """Gender a gold source's text shows through an honorific or a first name followed by another name word, else None."""
    words = [w.strip(",’'") for w in name.split() if w[:1].isupper()]
    table = _gender_words()
    for i, w in enumerate(words):
        g = table.get(w)
        if g and (
            i + 1 < len(words) or w.endswith(".") or w in ("Mr", "Mrs", "Ms", "Miss", "Sir", "Madam", "Lady", "Lord", "Dame", "Mister")
        ):
            return g
    return None


def gold_cue_regex(alternation) -> re.Pattern:
    """Speech cues for the gold claims: the forms of this checkout's ``reporting_verbs.tsv`` (fixed, whatever code is measured)."""
    forms = []
    for line in (ROOT / "analysis" / "resources" / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("form\t"):
            forms.append(line.split("\t")[0].lower())
    return re.compile(rf"(?<![\w’'-]){alternation(forms, 'i')}(?![\w’'-])")


def is_pronoun(s: str) -> bool:
    return s.strip().lower() in PRONOUNS


def gold_items(text: str, spans: dict, rels: list[dict], is_speech) -> tuple[list[tuple], list[tuple]]:
    """(quotes, claims) as tuples (start, end, source_text, source_span, antecedent_text, cue_text)."""
    sources = sorted((segs[0][0], segs[-1][1], t) for kind, segs, t in spans.values() if kind == "Source")
    named = [(a, b, t) for a, b, t in sources if not is_pronoun(t)]

    def antecedent(a: int, src: str) -> str | None:
        low = src.strip().lower()
        want = "male" if low in ("he", "him", "his", "himself") else "female" if low in ("she", "her", "herself") else None
        for _s, e, t in reversed(named):
            if e <= a and (want is None or (re.search(r"\b[A-Z]", t) and gender_of(t) in (None, want))):
                return t
        return None

    quotes: dict[tuple[int, int], tuple] = {}
    claims = []
    for rel in rels:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        _, csegs, _ = spans[rel["Content"]]
        src_t, src_span, ante = None, None, None
        if "Source" in rel and rel["Source"] in spans:
            _, ssegs, src_t = spans[rel["Source"]]
            src_span = (ssegs[0][0], ssegs[-1][1])
            if is_pronoun(src_t):
                ante = antecedent(src_span[0], src_t)
        cue_t = spans[rel["Cue"]][2] if "Cue" in rel and rel["Cue"] in spans else ""
        size = csegs[-1][1] - csegs[0][0]
        for a, b in quote_stretches(text, csegs):
            old = quotes.get((a, b))
            if old is None or size < old[-1]:
                quotes[(a, b)] = (a, b, src_t, src_span, ante, cue_t, size)
        if is_speech(cue_t):
            claims.append((csegs[0][0], csegs[-1][1], src_t, src_span, ante, cue_t))
    return [q[:-1] for q in sorted(quotes.values(), key=lambda q: q[:2])], sorted(claims, key=lambda c: c[:2])


def speaker_right(gold: tuple, name: str | None, span: tuple | None) -> bool:
    """The matching rule of the module docstring."""
    _, _, src_t, src_span, ante, _ = gold
    if src_t is None:
        return name is None
    if name is None:
        return False
    if src_t.strip().lower() in ("who", "which", "that") and span is not None and span[1] is not None and src_span is not None:
        if 0 <= src_span[0] - span[1] <= 3:
            return True  # "leaders who say": the phrase right before the relative pronoun
    if span is not None and span[0] is not None and src_span is not None and not is_pronoun(src_t):
        if min(span[1], src_span[1]) > max(span[0], src_span[0]):
            return True
    words = content_words(name)
    if words & content_words(src_t):
        return True
    return bool(is_pronoun(src_t) and ante and words & content_words(ante))


def pronoun_span_found(gold: tuple, name: str | None, span: tuple | None) -> bool:
    """True when gold's Source is a pronoun and the predicted speaker span overlaps it (resolution unchecked)."""
    _, _, src_t, src_span, _, _ = gold
    if src_t is None or name is None or not is_pronoun(src_t) or src_span is None or span is None or span[0] is None:
        return False
    return min(span[1], src_span[1]) > max(span[0], src_span[0])


def source_shape(src_t: str | None) -> str:
    if src_t is None:
        return "no gold source"
    if is_pronoun(src_t):
        return "pronoun"
    if re.search(r"\b[A-Z][a-z]", src_t) and not re.match(r"(?i)(the|a|an)\b", src_t):
        return "name"
    return "description"


def evaluate(folder: Path, limit: int | None, by_rule: bool, examples: int = 0) -> dict:
    from eval_extract import match

    if (CODE_ROOT / "analysis" / "extraction").is_dir():
        from analysis.extraction.actors import literal_alternation
        from analysis.extraction.extract import extract
    else:  # a checkout from before the analysis/extraction layout (EVAL_CODE_ROOT)
        from analysis.actors import literal_alternation
        from analysis.extract import extract

    rx = gold_cue_regex(literal_alternation)

    def is_speech(cue: str) -> bool:
        c = cue.strip()
        return bool(c) and (c in (":", "—", "–", "-", "--", "―") or bool(rx.search(c)))

    texts = sorted((folder / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    tot: dict = {}
    causes: dict[str, Counter] = {}
    shown: Counter = Counter()
    n_docs = 0
    for tp in texts:
        anns = sorted((folder / "attributions").glob(tp.stem + "_*.ann"))
        if not anns:
            continue
        n_docs += 1
        text = tp.read_text(encoding="utf-8")
        spans, rels = read_ann(anns[0])
        gq, gc = gold_items(text, spans, rels, is_speech)
        x = extract(text)
        for table, gold, rows, who in (("quotes", gq, x._rows["quotes"], "speaker"), ("claims", gc, x._rows["claims"], "source")):
            pred = [(r["start"], r["end"]) for r in rows]
            for th in (0.3, 0.8):
                m = match(gold, pred, th)
                t = tot.setdefault((table, th), Counter())
                t["gold"] += len(gold)
                t["pred"] += len(pred)
                t["tp"] += len(m)
                for i, j in m:
                    r = rows[j]
                    sp = (r.get(who + "_start"), r.get(who + "_end"))
                    ok = speaker_right(gold[i], r.get(who), sp)
                    ok_span = ok or pronoun_span_found(gold[i], r.get(who), sp)
                    t["who"] += ok
                    t["who_span"] += ok_span
                    if th != 0.3 or not by_rule:
                        continue
                    rule = r.get("rule") or "none"
                    c = causes.setdefault(f"{table}: matched, by rule (right strict, right span / total)", Counter())
                    c[(rule, "n")] += 1
                    c[(rule, "right")] += ok
                    c[(rule, "right_span")] += ok_span
                    if not ok_span:
                        kind = "no speaker" if r.get(who) is None else "wrong speaker"
                        key = f"{kind} / rule {rule} / gold {source_shape(gold[i][2])}"
                        causes.setdefault(f"{table}: speaker wrong (span reading), by cause", Counter())[key] += 1
                        if examples and shown[key] < examples:
                            shown[key] += 1
                            g = gold[i]
                            print(
                                f"  [{table} {key}] gold={g[2]!r} ante={g[4]!r} got={r.get(who)!r} | {text[max(0, g[0] - 60) : g[1] + 60]!r}"[
                                    :400
                                ]
                            )
                if th == 0.3 and by_rule:
                    mg, mp = {i for i, _ in m}, {j for _, j in m}
                    for i, g in enumerate(gold):
                        if i not in mg:
                            cue = g[5].strip()
                            ck = (
                                "colon/dash"
                                if cue in (":", "—", "–", "-", "--", "―")
                                else (rx.search(cue).group(0).lower() if rx.search(cue) else cue.lower()[:20])
                            )
                            key = f"gold {source_shape(g[2])}" + (f" / cue {ck}" if table == "claims" else "")
                            causes.setdefault(f"{table}: missed gold, by cause", Counter())[key] += 1
                            if examples and shown[key] < examples:
                                shown[key] += 1
                                print(f"  [{table} MISS {key}] {text[max(0, g[0] - 80) : g[1] + 40]!r}"[:400])
                    for j, r in enumerate(rows):
                        if j not in mp:
                            key = f"rule {r.get('rule')}" + (
                                f" / kind {r.get('kind')}" if table == "quotes" else f" / cue {r.get('cue_lemma')}"
                            )
                            causes.setdefault(f"{table}: extra predictions, by cause", Counter())[key] += 1
                            if examples and shown["X" + key] < examples:
                                shown["X" + key] += 1
                                print(f"  [{table} EXTRA {key}] {text[max(0, r['start'] - 60) : r['end'] + 30]!r}"[:300])
    tot["_docs"] = n_docs
    tot["_causes"] = causes
    return tot


def report(tot: dict, by_rule: bool) -> None:
    print(f"articles: {tot['_docs']}")
    print(f"{'table':8} {'overlap':>7} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'who acc':>8} {'who span':>8} {'(n)':>6}")
    for key in sorted(k for k in tot if isinstance(k, tuple)):
        table, th = key
        t = tot[key]
        p = t["tp"] / t["pred"] if t["pred"] else 0.0
        r = t["tp"] / t["gold"] if t["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = t["who"] / t["tp"] if t["tp"] else 0.0
        acc_span = t["who_span"] / t["tp"] if t["tp"] else 0.0
        print(f"{table:8} {th:>7} {t['gold']:>6} {t['pred']:>6} {p:6.3f} {r:6.3f} {f:6.3f} {acc:8.3f} {acc_span:8.3f} {t['tp']:>6}")
    if not by_rule:
        return
    for title, c in tot["_causes"].items():
        print(f"\n{title}")
        if "by rule" in title:
            rules = sorted({k[0] for k in c}, key=lambda k: -c[(k, "n")])
            for rule in rules:
                n = c[(rule, "n")]
                print(
                    f"  {rule:22} {c[(rule, 'right')]:>5} {c[(rule, 'right_span')]:>5} /{n:<5} {c[(rule, 'right')] / n:.3f} {c[(rule, 'right_span')] / n:.3f}"
                )
        else:
            for k, v in c.most_common(25):
                print(f"  {v:>5}  {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", required=True, help="PolNeAR folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by name)")
    ap.add_argument("--by-rule", action="store_true", help="break the misses down by rule and cause")
    ap.add_argument("--examples", type=int, default=0, help="print up to N examples per cause (local inspection only)")
    ap.add_argument("--empty-registry", action="store_true", help="run with an empty actor registry (actors: [])")
    args = ap.parse_args()
    folder = Path(args.polnear)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"eval_attribution: {folder} not found (or has no text/ and attributions/); skipped")
        sys.exit(0)
    if args.empty_registry:
        tmp = tempfile.mkdtemp(prefix="empty-registry-")
        Path(tmp, "actors.yaml").write_text("actors: []\n", encoding="utf-8")
        os.environ["ANALYSIS_RESOURCES"] = tmp
    tot = evaluate(folder, args.limit, args.by_rule, args.examples)
    print(f"registry: {'empty (actors: [])' if args.empty_registry else os.environ.get('ANALYSIS_RESOURCES') or 'shipped'}")
    report(tot, args.by_rule)


if __name__ == "__main__":
    main()
