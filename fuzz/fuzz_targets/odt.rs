//! Arbitrary bytes read as Odt: text extraction and the whole parse must return (a typed
//! error at worst) within the limits, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nexushr_resume_parser::{Format, Limits, extract_text, parse};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let _ = extract_text(data, Format::Odt, &limits);
    let _ = parse(data, &limits);
});
