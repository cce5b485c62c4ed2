//! Definition and template text, YAML or JSON, as a JSON value plus the line and column
//! of every location in it ([`Positions`]: `/States/A/Next`,
//! `/Resources/Fn/Properties/Events[0]`), so diagnostics point into the file as written.
//!
//! YAML goes through `saphyr-parser`'s event stream, which keeps tags and spans: with
//! [`Tags::CloudFormation`] the short forms (`!Sub`, `!GetAtt A.B`, `!Ref X`) become the
//! long forms CloudFormation reads (`{"Fn::Sub": ...}`, `{"Fn::GetAtt": ["A", "B"]}`,
//! `{"Ref": "X"}`). Plain scalars resolve by the YAML 1.2 core schema.
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};
use serde_json::{Map, Number, Value};

pub use crate::asl::source::Position;
use crate::asl::source::{self, SyntaxError};

/// What tags mean in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tags {
    /// An ASL definition: only the core schema's `!!str`, `!!int`... are known.
    Definition,
    /// A CloudFormation template: `!Name` is the intrinsic function `Fn::Name` (`Ref`
    /// and `Condition` keep their names).
    CloudFormation,
}

/// A parsed document.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub positions: Positions,
    /// The first line and column of the text of block scalars (`|`, `>`) by location, so
    /// that positions inside an embedded document (a `DefinitionString`) map back to the
    /// file.
    pub blocks: HashMap<String, Position>,
}

/// Whether `text` is JSON rather than YAML: it opens with `{` or `[` and parses as JSON.
/// JSON is read by serde_json (the validator's own parser), so a JSON file gets exactly the
/// messages and positions it always got.
pub fn is_json(text: &str) -> bool {
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// Where each location of a document is: JSON text's positioned tree, or the positions
/// the YAML reader found, by location (a short-form tag such as `!Sub` adds a member the
/// text does not spell out).
#[derive(Debug)]
pub enum Positions {
    Json(source::Span),
    Yaml(HashMap<String, Position>),
}

impl Positions {
    /// The position of `location`, or of its nearest ancestor.
    pub fn find(&self, location: &str) -> Option<Position> {
        match self {
            Positions::Json(span) => span.find(location),
            Positions::Yaml(positions) => {
                let mut current = location;
                loop {
                    if let Some(p) = positions.get(current) {
                        return Some(*p);
                    }
                    if current.is_empty() || current == "/" {
                        return None;
                    }
                    current = source::parent(current);
                }
            }
        }
    }
}

/// Parses JSON or YAML text.
pub fn parse(text: &str, tags: Tags) -> Result<Parsed, SyntaxError> {
    if is_json(text) {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            return Ok(Parsed {
                value,
                positions: Positions::Json(source::Span::of_json(text)),
                blocks: HashMap::new(),
            });
        }
    }
    parse_yaml(text, tags)
}

/// Parses YAML text (the first document of the stream).
pub fn parse_yaml(text: &str, tags: Tags) -> Result<Parsed, SyntaxError> {
    let mut builder = Builder {
        events: Parser::new_from_str(text),
        tags,
        positions: HashMap::new(),
        blocks: HashMap::new(),
        anchors: HashMap::new(),
        lines: text.lines().collect(),
    };
    let value = builder.document()?;
    Ok(Parsed {
        value,
        positions: Positions::Yaml(builder.positions),
        blocks: builder.blocks,
    })
}

