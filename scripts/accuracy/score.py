#!/usr/bin/env python3
"""Field-level accuracy of `nexushr parse` on the rendered resume corpus.

usage: score.py [RENDER_DIR] [--json] [--out FILE] [--jobs N] [--worst N] [--details]

RENDER_DIR is what render.mjs wrote (default ~/.cache/nexushr/accuracy); its
manifest.json ties every rendered file to its JSON Resume source. The parser
binary is $NEXUSHR_BIN (default ~/.cache/nexushr/target/debug/nexushr).

For every file and field the scorer counts true positives, predictions and
gold items (one-to-one matching), then micro-averages them per field:
overall, per format (html, pdf-chromium, docx, pdf-office), per language and
per theme. --json prints everything (including every file's misses and extra
predictions) as JSON instead of tables; --out also writes that JSON to FILE.
Standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

DEFAULT_BIN = Path.home() / ".cache/nexushr/target/debug/nexushr"
DEFAULT_DIR = Path.home() / ".cache/nexushr/accuracy"
FIELDS = [
    "name", "email", "phone", "titles", "employers", "work_entries",
    "start_dates", "start_years", "degrees", "institutions", "skills",
]
FORMATS = ["html", "pdf-chromium", "docx", "pdf-office"]


# ------------------------------------------------------------ normalization
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s) -> str:
    """casefold, no accents, dots dropped (Ph.D. == PhD), other punctuation to
    spaces, whitespace collapsed."""
    if s is None:
        return ""
    s = strip_accents(str(s)).casefold().replace(".", "")
    s = re.sub(r"[^\w+#]+", " ", s)
    return " ".join(s.split())


def norm_skill(s) -> str:
    if s is None:
        return ""
    return " ".join(strip_accents(str(s)).casefold().split())


def phone_key(s) -> str:
    d = re.sub(r"\D", "", s or "")
    return d[-10:]


def ym(d) -> tuple[int, int] | None:
    """'2020-03' / '2020-03-01' / '2020' -> (2020, 3) / (2020, 0)"""
    if not d:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?", str(d))
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 0)


# ------------------------------------------------------------ matching
class Count:
    __slots__ = ("tp", "pred", "gold")

    def __init__(self, tp=0, pred=0, gold=0):
        self.tp, self.pred, self.gold = tp, pred, gold

    def add(self, o: "Count"):
        self.tp += o.tp
        self.pred += o.pred
        self.gold += o.gold

    def prf(self):
        p = self.tp / self.pred if self.pred else (1.0 if self.gold == 0 else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if self.pred == 0 else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(gold: list, pred: list, same) -> tuple[Count, list, list]:
    """Greedy one-to-one matching (gold in order, first unused prediction that
    `same` accepts). Returns counts, unmatched gold, unmatched predictions."""
    used = [False] * len(pred)
    missed = []
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                tp += 1
                break
        else:
            missed.append(g)
    extra = [p for i, p in enumerate(pred) if not used[i]]
    return Count(tp, len(pred), len(gold)), missed, extra


def eq(a, b) -> bool:
    return norm(a) == norm(b) and norm(a) != ""


def degree_same(g, p) -> bool:
    """gold is (studyType, area); a parsed degree is right when it contains the
    studyType, or equals "studyType in area" (any connective)."""
    study, area = norm(g[0]), norm(g[1])
    pd = norm(p)
    if not pd or not study:
        return False
    if study in pd:
        return True
    return pd.replace(" ", "") == (study + area).replace(" ", "")


# ------------------------------------------------------------ gold / predictions
def source_text(obj) -> str:
    out = []

    def walk(o):
        if isinstance(o, dict):
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif isinstance(o, str):
            out.append(o)

    walk(obj)
    return "\n".join(out)


def gold_of(src: dict) -> dict:
    b = src.get("basics") or {}
    work = src.get("work") or []
    edu = src.get("education") or []
    keywords = []
    seen = set()
    for s in src.get("skills") or []:
        for k in s.get("keywords") or []:
            if norm_skill(k) and norm_skill(k) not in seen:
                seen.add(norm_skill(k))
                keywords.append(k)
    return {
        "name": [b["name"]] if b.get("name") else [],
        "email": [b["email"]] if b.get("email") else [],
        "phone": [phone_key(b["phone"])] if phone_key(b.get("phone")) else [],
        "titles": [w.get("position") for w in work if w.get("position")],
        "employers": [w.get("name") for w in work if w.get("name")],
        "work_entries": [(w.get("position"), w.get("name"), ym(w.get("startDate"))) for w in work],
        "start_dates": [ym(w.get("startDate")) for w in work if ym(w.get("startDate"))],
        "start_years": [ym(w.get("startDate"))[0] for w in work if ym(w.get("startDate"))],
        "degrees": [(e.get("studyType"), e.get("area") or "") for e in edu if e.get("studyType")],
        "institutions": [e.get("institution") for e in edu if e.get("institution")],
        "skills": keywords,
        "_text": norm_skill(source_text(src)),
    }


def val(o):
    if isinstance(o, dict):
        return o.get("value")
    return o


def pred_of(parsed: dict) -> dict:
    c = parsed.get("contact") or {}
    work = parsed.get("work") or []
    edu = parsed.get("education") or []

    def start(w):
        s = ((w.get("period") or {}).get("start")) or None
        if not s or not s.get("year"):
            return None
        return int(s["year"]), int(s.get("month") or 0)

    name = val(c.get("name"))
    return {
        "name": [name] if name else [],
        "email": [e.get("value") for e in c.get("emails") or [] if e.get("value")],
        "phone": [phone_key(p.get("e164") or p.get("raw")) for p in c.get("phones") or []
                  if phone_key(p.get("e164") or p.get("raw"))],
        "titles": [val(w.get("title")) for w in work if val(w.get("title"))],
        "employers": [val(w.get("employer")) for w in work if val(w.get("employer"))],
        "work_entries": [(val(w.get("title")), val(w.get("employer")), start(w)) for w in work],
        "start_dates": [start(w) for w in work if start(w)],
        "start_years": [start(w)[0] for w in work if start(w)],
        "degrees": [val(e.get("degree")) for e in edu if val(e.get("degree"))],
        "institutions": [val(e.get("institution")) for e in edu if val(e.get("institution"))],
        "skills": [(s.get("name"), s.get("raw")) for s in parsed.get("skills") or []],
    }


def mention_in(text: str, s: str) -> bool:
    s = norm_skill(s)
    if not s:
        return False
    return re.search(r"(?<![\w])" + re.escape(s) + r"(?![\w])", text) is not None


def score_file(gold: dict, pred: dict) -> dict:
    res = {}
    res["name"] = match(gold["name"], pred["name"], eq)
    res["email"] = match(gold["email"], pred["email"], lambda g, p: g.casefold() == p.casefold())
    res["phone"] = match(gold["phone"], pred["phone"], lambda g, p: g == p)
    res["titles"] = match(gold["titles"], pred["titles"], eq)
    res["employers"] = match(gold["employers"], pred["employers"], eq)
    res["work_entries"] = match(
        gold["work_entries"], pred["work_entries"],
        lambda g, p: eq(g[0], p[0]) and eq(g[1], p[1]) and g[2] is not None and g[2] == p[2])
    res["start_dates"] = match(gold["start_dates"], pred["start_dates"], lambda g, p: g == p)
    res["start_years"] = match(gold["start_years"], pred["start_years"], lambda g, p: g == p)
    res["degrees"] = match(gold["degrees"], pred["degrees"], degree_same)
    res["institutions"] = match(gold["institutions"], pred["institutions"], eq)

    # skills: recall over the source keywords (parsed name or raw equal to the
    # keyword, case-insensitive); precision over parsed skills, a skill being
    # right when its name or raw is a keyword or is mentioned in the source.
    kw = {norm_skill(k) for k in gold["skills"]}
    found = set()
    for n, r in pred["skills"]:
        for x in (n, r):
            if norm_skill(x) in kw:
                found.add(norm_skill(x))
    missed = [k for k in gold["skills"] if norm_skill(k) not in found]
    tp_p = 0
    extra = []
    for n, r in pred["skills"]:
        if norm_skill(n) in kw or norm_skill(r) in kw or mention_in(gold["_text"], n) or mention_in(gold["_text"], r):
            tp_p += 1
        else:
            extra.append(n if n == r or not r else f"{n} ({r})")
    c = Count(0, len(pred["skills"]), len(gold["skills"]))
    c.tp = None  # precision and recall have different numerators here
    res["skills"] = (c, missed, extra, len(found), tp_p)
    return res


# ------------------------------------------------------------ parser
def parse(binary: Path, file: str) -> tuple[dict | None, str]:
    for attempt in range(60):
        if not binary.exists():  # being rebuilt: wait for it
            time.sleep(5)
            continue
        try:
            p = subprocess.run([str(binary), "parse", file], capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            if isinstance(e, OSError) and attempt < 59:
                time.sleep(5)
                continue
            return None, f"{type(e).__name__}: {e}"
        if p.returncode != 0:
            if not binary.exists() and attempt < 59:
                continue
            return None, f"exit {p.returncode}: {p.stderr.decode(errors='replace')[-300:]}"
        try:
            return json.loads(p.stdout), ""
        except json.JSONDecodeError as e:
            return None, f"bad JSON: {e}"
    return None, f"{binary} missing"


def load_files(render_dir: Path) -> list[dict]:
    man = render_dir / "manifest.json"
    if man.exists():
        return json.loads(man.read_text())["files"]
    raise SystemExit(f"{man} not found: run render.mjs first")


# ------------------------------------------------------------ aggregation
class Agg:
    def __init__(self):
        self.c = {f: Count() for f in FIELDS}
        self.skill_tp_r = 0
        self.skill_tp_p = 0
        self.files = 0

    def add(self, res):
        self.files += 1
        for f in FIELDS:
            if f == "skills":
                c, _, _, tp_r, tp_p = res[f]
                self.c[f].pred += c.pred
                self.c[f].gold += c.gold
                self.skill_tp_r += tp_r
                self.skill_tp_p += tp_p
            else:
                self.c[f].add(res[f][0])

    def prf(self, f):
        c = self.c[f]
        if f == "skills":
            p = self.skill_tp_p / c.pred if c.pred else (1.0 if c.gold == 0 else 0.0)
            r = self.skill_tp_r / c.gold if c.gold else 1.0
            fm = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, fm
        return c.prf()

    def to_json(self):
        out = {"files": self.files, "fields": {}}
        for f in FIELDS:
            p, r, fm = self.prf(f)
            c = self.c[f]
            out["fields"][f] = {
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(fm, 4),
                "support": c.gold, "predicted": c.pred,
                "tp": (self.skill_tp_r if f == "skills" else c.tp),
            }
            if f == "skills":
                out["fields"][f]["tp_precision"] = self.skill_tp_p
        return out


def file_f1(res) -> float:
    fs = []
    for f in FIELDS:
        if f == "skills":
            c, _, _, tp_r, tp_p = res[f]
            if c.gold == 0 and c.pred == 0:
                continue
            p = tp_p / c.pred if c.pred else 0.0
            r = tp_r / c.gold if c.gold else 1.0
            fs.append(2 * p * r / (p + r) if p + r else 0.0)
        else:
            c = res[f][0]
            if c.gold == 0 and c.pred == 0:
                continue
            fs.append(c.prf()[2])
    return sum(fs) / len(fs) if fs else 1.0


def table(title: str, agg: Agg) -> str:
    lines = [f"{title}  ({agg.files} files)", f"  {'field':<13} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for f in FIELDS:
        p, r, fm = agg.prf(f)
        lines.append(f"  {f:<13} {p:6.3f} {r:6.3f} {fm:6.3f} {agg.c[f].gold:8d}")
    return "\n".join(lines)


def matrix(title: str, groups: dict[str, Agg]) -> str:
    keys = list(groups)
    w = max(16, max(len(k) for k in keys) + 2)
    head = f"  {'field':<13}" + "".join(f"{k:>{w}}" for k in keys)
    sub = f"  {'':<13}" + "".join(f"{'P/R/F1':>{w}}" for _ in keys)
    lines = [title, head, sub]
    for f in FIELDS:
        row = f"  {f:<13}"
        for k in keys:
            p, r, fm = groups[k].prf(f)
            row += f"{f'{p:.2f}/{r:.2f}/{fm:.2f}':>{w}}"
        lines.append(row)
    lines.append(f"  {'files':<13}" + "".join(f"{groups[k].files:>{w}}" for k in keys))
    return "\n".join(lines)


def jsonable(x):
    if isinstance(x, tuple):
        return [jsonable(v) for v in x]
    if isinstance(x, list):
        return [jsonable(v) for v in x]
    return x


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("render_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--out", help="also write the JSON report here")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--details", action="store_true", help="print every file's misses and extras")
    a = ap.parse_args()

    binary = Path(os.environ.get("NEXUSHR_BIN", str(DEFAULT_BIN)))
    render_dir = Path(a.render_dir).expanduser()
    files = load_files(render_dir)
    golds = {}
    t0 = time.time()

    def one(entry):
        parsed, err = parse(binary, entry["file"])
        return entry, parsed, err

    results = []
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for entry, parsed, err in ex.map(one, files):
            src = entry["source"]
            if src not in golds:
                golds[src] = gold_of(json.loads(Path(src).read_text(encoding="utf-8")))
            gold = golds[src]
            pred = pred_of(parsed) if parsed else pred_of({})
            res = score_file(gold, pred)
            results.append((entry, parsed, err, res))
    elapsed = time.time() - t0

    overall = Agg()
    by = {"format": defaultdict(Agg), "lang": defaultdict(Agg), "theme": defaultdict(Agg)}
    per_file = []
    for entry, parsed, err, res in results:
        overall.add(res)
        by["format"][entry["format"]].add(res)
        by["lang"][entry["lang"]].add(res)
        by["theme"][entry["theme"]].add(res)
        detail = {}
        for f in FIELDS:
            missed, extra = res[f][1], res[f][2]
            if missed or extra:
                detail[f] = {"missed": jsonable(missed), "extra": jsonable(extra)}
        per_file.append({
            "file": entry["file"], "format": entry["format"], "lang": entry["lang"], "theme": entry["theme"],
            "input": entry["input"], "status": (parsed or {}).get("status"), "error": err or None,
            "mean_f1": round(file_f1(res), 4), "errors": detail,
        })

    def ordered(d, order=None):
        keys = sorted(d, key=lambda k: (order.index(k) if order and k in order else 99, k))
        return {k: d[k] for k in keys}

    fmt = ordered(by["format"], FORMATS)
    lang = ordered(by["lang"], ["en", "pt", "es"])
    theme = ordered(by["theme"])
    worst = sorted(per_file, key=lambda x: x["mean_f1"])[: a.worst]
    report = {
        "binary": str(binary),
        "render_dir": str(render_dir),
        "parse_seconds": round(elapsed, 1),
        "overall": overall.to_json(),
        "by_format": {k: v.to_json() for k, v in fmt.items()},
        "by_lang": {k: v.to_json() for k, v in lang.items()},
        "by_theme": {k: v.to_json() for k, v in theme.items()},
        "worst": [{k: w[k] for k in ("file", "mean_f1", "errors", "error")} for w in worst],
        "files": per_file,
    }
    if a.out:
        Path(a.out).write_text(json.dumps(report, ensure_ascii=False, indent=1))
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return

    print(f"parsed {len(results)} files with {binary} in {elapsed:.1f}s")
    failed = [p for p in per_file if p["error"] or p["status"] != "OK"]
    if failed:
        print(f"{len(failed)} files did not parse OK: " + ", ".join(Path(p['file']).name + f" ({p['status'] or p['error']})" for p in failed[:10]))
    print()
    print(table("OVERALL (micro-averaged)", overall))
    print()
    print(matrix("BY FORMAT", fmt))
    print()
    print(matrix("BY LANGUAGE", lang))
    print()
    print(matrix("BY THEME", theme))
    print()
    print(f"WORST {len(worst)} FILES (mean F1 over fields)")
    for w in worst:
        bad = ", ".join(f"{f}" for f in w["errors"])
        print(f"  {w['mean_f1']:.3f}  {w['format']:<13} {Path(w['file']).name:<48} wrong: {bad}")
    if a.details:
        print()
        for p in per_file:
            if not p["errors"]:
                continue
            print(f"{p['format']}/{Path(p['file']).name}")
            for f, d in p["errors"].items():
                print(f"    {f}: missed={d['missed']} extra={d['extra']}")


if __name__ == "__main__":
    main()
