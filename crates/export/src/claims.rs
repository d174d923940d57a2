//! The claim tables: the flat one and the HXL one.

use crate::ClaimExport;
use crate::table::{Cell, Column, Kind, Layout, point_of};

/// Numbers may be non-finite, and are then absent: their columns are optional.
const COLUMNS: &[Column] = &[
    Column::new("article_id", Kind::Str, false),
    Column::new("copy_group", Kind::Str, false),
    Column::new("outlet", Kind::Str, true),
    Column::new("title", Kind::Str, true),
    Column::new("url", Kind::Str, true),
    Column::new("published", Kind::Date, true),
    Column::new("seq", Kind::I64, false),
    Column::new("metric", Kind::Str, false),
    Column::new("value", Kind::F64, true),
    Column::new("value_kind", Kind::Str, false),
    Column::new("value_max", Kind::F64, true),
    Column::new("unit", Kind::Str, false),
    Column::new("group", Kind::Str, true),
    Column::new("side", Kind::Str, true),
    Column::new("place", Kind::Str, true),
    Column::new("scope", Kind::Str, true),
    Column::new("lat", Kind::F64, true),
    Column::new("lon", Kind::F64, true),
    Column::new("geonameid", Kind::I64, true),
    Column::new("country", Kind::Str, true),
    Column::new("geo_level", Kind::Str, true),
    Column::new("as_of", Kind::Date, true),
    Column::new("source", Kind::Str, true),
    Column::new("hedged", Kind::Bool, false),
    Column::new("sentence", Kind::Str, false),
    Column::new("span_start", Kind::I64, false),
    Column::new("span_end", Kind::I64, false),
    Column::new("span_text", Kind::Str, false),
    Column::new("rule", Kind::Str, false),
    Column::new("low", Kind::F64, true),
    Column::new("best", Kind::F64, true),
    Column::new("high", Kind::F64, true),
    Column::new("sources", Kind::I64, false),
];

fn cells(c: &ClaimExport) -> Vec<Cell<'_>> {
    let o = &c.claim;
    let a = &o.article;
    let r = &o.item;
    let geo = r.geo.as_ref();
    vec![
        Cell::str(a.id.as_str()),
        Cell::str(a.copy_group.as_str()),
        Cell::opt_str(a.outlet.as_deref()),
        Cell::opt_str(a.title.as_deref()),
        Cell::opt_str(a.url.as_deref()),
        Cell::Date(a.published),
        Cell::count(o.seq),
        Cell::str(&r.metric),
        Cell::f64(r.value),
        Cell::str(&r.value_kind),
        Cell::F64(r.value_max),
        Cell::str(&r.unit),
        Cell::opt_str(r.group.as_deref()),
        Cell::opt_str(r.side.as_deref()),
        Cell::opt_str(r.place.as_deref()),
        Cell::opt_str(r.scope.as_deref()),
        Cell::F64(geo.map(|g| g.lat)),
        Cell::F64(geo.map(|g| g.lon)),
        Cell::I64(geo.and_then(|g| g.geonameid).map(i64::from)),
        Cell::opt_str(geo.and_then(|g| g.country.as_deref())),
        Cell::opt_str(geo.and_then(|g| g.level.as_deref())),
        Cell::Date(r.as_of),
        Cell::opt_str(r.source.as_deref()),
        Cell::bool(r.hedged),
        Cell::str(&r.span.sentence),
        Cell::count(r.span.start),
        Cell::count(r.span.end),
        Cell::str(&r.span.text),
        Cell::str(&r.rule),
        Cell::f64(c.low),
        Cell::f64(c.best),
        Cell::f64(c.high),
        Cell::count(c.sources),
    ]
}

fn point(c: &ClaimExport) -> Option<(f64, f64)> {
    point_of(c.claim.item.geo.as_ref())
}

pub(crate) static TABLE: Layout<ClaimExport> = Layout {
    columns: COLUMNS,
    cells,
    point,
};

/// The metrics with a column of their own in HXL, named after them, in column order (from
/// column 3); any other metric goes to `other_value`.
pub(crate) const HXL_METRICS: &[&str] = &[
    "killed",
    "injured",
    "displaced",
    "refugees",
    "evacuated",
    "missing",
    "detained",
    "trapped",
];

