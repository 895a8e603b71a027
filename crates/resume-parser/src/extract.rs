//! Text out of each format, under [`Limits`]. Nothing here recurses on input structure, so
//! nesting costs a counter, not stack.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::{Format, Limits};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A format the parser does not read (yet); the message says which.
    #[error("{0}")]
    Unsupported(String),
    /// The file claims a format but breaks its rules, or a limit.
    #[error("malformed {}: {reason}", format!("{format:?}").to_uppercase())]
    Malformed { format: Format, reason: String },
}

fn malformed(format: Format, reason: impl Into<String>) -> ExtractError {
    ExtractError::Malformed { format, reason: reason.into() }
}

/// The text of a document, lines separated by `\n`.
pub fn extract_text(bytes: &[u8], format: Format, limits: &Limits) -> Result<String, ExtractError> {
    let mut text = match format {
        Format::Text => columns_as_tabs(&decode_text(bytes)),
        Format::Markdown => markdown(&columns_as_tabs(&decode_text(bytes))),
        Format::Html => html(&decode_text(bytes)),
        Format::Rtf => rtf(bytes, limits)?,
        Format::Docx => office_xml(bytes, "word/document.xml", format, limits, docx_event)?,
        Format::Odt => office_xml(bytes, "content.xml", format, limits, odt_event)?,
        // A picture has no text layer; the caller reports NO_TEXT rather than guessing.
        Format::Image => String::new(),
        Format::Pdf => crate::pdf::text(bytes, limits)?,
        Format::Archive => {
            return Err(match zip::ZipArchive::new(Cursor::new(bytes)) {
                Err(e) => malformed(format, format!("broken zip: {e}")),
                Ok(_) => ExtractError::Unsupported("a zip archive that is not a DOCX or ODT document".into()),
            });
        }
        Format::Unknown => {
            return Err(ExtractError::Unsupported("binary content of no known document format".into()));
        }
    };
    if text.chars().count() > limits.max_text_chars {
        text = text.chars().take(limits.max_text_chars).collect();
    }
    Ok(normalize(&text))
}

fn decode_text(bytes: &[u8]) -> String {
    if let Some(units) = crate::detect::utf16_units(bytes) {
        return String::from_utf16_lossy(&units).trim_start_matches('\u{feff}').to_string();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        // Not UTF-8: read it as Latin-1, the usual legacy encoding of such resumes.
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Trims trailing spaces, collapses runs of blank lines, drops control characters.
/// Plain-text resumes line columns up with runs of spaces ("Engineer      June 2023 - Now"):
/// three or more spaces inside a line are a column gap, written as a tab like a PDF's.
fn columns_as_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        out.push_str(&line[..indent]);
        let mut spaces = 0;
        for c in line[indent..].chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match spaces {
                0 => {}
                1 | 2 => out.extend(std::iter::repeat_n(' ', spaces)),
                _ => out.push('\t'),
            }
            spaces = 0;
            out.push(c);
        }
        out.push('\n');
    }
    out
}

fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        // No-break spaces are spaces; symbol-font bullets and icon glyphs (private use area)
        // are list bullets at the start of a line and noise elsewhere.
        let mut line: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .map(|c| if matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') { ' ' } else { c })
            .collect();
        if line.trim_start().starts_with(|c: char| ('\u{e000}'..='\u{f8ff}').contains(&c)) {
            let rest = line
                .trim_start()
                .trim_start_matches(|c: char| ('\u{e000}'..='\u{f8ff}').contains(&c) || c.is_whitespace());
            line = if rest.is_empty() { String::new() } else { format!("• {rest}") };
        }
        line.retain(|c| !('\u{e000}'..='\u{f8ff}').contains(&c));
        // Arrow marks before a line (">> Códice Software Factory — Querétaro", "» Led...") set it
        // apart and say nothing (R41: "En >> Códice Software Factory" opened five questions).
        let body = line.trim_start();
        if let Some(rest) =
            [">> ", "> ", "» ", "► ", "▸ ", "➤ ", "➢ "].iter().find_map(|m| body.strip_prefix(m))
        {
            line = format!("{}{rest}", &line[..line.len() - body.len()]);
        }
        // A typed double hyphen between words is a dash ("Data Analyst, Meadowlark Insurance
        // Group -- Columbus, OH", R38: the employer was read as a place).
        let line = if line.contains(" -- ") { line.replace(" -- ", " — ") } else { line };
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        // A list item's indentation stays: the wrapped rest of a bullet is indented under it
        // ("  * Criação do rodízio de on-call, com runbooks e integração" / "    PagerDuty.", R39:
        // read as a highlight of its own); a heading's goes with its marks.
        let indent = &line[..line.len() - line.trim_start().len()];
        let heading = line.trim_start().starts_with('#');
        let t = line.trim_start().trim_start_matches('#').trim_start();
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .map(|r| format!("• {r}"))
            .unwrap_or_else(|| t.to_string());
        if !heading {
            out.push_str(indent);
        }
        // [text](url) keeps both: the URL is contact data.
        let mut rest = t.replace("**", "").replace("__", "");
        // Each pass removes "](" and ")", so the loop ends.
        while let Some(a) = rest.find("](") {
            let Some(close) = rest[a + 2..].find(')') else { break };
            let b = a + 2 + close;
            let (open, label) = match rest[..a].rfind('[') {
                Some(o) => (o, rest[o + 1..a].to_string()),
                None => (a, String::new()),
            };
            let url = rest[a + 2..b].to_string();
            rest = format!("{}{label} {url}{}", &rest[..open], &rest[b + 1..]);
        }
        out.push_str(&rest);
        out.push('\n');
    }
    out
}

