//! A state machine's definition in a template: read inline, from a `DefinitionUri` file
//! or from S3, with `DefinitionSubstitutions` applied, and its diagnostics placed in the
//! file they come from.
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::resolve::{scalar_text, Problem};
use super::yaml::{self, Position, Positions, Tags};
use super::{Loader, Located, Mode, Source, INVALID_TEMPLATE};
use crate::asl::source::Span;
use crate::asl::validate::Diagnostic;

impl<'a> Loader<'a> {
    /// A definition diagnostic (location relative to the definition) placed in its file.
    pub(super) fn locate(&self, source: &Source, mut d: Diagnostic) -> Located {
        let inner = d.place().to_string();
        let (file, position) = match source {
            Source::Inline { positions, base } => {
                let at = if inner == "/" {
                    base.clone()
                } else {
                    format!("{base}{inner}")
                };
                (self.file.clone(), positions.find(&at))
            }
            Source::File { file, parsed } => (file.clone(), parsed.positions.find(&inner)),
            Source::Embedded {
                text,
                at,
                block,
                chars,
            } => {
                let found = d
                    .line
                    .zip(d.column)
                    .or_else(|| Span::of_json(text).find(&inner));
                let mapped = match (found, block, chars) {
                    (Some((l, c)), Some((bl, bc)), _) => Some((bl + l - 1, bc + c - 1)),
                    (Some((l, c)), None, Some(chars)) => {
                        char_offset(text, l, c).and_then(|i| chars.get(i).copied())
                    }
                    _ => None,
                }
                .or(*at);
                (self.file.clone(), mapped)
            }
        };
        if let Some((line, column)) = position {
            d.line = Some(line);
            d.column = Some(column);
        }
        Located {
            file,
            diagnostic: d,
        }
    }

    /// The state machine's definition and where its text is.
    pub(super) fn definition(
        &mut self,
        logical_id: &str,
        properties: &Map<String, Value>,
        sam: bool,
        substitutions: &Map<String, Value>,
    ) -> Result<Option<(Value, Source<'a>)>, Problem> {
        let base = format!("/Resources/{logical_id}/Properties");
        if let Some(raw) = properties.get("Definition") {
            let location = format!("{base}/Definition");
            let definition = self.resolver.resolve(raw, &location)?;
            let positions: &'a Positions = &self.parsed.positions;
            return Ok(Some((
                definition,
                Source::Inline {
                    positions,
                    base: location,
                },
            )));
        }
        if !sam {
            if let Some(raw) = properties.get("DefinitionString") {
                let location = format!("{base}/DefinitionString");
                let text = match self.resolver.resolve(raw, &location)? {
                    Value::String(s) => s,
                    _ => return Err(Problem::new(&location, "DefinitionString must be a string")),
                };
                let block = [
                    location.clone(),
                    format!("{location}/Fn::Sub"),
                    format!("{location}/Fn::Sub[0]"),
                ]
                .iter()
                .find_map(|l| self.parsed.blocks.get(l).copied());
                let at = self.parsed.positions.find(&location);
                // A plain quoted string is the definition's text character for
                // character, so positions inside it can be mapped back to the file.
                let chars = match (raw, at) {
                    (Value::String(_), Some(key)) if block.is_none() => {
                        std::fs::read_to_string(&self.file)
                            .ok()
                            .and_then(|source| yaml::quoted_value_chars(&source, key))
                            .filter(|chars| chars.len() == text.chars().count())
                    }
                    _ => None,
                };
                return self.embedded(text, at, block, chars, substitutions);
            }
        }
        let (uri_property, uri) = if sam {
            ("DefinitionUri", properties.get("DefinitionUri"))
        } else {
            (
                "DefinitionS3Location",
                properties.get("DefinitionS3Location"),
            )
        };
        let Some(uri) = uri else {
            let wanted = if sam {
                "Definition or DefinitionUri"
            } else {
                "Definition, DefinitionString or DefinitionS3Location"
            };
            return Err(Problem::new(
                &base,
                format!("the state machine {logical_id} has no {wanted}"),
            ));
        };
        let location = format!("{base}/{uri_property}");
        let path = match self.resolver.resolve(uri, &location)? {
            Value::String(s) if s.starts_with("s3://") => {
                let (bucket, key) = s[5..].split_once('/').unwrap_or((&s[5..], ""));
                self.s3_path(bucket, key, &location)?
            }
            Value::String(s) => Some(self.dir.join(s)),
            Value::Object(o) => {
                let bucket = o.get("Bucket").map(scalar_text).unwrap_or_default();
                let key = o.get("Key").map(scalar_text).unwrap_or_default();
                self.s3_path(&bucket, &key, &location)?
            }
            _ => {
                return Err(Problem::new(
                    &location,
                    format!("{uri_property} must be a path or {{Bucket, Key}}"),
                ))
            }
        };
        let Some(path) = path else {
            return Ok(None);
        };
        if !self.out.definition_files.contains(&path) {
            self.out.definition_files.push(path.clone());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Problem::new(
                &location,
                format!("cannot read the definition {}: {e}", path.display()),
            )
        })?;
        // Substitutions apply to the text as Step Functions applies them, so an unquoted
        // `"MaxConcurrency": ${Limit}` works; parsed first when it can be, so positions are
        // exact.
        let parsed = yaml::parse(&text, Tags::Definition).or_else(|e| {
            match substitute_text(&text, substitutions) {
                Some(replaced) => yaml::parse(&replaced, Tags::Definition).map_err(|_| e),
                None => Err(e),
            }
        });
        match parsed {
            Ok(parsed) => Ok(Some((
                parsed.value.clone(),
                Source::File { file: path, parsed },
            ))),
            Err(e) => {
                self.out.diagnostics.push(Located {
                    file: path,
                    diagnostic: Diagnostic {
                        line: Some(e.line),
                        column: Some(e.column),
                        ..Diagnostic::error(
                            crate::asl::validate::codes::INVALID_JSON_DESCRIPTION,
                            e.message,
                            "",
                        )
                    },
                });
                Ok(None)
            }
        }
    }

    pub(super) fn embedded(
        &mut self,
        text: String,
        at: Option<Position>,
        block: Option<Position>,
        chars: Option<Vec<Position>>,
        substitutions: &Map<String, Value>,
    ) -> Result<Option<(Value, Source<'a>)>, Problem> {
        let parsed = serde_json::from_str::<Value>(&text).or_else(|e| {
            match substitute_text(&text, substitutions) {
                Some(replaced) => serde_json::from_str::<Value>(&replaced).map_err(|_| e),
                None => Err(e),
            }
        });
        match parsed {
            Ok(value) => Ok(Some((
                value,
                Source::Embedded {
                    text,
                    at,
                    block,
                    chars,
                },
            ))),
            Err(e) => {
                let d = Diagnostic {
                    line: Some(e.line()),
                    column: Some(e.column().max(1)),
                    ..Diagnostic::error(
                        crate::asl::validate::codes::INVALID_JSON_DESCRIPTION,
                        e.to_string(),
                        "",
                    )
                };
                let source = Source::Embedded {
                    text,
                    at,
                    block,
                    chars,
                };
                let located = self.locate(&source, d);
                self.out.diagnostics.push(located);
                Ok(None)
            }
        }
    }

    /// An S3 object under `SFN_S3_ROOT` (`<root>/<bucket>/<key>`). Without a root the
    /// definition cannot be known offline: `lint` warns that it was not checked (the
    /// template may well be right), `deploy` fails.
    pub(super) fn s3_path(
        &mut self,
        bucket: &str,
        key: &str,
        location: &str,
    ) -> Result<Option<PathBuf>, Problem> {
        match self.s3_root {
            Some(root)
                if !bucket.is_empty() && !key.is_empty() && !key.split('/').any(|p| p == "..") =>
            {
                Ok(Some(root.join(bucket).join(key)))
            }
            Some(_) => Err(Problem::new(
                location,
                "the S3 location needs a Bucket and a Key",
            )),
            None => {
                let message = format!(
                    "the definition is in S3 (s3://{bucket}/{key}); set SFN_S3_ROOT to a directory holding <bucket>/<key>"
                );
                if self.resolver.settings.mode == Mode::Deploy {
                    return Err(Problem::new(location, message));
                }
                self.report_at(
                    location,
                    Diagnostic::warning(
                        INVALID_TEMPLATE,
                        format!("not checked: {message}"),
                        location,
                    ),
                );
                Ok(None)
            }
        }
    }
}

