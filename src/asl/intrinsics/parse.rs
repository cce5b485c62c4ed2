//! Intrinsic call syntax: `States.Name(arg, ...)` read into a [`Call`] tree, with the
//! names, argument counts and nesting AWS accepts.
use serde_json::Number;

use crate::asl::field::Path;
use crate::asl::path::{self, PathError};

/// The deepest nesting AWS allows (a call inside a call ... ten levels).
pub const MAX_NESTING: usize = 10;

/// One parsed call: `name` is the full name (`States.Format`).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A single-quoted literal; `value` has the escapes resolved, `raw` keeps them
    /// (States.Format needs to know which braces were escaped).
    String {
        value: String,
        raw: String,
    },
    Number(Number),
    Bool(bool),
    Null,
    /// `$...`, `$$...` or `$var...`, parsed once.
    Path(Path),
    Call(Call),
}

/// Name and accepted argument counts of every intrinsic function.
const FUNCTIONS: &[(&str, usize, Option<usize>)] = &[
    ("States.Format", 1, None),
    ("States.StringToJson", 1, Some(1)),
    ("States.JsonToString", 1, Some(1)),
    ("States.Array", 0, None),
    ("States.ArrayPartition", 2, Some(2)),
    ("States.ArrayContains", 2, Some(2)),
    ("States.ArrayRange", 3, Some(3)),
    ("States.ArrayGetItem", 2, Some(2)),
    ("States.ArrayLength", 1, Some(1)),
    ("States.ArrayUnique", 1, Some(1)),
    ("States.Base64Encode", 1, Some(1)),
    ("States.Base64Decode", 1, Some(1)),
    ("States.Hash", 2, Some(2)),
    ("States.JsonMerge", 3, Some(3)),
    ("States.MathRandom", 2, Some(3)),
    ("States.MathAdd", 2, Some(2)),
    ("States.StringSplit", 2, Some(2)),
    ("States.UUID", 0, Some(0)),
];

/// The intrinsics whose result is a string (allowed in Fail `ErrorPath`/`CausePath`).
pub const STRING_FUNCTIONS: &[&str] = &[
    "States.Format",
    "States.JsonToString",
    "States.ArrayGetItem",
    "States.Base64Encode",
    "States.Base64Decode",
    "States.Hash",
    "States.UUID",
];

/// Why an intrinsic function call does not parse. `text` is the whole call as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("Intrinsic functions can be nested at most {MAX_NESTING} levels deep: {text}")]
    TooDeep { text: String },
    #[error("Unknown intrinsic function: '{0}'")]
    UnknownFunction(String),
    #[error("Expected '(' after {0}")]
    NoParenthesis(String),
    #[error("Expected ',' or ')' in the arguments of {0}")]
    UnclosedArguments(String),
    #[error("The function {name} expects {expected} argument(s) but received {received}")]
    ArgumentCount {
        name: String,
        expected: String,
        received: usize,
    },
    /// A path argument that is not a JSONPath.
    #[error("{}", .0.detail())]
    Path(PathError),
    #[error("Invalid number argument: {0}")]
    Number(String),
    #[error("Invalid argument at position {position} (expected a 'string', a number, null, a boolean, a path or an intrinsic function): {text}")]
    Argument { position: usize, text: String },
    #[error("Invalid escape sequence '\\{escape}' in a string literal: {text}")]
    Escape { escape: char, text: String },
    #[error("Unterminated string literal: {text}")]
    UnterminatedString { text: String },
    #[error("Unexpected text after the intrinsic function call at position {position}: {text}")]
    TrailingText { position: usize, text: String },
}

/// Parses an intrinsic call, checking function names, argument counts, path syntax and
/// nesting depth.
pub fn parse(expr: &str) -> Result<Call, CallError> {
    let mut parser = Parser {
        text: expr,
        pos: 0,
        depth: 0,
    };
    parser.skip_spaces();
    let call = parser.call()?;
    parser.skip_spaces();
    if parser.pos != expr.len() {
        return Err(CallError::TrailingText {
            position: parser.pos,
            text: expr.to_string(),
        });
    }
    Ok(call)
}

