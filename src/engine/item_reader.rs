//! `ItemReader` offline: an S3 location `s3://bucket/key` is the local file
//! `<root>/bucket/key` (the root comes from `SFN_S3_ROOT`). CSV and JSON Lines are read
//! one row at a time, so a map run's memory does not grow with the file.
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::{json, Map, Value};

use super::map_run::ReaderSpec;
use super::s3_local::{S3PathError, S3Root};
use crate::asl::definition::{CsvHeaderLocation, InputType, ReaderConfig};
use crate::asl::error::{names, quote};
use crate::asl::StatesError;

/// A stream of items.
pub type Items = Box<dyn Iterator<Item = Result<Value, StatesError>>>;

fn failed(cause: impl Into<String>) -> StatesError {
    StatesError::new(names::ITEM_READER_FAILED, cause)
}

fn param<'a>(spec: &'a ReaderSpec, key: &str) -> Option<&'a str> {
    spec.parameters.get(key).and_then(Value::as_str)
}

/// Opens the reader's item stream (`MaxItems` applied).
pub fn open(root: Option<&Path>, spec: &ReaderSpec) -> Result<Items, StatesError> {
    let Some(root) = root else {
        return Err(failed(
            "sfn reads ItemReader objects from local files: s3://<bucket>/<key> is \
             $SFN_S3_ROOT/<bucket>/<key>, and the environment variable SFN_S3_ROOT is not set",
        ));
    };
    let root = S3Root::new(root).map_err(s3_failed)?;
    let bucket = param(spec, "Bucket")
        .ok_or_else(|| failed("The field 'Bucket' is required by the ItemReader Parameters"))?;
    let action = spec.resource.rsplit(':').next().unwrap_or_default();
    let items: Items = match action {
        "listObjectsV2" => list_objects(&root, bucket, param(spec, "Prefix").unwrap_or(""))?,
        "getObject" => {
            let key = param(spec, "Key").ok_or_else(|| {
                failed("The field 'Key' is required by the ItemReader Parameters")
            })?;
            get_object(&root, bucket, key, &spec.config)?
        }
        other => {
            return Err(failed(format!(
                "The ItemReader resource action '{}' is not supported",
                quote(other)
            )))
        }
    };
    Ok(match spec.max_items {
        0 => items,
        n => Box::new(items.take(n as usize)),
    })
}

fn s3_failed(e: S3PathError) -> StatesError {
    failed(e.to_string())
}

fn get_object(
    root: &S3Root,
    bucket: &str,
    key: &str,
    config: &ReaderConfig,
) -> Result<Items, StatesError> {
    let open = || root.open(bucket, key).map_err(s3_failed);
    match config.input_type {
        Some(InputType::Csv) => csv_items(BufReader::new(open()?), config),
        Some(InputType::Jsonl) => Ok(jsonl_items(BufReader::new(open()?))),
        // Without a ReaderConfig, getObject reads a JSON array.
        Some(InputType::Json) | None => {
            let value: Value = serde_json::from_reader(BufReader::new(open()?)).map_err(|e| {
                failed(format!(
                    "The object s3://{}/{} is not valid JSON: {e}",
                    quote(bucket),
                    quote(key)
                ))
            })?;
            let value = match config.items_pointer.as_deref() {
                Some(pointer) => value.pointer(pointer).cloned().ok_or_else(|| {
                    failed(format!(
                        "The ItemsPointer '{}' does not point to a value",
                        quote(pointer)
                    ))
                })?,
                None => value,
            };
            match value {
                Value::Array(items) => Ok(Box::new(items.into_iter().map(Ok))),
                _ => Err(failed("Attempting to map over non-iterable node.")),
            }
        }
        Some(InputType::Manifest) => manifest_items(root, bucket, key),
        Some(other @ InputType::Parquet) => Err(failed(format!(
            "sfn cannot read ItemReader InputType {} offline (CSV, JSON, JSONL and MANIFEST are supported)",
            other.as_str()
        ))),
    }
}

