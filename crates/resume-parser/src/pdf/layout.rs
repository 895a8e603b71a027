//! Placed runs back into reading order. Runs on one baseline make a line; a vertical gutter
//! that no line crosses splits a two-column or sidebar page, and each block between
//! full-width lines is read left column first, then right.

use super::content::Run;

/// A gap wider than this (in font sizes) between runs of one line becomes a tab (moderncv's label
/// column stands 0.8 em from its items).
const TAB_GAP_EM: f64 = 0.75;
/// A gap wider than this between runs is a word space.
const SPACE_GAP_EM: f64 = 0.12;
/// A vertical gap wider than this (in line heights) starts a new paragraph.
const PARAGRAPH_GAP: f64 = 1.7;

struct Line {
    y: f64,
    size: f64,
    runs: Vec<Run>,
}

/// Lines written out, with a blank line where the vertical gap says a paragraph ends and
/// wrapped lines of one paragraph joined back together.
#[derive(Default)]
struct Writer {
    out: String,
    last: Option<Last>,
    /// The right edge of the column being written.
    right: f64,
}

struct Last {
    y: f64,
    size: f64,
    x0: f64,
    x1: f64,
    /// Could continue on the next line: one stretch of text ending mid-sentence.
    open: bool,
    /// Ends with a comma or a short lowercase word ("de", "of", "and").
    runs_on: bool,
}

impl Writer {
    fn line(&mut self, line: &Line) {
        let text = join(&line.runs);
        let (x0, x1) = (line.runs[0].x0, line.runs.iter().map(|r| r.x1).fold(f64::MIN, f64::max));
        let gap = self.last.as_ref().map_or(0.0, |l| l.y - line.y);
        let wrapped = self.last.as_ref().is_some_and(|l| {
            l.open
                && (l.size - line.size).abs() <= 0.1 * l.size
                && gap < 1.6 * l.size
                // The classic test: had the next word fit on this line, the break was meant.
                && first_word_width(&text, line.size) + 0.3 * l.size > self.right - l.x1
                && x0 >= l.x0 - 1.0
                && !text.starts_with(crate::sections::BULLETS)
                // A sentence runs on: lowercase next, or a comma or short joining word before.
                && (starts_with_lowercase_word(&text) || l.runs_on)
        });
        // An address cut by a narrow column ("ana@example.co" / "m") is one word again.
        let cut_address = self.last.is_some()
            && !text.contains(char::is_whitespace)
            && text.chars().count() <= 12
            && !text.contains('@')
            && {
                let tail = self.out.trim_end_matches('\n').rsplit(char::is_whitespace).next().unwrap_or("");
                tail.chars().count() >= 12
                    && (tail.contains('@')
                        || tail.starts_with("http")
                        || tail.starts_with("www.")
                        || tail.matches('.').count() >= 1 && !tail.ends_with('.'))
                    && gap < 1.6 * line.size
            };
        if cut_address {
            self.out.pop();
        } else if wrapped {
            self.out.pop();
            self.out.push(' ');
        } else if let Some(l) = &self.last
            && gap > PARAGRAPH_GAP * 1.2 * l.size.max(line.size)
        {
            self.out.push('\n');
        }
        self.out.push_str(&text);
        self.out.push('\n');
        let open = !text.contains('\t') && !text.ends_with(['.', ':', ';', '!', '?']);
        let last_word = text.rsplit(' ').next().unwrap_or("");
        let runs_on = text.ends_with(',')
            || (last_word.chars().count() <= 3
                && last_word.chars().all(char::is_lowercase)
                && !last_word.is_empty());
        self.last = Some(Last { y: line.y, size: line.size, x0, x1, open, runs_on });
    }

    fn column(&mut self, lines: &mut Vec<Line>) {
        let right = lines.iter().flat_map(|l| l.runs.iter()).map(|r| r.x1).fold(f64::MIN, f64::max);
        // Text wraps in a column where several lines reach its right edge; in a list of short
        // items only the longest does, and nothing is joined.
        let full =
            lines.iter().filter(|l| l.runs.last().is_some_and(|r| r.x1 >= right - 3.0 * l.size)).count();
        self.right = if full >= 3 { right } else { f64::INFINITY };
        for line in lines.drain(..) {
            self.line(&line);
        }
        self.last = None;
    }
}

