use super::*;
use crate::text::tokenize;

fn find(text: &str) -> Vec<NumberMention> {
    NumberTagger::new().find(text, &tokenize(text))
}