/// Syntax check only.
pub fn check(expr: &str) -> Result<(), CallError> {
    parse(expr).map(|_| ())
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_spaces(&mut self) {
        while let Some(c) = self.peek().filter(|c| c.is_whitespace()) {
            // Whitespace outside ASCII (a no-break space) is more than one byte.
            self.pos += c.len_utf8();
        }
    }

    fn call(&mut self) -> Result<Call, CallError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CallError::TooDeep {
                text: self.text.to_string(),
            });
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            self.pos += 1;
        }
        let name = &self.text[start..self.pos];
        let Some(&(_, min, max)) = FUNCTIONS.iter().find(|(n, _, _)| *n == name) else {
            return Err(CallError::UnknownFunction(name.to_string()));
        };
        self.skip_spaces();
        if self.peek() != Some('(') {
            return Err(CallError::NoParenthesis(name.to_string()));
        }
        self.pos += 1;
        let mut args = Vec::new();
        self.skip_spaces();
        if self.peek() == Some(')') {
            self.pos += 1;
        } else {
            loop {
                self.skip_spaces();
                args.push(self.arg()?);
                self.skip_spaces();
                match self.peek() {
                    Some(',') => self.pos += 1,
                    Some(')') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(CallError::UnclosedArguments(name.to_string())),
                }
            }
        }
        if args.len() < min || max.is_some_and(|m| args.len() > m) {
            let expected = match max {
                Some(m) if m == min => format!("{min}"),
                Some(m) => format!("{min} to {m}"),
                None => format!("at least {min}"),
            };
            return Err(CallError::ArgumentCount {
                name: name.to_string(),
                expected,
                received: args.len(),
            });
        }
        self.depth -= 1;
        Ok(Call {
            name: name.to_string(),
            args,
        })
    }

    fn arg(&mut self) -> Result<Arg, CallError> {
        let rest = &self.text[self.pos..];
        match self.peek() {
            Some('\'') => self.string(),
            Some('$') => {
                let end = path_end(rest);
                let p = rest[..end].trim_end();
                path::check(p).map_err(CallError::Path)?;
                self.pos += end;
                Ok(Arg::Path(Path::new(p)))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let end = rest
                    .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
                    .unwrap_or(rest.len());
                let number: Number = serde_json::from_str(&rest[..end])
                    .map_err(|_| CallError::Number(rest[..end].to_string()))?;
                self.pos += end;
                Ok(Arg::Number(number))
            }
            _ if rest.starts_with("States.") => Ok(Arg::Call(self.call()?)),
            _ => {
                for (word, value) in [
                    ("null", Arg::Null),
                    ("true", Arg::Bool(true)),
                    ("false", Arg::Bool(false)),
                ] {
                    if rest.starts_with(word)
                        && !rest[word.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(CallError::Argument {
                    position: self.pos,
                    text: self.text.to_string(),
                })
            }
        }
    }

    /// A single-quoted literal. Only `\'`, `\{`, `\}` and `\\` are escapes; anything else
    /// after a backslash (such as `\"`) is rejected, as AWS does.
    fn string(&mut self) -> Result<Arg, CallError> {
        self.pos += 1;
        let start = self.pos;
        let mut value = String::new();
        let mut chars = self.text[start..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, e @ ('\'' | '{' | '}' | '\\'))) => value.push(e),
                    Some((_, other)) => {
                        return Err(CallError::Escape {
                            escape: other,
                            text: self.text.to_string(),
                        })
                    }
                    None => break,
                },
                '\'' => {
                    let raw = self.text[start..start + i].to_string();
                    self.pos = start + i + 1;
                    return Ok(Arg::String { value, raw });
                }
                c => value.push(c),
            }
        }
        Err(CallError::UnterminatedString {
            text: self.text.to_string(),
        })
    }
}

/// Where a path argument ends: at a `,` or `)` outside brackets and quotes.
fn path_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in path::unquoted(text.char_indices()) {
        match c {
            '[' | '(' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ')' if depth > 0 => depth -= 1,
            ',' | ')' if depth == 0 => return i,
            _ => {}
        }
    }
    text.len()
}
