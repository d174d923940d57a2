//! Every format is written and read back with an independent reader: csv for CSV and HXL,
//! geojson for GeoJSON, Parquet's own reader, serde_json for JSON Lines.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use export::{
    ArticleExport, ClaimExport, EventExport, ExportError, Format, Sink, articles_sink, claims_sink,
    events_sink,
};
use model::{
    ActorRow, ArticleId, ArticleRef, ArticleRow, ClaimRow, EventPlaceRow, EventRow, GeoPoint,
    Observed, Span,
};
use parquet::basic::{ConvertedType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row, RowAccessor};
use serde_json::{Value, json};

// ---------------------------------------------------------------- output capture

/// An output the test can read after the sink has consumed its box.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

fn write_all<T>(mut sink: Box<dyn Sink<T> + Send>, items: &[T]) {
    for item in items {
        sink.write(item).unwrap();
    }
    sink.finish().unwrap();
}

fn claims_text(format: Format, items: &[ClaimExport]) -> String {
    let out = Shared::default();
    write_all(claims_sink(format, Box::new(out.clone())).unwrap(), items);
    out.text()
}

fn events_text(format: Format, items: &[EventExport]) -> String {
    let out = Shared::default();
    write_all(events_sink(format, Box::new(out.clone())).unwrap(), items);
    out.text()
}

fn articles_text(format: Format, items: &[ArticleExport]) -> String {
    let out = Shared::default();
    write_all(articles_sink(format, Box::new(out.clone())).unwrap(), items);
    out.text()
}

/// Writes Parquet to a temporary file and reads back its rows.
fn parquet_rows<T>(
    make: impl FnOnce(Format, export::Output) -> Result<Box<dyn Sink<T> + Send>, ExportError>,
    items: impl IntoIterator<Item = T>,
) -> (SerializedFileReader<std::fs::File>, Vec<Row>) {
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut sink = make(Format::Parquet, Box::new(file.reopen().unwrap())).unwrap();
    for item in items {
        sink.write(&item).unwrap();
    }
    sink.finish().unwrap();
    let rows: Vec<Row> = SerializedFileReader::new(file.reopen().unwrap())
        .unwrap()
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    (
        SerializedFileReader::new(file.reopen().unwrap()).unwrap(),
        rows,
    )
}

fn field<'r>(row: &'r Row, name: &str) -> &'r Field {
    row.get_column_iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, f)| f)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn column_type(reader: &SerializedFileReader<std::fs::File>, name: &str) -> (Physical, bool) {
    let schema = reader.metadata().file_metadata().schema_descr();
    let col = (0..schema.num_columns())
        .map(|i| schema.column(i))
        .find(|c| c.name() == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    (col.physical_type(), col.self_type().is_optional())
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (headers, rows)
}

fn cell<'r>(headers: &[String], row: &'r csv::StringRecord, name: &str) -> &'r str {
    let i = headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    row.get(i).unwrap()
}

