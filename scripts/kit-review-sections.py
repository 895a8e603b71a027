#!/usr/bin/env python3
"""Blind-review figures by the kind of question, from a round's kits and its findings.

Run: scripts/kit-review-sections.py OUT docs/kit-review/roundNN-enpt.json docs/kit-review/roundNN-es.json
where OUT is the folder `scripts/kit-review.sh` wrote (its kits/ are read). A question's kind comes
from the kit's own words: a headline claim's why, a requirement area "asked through work the
resume shows", a question told back through a resume line ("At X, you ..."), else the bank's.
"""
import collections
import json
import re
import sys

KINDS = [
    ("headline claim", lambda why, first: re.search(r"headline|destaca|conquista|logro", why)),
    (
        "area asked through a resume line",
        lambda why, first: re.search(r"asked through work|perguntado sobre um trabalho|preguntado sobre un trabajo", why),
    ),
    ("behavioral told back through a resume line", lambda why, first: re.search(r"^(At |Na |No |En |In your|You )", first)),
    ("behavioral, bank", lambda why, first: re.search(r"Behavioral|comportament|conductual", why)),
    ("area, bank", lambda why, first: True),
]


def main():
    out, *findings = sys.argv[1:]
    rows = [r for f in findings for r in json.load(open(f))]
    stats = collections.defaultdict(collections.Counter)
    for r in rows:
        md = open(f"{out}/kits/{r['kit']}").read()
        parts = re.split(r"\n## (\d+)\. ", md)
        questions = {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}
        q = questions[r["rank"]]
        why = re.search(r"\*\*(Why|Por quê|Por qué):\*\* (.*)", q).group(2)
        first = q.split("\n")[0]
        kind = next(name for name, test in KINDS if test(why, first))
        stats[kind]["asked"] += 1
        for k in ("tailored", "keep", "rubric"):
            stats[kind][k] += bool(r[k])
    print("| kind of question | asked | tailored | kept | rubric usable |")
    print("|---|---|---|---|---|")
    for name, _ in KINDS:
        s = stats[name]
        print(f"| {name} | {s['asked']} | {s['tailored']} | {s['keep']} | {s['rubric']} |")


if __name__ == "__main__":
    main()