const BLOCK_TAGS: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "dt", "dd", "aside", "main", "address", "hr",
];

/// Text as a browser lays it out: whitespace in text collapses to one space, line breaks come
/// from block elements; scripts, styles and navigation menus are skipped; a link's target
/// follows its text unless the text already shows it.
fn html(src: &str) -> String {
    let mut out = String::with_capacity(src.len() / 2);
    let mut rest = src;
    let mut link: Option<(String, usize)> = None;
    // Two inline elements side by side with nothing but white space between them
    // ("<span>QA Engineer</span><span>Pendo</span>") are cells a stylesheet sets apart: their
    // texts are split by a tab, like columns, not run together or joined as one phrase.
    let (mut closed, mut cell) = (false, false);
    let push_text = |out: &mut String, raw: &str, cell: &mut bool| {
        let text = decode_entities(raw);
        if text.trim().is_empty() {
            if !text.is_empty() && !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
                out.push(' ');
            }
            return false;
        }
        if std::mem::take(cell) && !out.ends_with(['\n', '\t']) && !out.is_empty() {
            let kept = out.trim_end_matches(' ').len();
            out.truncate(kept);
            out.push('\t');
        }
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 && !out.ends_with([' ', '\n', '\t']) {
                out.push(' ');
            }
            out.push_str(word);
        }
        true
    };
    while let Some(lt) = rest.find('<') {
        if push_text(&mut out, &rest[..lt], &mut cell) {
            closed = false;
        }
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        rest = &rest[lt + gt + 1..];
        if matches!(name.as_str(), "script" | "style" | "nav" | "template") && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = match rest
                .as_bytes()
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
            {
                Some(i) => &rest[i..],
                None => "",
            };
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
            (closed, cell) = (false, false);
        } else if name == "td" || name == "th" {
            out.push('\t');
            (closed, cell) = (false, false);
        } else if matches!(name.as_str(), "br" | "hr" | "img") {
            (closed, cell) = (false, false);
        } else if tag.starts_with('/') {
            closed = !out.ends_with(['\n', '\t']) && !out.is_empty();
        } else if closed {
            cell = true;
        }
        if name == "a" {
            if tag.starts_with('/') {
                // Keep the link target: profiles and portfolios are contact data.
                if let Some((href, from)) = link.take() {
                    let bare = href
                        .trim_start_matches("mailto:")
                        .trim_start_matches("https://")
                        .trim_start_matches("http://");
                    let shown = out.get(from..).unwrap_or_default();
                    if !shown.contains(bare.trim_end_matches('/')) {
                        out.push_str(&format!(" {} ", href.trim_start_matches("mailto:")));
                    }
                }
            } else {
                link = attribute(tag, "href")
                    .filter(|h| h.starts_with("http") || h.starts_with("mailto:"))
                    .map(|h| (decode_entities(h), out.len()));
            }
        }
    }
    push_text(&mut out, rest, &mut cell);
    out
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let i = tag.to_lowercase().find(&format!("{name}="))?;
    let value = &tag[i + name.len() + 1..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    value.find(quote).map(|end| &value[..end])
}

