//! Fonts as far as text needs them: which bytes make one character code, what Unicode text a
//! code stands for (ToUnicode map first, then the simple-font encoding), and how wide it is.

use std::collections::HashMap;

use super::Document;
use super::lexer::{Dict, Lexer, Obj, Token, get};

/// Bytes 0x80..=0xFF of MacRomanEncoding.
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
/// Bytes 0x80..=0x9F of WinAnsiEncoding (the rest is Latin-1); `\0` marks unused codes.
const WIN_ANSI_80: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";
/// Glyph names of Latin-1 0xA0..=0xFF, for /Differences arrays.
const LATIN1_NAMES: [&str; 96] = [
    "space",
    "exclamdown",
    "cent",
    "sterling",
    "currency",
    "yen",
    "brokenbar",
    "section",
    "dieresis",
    "copyright",
    "ordfeminine",
    "guillemotleft",
    "logicalnot",
    "hyphen",
    "registered",
    "macron",
    "degree",
    "plusminus",
    "twosuperior",
    "threesuperior",
    "acute",
    "mu",
    "paragraph",
    "periodcentered",
    "cedilla",
    "onesuperior",
    "ordmasculine",
    "guillemotright",
    "onequarter",
    "onehalf",
    "threequarters",
    "questiondown",
    "Agrave",
    "Aacute",
    "Acircumflex",
    "Atilde",
    "Adieresis",
    "Aring",
    "AE",
    "Ccedilla",
    "Egrave",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Igrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Eth",
    "Ntilde",
    "Ograve",
    "Oacute",
    "Ocircumflex",
    "Otilde",
    "Odieresis",
    "multiply",
    "Oslash",
    "Ugrave",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Yacute",
    "Thorn",
    "germandbls",
    "agrave",
    "aacute",
    "acircumflex",
    "atilde",
    "adieresis",
    "aring",
    "ae",
    "ccedilla",
    "egrave",
    "eacute",
    "ecircumflex",
    "edieresis",
    "igrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "eth",
    "ntilde",
    "ograve",
    "oacute",
    "ocircumflex",
    "otilde",
    "odieresis",
    "divide",
    "oslash",
    "ugrave",
    "uacute",
    "ucircumflex",
    "udieresis",
    "yacute",
    "thorn",
    "ydieresis",
];
/// Glyph names of printable ASCII 0x20..=0x7E that are not the character itself.
const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];
const OTHER_NAMES: [(&str, &str); 22] = [
    ("quoteright", "’"),
    ("quoteleft", "‘"),
    ("quotedblleft", "“"),
    ("quotedblright", "”"),
    ("quotesinglbase", "‚"),
    ("quotedblbase", "„"),
    ("endash", "–"),
    ("emdash", "—"),
    ("bullet", "•"),
    ("ellipsis", "…"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("dagger", "†"),
    ("trademark", "™"),
    ("Euro", "€"),
    ("minus", "−"),
    ("OE", "Œ"),
    ("oe", "œ"),
    ("dotlessi", "ı"),
];
/// Helvetica's widths for 0x20..=0x7E (its AFM), used for base-14 fonts that list none.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
    500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The Unicode text of a glyph name (Adobe Glyph List conventions, the common part).
fn glyph_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.contains('_') {
        return base.split('_').map(glyph_text).collect();
    }
    if let Some(hex) = base.strip_prefix("uni")
        && hex.len() % 4 == 0
        && !hex.is_empty()
    {
        let units: Option<Vec<u16>> = hex
            .as_bytes()
            .chunks(4)
            .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        return Some(String::from_utf16_lossy(&units?));
    }
    if let Some(hex) = base.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Ok(v) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(v).map(String::from);
    }
    if let Some(i) = ASCII_NAMES.iter().position(|n| *n == base) {
        return Some(char::from(0x20 + i as u8).to_string());
    }
    if let Some(i) = LATIN1_NAMES.iter().position(|n| *n == base) {
        return char::from_u32(0xA0 + i as u32).map(String::from);
    }
    OTHER_NAMES.iter().find(|(n, _)| *n == base).map(|(_, t)| (*t).to_string())
}

