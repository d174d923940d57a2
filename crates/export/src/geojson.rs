//! GeoJSON: one `FeatureCollection`, opened when the sink is made, a feature written per item
//! with coordinates, closed by `finish`.

use std::io::{BufWriter, Write};

use serde::Serialize;

use crate::table::{Layout, Record};
use crate::{ExportError, Output, Sink};

pub(crate) struct GeojsonSink<T: 'static> {
    layout: &'static Layout<T>,
    out: BufWriter<Output>,
    /// Features written so far: all but the first follow a comma.
    features: usize,
}

#[derive(Serialize)]
struct Feature<'r, 'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Point,
    properties: Record<'r, 'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude, then latitude (RFC 7946).
    coordinates: [f64; 2],
}

impl<T> GeojsonSink<T> {
    pub fn new(layout: &'static Layout<T>, out: Output) -> Result<Self, ExportError> {
        let mut out = BufWriter::new(out);
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
        Ok(GeojsonSink {
            layout,
            out,
            features: 0,
        })
    }
}

impl<T> Sink<T> for GeojsonSink<T> {
    fn write(&mut self, item: &T) -> Result<(), ExportError> {
        let Some((lon, lat)) = (self.layout.point)(item) else {
            return Ok(());
        };
        let cells = self.layout.row(item)?;
        let feature = Feature {
            kind: "Feature",
            geometry: Point {
                kind: "Point",
                coordinates: [lon, lat],
            },
            properties: Record {
                columns: self.layout.columns,
                cells: &cells,
            },
        };
        self.out
            .write_all(if self.features == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, &feature)?;
        self.features += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(())
    }
}
