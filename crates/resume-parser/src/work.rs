//! Work history: entries anchored on their date lines, total experience and a seniority estimate.

use serde::Serialize;

use crate::contact::Scored;
use crate::dates::{Period, YearMonth, months_between, parse_period};
use crate::sections::{enumerator, fold, is_bullet, strip_bullet};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkEntry {
    pub title: Option<Scored>,
    pub employer: Option<Scored>,
    pub location: Option<Scored>,
    pub period: Period,
    pub highlights: Vec<String>,
    /// Byte range of the entry in the text.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Staff,
    Manager,
}

/// A name and a short place after a dash ("Quayside Logistics Software — Cork"), neither of them
/// a title: a header line of its own above a title with its dates names the employer, wherever
/// the place is.
fn name_and_place(line: &str) -> Option<(&str, &str)> {
    let (name, place) = [" — ", " – ", " | "].iter().find_map(|sep| line.trim().rsplit_once(sep))?;
    let (name, place) = (name.trim(), place.trim());
    let capitalized = place.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "Accenture — Federal Services" is a business unit, not a place: a place the city list
    // does not know is one or two words, none of them a word of a company's name.
    const UNITS: &[&str] = &[
        "services",
        "group",
        "labs",
        "solutions",
        "systems",
        "technologies",
        "digital",
        "consulting",
        "software",
        "partners",
        "studio",
        "studios",
        "platform",
        "payments",
        "cloud",
        "data",
        "team",
    ];
    let known = crate::contact::location_in(place).is_some();
    let place_like = known
        || (place.split_whitespace().count() <= 2
            && !place.split_whitespace().any(|w| UNITS.contains(&w.to_lowercase().as_str())));
    (!name.is_empty()
        && name.split_whitespace().count() <= 6
        && (1..=3).contains(&place.split_whitespace().count())
        && capitalized
        && place_like
        && title_score(name) == 0
        && title_score(place) == 0)
        .then_some((name, place))
}

/// Separators of the pieces of one header line, strongest first.
const HEADER_SEPS: [&str; 6] = [" | ", " — ", " – ", " · ", " - ", ", "];

/// An employer's name with what it is after a dash ("Nuvia Pagamentos S.A. — fintech de conta
/// digital", "Tela Livre Streaming — plataforma de vídeo sob demanda"): the name, when the
/// description starts in lower case and the name reads like no title.
fn described_name(line: &str) -> Option<&str> {
    let (name, description) = [" — ", " – "].iter().find_map(|sep| line.trim().split_once(sep))?;
    let name = name.trim();
    // (Or with its size: "Farmacias Sierra Madre — 620 sucursales en el norte y centro de México",
    // R113.)
    let sized = description.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && description.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_lowercase));
    ((description.trim_start().starts_with(char::is_lowercase) || sized)
        && name.starts_with(char::is_uppercase)
        && (1..=5).contains(&word_count(name))
        && title_score(name) == 0
        && parse_period(description).is_none())
    .then_some(name)
}

/// Words that open a later title of the same job ("..., depois SRE", "..., later Team Lead").
const LATER: &[&str] =
    &["then", "later", "depois", "posteriormente", "luego", "despues", "promoted", "promovido", "promovida"];

/// A header line without a place at its end ("Title | Acme | São Paulo, SP", "Acme, Austin, TX").
pub(crate) fn without_place(h: &str) -> &str {
    for sep in [" | ", " · ", " — ", " – ", " - "] {
        // "— Monterrey, N.L. (esquema híbrido)": the place with an aside after it.
        if let Some((head, tail)) = h.rsplit_once(sep)
            && crate::contact::location_in(without_asides(tail).trim()).is_some()
        {
            return head.trim();
        }
    }
    // "Acme, Austin, TX": the last two or three comma pieces make the place.
    let commas: Vec<usize> = h.match_indices(", ").map(|(i, _)| i).collect();
    for k in [1usize, 2, 3] {
        if commas.len() >= k {
            let cut = commas[commas.len() - k];
            // "Ndovu Payments, Nairobi, Kenya (remote from London from mid-2020)": the place with
            // an aside after it (R35).
            if crate::contact::location_in(without_asides(&h[cut + 2..]).trim()).is_some() {
                return h[..cut].trim();
            }
        }
    }
    // "Triangle Software Partners Durham, NC": the place joined to the name by a space only;
    // the city is its last word, or the last two or three when they name a known city.
    if let Some(&last) = commas.last() {
        let words: Vec<(usize, &str)> = h[..last]
            .split(' ')
            .scan(0, |off, w| {
                let at = *off;
                *off += w.len() + 1;
                Some((at, w))
            })
            .collect();
        for n in [3usize, 2, 1] {
            if words.len() <= n {
                continue;
            }
            let at = words[words.len() - n].0;
            let city = &h[at..last];
            let prefixed = CITY_PREFIXES.contains(&fold(words[words.len() - 2].1).as_str());
            let (two, plain) = (n == 2 && prefixed, n == 1 && !prefixed);
            if (plain || two || crate::contact::is_city(city))
                && crate::contact::location_in(&h[at..]).is_some()
            {
                return h[..at].trim();
            }
        }
    }
    h
}

/// Whether what follows "en"/"em" in a header is a field of work, not an employer: "Especialista
/// en Seguridad de TI", "Mestre em Ciência da Computação" (R73: the employer on the next line, the
/// job told back "En Seguridad de TI"). An employer with a legal form is still one.
fn names_field(after: &str) -> bool {
    const FIELDS: &[&str] = &[
        "seguridad",
        "seguranca",
        "ciberseguridad",
        "ciberseguranca",
        "sistemas",
        "desarrollo",
        "desenvolvimento",
        "ti",
        "tecnologia",
        "tecnologias",
        "informatica",
        "computacion",
        "computacao",
        "redes",
        "infraestructura",
        "infraestrutura",
        "software",
        "soporte",
        "suporte",
        "calidad",
        "qualidade",
        "telecomunicaciones",
        "telecomunicacoes",
        "ciencia",
        "ciencias",
        "inteligencia",
        "automatizacion",
        "automacao",
    ];
    let folded = fold(after);
    folded.split(' ').next().is_some_and(|w| FIELDS.contains(&w)) && !ends_in_legal_form(after)
}

/// First words of two-word city names ("San Antonio", "Belo Horizonte", "Fort Worth").
const CITY_PREFIXES: &[&str] = &[
    "san", "santa", "santo", "los", "las", "new", "el", "la", "sao", "porto", "rio", "belo", "fort", "salt",
    "st", "saint", "palo", "mountain", "kansas", "oklahoma", "jersey", "little", "baton", "grand", "ann",
    "college", "cedar", "des", "sioux", "green", "west", "east", "north", "south",
];

/// Splits one header line into title and employer: "Title at Employer", "Title em Employer",
/// "Employer, Title", "Title | Employer | City", "Employer — Title". Places are dropped; of
/// two pieces the one that reads like a job title is the title, whatever the order.
fn split_header(header: &str) -> (Option<String>, Option<String>) {
    let trim = |s: &str| s.trim().trim_matches(|c: char| "|·,–—-".contains(c)).trim().to_string();
    let h = trim(header);
    let h = without_place(&h);
    if h.is_empty() {
        return (None, None);
    }
    // "Tandem Viajes (agencia de viajes en línea)": a word inside an aside splits nothing.
    let bare = without_asides(h);
    for sep in [" at ", " @ ", " em ", " en ", " na ", " no "] {
        // "Desenvolvedora de BI / ETL — Atlântica Consultoria em Dados": with a stronger
        // separator before it, "em" is inside the employer's name, not between title and employer.
        if bare.contains(sep)
            && let Some((t, e)) = h.split_once(sep)
            && !(matches!(sep, " em " | " en " | " na " | " no ")
                && HEADER_SEPS[..5].iter().any(|s| without_asides(t).contains(s)))
            // "Estágio em Desenvolvimento de Software — Aprendiz Digital Educação S.A.": with a
            // stronger separator after it, "em" joins the title to its field (R77: the field read
            // as the employer).
            && !(matches!(sep, " em " | " en ")
                && HEADER_SEPS[..5].iter().any(|s| without_asides(e).contains(s))
                && title_score(t) > 0)
            && !(matches!(sep, " em " | " en ") && names_field(e))
            && title_score(e) <= title_score(t)
        {
            return (Some(trim(t)), Some(trim(e)));
        }
    }
    for sep in HEADER_SEPS {
        // "Quetzal (consultora de TI para bancos, 150 empleados)": a separator inside an aside
        // splits nothing (R56: "150 empleados)" read as the employer).
        if !bare.contains(sep) {
            continue;
        }
        let mut parts: Vec<String> = split_outside_asides(h, sep)
            .into_iter()
            .map(trim)
            .filter(|p| {
                !p.is_empty() && parse_period(p).is_none() && !is_employment_type(p) && !is_legal_form(p)
            })
            .collect();
        // "Engenheira DevOps, depois SRE", "QA Analyst, later QA Lead": a later title of the same
        // job goes on the title, it names no employer (R39: "Na depois SRE").
        if let [first, then, ..] = parts.as_slice()
            && LATER.contains(&fold(then).split(' ').next().unwrap_or(""))
        {
            let title = format!("{first}{sep}{then}");
            parts.splice(..2, [title]);
        }
        // "Técnico de Suporte e Redes, Telemax Provedor de Internet — Olinda": a short name after
        // a title and employer split by a comma is their place, though no list knows it (R107:
        // "Olinda" read as the employer, the title and employer as one title).
        if let [a, b] = parts.as_slice()
            && sep != ", "
            && a.contains(", ")
            && !b.contains(',')
            && b.split_whitespace().count() <= 2
            && b.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase))
            && title_score(b) == 0
            && let (Some(t), Some(e)) = split_header(a)
            && e.split_whitespace().count() >= 2
            && title_score(&e) == 0
            && !fold(&e).split(' ').any(|w| FUNCTIONS.contains(&w) || w == "web")
            && !names_team(&fold(&e))
        {
            return (Some(t), Some(e));
        }
        match parts.as_slice() {
            [] => return (None, None),
            [one] => return (Some(one.clone()), None),
            [a, b, ..] => {
                // The piece that reads like a title; on a tie, the first ("Title, Employer"),
                // unless the first ends in a company's legal form ("Maple & Main Retail Inc.").
                let b_titled = title_score(b) > title_score(a)
                    || (title_score(b) == title_score(a) && ends_in_legal_form(a) && !ends_in_legal_form(b));
                let (t, e) = if b_titled { (b, a) } else { (a, b) };
                // A function after a title ("Engenheiro de Software Sênior — Integrações", with the
                // employer on the next line) is the title's, not an employer (R72: told back "Na
                // Integrações").
                if parts.len() == 2 && !b_titled && FUNCTIONS.contains(&fold(e).as_str()) {
                    return (Some(format!("{t}{sep}{e}")), None);
                }
                // A function before the employer's name after a dash ("Software Engineering
                // Intern — Mobile, Kirana Ledger Pvt. Ltd.") is the title's (R106: asked "At
                // Mobile, Kirana Ledger").
                if !b_titled
                    && sep != ", "
                    && let Some((function, employer)) = e.split_once(", ")
                    && FUNCTIONS.contains(&fold(function).as_str())
                    && !employer.trim().is_empty()
                {
                    return (Some(format!("{t}{sep}{function}")), Some(employer.trim().to_string()));
                }
                return (Some(t.clone()), Some(e.clone()));
            }
        }
    }
    (Some(h.to_string()), None)
}

/// `line` split at `sep` where it is not inside parentheses.
fn split_outside_asides<'a>(line: &'a str, sep: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0usize, 0usize);
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        if depth == 0 && rest.starts_with(sep) {
            parts.push(&line[from..i]);
            i += sep.len();
            from = i;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += c.len_utf8();
    }
    // An unclosed bracket hides nothing (as in `without_asides`).
    if depth > 0 {
        return line.split(sep).collect();
    }
    parts.push(&line[from..]);
    parts
}

/// A header line alone in its entry that names employer and title around a slash ("Quetzal
/// Interactive Studios / Ingeniero Backend Senior", R51: read as one title with no employer): when
/// one side reads as a title and the other as neither a title nor a function. "Cashier / Shelf
/// Packer" and "Ingeniero DevOps / Backend" are one title.
fn slash_split(line: &str) -> Option<(String, String)> {
    let (a, b) = line.split_once(" / ")?;
    let (a, b) = (a.trim().to_string(), b.trim().to_string());
    let plain = |p: &str| {
        title_score(p) == 0 && !FUNCTIONS.contains(&fold(p).as_str()) && (2..=6).contains(&word_count(p))
    };
    match (title_score(&a) > 0, title_score(&b) > 0) {
        (false, true) if plain(&a) => Some((b, a)),
        (true, false) if plain(&b) => Some((a, b)),
        _ => None,
    }
}

/// The text of a date line with its dates taken out ("Acme — Jan 2020 – Present" → "Acme";
/// "Jun 2023 – Jul 2026 QA Engineer, Acme" → "QA Engineer, Acme"; text on both sides of the
/// dates is kept as two cells, split by a tab).
pub(crate) fn without_dates(line: &str) -> String {
    let cut = date_start(line);

    // Separators around the dates go; brackets only when left unmatched ("(2 years" / "Acme (").
    let trim = |s: &str| {
        let mut t = s.trim().trim_matches(|c: char| "|·,–—-:".contains(c) || c.is_whitespace());
        loop {
            let before = t;
            if t.ends_with('(') || (t.ends_with(')') && !t.contains('(')) {
                t = t[..t.len() - 1].trim_end();
            }
            if t.starts_with(')') || (t.starts_with('(') && !t.contains(')')) {
                t = t[1..].trim_start();
            }
            t = t.trim_matches(|c: char| "|·,–—-:".contains(c) || c.is_whitespace());
            if t == before {
                break t.to_string();
            }
        }
    };
    // "Engineer, Acme, Raleigh, NC." before right-hand dates: the full stop ends the phrase.
    let head = trim(line[..cut].trim_end().trim_end_matches('.'));
    // "desde 2022 — Lumena Educação": the word that opens a range is the dates', not a name (R67:
    // the employer read as "desde").
    let head = if ["desde", "since", "from", "a partir de"].contains(&fold(&head).as_str()) {
        String::new()
    } else {
        head
    };
    let tail =
        if cut < line.len() { trim(&line[crate::dates::span_end(line, cut)..]) } else { String::new() };
    let tail = if is_duration(&tail) { String::new() } else { tail };
    // "June 2023 to QA Engineer, Acme": a range cut by a narrow column leaves its joining word.
    // ("até o" / "momento" leaves the "o" of an open range behind in the same way.)
    let tail = match tail.split_once(' ') {
        Some((first, rest))
            if first.chars().all(char::is_alphabetic)
                && (crate::dates::RANGE_JOINERS.contains(&fold(first).as_str())
                    || ["o", "la"].contains(&first.to_lowercase().as_str())) =>
        {
            rest.trim().to_string()
        }
        _ => tail,
    };
    match (head.is_empty(), tail.is_empty()) {
        (_, true) => head,
        (true, false) => tail,
        (false, false) => format!("{head}\t{tail}"),
    }
}

/// Do the dates of this line stop at a word that joins them to an end on the next line
/// ("June 2023 to" + text)?
fn dangling_range(line: &str) -> bool {
    let Some(cut) = line.char_indices().find(|(i, _)| parse_period(&line[*i..]).is_some()).map(|(i, _)| i)
    else {
        return false;
    };
    let rest = line[crate::dates::span_end(line, cut)..].trim_start();
    let first = fold(rest.split_whitespace().next().unwrap_or(""));
    crate::dates::RANGE_JOINERS.contains(&first.as_str()) || rest.starts_with(['-', '–', '—'])
}

