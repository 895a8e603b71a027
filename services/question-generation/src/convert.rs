//! Protobuf edges: a parsed resume in, a kit and questions out.

use nexushr_proto::common::v1::{EvidenceSpan, Seniority, TaxonomyRef};
use nexushr_proto::questions::v1 as pb;
use nexushr_proto::resumes::v1::ParsedResume;

use crate::bank::{Kind, Question, Rubric};
use crate::engine::LoopStage;
use nexushr_domain::candidate::{Candidate, CandidateSkill, Claim, Span};
use nexushr_domain::kit::{Kit, KitQuestion, Probe};

/// Whether a resume's text speaks of the candidate's private life rather than their work: a career
/// break, parental leave, illness, pregnancy, caring for family. Such lines are never cited or
/// asked about (an interview that probes them invites discrimination on family status or health).
fn personal(text: &str) -> bool {
    const PERSONAL: &[&str] = &[
        "career break",
        "parental leave",
        "maternity leave",
        "paternity leave",
        "sick leave",
        "medical leave",
        "family illness",
        "illness in the family",
        "father's illness",
        "mother's illness",
        "caring for my",
        "care of my",
        "pausa na carreira",
        "pausa profissional",
        "licença-maternidade",
        "licença maternidade",
        "licença-paternidade",
        "licença paternidade",
        "licença parental",
        "doença do meu",
        "doença da minha",
        "doença na família",
        "cuidar do meu",
        "cuidar da minha",
        "pausa profesional",
        "licencia de maternidad",
        "licencia de paternidad",
        "enfermedad de mi",
        "enfermedad de un familiar",
        "cuidar a mi",
        "cuidado de mi",
        // (R86: "Cuidado de un familiar" as a pause's title, read as a job whose age made the job
        // before it too old to ask about.)
        "cuidado de un familiar",
        "cuidar de un familiar",
        "cuidado de familiares",
        "cuidado de um familiar",
        "cuidar de um familiar",
        "cuidado de familiares",
        "caring for a family member",
        "family care",
    ];
    crate::anchored::has_phrase(text, PERSONAL)
}

/// A skill's evidence line with the lines a wrap split its sentence over: a line that ends no
/// sentence goes on in the next when that one is no new item (no bullet) and starts in lower case,
/// or when the line ends on a joining word or a comma ("Mi fuerte son los pipelines de CI/CD,
/// Kubernetes y la" / "automatización de infraestructura con Terraform."); a line that starts in
/// lower case goes on from the one before. R95: quoted "Mi fuerte son los pipelines de CI/CD,
/// Kubernetes y la…" as the resume's evidence.
fn unwrapped(p: &ParsedResume, e: &EvidenceSpan) -> Span {
    let fallback = || Span { start: e.start as usize, end: e.end as usize, text: e.text.clone() };
    // The section the line is in holds the text around it.
    let Some(section) =
        p.sections.iter().filter_map(|s| s.span.as_ref()).find(|s| s.start <= e.start && e.end <= s.end)
    else {
        return fallback();
    };
    let base = section.start as usize;
    let at =
        EvidenceSpan { start: e.start - section.start, end: e.end - section.start, text: e.text.clone() };
    let found = unwrapped_in(&section.text, &at);
    Span { start: found.start + base, end: found.end + base, text: found.text }
}

/// [`unwrapped`] in `text`, the span's offsets into it.
fn unwrapped_in(text: &str, e: &EvidenceSpan) -> Span {
    const JOINING: &[&str] = &[
        "con", "de", "del", "do", "da", "dos", "das", "com", "with", "of", "for", "para", "to", "a", "al",
        "en", "em", "y", "e", "and", "the", "el", "la", "o", "os", "las", "los", "in", "no", "na", "un",
        "una", "um", "uma", "an", "que", "by", "por", "pelo", "pela", "on",
    ];
    let fallback = Span { start: e.start as usize, end: e.end as usize, text: e.text.clone() };
    let (start, end) = (e.start as usize, e.end as usize);
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) || e.text.is_empty() {
        return fallback;
    }
    let line_of = |at: usize| {
        let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let to = text[at..].find('\n').map_or(text.len(), |i| at + i);
        (from, to)
    };
    let ends_sentence = |line: &str| line.trim_end().ends_with(['.', '!', '?', ':', ';']);
    let item = |line: &str| {
        let l = line.trim_start();
        l.starts_with(['-', '•', '*', '·', '▪', '–', '—', '|'])
            || l.split_whitespace().next().is_some_and(|w| {
                w.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit()) && w.len() <= 3
            })
    };
    let continues = |line: &str, next: &str| {
        let last = line.split_whitespace().next_back().unwrap_or("").to_lowercase();
        let first = next.trim_start().chars().next();
        !next.trim().is_empty()
            && !ends_sentence(line)
            && !item(next)
            && (first.is_some_and(char::is_lowercase)
                || JOINING.contains(&last.as_str())
                || line.trim_end().ends_with(','))
    };
    let (mut from, mut to) = line_of(start);
    for _ in 0..2 {
        if to >= text.len() {
            break;
        }
        let (next_from, next_to) = line_of(to + 1);
        if !continues(&text[from..to], &text[next_from..next_to]) {
            break;
        }
        to = next_to;
    }
    for _ in 0..2 {
        if from == 0 {
            break;
        }
        let (prev_from, prev_to) = line_of(from - 1);
        let line = &text[from..to];
        let lower_start = line.trim_start().chars().next().is_some_and(char::is_lowercase);
        if !lower_start || item(line) || !continues(&text[prev_from..prev_to], line) {
            break;
        }
        from = prev_from;
    }
    // A line on its own keeps its text as the parser quoted it (tabs and columns say where a
    // skills row's group ends).
    let joined =
        text[from..to].lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    if joined.len() > 400 || !text[from..to].trim().contains('\n') {
        return fallback;
    }
    let lead = text[from..to].len() - text[from..to].trim_start().len();
    Span { start: from + lead, end: from + text[from..to].trim_end().len(), text: joined }
}

