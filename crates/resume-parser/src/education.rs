//! Education, languages and certifications, in English, Portuguese and Spanish.

use serde::Serialize;

use crate::contact::Scored;
use crate::dates::{Period, parse_period};
use crate::sections::{JOINING, fold, strip_bullet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DegreeLevel {
    Secondary,
    Vocational,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EducationEntry {
    pub institution: Option<Scored>,
    pub degree: Option<Scored>,
    pub level: Option<DegreeLevel>,
    pub field: Option<Scored>,
    pub period: Option<Period>,
    pub confidence: f32,
}

/// Degree words by level; checked on folded text (lower case, no accents), longest first.
const DEGREES: &[(DegreeLevel, &[&str])] = &[
    (
        DegreeLevel::Doctorate,
        &[
            "phd",
            "ph d",
            "doctorate",
            "doctor of",
            "doutorado",
            "doctorado",
            "doctor en",
            "doctora en",
            "doutor em",
            "doutora em",
        ],
    ),
    (
        DegreeLevel::Master,
        &[
            "master",
            "maestro en",
            "maestra en",
            "mtro en",
            "mtra en",
            "meng",
            "m eng",
            "mtech",
            "m tech",
            "mcs",
            "msc",
            "m sc",
            "mba",
            "mestrado",
            "maestria",
            "pos graduacao",
            "especializacao",
            "especialidad",
            "posgrado",
            "mestre",
            "ms",
            "m s",
            "ma in",
            "masters",
            "especializacion",
            "diplomado",
        ],
    ),
    (
        DegreeLevel::Bachelor,
        &[
            "bachelor",
            "bsc",
            "b sc",
            "b s",
            "ba in",
            "bs in",
            "bacharelado",
            "licenciatura",
            "graduacao",
            "ingenieria",
            "engenharia",
            "ingeniero",
            "ingeniera",
            "licenciado",
            "licenciada",
            "ing en",
            "lic en",
            "beng",
            "b eng",
            "btech",
            "b tech",
            "bba",
            "bcs",
            "bacharel",
            "b a",
            "ba",
            "bs",
            "bachelors",
            "bachillerato universitario",
        ],
    ),
    (
        DegreeLevel::Associate,
        &[
            "associate",
            "tecnologo",
            "tecnologa",
            "tecnologia em",
            "tecnico superior",
            "tecnica superior",
            "tsu",
            "aas",
        ],
    ),
    (
        DegreeLevel::Vocational,
        &[
            "tecnico",
            "tecnica em",
            "vocational",
            "technical certificate",
            "bootcamp",
            "certificate",
            "certificado",
            "diploma",
            "curso tecnico",
        ],
    ),
    (DegreeLevel::Secondary, &["high school", "ensino medio", "preparatoria", "bachillerato"]),
];

const INSTITUTIONS: &[&str] = &[
    "university",
    "universidade",
    "universidad",
    "college",
    "institute",
    "instituto",
    "faculdade",
    "facultad",
    "school",
    "escola",
    "escuela",
    "tecnologico",
    "politecnico",
    "politecnica",
    "unam",
    "usp",
    "unicamp",
    "ufrj",
    "ufmg",
    "itesm",
    "ipn",
    "mit",
    "fatec",
    "senai",
    "puc",
    "fiap",
    "mackenzie",
    "insper",
    "fgv",
    "ita",
    "unesp",
    "ufrgs",
    "ufpe",
    "ufsc",
    "ufpr",
    "unb",
    "cefet",
    "senac",
    "itam",
    "uam",
    "buap",
    "udg",
    "uanl",
    "iteso",
    "udlap",
    "tec",
    "fundacao",
    "fundacion",
    "academy",
    "academia",
    "polytechnic",
    "centro",
    "universitario",
    "universitaria",
    "colegio",
    "cinvestav",
    "cide",
    "uvm",
    "unitec",
    "anahuac",
    "uaem",
    "uabc",
    "ufba",
    "uff",
    "ufscar",
    "unifesp",
    "uerj",
    "utfpr",
    "unisinos",
    "faap",
    "espm",
    "ibmec",
    "conservatorio",
];

fn words(folded: &str) -> Vec<&str> {
    folded.split(' ').collect()
}

fn contains_phrase(folded: &str, phrase: &str) -> bool {
    has_phrase(&words(folded), phrase)
}

/// Whether the words hold the phrase's words in a row (no allocation: a line is checked against
/// every degree phrase).
fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let n = phrase.split(' ').count();
    words.windows(n).any(|win| win.iter().copied().eq(phrase.split(' ')))
}

pub fn degree_level(line: &str) -> Option<DegreeLevel> {
    let f = fold(line);
    let w = words(&f);
    DEGREES.iter().find(|(_, names)| names.iter().any(|n| has_phrase(&w, n))).map(|(l, _)| *l)
}

/// The pieces of an education line without its dates: split at commas, bars, dashes, tabs and
/// "at"/"em"/"en" between a degree and a school.
fn parts_of(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cell in line.split('\t') {
        let cell = cell.trim();
        if cell.is_empty() || parse_period(cell).is_some_and(|_| crate::work::without_dates(cell).is_empty())
        {
            continue;
        }
        let cell = crate::work::without_dates(cell);
        // Text on both sides of the dates comes back as two cells; " - " splits like a dash.
        // A school's web address beside its name is not part of it.
        let cell = crate::sections::without_addresses(&cell.replace(" -- ", " — ").replace(" - ", " — "));
        for piece in
            cell.split(['\t', ',', '|', '—', '–']).map(str::trim).filter(|p| !p.is_empty() && !is_grade(p))
        {
            // "… at Tech Elevator": in English "at" after a degree names its school, school word
            // or not.
            let split = [" at ", " em ", " en ", " na ", " no "].iter().find_map(|sep| {
                piece.split_once(sep).filter(|(a, b)| {
                    degree_level(a).is_some() && (is_institution(b) || (*sep == " at " && is_name(b)))
                })
            });
            match split {
                Some((a, b)) => out.extend([a.trim().to_string(), b.trim().to_string()]),
                None => out.push(piece.to_string()),
            }
        }
    }
    out
}

/// A grade line or cell: "GPA 3.7/4.0", "Promedio general: 9.2", "CR 8,5", "Média 8.1".
fn is_grade(cell: &str) -> bool {
    let f = fold(cell);
    let first = f.split(' ').next().unwrap_or("");
    ["gpa", "promedio", "cr", "media", "nota", "grade", "score", "cgpa", "honors", "honores"].contains(&first)
}

/// A campus or city after a school's name: a few capitalized words, no degree, no digits.
fn is_campus(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && degree_level(part).is_none()
        && !is_institution(part)
}

/// A proper name: one to six words, most of them capitalized, no degree, date or place.
fn is_name(part: &str) -> bool {
    let words = part.split_whitespace().count();
    let capitalized = part.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count();
    (1..=6).contains(&words)
        && capitalized * 2 > words
        && degree_level(part).is_none()
        && !part.chars().any(|c| c.is_ascii_digit())
        && crate::contact::location_in(part).is_none()
}

/// Degree names that hold a school word ("Técnico Superior Universitario", "High School Diploma"):
/// the word names the degree there, not a school.
const DEGREES_WITH_SCHOOL_WORDS: &[&str] =
    &["tecnico superior universitario", "tecnica superior universitaria", "high school diploma"];

fn is_institution(line: &str) -> bool {
    let mut f = fold(line);
    for degree in DEGREES_WITH_SCHOOL_WORDS {
        if contains_phrase(&f, degree) {
            f = f.replace(degree, " ");
        }
    }
    let w = words(&f);
    INSTITUTIONS.iter().any(|i| w.contains(i))
}

/// "Bacharelado em Ciência da Computação" → "Ciência da Computação".
fn field_of(degree_line: &str) -> Option<String> {
    for sep in [" in ", " em ", " en ", " of ", " de "] {
        if let Some((_, rest)) = degree_line.split_once(sep) {
            let rest = rest.split([',', '|', '—', '–', '(']).next().unwrap_or_default().trim();
            let rest = rest.trim_start_matches("Science in ").trim();
            if !rest.is_empty() && parse_period(rest).is_none() {
                return Some(rest.to_string());
            }
        }
    }
    None
}

/// The section's lines without bullets, with names wrapped over two lines joined back: a line
/// ending in a joining word ("Universidade Federal de" / "Pernambuco"), or a next line starting
/// in lower case ("Instituto Nacional" / "de Astrofísica"). Dates that a date column
/// put before the rest of the next line ("2013 Pernambuco") move behind the joined name.
fn unwrapped(section: &str) -> Vec<String> {
    let raws: Vec<&str> = section.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for (n, raw) in raws.iter().enumerate() {
        let line = strip_bullet(raw);
        if line.is_empty() {
            open = false;
            continue;
        }
        let bulleted = crate::sections::is_bullet(raw);
        // A date cell wrapped on its own ("Agosto de 2008 - Junio de" / "2013") goes on the cell
        // it continues, and the name before it may still go on after it.
        if let Some(prev) = out.last_mut()
            && line.chars().any(|c| c.is_ascii_digit())
            && crate::work::without_dates(line).is_empty()
            && !trailing_dates(prev).1.is_empty()
        {
            prev.push(' ');
            prev.push_str(line);
            continue;
        }
        let (dates, rest) = leading_dates(line);
        // Cells may follow a line going on in lower case ("y Gráficas Computacionales,<TAB>
        // Universidad"), not a capitalized one.
        let plain = !bulleted
            && !rest.is_empty()
            && degree_level(rest.split('\t').next().unwrap_or("")).is_none()
            && !rest.chars().any(|c| c.is_ascii_digit());
        // The line after this one, to tell a school's wrapped name from a field under it.
        let after = raws[n + 1..].iter().map(|l| strip_bullet(l)).find(|l| !l.is_empty());
        let continues = (plain
            && out.last().is_some_and(|prev| {
                rest.starts_with(char::is_lowercase)
                    || !rest.contains('\t') && (open || name_goes_on(trailing_dates(prev).0, rest, after))
            }))
            || (!bulleted && out.last().is_some_and(|prev| degree_goes_on(trailing_dates(prev).0, rest)));
        match out.last_mut() {
            Some(prev) if continues => {
                // The dates cell at the end of the line before stays at the end.
                let (head, tail) = trailing_dates(prev);
                let (mut joined, tail) = (head.to_string(), tail.to_string());
                // "Autó-" / "noma": a word hyphenated at the line's end is one word again.
                let hyphen = joined.ends_with(['-', '\u{2010}'])
                    && joined.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                    && rest.starts_with(char::is_lowercase);
                if hyphen {
                    joined.pop();
                } else {
                    joined.push(' ');
                }
                joined.push_str(rest);
                for cell in [tail.as_str(), dates].into_iter().filter(|c| !c.is_empty()) {
                    joined.push('\t');
                    joined.push_str(cell);
                }
                *prev = joined;
            }
            _ => out.push(line.to_string()),
        }
        let body = trailing_dates(line).0;
        let last = fold(body).rsplit(' ').next().unwrap_or("").to_string();
        open = JOINING.contains(&last.as_str()) && !body.ends_with([',', '.', ':']);
    }
    out
}

/// A degree's name wrapped inside a school word's phrase ("Técnico Superior" / "Universitario,
/// Universidad Tecnológica de Querétaro"): the line before ends with the first words of the
/// phrase and this one starts with the rest.
fn degree_goes_on(prev: &str, rest: &str) -> bool {
    let (prev, rest) = (fold(prev), fold(rest));
    DEGREES_WITH_SCHOOL_WORDS.iter().any(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        (1..words.len()).any(|cut| {
            let (head, tail) = (words[..cut].join(" "), words[cut..].join(" "));
            (prev == head || prev.ends_with(&format!(" {head}")))
                && (rest == tail || rest.starts_with(&format!("{tail} ")))
        })
    })
}

