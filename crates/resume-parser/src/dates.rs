//! Resume dates in English, Portuguese and Spanish: "Jan 2020 – Present", "jan. 2020 – atual",
//! "marzo 2019 - presente", "03/2020 - 06/2022", "2018 - 2021".

use serde::Serialize;

use crate::sections::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct YearMonth {
    pub year: i32,
    /// 1-12; 0 when only the year is written.
    pub month: u32,
}

/// A period of work or study; `end` is `None` while it is current.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: YearMonth,
    pub end: Option<YearMonth>,
    pub current: bool,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("janeiro", 1),
    ("enero", 1),
    ("jan", 1),
    ("ene", 1),
    ("february", 2),
    ("fevereiro", 2),
    ("febrero", 2),
    ("feb", 2),
    ("fev", 2),
    ("march", 3),
    ("marco", 3),
    ("marzo", 3),
    ("mar", 3),
    ("april", 4),
    ("abril", 4),
    ("apr", 4),
    ("abr", 4),
    ("may", 5),
    ("maio", 5),
    ("mayo", 5),
    ("mai", 5),
    ("june", 6),
    ("junho", 6),
    ("junio", 6),
    ("jun", 6),
    ("july", 7),
    ("julho", 7),
    ("julio", 7),
    ("jul", 7),
    ("august", 8),
    ("agosto", 8),
    ("aug", 8),
    ("ago", 8),
    ("september", 9),
    ("setembro", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("set", 9),
    ("october", 10),
    ("outubro", 10),
    ("octubre", 10),
    ("oct", 10),
    ("out", 10),
    ("november", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("nov", 11),
    ("december", 12),
    ("dezembro", 12),
    ("diciembre", 12),
    ("dec", 12),
    ("dez", 12),
    ("dic", 12),
    // A season stands for its first month ("QA Intern ... (Summer 2021)" is an internship, not
    // a year inside the job above it: R29 told its lines back at the wrong employer).
    ("summer", 6),
    ("spring", 3),
    ("fall", 9),
    ("autumn", 9),
    ("winter", 1),
    ("verano", 6),
    ("invierno", 1),
    ("otono", 9),
];

const PRESENT: &[&str] = &[
    "present",
    "current",
    "now",
    "today",
    "atual",
    "atualmente",
    "o momento",
    "hoje",
    "presente",
    "actual",
    "actualidad",
    "la fecha",
    "hoy",
    // ("Principal Architect (Jan 2020 to date)", R97: read as one month.)
    "to date",
    "till date",
];

/// Whether `s` starts with a month name ("Jan", "marzo", "set.").
pub(crate) fn starts_with_month(s: &str) -> bool {
    let w: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
    w.chars().count() >= 3 && month(&fold(&w)).is_some()
}

/// Whether `s` starts with a numeric date: a year ("2021"), or a month and year ("03/2020",
/// "2020-03"); not a figure that merely has dates after it ("310 lojas), ... (mar/2023").
pub(crate) fn starts_with_numeric_date(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_ascii_digit());
    matches!(points(first).first(), Some(Some(_)))
}

fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, m)| *m)
}

/// "03" or "3" as a month; not "2016".
fn numeric_month(word: &str) -> Option<u32> {
    let m: u32 = word.parse().ok()?;
    (word.len() <= 2 && (1..=12).contains(&m)).then_some(m)
}

fn year(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (1950..=2100).contains(&y).then_some(y)
}

