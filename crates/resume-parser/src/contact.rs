//! Contact details: name, emails, phones (E.164 where the country can be told), profile links.

use serde::Serialize;

use crate::sections::header_kind;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub value: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phone {
    pub raw: String,
    /// `+<country><number>` when the country is written or can be told from the number.
    pub e164: Option<String>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    LinkedIn,
    GitHub,
    Portfolio,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub url: String,
    pub kind: LinkKind,
    pub confidence: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    pub name: Option<Scored>,
    pub emails: Vec<Scored>,
    pub phones: Vec<Phone>,
    pub links: Vec<Link>,
    /// "City, ST" or "City, Country" from the header lines.
    pub location: Option<Scored>,
}

fn is_email(token: &str) -> bool {
    let Some((local, domain)) = token.split_once('@') else { return false };
    let tld = domain.rsplit('.').next().unwrap_or_default();
    !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !domain.starts_with('.')
        && !domain.contains("..")
}

fn trim_token(t: &str) -> &str {
    t.trim_matches(|c: char| "<>()[]{}\"',;:|•".contains(c)).trim_end_matches('.')
}

fn link_kind(url: &str) -> Option<LinkKind> {
    let u = url.to_lowercase();
    if u.contains("linkedin.com/") {
        Some(LinkKind::LinkedIn)
    } else if u.contains("github.com/") {
        Some(LinkKind::GitHub)
    } else if u.starts_with("http://") || u.starts_with("https://") || u.starts_with("www.") {
        Some(LinkKind::Portfolio)
    } else {
        None
    }
}

/// E.164 for a run of digits: written with `+`, or told by shape (Brazil: 11 digits with a
/// two-digit area code and a mobile 9; North America: 10 digits written `(NXX) NXX-XXXX`).
fn e164(raw: &str, digits: &str) -> Option<String> {
    if raw.trim_start().starts_with('+') {
        return (8..=15).contains(&digits.len()).then(|| format!("+{digits}"));
    }
    if digits.len() == 13 && digits.starts_with("55") {
        return Some(format!("+{digits}"));
    }
    if digits.len() == 11 && digits.as_bytes()[2] == b'9' && !digits.starts_with('0') {
        return Some(format!("+55{digits}"));
    }
    if digits.len() == 10 && raw.contains('(') && matches!(digits.as_bytes()[0], b'2'..=b'9') {
        return Some(format!("+1{digits}"));
    }
    None
}

fn phones(line: &str) -> Vec<Phone> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '+' || chars[i] == '(' || chars[i].is_ascii_digit() {
            let start = i;
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || " -().+".contains(chars[j])) {
                j += 1;
            }
            let raw: String = chars[start..j].iter().collect::<String>().trim().to_string();
            let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
            // Dates and years have few digits; phone numbers have 10 to 15.
            // "2017-06 - 2021-02" has ten digits too: a date range is not a phone.
            let dates = crate::dates::parse_period(&raw)
                .is_some_and(|p| p.start.month > 0 || p.end.is_some_and(|e| e != p.start));
            if (10..=15).contains(&digits.len()) && !raw.contains("  ") && !dates {
                let e = e164(&raw, &digits);
                let confidence = if e.is_some() { 0.9 } else { 0.6 };
                out.push(Phone { raw, e164: e, confidence });
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Two to four capitalized words without digits or symbols.
fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && line.chars().count() <= 60
        && words.iter().all(|w| {
            let mut cs = w.chars();
            let first = cs.next().unwrap_or(' ');
            (first.is_uppercase()
                || ["da", "de", "do", "dos", "das", "del", "la", "van", "von", "y", "e"].contains(w))
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
        && header_kind(line).is_none()
        && !crate::sections::fold(line).split(' ').any(not_a_name)
}

/// Words of document labels and job areas: a line with one of them is not a person's name.
const NOT_NAMES: &[&str] = &[
    "curriculum",
    "vitae",
    "resume",
    "europass",
    "page",
    "pagina",
    "experience",
    "summary",
    "full",
    "stack",
    "backend",
    "frontend",
    "data",
    "software",
    "qa",
    "devops",
    "ux",
];

/// A word that makes a line a job title or a label rather than a name ("Júnior" and "Neto" end
/// Brazilian names, so seniority words do not count).
fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word)
        || crate::work::TITLE_WORDS.contains(&word)
            && !["junior", "jr", "senior", "sr", "neto", "filho"].contains(&word)
}