/// The character offset of a 1-based line and column of `text`.
fn char_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut offset = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            return (column >= 1 && column <= l.chars().count() + 1).then(|| offset + column - 1);
        }
        offset += l.chars().count() + 1;
    }
    None
}

/// `DefinitionSubstitutions` applied to a definition's text, `None` when none applies.
fn substitute_text(text: &str, substitutions: &Map<String, Value>) -> Option<String> {
    let mut out = text.to_string();
    for (name, value) in substitutions {
        out = out.replace(&format!("${{{name}}}"), &scalar_text(value));
    }
    (out != text).then_some(out)
}

/// Applies `DefinitionSubstitutions` to every string of the definition; a `${Name}` with no
/// substitution is a problem at its location.
pub(super) fn substitute(
    value: &Value,
    substitutions: &Map<String, Value>,
    location: &str,
    problems: &mut Vec<Problem>,
) -> Value {
    match value {
        Value::String(s) if s.contains("${") => {
            let mut out = String::new();
            let mut rest = s.as_str();
            while let Some(start) = rest.find("${") {
                out.push_str(&rest[..start]);
                let after = &rest[start + 2..];
                let Some(end) = after.find('}') else {
                    out.push_str(&rest[start..]);
                    rest = "";
                    break;
                };
                let name = &after[..end];
                match substitutions.get(name) {
                    Some(v) => out.push_str(&scalar_text(v)),
                    None => {
                        problems.push(Problem::new(
                            if location.is_empty() { "/" } else { location },
                            format!(
                                "${{{name}}} has no value: add {name} to DefinitionSubstitutions"
                            ),
                        ));
                        out.push_str(&rest[start..start + 2 + end + 1]);
                    }
                }
                rest = &after[end + 1..];
            }
            out.push_str(rest);
            Value::String(out)
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        substitute(v, substitutions, &format!("{location}/{k}"), problems),
                    )
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| substitute(v, substitutions, &format!("{location}[{i}]"), problems))
                .collect(),
        ),
        other => other.clone(),
    }
}