/// HTML's named entities that resumes use: dashes, arrows and quotes around dates and names, and
/// the accented letters of Portuguese and Spanish (`&rarr;` stood for the range in a theme's
/// "2024-01 &rarr; Present").
const NAMED: &[(&str, char)] = &[
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("middot", '·'),
    ("bull", '•'),
    ("rarr", '→'),
    ("larr", '←'),
    ("harr", '↔'),
    ("rArr", '⇒'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("euro", '€'),
    ("pound", '£'),
    ("cent", '¢'),
    ("sect", '§'),
    ("ordm", 'º'),
    ("ordf", 'ª'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("aacute", 'á'),
    ("eacute", 'é'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("Aacute", 'Á'),
    ("Eacute", 'É'),
    ("Iacute", 'Í'),
    ("Oacute", 'Ó'),
    ("Uacute", 'Ú'),
    ("agrave", 'à'),
    ("Agrave", 'À'),
    ("acirc", 'â'),
    ("ecirc", 'ê'),
    ("ocirc", 'ô'),
    ("Acirc", 'Â'),
    ("Ecirc", 'Ê'),
    ("Ocirc", 'Ô'),
    ("atilde", 'ã'),
    ("otilde", 'õ'),
    ("Atilde", 'Ã'),
    ("Otilde", 'Õ'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("uuml", 'ü'),
    ("Uuml", 'Ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("euml", 'ë'),
    ("iuml", 'ï'),
];

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &tail[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => NAMED.iter().find(|(n, _)| *n == ent).map(|(_, c)| *c),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads one member of a DOCX/ODT zip, checking entry count and inflated size against limits.
fn read_member(bytes: &[u8], member: &str, format: Format, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed(format, format!("zip: {e}")))?;
    if archive.len() > limits.max_zip_entries {
        return Err(malformed(
            format,
            format!("{} zip entries, above the limit of {}", archive.len(), limits.max_zip_entries),
        ));
    }
    let file = archive.by_name(member).map_err(|e| malformed(format, format!("{member}: {e}")))?;
    if file.encrypted() {
        return Err(ExtractError::Unsupported(format!("{format:?} is encrypted")));
    }
    let mut out = Vec::new();
    // Read one byte past the budget: a member that inflates further is a zip bomb.
    let read = file
        .take(limits.max_decompressed_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| malformed(format, format!("{member}: {e}")))?;
    if read as u64 > limits.max_decompressed_bytes {
        return Err(malformed(
            format,
            format!("{member} inflates past {} bytes", limits.max_decompressed_bytes),
        ));
    }
    Ok(out)
}

/// What an XML event contributes to the text.
enum Piece<'a> {
    Text(std::borrow::Cow<'a, str>),
    Newline,
    Tab,
    Nothing,
}

fn docx_event<'a>(event: &'a Event<'a>) -> Piece<'a> {
    match event {
        Event::End(e) if e.name().as_ref() == b"w:p" => Piece::Newline,
        // A text box floats beside the paragraph that anchors it ("Education" and a summary
        // box): its paragraphs are lines of their own.
        Event::Start(e) if e.name().as_ref() == b"w:txbxContent" => Piece::Newline,
        Event::Empty(e) if e.name().as_ref() == b"w:br" || e.name().as_ref() == b"w:cr" => Piece::Newline,
        Event::Empty(e) if e.name().as_ref() == b"w:tab" => Piece::Tab,
        _ => Piece::Nothing,
    }
}

fn odt_event<'a>(event: &'a Event<'a>) -> Piece<'a> {
    match event {
        Event::End(e) if matches!(e.name().as_ref(), b"text:p" | b"text:h") => Piece::Newline,
        Event::Empty(e) if e.name().as_ref() == b"text:line-break" => Piece::Newline,
        Event::Empty(e) if e.name().as_ref() == b"text:tab" => Piece::Tab,
        Event::Empty(e) if e.name().as_ref() == b"text:s" => Piece::Text(" ".into()),
        _ => Piece::Nothing,
    }
}

fn office_xml(
    bytes: &[u8],
    member: &str,
    format: Format,
    limits: &Limits,
    piece: for<'a> fn(&'a Event<'a>) -> Piece<'a>,
) -> Result<String, ExtractError> {
    let xml = read_member(bytes, member, format, limits)?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut depth = 0usize;
    // DOCX text is the character data of `w:t` runs; other elements' text (a drawing's
    // `<wp:align>left</wp:align><wp:posOffset>635</wp:posOffset>`, field codes) is not the
    // document's. The fallback of an alternate content block repeats its choice.
    let docx = format == Format::Docx;
    let mut in_run_text = 0usize;
    let mut fallback = 0usize;
    loop {
        let event =
            reader.read_event_into(&mut buf).map_err(|e| malformed(format, format!("{member}: {e}")))?;
        match &event {
            Event::Eof => break,
            // No DTDs: entity declarations are how billion-laughs files attack.
            Event::DocType(_) => {
                return Err(malformed(format, "XML with a DOCTYPE is not a valid office document"));
            }
            Event::Start(e) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(malformed(format, format!("XML nested deeper than {}", limits.max_depth)));
                }
                match e.name().as_ref() {
                    b"w:t" => in_run_text += 1,
                    b"mc:Fallback" => fallback += 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.name().as_ref() {
                    b"w:t" => in_run_text = in_run_text.saturating_sub(1),
                    b"mc:Fallback" => fallback = fallback.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if !docx || (in_run_text > 0 && fallback == 0) => {
                let s = t.unescape().map_err(|e| malformed(format, format!("{member}: {e}")))?;
                out.push_str(&s);
            }
            _ => {}
        }
        if fallback > 0 {
            buf.clear();
            continue;
        }
        match piece(&event) {
            Piece::Text(s) => out.push_str(&s),
            Piece::Newline => out.push('\n'),
            Piece::Tab => out.push('\t'),
            Piece::Nothing => {}
        }
        if out.len() > limits.max_text_chars * 4 {
            break;
        }
        buf.clear();
    }
    Ok(out)
}

/// Groups whose text is not document text.
const RTF_SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "footer",
    "object",
    "listtable",
    "listoverridetable",
    "themedata",
    "datastore",
    "latentstyles",
    "generator",
];

fn rtf(bytes: &[u8], limits: &Limits) -> Result<String, ExtractError> {
    let mut out = String::new();
    let mut stray = 0;
    // Per open group: whether its text is skipped.
    let mut stack: Vec<bool> = Vec::new();
    let mut i = 0;
    let skipping = |stack: &[bool]| stack.last().copied().unwrap_or(false);
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                if stack.len() >= limits.max_depth {
                    return Err(malformed(
                        Format::Rtf,
                        format!("groups nested deeper than {}", limits.max_depth),
                    ));
                }
                let inherited = skipping(&stack);
                let star = bytes.get(i + 1..i + 3) == Some(b"\\*");
                stack.push(inherited || star);
                i += 1;
            }
            b'}' => {
                stack.pop();
                i += 1;
            }
            b'\\' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic() {
                    let start = i + 1;
                    let mut j = start;
                    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let word = std::str::from_utf8(&bytes[start..j]).unwrap_or_default();
                    let num_start = j;
                    if j < bytes.len() && (bytes[j] == b'-' || bytes[j].is_ascii_digit()) {
                        j += 1;
                        while j < bytes.len() && bytes[j].is_ascii_digit() {
                            j += 1;
                        }
                    }
                    let param: Option<i32> =
                        std::str::from_utf8(&bytes[num_start..j]).ok().and_then(|s| s.parse().ok());
                    if j < bytes.len() && bytes[j] == b' ' {
                        j += 1;
                    }
                    if RTF_SKIP.contains(&word) {
                        if let Some(top) = stack.last_mut() {
                            *top = true;
                        }
                    } else if !skipping(&stack) {
                        match word {
                            "par" | "line" | "row" | "sect" | "page" => out.push('\n'),
                            "tab" | "cell" => out.push('\t'),
                            "u" => {
                                if let Some(c) = param.and_then(|p| {
                                    char::from_u32(if p < 0 { (p + 65_536) as u32 } else { p as u32 })
                                }) {
                                    out.push(c);
                                }
                                // Skip the one-character fallback that follows \uN.
                                if j < bytes.len()
                                    && bytes[j] != b'\\'
                                    && bytes[j] != b'{'
                                    && bytes[j] != b'}'
                                {
                                    j += 1;
                                }
                            }
                            _ => {}
                        }
                    }
                    i = j;
                } else if next == b'\'' {
                    let hex = bytes
                        .get(i + 2..i + 4)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let (Some(b), false) = (hex, skipping(&stack)) {
                        out.push(b as char);
                    }
                    i += 4;
                } else {
                    if !skipping(&stack) && matches!(next, b'\\' | b'{' | b'}') {
                        out.push(next as char);
                    }
                    i += 2;
                }
            }
            b'\r' | b'\n' => i += 1,
            b => {
                if !skipping(&stack) {
                    // RTF is 7-bit text; raw 8-bit or control bytes in the body mean binary junk.
                    if b >= 0x80 || (b < 0x20 && b != b'\t') {
                        stray += 1;
                        if stray > 16 {
                            return Err(malformed(Format::Rtf, "binary data where RTF text should be"));
                        }
                    } else {
                        out.push(b as char);
                    }
                }
                i += 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        let limits = Limits::default();
        extract_text(bytes, crate::detect(bytes), &limits).expect("extracts")
    }

    #[test]
    fn arrow_marks_before_a_line_are_not_part_of_it() {
        assert_eq!(
            normalize(">> Códice Software Factory  —  Querétaro, Qro.\n  » Automaticé 35 casos"),
            "Códice Software Factory  —  Querétaro, Qro.\n  Automaticé 35 casos"
        );
    }

    #[test]
    fn a_wrapped_list_item_keeps_its_indentation_in_markdown() {
        let t =
            markdown("## Experiência\n  * Criação do rodízio, com runbooks e integração\n    PagerDuty.\n");
        assert_eq!(t, "Experiência\n  • Criação do rodízio, com runbooks e integração\n    PagerDuty.\n");
    }

    #[test]
    fn named_entities_of_dates_and_accents() {
        let t = text(b"<p>2024-01 &rarr; Present</p><p>Jos&eacute; Concei&ccedil;&atilde;o &ndash; S&atilde;o Paulo</p><p>&bogus; stays</p>");
        assert_eq!(
            t,
            "2024-01 \u{2192} Present\n\nJos\u{e9} Concei\u{e7}\u{e3}o \u{2013} S\u{e3}o Paulo\n\n&bogus; stays"
        );
    }

    #[test]
    fn a_typed_double_hyphen_between_words_is_a_dash() {
        let t = text(
            b"Data Analyst (Junior), Meadowlark Insurance Group -- Columbus, OH\n07/2024 - present\n--\n",
        );
        assert_eq!(
            t,
            "Data Analyst (Junior), Meadowlark Insurance Group \u{2014} Columbus, OH\n07/2024 - present\n--"
        );
    }

    #[test]
    fn html_keeps_blocks_links_and_entities() {
        let t = text(b"<html><style>p{}</style><body><h1>Ana Souza</h1><p>Dev &amp; lead<br>S&#xE3;o Paulo</p><a href=\"https://github.com/ana\">GitHub</a><script>x()</script></body></html>");
        assert_eq!(t, "Ana Souza\n\nDev & lead\nS\u{e3}o Paulo\nGitHub https://github.com/ana");
        let t = text(b"<div><p>04/2019\n      - Present</p><a href=\"https://x.example.com\">x.example.com</a><nav><a>Projects</a></nav></div>");
        assert_eq!(t, "04/2019 - Present\nx.example.com");
    }

    #[test]
    fn markdown_link_syntax_without_its_bracket() {
        // Found by cargo-fuzz (docx target): "](" with no "[" before it sliced backwards.
        assert_eq!(markdown("Acme](http)2j [x](y) z](w"), "Acme http2j x y z](w\n");
    }

    #[test]
    fn markdown_keeps_link_targets() {
        let t = text(b"# Ana Souza\n## Experience\n- **Backend** at [Acme](https://acme.example)\n");
        assert_eq!(t, "Ana Souza\nExperience\n\u{2022} Backend at Acme https://acme.example");
    }

    #[test]
    fn rtf_text_without_tables() {
        let t = text(b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}Ana Souza\\par Jo\\'e3o \\u233?cole\\par}");
        assert_eq!(t, "Ana Souza\nJo\u{e3}o \u{e9}cole");
    }

    #[test]
    fn rtf_depth_is_bounded() {
        let deep = format!("{{\\rtf1{}x", "{".repeat(10_000));
        let r = extract_text(deep.as_bytes(), Format::Rtf, &Limits::default());
        assert!(matches!(r, Err(ExtractError::Malformed { .. })));
    }

    #[test]
    fn a_pdf_without_structure_is_malformed_not_faked() {
        assert!(matches!(
            extract_text(b"%PDF-1.4", Format::Pdf, &Limits::default()),
            Err(ExtractError::Malformed { .. })
        ));
    }
}
