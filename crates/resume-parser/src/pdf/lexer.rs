//! PDF tokens and objects. The object parser keeps its own stack of open arrays and
//! dictionaries, so a file of 100,000 `[` costs a depth check, not the thread's stack.

use std::rc::Rc;

/// A PDF object. Streams keep their dictionary and the byte range of their raw data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    Stream(Dict, Rc<[u8]>),
}

pub(crate) type Dict = Vec<(Vec<u8>, Obj)>;

impl Obj {
    pub(crate) fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }

    pub(crate) fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }

    pub(crate) fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
}

/// The value of `key` in a dictionary.
pub(crate) fn get<'a>(dict: &'a Dict, key: &[u8]) -> Option<&'a Obj> {
    dict.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// One lexical token: an object's start or end, a scalar, or a bare keyword (operators,
/// `obj`, `stream`, `R`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Value(Obj),
    Keyword(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError(pub(crate) String);

pub(crate) fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

pub(crate) struct Lexer<'a> {
    pub(crate) data: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(data: &'a [u8], pos: usize) -> Self {
        Self { data, pos: pos.min(data.len()) }
    }

    pub(crate) fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.data.get(self.pos).is_some_and(|&b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the data.
    pub(crate) fn token(&mut self) -> Result<Option<Token>, SyntaxError> {
        self.skip_white();
        let Some(&b) = self.data.get(self.pos) else { return Ok(None) };
        let token = match b {
            b'[' => {
                self.pos += 1;
                Token::ArrayStart
            }
            b']' => {
                self.pos += 1;
                Token::ArrayEnd
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Token::DictStart
            }
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Token::DictEnd
            }
            b'<' => Token::Value(Obj::Str(self.hex_string())),
            b'(' => Token::Value(Obj::Str(self.literal_string())),
            b'/' => Token::Value(Obj::Name(self.name())),
            b'+' | b'-' | b'.' | b'0'..=b'9' => Token::Value(self.number()),
            b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Token::Keyword(vec![b])
            }
            _ => {
                let start = self.pos;
                while self.data.get(self.pos).is_some_and(|&b| !is_white(b) && !is_delimiter(b)) {
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                match word {
                    b"true" => Token::Value(Obj::Bool(true)),
                    b"false" => Token::Value(Obj::Bool(false)),
                    b"null" => Token::Value(Obj::Null),
                    _ => Token::Keyword(word.to_vec()),
                }
            }
        };
        Ok(Some(token))
    }

    fn number(&mut self) -> Obj {
        let start = self.pos;
        self.pos += 1;
        while self.data.get(self.pos).is_some_and(|&b| b.is_ascii_digit() || b == b'.' || b == b'-') {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.data[start..self.pos]).unwrap_or("0");
        // Producers write "--5" and "5.-"; read what can be read, else zero (as viewers do).
        let value = text.parse::<f64>().or_else(|_| text.trim_start_matches(['+', '-']).parse::<f64>());
        Obj::Num(value.unwrap_or(0.0))
    }

    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) || is_delimiter(b) {
                break;
            }
            if b == b'#'
                && let (Some(h), Some(l)) = (
                    self.data.get(self.pos + 1).copied().and_then(hex_value),
                    self.data.get(self.pos + 2).copied().and_then(hex_value),
                )
            {
                out.push(h << 4 | l);
                self.pos += 3;
                continue;
            }
            out.push(b);
            self.pos += 1;
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_value(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    /// One complete object, references (`n g R`) included, with arrays and dictionaries
    /// nested at most `max_depth` deep.
    pub(crate) fn object(&mut self, max_depth: usize) -> Result<Obj, SyntaxError> {
        enum Open {
            Array(Vec<Obj>),
            Dict(Dict, Option<Vec<u8>>),
        }
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let token = self.token()?.ok_or_else(|| SyntaxError("unexpected end of data".into()))?;
            let value = match token {
                Token::ArrayStart | Token::DictStart => {
                    if stack.len() >= max_depth {
                        return Err(SyntaxError(format!("objects nested deeper than {max_depth}")));
                    }
                    stack.push(if token == Token::ArrayStart {
                        Open::Array(Vec::new())
                    } else {
                        Open::Dict(Vec::new(), None)
                    });
                    continue;
                }
                Token::ArrayEnd => match stack.pop() {
                    Some(Open::Array(items)) => Obj::Array(items),
                    _ => return Err(SyntaxError("unbalanced ]".into())),
                },
                Token::DictEnd => match stack.pop() {
                    Some(Open::Dict(items, _)) => Obj::Dict(items),
                    _ => return Err(SyntaxError("unbalanced >>".into())),
                },
                Token::Value(Obj::Num(n)) => self.maybe_reference(n),
                Token::Value(v) => v,
                Token::Keyword(k) => {
                    // Inside containers a stray keyword is skipped, as readers do; alone it is
                    // not an object.
                    if stack.is_empty() {
                        return Err(SyntaxError(format!(
                            "expected an object, found {:?}",
                            String::from_utf8_lossy(&k)
                        )));
                    }
                    if k == b"endobj" || k == b"stream" {
                        return Err(SyntaxError("unterminated container".into()));
                    }
                    continue;
                }
            };
            match stack.last_mut() {
                None => return Ok(value),
                Some(Open::Array(items)) => items.push(value),
                Some(Open::Dict(items, key)) => match key.take() {
                    Some(k) => items.push((k, value)),
                    None => match value {
                        Obj::Name(n) => *key = Some(n),
                        _ => return Err(SyntaxError("dictionary key is not a name".into())),
                    },
                },
            }
        }
    }

    /// After a number: `g R` makes it a reference, anything else leaves it a number.
    fn maybe_reference(&mut self, n: f64) -> Obj {
        let save = self.pos;
        if n >= 0.0 && n.fract() == 0.0 && n < f64::from(u32::MAX) {
            self.skip_white();
            let gen_start = self.pos;
            while self.data.get(self.pos).is_some_and(u8::is_ascii_digit) {
                self.pos += 1;
            }
            if self.pos > gen_start {
                self.skip_white();
                if self.data.get(self.pos) == Some(&b'R')
                    && self.data.get(self.pos + 1).is_none_or(|&b| is_white(b) || is_delimiter(b))
                {
                    self.pos += 1;
                    return Obj::Ref(n as u32);
                }
            }
        }
        self.pos = save;
        Obj::Num(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(src: &str) -> Result<Obj, SyntaxError> {
        Lexer::new(src.as_bytes(), 0).object(64)
    }

    #[test]
    fn objects() {
        let dict =
            obj("<< /Type /Page /Kids [1 0 R 2 0 R] /N -3.5 /S (a\\(b\\)\\101) /H <4142 3> >>").unwrap();
        let Obj::Dict(d) = dict else { panic!("dict") };
        assert_eq!(get(&d, b"Type"), Some(&Obj::Name(b"Page".to_vec())));
        assert_eq!(get(&d, b"Kids"), Some(&Obj::Array(vec![Obj::Ref(1), Obj::Ref(2)])));
        assert_eq!(get(&d, b"N"), Some(&Obj::Num(-3.5)));
        assert_eq!(get(&d, b"S"), Some(&Obj::Str(b"a(b)A".to_vec())));
        assert_eq!(get(&d, b"H"), Some(&Obj::Str(vec![0x41, 0x42, 0x30])));
        assert_eq!(obj("/A#20B").unwrap(), Obj::Name(b"A B".to_vec()));
        assert_eq!(obj("12 0 obj").unwrap(), Obj::Num(12.0));
    }

    #[test]
    fn depth_is_bounded_without_recursion() {
        let deep = "[".repeat(100_000);
        assert!(obj(&deep).unwrap_err().0.contains("deeper"));
        assert!(obj("[1 2").is_err());
        assert!(obj("]").is_err());
    }
}
