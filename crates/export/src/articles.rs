//! The article tables.

use crate::ArticleExport;
use crate::table::{Cell, Column, Kind, Layout};

const COLUMNS: &[Column] = &[
    Column::new("id", Kind::Str, false),
    Column::new("published", Kind::Date, true),
    Column::new("published_inferred", Kind::Bool, false),
    Column::new("outlet", Kind::Str, true),
    Column::new("title", Kind::Str, true),
    Column::new("url", Kind::Str, true),
    Column::new("path", Kind::Str, false),
    Column::new("copy_group", Kind::Str, false),
    Column::new("copy_of", Kind::Str, true),
    Column::new("copies", Kind::I64, false),
    Column::new("claims", Kind::I64, false),
    Column::new("events", Kind::I64, false),
];

fn cells(x: &ArticleExport) -> Vec<Cell<'_>> {
    let a = &x.article;
    vec![
        Cell::str(a.id.as_str()),
        Cell::Date(a.published),
        Cell::bool(a.published_inferred),
        Cell::opt_str(a.outlet.as_deref()),
        Cell::opt_str(a.title.as_deref()),
        Cell::opt_str(a.url.as_deref()),
        Cell::str(&a.path),
        Cell::str(a.copy_group.as_str()),
        Cell::opt_str(a.copy_of.as_ref().map(|c| c.as_str())),
        Cell::count(a.copies),
        Cell::count(x.claims),
        Cell::count(x.events),
    ]
}

/// Articles have no coordinates.
fn point(_: &ArticleExport) -> Option<(f64, f64)> {
    None
}

pub(crate) static TABLE: Layout<ArticleExport> = Layout {
    columns: COLUMNS,
    cells,
    point,
};

const HXL_COLUMNS: &[Column] = &[
    Column::tagged("id", Kind::Str, "#meta+id"),
    Column::tagged("date_reported", Kind::Date, "#date+reported"),
    Column::tagged("date_inferred", Kind::Bool, "#meta+date_inferred"),
    Column::tagged("outlet", Kind::Str, "#org+reporting"),
    Column::tagged("title", Kind::Str, "#meta+title"),
    Column::tagged("url", Kind::Str, "#meta+url"),
    Column::tagged("path", Kind::Str, "#meta+path"),
    Column::tagged("copy_group", Kind::Str, "#meta+copy_group"),
    Column::tagged("copy_of", Kind::Str, "#meta+copy_of"),
    Column::tagged("copies", Kind::I64, "#meta+copies+num"),
    Column::tagged("claims", Kind::I64, "#meta+claims+num"),
    Column::tagged("events", Kind::I64, "#meta+events+num"),
];

/// The same cells as the flat table, in the same order, under HXL names.
pub(crate) static HXL: Layout<ArticleExport> = Layout {
    columns: HXL_COLUMNS,
    cells,
    point,
};
