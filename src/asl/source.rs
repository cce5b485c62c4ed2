//! Definition source text: read as JSON the way AWS reads it, and where it is not JSON,
//! a [`SyntaxError`] that says where (line and column) and why. The YAML reader
//! (`template::yaml`) reports its syntax errors with the same type.
use serde_json::Value;

use super::jsonata;

/// Text that does not parse: the 1-based line and column (in characters) where the
/// parser stopped, and its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses definition text as AWS reads it. AWS's JSON reader takes an escape of a lone
/// UTF-16 surrogate (`"\ud800"`), which serde_json refuses; Rust strings cannot hold one,
/// so it reads as [`jsonata::LONE_SURROGATE`], as the JSONata lexer reads the same escape in
/// an expression (`$encodeUrl` then refuses it with D3140, as jsonata-js does).
/// Text with no such escape parses exactly as serde_json parses it.
pub fn parse_text(text: &str) -> Result<Value, SyntaxError> {
    let parsed = match serde_json::from_str(text) {
        Ok(value) => Ok(value),
        Err(e) => match without_lone_surrogates(text) {
            // A remaining error is the text's real problem, at the same position.
            Some(fixed) => serde_json::from_str(&fixed),
            None => Err(e),
        },
    };
    parsed.map_err(|e| SyntaxError {
        line: e.line(),
        // serde counts the column before the first character of a line as 0.
        column: e.column().max(1),
        message: json_error_message(text, &e),
    })
}

/// `text` with every `\uXXXX` escape of an unpaired surrogate, inside a JSON string,
/// replaced by the escape of [`jsonata::LONE_SURROGATE`] (same length, so positions hold);
/// `None` if there was none.
fn without_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let unit = |at: usize| -> Option<u32> {
        let digits = text.get(at + 2..at + 6)?;
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(text.len());
    let (mut i, mut in_string, mut changed) = (0, false, false);
    while i < bytes.len() {
        let b = bytes[i];
        if !in_string {
            in_string = b == b'"';
        } else if b == b'"' {
            in_string = false;
        } else if b == b'\\' {
            if let Some(code) = unit(i) {
                let paired_low = (0xD800..0xDC00).contains(&code)
                    && unit(i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                if paired_low {
                    out.push_str(&text[i..i + 12]);
                    i += 12;
                } else if (0xD800..0xE000).contains(&code) {
                    out.push_str(&format!("\\u{:04X}", jsonata::LONE_SURROGATE as u32));
                    changed = true;
                    i += 6;
                } else {
                    out.push_str(&text[i..i + 6]);
                    i += 6;
                }
                continue;
            }
            // Any other escape: copy it whole, so an escaped quote does not end the string.
            let end = text[i + 1..]
                .chars()
                .next()
                .map_or(i + 1, |c| i + 1 + c.len_utf8());
            out.push_str(&text[i..end]);
            i = end;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        out.push(c);
        i += c.len_utf8().max(1);
    }
    changed.then_some(out)
}

/// The parser's message. A bare word where a value belongs gets the wording of AWS's
/// (Jackson's) parser, which scripts may match on; other syntax errors keep serde's text.
fn json_error_message(text: &str, error: &serde_json::Error) -> String {
    let serde_text = error.to_string();
    let expects_value =
        serde_text.starts_with("expected value") || serde_text.starts_with("expected ident");
    let line = text
        .lines()
        .nth(error.line().saturating_sub(1))
        .unwrap_or_default();
    let chars: Vec<char> = line.chars().collect();
    let at = error.column().saturating_sub(1).min(chars.len());
    let is_word = |c: &char| c.is_alphanumeric() || *c == '_';
    let mut start = at;
    while start > 0 && is_word(&chars[start - 1]) {
        start -= 1;
    }
    let word: String = chars[start..].iter().take_while(|c| is_word(c)).collect();
    if expects_value && word.chars().next().is_some_and(char::is_alphabetic) {
        format!(
            "Unrecognized token '{word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
        )
    } else {
        serde_text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_escapes_read_as_the_jsonata_stand_in() {
        let text = r#"{"a": "x\ud800y", "b": "\udc00", "c": "\ud83d\ude00", "d": "\\ud800", "e\"\ud800": 1}"#;
        assert!(serde_json::from_str::<Value>(text).is_err());
        let value = parse_text(text).unwrap();
        assert_eq!(value["a"], "x\u{FDD0}y");
        assert_eq!(value["b"], "\u{FDD0}");
        assert_eq!(value["c"], "\u{1F600}");
        // An escaped backslash followed by `ud800` is no escape at all.
        assert_eq!(value["d"], "\\ud800");
        assert_eq!(value["e\"\u{FDD0}"], 1);
        // Other JSON errors stay serde_json's.
        let err = parse_text(r#"{"a": "\ud800", }"#).unwrap_err().to_string();
        assert!(err.contains("trailing comma"), "{err}");
    }

    #[test]
    fn a_syntax_error_says_where_and_why() {
        let e = parse_text("{\n  \"StartAt\": ,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 14));
        assert_eq!(e.message, "expected value at line 2 column 14");
        let e = parse_text("not a definition").unwrap_err();
        assert_eq!((e.line, e.column), (1, 2));
        assert!(
            e.message
                .starts_with("Unrecognized token 'not': was expecting"),
            "{e}"
        );
    }
}
