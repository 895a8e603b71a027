#!/usr/bin/env python3
"""Render the JSON Resume sources through many real-world resume toolchains.

    render_docs.py [OUT] [--toolchains a,b] [--only en-,pt-] [--jobs 2] [--force] [--list]

Every tests/corpus/resumes-src/*.json (en-/pt-/es- prefix = language) is rendered
through every layout of the selected toolchains (pdflatex, xelatex, typst,
rendercv, pandoc, python-docx, libreoffice, markdown, text) into
OUT/<toolchain>/<source>--<layout>.<ext> (OUT defaults to ~/.cache/nexushr/corpus/docs),
and OUT/manifest.json lists every file plus every failure.  Outputs newer than
their source, their template files and this script are kept (re-runs are fast).
Nothing is fetched from the network.  See README.md next to this file.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import l10n  # noqa: E402
from l10n import Style  # noqa: E402

TEMPLATES = HERE / "templates"
REPO = HERE.parent.parent
SRC_DIR = Path(os.environ.get("NEXUSHR_RESUME_SRC", REPO / "tests/corpus/resumes-src"))
DEFAULT_OUT = Path.home() / ".cache/nexushr/corpus/docs"
RENDERCV_VENV = Path(os.environ.get("RENDERCV_VENV", Path.home() / ".cache/nexushr/rendercv-venv"))
TYPST_PACKAGES = Path(os.environ.get("TYPST_PACKAGE_CACHE_PATH", REPO.parent / "shared/vendor/typst-packages"))
if not TYPST_PACKAGES.exists():
    TYPST_PACKAGES = Path("/work/shared/vendor/typst-packages")
CODE_FILES = [Path(__file__).resolve(), HERE / "l10n.py"]

# Environment for every child process: no proxies, nothing to fetch from.
CHILD_ENV = dict(os.environ)
for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    CHILD_ENV.pop(k, None)
CHILD_ENV["TYPST_PACKAGE_CACHE_PATH"] = str(TYPST_PACKAGES)
CHILD_ENV["SOURCE_DATE_EPOCH"] = CHILD_ENV.get("SOURCE_DATE_EPOCH", "1700000000")


class RenderError(Exception):
    pass


def run(cmd, cwd=None, timeout=180, env=None):
    p = subprocess.run(cmd, cwd=cwd, env=env or CHILD_ENV, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        raise RenderError(f"{Path(cmd[0]).name} exit {p.returncode}: {out[-1500:]}")
    return out


# --------------------------------------------------------------------------- escaping

_TEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
        "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", '"': r"\textquotedbl{}",
        "`": r"\textasciigrave{}", "\u00a0": "~"}
# characters pdflatex (utf8 inputenc + T1) is known to typeset
_PDFTEX_OK = set("“”‘’–—…•™€·×°±§©®«»")


def tex(s, engine="pdflatex") -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    out = []
    for ch in s:
        if ch in _TEX:
            out.append(_TEX[ch])
        elif ord(ch) < 128 or engine != "pdflatex" or ord(ch) <= 0x17F or ch in _PDFTEX_OK:
            out.append(ch)
        else:  # pdflatex cannot typeset it: decompose, else drop
            a = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(a or "?")
    r = "".join(out)
    # avoid TeX ligatures turning "--" into dashes and "''" into quotes
    return r.replace("--", "-{}-").replace("''", "'{}'")


_SAFE_URL = re.compile(r"^[A-Za-z0-9:/._\-?=+@]+$")


def tex_url(url: str, text: str | None = None, engine="pdflatex") -> str:
    shown = tex(text if text is not None else re.sub(r"^https?://(www\.)?", "", url), engine)
    if url and _SAFE_URL.match(url):
        return rf"\href{{{url}}}{{{shown}}}"
    return shown


def md(s) -> str:
    """Escape Markdown specials in free text fed to pandoc (@ would start a citation)."""
    if not s:
        return ""
    s = str(s).replace("\\", "\\\\")
    s = re.sub(r"([*_`\[\]<>#|@~^$])", r"\\\1", s)
    return s


def gh(s) -> str:
    """Light escaping, as people write Markdown by hand for GitHub: only what would
    otherwise change the rendering (emphasis, code, links, HTML, table pipes)."""
    if not s:
        return ""
    s = str(s).replace("\\", "\\\\")
    s = re.sub(r"([*`\[\]|])", r"\\\1", s)
    s = re.sub(r"(?<![\w])_|_(?![\w])", r"\\_", s)
    s = s.replace("<", "&lt;")
    return re.sub(r"^#", r"\\#", s)


# --------------------------------------------------------------------------- layouts

@dataclass
class Layout:
    toolchain: str
    name: str
    fmt: str
    kind: str                       # latex | typst | rendercv | pandoc | docx | text | libreoffice
    style: Style = field(default_factory=Style)
    templates: list = field(default_factory=list)   # paths relative to TEMPLATES
    opts: dict = field(default_factory=dict)
    builder: Callable | None = None

    @property
    def key(self):
        return f"{self.toolchain}/{self.name}"

    def out_path(self, out: Path, src: Path) -> Path:
        return out / self.toolchain / f"{src.stem}--{self.name}.{self.fmt}"

    def deps(self, src: Path):
        return [src, *CODE_FILES, *[TEMPLATES / t for t in self.templates]]


LAYOUTS: dict[str, Layout] = {}


def layout(toolchain, name, fmt, kind, style=Style(), templates=(), **opts):
    def deco(fn):
        lay = Layout(toolchain, name, fmt, kind, style, list(templates), opts, fn)
        LAYOUTS[lay.key] = lay
        return fn
    return deco


def reg(toolchain, name, fmt, kind, builder, style=Style(), templates=(), **opts):
    lay = Layout(toolchain, name, fmt, kind, style, list(templates), opts, builder)
    LAYOUTS[lay.key] = lay


def fill(template: str, **kw) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for k, v in kw.items():
        text = text.replace(f"<<{k}>>", v)
    left = re.findall(r"<<[A-Z]+>>", text)
    return re.sub(r"<<[A-Z]+>>", "", text) if left else text


BABEL = {"en": "english", "pt": "brazil", "es": "spanish"}


def babel(lang: str) -> str:
    if lang == "es":
        return r"\usepackage[spanish,es-noshorthands,es-nolayout]{babel}"  # es-nolayout: moderncv \phone breaks otherwise
    return rf"\usepackage[{BABEL[lang]}]{{babel}}"


def fonts(engine: str, main: str | None = None, sans: str | None = None, pdf_pkg: str = r"\usepackage{lmodern}") -> str:
    if engine == "pdflatex":
        return "\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n" + pdf_pkg + "\n\\pdfgentounicode=1\\input{glyphtounicode}"
    s = "\\usepackage{fontspec}\n"
    if main:
        s += f"\\setmainfont{{{main}}}\n"
    if sans:
        s += f"\\setsansfont{{{sans}}}\n"
    return s


def itemize(items, e, opt="") -> str:
    if not items:
        return ""
    return f"\\begin{{itemize}}{opt}\n" + "\n".join(f"  \\item {tex(h, e)}" for h in items) + "\n\\end{itemize}\n"


# ---- moderncv ------------------------------------------------------------------

def b_moderncv(m, lay, engine):
    e = engine
    st = lay.opts["mstyle"]
    hdr = [rf"\name{{{tex(m['first'], e)}}}{{{tex(m['last'], e)}}}"]
    if m["label"]:
        hdr.append(rf"\title{{{tex(m['label'], e)}}}")
    if m["location"]:
        hdr.append(rf"\address{{{tex(m['city'], e)}}}{{{tex(m['region'], e)}}}{{{tex(m['country'], e)}}}")
    if m["phone"]:
        hdr.append(rf"\phone[mobile]{{{tex(re.sub(r'[()]', '', m['phone']), e)}}}")
    if m["email"]:
        hdr.append(rf"\email{{{tex(m['email'], e)}}}")
    if m["url"] and _SAFE_URL.match(m["url"]):
        hdr.append(rf"\homepage{{{m['url_display']}}}")
    for p in m["profiles"]:
        net = p["network"].lower()
        if net in ("linkedin", "github", "gitlab", "twitter") and p["username"] and _SAFE_URL.match(p["username"]):
            hdr.append(rf"\social[{net}]{{{p['username']}}}")
        elif p["url"]:
            hdr.append(rf"\extrainfo{{{tex_url(p['url'], engine=e)}}}")
    H = m["H"]
    body = []
    if m["summary"]:
        body.append(rf"\section{{{tex(H['summary'], e)}}}" + "\n" + rf"\cvitem{{}}{{{tex(m['summary'], e)}}}")
    if m["work"]:
        body.append(rf"\section{{{tex(H['experience'], e)}}}")
        for w in m["work"]:
            dates = tex(w["dates"], e)
            desc = tex(w["summary"], e)
            if w["duration"]:
                desc = r"{\small\itshape " + tex(w["duration"], e) + "}" + (r"\newline " + desc if desc else "")
            if w["highlights"]:
                desc += ("\n" if desc else "") + itemize(w["highlights"], e)
            body.append(rf"\cventry{{{dates}}}{{{tex(w['title'], e)}}}{{{tex(w['employer'], e)}}}"
                        rf"{{{tex(w['location'].rstrip('.'), e)}}}{{}}{{{desc}}}")
    if m["education"]:
        body.append(rf"\section{{{tex(H['education'], e)}}}")
        for ed in m["education"]:
            body.append(rf"\cventry{{{tex(ed['dates'], e)}}}{{{tex(ed['degree'], e)}}}{{{tex(ed['institution'], e)}}}"
                        rf"{{}}{{{tex(ed['score_line'], e)}}}{{}}")
    if m["skills"]:
        body.append(rf"\section{{{tex(H['skills'], e)}}}")
        if m["skills_grouped"]:
            for s in m["skills"]:
                body.append(rf"\cvitem{{{tex(s['name'], e)}}}{{{tex(', '.join(s['keywords']), e)}}}")
        else:
            body.append(rf"\cvitem{{}}{{{tex(', '.join(m['skills_flat']), e)}}}")
    if m["projects"]:
        body.append(rf"\section{{{tex(H['projects'], e)}}}")
        for p in m["projects"]:
            body.append(rf"\cventry{{{tex(p['dates'], e)}}}{{{tex(p['name'], e)}}}{{}}{{}}{{}}"
                        rf"{{{tex(p['description'], e)}{itemize(p['highlights'], e)}}}")
    if m["certificates"]:
        body.append(rf"\section{{{tex(H['certificates'], e)}}}")
        for c in m["certificates"]:
            body.append(rf"\cvitem{{{tex(c['date'], e)}}}{{{tex(c['name'], e)}"
                        + (rf", \textit{{{tex(c['issuer'], e)}}}" if c["issuer"] else "") + "}")
    if m["languages"]:
        body.append(rf"\section{{{tex(H['languages'], e)}}}")
        for l in m["languages"]:
            body.append(rf"\cvitemwithcomment{{{tex(l['language'], e)}}}{{{tex(l['fluency'], e)}}}{{}}")
    fnt = fonts(e, lay.opts.get("main"), lay.opts.get("sans"))
    if e == "pdflatex":
        fnt = "\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n" + lay.opts.get("pdffont", "\\usepackage{lmodern}")
    return fill("latex/moderncv.tex", STYLE=st, COLOR=lay.opts.get("color", "blue"), FONTS=fnt,
                BABEL=babel(m["lang"]), HINTWIDTH=lay.opts.get("hint", "3.4cm"), EXTRA=lay.opts.get("extra", ""),
                HEADER="\n".join(hdr), BODY="\n\n".join(body))


# ---- Jake's resume ---------------------------------------------------------------

def contact_bits(m, e, sep=r" $|$ "):
    bits = []
    if m["phone"]:
        bits.append(tex(m["phone"], e))
    if m["email"]:
        bits.append(tex_url("mailto:" + m["email"], m["email"], e) if _SAFE_URL.match(m["email"]) else tex(m["email"], e))
    if m["location"]:
        bits.append(tex(m["location"], e))
    for p in m["profiles"]:
        if p["url"]:
            bits.append(tex_url(p["url"], p["display"], e))
    if m["url"]:
        bits.append(tex_url(m["url"], m["url_display"], e))
    return sep.join(bits)


def b_jake(m, lay, engine):
    e, H = engine, m["H"]
    body = []
    if m["summary"]:
        body.append(rf"\section{{{tex(H['summary'], e)}}}" + "\n" + r"{\small " + tex(m["summary"], e) + "}\n")
    if m["work"]:
        body.append(rf"\section{{{tex(H['experience'], e)}}}" + "\n\\resumeSubHeadingListStart")
        for w in m["work"]:
            body.append(rf"\resumeSubheading{{{tex(w['title'], e)}}}{{{tex(w['dates'], e)}}}"
                        rf"{{{tex(w['employer'], e)}}}{{{tex(w['location'], e)}}}")
            items = ([w["summary"]] if w["summary"] else []) + w["highlights"]
            if items:
                body.append("\\resumeItemListStart\n" + "\n".join(rf"\resumeItem{{{tex(h, e)}}}" for h in items)
                            + "\n\\resumeItemListEnd")
        body.append("\\resumeSubHeadingListEnd")
    if m["education"]:
        body.append(rf"\section{{{tex(H['education'], e)}}}" + "\n\\resumeSubHeadingListStart")
        for ed in m["education"]:
            body.append(rf"\resumeSubheading{{{tex(ed['institution'], e)}}}{{{tex(ed['dates'], e)}}}"
                        rf"{{{tex(ed['degree'], e)}}}{{{tex(ed['score_line'], e)}}}")
        body.append("\\resumeSubHeadingListEnd")
    if m["projects"]:
        body.append(rf"\section{{{tex(H['projects'], e)}}}" + "\n\\resumeSubHeadingListStart")
        for p in m["projects"]:
            kw = tex(", ".join(p["keywords"]), e)
            body.append(r"\item\begin{tabular*}{0.97\textwidth}{l@{\extracolsep{\fill}}r}"
                        rf"\small\textbf{{{tex(p['name'], e)}}}" + (rf" $|$ \emph{{{kw}}}" if kw else "")
                        + rf" & {tex(p['dates'], e)} \\ \end{{tabular*}}\vspace{{-7pt}}")
            items = ([p["description"]] if p["description"] else []) + p["highlights"]
            if items:
                body.append("\\resumeItemListStart\n" + "\n".join(rf"\resumeItem{{{tex(h, e)}}}" for h in items)
                            + "\n\\resumeItemListEnd")
        body.append("\\resumeSubHeadingListEnd")
    extra = []
    if m["skills"]:
        if m["skills_grouped"]:
            extra.extend(rf"\textbf{{{tex(s['name'], e)}}}{{: {tex(', '.join(s['keywords']), e)}}} \\" for s in m["skills"])
        else:
            extra.append(tex(", ".join(m["skills_flat"]), e) + r" \\")
    if m["languages"]:
        langs = ", ".join(f"{l['language']} ({l['fluency']})" if l["fluency"] else l["language"] for l in m["languages"])
        extra.append(rf"\textbf{{{tex(H['languages'], e)}}}{{: {tex(langs, e)}}} \\")
    if extra:
        body.append(rf"\section{{{tex(H['skills'], e)}}}" + "\n"
                    + r"\begin{itemize}[leftmargin=0.15in, label={}]" + "\n" + r"\small{\item{" + "\n"
                    + "\n".join(extra) + "\n}}\n\\end{itemize}")
    if m["certificates"]:
        body.append(rf"\section{{{tex(H['certificates'], e)}}}" + "\n\\resumeSubHeadingListStart")
        for c in m["certificates"]:
            body.append(rf"\resumeSubheading{{{tex(c['name'], e)}}}{{{tex(c['date'], e)}}}{{{tex(c['issuer'], e)}}}{{}}")
        body.append("\\resumeSubHeadingListEnd")
    fnt = fonts(e, lay.opts.get("main"), lay.opts.get("sans"))
    return fill("latex/jake.tex", FONTS=fnt, BABEL=babel(m["lang"]), NAME=tex(m["name"], e),
                CONTACT=contact_bits(m, e), BODY="\n".join(body))


# ---- titlesec + small caps -------------------------------------------------------

def b_titlesec(m, lay, engine):
    e, H = engine, m["H"]
    body = []
    if m["summary"]:
        body.append(rf"\section*{{{tex(H['summary'], e)}}}" + "\n" + tex(m["summary"], e) + "\n")
    if m["work"]:
        body.append(rf"\section*{{{tex(H['experience'], e)}}}")
        for w in m["work"]:
            dates = tex(w["dates"], e) + (rf" \textperiodcentered\ {tex(w['duration'], e)}" if w["duration"] else "")
            rest = (tex(w["summary"], e) + "\n" if w["summary"] else "") + itemize(w["highlights"], e)
            body.append(rf"\job{{{tex(w['employer'], e)}}}{{{tex(w['location'], e)}}}{{{tex(w['title'], e)}}}"
                        rf"{{{dates}}}{{{rest}}}")
    if m["education"]:
        body.append(rf"\section*{{{tex(H['education'], e)}}}")
        for ed in m["education"]:
            body.append(rf"\job{{{tex(ed['institution'], e)}}}{{{tex(ed['score_line'], e)}}}{{{tex(ed['degree'], e)}}}"
                        rf"{{{tex(ed['dates'], e)}}}{{}}")
    if m["skills"]:
        body.append(rf"\section*{{{tex(H['skills'], e)}}}")
        if m["skills_grouped"]:
            body.append("\\begin{tabular}{@{}l@{\\hspace{1em}}p{0.72\\textwidth}@{}}\n" + "\n".join(
                rf"\textsc{{{tex(s['name'], e)}}} & {tex(', '.join(s['keywords']), e)} \\" for s in m["skills"])
                + "\n\\end{tabular}")
        else:
            body.append(tex(" · ".join(m["skills_flat"]), e))
    if m["projects"]:
        body.append(rf"\section*{{{tex(H['projects'], e)}}}")
        for p in m["projects"]:
            body.append(rf"\job{{{tex(p['name'], e)}}}{{{tex(p['dates'], e)}}}{{{tex(p['description'], e)}}}{{}}"
                        rf"{{{itemize(p['highlights'], e)}}}")
    if m["certificates"]:
        body.append(rf"\section*{{{tex(H['certificates'], e)}}}")
        body.append(itemize([", ".join(x for x in (c["name"], c["issuer"], c["date"]) if x) for c in m["certificates"]], e))
    if m["languages"]:
        body.append(rf"\section*{{{tex(H['languages'], e)}}}")
        body.append(tex(" · ".join(f"{l['language']}: {l['fluency']}" if l["fluency"] else l["language"]
                                   for l in m["languages"]), e))
    if e == "pdflatex":
        fnt = fonts(e, pdf_pkg=lay.opts.get("pdffont", r"\usepackage[sc]{mathpazo}"))
    else:
        fnt = fonts(e, lay.opts.get("main"), lay.opts.get("sans"))
    return fill("latex/titlesec.tex", FONTS=fnt, BABEL=babel(m["lang"]), NAME=tex(m["name"], e),
                LABEL=tex(m["label"], e), CONTACT=contact_bits(m, e, r" \textperiodcentered\ "),
                BODY="\n".join(body))


# ---- two-column sidebar (paracol) -------------------------------------------------

def b_sidebar(m, lay, engine):
    e, H = engine, m["H"]
    left = [rf"\subsection*{{{tex(H['contact'], e)}}}"]
    for x in (m["email"], m["phone"], m["location"]):
        if x:
            left.append(tex(x, e) + r"\\")
    for p in m["profiles"]:
        left.append(tex_url(p["url"], p["display"], e) + r"\\")
    if m["url"]:
        left.append(tex_url(m["url"], m["url_display"], e) + r"\\")
    if m["skills"]:
        left.append(rf"\subsection*{{{tex(H['skills'], e)}}}")
        if m["skills_grouped"]:
            for s in m["skills"]:
                left.append(rf"\textbf{{{tex(s['name'], e)}}}\\ {tex(', '.join(s['keywords']), e)}\par\smallskip")
        else:
            left.append(r"\\ ".join(tex(k, e) for k in m["skills_flat"]))
    if m["languages"]:
        left.append(rf"\subsection*{{{tex(H['languages'], e)}}}")
        for l in m["languages"]:
            left.append(tex(l["language"], e) + (rf" -- \textit{{{tex(l['fluency'], e)}}}" if l["fluency"] else "") + r"\\")
    if m["certificates"]:
        left.append(rf"\subsection*{{{tex(H['certificates'], e)}}}")
        for c in m["certificates"]:
            left.append(rf"\textbf{{{tex(c['name'], e)}}}\\ {tex(', '.join(x for x in (c['issuer'], c['date']) if x), e)}\par\smallskip")
    right = []
    if m["summary"]:
        right.append(rf"\section*{{{tex(H['summary'].upper(), e)}}}" + tex(m["summary"], e))
    if m["work"]:
        right.append(rf"\section*{{{tex(H['experience'].upper(), e)}}}")
        for w in m["work"]:
            right.append(rf"{{\bfseries {tex(w['title'], e)}}}\\ {{\color{{accent}}{tex(w['employer'], e)}}}"
                         + (rf", {tex(w['location'], e)}" if w["location"] else "")
                         + rf"\\ {{\footnotesize\itshape {tex(w['dates'], e)}"
                         + (rf" ({tex(w['duration'], e)})" if w["duration"] else "") + "}\\par")
            if w["summary"]:
                right.append(tex(w["summary"], e) + r"\par")
            right.append(itemize(w["highlights"], e) + r"\medskip")
    if m["education"]:
        right.append(rf"\section*{{{tex(H['education'].upper(), e)}}}")
        for ed in m["education"]:
            right.append(rf"{{\bfseries {tex(ed['degree'], e)}}}\\ {tex(ed['institution'], e)}"
                         rf"\\ {{\footnotesize\itshape {tex(ed['dates'], e)}}}"
                         + (rf"\\ {tex(ed['score_line'], e)}" if ed["score_line"] else "") + r"\par\medskip")
    if m["projects"]:
        right.append(rf"\section*{{{tex(H['projects'].upper(), e)}}}")
        for p in m["projects"]:
            right.append(rf"{{\bfseries {tex(p['name'], e)}}}" + (rf" \hfill{{\footnotesize {tex(p['dates'], e)}}}" if p["dates"] else "")
                         + rf"\\ {tex(p['description'], e)}\par" + itemize(p["highlights"], e))
    return fill("latex/sidebar.tex", FONTS=fonts(e, lay.opts.get("main"), lay.opts.get("sans")),
                BABEL=babel(m["lang"]), NAME=tex(m["name"], e), LABEL=tex(m["label"], e),
                LEFT="\n".join(left), RIGHT="\n".join(right))


# ---- europecv --------------------------------------------------------------------

ECV = {
    "en": dict(lang="english", dates="Dates", pos="Occupation or position held",
               act="Main activities and responsibilities", emp="Name and address of employer",
               qual="Title of qualification awarded", org="Name and type of organisation providing education and training",
               grade="Level in national or international classification", mother="Mother tongue(s)",
               other="Other language(s)"),
    "pt": dict(lang="portuguese", dates="Datas", pos="Função ou cargo ocupado",
               act="Principais atividades e responsabilidades", emp="Nome e endereço do empregador",
               qual="Designação da qualificação atribuída", org="Nome e tipo da organização de ensino ou formação",
               grade="Nível segundo a classificação nacional ou internacional", mother="Língua(s) materna(s)",
               other="Outra(s) língua(s)"),
    "es": dict(lang="spanish", dates="Fechas", pos="Profesión o cargo desempeñado",
               act="Funciones y responsabilidades principales", emp="Nombre y dirección de la empresa",
               qual="Título de la cualificación obtenida", org="Nombre y tipo del centro de estudios",
               grade="Nivel en la clasificación nacional o internacional", mother="Lengua(s) materna(s)",
               other="Otro(s) idioma(s)"),
}


def b_europecv(m, lay, engine):
    e, H, L = engine, m["H"], ECV[m["lang"]]
    hdr = []
    if m["location"]:
        hdr.append(rf"\ecvaddress{{{tex(m['location_full'], e)}}}")
    if m["phone"]:
        hdr.append(rf"\ecvtelephone[{tex(m['phone'], e)}]{{}}")
    if m["email"]:
        hdr.append(rf"\ecvemail{{{tex(m['email'], e)}}}")
    links = [p["url"] for p in m["profiles"] if p["url"]] + ([m["url"]] if m["url"] else [])
    if links:
        hdr.append(r"\ecvhomepage{" + r"\newline ".join(tex(u, e) for u in links) + "}")
    body = []
    if m["label"] or m["summary"]:
        body.append(rf"\ecvsection{{{tex(H['summary'], e)}}}")
        if m["label"]:
            body.append(rf"\ecvitem{{}}{{\textbf{{{tex(m['label'], e)}}}}}")
        if m["summary"]:
            body.append(rf"\ecvitem{{}}{{{tex(m['summary'], e)}}}")
    if m["work"]:
        body.append(rf"\ecvsection{{{tex(H['experience'], e)}}}")
        for w in m["work"]:
            acts = tex(w["summary"], e) + "".join(r"\newline \textbullet\ " + tex(h, e) for h in w["highlights"])
            body += [rf"\ecvitem{{\large {L['dates']}}}{{\large {tex(w['dates'], e)}}}",
                     rf"\ecvitem{{{L['pos']}}}{{\textbf{{{tex(w['title'], e)}}}}}",
                     rf"\ecvitem{{{L['act']}}}{{{acts}}}",
                     rf"\ecvitem{{{L['emp']}}}{{{tex(w['employer'], e)}"
                     + (rf", {tex(w['location'], e)}" if w["location"] else "") + "}",
                     r"\ecvitem{}{}"]
    if m["education"]:
        body.append(rf"\ecvsection{{{tex(H['education'], e)}}}")
        for ed in m["education"]:
            body += [rf"\ecvitem{{\large {L['dates']}}}{{\large {tex(ed['dates'], e)}}}",
                     rf"\ecvitem{{{L['qual']}}}{{\textbf{{{tex(ed['degree'], e)}}}}}",
                     rf"\ecvitem{{{L['org']}}}{{{tex(ed['institution'], e)}}}"]
            if ed["score"]:
                body.append(rf"\ecvitem{{{L['grade']}}}{{{tex(ed['score_line'], e)}}}")
            body.append(r"\ecvitem{}{}")
    if m["languages"]:
        body.append(rf"\ecvsection{{{tex(H['languages'], e)}}}")
        natives = [l for l in m["languages"] if re.match(r"(?i)(native|nativ|materna|bilingual)", l["fluency"])]
        others = [l for l in m["languages"] if l not in natives]
        if natives:
            body.append(rf"\ecvitem{{{L['mother']}}}{{{tex(', '.join(l['language'] for l in natives), e)}}}")
        if others:
            body.append(rf"\ecvitem{{{L['other']}}}{{{tex(', '.join(l['language'] + ' (' + l['fluency'] + ')' if l['fluency'] else l['language'] for l in others), e)}}}")
    if m["skills"]:
        body.append(rf"\ecvsection{{{tex(H['skills'], e)}}}")
        if m["skills_grouped"]:
            for s in m["skills"]:
                body.append(rf"\ecvitem{{{tex(s['name'], e)}}}{{{tex(', '.join(s['keywords']), e)}}}")
        else:
            body.append(rf"\ecvitem{{}}{{{tex(', '.join(m['skills_flat']), e)}}}")
    if m["certificates"]:
        body.append(rf"\ecvsection{{{tex(H['certificates'], e)}}}")
        for c in m["certificates"]:
            body.append(rf"\ecvitem{{{tex(c['date'], e)}}}{{{tex(c['name'], e)}"
                        + (rf", {tex(c['issuer'], e)}" if c["issuer"] else "") + "}")
    if m["projects"]:
        body.append(rf"\ecvsection{{{tex(H['projects'], e)}}}")
        for p in m["projects"]:
            body.append(rf"\ecvitem{{{tex(p['dates'], e)}}}{{\textbf{{{tex(p['name'], e)}}}\newline {tex(p['description'], e)}}}")
    name = f"{m['last']}, {m['first']}" if m["last"] else m["name"]
    return fill("latex/europecv.tex", ECVLANG=L["lang"], ECVOPTS=lay.opts.get("ecvopts", "helvetica"),
                FONTS=fonts(e, pdf_pkg=""), BABEL=babel(m["lang"]),
                ECVNAME=tex(name, e), HEADER="\n".join(hdr), BODY="\n".join(body))


# ---- res.cls ---------------------------------------------------------------------

def b_res(m, lay, engine):
    e, H = engine, m["H"]
    addr = [tex(x, e) for x in (m["location"], m["phone"], m["email"]) if x]
    addr2 = [tex(p["display"], e) for p in m["profiles"]] + ([tex(m["url_display"], e)] if m["url"] else [])
    body = []
    if m["summary"]:
        body.append(rf"\section{{{tex(H['summary'].upper(), e)}}}" + tex(m["summary"], e))
    if m["work"]:
        body.append(rf"\section{{{tex(H['experience'].upper(), e)}}}")
        for w in m["work"]:
            entry = (rf"{{\bf {tex(w['title'], e)}}} \hfill {tex(w['dates'], e)}\\" + "\n"
                     + tex(w["employer"], e) + (rf", {tex(w['location'], e)}" if w["location"] else ""))
            if w["summary"]:
                entry += r"\\ {\it " + tex(w["summary"], e) + "}"
            if w["highlights"]:
                entry += ("\n\\begin{itemize} \\itemsep -2pt" + "".join("\n\\item " + tex(h, e) for h in w["highlights"])
                          + "\n\\end{itemize}")
            body.append(entry)
    if m["education"]:
        body.append(rf"\section{{{tex(H['education'].upper(), e)}}}")
        for ed in m["education"]:
            body.append(rf"{{\sl {tex(ed['degree'], e)}}}, {tex(ed['institution'], e)} \hfill {tex(ed['dates'], e)}"
                        + (rf"\\ {tex(ed['score_line'], e)}" if ed["score_line"] else "") + r"\\[4pt]")
    if m["skills"]:
        body.append(rf"\section{{{tex(H['skills'].upper(), e)}}}")
        if m["skills_grouped"]:
            body.append(r"\\ ".join(rf"{{\bf {tex(s['name'], e)}:}} {tex(', '.join(s['keywords']), e)}" for s in m["skills"]))
        else:
            body.append(tex(", ".join(m["skills_flat"]), e))
    if m["projects"]:
        body.append(rf"\section{{{tex(H['projects'].upper(), e)}}}")
        body.append(r"\\[3pt] ".join(rf"{{\bf {tex(p['name'], e)}}} \hfill {tex(p['dates'], e)}\\ {tex(p['description'], e)}"
                                     for p in m["projects"]))
    if m["certificates"]:
        body.append(rf"\section{{{tex(H['certificates'].upper(), e)}}}")
        body.append(r"\\ ".join(tex(", ".join(x for x in (c["name"], c["issuer"], c["date"]) if x), e) for c in m["certificates"]))
    if m["languages"]:
        body.append(rf"\section{{{tex(H['languages'].upper(), e)}}}")
        body.append(tex(", ".join(f"{l['language']} ({l['fluency']})" if l["fluency"] else l["language"] for l in m["languages"]), e))
    return fill("latex/res.tex", FONTS=fonts(e, pdf_pkg=r"\usepackage{times}"), BABEL=babel(m["lang"]),
                NAME=tex(m["name"], e), ADDRA=r"\\ ".join(addr), ADDRB=r"\\ ".join(addr2),
                BODY="\n\n".join(body))


LATEX_BUILDERS = {"moderncv": b_moderncv, "jake": b_jake, "titlesec": b_titlesec, "sidebar": b_sidebar,
                  "europecv": b_europecv, "res": b_res}


def do_latex(m, lay, out: Path, tmp: Path):
    engine = lay.opts["engine"]
    src = LATEX_BUILDERS[lay.opts["latex"]](m, lay, engine)
    texf = tmp / "main.tex"
    texf.write_text(src, encoding="utf-8")
    for extra in lay.opts.get("copy", []):
        shutil.copy(TEMPLATES / extra, tmp / Path(extra).name)
    cmd = [engine, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex"]
    for _ in range(3):
        try:
            run(cmd, cwd=tmp, timeout=240)
        except RenderError as ex:
            log = (tmp / "main.log").read_text("utf-8", "replace") if (tmp / "main.log").exists() else str(ex)
            errs = [l for l in log.splitlines() if l.startswith("!")]
            i = log.find("\n!")
            raise RenderError(f"{engine}: {' | '.join(errs[:3])} :: {log[i:i + 600] if i >= 0 else log[-600:]}")
        log = (tmp / "main.log").read_text("utf-8", "replace")
        if not re.search(r"Rerun to get|Label\(s\) may have changed|undefined references", log):
            break
    shutil.copy(tmp / "main.pdf", out)


# ---- typst -----------------------------------------------------------------------

def do_typst(m, lay, out: Path, tmp: Path):
    import typst  # PyPI typst
    (tmp / "data.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    shutil.copy(TEMPLATES / lay.templates[0], tmp / "main.typ")
    typst.compile(str(tmp / "main.typ"), output=str(out), root=str(tmp))


# ---- rendercv --------------------------------------------------------------------

RCV_LOCALE = {
    # RenderCV's own locales (month names/abbreviations, "present", year/month words);
    # "present" overridden with the Brazilian / Mexican word most CVs use.
    "en": None,
    "pt": {"language": "portuguese", "present": "atual"},
    "es": {"language": "spanish", "present": "actualidad"},
}
RCV_PT_ABBR_DOT = ["jan.", "fev.", "mar.", "abr.", "maio", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."]
RCV_ES_ABBR_DOT = ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."]
# per-theme variation of RenderCV's date templates (theme defaults otherwise)
RCV_DESIGN = {
    "classic": {"templates": {"single_date": "MONTH_ABBREVIATION YEAR"}, "time_spans": True, "abbr_dot": True},
    "sb2nov": {"templates": {"single_date": "MONTH_NAME YEAR"}},
    "moderncv": {"templates": {"single_date": "MONTH_IN_TWO_DIGITS/YEAR"}},
    "engineeringresumes": {"templates": {"date_range": "START_DATE - END_DATE"}},
    "engineeringclassic": {"templates": {"single_date": "MONTH_NAME YEAR"}},
    "harvard": {},
    "ink": {"templates": {"date_range": "START_DATE — END_DATE"}, "time_spans": True},
    "ember": {"abbr_dot": True},
    "opal": {"templates": {"single_date": "MONTH_IN_TWO_DIGITS/YEAR"}},
}
RCV_PRESENT_ALT = {"pt": "o momento", "es": "la fecha"}


def _rcv_char(n: int, nxt: str) -> str:
    # a Typst call RenderCV passes through verbatim (it keeps "#name(...)" commands unescaped)
    return f"#str.from-unicode({n})" + ("#h(0pt, weak: true)" if nxt and nxt in ".([" else "")


def rcv_text(s: str) -> str:
    """Make free text literal for RenderCV, which reads fields as Markdown, keeps
    "#command(...)" and "$$math$$" as raw Typst and escapes the remaining Typst
    specials itself (#, $, @, %, _, ~, <, >, [, ], \\, ")."""
    if not s:
        return ""
    s = str(s)
    out = []
    for i, ch in enumerate(s):
        nxt = s[i + 1:i + 2]
        prev = s[i - 1:i] if i else ""
        if ch == "#" and nxt.isalpha():             # would be a Typst command
            out.append(_rcv_char(35, nxt))
        elif ch in "<>`":                            # raw HTML / Typst label / raw text
            out.append(_rcv_char(ord(ch), nxt))
        elif ch == "$" and "$" in (prev, nxt):       # $$math$$
            out.append(_rcv_char(36, nxt))
        elif ch in "\\*_[]":                         # Markdown specials
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def rcv_date(s):
    d = l10n.parse_date(s)
    if not d:
        return None
    return f"{d[0]}-{d[1]:02d}" if d[1] else str(d[0])


def rendercv_input(res: dict, m: dict, lay: Layout) -> dict:
    b = res.get("basics") or {}
    H = m["H"]
    cv: dict = {"name": m["name"]}
    if m["label"]:
        cv["headline"] = m["label"]
    if m["location"]:
        cv["location"] = m["location"]
    if m["email"]:
        cv["email"] = m["email"]
    if m["phone"]:
        ph = m["phone"].strip()
        if not ph.startswith("+"):   # RenderCV wants international numbers
            ph = {"en": "+1 ", "pt": "+55 ", "es": "+52 "}[m["lang"]] + ph
        cv["phone"] = ph   # validated by RenderCV; shown as a custom connection if rejected
    if m["url"]:
        cv["website"] = m["url"]
    nets = []
    for p in b.get("profiles") or []:
        net = (p.get("network") or "").strip()
        canon = {"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab", "twitter": "X",
                 "x": "X", "stackoverflow": "StackOverflow", "orcid": "ORCID"}.get(net.lower())
        if canon and p.get("username"):
            nets.append({"network": canon, "username": p["username"]})
    if nets:
        cv["social_networks"] = nets
    secs: dict = {}
    if m["summary"]:
        secs[H["summary"]] = [rcv_text(m["summary"])]
    exp = []
    for w in res.get("work") or []:
        e = {"company": rcv_text(w.get("name")), "position": rcv_text(w.get("position"))}
        if w.get("location"):
            e["location"] = rcv_text(w["location"])
        sd, ed = rcv_date(w.get("startDate")), rcv_date(w.get("endDate"))
        if sd:
            e["start_date"] = sd
            e["end_date"] = ed or "present"
        if w.get("summary"):
            e["summary"] = rcv_text(w["summary"])
        if w.get("highlights"):
            e["highlights"] = [rcv_text(h) for h in w["highlights"]]
        exp.append(e)
    if exp:
        secs[H["experience"]] = exp
    edu = []
    for ed_, me in zip(res.get("education") or [], m["education"]):
        e = {"institution": rcv_text(ed_.get("institution")), "area": rcv_text(ed_.get("area") or ed_.get("studyType") or "-")}
        if ed_.get("studyType"):
            e["degree"] = rcv_text(ed_["studyType"])
        sd, edd = rcv_date(ed_.get("startDate")), rcv_date(ed_.get("endDate"))
        if sd:
            e["start_date"] = sd
            e["end_date"] = edd or "present"
        if me["score_line"]:
            e["highlights"] = [rcv_text(me["score_line"])]
        edu.append(e)
    if edu:
        secs[H["education"]] = edu
    if m["skills"]:
        if m["skills_grouped"]:
            secs[H["skills"]] = [{"label": rcv_text(s["name"] or "-"), "details": rcv_text(", ".join(s["keywords"]))} for s in m["skills"]]
        else:
            secs[H["skills"]] = [rcv_text(", ".join(m["skills_flat"]))]
    projs = []
    for p in res.get("projects") or []:
        e = {"name": rcv_text(p.get("name"))}
        sd, edd = rcv_date(p.get("startDate")), rcv_date(p.get("endDate"))
        if sd:
            e["start_date"] = sd
            e["end_date"] = edd or "present"
        if p.get("description"):
            e["summary"] = rcv_text(p["description"])
        if p.get("highlights"):
            e["highlights"] = [rcv_text(h) for h in p["highlights"]]
        projs.append(e)
    if projs:
        secs[H["projects"]] = projs
    certs = []
    for c in res.get("certificates") or []:
        e = {"name": rcv_text(c.get("name"))}
        if rcv_date(c.get("date")):
            e["date"] = rcv_date(c.get("date"))
        if c.get("issuer"):
            e["summary"] = rcv_text(c["issuer"])
        certs.append(e)
    if certs:
        secs[H["certificates"]] = certs
    if m["languages"]:
        secs[H["languages"]] = [{"label": rcv_text(l["language"]), "details": rcv_text(l["fluency"] or "-")} for l in m["languages"]]
    cv["sections"] = secs
    theme = lay.opts["theme"]
    var = RCV_DESIGN.get(theme, {})
    design: dict = {"theme": theme}
    if var.get("templates"):
        design["templates"] = dict(var["templates"])
    if var.get("time_spans") and H["experience"] in secs:
        design["sections"] = {"show_time_spans_in": [H["experience"]]}
    if theme == "sb2nov" and m["lang"] != "en":   # its template hard-codes English "in"
        design.setdefault("templates", {})["education_entry"] = {
            "main_column": "**INSTITUTION**\n*DEGREE_WITH_AREA*\nSUMMARY\nHIGHLIGHTS"}
    if theme in ("classic", "harvard") and m["lang"] != "en":   # "Bacharelado" does not fit the degree column
        design.setdefault("templates", {})["education_entry"] = {
            "main_column": "**INSTITUTION**, DEGREE_WITH_AREA -- LOCATION\nSUMMARY\nHIGHLIGHTS", "degree_column": None}
    doc = {"cv": cv, "design": design}
    loc = RCV_LOCALE.get(m["lang"])
    if loc:
        loc = dict(loc)
        if var.get("abbr_dot"):
            loc["month_abbreviations"] = RCV_PT_ABBR_DOT if m["lang"] == "pt" else RCV_ES_ABBR_DOT
        if theme in ("moderncv", "opal"):
            loc["present"] = RCV_PRESENT_ALT[m["lang"]]
        doc["locale"] = loc
    return doc


def rendercv_batch(jobs: list, tmp: Path) -> list:
    """jobs: [(doc, pdf_path)] -> [error or None]; one RenderCV process for all of them.
    A phone number RenderCV rejects is retried as a plain custom connection."""
    py = RENDERCV_VENV / "bin/python"
    if not py.exists():
        return [f"rendercv venv missing at {RENDERCV_VENV} (run install-toolchains.sh)"] * len(jobs)
    results: list = [None] * len(jobs)
    pending = list(range(len(jobs)))
    for attempt in range(2):
        spec = []
        for i in pending:
            doc, pdf = jobs[i]
            d = tmp / f"job{i}"
            d.mkdir(exist_ok=True)
            (d / "cv.yaml").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
            spec.append({"input": str(d / "cv.yaml"), "pdf": str(pdf)})
        (tmp / "jobs.json").write_text(json.dumps(spec), encoding="utf-8")
        try:
            out = run([str(py), str(TEMPLATES / "rendercv/run_rendercv.py"), "batch", str(tmp / "jobs.json")],
                      cwd=tmp, timeout=120 + 60 * len(spec))
        except Exception as ex:  # noqa: BLE001
            out = str(ex)
        lines = [json.loads(l[7:]) for l in out.splitlines() if l.startswith("RESULT ")]
        retry = []
        for k, i in enumerate(pending):
            r = lines[k] if k < len(lines) else {"ok": False, "error": "rendercv crashed: " + out[-800:]}
            if r.get("ok"):
                results[i] = None
                continue
            doc = jobs[i][0]
            if attempt == 0 and "phone" in r.get("error", "").lower() and "phone" in doc["cv"]:
                ph = doc["cv"].pop("phone")   # phonenumbers calls it invalid: show it as text
                doc["cv"]["custom_connections"] = [{"placeholder": ph,
                                                     "fontawesome_icon": "phone", "url": None}]
                retry.append(i)
            results[i] = r.get("error") or "rendercv failed"
        pending = retry
        if not pending:
            break
    return results


def render_rendercv_group(keys: list, src: Path, out_dir: Path, force: bool) -> list:
    """All RenderCV themes of one source in one RenderCV process."""
    lang = l10n.lang_of(src.name)
    results, jobs, meta = [], [], []
    try:
        res = json.loads(src.read_text(encoding="utf-8"))
    except Exception as ex:  # noqa: BLE001
        return [("fail", {"toolchain": "rendercv", "layout": LAYOUTS[k].name, "source": str(src), "error": repr(ex)}) for k in keys]
    for k in keys:
        lay = LAYOUTS[k]
        out = lay.out_path(out_dir, src)
        rec = {"file": str(out), "format": lay.fmt, "toolchain": lay.toolchain, "layout": lay.name,
               "lang": lang, "source": str(src)}
        if not force and newer(out, lay.deps(src)):
            results.append(("skip", rec))
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        m = l10n.build_model(res, lang, lay.style)
        doc = rendercv_input(res, m, lay)
        jobs.append((doc, out.with_name(out.name + ".part.pdf")))
        meta.append((lay, out, rec))
    if jobs:
        t0 = time.time()
        with tempfile.TemporaryDirectory(prefix="nexushr-rendercv-") as td:
            errs = rendercv_batch(jobs, Path(td))
        per = round((time.time() - t0) / len(jobs), 2)
        for (doc, part), err, (lay, out, rec) in zip(jobs, errs, meta):
            if err is None and part.exists():
                os.replace(part, out)
                rec["seconds"] = per
                results.append(("ok", rec))
            else:
                part.unlink(missing_ok=True)
                results.append(("fail", {"toolchain": lay.toolchain, "layout": lay.name, "source": str(src),
                                         "error": err or "no PDF"}))
    return results


# ---- Markdown / text builders ----------------------------------------------------

def contact_list(m, with_urls=True):
    c = [x for x in (m["email"], m["phone"], m["location"]) if x]
    if with_urls:
        c += [p["url"] for p in m["profiles"] if p["url"]]
        if m["url"]:
            c.append(m["url"])
    return c


def md_github(m) -> str:
    H = m["H"]
    o = [f"# {gh(m['name'])}", ""]
    if m["label"]:
        o += [f"**{gh(m['label'])}**", ""]
    o += [" · ".join(gh(x) if "@" not in x and "://" not in x else x for x in contact_list(m)), ""]
    if m["summary"]:
        o += [f"## {H['summary']}", "", gh(m["summary"]), ""]
    if m["work"]:
        o += [f"## {H['experience']}", ""]
        for w in m["work"]:
            o += [f"### {gh(w['title'])} — {gh(w['employer'])}", "",
                  f"*{w['dates']}*" + (f" · {gh(w['location'])}" if w["location"] else ""), ""]
            if w["summary"]:
                o += [gh(w["summary"]), ""]
            o += [f"- {gh(h)}" for h in w["highlights"]] + ([""] if w["highlights"] else [])
    if m["education"]:
        o += [f"## {H['education']}", ""]
        for e in m["education"]:
            o += [f"### {gh(e['degree'])}", "", f"{gh(e['institution'])}  ", f"*{e['dates']}*"
                  + (f" · {gh(e['score_line'])}" if e["score_line"] else ""), ""]
    if m["skills"]:
        o += [f"## {H['skills']}", ""]
        if m["skills_grouped"]:
            o += [f"- **{gh(s['name'])}:** {gh(', '.join(s['keywords']))}" for s in m["skills"]] + [""]
        else:
            o += [", ".join(gh(k) for k in m["skills_flat"]), ""]
    if m["projects"]:
        o += [f"## {H['projects']}", ""]
        for p in m["projects"]:
            o += [f"### {gh(p['name'])}", ""] + ([f"*{p['dates']}*", ""] if p["dates"] else [])
            o += ([gh(p["description"]), ""] if p["description"] else []) + [f"- {gh(h)}" for h in p["highlights"]] + [""]
    if m["certificates"]:
        o += [f"## {H['certificates']}", ""]
        o += [f"- {gh(c['name'])}" + (f" — {gh(c['issuer'])}" if c["issuer"] else "") + (f" ({c['date']})" if c["date"] else "")
              for c in m["certificates"]] + [""]
    if m["languages"]:
        o += [f"## {H['languages']}", ""]
        o += [f"- {gh(l['language'])}" + (f": {gh(l['fluency'])}" if l["fluency"] else "") for l in m["languages"]] + [""]
    return "\n".join(o)


def tcell(s) -> str:
    return gh(s).replace("\n", " ")


TABLE_HEAD = {
    "en": dict(period="Period", role="Role", company="Company", loc="Location", degree="Degree", inst="Institution",
               cat="Category", skills="Skills", lang="Language", level="Level", cert="Certification", issuer="Issuer", date="Date"),
    "pt": dict(period="Período", role="Cargo", company="Empresa", loc="Local", degree="Curso", inst="Instituição",
               cat="Área", skills="Tecnologias", lang="Idioma", level="Nível", cert="Certificação", issuer="Emissor", date="Data"),
    "es": dict(period="Periodo", role="Puesto", company="Empresa", loc="Ubicación", degree="Título", inst="Institución",
               cat="Categoría", skills="Tecnologías", lang="Idioma", level="Nivel", cert="Certificación", issuer="Emisor", date="Fecha"),
}


def md_table(m) -> str:
    H, T = m["H"], TABLE_HEAD[m["lang"]]
    o = [f"# {gh(m['name'])}", ""]
    if m["label"]:
        o += [f"_{gh(m['label'])}_", ""]
    o += [f"| {H['contact']} | |", "|---|---|"]
    for k, v in (("Email", m["email"]), ({"en": "Phone", "pt": "Telefone", "es": "Teléfono"}[m["lang"]], m["phone"]), (T["loc"], m["location"])):
        if v:
            o.append(f"| {k} | {tcell(v)} |")
    for p in m["profiles"]:
        o.append(f"| {tcell(p['network'])} | {p['url']} |")
    if m["url"]:
        o.append(f"| Web | {m['url']} |")
    o.append("")
    if m["summary"]:
        o += [f"## {H['summary']}", "", gh(m["summary"]), ""]
    if m["work"]:
        o += [f"## {H['experience']}", "", f"| {T['period']} | {T['role']} | {T['company']} | {T['loc']} |", "|---|---|---|---|"]
        o += [f"| {tcell(w['dates'])} | {tcell(w['title'])} | {tcell(w['employer'])} | {tcell(w['location'])} |" for w in m["work"]]
        o.append("")
        for w in m["work"]:
            if w["highlights"] or w["summary"]:
                o += [f"**{gh(w['title'])} @ {gh(w['employer'])}**", ""]
                o += ([gh(w["summary"]), ""] if w["summary"] else [])
                o += [f"- {gh(h)}" for h in w["highlights"]] + [""]
    if m["education"]:
        o += [f"## {H['education']}", "", f"| {T['period']} | {T['degree']} | {T['inst']} |", "|---|---|---|"]
        o += [f"| {tcell(e['dates'])} | {tcell(e['degree'])}{' (' + tcell(e['score_line']) + ')' if e['score_line'] else ''} | {tcell(e['institution'])} |"
              for e in m["education"]] + [""]
    if m["skills"]:
        o += [f"## {H['skills']}", ""]
        if m["skills_grouped"]:
            o += [f"| {T['cat']} | {T['skills']} |", "|---|---|"] + [f"| {tcell(s['name'])} | {tcell(', '.join(s['keywords']))} |" for s in m["skills"]]
        else:
            o += [" ".join(f"`{k}`" for k in m["skills_flat"])]
        o.append("")
    if m["projects"]:
        o += [f"## {H['projects']}", "", f"| {T['period']} | {H['projects']} | |", "|---|---|---|"]
        o += [f"| {tcell(p['dates'])} | {tcell(p['name'])} | {tcell(p['description'])} |" for p in m["projects"]] + [""]
    if m["certificates"]:
        o += [f"## {H['certificates']}", "", f"| {T['cert']} | {T['issuer']} | {T['date']} |", "|---|---|---|"]
        o += [f"| {tcell(c['name'])} | {tcell(c['issuer'])} | {tcell(c['date'])} |" for c in m["certificates"]] + [""]
    if m["languages"]:
        o += [f"## {H['languages']}", "", f"| {T['lang']} | {T['level']} |", "|---|---|"]
        o += [f"| {tcell(l['language'])} | {tcell(l['fluency'])} |" for l in m["languages"]] + [""]
    return "\n".join(o)


def wrap(text, width=80, indent=""):
    import textwrap
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent + ("  " if indent else ""),
                         break_on_hyphens=False)