/// The resume contract as the resume a kit is made from: the one way a parsed resume becomes
/// ranking input (events, Generate with a parse, the CLI). Contact details quoted anywhere in the
/// parse are scrubbed first, so nothing question generation keeps or quotes holds them.
pub fn candidate(p: &ParsedResume) -> Candidate {
    let country = country(p);
    let p = &nexushr_resume_wire::without_contact(p);
    let taxonomy = nexushr_skills::Taxonomy::bundled();
    let span = |s: Option<&EvidenceSpan>| {
        s.map(|e| Span { start: e.start as usize, end: e.end as usize, text: e.text.clone() })
            .unwrap_or(Span { start: 0, end: 0, text: String::new() })
    };
    let skills = p
        .skills
        .iter()
        .filter_map(|s| {
            let skill = s.skill.as_ref()?;
            let mut evidence = s.evidence.first().map_or_else(|| span(None), |e| unwrapped(p, e));
            if evidence.text.is_empty() {
                evidence.text = s.raw.clone();
            }
            Some(CandidateSkill { id: skill.id.clone(), name: skill.name.clone(), evidence })
        })
        .collect();
    let this_year = this_year();
    let lang = crate::areas::language_index(&p.language);
    let mut claims: Vec<Claim> = p
        .work
        .iter()
        // A career break, and any line about leave, illness or caring for family, is no work to
        // cite or ask about: an interviewer is never pointed at it (R85: a why line cited "parental
        // leave; completed CompTIA Security+ ..." and "tras la enfermedad de mi papá" as evidence).
        .filter(|w| ![&w.title, &w.employer].iter().any(|f| f.as_ref().is_some_and(|f| personal(&f.value))))
        .flat_map(|w| {
            let years_ago = if w.current {
                Some(0)
            } else {
                w.end.as_ref().filter(|e| e.year > 0).map(|e| (this_year - e.year).clamp(0, 200) as u16)
            };
            w.highlights
                .iter()
                .flat_map(move |h| stories(h, lang))
                .map(|h| clean(&h))
                .filter(|h| h.len() >= 12 && !personal(h))
                .map(move |h| Claim {
                    employer: w.employer.as_ref().map(|e| e.value.clone()).filter(|e| !e.is_empty()),
                    title: w.title.as_ref().map(|t| t.value.clone()).filter(|t| !t.is_empty()),
                    span: highlight_span(w.span.as_ref(), &h),
                    // (A lead-in dropped by `clean` leaves the story capitalized: "O time de
                    // segurança queria ..." is written "o time de segurança queria ...".)
                    whole: is_whole(w.span.as_ref(), &h)
                        || is_whole(w.span.as_ref(), &crate::claims::lower_first(&h)),
                    years_ago,
                    skill_ids: taxonomy.find(&h).into_iter().map(|m| m.skill_id).collect(),
                    text: h,
                    project: false,
                })
        })
        .collect();
    // A graduate's or a junior's projects are the work there is to ask about, and so are
    // those of a resume with little work written out; a senior's work says more than a side
    // project.
    let level = level(p.seniority());
    if level == Some(0) || claims.len() < 3 {
        for s in p.sections.iter().filter(|s| s.kind == "projects") {
            let Some(span) = s.span.as_ref() else { continue };
            for l in crate::projects::lines(&span.text, span.start as usize, &s.header) {
                claims.push(Claim {
                    employer: Some(l.project),
                    title: None,
                    span: Span { start: l.start, end: l.end, text: l.text.clone() },
                    whole: true,
                    years_ago: None,
                    skill_ids: taxonomy.find(&l.text).into_iter().map(|m| m.skill_id).collect(),
                    text: l.text,
                    project: true,
                });
            }
        }
    }
    let certifications = p
        .certifications
        .iter()
        .filter(|c| !c.value.trim().is_empty())
        .map(|c| Span { start: 0, end: 0, text: c.value.trim().to_string() })
        .collect();
    // The skills section's lines, at most a few hundred (a resume is bounded already).
    let listed = p
        .sections
        .iter()
        .filter(|s| s.kind == "skills")
        .filter_map(|s| s.span.as_ref())
        .flat_map(|s| {
            let base = s.start as usize;
            s.text.split_inclusive('\n').scan(0usize, move |at, line| {
                // A table's cell borders are no part of the line ("| Lenguajes: SQL, PL/SQL |", R88:
                // quoted as a why).
                let bare = line.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
                let start = base + *at + (line.len() - bare.len());
                *at += line.len();
                let text = bare.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
                Some((!text.is_empty()).then(|| Span {
                    start,
                    end: start + text.len(),
                    text: text.to_string(),
                }))
            })
        })
        .flatten()
        .take(MAX_LISTED)
        .collect();
    Candidate {
        skills,
        claims,
        total_months: p.total_experience_months,
        level,
        language: p.language.clone(),
        certifications,
        listed,
        country,
    }
}

/// Where the candidate lives ("MX", "CO", "BR"; empty when the resume does not tell): from the
/// country code of a phone written in full, else from a country named in the location.
fn country(p: &ParsedResume) -> String {
    const CODES: &[(&str, &str)] = &[
        ("+598", "UY"),
        ("+593", "EC"),
        ("+591", "BO"),
        ("+595", "PY"),
        ("+506", "CR"),
        ("+507", "PA"),
        ("+502", "GT"),
        ("+52", "MX"),
        ("+55", "BR"),
        ("+57", "CO"),
        ("+54", "AR"),
        ("+56", "CL"),
        ("+51", "PE"),
        ("+58", "VE"),
        ("+34", "ES"),
        ("+351", "PT"),
        ("+44", "GB"),
        ("+353", "IE"),
        ("+91", "IN"),
        ("+61", "AU"),
        ("+27", "ZA"),
        ("+234", "NG"),
        ("+254", "KE"),
    ];
    const NAMES: &[(&str, &str)] = &[
        ("méxico", "MX"),
        ("mexico", "MX"),
        ("brasil", "BR"),
        ("brazil", "BR"),
        ("colombia", "CO"),
        ("argentina", "AR"),
        ("chile", "CL"),
        ("perú", "PE"),
        ("peru", "PE"),
        ("uruguay", "UY"),
        ("ecuador", "EC"),
        ("costa rica", "CR"),
        ("bolivia", "BO"),
        ("paraguay", "PY"),
    ];
    let Some(contact) = &p.contact else { return String::new() };
    // (The longest code first: "+598" is Uruguay, not "+59".)
    let phoned = contact.phones.iter().filter(|ph| ph.e164.starts_with('+')).find_map(|ph| {
        CODES.iter().filter(|(code, _)| ph.e164.starts_with(code)).max_by_key(|(code, _)| code.len())
    });
    let location = contact.location.as_ref().map(|l| l.value.to_lowercase()).unwrap_or_default();
    let named = NAMES.iter().find(|(name, _)| location.contains(name));
    phoned.or(named).map(|(_, iso)| iso.to_string()).unwrap_or_default()
}