/// Does a year follow the month word that starts `s` ("Jun 2021", "março de 2021", "Sept. 2019")?
/// "Rio de Janeiro, RJ" names a city, not January.
fn year_follows(s: &str) -> bool {
    let rest = s.trim_start_matches(char::is_alphabetic).trim_start_matches(['.', ',', ' ', '/', '-']);
    let rest = rest.strip_prefix("de ").or_else(|| rest.strip_prefix("del ")).unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// A line that only says how long a job lasted: "12 anos 10 meses", "2 yrs 3 mos", "(3 años)".
pub(crate) fn is_duration(line: &str) -> bool {
    const UNITS: &[&str] = &[
        "yr", "yrs", "year", "years", "mo", "mos", "month", "months", "ano", "anos", "mes", "meses", "m",
        "a", "y",
    ];
    let f = fold(line);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    // "a year", "um ano", "un año": an article in place of the number.
    let count =
        |w: &&str| w.chars().all(|c| c.is_ascii_digit()) || ["a", "an", "um", "uma", "un", "una"].contains(w);
    !words.is_empty()
        && words.iter().any(count)
        && words.iter().any(|w| UNITS.contains(w))
        && words.iter().all(|w| count(w) || UNITS.contains(w) || ["and", "e", "y"].contains(w))
}

/// Words of job titles in English, Portuguese and Spanish (folded).
pub(crate) const TITLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "analyst",
    "designer",
    "lead",
    "head",
    "director",
    "intern",
    "consultant",
    "specialist",
    "architect",
    "scientist",
    "qa",
    "tester",
    "owner",
    "coordinator",
    "administrator",
    "officer",
    "associate",
    "programmer",
    "sre",
    "devops",
    "president",
    "vp",
    "founder",
    "cto",
    "ceo",
    "technician",
    "assistant",
    "representative",
    "senior",
    "junior",
    "staff",
    "principal",
    "product",
    "scrum",
    "master",
    "engenheiro",
    "engenheira",
    "desenvolvedor",
    "desenvolvedora",
    "analista",
    "gerente",
    "coordenador",
    "coordenadora",
    "estagiario",
    "estagiaria",
    "ingeniero",
    "ingeniera",
    "desarrollador",
    "desarrolladora",
    "lider",
    "jefe",
    "jefa",
    "diretor",
    "diretora",
    "directora",
    "especialista",
    "disenador",
    "disenadora",
    "arquiteto",
    "arquiteta",
    "arquitecto",
    "arquitecta",
    "cientista",
    "cientifico",
    "cientifica",
    "consultor",
    "consultora",
    "tecnico",
    "tecnica",
    "programador",
    "programadora",
    "pleno",
    "sr",
    "jr",
    "practicante",
    "pasante",
    "atendente",
    "vendedor",
    "vendedora",
    "recepcionista",
    "monitor",
    "monitora",
    "cajero",
    "cajera",
    "barista",
    "mesero",
    "mesera",
    "cashier",
    "clerk",
    "bartender",
    "caixa",
    "trainee",
    // "Data Analytics Co-op Student" (R40: read as the employer beside "Maple & Main Retail Inc.").
    "student",
    "estudiante",
    "estudante",
    "apprentice",
    "auxiliar",
    "supervisor",
    "supervisora",
    "investigador",
    "investigadora",
    "pesquisador",
    "pesquisadora",
    "researcher",
    "professor",
    "professora",
    "profesor",
    "profesora",
    "docente",
    "teacher",
    "instructor",
    "instrutor",
    "instrutora",
    "asesor",
    "asesora",
    "assessor",
    "gestor",
    "gestora",
    "encargado",
    "encargada",
    "responsable",
    "ejecutivo",
    "ejecutiva",
    "executivo",
    "executiva",
    "administrador",
    "administradora",
    "asistente",
    "assistente",
    "becario",
    "becaria",
    "estagio",
    "tecnologo",
    "redator",
    "redactor",
    "writer",
    "editor",
    "agent",
    "agente",
    "operador",
    "operadora",
    "recruiter",
    "reclutador",
    "recrutador",
];

/// How much a fragment reads like a job title.
fn title_score(fragment: &str) -> usize {
    fold(fragment).split(' ').filter(|w| TITLE_WORDS.contains(w)).count()
}

/// Labels some layouts print inside an entry.
const LABELS: &[&str] =
    &["highlights", "responsibilities", "achievements", "destaques", "logros", "conquistas"];

/// A short line that can name a title, an employer or a place (not a highlight sentence).
/// A highlight cut mid-sentence: a bulleted or long line ending in a comma or a short joining
/// word, its last cell alone ("... como código com", "... with Kafka and").
fn runs_on(line: &str) -> bool {
    let last = line.rsplit('\t').next().unwrap_or("").trim();
    let tail = last.rsplit(' ').next().unwrap_or("");
    (is_bullet(last) || last.split_whitespace().count() >= 6)
        && (last.ends_with(',') || crate::sections::JOINING.contains(&tail))
}

/// An entry's description lines as its highlights, without their bullets: a bullet the layout
/// wrapped onto further lines is one highlight ("- Ran the migration ... cut metric query times
/// for" / "90-day dashboards from minutes to under 10 seconds."). A line goes on the one above
/// when it has no bullet of its own and starts in lower case, with a digit or a sign, or the
/// line above stops mid-sentence. In an entry whose unbulleted highlights end with a full stop,
/// an unbulleted line as wide as the text that ends without one was cut by the layout's wrap
/// ("... de Java/XML a Kotlin y Jetpack" / "Compose con arquitectura MVVM ...", R54).
fn joined(lines: impl Iterator<Item = String>) -> Vec<String> {
    let lines: Vec<String> = lines.collect();
    let prose: Vec<&str> =
        lines.iter().map(|l| l.trim_end()).filter(|l| !l.is_empty() && !is_bullet(l)).collect();
    let stopped = prose.iter().filter(|l| l.ends_with('.')).count();
    let width = prose.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let wrapped = |line: &str| {
        let line = line.trim_end();
        let chars = line.chars().count();
        stopped >= 2
            && stopped * 3 >= prose.len()
            && !is_bullet(line)
            && chars >= 60
            && chars + 12 >= width
            && !line.ends_with(['.', '!', '?', ':', ';', ')'])
    };
    let mut out: Vec<String> = Vec::new();
    // Whether the highlight being built started with a bullet: then an indented line under it
    // is its rest, whatever its first letter ("... TestFlight y Firebase App" / "  Distribution;
    // las liberaciones...").
    let mut bulleted = false;
    // Whether it started flush left with text after a label or a verb: an indented line under it
    // is its rest too, a hanging indent ("Migração: conduzi a migração ... (Cloud Composer)." /
    // "  Levou 11 meses; ...", R86: read as two highlights).
    let mut hanging = false;
    let mut cut = false;
    for line in &lines {
        let text = strip_bullet(line);
        let indented = line.starts_with([' ', '\t']) && !line.trim().is_empty();
        let goes_on = !is_bullet(line)
            && out.last().is_some_and(|above: &String| {
                !text.starts_with(|c: char| c.is_uppercase())
                    || ((bulleted || hanging) && indented)
                    || cut
                    || above.ends_with(',')
                    || crate::sections::JOINING.contains(&above.rsplit(' ').next().unwrap_or(""))
            });
        cut = wrapped(line);
        if !goes_on {
            bulleted = is_bullet(line);
            hanging = !bulleted && !indented && !line.trim_end().ends_with(':');
        }
        match out.last_mut() {
            Some(above) if goes_on => {
                above.push(' ');
                above.push_str(text);
            }
            _ => out.push(text.to_string()),
        }
    }
    out
}

fn header_like(line: &str) -> bool {
    let t = line.trim();
    // Places and durations in their own cells, and separators, do not make a line longer.
    let placeless: String = t
        .split('\t')
        .filter(|c| !is_duration(c) && crate::contact::location_in(c.trim()).is_none())
        .map(|c| without_place(c.trim()))
        .collect::<Vec<_>>()
        .join(" ");
    let core = without_asides(&placeless);
    // A legal form is part of a name, however many words it is written in (R76: "DBA Senior /
    // Líder técnico de datos — Minera Sierra Madre Oriental S.A. de C.V.").
    // (Forms written in one word are not counted by `legal_form_words`; each form found counts
    // as one word here, where `anchors_entry` drops it altogether.)
    let words = word_count(&core).saturating_sub(legal_form_words(&core).saturating_sub(1));
    let strong = [" | ", " — ", " – "].iter().any(|sep| core.contains(sep));
    !t.is_empty()
        && !is_bullet(t)
        && !starts_with_own_verb(t)
        && !ends_sentence(if core.trim().is_empty() { t } else { core.trim_end() })
        // A title and an employer joined by a strong separator may run longer than either, and
        // so may a name before its place ("SECRETARÍA DE FINANZAS DEL ESTADO, DIRECCIÓN DE
        // TECNOLOGÍAS DE LA INFORMACIÓN — Saltillo, Coah.").
        && (words <= 9
            || (words <= 12 && (strong || placeless.len() < t.len()))
            // A public body's or a company's long name before a long title, with no figure
            // (R82: "Secretaría de Finanzas del Gobierno del Estado de México — Administradora
            // de Bases de Datos", "Aseguradora Nacional del Bajío, S.A. de C.V. — DBA Senior /
            // Líder técnica de Bases de Datos", read as achievements of the job before).
            || (words <= 16 && strong && long_header(&core)))
        // A legal form and a title's qualifier on one header run longer (R69: "Quetzal
        // Interactive Studios S.A. de C.V. — Engineering Manager, Plataforma de Juego", 84
        // characters, read as no header at all).
        && core.chars().count() <= if strong { 100 } else { 80 }
        && !LABELS.contains(&fold(t).as_str())
}

/// Whether a line of up to sixteen words is a name and a title around a strong separator: no
/// figure, no sentence break (a full stop, a space and a capital; "S.A. de C.V." is none), both
/// sides capitalized and one of them a title. "Moved the billing estate off the mainframe — the
/// team kept the old reports running" is none.
fn long_header(core: &str) -> bool {
    let sentences = core.match_indices(". ").any(|(i, _)| core[i + 2..].starts_with(char::is_uppercase));
    let Some((a, b)) = [" — ", " – ", " | "].iter().find_map(|sep| core.split_once(sep)) else {
        return false;
    };
    let (a, b) = (a.trim(), b.trim());
    !sentences
        && !core.chars().any(|c| c.is_ascii_digit())
        && a.starts_with(char::is_uppercase)
        && b.starts_with(char::is_uppercase)
        && (title_score(a) > 0 || title_score(b) > 0)
}

/// A line opened by a verb in the first person past, the way achievements are written in
/// Portuguese and Spanish ("Mentorei 5 pessoas desenvolvedoras, duas promovidas a sênior",
/// "Desarrollé la API"): a highlight, never a title or an employer, whatever title word it holds.
fn starts_with_own_verb(line: &str) -> bool {
    let first = strip_bullet(line).split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches([',', ':', ';']);
    let letters = first.chars().count();
    first.chars().all(char::is_alphabetic)
        && letters >= 6
        && (first.ends_with("ei") || first.ends_with('é'))
        && first.chars().next().is_some_and(char::is_uppercase)
        && !first.chars().skip(1).any(char::is_uppercase)
}

/// The words of `text` that hold a letter or a digit (a dash or a bullet is not a word).
fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Where the first dates of a line start (its length when it has none).
fn date_start(line: &str) -> usize {
    line.char_indices()
        .find(|(i, c)| {
            (c.is_ascii_digit()
                && crate::dates::starts_with_numeric_date(&line[*i..])
                && parse_period(&line[*i..]).is_some())
                || (crate::dates::starts_with_month(&line[*i..])
                    && (*i == 0 || !line[..*i].ends_with(char::is_alphabetic))
                    && year_follows(&line[*i..])
                    && parse_period(&line[*i..]).is_some())
        })
        .map_or(line.len(), |(i, _)| i)
}

/// A line without its asides in brackets: those that describe an employer ("Farmácias Serra
/// Verde (rede com 310 lojas)", "Pagalia (plataforma de pagos para comercios)") do not make a
/// header a sentence. A line with an unclosed bracket is kept whole.
pub fn without_asides(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // An unclosed bracket hides nothing.
    if depth > 0 { line.to_string() } else { out }
}

/// An employer's name without an aside that describes it ("Pagalia (plataforma de pagos para
/// comercios)" is "Pagalia"); a name in brackets ("(UFMG)", "(AWS)") stays.
fn without_description(employer: &str) -> String {
    match employer.trim_end().strip_suffix(')').and_then(|e| e.rsplit_once(" (")) {
        Some((name, aside)) if !name.trim().is_empty() && aside.starts_with(char::is_lowercase) => {
            name.trim_end().to_string()
        }
        _ => employer.to_string(),
    }
}

/// A header without the team named after the title ("Líder Técnica, célula de Reservaciones de
/// Hotel", "Backend Engineer - Payments squad"): a team inside the employer is not the employer.
fn without_team(header: &str) -> &str {
    for sep in [", ", " - ", " – ", " — ", " | "] {
        if let Some((title, team)) = header.split_once(sep)
            && title_score(team) == 0
        {
            let team = fold(team);
            // A function named alone after the title ("Software Engineer, Backend", R34: asked "At
            // Backend, ...") is the title's, not an employer.
            let function = FUNCTIONS.contains(&team.as_str());
            if (function || names_team(&team)) && title_score(title) > 0 {
                return title.trim();
            }
        }
    }
    header
}

/// Whether folded `part` names a team ("célula de Reservaciones", "time de dados", "Payments
/// squad"), not an employer.
fn names_team(part: &str) -> bool {
    let mut words = part.split(' ');
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    TEAM_WORDS.contains(&first)
        || (first == "time" && ["de", "do", "da"].contains(&second))
        || part.split(' ').next_back().is_some_and(|w| ["squad", "team", "tribe", "pod"].contains(&w))
}

/// How the job was held ("Software Engineering Bootcamp, full time", "Desenvolvedor | PJ"): not
/// an employer. ("Freelance" is left out: resumes name it as the employer of freelance work.)
/// A company's legal form written as its own piece ("Laboratorios Helvetia-Kern de México, S.A. de
/// C.V."): part of the employer's name, never a title or an employer of its own (R33: the kit
/// asked "En S.A. de C.V., ...").
fn is_legal_form(part: &str) -> bool {
    LEGAL_FORMS.contains(&part.trim().to_lowercase().as_str())
}

/// The words of the legal forms `text` names ("S. de R.L. de C.V." is five), at most one each.
fn legal_form_words(text: &str) -> usize {
    let mut lower = format!(" {} ", text.to_lowercase().replace(',', " "));
    let mut n = 0;
    for form in LEGAL_FORMS.iter().filter(|f| f.contains(' ')) {
        if let Some(at) = lower.find(&format!(" {form} ")) {
            n += word_count(form);
            lower.replace_range(at..at + form.len() + 1, "");
        }
    }
    n
}

/// Whether a name ends in a company's legal form ("Maple & Main Retail Inc.", "Conecta Sistemas, Ltda.").
fn ends_in_legal_form(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    LEGAL_FORMS.iter().any(|f| lower.strip_suffix(f).is_some_and(|head| head.ends_with(' ')))
}

/// Companies' legal forms, lower case, longest first: "s.a. de c.v.", "ltda.", "inc.", "gmbh"...
pub const LEGAL_FORMS: &[&str] = &[
    "s.a.p.i. de c.v.",
    "s.a.b. de c.v.",
    "s. de r.l. de c.v.",
    "s.a. de c.v.",
    "s.a. de c.v",
    "sapi de cv",
    "sa de cv",
    "private limited",
    "pvt. ltd.",
    "pvt. ltd",
    "pvt ltd.",
    "pvt ltd",
    "pte. ltd.",
    "pte ltd",
    "pty. ltd.",
    "pty ltd",
    "s. de r.l.",
    "s.r.l.",
    "s.c.",
    "ltda.",
    "ltda",
    "s.a.",
    "s.a",
    "s/a",
    "inc.",
    "inc",
    "llc",
    "ltd.",
    "ltd",
    "plc",
    "gmbh",
    "corp.",
    "eireli",
];

