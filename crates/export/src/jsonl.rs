//! JSON Lines: one object per item.

use std::io::{BufWriter, Write};

use crate::table::{Layout, Record};
use crate::{ExportError, Output, Sink};

pub(crate) struct JsonlSink<T: 'static> {
    layout: &'static Layout<T>,
    out: BufWriter<Output>,
}

impl<T> JsonlSink<T> {
    pub fn new(layout: &'static Layout<T>, out: Output) -> Self {
        JsonlSink {
            layout,
            out: BufWriter::new(out),
        }
    }
}

impl<T> Sink<T> for JsonlSink<T> {
    fn write(&mut self, item: &T) -> Result<(), ExportError> {
        let cells = self.layout.row(item)?;
        let record = Record {
            columns: self.layout.columns,
            cells: &cells,
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}