/// The line starts with a lowercase word (not a handle, address or URL).
fn starts_with_lowercase_word(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("").trim_end_matches([',', '.', ';', ':']);
    word.starts_with(char::is_lowercase) && word.chars().all(char::is_alphabetic)
}

/// About how wide the first word of `text` is, at half an em per character.
fn first_word_width(text: &str, size: f64) -> f64 {
    text.split_whitespace().next().map_or(0.0, |w| w.chars().count() as f64 * 0.5 * size)
}

/// The largest text at the top of a first page, when it stands well above the body's size and
/// reads like a name (a few words, no digits or addresses): taken out of `runs` and given back as
/// one line. A name set large sits beside or among the small print of an address block, and its
/// words may come on two lines; read by position alone it is glued to a city or cut in two.
fn take_title(runs: &mut Vec<Run>) -> Option<String> {
    // The body's size: the size most letters are set in.
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for r in runs.iter() {
        let letters = r.text.chars().filter(|c| c.is_alphabetic()).count();
        match sizes.iter_mut().find(|(s, _)| (s - r.size).abs() < 0.25) {
            Some(e) => e.1 += letters,
            None => sizes.push((r.size, letters)),
        }
    }
    let body = sizes.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s)?;
    let top = runs.iter().map(|r| r.y).fold(f64::MIN, f64::max);
    let bottom = runs.iter().map(|r| r.y).fold(f64::MAX, f64::min);
    let zone = top - 0.3 * (top - bottom);
    let lettered = |r: &Run| r.y >= zone && r.text.chars().any(char::is_alphabetic);
    let big = runs.iter().filter(|r| lettered(r)).map(|r| r.size).fold(0.0, f64::max);
    if big < 1.5 * body {
        return None;
    }
    let is_title = |r: &Run| lettered(r) && (r.size - big).abs() <= 0.05 * big;
    let title: Vec<Run> = runs.iter().filter(|r| is_title(r)).cloned().collect();
    let text = group_lines(title).iter().map(|l| join(&l.runs)).collect::<Vec<_>>().join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = text.split_whitespace().count();
    if !(1..=6).contains(&words)
        || text.chars().count() > 60
        || text.chars().any(|c| c.is_ascii_digit() || c == '@' || c == '/')
        || crate::sections::header_kind(&text).is_some()
    {
        return None;
    }
    runs.retain(|r| !is_title(r));
    Some(text)
}

/// The text of one page; the first page's name set large comes first.
pub(crate) fn page_text(mut runs: Vec<Run>, first: bool) -> String {
    runs.retain(|r| !r.text.trim().is_empty());
    if runs.is_empty() {
        return String::new();
    }
    let title = if first { take_title(&mut runs) } else { None };
    let mut w = Writer::default();
    if let Some(title) = title {
        w.out.push_str(&title);
        w.out.push('\n');
    }
    if runs.is_empty() {
        return w.out;
    }
    let mut lines = group_lines(runs);
    // Columns often start below a full-width top (name, title, summary): look for a gutter in
    // the page, then in its lower seven eighths, three quarters, and so on down to half.
    let split =
        (0..=4).map(|q| q * lines.len() / 8).find_map(|top| find_gutter(&lines[top..]).map(|g| (top, g)));
    let Some((top, gutter)) = split else {
        w.column(&mut lines);
        return w.out;
    };
    let body = lines.split_off(top);
    w.column(&mut lines);
    let (mut left, mut right): (Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new());
    for line in body {
        // A line crosses the gutter when a run does, or when its words run on across it
        // without a column's gap (a centered name split into runs at the gutter).
        let left_end = line.runs.iter().filter(|r| r.x1 <= gutter).map(|r| r.x1).fold(f64::MIN, f64::max);
        let right_start = line.runs.iter().filter(|r| r.x1 > gutter).map(|r| r.x0).fold(f64::MAX, f64::min);
        if line.runs.iter().any(|r| r.x0 < gutter && r.x1 > gutter) || right_start - left_end < line.size {
            w.column(&mut left);
            w.column(&mut right);
            w.column(&mut vec![line]);
            continue;
        }
        let (l, r): (Vec<Run>, Vec<Run>) = line.runs.into_iter().partition(|r| r.x1 <= gutter);
        if !l.is_empty() {
            left.push(Line { y: line.y, size: line.size, runs: l });
        }
        if !r.is_empty() {
            right.push(Line { y: line.y, size: line.size, runs: r });
        }
    }
    w.column(&mut left);
    w.column(&mut right);
    w.out
}

