//! Requirement areas and the skill graph: what a role asks for and what a resume shows, in the
//! same terms.
//!
//! A term (PostgreSQL, "banco de dados relacional", CKAD) has parents (PostgreSQL → SQL →
//! relational databases → the `data` area), so a resume that names any term satisfies it and
//! all its ancestors: PostgreSQL satisfies SQL, CKAD satisfies Kubernetes, one backend language
//! satisfies "one of Node.js, Python, Go, Java, C#" (they share the parent). A role's areas come
//! from the same matching over its page, weighted by where the term appears. Competencies are
//! areas too, matched by a few phrases per language.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use nexushr_domain::Role;
use serde::Deserialize;

use nexushr_domain::candidate::{Candidate, Span};

/// The kit languages, in index order.
pub const LANGUAGES: [&str; 3] = ["en", "pt-BR", "es-MX"];

/// The kit language a tag names (`pt`, `pt-BR`, `es`, `es-MX`, `en`, `en-US`...), if supported.
pub fn language_index(tag: &str) -> Option<usize> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(0),
        "pt" => Some(1),
        "es" => Some(2),
        _ => None,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct GraphFile {
    #[serde(default)]
    areas: Vec<AreaFile>,
    #[serde(default)]
    competencies: Vec<AreaFile>,
    #[serde(default)]
    terms: Vec<TermFile>,
}

#[derive(Debug, Deserialize)]
struct AreaFile {
    id: String,
    names: BTreeMap<String, String>,
    /// Passing signs of the area (`data/questions/AUTHORING.md`, "hints").
    #[serde(default)]
    hints: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TermFile {
    id: String,
    aliases: Vec<String>,
    #[serde(default)]
    parents: Vec<String>,
}

/// A requirement area or a competency, with its name in each kit language.
#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    names: [String; 3],
    pub competency: bool,
}

impl Area {
    pub fn name(&self, lang: usize) -> &str {
        &self.names[lang.min(2)]
    }

    /// The id a kit reports it under (`nexushr:area/data`, `nexushr:competency/conflict`).
    pub fn target_id(&self) -> String {
        if self.competency {
            format!("nexushr:competency/{}", self.id)
        } else {
            format!("nexushr:area/{}", self.id)
        }
    }
}

/// Phrases that show a competency on a role page, in en, pt and es.
const COMPETENCY_TERMS: &[(&str, &[&str])] = &[
    (
        "problem-solving",
        &[
            "problem-solving",
            "problem solving",
            "solve problems",
            "address problems critically",
            "create solutions to problems",
            "solve ICT system problems",
            "resolução de problemas",
            "resolver problemas",
            "resolución de problemas",
        ],
    ),
    (
        "collaboration",
        &[
            "collaboration",
            "collaborative",
            "collaboratively",
            "collaborate",
            "collaborating",
            "teamwork",
            "cross-functional",
            "ensure cross-department cooperation",
            "trabalho em equipe",
            "colaboração",
            "colaborar",
            "trabajo en equipo",
            "colaboración",
        ],
    ),
    (
        "communication",
        &[
            "communication",
            "communicate",
            "present reports",
            "apply technical communication skills",
            "communicate with a non-scientific audience",
            "write work-related reports",
            "comunicação",
            "comunicar",
            "comunicación",
        ],
    ),
    (
        "leadership",
        &["leadership", "mentor", "mentoring", "mentor individuals", "lead a team", "liderança", "liderazgo"],
    ),
    (
        "customer-focus",
        &[
            "customer focus",
            "customer-focused",
            "customer service",
            "customer needs",
            "communicate with customers",
            "build business relationships",
            "consult with business clients",
            "foco no cliente",
            "atendimento ao cliente",
            "enfoque en el cliente",
            "atención al cliente",
        ],
    ),
    (
        "learning",
        &[
            "keep up with the latest information systems solutions",
            "monitor technology trends",
            "monitor developments in field of expertise",
            "manage personal professional development",
            "continuous learning",
            "aprendizado contínuo",
            "aprendizaje continuo",
        ],
    ),
    ("adaptability", &["adaptability", "tolerate stress", "fast-paced", "adaptabilidade", "adaptabilidad"]),
    (
        "prioritization",
        &[
            "prioritization",
            "prioritisation",
            "prioritize",
            "prioritise",
            "time management",
            "deadlines",
            "priorização",
            "priorización",
        ],
    ),
    ("ownership", &["ownership", "accountability", "autonomy", "autonomia", "autonomía"]),
    ("conflict", &["conflict resolution", "negotiation", "negotiate", "conflitos", "conflictos"]),
];

/// The behavioral model's order of preference when a role names no competency.
const DEFAULT_COMPETENCIES: &[&str] = &[
    "problem-solving",
    "collaboration",
    "ownership",
    "communication",
    "learning",
    "conflict",
    "prioritization",
    "adaptability",
    "customer-focus",
    "leadership",
];

/// One term found in a text: which, and where (byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub term: usize,
    pub start: usize,
    pub end: usize,
    /// The graph writes the alias as a name ("Kafka", "PostgreSQL"), not as a practice ("code
    /// review", "integração"), however the resume capitalizes it.
    pub named: bool,
}

/// The areas, the competencies and the terms with their parents.
#[derive(Debug, Default)]
pub struct Graph {
    /// Requirement areas, then competencies: an area index is a position here.
    pub areas: Vec<Area>,
    area_index: HashMap<String, usize>,
    term_ids: Vec<String>,
    term_index: HashMap<String, usize>,
    /// Per term: the areas it implies, through its parents.
    term_areas: Vec<Vec<u16>>,
    /// Per term: how many parents it is from its nearest area (1 = a child of the area); more is
    /// more specific (PostgreSQL is deeper than SQL).
    depth: Vec<u8>,
    /// Per term: the terms above it (PostgreSQL: SQL, relational databases...).
    ancestors: Vec<Vec<u32>>,
    matcher: Option<AhoCorasick>,
    /// Per pattern of `matcher`: its terms (an alias two terms share finds both).
    pattern_term: Vec<Vec<u32>>,
    /// Per pattern: whether it names a tool a `{skill}` slot can hold (see `names_a_tool`).
    pattern_named: Vec<bool>,
    patterns: Vec<String>,
    /// The areas' hints: phrases that show an area in passing, without naming a term.
    hint_matcher: Option<AhoCorasick>,
    hint_patterns: Vec<String>,
    /// Per hint pattern: its areas.
    hint_areas: Vec<Vec<u16>>,
}