/// Capitalized names joined by "y", "e" or "and" ("Óptica y Electrónica"): after a comma, the
/// rest of a school's name, not a place, a campus or a degree.
fn rest_of_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (3..=6).contains(&words.len())
        && words.iter().any(|w| ["y", "e", "and", "&"].contains(w))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || JOINING.contains(&fold(w).as_str()) || *w == "&")
        && part.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '&')
        && degree_level(part).is_none()
        && !is_institution(part)
        && crate::contact::location_in(part).is_none()
}

/// A line without its last cell when that cell holds only dates: (the rest, the dates).
fn trailing_dates(line: &str) -> (&str, &str) {
    match line.rsplit_once('\t') {
        Some((head, cell))
            if cell.chars().any(|c| c.is_ascii_digit())
                && (crate::work::without_dates(cell).trim().is_empty()
                    || crate::dates::starts_with_month(cell.trim())
                    || cell.trim().starts_with(|c: char| c.is_ascii_digit())) =>
        {
            (head.trim_end(), cell.trim())
        }
        _ => (line, ""),
    }
}

/// A school's name without the month that wrapped dates left at its end ("Universidad de
/// Guadalajara (CUCEI) Ago", "Instituto Politécnico Nacional (agosto"); "Universidad del Mar"
/// keeps its sea.
fn without_month(name: &str) -> String {
    let mut name = name.trim().trim_end_matches([',', ';', '-', '–', '—']).trim_end();
    // "Universidad Panamericana.": a sentence's full stop, not an abbreviation's ("Univ.").
    if name.ends_with('.')
        && name.rsplit(' ').next().is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 4)
    {
        name = &name[..name.len() - 1];
    }
    if let Some((head, last)) = name.rsplit_once(' ') {
        let word = last.trim_start_matches('(');
        let before = fold(head.rsplit(' ').next().unwrap_or(""));
        if crate::dates::starts_with_month(word)
            && word.chars().all(|c| c.is_alphabetic() || c == '.')
            && !JOINING.contains(&before.as_str())
        {
            return head.trim_end().to_string();
        }
    }
    name.to_string()
}

