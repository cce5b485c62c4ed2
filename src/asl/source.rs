//! Definition source text: read as JSON the way AWS reads it into a [`Document`], the
//! value together with where each of its parts is written ([`Span`]); where the text is
//! not JSON, a [`SyntaxError`] that says where (line and column) and why. The YAML reader
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

/// 1-based line and column (columns count characters, not bytes).
pub type Position = (usize, usize);

/// Parsed definition text: the value and its positioned tree, of the same shape.
#[derive(Debug, Clone)]
pub struct Document {
    pub value: Value,
    pub span: Span,
}

/// Where a value is written, and where its members or items are. An object member is
/// placed at its key; the root and array items at their first character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub at: Position,
    pub children: Children,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Children {
    /// A scalar.
    #[default]
    None,
    /// An object's members in text order; a key written twice is listed twice (the value
    /// keeps the last, a position the first, as a reader of the text finds it).
    Members(Vec<(String, Span)>),
    Items(Vec<Span>),
}

impl Document {
    /// Parses definition text: the value as [`parse_text`] reads it, and its positions.
    pub fn parse(text: &str) -> Result<Document, SyntaxError> {
        let value = parse_text(text)?;
        Ok(Document {
            value,
            span: Span::of_json(text),
        })
    }
}

impl Span {
    /// The positioned tree of JSON text that serde_json accepts. On other text it never
    /// fails: malformed parts simply have no positions.
    pub fn of_json(text: &str) -> Span {
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
        };
        scanner.skip_whitespace();
        let at = scanner.position();
        Span {
            at,
            children: scanner.value(),
        }
    }

    /// The member `key` (its first occurrence).
    pub fn member(&self, key: &str) -> Option<&Span> {
        match &self.children {
            Children::Members(members) => members.iter().find(|(k, _)| k == key).map(|(_, s)| s),
            _ => None,
        }
    }

    /// The item `index`.
    pub fn item(&self, index: usize) -> Option<&Span> {
        match &self.children {
            Children::Items(items) => items.get(index),
            _ => None,
        }
    }

    /// The position of an AWS-style location (`/States/A/Choices[0]/Next`, `/` for the
    /// root) in this tree: of the value it names, or else of its nearest ancestor, where
    /// ancestors are read off the text of the location (`/States/A/Choices[0]` →
    /// `/States/A/Choices` → `/States/A` → `/States` → `/`). A name holding `/` or `[`
    /// makes the location ambiguous; the first value in text order that it names wins.
    pub fn find(&self, location: &str) -> Option<Position> {
        let mut ancestors = Vec::new();
        let mut current = location;
        loop {
            ancestors.push(current.len());
            if current.is_empty() || current == "/" {
                break;
            }
            current = parent(current);
        }
        if location.is_empty() {
            return None;
        }
        // The root answers for `/`, the end of every chain.
        let mut best = (1, self.at);
        if location.starts_with('/') {
            self.deepest_below(location, 0, &ancestors, &mut best);
        }
        Some(best.1)
    }

    /// Walks the values whose location is a prefix of `location` (this one's is its first
    /// `len` characters) and keeps in `best` the longest that is one of `ancestors`.
    fn deepest_below(
        &self,
        location: &str,
        len: usize,
        ancestors: &[usize],
        best: &mut (usize, Position),
    ) {
        let rest = &location[len..];
        let mut visit = |child: &Span, child_len: usize| {
            if ancestors.contains(&child_len) && child_len > best.0 {
                *best = (child_len, child.at);
            }
            child.deepest_below(location, child_len, ancestors, best);
        };
        match &self.children {
            Children::None => {}
            Children::Members(members) => {
                let Some(after_slash) = rest.strip_prefix('/') else {
                    return;
                };
                for (key, child) in members {
                    if after_slash.starts_with(key.as_str()) {
                        visit(child, len + 1 + key.len());
                    }
                }
            }
            Children::Items(items) => {
                let Some(index) = rest
                    .strip_prefix('[')
                    .and_then(|r| r.split_once(']'))
                    .and_then(|(digits, _)| digits.parse::<usize>().ok())
                else {
                    return;
                };
                if let Some(child) = items.get(index) {
                    // `[<index>]`, as written by `format!`.
                    let written = index.to_string().len() + 2;
                    if rest[1..].starts_with(&format!("{index}]")) {
                        visit(child, len + written);
                    }
                }
            }
        }
    }
}

/// `/States/A/Choices[0]` → `/States/A/Choices`, `/States/A` → `/States`, `/States` → `/`.
pub fn parent(location: &str) -> &str {
    if location.ends_with(']') {
        if let Some(i) = location.rfind('[') {
            return &location[..i];
        }
    }
    match location.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &location[..i],
    }
}