impl Graph {
    pub fn new(file: GraphFile) -> Self {
        let mut areas: Vec<Area> = Vec::new();
        let names = |a: &AreaFile| {
            LANGUAGES.map(|l| a.names.get(l).or(a.names.get("en")).cloned().unwrap_or_default())
        };
        for a in &file.areas {
            areas.push(Area { id: a.id.clone(), names: names(a), competency: false });
        }
        for a in &file.competencies {
            areas.push(Area { id: a.id.clone(), names: names(a), competency: true });
        }
        let area_index: HashMap<String, usize> =
            areas.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        // Terms: the file's, then the competency phrases (parent: the competency).
        let mut terms: Vec<(String, Vec<String>, Vec<String>)> =
            file.terms.into_iter().map(|t| (t.id, t.aliases, t.parents)).collect();
        for (competency, phrases) in COMPETENCY_TERMS {
            if area_index.contains_key(*competency) {
                terms.push((
                    format!("competency-{competency}"),
                    phrases.iter().map(|p| p.to_string()).collect(),
                    vec![competency.to_string()],
                ));
            }
        }
        let term_index: HashMap<&str, usize> =
            terms.iter().enumerate().map(|(i, t)| (t.0.as_str(), i)).collect();
        let mut term_areas = Vec::with_capacity(terms.len());
        let mut depth = Vec::with_capacity(terms.len());
        let mut ancestors = Vec::with_capacity(terms.len());
        for (id, _, _) in &terms {
            let mut above: Vec<u32> = Vec::new();
            // Walk the parents breadth-first; the first area reached sets the depth.
            let (mut found, mut first) = (Vec::new(), None);
            let mut frontier = vec![id.as_str()];
            let mut seen = std::collections::HashSet::new();
            for level in 0u8..16 {
                let mut next = Vec::new();
                for t in frontier {
                    if !seen.insert(t) {
                        continue;
                    }
                    if let Some(&a) = area_index.get(t) {
                        found.push(a as u16);
                        first.get_or_insert(level);
                        continue;
                    }
                    if let Some(&k) = term_index.get(t) {
                        if level > 0 {
                            above.push(k as u32);
                        }
                        next.extend(terms[k].2.iter().map(String::as_str));
                    }
                }
                if next.is_empty() {
                    break;
                }
                frontier = next;
            }
            found.sort_unstable();
            found.dedup();
            term_areas.push(found);
            depth.push(first.unwrap_or(0));
            ancestors.push(above);
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_term: Vec<Vec<u32>> = Vec::new();
        let mut by_text: HashMap<String, usize> = HashMap::new();
        for (k, (_, aliases, _)) in terms.iter().enumerate() {
            for a in aliases {
                let a = a.trim();
                if a.chars().count() < 2 {
                    continue;
                }
                let lower = a.to_lowercase();
                // ASCII case is ignored by the matcher; other letters' capitals need their own
                // lowercase pattern.
                let forms = if lower != a && !lower.is_ascii() {
                    vec![a.to_string(), lower]
                } else {
                    vec![a.to_string()]
                };
                for form in forms {
                    let key = form.to_ascii_lowercase();
                    let p = *by_text.entry(key).or_insert_with(|| {
                        patterns.push(form.clone());
                        pattern_term.push(Vec::new());
                        patterns.len() - 1
                    });
                    if !pattern_term[p].contains(&(k as u32)) {
                        pattern_term[p].push(k as u32);
                    }
                }
            }
        }
        let pattern_named = patterns.iter().map(|p| names_a_tool(p)).collect();
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        let mut hint_patterns: Vec<String> = Vec::new();
        let mut hint_areas: Vec<Vec<u16>> = Vec::new();
        let mut hint_by_text: HashMap<String, usize> = HashMap::new();
        for a in &file.areas {
            let Some(&index) = area_index.get(&a.id) else { continue };
            for h in &a.hints {
                let h = h.trim();
                let p = *hint_by_text.entry(h.to_lowercase()).or_insert_with(|| {
                    hint_patterns.push(h.to_string());
                    hint_areas.push(Vec::new());
                    hint_patterns.len() - 1
                });
                if !hint_areas[p].contains(&(index as u16)) {
                    hint_areas[p].push(index as u16);
                }
            }
        }
        let hint_matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&hint_patterns)
            .ok();
        Self {
            areas,
            area_index,
            term_index: terms.iter().enumerate().map(|(i, t)| (t.0.clone(), i)).collect(),
            term_ids: terms.into_iter().map(|t| t.0).collect(),
            term_areas,
            depth,
            ancestors,
            matcher,
            pattern_term,
            pattern_named,
            patterns,
            hint_matcher,
            hint_patterns,
            hint_areas,
        }
    }

    pub fn area(&self, id: &str) -> Option<usize> {
        self.area_index.get(id).copied()
    }

    pub fn term_id(&self, term: usize) -> &str {
        &self.term_ids[term]
    }

    /// The areas (and competencies) a term implies.
    pub fn areas_of(&self, term: usize) -> &[u16] {
        &self.term_areas[term]
    }

