//! The event tables: ACLED-like columns first, then sitrep's; and the HXL one.

use model::facts::timex_day;
use model::{ActorRow, EventRow};
use serde_json::Value;

use crate::EventExport;
use crate::table::{Cell, Column, Kind, Layout, point_of};

const COLUMNS: &[Column] = &[
    // ACLED-like.
    Column::new("event_date", Kind::Date, true),
    Column::new("event_type", Kind::Str, false),
    Column::new("sub_event_type", Kind::Str, false),
    Column::new("actor1", Kind::Str, true),
    Column::new("actor2", Kind::Str, true),
    Column::new("location", Kind::Str, true),
    Column::new("latitude", Kind::F64, true),
    Column::new("longitude", Kind::F64, true),
    Column::new("source", Kind::Str, true),
    Column::new("notes", Kind::Str, false),
    Column::new("fatalities", Kind::I64, false),
    // sitrep's.
    Column::new("sitrep_type", Kind::Str, false),
    Column::new("status", Kind::Str, true),
    Column::new("date_end", Kind::Date, true),
    Column::new("cameo", Kind::Str, false),
    Column::new("plover", Kind::Str, false),
    Column::new("article_id", Kind::Str, false),
    Column::new("url", Kind::Str, true),
    Column::new("published", Kind::Date, true),
    Column::new("hedged", Kind::Bool, false),
    // The rest of the record.
    Column::new("outlet", Kind::Str, true),
    Column::new("title", Kind::Str, true),
    Column::new("copy_group", Kind::Str, false),
    Column::new("seq", Kind::I64, false),
    Column::new("date_timex", Kind::Str, true),
    Column::new("date_end_timex", Kind::Str, true),
    Column::new("claimant", Kind::Str, true),
    Column::new("geonameid", Kind::I64, true),
    Column::new("country", Kind::Str, true),
    Column::new("geo_level", Kind::Str, true),
    Column::new("actors", Kind::Json, false),
    Column::new("places", Kind::Json, false),
    Column::new("attributes", Kind::Json, false),
    Column::new("span_start", Kind::I64, false),
    Column::new("span_end", Kind::I64, false),
    Column::new("span_text", Kind::Str, false),
    Column::new("rule", Kind::Str, false),
];

/// Roles that come first among the actors: who acts rather than who is acted on.
const LEADING_ROLES: &[&str] = &["party", "perpetrator", "accuser"];

/// The first two actors, those in leading roles first, each group in its order.
fn first_actors(actors: &[ActorRow]) -> (Option<&str>, Option<&str>) {
    let leading = |a: &&ActorRow| LEADING_ROLES.contains(&a.role.as_str());
    let mut ordered = actors
        .iter()
        .filter(leading)
        .chain(actors.iter().filter(|a| !leading(a)))
        .map(|a| a.name.as_str());
    (ordered.next(), ordered.next())
}

/// A count attribute (`killed`, `injured`) as a whole number: JSON numbers, or text that reads
/// as one.
fn count_attribute(event: &EventRow, key: &str) -> Option<i64> {
    let v = event.attributes.get(key)?;
    let n = match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().and_then(round)),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .or_else(|| s.trim().parse::<f64>().ok().and_then(round)),
        _ => None,
    }?;
    Some(n)
}

fn round(v: f64) -> Option<i64> {
    // `as` saturates; the range check keeps out values it would clamp.
    (v.is_finite() && v.abs() < 9.0e15).then(|| v.round() as i64)
}

