//! The skills a resume lists in its skills section: the resume's own groups ("Web: JavaScript,
//! HTML 5, CSS") and items, verbatim, each mapped to a taxonomy skill where the taxonomy knows it.
//! Items the taxonomy does not know (Flask, Pyramid, EC2, LAMP) are kept and marked unmapped,
//! never dropped.

use serde::Serialize;

use crate::sections::{fold, strip_bullet};

/// One group of listed skills as the resume names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillGroup {
    /// The resume's own group name ("Bancos de dados"); `None` for a list without one.
    pub name: Option<String>,
    pub items: Vec<ListedSkill>,
}

/// One listed item, as written, with its taxonomy skill when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedSkill {
    pub raw: String,
    /// The taxonomy id, `None` when the taxonomy does not know the item (it is still listed).
    pub skill_id: Option<String>,
    /// The taxonomy's name for it.
    pub name: Option<String>,
}

/// Proficiency words that themes print beside a group or an item: not skills.
const LEVELS: &[&str] = &[
    "beginner",
    "novice",
    "basic",
    "intermediate",
    "advanced",
    "expert",
    "master",
    "proficient",
    "fluent",
    "native",
    "basico",
    "basica",
    "intermediario",
    "intermediaria",
    "avancado",
    "avancada",
    "especialista",
    "nativo",
    "fluente",
    "intermedio",
    "intermedia",
    "avanzado",
    "avanzada",
    "experto",
    "experta",
    "nativa",
    "fluido",
];

/// Words group names are made of ("Bancos de dados", "Cloud & DevOps", "Lenguajes").
const GROUP_WORDS: &[&str] = &[
    "languages",
    "language",
    "programming",
    "frameworks",
    "framework",
    "libraries",
    "tools",
    "tooling",
    "databases",
    "database",
    "data",
    "cloud",
    "devops",
    "infrastructure",
    "web",
    "frontend",
    "backend",
    "mobile",
    "testing",
    "quality",
    "methodologies",
    "practices",
    "platforms",
    "soft",
    "skills",
    "other",
    "others",
    "technologies",
    "core",
    "linguagens",
    "linguagem",
    "bibliotecas",
    "ferramentas",
    "bancos",
    "banco",
    "dados",
    "nuvem",
    "metodologias",
    "plataformas",
    "outros",
    "outras",
    "tecnologias",
    "competencias",
    "habilidades",
    "comportamentais",
    "lenguajes",
    "lenguaje",
    "librerias",
    "herramientas",
    "bases",
    "datos",
    "nube",
    "metodologias",
    "otros",
    "otras",
    "blandas",
    "tecnicas",
    "tecnicos",
    "analytics",
    "analysis",
    "design",
    "security",
    "observability",
    "monitoring",
    "messaging",
    "versioning",
    "version",
    "control",
    "apis",
    "integration",
    "bi",
    "management",
    "gestao",
    "gestion",
    "de",
    "do",
    "da",
    "e",
    "y",
    "and",
    "&",
    "of",
    "engenharia",
    "engineering",
    "ingenieria",
    "ciencia",
    "science",
    "operacao",
    "operacoes",
    "operations",
    "operaciones",
    "produto",
    "product",
    "producto",
    "infraestrutura",
    "infraestructura",
    "arquitetura",
    "arquitectura",
    "architecture",
    "mensageria",
    "monitoramento",
    "monitoreo",
    "pesquisa",
    "research",
    "investigacion",
    "lideranca",
    "leadership",
    "liderazgo",
    "diseno",
    "qualidade",
    "calidad",
    "front",
    "back",
    "end",
    "seguranca",
    "seguridad",
    "movil",
    "ux",
    "ui",
    "analise",
    "analisis",
    "automacao",
    "automatizacion",
    "automation",
    "negocio",
    "negocios",
    "business",
    "desenvolvimento",
    "desarrollo",
    "development",
    "sistemas",
    "systems",
    "integracao",
    "integracion",
    "ferramenta",
    "herramienta",
    "tool",
    "metodologia",
];

fn is_level(s: &str) -> bool {
    let f = fold(s);
    !f.is_empty() && f.split(' ').all(|w| LEVELS.contains(&w) || w == "level" || w == "nivel")
}

/// Does this short phrase read like a group name rather than a skill?
fn group_like(s: &str) -> bool {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| GROUP_WORDS.contains(w))
        && words.iter().any(|w| !["de", "do", "da", "e", "y", "and", "of"].contains(w))
        && nexushr_skills::Taxonomy::bundled().lookup(s).is_none()
}

