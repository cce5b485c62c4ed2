//! Step Functions Local's mock configuration file, read unchanged:
//!
//! ```json
//! { "StateMachines": { "<machine>": { "TestCases": { "<case>": { "<state>": "<response>" } } } },
//!   "MockedResponses": { "<response>": { "0": {"Return": ...}, "1-2": {"Throw": {"Error": "...", "Cause": "..."}} } } }
//! ```
//!
//! Invocation `n` of a state (retries and loop iterations included) is served by the
//! entry whose key is `n` or a range `a-b` containing it.
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::asl::error::names;
use crate::asl::StatesError;
use crate::engine::TaskOutcome;

/// One invocation's mocked outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum MockEntry {
    Return(Value),
    Throw {
        error: String,
        cause: Option<String>,
    },
}

impl MockEntry {
    pub fn outcome(&self) -> TaskOutcome {
        match self {
            MockEntry::Return(value) => TaskOutcome::Succeeded(value.clone()),
            // AWS records a timeout as `TaskTimedOut`/`LambdaFunctionTimedOut` with the
            // error alone, so a mocked `States.Timeout` is a timeout, not a failure.
            MockEntry::Throw { error, .. } if error == names::TIMEOUT => TaskOutcome::TimedOut,
            MockEntry::Throw { error, cause } => TaskOutcome::Failed(StatesError {
                error: Some(error.clone()),
                cause: cause.clone(),
            }),
        }
    }
}

/// A named mocked response: invocation ranges (inclusive) to entries, sorted by start.
#[derive(Debug, Clone, PartialEq)]
pub struct MockedResponse {
    entries: Vec<(u32, u32, MockEntry)>,
}

impl MockedResponse {
    /// The entry serving invocation `index` (0-based), if any.
    pub fn entry(&self, index: u32) -> Option<&MockEntry> {
        self.entries
            .iter()
            .find(|(start, end, _)| (*start..=*end).contains(&index))
            .map(|(_, _, entry)| entry)
    }

