//! Definition validation: AWS's diagnostics for
//! `validate-state-machine-definition`, `InvalidDefinition` on create/update, `sfn lint`.
//!
//! Validation is pure: it parses the text into the definition's tree (`asl::ast`), runs the
//! structural schema and the semantic checks on it, and never executes anything or
//! touches the network or the store.
//!
//! - [`schema`]: the embedded JSON Schema and the mapping of its errors to AWS texts.
//! - [`semantic`]: the walk over states (scopes, transitions, query languages, paths...).
//! - [`expressions`]: JSONPath, intrinsic function and JSONata syntax checks.
//! - [`resources`]: Task resource ARN shapes and EXPRESS restrictions.
pub mod expressions;
pub mod resources;
pub mod schema;
pub mod semantic;

use serde::Serialize;

use crate::asl::ast::Machine;
use crate::asl::source::{Document, SyntaxError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
        }
    }
}

/// One problem, as AWS reports it, plus where it is in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    /// JSON location such as `/States/Foo/Next`; empty when AWS gives none (e.g. a
    /// machine without a terminal state).
    pub location: String,
    /// 1-based line and column of `location` in the source text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the text the problem is when that is more precise than `location`, which
    /// says what AWS says (an unsupported field is reported at its state, and found at
    /// the field itself).
    pub points_at: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &str,
        message: impl Into<String>,
        location: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            location: location.into(),
            line: None,
            column: None,
            points_at: None,
        }
    }

    /// The location whose line and column the diagnostic is given in the text.
    pub fn place(&self) -> &str {
        match self.points_at.as_deref() {
            Some(p) => p,
            None if self.location.is_empty() => "/",
            None => &self.location,
        }
    }

    pub fn warning(
        code: &str,
        message: impl Into<String>,
        location: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, location)
        }
    }
}

/// The diagnostic codes AWS uses (and the few warning codes we add).
pub mod codes {
    pub const INVALID_JSON_DESCRIPTION: &str = "INVALID_JSON_DESCRIPTION";
    pub const SCHEMA_VALIDATION_FAILED: &str = "SCHEMA_VALIDATION_FAILED";
    pub const MISSING_TRANSITION_TARGET: &str = "MISSING_TRANSITION_TARGET";
    pub const MISSING_END_STATE: &str = "MISSING_END_STATE";
    pub const DUPLICATE_STATE_NAME: &str = "DUPLICATE_STATE_NAME";
    pub const INVALID_STATE_NAME: &str = "INVALID_STATE_NAME";
    pub const INVALID_LABEL_NAME: &str = "INVALID_LABEL_NAME";
    pub const INVALID_JSONATA_EXPRESSION: &str = "INVALID_JSONATA_EXPRESSION";
    pub const UNSUPPORTED_JSONATA_EXPRESSION: &str = "UNSUPPORTED_JSONATA_EXPRESSION";
    /// Warning: a template value looks like a path but its key lacks `.$`.
    pub const NO_DOLLAR: &str = "NO_DOLLAR";
    /// Warning: a Pass `Result` holds `.$` keys, which are never evaluated.
    pub const PASS_RESULT_IS_STATIC: &str = "PASS_RESULT_IS_STATIC";
    /// Warning: a literal Fail `Error`/`Cause` looks like a path.
    pub const NO_PATH: &str = "NO_PATH";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MachineType {
    Standard,
    Express,
}

/// Validates definition source text. Diagnostics come in document order, errors and
/// warnings mixed, each with its line and column when the location is in the text.
pub fn validate(text: &str, machine_type: MachineType) -> Vec<Diagnostic> {
    match Document::parse(text) {
        Ok(document) => check(&document, machine_type),
        Err(e) => vec![syntax_error(e)],
    }
}

/// Text that is not JSON, as AWS reports it: `INVALID_JSON_DESCRIPTION` where the
/// parser stopped.
pub fn syntax_error(e: SyntaxError) -> Diagnostic {
    Diagnostic {
        line: Some(e.line),
        column: Some(e.column),
        ..Diagnostic::error(codes::INVALID_JSON_DESCRIPTION, e.message, "")
    }
}

/// Validates a parsed definition; each diagnostic is placed where its location is
/// written in the document.
pub fn check(document: &Document, machine_type: MachineType) -> Vec<Diagnostic> {
    let machine = Machine::parse(document);
    let mut diagnostics = semantic::check_tree(&machine, machine_type);
    for d in &mut diagnostics {
        if let Some((line, column)) = document.span.find(d.place()) {
            d.line = Some(line);
            d.column = Some(column);
        }
    }
    diagnostics
}

/// Whether any diagnostic is an error (warnings never make a definition invalid).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// AWS's `InvalidDefinition` message for create/update:
/// `Invalid State Machine Definition: 'CODE: message at /location, CODE: ...'`.
/// Only errors are listed; a diagnostic without a location reads `at null`, as AWS
/// prints it.
pub fn invalid_definition_message(diagnostics: &[Diagnostic]) -> String {
    let parts: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = if d.location.is_empty() {
                "null"
            } else {
                d.location.as_str()
            };
            format!("{}: {} at {}", d.code, d.message, at)
        })
        .collect();
    format!("Invalid State Machine Definition: '{}'", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn invalid_json_is_reported_with_its_position() {
        let d = validate("{\n  \"StartAt\": ,\n}", MachineType::Standard);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "INVALID_JSON_DESCRIPTION");
        assert_eq!(d[0].message, "expected value at line 2 column 14");
        assert_eq!((d[0].line, d[0].column), (Some(2), Some(14)));
    }

    #[test]
    fn a_bare_word_reads_like_aws() {
        let d = validate("not a definition", MachineType::Standard);
        assert_eq!(
            d[0].message,
            "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
        );
        assert_eq!(d[0].location, "");
        let d = validate("{\"StartAt\": nope}", MachineType::Standard);
        assert!(
            d[0].message.starts_with("Unrecognized token 'nope'"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn diagnostics_carry_line_and_column_of_their_location() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}\n  }\n}";
        let d = validate(text, MachineType::Standard);
        let missing = d.iter().find(|d| d.location == "/States/A/Next").unwrap();
        assert_eq!((missing.line, missing.column), (Some(4), Some(27)));
    }

    #[test]
    fn aws_message_form_for_create() {
        let d = validate(
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}"#,
            MachineType::Standard,
        );
        assert_eq!(
            invalid_definition_message(&d),
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next, MISSING_END_STATE: Workflow has no terminal state at null'"
        );
    }

    #[test]
    fn parameters_and_result_selector_take_any_json_value_alike() {
        // AWS runs a Task with `"ResultSelector": "$.Payload"` and outputs that string:
        // a payload template that is not an object is a literal, in either field.
        for field in ["Parameters", "ResultSelector"] {
            for value in [
                json!("$.Payload"),
                json!(["a"]),
                json!(1),
                json!({"a.$": "$.b"}),
            ] {
                let state = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                   field: value, "End": true});
                let text = json!({"StartAt": "A", "States": {"A": state}}).to_string();
                let d = validate(&text, MachineType::Standard);
                assert!(!has_errors(&d), "{text}: {d:?}");
            }
        }
    }

    #[test]
    fn a_lone_surrogate_escape_is_read_as_aws_reads_it() {
        let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata",
            "Output": "{% $encodeUrlComponent('\ud800') %}", "End": true}}}"#;
        assert!(validate(text, MachineType::Standard).is_empty());
    }

    #[test]
    fn warnings_do_not_count_as_errors() {
        let d = validate(
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.foo"}, "End": true}}}"#,
            MachineType::Standard,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(!has_errors(&d));
    }
}
