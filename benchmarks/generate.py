"""Synthetic news-style corpus for the benchmark: N documents, deterministic for a seed.

The documents imitate wire copy and official readouts about a two-sided diplomatic
event: headlines, optional YAML front matter, all-capitals subheads, short and long
paragraphs, direct quotes with typographic or straight quote marks (before or after
the reporting verb, split quotes, quotes spanning sentences), indirect speech,
"according to" attributions, anonymous sources, pronoun references, titles and
appositions, registry actors and people the registry does not know. Lengths follow a
log-normal distribution (median about 550 words, from about 80 to 3,000).

    python benchmarks/generate.py OUT_DIR N [--seed 0]

Every sentence pattern is written here; nothing is copied from real articles.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

# (name, surname, title, side, pronoun) -- registry actors and invented ones.
PEOPLE = [
    ("Marco Rubio", "Rubio", "Secretary of State", "U.S.", "he"),
    ("Mike Waltz", "Waltz", "National Security Advisor", "U.S.", "he"),
    ("Steve Witkoff", "Witkoff", "Special Envoy", "U.S.", "he"),
    ("Keith Kellogg", "Kellogg", "Special Envoy for Russia and Ukraine", "U.S.", "he"),
    ("Donald Trump", "Trump", "President", "U.S.", "he"),
    ("JD Vance", "Vance", "Vice President", "U.S.", "he"),
    ("Tammy Bruce", "Bruce", "State Department spokesperson", "U.S.", "she"),
    ("Karoline Leavitt", "Leavitt", "White House press secretary", "U.S.", "she"),
    ("Sergey Lavrov", "Lavrov", "Foreign Minister", "Russian", "he"),
    ("Yuri Ushakov", "Ushakov", "presidential aide", "Russian", "he"),
    ("Kirill Dmitriev", "Dmitriev", "head of the Russian Direct Investment Fund", "Russian", "he"),
    ("Dmitry Peskov", "Peskov", "Kremlin spokesman", "Russian", "he"),
    ("Maria Zakharova", "Zakharova", "Foreign Ministry spokeswoman", "Russian", "she"),
    ("Vladimir Putin", "Putin", "President", "Russian", "he"),
    ("Volodymyr Zelenskyy", "Zelenskyy", "President", "Ukrainian", "he"),
    ("Andrii Sybiha", "Sybiha", "Foreign Minister", "Ukrainian", "he"),
    ("Faisal bin Farhan", "Faisal", "Foreign Minister", "Saudi", "he"),
    # Not in the registry: found (or not) by title and apposition patterns.
    ("Elena Markova", "Markova", "Deputy Foreign Minister", "Russian", "she"),
    ("Thomas Reyes", "Reyes", "Deputy Secretary of State", "U.S.", "he"),
    ("Oksana Hrytsenko", "Hrytsenko", "Deputy Prime Minister", "Ukrainian", "she"),
    ("Pavel Sorokin", "Sorokin", "Ambassador", "Russian", "he"),
    ("Linda Carver", "Carver", "Senator", "U.S.", "she"),
    ("Henrik Dahl", "Dahl", "Foreign Minister", "Norwegian", "he"),
]
ANON = [
    "a senior {side} official",
    "{side} officials",
    "a {side} diplomat",
    "two people familiar with the talks",
    "a person briefed on the meeting",
    "{side} negotiators",
    "a Western diplomat",
    "analysts",
    "a source close to the delegation",
    "an aide to the {side} delegation",
]
SIDES = {
    "U.S.": ("United States", "Washington", "American"),
    "Russian": ("Russia", "Moscow", "Russian"),
    "Ukrainian": ("Ukraine", "Kyiv", "Ukrainian"),
    "Saudi": ("Saudi Arabia", "Riyadh", "Saudi"),
    "Norwegian": ("Norway", "Oslo", "Norwegian"),
}
VERBS = [
    "said",
    "told reporters",
    "stated",
    "added",
    "noted",
    "emphasized",
    "insisted",
    "warned",
    "stressed",
    "argued",
    "claimed",
    "suggested",
    "acknowledged",
    "explained",
    "declared",
    "countered",
    "conceded",
]
THAT_VERBS = [
    "said",
    "told reporters",
    "stated",
    "noted",
    "insisted",
    "warned",
    "stressed",
    "argued",
    "claimed",
    "suggested",
    "acknowledged",
    "signalled",
    "indicated",
    "confirmed",
    "denied",
    "maintained",
]
PLACES = ["Riyadh", "Istanbul", "Geneva", "Helsinki", "Doha", "Vienna", "Ankara", "Abu Dhabi", "Budapest"]
TOPICS = [
    "a ceasefire along the front line",
    "the restoration of embassy staff",
    "sanctions relief",
    "security guarantees for Ukraine",
    "the exchange of prisoners",
    "energy infrastructure strikes",
    "grain shipments through the Black Sea",
    "a framework for economic cooperation",
    "the return of deported children",
    "a moratorium on long-range strikes",
    "nuclear arms control",
    "the status of frozen assets",
    "direct flights between the two capitals",
    "troop withdrawals",
]
ADJ = [
    "constructive",
    "difficult",
    "frank",
    "useful",
    "tense",
    "productive",
    "businesslike",
    "disappointing",
    "substantive",
    "cordial",
    "lengthy",
    "inconclusive",
    "positive",
    "hostile",
    "serious",
]
QUOTES = [
    "We are not going to negotiate this in public",
    "There will be no agreement about Ukraine without Ukraine",
    "The sides agreed to keep talking, and that is something",
    "Our position has not changed and it will not change",
    "This is a first step, not the last one",
    "We have heard the other side, and we will respond in due course",
    "Nobody should expect a breakthrough overnight",
    "The economic track could move faster than the political one",
    "Any settlement must be durable and not a temporary pause",
    "We want a permanent end to the war and not a temporary end",
    "Sanctions are not a bargaining chip for us",
    "The meeting was useful, but the gaps remain wide",
    "We are ready to work on the details at the level of experts",
    "It is too early to talk about a summit",
    "Territory and security guarantees will be discussed, of course",
    "Those who expected a miracle will be disappointed",
    "We do not accept ultimatums from anyone",
    "The talks were frank, at times very frank",
    "There is a strong interest in removing artificial barriers to trade",
    "Europe will have to be at the table at some point",
]
TAILS = [
    "Officials said the next round could take place within weeks.",
    "No date was set for another meeting.",
    "The statement did not mention the prisoners held by either side.",
    "Markets reacted calmly to the news.",
    "The delegations met for about {h} hours behind closed doors.",
    "A joint communiqué was not issued.",
    "Neither side released a transcript of the talks.",
    "The talks were the first at this level in {y} years.",
    "Both delegations declined to take questions after the session.",
    "The U.S. and Russia have cut each other's diplomatic missions repeatedly since {yr}.",
]
HEADS = [
    "SANCTIONS ON THE TABLE",
    "RUSSIANS FOCUSED ON ECONOMICS",
    "KYIV LEFT OUT",
    "WHAT COMES NEXT",
    "EUROPEAN REACTION",
    "A LONG ROAD",
    "THE ENERGY QUESTION",
    "PRISONER EXCHANGE",
    "MARKETS",
    "BACKGROUND",
]


def _opener(r: random.Random, a: tuple, b: tuple, place: str) -> str:
    sa, sb = SIDES[a[3]][0], SIDES[b[3]][0]
    pats = [
        f"{a[2]} {a[0]} and {b[2]} {b[0]} met in {place} on {r.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])} for talks on {r.choice(TOPICS)}.",
        f"Talks between {sa} and {sb} in {place} ended after {r.randint(2, 9)} hours with little more than a promise to meet again.",
        f"A {r.choice(ADJ)} round of negotiations between delegations from {SIDES[a[3]][1]} and {SIDES[b[3]][1]} produced an agreement on {r.choice(TOPICS)}, but little else.",
        f"{sa} and {sb} agreed in {place} to set up working groups on {r.choice(TOPICS)} and {r.choice(TOPICS)}, officials from both sides said.",
    ]
    return r.choice(pats)


def _sentence(r: random.Random, p: tuple, first: bool, prev: tuple | None, curly: bool) -> str:
    """One attribution sentence for person ``p`` (full name and title on first mention)."""
    lq, rq = ("“", "”") if curly else ('"', '"')
    q = r.choice(QUOTES)
    q2 = r.choice(QUOTES)
    verb = r.choice(VERBS)
    tverb = r.choice(THAT_VERBS)
    if first:
        who = r.choice(
            [
                f"{p[3]} {p[2]} {p[0]}" if not p[2][0].islower() else f"{p[0]}, the {p[3]} {p[2]},",
                f"{p[0]}, {SIDES[p[3]][2]} {p[2].lower()},",
                f"{p[2]} {p[0]}",
            ]
        )
    else:
        who = p[1] if (prev is not p or r.random() < 0.5) else p[4]
    topic, adj = r.choice(TOPICS), r.choice(ADJ)
    pats = [
        f"{lq}{q},{rq} {who} {verb}.",
        f"{lq}{q},{rq} {verb} {who}.",
        f"{who} {verb}: {lq}{q}.{rq}",
        f"{who} {tverb} that the talks on {topic} had been {adj}.",
        f"{who} {tverb} the {p[3]} side was prepared to discuss {topic}.",
        f"According to {p[1] if who == p[4] else who.rstrip(',')}, the two sides discussed {topic} in detail.",
        f"{lq}{q},{rq} {who} {verb}. {lq}{q2}.{rq}",
        f"{lq}{q},{rq} {who} {verb}, {lq}{q2[0].lower() + q2[1:]}.{rq}",
        f"{who} described the meeting as {lq}{adj}{rq} and {tverb} that {topic} would be {r.choice(['next', 'on the agenda', 'discussed later'])}.",
        f"Asked about {topic}, {who.rstrip(',')} {verb}, {lq}{q}.{rq}",
        f"{who} later posted on social media that the {p[3]} delegation had {r.choice(['achieved', 'secured', 'proposed'])} {topic}.",
    ]
    s = r.choice(pats)
    return s[0].upper() + s[1:]


def _anon(r: random.Random, side: str, curly: bool) -> str:
    lq, rq = ("“", "”") if curly else ('"', '"')
    src = r.choice(ANON).format(side=side)
    pats = [
        f"{src[0].upper() + src[1:]} {r.choice(THAT_VERBS)} that {r.choice(TOPICS)} was {r.choice(['unlikely', 'possible', 'under discussion', 'a red line'])}.",
        f"According to {src}, the delegation {r.choice(['left early', 'asked for a recess', 'brought a draft text', 'rejected the proposal'])}.",
        f"{lq}{r.choice(QUOTES)},{rq} {src} said, speaking on condition of anonymity.",
    ]
    return r.choice(pats)


def _narration(r: random.Random, a: tuple, b: tuple) -> str:
    sa, sb = SIDES[a[3]], SIDES[b[3]]
    pats = [
        f"The {sa[2]} side has long demanded {r.choice(TOPICS)}, while {sb[1]} insists on {r.choice(TOPICS)}.",
        f"The meeting in {r.choice(PLACES)} was the {r.choice(['first', 'second', 'third'])} since the U.S. and Russia resumed contacts in Feb. 2025.",
        f"Mr. {a[1]} and Mrs. {r.choice(['Harris', 'Lee', 'Novak'])} of the U.N. were also present, along with Gen. {r.choice(['Smith', 'Orlov', 'Petrenko'])}.",
        f"The war, now in its {r.choice(['third', 'fourth', 'fifth'])} year, has killed tens of thousands of soldiers on both sides.",
        f"{sb[0]} was not invited, and its officials criticized the exclusion of {sb[0]} from the talks.",
        f"Both sides described the atmosphere as {r.choice(ADJ)}, though the substance remained {r.choice(ADJ)}.",
        r.choice(TAILS).format(h=r.randint(2, 9), y=r.randint(2, 12), yr=r.randint(2014, 2022)),
        f"The agenda included {r.choice(TOPICS)}, {r.choice(TOPICS)} and {r.choice(TOPICS)}.",
        f"Oil prices rose {r.randint(1, 4)}.{r.randint(0, 9)} percent on Tuesday, and the ruble strengthened against the dollar.",
    ]
    return r.choice(pats)


def document(i: int, seed: int = 0, median_words: int = 550) -> tuple[str, str]:
    """(file name, text) of document ``i``: the same for the same (i, seed, median_words)."""
    r = random.Random(seed * 1_000_003 + i)
    n_target = int(min(6 * median_words, max(median_words // 7, r.lognormvariate(math.log(median_words), 0.6))))
    curly = r.random() < 0.7
    place = r.choice(PLACES)
    a, b = r.sample(PEOPLE, 2)
    cast = [a, b] + r.sample(PEOPLE, r.randint(1, 4))
    kind = r.choices(["news", "readout", "statement", "transcript"], [0.8, 0.1, 0.05, 0.05])[0]
    paras: list[str] = []
    if kind == "news":
        paras.append(
            f"{SIDES[a[3]][0]} and {SIDES[b[3]][0]} {r.choice(['agree to keep talking', 'trade accusations', 'make slow progress', 'end talks without a deal'])} in {place}"
        )
    paras.append(_opener(r, a, b, place) + " " + _narration(r, a, b))
    seen: set = set()
    prev = None
    words = sum(len(p.split()) for p in paras)
    while words < n_target:
        if r.random() < 0.06 and len(paras) > 3:
            paras.append(r.choice(HEADS))
            continue
        sents = []
        for _ in range(r.choices([1, 2, 3, 4, 5], [2, 3, 3, 2, 1])[0]):
            x = r.random()
            if x < 0.55:
                p = r.choice(cast)
                sents.append(_sentence(r, p, p not in seen, prev, curly))
                seen.add(p)
                prev = p
            elif x < 0.7:
                sents.append(_anon(r, r.choice(cast)[3], curly))
            else:
                sents.append(_narration(r, a, b))
        para = " ".join(sents)
        paras.append(para)
        words += len(para.split())
    sep = "\n\n" if r.random() < 0.5 else "\n"
    body = sep.join(paras) + "\n"
    if r.random() < 0.05:
        body = body.replace("\n", "\r\n")
    doc_id = f"bench_{i:06d}"
    if kind != "news" or r.random() < 0.5:
        side = {"U.S.": "US", "Russian": "Russia", "Ukrainian": "Ukraine", "Saudi": "Saudi Arabia", "Norwegian": "Europe"}[a[3]]
        front = [f"doc_id: {doc_id}", f"date: 2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", f"kind: {kind}"]
        if kind != "news":
            front.append(f"side: {side}")
        front.append(f"source: {r.choice(['Wire Service', 'Ministry of Foreign Affairs', 'Daily Courier', 'Evening Post'])}")
        body = "---\n" + "\n".join(front) + "\n---\n" + body
    return f"{doc_id}.{'md' if r.random() < 0.5 else 'txt'}", body


def generate(out: str | Path, n: int, seed: int = 0, median_words: int = 550) -> list[Path]:
    """Write ``n`` documents into ``out`` (created); returns their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = document(i, seed, median_words)
        p = out / name
        p.write_text(text, encoding="utf-8", newline="")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--median-words", type=int, default=550)
    a = ap.parse_args()
    paths = generate(a.out, a.n, a.seed, a.median_words)
    print(f"wrote {len(paths)} documents to {a.out}")


if __name__ == "__main__":
    main()