    /// The invocation keys as written, for messages (`0, 1-2`).
    pub fn keys(&self) -> String {
        self.entries
            .iter()
            .map(|(start, end, _)| {
                if start == end {
                    start.to_string()
                } else {
                    format!("{start}-{end}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A whole mock file, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct MockConfig {
    /// machine → test case → state → response name.
    state_machines: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    responses: BTreeMap<String, MockedResponse>,
}

/// The test case an execution runs under: state name → (response name, response).
#[derive(Debug, Clone, PartialEq)]
pub struct MockTestCase {
    pub name: String,
    states: BTreeMap<String, (String, MockedResponse)>,
}

/// Why a test case cannot be selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    NoStateMachine { known: Vec<String> },
    NoTestCase { known: Vec<String> },
}

impl MockConfig {
    /// Parses and validates a mock file's text. The error names the offending field.
    pub fn parse(text: &str) -> Result<MockConfig, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        let root = as_object(&root, "the file")?;
        for key in root.keys() {
            if key != "StateMachines" && key != "MockedResponses" {
                return Err(format!(
                    "unknown top-level field '{key}' (expected StateMachines and MockedResponses)"
                ));
            }
        }
        let mut responses = BTreeMap::new();
        if let Some(value) = root.get("MockedResponses") {
            for (name, response) in as_object(value, "MockedResponses")? {
                let at = format!("MockedResponses.{name}");
                responses.insert(name.clone(), parse_response(response, &at)?);
            }
        }
        let mut state_machines = BTreeMap::new();
        if let Some(value) = root.get("StateMachines") {
            for (machine, body) in as_object(value, "StateMachines")? {
                let at = format!("StateMachines.{machine}");
                let body = as_object(body, &at)?;
                let mut cases = BTreeMap::new();
                for (key, value) in body {
                    if key != "TestCases" {
                        return Err(format!("{at}: unknown field '{key}' (expected TestCases)"));
                    }
                    for (case, states) in as_object(value, &format!("{at}.TestCases"))? {
                        let at = format!("{at}.TestCases.{case}");
                        let mut mapping = BTreeMap::new();
                        for (state, response) in as_object(states, &at)? {
                            let Some(response) = response.as_str() else {
                                return Err(format!(
                                    "{at}.{state}: expected the name of a mocked response (a string)"
                                ));
                            };
                            if !responses.contains_key(response) {
                                return Err(format!(
                                    "{at}.{state}: no mocked response named '{response}' in MockedResponses"
                                ));
                            }
                            mapping.insert(state.clone(), response.to_string());
                        }
                        cases.insert(case.clone(), mapping);
                    }
                }
                state_machines.insert(machine.clone(), cases);
            }
        }
        Ok(MockConfig {
            state_machines,
            responses,
        })
    }

    /// The test case `case` of the state machine named `machine`.
    pub fn test_case(&self, machine: &str, case: &str) -> Result<MockTestCase, SelectError> {
        let Some(cases) = self.state_machines.get(machine) else {
            return Err(SelectError::NoStateMachine {
                known: self.state_machines.keys().cloned().collect(),
            });
        };
        let Some(mapping) = cases.get(case) else {
            return Err(SelectError::NoTestCase {
                known: cases.keys().cloned().collect(),
            });
        };
        let states = mapping
            .iter()
            .map(|(state, name)| {
                // `parse` checked that every named response exists.
                let response = self.responses.get(name).cloned().unwrap_or(MockedResponse {
                    entries: Vec::new(),
                });
                (state.clone(), (name.clone(), response))
            })
            .collect();
        Ok(MockTestCase {
            name: case.to_string(),
            states,
        })
    }
}

impl MockTestCase {
    /// Whether this test case mocks `state`.
    pub fn mocks(&self, state: &str) -> bool {
        self.states.contains_key(state)
    }

    /// The outcome of invocation `index` of `state`, or `None` when the test case does not
    /// mock the state. A mocked state without an entry for `index` fails with
    /// `States.Runtime` (never caught or retried) so the gap in the mock file shows.
    pub fn respond(&self, state: &str, index: u32) -> Option<TaskOutcome> {
        let (name, response) = self.states.get(state)?;
        Some(match response.entry(index) {
            Some(entry) => entry.outcome(),
            None => TaskOutcome::Failed(StatesError::runtime(format!(
                "The mocked response '{name}' of test case '{}' has no entry for invocation {index} of state '{state}' (its invocation keys: {})",
                self.name,
                response.keys()
            ))),
        })
    }
}

fn as_object<'v>(value: &'v Value, at: &str) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object"))
}

fn parse_response(value: &Value, at: &str) -> Result<MockedResponse, String> {
    let mut entries: Vec<(u32, u32, MockEntry)> = Vec::new();
    for (key, entry) in as_object(value, at)? {
        let (start, end) = parse_invocation_key(key)
            .ok_or_else(|| format!("{at}: invalid invocation key '{key}' (expected a number such as \"0\" or a range such as \"1-2\")"))?;
        let at = format!("{at}.{key}");
        if let Some((s, e, _)) = entries.iter().find(|(s, e, _)| start <= *e && *s <= end) {
            let other = if s == e {
                s.to_string()
            } else {
                format!("{s}-{e}")
            };
            return Err(format!(
                "{at}: invocation key '{key}' overlaps key '{other}'"
            ));
        }
        entries.push((start, end, parse_entry(entry, &at)?));
    }
    entries.sort_by_key(|(start, _, _)| *start);
    Ok(MockedResponse { entries })
}

/// `"3"` → (3, 3); `"1-2"` → (1, 2).
fn parse_invocation_key(key: &str) -> Option<(u32, u32)> {
    let number = |s: &str| {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    match key.split_once('-') {
        Some((start, end)) => {
            let (start, end) = (number(start)?, number(end)?);
            (start <= end).then_some((start, end))
        }
        None => number(key).map(|n| (n, n)),
    }
}

fn parse_entry(value: &Value, at: &str) -> Result<MockEntry, String> {
    let entry = as_object(value, at)?;
    if let Some(key) = entry.keys().find(|k| *k != "Return" && *k != "Throw") {
        return Err(format!(
            "{at}: unknown field '{key}' (expected Return or Throw)"
        ));
    }
    match (entry.get("Return"), entry.get("Throw")) {
        (Some(value), None) => Ok(MockEntry::Return(value.clone())),
        (None, Some(throw)) => {
            let at = format!("{at}.Throw");
            let throw = as_object(throw, &at)?;
            if let Some(key) = throw.keys().find(|k| *k != "Error" && *k != "Cause") {
                return Err(format!(
                    "{at}: unknown field '{key}' (expected Error and Cause)"
                ));
            }
            let error = match throw.get("Error") {
                Some(Value::String(error)) => error.clone(),
                Some(_) => return Err(format!("{at}.Error: expected a string")),
                None => return Err(format!("{at}: Error is required")),
            };
            let cause = match throw.get("Cause") {
                Some(Value::String(cause)) => Some(cause.clone()),
                None | Some(Value::Null) => None,
                Some(_) => return Err(format!("{at}.Cause: expected a string")),
            };
            Ok(MockEntry::Throw { error, cause })
        }
        (Some(_), Some(_)) => Err(format!("{at}: Return and Throw are mutually exclusive")),
        (None, None) => Err(format!("{at}: expected Return or Throw")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const RETRY_PATH: &str = r#"{
      "StateMachines": {
        "LambdaSQSIntegration": {
          "TestCases": {
            "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
            "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"},
            "HybridPath": {"LambdaState": "MockedLambdaSuccess"}
          }
        }
      },
      "MockedResponses": {
        "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello"}}}},
        "MockedSQSSuccess": {"0": {"Return": {"MessageId": "m-1"}}},
        "MockedLambdaRetry": {
          "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}},
          "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
          "3": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello"}}}
        }
      }
    }"#;

    fn config() -> MockConfig {
        MockConfig::parse(RETRY_PATH).unwrap()
    }

    fn failed(error: &str, cause: &str) -> TaskOutcome {
        TaskOutcome::Failed(StatesError::new(error, cause))
    }

    #[test]
    fn invocations_walk_through_numbers_and_ranges() {
        let case = config()
            .test_case("LambdaSQSIntegration", "RetryPath")
            .unwrap();
        assert_eq!(
            case.respond("LambdaState", 0),
            Some(failed(
                "Lambda.ResourceNotReadyException",
                "Lambda resource is not ready."
            ))
        );
        for index in [1, 2] {
            assert_eq!(
                case.respond("LambdaState", index),
                Some(failed("Lambda.TimeoutException", "Lambda timed out."))
            );
        }
        assert_eq!(
            case.respond("LambdaState", 3),
            Some(TaskOutcome::Succeeded(
                json!({"StatusCode": 200, "Payload": {"body": "Hello"}})
            ))
        );
    }

    #[test]
    fn a_missing_invocation_fails_with_a_runtime_error_naming_the_gap() {
        let case = config()
            .test_case("LambdaSQSIntegration", "RetryPath")
            .unwrap();
        let Some(TaskOutcome::Failed(error)) = case.respond("LambdaState", 4) else {
            panic!("expected a failure");
        };
        assert!(error.is_runtime());
        let cause = error.cause.unwrap();
        assert!(cause.contains("'MockedLambdaRetry'"), "{cause}");
        assert!(cause.contains("invocation 4"), "{cause}");
        assert!(cause.contains("0, 1-2, 3"), "{cause}");
    }

    #[test]
    fn states_outside_the_test_case_are_not_mocked() {
        let case = config()
            .test_case("LambdaSQSIntegration", "HybridPath")
            .unwrap();
        assert!(case.mocks("LambdaState"));
        assert!(!case.mocks("SQSState"));
        assert_eq!(case.respond("SQSState", 0), None);
    }

    #[test]
    fn unknown_machines_and_cases_list_what_exists() {
        assert_eq!(
            config().test_case("Other", "HappyPath"),
            Err(SelectError::NoStateMachine {
                known: vec!["LambdaSQSIntegration".into()]
            })
        );
        assert_eq!(
            config().test_case("LambdaSQSIntegration", "SadPath"),
            Err(SelectError::NoTestCase {
                known: vec!["HappyPath".into(), "HybridPath".into(), "RetryPath".into()]
            })
        );
    }

    #[test]
    fn throw_without_cause_and_timeouts() {
        let config = MockConfig::parse(
            r#"{"StateMachines": {"M": {"TestCases": {"T": {"A": "r"}}}},
                "MockedResponses": {"r": {
                    "0": {"Throw": {"Error": "Custom"}},
                    "1": {"Throw": {"Error": "States.Timeout"}}}}}"#,
        )
        .unwrap();
        let case = config.test_case("M", "T").unwrap();
        assert_eq!(
            case.respond("A", 0),
            Some(TaskOutcome::Failed(StatesError {
                error: Some("Custom".into()),
                cause: None
            }))
        );
        assert_eq!(case.respond("A", 1), Some(TaskOutcome::TimedOut));
    }

    #[test]
    fn return_may_be_any_json() {
        let config = MockConfig::parse(
            r#"{"StateMachines": {"M": {"TestCases": {"T": {"A": "r"}}}},
                "MockedResponses": {"r": {"0": {"Return": "HelloWorld"}, "1": {"Return": null}}}}"#,
        )
        .unwrap();
        let case = config.test_case("M", "T").unwrap();
        assert_eq!(
            case.respond("A", 0),
            Some(TaskOutcome::Succeeded(json!("HelloWorld")))
        );
        assert_eq!(
            case.respond("A", 1),
            Some(TaskOutcome::Succeeded(Value::Null))
        );
    }

    fn invalid(text: &str) -> String {
        MockConfig::parse(text).unwrap_err()
    }

    #[test]
    fn invalid_files_are_rejected_with_the_field_named() {
        assert!(invalid("{").starts_with("not valid JSON"));
        assert_eq!(invalid("[]"), "the file: expected an object");
        assert!(
            invalid(r#"{"MockResponses": {}}"#).contains("unknown top-level field 'MockResponses'")
        );
        assert_eq!(
            invalid(r#"{"MockedResponses": {"r": {"0": {"Return": 1, "Throw": {"Error": "E"}}}}}"#),
            "MockedResponses.r.0: Return and Throw are mutually exclusive"
        );
        assert_eq!(
            invalid(r#"{"MockedResponses": {"r": {"0": {}}}}"#),
            "MockedResponses.r.0: expected Return or Throw"
        );
        assert_eq!(
            invalid(r#"{"MockedResponses": {"r": {"0": {"Throw": {"Cause": "c"}}}}}"#),
            "MockedResponses.r.0.Throw: Error is required"
        );
        assert_eq!(
            invalid(r#"{"MockedResponses": {"r": {"0": {"Throw": {"Error": "E", "Cause": {}}}}}}"#),
            "MockedResponses.r.0.Throw.Cause: expected a string"
        );
        assert!(
            invalid(r#"{"MockedResponses": {"r": {"first": {"Return": 1}}}}"#)
                .contains("invalid invocation key 'first'")
        );
        assert!(
            invalid(r#"{"MockedResponses": {"r": {"2-1": {"Return": 1}}}}"#)
                .contains("invalid invocation key '2-1'")
        );
        assert_eq!(
            invalid(r#"{"MockedResponses": {"r": {"0-2": {"Return": 1}, "2": {"Return": 2}}}}"#),
            "MockedResponses.r.2: invocation key '2' overlaps key '0-2'"
        );
        assert_eq!(
            invalid(r#"{"StateMachines": {"M": {"TestCases": {"T": {"A": "missing"}}}}}"#),
            "StateMachines.M.TestCases.T.A: no mocked response named 'missing' in MockedResponses"
        );
        assert_eq!(
            invalid(r#"{"StateMachines": {"M": {"Cases": {}}}}"#),
            "StateMachines.M: unknown field 'Cases' (expected TestCases)"
        );
    }
}