/// Date-like tokens of a line, in order: a year-month, or `None` for "present".
fn points(line: &str) -> Vec<Option<YearMonth>> {
    // Slashes and dashes inside "03/2020" or "2020-03" survive folding as spaces; keep pairs.
    let folded = fold(&line.replace(['/', '.'], " "));
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or_default();
        let after_de = if next == "de" { words.get(i + 2).copied().unwrap_or_default() } else { next };
        let skip_de = usize::from(next == "de");
        if PRESENT.contains(&w) || (i + 1 < words.len() && PRESENT.contains(&format!("{w} {next}").as_str()))
        {
            out.push(None);
            i += if PRESENT.contains(&w) { 1 } else { 2 };
        } else if let (Some(m), Some(y)) = (month(w), year(after_de)) {
            out.push(Some(YearMonth { year: y, month: m }));
            i += 2 + skip_de;
        } else if let (Some(m), Some(y)) = (numeric_month(w), year(next)) {
            out.push(Some(YearMonth { year: y, month: m }));
            i += 2;
        } else if let Some(y) = year(w) {
            match next.parse::<u32>() {
                Ok(m) if (1..=12).contains(&m) && next.len() == 2 => {
                    out.push(Some(YearMonth { year: y, month: m }));
                    i += 2;
                }
                _ => {
                    out.push(Some(YearMonth { year: y, month: 0 }));
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Words (folded) that join a range's start to its end on the next line ("June 2023 to" / "July
/// 2026", "março de 2021 até" / "...").
pub(crate) const RANGE_JOINERS: &[&str] = &["to", "a", "ate", "hasta", "al", "until"];

/// Where the dates that begin at byte `from` of `line` end: past months, years, numeric dates,
/// "present" words and the words between them ("to", "até", "a", "hasta", dashes), up to the last
/// date word ("Jun 2023 – Jul 2026 QA Engineer" → the end of "2026").
pub(crate) fn span_end(line: &str, from: usize) -> usize {
    const JOINERS: &[&str] = &[
        "to", "a", "ate", "al", "hasta", "de", "del", "until", "till", "since", "desde", "from", "o", "la",
        "mdash", "ndash", "t",
    ];
    let mut end = from;
    let mut offset = from;
    for word in line[from..].split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += word.len();
        let w = fold(word);
        // A number is a year, or part of a numeric date ("03/2021"), not a count ("(4 años)").
        let numeric = word.contains(['/', '-', '.']);
        let dateish = w.split(' ').filter(|p| !p.is_empty()).all(|p| {
            month(p).is_some()
                || (p.chars().all(|c| c.is_ascii_digit()) && (p.len() == 4 || numeric && p.len() <= 2))
                || PRESENT.contains(&p)
                || ["momento", "fecha", "date"].contains(&p)
        });
        if !w.is_empty() && dateish {
            end = start + word.trim_end().len();
        } else if !(w.is_empty() || JOINERS.contains(&w.as_str())) {
            break;
        }
    }
    end
}

/// The first period written on `line`, if any.
pub fn parse_period(line: &str) -> Option<Period> {
    let pts = points(line);
    let start = pts.iter().flatten().next().copied()?;
    let first = pts.iter().position(|p| p.is_some())?;
    // "2020-02 —": a range left open runs to today.
    let open = pts.len() == first + 1 && line.trim_end().ends_with(['-', '–', '—']);
    match pts.get(first + 1) {
        Some(None) => Some(Period { start, end: None, current: true }),
        None if open || since_start(line) => Some(Period { start, end: None, current: true }),
        Some(Some(end)) if *end >= start => Some(Period { start, end: Some(*end), current: false }),
        // "Ciudad de México (remoto desde 2019) — mar. 2017 – dic. 2020": a year before the range
        // that runs backwards into it is an aside; the range after it is the period.
        Some(Some(_)) => match pts[first + 1..].windows(2).find_map(|w| match (w[0], w[1]) {
            (Some(s), None) => Some(Period { start: s, end: None, current: true }),
            (Some(s), Some(e)) if e >= s => Some(Period { start: s, end: Some(e), current: false }),
            _ => None,
        }) {
            Some(range) => Some(range),
            None => Some(Period { start, end: Some(start), current: false }),
        },
        _ => Some(Period { start, end: Some(start), current: false }),
    }
}

/// Whether `line` gives a start alone after "since" at the head of the line or of one of its
/// fields ("Huddlewave Inc. | Staff SRE | Since 2022", "Desde março de 2021"): a job that runs
/// to today (R41: a Staff SRE's current job lost). "Remote since 2020" inside a sentence is not.
fn since_start(line: &str) -> bool {
    line.split(['|', '–', '—', '·', ',', '\t', '•', '(']).any(|field| {
        let folded = fold(field);
        matches!(folded.split(' ').find(|w| !w.is_empty()), Some("since" | "desde"))
            && matches!(points(field).as_slice(), [Some(_)])
    })
}

/// Months from `start` to `end` inclusive; year-only dates count from January or to December.
pub fn months_between(start: YearMonth, end: YearMonth) -> i32 {
    let s = start.year * 12 + start.month.max(1) as i32;
    let e = end.year * 12 + if end.month == 0 { 12 } else { end.month as i32 };
    (e - s + 1).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn three_languages() {
        assert_eq!(
            parse_period("jan. 2020 – atual"),
            Some(Period { start: ym(2020, 1), end: None, current: true })
        );
        assert_eq!(
            parse_period("marzo 2019 - presente"),
            Some(Period { start: ym(2019, 3), end: None, current: true })
        );
        assert_eq!(
            parse_period("Março de 2018 até Dezembro de 2019"),
            Some(Period { start: ym(2018, 3), end: Some(ym(2019, 12)), current: false })
        );
        assert_eq!(
            parse_period("Jan 2020 to Present"),
            Some(Period { start: ym(2020, 1), end: None, current: true })
        );
        assert_eq!(
            parse_period("03/2020 - 06/2022"),
            Some(Period { start: ym(2020, 3), end: Some(ym(2022, 6)), current: false })
        );
        assert_eq!(
            parse_period("2016 - 2019"),
            Some(Period { start: ym(2016, 0), end: Some(ym(2019, 0)), current: false })
        );
        assert_eq!(parse_period("Senior Engineer, Acme"), None);
        // A start after "since" heading the line or a field of it runs to today.
        for (line, start) in [
            ("Huddlewave Inc. | Staff Site Reliability Engineer | Since 2022", ym(2022, 0)),
            ("Desde março de 2021", ym(2021, 3)),
            ("Analista de Datos Sr. — desde ene. 2023", ym(2023, 1)),
        ] {
            assert_eq!(parse_period(line), Some(Period { start, end: None, current: true }), "{line}");
        }
        assert_eq!(
            parse_period("Remote since 2020"),
            Some(Period { start: ym(2020, 0), end: Some(ym(2020, 0)), current: false })
        );
        assert_eq!(
            parse_period("Ciudad de México (remoto desde 2019) — mar. 2017 – dic. 2020"),
            Some(Period { start: ym(2017, 3), end: Some(ym(2020, 12)), current: false })
        );
    }

    #[test]
    fn month_counts() {
        assert_eq!(months_between(ym(2020, 1), ym(2020, 12)), 12);
        assert_eq!(months_between(ym(2016, 0), ym(2019, 0)), 48);
    }
}
