//! Every export of the reconcile corpus, written from a real SQLite store through the same path
//! as `sitrep export`, and read back: JSON Lines with serde_json, CSV and HXL with the csv crate,
//! GeoJSON with the geojson crate, Parquet with the parquet crate. Text formats are golden
//! snapshots; Parquet's rows are snapshotted as read back.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use export::Format;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use reconcile::Config;
use sitrep::pipeline::{self, Quiet};
use sitrep::record::{self, What};
use store::SqliteStore;

fn store(dir: &Path) -> SqliteStore {
    let corpus =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reconcile/articles.jsonl");
    let mut store = SqliteStore::open(&dir.join("s.db")).expect("store");
    pipeline::ingest(
        &mut store,
        &[corpus.display().to_string()],
        Default::default(),
        pipeline::DEFAULT_BATCH,
        &mut Quiet,
    )
    .expect("ingest");
    store
}

/// Exports to a file and returns its path and the number of items written.
fn export_to(store: &SqliteStore, dir: &Path, what: What, format: Format) -> (PathBuf, usize) {
    let path = dir.join(format!("{what:?}.{}", format.as_str()));
    let file = std::fs::File::create(&path).expect("create");
    let n = record::export(
        store,
        what,
        format,
        &Default::default(),
        Box::new(std::io::BufWriter::new(file)),
        &Config::default(),
    )
    .expect("export");
    (path, n)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read back")
}

fn csv_table(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV");
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn claims_export_in_every_format_and_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path());

    let (path, n) = export_to(&store, dir.path(), What::Claims, Format::Jsonl);
    let lines: Vec<serde_json::Value> = read(&path)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), n);
    assert!(n >= 20, "{n} claims");
    // Low, best and high across sources: the soldiers' figure is disputed.
    let soldiers: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|c| c["group"] == "soldiers" && c["side"] == "russia")
        .collect();
    assert_eq!(soldiers.len(), 2);
    for c in &soldiers {
        assert_eq!(
            (c["low"].as_f64(), c["high"].as_f64()),
            (Some(1351.0), Some(15000.0))
        );
        assert_eq!(c["sources"], 2);
    }

    let (path, m) = export_to(&store, dir.path(), What::Claims, Format::Csv);
    let csv_text = read(&path);
    let (headers, rows) = csv_table(&csv_text);
    assert_eq!((rows.len(), m), (n, n));
    let metric = col(&headers, "metric");
    let value = col(&headers, "value");
    assert!(
        rows.iter()
            .any(|r| &r[metric] == "refugees" && &r[value] == "3000000")
    );
    insta::assert_snapshot!("claims_csv", csv_text);

    let (path, _) = export_to(&store, dir.path(), What::Claims, Format::Hxl);
    let hxl_text = read(&path);
    let (headers, rows) = csv_table(&hxl_text);
    assert_eq!(rows.len(), n + 1, "a hashtag row, then the claims");
    let tags = &rows[0];
    for tag in [
        "#date+reported",
        "#date+occurred",
        "#affected+killed",
        "#affected+injured",
        "#affected+idps",
        "#affected+refugees",
        "#adm1+name",
        "#loc+name",
        "#geo+lat",
        "#geo+lon",
        "#meta+source",
        "#meta+url",
        "#org+reporting",
    ] {
        assert!(tags.iter().any(|t| t == tag), "{tag} missing from {tags:?}");
    }
    let refugees = col(&headers, "refugees");
    let killed = col(&headers, "killed");
    let refugee_rows: Vec<&csv::StringRecord> = rows[1..]
        .iter()
        .filter(|r| !r[refugees].is_empty())
        .collect();
    assert_eq!(
        refugee_rows.len(),
        4,
        "each refugee figure in the refugees column"
    );
    assert!(refugee_rows.iter().all(|r| r[killed].is_empty()));
    insta::assert_snapshot!("claims_hxl", hxl_text);

    let (path, placed) = export_to(&store, dir.path(), What::Claims, Format::Geojson);
    let geo_text = read(&path);
    let fc = match geo_text.parse::<geojson::GeoJson>().expect("valid GeoJSON") {
        geojson::GeoJson::FeatureCollection(fc) => fc,
        other => panic!("not a FeatureCollection: {other:?}"),
    };
    let with_coordinates = lines.iter().filter(|c| c["lat"].is_number()).count();
    assert_eq!(
        fc.features.len(),
        with_coordinates,
        "only claims with coordinates"
    );
    assert_eq!(placed, n, "every claim was offered to the sink");
    for f in &fc.features {
        let Some(geojson::Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
            panic!("not a point: {f:?}");
        };
        // The corpus is about Ukraine and its neighbours: longitude first.
        assert!(
            (20.0..45.0).contains(&p[0]) && (44.0..56.0).contains(&p[1]),
            "{p:?}"
        );
    }

    let (path, _) = export_to(&store, dir.path(), What::Claims, Format::Parquet);
    let reader =
        SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("Parquet");
    assert_eq!(reader.metadata().file_metadata().num_rows() as usize, n);
    let mut digest = String::new();
    for row in reader.get_row_iter(None).expect("rows") {
        let row = row.expect("row");
        let get = |name: &str| {
            row.get_column_iter()
                .find(|(c, _)| c.as_str() == name)
                .map(|(_, f)| f.clone())
                .unwrap_or(Field::Null)
        };
        let _ = writeln!(
            digest,
            "{} {} {} {} low={} best={} high={} as_of={}",
            get("metric"),
            get("value"),
            get("value_kind"),
            get("place"),
            get("low"),
            get("best"),
            get("high"),
            get("as_of")
        );
    }
    insta::assert_snapshot!("claims_parquet_rows", digest);
}

