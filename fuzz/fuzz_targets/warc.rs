//! `warc`: bytes read as a file called `x.warc` (the extension chooses the reader).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_and_check(Some("x.warc"), data);
});
