//! Shared harness of sitrep's fuzz targets: one [`ingest::Ingestor`] per process and the
//! invariants every read must keep, whatever the bytes.

use std::sync::LazyLock;

use ingest::{Ingestor, ReadError, ReadOptions};
use model::Article;

/// Caps small enough to keep one execution fast, large enough for every seed.
static INGESTOR: LazyLock<Ingestor> = LazyLock::new(|| {
    Ingestor::new(ReadOptions {
        max_bytes: 1 << 20,
        max_container_bytes: 8 << 20,
        ..Default::default()
    })
});

/// Reads `data` as an in-memory file called `file_name` (`None`: sniff the content) and checks
/// every article and error the read gives.
pub fn read_and_check(file_name: Option<&str>, data: &[u8]) {
    INGESTOR.read_bytes("fuzz", file_name, data, &mut |r| match r {
        Ok(article) => check_article(&article),
        Err(e) => check_error(&e),
    });
}

/// Invariants of every article a reader emits.
pub fn check_article(article: &Article) {
    let text = &article.text;
    assert!(
        !text.trim().is_empty(),
        "article with blank text: {article:?}"
    );
    assert!(!text.contains('\r'), "article text contains CR: {text:?}");
    assert!(!text.contains('\0'), "article text contains NUL: {text:?}");
}

/// Invariants of every error a reader emits: its `Display` is the one line sitrep prints.
pub fn check_error(e: &ReadError) {
    let line = e.to_string();
    assert!(
        !line.contains('\n'),
        "multi-line ReadError: {line:?} ({e:?})"
    );
}