fn jsonl(text: &str) -> Vec<serde_json::Map<String, Value>> {
    assert!(text.ends_with('\n'));
    text.lines()
        .map(|l| match serde_json::from_str::<Value>(l).unwrap() {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

fn features(text: &str) -> Vec<geojson::Feature> {
    match text.parse::<geojson::GeoJson>().unwrap() {
        geojson::GeoJson::FeatureCollection(fc) => fc.features,
        other => panic!("not a FeatureCollection: {other:?}"),
    }
}

fn point(f: &geojson::Feature) -> Vec<f64> {
    match &f.geometry.as_ref().unwrap().value {
        geojson::Value::Point(p) => p.clone(),
        other => panic!("not a point: {other:?}"),
    }
}

// ---------------------------------------------------------------- fixtures

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn article(id: &str, outlet: Option<&str>) -> ArticleRef {
    ArticleRef {
        id: ArticleId::from_stored(id),
        copy_group: ArticleId::from_stored(format!("g{id}")),
        outlet: outlet.map(str::to_string),
        title: Some(format!("Title of {id}")),
        url: Some(format!("https://news.example/{id}")),
        published: Some(day(2022, 3, 29)),
    }
}

fn kharkiv() -> GeoPoint {
    GeoPoint {
        geonameid: Some(706_483),
        lat: 49.98081,
        lon: 36.25272,
        country: Some("UA".into()),
        level: Some("city".into()),
    }
}

fn donetsk_oblast() -> GeoPoint {
    GeoPoint {
        geonameid: Some(709_716),
        lat: 48.0,
        lon: 37.75,
        country: Some("UA".into()),
        level: Some("admin1".into()),
    }
}

fn span(sentence: &str, text: &str) -> Span {
    let start = sentence
        .find(text)
        .map_or(0, |b| sentence[..b].chars().count());
    Span {
        sentence: sentence.into(),
        start,
        end: start + text.chars().count(),
        text: text.into(),
    }
}

fn claim(
    id: &str,
    metric: &str,
    value: f64,
    place: Option<&str>,
    geo: Option<GeoPoint>,
    sentence: &str,
) -> ClaimExport {
    ClaimExport {
        claim: Observed {
            article: article(id, Some("Kyiv Independent")),
            seq: 0,
            item: ClaimRow {
                metric: metric.into(),
                value,
                value_kind: "exact".into(),
                value_max: None,
                unit: "people".into(),
                group: Some("civilians".into()),
                side: None,
                place: place.map(str::to_string),
                scope: None,
                geo,
                as_of: Some(day(2022, 3, 28)),
                source: Some("regional governor".into()),
                hedged: false,
                span: span(sentence, &value.to_string()),
                rule: "metric-after".into(),
            },
        },
        low: value - 1.0,
        best: value,
        high: value + 2.0,
        sources: 3,
    }
}

const TRICKY: &str =
    "\"At least 12 people,\" he said, \"were killed\nin Kharkiv\" — Харків, 北京; done.";

fn claims() -> Vec<ClaimExport> {
    let mut tricky = claim(
        "a1",
        "killed",
        12.0,
        Some("Kharkiv"),
        Some(kharkiv()),
        TRICKY,
    );
    tricky.claim.item.hedged = true;
    tricky.claim.item.scope = Some("Ukrainian-held areas".into());
    let mut aid = claim(
        "a2",
        "aid",
        40.5,
        Some("Donetsk Oblast"),
        Some(donetsk_oblast()),
        "Some 40.5 tonnes of aid reached Donetsk Oblast.",
    );
    aid.claim.item.unit = "tonnes".into();
    aid.claim.item.value_kind = "range".into();
    aid.claim.item.value_max = Some(45.0);
    let mut displaced = claim(
        "a3",
        "displaced",
        6_500_000.0,
        None,
        None,
        "6500000 people are displaced inside the country.",
    );
    displaced.claim.article.outlet = None;
    displaced.claim.article.published = None;
    displaced.claim.item.as_of = None;
    displaced.claim.item.source = None;
    displaced.claim.item.group = None;
    vec![tricky, aid, displaced]
}

fn actor(name: &str, role: &str) -> ActorRow {
    ActorRow {
        name: name.into(),
        role: role.into(),
        side: None,
    }
}

fn event(id: &str, kind: &str, geo: Option<GeoPoint>, sentence: &str) -> EventExport {
    EventExport {
        event: Observed {
            article: article(id, Some("Reuters")),
            seq: 1,
            item: EventRow {
                kind: kind.into(),
                date: Some("2022-03-27".into()),
                date_end: None,
                place: geo.as_ref().map(|_| "Kharkiv".to_string()),
                geo: geo.clone(),
                places: geo
                    .map(|g| EventPlaceRow {
                        role: "location".into(),
                        name: "Kharkiv".into(),
                        geo: Some(g),
                    })
                    .into_iter()
                    .collect(),
                actors: vec![],
                status: Some("occurred".into()),
                attributes: BTreeMap::new(),
                source: None,
                hedged: false,
                acled_event_type: "Explosions/Remote violence".into(),
                acled_sub_event_type: "Shelling/artillery/missile attack".into(),
                cameo: "195".into(),
                plover: "ATTACK".into(),
                span: span(sentence, "shelled"),
                rule: "trigger:shelled".into(),
            },
        },
    }
}

fn events() -> Vec<EventExport> {
    let mut attack = event("e1", "attack", Some(kharkiv()), TRICKY);
    attack.event.item.actors = vec![
        actor("civilians", "target"),
        actor("Russian forces", "perpetrator"),
    ];
    attack
        .event
        .item
        .attributes
        .insert("killed".into(), json!(4));
    attack
        .event
        .item
        .attributes
        .insert("injured".into(), json!(7.0));
    attack.event.item.source = Some("Oleh Synehubov".into());
    attack.event.item.date_end = Some("2022-03-28".into());
    let mut talks = event(
        "e2",
        "talks",
        None,
        "Delegations met in Istanbul, talks went on.",
    );
    talks.event.item.date = Some("2022-W13".into());
    talks.event.item.actors = vec![
        actor("Ukraine", "party"),
        actor("Turkey", "mediator"),
        actor("Russia", "party"),
    ];
    talks.event.item.acled_event_type = "Strategic developments".into();
    talks.event.item.acled_sub_event_type = "Agreement".into();
    talks.event.article.outlet = None;
    vec![attack, talks]
}

fn articles() -> Vec<ArticleExport> {
    vec![
        ArticleExport {
            article: ArticleRow {
                id: ArticleId::from_stored("a1"),
                published: Some(day(2022, 3, 29)),
                published_inferred: false,
                outlet: Some("Kyiv Independent".into()),
                title: Some("Shelling, \"again\",\nin Харків".into()),
                url: Some("https://news.example/a1".into()),
                path: "/data/a1.html".into(),
                copy_group: ArticleId::from_stored("a1"),
                copy_of: None,
                copies: 1,
            },
            claims: 5,
            events: 1,
        },
        ArticleExport {
            article: ArticleRow {
                id: ArticleId::from_stored("a2"),
                published: None,
                published_inferred: true,
                outlet: None,
                title: None,
                url: None,
                path: "-".into(),
                copy_group: ArticleId::from_stored("a1"),
                copy_of: Some(ArticleId::from_stored("a1")),
                copies: 1,
            },
            claims: 0,
            events: 0,
        },
    ]
}

// ---------------------------------------------------------------- formats

#[test]
fn format_names_round_trip() {
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        assert_eq!(f.to_string(), f.as_str());
    }
    assert_eq!("GeoJSON".parse::<Format>().unwrap(), Format::Geojson);
    assert!("xlsx".parse::<Format>().is_err());
    assert_eq!(Format::Hxl.extension(), "csv");
}

// ---------------------------------------------------------------- claims

const CLAIM_COLUMNS: &[&str] = &[
    "article_id",
    "copy_group",
    "outlet",
    "title",
    "url",
    "published",
    "seq",
    "metric",
    "value",
    "value_kind",
    "value_max",
    "unit",
    "group",
    "side",
    "place",
    "scope",
    "lat",
    "lon",
    "geonameid",
    "country",
    "geo_level",
    "as_of",
    "source",
    "hedged",
    "sentence",
    "span_start",
    "span_end",
    "span_text",
    "rule",
    "low",
    "best",
    "high",
    "sources",
];

#[test]
fn claims_jsonl() {
    let text = claims_text(Format::Jsonl, &claims());
    let rows = jsonl(&text);
    assert_eq!(rows.len(), 3);
    let keys: Vec<&str> = rows[0].keys().map(String::as_str).collect();
    let mut expected = CLAIM_COLUMNS.to_vec();
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);

    let r = &rows[0];
    assert_eq!(r["article_id"], "a1");
    assert_eq!(r["outlet"], "Kyiv Independent");
    assert_eq!(r["title"], "Title of a1");
    assert_eq!(r["url"], "https://news.example/a1");
    assert_eq!(r["published"], "2022-03-29");
    assert_eq!(r["as_of"], "2022-03-28");
    assert_eq!(r["metric"], "killed");
    assert_eq!(r["value"], 12.0);
    assert_eq!(r["lat"], 49.98081);
    assert_eq!(r["lon"], 36.25272);
    assert_eq!(r["geonameid"], 706_483);
    assert_eq!(r["country"], "UA");
    assert_eq!(r["sentence"], TRICKY);
    assert_eq!(r["hedged"], true);
    assert_eq!(r["low"], 11.0);
    assert_eq!(r["best"], 12.0);
    assert_eq!(r["high"], 14.0);
    assert_eq!(r["sources"], 3);
    assert_eq!(r["value_max"], Value::Null);

    let r = &rows[2];
    assert_eq!(r["lat"], Value::Null);
    assert_eq!(r["geonameid"], Value::Null);
    assert_eq!(r["outlet"], Value::Null);
    assert_eq!(r["published"], Value::Null);
    assert_eq!(r["value"], 6_500_000.0);
}

#[test]
fn claims_csv() {
    let text = claims_text(Format::Csv, &claims());
    let (headers, rows) = csv_rows(&text);
    assert_eq!(headers, CLAIM_COLUMNS);
    assert_eq!(rows.len(), 3);
    let r = &rows[0];
    assert_eq!(cell(&headers, r, "sentence"), TRICKY);
    assert_eq!(cell(&headers, r, "value"), "12");
    assert_eq!(cell(&headers, r, "lat"), "49.98081");
    assert_eq!(cell(&headers, r, "lon"), "36.25272");
    assert_eq!(cell(&headers, r, "published"), "2022-03-29");
    assert_eq!(cell(&headers, r, "hedged"), "true");
    assert_eq!(cell(&headers, r, "sources"), "3");
    assert_eq!(cell(&headers, r, "value_max"), "");
    assert_eq!(cell(&headers, &rows[1], "value"), "40.5");
    assert_eq!(cell(&headers, &rows[1], "value_max"), "45");
    let r = &rows[2];
    assert_eq!(cell(&headers, r, "value"), "6500000");
    assert_eq!(cell(&headers, r, "lat"), "");
    assert_eq!(cell(&headers, r, "outlet"), "");
    assert_eq!(cell(&headers, r, "published"), "");
    assert_eq!(cell(&headers, r, "hedged"), "false");
}

#[test]
fn claims_hxl_pivot_metrics() {
    let text = claims_text(Format::Hxl, &claims());
    let (headers, rows) = csv_rows(&text);
    assert_eq!(rows.len(), 1 + 3, "a tag row, then one row per claim");
    let tags = &rows[0];
    assert!(tags.iter().all(|t| t.starts_with('#')), "{tags:?}");
    let tag = |name: &str| cell(&headers, tags, name).to_string();
    assert_eq!(tag("date_reported"), "#date+reported");
    assert_eq!(tag("date_occurred"), "#date+occurred");
    assert_eq!(tag("killed"), "#affected+killed");
    assert_eq!(tag("injured"), "#affected+injured");
    assert_eq!(tag("displaced"), "#affected+idps");
    assert_eq!(tag("refugees"), "#affected+refugees");
    assert_eq!(tag("other_value"), "#indicator+num");
    assert_eq!(tag("metric"), "#indicator+name");
    assert_eq!(tag("adm1"), "#adm1+name");
    assert_eq!(tag("location"), "#loc+name");
    assert_eq!(tag("scope"), "#loc+scope");
    assert_eq!(tag("lat"), "#geo+lat");
    assert_eq!(tag("lon"), "#geo+lon");
    assert_eq!(tag("outlet"), "#org+reporting");
    assert_eq!(tag("url"), "#meta+url");
    assert_eq!(tag("source"), "#meta+source");
    assert_eq!(tag("hedged"), "#meta+hedged");

    let metric_columns = [
        "killed",
        "injured",
        "displaced",
        "refugees",
        "evacuated",
        "missing",
        "detained",
        "trapped",
        "other_value",
    ];
    let filled = |row: &csv::StringRecord| -> Vec<&str> {
        metric_columns
            .iter()
            .copied()
            .filter(|c| !cell(&headers, row, c).is_empty())
            .collect()
    };
    let killed = &rows[1];
    assert_eq!(filled(killed), ["killed"]);
    assert_eq!(cell(&headers, killed, "killed"), "12");
    assert_eq!(cell(&headers, killed, "date_reported"), "2022-03-29");
    assert_eq!(cell(&headers, killed, "date_occurred"), "2022-03-28");
    assert_eq!(cell(&headers, killed, "location"), "Kharkiv");
    assert_eq!(cell(&headers, killed, "scope"), "Ukrainian-held areas");
    assert_eq!(cell(&headers, killed, "adm1"), "", "a city is not admin1");
    assert_eq!(cell(&headers, killed, "sentence"), TRICKY);
    assert_eq!(cell(&headers, killed, "best"), "12");

    let aid = &rows[2];
    assert_eq!(filled(aid), ["other_value"]);
    assert_eq!(cell(&headers, aid, "other_value"), "40.5");
    assert_eq!(cell(&headers, aid, "metric"), "aid");
    assert_eq!(cell(&headers, aid, "adm1"), "Donetsk Oblast");

    let displaced = &rows[3];
    assert_eq!(filled(displaced), ["displaced"]);
    assert_eq!(cell(&headers, displaced, "displaced"), "6500000");
    assert_eq!(cell(&headers, displaced, "lat"), "");
}

#[test]
fn claims_geojson_only_located() {
    let text = claims_text(Format::Geojson, &claims());
    let features = features(&text);
    assert_eq!(features.len(), 2, "the claim without geo is left out");
    assert_eq!(point(&features[0]), vec![36.25272, 49.98081], "[lon, lat]");
    assert_eq!(point(&features[1]), vec![37.75, 48.0]);
    let props = features[0].properties.as_ref().unwrap();
    assert_eq!(props["sentence"], TRICKY);
    assert_eq!(props["metric"], "killed");
    assert_eq!(props["best"], 12.0);
    assert_eq!(props.len(), CLAIM_COLUMNS.len());
    assert_eq!(features[1].property("article_id").unwrap(), "a2");
}

#[test]
fn geojson_without_items_is_an_empty_collection() {
    assert!(features(&claims_text(Format::Geojson, &[])).is_empty());
    let unlocated = vec![claims().remove(2)];
    assert!(features(&claims_text(Format::Geojson, &unlocated)).is_empty());
}

#[test]
fn claims_parquet_row_groups_types_and_nulls() {
    const N: usize = 20_000;
    let base = claims();
    let items = (0..N).map(|i| {
        let mut c = base[i % 3].clone();
        c.claim.seq = i;
        c.best = i as f64;
        c
    });
    let (reader, rows) = parquet_rows(claims_sink, items);

    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), N as i64);
    let groups: Vec<i64> = meta.row_groups().iter().map(|g| g.num_rows()).collect();
    assert_eq!(groups, [8192, 8192, 3616]);
    assert_eq!(
        meta.row_group(0).column(0).compression(),
        parquet::basic::Compression::SNAPPY
    );

    assert_eq!(
        column_type(&reader, "article_id"),
        (Physical::BYTE_ARRAY, false)
    );
    assert_eq!(column_type(&reader, "outlet"), (Physical::BYTE_ARRAY, true));
    assert_eq!(column_type(&reader, "value"), (Physical::DOUBLE, true));
    assert_eq!(column_type(&reader, "lat"), (Physical::DOUBLE, true));
    assert_eq!(column_type(&reader, "seq"), (Physical::INT64, false));
    assert_eq!(column_type(&reader, "sources"), (Physical::INT64, false));
    assert_eq!(column_type(&reader, "span_start"), (Physical::INT64, false));
    assert_eq!(column_type(&reader, "geonameid"), (Physical::INT64, true));
    assert_eq!(column_type(&reader, "hedged"), (Physical::BOOLEAN, false));
    assert_eq!(column_type(&reader, "published"), (Physical::INT32, true));
    let schema = meta.file_metadata().schema_descr();
    let published = (0..schema.num_columns())
        .map(|i| schema.column(i))
        .find(|c| c.name() == "published")
        .unwrap();
    assert_eq!(published.converted_type(), ConvertedType::DATE);

    assert_eq!(rows.len(), N);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), CLAIM_COLUMNS.len());
        assert_eq!(field(row, "seq"), &Field::Long(i as i64));
        assert_eq!(field(row, "best"), &Field::Double(i as f64));
    }
    let located = &rows[0];
    assert_eq!(located.get_string(0).unwrap(), "a1");
    assert_eq!(field(located, "sentence"), &Field::Str(TRICKY.into()));
    assert_eq!(field(located, "value"), &Field::Double(12.0));
    assert_eq!(field(located, "lat"), &Field::Double(49.98081));
    assert_eq!(field(located, "geonameid"), &Field::Long(706_483));
    assert_eq!(field(located, "hedged"), &Field::Bool(true));
    let days = (day(2022, 3, 29) - day(1970, 1, 1)).num_days() as i32;
    assert_eq!(field(located, "published"), &Field::Date(days));
    assert_eq!(field(located, "value_max"), &Field::Null);
    assert_eq!(field(&rows[1], "value_max"), &Field::Double(45.0));
    // The last unlocated claim, in the third row group.
    let unlocated = &rows[(0..N).rev().find(|i| i % 3 == 2).unwrap()];
    assert_eq!(field(unlocated, "metric"), &Field::Str("displaced".into()));
    assert_eq!(field(unlocated, "lat"), &Field::Null);
    assert_eq!(field(unlocated, "geonameid"), &Field::Null);
    assert_eq!(field(unlocated, "outlet"), &Field::Null);
    assert_eq!(field(unlocated, "published"), &Field::Null);
    assert_eq!(field(unlocated, "hedged"), &Field::Bool(false));
}