    /// Every term written in `text`, on word boundaries, in order.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let Some(m) = &self.matcher else { return Vec::new() };
        m.find_iter(text)
            .filter(|x| written_as(text, x.start(), x.end(), &self.patterns[x.pattern().as_usize()]))
            .flat_map(|x| {
                let named = self.pattern_named[x.pattern().as_usize()];
                self.pattern_term[x.pattern().as_usize()].iter().map(move |&t| Found {
                    term: t as usize,
                    start: x.start(),
                    end: x.end(),
                    named,
                })
            })
            .collect()
    }

    /// The areas whose hints `text` writes (`data/questions/AUTHORING.md`, "hints"), each with
    /// the byte range of its first hint there.
    pub fn hinted_in(&self, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
        let Some(m) = &self.hint_matcher else { return Vec::new() };
        let mut areas: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for x in m.find_iter(text) {
            let p = x.pattern().as_usize();
            if !written_as(text, x.start(), x.end(), &self.hint_patterns[p]) {
                continue;
            }
            for &a in &self.hint_areas[p] {
                if !areas.iter().any(|(b, _)| *b == usize::from(a)) {
                    areas.push((usize::from(a), x.range()));
                }
            }
        }
        areas
    }

    /// The first requirement area `text` names (for a tenant's question without one).
    pub fn first_area_in(&self, text: &str) -> Option<String> {
        self.find(text)
            .iter()
            .flat_map(|f| self.term_areas[f.term].iter())
            .find(|&&a| !self.areas[usize::from(a)].competency)
            .map(|&a| self.areas[usize::from(a)].id.clone())
    }

    /// What a role asks for: its requirement areas and competencies, heaviest first.
    pub fn role_areas(&self, role: &Role) -> RoleAreas {
        let s = &role.spec;
        let mut weight = vec![0f32; self.areas.len()];
        let mut line: Vec<Option<Cite>> = vec![None; self.areas.len()];
        // Per area: the distinct phrases that named it (two terms may share a phrase).
        let mut terms: Vec<Vec<String>> = vec![Vec::new(); self.areas.len()];
        let conflict = self.area("conflict");
        // Whether an area's cite is a line of tenure ("3+ years of experience in DevOps,
        // infrastructure or platform engineering roles"): it names fields, not the work a
        // question tests, so any later line that names the area is cited instead (R99: a CI
        // question's why cited the years of experience, not the CI/CD pipelines requirement).
        let mut tenure = vec![false; self.areas.len()];
        let mut add = |text: &str, w: f32, cite: Option<Cite>| {
            let years = cite.is_some() && names_tenure(text);
            let mut hit = vec![false; self.areas.len()];
            for f in self.find(text) {
                let phrase = text[f.start..f.end].to_lowercase();
                for &a in &self.term_areas[f.term] {
                    hit[usize::from(a)] = true;
                    if !terms[usize::from(a)].contains(&phrase) {
                        terms[usize::from(a)].push(phrase.clone());
                    }
                }
            }
            // Conflicts of data ("background sync, conflict resolution and retries", "resolución
            // de conflictos" of an offline-first app, merge conflicts) are no conflict between
            // people (R52: a mobile kit's conflict question cited the offline-sync line).
            if let Some(c) = conflict
                && hit[c]
            {
                let lower = text.to_lowercase();
                if ["sync", "offline", "sincroniz", "merge", "replica", "réplica", "git "]
                    .iter()
                    .any(|w| lower.contains(w))
                {
                    hit[c] = false;
                }
            }
            for (a, h) in hit.into_iter().enumerate() {
                if h {
                    weight[a] += w;
                    if line[a].is_none() || (tenure[a] && cite.is_some() && !years) {
                        line[a] = cite;
                        tenure[a] = years;
                    }
                }
            }
        };
        // The title names the role's own field (Mobile Application Developer, Database
        // Administrator): that area leads, however many generic skills a catalog page lists.
        let titled: Vec<usize> = self
            .find(&s.title)
            .iter()
            .flat_map(|f| self.term_areas[f.term].iter().map(|&a| usize::from(a)))
            .collect();
        add(&s.title, 2.0, None);
        for (i, r) in s.requirements.iter().enumerate() {
            add(r, 2.0, Some(Cite::Requirement(i)));
        }
        for (i, r) in s.responsibilities.iter().enumerate() {
            add(r, 1.5, Some(Cite::Responsibility(i)));
        }
        for (i, k) in s.skills.iter().enumerate() {
            add(&k.name, if k.essential { 3.0 } else { 1.0 }, Some(Cite::Skill(i)));
        }
        add(&s.summary, 1.0, None);
        for k in &s.skills {
            if let Some(c) = k.taxonomy_id.strip_prefix("nexushr:competency/")
                && let Some(a) = self.area(c)
            {
                weight[a] += if k.essential { 4.0 } else { 3.0 };
            }
        }
        let mut technical: Vec<RoleArea> = Vec::new();
        let mut competencies: Vec<RoleArea> = Vec::new();
        for (a, &w) in weight.iter().enumerate() {
            if w <= 0.0 {
                continue;
            }
            let titled = titled.contains(&a) && self.areas[a].id != "programming";
            let ra = RoleArea { area: a, weight: w, cite: line[a], titled };
            if self.areas[a].competency {
                competencies.push(ra);
            } else {
                technical.push(ra);
            }
        }
        let heaviest = technical.iter().map(|a| a.weight).fold(0.0f32, f32::max);
        for a in technical.iter_mut().filter(|a| a.titled) {
            a.weight = a.weight.max(heaviest) + 1.0;
        }
        technical.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.area.cmp(&b.area)));
        // An area named only in passing (one mention in the summary or a minor skill, or a
        // single phrase far below the role's main areas) is not a requirement; nor is one whose
        // phrases mostly name a heavier area too (microservices names system design and
        // architecture; Node.js names programming and front-end; data mining names analytics
        // and machine learning).
        let top = technical.first().map_or(0.0, |a| a.weight);
        technical.retain(|a| a.weight >= 2.0 && (terms[a.area].len() >= 2 || a.weight >= top / 10.0));
        let mut kept: Vec<RoleArea> = Vec::new();
        for a in technical {
            let own = &terms[a.area];
            let subsumed = kept.iter().any(|k| {
                let shared = own.iter().filter(|t| terms[k.area].contains(t)).count();
                shared * 2 > own.len()
            });
            if !subsumed {
                kept.push(a);
            }
        }
        let mut technical = kept;
        technical.truncate(MAX_ROLE_AREAS);
        competencies.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.area.cmp(&b.area)));
        // Then the behavioral model's defaults, so every kit has competencies to ask about.
        for c in DEFAULT_COMPETENCIES {
            if let Some(a) = self.area(c)
                && !competencies.iter().any(|r| r.area == a)
            {
                competencies.push(RoleArea { area: a, weight: 0.0, cite: None, titled: false });
            }
        }
        RoleAreas { technical, competencies }
    }

    /// Where a candidate shows each area: the most specific term, preferring work highlights
    /// (claims) over skill lists, with the resume line; and every term the resume names.
    pub fn shown(&self, candidate: &Candidate) -> Resume {
        let mut best: Vec<Option<(i32, Shown)>> = vec![None; self.areas.len()];
        let mut terms: HashMap<usize, Shown> = HashMap::new();
        let mut lines = vec![0u16; self.areas.len()];
        let mut uses: HashMap<usize, u16> = HashMap::new();
        let mut consider = |span: &Span, rank: i32, claim: Option<usize>| {
            let mut hit = vec![false; self.areas.len()];
            let mut counted: Vec<usize> = Vec::new();
            for f in self.find(&span.text) {
                let written = whole_phrase(&span.text, f.start, f.end);
                if claim.is_some() && !counted.contains(&f.term) {
                    counted.push(f.term);
                    *uses.entry(f.term).or_default() += 1;
                }
                // An achievement is quoted whole; a skills row or a summary sentence only
                // where it names the term.
                let line = if claim.is_some() { span.clone() } else { cite(span, f.start..f.end, &written) };
                let shown = Shown { term: f.term, written, named: f.named, line, claim, lines: 0, uses: 0 };
                if terms.get(&f.term).is_none_or(|t| t.claim.is_none() && claim.is_some()) {
                    terms.insert(f.term, shown.clone());
                }
                for &a in &self.term_areas[f.term] {
                    let a = usize::from(a);
                    if !hit[a] {
                        hit[a] = true;
                        lines[a] = lines[a].saturating_add(1);
                    }
                    let score = rank * 16 + i32::from(self.depth[f.term]);
                    if best[a].as_ref().is_none_or(|(s, _)| score > *s) {
                        best[a] = Some((score, shown.clone()));
                    }
                }
            }
        };
        for (i, c) in candidate.claims.iter().enumerate() {
            consider(&c.span, 2, Some(i));
        }
        for s in &candidate.skills {
            consider(&s.evidence, 1, None);
        }
        // An exam still ahead shows no area ("AWS Certified Cloud Practitioner — em preparação").
        let certified: Vec<&Span> =
            candidate.certifications.iter().filter(|c| !crate::claims::unfinished(&c.text)).collect();
        for &c in &certified {
            consider(c, 1, None);
        }
        // The skills section as written: a tool the taxonomy does not know ("ITIL v4" under
        // "Outros", Zabbix) still shows its area (R46, R48: kit headers called them missing).
        for l in &candidate.listed {
            consider(l, 0, None);
        }
        for (t, s) in terms.iter_mut() {
            s.uses = uses.get(t).copied().unwrap_or(0);
        }
        // Areas shown only in passing: the first line (an achievement before a job title, a
        // skill line or a certification) that writes a hint of each, cut to the words around it.
        let mut hinted: Vec<Option<Span>> = vec![None; self.areas.len()];
        let titles = candidate.claims.iter().filter_map(|c| c.title.as_deref()).map(|t| Span {
            start: 0,
            end: 0,
            text: t.to_string(),
        });
        let read = candidate
            .claims
            .iter()
            .map(|c| c.span.clone())
            .chain(titles)
            .chain(candidate.skills.iter().map(|s| s.evidence.clone()))
            .chain(certified.iter().map(|&c| c.clone()))
            .chain(candidate.listed.iter().cloned());
        for line in read {
            for (a, at) in self.hinted_in(&line.text) {
                hinted[a].get_or_insert_with(|| around(&line, at, PASSING_CHARS));
            }
        }
        let used = |t: usize| uses.get(&t).copied().unwrap_or(0);
        let areas = best
            .into_iter()
            .zip(lines)
            .map(|(b, n)| b.map(|(_, s)| Shown { lines: n, uses: used(s.term), ..s }))
            .collect();
        Resume { areas, terms, hinted }
    }

    /// A term's index, by id.
    /// Whether resume term `found` satisfies question term `asked`: the same term or one below it
    /// (PostgreSQL satisfies SQL).
    pub fn satisfies(&self, found: usize, asked: usize) -> bool {
        found == asked || self.ancestors.get(found).is_some_and(|a| a.contains(&(asked as u32)))
    }

    pub fn term_index(&self, id: &str) -> Option<usize> {
        self.term_index.get(id).copied()
    }
}