/// Lines of a skills section a kit reads at most.
const MAX_LISTED: usize = 300;

/// The current year (UTC), from the system clock.
fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

/// A highlight as the stories it tells: a paragraph the resume wrote as prose ("Eu conduzi a
/// integração ... FHIR. Também desenhei no Mirth Connect os fluxos ... No começo discordei do time
/// financeiro ...; combinamos uma fila de revisão. As glosas caíram bastante.") is one highlight
/// to the parser, and was one claim told back by its first clause, so its later stories (a
/// disagreement, an incident, a mistake) were never asked (R85). A sentence of at least eight
/// words that opens a story (`claims::starts_story`, in the resume's language `lang`) starts one
/// of its own; a shorter one, a result or context, one that opens by pointing back at the one
/// before ("This cut ...", "Isso ...", "Después ...", "Eles ..."), or follows one narrating a failure
/// or an incident (what the candidate did about it) or another side's position (their answer),
/// goes on the story before it; so does another side's position itself. A highlight of one story is returned
/// as it is.
fn stories(highlight: &str, lang: Option<usize>) -> Vec<String> {
    let Some(lang) = lang else { return vec![highlight.to_string()] };
    const BACK: &[&str] = &[
        "this",
        "that",
        "it",
        "these",
        "those",
        "they",
        "which",
        "then",
        "afterwards",
        "later",
        "previously",
        "before",
        "since",
        "as",
        "the",
        "he",
        "she",
        "isso",
        "ele",
        "ela",
        "eles",
        "elas",
        "él",
        "ella",
        "ellos",
        "ellas",
        "isto",
        "esse",
        "essa",
        "esses",
        "essas",
        "este",
        "esta",
        "depois",
        "antes",
        "assim",
        "desde",
        "com",
        "o",
        "a",
        "os",
        "as",
        "eso",
        "esto",
        "ese",
        "esa",
        "esos",
        "esas",
        "después",
        "despues",
        "luego",
        "así",
        "con",
        "el",
        "la",
        "los",
        "las",
        "resultado",
        "result",
        // ("Foi aí que descobri que gostava de testar software." after the story it ends, R88:
        // told alone as "você foi aí que descobri".)
        "foi",
        "fue",
        "aí",
        "ahí",
        // A lesson drawn from the story before ("Aprendí a validar la hipótesis con un prototipo
        // barato antes de ...", asked as the API work it was not).
        "learned",
        "learnt",
        "aprendi",
        "aprendí",
        "aprendemos",
        "aprendimos",
    ];
    // An attack told ("Responded to a credential-phishing campaign that compromised 23 accounts.",
    // "Em set. 2022 contivemos uma tentativa de ransomware ...") goes on in its response.
    const ATTACKED: &[&str] = &[
        "ransomware",
        "phishing",
        "compromised",
        "comprometeu",
        "comprometió",
        "attack",
        "ataque",
        "intrusion",
        "invasão",
        "intrusión",
    ];
    let mut out: Vec<String> = Vec::new();
    // Whether the sentence before narrated something failing: what the candidate did about it
    // follows ("Numa madrugada ... o canal HL7 parou de confirmar mensagens ... Achei a causa ...").
    let mut failed = false;
    for sentence in sentences(highlight) {
        // (Past the pronoun: "I learned to ..." looks back as much as "Learned to ...".)
        let mut opening =
            sentence.split_whitespace().map(|w| w.trim_end_matches([',', ':', ';']).to_lowercase());
        let first = opening.next().unwrap_or_default();
        let first = match first.as_str() {
            "i" | "eu" | "yo" | "we" | "nós" | "nosotros" => opening.next().unwrap_or_default(),
            _ => first,
        };
        // Another side's position ("Clinical engineering refused agents on some imaging PCs
        // ...", "A diretoria comercial queria comprar uma solução fechada.") belongs with the work
        // it was about, and the candidate's answer in the next sentence with it.
        let starts = crate::claims::starts_story(sentence, lang);
        // (A disagreement of the candidate's team is theirs: "We disagreed with ...".)
        let ours = crate::claims::we_disagreed(sentence, lang).is_some();
        let position =
            !ours && (crate::claims::contested(sentence, lang).is_some() || (wanted(sentence) && !starts));
        // ("Também ajudei com deploys e tarefas diversas de sustentação." after a mistake's story
        // is other work, R91's development kits.)
        // (Unless it goes on with the story's own subject: "Também escrevi o runbook de backfill
        // que o time usa hoje." after the backfill that duplicated orders is its lasting change,
        // R98: asked apart as a second question on the one backfill.)
        let also = ["also", "também", "también", "además", "additionally"].contains(&first.as_str())
            && !out.last().is_some_and(|story| shares_subject(story, sentence));
        let own = words_in(sentence) >= 8
            && !BACK.contains(&first.as_str())
            && (!failed || also)
            && !position
            && starts;
        let kind = crate::claims::Claims::bundled().kind_of(sentence);
        // A failure's story goes on past a sentence of detail ("Detected via GitHub secret
        // scanning 11 minutes later. I revoked the key, ...", R87), and to the highlight's end:
        // no sentence after it starts a story of its own (`own` needs no failure before).
        failed = failed
            || position
            // (A line labelled an incident: "Incident: In June 2023 an access key ... was pushed
            // to a public fork.", R87.)
            || ["incident:", "incidente:"].contains(&first_raw(sentence).as_str())
            || crate::claims::narrates_failure(sentence)
            // (So does a mistake owned: "A mistake I own: I pushed to adopt a GraphQL gateway
            // ... Latency regressions were hard to diagnose for months. I wrote the retrospective
            // myself and we narrowed the gateway ...", R91: its end asked as API design beside it.)
            || crate::claims::owns_mistake(sentence)
            // (And a disagreement labelled: "Disagreement: the data platform team wanted ... I
            // thought ... I wrote a two-page ADR with both options ...", R91.)
            || crate::claims::disagreement_label(sentence)
            // (Or told as one: "During code review my lead and I disagreed about ... I wanted
            // Redux ...; she argued ... I tried both ...", R94: its sentences asked apart.)
            || crate::claims::opens_with_disagreement(sentence)
            || matches!(kind, Some("incident" | "security_incident"))
            || crate::anchored::has_phrase(sentence, ATTACKED);
        // A short sentence before is the opening of this story ("Errei feio."), unless it tells
        // none: a role named ("Caixa e atendimento ao cliente.", R88) is no part of the story.
        match out.last_mut() {
            Some(story) if !own || (words_in(story) < 8 && crate::claims::starts_story(story, lang)) => {
                story.push(' ');
                story.push_str(sentence);
            }
            _ => out.push(sentence.to_string()),
        }
    }
    out
}