#[test]
fn parquet_without_items_is_a_valid_empty_file() {
    let (reader, rows) = parquet_rows(claims_sink, Vec::new());
    assert!(rows.is_empty());
    assert_eq!(reader.metadata().num_row_groups(), 0);
    assert_eq!(
        reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .num_columns(),
        CLAIM_COLUMNS.len()
    );
}

#[test]
fn non_finite_numbers_are_absent() {
    let mut c = claims().remove(0);
    c.low = f64::NAN;
    c.high = f64::INFINITY;
    let rows = jsonl(&claims_text(Format::Jsonl, std::slice::from_ref(&c)));
    assert_eq!(rows[0]["low"], Value::Null);
    assert_eq!(rows[0]["high"], Value::Null);
    let (headers, rows) = csv_rows(&claims_text(Format::Csv, std::slice::from_ref(&c)));
    assert_eq!(cell(&headers, &rows[0], "low"), "");
    let (_, rows) = parquet_rows(claims_sink, [c]);
    assert_eq!(field(&rows[0], "low"), &Field::Null);
    assert_eq!(field(&rows[0], "high"), &Field::Null);
    assert_eq!(field(&rows[0], "best"), &Field::Double(12.0));
}

// ---------------------------------------------------------------- events

const ACLED: &[&str] = &[
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
    "fatalities",
];

