use model::{Article, InputFormat};

use super::{Document, Draft, Reader};
use crate::clean;
use crate::error::{ReadError, ReadErrorKind};
use crate::source::{Ingestor, looks_binary};

/// Plain text: UTF-8 (or UTF-16 with a byte order mark). The first paragraph is the title when
/// it looks like one.
#[derive(Debug)]
pub struct TextReader;

impl Reader for TextReader {
    fn read(
        &self,
        mut doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let bytes = doc.read_all(ing.options().max_bytes)?;
        let text = decode_text(&bytes)?;
        let titled = clean::split_title(clean::paragraphs(&text), clean::Lexicon::builtin());
        let draft = Draft {
            title: titled.title,
            paragraphs: titled.body,
            url: doc.url.clone(),
            ..Draft::default()
        };
        emit(
            draft
                .finish(&doc.name, InputFormat::Text, ing)
                .map_err(|k| ReadError::new(&doc.name, k)),
        );
        Ok(())
    }
}

/// Strict decoding: plain text carries no charset, so anything but UTF-8 (or UTF-16 with a BOM)
/// is refused rather than guessed.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, ReadErrorKind> {
    if bytes.is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ReadErrorKind::Undecodable(format!(
                "invalid {}",
                enc.name()
            )));
        }
        return Ok(s.into_owned());
    }
    if looks_binary(bytes) {
        return Err(ReadErrorKind::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(ReadErrorKind::Undecodable(format!(
            "not UTF-8 (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.valid_up_to()
        ))),
    }
}
