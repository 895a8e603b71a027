"""Localization + a layout-neutral resume model for render_docs.py.

Everything a layout prints (section headers, month names, open-range words,
durations, degree connectors) comes from here, so each layout only decides
*how* the strings are placed.  A layout picks its flavour through a `Style`:

    hv        heading-synonym variant (0, 1, 2: e.g. "Experiência Profissional" / "Experiência")
    date      full | full_de | abbr | abbr_dot | num | iso
    present   index into PRESENT[lang] ("Present"/"Current"/"Now", "atual"/"o momento"/"presente", ...)
    dash      literal separator (" – ", " - ", " — ") or "word" ("to" / "até" / "a")
    duration  add "2 yrs 3 mos" / "12 anos 10 meses" / "3 años 2 meses"
    skills    grouped ("Lenguajes: Python, Go") | flat
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

LANGS = ("en", "pt", "es")

HEADINGS = {
    "en": {
        "summary": ["Summary", "Profile", "Professional Summary"],
        "experience": ["Experience", "Work Experience", "Professional Experience"],
        "education": ["Education", "Education", "Education"],
        "skills": ["Skills", "Technical Skills", "Skills"],
        "languages": ["Languages", "Languages", "Languages"],
        "certificates": ["Certifications", "Certifications", "Certificates"],
        "projects": ["Projects", "Projects", "Selected Projects"],
        "contact": ["Contact", "Contact", "Contact Information"],
    },
    "pt": {
        "summary": ["Resumo", "Perfil", "Resumo Profissional"],
        "experience": ["Experiência Profissional", "Experiência", "Experiência Profissional"],
        "education": ["Formação Acadêmica", "Formação", "Formação Acadêmica"],
        "skills": ["Competências", "Habilidades", "Conhecimentos Técnicos"],
        "languages": ["Idiomas", "Idiomas", "Idiomas"],
        "certificates": ["Certificações", "Certificações", "Certificações"],
        "projects": ["Projetos", "Projetos", "Projetos"],
        "contact": ["Contato", "Contato", "Dados de Contato"],
    },
    "es": {
        "summary": ["Perfil", "Resumen", "Perfil Profesional"],
        "experience": ["Experiencia Profesional", "Experiencia Laboral", "Experiencia Profesional"],
        "education": ["Educación", "Formación Académica", "Educación"],
        "skills": ["Habilidades", "Competencias", "Conocimientos Técnicos"],
        "languages": ["Idiomas", "Idiomas", "Idiomas"],
        "certificates": ["Certificaciones", "Certificaciones", "Certificaciones"],
        "projects": ["Proyectos", "Proyectos", "Proyectos"],
        "contact": ["Contacto", "Contacto", "Datos de Contacto"],
    },
}

MONTHS_FULL = {
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
           "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
           "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
}
# "Mar 2021", "Set 2013", "Dez 2018", "Ene 2020"
MONTHS_ABBR = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "pt": ["Jan", "Fev", "Mar", "Abr", "Mai", "Jun", "Jul", "Ago", "Set", "Out", "Nov", "Dez"],
    "es": ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"],
}
# "Sept. 2019" (AP style), "mar. 2021", "sept. 2019", "ene. 2020", "dic. 2018"
MONTHS_ABBR_DOT = {
    "en": ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
    "pt": ["jan.", "fev.", "mar.", "abr.", "maio", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
    "es": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
}

PRESENT = {
    "en": ["Present", "Current", "Now", "present"],
    "pt": ["atual", "o momento", "presente", "Atual"],
    "es": ["actualidad", "presente", "hoy", "la fecha"],
}
RANGE_WORD = {"en": "to", "pt": "até", "es": "a"}

DEGREE_CONNECTOR = {"en": "in", "pt": "em", "es": "en"}
SCORE_LABEL = {"en": ["GPA", "GPA", "Grade"], "pt": ["Média", "CR", "Nota final"],
               "es": ["Promedio", "Promedio general", "Calificación"]}
ISSUED = {"en": "Issued", "pt": "Emitido em", "es": "Expedido"}
MOTHER_TONGUE = {"en": "Native", "pt": "Nativo", "es": "Nativo"}


def dur_words(lang: str, years: int, months: int) -> str:
    parts = []
    if lang == "en":
        if years:
            parts.append(f"{years} yr" + ("s" if years != 1 else ""))
        if months or not years:
            parts.append(f"{months} mo" + ("s" if months != 1 else ""))
    elif lang == "pt":
        if years:
            parts.append(f"{years} ano" + ("s" if years != 1 else ""))
        if months or not years:
            parts.append(f"{months} " + ("mês" if months == 1 else "meses"))
    else:
        if years:
            parts.append(f"{years} año" + ("s" if years != 1 else ""))
        if months or not years:
            parts.append(f"{months} mes" + ("es" if months != 1 else ""))
    return " ".join(parts)


@dataclass(frozen=True)
class Style:
    hv: int = 0
    date: str = "abbr"
    present: int = 0
    dash: str = " – "
    duration: bool = False
    skills: str = "grouped"


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?")


def parse_date(s):
    if not s:
        return None
    m = _DATE_RE.match(str(s).strip())
    if not m:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)


def fmt_date(ym, lang: str, style: str) -> str:
    if ym is None:
        return ""
    y, mo = ym
    if mo is None or not 1 <= mo <= 12:
        return str(y)
    i = mo - 1
    if style == "full":
        if lang == "pt":
            return f"{MONTHS_FULL[lang][i]} de {y}"
        return f"{MONTHS_FULL[lang][i]} {y}"
    if style == "full_de":  # "Março de 2021" / "marzo de 2021" / "March 2021"
        if lang == "pt":
            return f"{MONTHS_FULL[lang][i].capitalize()} de {y}"
        if lang == "es":
            return f"{MONTHS_FULL[lang][i]} de {y}"
        return f"{MONTHS_FULL[lang][i]} {y}"
    if style == "abbr":
        return f"{MONTHS_ABBR[lang][i]} {y}"
    if style == "abbr_dot":
        return f"{MONTHS_ABBR_DOT[lang][i]} {y}"
    if style == "num":
        return f"{mo:02d}/{y}"
    if style == "iso":
        return f"{y}-{mo:02d}"
    raise ValueError(style)


def present_word(lang: str, st: Style) -> str:
    return PRESENT[lang][st.present % len(PRESENT[lang])]


def fmt_range(start, end, lang: str, st: Style) -> str:
    s = fmt_date(parse_date(start), lang, st.date)
    e = fmt_date(parse_date(end), lang, st.date) if end else present_word(lang, st)
    if not s:
        return e if end else ""
    if s == e:
        return s
    if st.dash == "word":
        word = RANGE_WORD[lang]
        if lang == "es" and not end and e == "hoy":
            word = "hasta"
        return f"{s} {word} {e}"
    return f"{s}{st.dash}{e}"


def duration(start, end, lang: str, today: _dt.date | None = None) -> str:
    s = parse_date(start)
    if not s:
        return ""
    if end:
        e = parse_date(end)
        if not e:
            return ""
    else:
        t = today or _dt.date.today()
        e = (t.year, t.month)
    sm = s[1] or 1
    em = e[1] or 12
    total = (e[0] * 12 + em) - (s[0] * 12 + sm) + 1
    if total <= 0:
        return ""
    return dur_words(lang, total // 12, total % 12)


def lang_of(path_name: str) -> str:
    p = path_name.split("-", 1)[0]
    return p if p in LANGS else "en"


def _join(*parts, sep=", "):
    return sep.join(p for p in parts if p)


def build_model(res: dict, lang: str, st: Style, today: _dt.date | None = None) -> dict:
    """Flatten a JSON Resume into localized display strings for one layout."""
    b = res.get("basics") or {}
    loc = b.get("location") or {}
    H = {k: v[st.hv % len(v)] for k, v in HEADINGS[lang].items()}
    name = (b.get("name") or "").strip()
    parts = name.split()
    # family name(s): the last word; Spanish names carry two surnames ("Hernández López")
    # unless a compound given name takes the first two words ("María Fernanda García")
    compound = len(parts) == 3 and parts[0] in ("María", "José", "Juan", "Ana", "Luis")
    nlast = 2 if lang == "es" and len(parts) >= 3 and not compound else 1
    first, last = (" ".join(parts[:-nlast]), " ".join(parts[-nlast:])) if len(parts) > 1 else (name, "")
    profiles = []
    for p in b.get("profiles") or []:
        url = p.get("url") or ""
        profiles.append({"network": p.get("network") or "", "username": p.get("username") or "",
                         "url": url, "display": re.sub(r"^https?://(www\.)?", "", url)})
    city = loc.get("city") or ""
    region = loc.get("region") or ""
    country = loc.get("countryCode") or ""
    work = []
    for w in res.get("work") or []:
        start, end = w.get("startDate"), w.get("endDate")
        work.append({
            "title": w.get("position") or "",
            "employer": w.get("name") or "",
            "location": w.get("location") or "",
            "url": w.get("url") or "",
            "description": w.get("description") or "",
            "summary": w.get("summary") or "",
            "highlights": [h for h in (w.get("highlights") or []) if h],
            "start": fmt_date(parse_date(start), lang, st.date),
            "end": fmt_date(parse_date(end), lang, st.date) if end else present_word(lang, st),
            "current": not end,
            "dates": fmt_range(start, end, lang, st),
            "duration": duration(start, end, lang, today) if st.duration else "",
            "start_raw": start or "", "end_raw": end or "",
        })
    edu = []
    sl = SCORE_LABEL[lang][st.hv % 3]
    for e in res.get("education") or []:
        stype, area = e.get("studyType") or "", e.get("area") or ""
        degree = f"{stype} {DEGREE_CONNECTOR[lang]} {area}" if stype and area else (stype or area)
        score = e.get("score") or ""
        edu.append({
            "institution": e.get("institution") or "",
            "study_type": stype, "area": area, "degree": degree,
            "score": score,
            # "GPA 3.6/4.0" already names itself; a bare "3.6" gets the layout's label
            "score_line": (score if re.search(r"[^\W\d_]{2,}", score) else f"{sl}: {score}") if score else "",
            "courses": e.get("courses") or [],
            "dates": fmt_range(e.get("startDate"), e.get("endDate"), lang, st),
            "start": fmt_date(parse_date(e.get("startDate")), lang, st.date),
            "end": fmt_date(parse_date(e.get("endDate")), lang, st.date),
            "start_raw": e.get("startDate") or "", "end_raw": e.get("endDate") or "",
        })
    skills = []
    flat = []
    for s in res.get("skills") or []:
        kws = [k for k in (s.get("keywords") or []) if k]
        nm = s.get("name") or ""
        skills.append({"name": nm, "level": s.get("level") or "", "keywords": kws,
                       "line": f"{nm}: {', '.join(kws)}" if nm and kws else (nm or ", ".join(kws))})
        flat.extend(kws if kws else ([nm] if nm else []))
    seen = set()
    flat = [k for k in flat if not (k.lower() in seen or seen.add(k.lower()))]
    langs = [{"language": l.get("language") or "", "fluency": l.get("fluency") or ""}
             for l in res.get("languages") or [] if l.get("language")]
    certs = []
    for c in res.get("certificates") or []:
        certs.append({"name": c.get("name") or "", "issuer": c.get("issuer") or "",
                      "date": fmt_date(parse_date(c.get("date")), lang, st.date),
                      "url": c.get("url") or ""})
    projects = []
    for p in res.get("projects") or []:
        projects.append({
            "name": p.get("name") or "", "description": p.get("description") or "",
            "highlights": [h for h in (p.get("highlights") or []) if h],
            "keywords": p.get("keywords") or [], "url": p.get("url") or "",
            "dates": fmt_range(p.get("startDate"), p.get("endDate"), lang, st) if p.get("startDate") else "",
        })
    return {
        "lang": lang, "name": name, "first": first, "last": last,
        "label": b.get("label") or "", "email": b.get("email") or "", "phone": b.get("phone") or "",
        "url": b.get("url") or "", "url_display": re.sub(r"^https?://(www\.)?", "", b.get("url") or ""),
        "city": city, "region": region, "country": country,
        "location": _join(city, region), "location_full": _join(city, region, country),
        "profiles": profiles, "summary": b.get("summary") or "",
        "H": H, "work": work, "education": edu, "skills": skills, "skills_flat": flat,
        "skills_grouped": st.skills == "grouped", "languages": langs,
        "certificates": certs, "projects": projects,
    }
