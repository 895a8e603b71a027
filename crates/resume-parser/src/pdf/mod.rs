//! PDF text in reading order. A bounded reader of our own: cross-reference tables and
//! streams (with a rebuild by scanning when they are broken), object streams, Flate and
//! ASCII filters, fonts with their ToUnicode maps, and the content operators that place
//! text. The layout pass ([`layout`]) turns placed glyph runs back into lines and reads a
//! two-column or sidebar page one column at a time.
//!
//! Every cost a file controls is bounded: nesting depth, decompressed bytes, pages, content
//! operators and form nesting. Encrypted files are refused, not guessed at.

mod content;
mod font;
mod layout;
mod lexer;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::ops::Deref;
use std::rc::Rc;

use lexer::{Dict, Lexer, Obj, Token, get};

use crate::extract::ExtractError;
use crate::{Format, Limits};

/// Deepest array/dictionary nesting read; real files stay under 10.
const MAX_OBJECT_DEPTH: usize = 64;
/// Longest /Prev chain of cross-reference sections followed.
const MAX_XREF_SECTIONS: usize = 64;

fn malformed(reason: impl Into<String>) -> ExtractError {
    ExtractError::Malformed { format: Format::Pdf, reason: reason.into() }
}

/// The text of a PDF, pages separated by blank lines.
pub(crate) fn text(bytes: &[u8], limits: &Limits) -> Result<String, ExtractError> {
    let doc = Document::open(bytes, limits)?;
    let pages = doc.pages()?;
    let mut budget = content::Budget::new(limits);
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let runs = content::runs(&doc, page, &mut budget).map_err(malformed)?;
        let text = layout::page_text(runs, i == 0);
        if !text.trim().is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
        if let Some(e) = doc.failure.take() {
            return Err(malformed(e));
        }
    }
    if out.trim().is_empty() && !doc.complete {
        return Err(malformed("the file is truncated or its structure is broken, and no text could be read"));
    }
    Ok(out)
}

/// Where an object lives.
#[derive(Debug, Clone, Copy)]
enum Location {
    Offset(usize),
    InStream { stream: u32, index: usize },
}

/// A decoded object stream: its objects' numbers and offsets into `data`.
struct ObjectStream {
    data: Vec<u8>,
    entries: Vec<(u32, usize)>,
}

/// An object either borrowed from its container or loaded from the file.
pub(crate) enum Resolved<'o> {
    Direct(&'o Obj),
    Loaded(Rc<Obj>),
}

impl Deref for Resolved<'_> {
    type Target = Obj;
    fn deref(&self) -> &Obj {
        match self {
            Resolved::Direct(o) => o,
            Resolved::Loaded(o) => o,
        }
    }
}

/// A page to read: its dictionary and the resources it inherits.
pub(crate) struct Page {
    pub(crate) dict: Rc<Obj>,
    pub(crate) resources: Option<Rc<Obj>>,
}

pub(crate) struct Document<'a> {
    data: &'a [u8],
    limits: Limits,
    xref: HashMap<u32, Location>,
    trailer: Dict,
    /// False when the cross-reference data had to be rebuilt or the file ends early.
    complete: bool,
    cache: RefCell<HashMap<u32, Rc<Obj>>>,
    object_streams: RefCell<HashMap<u32, Rc<ObjectStream>>>,
    loading: RefCell<HashSet<u32>>,
    inflate_left: Cell<u64>,
    /// A limit crossed while loading (reported once the page finishes).
    failure: Cell<Option<String>>,
}