/// Text per single-byte code.
type Encoding = Vec<Option<String>>;

fn base_encoding(name: &[u8]) -> Encoding {
    let mut table = [None; 256];
    for (i, slot) in table.iter_mut().enumerate().take(0x7F).skip(0x20) {
        *slot = Some(i as u8 as char);
    }
    match name {
        b"MacRomanEncoding" => {
            for (i, c) in MAC_ROMAN_HIGH.chars().enumerate() {
                table[0x80 + i] = Some(c);
            }
        }
        _ => {
            for (i, c) in WIN_ANSI_80.chars().enumerate() {
                table[0x80 + i] = (c != '\0').then_some(c);
            }
            for (i, slot) in table.iter_mut().enumerate().skip(0xA0) {
                *slot = char::from_u32(i as u32);
            }
            if name == b"StandardEncoding" {
                table[0x27] = Some('’');
                table[0x60] = Some('‘');
            }
        }
    }
    table.iter().map(|c| c.map(String::from)).collect()
}

/// A ToUnicode CMap: single codes and ranges of codes to text.
#[derive(Default)]
struct CMap {
    chars: HashMap<u32, String>,
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// Byte length of codes, when every codespace range agrees.
    code_len: Option<usize>,
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16be(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks(2).map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0))).collect()
}

/// Most single mappings a CMap may list; real ones list a few thousand.
const MAX_CMAP_ENTRIES: usize = 100_000;