/// Reads the structure of JSON text serde_json has accepted, so it can assume
/// well-formed JSON; on anything else it stops early and never fails.
struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

impl Scanner {
    fn position(&self) -> Position {
        (self.line, self.column)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn value(&mut self) -> Children {
        self.skip_whitespace();
        match self.peek() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some('"') => {
                self.string();
                Children::None
            }
            Some(_) => {
                while matches!(self.peek(), Some(c) if !matches!(c, ',' | '}' | ']' | ' ' | '\t' | '\n' | '\r'))
                {
                    self.bump();
                }
                Children::None
            }
            None => Children::None,
        }
    }

    fn object(&mut self) -> Children {
        self.bump();
        let mut members = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some('"') => {
                    let at = self.position();
                    let key = self.string();
                    self.skip_whitespace();
                    if self.peek() == Some(':') {
                        self.bump();
                    }
                    let children = self.value();
                    members.push((key, Span { at, children }));
                    self.skip_whitespace();
                    if self.peek() == Some(',') {
                        self.bump();
                    }
                }
                Some('}') => {
                    self.bump();
                    break;
                }
                _ => break,
            }
        }
        Children::Members(members)
    }

    fn array(&mut self) -> Children {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(']') => {
                    self.bump();
                    break;
                }
                None => break,
                Some(_) => {
                    self.skip_whitespace();
                    let at = self.position();
                    let children = self.value();
                    items.push(Span { at, children });
                    self.skip_whitespace();
                    if self.peek() == Some(',') {
                        self.bump();
                    } else if self.peek() != Some(']') {
                        break;
                    }
                }
            }
        }
        Children::Items(items)
    }

    /// Reads a string literal (decoding escapes) and returns its value.
    fn string(&mut self) -> String {
        self.bump();
        let mut out = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => match self.bump() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        let code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                        // Surrogate pairs only matter for keys with astral characters;
                        // a replacement character keeps the scanner in step.
                        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        out
    }
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

    #[test]
    fn members_are_located_at_their_key() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"End\": true}\n  }\n}";
        let document = Document::parse(text).unwrap();
        let span = &document.span;
        assert_eq!(span.find("/"), Some((1, 1)));
        assert_eq!(span.find("/StartAt"), Some((2, 3)));
        assert_eq!(span.find("/States/A"), Some((4, 5)));
        assert_eq!(span.find("/States/A/End"), Some((4, 27)));
        // The tree has the value's shape.
        let state = span.member("States").and_then(|s| s.member("A")).unwrap();
        assert_eq!(state.at, (4, 5));
        assert_eq!(state.member("Type").map(|t| t.at), Some((4, 11)));
        assert_eq!(document.value["States"]["A"]["Type"], "Pass");
    }

    #[test]
    fn array_elements_use_brackets_and_missing_locations_fall_back_to_the_parent() {
        let text = r#"{"States": {"C": {"Choices": [ {"Next": "X"}, {"Next": "Y"} ]}}}"#;
        let span = Span::of_json(text);
        assert_eq!(span.find("/States/C/Choices[1]/Next"), Some((1, 48)));
        assert_eq!(span.find("/States/C/Choices[1]/Nope"), Some((1, 47)));
        assert_eq!(span.find("/States/C/Choices[7]"), Some((1, 19)));
        assert_eq!(span.find("/Nothing/here"), Some((1, 1)));
        assert_eq!(span.find(""), None);
        let choices = span.member("States").unwrap().member("C").unwrap();
        let choices = choices.member("Choices").unwrap();
        assert_eq!(choices.item(0).map(|i| i.at), Some((1, 32)));
        assert_eq!(choices.item(2), None);
    }

    #[test]
    fn columns_count_characters() {
        let span = Span::of_json("{\"é\": {\"x\": 1}}");
        assert_eq!(span.find("/é/x"), Some((1, 8)));
    }

    #[test]
    fn names_holding_slashes_and_repeated_keys_are_found_in_text_order() {
        // A state named `A/B` and a state `A` with a member `B` are both `/S/A/B`: the
        // one written first answers.
        let span = Span::of_json(r#"{"S": {"A/B": 1, "A": {"B": 2}}}"#);
        assert_eq!(span.find("/S/A/B"), Some((1, 8)));
        let span = Span::of_json(r#"{"S": {"A": {"B": 2}, "A/B": 1}}"#);
        assert_eq!(span.find("/S/A/B"), Some((1, 14)));
        // A key written twice: its first position, as the text is read.
        let span = Span::of_json(r#"{"A": 1, "A": {"x": 2}}"#);
        assert_eq!(span.find("/A"), Some((1, 2)));
        assert_eq!(span.find("/A/x"), Some((1, 16)));
    }
}
