//! Format detection from content: magic numbers, archive members and markup, never file names.

use std::io::Cursor;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Html,
    Markdown,
    Text,
    Rtf,
    /// A picture (PNG, JPEG, GIF, TIFF): there is no text layer to read.
    Image,
    /// A zip that is not a DOCX or ODT document.
    Archive,
    Unknown,
}

/// Tells the format of `bytes`.
pub fn detect(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF-") || find(head, b"%PDF-").is_some() {
        return Format::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") {
        return office_kind(bytes);
    }
    if head.starts_with(b"{\\rtf") {
        return Format::Rtf;
    }
    if utf16_units(bytes).is_some() {
        return Format::Text;
    }
    let images: [&[u8]; 6] = [b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\0", b"MM\0*"];
    if images.iter().any(|m| head.starts_with(m)) {
        return Format::Image;
    }
    let Ok(text) = std::str::from_utf8(bytes).or_else(|e| {
        // A multi-byte character cut at the end of a truncated file still counts as text.
        if e.valid_up_to() + 4 >= bytes.len() {
            std::str::from_utf8(&bytes[..e.valid_up_to()])
        } else {
            Err(e)
        }
    }) else {
        return if looks_like_latin1_text(bytes) { Format::Text } else { Format::Unknown };
    };
    if text.chars().take(4096).filter(|c| c.is_control() && !c.is_whitespace()).count() > 8 {
        return Format::Unknown;
    }
    let lower: String = text.chars().take(4096).collect::<String>().to_lowercase();
    if ["<!doctype html", "<html", "<body", "<div", "<p>", "<h1", "<table"].iter().any(|t| lower.contains(t))
    {
        return Format::Html;
    }
    let md_lines = text
        .lines()
        .take(200)
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("# ")
                || t.starts_with("## ")
                || t.starts_with("### ")
                || t.starts_with("**")
                || t.starts_with("* ")
        })
        .count();
    if md_lines >= 2 || text.contains("](http") {
        return Format::Markdown;
    }
    Format::Text
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The UTF-16 code units of text that starts with a UTF-16 byte-order mark (Windows
/// Notepad's "Unicode"), or `None`.
pub(crate) fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    let le = bytes.starts_with(b"\xff\xfe");
    if !le && !bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
        .collect();
    // Text, not a binary file that happens to start with FF FE: few control characters.
    let controls = units.iter().take(4096).filter(|&&u| u < 0x20 && !matches!(u, 9 | 10 | 13)).count();
    (controls * 20 <= units.len().min(4096)).then_some(units)
}

/// Legacy 8-bit text: printable bytes and whitespace only.
fn looks_like_latin1_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    !sample.is_empty()
        && sample.iter().all(|&b| b >= 0x20 || b == b'\n' || b == b'\r' || b == b'\t')
        && sample.iter().any(|&b| b < 0x80)
}

fn office_kind(bytes: &[u8]) -> Format {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Format::Archive;
    };
    let names: Vec<String> =
        archive.file_names().take(5_000).filter_map(|n| n.ok()).map(|n| n.into_owned()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("word/document.xml") {
        Format::Docx
    } else if has("content.xml") && has("mimetype") {
        Format::Odt
    } else {
        Format::Archive
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_content() {
        assert_eq!(detect(b"%PDF-1.7\n..."), Format::Pdf);
        assert_eq!(detect(b"{\\rtf1\\ansi Hello}"), Format::Rtf);
        assert_eq!(detect(b"<!DOCTYPE html><html><body><p>Ana</p></body></html>"), Format::Html);
        assert_eq!(detect(b"# Ana Silva\n\n## Experience\n- Backend at Acme"), Format::Markdown);
        assert_eq!(detect(b"Ana Silva\nExperience\nBackend at Acme"), Format::Text);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0"), Format::Image);
        assert_eq!(detect(&[0u8, 159, 146, 150, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), Format::Unknown);
        assert_eq!(detect(b""), Format::Text);
        assert_eq!(detect(b"\xff\xfeA\0n\0a\0"), Format::Text);
    }
}
