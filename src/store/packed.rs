//! Long texts (history chunks and payloads, execution inputs, outputs and saved engine
//! states) are stored zstd-compressed, as BLOBs; short ones, and texts written before
//! schema 10, as TEXT. A column holding either is read through [`Packed`].
//!
//! Why: an execution's history text compresses about tenfold, and the bytes SQLite writes
//! (WAL frames, then the checkpoint copying them into the database, then rebuilding the
//! WAL index in the next process that opens the store) cost more than compressing them.
use std::cell::RefCell;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::ToSql;

/// Texts shorter than this are stored as they are: compressing saves little there.
const PACK_MIN: usize = 512;

/// zstd's fastest standard level: most of the ratio higher levels get, at a fraction of
/// their time.
const LEVEL: i32 = 1;

thread_local! {
    // One compression context per thread: making one allocates its tables.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { RefCell::new(None) };
}

/// A text to bind as a statement parameter: a BLOB holding its zstd frame when it is long
/// and that is shorter, else the text.
pub enum Pack<'a> {
    Text(&'a str),
    Frame(Vec<u8>),
}

/// Packs `text` for storing.
pub fn pack(text: &str) -> Pack<'_> {
    if text.len() < PACK_MIN {
        return Pack::Text(text);
    }
    let frame = COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let compressor = match &mut *cell {
            Some(c) => c,
            None => cell.insert(zstd::bulk::Compressor::new(LEVEL).ok()?),
        };
        // A frame that would not be shorter than the text does not fit: zstd stops there.
        let mut frame = Vec::with_capacity(text.len() - 1);
        compressor
            .compress_to_buffer(text.as_bytes(), &mut frame)
            .ok()
            .map(|_| frame)
    });
    match frame {
        Some(frame) => Pack::Frame(frame),
        None => Pack::Text(text),
    }
}

impl ToSql for Pack<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Pack::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            Pack::Frame(frame) => ToSqlOutput::Borrowed(ValueRef::Blob(frame)),
        })
    }
}

/// [`pack`] of an optional text.
pub fn pack_opt(text: Option<&str>) -> Option<Pack<'_>> {
    text.map(pack)
}

/// A text column as stored: TEXT as it is, or a BLOB unpacked.
pub struct Packed(pub String);

impl Packed {
    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromSql for Packed {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(text) => std::str::from_utf8(text)
                .map(|t| Packed(t.to_string()))
                .map_err(|e| FromSqlError::Other(Box::new(e))),
            ValueRef::Blob(frame) => unpack(frame).map(Packed),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// The text a zstd frame holds.
fn unpack(frame: &[u8]) -> FromSqlResult<String> {
    let size = zstd::zstd_safe::get_frame_content_size(frame)
        .ok()
        .flatten()
        .ok_or_else(|| FromSqlError::Other("a stored text's zstd frame has no size".into()))?;
    let bytes = zstd::bulk::decompress(frame, size as usize)
        .map_err(|e| FromSqlError::Other(Box::new(e)))?;
    String::from_utf8(bytes).map_err(|e| FromSqlError::Other(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn round_trip(text: &str) -> (String, String) {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute("CREATE TABLE t (x TEXT)", []).unwrap();
        conn.execute("INSERT INTO t VALUES (?1)", [pack(text)])
            .unwrap();
        conn.query_row("SELECT x, typeof(x) FROM t", [], |r| {
            Ok((r.get::<_, Packed>(0)?.0, r.get(1)?))
        })
        .unwrap()
    }

    #[test]
    fn long_texts_are_stored_compressed_and_read_back_whole() {
        let text = r#"{"id":1,"name":"é😀"}"#.repeat(200);
        assert_eq!(round_trip(&text), (text.clone(), "blob".into()));
    }

    #[test]
    fn short_texts_stay_text() {
        assert_eq!(round_trip("{}"), ("{}".into(), "text".into()));
        let short = "x".repeat(PACK_MIN - 1);
        assert_eq!(round_trip(&short), (short.clone(), "text".into()));
    }

    #[test]
    fn a_damaged_frame_is_an_error_not_a_panic() {
        let conn = Connection::open_in_memory().unwrap();
        let err = conn
            .query_row("SELECT x'28b52ffd0458'", [], |r| r.get::<_, Packed>(0))
            .map(|_| ())
            .unwrap_err();
        assert!(
            matches!(err, rusqlite::Error::FromSqlConversionFailure(..)),
            "{err:?}"
        );
    }
}
