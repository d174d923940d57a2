use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ArticleId;

/// The format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Feed,
    Jsonl,
    Warc,
}

impl InputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => InputFormat::Text,
            "html" => InputFormat::Html,
            "feed" => InputFormat::Feed,
            "jsonl" => InputFormat::Jsonl,
            "warc" => InputFormat::Warc,
            _ => return None,
        })
    }
}

/// A publication date and whether it was read from metadata or inferred from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: NaiveDate,
    /// True when the date comes from the text (a dateline, an explicit date) rather than
    /// metadata or the user.
    pub inferred: bool,
}

/// One article as read from an input: clean main text plus metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// The input path or URL as given (for feed items and JSON Lines records: the container's).
    pub path: String,
    pub format: InputFormat,
    /// The article's own URL where known.
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub published: Option<Published>,
    /// The clean main text; later offsets index it in Unicode code points.
    pub text: String,
    /// Fields of the input that have no column of their own (JSON Lines extras, WARC headers…).
    pub meta: BTreeMap<String, serde_json::Value>,
}

/// A MinHash signature and its LSH band keys, computed by the `dedup` crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// One minimum per hash function.
    pub minhash: Vec<u32>,
    /// One key per LSH band; articles that share a key are copy candidates.
    pub band_keys: Vec<u64>,
}

/// Everything the store needs to place an article among copies of its story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyFingerprint {
    pub content_hash: String,
    /// Fingerprint of the word shingles (catches copies with other boilerplate or edits).
    pub words: Fingerprint,
    /// Fingerprint of the content words only, catching machine-rewritten copies.
    pub skeleton: Fingerprint,
}

impl CopyFingerprint {
    /// The LSH band keys of both fingerprints: what the store indexes for candidate lookup.
    pub fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.words
            .band_keys
            .iter()
            .chain(&self.skeleton.band_keys)
            .copied()
    }

    /// Packs the two signatures for storage: two little-endian u16 lengths, then the u32
    /// minima, words first. Band keys are stored apart, for lookup.
    pub fn encode_signatures(&self) -> Vec<u8> {
        let (w, s) = (&self.words.minhash, &self.skeleton.minhash);
        let mut out = Vec::with_capacity(4 + 4 * (w.len() + s.len()));
        out.extend_from_slice(&(w.len() as u16).to_le_bytes());
        out.extend_from_slice(&(s.len() as u16).to_le_bytes());
        for v in w.iter().chain(s) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Reverses [`CopyFingerprint::encode_signatures`]; `None` if the bytes are malformed.
    pub fn decode_signatures(content_hash: String, bytes: &[u8]) -> Option<CopyFingerprint> {
        let nw = u16::from_le_bytes(bytes.get(0..2)?.try_into().ok()?) as usize;
        let ns = u16::from_le_bytes(bytes.get(2..4)?.try_into().ok()?) as usize;
        let body = bytes.get(4..)?;
        if body.len() != 4 * (nw + ns) {
            return None;
        }
        let vals: Vec<u32> = body
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(CopyFingerprint {
            content_hash,
            words: Fingerprint {
                minhash: vals[..nw].to_vec(),
                band_keys: Vec::new(),
            },
            skeleton: Fingerprint {
                minhash: vals[nw..].to_vec(),
                band_keys: Vec::new(),
            },
        })
    }
}

/// An article as kept in the store, with its place among copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    #[serde(flatten)]
    pub article: Article,
    /// The copy group: every copy of one story shares it.
    pub copy_group: ArticleId,
    /// The group's original: its earliest published member.
    pub original: ArticleId,
    /// Number of members in the group, this article included.
    pub group_size: usize,
    pub ingested_at: String,
}

/// One stored article as listed: its metadata and its copy group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub published: Option<NaiveDate>,
    /// Whether `published` was inferred rather than read from the input.
    pub published_inferred: bool,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Where it was read from.
    pub path: String,
    /// Other members of the article's copy group.
    pub copies: usize,
    /// Every copy of one story shares it.
    pub copy_group: ArticleId,
    /// The group's original, when this article is a copy of it.
    pub copy_of: Option<ArticleId>,
}