/// Is this a city that stands alone ("Ciudad de México", "São Paulo")?
pub(crate) fn is_city(s: &str) -> bool {
    CITIES.contains(&crate::sections::fold(s).as_str())
}

/// Ways of working written where a place would be.
const WORK_MODES: &[&str] =
    &["remote", "remoto", "remota", "hybrid", "hibrido", "hibrida", "on site", "presencial", "home office"];

/// Provinces and states written out in full, as a place line names them between its city and its
/// country.
const REGIONS: &[&str] = &[
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "manitoba",
    "saskatchewan",
    "nova scotia",
    "new brunswick",
    "california",
    "texas",
    "new york",
    "washington",
    "massachusetts",
    "illinois",
    "florida",
    "georgia",
    "colorado",
    "oregon",
    "virginia",
    "north carolina",
    "pennsylvania",
    "ohio",
    "michigan",
    "arizona",
    "utah",
    "minnesota",
    "new jersey",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "county dublin",
    "leinster",
    "munster",
    "sao paulo",
    "minas gerais",
    "rio de janeiro",
    "parana",
    "santa catarina",
    "rio grande do sul",
    "bahia",
    "pernambuco",
    "ceara",
    "distrito federal",
    "goias",
    "jalisco",
    "nuevo leon",
    "estado de mexico",
    "puebla",
    "queretaro",
    "yucatan",
    "baja california",
    "chihuahua",
    "coahuila",
    "guanajuato",
    "veracruz",
    "buenos aires",
    "cundinamarca",
    "antioquia",
    "valle del cauca",
];

