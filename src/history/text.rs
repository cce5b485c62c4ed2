//! Compact JSON text, as history events carry payloads.
use serde_json::Value;

/// The compact JSON text of `value`.
pub fn to_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// Appends the compact JSON text of `value` to `out`.
pub fn write_text(out: &mut Vec<u8>, value: &Value) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(out, value);
}

/// Appends `text` as a JSON string literal.
pub fn write_string(out: &mut Vec<u8>, text: &str) {
    let _ = serde_json::to_writer(out, text);
}

/// The length of [`to_text`]'s text of `value`, without keeping the text (payload size
/// checks run for every state).
pub fn text_len(value: &Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_len_is_the_length_of_the_text() {
        let mut all_bytes = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2028, 0x1f600]) {
            all_bytes.push(char::from_u32(c).unwrap());
        }
        let values = [
            json!({
                "name": "S\"1",
                "all": all_bytes,
                "n": [0, 1, -2, 3.5, 1e300, 0.1, -0.0, 1.0, u64::MAX, i64::MIN, null, true, false, {}, []],
                "nested": {"k\u{0}\u{1f}": {"x": ""}, "long": "abcdefgh\"ijklmnop\\q".repeat(9)},
            }),
            json!(""),
            json!("1234567\n"),
            json!("12345678\t"),
            json!(12.5e-7),
        ];
        for value in values {
            assert_eq!(text_len(&value), to_text(&value).len());
        }
    }
}