/// Where each character of a one-line quoted string value sits in `text`: the value of the
/// member whose key starts at `key`, a JSON (or YAML double-quoted) string or a YAML
/// single-quoted one. An escape sequence is placed at its backslash. `None` for any
/// other value, and for a quoted value that spans lines (YAML folds those).
pub fn quoted_value_chars(text: &str, key: Position) -> Option<Vec<Position>> {
    let line = text.split('\n').nth(key.0.checked_sub(1)?)?;
    let chars: Vec<char> = line.chars().collect();
    let mut i = key.1.checked_sub(1)?;
    // Past the key (quoted or plain), its colon and the blanks after it.
    match chars.get(i)? {
        q @ ('"' | '\'') => {
            let q = *q;
            i += 1;
            while *chars.get(i)? != q {
                i += if chars[i] == '\\' && q == '"' { 2 } else { 1 };
            }
            i += 1;
            while chars.get(i)?.is_whitespace() {
                i += 1;
            }
            if *chars.get(i)? != ':' {
                return None;
            }
        }
        _ => {
            while *chars.get(i)? != ':' {
                i += 1;
            }
        }
    }
    i += 1;
    while chars.get(i)?.is_whitespace() {
        i += 1;
    }
    let quote = *chars.get(i)?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    i += 1;
    let at = |i: usize| (key.0, i + 1);
    let mut out = Vec::new();
    loop {
        let c = *chars.get(i)?;
        if quote == '\'' {
            if c == '\'' {
                if chars.get(i + 1) == Some(&'\'') {
                    out.push(at(i));
                    i += 2;
                    continue;
                }
                return Some(out);
            }
            out.push(at(i));
            i += 1;
            continue;
        }
        match c {
            '"' => return Some(out),
            '\\' => {
                let escape = *chars.get(i + 1)?;
                out.push(at(i));
                i += 2;
                if escape == 'u' {
                    let hex: String = chars.get(i..i + 4)?.iter().collect();
                    let unit = u32::from_str_radix(&hex, 16).ok()?;
                    i += 4;
                    // A surrogate pair is one character.
                    if (0xD800..0xDC00).contains(&unit)
                        && chars.get(i) == Some(&'\\')
                        && chars.get(i + 1) == Some(&'u')
                    {
                        i += 6;
                    }
                }
            }
            _ => {
                out.push(at(i));
                i += 1;
            }
        }
    }
}

fn position(span: &Span) -> Position {
    (span.start.line(), span.start.col() + 1)
}

fn scan_error(e: ScanError) -> SyntaxError {
    SyntaxError {
        line: e.marker().line(),
        column: e.marker().col() + 1,
        message: e.info().to_string(),
    }
}

