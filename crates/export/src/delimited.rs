//! CSV, and HXL: CSV with a row of hashtags under the header.

use crate::table::Layout;
use crate::{ExportError, Output, Sink};

pub(crate) struct CsvSink<T: 'static> {
    layout: &'static Layout<T>,
    out: csv::Writer<Output>,
    /// Reused for every row, so that a row costs no allocation once warm.
    record: csv::StringRecord,
    buf: String,
}

impl<T> CsvSink<T> {
    /// Writes the header row and, for HXL, the row of hashtags.
    pub fn new(layout: &'static Layout<T>, out: Output, hxl: bool) -> Result<Self, ExportError> {
        let mut out = csv::WriterBuilder::new().flexible(false).from_writer(out);
        out.write_record(layout.columns.iter().map(|c| c.name))?;
        if hxl {
            out.write_record(layout.columns.iter().map(|c| c.hxl))?;
        }
        Ok(CsvSink {
            layout,
            out,
            record: csv::StringRecord::with_capacity(256, layout.columns.len()),
            buf: String::new(),
        })
    }
}

impl<T> Sink<T> for CsvSink<T> {
    fn write(&mut self, item: &T) -> Result<(), ExportError> {
        let cells = self.layout.row(item)?;
        self.record.clear();
        for cell in &cells {
            self.buf.clear();
            cell.render(&mut self.buf);
            self.record.push_field(&self.buf);
        }
        self.out.write_record(&self.record)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}