/// The outlet and the source it cites, as ACLED's `source` lists them.
fn sources(outlet: Option<&str>, claimant: Option<&str>) -> Option<String> {
    match (outlet, claimant) {
        (Some(o), Some(c)) => Some(format!("{o}; {c}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_string()),
        (None, None) => None,
    }
}

fn json<S: serde::Serialize>(v: &S) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn cells(e: &EventExport) -> Vec<Cell<'_>> {
    let o = &e.event;
    let a = &o.article;
    let r = &o.item;
    let geo = r.geo.as_ref();
    let (actor1, actor2) = first_actors(&r.actors);
    vec![
        Cell::Date(r.day()),
        Cell::str(&r.acled_event_type),
        Cell::str(&r.acled_sub_event_type),
        Cell::opt_str(actor1),
        Cell::opt_str(actor2),
        Cell::opt_str(r.place.as_deref()),
        Cell::F64(geo.map(|g| g.lat)),
        Cell::F64(geo.map(|g| g.lon)),
        Cell::string(sources(a.outlet.as_deref(), r.source.as_deref())),
        Cell::str(&r.span.sentence),
        Cell::I64(Some(count_attribute(r, "killed").unwrap_or(0))),
        Cell::str(&r.kind),
        Cell::opt_str(r.status.as_deref()),
        Cell::Date(r.date_end.as_deref().and_then(timex_day)),
        Cell::str(&r.cameo),
        Cell::str(&r.plover),
        Cell::str(a.id.as_str()),
        Cell::opt_str(a.url.as_deref()),
        Cell::Date(a.published),
        Cell::bool(r.hedged),
        Cell::opt_str(a.outlet.as_deref()),
        Cell::opt_str(a.title.as_deref()),
        Cell::str(a.copy_group.as_str()),
        Cell::count(o.seq),
        Cell::opt_str(r.date.as_deref()),
        Cell::opt_str(r.date_end.as_deref()),
        Cell::opt_str(r.source.as_deref()),
        Cell::I64(geo.and_then(|g| g.geonameid).map(i64::from)),
        Cell::opt_str(geo.and_then(|g| g.country.as_deref())),
        Cell::opt_str(geo.and_then(|g| g.level.as_deref())),
        Cell::Json(Some(json(&r.actors))),
        Cell::Json(Some(json(&r.places))),
        Cell::Json(Some(json(&r.attributes))),
        Cell::count(r.span.start),
        Cell::count(r.span.end),
        Cell::str(&r.span.text),
        Cell::str(&r.rule),
    ]
}

fn point(e: &EventExport) -> Option<(f64, f64)> {
    point_of(e.event.item.geo.as_ref())
}

pub(crate) static TABLE: Layout<EventExport> = Layout {
    columns: COLUMNS,
    cells,
    point,
};

const HXL_COLUMNS: &[Column] = &[
    Column::tagged("date_occurred", Kind::Date, "#date+occurred"),
    Column::tagged("date_end", Kind::Date, "#date+occurred+end"),
    Column::tagged("date_reported", Kind::Date, "#date+reported"),
    Column::tagged("event_type", Kind::Str, "#event+type"),
    Column::tagged("sub_event_type", Kind::Str, "#event+subtype"),
    Column::tagged("sitrep_type", Kind::Str, "#event+kind"),
    Column::tagged("status", Kind::Str, "#status"),
    Column::tagged("actor1", Kind::Str, "#group+name+first"),
    Column::tagged("actor2", Kind::Str, "#group+name+second"),
    Column::tagged("adm1", Kind::Str, "#adm1+name"),
    Column::tagged("location", Kind::Str, "#loc+name"),
    Column::tagged("country", Kind::Str, "#country+code"),
    Column::tagged("lat", Kind::F64, "#geo+lat"),
    Column::tagged("lon", Kind::F64, "#geo+lon"),
    Column::tagged("killed", Kind::I64, "#affected+killed"),
    Column::tagged("injured", Kind::I64, "#affected+injured"),
    Column::tagged("notes", Kind::Str, "#description"),
    Column::tagged("source", Kind::Str, "#meta+source"),
    Column::tagged("outlet", Kind::Str, "#org+reporting"),
    Column::tagged("url", Kind::Str, "#meta+url"),
    Column::tagged("article_id", Kind::Str, "#meta+id"),
    Column::tagged("hedged", Kind::Bool, "#meta+hedged"),
];

fn hxl_cells(e: &EventExport) -> Vec<Cell<'_>> {
    let o = &e.event;
    let a = &o.article;
    let r = &o.item;
    let geo = r.geo.as_ref();
    let (actor1, actor2) = first_actors(&r.actors);
    let admin1 = geo.and_then(|g| g.level.as_deref()) == Some("admin1");
    vec![
        Cell::Date(r.day()),
        Cell::Date(r.date_end.as_deref().and_then(timex_day)),
        Cell::Date(a.published),
        Cell::str(&r.acled_event_type),
        Cell::str(&r.acled_sub_event_type),
        Cell::str(&r.kind),
        Cell::opt_str(r.status.as_deref()),
        Cell::opt_str(actor1),
        Cell::opt_str(actor2),
        Cell::opt_str(r.place.as_deref().filter(|_| admin1)),
        Cell::opt_str(r.place.as_deref()),
        Cell::opt_str(geo.and_then(|g| g.country.as_deref())),
        Cell::F64(geo.map(|g| g.lat)),
        Cell::F64(geo.map(|g| g.lon)),
        Cell::I64(count_attribute(r, "killed")),
        Cell::I64(count_attribute(r, "injured")),
        Cell::str(&r.span.sentence),
        Cell::opt_str(r.source.as_deref()),
        Cell::opt_str(a.outlet.as_deref()),
        Cell::opt_str(a.url.as_deref()),
        Cell::str(a.id.as_str()),
        Cell::bool(r.hedged),
    ]
}

pub(crate) static HXL: Layout<EventExport> = Layout {
    columns: HXL_COLUMNS,
    cells: hxl_cells,
    point,
};