def txt_classic(m) -> str:
    W = 80
    H = m["H"]

    def head(t):
        t = t.upper()
        return ["", t, "-" * len(t)]

    def right(left, r):
        pad = W - len(left) - len(r)
        return left + " " * max(pad, 2) + r
    o = [m["name"].upper()]
    if m["label"]:
        o.append(m["label"])
    o += [" | ".join(x for x in (m["email"], m["phone"], m["location"]) if x)]
    o += [u for u in [p["url"] for p in m["profiles"]] + [m["url"]] if u]
    if m["summary"]:
        o += head(H["summary"]) + [wrap(m["summary"], W)]
    if m["work"]:
        o += head(H["experience"])
        for w in m["work"]:
            o.append(right(w["title"], w["dates"]))
            o.append(right(w["employer"] + (", " + w["location"] if w["location"] else ""), w["duration"] and f"({w['duration']})"))
            if w["summary"]:
                o.append(wrap(w["summary"], W, "  "))
            o += [wrap("* " + h, W, "  ") for h in w["highlights"]]
            o.append("")
    if m["education"]:
        o += head(H["education"])
        for e in m["education"]:
            o.append(right(e["degree"], e["dates"]))
            o.append(e["institution"] + (f" -- {e['score_line']}" if e["score_line"] else ""))
    if m["skills"]:
        o += head(H["skills"])
        if m["skills_grouped"]:
            o += [wrap(f"{s['name']}: {', '.join(s['keywords'])}", W) for s in m["skills"]]
        else:
            o.append(wrap(", ".join(m["skills_flat"]), W))
    if m["projects"]:
        o += head(H["projects"])
        for p in m["projects"]:
            o.append(right(p["name"], p["dates"]))
            if p["description"]:
                o.append(wrap(p["description"], W, "  "))
            o += [wrap("* " + h, W, "  ") for h in p["highlights"]]
    if m["certificates"]:
        o += head(H["certificates"])
        o += [right(c["name"] + (f", {c['issuer']}" if c["issuer"] else ""), c["date"]) for c in m["certificates"]]
    if m["languages"]:
        o += head(H["languages"])
        o += [f"{l['language']}: {l['fluency']}" if l["fluency"] else l["language"] for l in m["languages"]]
    return "\n".join(o).rstrip() + "\n"