const SITREP: &[&str] = &[
    "sitrep_type",
    "status",
    "date_end",
    "cameo",
    "plover",
    "article_id",
    "url",
    "published",
    "hedged",
];

#[test]
fn events_csv_acled_columns() {
    let text = events_text(Format::Csv, &events());
    let (headers, rows) = csv_rows(&text);
    assert_eq!(headers[..ACLED.len()], *ACLED);
    assert_eq!(headers[ACLED.len()..ACLED.len() + SITREP.len()], *SITREP);
    assert_eq!(rows.len(), 2);

    let attack = &rows[0];
    let c = |name| cell(&headers, attack, name);
    assert_eq!(c("event_date"), "2022-03-27");
    assert_eq!(c("event_type"), "Explosions/Remote violence");
    assert_eq!(c("sub_event_type"), "Shelling/artillery/missile attack");
    assert_eq!(c("actor1"), "Russian forces", "the perpetrator comes first");
    assert_eq!(c("actor2"), "civilians");
    assert_eq!(c("location"), "Kharkiv");
    assert_eq!(c("latitude"), "49.98081");
    assert_eq!(c("longitude"), "36.25272");
    assert_eq!(c("source"), "Reuters; Oleh Synehubov");
    assert_eq!(c("notes"), TRICKY);
    assert_eq!(c("fatalities"), "4");
    assert_eq!(c("sitrep_type"), "attack");
    assert_eq!(c("date_end"), "2022-03-28");
    assert_eq!(c("cameo"), "195");
    assert_eq!(c("plover"), "ATTACK");
    assert_eq!(c("article_id"), "e1");
    assert_eq!(c("published"), "2022-03-29");
    assert_eq!(c("hedged"), "false");
    let attributes: Value = serde_json::from_str(c("attributes")).unwrap();
    assert_eq!(attributes["killed"], 4);
    let actors: Value = serde_json::from_str(c("actors")).unwrap();
    assert_eq!(actors.as_array().unwrap().len(), 2);

    let talks = &rows[1];
    let c = |name| cell(&headers, talks, name);
    assert_eq!(c("event_date"), "", "a week is not a day");
    assert_eq!(c("date_timex"), "2022-W13");
    assert_eq!(c("actor1"), "Ukraine");
    assert_eq!(c("actor2"), "Russia", "parties before the mediator");
    assert_eq!(c("fatalities"), "0");
    assert_eq!(c("source"), "");
    assert_eq!(c("latitude"), "");
}

