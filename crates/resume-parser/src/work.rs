//! Work history: entries anchored on their date lines, total experience and a seniority estimate.

use serde::Serialize;

use crate::contact::Scored;
use crate::dates::{Period, YearMonth, months_between, parse_period};
use crate::sections::{BULLETS, fold, strip_bullet};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkEntry {
    pub title: Option<Scored>,
    pub employer: Option<Scored>,
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

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(BULLETS)
}

/// Splits "Title at Employer", "Title — Employer", "Title | Employer", "Title, Employer".
fn split_header(header: &str) -> (Option<String>, Option<String>) {
    let h = header.trim().trim_matches(|c: char| "|·,–—-".contains(c)).trim();
    if h.is_empty() {
        return (None, None);
    }
    for sep in [" at ", " @ ", " em ", " en ", " na ", " no "] {
        if let Some((t, e)) = h.split_once(sep) {
            return (
                Some(t.trim().into()),
                Some(e.trim().trim_matches(|c: char| "|·,–—-".contains(c)).trim().into()),
            );
        }
    }
    for sep in [" — ", " – ", " | ", " · ", " - ", ", "] {
        if let Some((t, e)) = h.split_once(sep) {
            return (Some(t.trim().into()), Some(e.trim().into()));
        }
    }
    (Some(h.to_string()), None)
}

/// The text of a date line with its dates taken out ("Acme — Jan 2020 – Present" → "Acme").
fn without_dates(line: &str) -> String {
    let cut = line
        .char_indices()
        .find(|(i, c)| {
            c.is_ascii_digit() || parse_period(&line[*i..]).is_some_and(|_| month_word_at(&line[*i..]))
        })
        .map_or(line.len(), |(i, _)| i);
    line[..cut].trim().trim_end_matches(|c: char| "|·,–—-(:".contains(c)).trim().to_string()
}

fn month_word_at(s: &str) -> bool {
    let w: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
    w.len() >= 3 && parse_period(&format!("{w} 2000")).is_some()
}

/// Work entries of the experience section `text` (offset `base` in the document).
pub fn entries(text: &str, base: usize) -> Vec<WorkEntry> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |off, l| {
            let start = *off;
            *off += l.len();
            Some((start, l.trim_end_matches('\n')))
        })
        .collect();
    let date_lines: Vec<(usize, Period)> =
        lines.iter().enumerate().filter_map(|(i, (_, l))| parse_period(l).map(|p| (i, p))).collect();
    let mut out: Vec<WorkEntry> = Vec::new();
    for (k, (i, period)) in date_lines.iter().enumerate() {
        let header_inline = without_dates(lines[*i].1);
        // Header lines: the text before the dates, else up to two plain lines just above.
        let prev_end = if k == 0 { 0 } else { date_lines[k - 1].0 + 1 };
        let above: Vec<&str> = (prev_end..*i)
            .rev()
            .map(|j| lines[j].1.trim())
            .filter(|l| !l.is_empty())
            // A bullet or a finished sentence belongs to the entry before.
            .take_while(|l| !is_bullet(l) && !l.ends_with('.'))
            .take(2)
            .collect();
        let (title, employer, confidence) = if !header_inline.is_empty() {
            let (t, e) = split_header(&header_inline);
            match (t, e, above.first()) {
                (Some(t), Some(e), _) => (Some(t), Some(e), 0.8),
                (Some(e), None, Some(t)) => (Some(t.to_string()), Some(e), 0.6),
                (t, e, _) => (t, e, 0.5),
            }
        } else {
            match above.as_slice() {
                [one] => {
                    let (t, e) = split_header(one);
                    (t, e, 0.7)
                }
                [nearest, farther] => match split_header(nearest) {
                    (Some(t), Some(e)) => (Some(t), Some(e), 0.7),
                    _ => (Some(farther.to_string()), Some(nearest.to_string()), 0.6),
                },
                _ => (None, None, 0.3),
            }
        };
        let next_header = date_lines.get(k + 1).map_or(lines.len(), |(n, _)| n.saturating_sub(2).max(*i + 1));
        let highlights: Vec<String> = ((i + 1)..next_header.min(lines.len()))
            .map(|j| lines[j].1.trim())
            .filter(|l| !l.is_empty())
            .map(|l| strip_bullet(l).to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let score = |v: Option<String>| v.filter(|s| !s.is_empty()).map(|value| Scored { value, confidence });
        let start = base + lines[prev_end.max(i.saturating_sub(above.len()))].0;
        let end = base + lines.get(next_header).map_or(text.len(), |(o, _)| *o);
        out.push(WorkEntry {
            title: score(title),
            employer: score(employer),
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
pub fn total_months(entries: &[WorkEntry], today: YearMonth) -> i32 {
    let mut spans: Vec<(i32, i32)> = entries
        .iter()
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

/// Seniority from the latest title's wording, else from the months of experience.
pub fn seniority(entries: &[WorkEntry], months: i32) -> (Seniority, f32) {
    let latest = entries.iter().max_by_key(|e| (e.period.current, e.period.start));
    if let Some(title) = latest.and_then(|e| e.title.as_ref()) {
        let t = fold(&title.value);
        let has = |words: &[&str]| {
            words.iter().any(|w| t.split(' ').any(|x| x == *w) || t.contains(&format!("{w} ")))
        };
        if has(&["intern", "estagiario", "estagiaria", "practicante", "pasante", "trainee"]) {
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
        if has(&["junior", "jr"]) {
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

    #[test]
    fn experience_counts_overlaps_once() {
        let e = entries(EXPERIENCE, 0);
        let today = YearMonth { year: 2026, month: 11 };
        // 2018-03..2020-12 is 34 months; 2021-01..2026-11 is 71.
        assert_eq!(total_months(&e, today), 105);
        assert_eq!(seniority(&e, 105).0, Seniority::Senior);
    }
}
