//! Where each JSON value sits in the source text, keyed by AWS-style locations
//! (`/States/A/Choices[0]/Next`), so diagnostics can carry a line and a column.
//!
//! The scanner runs only on text serde_json has already accepted, so it can assume
//! well-formed JSON and never fails: malformed input simply yields fewer entries.
use std::collections::HashMap;

/// 1-based line and column (columns count characters, not bytes).
pub type Position = (usize, usize);

#[derive(Debug, Default)]
pub struct PositionIndex {
    positions: HashMap<String, Position>,
}

impl PositionIndex {
    /// Indexes every value of `text`. Object members are located at their key, array
    /// elements and the root at the first character of the value.
    pub fn build(text: &str) -> PositionIndex {
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
            positions: HashMap::new(),
        };
        scanner.skip_whitespace();
        let start = scanner.position();
        scanner.positions.insert("/".to_string(), start);
        scanner.value("");
        PositionIndex {
            positions: scanner.positions,
        }
    }

    /// An index of positions found by another reader (a YAML parser).
    pub fn from_positions(positions: HashMap<String, Position>) -> PositionIndex {
        PositionIndex { positions }
    }

    /// The position of `location`, or of its nearest indexed ancestor.
    pub fn find(&self, location: &str) -> Option<Position> {
        let mut current = location;
        loop {
            if let Some(p) = self.positions.get(current) {
                return Some(*p);
            }
            if current.is_empty() || current == "/" {
                return None;
            }
            current = parent(current);
        }
    }
}

/// `/States/A/Choices[0]` → `/States/A/Choices`, `/States/A` → `/States`, `/States` → `/`.
fn parent(location: &str) -> &str {
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

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    positions: HashMap<String, Position>,
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

    fn value(&mut self, location: &str) {
        self.skip_whitespace();
        match self.peek() {
            Some('{') => self.object(location),
            Some('[') => self.array(location),
            Some('"') => {
                self.string();
            }
            Some(_) => {
                while matches!(self.peek(), Some(c) if !matches!(c, ',' | '}' | ']' | ' ' | '\t' | '\n' | '\r'))
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    fn object(&mut self, location: &str) {
        self.bump();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some('"') => {
                    let start = self.position();
                    let key = self.string();
                    let child = format!("{location}/{key}");
                    self.positions.entry(child.clone()).or_insert(start);
                    self.skip_whitespace();
                    if self.peek() == Some(':') {
                        self.bump();
                    }
                    self.value(&child);
                    self.skip_whitespace();
                    if self.peek() == Some(',') {
                        self.bump();
                    }
                }
                Some('}') => {
                    self.bump();
                    return;
                }
                _ => return,
            }
        }
    }

    fn array(&mut self, location: &str) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(']') => {
                    self.bump();
                    return;
                }
                None => return,
                Some(_) => {
                    let child = format!("{location}[{index}]");
                    let start = self.position();
                    self.positions.entry(child.clone()).or_insert(start);
                    self.value(&child);
                    index += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(',') {
                        self.bump();
                    } else if self.peek() != Some(']') {
                        return;
                    }
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_located_at_their_key() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"End\": true}\n  }\n}";
        let index = PositionIndex::build(text);
        assert_eq!(index.find("/"), Some((1, 1)));
        assert_eq!(index.find("/StartAt"), Some((2, 3)));
        assert_eq!(index.find("/States/A"), Some((4, 5)));
        assert_eq!(index.find("/States/A/End"), Some((4, 27)));
    }

    #[test]
    fn array_elements_use_brackets_and_missing_locations_fall_back_to_the_parent() {
        let text = r#"{"States": {"C": {"Choices": [ {"Next": "X"}, {"Next": "Y"} ]}}}"#;
        let index = PositionIndex::build(text);
        assert_eq!(index.find("/States/C/Choices[1]/Next"), Some((1, 48)));
        assert_eq!(index.find("/States/C/Choices[1]/Nope"), Some((1, 47)));
        assert_eq!(index.find("/Nothing/here"), Some((1, 1)));
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"é\": {\"x\": 1}}";
        let index = PositionIndex::build(text);
        assert_eq!(index.find("/é/x"), Some((1, 8)));
    }
}
