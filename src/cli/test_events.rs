//! History events as `get-execution-history` prints them, for the tests of what reads them.
use serde_json::{json, Value};

/// Event `id` of type `ty` following event `prev`, stamped `id` seconds (at most 9) into
/// 2026, with `details` unless they are null.
pub(crate) fn ev(id: i64, prev: i64, ty: &str, details: Value) -> Value {
    let mut e = json!({
        "timestamp": format!("2026-01-01T00:00:0{}.000000+00:00", id.min(9)),
        "type": ty, "id": id, "previousEventId": prev,
    });
    if !details.is_null() {
        e.as_object_mut()
            .unwrap()
            .insert("someEventDetails".into(), details);
    }
    e
}