/// Whether a role line asks for years of experience ("3+ years of experience in ...", "5+ anos de
/// experiência com ...", "Experiencia de 3 años en ...").
fn names_tenure(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["years of", "year of", "years'", "+ years", "anos de", "+ anos", "años de", "+ años"]
        .iter()
        .any(|p| lower.contains(p))
        && lower.chars().any(|c| c.is_ascii_digit())
}

/// Areas a kit covers at most (a ten-question kit with claims and behavioral questions has room
/// for about six; a loop covers the rest).
pub const MAX_ROLE_AREAS: usize = 8;

/// One area a role asks for.
#[derive(Debug, Clone)]
pub struct RoleArea {
    /// Index into [`Graph::areas`].
    pub area: usize,
    pub weight: f32,
    /// The role's title names this specialist field (Mobile..., Data Warehouse..., QA...): the
    /// kit asks it twice. Programming, which every developer title names, is not one.
    pub titled: bool,
    /// The requirement or responsibility that names it first.
    pub cite: Option<Cite>,
}

/// A line of the role page, by position (so it can be read in the role's other languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cite {
    Requirement(usize),
    Responsibility(usize),
    /// A key skill of the page (its name is not translated).
    Skill(usize),
}

impl RoleArea {
    /// The role line that names this area, read from `role` (the role in the kit's language);
    /// None when that line has no translation (`original`: the role as written, when `role` is
    /// a translation of it).
    pub fn requirement(&self, role: &Role, original: Option<&Role>, lang: usize) -> Option<String> {
        let pick = |r: &Role| match self.cite? {
            Cite::Requirement(i) => r.spec.requirements.get(i).cloned(),
            Cite::Responsibility(i) => r.spec.responsibilities.get(i).cloned(),
            Cite::Skill(i) => r.spec.skills.get(i).map(|k| k.name.clone()),
        };
        let line = pick(role)?;
        if let Some(Cite::Skill(_)) = self.cite {
            // Skill names are the taxonomy's, in English: cited only in an English kit.
            return (lang == 0 && original.is_none()).then(|| format!("Key skill: {line}"));
        }
        let translated = original.is_none_or(|o| pick(o).as_ref() != Some(&line));
        translated.then_some(line)
    }
}

#[derive(Debug, Clone, Default)]
pub struct RoleAreas {
    pub technical: Vec<RoleArea>,
    pub competencies: Vec<RoleArea>,
}

/// What a resume shows: per area (by index) and per term.
#[derive(Debug, Clone, Default)]
pub struct Resume {
    pub areas: Vec<Option<Shown>>,
    pub terms: HashMap<usize, Shown>,
    /// Per area: a line that shows it only in passing (a hint, no term), if any.
    pub hinted: Vec<Option<Span>>,
}

impl Resume {
    /// Whether the resume shows area `a` at all: a term of it, or a hint.
    pub fn touches(&self, a: usize) -> bool {
        self.areas.get(a).is_some_and(Option::is_some) || self.passing(a).is_some()
    }

    /// The line that shows area `a` only in passing, when no term of it is written.
    pub fn passing(&self, a: usize) -> Option<&Span> {
        if self.areas.get(a).is_some_and(Option::is_some) {
            return None;
        }
        self.hinted.get(a)?.as_ref()
    }
}

/// How much of a line a kit quotes for an area it shows in passing.
const PASSING_CHARS: usize = 90;