/// An S3 inventory manifest (`manifest.json`): its `files` are CSV lists of
/// `Bucket,Key,…` (uncompressed, offline); each row becomes `{"Bucket", "Key"}`.
fn manifest_items(root: &S3Root, bucket: &str, key: &str) -> Result<Items, StatesError> {
    let file = root.open(bucket, key).map_err(s3_failed)?;
    let manifest: Value = serde_json::from_reader(BufReader::new(file)).map_err(|e| {
        failed(format!(
            "The manifest s3://{}/{} is not valid JSON: {e}",
            quote(bucket),
            quote(key)
        ))
    })?;
    let schema: Vec<String> = manifest
        .get("fileSchema")
        .and_then(Value::as_str)
        .unwrap_or("Bucket, Key")
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let files: Vec<String> = manifest
        .get("files")
        .and_then(Value::as_array)
        .ok_or_else(|| failed("The manifest has no 'files' list"))?
        .iter()
        .filter_map(|f| f.get("key").and_then(Value::as_str).map(String::from))
        .collect();
    // The data files are opened now, so a manifest pointing out of the root fails the
    // reader before any item runs.
    let bucket = manifest
        .get("destinationBucket")
        .and_then(Value::as_str)
        .map(|b| b.rsplit(':').next().unwrap_or(b).to_string())
        .unwrap_or_else(|| bucket.to_string());
    let opened = files
        .iter()
        .map(|file_key| root.open(&bucket, file_key).map_err(s3_failed))
        .collect::<Result<Vec<File>, _>>()?;
    let config = ReaderConfig {
        csv_header_location: CsvHeaderLocation::Given,
        csv_headers: Some(schema),
        ..ReaderConfig::default()
    };
    let iter = opened.into_iter().flat_map(move |file| {
        let rows: Items = match csv_items(BufReader::new(file), &config) {
            Ok(rows) => rows,
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        rows.map(|row| {
            row.map(|v| {
                json!({
                    "Bucket": v.get("Bucket").cloned().unwrap_or(Value::Null),
                    "Key": v.get("Key").cloned().unwrap_or(Value::Null),
                })
            })
        })
    });
    Ok(Box::new(iter))
}

/// `listObjectsV2`: one item per file under the prefix, in key order.
fn list_objects(root: &S3Root, bucket: &str, prefix: &str) -> Result<Items, StatesError> {
    let keys = root.list(bucket, prefix).map_err(s3_failed)?;
    Ok(Box::new(keys.into_iter().map(|(key, path)| {
        let meta = std::fs::metadata(&path).map_err(|e| failed(e.to_string()))?;
        let bytes = std::fs::read(&path).map_err(|e| failed(e.to_string()))?;
        let etag = {
            use md5::Digest;
            let digest = md5::Md5::digest(&bytes);
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Ok(json!({
            "Etag": format!("\"{etag}\""),
            "Key": key,
            "LastModified": modified,
            "Size": meta.len(),
            "StorageClass": "STANDARD",
        }))
    })))
}

fn jsonl_items(reader: impl BufRead + 'static) -> Items {
    Box::new(
        reader
            .lines()
            .enumerate()
            .filter(|(_, l)| !matches!(l, Ok(l) if l.trim().is_empty()))
            .map(|(n, line)| {
                let line = line.map_err(|e| failed(e.to_string()))?;
                serde_json::from_str(&line)
                    .map_err(|e| failed(format!("Line {} is not valid JSON: {e}", n + 1)))
            }),
    )
}

fn csv_items(reader: impl BufRead + 'static, config: &ReaderConfig) -> Result<Items, StatesError> {
    let mut rows = CsvRows {
        reader,
        delimiter: config.csv_delimiter.char(),
    };
    let headers: Vec<String> = match config.csv_header_location {
        CsvHeaderLocation::Given => config
            .csv_headers
            .clone()
            .ok_or_else(|| failed("CSVHeaders must be given when CSVHeaderLocation is GIVEN"))?,
        CsvHeaderLocation::FirstRow => match rows.next() {
            Some(row) => row?,
            None => Vec::new(),
        },
    };
    let mut seen = std::collections::HashSet::new();
    if !headers.iter().all(|h| seen.insert(h.as_str())) {
        return Err(failed("CSV headers cannot contain duplicates."));
    }
    Ok(Box::new(rows.map(move |row| {
        let row = row?;
        let mut item = Map::new();
        for (i, header) in headers.iter().enumerate() {
            let cell = row.get(i).cloned().unwrap_or_default();
            item.insert(header.clone(), Value::String(cell));
        }
        Ok(Value::Object(item))
    })))
}

/// RFC 4180 rows: quoted cells may hold delimiters, doubled quotes and line breaks.
struct CsvRows<R> {
    reader: R,
    delimiter: char,
}

impl<R: BufRead> Iterator for CsvRows<R> {
    type Item = Result<Vec<String>, StatesError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut line = String::new();
        loop {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => {
                    if quoted {
                        return Some(Err(failed("CSV row has an unterminated quoted field")));
                    }
                    if cells.is_empty() && cell.is_empty() {
                        return None;
                    }
                    cells.push(cell);
                    return Some(Ok(cells));
                }
                Ok(_) => {}
                Err(e) => return Some(Err(failed(e.to_string()))),
            }
            if !quoted
                && cells.is_empty()
                && cell.is_empty()
                && line.trim_end_matches(['\r', '\n']).is_empty()
            {
                continue; // blank line
            }
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                if quoted {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cell.push('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.push(c);
                    }
                } else if c == '"' {
                    quoted = true;
                } else if c == self.delimiter {
                    cells.push(std::mem::take(&mut cell));
                } else if c == '\n' || (c == '\r' && chars.peek() == Some(&'\n')) {
                    // end of row
                } else {
                    cell.push(c);
                }
            }
            if !quoted {
                cells.push(cell);
                return Some(Ok(cells));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn csv(text: &str, config: ReaderConfig) -> Result<Vec<Value>, StatesError> {
        csv_items(Cursor::new(text.to_string()), &config)?.collect()
    }

    #[test]
    fn csv_first_row_headers_make_string_cells() {
        let rows = csv("a,b\n1,\"x, \"\"y\"\"\"\n3,4\n", ReaderConfig::default()).unwrap();
        assert_eq!(
            rows,
            vec![
                json!({"a": "1", "b": "x, \"y\""}),
                json!({"a": "3", "b": "4"})
            ]
        );
    }

    #[test]
    fn csv_given_headers_and_delimiters() {
        let rows = csv(
            "1|2\n",
            ReaderConfig {
                csv_header_location: CsvHeaderLocation::Given,
                csv_headers: Some(vec!["x".into(), "y".into()]),
                csv_delimiter: crate::asl::definition::CsvDelimiter::Pipe,
                ..ReaderConfig::default()
            },
        )
        .unwrap();
        assert_eq!(rows, vec![json!({"x": "1", "y": "2"})]);
    }

    #[test]
    fn csv_quoted_line_breaks_and_crlf() {
        let rows = csv("a,b\r\n\"l1\nl2\",z\r\n", ReaderConfig::default()).unwrap();
        assert_eq!(rows, vec![json!({"a": "l1\nl2", "b": "z"})]);
    }

    #[test]
    fn csv_duplicate_headers_fail() {
        let err = csv("a,a\n1,2\n", ReaderConfig::default()).unwrap_err();
        assert_eq!(err.error.as_deref(), Some(names::ITEM_READER_FAILED));
        assert_eq!(
            err.cause.as_deref(),
            Some("CSV headers cannot contain duplicates.")
        );
    }

    #[test]
    fn jsonl_reads_lines_and_reports_bad_ones() {
        let items: Vec<_> =
            jsonl_items(Cursor::new("{\"a\":1}\n\n[2]\nnope\n".to_string())).collect();
        assert_eq!(items[0].as_ref().unwrap(), &json!({"a": 1}));
        assert_eq!(items[1].as_ref().unwrap(), &json!([2]));
        assert!(items[2].is_err());
    }

    #[test]
    fn no_root_names_the_variable() {
        let spec = ReaderSpec {
            resource: "arn:aws:states:::s3:getObject".into(),
            parameters: json!({"Bucket": "b", "Key": "k"}),
            config: ReaderConfig::default(),
            max_items: 0,
        };
        let err = open(None, &spec).err().unwrap();
        assert!(err.cause.unwrap().contains("SFN_S3_ROOT"));
    }
}