def txt_compact(m) -> str:
    H = m["H"]
    o = [m["name"], " | ".join(contact_list(m)), ""]
    if m["label"]:
        o.insert(1, m["label"])
    if m["summary"]:
        o += [H["summary"] + ":", m["summary"], ""]
    if m["work"]:
        o.append(H["experience"] + ":")
        for w in m["work"]:
            o.append(" | ".join(x for x in (w["title"], w["employer"], w["location"]) if x))
            o.append(w["dates"] + (f" ({w['duration']})" if w["duration"] else ""))
            if w["summary"]:
                o.append(w["summary"])
            o += ["- " + h for h in w["highlights"]]
            o.append("")
    if m["education"]:
        o.append(H["education"] + ":")
        for e in m["education"]:
            o.append(" | ".join(x for x in (e["degree"], e["institution"], e["dates"], e["score_line"]) if x))
        o.append("")
    if m["skills"]:
        o.append(H["skills"] + ":")
        if m["skills_grouped"]:
            o += [s["line"] for s in m["skills"]]
        else:
            o.append(", ".join(m["skills_flat"]))
        o.append("")
    if m["projects"]:
        o.append(H["projects"] + ":")
        o += [" | ".join(x for x in (p["name"], p["dates"], p["description"]) if x) for p in m["projects"]]
        o.append("")
    if m["certificates"]:
        o.append(H["certificates"] + ":")
        o += [" | ".join(x for x in (c["name"], c["issuer"], c["date"]) if x) for c in m["certificates"]]
        o.append("")
    if m["languages"]:
        o.append(H["languages"] + ": " + ", ".join(f"{l['language']} ({l['fluency']})" if l["fluency"] else l["language"]
                                                  for l in m["languages"]))
    return "\n".join(o).rstrip() + "\n"