/// Words of fields of study: a short line of them under a school is its field, not the rest of
/// its name.
const FIELD_WORDS: &[&str] = &[
    "science",
    "sciences",
    "ciencia",
    "ciencias",
    "engineering",
    "ingenieria",
    "engenharia",
    "computer",
    "computing",
    "computacion",
    "computacao",
    "computacionales",
    "sistemas",
    "systems",
    "information",
    "informacao",
    "informacion",
    "informatica",
    "administration",
    "administracao",
    "administracion",
    "design",
    "data",
    "dados",
    "datos",
    "mathematics",
    "matematica",
    "matematicas",
    "statistics",
    "estatistica",
    "estadistica",
    "physics",
    "fisica",
    "economics",
    "economia",
    "business",
    "negocios",
    "management",
    "gestao",
    "gestion",
    "technology",
    "tecnologia",
    "software",
    "analysis",
    "analise",
    "development",
    "desenvolvimento",
    "desarrollo",
    "marketing",
    "arts",
    "education",
    "educacao",
    "educacion",
    "programming",
    "actuaria",
    "accounting",
    "contabilidad",
    "psychology",
    "law",
    "direito",
    "derecho",
    "medicine",
    "biology",
    "chemistry",
    "electrical",
    "mechanical",
    "civil",
    "industrial",
];

/// A school's name cut by a narrow column and going on, capitalized, on the next line: a bare
/// school word under a name that lacks one ("North Carolina State" / "University"), or the rest
/// of a school's name under it ("Universidad Nacional" / "Autónoma de México") when it reads as
/// no field and no degree follows it.
fn name_goes_on(prev: &str, rest: &str, after: Option<&str>) -> bool {
    let tail = prev.trim_end_matches(',').rsplit(['\t', ',', '|', '—', '–']).next().unwrap_or("").trim();
    let tail = tail.rsplit(" - ").next().unwrap_or("").trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capitalized = words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || JOINING.contains(&fold(w).as_str()))
        && rest.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || "()-'.".contains(c));
    if !capitalized || words.len() > 3 || tail.is_empty() || degree_level(tail).is_some() {
        return false;
    }
    if is_institution(rest) {
        let generic = ["university", "college", "institute", "school", "academy", "polytechnic"];
        return words.len() == 1
            && generic.contains(&fold(rest).as_str())
            && !is_institution(tail)
            && is_name(tail)
            && !fold(tail).split(' ').any(|w| FIELD_WORDS.contains(&w));
    }
    let folded = fold(rest);
    is_institution(tail)
        && !folded.split(' ').any(|w| FIELD_WORDS.contains(&w))
        && !crate::contact::is_city(rest)
        && after.is_none_or(|a| degree_level(a).is_none())
}