/// Cities that stand alone in a header line without their state.
const CITIES: &[&str] = &[
    "ciudad de mexico",
    "cdmx",
    "mexico city",
    "guadalajara",
    "monterrey",
    "puebla",
    "queretaro",
    "merida",
    "tijuana",
    "zapopan",
    "toluca",
    "leon",
    "aguascalientes",
    "chihuahua",
    "hermosillo",
    "morelia",
    "san pedro garza garcia",
    "sao paulo",
    "rio de janeiro",
    "belo horizonte",
    "porto alegre",
    "curitiba",
    "recife",
    "florianopolis",
    "campinas",
    "brasilia",
    "salvador",
    "fortaleza",
    "goiania",
    "manaus",
    "belem",
    "vitoria",
    "sao jose dos campos",
    "new york",
    "san francisco",
    "seattle",
    "austin",
    "chicago",
    "boston",
    "denver",
    "los angeles",
    "atlanta",
    "miami",
    "dallas",
    "houston",
    "portland",
    "phoenix",
    "philadelphia",
    "pittsburgh",
    "raleigh",
    "nashville",
    "minneapolis",
    "detroit",
    "san diego",
    "san jose",
    "salt lake city",
    "columbus",
    "charlotte",
    "toronto",
    "vancouver",
    "montreal",
    "calgary",
    "ottawa",
    "edmonton",
    "winnipeg",
    "halifax",
    "london",
    "manchester",
    "leeds",
    "sheffield",
    "birmingham",
    "bristol",
    "liverpool",
    "edinburgh",
    "glasgow",
    "cardiff",
    "belfast",
    "dublin",
    "berlin",
    "amsterdam",
    "paris",
    "barcelona",
    "porto",
    "madrid",
    "lisboa",
    "lisbon",
    "buenos aires",
    "bogota",
    "santiago",
    "lima",
    "wellington",
    "gold coast",
    "sunshine coast",
    "hobart",
    "darwin",
    "geelong",
    "wollongong",
    "townsville",
    "cairns",
    "dunedin",
    "tauranga",
    "auckland",
    "christchurch",
    "sydney",
    "melbourne",
    "brisbane",
    "perth",
    "adelaide",
    "canberra",
    "singapore",
    "hong kong",
    "tokyo",
    "osaka",
    "seoul",
    "bangalore",
    "bengaluru",
    "mumbai",
    "delhi",
    "new delhi",
    "hyderabad",
    "pune",
    "chennai",
    "gurgaon",
    "gurugram",
    "noida",
    "kolkata",
    "manila",
    "jakarta",
    "kuala lumpur",
    "bangkok",
    "ho chi minh city",
    "hanoi",
    "taipei",
    "shanghai",
    "beijing",
    "shenzhen",
    "dubai",
    "abu dhabi",
    "tel aviv",
    "istanbul",
    "cairo",
    "lagos",
    "nairobi",
    "accra",
    "cape town",
    "johannesburg",
    "kigali",
    "casablanca",
    "munich",
    "hamburg",
    "frankfurt",
    "cologne",
    "stuttgart",
    "vienna",
    "zurich",
    "geneva",
    "basel",
    "bern",
    "brussels",
    "antwerp",
    "rotterdam",
    "the hague",
    "utrecht",
    "eindhoven",
    "copenhagen",
    "stockholm",
    "oslo",
    "helsinki",
    "gothenburg",
    "malmo",
    "warsaw",
    "krakow",
    "wroclaw",
    "prague",
    "budapest",
    "bucharest",
    "belgrade",
    "zagreb",
    "ljubljana",
    "athens",
    "rome",
    "milan",
    "turin",
    "naples",
    "bologna",
    "florence",
    "valencia",
    "seville",
    "sevilla",
    "bilbao",
    "malaga",
    "lyon",
    "marseille",
    "toulouse",
    "bordeaux",
    "lille",
    "nantes",
    "cambridge",
    "oxford",
    "nottingham",
    "newcastle",
    "brighton",
    "leicester",
    "coventry",
    "galway",
    "limerick",
    "tallinn",
    "riga",
    "vilnius",
    "kyiv",
    "lviv",
    "reykjavik",
    "luxembourg",
    "montevideo",
    "asuncion",
    "quito",
    "guayaquil",
    "caracas",
    "medellin",
    "barranquilla",
    "cartagena",
    "panama city",
    "guatemala city",
    "san salvador",
    "tegucigalpa",
    "managua",
    "santo domingo",
    "havana",
    "rosario",
    "cordoba",
    "mendoza",
    "valparaiso",
    "arequipa",
    "cusco",
    "cancun",
    "veracruz",
    "oaxaca",
    "saltillo",
    "culiacan",
    "mazatlan",
    "san luis potosi",
    "tampico",
    "mexicali",
    "pachuca",
    "cuernavaca",
    "xalapa",
    "villahermosa",
    "colima",
    "tepic",
    "zacatecas",
    "irapuato",
    "celaya",
    "torreon",
    "reynosa",
    "ciudad juarez",
    "guanajuato",
    "joao pessoa",
    "maceio",
    "aracaju",
    "teresina",
    "sao luis",
    "cuiaba",
    "campo grande",
    "londrina",
    "maringa",
    "joinville",
    "blumenau",
    "uberlandia",
    "ribeirao preto",
    "sorocaba",
    "niteroi",
    "juiz de fora",
    "caxias do sul",
    "pelotas",
    "chapeco",
    "itajai",
    "osasco",
    "guarulhos",
    "santo andre",
    "sao bernardo do campo",
    "barueri",
    "jundiai",
    "piracicaba",
    "sao carlos",
    "sacramento",
    "oakland",
    "palo alto",
    "mountain view",
    "sunnyvale",
    "santa clara",
    "cupertino",
    "redmond",
    "bellevue",
    "irvine",
    "pasadena",
    "santa monica",
    "las vegas",
    "albuquerque",
    "tucson",
    "el paso",
    "fort worth",
    "kansas city",
    "st louis",
    "saint louis",
    "indianapolis",
    "cincinnati",
    "cleveland",
    "milwaukee",
    "ann arbor",
    "omaha",
    "des moines",
    "oklahoma city",
    "tulsa",
    "new orleans",
    "memphis",
    "louisville",
    "baltimore",
    "washington",
    "durham",
    "tampa",
    "orlando",
    "jacksonville",
    "charleston",
    "buffalo",
    "hartford",
    "new haven",
    "boulder",
    "provo",
    "boise",
    "spokane",
    "anchorage",
    "honolulu",
    "quebec city",
    "waterloo",
    "kitchener",
];