struct Builder<'a> {
    events: Parser<'a, saphyr_parser::StrInput<'a>>,
    tags: Tags,
    positions: HashMap<String, Position>,
    blocks: HashMap<String, Position>,
    anchors: HashMap<usize, Value>,
    lines: Vec<&'a str>,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), SyntaxError> {
        match self.events.next() {
            Some(Ok(event)) => Ok(event),
            Some(Err(e)) => Err(scan_error(e)),
            None => Err(SyntaxError {
                line: 1,
                column: 1,
                message: "unexpected end of the document".into(),
            }),
        }
    }

    fn document(&mut self) -> Result<Value, SyntaxError> {
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
                Event::StreamEnd => {
                    return Err(SyntaxError {
                        line: 1,
                        column: 1,
                        message: "the document is empty".into(),
                    })
                }
                event => {
                    self.positions.insert("/".into(), position(&span));
                    let value = self.node(event, span, "")?;
                    // Later documents are ignored, as CloudFormation reads one; a syntax
                    // error after the first is still an error.
                    for more in self.events.by_ref() {
                        more.map_err(scan_error)?;
                    }
                    return Ok(value);
                }
            }
        }
    }

    fn node(&mut self, event: Event<'a>, span: Span, location: &str) -> Result<Value, SyntaxError> {
        let at = position(&span);
        let (value, anchor, tag) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    let start = self.block_text_start(at);
                    self.blocks.insert(location.to_string(), start);
                }
                let value =
                    scalar(&text, style, tag.as_deref()).map_err(|message| SyntaxError {
                        line: at.0,
                        column: at.1,
                        message,
                    })?;
                (value, anchor, tag)
            }
            Event::SequenceStart(anchor, tag) => {
                let mut items = Vec::new();
                loop {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    let child = format!("{location}[{}]", items.len());
                    self.positions
                        .entry(child.clone())
                        .or_insert(position(&span));
                    items.push(self.node(event, span, &child)?);
                }
                (Value::Array(items), anchor, tag)
            }
            Event::MappingStart(anchor, tag) => {
                let mut map = Map::new();
                loop {
                    let (event, key_span) = self.next()?;
                    if matches!(event, Event::MappingEnd) {
                        break;
                    }
                    let key_at = position(&key_span);
                    let key = match self.node(event, key_span, &format!("{location}/?"))? {
                        Value::String(s) => s,
                        Value::Null => "null".to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Number(n) => n.to_string(),
                        _ => {
                            return Err(SyntaxError {
                                line: key_at.0,
                                column: key_at.1,
                                message: "a mapping key must be a scalar".into(),
                            })
                        }
                    };
                    let child = format!("{location}/{key}");
                    if map.contains_key(&key) {
                        return Err(SyntaxError {
                            line: key_at.0,
                            column: key_at.1,
                            message: format!("duplicate key '{key}'"),
                        });
                    }
                    self.positions.insert(child.clone(), key_at);
                    let (event, span) = self.next()?;
                    let value = self.node(event, span, &child)?;
                    map.insert(key, value);
                }
                (Value::Object(map), anchor, tag)
            }
            Event::Alias(id) => {
                let value = self.anchors.get(&id).cloned().ok_or(SyntaxError {
                    line: at.0,
                    column: at.1,
                    message: "an alias to an unknown anchor".into(),
                })?;
                return Ok(value);
            }
            other => {
                return Err(SyntaxError {
                    line: at.0,
                    column: at.1,
                    message: format!("unexpected YAML event {other:?}"),
                })
            }
        };
        let value = self.apply_tag(value, tag.as_deref(), at, location)?;
        if anchor > 0 {
            self.anchors.insert(anchor, value.clone());
        }
        Ok(value)
    }

    /// Where a block scalar's text starts. Its span starts there, unless a tag or an anchor
    /// comes first (`!Sub |`): then the text is on the next non-blank line, at its indent.
    fn block_text_start(&self, at: Position) -> Position {
        let rest: String = self
            .lines
            .get(at.0 - 1)
            .map(|l| l.chars().skip(at.1 - 1).collect())
            .unwrap_or_default();
        if !rest.starts_with(['!', '&', '|', '>']) {
            return at;
        }
        for (i, line) in self.lines.iter().enumerate().skip(at.0) {
            if !line.trim().is_empty() {
                let indent = line.chars().take_while(|c| *c == ' ').count();
                return (i + 1, indent + 1);
            }
        }
        at
    }

    fn apply_tag(
        &mut self,
        value: Value,
        tag: Option<&Tag>,
        at: Position,
        location: &str,
    ) -> Result<Value, SyntaxError> {
        let Some(tag) = tag else { return Ok(value) };
        if tag.is_yaml_core_schema() {
            // Scalars were resolved with their core tag already; `!!map`/`!!seq` change nothing.
            return Ok(value);
        }
        if self.tags == Tags::Definition || tag.handle != "!" {
            return Err(SyntaxError {
                line: at.0,
                column: at.1,
                message: format!("unknown tag {}{}", tag.handle, tag.suffix),
            });
        }
        let name = tag.suffix.as_str();
        let (key, value) = match name {
            "Ref" | "Condition" => (name.to_string(), value),
            "GetAtt" => {
                let value = match value {
                    // `!GetAtt Logical.Attr.Sub`: the attribute is everything after the
                    // first dot.
                    Value::String(s) => match s.split_once('.') {
                        Some((resource, attribute)) => {
                            Value::Array(vec![resource.into(), attribute.into()])
                        }
                        None => Value::String(s),
                    },
                    other => other,
                };
                ("Fn::GetAtt".to_string(), value)
            }
            _ => (format!("Fn::{name}"), value),
        };
        // The long form's member sits where the tag is.
        let inner = format!("{location}/{key}");
        let nested: Vec<(String, Position)> = self
            .positions
            .iter()
            .filter(|(k, _)| k.starts_with(location) && k.len() > location.len())
            .map(|(k, p)| (format!("{inner}{}", &k[location.len()..]), *p))
            .collect();
        self.positions.extend(nested);
        self.positions.insert(inner, at);
        let mut map = Map::new();
        map.insert(key, value);
        Ok(Value::Object(map))
    }
}

/// A scalar's value: quoted and block scalars are strings; plain ones follow the YAML 1.2
/// core schema (null, booleans, integers, floats), everything else is a string.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    let core = tag.filter(|t| t.is_yaml_core_schema());
    if let Some(tag) = core {
        let bad = || format!("'{text}' is not a valid !!{}", tag.suffix);
        return match tag.suffix.as_str() {
            "str" => Ok(Value::String(text.into())),
            "null" => Ok(Value::Null),
            "bool" => plain(text).filter(Value::is_boolean).ok_or_else(bad),
            "int" => plain(text)
                .filter(Value::is_i64)
                .or_else(|| plain(text).filter(Value::is_u64))
                .ok_or_else(bad),
            "float" => plain(text)
                .filter(Value::is_number)
                .map(|v| {
                    Value::Number(
                        Number::from_f64(v.as_f64().unwrap_or_default()).unwrap_or(0.into()),
                    )
                })
                .ok_or_else(bad),
            _ => Ok(Value::String(text.into())),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(text.into()));
    }
    Ok(plain(text).unwrap_or_else(|| Value::String(text.into())))
}

