//! The content-stream operators that place text, run over a page and the forms it draws.
//! Output: runs of text, each with where it starts and ends on the page.

use std::collections::HashMap;
use std::rc::Rc;

use super::font::Font;
use super::lexer::{Lexer, Obj, Token, get};
use super::{Document, MAX_OBJECT_DEPTH, Page};
use crate::Limits;

/// A piece of text shown in one go, in page space (y grows upwards).
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    pub(crate) y: f64,
    pub(crate) size: f64,
    pub(crate) text: String,
}

/// Content operators left for the whole document.
pub(crate) struct Budget {
    ops_left: usize,
    max_ops: usize,
}

impl Budget {
    pub(crate) fn new(limits: &Limits) -> Self {
        Self { ops_left: limits.max_pdf_operators, max_ops: limits.max_pdf_operators }
    }
}

/// Deepest nesting of forms drawn by forms.
const MAX_FORM_DEPTH: usize = 8;
/// Most operands kept before an operator; real streams use at most a handful.
const MAX_OPERANDS: usize = 4096;
/// A TJ adjustment wider than this (in units of the font size) separates words.
const WORD_GAP_EM: f64 = 0.2;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

struct Interpreter<'d, 'a> {
    doc: &'d Document<'a>,
    fonts: HashMap<u32, Rc<Font>>,
    fallback: Rc<Font>,
    runs: Vec<Run>,
    budget: &'d mut Budget,
}

/// The text runs of one page.
pub(crate) fn runs(doc: &Document<'_>, page: &Page, budget: &mut Budget) -> Result<Vec<Run>, String> {
    let Some(dict) = page.dict.dict() else { return Ok(Vec::new()) };
    let mut data = Vec::new();
    match get(dict, b"Contents").map(|c| doc.resolve(c)).as_deref() {
        Some(Obj::Array(parts)) => {
            for part in parts {
                if let Ok(d) = doc.stream_data(&doc.resolve(part)) {
                    data.extend_from_slice(&d);
                    data.push(b'\n');
                }
            }
        }
        Some(stream @ Obj::Stream(..)) => data = doc.stream_data(stream)?,
        _ => return Ok(Vec::new()),
    }
    let mut interpreter = Interpreter {
        doc,
        fonts: HashMap::new(),
        fallback: Rc::new(Font::fallback()),
        runs: Vec::new(),
        budget,
    };
    let state = State {
        ctm: IDENTITY,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    interpreter.run(&data, page.resources.as_deref(), state, 0)?;
    Ok(interpreter.runs)
}

impl Interpreter<'_, '_> {
    fn font(&mut self, resources: Option<&Obj>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(Obj::dict)
            .and_then(|r| get(r, b"Font"))
            .map(|f| doc.resolve(f))
            .and_then(|fonts| fonts.dict().and_then(|d| get(d, name)).cloned());
        match entry {
            Some(Obj::Ref(n)) => {
                if let Some(f) = self.fonts.get(&n) {
                    return f.clone();
                }
                let font = Rc::new(Font::load(doc, &Obj::Ref(n)));
                self.fonts.insert(n, font.clone());
                font
            }
            Some(direct) => Rc::new(Font::load(doc, &direct)),
            None => self.fallback.clone(),
        }
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&Obj>,
        mut state: State,
        depth: usize,
    ) -> Result<(), String> {
        let mut lexer = Lexer::new(data, 0);
        let mut operands: Vec<Obj> = Vec::new();
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        while let Some(token) = lexer.token().map_err(|e| e.0)? {
            let op = match token {
                Token::Value(v) => {
                    operands.push(v);
                    if operands.len() > MAX_OPERANDS {
                        operands.clear();
                    }
                    continue;
                }
                Token::ArrayStart | Token::DictStart => {
                    lexer.pos -= if token == Token::ArrayStart { 1 } else { 2 };
                    match lexer.object(MAX_OBJECT_DEPTH) {
                        Ok(o) => operands.push(o),
                        Err(_) => operands.clear(),
                    }
                    continue;
                }
                Token::ArrayEnd | Token::DictEnd => continue,
                Token::Keyword(k) => k,
            };
            if self.budget.ops_left == 0 {
                return Err(format!("more than {} content operators", self.budget.max_ops));
            }
            self.budget.ops_left -= 1;
            let num = |i: usize| operands.get(i).and_then(Obj::num).unwrap_or(0.0);
            let nums6 = || -> Option<Matrix> {
                let n: Vec<f64> = operands.iter().filter_map(Obj::num).collect();
                (n.len() == 6).then(|| [n[0], n[1], n[2], n[3], n[4], n[5]])
            };
            match op.as_slice() {
                b"q" if saved.len() < 256 => saved.push(state.clone()),
                b"q" => {}
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = nums6() {
                        state.ctm = mul(&m, &state.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    if let Some(Obj::Name(name)) = operands.first() {
                        state.font = Some(self.font(resources, &name.clone()));
                    }
                    state.size = num(1);
                }
                b"Tc" => state.char_space = num(0),
                b"Tw" => state.word_space = num(0),
                b"Tz" => state.scale = num(0) / 100.0,
                b"TL" => state.leading = num(0),
                b"Ts" => state.rise = num(0),
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        state.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = nums6() {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"\"" {
                        state.word_space = num(0);
                        state.char_space = num(1);
                    }
                    if op == b"'" || op == b"\"" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    match operands.last() {
                        Some(Obj::Str(s)) => self.show(&[Obj::Str(s.clone())], &state, &mut tm),
                        Some(Obj::Array(items)) => self.show(items, &state, &mut tm),
                        _ => {}
                    }
                }
                b"Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(Obj::Name(name)) = operands.first() {
                        self.form(resources, name, &state, depth)?;
                    }
                }
                b"BI" => skip_inline_image(&mut lexer),
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }

    fn form(
        &mut self,
        resources: Option<&Obj>,
        name: &[u8],
        state: &State,
        depth: usize,
    ) -> Result<(), String> {
        let doc = self.doc;
        let Some(xobject) = resources
            .and_then(Obj::dict)
            .and_then(|r| get(r, b"XObject"))
            .map(|x| doc.resolve(x))
            .and_then(|x| x.dict().and_then(|d| get(d, name)).cloned())
        else {
            return Ok(());
        };
        let form = doc.resolve(&xobject);
        let Some(dict) = form.dict() else { return Ok(()) };
        if get(dict, b"Subtype").and_then(Obj::name) != Some(b"Form") {
            return Ok(());
        }
        let Ok(data) = doc.stream_data(&form) else { return Ok(()) };
        let own = get(dict, b"Resources").map(|r| doc.resolve(r));
        let mut inner = state.clone();
        if let Some(Obj::Array(m)) = get(dict, b"Matrix")
            && let [a, b, c, d, e, f] = m.as_slice()
        {
            let m = [a, b, c, d, e, f].map(|v| v.num().unwrap_or(0.0));
            inner.ctm = mul(&m, &state.ctm);
        }
        self.run(&data, own.as_deref().or(resources), inner, depth + 1)
    }

    /// Shows a string (or a TJ array), advancing the text matrix glyph by glyph.
    fn show(&mut self, items: &[Obj], state: &State, tm: &mut Matrix) {
        let font = state.font.clone().unwrap_or_else(|| self.fallback.clone());
        let start = mul(tm, &state.ctm);
        // Rotated or skewed text (a vertical label in a margin) is not body text.
        if start[1].abs() > 0.1 * start[0].abs() || start[0] <= 0.0 {
            advance_all(&font, items, state, tm);
            return;
        }
        let size = (state.size * start[2].hypot(start[3])).abs();
        let origin = |tm: &Matrix| {
            let m = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, state.rise], &mul(tm, &state.ctm));
            (m[4], m[5])
        };
        let (mut x0, y) = origin(tm);
        let mut text = String::new();
        for item in items {
            match item {
                Obj::Str(bytes) => {
                    for glyph in font.glyphs(bytes) {
                        if let Some(t) = &glyph.text {
                            // The run starts at its first glyph: a move before it (pdfTeX's
                            // `[-820 (React,)] TJ` after a label) is not part of it.
                            if text.is_empty() {
                                x0 = origin(tm).0;
                            }
                            text.push_str(t);
                        }
                        advance(tm, glyph.width, glyph.word_space, state);
                    }
                }
                Obj::Num(adjust) => {
                    let em = -adjust / 1000.0;
                    if em > WORD_GAP_EM && !text.ends_with(' ') && !text.is_empty() {
                        text.push(' ');
                    }
                    *tm = mul(&[1.0, 0.0, 0.0, 1.0, em * state.size * state.scale, 0.0], tm);
                }
                _ => {}
            }
        }
        let (x1, _) = origin(tm);
        if !text.trim().is_empty() && x0.is_finite() && x1.is_finite() && y.is_finite() {
            self.runs.push(Run { x0, x1: x1.max(x0), y, size, text });
        }
    }
}