fn is_employment_type(part: &str) -> bool {
    [
        "full time",
        "part time",
        "internship",
        "remote",
        "hybrid",
        "on site",
        "tempo integral",
        "meio periodo",
        "meio expediente",
        "estagio",
        "remoto",
        "hibrido",
        "presencial",
        "pj",
        "clt",
        "tiempo completo",
        "medio tiempo",
        "becario",
        "practicas",
        // ("Cloud Engineer, contract, 4 days/week", R101: told "At contract".)
        "contract",
        "contractor",
        "fixed term",
        "contrato",
        "temporario",
        "temporal",
    ]
    .contains(&fold(part).as_str())
        || {
            // How much of the week: "4 days/week", "20 h por semana", "3 días a la semana".
            let lower = part.to_lowercase();
            lower.chars().any(|c| c.is_ascii_digit())
                && ["/week", "a week", "per week", "por semana", "a la semana", "/semana"]
                    .iter()
                    .any(|w| lower.contains(w))
                && lower.split_whitespace().count() <= 4
        }
}

/// Functions a title names after a comma or dash ("Software Engineer, Backend"), folded.
const FUNCTIONS: &[&str] = &[
    "backend",
    "back-end",
    "back end",
    "frontend",
    "front-end",
    "front end",
    "full stack",
    "fullstack",
    "full-stack",
    "platform",
    "plataforma",
    "infrastructure",
    "infraestrutura",
    "infraestructura",
    "mobile",
    "data",
    "dados",
    "datos",
    "payments",
    "pagamentos",
    "pagos",
    "qa",
    "devops",
    "sre",
    "security",
    "seguranca",
    "seguridad",
    "growth",
    "core",
    "ios",
    "android",
    "integracoes",
    "integraciones",
    "integrations",
];

/// Words that open the name of a team inside a company.
const TEAM_WORDS: &[&str] =
    &["celula", "squad", "equipo", "equipe", "team", "tribu", "tribe", "chapter", "pod", "guild"];

/// Does this line end like a sentence? A full stop after an abbreviation ("Acme Inc.", "S.A. de
/// C.V.", "Jr.") does not count.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with([';', ':']) {
        return true;
    }
    let Some(body) = t.strip_suffix('.') else { return false };
    let last: String = body.rsplit(' ').next().unwrap_or("").chars().filter(|c| *c != '.').collect();
    !(last.chars().count() <= 4 && last.starts_with(char::is_uppercase))
}

/// Words of a header line that could name a title or an employer (places and durations out).
fn core_words(line: &str) -> usize {
    pieces(line, &mut None).iter().map(|p| without_asides(p).split_whitespace().count()).sum()
}

/// The title and employer among the header fragments of one entry.
/// `inline`: how many of the fragments (the first) are on the date line itself.
fn assign(fragments: &[String], anchored: &[bool], inline: usize) -> (Option<String>, Option<String>, f32) {
    // "Freelance · Independent analytics consulting" beside a title: a company and its blurb.
    let has_title = fragments.iter().any(|f| title_score(f) > 0 && split_header(f).1.is_none());
    let owned: Vec<String> = fragments
        .iter()
        .map(|f| match f.split_once(" · ").or_else(|| f.split_once(" | ")) {
            Some((company, blurb)) if has_title && title_score(company) == 0 && title_score(blurb) == 0 => {
                company.trim().to_string()
            }
            _ => f.clone(),
        })
        .collect();
    let owned: Vec<String> = owned.iter().map(|f| without_team(f).to_string()).collect();
    let fragments = owned.as_slice();
    for (i, f) in fragments.iter().enumerate() {
        if let (Some(t), Some(e)) = split_header(f)
            && ((title_score(&t) > 0 && title_score(&t) >= title_score(&e)) || fragments.len() == 1)
        {
            // A name with its place on a line of its own ("Lanthorn Payments — Dublin" above
            // "Principal Engineer, Platform Architecture, Feb 2020 – present") is the employer:
            // what follows the title on the date line is a team or a later title (R25). Only on
            // the date line: "Ingeniero DevSecOps — Altavista Pagos" above a blurb with a place
            // names its employer itself.
            // So is a name in capitals on a line of its own ("NORTHGATE RETAIL GROUP (Sheffield)"
            // above "Graduate Analyst, Demand Planning", R30) when what follows the title is after
            // a comma.
            let after_comma =
                f.trim_start().strip_prefix(t.trim()).is_some_and(|rest| rest.trim_start().starts_with(','));
            let capitals = |g: &str| {
                let name = without_asides(g);
                name.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !name.chars().any(char::is_lowercase)
            };
            let named = fragments.iter().enumerate().find(|(j, g)| {
                *j != i
                    && ((i < inline && anchored.get(*j).copied().unwrap_or(false))
                        || (after_comma && capitals(g)))
                    && title_score(g) == 0
                    && split_header(g).1.is_none()
            });
            // "Bastion Hosting LLC, Englewood, CO — Systems Administrator": the employer without
            // the place written after it (R38: "At Bastion Hosting LLC, Englewood, CO, ...").
            // Not a place inside an aside: "Pixel & Pine (agency, Manchester)" keeps its bracket.
            let e = match without_place(&e) {
                name if name.len() >= 2
                    && name.len() < e.len()
                    && name.matches('(').count() == name.matches(')').count() =>
                {
                    name.to_string()
                }
                _ => e,
            };
            return (Some(t), Some(named.map_or(e, |(_, g)| without_asides(g).trim().to_string())), 0.8);
        }
    }
    match fragments {
        [] => (None, None, 0.3),
        [one] => {
            if let Some((t, e)) = slash_split(one) {
                (Some(t), Some(e), 0.6)
            } else if title_score(one) > 0 {
                (Some(one.clone()), None, 0.5)
            } else {
                (None, Some(one.clone()), 0.4)
            }
        }
        many => {
            let best = (0..many.len()).max_by_key(|&i| (title_score(&many[i]), usize::MAX - i)).unwrap_or(0);
            // `many` is ordered nearest the dates first.
            let title = many[best].clone();
            // Employers are short names; a longer line near the dates describes the company.
            let employer = many
                .iter()
                .enumerate()
                .filter(|(i, f)| *i != best && title_score(f) == 0)
                .min_by_key(|(i, f)| {
                    (!anchored.get(*i).copied().unwrap_or(false), f.split_whitespace().count() > 4, *i)
                })
                .or_else(|| many.iter().enumerate().find(|(i, _)| *i != best));
            let sure = if title_score(&title) > 0 && employer.is_some_and(|(_, e)| title_score(e) == 0) {
                0.8
            } else {
                0.6
            };
            (Some(title), employer.map(|(_, e)| e.clone()), sure)
        }
    }
}

/// Splits a fragment at tabs (columns of one line) into its pieces; places go to `location`.
fn pieces(line: &str, location: &mut Option<String>) -> Vec<String> {
    let mut out = Vec::new();
    // Web addresses beside a name are not part of it ("Pied Piper  http://piedpiper.example.com").
    let line = crate::sections::without_addresses(line);
    for cell in line
        .split('\t')
        .map(|c| strip_bullet(c).trim().trim_end_matches(['∙', '·', '|', '-']).trim())
        .filter(|c| !c.is_empty())
    {
        if is_duration(cell) || is_employment_type(cell) {
            continue;
        }
        if let Some(name) = described_name(cell) {
            out.push(name.to_string());
            continue;
        }
        // "Software Engineering Bootcamp, full time": how the job was held is not part of it.
        // (However many: "Cloud Engineer, contract, 4 days/week", R101.)
        let mut cell = cell;
        while let Some((head, tail)) = cell.rsplit_once([',', '|', '·'])
            && is_employment_type(tail.trim())
            && !head.trim().is_empty()
        {
            cell = head.trim();
        }
        // "Waterloo, Ontario, Canada": a place line whole, not "Waterloo" with its place (R53).
        if cell.matches(',').count() == 2
            && let Some(place) = crate::contact::location_in(cell)
        {
            location.get_or_insert(place);
            continue;
        }
        // "Pendo, Raleigh, NC": a name with its place after it.
        let named = without_place(cell);
        // Cut at a strong separator ("Logística Integral del Noreste, S.A. de C.V. — Monterrey,
        // N.L."), the name may hold commas of its own.
        let dashed = [" — ", " – ", " | ", " · "].iter().any(|sep| cell[named.len()..].starts_with(sep));
        if named.len() < cell.len() && !named.is_empty() && (dashed || !named.contains(',')) {
            location.get_or_insert_with(|| {
                cell[named.len()..].trim_start_matches([',', ' ', '|', '·', '-', '–', '—']).to_string()
            });
            out.push(named.to_string());
        } else if let Some(place) = crate::contact::location_in(cell) {
            location.get_or_insert(place);
        } else if !LABELS.contains(&fold(cell).as_str()) {
            out.push(cell.to_string());
        }
    }
    out
}

/// The header text of a date line: what is left without the dates, unless that is a sentence of
/// description beside a column of dates ("Led the team of ... <TAB>Set 2013 – atual").
fn inline_header(line: &str) -> String {
    let rest = without_dates(line);
    // A place with the dates in brackets after it ("Brasília – DF (mar. 2022 – atual)") is one
    // line of where and when: the title and employer are the lines above.
    let words = word_count(&rest);
    let bracketed = line[..date_start(line)].trim_end().ends_with('(');
    if (bracketed || !line.contains('\t')) && words <= 4 && crate::contact::location_in(&rest).is_some() {
        String::new()
    } else if header_like(&rest) || title_score(&rest) > 0 && rest.split_whitespace().count() <= 12 {
        // The word that led into a year taken out goes with it ("Cloud Engineer, promoted to
        // Senior Cloud Engineer in 2021 <gap> Mar 2019 – May 2022" is no title "... Engineer in",
        // R101).
        let mut rest = rest.trim_end().to_string();
        while let Some((head, last)) = rest.rsplit_once(' ')
            && ["in", "em", "en", "since", "desde", "from", "on"].contains(&last)
        {
            rest = head.trim_end().to_string();
        }
        rest
    } else {
        String::new()
    }
}

/// Is this date line the anchor of an entry rather than a year inside a highlight?
fn anchors_entry(line: &str, period: &Period) -> bool {
    // A line wholly in brackets is an aside about the entry above ("(entrei como Júnior,
    // promovido a Pleno em set. 2023)"), never an entry of its own.
    let bare = line.trim();
    if bare.starts_with('(') && bare.ends_with(')') {
        return false;
    }
    // A date inside a bulleted sentence ("• Built monitoring ... after a March 2023" / "• During
    // the March 2020 spike, shipped ...") or in the wrapped rest of one ("  available during a
    // 3-hour outage in November 2019.") is the story's, not an entry's.
    // So is the wrapped rest of one that closes a bracket the line above opened ("  Cola), entregue
    // a tempo da estreia do Pix em nov/2020.", R33: read as a new job at "entregue a tempo..."),
    // dates inside the bracket included ("  2016–2022), com plantão 24x7", R48: read as a job
    // from 2016 to 2022 that took the rest of the bullet above).
    if line.find(')').is_some_and(|c| line.find('(').is_none_or(|o| o > c)) {
        return false;
    }
    // The text before the first date, and after it.
    let cut = date_start(line);
    let before = line[..cut].trim_end();
    let dates_end = crate::dates::span_end(line, cut);
    let after = line[dates_end..].trim_start();
    // Nor is a title's path with the years of each step in brackets ("Analista de Dados
    // (2018–2019) → Engenheira de Dados Pleno (2019–2020)" under its employer's dated line, R110:
    // read as a job at "Analista de Dados").
    // (The arrow after the first step's years: "Senior Frontend Engineer → Frontend Tech Lead —
    // Tallgrass Health, Austin, TX (Jun 2017 – Jan 2022)" is one entry's header with its dates.)
    let arrow = line.find('→').or_else(|| line.find("->"));
    if arrow.is_some_and(|a| a > cut) && before.ends_with('(') {
        return false;
    }
    // "desde 2022" on its own line is an entry's open range, not a sentence's (R50: a senior's
    // current job lost).
    let since = matches!(fold(before.trim_start()).as_str(), "since" | "desde");
    // "• Prestou suporte a clientes de ERP em Oracle 10g/11g e SQL Server 2005/2008.": years
    // right after a product's name are its versions (R48: read as a job from 2005 to 2008), on a
    // line without a bullet too ("Alcance: SQL Server 2012/2016 para créditos y cobranza.", R84).
    const VERSIONED: &[&str] =
        &["server", "studio", "office", "windows", "exchange", "sharepoint", "dynamics", "delphi"];
    if VERSIONED.contains(&fold(before.rsplit(' ').next().unwrap_or("")).as_str()) {
        return false;
    }
    if !since && (is_bullet(line) || line.trim_start().starts_with(char::is_lowercase)) {
        // "* January 2022 incident: the core ledger database hit ...": one date, not a range, at
        // the head of a bulleted sentence dates its story (R99: read as a job with neither title
        // nor employer that took the rest of the entry's stories).
        let single = !period.current && period.end.is_none_or(|e| e == period.start);
        // (Or one after a label, before a colon: "- Incident, Nov 2022: a bad Istio sidecar upgrade
        // broke mTLS ...", R100.)
        // (Or in brackets: "* Incident (Feb 2023): I pushed a WAF rule ...", R115: read as a job
        // with neither title nor employer that took the rest of the entry's stories.)
        let label = strip_bullet(before).trim().trim_end_matches('(').trim_end();
        let colon = after.starts_with(':') || line[..dates_end].trim_end().ends_with(':');
        let labelled = (colon || label.ends_with(',')) && word_count(label) <= 2;
        if is_bullet(line) && (label.is_empty() || labelled) && single && word_count(after) >= 4 {
            return false;
        }
        if crate::sections::JOINING.contains(&before.rsplit(' ').next().unwrap_or("")) {
            return false;
        }
        // "  incidentes. MTTR médio caiu de 58 para 21 minutos entre 2023 e 2025.": a sentence
        // ended before the dates, or a word that puts them inside one ("between", "since"), is a
        // story's (R39: read as a job from 2023 to 2025).
        const STORY: &[&str] = &[
            "between", "since", "until", "during", "after", "before", "entre", "desde", "ate", "durante",
            "apos", "depois", "hasta", "despues", "antes",
        ];
        if STORY.contains(&fold(before.rsplit(' ').next().unwrap_or("")).as_str())
            || (before.contains(". ") && word_count(before) >= 4)
        {
            return false;
        }
        // "• Responsable de 14 instancias SQL Server (2016–2022) y 9 clústeres": years in brackets
        // inside a sentence are versions or an aside, not the entry's dates.
        if let Some(text) = before.strip_suffix('(')
            && word_count(text) >= 3
        {
            return false;
        }
        // "- Administro 350 servidores (RHEL, Ubuntu, Windows Server 2016/2019/2022) em dois":
        // inside a bracket opened anywhere earlier on the line (R20).
        if before.rfind('(').is_some_and(|open| before.rfind(')').is_none_or(|close| close < open))
            && word_count(before) >= 3
        {
            return false;
        }
    }
    // "  Levou 11 meses; desligamos o servidor antigo em julho de 2023. O tempo da": dates after
    // a preposition that ends four words of a sentence, or followed by the next sentence, are
    // the story's (R86: read as a job that took the rest of the entry's stories).
    // (Not dates apart in a column after a place: "Northlake Grocers, Toronto, ON        Jan
    // 2023 – Present".)
    let apart = line[..cut].ends_with("  ") || line[..cut].contains('\t');
    const IN: &[&str] = &["in", "on", "em", "no", "na", "en", "el"];
    // (A range apart at the line's end is the entry's, whatever year its text names: "Cloud
    // Engineer, promoted to Senior Cloud Engineer in 2021      Mar 2019 – May 2022", R101: the
    // job lost and its stories given to the career break above.)
    let dates_apart = [line.trim_end().rsplit_once('\t'), line.trim_end().rsplit_once("   ")]
        .into_iter()
        .flatten()
        .any(|(_, tail)| without_dates(tail).trim().is_empty() && parse_period(tail).is_some());
    if !apart
        && !dates_apart
        && word_count(before) >= 4
        && (IN.contains(&before.rsplit(' ').next().unwrap_or(""))
            || (after.starts_with(". ") && word_count(after) >= 2))
    {
        return false;
    }
    let rest = without_dates(line);
    // Dates in a right-hand column share a baseline with whatever the left column holds there,
    // a description line included: a column of dates alone anchors however long that line is.
    let column = line.rsplit_once('\t').is_some_and(|(_, tail)| without_dates(tail).is_empty());
    // A company's legal form is part of its name, not words of a sentence: "2020 – 2022 |
    // Constructora Cumbres del Norte, S. de R.L. de C.V. | Desarrollador .NET / DevOps |
    // Monterrey, N.L." is a header (R73: the job's stories told back under the employer above).
    let words = word_count(&without_asides(&rest)).saturating_sub(legal_form_words(&rest));
    let short = column || words <= 12;
    short && (period.start.month > 0 || period.current || period.end.is_some_and(|e| e != period.start))
}