/// Mexican states as abbreviated in addresses (folded: dots dropped) and written out.
const MX_STATES: &[&str] = &[
    "jal",
    "n l",
    "nl",
    "qro",
    "pue",
    "gto",
    "yuc",
    "b c",
    "bc",
    "son",
    "chih",
    "mich",
    "ver",
    "edo mex",
    "mex",
    "ags",
    "coah",
    "tamps",
    "q roo",
    "oax",
    "chis",
    "gro",
    "hgo",
    "mor",
    "sin",
    "dgo",
    "zac",
    "tlax",
    "slp",
    "nay",
    "col",
    "camp",
    "tab",
    "bcs",
    "jalisco",
    "nuevo leon",
    "puebla",
    "queretaro",
    "guanajuato",
    "yucatan",
    "sonora",
    "estado de mexico",
    "veracruz",
    "michoacan",
];

/// Places a location ends with: US and Brazilian state codes are two capitals; these are the
/// countries and Mexican states written out.
const PLACES: &[&str] = &[
    "usa",
    "us",
    "united states",
    "brasil",
    "brazil",
    "mexico",
    "méxico",
    "cdmx",
    "jalisco",
    "nuevo leon",
    "nuevo león",
    "canada",
    "portugal",
    "spain",
    "españa",
    "uk",
    "united kingdom",
    "germany",
    "argentina",
    "colombia",
    "chile",
    "peru",
    "perú",
    "australia",
    "new zealand",
    "nueva zelanda",
    "nova zelândia",
    "ireland",
    "irlanda",
    "france",
    "francia",
    "frança",
    "alemania",
    "alemanha",
    "italy",
    "italia",
    "itália",
    "netherlands",
    "países bajos",
    "holanda",
    "india",
    "singapore",
    "singapur",
    "japan",
    "japón",
    "japão",
    "uruguay",
    "uruguai",
    "paraguay",
    "paraguai",
    "bolivia",
    "bolívia",
    "ecuador",
    "equador",
    "costa rica",
    "panamá",
    "guatemala",
    "reino unido",
    "estados unidos",
    "eua",
    "eeuu",
    "canadá",
    "poland",
    "polonia",
    "polônia",
    "sweden",
    "suecia",
    "suécia",
    "switzerland",
    "suiza",
    "suíça",
    "belgium",
    "bélgica",
    "austria",
    "áustria",
    "denmark",
    "dinamarca",
    "norway",
    "noruega",
    "finland",
    "finlandia",
    "israel",
    "south africa",
    "sudáfrica",
    "nigeria",
    "kenya",
    "uae",
    "philippines",
    "filipinas",
    "vietnam",
    "indonesia",
    "malaysia",
    "south korea",
    "corea del sur",
    "taiwan",
    "estonia",
    "romania",
    "rumania",
    "czech republic",
    "czechia",
    "hungary",
    "greece",
    "turkey",
    "egypt",
    "morocco",
    "república dominicana",
    "puerto rico",
];