#[test]
fn events_jsonl_keeps_structure() {
    let rows = jsonl(&events_text(Format::Jsonl, &events()));
    assert_eq!(rows.len(), 2);
    let a = &rows[0];
    assert_eq!(a["actor1"], "Russian forces");
    assert_eq!(a["fatalities"], 4);
    assert_eq!(a["notes"], TRICKY);
    assert_eq!(a["actors"][1]["role"], "perpetrator");
    assert_eq!(a["places"][0]["geo"]["lat"], 49.98081);
    assert_eq!(a["attributes"]["injured"], 7.0);
    assert_eq!(rows[1]["latitude"], Value::Null);
    assert_eq!(rows[1]["event_date"], Value::Null);
}

#[test]
fn events_hxl() {
    let (headers, rows) = csv_rows(&events_text(Format::Hxl, &events()));
    assert_eq!(rows.len(), 3);
    let tags = &rows[0];
    let tag = |name: &str| cell(&headers, tags, name).to_string();
    assert_eq!(tag("date_occurred"), "#date+occurred");
    assert_eq!(tag("event_type"), "#event+type");
    assert_eq!(tag("location"), "#loc+name");
    assert_eq!(tag("lat"), "#geo+lat");
    assert_eq!(tag("lon"), "#geo+lon");
    assert_eq!(tag("killed"), "#affected+killed");
    assert_eq!(tag("url"), "#meta+url");
    assert_eq!(tag("outlet"), "#org+reporting");
    assert!(tags.iter().all(|t| t.starts_with('#')));
    assert_eq!(cell(&headers, &rows[1], "killed"), "4");
    assert_eq!(cell(&headers, &rows[1], "injured"), "7");
    assert_eq!(cell(&headers, &rows[1], "date_occurred"), "2022-03-27");
    assert_eq!(cell(&headers, &rows[2], "killed"), "", "no count given");
    assert_eq!(cell(&headers, &rows[2], "url"), "https://news.example/e2");
}