#[test]
fn events_export_acled_like_rows_and_geojson() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path());
    let (path, n) = export_to(&store, dir.path(), What::Events, Format::Csv);
    let text = read(&path);
    let (headers, rows) = csv_table(&text);
    assert_eq!(rows.len(), n);
    assert_eq!(
        &headers[..11],
        [
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "location",
            "latitude",
            "longitude",
            "source",
            "notes",
            "fatalities"
        ]
    );
    let kind = col(&headers, "sitrep_type");
    let date = col(&headers, "event_date");
    assert!(
        rows.iter()
            .any(|r| &r[kind] == "talks" && &r[date] == "2022-03-29")
    );
    insta::assert_snapshot!("events_csv", text);

    let (path, _) = export_to(&store, dir.path(), What::Events, Format::Hxl);
    let (_, rows) = csv_table(&read(&path));
    assert_eq!(rows.len(), n + 1);
    assert!(rows[0].iter().any(|t| t == "#event+type"));

    let (path, _) = export_to(&store, dir.path(), What::Events, Format::Geojson);
    let fc = match read(&path)
        .parse::<geojson::GeoJson>()
        .expect("valid GeoJSON")
    {
        geojson::GeoJson::FeatureCollection(fc) => fc,
        other => panic!("not a FeatureCollection: {other:?}"),
    };
    assert!(!fc.features.is_empty() && fc.features.len() <= n);

    let (path, _) = export_to(&store, dir.path(), What::Events, Format::Parquet);
    let reader =
        SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("Parquet");
    assert_eq!(reader.metadata().file_metadata().num_rows() as usize, n);

    let (path, m) = export_to(&store, dir.path(), What::Events, Format::Jsonl);
    assert_eq!(read(&path).lines().count(), m);
}

#[test]
fn articles_export_with_their_copies_and_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path());
    let (path, n) = export_to(&store, dir.path(), What::Articles, Format::Csv);
    assert_eq!(n, 12, "copies included");
    let text = read(&path);
    let (headers, rows) = csv_table(&text);
    let copy_of = col(&headers, "copy_of");
    assert_eq!(rows.iter().filter(|r| !r[copy_of].is_empty()).count(), 1);
    let claims = col(&headers, "claims");
    let total: usize = rows
        .iter()
        .map(|r| r[claims].parse::<usize>().expect("count"))
        .sum();
    let (_, claim_count) = export_to(&store, dir.path(), What::Claims, Format::Jsonl);
    assert_eq!(total, claim_count);
    // Paths are as given, so the clone's location is redacted.
    let here = env!("CARGO_MANIFEST_DIR");
    insta::assert_snapshot!("articles_csv", text.replace(here, "<crate>"));
    let (path, _) = export_to(&store, dir.path(), What::Articles, Format::Hxl);
    let (_, rows) = csv_table(&read(&path));
    assert!(rows[0].iter().any(|t| t == "#date+reported"));
    let (path, _) = export_to(&store, dir.path(), What::Articles, Format::Parquet);
    let reader =
        SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("Parquet");
    assert_eq!(reader.metadata().file_metadata().num_rows(), 12);
    let err = record::export(
        &store,
        What::Articles,
        Format::Geojson,
        &Default::default(),
        Box::new(Vec::new()),
        &Config::default(),
    );
    assert!(err.is_err(), "articles have no coordinates of their own");
}