/// The words of `line` around `at` (a byte range of its text), at most about `max` characters,
/// with an ellipsis where the line goes on.
fn around(line: &Span, at: std::ops::Range<usize>, max: usize) -> Span {
    let text = &line.text;
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return Span { text: words(text), ..line.clone() };
    }
    // The clause or sentence around the hint when it fits ("En el regreso a clases de agosto 2022
    // tuvimos un pico de 6x en tráfico"), not a window cut mid-clause at both ends (R95:
    // "…de agosto 2022 tuvimos un pico de 6x en tráfico; el HPA estaba mal configurado y la API…").
    let from =
        [". ", "; "].iter().filter_map(|b| text[..at.start].rfind(b).map(|i| i + 2)).max().unwrap_or(0);
    let to = [". ", ";"]
        .iter()
        .filter_map(|b| text[at.end..].find(b).map(|i| at.end + i))
        .min()
        .unwrap_or(text.len());
    let clause = text[from..to].trim().trim_end_matches('.');
    if clause.chars().count() <= max && clause.contains(' ') {
        let start = from + (text[from..to].len() - text[from..to].trim_start().len());
        let end = start + clause.len();
        let quoted = format!(
            "{}{}{}",
            if start > 0 { "…" } else { "" },
            words(clause),
            if text[end..].trim_start_matches(['.', ';']).trim().is_empty() { "" } else { "…" }
        );
        return Span { start: line.start + start, end: line.start + end, text: quoted };
    }
    // Start a third of the room before the hint, at a word; end where the room runs out.
    let room = max.saturating_sub(text[at.clone()].chars().count());
    let mut start = at.start - crate::claims::last_chars(&text[..at.start], room / 3).len();
    if start > 0 {
        start = text[start..at.start].find(' ').map_or(at.start, |i| start + i + 1);
    }
    let end = text[start..].char_indices().nth(max).map_or(text.len(), |(i, _)| start + i);
    let mut end = end.max(at.end);
    if end < text.len() {
        end = text[at.end..end].rfind(' ').map_or(end, |i| at.end + i);
    }
    let body = text[start..end].trim().trim_end_matches([',', ';', ':', '.']);
    let quoted = format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        words(body),
        if end < text.trim_end().len() { "…" } else { "" }
    );
    Span { start: line.start + start, end: line.start + end, text: quoted }
}

/// How a kit quotes a line that is no achievement (a skills row, a summary, a certification) for
/// the term `written` at `at`: a skills row as its group and that item ("Also: SLO design",
/// "Backend: Laravel"), anything else as the sentence around the term, with an ellipsis where it
/// goes on (R58: "Also:\tVault, OPA/Gatekeeper, Cilium, ..." and "for logistics backends. Since
/// then focused on CI/CD, infrastructure as code, and making" were quoted whole).
fn cite(line: &Span, at: std::ops::Range<usize>, written: &str) -> Span {
    use nexushr_resume_parser::listed::ITEM_SEPARATORS;
    let text = &line.text;
    // Where in the resume the quote is; a line without a position (a certification) keeps none.
    let place = |from: usize, to: usize| {
        if line.start == line.end { (line.start, line.end) } else { (line.start + from, line.start + to) }
    };
    // The item as listed ("ITIL v4", "Laravel (Eloquent, Horizon)") from byte `from` of a list,
    // else the term; with where it is.
    let item_at = |from: usize| {
        let from = text[..at.start]
            .rmatch_indices(ITEM_SEPARATORS)
            .next()
            .map_or(from, |(i, s)| i + s.len())
            .max(from);
        let mut to = text[at.end..].find(ITEM_SEPARATORS).map_or(text.len(), |i| at.end + i);
        if text[from..to].contains('(') && !text[from..to].contains(')') {
            to = text[to..].find(')').map_or(to, |i| to + i + 1);
        }
        let from = from + (text[from..to].len() - text[from..to].trim_start().len());
        let to = from + text[from..to].trim().len();
        let item = text[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
        let balanced = item.matches('(').count() == item.matches(')').count();
        if balanced && item.chars().count() <= 60 {
            (item, place(from, to))
        } else {
            (written.to_string(), place(at.start, at.end))
        }
    };
    if let Some(h) = text.find([':', '\t']).filter(|&h| h < at.start) {
        // (Without a table's cell border: "| Lenguajes: SQL" was quoted, R88.)
        let group = text[..h].trim().trim_start_matches('|').trim_start();
        let items = &text[h + 1..];
        if !group.is_empty()
            && group.split_whitespace().count() <= 3
            && !group.contains(['.', ',', '(', ';'])
            && items.contains(ITEM_SEPARATORS)
        {
            let (item, (start, end)) = item_at(h + 1);
            return Span { start, end, text: format!("{group}: {item}") };
        }
    }
    // A row of a list with no group on it (a skills section's wrapped line: "C#, .NET 8, ASP.NET
    // Core, Azure Logic Apps, Service Bus, API Management,") is quoted as the item alone: a cut of
    // the row read as pasted (R80).
    let separated: Vec<&str> =
        text.split([',', ';', '|', '•', '·']).filter(|i| !i.trim().is_empty()).collect();
    if separated.len() >= 3
        && !text.contains(". ")
        && !text.contains([':', '\t'])
        && separated.iter().all(|i| i.split_whitespace().count() <= 4)
    {
        let (item, (start, end)) = item_at(0);
        return Span { start, end, text: item };
    }
    let start = text[..at.start].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at.end..].find(". ").map_or(text.len(), |i| at.end + i + 1);
    let (s, e) = place(start, end);
    let sentence = Span { start: s, end: e, text: text[start..end].to_string() };
    let mut quoted = around(&sentence, at.start - start..at.end - start, PASSING_CHARS);
    // A sentence a wrapped line cuts: it ends on a joining word or a gerund ("... and making"),
    // or starts with no capital at all ("for logistics backends.").
    let last = quoted.text.split_whitespace().next_back().unwrap_or("").to_lowercase();
    let dangling = JOINING.contains(&last.as_str())
        || ["ing", "ndo"].iter().any(|g| last.ends_with(g) && last.chars().count() > 5);
    if end == text.len() && dangling && !quoted.text.ends_with(['.', '!', '?', '…', ')']) {
        quoted.text.push('…');
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if start == 0
        && first.chars().all(|c| !c.is_uppercase())
        && first.starts_with(char::is_alphabetic)
        && !quoted.text.starts_with('…')
    {
        quoted.text.insert(0, '…');
    }
    quoted
}

/// Whether `pattern`, found at `start..end` of `text`, is written there as a word: on word
/// boundaries, and a short alias (Go, REST, iOS, IA) or an acronym (SOLID) only as written or in
/// capitals, so "go live", "the rest" or "solid experience" are not skills.
fn written_as(text: &str, start: usize, end: usize, pattern: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let found = &text[start..end];
    let acronym = pattern.chars().all(|c| !c.is_lowercase());
    let case_ok =
        (pattern.chars().count() > 4 && !acronym) || found == pattern || found == pattern.to_uppercase();
    !before.is_some_and(word) && !after.is_some_and(word) && case_ok
}

/// Whether an alias names a tool a `{skill}` slot can hold: a name has a capital ("Kafka", "SQL
/// Server"); a practice that contains one ("Pruebas de API", "Design Patterns") is still a
/// practice (R21: "En tu trabajo con Pruebas de API"), and a generic acronym ("API") no tool.
fn names_a_tool(pattern: &str) -> bool {
    let first = pattern.split(' ').next().unwrap_or_default().to_lowercase();
    pattern.chars().any(char::is_uppercase)
        && !(pattern.contains(' ') && PRACTICES.contains(&first.as_str()))
        && !GENERIC.contains(&pattern.to_lowercase().as_str())
}

/// First words of a practice's name, in the three languages: "Pruebas de API" names no tool.
const PRACTICES: &[&str] = &[
    "scripts",
    "pruebas",
    "prueba",
    "testes",
    "teste",
    "tests",
    "testing",
    "diseño",
    "design",
    "desarrollo",
    "desenvolvimento",
    "development",
    "análisis",
    "análise",
    "analysis",
    "gestión",
    "gestão",
    "management",
    "modelado",
    "modelagem",
    "modeling",
];

/// Acronyms of kinds of thing, not of one tool: "En tu trabajo con API" names nothing.
const GENERIC: &[&str] = &[
    "api", "apis", "ui", "ux", "ci", "cd", "ci/cd", "etl", "elt", "bi",
    // Styles and formats, not tools: "In your work with REST" (R22).
    "rest", "restful", "soap", "http", "https", "json", "xml",
    // Protocols and controls, not tools: "En tu trabajo con mTLS" (R73).
    "tls", "mtls", "ssl", "sso", "mfa", "2fa",
];

/// The words of `text[start..end]`, a term found in a resume line, as a phrase that can be read
/// out: a term that ends on a joining word ("integraciones con", a phrase the graph matches to
/// keep "integraciones" alone out) takes the word after it ("Integraciones con transportistas"),
/// or drops the joining word at the end of the line (R42: "el currículum muestra Integraciones
/// con,").
/// Words that join a phrase to what follows it, in the three languages.
const JOINING: &[&str] = &[
    "con", "de", "del", "do", "da", "dos", "das", "com", "with", "of", "for", "para", "to", "a", "al", "en",
    "em", "y", "e", "and", "the", "el", "la", "o", "os", "las", "los",
];

fn whole_phrase(text: &str, start: usize, end: usize) -> String {
    let dangling = |phrase: &str| {
        let last = phrase.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
        phrase.contains(char::is_whitespace) && JOINING.contains(&last.as_str())
    };
    let mut phrase = text[start..end].trim_end().to_string();
    let mut rest = &text[end..];
    // "Integración con el SAT": up to three words on, past articles.
    for _ in 0..3 {
        if !dangling(&phrase) {
            return phrase;
        }
        let next: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || ['-', '/', '.'].contains(c))
            .collect();
        let next = next.trim_end_matches('.');
        if next.is_empty() {
            break;
        }
        rest = &rest[rest.find(next).map_or(rest.len(), |i| i + next.len())..];
        phrase = format!("{phrase} {next}");
    }
    // Nothing to read after it: the joining words go.
    while dangling(&phrase) {
        let cut = phrase.trim_end().rfind(char::is_whitespace).unwrap_or(0);
        phrase.truncate(cut);
    }
    phrase
}