#[test]
fn events_geojson() {
    let features = features(&events_text(Format::Geojson, &events()));
    assert_eq!(features.len(), 1);
    assert_eq!(point(&features[0]), vec![36.25272, 49.98081]);
    assert_eq!(features[0].property("fatalities").unwrap(), 4);
    assert_eq!(features[0].property("notes").unwrap(), TRICKY);
}

#[test]
fn events_parquet() {
    let (reader, rows) = parquet_rows(events_sink, events());
    assert_eq!(rows.len(), 2);
    assert_eq!(column_type(&reader, "event_date"), (Physical::INT32, true));
    assert_eq!(column_type(&reader, "fatalities"), (Physical::INT64, false));
    assert_eq!(column_type(&reader, "latitude"), (Physical::DOUBLE, true));
    assert_eq!(
        column_type(&reader, "actors"),
        (Physical::BYTE_ARRAY, false)
    );
    assert_eq!(field(&rows[0], "fatalities"), &Field::Long(4));
    assert_eq!(
        field(&rows[0], "actor1"),
        &Field::Str("Russian forces".into())
    );
    assert_eq!(field(&rows[0], "notes"), &Field::Str(TRICKY.into()));
    let Field::Str(attributes) = field(&rows[0], "attributes") else {
        panic!("attributes are text");
    };
    assert_eq!(
        serde_json::from_str::<Value>(attributes).unwrap()["killed"],
        4
    );
    assert_eq!(field(&rows[1], "event_date"), &Field::Null);
    assert_eq!(field(&rows[1], "latitude"), &Field::Null);
    assert_eq!(field(&rows[1], "fatalities"), &Field::Long(0));
}