/// Whether `sentence` names a thing `story` is about, past its first two words ("Also wrote",
/// "Também escrevi": a verb of the candidate's is no subject): a word of six letters or more of
/// both, by its first seven ("backfills" is "backfill").
fn shares_subject(story: &str, sentence: &str) -> bool {
    let stems = |t: &str, skip: usize| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .skip(skip)
            .filter(|w| w.chars().count() >= 6 && w.chars().all(|c| c.is_alphabetic() || c == '_'))
            .map(|w| w.to_lowercase().chars().take(7).collect())
            .collect()
    };
    let told = stems(story, 0);
    stems(sentence, 2).iter().any(|w| told.contains(w))
}

/// Whether a sentence says what another side wanted or refused ("A diretoria comercial queria
/// comprar uma solução fechada.", "Product wanted the feature live by Friday."), not the
/// candidate ("I wanted ...").
fn wanted(sentence: &str) -> bool {
    const WANTED: &[&str] = &[
        "wanted",
        "insisted",
        "refused",
        "pushed for",
        "queria",
        "queriam",
        "insistia",
        "insistiam",
        "recusou",
        "recusaram",
        "quería",
        "querían",
        "insistía",
        "insistían",
        "rechazó",
        "rechazaron",
    ];
    let lower = sentence.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    !["i", "eu", "yo", "we", "nós"].contains(&first) && crate::anchored::has_phrase(&lower, WANTED)
}

/// The sentences of a highlight: a full stop, question or exclamation mark, a space and a capital
/// end one, except after a shortened word ("aprox. 28%", "vs. Oracle", "S.A. de C.V.", "e.g.")
/// or an initial ("J. Smith").
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    // (Titles and legal forms too: "Dr. Souza", "Acme Inc. on the cutover".)
    const TITLES: &[&str] = &["dr", "dra", "sr", "sra", "inc", "ltd", "co"];
    let mut start = 0;
    let mut cuts = Vec::new();
    for (i, _) in text.match_indices(['.', '!', '?']) {
        let after = &text[i + 1..];
        let Some(next) = after.strip_prefix(' ') else { continue };
        if !next.starts_with(char::is_uppercase) {
            continue;
        }
        let before = text[..i].rsplit(' ').next().unwrap_or("");
        let before = before.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let initial = before.chars().count() == 1;
        let shortened = crate::claims::SHORTENED.iter().chain(TITLES).any(|w| *w == before);
        if initial || before.contains('.') || shortened {
            continue;
        }
        cuts.push(&text[start..=i]);
        start = i + 2;
    }
    cuts.push(&text[start..]);
    cuts.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