/// How a resume shows an area.
#[derive(Debug, Clone)]
pub struct Shown {
    pub term: usize,
    /// The term as the resume writes it ("PostgreSQL", "Postgres").
    pub written: String,
    /// A name, what a `{skill}` slot can hold ("Kafka"), not a practice ("Code review" at the
    /// start of a skills line, "prazo"): as the graph writes the alias.
    pub named: bool,
    /// The resume line as a kit quotes it: an achievement whole, a skills row as its group and
    /// item, anything else as the sentence around the term.
    pub line: Span,
    /// The claim (work highlight) it is in, if any.
    pub claim: Option<usize>,
    /// How many resume lines show the area (set on the area's entry).
    pub lines: u16,
    /// How many work achievements name the term: a tool the work runs on ("Kafka" on four
    /// lines) rather than one passing mention ("off a single EC2 box").
    pub uses: u16,
}

impl Shown {
    /// Whether a `{skill}` slot can hold this term: a name, on at least two achievements. A tool
    /// named once ("Redis" as a report cache, "EC2" as the box moved off, "Prometheus" in a
    /// stack list) made a keyword hook reviewers struck (R22: "keyword slot-filling").
    pub fn slot(&self) -> bool {
        self.named && self.uses >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> std::sync::Arc<Graph> {
        crate::bank::Bank::bundled().unwrap().graph
    }

    #[test]
    fn a_term_ending_on_a_joining_word_is_read_out_with_the_word_after_it() {
        let line = "Integraciones con transportistas vía SFTP y archivos XML";
        assert_eq!(whole_phrase(line, 0, "Integraciones con".len()), "Integraciones con transportistas");
        assert_eq!(whole_phrase("Integraciones con", 0, 17), "Integraciones");
        assert_eq!(whole_phrase("Integración con el SAT para CFDI", 0, 16), "Integración con el SAT");
        let sftp = line.find("SFTP").unwrap_or_default();
        assert_eq!(whole_phrase(line, sftp, sftp + 4), "SFTP");
    }

    #[test]
    fn a_practice_with_a_capital_is_no_name() {
        let g = graph();
        let named = |text: &str, written: &str| {
            g.find(text).iter().find(|f| text[f.start..f.end].eq_ignore_ascii_case(written)).map(|f| f.named)
        };
        assert_eq!(named("Automaticé pruebas de API con REST Assured", "pruebas de API"), Some(false));
        assert_eq!(named("Publiqué eventos en Kafka", "Kafka"), Some(true));
        assert_eq!(named("Integré la API de pagos", "API"), Some(false));
        assert_eq!(named("Built REST endpoints for orders", "REST"), Some(false));
        assert_eq!(named("Propuse una alternativa con mTLS y una CA dedicada", "mTLS"), Some(false));
    }

    #[test]
    fn a_specific_term_satisfies_its_ancestors() {
        let g = graph();
        let found = |text: &str| -> Vec<String> {
            let mut v: Vec<String> = g
                .find(text)
                .iter()
                .flat_map(|f| g.areas_of(f.term).iter().map(|&a| g.areas[usize::from(a)].id.clone()))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert!(found("Tuned PostgreSQL queries").contains(&"data".to_string()));
        assert!(found("API REST de pedidos").contains(&"apis".to_string()));
        assert!(
            found("Certified Kubernetes Application Developer (CKAD)")
                .contains(&"cloud-containers".to_string())
        );
        assert!(found("Python, Django").contains(&"programming".to_string()));
        // A cluster's DNS is networking (R70: "Computer networking" called missing beside an
        // outage caused by CoreDNS saturation and NodeLocal DNSCache shipped cluster-wide).
        assert!(
            found("an activation outage caused by CoreDNS saturation").contains(&"networking".to_string())
        );
        // Domain-driven design written in Spanish or Portuguese (R71).
        assert!(found("Prácticas: TDD, diseño orientado a dominio").contains(&"system-design".to_string()));
        assert!(found("design orientado ao domínio").contains(&"system-design".to_string()));
        // Not inside other words.
        assert!(found("Ruby gems").iter().all(|a| a != "data"));
        // A term satisfies the terms above it, not those beside or below it.
        let term = |text: &str| g.find(text).first().map(|f| f.term).expect(text);
        let (postgres, sql) = (term("PostgreSQL"), term("SQL"));
        assert!(g.satisfies(postgres, sql) && g.satisfies(sql, sql));
        assert!(!g.satisfies(sql, postgres));
        assert!(!g.satisfies(postgres, term("schema migrations")));
    }

    #[test]
    fn a_hint_shows_an_area_in_passing_but_names_no_term() {
        let g = graph();
        let area = |id: &str| g.area(id).expect(id);
        let candidate = Candidate {
            claims: vec![
                nexushr_domain::candidate::Claim::line(
                    Some("Nómina Central"),
                    "Coordiné la migración de nómina de 120 mil empleados con el equipo de producto",
                ),
                nexushr_domain::candidate::Claim::line(
                    None,
                    "Kept the loyalty platform under 50 ms at the Black Friday peak",
                ),
            ],
            ..Candidate::default()
        };
        let resume = g.shown(&candidate);
        for id in ["project-management", "business-analysis", "system-design"] {
            assert!(resume.touches(area(id)), "{id}");
            assert!(resume.areas[area(id)].is_none(), "{id}: a hint is not a term");
            assert!(resume.passing(area(id)).is_some(), "{id}");
        }
        assert_eq!(
            resume.passing(area("system-design")).map(|l| l.text.as_str()),
            Some("Kept the loyalty platform under 50 ms at the Black Friday peak")
        );
        // An area neither named nor hinted is still a gap.
        assert!(!resume.touches(area("machine-learning")));
        // Hints are words: not inside other words, short ones only as written.
        assert!(g.hinted_in("Speaking at conferences").is_empty());
        assert!(g.hinted_in("Improved tps of the batch").is_empty());
        assert!(g.hinted_in("4,000 TPS at peak").iter().any(|(a, _)| *a == area("system-design")));
        // R49: a Kubernetes security certification, a ransomware recovery, a model-scoring API.
        let hinted = |text: &str, id: &str| g.hinted_in(text).iter().any(|(a, _)| *a == area(id));
        assert!(hinted("Certified Kubernetes Security Specialist (CKS) – 2022", "security"));
        assert!(hinted(
            "Coordenei a resposta a um incidente de ransomware; ambiente restaurado em 36 horas",
            "continuity"
        ));
        assert!(hinted("p95 inference latency of 35 ms behind a BentoML service", "apis"));
        // A long line is quoted around its hint.
        let line = "Desenvolvimento da API de recomendação de produtos para o e-commerce da rede (Python, FastAPI, PostgreSQL), atendendo cerca de 2 milhões de requisições por dia";
        let candidate = Candidate {
            claims: vec![nexushr_domain::candidate::Claim::line(None, line)],
            ..Candidate::default()
        };
        let quoted =
            g.shown(&candidate).passing(area("system-design")).map(|l| l.text.clone()).unwrap_or_default();
        assert!(quoted.starts_with('…') && quoted.contains("2 milhões de requisições"), "{quoted}");
        assert!(quoted.chars().count() <= PASSING_CHARS + 2, "{quoted}");
        // The clause around the hint when it fits, not a window cut at both ends (R95).
        let line = "En el regreso a clases de agosto 2022 tuvimos un pico de 6x en tráfico; el HPA estaba mal configurado y la API de tareas se cayó 25 min. Ajusté requests/limits con datos reales de Prometheus.";
        let span = Span { start: 0, end: line.len(), text: line.to_string() };
        let at = line.find("pico").unwrap();
        assert_eq!(
            around(&span, at..at + 4, PASSING_CHARS).text,
            "En el regreso a clases de agosto 2022 tuvimos un pico de 6x en tráfico…"
        );
    }

    #[test]
    fn a_skills_row_is_quoted_as_its_group_and_item_and_a_summary_as_its_sentence() {
        let at = |line: &str, term: &str| {
            let i = line.find(term).unwrap();
            let span = Span { start: 100, end: 100 + line.len(), text: line.to_string() };
            cite(&span, i..i + term.len(), term)
        };
        // R58: a skills row with a tab, quoted whole.
        let row = at("Also:\tVault, OPA/Gatekeeper, Cilium, eBPF basics, SLO design", "SLO design");
        assert_eq!(row.text, "Also: SLO design");
        assert_eq!(
            at("Backend:\tPHP 8, Laravel (Eloquent, Horizon, Sanctum), REST", "Laravel").text,
            "Backend: Laravel (Eloquent, Horizon, Sanctum)"
        );
        assert_eq!((row.start, row.end), (100 + 50, 100 + 60));
        // R88: a table's row, without its border.
        assert_eq!(at("| Lenguajes\tSQL, PL/SQL, Bash |", "SQL").text, "Lenguajes: SQL");
        assert_eq!(
            at("Ferramentas:  Git, Docker / Laravel Sail, GitHub Actions", "GitHub Actions").text,
            "Ferramentas: GitHub Actions"
        );
        // R58: a wrapped summary line, quoted from its first word.
        let wrapped =
            "for logistics backends. Since then focused on CI/CD, infrastructure as code, and making";
        assert_eq!(
            at(wrapped, "CI/CD").text,
            "Since then focused on CI/CD, infrastructure as code, and making…"
        );
        assert_eq!(at(wrapped, "logistics").text, "…for logistics backends.");
        // Items after a middle dot (two bytes) or a bullet.
        assert_eq!(at("Cloud: AWS · GCP · Azure", "Azure").text, "Cloud: Azure");
        assert_eq!(at("Cloud: AWS • GCP • Azure", "GCP").text, "Cloud: GCP");
        // Whole lines stay as written: no ellipsis on a line that merely ends without a stop.
        assert_eq!(
            at("Built data pipelines on Airflow for the finance team", "Airflow").text,
            "Built data pipelines on Airflow for the finance team"
        );
        assert_eq!(
            at("iOS development with Swift and SwiftUI", "Swift").text,
            "iOS development with Swift and SwiftUI"
        );
        // A certification has no place in the resume's text and gets none.
        let cert = cite(&Span { start: 0, end: 0, text: "AWS Certified Developer".into() }, 0..3, "AWS");
        assert_eq!((cert.start, cert.end), (0, 0));
        // R80: a skills row without its group, wrapped, quoted as the item alone.
        assert_eq!(
            at(
                "C#, .NET 8, ASP.NET Core, Azure Logic Apps, Azure Functions, Service Bus, API Management,",
                "API Management"
            )
            .text,
            "API Management"
        );
        assert_eq!(
            at("Python, Bash, Go (reading), SQL; Semgrep, Burp Suite Pro, OWASP ZAP, Trivy, Snyk;", "Go")
                .text,
            "Go (reading)"
        );
        // A sentence with a colon is no skills row.
        assert_eq!(at("Senior engineer: ten years in Go", "Go").text, "Senior engineer: ten years in Go");
    }

    #[test]
    fn a_tool_the_taxonomy_does_not_know_in_the_skills_section_shows_its_area() {
        let g = graph();
        let line = "Outros: ITIL v4, LGPD, modelagem de dados";
        let candidate = Candidate {
            listed: vec![Span { start: 10, end: 10 + line.len(), text: line.to_string() }],
            ..Candidate::default()
        };
        let resume = g.shown(&candidate);
        let support = g.area("it-support").expect("it-support");
        let shown = resume.areas[support].as_ref().expect("ITIL shows IT support");
        // Shown by a list, not by work: no question is asked about it as past work.
        assert!(shown.claim.is_none());
        // Quoted as the group and the item.
        assert_eq!(shown.line.text, "Outros: ITIL v4");
    }

    #[test]
    fn a_cloud_certification_for_a_database_administrator_shows_both_areas() {
        // R81, R82: "Microsoft Certified: Azure Database Administrator Associate" showed database
        // administration only, and kits said cloud "does not appear in the resume".
        let g = graph();
        let cert = "Microsoft Certified: Azure Database Administrator Associate (2022)";
        let candidate = Candidate {
            certifications: vec![Span { start: 0, end: cert.len(), text: cert.to_string() }],
            ..Candidate::default()
        };
        let resume = g.shown(&candidate);
        for area in ["cloud-containers", "database-administration"] {
            assert!(resume.areas[g.area(area).unwrap()].is_some(), "{area} not shown by {cert}");
        }
    }

    #[test]
    fn the_seed_role_asks_for_its_areas() {
        let g = graph();
        let role: nexushr_domain::RoleSpec =
            serde_json::from_str(include_str!("../../../data/catalog/backend-developer.json")).unwrap();
        let role = Role::new(role, None, chrono::Utc::now());
        let areas = g.role_areas(&role);
        let ids: Vec<&str> = areas.technical.iter().map(|a| g.areas[a.area].id.as_str()).collect();
        for want in ["apis", "data", "cloud-containers", "delivery", "system-design", "programming"] {
            assert!(ids.contains(&want), "{want} not in {ids:?}");
        }
        let competencies: Vec<&str> =
            areas.competencies.iter().take(2).map(|a| g.areas[a.area].id.as_str()).collect();
        assert!(
            competencies.contains(&"problem-solving") && competencies.contains(&"collaboration"),
            "{competencies:?}"
        );
    }

    #[test]
    fn areas_a_role_page_only_brushes_are_not_requirements() {
        let g = graph();
        let roles: Vec<nexushr_domain::RoleSpec> =
            serde_json::from_str(include_str!("../../../data/catalog/roles.json")).unwrap();
        let analyst = roles.into_iter().find(|r| r.slug == "data-analyst").unwrap();
        let areas = g.role_areas(&Role::new(analyst, None, chrono::Utc::now()));
        let ids: Vec<&str> = areas.technical.iter().map(|a| g.areas[a.area].id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"analytics"), "{ids:?}");
        // "data mining" names analytics first; "information confidentiality" alone is not a
        // security requirement.
        assert!(!ids.contains(&"machine-learning") && !ids.contains(&"security"), "{ids:?}");
    }

    /// The areas of a role page with only `requirements` (the seed page's title).
    fn areas_of(g: &Graph, requirements: &[&str]) -> RoleAreas {
        let mut spec: nexushr_domain::RoleSpec =
            serde_json::from_str(include_str!("../../../data/catalog/backend-developer.json")).unwrap();
        spec.requirements = requirements.iter().map(|r| r.to_string()).collect();
        spec.responsibilities.clear();
        spec.skills.clear();
        spec.summary = String::new();
        g.role_areas(&Role::new(spec, None, chrono::Utc::now()))
    }

    #[test]
    fn conflicts_of_data_are_no_conflict_between_people() {
        let g = graph();
        let conflict = g.area("conflict").unwrap();
        let areas = areas_of(
            &g,
            &[
                "Implement offline-first behavior: local storage, background sync, conflict resolution and retries.",
            ],
        );
        assert!(areas.competencies.iter().all(|a| a.area != conflict || a.cite.is_none()));
        let areas = areas_of(&g, &["Conflict resolution and negotiation with stakeholders."]);
        assert!(areas.competencies.iter().any(|a| a.area == conflict && a.cite.is_some()));
    }

    #[test]
    fn a_line_of_tenure_is_cited_only_when_nothing_else_names_the_area() {
        let g = graph();
        // R99: the DevOps role's CI question cited its years of experience.
        let tenure = "3+ years of experience in DevOps, infrastructure or platform engineering roles supporting production environments.";
        let areas = areas_of(
            &g,
            &[
                tenure,
                "Experience with infrastructure as code (Terraform) and with building and maintaining CI/CD pipelines.",
            ],
        );
        let cited: Vec<(&str, Option<Cite>)> =
            areas.technical.iter().map(|a| (g.areas[a.area].id.as_str(), a.cite)).collect();
        assert!(cited.iter().all(|(_, c)| *c != Some(Cite::Requirement(0))), "{cited:?}");
        assert!(cited.iter().any(|(_, c)| *c == Some(Cite::Requirement(1))), "{cited:?}");
        // Alone, the line of tenure is still cited for what it names.
        let areas = areas_of(&g, &[tenure]);
        assert!(areas.technical.iter().any(|a| a.cite == Some(Cite::Requirement(0))));
        assert!(names_tenure("5+ anos de experiência com Kotlin") && !names_tenure("Anos de Kotlin"));
    }

    /// Prints the areas of every bundled role (for maintainers tuning the graph):
    /// `cargo test -p nexushr-question-generation --lib areas_of_every_catalog_role -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn areas_of_every_catalog_role() {
        let g = graph();
        let roles: Vec<nexushr_domain::RoleSpec> =
            serde_json::from_str(include_str!("../../../data/catalog/roles.json")).unwrap();
        for spec in roles {
            let slug = spec.slug.clone();
            let areas = g.role_areas(&Role::new(spec, None, chrono::Utc::now()));
            let list: Vec<String> =
                areas.technical.iter().map(|a| format!("{}:{:.0}", g.areas[a.area].id, a.weight)).collect();
            println!("{slug}: {}", list.join(" "));
        }
    }

    #[test]
    fn kit_languages() {
        assert_eq!(language_index("pt"), Some(1));
        assert_eq!(language_index("es-MX"), Some(2));
        assert_eq!(language_index("en-US"), Some(0));
        assert_eq!(language_index("fr"), None);
    }
}