/// Brazilian states as addresses abbreviate them.
const BR_STATES: &[&str] = &[
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE",
    "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

/// A location in one piece of a header line: "Austin, TX", "São Paulo, SP, Brasil".
pub(crate) fn location_in(piece: &str) -> Option<String> {
    let piece = piece.trim().trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Ciudad de México (remoto)", "Remote", "São Paulo": a known city or a way of working.
    let bare = match piece.split_once('(') {
        Some((place, note)) if WORK_MODES.contains(&crate::sections::fold(note).as_str()) => place.trim(),
        _ => piece,
    };
    // "Monterrey / remoto", "São Paulo / híbrido": a way of working after a slash (R51: the
    // employer read as "Monterrey / remoto").
    let bare = match bare.rsplit_once('/') {
        Some((place, mode)) if WORK_MODES.contains(&crate::sections::fold(mode).as_str()) => place.trim(),
        _ => bare,
    };
    if is_city(bare) || WORK_MODES.contains(&crate::sections::fold(bare).as_str()) {
        return Some(piece.to_string());
    }
    let piece = bare;
    // "Brasília – DF", "Curitiba - PR", "Curitiba/PR": a Brazilian city with its state after a
    // dash or a slash.
    if let Some((city, state)) =
        piece.split_once(" – ").or_else(|| piece.split_once(" - ")).or_else(|| piece.split_once('/'))
        && BR_STATES.contains(&state.trim())
        && city.starts_with(char::is_uppercase)
        && city.split_whitespace().count() <= 4
        && city.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '\'')
    {
        return Some(piece.to_string());
    }
    // ("Medellín, Antioquia — Colombia": a dash between a place's parts is a comma, R110: no
    // location read, and her kit was set under Mexican law.)
    let dashed = piece.replace(" — ", ", ").replace(" – ", ", ");
    let parts: Vec<&str> = dashed.split(',').map(str::trim).collect();
    if parts.len() < 2 || parts.len() > 3 || piece.chars().count() > 60 || piece.contains('\t') {
        return None;
    }
    // "Guadalajara, Jal.", "Monterrey, N.L.": Mexican states are abbreviated with dots.
    let last = crate::sections::fold(parts[parts.len() - 1]);
    // (A company before the state is an employer with its place: "Agave Digital Consultores,
    // CDMX", "Nubes del Bajío Consultores, Querétaro" were read as places, and their jobs had
    // no employer, R87.)
    const COMPANY: &[&str] = &[
        "banca",
        "banco",
        "bank",
        "consultores",
        "consultoria",
        "consultoría",
        "consulting",
        "digital",
        "grupo",
        "group",
        "labs",
        "soluciones",
        "solutions",
        "sistemas",
        "systems",
        "software",
        "tech",
        "technologies",
        "tecnologia",
        "tecnología",
        "servicios",
        "services",
        "seguros",
        "industrial",
        "logística",
        "logistica",
        "financiera",
        "comercial",
    ];
    let company = parts[0].split_whitespace().any(|w| COMPANY.contains(&w.to_lowercase().as_str()));
    if MX_STATES.contains(&last.as_str())
        && parts.len() == 2
        && parts[0].starts_with(char::is_uppercase)
        && parts[0].split_whitespace().count() <= 4
        && !company
    {
        return Some(piece.to_string());
    }
    let wordy = |p: &str| {
        !p.is_empty()
            && p.split_whitespace().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-'))
            && p.starts_with(char::is_uppercase)
    };
    let last = parts[parts.len() - 1];
    let code = last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase());
    let place = PLACES.contains(&last.to_lowercase().as_str());
    // Three pieces make a place only with a country last ("Austin, TX, USA"): "Pendo, Raleigh,
    // NC" is an employer with its place.
    // Nor is "Southern Cross Freightlines, Sídney, Australia": with three pieces the first is a
    // known city or the second a state's code.
    // "Waterloo, Ontario, Canada" (a LinkedIn export's place line, R53): a province or state
    // written out between the city and the country.
    let three_ok = parts.len() == 2
        || is_city(parts[0])
        || (parts[1].len() == 2 && parts[1].chars().all(|c| c.is_ascii_uppercase()))
        || REGIONS.contains(&crate::sections::fold(parts[1]).as_str());
    (parts.iter().all(|p| wordy(p)) && (place && three_ok || code && parts.len() == 2) && !company)
        .then(|| piece.to_string())
}

pub fn extract(text: &str) -> Contact {
    let mut c = Contact::default();
    for (n, line) in text.lines().enumerate() {
        for token in line.split_whitespace().map(trim_token) {
            let token = token.trim_start_matches("mailto:");
            if is_email(token) && !c.emails.iter().any(|e| e.value.eq_ignore_ascii_case(token)) {
                c.emails.push(Scored { value: token.to_string(), confidence: 0.99 });
            } else if let Some(kind) = link_kind(token).filter(|_| !token.contains('@'))
                && !c.links.iter().any(|l| l.url == token)
            {
                c.links.push(Link { url: token.to_string(), kind, confidence: 0.95 });
            }
        }
        // Numbers in the header area are phones; further down only a line that is a phone
        // and nothing else ("Phone (415) 555-0134" in a contact card printed last).
        let alone = || {
            let rest: String = line.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
            ["", "phone", "tel", "telefone", "telefono", "teléfono", "celular", "mobile", "cell", "whatsapp"]
                .contains(&rest.as_str())
        };
        if n < 40 || alone() {
            for p in phones(line) {
                if !c.phones.iter().any(|q| q.raw == p.raw) {
                    c.phones.push(p);
                }
            }
        }
    }
    // The location: from the lines before the first section, split at the usual separators.
    c.location = text
        .lines()
        .take_while(|l| header_kind(l).is_none())
        .take(12)
        // (A dash may be inside the place: "Medellín, Antioquia — Colombia", R110; tried whole
        // before its pieces.)
        .flat_map(|l| l.split(['|', '·', '•', '\t']).chain(l.split(['|', '·', '•', '\t', '—'])))
        .find_map(location_in)
        .map(|value| Scored { value, confidence: 0.75 });
    // The name: the first name-like piece among the first few lines ("Ana Souza | Engenheira"
    // keeps "Ana Souza"), surer the earlier it appears.
    c.name = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(8).enumerate().find_map(|(i, l)| {
        l.split(['|', '·', '•', '\t', '—', '–', ','])
            .map(|cell| unglue(cell.trim()))
            .find(|cell| looks_like_name(cell))
            .map(|value| Scored {
                value,
                confidence: if i == 0 { 0.9 } else { (0.7 - 0.08 * i as f32).max(0.2) },
            })
    });
    c
}