/// The words of `text` that hold a letter or a digit.
fn words_in(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A sentence's first word lower-cased, with its punctuation.
fn first_raw(sentence: &str) -> String {
    sentence.split_whitespace().next().unwrap_or("").to_lowercase()
}

/// A highlight without its list bullet, its final period and a label that only says it is an
/// achievement ("Result: Wrote 70+ detection rules ...", "Resultado: ...", R87: no line of a
/// labelled resume was asked). A label that says what kind of story follows ("Incident:",
/// "Desacuerdo:", "Own mistake:") stays: it tells the story's kind.
fn clean(highlight: &str) -> String {
    const ACHIEVEMENT: &[&str] = &[
        "result",
        "results",
        "key result",
        "outcome",
        "impact",
        "achievement",
        "achievements",
        "highlight",
        "resultado",
        "resultados",
        "impacto",
        "conquista",
        "conquistas",
        "destaque",
        "logro",
        "logros",
    ];
    // A lead-in that says a story follows ("Uma história que sempre conto: o time de segurança
    // queria bloquear ...", "A story I like to tell: ...", R107: the disagreement after it was
    // never asked) is no part of the story.
    const LEAD_IN: &[&str] = &["story", "história", "historia", "anecdote", "anedota", "anécdota"];
    let line = highlight.trim().trim_start_matches(['-', '*', '•', '·', '–', '—', '▪', '●']).trim();
    let line = match line.split_once(": ") {
        Some((label, rest))
            if ACHIEVEMENT.contains(&label.to_lowercase().as_str())
                && rest.starts_with(char::is_uppercase) =>
        {
            rest.to_string()
        }
        Some((label, rest))
            if label.split(' ').count() <= 6
                && crate::claims::words(&label.to_lowercase()).any(|w| LEAD_IN.contains(&w))
                && crate::claims::words(rest).count() >= 6 =>
        {
            crate::claims::capitalized(rest)
        }
        _ => line.to_string(),
    };
    line.trim_end_matches('.').to_string()
}

/// The highlight's place inside its work entry's quoted text, when it can be found there.
fn highlight_span(entry: Option<&EvidenceSpan>, highlight: &str) -> Span {
    let found =
        entry.and_then(|e| find_loose(&e.text, highlight).map(|(i, end)| (e.start as usize + i, end - i)));
    match found {
        Some((start, len)) => Span { start, end: start + len, text: highlight.to_string() },
        None => Span { start: 0, end: 0, text: highlight.to_string() },
    }
}

/// Where `needle` is in `hay` when a space of it may be any run of white space there (the
/// parser joins a bullet the resume wrapped onto several lines): byte start and end in `hay`.
fn find_loose(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let first = needle.split_whitespace().next()?;
    hay.match_indices(first).find_map(|(start, _)| {
        let mut rest = &hay[start..];
        for word in needle.split_whitespace() {
            rest = rest.trim_start().strip_prefix(word)?;
        }
        Some((start, hay.len() - rest.len()))
    })
}

/// Whether a highlight is the whole bullet: found in its entry, and not followed by a line that
/// continues it (a wrapped bullet's next line starts in lower case, or with a digit).
fn is_whole(entry: Option<&EvidenceSpan>, highlight: &str) -> bool {
    let Some(e) = entry else { return false };
    let Some((_, end)) = find_loose(&e.text, highlight) else { return false };
    let rest = &e.text[end..];
    let rest = rest.trim_start_matches([' ', '\t', '.']);
    let Some(next) = rest.strip_prefix('\n') else { return true };
    let next = next.trim_start();
    // The next item of a numbered list ("2. Integré DAST ...") starts a highlight of its own (R66:
    // none of a security engineer's numbered achievements was asked); a wrapped figure goes on.
    let digits = next.chars().take_while(char::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits)
        && next[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.starts_with(' ') && r.trim_start().starts_with(char::is_uppercase));
    numbered || !next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

/// Largest inline parsed resume Generate accepts (a real resume is far below these).
pub const MAX_SKILLS: usize = 300;
pub const MAX_WORK: usize = 60;
pub const MAX_HIGHLIGHTS: usize = 300;

/// Refuses an inline parsed resume too large to rank in bounded time and memory.
pub fn check_size(p: &ParsedResume) -> Result<(), String> {
    let highlights: usize = p.work.iter().map(|w| w.highlights.len()).sum();
    if p.skills.len() > MAX_SKILLS || p.work.len() > MAX_WORK || highlights > MAX_HIGHLIGHTS {
        return Err(format!(
            "at most {MAX_SKILLS} skills, {MAX_WORK} work entries and {MAX_HIGHLIGHTS} highlights"
        ));
    }
    Ok(())
}

/// 0 junior, 1 mid, 2 senior and above; None when unspecified.
pub fn level(s: Seniority) -> Option<u8> {
    match s {
        Seniority::Unspecified => None,
        Seniority::Intern | Seniority::Junior => Some(0),
        Seniority::Mid => Some(1),
        _ => Some(2),
    }
}

/// A loop's interview on the wire; `Unspecified` is none.
pub fn loop_stage_from(s: pb::LoopStage) -> Option<LoopStage> {
    match s {
        pb::LoopStage::Unspecified => None,
        pb::LoopStage::Screen => Some(LoopStage::Screen),
        pb::LoopStage::Technical => Some(LoopStage::Technical),
        pb::LoopStage::SystemDesign => Some(LoopStage::SystemDesign),
        pb::LoopStage::Behavioral => Some(LoopStage::Behavioral),
    }
}

pub fn loop_stage_to(s: LoopStage) -> pb::LoopStage {
    match s {
        LoopStage::Screen => pb::LoopStage::Screen,
        LoopStage::Technical => pb::LoopStage::Technical,
        LoopStage::SystemDesign => pb::LoopStage::SystemDesign,
        LoopStage::Behavioral => pb::LoopStage::Behavioral,
    }
}

pub fn kind_to(k: Kind) -> pb::QuestionKind {
    match k {
        Kind::Behavioral => pb::QuestionKind::Behavioral,
        Kind::Technical => pb::QuestionKind::Technical,
        Kind::Situational => pb::QuestionKind::Situational,
        Kind::RoleSpecific => pb::QuestionKind::RoleSpecific,
    }
}

pub fn kind_from(k: pb::QuestionKind) -> Option<Kind> {
    match k {
        pb::QuestionKind::Unspecified => None,
        pb::QuestionKind::Behavioral => Some(Kind::Behavioral),
        pb::QuestionKind::Technical => Some(Kind::Technical),
        pb::QuestionKind::Situational => Some(Kind::Situational),
        pb::QuestionKind::RoleSpecific => Some(Kind::RoleSpecific),
    }
}

fn seniority_to(level: u8) -> Seniority {
    match level {
        0 => Seniority::Junior,
        1 => Seniority::Mid,
        _ => Seniority::Senior,
    }
}

pub fn question_to(q: &Question) -> pb::Question {
    let skills = nexushr_skills::Taxonomy::bundled();
    let targets = q
        .skill_ids
        .iter()
        .map(|id| TaxonomyRef {
            id: id.clone(),
            name: skills.get(id).map(|s| s.name.clone()).unwrap_or_default(),
        })
        .chain(
            q.competencies
                .iter()
                .map(|c| TaxonomyRef { id: format!("nexushr:competency/{c}"), name: c.replace('-', " ") }),
        )
        .collect();
    pb::Question {
        id: q.id.clone(),
        kind: kind_to(q.kind) as i32,
        text: q.text.clone(),
        targets,
        difficulty: i32::from(q.difficulty),
        seniority: seniority_to(q.seniority) as i32,
        rubric: Some(pb::Rubric {
            strong: q.rubric.strong.clone(),
            acceptable: q.rubric.acceptable.clone(),
            weak: q.rubric.weak.clone(),
            points: q.rubric.points.clone(),
        }),
        follow_ups: q.follow_ups.clone(),
        source: q.source.clone(),
        license: q.license.clone(),
        tenant_id: q.tenant.clone(),
        language: q.language.clone(),
    }
}

fn probe_to(p: Probe) -> pb::ProbeKind {
    match p {
        Probe::Depth => pb::ProbeKind::Depth,
        Probe::Gap => pb::ProbeKind::Gap,
        Probe::ClaimCheck => pb::ProbeKind::ClaimCheck,
        Probe::Competency => pb::ProbeKind::Competency,
    }
}

fn kit_question_to(q: &KitQuestion) -> pb::KitQuestion {
    pb::KitQuestion {
        question: Some(question_to(&q.question)),
        text: q.text.clone(),
        score: q.score,
        rank: q.rank as i32,
        target: q.target.as_ref().map(|(id, name)| TaxonomyRef { id: id.clone(), name: name.clone() }),
        probe: probe_to(q.probe) as i32,
        evidence: q
            .evidence
            .iter()
            .map(|e| pb::Evidence {
                resume_span: e.resume.as_ref().map(|s| EvidenceSpan {
                    start: s.start as u32,
                    end: s.end as u32,
                    text: s.text.clone(),
                }),
                role_requirement: e.requirement.clone().unwrap_or_default(),
            })
            .collect(),
        rationale: q.rationale.clone(),
        score_breakdown: q.breakdown.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    }
}

pub fn kit_to(k: &Kit) -> pb::InterviewKit {
    pb::InterviewKit {
        id: k.id.clone(),
        tenant_id: k.tenant.clone(),
        role_slug: k.role_slug.clone(),
        resume_id: k.resume_id.clone(),
        questions: k.questions.iter().map(kit_question_to).collect(),
        covered_requirements: k.covered_requirements.clone(),
        uncovered_requirements: k.uncovered_requirements.clone(),
        language: k.language.clone(),
        gaps: k.gaps.clone(),
        signals: k.signals.clone(),
        versions: Some(pb::KitVersions {
            bank: k.versions.bank.clone(),
            model: k.versions.model.clone(),
            ranker: k.versions.ranker.clone(),
        }),
        create_time: Some(prost_types::Timestamp {
            seconds: k.created_at.timestamp(),
            nanos: k.created_at.timestamp_subsec_nanos() as i32,
        }),
        version: k.version,
    }
}

/// A tenant's question from the request, validated (the guardrail runs separately).
pub fn question_from(q: pb::Question, tenant: &str) -> Result<Question, (&'static str, String)> {
    let text = q.text.trim().to_string();
    if text.is_empty() || text.chars().count() > 500 {
        return Err(("question.text", "must be 1 to 500 characters".into()));
    }
    let kind = pb::QuestionKind::try_from(q.kind)
        .ok()
        .and_then(kind_from)
        .ok_or(("question.kind", "must be behavioral, technical, situational or role-specific".into()))?;
    let difficulty = u8::try_from(q.difficulty)
        .ok()
        .filter(|d| (1..=3).contains(d))
        .ok_or(("question.difficulty", "must be 1 to 3".into()))?;
    let rubric = q.rubric.ok_or(("question.rubric", "is required".into()))?;
    if rubric.strong.trim().is_empty() || rubric.weak.trim().is_empty() {
        return Err(("question.rubric", "needs at least a strong and a weak answer".into()));
    }
    if q.follow_ups.len() > 3 || q.follow_ups.iter().any(|f| f.chars().count() > 300) {
        return Err(("question.follow_ups", "at most 3, of at most 300 characters".into()));
    }
    if [&rubric.strong, &rubric.acceptable, &rubric.weak].iter().any(|r| r.chars().count() > 2000) {
        return Err(("question.rubric", "each answer description at most 2000 characters".into()));
    }
    if q.targets.len() > 20 {
        return Err(("question.targets", "at most 20".into()));
    }
    let (mut skill_ids, mut competencies) = (Vec::new(), Vec::new());
    for t in &q.targets {
        match t.id.strip_prefix("nexushr:competency/") {
            Some(c) => competencies.push(c.to_string()),
            None => skill_ids.push(t.id.clone()),
        }
    }
    let seniority = level(Seniority::try_from(q.seniority).unwrap_or(Seniority::Unspecified)).unwrap_or(1);
    if rubric.points.len() > 10 || rubric.points.iter().any(|p| p.chars().count() > 300) {
        return Err(("question.rubric.points", "at most 10, of at most 300 characters".into()));
    }
    let language = if q.language.trim().is_empty() {
        "en".to_string()
    } else {
        let i = crate::areas::language_index(&q.language)
            .ok_or(("question.language", "must be en, pt-BR or es-MX".into()))?;
        crate::areas::LANGUAGES[i].to_string()
    };
    let id = format!("t-{}", uuid::Uuid::now_v7().simple());
    Ok(Question {
        id,
        text,
        kind,
        skill_ids,
        competencies,
        roles: Vec::new(),
        difficulty,
        seniority,
        rubric: Rubric {
            points: rubric.points,
            strong: rubric.strong,
            acceptable: rubric.acceptable,
            weak: rubric.weak,
        },
        follow_ups: q.follow_ups,
        source: if q.source.is_empty() { format!("tenant {tenant}") } else { q.source },
        license: if q.license.is_empty() { "proprietary".into() } else { q.license },
        tenant: tenant.to_string(),
        mode: crate::bank::Mode::default(),
        area: String::new(),
        terms: Vec::new(),
        topic: String::new(),
        off_for: Vec::new(),
        only_for: Vec::new(),
        needs: Vec::new(),
        language,
        translations: Default::default(),
    })
}

/// The parse as `ResumeParsed` events carry it (the resume-ingestion service's conversion).
pub use nexushr_resume_wire::to_proto as parse_to_proto;

/// A guardrail audit record on the wire.
pub fn block_to(b: crate::store::BlockRecord) -> pb::GuardrailBlock {
    pb::GuardrailBlock {
        id: b.id,
        at: Some(timestamp(b.at_ms)),
        actor: b.actor,
        action: b.action,
        category: b.category,
        rule: b.rule,
        jurisdictions: b.jurisdictions,
        source: b.source,
        text_sha256: b.text_sha256,
        question_id: b.question_id,
        kit_id: b.kit_id,
    }
}

/// One question's calibration, as GetCalibration returns it.
pub fn calibration_to(
    text: String,
    question_id: String,
    m: &crate::calibration::Measures,
) -> pb::QuestionCalibration {
    use crate::calibration::Verdict;
    let count = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    pb::QuestionCalibration {
        question_id,
        text,
        candidates: count(m.candidates),
        advanced: count(m.advanced),
        rejected: count(m.rejected),
        scores: count(m.scores),
        discrimination: m.discrimination.map(|d| d.r),
        discrimination_low: m.discrimination.map(|d| d.low),
        discrimination_high: m.discrimination.map(|d| d.high),
        interviewer_pairs: count(m.pairs),
        exact_agreement: m.exact_agreement,
        agreement: m.agreement,
        verdict: match m.verdict {
            Verdict::TooFew => pb::CalibrationVerdict::TooFew,
            Verdict::Discriminates => pb::CalibrationVerdict::Discriminates,
            Verdict::Review => pb::CalibrationVerdict::Review,
        } as i32,
    }
}

/// Milliseconds since the epoch on the wire.
fn timestamp(ms: i64) -> prost_types::Timestamp {
    prost_types::Timestamp { seconds: ms.div_euclid(1000), nanos: (ms.rem_euclid(1000) * 1_000_000) as i32 }
}

/// Whether a tenant shares learning, and since when, as the service returns it.
pub fn sharing_to(sharing: Option<(bool, i64)>) -> pb::LearningSharing {
    pb::LearningSharing {
        share: sharing.is_some_and(|(share, _)| share),
        update_time: sharing.map(|(_, ms)| timestamp(ms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_evidence_is_the_sentence_a_wrap_split() {
        let text = "Sobre mí\nDevOps engineer con 4 años de experiencia. Mi fuerte son los pipelines de CI/CD, Kubernetes y la\nautomatización de infraestructura con Terraform. He trabajado en una edtech.\n- Lenguajes: Go\n- Cloud: AWS\n";
        let ev = |term: &str| {
            let at = text.find(term).unwrap();
            let (start, end, line) = nexushr_resume_parser::line_at(text, at, at + term.len());
            unwrapped_in(text, &EvidenceSpan { start: start as u32, end: end as u32, text: line.to_string() })
                .text
        };
        assert_eq!(
            ev("Kubernetes"),
            "DevOps engineer con 4 años de experiencia. Mi fuerte son los pipelines de CI/CD, Kubernetes y la automatización de infraestructura con Terraform. He trabajado en una edtech."
        );
        assert_eq!(ev("Terraform"), ev("Kubernetes"));
        // A list item is its own line.
        assert_eq!(ev("Go"), "- Lenguajes: Go");
    }
    use nexushr_proto::resumes::v1::Section;

    #[test]
    fn a_lead_in_saying_a_story_follows_is_dropped() {
        // R107: "Uma história que sempre conto:" kept the disagreement after it from being asked.
        let line = "Uma história que sempre conto: o time de segurança queria bloquear no deploy qualquer imagem com CVE alta.";
        assert_eq!(clean(line), "O time de segurança queria bloquear no deploy qualquer imagem com CVE alta");
        assert_eq!(
            clean("A story I like to tell: our designer wanted a full-screen video."),
            "Our designer wanted a full-screen video"
        );
        // A label of work is no lead-in, and a short rest is no story.
        assert_eq!(clean("Story points: estimated 40 per sprint"), "Story points: estimated 40 per sprint");
        // Found in its entry, it is whole.
        let span = EvidenceSpan { start: 0, end: line.len() as u32, text: line.into() };
        assert!(is_whole(Some(&span), &crate::claims::lower_first(&clean(line))));
    }

    #[test]
    fn a_settlement_stays_with_the_disagreement_it_ends() {
        // R107: "Quedó Aurora en pruebas ..." was asked apart, as work ("quedaste Aurora").
        let line = "Trade-off: propuse Aurora Serverless para los ambientes de pruebas; el área de arquitectura prefería RDS clásico por estandarización. Quedó Aurora en pruebas y RDS en producción, con un ahorro del 45 % en los ambientes no productivos.";
        assert_eq!(stories(line, Some(2)), vec![line.to_string()]);
    }

    #[test]
    fn a_numbered_item_is_whole_before_the_next_number() {
        let text = "1. Integré DAST con OWASP ZAP en el pipeline de staging de la API de pagos.\n2. Coordino dos pentests externos al año.\n";
        let span = EvidenceSpan { start: 0, end: text.len() as u32, text: text.into() };
        assert!(is_whole(
            Some(&span),
            "Integré DAST con OWASP ZAP en el pipeline de staging de la API de pagos."
        ));
        // A figure wrapped onto the next line goes on.
        let text = "Cut the nightly load from 6 hours to\n40 minutes.\n";
        let span = EvidenceSpan { start: 0, end: text.len() as u32, text: text.into() };
        assert!(!is_whole(Some(&span), "Cut the nightly load from 6 hours to"));
    }

    #[test]
    fn a_paragraph_is_asked_as_the_stories_it_tells() {
        // R85: a paragraph was one claim told back by its first clause; the disagreement with the
        // finance team in its second sentence was never asked.
        let para = "Também desenhei no Mirth Connect os fluxos de troca de guias TISS com as operadoras. No começo discordei do time financeiro, que queria reenviar toda guia glosada; combinamos uma fila de revisão antes do reenvio. As glosas caíram bastante no trimestre seguinte.";
        assert_eq!(
            stories(para, Some(1)),
            [
                "Também desenhei no Mirth Connect os fluxos de troca de guias TISS com as operadoras.",
                "No começo discordei do time financeiro, que queria reenviar toda guia glosada; combinamos uma fila de revisão antes do reenvio. As glosas caíram bastante no trimestre seguinte."
            ]
        );
        // A result pointing back, a short sentence, a shortened word and an initial go on the
        // story before them.
        let bullet = "Moved 40 services from ECS to EKS with no downtime for customers. This cut deploy time from 2 h to 12 min for every team. Saved $40K/yr. Pages per week dropped from about 60 to 11 over two quarters. Wrote the cutover runbook with J. Smith at Acme Inc. and weighed it vs. the old one.";
        assert_eq!(
            stories(bullet, Some(0)),
            [
                "Moved 40 services from ECS to EKS with no downtime for customers. This cut deploy time from 2 h to 12 min for every team. Saved $40K/yr. Pages per week dropped from about 60 to 11 over two quarters.",
                "Wrote the cutover runbook with J. Smith at Acme Inc. and weighed it vs. the old one."
            ]
        );
        let incident = "Numa madrugada de sobreaviso, o canal HL7 com um laboratório parou de confirmar mensagens. Achei a causa num certificado TLS vencido do lado do parceiro e montei um contorno por VPN.";
        assert_eq!(stories(incident, Some(1)), [incident]);
        // A role named before a story is no part of it, and what the story led to ends it (R88).
        let job = "Caixa e atendimento ao cliente. Percebi que o sistema de PDV aplicava o desconto de convênio duas vezes num caso específico; anotei os passos para reproduzir e o fornecedor corrigiu. Foi aí que descobri que gostava de testar software.";
        assert_eq!(
            stories(job, Some(1)),
            [
                "Caixa e atendimento ao cliente.",
                "Percebi que o sistema de PDV aplicava o desconto de convênio duas vezes num caso específico; anotei os passos para reproduzir e o fornecedor corrigiu. Foi aí que descobri que gostava de testar software."
            ]
        );
        // The response after an incident named, and a lesson drawn, go on it.
        let commander = "Incident commander for the March 2023 authorisation outage (expired certificate on the mesh). Mitigated with a rollback of the mesh config and restored service in 47 minutes. I learned to rehearse certificate rotation in staging before every renewal.";
        assert_eq!(stories(commander, Some(0)), [commander]);
        let ransomware = "Em set. 2022 contivemos uma tentativa de ransomware em um órgão cliente: isolamento por EDR em 3 h. Conduzi o relatório pós-incidente e o plano de 90 dias com MFA e segmentação.";
        assert_eq!(stories(ransomware, Some(1)), [ransomware]);
        // Another side's position stays with the work it was about, and the answer with it.
        let refused = "Deployed Microsoft Defender for Endpoint across clinical workstations. Clinical engineering refused agents on some imaging-connected PCs because of vendor support terms, so those were segmented onto their own VLAN instead.";
        assert_eq!(stories(refused, Some(0)), [refused]);
        let wanted = "A diretoria comercial queria comprar uma solução fechada para os validadores. Montei um comparativo de custo total em cinco anos e uma prova de conceito de seis semanas.";
        assert_eq!(stories(wanted, Some(1)), [wanted]);
        let shortened = "Reduzi o custo mensal de processamento em AWS em cerca de 38% (aprox. R$ 210 mil/mês) com instâncias spot e autoscaling de clusters.";
        assert_eq!(stories(shortened, Some(1)), [shortened]);
        // R91: what was done about a mistake owned goes on it, not asked apart as API design.
        let mistake = "A mistake I own: I pushed to adopt a GraphQL gateway for all internal APIs before we had the tracing to debug it. Latency regressions were hard to diagnose for months. I wrote the retrospective myself and we narrowed the gateway to external partner APIs only.";
        assert_eq!(stories(mistake, Some(0)), [mistake]);
        // Other work after it is not.
        let then = "Cometi um erro ao rodar um terraform apply em produção a partir de uma branch desatualizada. Reverti e comuniquei ao gerente na hora. Também ajudei com deploys e tarefas diversas de sustentação.";
        assert_eq!(stories(then, Some(1)).len(), 2);
        // Its lasting change told with "also" is part of it (R98: asked apart).
        let runbook = "Erro que me ensinou muito: em 2023 um backfill que eu rodei sem idempotência duplicou pedidos e a receita apareceu 12% maior no painel da diretoria por dois dias. Assumi o problema na reunião, corrigi com MERGE por chave natural e tornei obrigatórios testes de unicidade antes de qualquer backfill. Também escrevi o runbook de backfill que o time usa hoje.";
        assert_eq!(stories(runbook, Some(1)), [runbook]);
        let two = "Lideré la migración de 210 servidores a AWS en 11 meses. Diseñé la landing zone con Control Tower para 14 equipos de producto.";
        assert_eq!(stories(two, Some(2)).len(), 2);
    }

    #[test]
    fn a_career_break_and_lines_about_private_life_are_never_work_to_ask_about() {
        // R85: why lines cited "parental leave; completed CompTIA Security+ ..." and "tras la
        // enfermedad de mi papá" as the evidence for a question.
        use nexushr_proto::resumes::v1::{ScoredString, WorkEntry};
        let entry = |title: &str, line: &str| WorkEntry {
            title: Some(ScoredString { value: title.into(), ..Default::default() }),
            highlights: vec![line.into()],
            ..Default::default()
        };
        let p = ParsedResume {
            work: vec![
                entry("Security Engineer", "Built Sentinel detection rules for impossible travel"),
                entry("Career break", "Built a home lab with pfSense and Wazuh during the break"),
                entry(
                    "Desarrolladora",
                    "Me encargué de la papelería familiar tras la enfermedad de mi papá: inventario y CFDI",
                ),
                entry("Analista", "Registro de enfermedades crónicas para la Secretaría de Salud"),
                // (R86: a pause's title, read as a job.)
                entry(
                    "Cuidado de un familiar. Estudio autodidacta y",
                    "certificaciones de PostgreSQL y AWS en ese tiempo",
                ),
            ],
            ..ParsedResume::default()
        };
        let texts: Vec<String> = candidate(&p).claims.into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "Built Sentinel detection rules for impossible travel",
                "Registro de enfermedades crónicas para la Secretaría de Salud"
            ]
        );
    }

    #[test]
    fn the_skills_section_is_read_line_by_line() {
        let text = "Bancos: Oracle, PostgreSQL\n\n  Outros: ITIL v4, LGPD\n";
        let p = ParsedResume {
            sections: vec![
                Section {
                    kind: "skills".into(),
                    header: "COMPETÊNCIAS".into(),
                    span: Some(EvidenceSpan { start: 100, end: 100 + text.len() as u32, text: text.into() }),
                },
                Section {
                    kind: "summary".into(),
                    header: "RESUMO".into(),
                    span: Some(EvidenceSpan { start: 0, end: 9, text: "DBA sênior".into() }),
                },
            ],
            ..ParsedResume::default()
        };
        let c = candidate(&p);
        let lines: Vec<(&str, usize)> = c.listed.iter().map(|l| (l.text.as_str(), l.start)).collect();
        assert_eq!(lines, [("Bancos: Oracle, PostgreSQL", 100), ("Outros: ITIL v4, LGPD", 130)]);
    }

    #[test]
    fn a_junior_s_projects_are_work_to_ask_about_and_a_senior_s_are_not() {
        let text = "Projects:\nSpazaStock – inventory API for small shops\nNestJS, PostgreSQL, Docker\n- Sales report went from ~3 s to 180 ms after adding a composite index.\n";
        let resume = |seniority: Seniority, jobs: usize| {
            let mut p = ParsedResume {
                sections: vec![Section {
                    kind: "projects".into(),
                    header: "Projects:".into(),
                    span: Some(EvidenceSpan { start: 50, end: 50 + text.len() as u32, text: text.into() }),
                }],
                work: (0..jobs)
                    .map(|i| nexushr_proto::resumes::v1::WorkEntry {
                        highlights: vec![format!("Built the billing service number {i} in Go")],
                        ..Default::default()
                    })
                    .collect(),
                ..ParsedResume::default()
            };
            p.set_seniority(seniority);
            candidate(&p)
        };
        let junior = resume(Seniority::Junior, 3);
        let projects: Vec<_> = junior.claims.iter().filter(|c| c.project).collect();
        assert_eq!(projects.len(), 2);
        assert_eq!(projects[1].employer.as_deref(), Some("SpazaStock"));
        assert_eq!(projects[1].text, "Sales report went from ~3 s to 180 ms after adding a composite index");
        assert_eq!(&text[projects[1].span.start - 50..projects[1].span.start - 50 + 12], "Sales report");
        // A senior's three jobs say more than a side project; with little work written out, the
        // projects are asked about at any level.
        assert!(!resume(Seniority::Senior, 3).claims.iter().any(|c| c.project));
        assert!(resume(Seniority::Senior, 1).claims.iter().any(|c| c.project));
    }
}