impl<'a> Document<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, ExtractError> {
        let start =
            bytes.windows(5).position(|w| w == b"%PDF-").ok_or_else(|| malformed("no %PDF- header"))?;
        let data = &bytes[start..];
        let mut doc = Document {
            data,
            limits: *limits,
            xref: HashMap::new(),
            trailer: Vec::new(),
            complete: true,
            cache: RefCell::default(),
            object_streams: RefCell::default(),
            loading: RefCell::default(),
            inflate_left: Cell::new(limits.max_decompressed_bytes),
            failure: Cell::new(None),
        };
        let from_xref = doc.read_xref();
        if from_xref.is_err() || get(&doc.trailer, b"Root").is_none() {
            doc.complete = false;
            doc.rebuild_xref();
        }
        if !data[data.len().saturating_sub(1024)..].windows(5).any(|w| w == b"%%EOF") {
            doc.complete = false;
        }
        if get(&doc.trailer, b"Encrypt").is_some() {
            return Err(ExtractError::Unsupported(
                "the PDF is encrypted; its text cannot be read without the password".into(),
            ));
        }
        Ok(doc)
    }

    /// Follows `startxref` through tables and cross-reference streams, newest first.
    fn read_xref(&mut self) -> Result<(), String> {
        let tail_from = self.data.len().saturating_sub(2048);
        let at = self.data[tail_from..].windows(9).rposition(|w| w == b"startxref").ok_or("no startxref")?;
        let mut lexer = Lexer::new(self.data, tail_from + at + 9);
        let mut next = match lexer.token() {
            Ok(Some(Token::Value(Obj::Num(n)))) if n >= 0.0 => Some(n as usize),
            _ => return Err("bad startxref".into()),
        };
        let mut seen = HashSet::new();
        while let Some(offset) = next.take() {
            if !seen.insert(offset) || seen.len() > MAX_XREF_SECTIONS || offset >= self.data.len() {
                break;
            }
            let trailer = if self.data[offset..].starts_with(b"xref") {
                self.xref_table(offset)?
            } else {
                self.xref_stream(offset)?
            };
            if let Some(Obj::Num(stm)) = get(&trailer, b"XRefStm") {
                // Hybrid files: the stream holds the objects the table leaves out.
                let _ = self.xref_stream(*stm as usize);
            }
            next = get(&trailer, b"Prev").and_then(Obj::num).map(|n| n as usize);
            for (k, v) in trailer {
                if get(&self.trailer, &k).is_none() {
                    self.trailer.push((k, v));
                }
            }
        }
        Ok(())
    }

    fn xref_table(&mut self, offset: usize) -> Result<Dict, String> {
        let mut lexer = Lexer::new(self.data, offset + 4);
        loop {
            match lexer.token().map_err(|e| e.0)? {
                Some(Token::Keyword(k)) if k == b"trailer" => {
                    return match lexer.object(MAX_OBJECT_DEPTH).map_err(|e| e.0)? {
                        Obj::Dict(d) => Ok(d),
                        _ => Err("trailer is not a dictionary".into()),
                    };
                }
                Some(Token::Value(Obj::Num(first))) => {
                    let count = match lexer.token().map_err(|e| e.0)? {
                        Some(Token::Value(Obj::Num(n))) if n >= 0.0 => n as usize,
                        _ => return Err("bad xref subsection".into()),
                    };
                    if count > (self.data.len() - lexer.pos) / 18 + 1 {
                        return Err(format!("xref subsection claims {count} entries"));
                    }
                    for i in 0..count {
                        let (
                            Ok(Some(Token::Value(Obj::Num(off)))),
                            Ok(Some(_)),
                            Ok(Some(Token::Keyword(kind))),
                        ) = (lexer.token(), lexer.token(), lexer.token())
                        else {
                            return Err("bad xref entry".into());
                        };
                        let num = first as u32 + i as u32;
                        if kind == b"n" && off > 0.0 {
                            self.xref.entry(num).or_insert(Location::Offset(off as usize));
                        }
                    }
                }
                _ => return Err("bad xref table".into()),
            }
        }
    }

    fn xref_stream(&mut self, offset: usize) -> Result<Dict, String> {
        let (_, obj) = self.parse_at(offset)?;
        let Obj::Stream(dict, _) = &obj else { return Err("xref offset holds no stream".into()) };
        let data = self.stream_data(&obj)?;
        let widths: Vec<usize> = match get(dict, b"W") {
            Some(Obj::Array(w)) if w.len() == 3 => {
                w.iter().map(|n| n.num().unwrap_or(0.0) as usize).collect()
            }
            _ => return Err("xref stream without /W".into()),
        };
        if widths.iter().any(|&w| w > 8) {
            return Err("xref stream field wider than 8 bytes".into());
        }
        let size = get(dict, b"Size").and_then(Obj::num).unwrap_or(0.0) as u32;
        let ranges: Vec<(u32, u32)> = match get(dict, b"Index") {
            Some(Obj::Array(a)) => a
                .chunks(2)
                .filter_map(|p| Some((p.first()?.num()? as u32, p.get(1)?.num()? as u32)))
                .collect(),
            _ => vec![(0, size)],
        };
        let row: usize = widths.iter().sum();
        let field = |bytes: &[u8]| bytes.iter().fold(0usize, |acc, &b| acc << 8 | b as usize);
        let mut rows = data.chunks_exact(row.max(1));
        for (first, count) in ranges {
            for i in 0..count {
                let Some(r) = rows.next() else { break };
                let kind = if widths[0] == 0 { 1 } else { field(&r[..widths[0]]) };
                let a = field(&r[widths[0]..widths[0] + widths[1]]);
                let b = field(&r[widths[0] + widths[1]..]);
                let location = match kind {
                    1 => Location::Offset(a),
                    2 => Location::InStream { stream: a as u32, index: b },
                    _ => continue,
                };
                self.xref.entry(first.saturating_add(i)).or_insert(location);
            }
        }
        let mut trailer = dict.clone();
        trailer.retain(|(k, _)| k != b"Length" && k != b"Filter");
        Ok(trailer)
    }

    /// Rebuilds the cross-reference data by scanning for `n g obj`, as viewers do with a
    /// damaged file.
    fn rebuild_xref(&mut self) {
        self.xref.clear();
        let data = self.data;
        let mut i = 0;
        while let Some(found) = data[i..].windows(3).position(|w| w == b"obj") {
            let at = i + found;
            i = at + 3;
            // Walk back over "<num> <gen> ".
            let mut j = at;
            let digits_back = |j: &mut usize| {
                let end = *j;
                while *j > 0 && data[*j - 1].is_ascii_digit() {
                    *j -= 1;
                }
                end > *j
            };
            while j > 0 && lexer::is_white(data[j - 1]) {
                j -= 1;
            }
            if !digits_back(&mut j) {
                continue;
            }
            while j > 0 && lexer::is_white(data[j - 1]) {
                j -= 1;
            }
            let num_end = j;
            if !digits_back(&mut j) {
                continue;
            }
            if let Ok(num) = std::str::from_utf8(&data[j..num_end]).unwrap_or("").parse::<u32>() {
                self.xref.insert(num, Location::Offset(j));
            }
        }
        let mut root = None;
        let mut numbers: Vec<u32> = self.xref.keys().copied().collect();
        numbers.sort_unstable();
        for num in numbers {
            let obj = self.object(num);
            if let Some(d) = obj.dict() {
                if get(d, b"Type").and_then(Obj::name) == Some(b"Catalog") {
                    root = Some(num);
                }
                if get(d, b"Type").and_then(Obj::name) == Some(b"XRef") {
                    for key in [&b"Encrypt"[..], b"Root"] {
                        if let Some(v) = get(d, key) {
                            self.trailer.push((key.to_vec(), v.clone()));
                        }
                    }
                }
            }
        }
        if let Some(at) = data.windows(7).rposition(|w| w == b"trailer")
            && let Ok(Obj::Dict(d)) = Lexer::new(data, at + 7).object(MAX_OBJECT_DEPTH)
        {
            self.trailer.extend(d);
        }
        if get(&self.trailer, b"Root").is_none()
            && let Some(num) = root
        {
            self.trailer.push((b"Root".to_vec(), Obj::Ref(num)));
        }
    }

    /// Parses `n g obj <object> [stream ... endstream]` at `offset`.
    fn parse_at(&self, offset: usize) -> Result<(u32, Obj), String> {
        let mut lexer = Lexer::new(self.data, offset);
        let num = match (lexer.token(), lexer.token(), lexer.token()) {
            (
                Ok(Some(Token::Value(Obj::Num(n)))),
                Ok(Some(Token::Value(Obj::Num(_)))),
                Ok(Some(Token::Keyword(k))),
            ) if k == b"obj" => n as u32,
            _ => return Err(format!("no object at offset {offset}")),
        };
        let obj = lexer.object(MAX_OBJECT_DEPTH).map_err(|e| e.0)?;
        let Obj::Dict(dict) = obj else { return Ok((num, obj)) };
        lexer.skip_white();
        if !self.data[lexer.pos..].starts_with(b"stream") {
            return Ok((num, Obj::Dict(dict)));
        }
        let mut start = lexer.pos + 6;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = get(&dict, b"Length").and_then(|l| self.resolve(l).num()).map(|n| n.max(0.0) as usize);
        let end = declared
            .map(|len| start.saturating_add(len))
            .filter(|&end| {
                end <= self.data.len() && {
                    let mut l = Lexer::new(self.data, end);
                    l.skip_white();
                    self.data[l.pos..].starts_with(b"endstream")
                }
            })
            .or_else(|| {
                let found = self.data[start..].windows(9).position(|w| w == b"endstream")?;
                let mut end = start + found;
                while end > start && matches!(self.data[end - 1], b'\r' | b'\n') {
                    end -= 1;
                }
                Some(end)
            })
            .unwrap_or(self.data.len());
        Ok((num, Obj::Stream(dict, Rc::from(&self.data[start..end]))))
    }

    /// Object `num`, or null when it is missing or broken (as the format prescribes).
    pub(crate) fn object(&self, num: u32) -> Rc<Obj> {
        if let Some(o) = self.cache.borrow().get(&num) {
            return o.clone();
        }
        if !self.loading.borrow_mut().insert(num) {
            return Rc::new(Obj::Null);
        }
        let obj = match self.xref.get(&num) {
            Some(Location::Offset(off)) => {
                self.parse_at(*off).ok().filter(|(n, _)| *n == num).map(|(_, o)| o)
            }
            Some(Location::InStream { stream, index }) => self.in_object_stream(*stream, *index, num),
            None => None,
        };
        self.loading.borrow_mut().remove(&num);
        let obj = Rc::new(obj.unwrap_or(Obj::Null));
        self.cache.borrow_mut().insert(num, obj.clone());
        obj
    }

    fn in_object_stream(&self, stream: u32, index: usize, num: u32) -> Option<Obj> {
        let cached = self.object_streams.borrow().get(&stream).cloned();
        let objstm = match cached {
            Some(s) => s,
            None => {
                let obj = self.object(stream);
                let dict = obj.dict()?;
                let n = get(dict, b"N").and_then(Obj::num)? as usize;
                let first = get(dict, b"First").and_then(Obj::num)? as usize;
                let data = self.stream_data(&obj).ok()?;
                let mut lexer = Lexer::new(&data, 0);
                let mut entries = Vec::new();
                for _ in 0..n.min(data.len()) {
                    match (lexer.token(), lexer.token()) {
                        (Ok(Some(Token::Value(Obj::Num(a)))), Ok(Some(Token::Value(Obj::Num(b))))) => {
                            entries.push((a as u32, first.saturating_add(b as usize)));
                        }
                        _ => break,
                    }
                }
                let s = Rc::new(ObjectStream { data, entries });
                self.object_streams.borrow_mut().insert(stream, s.clone());
                s
            }
        };
        let (n, offset) =
            *objstm.entries.get(index).or_else(|| objstm.entries.iter().find(|(n, _)| *n == num))?;
        if n != num {
            return None;
        }
        Lexer::new(&objstm.data, offset).object(MAX_OBJECT_DEPTH).ok()
    }

    /// Follows a reference (chains included); a direct object is borrowed.
    pub(crate) fn resolve<'o>(&self, obj: &'o Obj) -> Resolved<'o> {
        let &Obj::Ref(mut num) = obj else { return Resolved::Direct(obj) };
        for _ in 0..8 {
            let o = self.object(num);
            match *o {
                Obj::Ref(next) => num = next,
                _ => return Resolved::Loaded(o),
            }
        }
        Resolved::Loaded(Rc::new(Obj::Null))
    }

    /// A stream's decoded data, within the document's decompression budget.
    pub(crate) fn stream_data(&self, stream: &Obj) -> Result<Vec<u8>, String> {
        let Obj::Stream(dict, raw) = stream else { return Err("not a stream".into()) };
        let filters: Vec<Vec<u8>> = match get(dict, b"Filter").map(|f| self.resolve(f)).as_deref() {
            Some(Obj::Name(n)) => vec![n.clone()],
            Some(Obj::Array(a)) => a.iter().filter_map(|f| f.name().map(<[u8]>::to_vec)).collect(),
            _ => Vec::new(),
        };
        let parms = get(dict, b"DecodeParms").or_else(|| get(dict, b"DP")).map(|p| self.resolve(p));
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            let parm = match parms.as_deref() {
                Some(Obj::Array(a)) => a.get(i).and_then(|p| p.dict()),
                Some(o) => o.dict(),
                None => None,
            };
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => predict(self.inflate(&data)?, parm)?,
                b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
                b"ASCII85Decode" | b"A85" => ascii85(&data),
                other => return Err(format!("{} streams are not read", String::from_utf8_lossy(other))),
            };
        }
        Ok(data)
    }

    fn inflate(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        let left = self.inflate_left.get();
        let mut out = Vec::new();
        let zlib = data.len() >= 2 && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
        let read: Box<dyn Read> = if zlib {
            Box::new(flate2::read::ZlibDecoder::new(data))
        } else {
            Box::new(flate2::read::DeflateDecoder::new(data))
        };
        // A damaged stream keeps what inflated before the damage.
        let _ = read.take(left + 1).read_to_end(&mut out);
        if out.len() as u64 > left {
            let reason = format!("streams inflate past {} bytes", self.limits.max_decompressed_bytes);
            self.failure.set(Some(reason.clone()));
            return Err(reason);
        }
        self.inflate_left.set(left - out.len() as u64);
        Ok(out)
    }

    /// The pages in order, each with the resources it inherits, at most `max_pages`.
    fn pages(&self) -> Result<Vec<Page>, ExtractError> {
        let root = get(&self.trailer, b"Root").map(|r| self.resolve(r));
        let Some(pages_ref) = root.as_deref().and_then(Obj::dict).and_then(|d| get(d, b"Pages")).cloned()
        else {
            return Err(malformed("no document catalog with a page tree"));
        };
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut stack: Vec<(Obj, Option<Rc<Obj>>)> = vec![(pages_ref, None)];
        while let Some((node_ref, inherited)) = stack.pop() {
            if let Obj::Ref(n) = node_ref
                && !seen.insert(n)
            {
                continue;
            }
            let node = match self.resolve(&node_ref) {
                Resolved::Loaded(o) => o,
                Resolved::Direct(o) => Rc::new(o.clone()),
            };
            let Some(dict) = node.dict() else { continue };
            let resources = match get(dict, b"Resources") {
                Some(r) => Some(match self.resolve(r) {
                    Resolved::Loaded(o) => o,
                    Resolved::Direct(o) => Rc::new(o.clone()),
                }),
                None => inherited,
            };
            if let Some(kids) = get(dict, b"Kids") {
                if let Obj::Array(kids) = &*self.resolve(kids) {
                    for kid in kids.iter().rev() {
                        stack.push((kid.clone(), resources.clone()));
                    }
                }
                continue;
            }
            if out.len() >= self.limits.max_pages {
                break;
            }
            out.push(Page { dict: node.clone(), resources });
        }
        Ok(out)
    }
}