# ---- pandoc ------------------------------------------------------------------------

def md_pandoc(m, variant: str) -> str:
    """Markdown as people feed it to pandoc; variant docx / odt / html differ in structure."""
    H = m["H"]
    o = []
    if variant == "html":
        o += [f"# {md(m['name'])}", ""]
        if m["label"]:
            o += [f"**{md(m['label'])}**", ""]
        o += [" | ".join(f"<{x}>" if "://" in x else md(x) for x in contact_list(m)), ""]
    else:
        o += [f"# {md(m['name'])}", ""]
        if m["label"]:
            o += [md(m["label"]), ""]
        o += ["  \n".join(md(x) for x in contact_list(m)), ""]
    if m["summary"]:
        o += [f"## {H['summary']}", "", md(m["summary"]), ""]
    if m["work"]:
        o += [f"## {H['experience']}", ""]
        for w in m["work"]:
            loc = f", {md(w['location'])}" if w["location"] else ""
            dur = f" ({w['duration']})" if w["duration"] else ""
            if variant == "docx":
                o += [f"### {md(w['title'])}", "", f"**{md(w['employer'])}**{loc} \\", f"*{w['dates']}{dur}*", ""]
            elif variant == "odt":
                o += [f"### {md(w['employer'])}{loc}", "", f"**{md(w['title'])}** — {w['dates']}{dur}", ""]
            else:
                o += [f"### {md(w['title'])}, {md(w['employer'])}", "", f"[{w['dates']}{dur}{' · ' + md(w['location']) if w['location'] else ''}]{{.dates}}", ""]
            if w["summary"]:
                o += [md(w["summary"]), ""]
            o += [f"- {md(h)}" for h in w["highlights"]] + ([""] if w["highlights"] else [])
    if m["education"]:
        o += [f"## {H['education']}", ""]
        for e in m["education"]:
            sc = f" — {md(e['score_line'])}" if e["score_line"] else ""
            o += [f"**{md(e['degree'])}**, {md(e['institution'])} ({e['dates']}){sc}", ""]
    if m["skills"]:
        o += [f"## {H['skills']}", ""]
        if m["skills_grouped"]:
            if variant == "odt":
                o += [f"{md(s['name'])}\n:   {md(', '.join(s['keywords']))}\n" for s in m["skills"]]
            else:
                o += [f"- **{md(s['name'])}:** {md(', '.join(s['keywords']))}" for s in m["skills"]] + [""]
        else:
            o += [md(", ".join(m["skills_flat"])), ""]
    if m["projects"]:
        o += [f"## {H['projects']}", ""]
        for p in m["projects"]:
            o += [f"**{md(p['name'])}**" + (f" ({p['dates']})" if p["dates"] else "") + (f": {md(p['description'])}" if p["description"] else ""), ""]
            o += [f"- {md(h)}" for h in p["highlights"]] + ([""] if p["highlights"] else [])
    if m["certificates"]:
        o += [f"## {H['certificates']}", ""]
        o += [f"- {md(c['name'])}" + (f", {md(c['issuer'])}" if c["issuer"] else "") + (f" ({c['date']})" if c["date"] else "") for c in m["certificates"]] + [""]
    if m["languages"]:
        o += [f"## {H['languages']}", ""]
        o += [f"- {md(l['language'])}" + (f" — {md(l['fluency'])}" if l["fluency"] else "") for l in m["languages"]] + [""]
    return "\n".join(o)