// ---------------------------------------------------------------- articles

const ARTICLE_COLUMNS: &[&str] = &[
    "id",
    "published",
    "published_inferred",
    "outlet",
    "title",
    "url",
    "path",
    "copy_group",
    "copy_of",
    "copies",
    "claims",
    "events",
];

#[test]
fn articles_csv_and_jsonl() {
    let (headers, rows) = csv_rows(&articles_text(Format::Csv, &articles()));
    assert_eq!(headers, ARTICLE_COLUMNS);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        cell(&headers, &rows[0], "title"),
        "Shelling, \"again\",\nin Харків"
    );
    assert_eq!(cell(&headers, &rows[0], "claims"), "5");
    assert_eq!(cell(&headers, &rows[1], "copy_of"), "a1");
    assert_eq!(cell(&headers, &rows[1], "published"), "");
    assert_eq!(cell(&headers, &rows[1], "published_inferred"), "true");

    let rows = jsonl(&articles_text(Format::Jsonl, &articles()));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["published"], "2022-03-29");
    assert_eq!(rows[0]["copies"], 1);
    assert_eq!(rows[1]["title"], Value::Null);
}

#[test]
fn articles_hxl() {
    let (headers, rows) = csv_rows(&articles_text(Format::Hxl, &articles()));
    assert_eq!(rows.len(), 3);
    let tag = |name: &str| cell(&headers, &rows[0], name).to_string();
    assert_eq!(tag("date_reported"), "#date+reported");
    assert_eq!(tag("outlet"), "#org+reporting");
    assert_eq!(tag("title"), "#meta+title");
    assert_eq!(tag("url"), "#meta+url");
    assert_eq!(tag("id"), "#meta+id");
    assert_eq!(cell(&headers, &rows[1], "date_reported"), "2022-03-29");
    assert_eq!(cell(&headers, &rows[1], "id"), "a1");
    assert_eq!(cell(&headers, &rows[1], "outlet"), "Kyiv Independent");
}