/// What separates the items of a skills row: commas, semicolons, pipes, middle dots, bullets and
/// tabs.
pub const ITEM_SEPARATORS: [char; 10] = [',', ';', '|', '•', '·', '⋅', '∙', '\t', '▪', '●'];

/// Splits a list of items at [`ITEM_SEPARATORS`], outside brackets.
fn split_items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                cur.push(c);
            }
            ')' | ']' => {
                depth -= 1;
                cur.push(c);
            }
            c if depth <= 0 && ITEM_SEPARATORS.contains(&c) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    let n = out.len();
    let mut items: Vec<String> = Vec::new();
    for (i, item) in out.into_iter().enumerate() {
        let item = item.trim();
        // "Python, Go and SQL": the last item carries the conjunction.
        if i + 1 == n && n > 1 {
            let mut done = false;
            for conj in [" and ", " e ", " y "] {
                if let Some((a, b)) = item.split_once(conj) {
                    items.push(a.to_string());
                    items.push(b.to_string());
                    done = true;
                    break;
                }
            }
            if done {
                continue;
            }
        }
        let item = item
            .strip_prefix("and ")
            .or_else(|| item.strip_prefix("e "))
            .or_else(|| item.strip_prefix("y "))
            .unwrap_or(item);
        items.push(item.to_string());
    }
    items
        .into_iter()
        .map(|i| clean_item(&i))
        .filter(|i| !i.is_empty() && !is_level(i) && i.chars().any(char::is_alphanumeric))
        .collect()
}

/// An item without a trailing level ("Python (Advanced)", "Go - intermediate") or full stop.
fn clean_item(item: &str) -> String {
    let mut t = strip_bullet(item).trim().trim_end_matches(['.', ':']).trim().to_string();
    if let Some(open) = t.rfind(['(', '[']) {
        let inner = t[open + 1..].trim_end_matches([')', ']']);
        if is_level(inner) {
            t.truncate(open);
        }
    }
    for sep in [" - ", " – ", " — "] {
        if let Some((a, b)) = t.rsplit_once(sep)
            && is_level(b)
        {
            t = a.to_string();
        }
    }
    t.trim().to_string()
}

/// A list whose items a theme set apart by styling alone, so only spaces are left between them
/// ("Cypress Selenium pytest Postman"): when skills the taxonomy knows cover most of the line,
/// they are the items, and the words between them split where a capitalized word starts.
fn split_spaced(line: &str) -> Option<Vec<String>> {
    if line.split_whitespace().count() < 3 {
        return None;
    }
    let mentions = nexushr_skills::Taxonomy::bundled().find(line);
    let covered: usize =
        mentions.iter().map(|m| line[m.start..m.end].chars().filter(|c| !c.is_whitespace()).count()).sum();
    let letters = line.chars().filter(|c| !c.is_whitespace()).count();
    if mentions.len() < 2 || covered * 10 < letters * 6 {
        return None;
    }
    let mut items = Vec::new();
    let gap = |text: &str, items: &mut Vec<String>| {
        let mut cur: Vec<&str> = Vec::new();
        for w in text.split_whitespace() {
            if w.starts_with(char::is_uppercase) && !cur.is_empty() {
                items.push(cur.join(" "));
                cur.clear();
            }
            cur.push(w);
        }
        if !cur.is_empty() {
            items.push(cur.join(" "));
        }
    };
    let mut pos = 0;
    for m in &mentions {
        gap(&line[pos..m.start], &mut items);
        items.push(line[m.start..m.end].to_string());
        pos = m.end;
    }
    gap(&line[pos..], &mut items);
    Some(items.into_iter().map(|i| clean_item(&i)).filter(|i| !i.is_empty() && !is_level(i)).collect())
}

/// A group name without the level some themes print after it ("Testing Advanced").
fn without_level(name: &str) -> &str {
    let mut name = name.trim();
    while let Some((head, last)) = name.rsplit_once(' ') {
        if !is_level(last) {
            break;
        }
        name = head.trim();
    }
    name
}

/// Has separators that make a line a list of several items.
fn is_list(line: &str) -> bool {
    split_items(line).len() > 1
}

