use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use store::Store;

pub fn run(db: &Path, id: &str, json: bool) -> Result<ExitCode> {
    let store = super::open_existing(db)?;
    let Some(s) = store.article(id)? else {
        eprintln!("sitrep: no article with id {id}");
        return Ok(ExitCode::from(1));
    };
    let copies = store.copies(&s.copy_group)?;
    let ann = store.annotations(&s.article.id)?;
    let only = store::FactFilter {
        article: Some(s.article.id.clone()),
        ..Default::default()
    };
    let mut claims = Vec::new();
    store.claims(&only, store::ClaimOrder::Date, &mut |c| {
        claims.push(c.item);
        true
    })?;
    claims.sort_by_key(|c| c.span.start);
    let mut events = Vec::new();
    store.events(&only, &mut |e| {
        events.push(e.item);
        true
    })?;
    events.sort_by_key(|e| e.span.start);
    if json {
        let (times, entities) = match &ann {
            Some(a) => (
                serde_json::from_str(&a.times).unwrap_or(serde_json::Value::Null),
                serde_json::from_str(&a.entities).unwrap_or(serde_json::Value::Null),
            ),
            None => (serde_json::Value::Null, serde_json::Value::Null),
        };
        let value = serde_json::json!({
            "article": s, "copies": copies, "times": times, "entities": entities,
            "claims": claims, "events": events,
        });
        super::out(format_args!("{}", serde_json::to_string_pretty(&value)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let a = &s.article;
    let field = |name: &str, v: Option<&str>| format!("{name:<11}{}", v.unwrap_or("-"));
    let published = a.published.map(|p| {
        if p.inferred {
            format!("{} (inferred from the text)", p.date)
        } else {
            p.date.to_string()
        }
    });
    let lines = [
        field("id", Some(a.id.as_str())),
        field("title", a.title.as_deref()),
        field("outlet", a.outlet.as_deref()),
        field("published", published.as_deref()),
        field("byline", a.byline.as_deref()),
        field("url", a.url.as_deref()),
        field("language", a.language.as_deref()),
        field("format", Some(a.format.as_str())),
        field("path", Some(&a.path)),
        field("ingested", Some(&s.ingested_at)),
    ];
    for l in lines {
        super::out(format_args!("{l}"))?;
    }
    for (k, v) in &a.meta {
        super::out(format_args!("{:<11}{v}", format!("meta.{k}")))?;
    }
    super::out(format_args!("\n{}\n", a.text))?;
    if let Some(ann) = &ann {
        for kind in ["person", "org", "group", "place"] {
            let names: Vec<String> = ann
                .names
                .iter()
                .filter(|n| n.kind == kind)
                .map(|n| match (n.lat, n.lon) {
                    (Some(lat), Some(lon)) => format!("{} ({lat:.2}, {lon:.2})", n.name),
                    _ => n.name.clone(),
                })
                .collect();
            if !names.is_empty() {
                super::out(format_args!(
                    "{:<11}{}",
                    format!("{kind}s"),
                    names.join("; ")
                ))?;
            }
        }
        if let Ok(times) = serde_json::from_str::<Vec<serde_json::Value>>(&ann.times) {
            let shown: Vec<String> = times
                .iter()
                .map(|t| {
                    format!(
                        "{} = {}",
                        t["text"].as_str().unwrap_or(""),
                        t["value"].as_str().unwrap_or("")
                    )
                })
                .collect();
            if !shown.is_empty() {
                super::out(format_args!("{:<11}{}", "times", shown.join("; ")))?;
            }
        }
        super::out(format_args!(""))?;
    }
    if !claims.is_empty() {
        super::out(format_args!("Claims ({}):", claims.len()))?;
        for c in &claims {
            super::out(format_args!(
                "  {:<10} {:<22} {:<10} {:<14} as of {}  {}{}",
                c.metric,
                report::figures::figure(c.value, &c.value_kind, c.value_max, &c.unit),
                c.group.as_deref().unwrap_or("-"),
                c.place.as_deref().unwrap_or("-"),
                c.as_of.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                c.source.as_deref().unwrap_or("(own voice)"),
                if c.hedged { " (unverified)" } else { "" }
            ))?;
        }
    }
    if !events.is_empty() {
        super::out(format_args!("Events ({}):", events.len()))?;
        for e in &events {
            super::out(format_args!(
                "  {:<10} {:<12} {:<14} {}  \"{}\"",
                e.kind,
                e.date.as_deref().unwrap_or("-"),
                e.place.as_deref().unwrap_or("-"),
                e.status.as_deref().unwrap_or("-"),
                e.span.text
            ))?;
        }
    }
    if !claims.is_empty() || !events.is_empty() {
        super::out(format_args!(""))?;
    }
    if copies.len() > 1 {
        super::out(format_args!(
            "Copies of this story ({}), original first:",
            copies.len()
        ))?;
        for c in &copies {
            let mark = if c.id == a.id { "*" } else { " " };
            super::out(format_args!(
                "{mark} {}  {}  {}  {}",
                c.id,
                c.published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                c.outlet.as_deref().unwrap_or("-"),
                c.title.as_deref().unwrap_or("(untitled)")
            ))?;
        }
    } else {
        super::out(format_args!("No copies of this story are stored."))?;
    }
    Ok(ExitCode::SUCCESS)
}