/// Runs sharing a baseline (within a third of the font size), top of the page first.
fn group_lines(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if (line.y - run.y).abs() <= 0.35 * line.size.max(run.size).max(1.0) => {
                line.size = line.size.max(run.size);
                line.runs.push(run);
            }
            _ => lines.push(Line { y: run.y, size: run.size, runs: vec![run] }),
        }
    }
    for line in &mut lines {
        line.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// The text of one line: runs in x order, with spaces or a tab where the gaps say so.
fn join(runs: &[Run]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Run> = None;
    for run in runs {
        if let Some(p) = prev {
            let gap = run.x0 - p.x1;
            let em = p.size.max(run.size).max(1.0);
            // A run starting well inside the one before is other text laid over it (a sidebar's
            // long address running under the body column): a cell of its own, not one word.
            // Justified lines stretch their spaces, most after punctuation (TeX's space factor).
            let tab = if p.text.trim_end().ends_with([',', '.', ';', ':']) { 1.0 } else { TAB_GAP_EM };
            if gap > tab * em || (gap < -0.5 * em && run.text != p.text) {
                out.push('\t');
            } else if gap > SPACE_GAP_EM * em && !out.ends_with(' ') && !run.text.starts_with(' ') {
                out.push(' ');
            }
        }
        out.push_str(&run.text);
        prev = Some(run);
    }
    out.trim_end().to_string()
}

/// The x of a vertical gutter between two columns, if the page has one: a band at least
/// 8 points wide, away from the edges, that at most one line in twelve crosses, with enough
/// text on both sides to be columns rather than a few right-aligned dates.
fn find_gutter(lines: &[Line]) -> Option<f64> {
    if lines.len() < 6 {
        return None;
    }
    let runs = || lines.iter().flat_map(|l| l.runs.iter());
    let x_min = runs().map(|r| r.x0).fold(f64::INFINITY, f64::min);
    let x_max = runs().map(|r| r.x1).fold(f64::NEG_INFINITY, f64::max);
    let width = x_max - x_min;
    if !(width > 50.0 && width < 1e5) {
        return None;
    }
    let bin = (width / 1000.0).max(2.0);
    let bins = (width / bin) as usize + 1;
    let mut cover = vec![0u32; bins];
    for r in runs() {
        let (a, b) = (((r.x0 - x_min) / bin) as usize, ((r.x1 - x_min) / bin) as usize);
        for c in &mut cover[a.min(bins - 1)..=b.min(bins - 1)] {
            *c += 1;
        }
    }
    let allowed = (lines.len() / 12).max(1) as u32;
    let (lo, hi) = ((0.1 * bins as f64) as usize, (0.9 * bins as f64) as usize);
    let total: usize = runs().map(|r| r.text.len()).sum();
    let mut best: Option<(usize, f64)> = None;
    let mut i = lo;
    while i < hi {
        if cover[i] > allowed {
            i += 1;
            continue;
        }
        let start = i;
        while i < hi && cover[i] <= allowed {
            i += 1;
        }
        let band = i - start;
        if (band as f64) * bin < 8.0 {
            continue;
        }
        // Within the band, the middle of the longest stretch of least coverage.
        let least = cover[start..i].iter().copied().min().unwrap_or(0);
        let (mut run_start, mut best_run) = (start, (start, 0));
        for k in start..=i {
            if cover.get(k).is_none_or(|&c| k == i || c != least) {
                if k - run_start > best_run.1 {
                    best_run = (run_start, k - run_start);
                }
                run_start = k + 1;
            }
        }
        let x = x_min + (best_run.0 as f64 + best_run.1 as f64 / 2.0) * bin;
        let side = |left: bool| {
            let chosen: Vec<&Run> = runs().filter(|r| if left { r.x1 <= x } else { r.x0 >= x }).collect();
            let lines_with = lines
                .iter()
                .filter(|l| l.runs.iter().any(|r| if left { r.x1 <= x } else { r.x0 >= x }))
                .count();
            (chosen.iter().map(|r| r.text.len()).sum::<usize>(), lines_with)
        };
        let ((left_chars, left_lines), (right_chars, right_lines)) = (side(true), side(false));
        let balanced = left_chars * 10 >= total && right_chars * 10 >= total;
        if balanced
            && left_lines >= 4
            && right_lines >= 4
            && !metadata_column(lines, x)
            && best.is_none_or(|(b, _)| band > b)
        {
            best = Some((band, x));
        }
    }
    best.map(|(_, x)| x)
}

/// Is the text on one side of `x` a column of dates, places and section names beside the lines
/// they belong to ("QA Engineer ... June 2023 – July 2026" / "Pendo ... Raleigh, NC", or a left
/// margin of "WORK EXPERIENCE" and "2023-06 TO 2026-07"), not a column of its own? Most of its
/// lines share a baseline with text on the other side and read as a period, a place or a header.
fn metadata_column(lines: &[Line], x: f64) -> bool {
    [false, true].into_iter().any(|left| {
        let (mut side_lines, mut paired, mut meta, mut headers) = (0, 0, 0, 0);
        for line in lines {
            let here = |r: &&Run| if left { r.x1 <= x } else { r.x0 >= x };
            let texts: Vec<&str> = line.runs.iter().filter(here).map(|r| r.text.as_str()).collect();
            if texts.is_empty() {
                continue;
            }
            side_lines += 1;
            paired += usize::from(line.runs.iter().any(|r| if left { r.x0 >= x } else { r.x1 <= x }));
            let text = texts.join(" ");
            let text = text.trim();
            let header = left && crate::sections::header_kind(text).is_some();
            headers += usize::from(header);
            meta += usize::from(
                crate::dates::parse_period(text).is_some()
                    || crate::contact::location_in(text).is_some()
                    || crate::work::is_duration(text)
                    || header,
            );
        }
        // Section titles set in the left margin above their text (moderncv's fancy style), with
        // the contact block at the top of that margin: the margin names the sections of the
        // column beside it, read together line by line.
        let margin_titles = headers >= 3 && headers * 10 >= side_lines * 3;
        side_lines > 0 && (margin_titles || paired * 10 >= side_lines * 6 && meta * 10 >= side_lines * 6)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, x1: f64, y: f64, text: &str) -> Run {
        Run { x0, x1, y, size: 10.0, text: text.into() }
    }

    #[test]
    fn a_name_set_large_comes_first_whole() {
        let big = |x0, x1, y, text: &str| Run { size: 24.0, ..run(x0, x1, y, text) };
        let mut runs = vec![
            run(400.0, 440.0, 760.0, "Austin"),
            big(50.0, 150.0, 758.0, "Daniel"),
            big(160.0, 260.0, 758.0, "Okafor"),
            run(400.0, 440.0, 748.0, "Texas"),
            big(50.0, 200.0, 730.0, "Sandoval"),
        ];
        runs.extend(
            (0..20).map(|i| run(50.0, 300.0, 700.0 - 12.0 * i as f64, "Body text of the resume goes here")),
        );
        let text = page_text(runs.clone(), true);
        assert!(text.starts_with("Daniel Okafor Sandoval\nAustin\nTexas\n"), "{text}");
        // Only on the first page, and never a section header.
        assert!(!page_text(runs, false).starts_with("Daniel Okafor Sandoval"));
        let header =
            vec![big(50.0, 200.0, 758.0, "Experience"), run(50.0, 300.0, 700.0, "Body text of the resume")];
        assert!(page_text(header, true).starts_with("Experience\n"));
    }

    #[test]
    fn section_titles_in_the_margin_stay_above_their_text() {
        let mut runs = Vec::new();
        let mut y = 760.0;
        for contact in ["Zapopan", "Jalisco", "MX", "+52 33 1987 6543", "ana@example.com", "ana.example.com"]
        {
            runs.push(run(40.0, 140.0, y, contact));
            y -= 12.0;
        }
        for (title, body) in [
            ("Experiencia", ["Practicante de Datos, Rappi\t2025-06 — 2025-12", "Construí DAGs en Airflow"]),
            ("Educación", ["Licenciatura en Ingeniería en Computación", "Universidad de Guadalajara"]),
            ("Habilidades", ["Lenguajes: Python, SQL, Java", "Nube: AWS, Docker"]),
        ] {
            runs.push(run(80.0, 140.0, y, title));
            y -= 14.0;
            for line in body {
                runs.push(run(170.0, 480.0, y, line));
                y -= 12.0;
            }
            y -= 10.0;
        }
        let text = page_text(runs, false);
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
        assert!(at("Experiencia") < at("Practicante") && at("Practicante") < at("Educación"), "{text}");
        assert!(at("Educación") < at("Licenciatura") && at("Universidad") < at("Habilidades"), "{text}");
    }

    #[test]
    fn a_label_column_is_a_cell_but_a_stretched_space_is_not() {
        let sized = |x0, x1, text: &str| Run { size: 10.9, ..run(x0, x1, 700.0, text) };
        // moderncv: a right-aligned label 0.8 em from its items.
        let label =
            page_text(vec![sized(103.3, 161.9, "Frameworks"), sized(170.8, 209.8, "FastAPI, Flask")], false);
        assert_eq!(label, "Frameworks\tFastAPI, Flask\n");
        // A justified line stretches its space after a comma as wide.
        let justified =
            page_text(vec![sized(50.0, 130.0, "Programador COBOL,"), sized(139.0, 190.0, "Banamex")], false);
        assert_eq!(justified, "Programador COBOL, Banamex\n");
    }

    #[test]
    fn words_on_a_baseline_join_with_spaces() {
        let text = page_text(vec![run(100.0, 130.0, 700.0, "World"), run(50.0, 95.0, 700.5, "Hello")], false);
        let wrapped = page_text(
            vec![
                run(50.0, 300.0, 700.0, "Led the move of payments to Rust, cutting"),
                run(50.0, 298.0, 688.0, "latency by 40% and kept every event in"),
                run(50.0, 80.0, 676.0, "order."),
                run(50.0, 290.0, 664.0, "Designed idempotent Kafka consumers."),
                run(50.0, 120.0, 652.0, "ana@example.com"),
                run(50.0, 120.0, 640.0, "+55 11 98765-4321"),
            ],
            false,
        );
        assert_eq!(
            wrapped,
            "Led the move of payments to Rust, cutting latency by 40% and kept every event in order.\n\
             Designed idempotent Kafka consumers.\nana@example.com\n+55 11 98765-4321\n"
        );
        assert_eq!(text, "Hello World\n");
        let tight = page_text(vec![run(50.0, 80.0, 700.0, "Back"), run(80.2, 100.0, 700.0, "end")], false);
        assert_eq!(tight, "Backend\n");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut runs = vec![run(100.0, 400.0, 780.0, "Ana Souza, Backend Engineer")];
        for i in 0..8 {
            let y = 700.0 - 14.0 * f64::from(i);
            let last = i == 7;
            runs.push(run(40.0, if last { 180.0 } else { 80.0 }, y, &format!("side {i}")));
            runs.push(run(230.0, if last { 560.0 } else { 300.0 }, y, &format!("main {i}")));
        }
        let text = page_text(runs, false);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "Ana Souza, Backend Engineer");
        assert_eq!(
            lines[1..9],
            ["side 0", "side 1", "side 2", "side 3", "side 4", "side 5", "side 6", "side 7"]
        );
        assert_eq!(lines[9], "main 0");
    }

    #[test]
    fn right_aligned_dates_stay_on_their_line() {
        let mut runs = Vec::new();
        for i in 0..4 {
            let y = 700.0 - 60.0 * f64::from(i);
            runs.push(run(40.0, 200.0, y, &format!("Engineer, Company {i}")));
            runs.push(run(480.0, 560.0, y, "2019 – 2021"));
            for k in 1..4 {
                runs.push(run(
                    40.0,
                    540.0,
                    y - 12.0 * f64::from(k),
                    "Built and ran services that handled a lot of traffic",
                ));
            }
        }
        let text = page_text(runs, false);
        assert!(text.starts_with("Engineer, Company 0\t2019 – 2021\n"), "{text}");
    }
}