/// "Group: items", "Group — items" or "Group<TAB>items", with a short group name.
fn labelled(line: &str) -> Option<(String, String)> {
    let short = |g: &str| {
        let g = g.trim();
        !g.is_empty() && g.split_whitespace().count() <= 5 && !g.contains(',') && g.chars().count() <= 40
    };
    if let Some((g, rest)) = line.split_once(':')
        && short(g)
        && !rest.trim().is_empty()
        && !rest.starts_with("//")
    {
        return Some((g.trim().to_string(), rest.to_string()));
    }
    for sep in ["\t", "—", "–"] {
        if let Some((g, rest)) = line.split_once(sep)
            && short(g)
            && !rest.trim().is_empty()
            && (is_list(rest) || group_like(g))
            && !is_list(g)
        {
            return Some((g.trim().to_string(), rest.to_string()));
        }
    }
    // "Cloud - AWS, GCP, Azure": a hyphen between spaces, before a list, after a name of words
    // that is no skill ("Go - intermediate, Rust - basic" is two items with their levels; "2017 -
    // 2021" a date range, "Página 2 - Curriculum vitae" a page's running head).
    if let Some((g, rest)) = line.split_once(" - ")
        && short(g)
        && g.chars().any(char::is_alphabetic)
        && !g.chars().any(|c| c.is_ascii_digit())
        && is_list(rest)
        && !is_list(g)
        && nexushr_skills::Taxonomy::bundled().lookup(g.trim()).is_none()
        && split_items(rest).first().is_some_and(|first| !first.contains(" - "))
        && !rest.split([',', ';']).next().is_some_and(is_level)
    {
        return Some((g.trim().to_string(), rest.to_string()));
    }
    None
}

/// Adds items to the last group, or to a new one when `new_group` (or there is none yet).
fn push_items(out: &mut Vec<SkillGroup>, name: Option<String>, new_group: bool, items: Vec<String>) {
    if new_group || out.is_empty() {
        out.push(SkillGroup { name, items: Vec::new() });
    }
    if let Some(group) = out.last_mut() {
        for item in items {
            if !group.items.iter().any(|i| i.raw.eq_ignore_ascii_case(&item)) {
                group.items.push(listed_skill(item));
            }
        }
    }
}

fn listed_skill(raw: String) -> ListedSkill {
    match nexushr_skills::Taxonomy::bundled().lookup(&raw) {
        Some(s) => ListedSkill { skill_id: Some(s.id.clone()), name: Some(s.name.clone()), raw },
        None => ListedSkill { skill_id: None, name: None, raw },
    }
}

/// The listed skills of a skills section's text, group by group, in order.
pub fn groups(section: &str) -> Vec<SkillGroup> {
    let lines: Vec<&str> =
        section.lines().map(strip_bullet).filter(|l| !l.is_empty() && !is_level(l)).collect();
    let mut out: Vec<SkillGroup> = Vec::new();
    // A row of three or more cells ("React<TAB>TypeScript<TAB>CSS") is a row of items, not a
    // label and its items, when a group name stands over it.
    let row = |l: &str| l.split('\t').filter(|c| !c.trim().is_empty()).count() >= 3;
    for (i, &line) in lines.iter().enumerate() {
        let named_above = out.last().is_some_and(|g| g.name.is_some() && g.items.is_empty());
        if named_above && row(line) {
            push_items(&mut out, None, false, line.split('\t').flat_map(split_items).collect());
            continue;
        }
        if let Some((group, rest)) = labelled(line) {
            let mut items = split_items(&rest);
            if let [one] = items.as_slice()
                && let Some(spaced) = split_spaced(one)
            {
                items = spaced;
            }
            push_items(&mut out, Some(without_level(&group).to_string()), true, items);
            continue;
        }
        let items = split_items(line);
        if items.len() > 1 {
            push_items(&mut out, None, false, items);
            continue;
        }
        // A single phrase: a group name when items follow it and it is not itself a skill the
        // taxonomy knows (or reads like a group name), else one item of a list.
        let next = lines.get(i + 1).filter(|n| labelled(n).is_none() || row(n));
        let name = without_level(line.trim_end_matches(':'));
        let known = nexushr_skills::Taxonomy::bundled().lookup(name).is_some();
        let words = name.split_whitespace().count();
        // A short phrase over a list ("Infrastructure as Code" / "Terraform, Ansible") names it.
        let over_list = next.is_some_and(|n| is_list(n) || row(n));
        if next.is_some()
            && (group_like(name) || (!known && words <= 4 && (line.ends_with(':') || over_list)))
        {
            out.push(SkillGroup { name: Some(name.to_string()), items: Vec::new() });
        } else {
            push_items(&mut out, None, false, split_spaced(line).unwrap_or(items));
        }
    }
    out.retain(|g| !g.items.is_empty() && !spoken_languages(g));
    out
}

