use std::fmt;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// Stable identifier of an article: 16 hex digits of a 64-bit XXH3 hash.
///
/// It hashes the normalised text together with the article's URL, outlet and title, so the same
/// input read twice gets the same id, while a verbatim copy published elsewhere or under another
/// title stays a record of its own (and is then grouped with its original as an exact copy).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Derives the id from the parts that identify one publication of a text.
    pub fn derive(
        text: &str,
        url: Option<&str>,
        outlet: Option<&str>,
        title: Option<&str>,
    ) -> Self {
        let mut h = Xxh3::new();
        for part in [Some(text), url, outlet, title] {
            h.update(part.unwrap_or("").as_bytes());
            h.update(&[0]);
        }
        ArticleId(format!("{:016x}", h.digest()))
    }

    /// Wraps an id read back from storage or typed by a user.
    pub fn from_stored(s: impl Into<String>) -> Self {
        ArticleId(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Hash of the normalised text alone: equal for exact copies whatever their outlet.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_depends_on_text_url_outlet_and_title() {
        let a = ArticleId::derive("text", None, None, None);
        assert_eq!(a, ArticleId::derive("text", None, None, None));
        assert_ne!(a, ArticleId::derive("text2", None, None, None));
        assert_ne!(
            a,
            ArticleId::derive("text", Some("https://x.example/a"), None, None)
        );
        assert_ne!(a, ArticleId::derive("text", None, Some("Outlet"), None));
        assert_ne!(a, ArticleId::derive("text", None, None, Some("Title")));
        // Field boundaries matter: moving bytes between fields changes the id.
        assert_ne!(
            ArticleId::derive("ab", Some("c"), None, None),
            ArticleId::derive("a", Some("bc"), None, None)
        );
        assert_eq!(a.as_str().len(), 16);
    }

    #[test]
    fn content_hash_ignores_source() {
        assert_eq!(content_hash("same words"), content_hash("same words"));
        assert_ne!(content_hash("same words"), content_hash("same words."));
    }
}
