//! Parquet through its column writers: rows are held column by column and written as a row
//! group every [`PARQUET_ROW_GROUP`] rows, and at `finish`.

use std::io::Write;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::table::{Cell, Column, Kind, Layout};
use crate::{ExportError, Output, PARQUET_ROW_GROUP, Sink};

pub(crate) struct ParquetSink<T: 'static> {
    layout: &'static Layout<T>,
    writer: SerializedFileWriter<Output>,
    columns: Vec<Buffer>,
    /// Rows held, not yet written.
    rows: usize,
}

/// The schema of a table, in Parquet's message syntax.
pub(crate) fn message_type(name: &str, columns: &[Column]) -> String {
    let mut s = format!("message {name} {{\n");
    for c in columns {
        let repetition = if c.optional { "optional" } else { "required" };
        let physical = match c.kind {
            Kind::Str | Kind::Json => "binary",
            Kind::F64 => "double",
            Kind::I64 => "int64",
            Kind::Bool => "boolean",
            Kind::Date => "int32",
        };
        let logical = match c.kind {
            Kind::Str | Kind::Json => " (UTF8)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        s.push_str(&format!("  {repetition} {physical} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

impl<T> ParquetSink<T> {
    pub fn new(layout: &'static Layout<T>, name: &str, out: Output) -> Result<Self, ExportError> {
        let schema = parse_message_type(&message_type(name, layout.columns))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(PARQUET_ROW_GROUP)
            .set_created_by(format!("sitrep export {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props))?;
        Ok(ParquetSink {
            layout,
            writer,
            columns: layout.columns.iter().map(Buffer::new).collect(),
            rows: 0,
        })
    }

    /// Writes the rows held as one row group.
    fn flush_group(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for buffer in &mut self.columns {
            let Some(mut column) = group.next_column()? else {
                return Err(ExportError::Parquet(
                    "the schema has fewer columns than the table".into(),
                ));
            };
            let defs = buffer.optional.then_some(buffer.defs.as_slice());
            match &buffer.values {
                Values::Bytes(v) => {
                    column.typed::<ByteArrayType>().write_batch(v, defs, None)?;
                }
                Values::F64(v) => {
                    column.typed::<DoubleType>().write_batch(v, defs, None)?;
                }
                Values::I64(v) => {
                    column.typed::<Int64Type>().write_batch(v, defs, None)?;
                }
                Values::Bool(v) => {
                    column.typed::<BoolType>().write_batch(v, defs, None)?;
                }
                Values::Date(v) => {
                    column.typed::<Int32Type>().write_batch(v, defs, None)?;
                }
            }
            column.close()?;
            buffer.clear();
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }
}

impl<T> Sink<T> for ParquetSink<T> {
    fn write(&mut self, item: &T) -> Result<(), ExportError> {
        let cells = self.layout.row(item)?;
        for (buffer, cell) in self.columns.iter_mut().zip(cells) {
            buffer.push(cell)?;
        }
        self.rows += 1;
        if self.rows >= PARQUET_ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.flush_group()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(())
    }
}

/// One column's values for the rows held, with definition levels (1 present, 0 null) for an
/// optional column; absent values take no slot in `values`.
struct Buffer {
    optional: bool,
    defs: Vec<i16>,
    values: Values,
}

enum Values {
    Bytes(Vec<ByteArray>),
    F64(Vec<f64>),
    I64(Vec<i64>),
    Bool(Vec<bool>),
    /// Days since 1970-01-01.
    Date(Vec<i32>),
}

impl Buffer {
    fn new(column: &Column) -> Self {
        let values = match column.kind {
            Kind::Str | Kind::Json => Values::Bytes(Vec::new()),
            Kind::F64 => Values::F64(Vec::new()),
            Kind::I64 => Values::I64(Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
            Kind::Date => Values::Date(Vec::new()),
        };
        Buffer {
            optional: column.optional,
            defs: Vec::new(),
            values,
        }
    }

    fn clear(&mut self) {
        self.defs.clear();
        match &mut self.values {
            Values::Bytes(v) => v.clear(),
            Values::F64(v) => v.clear(),
            Values::I64(v) => v.clear(),
            Values::Bool(v) => v.clear(),
            Values::Date(v) => v.clear(),
        }
    }

    /// Holds one cell; the layout has checked that it fits the column.
    fn push(&mut self, cell: Cell<'_>) -> Result<(), ExportError> {
        if cell.is_null() {
            if !self.optional {
                return Err(ExportError::Parquet("a required value is missing".into()));
            }
            self.defs.push(0);
            return Ok(());
        }
        match (&mut self.values, cell) {
            (Values::Bytes(v), Cell::Str(Some(s))) => {
                v.push(ByteArray::from(s.as_bytes().to_vec()))
            }
            (Values::Bytes(v), Cell::Json(Some(j))) => {
                v.push(ByteArray::from(j.to_string().into_bytes()))
            }
            (Values::F64(v), Cell::F64(Some(x))) => v.push(x),
            (Values::I64(v), Cell::I64(Some(x))) => v.push(x),
            (Values::Bool(v), Cell::Bool(Some(x))) => v.push(x),
            (Values::Date(v), Cell::Date(Some(d))) => v.push(epoch_days(d)),
            (_, cell) => {
                return Err(ExportError::Parquet(format!(
                    "a {:?} value for a column of another type",
                    cell.kind()
                )));
            }
        }
        if self.optional {
            self.defs.push(1);
        }
        Ok(())
    }
}

/// Days since 1970-01-01, as Parquet's `DATE` counts them.
fn epoch_days(d: NaiveDate) -> i32 {
    /// 1970-01-01 counted from 0001-01-01 as day 1.
    const EPOCH_FROM_CE: i32 = 719_163;
    d.num_days_from_ce() - EPOCH_FROM_CE
}
