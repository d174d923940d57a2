use super::*;

fn tag(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, TimeType, String, Option<String>)> {
    let t = TimeTagger::new();
    let toks = crate::text::tokenize(text);
    let sents = crate::text::sentences(text);
    t.find(text, &sents, &toks, anchor)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind, m.value, m.modifier))
        .collect()
}

fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 3, 21)
}

#[test]
fn smoke() {
    for s in [
        "Shelling resumed on March 20 near the port.",
        "A week ago the convoy left, and on Thursday it reached the city.",
        "The ministers will meet on Thursday to discuss a ceasefire.",
        "Explosions were heard in the early hours of March 21.",
        "The curfew starts at 10 am (0700 GMT).",
        "Over the past two weeks, thousands have fled.",
        "Prices rose sharply last month.",
        "Since February 24, more than 3 million people have left.",
    ] {
        eprintln!("{s}\n  {:?}", tag(s, anchor()));
    }
}

#[test]
fn weekday_then_date() {
    eprintln!("{:?}", tag("The vote is on Saturday, April 25, officials said.", anchor()));
}
