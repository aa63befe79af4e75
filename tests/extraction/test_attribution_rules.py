"""Open-world attribution rules (issue 13): one case per rule, on sentences written for this project.

Every person and organisation named here is invented; none is in ``actors.yaml``, so the
rules are exercised without any registry entry (the last test runs them again with an
empty registry through ``ANALYSIS_RESOURCES``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.extraction.extract import extract

ROOT = Path(__file__).resolve().parents[2]

# (rule, text, quote speakers in order, [(claim source, claim text start)] or None to skip claims)
CASES = [
    # the seven examples of the issue
    ("surname alone", "“I don’t buy that,” Clinton said.", ["Clinton"], [("Clinton", "I don’t buy that")]),
    (
        "short form links to the full name",
        "Hillary Clinton spoke in Ohio. “I don’t buy that,” Clinton said.",
        ["Hillary Clinton"],
        [("Hillary Clinton", "I don’t buy that")],
    ),
    (
        "title and a day after the verb",
        "“We will get justice,” Police Chief Ann Ortiz said Monday.",
        ["Ann Ortiz"],
        [("Ann Ortiz", "We will get justice")],
    ),
    (
        "relative clause between name and verb",
        "Norm Katz, who advised two campaigns, said the ad was “a mistake.”",
        ["Norm Katz"],
        [("Norm Katz", "the ad was")],
    ),
    (
        "apposition between name and verb",
        "Dana Lee, a China security specialist at a think tank, said the deal was “the easy part.”",
        ["Dana Lee"],
        [("Dana Lee", "the deal was")],
    ),
    (
        "question mark quote, honorific and party tag",
        "“Why was the money sitting in the bank?” Rep. Tom Price (R-Ga.) said.",
        ["Tom Price"],
        [("Tom Price", "Why was the money")],
    ),
    (
        "group source",
        "Party officials said the drive would be “fully funded.”",
        ["Party officials"],
        [("Party officials", "the drive would be")],
    ),
    # sieve rules
    (
        "inverted: said NAME",
        "“The vote is close,” said Mira Olsson, a county clerk.",
        ["Mira Olsson"],
        [("Mira Olsson", "The vote is close")],
    ),
    ("colon before the quote", "Jonas Whitby put it plainly: “We ran out of time.”", ["Jonas Whitby"], None),
    (
        "colon at a paragraph's end, quote in the next",
        "Later Jonas Whitby continued:\n\n“You look at the numbers. They are bad.”",
        ["Jonas Whitby"],
        None,
    ),
    ("trailing dash attribution", "“Patience is a strategy.” — Mira Olsson", ["Mira Olsson"], None),
    (
        "time, place and addressee between verb and content",
        "“We are ready,” Kofi Barnes told supporters in Tampa on Sunday.",
        ["Kofi Barnes"],
        [("Kofi Barnes", "We are ready")],
    ),
    ("exclamation mark quote", "“Vote early!” Lena Park said.", ["Lena Park"], [("Lena Park", "Vote early")]),
    (
        "split quote around its cue",
        "“The best way,” Lena Park said, “is to knock on every door.”",
        ["Lena Park", "Lena Park"],
        [("Lena Park", "The best way")],
    ),
    (
        "multi-paragraph quote",
        "Omar Reyes said: “We started in March.\n\n“By June we had a plan.”",
        ["Omar Reyes"],
        None,
    ),
    (
        "quote-only paragraph inherits the previous speaker",
        "“We will win,” Omar Reyes said.\n\n“And we will govern.”",
        ["Omar Reyes", "Omar Reyes"],
        None,
    ),
    (
        "according to",
        "The budget is short by a third, according to Hana Duval, the city treasurer.",
        [],
        [("Hana Duval", "The budget is short by a third")],
    ),
    ("organisation source", "Acme Polling Group said the race had tightened.", [], [("Acme Polling Group", "the race had tightened")]),
    ("text as source", "The letter said the plant would close in May.", [], [("the letter", "the plant would close")]),
    (
        "group with a number",
        "Sixty percent of voters said the economy came first.",
        [],
        [("Sixty percent of voters", "the economy came first")],
    ),
    ("wider verb set", "Nora Quist tweeted that the debate was rigged.", [], [("Nora Quist", "the debate was rigged")]),
    (
        "he resolves to the nearest male person",
        "Carl Benning met Julia Sorensen. He said the talks would go on.",
        [],
        [("Carl Benning", "the talks would go on")],
    ),
    (
        "she resolves by first name",
        "Carl Benning met Julia Sorensen. She said the talks had failed.",
        [],
        [("Julia Sorensen", "the talks had failed")],
    ),
    (
        "they resolves to a group",
        "Two county officials met the mayor. They said the bridge was unsafe.",
        [],
        [("Two county officials", "the bridge was unsafe")],
    ),
    (
        "honorific gives the gender",
        "Ms. Ortega met Paul Lind. She said the budget was fine.",
        [],
        [("Ortega", "the budget was fine")],
    ),
    (
        "adjacent: attribution right after the closing mark, past a full stop and a trailing clause",
        "Nils Amundsen spoke at noon.\n\n“The plan holds.” Nils Amundsen said, while pointing at the map.",
        ["Nils Amundsen"],
        None,
    ),
    (
        "sentence-cue: the verb before the quote in its sentence",
        "After the vote was delayed, Greta Holm wrote to her followers, “This is not over.”",
        ["Greta Holm"],
        None,
    ),
    (
        "adjacent descriptive speaker",
        "“The roof leaks every spring,” the retired carpenter said of the hall.",
        ["the retired carpenter"],
        None,
    ),
    (
        "sentence-cue with a descriptive subject",
        "After the hearing, the auditor wrote that the books were “a complete mess.”",
        ["the auditor"],
        None,
    ),
    ("dash opening the next paragraph", "“Patience is a strategy.”\n\n— Mira Olsson, Dover.", ["Mira Olsson"], None),
    (
        "previous-subject: a quote paragraph after a sentence about its speaker",
        "Greta Holm was troubled by the new rules.\n\n“They put every small shop at risk.”",
        ["Greta Holm"],
        None,
    ),
    (
        "sentence subject after an introductory phrase",
        "After meeting Tomas Berg in Dover, Greta Holm found the deal “a trap.”",
        ["Greta Holm"],
        None,
    ),
    (
        "a quote-only verb after a descriptive speaker",
        "“The roof will hold,” the old mason shouted. “Trust me.”",
        ["the old mason", "the old mason"],
        None,
    ),
    (
        "a quote-only verb after a quantified or bare plural speaker",
        "The count dragged on. “Open the doors!” some voters chanted. “Count them all!” angry farmers chanted.",
        ["some voters", "angry farmers"],
        [("some voters", "Open the doors"), ("angry farmers", "Count them all")],
    ),
    (
        "a quote-only verb after a long descriptive speaker",
        "The count dragged on. “Is it over yet?” a young clerk in the hall wondered.",
        ["a young clerk in the hall"],
        None,
    ),
    (
        "a quote-only verb after a closing mark and a non-noun stays no cue",
        "The count dragged on. “Count every vote,” came the cry from the hall.",
        [None],
        None,
    ),
    (
        "a noun phrase after a clause's comma is the subject, not the name before it",
        "As Vera Lund thanked Bo Lind, the delegates chanted, “Four more years!”",
        ["the delegates"],
        [("the delegates", "Four more years")],
    ),
    (
        "a noun phrase after an introductory phrase's comma is the subject, not a role noun in it",
        "Recalling her years as a lawyer, the port director said, “We never lost a case.”",
        ["the port director"],
        [("the port director", "We never lost a case")],
    ),
    (
        "an apposition with a relative clause still leaves the name as the subject",
        "Bo Lind, a local man who writes novels, said the ferry was “too slow.”",
        ["Bo Lind"],
        [("Bo Lind", "the ferry was")],
    ),
    (
        "a relative pronoun after a verb's prepositional object: the object speaks",
        "Ann Cole heard from Bo Lind, who said that the ferry was fair. Compare that with Lind, who has called the toll “a scandal.”",
        ["Bo Lind"],
        [("Bo Lind", "the ferry was fair"), ("Bo Lind", "the toll")],
    ),
    (
        "a name inside an apposition is not the speaker: the name the apposition hangs on is",
        "Vera Lund, the editor of the county weekly, the Dale Courier, said the count was “fair.”",
        ["Vera Lund"],
        [("Vera Lund", "the count was")],
    ),
    (
        "sentence-subject: a possessive country before a title and a name",
        "Pier Deal Signed. Norway’s Minister Vera Lund hailed the pier deal as a “turning point.”",
        ["Vera Lund"],
        None,
    ),
    (
        "a verb taking 'to' after a quote, a name and an aside: the name speaks",
        "Ferries are “too slow” and “too dear,” Ivo Brandt, the former harbour master, declared to the crowd.",
        [],
        [("Ivo Brandt", "Ferries are")],
    ),
    (
        "no adjacent attribution when the name after a closed sentence starts a new report",
        "“The plan works.” Ann Cole said Monday she would run again.",
        [None],
        None,
    ),
    (
        "sentence subject after a place phrase and a comma",
        "Years later, on the steps of the Dover town hall, Greta Holm voiced “deep regret.”",
        ["Greta Holm"],
        None,
    ),
    (
        "colon labelling a name after a headline dash",
        "VOTERS WANT MORE JOBS - Ann Cole and Tomas Berg: “We found that voters care.”",
        ["Ann Cole"],
        None,
    ),
    ("particle in a name", "“It is over,” said Jan de Vries.", ["Jan de Vries"], None),
    ("apostrophe in a name", "“It is over,” Sean O’Malley said.", ["Sean O’Malley"], None),
    ("initials in a name", "“It is over,” Mark T. Ruben said.", ["Mark T. Ruben"], None),
    # quote speakers, round 2 (issue 13)
    ("frequency adverb not in the subject phrase", "Rain fell.\n\n“We stay,” Holm often says.", ["Holm"], None),
    (
        "party label and affiliation between name and verb",
        "“Roads come first,” Tomas Berg (D) of the Centre for Road Safety said.",
        ["Tomas Berg"],
        None,
    ),
    ("three appositions between name and verb", "“Roads come first,” Tomas Berg, 58, a farmer in Dover, Del., said.", ["Tomas Berg"], None),
    ("quoted as saying", "“Roads come first,” Tomas Berg is quoted as saying.", ["Tomas Berg"], None),
    (
        "a lone 'another' after the verb",
        "“Roads come first,” wrote one reader. “Fix the bridge,” wrote another.",
        ["one reader", "another"],
        None,
    ),
    ("a title word that is also a verb", "“Roads come first,” state Sen. Tomas Berg said.", ["Tomas Berg"], None),
    ("a noun that is also a verb before the verb", "“Fix the bridge,” the note says.", ["the note"], None),
    (
        "a title's modifier is no name",
        "Rain fell.\n\nDover Sen. Tomas Berg, who won twice, called the plan “a road for every farm.”",
        ["Tomas Berg"],
        None,
    ),
    (
        "possessive speech noun",
        "Ann Cole spoke in Dover. Few took her claim that “roads are free for all” at face value.",
        ["Ann Cole"],
        None,
    ),
    ("an initial inside a titled name", "The mayor, Tomas J. Berg, shrugged at the “so-called crisis in roads.”", ["Tomas J. Berg"], None),
    (
        "no name after a sentence's end",
        "“It rains,” Cole said.\n\nDover Sen. Tomas Berg is busy, but his pleasure is “a long walk in the hills.”",
        ["Cole", "Tomas Berg"],
        None,
    ),
    ("as X put it", "As the Dover Post’s Tomas Berg puts it, “Roads are the new gold.”", ["Tomas Berg"], None),
    (
        "a person a colon labels after the verb's object",
        "The vote did not surprise pollster Ann Cole: “Rural turnout was high.”",
        ["Ann Cole"],
        None,
    ),
    (
        "a quote-only verb after the quote",
        "Rain fell.\n\n“Would it pass?” Tomas Berg pressed. “Roads first,” the sign read.",
        ["Tomas Berg", "the sign"],
        None,
    ),
    (
        "a subject phrase no mention covers, last in the sieve",
        "Rain fell.\n\nThe county board is seeking “bold ideas for roads.”",
        ["the county board"],
        None,
    ),
    ("no subject phrase for a state", "Rain fell.\n\nThe old show was renamed “Roads and Rivers of the North.”", [None], None),
    (
        "the subject of a later while-clause",
        "Tomas Berg signed an order on Monday, while Ann Cole, the former mayor, proposed “a total pause on roads.”",
        ["Ann Cole"],
        None,
    ),
    (
        "a relative pronoun's antecedent",
        "Rain fell.\n\nThe plan drew fire from Tomas Berg, who has said that Cole wants to “stay relevant.”",
        ["Tomas Berg"],
        None,
    ),
    (
        "in the words of X",
        "Rain fell.\n\nThe mayor was, in the words of a senior aide, “the last true believer in roads.”",
        ["a senior aide"],
        None,
    ),
    (
        "a verb whose colon opens a new quote does not attribute the quote before",
        "Rain fell.\n\n“We are here,” Ann Cole said. “We stay.” Tomas Berg said: “We go.”",
        ["Ann Cole", "Ann Cole", "Tomas Berg"],
        None,
    ),
    (
        "a subject phrase before the verb, not its object",
        "Rain fell.\n\nThe county board saw Ann Cole as “the best hope for roads.”",
        ["the county board"],
        None,
    ),
    (
        "absolute participle clause with its own speaker",
        "Farmers were angry about the plan, with Tomas Berg calling it “a slow disaster.”",
        ["Tomas Berg"],
        None,
    ),
    # claim content spans and sources (issue 13, claims)
    (
        "content before the source when a quote precedes it",
        "“We had no choice,” Vera Lund said with a shrug.",
        ["Vera Lund"],
        [("Vera Lund", "We had no choice")],
    ),
    (
        "a later 'that' inside the content does not start it",
        "Vera Lund said she left early to show that the rules were unfair.",
        [],
        [("Vera Lund", "she left early to show")],
    ),
    (
        "a quote after another reporting verb is that verb's content",
        "Vera Lund said she agreed and added, “We move on.”",
        ["Vera Lund"],
        [("Vera Lund", "she agreed"), ("Vera Lund", "We move on")],
    ),
    (
        "according to in mid-sentence: the whole sentence",
        "Turnout, according to Hana Duval, rose by a fifth.",
        [],
        [("Hana Duval", "Turnout, according to Hana Duval, rose")],
    ),
    ("subject phrase no mention covers", "Each side said the other had walked away.", [], [("each side", "the other had walked away")]),
    (
        "plural subject with a base-form verb",
        "Night-shift drivers argue the schedule is unsafe.",
        [],
        [("Night-shift drivers", "the schedule is unsafe")],
    ),
    (
        "a quote-only verb after a pronoun source",
        "Vera Lund took the stage. “We are far from done,” she continued.",
        ["Vera Lund"],
        [("Vera Lund", "We are far from done")],
    ),
    (
        "quote continued in the next paragraph",
        "“We start now,” Vera Lund said.\n\n“The rest can wait.”",
        ["Vera Lund", "Vera Lund"],
        [("Vera Lund", "We start now,” Vera Lund said.\n\n“The rest can wait")],
    ),
    # round 2
    ("to-infinitive after a commissive verb", "Vera Lund vowed to close the depot by May.", [], [("Vera Lund", "to close the depot")]),
    ("a quote said to an audience", "“We are close,” Vera Lund said to cheers.", ["Vera Lund"], [("Vera Lund", "We are close")]),
    (
        "'but said' shares the clause's subject",
        "Vera Lund praised the budget but said it was too small.",
        [],
        [("Vera Lund", "it was too small")],
    ),
    ("a proportion as the subject", "About three in 10 said they wanted a change.", [], [("about three in 10", "they wanted a change")]),
    ("a determiner alone as the subject", "One union says the pay rose, while another says it fell.", [], [("another", "it fell")]),
    ("'to' before a name in the subject", "Aides to Vera Lund say she will run again.", [], [("Aides to Vera Lund", "she will run")]),
    (
        "apposition with a quoted title",
        "Tomas Brek, the author of “Quiet Towns,” said the villages were emptying.",
        [],
        [("Tomas Brek", "the villages were emptying")],
    ),
    (
        "gerund after a preposition",
        "Vera Lund drew fire by saying that the depot was unsafe.",
        [],
        [("Vera Lund", "the depot was unsafe")],
    ),
    (
        "headline with a colon",
        "Vera Lund: Depot will close by May.\nThe mayor spoke on Monday.",
        [],
        [("Vera Lund", "Depot will close by May")],
    ),
    ("naming verb without a quote", "Vera Lund called the plan a disaster.", [], [("Vera Lund", "the plan a disaster")]),
    (
        "asked by a named asker",
        "Asked by Tomas Brek whether the depot would close, Vera Lund nodded.",
        [],
        [("Tomas Brek", "whether the depot would close")],
    ),
    (
        "split quote after an inverted source and its apposition",
        "“The depot will stay,” said Vera Lund, head of the works council in Leeds, “but it will shrink.”",
        ["Vera Lund", "Vera Lund"],
        [("Vera Lund", "The depot will stay")],
    ),
    (
        "attribution set off by commas inside the sentence",
        "Any delay, Vera Lund said, would cost the town its depot.",
        [],
        [("Vera Lund", "Any delay, Vera Lund said, would cost")],
    ),
    (
        "relative clause with its own reporting verb",
        "Tomas Brek, who estimated that half the staff would leave, said he stayed.",
        [],
        [("Tomas Brek", "half the staff would leave"), ("Tomas Brek", "he stayed")],
    ),
    (
        "an introductory phrase before the source is no content",
        "In her speech, Vera Lund argued that the depot should stay.",
        [],
        [("Vera Lund", "the depot should stay")],
    ),
    (
        "a subject with a relative clause before the verb is no inverted attribution",
        "Managers at the depot, who met on Monday, say the company will cut jobs.",
        [],
        [("Managers at the depot", "the company will cut jobs")],
    ),
    (
        "according to a description no mention covers",
        "The depot lost a third of its staff, according to a county tally.",
        [],
        [("a county tally", "The depot lost a third")],
    ),
    (
        "'wrote to' a hearer before 'that'",
        "The tenants’ union wrote to the council that the repairs had stalled.",
        [],
        [("the tenants’ union", "the repairs had stalled")],
    ),
    (
        "a verb that otherwise needs a quote, before 'that'",
        "Tomas Brek agreed that the depot was too small.",
        [],
        [("Tomas Brek", "the depot was too small")],
    ),
    (
        "a subject phrase before an apposition",
        "Officials in North Vale, the county next to the depot, announced tighter checks on trucks.",
        [],
        [("Officials in North Vale", "tighter checks on trucks")],
    ),
    (
        "a participle with its own speaker after 'with'",
        "Turnout fell in the north, with two county clerks saying the rain kept voters home.",
        [],
        [("two county clerks", "the rain kept voters home")],
    ),
    (
        "a participle after a descriptive subject no mention covers",
        "The two agencies declined to comment, saying the case was still open.",
        [],
        [("the two agencies", "the case was still open")],
    ),
    (
        "an object content ends before the subject's next verb",
        "Vera Lund called the merger a disaster and ranked the chief among the worst.",
        [],
        [("Vera Lund", "the merger a disaster")],
    ),
    (
        "a demonstrative heading the subject, inside a subordinate clause",
        "While those surveyed said the depot was needed, the council voted to close it.",
        [],
        [("those surveyed", "the depot was needed")],
    ),
    (
        "a transcript line",
        "Depot talks, part two\nHOST: Will the depot close?\nVERA LUND: Not while I chair the council.",
        [],
        [("Vera Lund", "Not while I chair the council")],
    ),
    ("modifiers between the quote and the name", "“We will see,” a smiling Vera Lund said.", ["Vera Lund"], [("Vera Lund", "We will see")]),
    (
        "participle after a dateline: the subject opens after it",
        "DOVER, Del., Aug. 9 (Wire) — Vera Lund rallied her staff, saying the depot “will not close this year.”",
        ["Vera Lund"],
        [("Vera Lund", "the depot")],
    ),
    (
        "previous-claim: a partial quote in the sentence after an attributed claim",
        "Vera Lund told reporters the depot would reopen. That would reverse a “decade of steady cuts to the service,” with forty jobs back.",
        ["Vera Lund"],
        [("Vera Lund", "the depot would reopen")],
    ),
    (
        "continuation after a quote that runs over two paragraphs",
        "Vera Lund called the plan “a poor fit for the town.\n\n“We fund roads. That is our job,” Lund said. “We do not fund slogans.”",
        ["Vera Lund", "Vera Lund"],
        None,
    ),
    ("naming: a name given, not words spoken", "Vera Lund, 52, is known locally as “the closer of Dover.”", [None], None),
    (
        "passive-by: the agent of a naming passive",
        "The depot plan has been called “a relic of a bygone age” by Vera Lund.",
        ["Vera Lund"],
        None,
    ),
    (
        "adjacent: a description, then the name it introduces",
        "“I hope you do not mind my brother,” another old friend, Tom Berg, recalled him saying.",
        ["Tom Berg"],
        None,
    ),
    (
        "adjacent: a short quote ending in a comma",
        "Roads are “pure theatre,” Vera Lund, the former mayor, declared to the crowd.",
        ["Vera Lund"],
        None,
    ),
    (
        "dash: a hyphen signature line opening the next paragraph",
        "Letters.\n\n“The depot should stay open for years.”\n\n-Vera Lund, Dover.",
        ["Vera Lund"],
        [("Vera Lund", "The depot should stay open")],
    ),
    ("dash: title words before the name", "“The depot should stay open.” — Mayor Vera Lund", ["Vera Lund"], None),
    (
        "a registry surname after another first name: another person of that family",
        "Nora Trump spoke to the crowd. “We are ready,” she said.",
        ["Nora Trump"],
        [("Nora Trump", "We are ready")],
    ),
    (
        "as-source: an as-clause opening the sentence",
        "As the Valley Courier reported on Monday, the depot will close in May.",
        [],
        [("Valley Courier", "the depot will close in May")],
    ),
    ("passive: the agent after by", "The depot plan was first reported by the Valley Courier.", [], [("Valley Courier", "The depot plan")]),
    (
        "relative: the subject of an object-gap relative clause",
        "Vera Lund praised the bridge, which Kofi Barnes called “a waste of money.”",
        ["Kofi Barnes"],
        [("Kofi Barnes", "which Kofi Barnes called")],
    ),
    ("a naming verb with a name as its object", "Vera Lund called Kofi Barnes unfit for office.", [], [("Vera Lund", "Kofi Barnes unfit")]),
    (
        "a phrasal cue after a descriptive subject",
        "Fourteen regional agencies called for the ban.",
        [],
        [("Fourteen regional agencies", "the ban")],
    ),
    (
        "he/she with no named antecedent: an indefinite descriptive source of one person",
        "A spokeswoman for the harbour board said the pier was closed.\n\n“We expect to reopen it on Friday,” she said.",
        ["a spokeswoman for the harbour board"],
        [("a spokeswoman for the harbour board", "We expect to reopen it")],
    ),
    (
        "a named antecedent still comes first; 'he' never stands for a spokeswoman",
        "Ivo Brandt met a spokeswoman for the harbour board. “It is closed,” he said.",
        ["Ivo Brandt"],
        [("Ivo Brandt", "It is closed")],
    ),
    (
        "to-cue: the subject of 'went on to say'",
        "Ann Cole went on to say that the ferry would stop in May.",
        [],
        [("Ann Cole", "the ferry would stop")],
    ),
    (
        "to-cue: the subject of 'took to <platform> to say'",
        "Ivo Brandt later took to Twitter to say the count was “a farce.”",
        ["Ivo Brandt"],
        [("Ivo Brandt", "the count was")],
    ),
    (
        "subject: a negated or modal auxiliary between the source and the verb",
        "Ann Cole doesn’t believe the ferry will stop. Ivo Brandt has since said that the count was wrong.",
        [],
        [("Ann Cole", "the ferry will stop"), ("Ivo Brandt", "the count was wrong")],
    ),
    (
        "subject: 'long' or 'in the past' between the source and the verb",
        "Ann Cole has long insisted the pier is safe. Harbour advisers have in the past said the vote would be close.",
        [],
        [("Ann Cole", "the pier is safe"), ("Harbour advisers", "the vote would be close")],
    ),
    (
        "subject: 'after' or 'before' opening a clause makes its subject the source, up to the clause's comma",
        "The ferry was halted after the Valley Courier reported that its licence had lapsed. "
        "Before Ivo Brandt suggested that the count was wrong, Ann Cole left.",
        [],
        [("Valley Courier", "its licence had lapsed"), ("Ivo Brandt", "the count was wrong")],
    ),
    (
        "coordinated: an auxiliary or a day between 'and'/'but' and the verb",
        "Ann Cole often questions the ferry budget and has called for a new vote. "
        "Ivo Brandt praised the pier but on Monday conceded that it was late.",
        [],
        [("Ann Cole", "a new vote"), ("Ivo Brandt", "it was late")],
    ),
    (
        "to-cue: a verb or adjective that takes the reporting verb as its infinitive",
        "Ann Cole continued to say she had never seen the file. Ivo Brandt was careful to note that the count was early.",
        [],
        [("Ann Cole", "she had never seen the file"), ("Ivo Brandt", "the count was early")],
    ),
    (
        "subject: a sentence opening with its source after a doubled-apostrophe quote ending in ?",
        "''Can we win the county?'' Mr. Lane asked.",
        ["Lane"],
        [("Lane", "''Can we win the county?''")],
    ),
    (
        "infinitive content: the period of an abbreviation does not end it",
        "Ann Cole has vowed to block Mr. Lane's nominee for the harbour board.",
        [],
        [("Ann Cole", "to block Mr. Lane's nominee for the harbour board")],
    ),
    (
        "subject: after an opening apposition and a plain comma, the verb's 'of' object is what it reports",
        "A keen supporter of the pier, Ann Cole complained of the cost of the repairs. The pier was a mess, Ivo Brandt said of the plan.",
        [],
        [("Ann Cole", "of the cost of the repairs"), ("Ivo Brandt", "The pier was a mess")],
    ),
    (
        "according-to: after an introductory phrase the clause that follows is the content; in brackets, the bracketed aside",
        "In addition, according to the harbour board, nine more boats will be checked. "
        "Ports like Dover (most of its boats were old, according to a survey), Hull and Wick came last.",
        [],
        [("the harbour board", "nine more boats will be checked"), ("a survey", "most of its boats were old")],
    ),
    (
        "participle: after a comma inside the closing quote mark, the participle takes the clause's source",
        "Ivo Brandt blamed the press for the fuss over the “pier plan,” saying reporters were nitpicking.",
        [],
        [("Ivo Brandt", "reporters were nitpicking")],
    ),
    (
        "participle: a participle after a document its subject issued reports for that subject",
        "The harbour board released a statement Wednesday saying the pier was safe. Ann Cole sent letters urging a new vote.",
        [],
        [("the harbour board", "the pier was safe"), ("Ann Cole", "a new vote")],
    ),
]


def test_a_new_subject_after_a_clause_break_ends_the_open_claim():
    x = extract("Asked whether the pier was safe, 75 percent of residents said yes, while only 40 percent of visitors said no.")
    got = [(r.source, r.text) for r in x.claims.itertuples() if r.cue == "said"]
    assert got == [("75 percent of residents", "yes"), ("40 percent of visitors", "no")]


def test_a_time_phrase_with_this_before_that_is_circumstance():
    x = extract("Ann Cole stated earlier this week that she is willing to talk.")
    assert x.claims["text"].tolist() == ["she is willing to talk"]


def test_a_circumstance_with_commas_before_that():
    x = extract("Ann Cole said Thursday during a visit to a farm in Dover, Kent, that the tax is wrong.")
    assert x.claims["text"].tolist() == ["the tax is wrong"]


def test_a_place_with_a_relative_clause_is_no_person():
    x = extract("Ann Cole met the board in Port Zarnovia, which is set to host the vote. Ivo Brandt, the host of the show, said nothing.")
    how = dict(zip(x.mentions["text"], x.mentions["how"]))
    assert how["Port Zarnovia"] != "apposition" and how["Ivo Brandt"] == "apposition"


def test_an_abbreviation_does_not_end_an_asked_question():
    x = extract("Asked whether Mr. Lane would run, Ann Cole smiled.")
    assert x.claims["text"].tolist() == ["whether Mr. Lane would run"]


def test_where_a_question_was_asked_is_not_the_question():
    x = extract("Ann Cole was asked about the pier during an interview published Monday by the Courier.")
    assert x.claims["text"].tolist() == ["about the pier"]


def test_a_described_source_after_a_comma_reports_the_clause_before_it():
    x = extract("Lane was kind, a port official told The Harbour Times.")
    assert x.claims["text"].tolist() == ["Lane was kind"]


def test_a_person_noun_before_a_clause_final_source_is_set_aside():
    x = extract("The pier is safe, organizer Ann Cole said.")
    assert x.claims[["source", "text"]].values.tolist() == [["Ann Cole", "The pier is safe"]]


def test_where_a_noun_phrase_object_was_said_is_not_its_content():
    x = extract("Ann Cole called the pier plan a sham in a tweet on Tuesday.")
    assert x.claims["text"].tolist() == ["the pier plan a sham"]


def test_a_past_tense_verb_after_a_comma_and_is_the_subjects_next_verb():
    x = extract("Ann Cole said the pier would reopen in May, and reminded the crowd of her record on roads.")
    assert x.claims["text"].tolist() == ["the pier would reopen in May"]


def test_a_quoted_title_before_the_source_is_not_the_content():
    # the show's name closes a quote before the source, but the clause after the verb is what was said
    x = extract("Sunday on the Courier's “Morning Hour,” Ann Cole said the pier plan was a mistake.")
    assert x.claims[["source", "text"]].values.tolist() == [["Ann Cole", "the pier plan was a mistake"]]
    x = extract("“The pier is safe,” Ann Cole said on Monday.")
    assert x.claims["text"].tolist() == ["The pier is safe,"]


def test_a_partial_quote_that_opens_a_clause_goes_on_with_it():
    # quoted words with no punctuation of their own, then the rest of the sentence: one content
    x = extract("Ann Cole said “zero” voters would follow Lee to the new party.")
    assert x.claims["text"].tolist() == ["zero” voters would follow Lee to the new party"]
    x = extract("Ann Cole said, “The pier is safe.” Lee agreed.")
    assert x.claims["text"].tolist() == ["The pier is safe"]


def test_an_aside_between_dashes_may_stand_between_a_source_and_its_verb():
    x = extract("Ann Cole — a teacher from Dover — says she will vote for Lee.")
    assert x.claims[["source", "text"]].values.tolist() == [["Ann Cole", "she will vote for Lee"]]


def test_according_to_after_a_reported_clause_takes_the_whole_sentence():
    # the told-claim ends before ", according to"; the sentence before it is what the two people report
    x = extract("The mayor told her that the pier was not safe, according to two people familiar with the talks.")
    assert x.claims[["rule", "source", "text"]].values.tolist() == [
        ["according-to", "two people", "The mayor told her that the pier was not safe"],
        ["subject", "the mayor", "the pier was not safe"],
    ]


def test_a_connective_between_commas_may_follow_a_descriptive_subject():
    x = extract("Cement makers, for instance, argue that the tax is unfair.")
    assert x.claims[["source", "text"]].values.tolist() == [["Cement makers", "the tax is unfair"]]


def test_a_participle_opening_the_sentence_reports_for_the_main_subject():
    x = extract("Noting that the pier is old, Ann Cole said it should close.")
    assert x.claims[["rule", "source", "text"]].values.tolist() == [
        ["participle", "Ann Cole", "the pier is old"],
        ["subject", "Ann Cole", "it should close"],
    ]
    assert extract("Criticizing the board will not help anyone.").claims.empty


def test_an_aside_in_brackets_may_stand_between_a_source_and_its_verb():
    x = extract("Ann Cole (who has 25 delegates) said it is possible to win.")
    assert x.claims[["source", "text"]].values.tolist() == [["Ann Cole", "it is possible to win"]]


@pytest.mark.parametrize("rule, text, speakers, claims", CASES, ids=[c[0] for c in CASES])
def test_rule(rule, text, speakers, claims):
    x = extract(text)
    q = x.quotes[(x.quotes["kind"] != "term") | (rule == "adjacent: a short quote ending in a comma")]
    assert [s if s is None else s.lower() for s in q["speaker"].tolist()] == [s if s is None else s.lower() for s in speakers]
    for r in x.quotes.itertuples():
        assert text[r.start : r.end] == r.text
        if pd.notna(r.speaker_start):
            assert r.speaker_end > r.speaker_start
    if claims is None:
        return
    got = [(r.source.lower() if isinstance(r.source, str) else None, r.text) for r in x.claims.itertuples()]
    for source, start in claims:
        assert any(s == source.lower() and t.startswith(start) for s, t in got), got


def test_a_participle_between_a_number_and_its_noun_reports_nothing():
    assert extract("Ann Cole leads Ivo Brandt by 300 pledged delegates.").claims.empty


def test_declining_to_say_reports_nothing():
    assert extract("Ann Cole declined to say whether the ferry would stop.").claims.empty


def test_asked_reports_the_question_without_a_source():
    c = extract("Asked whether she would run again, Vera Lund smiled.").claims
    assert c[["source", "text", "rule"]].values.tolist() == [[None, "whether she would run again", "asked"]]


def test_non_speech_uses_of_cue_forms_make_no_claim():
    # a plain object of a verb with a non-speech sense; a determiner or a possessive before the form; "so-called"
    text = "Vera Lund maintains a wide lead. The so-called plan failed. Her vow was kept. It was a mock trial."
    assert extract(text).claims.empty


def test_state_as_a_noun_is_no_cue():
    assert extract("Vera Lund won her home state of Vermont, and several states voted early.").claims.empty


def test_embedded_rules_are_named():
    text = (
        "As the Valley Courier reported, the depot will close. The plan was first reported by the Valley Courier. "
        "Vera Lund spoke against what transit planners call the depot tax."
    )
    assert extract(text).claims["rule"].tolist() == ["as-source", "passive", "relative"]


def test_rows_record_their_rule():
    x = extract("“We are ready,” Kofi Barnes said. “And we will stay.”\n\n“Always,” he added.")
    assert x.quotes["rule"].notna().all()
    assert x.claims["rule"].notna().all()


def test_pronoun_keeps_its_span_and_resolves():
    text = "Carl Benning spoke first. “We will stay,” he said."
    q = extract(text).quotes.iloc[0]
    assert q["speaker"] == "Carl Benning" and text[int(q["speaker_start"]) : int(q["speaker_end"])] == "he"


def test_unknown_speaker_side_from_country_word():
    c = extract("A Chinese foreign ministry spokeswoman said the visit was useful.").claims.iloc[0]
    assert c["side"] == "China"


def test_unknown_speaker_without_country_word_has_no_side():
    c = extract("Nora Quist said the visit was useful.").claims.iloc[0]
    assert c["source"] == "Nora Quist" and c["side"] is None


def test_capitalised_sentence_word_is_no_speaker():
    x = extract("Trade grew. We trade a lot. Analysts said trade would grow.")
    assert "Trade" not in set(x.mentions["text"])


def test_same_results_with_an_empty_registry(tmp_path):
    (tmp_path / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    code = (
        "import json, sys\n"
        "sys.path.insert(0, 'tests/extraction')\n"
        "from test_attribution_rules import CASES\n"
        "from analysis.extraction.extract import extract\n"
        "out = [[extract(c[1]).quotes['speaker'].tolist(), extract(c[1]).claims['source'].tolist()] for c in CASES]\n"
        "print(json.dumps(out))\n"
    )
    env = {**os.environ, "ANALYSIS_RESOURCES": str(tmp_path)}
    empty = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    shipped = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert empty == shipped


def test_a_superlative_is_no_anonymous_source():
    m = extract("Vera Lund is the most careful of planners. Most said they would wait.").mentions
    assert "the most" not in m["text"].tolist() and "Most" in m["text"].tolist()


def test_a_compound_modifier_is_no_name():
    m = extract("The two-time Tony-winning singer met the Ohio-based Acme Foods team.").mentions
    assert "Tony-winning" not in m["text"].tolist() and not any(t.startswith("Ohio-based") for t in m["text"].tolist())


def test_markup_attribute_values_are_no_quotes():
    # a scraped article keeps an embedded post's tag: its attribute values are not quotations
    text = '<post author="veralund" id="77">“The depot stays open,” Vera Lund wrote.</post>'
    q = extract(text).quotes
    assert q[["text", "speaker"]].values.tolist() == [["The depot stays open,", "Vera Lund"]]


def test_an_abbreviated_month_before_a_day_is_no_name():
    x = extract("DOVER, Dec. 8 (Wire) — The depot will close, Vera Lund said. Jan Holt agreed.")
    assert "Dec" not in x.mentions["text"].tolist()
    assert "Jan Holt" in x.mentions["text"].tolist()


def test_doubled_apostrophes_are_double_quote_marks():
    # some newswires write ''…'' for “…”; a single-quoted quote inside stays part of it
    text = "''When I said, 'Keep the depot,' I meant it,'' Vera Lund said. '''Never,''' she added."
    q = extract(text).quotes
    assert q[["text", "speaker"]].values.tolist() == [
        ["When I said, 'Keep the depot,' I meant it,", "Vera Lund"],
        ["'Never,'", "Vera Lund"],
    ]
    assert all(text[r.start - 2 : r.start] == "''" for r in q.itertuples())


def test_a_relative_pronoun_after_a_noun_modifier_does_not_make_its_object_speak():
    # "the head of Acme, who said": the head speaks, not Acme
    c = extract("Ann Cole met the head of Acme Foods, who said that the ferry was fair.").claims
    assert "Acme Foods" not in c["source"].tolist()


def test_a_quote_in_a_headline_takes_the_headline_source():
    # "Name: …" on the first line: a scare quote the sieve leaves speakerless is the named source's
    x = extract("Lindqvist: Farmers ‘Losing Patience’ With Port Board.\n\nThe board met on Monday.")
    assert x.quotes[["text", "speaker", "rule"]].values.tolist() == [["Losing Patience", "Lindqvist", "headline"]]


def test_a_dummy_it_is_no_speaker_the_clause_after_it_has_the_subject():
    # "It has not helped that X …", "it is unclear whether X …": the subject is X, not what "it" might stand for
    x = extract("Acme Foods opened a depot in Dover. It has not helped that Tomas Berg saw the depot as “a relic.”")
    assert x.quotes[["text", "speaker", "rule"]].values.tolist() == [["a relic.", "Tomas Berg", "sentence-subject"]]
    x = extract("Acme Foods opened a depot in Dover. It seems the depot is “a relic.”")
    assert x.quotes["speaker"].tolist() == [None]


def test_a_quote_interrupted_by_its_attribution_takes_the_next_quotes_speaker():
    # “A” … , X said, and “B”: the attribution between the two quotes of one sentence is both quotes'
    x = extract(
        "Ann Cole was on the pier when the storm hit Dover.\n\n“A big wave” swept over the wall that the town "
        "had built for the summer festival, she said, and “everyone ran.”"
    )
    assert x.quotes[["text", "speaker", "rule"]].values.tolist() == [
        ["A big wave", "Ann Cole", "interrupted"],
        ["everyone ran.", "Ann Cole", "subject"],
    ]
    # a quote in the sentence before the attribution keeps no speaker
    x = extract("Ann Cole met the board.\n\nThe sign read “closed.” Later the mayor, she said, called it “a relic.”")
    assert "interrupted" not in x.quotes["rule"].tolist()