fn advance(tm: &mut Matrix, width: f64, word_space: bool, state: &State) {
    let tx = (width * state.size + state.char_space + if word_space { state.word_space } else { 0.0 })
        * state.scale;
    *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
}

fn advance_all(font: &Font, items: &[Obj], state: &State, tm: &mut Matrix) {
    for item in items {
        match item {
            Obj::Str(bytes) => font.glyphs(bytes).for_each(|g| advance(tm, g.width, g.word_space, state)),
            Obj::Num(adjust) => {
                *tm = mul(&[1.0, 0.0, 0.0, 1.0, -adjust / 1000.0 * state.size * state.scale, 0.0], tm)
            }
            _ => {}
        }
    }
}

/// Skips `BI <dict entries> ID <binary data> EI`, whose data is not made of tokens.
fn skip_inline_image(lexer: &mut Lexer<'_>) {
    while let Ok(Some(token)) = lexer.token() {
        if token == Token::Keyword(b"ID".to_vec()) {
            break;
        }
    }
    let data = lexer.data;
    let mut i = lexer.pos + 1;
    while i + 2 <= data.len() {
        if &data[i..i + 2] == b"EI"
            && super::lexer::is_white(data[i - 1])
            && data.get(i + 2).is_none_or(|&b| super::lexer::is_white(b))
        {
            lexer.pos = i + 2;
            return;
        }
        i += 1;
    }
    lexer.pos = data.len();
}