impl CMap {
    fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::new(data, 0);
        let mut operands: Vec<Obj> = Vec::new();
        let mut lens: Vec<usize> = Vec::new();
        while let Ok(Some(token)) = lexer.token() {
            match token {
                Token::ArrayStart => {
                    lexer.pos -= 1;
                    match lexer.object(4) {
                        Ok(o) => operands.push(o),
                        Err(_) => break,
                    }
                }
                Token::Value(v) => operands.push(v),
                Token::Keyword(k) => {
                    match k.as_slice() {
                        b"endcodespacerange" => {
                            for pair in operands.chunks(2) {
                                if let [Obj::Str(lo), _] = pair {
                                    lens.push(lo.len());
                                }
                            }
                        }
                        b"endbfchar" => {
                            for pair in operands.chunks(2) {
                                if let [Obj::Str(src), Obj::Str(dst)] = pair
                                    && cmap.chars.len() < MAX_CMAP_ENTRIES
                                {
                                    cmap.chars.insert(code_of(src), String::from_utf16_lossy(&utf16be(dst)));
                                }
                            }
                        }
                        b"endbfrange" => {
                            for triple in operands.chunks(3) {
                                match triple {
                                    [Obj::Str(lo), Obj::Str(hi), Obj::Str(dst)] => {
                                        cmap.ranges.push((code_of(lo), code_of(hi), utf16be(dst)));
                                    }
                                    [Obj::Str(lo), Obj::Str(_), Obj::Array(dsts)] => {
                                        for (i, d) in dsts.iter().enumerate().take(MAX_CMAP_ENTRIES) {
                                            if let Obj::Str(d) = d {
                                                cmap.chars.insert(
                                                    code_of(lo).saturating_add(i as u32),
                                                    String::from_utf16_lossy(&utf16be(d)),
                                                );
                                            }
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                    operands.clear();
                }
                _ => operands.clear(),
            }
            if operands.len() > 3 * MAX_CMAP_ENTRIES {
                break;
            }
        }
        if !lens.is_empty() && lens.iter().all(|&l| l == lens[0]) {
            cmap.code_len = Some(lens[0]);
        }
        cmap
    }

    fn lookup(&self, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&code) {
            return Some(s.clone());
        }
        let (lo, _, base) = self.ranges.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&code))?;
        let mut units = base.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add((code - lo) as u16);
        Some(String::from_utf16_lossy(&units))
    }
}

enum Widths {
    Simple { first: u32, widths: Vec<f64>, missing: f64 },
    Cid { default: f64, ranges: Vec<(u32, u32, f64)> },
    Fixed(f64),
    Helvetica,
}

pub(crate) struct Font {
    code_len: usize,
    to_unicode: Option<CMap>,
    encoding: Option<Encoding>,
    widths: Widths,
    /// Glyph space to text space: 1/1000, or a Type3 font's matrix.
    scale: f64,
}

/// One character code of a shown string.
pub(crate) struct Glyph {
    pub(crate) text: Option<String>,
    /// Advance in text-space units per unit of font size.
    pub(crate) width: f64,
    /// A single-byte code 32, which word spacing applies to.
    pub(crate) word_space: bool,
}

impl Font {
    /// The font used when a content stream names one that does not exist: bytes as Latin-1.
    pub(crate) fn fallback() -> Font {
        Font {
            code_len: 1,
            to_unicode: None,
            encoding: Some(base_encoding(b"WinAnsiEncoding")),
            widths: Widths::Helvetica,
            scale: 0.001,
        }
    }

    pub(crate) fn load(doc: &Document<'_>, obj: &Obj) -> Font {
        let resolved = doc.resolve(obj);
        let Some(dict) = resolved.dict() else { return Font::fallback() };
        let subtype = get(dict, b"Subtype").and_then(Obj::name).unwrap_or(b"");
        let to_unicode = get(dict, b"ToUnicode").and_then(|t| {
            let stream = doc.resolve(t);
            doc.stream_data(&stream).ok().map(|d| CMap::parse(&d))
        });
        if subtype == b"Type0" {
            let descendant = get(dict, b"DescendantFonts").map(|d| doc.resolve(d));
            let cid_font = match descendant.as_deref() {
                Some(Obj::Array(a)) => a.first().map(|f| doc.resolve(f).clone()),
                _ => None,
            };
            let widths = cid_font.as_ref().and_then(Obj::dict).map(|d| cid_widths(doc, d));
            return Font {
                code_len: to_unicode
                    .as_ref()
                    .and_then(|c| c.code_len)
                    .filter(|&l| l <= 4)
                    .unwrap_or(2)
                    .max(1),
                to_unicode,
                encoding: None,
                widths: widths.unwrap_or(Widths::Fixed(1.0)),
                scale: 0.001,
            };
        }
        let base_font = get(dict, b"BaseFont").and_then(Obj::name).unwrap_or(b"");
        let encoding = simple_encoding(doc, dict);
        let scale = match get(dict, b"FontMatrix").map(|m| doc.resolve(m)).as_deref() {
            Some(Obj::Array(m)) if subtype == b"Type3" => m.first().and_then(Obj::num).unwrap_or(0.001),
            _ => 0.001,
        };
        let widths = match get(dict, b"Widths").map(|w| doc.resolve(w)).as_deref() {
            Some(Obj::Array(w)) => Widths::Simple {
                first: get(dict, b"FirstChar").and_then(Obj::num).unwrap_or(0.0).max(0.0) as u32,
                widths: w.iter().map(|n| doc.resolve(n).num().unwrap_or(0.0)).collect(),
                missing: get(dict, b"FontDescriptor")
                    .map(|d| doc.resolve(d))
                    .and_then(|d| d.dict().and_then(|d| get(d, b"MissingWidth")).and_then(Obj::num))
                    .unwrap_or(0.0),
            },
            _ if base_font.starts_with(b"Courier") => Widths::Fixed(600.0),
            _ => Widths::Helvetica,
        };
        Font { code_len: 1, to_unicode, encoding: Some(encoding), widths, scale }
    }

    /// Splits a shown string into glyphs.
    pub(crate) fn glyphs<'b>(&'b self, bytes: &'b [u8]) -> impl Iterator<Item = Glyph> + 'b {
        bytes.chunks(self.code_len).map(move |chunk| {
            let code = code_of(chunk);
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|c| c.lookup(code))
                .or_else(|| self.encoding.as_ref().and_then(|e| e.get(code as usize)?.clone()));
            Glyph { text, width: self.width(code) * self.scale, word_space: self.code_len == 1 && code == 32 }
        })
    }

    fn width(&self, code: u32) -> f64 {
        match &self.widths {
            Widths::Simple { first, widths, missing } => {
                code.checked_sub(*first).and_then(|i| widths.get(i as usize)).copied().unwrap_or(*missing)
            }
            Widths::Cid { default, ranges } => {
                ranges.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&code)).map_or(*default, |r| r.2)
            }
            Widths::Fixed(w) => *w,
            Widths::Helvetica => code
                .checked_sub(0x20)
                .and_then(|i| HELVETICA_WIDTHS.get(i as usize))
                .map_or(556.0, |&w| f64::from(w)),
        }
    }
}