/// Labels of a form's title field, in English, Portuguese and Spanish ("Cargo:", "Current role:").
pub(crate) const TITLE_LABELS: &[&str] = &[
    "position",
    "posição",
    "posicao",
    "posición",
    "posicion",
    "title",
    "job title",
    "role",
    "current role",
    "previous role",
    "current position",
    "previous position",
    "cargo",
    "cargo atual",
    "cargo anterior",
    "cargo actual",
    "função",
    "funcao",
    "puesto",
    "puesto actual",
    "puesto anterior",
];

/// Labels of a form's employer field ("Company:", "Empresa:").
pub(crate) const EMPLOYER_LABELS: &[&str] = &[
    "company",
    "employer",
    "empregador",
    "empleador",
    "organization",
    "organisation",
    "empresa",
    "organização",
    "organizacao",
    "compañía",
    "compania",
    "organización",
];

/// Labels of a work entry's other fields ("Dates:", "Local:", "Cliente:").
pub(crate) const OTHER_LABELS: &[&str] = &[
    "client",
    "period",
    "dates",
    "date",
    "duration",
    "location",
    "cliente",
    "período",
    "periodo",
    "datas",
    "data",
    "duração",
    "local",
    "localização",
    "cidade",
    "fechas",
    "fecha",
    "duración",
    "ubicación",
    "ciudad",
    "lugar",
];

/// The length of a field label that starts `line` ("Empresa: ", "Job title: "), up to its value;
/// 0 when the line has none. Labels of work entries in English, Portuguese and Spanish.
fn field_label(line: &str) -> usize {
    let Some(colon) = line.find(':') else { return 0 };
    let label = line[..colon].trim().to_lowercase();
    if ![TITLE_LABELS, EMPLOYER_LABELS, OTHER_LABELS].iter().any(|l| l.contains(&label.as_str())) {
        return 0;
    }
    let value = &line[colon + 1..];
    let value_at = colon + 1 + (value.len() - value.trim_start().len());
    if line[value_at..].trim().is_empty() { 0 } else { value_at }
}

/// What a labelled field says its value is: `Some(true)` a title ("Cargo: QA", "Current role:
/// Security Engineer II"), `Some(false)` an employer ("Company: Liffey Ledger (fintech), Dublin"),
/// `None` anything else.
fn labelled_as_title(line: &str) -> Option<bool> {
    if field_label(line) == 0 {
        return None;
    }
    let label = line[..line.find(':')?].trim().to_lowercase();
    if TITLE_LABELS.contains(&label.as_str()) {
        Some(true)
    } else {
        EMPLOYER_LABELS.contains(&label.as_str()).then_some(false)
    }
}

/// Whether a line's dates stand apart from its text as a header's do: after a column gap or a
/// separator, with nothing but a place or an aside after them ("1) Lead Data Engineer - Kavira
/// ...          Apr 2021 – Present"), not inside a sentence ("5. Incident commander del incidente
/// de marzo 2024: 47 minutos ...").
fn dated_header(line: &str) -> bool {
    if parse_period(line).is_none() {
        return false;
    }
    let cut = date_start(line);
    let before = &line[..cut];
    let apart = before.ends_with("  ")
        || before.contains('\t')
        || before.trim_end().ends_with(['—', '–', '-', '|', ',', '(', '·']);
    let after = line[crate::dates::span_end(line, cut)..].trim();
    apart && (after.is_empty() || after.starts_with(['(', '|', '·', '—', '–']))
}

/// Work entries of the experience section `text` (offset `base` in the document).
///
/// Entries are anchored on their date lines. Their title, employer and place are the short
/// lines next to the dates (the text on the date line, up to two lines above, up to two
/// below), told apart by the words titles use; what follows them is the highlights.
pub fn entries(text: &str, base: usize) -> Vec<WorkEntry> {
    // A duration line under the dates ("12 anos 10 meses") says nothing the dates do not.
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |off, l| {
            let start = *off;
            *off += l.len();
            let l = l.trim_end_matches('\n');
            // A labelled field ("Empresa: Trilha", "Cargo: QA", "Período: mar 2024 – atual")
            // is read as its value: the label is a form's, not the entry's.
            let skip = field_label(l);
            // So is a number before an entry ("1) Lead Data Engineer - Kavira ... Apr 2021 –
            // Present", R63: its bracket read as the close of the line above's, no entry found).
            // (Only on a line with dates: a numbered achievement is a list item, `is_bullet`.)
            let skip = if skip == 0 && dated_header(l) { enumerator(l) } else { skip };
            let (start, l) = (start + skip, &l[skip..]);
            // A header in square brackets ("[Grupo Financiero Altavista | CDMX | feb 2024 -
            // actualidad]", R88's development kits: told "En [Grupo Financiero Altavista").
            let (start, l) = match l.strip_prefix('[').and_then(|r| r.trim_end().strip_suffix(']')) {
                Some(inner) if parse_period(inner).is_some() => (start + 1, inner),
                _ => (start, l),
            };
            // Rules under headers ("-----") are decoration, not lines.
            let empty = is_duration(l) || !l.chars().any(char::is_alphanumeric);
            Some((start, if empty { "" } else { l }))
        })
        .collect();
    // The lines whose label says they are a title or an employer (see `labelled_as_title`).
    let labelled: Vec<Option<bool>> =
        text.split_inclusive('\n').map(|l| labelled_as_title(l.trim_end_matches('\n'))).collect();
    let mut dated: Vec<(usize, Period)> = Vec::new();
    for (i, (_, l)) in lines.iter().enumerate() {
        // Nor does the wrapped rest of a highlight cut mid-sentence above ("• Administrou ... RAC
        // de 2 nós com ASM) e" / "  SQL Server 2012/2014 que suportavam o core bancário", R48).
        let rest_of_above = i > 0 && runs_on(lines[i - 1].1);
        let Some(period) = parse_period(l).filter(|p| !rest_of_above && anchors_entry(l, p)) else {
            continue;
        };
        // A narrow date column wraps its range: "June 2023 to QA Engineer, Acme" / "July 2026
        // In-app guides...": the second line ends the first line's period, it starts nothing.
        if let Some((j, prev)) = dated.last_mut()
            && *j + 1 == i
            && prev.end == Some(prev.start)
            && dangling_range(lines[*j].1)
            && period.start >= prev.start
        {
            prev.end = Some(period.start);
            continue;
        }
        // Some themes print an entry's dates twice (a hidden copy for print): a lone date that
        // repeats the start or end of the entry above starts nothing.
        if let Some((_, prev)) = dated.last()
            && period.end == Some(period.start)
            && (period.start == prev.start || Some(period.start) == prev.end)
        {
            continue;
        }
        dated.push((i, period));
    }
    // The lines that were a duration: in a LinkedIn export "6 years 7 months" sits between the
    // company and its first title (its later roles follow without the company).
    let durations: Vec<bool> =
        text.split_inclusive('\n').map(|l| is_duration(l.trim_end_matches('\n').trim())).collect();
    let non_blank = |j: usize| !lines[j].1.trim().is_empty();
    // HTML and some exports put a blank line between every two lines: there a blank line says
    // nothing about where a header block ends.
    let blanks = lines.iter().filter(|(_, l)| l.trim().is_empty()).count();
    let airy = blanks * 10 >= lines.len() * 4;
    // Phase one, entry by entry: the header lines above each date line (after the previous
    // entry's own header lines) and below it.
    // The header text on each date line, read once for both phases.
    let inline_headers: Vec<String> = dated.iter().map(|(i, _)| inline_header(lines[*i].1)).collect();
    let mut blocks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (k, (i, _)) in dated.iter().enumerate() {
        let floor = match blocks.last() {
            None => 0,
            Some((_, below)) => below.last().map_or(dated[k - 1].0, |&j| j) + 1,
        };
        // With text on the date line, a line above joins only if it names a title: otherwise
        // it is the last highlight of the entry before.
        let inline_text = &inline_headers[k];
        let inline = !inline_text.is_empty();
        // A bare title on the date line leaves room for a short employer line above it.
        let wants_employer = inline && title_score(inline_text) > 0 && split_header(inline_text).1.is_none();
        // Resumes repeat one layout: after an entry whose header sat under its dates, the
        // lines above the next dates are highlights, not headers.
        let dates_first = k > 0
            && blocks[k - 1].0.is_empty()
            && !blocks[k - 1].1.is_empty()
            && without_dates(lines[dated[k - 1].0].1).is_empty();
        let mut above: Vec<usize> = Vec::new();
        let mut j = if dates_first { floor } else { *i };
        let mut gap = false;
        let place = |j: usize| crate::contact::location_in(lines[j].1.trim()).is_some();
        while j > floor && above.iter().filter(|&&a| !place(a)).count() < if inline { 2 } else { 3 } {
            j -= 1;
            if !non_blank(j) {
                // A blank line right above the dates of a title ends the header block there
                // ("...production" / "" / "QA Analyst<TAB>Feb 2022 - May 2023").
                if !airy && above.is_empty() && wants_employer {
                    break;
                }
                // A place ("Los Gatos, CA") does not end the header block, nor does the time at a
                // company over its roles.
                gap =
                    !durations.get(j).copied().unwrap_or(false) && !airy && above.iter().any(|&a| !place(a));
                continue;
            }
            let l = lines[j].1;
            // A company's web address sits among the header lines of some layouts.
            let bare = strip_bullet(l);
            if !bare.contains(' ') && (bare.starts_with("http") || bare.starts_with("www.")) {
                continue;
            }
            if place(j) {
                above.push(j);
                continue;
            }
            // A line that only describes the employer ("(B2B payments platform, ~900 employees)").
            if bare.starts_with('(') && bare.ends_with(')') {
                continue;
            }
            // The tail of a wrapped highlight ("· Padronizei a infraestrutura como código com" /
            // "Terraform e Atlantis") belongs to the highlight.
            if j > floor && non_blank(j - 1) && runs_on(lines[j - 1].1) {
                break;
            }
            let titled = title_score(l) > 0;
            // Past a blank line only a title still belongs to the header (HTML puts blank
            // lines between blocks); a bulleted line only if it names a title.
            // A short bulleted name right above bare dates is a header too: some themes bullet
            // the employer ("• Stripe" / "March, 2021 - Present").
            let fits = if is_bullet(l) {
                header_like(strip_bullet(l))
                    && (titled
                        || (!inline && above.is_empty() && j + 1 == *i && core_words(strip_bullet(l)) <= 4))
            } else {
                header_like(l)
            };
            // A name with its place on the next line ("Salt & Cedar" / "Austin, TX"), or after it
            // on its own line ("TANDEM VIAJES (agencia de viajes) — Ciudad de México"), is a header.
            let named = (j + 1 < lines.len() && place(j + 1))
                || l.split('\t').skip(1).any(|c| crate::contact::location_in(c.trim()).is_some())
                || (!is_bullet(l) && without_place(l.trim()).len() < l.trim().len());
            // A name with what it is after a dash, right above a title and its dates, is the
            // employer's line (R39: "Nuvia Pagamentos S.A. — fintech de conta digital e adquirência"
            // over "Engenheira SRE Sênior | ago/2022 – o momento | São Paulo").
            let short_name = above.is_empty()
                && ((wants_employer && (core_words(l) <= 4 || name_and_place(l).is_some()))
                    || (j + 1 == *i && !is_bullet(l) && described_name(l).is_some()));
            if !fits || ((inline || gap) && !titled && !named && !short_name) {
                break;
            }
            above.push(j);
        }
        above.reverse();
        // Below: a title under the dates (or under "Company  City"), a place, and when the dates
        // stand alone (date-first layouts) the employer under the title.
        let limit = dated.get(k + 1).map_or(lines.len(), |(n, _)| *n);
        let alone = !inline && above.is_empty();
        let (mut below, mut titles, mut others) = (Vec::new(), 0, 0);
        for (j, &(_, l)) in lines.iter().enumerate().take(limit).skip(i + 1) {
            if l.trim().is_empty() || LABELS.contains(&fold(l).as_str()) {
                continue;
            }
            if !header_like(l) {
                break;
            }
            // A line of prose the next line goes on ("Responsible for target architecture across
            // 11 product teams (around 90 engineers) selling" / "65 million rail tickets a year.
            // Led the move ...", R97: read as a title under the dates, and lost) is a highlight.
            let next = lines.get(j + 1).map_or("", |(_, n)| n.trim_start());
            let runs_into_next = l.split_whitespace().count() >= 10
                && !next.is_empty()
                && !is_bullet(next)
                && next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                && parse_period(next).is_none();
            if runs_into_next {
                break;
            }
            let place = crate::contact::location_in(l.trim()).is_some();
            let title = title_score(l) > 0 && titles == 0;
            // A bare title on the date line: its employer may sit on the line under it
            // ("QA Engineer<TAB>June 2023 – July 2026" / "Pendo<TAB>Raleigh, NC").
            let under_title = wants_employer && above.is_empty() && titles == 0;
            // Under dates that stand alone, a long name with its place after it is the employer
            // too ("SECRETARÍA DE FINANZAS DEL ESTADO, DIRECCIÓN DE TI — Saltillo, Coah.").
            // So is one under a bare title on the date line ("Administrador de Infraestructura TI ·
            // mar 2015 – ene 2020" / "Laboratorios Helvetia-Kern de México, S.A. de C.V., Santa
            // Catarina, N.L.", R33).
            let named_place = (alone || under_title) && without_place(l.trim()).len() < l.trim().len();
            let employer = !place
                && !title
                && others == 0
                && (alone || under_title || (!inline && titles == 0 && above.len() < 2))
                && (core_words(l) <= 5 || named_place);
            if !(place || title || employer) {
                break;
            }
            titles += usize::from(title);
            others += usize::from(employer);
            below.push(j);
        }
        blocks.push((above, below));
    }
    let mut out: Vec<WorkEntry> = Vec::new();
    // The company of a LinkedIn export's roles (see `company_line`).
    let mut company: Option<String> = None;
    for (k, (i, period)) in dated.iter().enumerate() {
        let (above, below) = &blocks[k];
        let mut location = None;
        // Fragments nearest the dates first: the employer is the nearest that is not a title.
        let mut fragments: Vec<String> = pieces(&inline_headers[k], &mut location);
        let mut anchored = vec![false; fragments.len()];
        let inline_count = fragments.len();
        let mut near: Vec<(usize, usize)> =
            above.iter().map(|&a| (i - a, a)).chain(below.iter().map(|&b| (b - i, b))).collect();
        near.sort_unstable();
        let is_place = |j: usize| j < lines.len() && crate::contact::location_in(lines[j].1.trim()).is_some();
        for (_, j) in near {
            // A name with its place beside it or on the next line is the employer's.
            let had_place = location.is_some();
            let got = pieces(lines[j].1, &mut location);
            let beside = (location.is_some() && !had_place)
                || is_place(j + 1)
                || lines[j].1.split('\t').any(|c| crate::contact::location_in(c.trim()).is_some());
            anchored.extend(std::iter::repeat_n(beside, got.len()));
            fragments.extend(got);
        }
        let (title, employer, confidence) = assign(&fragments, &anchored, inline_count);
        // A form's labels say which line is which ("Current role: Security Engineer II" over
        // "Company: Liffey Ledger (fintech, ~600 staff), Dublin", R87: read the other way round);
        // after a labelled employer's comma comes its place, unless a legal form.
        let label = |title: bool| {
            above
                .iter()
                .chain(below)
                .chain([i])
                .find(|&&j| labelled[j] == Some(title))
                .map(|&j| lines[j].1.trim())
        };
        let title = label(true).map(str::to_string).or(title);
        let employer = match label(false).map(|e| split_outside_asides(e, ", ")) {
            Some(parts) if parts.len() > 1 && !parts[1..].iter().any(|p| is_legal_form(p)) => {
                location.get_or_insert_with(|| parts[1..].join(", "));
                Some(without_description(parts[0]))
            }
            Some(parts) => Some(without_description(&parts.join(", "))),
            None => employer,
        };
        // A LinkedIn export: the company's own line right above the time at the company is the
        // employer of the title under it ("Maplewood Financial" / "6 years 7 months" / "Senior
        // Software Engineer, Payments Platform", R53: the team was read as the employer), and of
        // the roles listed after it without a company of their own.
        let company_line = above
            .iter()
            .find(|&&a| {
                durations.get(a + 1).copied().unwrap_or(false)
                    && title_score(lines[a].1) == 0
                    && a + 3 == *i
                    && title_score(lines[a + 2].1) > 0
            })
            .map(|&a| lines[a].1.trim().to_string());
        let (title, employer) = match (&company_line, title) {
            (Some(company), Some(t)) if employer.as_deref() != Some(company.as_str()) => {
                let (bare_title, _) = split_header(&t);
                (Some(bare_title.unwrap_or(t)), Some(company.clone()))
            }
            (_, title) => (title, employer),
        };
        let employer = match (&employer, &company) {
            (None, Some(c)) if above.len() <= 1 => Some(c.clone()),
            _ => employer,
        };
        if company_line.is_some() {
            company = company_line.clone();
        } else if employer.is_some() && employer != company {
            company = None;
        }
        // "Farmácias Serra Verde (rede com 310 lojas)": the employer without what describes it;
        // "Quayside Logistics Software — Cork": without a place the city list does not know.
        // "@ Tianguis Digital" under its title: the sign says "at" (R53).
        let employer = employer.map(|e| e.trim_start_matches('@').trim_start().to_string());
        let employer = employer.map(|e| without_description(&e)).map(|e| match name_and_place(&e) {
            Some((name, place)) => {
                location.get_or_insert_with(|| place.to_string());
                name.to_string()
            }
            None => e,
        });
        let body_start = below.last().map_or(*i, |&b| b) + 1;
        // Up to the next entry's first header line.
        let body_end =
            dated.get(k + 1).map_or(lines.len(), |(n, _)| blocks[k + 1].0.first().copied().unwrap_or(*n));
        // A description line that shares its baseline with right-hand dates is the first highlight.
        // A place beside the dates ("Toronto, ON  ·  April 2019 – present" under the title line)
        // is where the job was, not a highlight (R99: "Mississauga, ON" asked about).
        let beside_dates =
            Some(without_dates(lines[*i].1)).filter(|t| !t.is_empty() && inline_headers[k].is_empty());
        let beside_dates = match beside_dates
            .as_deref()
            .map(|t| t.trim().trim_matches(['·', '|', '-', '–', '—', ',']).trim())
        {
            Some(t) if !t.is_empty() && word_count(t) <= 4 && crate::contact::location_in(t).is_some() => {
                location.get_or_insert_with(|| t.to_string());
                None
            }
            _ => beside_dates,
        };
        let highlights = joined(
            beside_dates
                .into_iter()
                .chain((body_start..body_end.max(body_start)).map(|j| lines[j].1.replace('\t', " ")))
                .filter(|l| !strip_bullet(l).is_empty() && !LABELS.contains(&fold(strip_bullet(l)).as_str())),
        );
        let score = |v: Option<String>| v.filter(|s| !s.is_empty()).map(|value| Scored { value, confidence });
        let first = above.first().copied().unwrap_or(*i);
        let start = base + lines[first].0;
        let end = base + lines.get(body_end.max(body_start)).map_or(text.len(), |(o, _)| *o);
        out.push(WorkEntry {
            title: score(title),
            employer: score(employer),
            location: location.map(|value| Scored { value, confidence: 0.7 }),
            period: *period,
            highlights,
            start,
            end,
            confidence,
        });
    }
    out
}