/// A name set in a large font whose word space was lost between two runs ("BrittanyCole"):
/// one word made of two capitalized words of three letters or more is split back in two.
fn unglue(cell: &str) -> String {
    if cell.contains(char::is_whitespace) {
        return cell.to_string();
    }
    let chars: Vec<char> = cell.chars().collect();
    let caps: Vec<usize> =
        (1..chars.len()).filter(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase()).collect();
    if let [at] = caps.as_slice()
        && *at >= 3
        && chars.len() - at >= 3
        && chars.iter().all(|c| c.is_alphabetic())
        && chars[0].is_uppercase()
    {
        let (a, b): (String, String) = (chars[..*at].iter().collect(), chars[*at..].iter().collect());
        return format!("{a} {b}");
    }
    cell.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_block() {
        let c = extract(
            "Ana Paula Souza\nSão Paulo, SP · ana.souza@example.com · (11) 98765-4321\nlinkedin.com/in/anasouza | https://github.com/anasouza\nExperiência\nDev 2019 - 2021",
        );
        assert_eq!(c.name.as_ref().map(|n| n.value.as_str()), Some("Ana Paula Souza"));
        assert_eq!(c.emails[0].value, "ana.souza@example.com");
        assert_eq!(c.phones[0].e164.as_deref(), Some("+5511987654321"));
        assert_eq!(c.phones.len(), 1, "years are not phones: {:?}", c.phones);
        let kinds: Vec<LinkKind> = c.links.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LinkKind::LinkedIn, LinkKind::GitHub]);
        assert_eq!(c.location.map(|l| l.value).as_deref(), Some("São Paulo, SP"));
        assert_eq!(location_in("Backend Engineer, Acme"), None);
        assert_eq!(location_in("Guadalajara, Jalisco").as_deref(), Some("Guadalajara, Jalisco"));
        // A company before a state is an employer with its place (R87).
        assert_eq!(location_in("Agave Digital Consultores, CDMX"), None);
        assert_eq!(location_in("Nubes del Bajío Consultores, Querétaro"), None);
        assert_eq!(location_in("Zapopan, Jal.").as_deref(), Some("Zapopan, Jal."));
        // R110: a dash between a place's parts.
        assert_eq!(
            location_in("Medellín, Antioquia — Colombia").as_deref(),
            Some("Medellín, Antioquia — Colombia")
        );
    }

    #[test]
    fn international_and_us_numbers() {
        assert_eq!(phones("Tel: +52 55 1234 5678")[0].e164.as_deref(), Some("+525512345678"));
        assert_eq!(phones("(415) 555-0134")[0].e164.as_deref(), Some("+14155550134"));
        assert!(phones("2019 - 2021").is_empty());
        assert!(phones("2017-06 - 2021-02").is_empty());
        assert!(phones("03/2020 - 06/2022").is_empty());
        let late =
            format!("Ana Souza\n{}Phone: (415) 555-0134\nOrder 4155550134123 shipped\n", "x\n".repeat(60));
        assert_eq!(
            extract(&late).phones.iter().map(|p| p.raw.as_str()).collect::<Vec<_>>(),
            ["(415) 555-0134"]
        );
    }

    #[test]
    fn not_emails() {
        assert!(!is_email("@handle"));
        assert!(!is_email("a@b"));
        assert!(!is_email("x@y.c0m"));
    }
}
