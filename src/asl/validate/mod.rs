//! Definition validation (owner: validator work): AWS's diagnostics for
//! `validate-state-machine-definition`, `InvalidDefinition` on create/update, `sfn lint`.
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, as AWS reports it, plus where it is in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    /// JSON location such as `/States/Foo/Next`.
    pub location: String,
    /// 1-based line and column of `location` in the source text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MachineType {
    Standard,
    Express,
}

/// Validates definition source text.
pub fn validate(text: &str, machine_type: MachineType) -> Vec<Diagnostic> {
    let _ = machine_type;
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => Vec::new(),
        Err(e) => vec![Diagnostic {
            severity: Severity::Error,
            code: "INVALID_JSON_DESCRIPTION".into(),
            message: e.to_string(),
            location: String::new(),
            line: Some(e.line()),
            column: Some(e.column()),
        }],
    }
}
