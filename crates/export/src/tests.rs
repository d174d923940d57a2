//! Checks of the tables themselves; the formats are tested by reading them back in `tests/`.

use std::collections::HashSet;

use crate::table::Column;
use crate::{articles, claims, events, parquet_sink};

fn tables() -> [(&'static str, &'static [Column]); 6] {
    [
        ("claims", claims::TABLE.columns),
        ("claims hxl", claims::HXL.columns),
        ("events", events::TABLE.columns),
        ("events hxl", events::HXL.columns),
        ("articles", articles::TABLE.columns),
        ("articles hxl", articles::HXL.columns),
    ]
}

#[test]
fn column_names_are_unique_and_plain() {
    for (table, columns) in tables() {
        let mut seen = HashSet::new();
        for c in columns {
            assert!(seen.insert(c.name), "{table}: {} twice", c.name);
            assert!(
                c.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{table}: {}",
                c.name
            );
        }
    }
}

#[test]
fn hxl_tables_tag_every_column() {
    for (table, columns) in tables() {
        let hxl = table.ends_with("hxl");
        for c in columns {
            if !hxl {
                assert!(c.hxl.is_empty(), "{table}: {}", c.name);
                continue;
            }
            let mut parts = c.hxl.split('+');
            let hashtag = parts.next().unwrap_or("");
            assert!(
                hashtag.starts_with('#') && hashtag.len() > 1,
                "{table}: {}",
                c.name
            );
            for attribute in parts {
                assert!(
                    !attribute.is_empty()
                        && attribute
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{table}: {}",
                    c.hxl
                );
            }
        }
    }
}

#[test]
fn hxl_metric_columns_follow_the_metric_list() {
    let names: Vec<&str> = claims::HXL_COLUMNS[3..3 + claims::HXL_METRICS.len()]
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, claims::HXL_METRICS);
    assert_eq!(
        claims::HXL_COLUMNS[3 + claims::HXL_METRICS.len()].name,
        "other_value"
    );
}

#[test]
fn every_table_has_a_parquet_schema() {
    for (table, columns) in tables() {
        let text = parquet_sink::message_type("t", columns);
        let schema = parquet::schema::parser::parse_message_type(&text)
            .unwrap_or_else(|e| panic!("{table}: {e}\n{text}"));
        assert_eq!(schema.get_fields().len(), columns.len(), "{table}");
    }
}