/// Undoes PNG row predictors (Predictor >= 10), as cross-reference streams use.
fn predict(data: Vec<u8>, parms: Option<&Dict>) -> Result<Vec<u8>, String> {
    let Some(parms) = parms else { return Ok(data) };
    let predictor = get(parms, b"Predictor").and_then(Obj::num).unwrap_or(1.0) as u32;
    if predictor < 10 {
        return Ok(data);
    }
    let columns = get(parms, b"Columns").and_then(Obj::num).unwrap_or(1.0).clamp(1.0, 1e6) as usize;
    let colors = get(parms, b"Colors").and_then(Obj::num).unwrap_or(1.0).clamp(1.0, 32.0) as usize;
    let bpc = get(parms, b"BitsPerComponent").and_then(Obj::num).unwrap_or(8.0).clamp(1.0, 16.0) as usize;
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row = (columns * colors * bpc).div_ceil(8);
    // A row longer than the data is a lie of the file: nothing to undo, and no buffer of
    // the size it claims.
    if row == 0 || row >= data.len() {
        return Ok(data);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        if chunk.len() < row + 1 {
            break;
        }
        let (kind, src) = (chunk[0], &chunk[1..]);
        let mut cur = vec![0u8; row];
        for i in 0..row {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = src[i].wrapping_add(match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return Err(format!("unknown PNG predictor {kind}")),
            });
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut hex = b"<".to_vec();
    hex.extend(data.iter().take_while(|&&b| b != b'>'));
    hex.push(b'>');
    match Lexer::new(&hex, 0).token() {
        Ok(Some(Token::Value(Obj::Str(s)))) => s,
        _ => Vec::new(),
    }
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group = [0u32; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = u32::from(b - b'!');
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_predictor_rows_are_bounded_by_the_data() {
        let parms: Dict = vec![(b"Predictor".to_vec(), Obj::Num(12.0)), (b"Columns".to_vec(), Obj::Num(1e6))];
        assert_eq!(predict(vec![2, 1, 2, 3], Some(&parms)).unwrap(), vec![2, 1, 2, 3]);
        let parms: Dict = vec![(b"Predictor".to_vec(), Obj::Num(12.0)), (b"Columns".to_vec(), Obj::Num(2.0))];
        // Two rows of "up" filtering: the second adds the first.
        assert_eq!(predict(vec![2, 1, 2, 2, 1, 1], Some(&parms)).unwrap(), vec![1, 2, 2, 3]);
    }

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"41 42 4>"), b"AB@");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo7~>"), b"Hello World");
    }
}

#[cfg(test)]
mod placed_text {
    /// A one-page PDF showing `content` in Helvetica, with a correct cross-reference table.
    fn pdf(content: &str) -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").bytes());
        }
        out.extend(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
                .bytes(),
        );
        out
    }

    #[test]
    fn a_move_before_a_runs_first_glyph_is_not_part_of_the_run() {
        // pdfTeX sets moderncv's label, then moves to the items column inside the next TJ.
        let content =
            "BT /F1 10 Tf 50 700 Td (Frontend) Tj ET BT /F1 10 Tf 92 700 Td [-900 (React, Vite)] TJ ET";
        let text = super::text(&pdf(content), &crate::Limits::default()).unwrap();
        assert_eq!(text.trim_end(), "Frontend\tReact, Vite");
    }
}
