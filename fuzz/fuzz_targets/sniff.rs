//! `sniff`: bytes read with no file name, so the content chooses the reader (gzip magic first:
//! a gzip stream is decompressed and dispatched again; then WARC, JSON, feed, HTML or text).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_and_check(None, data);
});