def reference_docx(path: Path):
    """pandoc --reference-doc built with python-docx: navy sans headings, ruled H2, serif body."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    doc = Document()
    st = doc.styles
    navy = RGBColor(0x1F, 0x3A, 0x5F)
    st["Normal"].font.name = "Georgia"
    st["Normal"].font.size = Pt(10.5)
    for name, size, color, upper in (("Heading 1", 24, navy, False), ("Heading 2", 13, navy, True), ("Heading 3", 11.5, RGBColor(0x22, 0x22, 0x22), False)):
        s = st[name]
        s.font.name = "Arial"
        s.font.size = Pt(size)
        s.font.bold = True
        s.font.italic = False
        s.font.color.rgb = color
        s.font.all_caps = upper
        s.paragraph_format.space_before = Pt(10 if name != "Heading 3" else 6)
        s.paragraph_format.space_after = Pt(3)
        if name == "Heading 1":
            s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if name == "Heading 2":
            pPr = s.element.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            bot = OxmlElement("w:bottom")
            for k, v in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "1F3A5F")):
                bot.set(qn(k), v)
            bdr.append(bot)
            pPr.append(bdr)
    for extra in ("Body Text", "First Paragraph", "Compact"):
        if extra not in [s.name for s in st]:
            from docx.enum.style import WD_STYLE_TYPE
            s = st.add_style(extra, WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = st["Normal"]
            s.paragraph_format.space_after = Pt(2 if extra == "Compact" else 4)
    doc.save(path)


def do_pandoc(m, lay, out: Path, tmp: Path):
    variant = lay.opts["variant"]
    mdf = tmp / "resume.md"
    mdf.write_text(md_pandoc(m, variant), encoding="utf-8")
    cmd = ["pandoc", str(mdf), "-f", "markdown", "-o", str(tmp / f"out.{lay.fmt}"),
           "--metadata", f"lang={ {'en': 'en-US', 'pt': 'pt-BR', 'es': 'es-MX'}[m['lang']] }",
           "--metadata", f"pagetitle={m['name']}"]
    if variant == "docx":
        ref = tmp / "reference.docx"
        reference_docx(ref)
        cmd += ["--reference-doc", str(ref)]
    if variant == "html":
        cmd += ["--standalone", "-H", str(TEMPLATES / "pandoc/style.html")]
    run(cmd, cwd=tmp, timeout=120)
    shutil.copy(tmp / f"out.{lay.fmt}", out)


# ---- python-docx -------------------------------------------------------------------

def do_docx(m, lay, out: Path, tmp: Path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor
    v = lay.opts["variant"]
    H = m["H"]
    doc = Document()
    sec = doc.sections[0]
    if m["lang"] == "en":
        sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0 if v != "b" else 1.8)
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    width = sec.page_width - sec.left_margin - sec.right_margin
    font = {"a": "Calibri", "b": "Arial", "c": "Cambria"}[v]
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(10.5 if v != "b" else 10)
    normal.paragraph_format.space_after = Pt(2)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    accent = {"a": RGBColor(0x2E, 0x5C, 0x8A), "b": RGBColor(0x44, 0x44, 0x44), "c": RGBColor(0x7A, 0x1F, 0x1F)}[v]

    def heading(text):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(10)
        p.paragraph_format.space_after = Pt(3)
        r = p.add_run(text.upper() if v != "c" else text)
        r.bold = True
        r.font.size = Pt(12 if v != "c" else 13)
        r.font.color.rgb = accent
        if v in ("a", "c"):
            pPr = p._p.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            bot = OxmlElement("w:bottom")
            for k, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", str(accent))):
                bot.set(qn(k), val)
            bdr.append(bot)
            pPr.append(bdr)
        return p

    def bullets(items, doc_or_cell=None):
        tgt = doc_or_cell or doc
        for h in items:
            p = tgt.add_paragraph(h, style="List Bullet")
            p.paragraph_format.space_after = Pt(0)

    # header
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if v != "b" else WD_ALIGN_PARAGRAPH.LEFT
    r = p.add_run(m["name"])
    r.bold = True
    r.font.size = Pt(22 if v != "c" else 20)
    r.font.color.rgb = accent
    if m["label"]:
        p2 = doc.add_paragraph(m["label"])
        p2.alignment = p.alignment
    p3 = doc.add_paragraph(("  |  " if v != "c" else " · ").join(contact_list(m)))
    p3.alignment = p.alignment
    for run_ in p3.runs:
        run_.font.size = Pt(9)
    if m["summary"]:
        heading(H["summary"])
        doc.add_paragraph(m["summary"])

    if m["work"]:
        heading(H["experience"])
        if v == "b":
            t = doc.add_table(rows=0, cols=2)
            t.alignment = WD_TABLE_ALIGNMENT.LEFT
            t.autofit = False
        for w in m["work"]:
            if v == "a":
                p = doc.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
                p.paragraph_format.space_before = Pt(6)
                p.add_run(w["title"]).bold = True
                p.add_run("\t" + w["dates"])
                p = doc.add_paragraph()
                r = p.add_run(w["employer"] + (f", {w['location']}" if w["location"] else ""))
                r.italic = True
                if w["summary"]:
                    doc.add_paragraph(w["summary"])
                bullets(w["highlights"])
            elif v == "b":
                row = t.add_row().cells
                row[0].width, row[1].width = Cm(4.2), width - Cm(4.2)
                row[0].paragraphs[0].add_run(w["dates"]).bold = True
                if w["location"]:
                    row[0].add_paragraph(w["location"]).runs[0].font.size = Pt(9)
                rp = row[1].paragraphs[0]
                rp.add_run(w["title"]).bold = True
                row[1].add_paragraph().add_run(w["employer"]).italic = True
                if w["summary"]:
                    row[1].add_paragraph(w["summary"])
                bullets(w["highlights"], row[1])
                t.columns[0].width, t.columns[1].width = Cm(4.2), width - Cm(4.2)
            else:
                p = doc.add_paragraph()
                p.paragraph_format.space_before = Pt(7)
                r = p.add_run(f"{w['employer']}, {w['title']}")
                r.bold = True
                r.font.size = Pt(11.5)
                p = doc.add_paragraph()
                r = p.add_run(" | ".join(x for x in (w["location"], w["dates"]) if x) + (f" ({w['duration']})" if w["duration"] else ""))
                r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
                r.font.size = Pt(9.5)
                if w["summary"]:
                    doc.add_paragraph(w["summary"])
                bullets(w["highlights"])
    if m["education"]:
        heading(H["education"])
        for e in m["education"]:
            if v == "b":
                t = doc.add_table(rows=1, cols=2)
                c = t.rows[0].cells
                c[0].width, c[1].width = Cm(4.2), width - Cm(4.2)
                c[0].paragraphs[0].add_run(e["dates"]).bold = True
                c[1].paragraphs[0].add_run(e["degree"]).bold = True
                c[1].add_paragraph(e["institution"] + (f" — {e['score_line']}" if e["score_line"] else ""))
                t.columns[0].width, t.columns[1].width = Cm(4.2), width - Cm(4.2)
            elif v == "a":
                p = doc.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
                p.add_run(e["degree"]).bold = True
                p.add_run("\t" + e["dates"])
                doc.add_paragraph().add_run(e["institution"] + (f" — {e['score_line']}" if e["score_line"] else "")).italic = True
            else:
                p = doc.add_paragraph()
                p.add_run(f"{e['institution']}, {e['degree']}").bold = True
                doc.add_paragraph(" | ".join(x for x in (e["dates"], e["score_line"]) if x))
    if m["skills"]:
        heading(H["skills"])
        if m["skills_grouped"]:
            for s in m["skills"]:
                p = doc.add_paragraph()
                p.add_run(s["name"] + ": ").bold = True
                p.add_run(", ".join(s["keywords"]))
        else:
            doc.add_paragraph(", ".join(m["skills_flat"]))
    if m["projects"]:
        heading(H["projects"])
        for pj in m["projects"]:
            p = doc.add_paragraph()
            p.add_run(pj["name"]).bold = True
            if pj["dates"]:
                p.add_run(f" ({pj['dates']})")
            if pj["description"]:
                doc.add_paragraph(pj["description"])
            bullets(pj["highlights"])
    if m["certificates"]:
        heading(H["certificates"])
        for c in m["certificates"]:
            doc.add_paragraph(", ".join(x for x in (c["name"], c["issuer"], c["date"]) if x), style="List Bullet")
    if m["languages"]:
        heading(H["languages"])
        doc.add_paragraph(" · ".join(f"{l['language']} ({l['fluency']})" if l["fluency"] else l["language"] for l in m["languages"]))
    doc.core_properties.author = m["name"]
    doc.core_properties.title = m["name"]
    doc.save(out)


# --------------------------------------------------------------------------- registry

S = Style
# pdflatex
for st_name, style, color, extra in (
        ("classic", S(0, "abbr", 0, " – "), "blue", {}),
        ("casual", S(1, "full", 1, "word"), "orange", {}),
        ("banking", S(2, "num", 2, " - "), "black", {}),
        ("oldstyle", S(1, "abbr_dot", 3, " – ", skills="flat"), "green",
         {"pdffont": r"\usepackage{kpfonts}", "extra": r"\hyphenpenalty=10000 \exhyphenpenalty=10000"}),
        ("fancy", S(0, "iso", 0, " — ", duration=True), "grey",
         {"hint": "4cm", "extra": r"\hyphenpenalty=10000 \exhyphenpenalty=10000"})):
    reg("pdflatex", f"moderncv-{st_name}", "pdf", "latex", None, style, ["latex/moderncv.tex"],
        engine="pdflatex", latex="moderncv", mstyle=st_name, color=color, **extra)
reg("pdflatex", "europecv", "pdf", "latex", None, S(0, "full", 1, "word"), ["latex/europecv.tex"],
    engine="pdflatex", latex="europecv")
reg("pdflatex", "res", "pdf", "latex", None, S(2, "abbr", 2, " – "), ["latex/res.tex", "latex/res.cls"],
    engine="pdflatex", latex="res", copy=["latex/res.cls"])
reg("pdflatex", "jake", "pdf", "latex", None, S(0, "abbr_dot", 0, " – "), ["latex/jake.tex"],
    engine="pdflatex", latex="jake")
reg("pdflatex", "titlesec-smallcaps", "pdf", "latex", None, S(1, "full", 2, " – ", duration=True), ["latex/titlesec.tex"],
    engine="pdflatex", latex="titlesec")
# xelatex (system fonts through fontspec)
reg("xelatex", "xe-moderncv-casual", "pdf", "latex", None, S(2, "abbr", 3, " – "), ["latex/moderncv.tex"],
    engine="xelatex", latex="moderncv", mstyle="casual", color="burgundy", sans="Lato", main="Lato")
reg("xelatex", "xe-jake", "pdf", "latex", None, S(1, "num", 1, " – "), ["latex/jake.tex"],
    engine="xelatex", latex="jake", main="Liberation Serif")
reg("xelatex", "xe-titlesec", "pdf", "latex", None, S(0, "full_de", 0, " — ", duration=True), ["latex/titlesec.tex"],
    engine="xelatex", latex="titlesec", main="TeX Gyre Pagella")
reg("xelatex", "xe-sidebar", "pdf", "latex", None, S(2, "abbr_dot", 2, " – ", duration=True), ["latex/sidebar.tex"],
    engine="xelatex", latex="sidebar", main="Open Sans")
# typst
reg("typst", "typst-grid", "pdf", "typst", None, S(0, "abbr", 0, " – "), ["typst/grid.typ"])
reg("typst", "typst-sidebar", "pdf", "typst", None, S(1, "full", 1, " – ", duration=True), ["typst/sidebar.typ"])
reg("typst", "typst-compact", "pdf", "typst", None, S(2, "num", 2, " - ", skills="flat"), ["typst/compact.typ"])
# rendercv themes: filled in by rendercv_themes()
RCV_THEMES_FALLBACK = ["classic", "sb2nov", "moderncv", "engineeringresumes", "engineeringclassic"]
# pandoc
reg("pandoc", "pandoc-docx", "docx", "pandoc", None, S(1, "abbr", 0, " – ", duration=True), [], variant="docx")
reg("pandoc", "pandoc-odt", "odt", "pandoc", None, S(2, "full", 1, "word"), [], variant="odt")
reg("pandoc", "pandoc-html", "html", "pandoc", None, S(0, "iso", 2, " – "), ["pandoc/style.html"], variant="html")
# python-docx
reg("python-docx", "python-docx-a", "docx", "docx", None, S(0, "abbr", 1, " – "), [], variant="a")
reg("python-docx", "python-docx-b", "docx", "docx", None, S(1, "num", 0, " - ", skills="flat"), [], variant="b")
reg("python-docx", "python-docx-c", "docx", "docx", None, S(2, "full", 2, " – ", duration=True), [], variant="c")
# markdown / text
reg("markdown", "md-github", "md", "text", md_github, S(0, "abbr", 0, " – "))
reg("markdown", "md-table", "md", "text", md_table, S(1, "iso", 1, " – "))
reg("text", "txt-classic", "txt", "text", txt_classic, S(2, "abbr_dot", 3, " - ", duration=True))
reg("text", "txt-compact", "txt", "text", txt_compact, S(1, "num", 2, "word", skills="flat"))
# libreoffice: PDF prints of the DOCX / ODT layouts
for src_key in ("pandoc/pandoc-docx", "pandoc/pandoc-odt", "python-docx/python-docx-a",
                "python-docx/python-docx-b", "python-docx/python-docx-c"):
    reg("libreoffice", src_key.split("/")[1], "pdf", "libreoffice", None, Style(), [], source_layout=src_key)


RCV_STYLES = [S(0, "abbr", 0, " – "), S(1, "abbr", 1, " – "), S(2, "abbr", 0, " – "), S(0, "abbr", 1, " – ")]


def rendercv_themes() -> list[str]:
    """Themes the installed RenderCV ships (directories of rendercv/themes), else a fixed list."""
    py = RENDERCV_VENV / "bin/python"
    if py.exists():
        try:
            out = subprocess.run([str(py), "-c", RCV_THEME_PROBE], capture_output=True, text=True, timeout=60).stdout
            themes = [t for t in out.split() if re.match(r"^[a-z0-9_]+$", t)]
            if themes:
                return themes
        except Exception:
            pass
    return RCV_THEMES_FALLBACK


RCV_THEME_PROBE = r"""
import importlib, pkgutil, os, sys
names = []
try:
    from rendercv.schema.models.design.built_in_design import available_themes
    names = list(available_themes)