/// The core schema's reading of a plain scalar; `None` for a string.
fn plain(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits(unsigned) {
        if let Ok(n) = text.parse::<i64>() {
            return Some(Value::from(n));
        }
        if let Ok(n) = text.trim_start_matches('+').parse::<u64>() {
            return Some(Value::from(n));
        }
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Value::from);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok().map(Value::from);
    }
    let float_chars = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
    };
    if float_chars(unsigned) && unsigned.bytes().any(|b| b.is_ascii_digit()) {
        if let Ok(f) = text.parse::<f64>() {
            return Number::from_f64(f).map(Value::Number);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn characters_of_a_quoted_value_map_to_their_columns() {
        let text = "{\n  \"D\": \"{\\\"A\\\":1}\",\n  'k': 'it''s'\n}";
        // {\"A\":1} : the escaped quotes sit at their backslashes.
        let d = quoted_value_chars(text, (2, 3)).unwrap();
        assert_eq!(d.len(), "{\"A\":1}".chars().count());
        assert_eq!(d[0], (2, 9));
        assert_eq!(d[1], (2, 10));
        assert_eq!(d[2], (2, 12));
        assert_eq!(d[3], (2, 13));
        let k = quoted_value_chars(text, (3, 3)).unwrap();
        assert_eq!(k, vec![(3, 9), (3, 10), (3, 11), (3, 13)]);
        assert_eq!(quoted_value_chars("a: b", (1, 1)), None);
        assert_eq!(quoted_value_chars("a: \"b\nc\"", (1, 1)), None);
    }

    #[test]
    fn yaml_values_and_positions() {
        let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: [1, 2.5, true, null, '3']\n    End: true\n";
        let parsed = parse(text, Tags::Definition).unwrap();
        assert_eq!(
            parsed.value,
            json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": [1, 2.5, true, null, "3"], "End": true}}})
        );
        assert_eq!(parsed.positions.find("/States/A/End"), Some((6, 5)));
        assert_eq!(parsed.positions.find("/States/A/Result[1]"), Some((5, 17)));
        assert_eq!(parsed.positions.find("/"), Some((1, 1)));
    }

    #[test]
    fn cloudformation_short_forms_become_long_forms() {
        let text = "A: !Sub 'arn:${AWS::Region}'\nB: !GetAtt Fn.Arn\nC: !Ref X\nD: !Join\n  - ''\n  - [a, !Ref Y]\n";
        let parsed = parse(text, Tags::CloudFormation).unwrap();
        assert_eq!(
            parsed.value,
            json!({
                "A": {"Fn::Sub": "arn:${AWS::Region}"},
                "B": {"Fn::GetAtt": ["Fn", "Arn"]},
                "C": {"Ref": "X"},
                "D": {"Fn::Join": ["", ["a", {"Ref": "Y"}]]}
            })
        );
        assert_eq!(parsed.positions.find("/D/Fn::Join[1][1]/Ref"), Some((6, 9)));
        assert!(parse(text, Tags::Definition).is_err());
    }

    #[test]
    fn syntax_errors_and_duplicates_have_positions() {
        let err = parse("a: 1\nb: [1, 2\n", Tags::Definition).unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        let err = parse("a: 1\na: 2\n", Tags::Definition).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert_eq!(err.message, "duplicate key 'a'");
    }

    #[test]
    fn json_text_keeps_serde_positions_and_block_scalars_are_located() {
        let parsed = parse("{\"a\": {\"b\": 1}}", Tags::Definition).unwrap();
        assert_eq!(parsed.positions.find("/a/b"), Some((1, 8)));
        let parsed = parse("x:\n  y: |\n    {\"k\": 1}\n", Tags::Definition).unwrap();
        assert_eq!(parsed.value, json!({"x": {"y": "{\"k\": 1}\n"}}));
        assert_eq!(parsed.blocks.get("/x/y"), Some(&(3, 5)));
        let parsed = parse("x:\n  y: !Sub |\n    {\"k\": 1}\n", Tags::CloudFormation).unwrap();
        assert_eq!(parsed.blocks.get("/x/y"), Some(&(3, 5)));
    }
}