/// "Languages: English (Native), Spanish (B2)" inside a skills section: spoken languages, which
/// the parse reports as languages, not as skills.
fn spoken_languages(group: &SkillGroup) -> bool {
    let named = group.name.as_deref().map(fold).is_some_and(|n| {
        ["languages", "language", "idiomas", "linguas", "lenguas", "idioma"].contains(&n.as_str())
    });
    let spoken = group
        .items
        .iter()
        .filter(|i| fold(&i.raw).split(' ').next().is_some_and(|w| crate::education::SPOKEN.contains(&w)))
        .count();
    spoken > 0 && (named || spoken * 2 > group.items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(groups: &[SkillGroup]) -> Vec<(Option<&str>, Vec<&str>)> {
        groups.iter().map(|g| (g.name.as_deref(), g.items.iter().map(|i| i.raw.as_str()).collect())).collect()
    }

    #[test]
    fn labelled_groups_keep_unknown_items() {
        let g = groups(
            "Web: JavaScript, HTML 5, CSS\nBackend: Flask, Pyramid, Hibernate\nCloud — EC2, RDS, LAMP\n",
        );
        assert_eq!(
            flat(&g),
            [
                (Some("Web"), vec!["JavaScript", "HTML 5", "CSS"]),
                (Some("Backend"), vec!["Flask", "Pyramid", "Hibernate"]),
                (Some("Cloud"), vec!["EC2", "RDS", "LAMP"]),
            ]
        );
        assert!(g[0].items[0].skill_id.is_some());
        assert!(g[1].items.iter().any(|i| i.raw == "Pyramid" && i.skill_id.is_none()));
    }

    #[test]
    fn a_row_of_cells_under_a_group_name_is_its_items() {
        let g = groups("Frontend\nReact\tTypeScript\tJavaScript\tCSS\nTooling\nGraphQL\tJest\tGit\n");
        assert_eq!(
            flat(&g),
            [
                (Some("Frontend"), vec!["React", "TypeScript", "JavaScript", "CSS"]),
                (Some("Tooling"), vec!["GraphQL", "Jest", "Git"])
            ]
        );
        // A label beside its list keeps its place.
        let g = groups("Languages\tPython, Java, SQL\nFrameworks\tFastAPI, Flask\n");
        assert_eq!(
            flat(&g),
            [
                (Some("Languages"), vec!["Python", "Java", "SQL"]),
                (Some("Frameworks"), vec!["FastAPI", "Flask"])
            ]
        );
    }

    #[test]
    fn group_names_on_their_own_lines_and_levels_dropped() {
        let g = groups("Linguagens\nAvançado\nPython, Go e SQL\nBancos de Dados\nPostgreSQL\nRedis\n");
        assert_eq!(
            flat(&g),
            [
                (Some("Linguagens"), vec!["Python", "Go", "SQL"]),
                (Some("Bancos de Dados"), vec!["PostgreSQL", "Redis"])
            ]
        );
    }

    #[test]
    fn items_set_apart_by_styling_alone() {
        let g = groups(
            "Testing Advanced\nCypress Selenium pytest Postman JUnit\nSoft skills\nTechnical writing Mentoring Communication\n",
        );
        assert_eq!(flat(&g)[0], (Some("Testing"), vec!["Cypress", "Selenium", "pytest", "Postman", "JUnit"]));
    }

    #[test]
    fn a_group_name_before_a_spaced_hyphen_names_its_list() {
        let g = groups("Languages - Python, Go, SQL\nCloud - AWS (EKS, RDS), GCP\n");
        assert_eq!(
            flat(&g),
            vec![
                (Some("Languages"), vec!["Python", "Go", "SQL"]),
                (Some("Cloud"), vec!["AWS (EKS, RDS)", "GCP"])
            ]
        );
        // A skill and its level are one item, not a group name.
        assert_eq!(flat(&groups("Go - intermediate, Rust - basic\n")), vec![(None, vec!["Go", "Rust"])]);
    }

    #[test]
    fn a_plain_list_has_no_group_name() {
        let g = groups("• Python (Advanced)\n• Docker\n• Kubernetes, Terraform\n");
        assert_eq!(flat(&g), [(None, vec!["Python", "Docker", "Kubernetes", "Terraform"])]);
    }
}
