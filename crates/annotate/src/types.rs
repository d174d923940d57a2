//! The annotation records. Offsets are **byte** offsets into the annotated text (end exclusive),
//! always on `char` boundaries; the application converts them to character offsets for output.

use serde::Serialize;

/// A sentence: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (and digits after a letter), with inner apostrophes, hyphens and the dots of
    /// abbreviations such as "U.S.".
    Word,
    /// Digits, with inner group separators and a decimal point: "14,000", "2.1", "2,90,000".
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// A token: a byte range and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things or people: "14,000", "dozens", "two million".
    Count,
    Year,
    Age,
    TimeOfDay,
    /// A day of a month in a date: the 20 of "March 20".
    Date,
    Ordinal,
    Percent,
    Money,
    Distance,
    Duration,
    /// A share of a whole: "a quarter of", "half of", "one in five" (value is the fraction).
    Share,
    /// Any other measure with a unit (weight, area, temperature...).
    Measure,
}

/// How a number is bounded by the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberModifier {
    Exact,
    /// "at least", "no fewer than", "a minimum of".
    AtLeast,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "at most", "no more than", "up to".
    AtMost,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "about", "some", "around", "nearly", "almost", "roughly", "an estimated".
    Approximately,
    /// "between X and Y", "X to Y", "X-Y": `value` is the low end, `high` the high end.
    Range,
}

/// A number found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    /// The value (the low end of a range; the fraction of a share; for vague words such as
    /// "dozens" or "hundreds" the smallest value the word implies: 24, 200).
    pub value: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    pub modifier: NumberModifier,
    pub kind: NumberKind,
    /// The unit where one is given: an ISO 4217 code for money, "km", "mi", "%", "year"...
    pub unit: Option<String>,
    /// A vague quantity ("dozens", "hundreds of thousands", "scores").
    pub vague: bool,
}

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression, normalised against the article's publication date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value: "2022-03-20", "2022-03", "2022-W11", "2022-03-21TMO", "P2W", "PAST_REF".
    pub value: String,
    /// TIMEX3 `mod` where the expression narrows or bounds its value ("START", "APPROX",
    /// "BEFORE", "AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE"...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    /// A collective actor: "Russian forces", "Ukrainian officials", "residents".
    Group,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// The full name, or an alias from a lexicon ("Kiev" for Kyiv, "the ICRC").
    Name,
    /// A surname or short form of a person named earlier ("Mr. Sullivan", "Zelenskiy").
    Short,
    /// A role or title that refers back to a person named earlier ("the mayor").
    Title,
    /// A pronoun that reports speech and refers back ("He said").
    Pronoun,
    /// A capital or seat standing for a government ("Moscow said", "the Kremlin").
    Metonym,
}

/// Where a place is, from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Geo {
    /// GeoNames id, where the source has one.
    pub geonameid: Option<u32>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: Option<String>,
    /// "country", "admin1", "admin2" or "city".
    pub level: &'static str,
    pub population: u64,
}

/// A person, organisation, group or place mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// The canonical name shared by every variant and every mention of the entity.
    pub name: String,
    pub form: MentionForm,
    /// The side an actor belongs to, as an ISO 3166-1 alpha-2 country code ("RU", "UA") or an
    /// organisation's own name for international bodies ("UN", "ICRC").
    pub side: Option<String>,
    /// Title or role given with a person ("Deputy Prime Minister").
    pub role: Option<String>,
    /// Coordinates and country of a place.
    pub geo: Option<Geo>,
}

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Annotations {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub numbers: Vec<NumberMention>,
    pub times: Vec<TimeMention>,
    /// People, organisations, groups and places, in text order.
    pub entities: Vec<Entity>,
}
