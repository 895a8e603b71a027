//! Arbitrary bytes through format detection and the whole parse (text, UTF-16, Latin-1 and
//! whatever the detector decides).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nexushr_resume_parser::{Limits, parse};

fuzz_target!(|data: &[u8]| {
    let _ = parse(data, &Limits::default());
});