/// A line's leading dates: a year or month-and-year before the text ("2013 Pernambuco" →
/// ("2013", "Pernambuco")), or a cell of dates.
fn leading_dates(line: &str) -> (&str, &str) {
    // A cell of dates of its own ("2011 - 2012<TAB>Electrical Engineering").
    if let Some((first, rest)) = line.split_once('\t')
        && parse_period(first).is_some()
        && crate::work::without_dates(first).is_empty()
    {
        return (first.trim(), rest.trim());
    }
    let mut end = 0;
    for (i, word) in line.split_inclusive(char::is_whitespace).scan(0, |at, w| {
        let start = *at;
        *at += w.len();
        Some((start, w))
    }) {
        let w = word.trim();
        let year = w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        if year
            || (end == i
                && crate::dates::starts_with_month(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        {
            end = i + word.len();
            if year {
                break;
            }
        } else {
            break;
        }
    }
    let dates = line[..end].trim();
    if dates.chars().any(|c| c.is_ascii_digit()) { (dates, line[end..].trim()) } else { ("", line) }
}

/// A school's line with nothing but dates beside it ("Universidad Nacional Autónoma de
/// México<TAB>jun. 2013").
pub(crate) fn school_line(line: &str) -> bool {
    let mut cells = line.trim().split('\t');
    let name = cells.next().unwrap_or("").trim();
    is_institution(name)
        && degree_level(name).is_none()
        && name.split_whitespace().count() <= 10
        && !name.ends_with('.')
        && cells.all(|c| crate::work::without_dates(c).trim().is_empty())
}

/// The degree names its field ("Bootcamp certificate in Java"), not only its kind ("Bachelor of
/// Science").
fn has_own_field(degree: &str) -> bool {
    field_of(degree).is_some_and(|f| {
        ![
            "science",
            "sciences",
            "arts",
            "applied science",
            "engineering",
            "philosophy",
            "fine arts",
            "laws",
            "business administration",
        ]
        .contains(&fold(&f).as_str())
    })
}

/// The second word of a header wrapped over two lines ("Formación" / "Académica").
fn header_tail(line: &str) -> bool {
    ["academica", "academico", "academic", "profissional", "professional", "complementar"]
        .contains(&fold(line).as_str())
}

/// Education entries of an education section: an entry starts at each institution or degree
/// line not already part of the previous entry, and takes the dates near it.
pub fn entries(section: &str) -> Vec<EducationEntry> {
    let lines = unwrapped(section);
    let mut out: Vec<EducationEntry> = Vec::new();
    // A short name on its own line just before a degree ("Tech Elevator" / "Bootcamp certificate
    // in Java"): a school whose name has no word that says so.
    let mut pending: Option<(String, Option<Period>)> = None;
    for (i, line) in lines.iter().map(String::as_str).enumerate() {
        // A section title (the school line before it belongs to the section) and the second
        // word of a wrapped one are not entries.
        if is_grade(line) || header_tail(line) || (i <= 1 && crate::sections::header_kind(line).is_some()) {
            continue;
        }
        let level = degree_level(line);
        let institution = is_institution(line);
        let period = parse_period(line);
        let named = std::mem::take(&mut pending);
        // "Ingeniería en Computación" / "Licenciatura": the field came first and read like a
        // degree; the bare degree under it is the degree.
        if let Some(e) = out.last_mut()
            && level.is_some()
            && !institution
            && line.split_whitespace().count() <= 3
            && field_of(line).is_none()
            && e.degree.as_ref().is_some_and(|d| {
                field_of(&d.value).is_some()
                    && ["ingenieria", "engenharia", "engineering"]
                        .contains(&fold(&d.value).split(' ').next().unwrap_or(""))
            })
            && e.field
                .as_ref()
                .zip(e.degree.as_ref())
                .is_none_or(|(f, d)| d.value.ends_with(f.value.as_str()))
        {
            if let Some(old) = e.degree.take() {
                e.field = Some(Scored { value: old.value, confidence: 0.6 });
            }
            e.degree = Some(Scored { value: line.to_string(), confidence: 0.7 });
            e.level = level;
            continue;
        }
        if level.is_none() && !institution {
            let name = crate::work::without_dates(line);
            let words = name.split_whitespace().count();
            let capitalized = name.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count();
            if (1..=6).contains(&words)
                && capitalized * 2 > words
                && !name.contains('\t')
                && !name.ends_with(['.', ':'])
                && crate::contact::location_in(&name).is_none()
            {
                // "Bootcamp certificate in Java" / "Tech Elevator": a degree with its field and no
                // school yet; the name under it is the school.
                if let Some(e) = out.last_mut()
                    && e.institution.is_none()
                    && e.degree.as_ref().is_some_and(|d| has_own_field(&d.value))
                    && !fold(&name).split(' ').any(|w| FIELD_WORDS.contains(&w))
                {
                    e.institution = Some(Scored { value: name, confidence: 0.6 });
                    e.confidence = 0.75;
                    if e.period.is_none() {
                        e.period = period;
                    }
                    continue;
                }
                if out.last().is_none_or(|e| e.degree.is_some() || e.institution.is_some()) {
                    pending = Some((name, period));
                }
            }
        }
        // "Licenciatura" / "Ingeniería en Computación": a bare degree's field on the next line
        // may itself read like a degree (in Mexico "Ingeniería en X" is one); it is the field.
        if let Some(e) = out.last_mut()
            && level.is_some()
            && !institution
            && e.institution.is_none()
            && e.field.is_none()
            && e.degree
                .as_ref()
                .is_some_and(|d| d.value.split_whitespace().count() <= 3 && field_of(&d.value).is_none())
        {
            let field = crate::work::without_dates(line);
            e.field = Some(Scored { value: field, confidence: 0.6 });
            if e.period.is_none() {
                e.period = period;
            }
            continue;
        }
        let starts_new = |e: &EducationEntry| {
            (institution && e.institution.is_some()) || (level.is_some() && e.degree.is_some())
        };
        if out.last().is_none_or(starts_new) && (institution || level.is_some()) {
            out.push(EducationEntry {
                institution: named
                    .as_ref()
                    .filter(|_| !institution)
                    .map(|(value, _)| Scored { value: value.clone(), confidence: 0.6 }),
                degree: None,
                level: None,
                field: None,
                period: named.and_then(|(_, period)| period),
                confidence: 0.5,
            });
        }
        let Some(entry) = out.last_mut() else { continue };
        // A line can hold both, e.g. "BSc Computer Science, University of Lisbon, 2014 - 2018"
        // or "Bachelor of Science at Arizona State University<TAB>Aug 2014 - May 2018".
        let parts = parts_of(line);
        // A table's cell holding only a school is its whole name, commas and all ("| 2016 – 2020 |
        // Doctorado en … | Instituto Nacional de Astrofísica, Óptica y Electrónica |").
        let school_cell = || {
            line.split('\t').map(str::trim).find(|c| {
                is_institution(c)
                    && degree_level(c).is_none()
                    && parse_period(c).is_none()
                    && c.split_whitespace().count() <= 10
            })
        };
        if institution
            && entry.institution.is_none()
            && line.contains('\t')
            && let Some(cell) = school_cell()
        {
            let name = without_month(crate::work::without_place(cell));
            entry.institution = Some(Scored { value: name, confidence: 0.8 });
        }
        if institution && entry.institution.is_none() {
            let at = parts.iter().position(|p| is_institution(p));
            // "ESCOM - Instituto Politécnico Nacional": a faculty's acronym before its school.
            let faculty = at.and_then(|i| {
                let acronym = parts.get(i.checked_sub(1)?)?;
                let short = acronym.chars().filter(|c| c.is_alphabetic()).count();
                let is_acronym = (2..=8).contains(&short)
                    && acronym.chars().all(|c| c.is_uppercase())
                    && degree_level(acronym).is_none();
                is_acronym.then_some(())?;
                [" - ", " – ", " — "]
                    .iter()
                    .map(|d| format!("{acronym}{d}{}", parts[i]))
                    .find(|j| line.contains(j.as_str()))
            });
            let name = match faculty {
                Some(name) => name,
                None => at.map_or_else(
                    || line.to_string(),
                    |i| match parts.get(i + 1) {
                        // "University of California, Berkeley": a campus after the comma.
                        // "ITESO, Universidad Jesuita de Guadalajara": two names of one school.
                        Some(next) if is_institution(next) && degree_level(next).is_none() => {
                            format!("{}, {next}", parts[i])
                        }
                        // Not a city with its state after it ("…, Monterrey, N.L.").
                        Some(next)
                            if is_campus(next)
                                && !crate::contact::is_city(next)
                                && !parts.get(i + 2).is_some_and(|n2| {
                                    crate::contact::location_in(&format!("{next}, {n2}")).is_some()
                                }) =>
                        {
                            format!("{}, {next}", parts[i])
                        }
                        // "Instituto Nacional de Astrofísica, Óptica y Electrónica" beside its degree:
                        // names joined by "y" after the comma are the rest of the school's.
                        Some(next) if rest_of_name(next) => format!("{}, {next}", parts[i]),
                        // "ITESO, Universidad Jesuita de Guadalajara", "Instituto Nacional de
                        // Astrofísica, Óptica y Electrónica": a line naming only a school is its name,
                        // comma and all (but a place after it).
                        Some(_) if level.is_none() => {
                            // The cell that holds the name (dates and grades sit in cells of their own).
                            let cells = crate::work::without_dates(line);
                            let cell =
                                cells.split('\t').find(|c| c.contains(parts[i].as_str())).unwrap_or("");
                            let whole = crate::work::without_place(cell.trim()).to_string();
                            if whole.contains(parts[i].as_str()) && !whole.contains(['—', '–', '|']) {
                                whole
                            } else {
                                parts[i].clone()
                            }
                        }
                        _ => parts[i].clone(),
                    },
                ),
            };
            entry.institution = Some(Scored { value: without_month(&name), confidence: 0.8 });
        }
        if let Some(level) = level.filter(|_| entry.degree.is_none()) {
            let at = parts.iter().position(|p| degree_level(p).is_some());
            let degree = at.map_or(line, |i| parts[i].as_str());
            // "Tech Elevator, Bootcamp certificate in Java": a name before the degree is its school.
            // (Before a bare degree it is the field: "Computer Science, Bachelor of Science".)
            if entry.institution.is_none()
                && has_own_field(degree)
                && let Some(name) = at.and_then(|i| i.checked_sub(1)).map(|i| parts[i].as_str())
                && is_name(name)
            {
                entry.institution = Some(Scored { value: name.to_string(), confidence: 0.6 });
            }
            if entry.institution.is_none()
                && let Some(name) = at.and_then(|i| parts.get(i + 1))
                && line.contains(&format!(" at {name}"))
                && is_name(name)
            {
                entry.institution = Some(Scored { value: name.clone(), confidence: 0.6 });
            }
            // "Ingeniería en Computación, Licenciatura": a field that reads like a degree, then
            // the bare degree; the bare one is the degree and the other its field.
            let bare = parts.iter().enumerate().find(|&(i, p)| {
                Some(i) != at
                    && degree_level(p).is_some()
                    && field_of(p).is_none()
                    && p.split_whitespace().count() <= 3
            });
            match bare {
                Some((_, bare)) if field_of(degree).is_some() => {
                    entry.field = Some(Scored { value: degree.to_string(), confidence: 0.6 });
                    entry.degree = Some(Scored { value: bare.clone(), confidence: 0.7 });
                    entry.level = degree_level(bare);
                }
                _ => {
                    entry.field = field_of(degree).map(|value| Scored { value, confidence: 0.6 });
                    entry.degree = Some(Scored { value: degree.to_string(), confidence: 0.8 });
                    entry.level = Some(level);
                }
            }
        }
        if entry.period.is_none() {
            entry.period = period;
        }
        entry.confidence = match (&entry.institution, &entry.degree) {
            (Some(_), Some(_)) => 0.85,
            _ => 0.5,
        };
    }
    out
}

/// Spoken languages by name (folded), in English, Portuguese and Spanish.
pub(crate) const SPOKEN: &[&str] = &[
    "english",
    "ingles",
    "portuguese",
    "portugues",
    "spanish",
    "espanol",
    "espanhol",
    "french",
    "frances",
    "german",
    "alemao",
    "aleman",
    "italian",
    "italiano",
    "japanese",
    "japones",
    "chinese",
    "chines",
    "mandarin",
    "mandarim",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageSkill {
    pub language: String,
    /// CEFR (A1-C2) or "native", as written or mapped from words like fluent/avançado/intermedio.
    pub level: Option<String>,
    pub confidence: f32,
}

const LEVELS: &[(&str, &str)] = &[
    ("native", "native"),
    ("nativo", "native"),
    ("nativa", "native"),
    ("lengua materna", "native"),
    ("lingua materna", "native"),
    ("mother tongue", "native"),
    ("fluent", "C1"),
    ("fluente", "C1"),
    ("fluido", "C1"),
    ("bilingual", "C2"),
    ("bilingue", "C2"),
    ("advanced", "C1"),
    ("avancado", "C1"),
    ("avanzado", "C1"),
    ("upper intermediate", "B2"),
    ("intermediate", "B1"),
    ("intermediario", "B1"),
    ("intermedio", "B1"),
    ("basic", "A2"),
    ("basico", "A2"),
    ("elementary", "A2"),
];

const LANGUAGES: &[(&str, &str)] = &[
    ("english", "English"),
    ("ingles", "English"),
    ("portuguese", "Portuguese"),
    ("portugues", "Portuguese"),
    ("spanish", "Spanish"),
    ("espanhol", "Spanish"),
    ("espanol", "Spanish"),
    ("castellano", "Spanish"),
    ("french", "French"),
    ("francais", "French"),
    ("deutsch", "German"),
    ("frances", "French"),
    ("german", "German"),
    ("alemao", "German"),
    ("aleman", "German"),
    ("italian", "Italian"),
    ("italiano", "Italian"),
    ("japanese", "Japanese"),
    ("japones", "Japanese"),
    ("chinese", "Chinese"),
    ("mandarin", "Chinese"),
    ("chines", "Chinese"),
    ("chino", "Chinese"),
];

/// Languages of a languages section (or any line naming a language with a level).
pub fn languages(section: &str) -> Vec<LanguageSkill> {
    let mut out: Vec<LanguageSkill> = Vec::new();
    for line in section.lines() {
        for item in line.split([',', '|', ';', '•']) {
            let f = fold(item);
            let Some((_, language)) = LANGUAGES.iter().find(|(k, _)| words(&f).contains(k)) else { continue };
            let cefr = words(&f)
                .into_iter()
                .find(|w| matches!(*w, "a1" | "a2" | "b1" | "b2" | "c1" | "c2"))
                .map(str::to_uppercase);
            let level = cefr
                .or_else(|| LEVELS.iter().find(|(k, _)| contains_phrase(&f, k)).map(|(_, l)| l.to_string()));
            if !out.iter().any(|l| l.language == *language) {
                let confidence = if level.is_some() { 0.9 } else { 0.7 };
                out.push(LanguageSkill { language: language.to_string(), level, confidence });
            }
        }
    }
    out
}

/// One certification per non-empty line of a certifications section.
pub fn certifications(section: &str) -> Vec<Scored> {
    section
        .lines()
        .map(strip_bullet)
        .filter(|l| l.chars().any(char::is_alphabetic))
        .map(|l| Scored { value: l.to_string(), confidence: 0.7 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_without_dates_and_with_their_campus() {
        let inst = |t: &str| entries(t).first().and_then(|e| e.institution.clone()).map(|i| i.value);
        assert_eq!(
            inst("2007\tThe University of Texas at Austin\nBachelor of Science"),
            Some("The University of Texas at Austin".into())
        );
        assert_eq!(inst("Arizona State University 2014-08\nBSc"), Some("Arizona State University".into()));
        assert_eq!(
            inst("Bachelor of Science at Arizona State University\tAug 2014 - May 2018"),
            Some("Arizona State University".into())
        );
        assert_eq!(
            inst("University of California, Berkeley\nBachelor of Arts"),
            Some("University of California, Berkeley".into())
        );
    }

    #[test]
    fn fields_and_schools_on_lines_of_their_own() {
        let pairs = |text: &str| -> Vec<(Option<String>, Option<String>, Option<String>)> {
            entries(text)
                .into_iter()
                .map(|e| {
                    (e.institution.map(|s| s.value), e.degree.map(|s| s.value), e.field.map(|s| s.value))
                })
                .collect()
        };
        let s = |v: &str| Some(v.to_string());
        // The field first, reading like a degree, then the bare degree.
        assert_eq!(
            pairs("Universidad de Guadalajara\nIngeniería en Computación\nLicenciatura\n2012 - 2016"),
            [(s("Universidad de Guadalajara"), s("Licenciatura"), s("Ingeniería en Computación"))]
        );
        // A bare degree, then its field.
        assert_eq!(
            pairs("Licenciatura\nIngeniería en Computación\nUniversidad de Guadalajara"),
            [(s("Universidad de Guadalajara"), s("Licenciatura"), s("Ingeniería en Computación"))]
        );
        // A degree whose name holds a school word ("Universitario") is still the degree, and the
        // feminine and abbreviated forms of Spanish degrees are degrees.
        assert_eq!(
            pairs(
                "Técnico Superior Universitario en Desarrollo de Software\nUniversidad Tecnológica de Querétaro\n2010 - 2012"
            ),
            [(
                s("Universidad Tecnológica de Querétaro"),
                s("Técnico Superior Universitario en Desarrollo de Software"),
                s("Desarrollo de Software")
            )]
        );
        assert_eq!(
            pairs("Ingeniera en Sistemas Computacionales\nInstituto Tecnológico de Morelia"),
            [(
                s("Instituto Tecnológico de Morelia"),
                s("Ingeniera en Sistemas Computacionales"),
                s("Sistemas Computacionales")
            )]
        );
        // Its name wrapped by a narrow column is joined back, whatever the school word.
        assert_eq!(
            pairs("Técnico Superior\nUniversitario, Universidad Tecnológica de Querétaro\n2023 - 2025"),
            [(s("Universidad Tecnológica de Querétaro"), s("Técnico Superior Universitario"), None)]
        );
        assert_eq!(
            pairs("ESCOM - Instituto Politécnico Nacional\nIngeniería en Sistemas Computacionales"),
            [(
                s("ESCOM - Instituto Politécnico Nacional"),
                s("Ingeniería en Sistemas Computacionales"),
                s("Sistemas Computacionales")
            )]
        );
        assert_eq!(degree_level("Lic. en Informática"), Some(DegreeLevel::Bachelor));
        assert_eq!(degree_level("Tecnóloga em Redes"), Some(DegreeLevel::Associate));
        // A school with no school word in its name, before its degree.
        let e = pairs(
            "Tech Elevator\nBootcamp certificate in Java Software Development\nNorth Carolina State University\nBachelor of Science in Science Education\nGPA: 3.6/4.0",
        );
        assert_eq!(
            e.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
            [s("Tech Elevator"), s("North Carolina State University")]
        );
    }

    #[test]
    fn wrapped_names_and_schools_named_beside_their_degree() {
        let pairs = |text: &str| -> Vec<(Option<String>, Option<String>)> {
            entries(text)
                .into_iter()
                .map(|e| (e.institution.map(|s| s.value), e.degree.map(|s| s.value)))
                .collect()
        };
        let s = |v: &str| Some(v.to_string());
        // A date column wrapped beside a school's name wrapped after "de".
        assert_eq!(
            pairs(
                "Mar 2009 – Dez Bacharelado em Sistemas de Informação,\tUniversidade Federal de\n2013 Pernambuco"
            ),
            [(s("Universidade Federal de Pernambuco"), s("Bacharelado em Sistemas de Informação"))]
        );
        // A line going on in lower case; a comma inside the school's name.
        assert_eq!(
            pairs(
                "Doctorado en Ciencias Computacionales\nInstituto Nacional\nde Astrofísica, Óptica y Electrónica"
            ),
            [(
                s("Instituto Nacional de Astrofísica, Óptica y Electrónica"),
                s("Doctorado en Ciencias Computacionales")
            )]
        );
        // A narrow column's wraps: a bare school word, the rest of a name, a hyphenated word.
        assert_eq!(
            pairs(
                "Associate of Applied Science in Computer Programming, San Antonio\nDecember 2021\tCollege"
            ),
            [(s("San Antonio College"), s("Associate of Applied Science in Computer Programming"))]
        );
        assert_eq!(
            pairs("Universidad Nacional\nAutónoma de México\nIngeniería en Computación"),
            [(s("Universidad Nacional"), s("Ingeniería en Computación"))],
            "a degree right under it: the line between may be the field or the place"
        );
        assert_eq!(
            pairs("Licenciatura en Ciencias de la Computación\nBenemérita Universidad Autó-\nnoma de Puebla"),
            [(
                s("Benemérita Universidad Autónoma de Puebla"),
                s("Licenciatura en Ciencias de la Computación")
            )]
        );
        assert_eq!(
            pairs("Bacharelado\nUniversidade Federal de Minas\nGerais\n2010 - 2014"),
            [(s("Universidade Federal de Minas Gerais"), s("Bacharelado"))]
        );
        assert_eq!(
            pairs("Bootcamp certificate Java Software Development at Tech Elevator\t2021 - 2021"),
            [(s("Tech Elevator"), s("Bootcamp certificate Java Software Development"))]
        );
        // The field first, reading like a degree, then the bare degree, on one line.
        assert_eq!(
            pairs("Ingeniería en Computación, Licenciatura, Universidad de Guadalajara (CUCEI)"),
            [(s("Universidad de Guadalajara (CUCEI)"), s("Licenciatura"))]
        );
        // A table row's school cell keeps its comma; a month wrapped dates left behind goes.
        assert_eq!(
            pairs(
                "2016-09 – 2020-08\tDoctorado en Ciencias Computacionales\tInstituto Nacional de Astrofísica, Óptica y Electrónica"
            ),
            [(
                s("Instituto Nacional de Astrofísica, Óptica y Electrónica"),
                s("Doctorado en Ciencias Computacionales")
            )]
        );
        assert_eq!(
            pairs(
                "Licenciatura en Ingeniería en Computación, Universidad de Guadalajara (CUCEI) Ago\n2022 – Dic 2026"
            ),
            [(s("Universidad de Guadalajara (CUCEI)"), s("Licenciatura en Ingeniería en Computación"))]
        );
        assert_eq!(without_month("Universidad del Mar"), "Universidad del Mar");
        // Wrapped by a date column: the name goes on after the dates cell, the cell wraps too.
        assert_eq!(
            pairs(
                "Ingeniería en Computación at Universidad Nacional Autónoma de\tago. 2008 - jun. 2013\nMéxico"
            ),
            [(s("Universidad Nacional Autónoma de México"), s("Ingeniería en Computación"))]
        );
        assert_eq!(
            pairs(
                "Ingeniería en Computación\nUniversidad Nacional Autónoma de\tAgosto de 2008 - Junio de\n2013\nMéxico"
            ),
            [(s("Universidad Nacional Autónoma de México"), s("Ingeniería en Computación"))]
        );
        assert_eq!(
            pairs(
                "Licenciatura en Ingeniería en Sistemas\tago. 2011 – jun. 2015\ny Gráficas Computacionales,\tUniversidad\nPanamericana."
            ),
            [(
                s("Universidad Panamericana"),
                s("Licenciatura en Ingeniería en Sistemas y Gráficas Computacionales")
            )]
        );
        assert_eq!(
            pairs(
                "Doctorado en Ciencias Computacionales, Instituto Nacional de Astrofísica, Óptica y Electrónica, 2016 - 2020"
            ),
            [(
                s("Instituto Nacional de Astrofísica, Óptica y Electrónica"),
                s("Doctorado en Ciencias Computacionales")
            )]
        );
        // Plain text's double dash sets a grade apart.
        assert_eq!(
            pairs("Bachelor of Science in Science Education\nNorth Carolina State University -- GPA 3.6/4.0"),
            [(s("North Carolina State University"), s("Bachelor of Science in Science Education"))]
        );
        // A field under a school is not its name.
        assert_eq!(
            pairs("Master of Business Administration\nTechnology Management\nNorthwestern University"),
            [(s("Northwestern University"), s("Master of Business Administration"))]
        );
        // A school with no school word: before the degree on its line, or under a degree with its field.
        assert_eq!(
            pairs(
                "Tech Elevator, Bootcamp certificate in Java Software Development\nJuly 2021 – December 2021"
            ),
            [(s("Tech Elevator"), s("Bootcamp certificate in Java Software Development"))]
        );
        assert_eq!(
            pairs(
                "Bootcamp certificate in Java Software Development\nTech Elevator\nJuly 2021 – Dec. 2021\nBachelor of Science in Science Education\nNorth Carolina State University"
            ),
            [
                (s("Tech Elevator"), s("Bootcamp certificate in Java Software Development")),
                (s("North Carolina State University"), s("Bachelor of Science in Science Education"))
            ]
        );
        // But a field before a bare degree is not a school, nor a wrapped header's second word.
        assert_eq!(
            pairs("Académica\nComputer Science, Bachelor of Science\nArizona State University"),
            [(s("Arizona State University"), s("Bachelor of Science"))]
        );
    }

    #[test]
    fn degrees_in_three_languages() {
        let e = entries(
            "Universidade de São Paulo (USP)\nBacharelado em Ciência da Computação\n2014 – 2018\n\nMBA em Gestão de Projetos — FGV\n2020 - 2021",
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            e[0].institution.as_ref().map(|s| s.value.as_str()),
            Some("Universidade de São Paulo (USP)")
        );
        assert_eq!(e[0].level, Some(DegreeLevel::Bachelor));
        assert_eq!(e[0].field.as_ref().map(|s| s.value.as_str()), Some("Ciência da Computação"));
        assert_eq!(e[0].period.map(|p| p.start.year), Some(2014));
        assert_eq!(e[1].level, Some(DegreeLevel::Master));
        assert_eq!(degree_level("Maestría en Ciencia de Datos"), Some(DegreeLevel::Master));
        assert_eq!(degree_level("Ingeniería en Sistemas Computacionales"), Some(DegreeLevel::Bachelor));
        assert_eq!(degree_level("PhD in Machine Learning"), Some(DegreeLevel::Doctorate));
        assert_eq!(degree_level("Managed a team of 5"), None);
    }

    #[test]
    fn languages_with_levels() {
        let l = languages("Inglês — avançado\nEspañol (nativo), Français B1");
        let got: Vec<(&str, Option<&str>)> =
            l.iter().map(|x| (x.language.as_str(), x.level.as_deref())).collect();
        assert_eq!(got, [("English", Some("C1")), ("Spanish", Some("native")), ("French", Some("B1"))]);
    }
}