pub(crate) const HXL_COLUMNS: &[Column] = &[
    Column::tagged("date_reported", Kind::Date, "#date+reported"),
    Column::tagged("date_occurred", Kind::Date, "#date+occurred"),
    Column::tagged("metric", Kind::Str, "#indicator+name"),
    // One column per entry of HXL_METRICS, in its order.
    Column::tagged("killed", Kind::F64, "#affected+killed"),
    Column::tagged("injured", Kind::F64, "#affected+injured"),
    Column::tagged("displaced", Kind::F64, "#affected+idps"),
    Column::tagged("refugees", Kind::F64, "#affected+refugees"),
    Column::tagged("evacuated", Kind::F64, "#affected+evacuated"),
    Column::tagged("missing", Kind::F64, "#affected+missing"),
    Column::tagged("detained", Kind::F64, "#affected+detained"),
    Column::tagged("trapped", Kind::F64, "#affected+trapped"),
    Column::tagged("other_value", Kind::F64, "#indicator+num"),
    Column::tagged("value_max", Kind::F64, "#indicator+num+max"),
    Column::tagged("value_kind", Kind::Str, "#meta+value_kind"),
    Column::tagged("unit", Kind::Str, "#indicator+unit"),
    Column::tagged("low", Kind::F64, "#indicator+num+low"),
    Column::tagged("best", Kind::F64, "#indicator+num+best"),
    Column::tagged("high", Kind::F64, "#indicator+num+high"),
    Column::tagged("sources", Kind::I64, "#meta+sources+num"),
    Column::tagged("group", Kind::Str, "#meta+group"),
    Column::tagged("side", Kind::Str, "#meta+side"),
    Column::tagged("adm1", Kind::Str, "#adm1+name"),
    Column::tagged("location", Kind::Str, "#loc+name"),
    Column::tagged("scope", Kind::Str, "#loc+scope"),
    Column::tagged("country", Kind::Str, "#country+code"),
    Column::tagged("geonameid", Kind::I64, "#loc+code"),
    Column::tagged("lat", Kind::F64, "#geo+lat"),
    Column::tagged("lon", Kind::F64, "#geo+lon"),
    Column::tagged("source", Kind::Str, "#meta+source"),
    Column::tagged("outlet", Kind::Str, "#org+reporting"),
    Column::tagged("url", Kind::Str, "#meta+url"),
    Column::tagged("article_id", Kind::Str, "#meta+id"),
    Column::tagged("hedged", Kind::Bool, "#meta+hedged"),
    Column::tagged("sentence", Kind::Str, "#description"),
];

fn hxl_cells(c: &ClaimExport) -> Vec<Cell<'_>> {
    let o = &c.claim;
    let a = &o.article;
    let r = &o.item;
    let geo = r.geo.as_ref();
    let own = HXL_METRICS.iter().position(|m| *m == r.metric);
    let mut cells = Vec::with_capacity(HXL_COLUMNS.len());
    cells.push(Cell::Date(a.published));
    cells.push(Cell::Date(r.as_of));
    cells.push(Cell::str(&r.metric));
    for i in 0..HXL_METRICS.len() {
        cells.push(Cell::F64((own == Some(i)).then_some(r.value)));
    }
    cells.push(Cell::F64(own.is_none().then_some(r.value)));
    cells.extend([
        Cell::F64(r.value_max),
        Cell::str(&r.value_kind),
        Cell::str(&r.unit),
        Cell::f64(c.low),
        Cell::f64(c.best),
        Cell::f64(c.high),
        Cell::count(c.sources),
        Cell::opt_str(r.group.as_deref()),
        Cell::opt_str(r.side.as_deref()),
        Cell::opt_str(
            r.place
                .as_deref()
                .filter(|_| geo.and_then(|g| g.level.as_deref()) == Some("admin1")),
        ),
        Cell::opt_str(r.place.as_deref()),
        Cell::opt_str(r.scope.as_deref()),
        Cell::opt_str(geo.and_then(|g| g.country.as_deref())),
        Cell::I64(geo.and_then(|g| g.geonameid).map(i64::from)),
        Cell::F64(geo.map(|g| g.lat)),
        Cell::F64(geo.map(|g| g.lon)),
        Cell::opt_str(r.source.as_deref()),
        Cell::opt_str(a.outlet.as_deref()),
        Cell::opt_str(a.url.as_deref()),
        Cell::str(a.id.as_str()),
        Cell::bool(r.hedged),
        Cell::str(&r.span.sentence),
    ]);
    cells
}

pub(crate) static HXL: Layout<ClaimExport> = Layout {
    columns: HXL_COLUMNS,
    cells: hxl_cells,
    point,
};