#[test]
fn articles_parquet() {
    let (reader, rows) = parquet_rows(articles_sink, articles());
    assert_eq!(column_type(&reader, "copies"), (Physical::INT64, false));
    assert_eq!(
        column_type(&reader, "copy_of"),
        (Physical::BYTE_ARRAY, true)
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(field(&rows[0], "id"), &Field::Str("a1".into()));
    assert_eq!(field(&rows[0], "events"), &Field::Long(1));
    assert_eq!(field(&rows[1], "copy_of"), &Field::Str("a1".into()));
    assert_eq!(field(&rows[1], "published"), &Field::Null);
    assert_eq!(field(&rows[1], "published_inferred"), &Field::Bool(true));
}

#[test]
fn articles_geojson_is_unsupported() {
    let err = articles_sink(Format::Geojson, Box::new(Shared::default()))
        .err()
        .unwrap();
    assert!(matches!(
        err,
        ExportError::Unsupported {
            what: "articles",
            format: "geojson"
        }
    ));
}

// ---------------------------------------------------------------- failures

/// An output that fails every write.
struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::other("disk full"))
    }
}

#[test]
fn write_errors_are_reported() {
    for format in Format::ALL {
        let result = claims_sink(format, Box::new(Broken)).and_then(|mut sink| {
            for c in claims() {
                sink.write(&c)?;
            }
            sink.finish()
        });
        assert!(result.is_err(), "{format} swallowed a write error");
    }
}
