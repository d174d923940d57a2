//! A flat table: named, typed columns and the cells of one item's row. Every format writes
//! through it, so a table is defined once and each writer knows only cells.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    F64,
    I64,
    Bool,
    Date,
    /// A JSON value: itself in JSON formats, its text elsewhere.
    Json,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Whether a cell may be absent.
    pub optional: bool,
    /// Its HXL hashtag (HXL tables only).
    pub hxl: &'static str,
}

impl Column {
    pub const fn new(name: &'static str, kind: Kind, optional: bool) -> Self {
        Column {
            name,
            kind,
            optional,
            hxl: "",
        }
    }

    pub const fn tagged(name: &'static str, kind: Kind, hxl: &'static str) -> Self {
        Column {
            name,
            kind,
            optional: true,
            hxl,
        }
    }
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Str(Option<Cow<'a, str>>),
    F64(Option<f64>),
    I64(Option<i64>),
    Bool(Option<bool>),
    Date(Option<NaiveDate>),
    Json(Option<serde_json::Value>),
}

impl<'a> Cell<'a> {
    pub fn str(s: &'a str) -> Self {
        Cell::Str(Some(Cow::Borrowed(s)))
    }

    pub fn opt_str(s: Option<&'a str>) -> Self {
        Cell::Str(s.map(Cow::Borrowed))
    }

    pub fn string(s: Option<String>) -> Self {
        Cell::Str(s.map(Cow::Owned))
    }

    pub fn f64(v: f64) -> Self {
        Cell::F64(Some(v))
    }

    pub fn count(n: usize) -> Self {
        Cell::I64(Some(i64::try_from(n).unwrap_or(i64::MAX)))
    }

    pub fn bool(b: bool) -> Self {
        Cell::Bool(Some(b))
    }

    pub fn kind(&self) -> Kind {
        match self {
            Cell::Str(_) => Kind::Str,
            Cell::F64(_) => Kind::F64,
            Cell::I64(_) => Kind::I64,
            Cell::Bool(_) => Kind::Bool,
            Cell::Date(_) => Kind::Date,
            Cell::Json(_) => Kind::Json,
        }
    }

    /// Whether it holds nothing (a non-finite number holds nothing).
    pub fn is_null(&self) -> bool {
        match self {
            Cell::Str(v) => v.is_none(),
            Cell::F64(v) => !v.is_some_and(f64::is_finite),
            Cell::I64(v) => v.is_none(),
            Cell::Bool(v) => v.is_none(),
            Cell::Date(v) => v.is_none(),
            Cell::Json(v) => v.is_none(),
        }
    }

    /// Appends its text, as CSV shows it, to `buf`: nothing when absent.
    pub fn render(&self, buf: &mut String) {
        // Writing to a String cannot fail.
        let _ = match self {
            Cell::Str(Some(s)) => {
                buf.push_str(s);
                Ok(())
            }
            Cell::F64(Some(v)) if v.is_finite() => write!(buf, "{v}"),
            Cell::I64(Some(v)) => write!(buf, "{v}"),
            Cell::Bool(Some(v)) => write!(buf, "{v}"),
            Cell::Date(Some(d)) => write!(buf, "{}", d.format("%Y-%m-%d")),
            Cell::Json(Some(v)) => write!(buf, "{v}"),
            _ => Ok(()),
        };
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Str(Some(v)) => s.serialize_str(v),
            Cell::F64(Some(v)) if v.is_finite() => s.serialize_f64(*v),
            Cell::I64(Some(v)) => s.serialize_i64(*v),
            Cell::Bool(Some(v)) => s.serialize_bool(*v),
            Cell::Date(Some(d)) => s.collect_str(&d.format("%Y-%m-%d")),
            Cell::Json(Some(v)) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// A row as a JSON object: column names to cells, in column order.
pub(crate) struct Record<'r, 'a> {
    pub columns: &'static [Column],
    pub cells: &'r [Cell<'a>],
}

impl Serialize for Record<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(column.name, cell)?;
        }
        map.end()
    }
}

/// How items of one type become rows.
#[derive(Debug)]
pub(crate) struct Layout<T> {
    pub columns: &'static [Column],
    /// The item's cells, one per column, in column order.
    pub cells: for<'a> fn(&'a T) -> Vec<Cell<'a>>,
    /// Where it is, as (longitude, latitude), if it has coordinates.
    pub point: fn(&T) -> Option<(f64, f64)>,
}

impl<T> Layout<T> {
    /// The item's row, checked against the columns: a mismatch is a bug in the table.
    pub fn row<'a>(&self, item: &'a T) -> Result<Vec<Cell<'a>>, crate::ExportError> {
        let cells = (self.cells)(item);
        if cells.len() != self.columns.len() {
            return Err(crate::ExportError::Io(std::io::Error::other(format!(
                "internal error: a row of {} cells for {} columns",
                cells.len(),
                self.columns.len()
            ))));
        }
        for (column, cell) in self.columns.iter().zip(&cells) {
            if cell.kind() != column.kind || (!column.optional && cell.is_null()) {
                return Err(crate::ExportError::Io(std::io::Error::other(format!(
                    "internal error: column {} got {:?}",
                    column.name, cell
                ))));
            }
        }
        Ok(cells)
    }
}

/// Where a geocode is, if its coordinates are usable.
pub(crate) fn point_of(geo: Option<&model::GeoPoint>) -> Option<(f64, f64)> {
    let g = geo?;
    (g.lon.is_finite() && g.lat.is_finite()).then_some((g.lon, g.lat))
}