/// Months of experience, counting overlapping periods once; current jobs run to `today`.
pub fn total_months<'a>(entries: impl IntoIterator<Item = &'a WorkEntry>, today: YearMonth) -> i32 {
    let mut spans: Vec<(i32, i32)> = entries
        .into_iter()
        .map(|e| {
            let s = e.period.start.year * 12 + e.period.start.month.max(1) as i32;
            let end = e.period.end.unwrap_or(today);
            (s, s + months_between(e.period.start, end) - 1)
        })
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i32, i32)> = None;
    for (s, e) in spans {
        current = match current {
            Some((cs, ce)) if s <= ce + 1 => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    total + current.map_or(0, |(s, e)| e - s + 1)
}

/// The months of the candidate's current career: the jobs whose titles are in the latest title's
/// field (software, data, QA, IT), or every job when the latest title names no such field. A
/// career changer's years as a pharmacy technician do not make a two-year QA engineer senior.
pub fn career_months(entries: &[WorkEntry], today: YearMonth) -> i32 {
    let in_field = |e: &WorkEntry| e.title.as_ref().is_none_or(|t| in_tech_field(&t.value));
    let latest = entries.iter().max_by_key(|e| (e.period.current, e.period.start));
    if latest.is_none_or(|e| e.title.is_none() || !in_field(e)) {
        return total_months(entries, today);
    }
    total_months(entries.iter().filter(|e| in_field(e)), today)
}

/// Whether a job title is in software, data, QA or IT work ("Analista de Dados", "QA Engineer"),
/// not another trade ("Enfermeira", "Sales Associate").
pub fn in_tech_field(title: &str) -> bool {
    const FIELD: &[&str] = &[
        "engineer",
        "developer",
        "programmer",
        "qa",
        "tester",
        "test",
        "sdet",
        "analyst",
        "data",
        "devops",
        "sre",
        "architect",
        "administrator",
        "scientist",
        "software",
        "web",
        "mobile",
        "frontend",
        "backend",
        "full",
        "fullstack",
        "it",
        "ti",
        "dev",
        "desenvolvedor",
        "desenvolvedora",
        "engenheiro",
        "engenheira",
        "programador",
        "programadora",
        "analista",
        "desarrollador",
        "desarrolladora",
        "ingeniero",
        "ingeniera",
        "arquiteto",
        "arquiteta",
        "arquitecto",
        "arquitecta",
        "cientista",
        "cientifico",
        "cientifica",
        "dados",
        "datos",
        "sistemas",
        "qualidade",
        "calidad",
        "pruebas",
        "testes",
        "suporte",
        "soporte",
    ];
    fold(title).split(|c: char| !c.is_alphanumeric()).any(|w| FIELD.contains(&w))
}

/// Seniority from the latest title's wording, else from the months of experience.
pub fn seniority(entries: &[WorkEntry], months: i32) -> (Seniority, f32) {
    // Volunteering beside the jobs says nothing of the level ("Voluntária – PyLadies BH" ongoing
    // beside a graduate's internship, R53).
    let volunteer = |e: &&WorkEntry| {
        e.title.as_ref().is_some_and(|t| {
            let t = fold(&t.value);
            ["volunteer", "voluntario", "voluntaria"].iter().any(|v| t.split(' ').any(|w| w == *v))
        })
    };
    let latest = entries.iter().filter(|e| !volunteer(e)).max_by_key(|e| (e.period.current, e.period.start));
    if let Some(title) = latest.and_then(|e| e.title.as_ref()) {
        let t = fold(&title.value);
        let has = |words: &[&str]| {
            words.iter().any(|w| t.split(' ').any(|x| x == *w) || t.contains(&format!("{w} ")))
        };
        // (An internship named by its noun too: "Estágio em Desenvolvimento de Software", R83: a
        // student's kits pitched at a mid-level by her months of part-time jobs.)
        if has(&[
            "intern",
            "internship",
            "estagiario",
            "estagiaria",
            "estagio",
            "practicante",
            "pasante",
            "pasantia",
            "becario",
            "becaria",
            "trainee",
            // A student's job at the university ("Monitor de Laboratório de Programação",
            // "Teaching Assistant", R88: a 5th-semester student's kits pitched at a mid-level).
            "monitor",
            "monitora",
            "monitoria",
            "ayudante",
        ]) || t.contains("teaching assistant")
        {
            return (Seniority::Intern, 0.8);
        }
        if has(&["manager", "gerente", "head", "director", "diretor", "coordenador", "coordinador"]) {
            return (Seniority::Manager, 0.7);
        }
        if has(&["staff", "principal", "lead", "lider", "architect", "arquiteto", "arquitecto"]) {
            return (Seniority::Staff, 0.7);
        }
        if has(&["senior", "sr"]) {
            return (Seniority::Senior, 0.8);
        }
        // (A first grade written as a numeral ends a title: "QA Automation Engineer I", R81: a
        // junior's kits pitched at a mid-level by her student jobs' months.)
        if has(&["junior", "jr"]) || t.split(' ').next_back() == Some("i") {
            return (Seniority::Junior, 0.8);
        }
        if has(&["pleno", "mid", "semi"]) {
            return (Seniority::Mid, 0.8);
        }
    }
    let level = match months {
        m if m < 24 => Seniority::Junior,
        m if m < 60 => Seniority::Mid,
        m if m < 120 => Seniority::Senior,
        _ => Seniority::Staff,
    };
    (level, 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPERIENCE: &str = "Desenvolvedora Backend Sênior — Acme Pagamentos\njan. 2021 – atual\n• Liderou a migração para Kubernetes\n• Reduziu a latência da API em 40%\n\nBackend Developer at Globex\nmarzo 2018 - diciembre 2020\n- Built billing services in Go\n";

    /// A (title, employer) pair as `titles_and_employers` gives it.
    fn te(title: &str, employer: &str) -> (String, String) {
        (title.to_string(), employer.to_string())
    }

    #[test]
    fn r88_a_header_in_square_brackets_is_read_without_them() {
        let text = "[Grupo Financiero Altavista | CDMX | feb 2024 - actualidad]\n * Administro 34 instancias Oracle 19c.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:#?}");
        let employer = e[0].employer.as_ref().map(|v| v.value.as_str());
        assert_eq!(employer, Some("Grupo Financiero Altavista"), "{e:#?}");
    }

    #[test]
    fn r97_a_prose_paragraph_under_dates_to_date_is_the_entrys_highlights() {
        // R97: a principal architect's prose resume; its first line read as a title under the
        // dates and lost, "to date" read as one month, a line ending in "through" as a sentence.
        let text = "Northern Rail Ticketing Ltd — Principal Architect (Jan 2020 to date)\nResponsible for target architecture across 11 product teams (around 90 engineers) selling\n65 million rail tickets a year. Led the move to event-driven fares publication on Kafka.\n\nHargreaves Travel Group — Lead Solutions Architect (Mar 2016 – Dec 2019)\nDesigned the booking platform's integration with 40+ airline and hotel suppliers through\nNDC/XML and REST adapters on Azure.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(e[0].period.current && e[0].period.end.is_none(), "{:?}", e[0].period);
        assert_eq!(e[0].title.as_ref().map(|t| t.value.as_str()), Some("Principal Architect"));
        assert!(e[0].highlights[0].starts_with("Responsible for target architecture across 11 product teams (around 90 engineers) selling 65 million"), "{:?}", e[0].highlights);
        assert_eq!(
            e[1].highlights,
            [
                "Designed the booking platform's integration with 40+ airline and hotel suppliers through NDC/XML and REST adapters on Azure."
            ]
        );
    }

    #[test]
    fn entries_with_titles_employers_and_highlights() {
        let e = entries(EXPERIENCE, 0);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_ref().map(|s| s.value.as_str()), Some("Desenvolvedora Backend Sênior"));
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Acme Pagamentos"));
        assert!(e[0].period.current);
        assert_eq!(
            e[0].highlights,
            ["Liderou a migração para Kubernetes", "Reduziu a latência da API em 40%"]
        );
        assert_eq!(e[1].employer.as_ref().map(|s| s.value.as_str()), Some("Globex"));
        assert_eq!(e[1].highlights, ["Built billing services in Go"]);
    }

    fn titles_and_employers(text: &str) -> Vec<(String, String)> {
        entries(text, 0)
            .into_iter()
            .map(|e| {
                (
                    e.title.map(|t| t.value).unwrap_or_default(),
                    e.employer.map(|t| t.value).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// R72: a function after the title, the employer on the next line.
    #[test]
    fn a_function_after_a_title_is_no_employer() {
        let text = "03/2014 – 12/2018     Engenheiro de Software Sênior — Integrações\n                      LogNorte Transportes e Armazéns Gerais Ltda. — São Paulo/SP\n  ▪ Integrei WMS e TMS ao SAP ECC via RabbitMQ para 6 centros de distribuição.\n";
        let got = titles_and_employers(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("Engenheiro de Software Sênior"), "{got:?}");
        assert!(got[0].1.starts_with("LogNorte Transportes"), "{got:?}");
    }

    /// R69: an employer with its legal form and a title with its qualifier make a long header.
    #[test]
    fn a_long_header_with_a_strong_separator_is_a_header() {
        let text = "Quetzal Interactive Studios S.A. de C.V. — Engineering Manager, Plataforma de Juego\nEnero 2021 – Actualidad · Ciudad de México (híbrido)\nDirijo 3 equipos de backend.\nCrecí el área de 6 a 17 personas.\n";
        assert_eq!(
            titles_and_employers(text),
            [(
                "Engineering Manager, Plataforma de Juego".to_string(),
                "Quetzal Interactive Studios S.A. de C.V.".to_string()
            )]
        );
    }

    /// R76: a title with its qualifier and an employer with its legal form, thirteen words over a
    /// place and dates line, is the header (the job was read with neither, and its place as its
    /// first highlight).
    #[test]
    fn a_legal_form_does_not_make_a_header_too_long() {
        let text = "DBA Senior / Líder técnico de datos — Minera Sierra Madre Oriental S.A. de C.V.\n\
                    Monterrey, N.L. | ago. 2020 – presente\n\
                    - Responsable de 46 instancias en 3 unidades mineras y el corporativo.\n";
        assert_eq!(
            titles_and_employers(text),
            [(
                "DBA Senior / Líder técnico de datos".to_string(),
                "Minera Sierra Madre Oriental S.A. de C.V.".to_string()
            )]
        );
    }

    /// R82: a public body's long name or an employer with its legal form before a long title,
    /// over a dates line, is the header (both jobs were read with neither, the second's header
    /// as the first job's last highlight).
    #[test]
    fn a_long_name_before_a_long_title_is_a_header() {
        let text = "Aseguradora Nacional del Bajío, S.A. de C.V. — DBA Senior / Líder técnica de Bases de Datos\n\
                    ene. 2019 – actualidad\n\
                    • Administración de 46 instancias Oracle 19c y SQL Server 2019.\n\
                    \n\
                    Secretaría de Finanzas del Gobierno del Estado de México — Administradora de Bases de Datos\n\
                    mar. 2014 – dic. 2018\n\
                    • Soporte a las bases del sistema de recaudación estatal.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                (
                    "DBA Senior / Líder técnica de Bases de Datos".to_string(),
                    "Aseguradora Nacional del Bajío, S.A. de C.V.".to_string()
                ),
                (
                    "Administradora de Bases de Datos".to_string(),
                    "Secretaría de Finanzas del Gobierno del Estado de México".to_string()
                )
            ]
        );
        // A sentence with a dash is still none.
        assert!(!header_like(
            "Moved the whole billing estate off the mainframe — the team kept the old reports running"
        ));
    }

    /// R77: an internship "em" a field is the title; the employer is after the dash.
    #[test]
    fn an_internship_in_a_field_is_the_title() {
        let text = "Estágio em Desenvolvimento de Software — Aprendiz Digital Educação S.A., Recife\n\
                    fev 2024 – jan 2025\n\
                    Atuei no time da plataforma de avaliações, usada por ~340 escolas.\n";
        assert_eq!(
            titles_and_employers(text),
            [(
                "Estágio em Desenvolvimento de Software".to_string(),
                "Aprendiz Digital Educação S.A.".to_string()
            )]
        );
    }

    /// R56: a comma inside the employer's aside is not the "Employer, Title" comma; the title
    /// is the one on the date line above.
    #[test]
    fn a_comma_inside_an_aside_splits_nothing() {
        let text = "Arquitecta Principal                                ene. 2017 – feb. 2021\n\
                    Soluciones Financieras Quetzal (consultora de TI para bancos, 150 empleados) — Ciudad de México\n\
                    - Diseñé un switch de transferencias interbancarias en Java/Spring y IBM MQ.\n";
        let got = titles_and_employers(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Arquitecta Principal");
        assert!(got[0].1.starts_with("Soluciones Financieras Quetzal"), "{got:?}");
        assert_eq!(split_outside_asides("A (b, c), D", ", "), ["A (b, c)", "D"]);
        assert_eq!(split_outside_asides("A (b, c", ", "), ["A (b", "c"], "an unclosed bracket hides nothing");
    }

    #[test]
    fn layouts_of_r53_labels_at_signs_and_place_lines() {
        // A LinkedIn export's place line under the dates is the place, not the employer.
        let text = "Northpeak Logistics\nSoftware Developer\nMay 2018 - May 2020 (2 years 1 month)\nWaterloo, Ontario, Canada\n- Developed shipment tracking services.\n";
        let e = entries(text, 0);
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Northpeak Logistics"));
        assert_eq!(e[0].location.as_ref().map(|s| s.value.as_str()), Some("Waterloo, Ontario, Canada"));
        // A LinkedIn export: the company above the total duration, then "Title, Team", and a
        // later role at the same company without it.
        let text = "Maplewood Financial\n6 years 7 months\nSenior Software Engineer, Payments Platform\nApril 2023 - Present (3 years 9 months)\nToronto, Ontario, Canada\n- Led the card authorization team.\n\nSoftware Engineer II\nJune 2020 - March 2023 (2 years 10 months)\nToronto, Ontario, Canada\n- Built the merchant onboarding API.\n\nNorthpeak Logistics\nSoftware Developer\nMay 2018 - May 2020 (2 years 1 month)\n- Developed tracking services.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Senior Software Engineer", "Maplewood Financial"),
                te("Software Engineer II", "Maplewood Financial"),
                te("Software Developer", "Northpeak Logistics"),
            ]
        );
        // An open range's word before its year is no employer (R67).
        let got = titles_and_employers(
            "desde 2022 — Lumena Educação (São Paulo, remoto)\nDesenvolvedora Front-end Sênior\n1) Liderei a criação do design system.\n",
        );
        assert_eq!(got[0].0, "Desenvolvedora Front-end Sênior");
        assert!(got[0].1.starts_with("Lumena Educação"), "{got:?}");
        // Numbered entries with their dates on the right (R63: no entry found at all).
        let text = "1) Lead Data Engineer - Kavira Retail Technologies Pvt. Ltd., Bengaluru          Apr 2021 – Present\n   Domain: Omnichannel retail\n   • Leading a team of 6 data engineers.\n\n2) Senior Data Engineer - Prithvi Analytics Solutions, Pune                       Jul 2018 – Mar 2021\n   • Built AWS Glue ETL jobs.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Lead Data Engineer", "Kavira Retail Technologies Pvt. Ltd."),
                te("Senior Data Engineer", "Prithvi Analytics Solutions"),
            ]
        );
        // Items marked "+" are items, wrapped lines and all (R64: one highlight joined by signs).
        let text = "Cadena Comercial Tapatía S.A. de C.V. — Guadalajara, Jal.\nDBA Senior\nFebrero 2020 – Actualidad\n  + Administración de 35 instancias PostgreSQL que soportan\n    punto de venta y ERP.\n  + Afinación de consultas del módulo de inventarios: el cierre diario bajó de 3.5 h a\n    40 min.\n";
        let e = entries(text, 0);
        assert_eq!(
            e[0].highlights,
            [
                "Administración de 35 instancias PostgreSQL que soportan punto de venta y ERP.",
                "Afinación de consultas del módulo de inventarios: el cierre diario bajó de 3.5 h a 40 min."
            ]
        );
        // A numbered item's wrapped lines are the item's, a new sentence included (R67).
        let text = "Cobalto Pagos — SRE\nmarzo 2021 – actual\n  5. Incident commander del incidente de marzo 2024: 47 minutos de errores en el\n     checkout por agotamiento de conexiones en PgBouncer después de un despliegue.\n     Redacté el postmortem y las acciones: límites de conexión por servicio.\n  6. Migré el monitoreo a Grafana Mimir.\n";
        let e = entries(text, 0);
        assert_eq!(e[0].highlights.len(), 2, "{:?}", e[0].highlights);
        assert!(e[0].highlights[0].ends_with("límites de conexión por servicio."), "{:?}", e[0].highlights);
        assert_eq!(enumerator("(3) Analyst"), 4);
        assert_eq!(enumerator("2. Senior Engineer"), 3);
        assert_eq!(enumerator("2024 Senior Engineer"), 0);
        assert_eq!(enumerator("3 years of Java"), 0);
        // Europass-like labels ("Empregador:") and "@ Employer" under a title in capitals.
        let text = "Datas: março de 2021 – atual\nEmpregador: Cooperativa Pampa Digital\nCargo: Arquiteto de Software\n- Desenhei a plataforma de eventos.\n";
        let e = entries(text, 0);
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Cooperativa Pampa Digital"));
        // Ongoing volunteering beside a graduate's internship says nothing of the level.
        let text = "Estagiária de Desenvolvimento Backend – Ipê Pagamentos\njul/2025 – nov/2026\n- Criei um pipeline.\n\nVoluntária – PyLadies BH\nmar/2024 – até o momento\n";
        let e = entries(text, 0);
        assert_eq!(seniority(&e, 46).0, Seniority::Intern);
        // An internship named by its noun (R83), and a first grade written as a numeral (R81).
        let text = "Estágio em Desenvolvimento de Software — Conecta Cooperativas\nfev/2024 – o momento\n- Criei telas.\n";
        assert_eq!(seniority(&entries(text, 0), 46).0, Seniority::Intern);
        // A student's job at the university (R88).
        let text = "Monitor de Laboratório de Programação — PUC Minas, Belo Horizonte\nago/2023 – atual\n- Atendo alunos.\n";
        assert_eq!(seniority(&entries(text, 0), 40).0, Seniority::Intern);
        let text =
            "QA Automation Engineer I — Brightmeadow Health Software\nJan 2024 – Present\n- Wrote tests.\n";
        assert_eq!(seniority(&entries(text, 0), 65).0, Seniority::Junior);
        let text = "Site Reliability Engineer II — Brightmeadow Health Software\nJan 2024 – Present\n- Ran on-call.\n";
        assert_ne!(seniority(&entries(text, 0), 65).0, Seniority::Junior);
        let text = "DESARROLLADOR BACKEND JR\n@ Tianguis Digital\nmar. 2025 – presente\n- Construí la API de pedidos.\n";
        let e = entries(text, 0);
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Tianguis Digital"));
    }

    #[test]
    fn an_employer_with_what_it_is_above_a_title_with_its_dates() {
        // R39: "Employer — description" over "Title | dates | place"; a later title after a
        // comma; years inside the wrapped rest of a bullet.
        let text = "Nuvia Pagamentos S.A. — fintech de conta digital e adquirência (~1.200 funcionários)\n\
                    Engenheira SRE Sênior | ago/2022 – o momento | São Paulo (híbrido)\n\
                    \u{20}\u{20}• Incident commander no rodízio de plantão; conduzi postmortems e a revisão do processo de\n\
                    \u{20}\u{20}\u{20}\u{20}incidentes. MTTR médio caiu de 58 para 21 minutos entre 2023 e 2025.\n\
                    \n\
                    Tela Livre Streaming — plataforma de vídeo sob demanda e ao vivo\n\
                    Engenheira DevOps, depois SRE | abr/2019 – jul/2022 | São Paulo\n\
                    \u{20}\u{20}• Criação do primeiro rodízio de on-call estruturado, com runbooks e integração\n\
                    \u{20}\u{20}\u{20}\u{20}PagerDuty.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Engenheira SRE Sênior", "Nuvia Pagamentos S.A."),
                te("Engenheira DevOps, depois SRE", "Tela Livre Streaming")
            ]
        );
        let e = entries(text, 0);
        assert_eq!(e[0].highlights.len(), 1, "{:?}", e[0].highlights);
        assert_eq!(
            e[1].highlights,
            ["Criação do primeiro rodízio de on-call estruturado, com runbooks e integração PagerDuty."]
        );
    }

    #[test]
    fn a_student_job_beside_an_incorporated_employer() {
        // R40: "Data Analytics Co-op Student" was read as the employer of "Maple & Main Retail Inc.".
        assert_eq!(
            titles_and_employers(
                "Maple & Main Retail Inc. | Data Analytics Co-op Student | 05/2024 - 12/2024\n - Built an Excel model\n"
            ),
            [te("Data Analytics Co-op Student", "Maple & Main Retail Inc.")]
        );
    }

    #[test]
    fn a_team_after_the_title_is_not_the_employer() {
        // How the job was held is not its employer; a promotion noted in brackets is no job.
        let bootcamp = titles_and_employers(
            "Launchpad Code Academy (remote)\nSoftware Engineering Bootcamp, full time\t07/2023 – 12/2023\n• 24-week program.",
        );
        assert!(
            bootcamp.iter().all(|(t, e)| !t.contains("full time") && !e.contains("full time")),
            "{bootcamp:?}"
        );
        assert_eq!(
            titles_and_employers(
                "Trajeto Logística — Curitiba/PR (híbrido)\nEngenheiro de Software Pleno | mar. 2022 – atual\n(entrei como Júnior, promovido a Pleno em set. 2023)\n\n• Reescrevi em Go o serviço de rastreamento."
            ),
            [te("Engenheiro de Software Pleno", "Trajeto Logística")]
        );
        // Years in brackets inside an achievement start no entry; a place with an aside after it
        // is not part of the employer.
        assert_eq!(
            titles_and_employers(
                "DBA Senior\nLogística Integral del Noreste, S.A. de C.V. — Monterrey, N.L. (esquema híbrido)\nmarzo 2022 – actualidad\n  • Responsable de 14 instancias SQL Server (2016–2022) y 9 clústeres PostgreSQL\n    (13–15) que soportan el WMS."
            ),
            [te("DBA Senior", "Logística Integral del Noreste, S.A. de C.V.")]
        );
        // An achievement that names a title is not the next entry's header.
        assert_eq!(
            titles_and_employers(
                "Tech Lead\nStone\nmar. 2018 - mar. 2022\n• Liderei o time de pagamentos.\nMentorei 5 pessoas desenvolvedoras, duas promovidas a sênior\n\nDesenvolvedor de Software Sênior\nGlobo\nabr. 2015 - fev. 2018\n• Desenvolvi a API."
            ),
            [te("Tech Lead", "Stone"), te("Desenvolvedor de Software Sênior", "Globo")]
        );
        assert_eq!(
            titles_and_employers(
                "Tandem Viajes\nLíder Técnica, célula de Reservaciones de Hotel\nEnero 2023 – actualidad\n• Lidero a 4 desarrolladores."
            ),
            [te("Líder Técnica", "Tandem Viajes")]
        );
        assert_eq!(
            titles_and_employers(
                "Backend Engineer - Payments squad\nNubank\nJan 2021 - Present\n• Built the ledger."
            ),
            [te("Backend Engineer", "Nubank")]
        );
        // A word inside the employer's aside ("en línea") does not split the line; the employer
        // over a blank line is still the entry's.
        assert_eq!(
            titles_and_employers(
                "TANDEM VIAJES (agencia de viajes en línea) — Ciudad de México\n\nLíder Técnica\nEnero 2023 – actualidad\n• Lidero a 4 desarrolladores."
            ),
            [te("Líder Técnica", "TANDEM VIAJES")]
        );
    }

    #[test]
    fn a_wrapped_highlight_is_not_the_next_employer() {
        let text = "Engenheiro DevOps Sênior\tset 2021 - Atual\nPicPay · São Paulo, SP\n· Padronizei a infraestrutura como código com\nTerraform e Atlantis\nAnalista de Infraestrutura\tmai 2016 - ago 2021\nLocaweb · São Paulo, SP\n· Automatizei o provisionamento\n";
        assert_eq!(
            titles_and_employers(text),
            [te("Engenheiro DevOps Sênior", "PicPay"), te("Analista de Infraestrutura", "Locaweb")]
        );
        // A highlight that ends on a word is whole: the employer above the next dates stands.
        let text = "Nubank\n03/2017 - 12/2019\nEngenheiro de Software Sênior\n• Participei da criação da conta digital, lançada para 1 milhão de clientes no primeiro ano\nItaú Unibanco\n05/2013 - 02/2017\nDesenvolvedor Java Sênior\n";
        assert_eq!(
            titles_and_employers(text),
            [te("Engenheiro de Software Sênior", "Nubank"), te("Desenvolvedor Java Sênior", "Itaú Unibanco")]
        );
    }

    #[test]
    fn a_long_employer_name_before_its_place_under_lone_dates_is_the_employer() {
        let text = "mar. 2017 – dic. 2020\nSECRETARÍA DE FINANZAS DEL ESTADO, DIRECCIÓN DE TECNOLOGÍAS DE LA INFORMACIÓN — Saltillo, Coah.\nAdministrador de Sistemas Linux\n\n  - Implementé Zabbix desde cero para 40 oficinas.\n";
        assert_eq!(
            titles_and_employers(text),
            [te(
                "Administrador de Sistemas Linux",
                "SECRETARÍA DE FINANZAS DEL ESTADO, DIRECCIÓN DE TECNOLOGÍAS DE LA INFORMACIÓN"
            )]
        );
    }

    #[test]
    fn an_aside_about_the_employer_is_not_part_of_its_name_and_does_not_hide_the_entry() {
        let text = "Cientista de Dados Pleno — Farmácias Serra Verde (rede com 310 lojas), Belo Horizonte (mar/2023 – atual)\n* Criei modelos de propensão.\n\nAnalista de Dados / Cientista de Dados Júnior — Conecta Minas Telecom (provedor regional de internet), Belo Horizonte (fev/2021 – fev/2023)\n* Construí o modelo de churn.\n\nPagalia (plataforma de pagos para comercios) | Ingeniero Sr. de Seguridad de Aplicaciones\nCiudad de México · abr. 2022 – actualidad\n- Lidero el programa de seguridad.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Cientista de Dados Pleno", "Farmácias Serra Verde"),
                te("Analista de Dados / Cientista de Dados Júnior", "Conecta Minas Telecom"),
                te("Ingeniero Sr. de Seguridad de Aplicaciones", "Pagalia"),
            ]
        );
        let starts: Vec<(i32, u32)> =
            entries(text, 0).iter().map(|e| (e.period.start.year, e.period.start.month)).collect();
        assert_eq!(starts, [(2023, 3), (2021, 2), (2022, 4)]);
    }

    #[test]
    fn versions_in_a_bracket_of_a_bulleted_sentence_start_no_entry() {
        let text = "Cooperativa Agrosul — Analista de Infraestrutura Sênior\nPorto Alegre/RS | mai 2019 – atual\n - Administro cerca de 350 servidores (RHEL, Ubuntu, Windows Server 2016/2019/2022) em dois\n   datacenters e parte em AWS.\n - Automatizei o patching mensal com Ansible (AWX).\n";
        let e = entries(text, 0);
        assert_eq!(
            titles_and_employers(text),
            [te("Analista de Infraestrutura Sênior", "Cooperativa Agrosul")],
            "{e:#?}"
        );
    }

    #[test]
    fn a_date_inside_a_bulleted_sentence_starts_no_entry() {
        let text = "Senior ML Engineer — Harbourline Insurance Group, Manchester\nMay 2021 – Present\n• Built drift monitoring with Evidently after a March 2023\n  incident in which a lookup change zeroed one feature.\n• During the March 2020 panic-buying spike, shipped a model\n• Integrated Adyen with automatic failover, which kept checkout\n  available during a 3-hour outage in November 2019.\n\nDesarrolladora Backend (Go) · mar. 2023 – actualidad\nRuta Norte Logística (plataforma de fletes), Querétaro, Qro.\n* Desarrollo servicios en Go.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Senior ML Engineer", "Harbourline Insurance Group"),
                te("Desarrolladora Backend (Go)", "Ruta Norte Logística")
            ]
        );
    }

    #[test]
    fn how_a_job_was_held_is_no_employer() {
        // R101: "Cloud Engineer, contract, 4 days/week" under its employer was told "At contract".
        let text = "RIVERSTONE ANALYTICS (Dublin)\nCloud Engineer, contract, 4 days/week\tOct 2024 – Present\n– Migrating 35 workloads from on-premises VMware to AWS.\n";
        let entries = entries(text, 0);
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert_eq!(entries[0].title.as_ref().map(|t| t.value.as_str()), Some("Cloud Engineer"));
        let employer = entries[0].employer.as_ref().map(|t| t.value.as_str());
        assert!(!matches!(employer, Some("contract" | "4 days/week")), "{employer:?}");
    }

    #[test]
    fn a_range_apart_at_the_end_anchors_a_title_that_names_a_year() {
        // R101: the job was lost and its stories given to the career break above it.
        for gap in ["               ", "\t"] {
            let text = format!(
                "CAREER BREAK — family care{gap}Jun 2022 – Sep 2024\n– Full-time parent for two years.\n\nLUMEN FINTECH EUROPE (Dublin)\nCloud Engineer, promoted to Senior Cloud Engineer in 2021{gap}Mar 2019 – May 2022\n– One of a 4-person platform team serving 70 developers.\n"
            );
            let entries = entries(&text, 0);
            assert_eq!(entries.len(), 2, "{entries:?}");
            assert_eq!(entries[1].highlights, ["One of a 4-person platform team serving 70 developers."]);
            let title = entries[1].title.as_ref().map(|t| t.value.as_str());
            assert_eq!(title, Some("Cloud Engineer, promoted to Senior Cloud Engineer"));
        }
    }

    #[test]
    fn a_date_heading_a_bulleted_story_starts_no_entry() {
        let text = "Senior Database Administrator, Maple Harbour Credit Union\nToronto, ON  ·  April 2019 – present\n  * Upgraded the PostgreSQL fleet from 11 to 15 over six months.\n- Incident, Nov 2022: a bad Istio sidecar upgrade broke mTLS between two namespaces.\n  * January 2022 incident: the core ledger database hit transaction ID wraparound warnings because\n    an abandoned logical replication slot was holding back the xmin horizon.\n  * Put PgBouncer in transaction mode in front of the online banking API.\n* Incident (Feb 2023): I pushed a WAF rule to the bill-payment portal that I\n  had tested only against the desktop site.\n\nDatabase Administrator, Northline Telecom\nMississauga, ON  ·  June 2014 – March 2019\n  * Administered Oracle 11g/12c RAC for billing.\n";
        let entries = entries(text, 0);
        assert_eq!(
            titles_and_employers(text),
            [
                te("Senior Database Administrator", "Maple Harbour Credit Union"),
                te("Database Administrator", "Northline Telecom")
            ]
        );
        assert_eq!(entries[0].highlights.len(), 5, "{:?}", entries[0].highlights);
    }

    #[test]
    fn a_city_with_its_state_after_a_dash_is_a_place_and_an_aside_year_not_the_dates() {
        let text = "Desenvolvedor Full Stack Pleno\nBanco Planalto S.A. (banco de varejo, cerca de 4 mil funcionários)\nBrasília – DF (mar. 2022 – atual)\n- Desenvolvo o portal de crédito.\n\nDesarrolladora Frontend en Ocelote Digital (agencia de producto digital)\nCiudad de México (remoto desde 2019) — mar. 2017 – dic. 2020\nDesarrollé aplicaciones en Angular.\n\nFernhollow Payments | Staff Site Reliability Engineer\n(B2B payments platform processing ~$14B/year, ~900 employees)\nToronto, ON · March 2021 – Present\n- Designed the SLO framework.\n";
        assert_eq!(
            titles_and_employers(text),
            [
                te("Desenvolvedor Full Stack Pleno", "Banco Planalto S.A."),
                te("Desarrolladora Frontend", "Ocelote Digital"),
                te("Staff Site Reliability Engineer", "Fernhollow Payments"),
            ]
        );
    }

    #[test]
    fn a_bullet_wrapped_onto_more_lines_is_one_highlight() {
        let text = "Staff SRE — Kestrel Payments, Denver, CO\nJun 2021 – Present\n- Ran the migration to Thanos; cut query times for\n  90-day dashboards from minutes to seconds.\n- Wrote the incident playbook now used by all\n  engineering teams; trained 30+ engineers.\n- Led game days.\n* Configuré Fastlane para publicar builds en TestFlight y Firebase App\n  Distribution; las liberaciones pasaron a semanales.\n";
        let highlights = &entries(text, 0)[0].highlights;
        assert_eq!(
            highlights,
            &[
                "Ran the migration to Thanos; cut query times for 90-day dashboards from minutes to seconds.",
                "Wrote the incident playbook now used by all engineering teams; trained 30+ engineers.",
                "Led game days.",
                "Configuré Fastlane para publicar builds en TestFlight y Firebase App Distribution; las liberaciones pasaron a semanales.",
            ]
        );
    }

    #[test]
    fn an_unbulleted_line_cut_by_the_wrap_goes_on_where_highlights_end_with_a_full_stop() {
        let text = "Ingeniero Mobile Senior\nRutas Andinas S.A.S., Medellín\nDesde 2021\nLideré la reescritura de la app de conductores de Java/XML a Kotlin y Jetpack\nCompose con arquitectura MVVM y Clean Architecture; los crashes bajaron de 2.3% a\n0.4% de sesiones (Firebase Crashlytics).\nImplementé modo offline con Room y WorkManager para zonas con mala señal.\nIntegración con APIs REST y SOAP del core bancario; colaboré en la capa API\nGateway en Java.\nApoyo ocasional al equipo iOS (SwiftUI, Combine)\nEntrevistas técnicas y acompañamiento a desarrolladores junior.\n";
        let highlights = &entries(text, 0)[0].highlights;
        assert_eq!(
            highlights,
            &[
                "Lideré la reescritura de la app de conductores de Java/XML a Kotlin y Jetpack Compose con arquitectura MVVM y Clean Architecture; los crashes bajaron de 2.3% a 0.4% de sesiones (Firebase Crashlytics).",
                "Implementé modo offline con Room y WorkManager para zonas con mala señal.",
                "Integración con APIs REST y SOAP del core bancario; colaboré en la capa API Gateway en Java.",
                // Short lines without a full stop are highlights of their own.
                "Apoyo ocasional al equipo iOS (SwiftUI, Combine)",
                "Entrevistas técnicas y acompañamiento a desarrolladores junior.",
            ]
        );
        // Highlights written without full stops are left as they are.
        let text = "Backend Engineer\nAcme Corp, Austin\n2020 – 2023\nBuilt the billing service in Go with PostgreSQL and Kafka for the payments team\nMigrated the reporting jobs from cron to Airflow and cut failures by half\nOn call for the platform\n";
        assert_eq!(entries(text, 0)[0].highlights.len(), 3);
    }

    #[test]
    fn a_bulleted_employer_right_above_its_dates() {
        let text = "• Stripe\nMarch, 2021 - Present 5 years, 9 months\nSenior Backend Engineer\nPayments infrastructure team.\n\n• Led the migration of the ledger service to Go\n• Mentored four engineers\n• Shopify\nJune, 2017 - February, 2021 3 years, 8 months\nSoftware Engineer\n";
        assert_eq!(
            titles_and_employers(text),
            [te("Senior Backend Engineer", "Stripe"), te("Software Engineer", "Shopify")]
        );
    }

    #[test]
    fn labelled_fields_are_read_as_their_values() {
        let form = "Empresa: Trilha Logística Digital\nCargo: Estagiária de QA\nPeríodo: mar 2024 – atual\n- Automatizei 120 casos de teste com Playwright\n\nEmpresa: Banco Aurora\nCargo: Jovem Aprendiz\nPeríodo: jan 2023 – fev 2024\n- Apoiei a equipe de suporte\n";
        assert_eq!(
            titles_and_employers(form),
            [te("Estagiária de QA", "Trilha Logística Digital"), te("Jovem Aprendiz", "Banco Aurora")]
        );
        let e = entries(form, 0);
        assert!(e[0].period.current);
        // "Current role:" and "Previous role:" label titles too (R87).
        let form = "Current role: Security Engineer II\nCompany: Liffey Ledger (fintech, ~600 staff), Dublin\nDates: Feb 2022 – Present\nScope: SIEM and cloud posture.\n\nPrevious role: Network Security Administrator\nCompany: Petra Telecom Solutions, Amman, Jordan\nDates: Jul 2017 – Sep 2020\nResult: Led migration of 120 firewall rulesets.\n";
        assert_eq!(
            titles_and_employers(form),
            [
                te("Security Engineer II", "Liffey Ledger"),
                te("Network Security Administrator", "Petra Telecom Solutions")
            ]
        );
        // A date inside a wrapped story starts no job (R86).
        let story = "Engenheiro de Dados Pleno — Grão Norte Cooperativa, Curitiba\nagosto de 2022 – atual\nMigração: conduzi a migração do data warehouse para BigQuery.\n  Levou 11 meses; desligamos o servidor antigo em julho de 2023. O tempo da\n  carga noturna caiu de 6h40 para 52 minutos.\nConflito: o time de BI não queria abrir mão das views antigas.\n";
        let e = entries(story, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].highlights.len(), 2, "{:?}", e[0].highlights);
        // A highlight that merely has a colon keeps it.
        assert_eq!(field_label("Result: cut p99 by 40%"), 0);
        assert_eq!(field_label("Job title:  Backend Engineer"), "Job title:  ".len());
        assert_eq!(field_label("Puesto:"), 0);
    }

    #[test]
    fn layouts_of_real_themes() {
        // Title, employer, dates, place on their own lines.
        let even = "Senior Backend Engineer\nStripe\nMar 2021 – Present\nSan Francisco, CA\n\nPayments team.\nLed the migration\n\nSoftware Engineer\nShopify\nJun 2017 – Feb 2021\nOttawa, ON\nBuilt the pipeline\n";
        assert_eq!(
            titles_and_employers(even),
            [te("Senior Backend Engineer", "Stripe"), te("Software Engineer", "Shopify")]
        );
        // Employer and dates on one line, the title below.
        let macchiato = "Stripe\t03/2021 - Present\nSenior Backend Engineer\nPayments infrastructure team.\nLed the migration\nShopify\t06/2017 - 02/2021\nSoftware Engineer\nBuilt the pipeline\n";
        assert_eq!(
            titles_and_employers(macchiato),
            [te("Senior Backend Engineer", "Stripe"), te("Software Engineer", "Shopify")]
        );
        // Employer and place, dates, then the title.
        let kendall = "Stripe\tSan Francisco, CA\nMarch 2021 – Present\n\nSenior Backend Engineer\nPayments team.\nHighlights\n\nLed the migration\n\nShopify\tOttawa, ON\nJune 2017 – February 2021\n\nSoftware Engineer\nBuilt it\n";
        let k = entries(kendall, 0);
        assert_eq!(
            titles_and_employers(kendall),
            [te("Senior Backend Engineer", "Stripe"), te("Software Engineer", "Shopify")]
        );
        assert_eq!(k[0].location.as_ref().map(|l| l.value.as_str()), Some("San Francisco, CA"));
        assert_eq!(k[0].highlights, ["Payments team.", "Led the migration"]);
        // Dates first, then title, employer and place.
        let dates_first = "Mar 2021 - Current\n\nSenior Backend Engineer\n\nStripe\n\n  San Francisco, CA\n\nPayments team.\n\nMentored four engineers\n\nJun 2017 - Feb 2021\n\nSoftware Engineer\n\nShopify\n\nBuilt it\n";
        assert_eq!(
            titles_and_employers(dates_first),
            [te("Senior Backend Engineer", "Stripe"), te("Software Engineer", "Shopify")]
        );
        assert_eq!(entries(dates_first, 0)[0].highlights, ["Payments team.", "Mentored four engineers"]);
        // Title at employer with the dates on the line.
        let so = "Engenheira de Software Sênior at Nubank\tFeb 2020 - Current\nSão Paulo, SP\nLiderou a migração\nDesenvolvedora Backend at Stone\tSept 2017 - Jan 2020\n";
        assert_eq!(
            titles_and_employers(so),
            [te("Engenheira de Software Sênior", "Nubank"), te("Desenvolvedora Backend", "Stone")]
        );
        assert!(entries(so, 0)[0].period.current);
    }

    #[test]
    fn duration_lines_are_not_headers() {
        assert!(
            is_duration("12 anos 10 meses") && is_duration("2 yrs 3 mos") && is_duration("(3 años 2 meses)")
        );
        assert!(!is_duration("Acme 2020") && !is_duration("Backend Developer"));
        let text =
            "Gerente de Engenharia\nBanco Inter\nSet 2013 – atual\n12 anos 10 meses\n• Liderou 4 squads\n";
        assert_eq!(
            titles_and_employers(text),
            [("Gerente de Engenharia".to_string(), "Banco Inter".to_string())]
        );
    }

    #[test]
    fn dates_beside_the_first_description_line() {
        let text = "Banco Inter\nGerente de Engenharia\nGerente da equipe de pagamentos instantâneos com doze pessoas em três squads distribuídos\tSet 2013 – atual\n12 anos 10 meses\n• Liderou a migração do Pix\n";
        let e = entries(text, 0);
        assert_eq!(
            titles_and_employers(text),
            [("Gerente de Engenharia".to_string(), "Banco Inter".to_string())]
        );
        assert_eq!(e[0].highlights.len(), 2, "{:?}", e[0].highlights);
        assert!(e[0].period.current && e[0].period.start == YearMonth { year: 2013, month: 9 });
    }

    #[test]
    fn a_long_legal_form_does_not_make_a_header_a_sentence() {
        // R73: the second job's stories told back under the first job's employer.
        let text = "2022 – presente | Laboratorios Norvida, S.A. de C.V. | Ingeniero DevOps | Monterrey, N.L.\n \
                    * Migré 40 aplicaciones .NET de pipelines clásicos.\n\n\
                    2020 – 2022 | Constructora Cumbres del Norte, S. de R.L. de C.V. | Desarrollador .NET / DevOps | Monterrey, N.L.\n \
                    * Migré los servidores IIS on-premises a Azure App Service.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            e[1].employer.as_ref().map(|s| s.value.as_str()),
            Some("Constructora Cumbres del Norte, S. de R.L. de C.V.")
        );
        assert_eq!(legal_form_words("Acme, S. de R.L. de C.V. | Dev"), 5);
    }

    #[test]
    fn one_line_headers_in_any_order() {
        let te = |t: &str, e: &str| (Some(t.to_string()), Some(e.to_string()));
        assert_eq!(
            split_header("Acme Logistics, Backend Developer"),
            te("Backend Developer", "Acme Logistics")
        );
        assert_eq!(
            split_header("Backend Developer at Acme Logistics"),
            te("Backend Developer", "Acme Logistics")
        );
        assert_eq!(
            split_header("Desenvolvedor Back-end | Nubank | São Paulo, SP"),
            te("Desenvolvedor Back-end", "Nubank")
        );
        assert_eq!(
            split_header("Mercado Libre — Ingeniera de Datos"),
            te("Ingeniera de Datos", "Mercado Libre")
        );
        assert_eq!(
            split_header("Analista de Dados em Stone Pagamentos"),
            te("Analista de Dados", "Stone Pagamentos")
        );
        // "em" inside the employer's name, after a stronger separator (R23); "at" still splits
        // after one ("Payments" is the team), and a dash inside brackets is no separator.
        assert_eq!(
            split_header("Desenvolvedora de BI / ETL — Atlântica Consultoria em Dados"),
            te("Desenvolvedora de BI / ETL", "Atlântica Consultoria em Dados")
        );
        assert_eq!(split_header("Senior Engineer - Payments at Stripe").1.as_deref(), Some("Stripe"));
        assert_eq!(split_header("Engenheiro de Dados (Pleno - Remoto) na Stone").1.as_deref(), Some("Stone"));
        // A field after "en" is the title's (R73: the job told back "En Seguridad de TI").
        assert_eq!(
            split_header("Especialista en Seguridad de TI"),
            (Some("Especialista en Seguridad de TI".into()), None)
        );
        assert_eq!(
            split_header("Analista em Sistemas Integrados Ltda."),
            te("Analista", "Sistemas Integrados Ltda.")
        );
        // R106: a function between the title and the employer is the title's ("At Mobile,
        // Kirana Ledger" was asked).
        let text = "Software Engineering Intern — Mobile, Kirana Ledger Pvt. Ltd., Bengaluru\nJan 2024 – Apr 2024\n• Built the offline sync screen\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Kirana Ledger Pvt. Ltd."));
        assert_eq!(
            e[0].title.as_ref().map(|s| s.value.as_str()),
            Some("Software Engineering Intern — Mobile")
        );
        // R107: a town no list knows after title and employer is their place, not the employer.
        assert_eq!(
            split_header("Técnico de Suporte e Redes, Telemax Provedor de Internet — Olinda"),
            te("Técnico de Suporte e Redes", "Telemax Provedor de Internet")
        );
        // A team or a function after the comma is not the employer.
        assert_eq!(
            split_header("Engineering Manager, Web Platform — Porchlight Homes"),
            te("Engineering Manager, Web Platform", "Porchlight Homes")
        );
        assert_eq!(split_header("Desenvolvedor, Time de Pagamentos — Stone").1.as_deref(), Some("Stone"));
    }

    #[test]
    fn a_title_path_with_bracketed_years_is_the_title_of_the_job_above() {
        // R110: read as a job at "Analista de Dados", its employer lost.
        let text = "Conecta Saúde Tecnologia — Contagem/MG — mar/2018 a dez/2020\n\
                    Analista de Dados (2018–2019) → Engenheira de Dados Pleno (2019–2020)\n\n\
                    Integrei os prontuários eletrônicos de 14 UPAs num data lake em S3.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Conecta Saúde Tecnologia"));
        // A promotion before the dates is a header with its dates (R99).
        let text = "Senior Frontend Engineer → Frontend Tech Lead — Tallgrass Health, Austin, TX (Jun 2017 – Jan 2022)\n\n\
                    I joined as a senior React engineer on the patient portal.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Tallgrass Health"));
    }

    #[test]
    fn an_employer_with_its_size_after_a_dash() {
        // R113: "— 620 sucursales ..." kept in the employer's name.
        assert_eq!(
            described_name("Farmacias Sierra Madre — 620 sucursales en el norte y centro de México"),
            Some("Farmacias Sierra Madre")
        );
        assert_eq!(described_name("Acme — 2019 – 2021"), None);
    }

    #[test]
    fn em_dash_items_are_highlights_of_their_own() {
        // R108: a mobile developer's "— " items read as one highlight, and his kits asked nothing
        // of his work.
        let text = "Abarrotes La Perla | Desarrollador Móvil Sr. | Guadalajara\nenero 2022 – actualidad\n\
                    — Migré la app Android de XML + MVP a Jetpack Compose y MVVM de forma gradual, pantalla\n  \
                    por pantalla, durante 8 meses.\n\
                    — Sesiones sin crash: de 97.8 % a 99.6 %.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].highlights.len(), 2, "{:?}", e[0].highlights);
        assert!(e[0].highlights[0].ends_with("durante 8 meses."), "{:?}", e[0].highlights);
    }

    #[test]
    fn a_career_changer_is_as_senior_as_the_new_career() {
        let text = "QA Automation Engineer at Hearthline\nMarch 2024 - Present\n- Built Playwright suites\n\n\
                    Junior QA Tester, Brightpath\nJanuary 2023 - February 2024\n- Manual testing\n\n\
                    Pharmacy Technician, CVS Pharmacy\nJune 2016 - December 2022\n- Filled prescriptions\n";
        let e = entries(text, 0);
        let today = YearMonth { year: 2026, month: 11 };
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(total_months(&e, today) > 100);
        let career = career_months(&e, today);
        assert!((40..=48).contains(&career), "{career}");
        assert_eq!(seniority(&e, career).0, Seniority::Mid);
        // A resume all in one field counts every job.
        let one = entries(EXPERIENCE, 0);
        assert_eq!(career_months(&one, today), total_months(&one, today));
    }

    #[test]
    fn an_employer_line_with_its_place_beats_a_team_after_the_title() {
        // R25: "Principal Engineer, Platform Architecture, Feb 2020 – present" under "Lanthorn
        // Payments — Dublin" read the team as the employer.
        let text = "Lanthorn Payments — Dublin\nPrincipal Engineer, Platform Architecture, Feb 2020 – present\n\
                    • Own the target architecture for the issuing platform.\n\n\
                    Harbourline Financial Services — Dublin\nSenior Software Engineer, later Technical Lead, May 2015 – Jan 2020\n\
                    • Technical lead for the treasury team.\n\n\
                    Quayside Logistics Software — Cork\nSoftware Engineer, Sep 2011 – Apr 2015\n\
                    • Built route-planning features in Java EE.\n";
        let e = entries(text, 0);
        let got: Vec<(Option<&str>, Option<&str>)> = e
            .iter()
            .map(|w| {
                (w.title.as_ref().map(|t| t.value.as_str()), w.employer.as_ref().map(|t| t.value.as_str()))
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Principal Engineer"), Some("Lanthorn Payments")),
                // A later title of the same job stays on the title (R39).
                (
                    Some("Senior Software Engineer, later Technical Lead"),
                    Some("Harbourline Financial Services")
                ),
                (Some("Software Engineer"), Some("Quayside Logistics Software")),
            ]
        );
    }

    #[test]
    fn a_season_dates_an_internship() {
        let text = "Manual QA Tester at Buckeye Lane Retail Systems, Dublin, OH (Jun 2022 - Jul 2023)\n\
                    • Executed manual test cases for a point-of-sale web app.\n\n\
                    QA Intern at Olentangy Data Partners, Columbus, OH (Summer 2021)\n\
                    • Tested internal reporting dashboards and documented bugs.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[1].employer.as_ref().map(|s| s.value.as_str()), Some("Olentangy Data Partners"));
        assert_eq!(e[0].highlights.len(), 1, "{:?}", e[0].highlights);
    }

    #[test]
    fn a_name_in_capitals_above_title_and_team_is_the_employer() {
        let text = "NORTHGATE RETAIL GROUP (Sheffield)\nGraduate Analyst, Demand Planning\nSeptember 2022 - September 2023\n\
                    * Automated a manual Excel stock report with Python and SQL.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].title.as_ref().map(|s| s.value.as_str()), Some("Graduate Analyst"));
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("NORTHGATE RETAIL GROUP"));
    }

    #[test]
    fn a_place_between_the_employer_and_a_dash_before_the_title_is_no_part_of_the_employer() {
        for (line, employer) in [
            ("Bastion Hosting LLC, Englewood, CO — Systems Administrator", "Bastion Hosting LLC"),
            ("Kóatl Software, Guadalajara, Jal. — Desarrolladora Frontend Semi Senior", "Kóatl Software"),
            (
                "Tiendita Digital S.A. de C.V., Ciudad de México (remoto) — Desarrolladora Frontend",
                "Tiendita Digital S.A. de C.V.",
            ),
            ("Pixel & Pine (agency, Manchester) — Junior Web Developer", "Pixel & Pine"),
        ] {
            let text =
                format!("{line}\nMar 2019 – Jun 2021\n- Built the billing API in Go and PostgreSQL.\n");
            let e = entries(&text, 0);
            assert_eq!(e.len(), 1, "{e:?}");
            assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some(employer), "{line}");
        }
    }

    #[test]
    fn a_city_after_the_employer_is_its_place() {
        // R30: "At Kererū Payments, Wellington, you rebuilt..." in six questions of a kit.
        let text = "Senior DevOps Engineer — Kererū Payments, Wellington | Mar 2022 – Present\n\
                    - Rebuilt the Terraform codebase into versioned modules with Terragrunt.\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Kererū Payments"));
        assert_eq!(without_place("Tidewater Analytics, Auckland"), "Tidewater Analytics");
        assert_eq!(
            without_place("Ndovu Payments, Nairobi, Kenya (remote from London from mid-2020)"),
            "Ndovu Payments"
        );
        // R32: a city in Spanish with its country and a way of working.
        assert_eq!(
            without_place("Southern Cross Freightlines, Sídney, Australia (remoto)"),
            "Southern Cross Freightlines"
        );
        let text = "CLOUD ENGINEER — Southern Cross Freightlines, Sídney, Australia (remoto)\nmar. 2022 – actualidad\n\
                    - Migré 80 VMs de un centro de datos en Melbourne a EC2 y RDS con AWS MGN.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].employer.as_ref().map(|s| s.value.as_str()), Some("Southern Cross Freightlines"));
    }

    #[test]
    fn a_date_in_the_wrapped_rest_of_a_bullet_starts_no_entry() {
        let text = "Desenvolvedor Android — Bancoop Fintech (São Paulo, remoto)\njul/2019 – fev/2022\n\
                    • Desenvolvimento do fluxo de Pix no app (cadastro de chaves, QR Code, Pix Copia e\n  \
                    Cola), entregue a tempo da estreia do Pix em nov/2020.\n\
                    • Implementação de login por biometria com Android Keystore.\n";
        let e = entries(text, 1);
        assert_eq!(e.len(), 1, "{e:?}");
        // R48: the bracket's dates open the wrapped rest.
        let text = "Cargo: DBA Sênior\nPeríodo: março de 2019 – o momento\n\
                    • Coordenou equipe de 3 DBAs responsável por 140 instâncias (Oracle 19c, PostgreSQL 12–16 e SQL Server\n  \
                    2016–2022), com plantão 24x7 em regime de escala.\n\
                    • Migrou 38 bancos PostgreSQL para AWS.\n";
        let e = entries(text, 1);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].highlights.iter().any(|h| h.contains("2016–2022), com plantão")), "{e:?}");
        // R51: employer and title around a slash.
        let text = "Quetzal Interactive Studios / Ingeniero Backend Senior (líder técnico de servicios en línea)\n\
                    Guadalajara, Jal. | ene. 2021 – presente\n\
                    - Rediseñé el matchmaking en Go con colas por región en Redis.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].employer.as_ref().map(|s| s.value.as_str()),
            Some("Quetzal Interactive Studios"),
            "{e:?}"
        );
        let text = "Cashier / Shelf Packer\nFreshWay Supermarkets\n2016 – 2018\n- Served customers.\n";
        let e = entries(text, 0);
        assert_eq!(e[0].title.as_ref().map(|s| s.value.as_str()), Some("Cashier / Shelf Packer"), "{e:?}");
        // R51: a way of working after a slash is part of the place, not the employer.
        let text = "Consultora SAP ABAP Sr., Integra Consultores ERP — Monterrey / remoto\n2019–2022\n\
                    • Desarrollos RICEF para clientes de manufactura.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].employer.as_ref().map(|s| s.value.as_str()),
            Some("Integra Consultores ERP"),
            "{e:?}"
        );
        // R50: an open range in lower case on its own line.
        let text = "Ingeniero de Software Senior (Backend / Plataforma), Fletes Regios Tech — Monterrey, N.L.\n\
                    desde 2022\n\
                    - Reescribí el servicio de ingesta de Node.js a Go.\n\n\
                    Ingeniero DevOps / Backend, Conecta Noreste Telecomunicaciones — Monterrey, N.L.\n\
                    2017 – 2021\n\
                    - Automaticé el aprovisionamiento de módems.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].period.current, "{e:?}");
        // R48: nor do a product's versions at the end of a bullet.
        let text = "Cargo: DBA Júnior\nPeríodo: abril de 2010 – dezembro de 2013\n\
                    • Prestou suporte a clientes de ERP em Oracle 10g/11g e SQL Server 2005/2008.\n\
                    • Realizou instalações e upgrades.\n";
        let e = entries(text, 1);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].highlights.len(), 2, "{e:?}");
        // R48: nor do versions on the wrapped rest of a highlight cut after "e".
        let text = "Cargo: DBA Sênior\nPeríodo: janeiro de 2014 – fevereiro de 2019\n\
                    • Administrou ambiente com mais de 60 instâncias Oracle 11g/12c (incluindo RAC de 2 nós com ASM) e\n  \
                    SQL Server 2012/2014 que suportavam o core bancário e o internet banking.\n\
                    • Implantou Always On Availability Groups para 9 bancos SQL Server.\n";
        let e = entries(text, 1);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].highlights.len(), 2, "{e:?}");
        // R84: nor on a labelled line without a bullet.
        let text = "Administrador de Bases de Datos — Financiera Altiplano, León, Gto.\nene. 2016 – feb. 2019\n\
                    Alcance: SQL Server 2012/2016 para créditos y cobranza.\n\
                    Logro: cierre de mes de 9 h a 3 h con índices nuevos.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].highlights.len(), 2, "{e:?}");
    }

    #[test]
    fn a_function_after_the_title_is_no_employer() {
        // R34: "At Backend, you rewrote..." for a second title under one employer.
        let text = "Larkspur Freight Systems — Denver, CO\nFreight-matching and shipment-tracking platform, ~400 employees\n\n\
                    Senior DevOps Engineer                                    Jun 2019 – Present\n\
                    - Led the migration of 140+ services to Amazon EKS.\n\n\
                    Software Engineer, Backend                                Mar 2014 – Jun 2019\n\
                    - Developed the carrier rate-quote API in Java (Spring Boot).\n";
        let e = entries(text, 0);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_ne!(e[1].employer.as_ref().map(|s| s.value.as_str()), Some("Backend"), "{e:?}");
    }

    #[test]
    fn a_legal_form_is_part_of_the_employer() {
        let text = "Administrador de Infraestructura TI · mar 2015 – ene 2020\n\
                    Laboratorios Helvetia-Kern de México, S.A. de C.V., Santa Catarina, N.L.\n\
                    • Administración de 90 servidores Windows Server.\n";
        let e = entries(text, 2);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].title.as_ref().map(|s| s.value.as_str()),
            Some("Administrador de Infraestructura TI")
        );
        let employer = e[0].employer.as_ref().map(|s| s.value.as_str()).unwrap_or_default();
        assert!(employer.starts_with("Laboratorios Helvetia-Kern de México"), "{employer}: {e:?}");
    }

    #[test]
    fn a_business_unit_after_a_dash_is_no_place() {
        assert_eq!(
            name_and_place("Quayside Logistics Software — Cork"),
            Some(("Quayside Logistics Software", "Cork"))
        );
        assert_eq!(name_and_place("Accenture — Federal Services"), None);
        assert_eq!(name_and_place("Senior Engineer — Dublin"), None);
    }

    #[test]
    fn experience_counts_overlaps_once() {
        let e = entries(EXPERIENCE, 0);
        let today = YearMonth { year: 2026, month: 11 };
        // 2018-03..2020-12 is 34 months; 2021-01..2026-11 is 71.
        assert_eq!(total_months(&e, today), 105);
        assert_eq!(seniority(&e, 105).0, Seniority::Senior);
    }
}