except Exception:
    try:
        from rendercv.themes import available_themes
        names = list(available_themes)
    except Exception:
        try:
            from rendercv.data.models.design import available_themes
            names = list(available_themes)
        except Exception:
            import rendercv
            root = os.path.dirname(rendercv.__file__)
            for dp, dn, fn in os.walk(root):
                if os.path.basename(dp) == 'themes':
                    names = [d for d in dn if not d.startswith('_')]
                    break
print(' '.join(sorted(set(names))))
"""


def register_rendercv():
    for i, theme in enumerate(rendercv_themes()):
        reg("rendercv", f"rendercv-{theme}", "pdf", "rendercv", None, RCV_STYLES[i % len(RCV_STYLES)],
            ["rendercv/run_rendercv.py"], theme=theme)


# --------------------------------------------------------------------------- execution

def newer(out: Path, deps) -> bool:
    if not out.exists():
        return False
    t = out.stat().st_mtime
    return all(t >= d.stat().st_mtime for d in deps if d.exists())


def render_one(key: str, src_str: str, out_dir_str: str, force: bool):
    """Worker: returns ("ok"|"skip", record) or ("fail", failure)."""
    lay = LAYOUTS[key]
    src, out_dir = Path(src_str), Path(out_dir_str)
    lang = l10n.lang_of(src.name)
    out = lay.out_path(out_dir, src)
    rec = {"file": str(out), "format": lay.fmt, "toolchain": lay.toolchain, "layout": lay.name,
           "lang": lang, "source": str(src)}
    if not force and newer(out, lay.deps(src)):
        return "skip", rec
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    try:
        res = json.loads(src.read_text(encoding="utf-8"))
        m = l10n.build_model(res, lang, lay.style)
        with tempfile.TemporaryDirectory(prefix="nexushr-render-") as td:
            tmp = Path(td)
            part = out.with_name(out.name + ".part")
            if lay.kind == "latex":
                do_latex(m, lay, part, tmp)
            elif lay.kind == "typst":
                do_typst(m, lay, part, tmp)
            elif lay.kind == "pandoc":
                do_pandoc(m, lay, part, tmp)
            elif lay.kind == "docx":
                do_docx(m, lay, part, tmp)
            elif lay.kind == "text":
                part.write_text(lay.builder(m), encoding="utf-8")
            else:
                raise RenderError(f"unknown kind {lay.kind}")
            if not part.exists() or part.stat().st_size == 0:
                raise RenderError("no output produced")
            os.replace(part, out)
    except Exception as ex:  # noqa: BLE001 - every failure is recorded, never fatal
        msg = f"{type(ex).__name__}: {ex}" if not isinstance(ex, RenderError) else str(ex)
        if not isinstance(ex, (RenderError, subprocess.TimeoutExpired)):
            msg += " :: " + traceback.format_exc(limit=3)[-600:]
        return "fail", {"toolchain": lay.toolchain, "layout": lay.name, "source": str(src), "error": msg[:3000]}
    rec["seconds"] = round(time.time() - t0, 2)
    return "ok", rec


def soffice_bin():
    for c in ("soffice", "libreoffice"):
        p = shutil.which(c)
        if p:
            return p
    for p in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"):
        if os.path.exists(p):
            return p
    return None


def libreoffice_stage(jobs_in: list, out_dir: Path, njobs: int, force: bool):
    """jobs_in: [(layout, src, input_file)] -> (records, failures, skipped). Batches files per soffice call."""
    recs, fails, todo = [], [], []
    lo_dir = out_dir / "libreoffice"
    lo_dir.mkdir(parents=True, exist_ok=True)
    for lay, src, inp in jobs_in:
        out = lo_dir / f"{src.stem}--{lay.name}.pdf"
        rec = {"file": str(out), "format": "pdf", "toolchain": "libreoffice", "layout": lay.name,
               "lang": l10n.lang_of(src.name), "source": str(src)}
        if not force and newer(out, [inp]):
            recs.append(("skip", rec))
        else:
            todo.append((lay, src, inp, out, rec))
    if not todo:
        return recs, fails
    exe = soffice_bin()
    if not exe:
        for lay, src, _, _, _ in todo:
            fails.append({"toolchain": "libreoffice", "layout": lay.name, "source": str(src), "error": "soffice not installed"})
        return recs, fails
    n = max(1, min(njobs, len(todo)))
    chunks = [todo[i::n] for i in range(n)]

    def convert(idx, chunk):
        prof = Path(tempfile.gettempdir()) / f"nexushr-lo-profile-{os.getpid()}-{idx}"
        stage = Path(tempfile.mkdtemp(prefix="nexushr-lo-"))
        results = []
        try:
            # LibreOffice names the PDF after the input file: stage copies named like the final output
            ins = []
            for lay, src, inp, out, rec in chunk:
                staged = stage / (out.stem + inp.suffix)
                shutil.copy(inp, staged)
                ins.append(staged)
            err = ""
            for i in range(0, len(ins), 40):
                part = ins[i:i + 40]
                try:
                    run([exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore", "--nolockcheck",
                         "--convert-to", "pdf", "--outdir", str(stage / "pdf"), *map(str, part)],
                        timeout=120 + 20 * len(part))
                except Exception as ex:  # noqa: BLE001
                    err = str(ex)[-800:]
            for (lay, src, inp, out, rec), staged in zip(chunk, ins):
                pdf = stage / "pdf" / (staged.stem + ".pdf")
                if pdf.exists() and pdf.stat().st_size > 0:
                    shutil.move(str(pdf), out)
                    results.append(("ok", rec))
                else:
                    results.append(("fail", {"toolchain": "libreoffice", "layout": lay.name, "source": str(src),
                                             "error": "soffice produced no PDF " + err}))
        finally:
            shutil.rmtree(stage, ignore_errors=True)
            shutil.rmtree(prof, ignore_errors=True)
        return results

    with cf.ThreadPoolExecutor(max_workers=n) as ex:
        for res in ex.map(lambda a: convert(*a), enumerate(chunks)):
            for status, r in res:
                (fails.append(r) if status == "fail" else recs.append((status, r)))
    return recs, fails


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    ap.add_argument("--toolchains", default="", help="comma list (default: all)")
    ap.add_argument("--layouts", default="", help="comma list of layout names (default: all)")
    ap.add_argument("--only", default="", help="comma list of source file-name prefixes, e.g. en-,pt-")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--force", action="store_true", help="re-render even when outputs are up to date")
    ap.add_argument("--list", action="store_true", help="list toolchains and layouts and exit")
    ap.add_argument("--src", default=str(SRC_DIR), help="directory of JSON Resume sources")
    a = ap.parse_args(argv)
    t_start = time.time()
    register_rendercv()
    if a.list:
        for k, lay in LAYOUTS.items():
            print(f"{lay.toolchain:12} {lay.name:28} {lay.fmt}")
        return 0
    out_dir = Path(a.out).expanduser().resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    tcs = {t.strip() for t in a.toolchains.split(",") if t.strip()}
    lnames = {t.strip() for t in a.layouts.split(",") if t.strip()}
    prefixes = [p.strip() for p in a.only.split(",") if p.strip()]
    known = {l.toolchain for l in LAYOUTS.values()}
    if tcs - known:
        ap.error(f"unknown toolchain(s) {sorted(tcs - known)}; known: {sorted(known)}")
    sources = sorted(Path(a.src).resolve().glob("*.json"))
    if prefixes:
        sources = [s for s in sources if any(s.name.startswith(p) for p in prefixes)]
    selected = [l for l in LAYOUTS.values() if (not tcs or l.toolchain in tcs) and (not lnames or l.name in lnames)]
    lo_layouts = [l for l in selected if l.kind == "libreoffice"]
    direct = [l for l in selected if l.kind != "libreoffice"]
    # LibreOffice prints DOCX/ODT layouts: make sure those are rendered too
    for l in lo_layouts:
        srcl = LAYOUTS[l.opts["source_layout"]]
        if srcl not in direct:
            direct.append(srcl)
    rcv_keys = [l.key for l in direct if l.kind == "rendercv"]
    tasks = [(l.key, str(s)) for s in sources for l in direct if l.kind != "rendercv"]
    # slow toolchains first so the pool stays busy
    order = {"latex": 1, "pandoc": 2, "typst": 3, "docx": 4, "text": 5}
    tasks.sort(key=lambda t: order.get(LAYOUTS[t[0]].kind, 9))
    if rcv_keys:   # one task per source: all RenderCV themes in one process
        tasks = [("rendercv*", str(s)) for s in sources] + tasks
    n_units = len(tasks) - (len(sources) if rcv_keys else 0) + len(sources) * len(rcv_keys)
    print(f"render_docs: {len(sources)} sources x {len(direct)} layouts (+{len(lo_layouts)} LibreOffice) = "
          f"{n_units + len(sources) * len(lo_layouts)} files -> {out_dir}", flush=True)
    records, failures = [], []
    counts = {}
    done = 0
    with cf.ProcessPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {}
        for k, s in tasks:
            if k == "rendercv*":
                futs[ex.submit(render_rendercv_group, rcv_keys, Path(s), out_dir, a.force)] = (k, s)
            else:
                futs[ex.submit(render_one, k, s, str(out_dir), a.force)] = (k, s)
        for f in cf.as_completed(futs):
            k, s = futs[f]
            try:
                res = f.result()
                res = res if isinstance(res, list) else [res]
            except Exception as e:  # noqa: BLE001
                keys = rcv_keys if k == "rendercv*" else [k]
                res = [("fail", {"toolchain": LAYOUTS[x].toolchain, "layout": LAYOUTS[x].name, "source": s,
                                 "error": repr(e)}) for x in keys]
            for status, r in res:
                done += 1
                counts[status] = counts.get(status, 0) + 1
                if status == "fail":
                    failures.append(r)
                    print(f"  FAIL {r['toolchain']}/{r['layout']} {Path(s).name}: {r['error'][:300]}", flush=True)
                else:
                    records.append(r)
                if done % 100 == 0:
                    print(f"  {done}/{n_units} {counts} {time.time() - t_start:.0f}s", flush=True)
    if lo_layouts:
        produced = {(r["toolchain"] + "/" + r["layout"], r["source"]): Path(r["file"]) for r in records}
        lo_jobs = []
        for l in lo_layouts:
            for s in sources:
                inp = produced.get((l.opts["source_layout"], str(s)))
                if inp is not None:
                    lo_jobs.append((l, s, inp))
                else:
                    failures.append({"toolchain": "libreoffice", "layout": l.name, "source": str(s),
                                     "error": f"input layout {l.opts['source_layout']} failed"})
        t_lo = time.time()
        lo_recs, lo_fails = libreoffice_stage(lo_jobs, out_dir, a.jobs, a.force)
        for status, r in lo_recs:
            counts[status] = counts.get(status, 0) + 1
            records.append(r)
        for r in lo_fails:
            counts["fail"] = counts.get("fail", 0) + 1
            print(f"  FAIL libreoffice/{r['layout']} {Path(r['source']).name}: {r['error'][:300]}", flush=True)
        failures.extend(lo_fails)
        print(f"  libreoffice: {len(lo_jobs)} files in {time.time() - t_lo:.0f}s", flush=True)
        lo_secs = time.time() - t_lo
    # keep only requested toolchains' outputs when the LibreOffice inputs were pulled in implicitly
    records.sort(key=lambda r: (r["toolchain"], r["layout"], r["source"]))
    failures.sort(key=lambda r: (r["toolchain"], r["layout"], r["source"]))
    secs = {}
    for r in records:
        secs[r["toolchain"]] = secs.get(r["toolchain"], 0.0) + r.pop("seconds", 0.0)
    # a partial run (--toolchains/--layouts/--only) keeps the other entries of the previous manifest
    done_keys = {(l.toolchain, l.name, str(s)) for l in direct + lo_layouts for s in sources}
    mf = out_dir / "manifest.json"
    if mf.exists():
        try:
            old = json.loads(mf.read_text(encoding="utf-8"))
        except ValueError:
            old = {}
        for r in old.get("files", []):
            if (r.get("toolchain"), r.get("layout"), r.get("source")) not in done_keys \
                    and Path(r.get("file", "")).exists() and Path(r.get("source", "")).exists():
                records.append(r)
        for r in old.get("failures", []):
            if (r.get("toolchain"), r.get("layout"), r.get("source")) not in done_keys and Path(r.get("source", "")).exists():
                failures.append(r)
        records.sort(key=lambda r: (r["toolchain"], r["layout"], r["source"]))
        failures.sort(key=lambda r: (r.get("toolchain", ""), r["layout"], r["source"]))
    manifest = {"generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "out": str(out_dir),
                "files": records, "failures": failures}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    # summary
    per = {}
    for r in records:
        per.setdefault((r["toolchain"], r["layout"]), [0, 0])[0] += 1
    for r in failures:
        per.setdefault((r["toolchain"], r["layout"]), [0, 0])[1] += 1
    print(f"{'toolchain':12} {'layout':28} {'files':>5} {'fail':>5}")
    tot = {}
    for (tc, ln), (n, f) in sorted(per.items()):
        print(f"{tc:12} {ln:28} {n:5} {f:5}")
        t = tot.setdefault(tc, [0, 0])
        t[0] += n
        t[1] += f
    print("per toolchain (files/attempted, worker seconds): "
          + ", ".join(f"{tc} {n}/{n + f} {secs.get(tc, 0):.0f}s" for tc, (n, f) in sorted(tot.items())))
    print(f"total: {len(records)} files ({counts.get('ok', 0)} rendered, {counts.get('skip', 0)} up to date), "
          f"{len(failures)} failures, {time.time() - t_start:.0f}s; manifest: {out_dir / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
