#!/usr/bin/env python3
"""Builds data/questions/bank.json from the hand-written area files in data/questions/areas/.

Every area file holds the area's terms (the skill graph: aliases in en/pt-BR/es-MX, parents) and
its questions, each written in en, pt-BR and es-MX with its own rubric (the points a strong answer
covers; strong, acceptable and weak answers) and follow-ups. See data/questions/AUTHORING.md.
The script refuses the bank (exit 1, one line per problem) when a file breaks a rule: a missing
language or field, a rubric text used twice, a sentence cut off, a placeholder out of place, a
term whose parents do not reach its area.
Run: scripts/build-question-bank.py            (writes data/questions/bank.json)
     scripts/build-question-bank.py --check    (checks the area files only)
     scripts/build-question-bank.py --verify   (and that bank.json is what they build: the test command)
"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ("en", "pt-BR", "es-MX")
MODES = ("concept", "scenario", "experience", "design")
KINDS = ("technical", "behavioral", "situational")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ENDS = (".", "?", "!", ")", "\"", "”", "»")

problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def sentence(where, text, min_len=12):
    if not isinstance(text, str) or len(text.strip()) < min_len:
        problem(where, "missing or too short")
        return
    t = text.strip()
    if not t.endswith(ENDS):
        problem(where, f"does not end a sentence: {t[-40:]!r}")
    if re.search(r"\b(etc|e\.g|i\.e)\.?$", t) or t.endswith(("...", "…")):
        problem(where, "ends cut off")
    if re.search(r"\{(employer|metric|skills|cert|role|company|name|x|topic)\}", t):
        problem(where, "placeholder other than {skill}")


def localized(where, loc, mode):
    if not isinstance(loc, dict):
        problem(where, "missing")
        return None
    sentence(f"{where}.text", loc.get("text"))
    if "{skill}" in (loc.get("text") or "") and mode != "experience":
        problem(f"{where}.text", "{skill} is only for experience questions")
    points = loc.get("points") or []
    if not 3 <= len(points) <= 6:
        problem(f"{where}.points", f"{len(points)} points, want 3 to 6")
    for i, p in enumerate(points):
        if not isinstance(p, str) or len(p.strip()) < 3:
            problem(f"{where}.points[{i}]", "empty")
    for level in ("strong", "acceptable", "weak"):
        sentence(f"{where}.{level}", loc.get(level), 20)
        if "{skill}" in (loc.get(level) or ""):
            problem(f"{where}.{level}", "rubrics take no placeholder")
    follow_ups = loc.get("follow_ups") or []
    if len(follow_ups) != 2:
        problem(f"{where}.follow_ups", f"{len(follow_ups)}, want 2")
    for i, f in enumerate(follow_ups):
        sentence(f"{where}.follow_ups[{i}]", f, 8)
    return {
        "text": (loc.get("text") or "").strip(),
        "rubric": {
            "points": [p.strip() for p in points if isinstance(p, str)],
            "strong": (loc.get("strong") or "").strip(),
            "acceptable": (loc.get("acceptable") or "").strip(),
            "weak": (loc.get("weak") or "").strip(),
        },
        "follow_ups": [f.strip() for f in follow_ups if isinstance(f, str)],
    }


def main():
    check_only = "--check" in sys.argv
    verify = "--verify" in sys.argv
    areas, terms, questions, competencies = [], {}, [], []
    files = sorted(glob.glob(os.path.join(ROOT, "data/questions/areas/*.json")))
    if not files:
        problem("data/questions/areas", "no area files")
    for path in files:
        name = os.path.relpath(path, ROOT)
        try:
            d = json.load(open(path, encoding="utf-8"))
        except ValueError as e:
            problem(name, f"not JSON: {e}")
            continue
        area = d.get("area", "")
        if not ID.match(area):
            problem(name, f"bad area id {area!r}")
            continue
        names = d.get("names") or {}
        for lang in LANGS:
            if not names.get(lang):
                problem(f"{name}.names", f"no {lang} name")
        is_competencies = area == "competencies"
        if is_competencies:
            for c in d.get("competencies") or []:
                if not ID.match(c.get("id", "")) or any(not c.get("names", {}).get(l) for l in LANGS):
                    problem(f"{name}.competencies", f"bad competency {c!r}")
                competencies.append({"id": c["id"], "names": c["names"]})
        else:
            entry = {"id": area, "names": names}
            # Passing signs of the area (lowercase phrases: "coordinated", "requisitos"): they keep
            # it out of a kit's "not shown" header but name no term a question could be about.
            hints = d.get("hints")
            if hints is not None:
                if not isinstance(hints, list) or any(not isinstance(h, str) or len(h.strip()) < 2 for h in hints):
                    problem(f"{name}.hints", "not a list of phrases")
                elif len({h.lower() for h in hints}) != len(hints):
                    problem(f"{name}.hints", "a phrase is listed twice")
                else:
                    entry["hints"] = [h.strip() for h in hints]
            areas.append(entry)
        local = {}
        for t in d.get("terms") or []:
            tid = t.get("id", "")
            if not ID.match(tid) or tid == area:
                problem(f"{name}.terms", f"bad term id {tid!r}")
                continue
            aliases = [a.strip() for a in t.get("aliases") or [] if isinstance(a, str) and len(a.strip()) >= 2]
            merged = terms.setdefault(tid, {"id": tid, "aliases": [], "parents": []})
            for a in aliases:
                if a.lower() not in (x.lower() for x in merged["aliases"]):
                    merged["aliases"].append(a)
            for p in t.get("parents") or []:
                if p not in merged["parents"]:
                    merged["parents"].append(p)
            local[tid] = t.get("parents") or []
        # Every term of the file reaches its area through its parents (within any file).
        for tid in local:
            seen, stack, reached = set(), [tid], False
            while stack:
                x = stack.pop()
                if x == area:
                    reached = True
                    break
                if x in seen:
                    continue
                seen.add(x)
                stack.extend(local.get(x, []) or terms.get(x, {}).get("parents", []))
            if not reached:
                problem(f"{name}.terms.{tid}", f"parents do not reach {area}")
        ids = set()
        for q in d.get("questions") or []:
            qid = q.get("id", "")
            where = f"{name}:{qid}"
            if not ID.match(qid) or qid in ids:
                problem(where, "bad or repeated id")
            ids.add(qid)
            kind, mode, level = q.get("kind"), q.get("mode"), q.get("level")
            if kind not in KINDS:
                problem(where, f"bad kind {kind!r}")
            if mode not in MODES:
                problem(where, f"bad mode {mode!r}")
            if level not in (0, 1, 2):
                problem(where, f"bad level {level!r}")
            comp = q.get("competency")
            if is_competencies and not comp:
                problem(where, "a behavioral question names its competency")
            locs = {lang: localized(f"{where}.{lang}", q.get(lang), mode) for lang in LANGS}
            if any(v is None for v in locs.values()):
                continue
            en = locs["en"]
            questions.append({
                "id": qid,
                "text": en["text"],
                "kind": kind,
                "mode": mode,
                "area": "" if is_competencies else area,
                "terms": [t for t in q.get("terms") or [] if isinstance(t, str)],
                **({"topic": q["topic"]} if isinstance(q.get("topic"), str) and q["topic"] else {}),
                **({"off_for": q["off_for"]} if isinstance(q.get("off_for"), list) and q["off_for"] else {}),
                **({"only_for": q["only_for"]} if isinstance(q.get("only_for"), list) and q["only_for"] else {}),
                **({"needs": q["needs"]} if isinstance(q.get("needs"), list) and q["needs"] else {}),
                "skill_ids": [],
                "competencies": [comp] if comp else [],
                "roles": [],
                "difficulty": (level if level in (0, 1, 2) else 1) + 1,
                "seniority": level if level in (0, 1, 2) else 1,
                "rubric": en["rubric"],
                "follow_ups": en["follow_ups"],
                "language": "en",
                "translations": {lang: locs[lang] for lang in LANGS if lang != "en"},
                "source": "nexushr",
                "license": "Apache-2.0",
            })
    # A question's off_for and only_for name areas.
    area_ids = {a["id"] for a in areas}
    for q in questions:
        for field in ("off_for", "only_for"):
            for a in q.get(field, []):
                if a not in area_ids:
                    problem(q["id"], f"{field} names no area: {a!r}")
    # Parents name terms or areas; terms named by questions exist.
    known = set(terms) | {a["id"] for a in areas}
    for t in terms.values():
        for p in t["parents"]:
            if p not in known:
                problem(f"term {t['id']}", f"unknown parent {p!r}")
    for q in questions:
        for t in q["terms"] + q.get("needs", []):
            if t not in terms:
                problem(f"question {q['id']}", f"unknown term {t!r}")
    # No rubric text twice, in any language.
    seen = {}
    for q in questions:
        for lang in LANGS:
            loc = q if lang == "en" else q["translations"][lang]
            for level in ("strong", "acceptable", "weak"):
                key = re.sub(r"\W+", " ", loc["rubric"][level].lower()).strip()
                if key in seen:
                    problem(f"question {q['id']}.{lang}.{level}", f"repeats {seen[key]}")
                seen[key] = f"{q['id']}.{lang}.{level}"
            key = re.sub(r"\W+", " ", loc["text"].lower()).strip()
            if ("text", key) in seen:
                problem(f"question {q['id']}.{lang}.text", f"repeats {seen[('text', key)]}")
            seen[("text", key)] = q["id"]
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s); bank not written", file=sys.stderr)
        sys.exit(1)
    body = {"areas": areas, "competencies": competencies, "terms": sorted(terms.values(), key=lambda t: t["id"]),
            "questions": questions}
    digest = hashlib.sha1(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]
    bank = {"version": f"areas-{digest}", **body}
    print(f"{len(areas)} areas, {len(competencies)} competencies, {len(terms)} terms, {len(questions)} questions",
          file=sys.stderr)
    out = os.path.join(ROOT, "data/questions/bank.json")
    text = json.dumps(bank, ensure_ascii=False, indent=1) + "\n"
    if verify:
        if open(out, encoding="utf-8").read() != text:
            print("data/questions/bank.json is not what the area files build: run scripts/build-question-bank.py",
                  file=sys.stderr)
            sys.exit(1)
    elif not check_only:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


main()
