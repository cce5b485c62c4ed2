//! Compact JSON text, as history events carry payloads.
//!
//! Written here rather than through `serde_json::to_writer`: every state's input and output
//! is written out for its history events, and serde_json looks at a string's bytes one at a
//! time, which made writing large payloads most of the cost of running them. The text is
//! byte for byte serde_json's (the tests compare them): the same escapes, and numbers
//! formatted by serde_json itself.
use serde_json::Value;

use super::details::Member;

/// Where text goes: a buffer, or a count of its bytes.
trait Out {
    fn put(&mut self, bytes: &[u8]);
}

impl Out for Vec<u8> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

struct Count(usize);

impl Out for Count {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// The compact JSON text of `value`.
pub fn to_text(value: &Value) -> String {
    let mut out = Vec::with_capacity(128);
    write_text(&mut out, value);
    // Only whole `str`s and ASCII were written.
    String::from_utf8(out).unwrap_or_else(|_| "null".into())
}

/// Appends the compact JSON text of `value` to `out`.
pub fn write_text(out: &mut Vec<u8>, value: &Value) {
    write_value(out, value);
}

/// Appends `text` as a JSON string literal.
pub fn write_string(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2);
    write_str(out, text);
}

/// Appends the compact JSON text of one member's value of an event's details.
pub fn write_member(out: &mut Vec<u8>, member: Member<'_>) {
    match member {
        Member::Str(text) => write_string(out, text),
        Member::NotTruncated => out.extend_from_slice(br#"{"truncated":false}"#),
        Member::Index(i) => out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes()),
        Member::Texts(texts) => write_object(out, texts.iter().map(|(k, t)| (k, t)), |out, t| {
            write_str(out, t)
        }),
        Member::Json(value) => write_value(out, value),
    }
}

/// Compares what is written with a text, byte by byte, without keeping it.
struct Compare<'a> {
    rest: &'a [u8],
    same: bool,
}

impl Out for Compare<'_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if !self.same {
            return;
        }
        match self.rest.strip_prefix(bytes) {
            Some(rest) => self.rest = rest,
            None => self.same = false,
        }
    }
}

/// Whether `text` is [`to_text`]'s text of `value`, without writing that text out (an
/// execution's input is compared with its compact form once, and may be large).
pub fn is_text_of(value: &Value, text: &str) -> bool {
    let mut compare = Compare {
        rest: text.as_bytes(),
        same: true,
    };
    write_value(&mut compare, value);
    compare.same && compare.rest.is_empty()
}

/// The length of [`to_text`]'s text of `value`, without keeping the text (payload size
/// checks run for every state).
pub fn text_len(value: &Value) -> usize {
    let mut count = Count(0);
    write_value(&mut count, value);
    count.0
}

fn write_value(out: &mut impl Out, value: &Value) {
    match value {
        Value::Null => out.put(b"null"),
        Value::Bool(true) => out.put(b"true"),
        Value::Bool(false) => out.put(b"false"),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.put(itoa::Buffer::new().format(i).as_bytes());
            } else if let Some(u) = n.as_u64() {
                out.put(itoa::Buffer::new().format(u).as_bytes());
            } else {
                // Floats exactly as serde_json writes them (its shortest round-trip form).
                let mut buf = Vec::with_capacity(24);
                let _ = serde_json::to_writer(&mut buf, n);
                out.put(&buf);
            }
        }
        Value::String(s) => write_str(out, s),
        Value::Array(items) => write_list(out, [b"[", b"]"], items, write_value),
        Value::Object(members) => write_object(out, members, write_value),
    }
}

/// Writes `items` between `brackets`, separated by commas.
fn write_list<O: Out, T>(
    out: &mut O,
    [open, close]: [&[u8]; 2],
    items: impl IntoIterator<Item = T>,
    mut write_item: impl FnMut(&mut O, T),
) {
    out.put(open);
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.put(b",");
        }
        write_item(out, item);
    }
    out.put(close);
}

/// Writes a JSON object of `members`, each value by `write_item`.
fn write_object<'a, O: Out, T>(
    out: &mut O,
    members: impl IntoIterator<Item = (&'a String, T)>,
    mut write_item: impl FnMut(&mut O, T),
) {
    write_list(out, [b"{", b"}"], members, |out, (key, item)| {
        write_str(out, key);
        out.put(b":");
        write_item(out, item);
    });
}

/// What serde_json writes for a byte that a JSON string cannot hold as it is: `0` for
/// none, `u` for `\u00XX`, else the letter after the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes in `word` needs escaping (a control byte, `"` or `\`).
#[inline]
fn any_escape(word: u64) -> bool {
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    (control | zero_in(word ^ (ONES * b'"' as u64)) | zero_in(word ^ (ONES * b'\\' as u64))) != 0
}

fn write_str(out: &mut impl Out, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.put(b"\"");
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Eight bytes at a time while none needs escaping: most text needs none.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !any_escape(word) {
                i += 8;
                continue;
            }
        }
        let escape = ESCAPE[bytes[i] as usize];
        if escape != 0 {
            out.put(&bytes[start..i]);
            if escape == b'u' {
                let b = bytes[i];
                out.put(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 15) as usize],
                ]);
            } else {
                out.put(&[b'\\', escape]);
            }
            start = i + 1;
        }
        i += 1;
    }
    out.put(&bytes[start..]);
    out.put(b"\"");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn is_text_of_holds_only_for_the_compact_text() {
        let value = json!({"a": [1, 2.5, "x\ty"], "b": {"c": null, "d": true}});
        let text = to_text(&value);
        assert!(is_text_of(&value, &text));
        assert!(!is_text_of(&value, &format!("{text} ")));
        assert!(!is_text_of(&value, &text[..text.len() - 1]));
        assert!(!is_text_of(&value, &text.replace(':', ": ")));
        assert!(!is_text_of(&json!(1.0), "1"));
        assert!(is_text_of(&json!(""), "\"\""));
    }

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

    #[test]
    fn the_text_is_serde_jsons() {
        // Every byte value at every offset around the eight-byte steps, and the escapes
        // next to each other and to multi-byte characters.
        let mut strings = vec![String::new(), "\"\\\u{7f}\u{80}é\u{2028}😀".into()];
        for c in (0u32..0x80).chain([0xe9, 0x7ff, 0x2028, 0xffff, 0x1f600]) {
            let c = char::from_u32(c).unwrap();
            for at in 0..18 {
                let mut s = "a".repeat(at);
                s.push(c);
                s.push_str(&"b".repeat(17 - at));
                strings.push(s);
            }
        }
        let numbers = json!([
            0,
            -1,
            1.5,
            1e300,
            -0.0,
            1.0,
            0.1,
            2.5e-8,
            u64::MAX,
            i64::MIN,
            123456789.125
        ]);
        let mut object = serde_json::Map::new();
        for (i, s) in strings.iter().enumerate() {
            object.insert(format!("{s}{i}"), Value::String(s.clone()));
        }
        let values = [
            Value::Array(strings.into_iter().map(Value::String).collect()),
            Value::Object(object),
            numbers,
            json!({"a": [], "b": {}, "c": [null, true, false, {"d": [[]]}]}),
        ];
        for value in values {
            let ours = to_text(&value);
            assert_eq!(ours, serde_json::to_string(&value).unwrap());
            assert_eq!(text_len(&value), ours.len());
            let mut out = Vec::new();
            write_text(&mut out, &value);
            assert_eq!(out, ours.as_bytes());
        }
    }
}