fn simple_encoding(doc: &Document<'_>, dict: &Dict) -> Encoding {
    let Some(enc) = get(dict, b"Encoding") else { return base_encoding(b"StandardEncoding") };
    let enc = doc.resolve(enc);
    match &*enc {
        Obj::Name(n) => base_encoding(n),
        Obj::Dict(d) => {
            let base = get(d, b"BaseEncoding").and_then(Obj::name).unwrap_or(b"StandardEncoding");
            let mut table = base_encoding(base);
            if let Some(Obj::Array(diffs)) = get(d, b"Differences").map(|x| doc.resolve(x)).as_deref() {
                let mut code = 0usize;
                for item in diffs {
                    match item {
                        Obj::Num(n) => code = n.max(0.0) as usize,
                        Obj::Name(name) => {
                            if let Some(slot) = table.get_mut(code) {
                                *slot = glyph_text(&String::from_utf8_lossy(name));
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
            table
        }
        _ => base_encoding(b"StandardEncoding"),
    }
}

fn cid_widths(doc: &Document<'_>, dict: &Dict) -> Widths {
    let default = get(dict, b"DW").and_then(Obj::num).unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(Obj::Array(w)) = get(dict, b"W").map(|w| doc.resolve(w)).as_deref() {
        let mut i = 0;
        while i + 1 < w.len() && ranges.len() < MAX_CMAP_ENTRIES {
            let Some(first) = w[i].num() else { break };
            let first = first.max(0.0) as u32;
            match &*doc.resolve(&w[i + 1]) {
                Obj::Array(list) => {
                    for (k, width) in list.iter().enumerate() {
                        let c = first.saturating_add(k as u32);
                        ranges.push((c, c, width.num().unwrap_or(default)));
                    }
                    i += 2;
                }
                Obj::Num(last) => {
                    let width = w.get(i + 2).and_then(Obj::num).unwrap_or(default);
                    ranges.push((first, last.max(0.0) as u32, width));
                    i += 3;
                }
                _ => break,
            }
        }
    }
    Widths::Cid { default, ranges }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_text("eacute").as_deref(), Some("é"));
        assert_eq!(glyph_text("uni00E7").as_deref(), Some("ç"));
        assert_eq!(glyph_text("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text("zero").as_deref(), Some("0"));
        assert_eq!(glyph_text("nonsense"), None);
        assert_eq!(MAC_ROMAN_HIGH.chars().count(), 128);
        assert_eq!(WIN_ANSI_80.chars().count(), 32);
    }

    #[test]
    fn to_unicode_maps() {
        let cmap = CMap::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange
              2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
              1 beginbfrange <0024> <0026> <0041> endbfrange
              1 beginbfrange <0030> <0031> [<00E9> <00E7>] endbfrange",
        );
        assert_eq!(cmap.code_len, Some(2));
        assert_eq!(cmap.lookup(0x11).as_deref(), Some("fi"));
        assert_eq!(cmap.lookup(0x25).as_deref(), Some("B"));
        assert_eq!(cmap.lookup(0x31).as_deref(), Some("ç"));
        assert_eq!(cmap.lookup(0x99), None);
    }
}
