//! The semantic walk: every state machine scope (top level, Parallel branches, Map item
//! processors), its states, transitions, query languages, paths, templates, expressions
//! and resources. Structural checks are delegated to [`schema`] per object; Choice rules
//! live in `choice`, Map fields in `map`.
use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::{Map, Value};

use super::expressions::{self, JsonataProblem, PathKind};
use super::resources;
use super::{codes, schema, Diagnostic, MachineType};

mod choice;
mod map;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    JsonPath,
    Jsonata,
}

impl Language {
    /// The language a `QueryLanguage` field selects. As AWS resolves it: absent means
    /// inherited, exactly `JSONPath` is JSONPath, anything else (even `jsonpath` or a
    /// number, which are also reported against the enum) is JSONata.
    fn resolve(value: Option<&Value>) -> Option<Language> {
        match value? {
            Value::String(s) if s == "JSONPath" => Some(Language::JsonPath),
            _ => Some(Language::Jsonata),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Language::JsonPath => "JSONPath",
            Language::Jsonata => "JSONata",
        }
    }

    fn other(self) -> Language {
        match self {
            Language::JsonPath => Language::Jsonata,
            Language::Jsonata => Language::JsonPath,
        }
    }
}

/// Fields only a JSONPath state may use.
const JSONPATH_ONLY: [&str; 16] = [
    "InputPath",
    "OutputPath",
    "Parameters",
    "ResultSelector",
    "ResultPath",
    "Result",
    "ItemsPath",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "SecondsPath",
    "TimestampPath",
    "ErrorPath",
    "CausePath",
    "MaxConcurrencyPath",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentagePath",
];

/// Fields only a JSONata state may use.
const JSONATA_ONLY: [&str; 3] = ["Arguments", "Output", "Items"];

/// `X` / `XPath` pairs (and other pairs) of which at most one may be set.
const EXCLUSIVE: [(&str, &str); 10] = [
    ("TimeoutSeconds", "TimeoutSecondsPath"),
    ("HeartbeatSeconds", "HeartbeatSecondsPath"),
    ("Error", "ErrorPath"),
    ("Cause", "CausePath"),
    ("MaxConcurrency", "MaxConcurrencyPath"),
    ("ToleratedFailureCount", "ToleratedFailureCountPath"),
    (
        "ToleratedFailurePercentage",
        "ToleratedFailurePercentagePath",
    ),
    ("Parameters", "ItemSelector"),
    ("ItemProcessor", "Iterator"),
    ("Items", "ItemsPath"),
];

/// Numeric fields that, in a JSONata state, may instead hold an expression; in a
/// JSONPath state such a string is just a wrongly typed value.
const NUMERIC_OR_EXPRESSION: [(&str, &str); 6] = [
    ("TimeoutSeconds", "INTEGER"),
    ("HeartbeatSeconds", "INTEGER"),
    ("Seconds", "INTEGER"),
    ("MaxConcurrency", "INTEGER"),
    ("ToleratedFailureCount", "INTEGER"),
    ("ToleratedFailurePercentage", "NUMBER"),
];

const MAX_STATE_NAME: usize = 80;
const MAX_VARIABLE_NAME: usize = 80;

/// Runs every check on a parsed definition.
pub fn check(root: &Value, machine_type: MachineType) -> Vec<Diagnostic> {
    let mut walker = Walker {
        machine_type,
        top: Language::JsonPath,
        jsonata_machine: false,
        seen_names: HashSet::new(),
        out: Vec::new(),
    };
    let Some(obj) = root.as_object() else {
        walker.schema_error("Expected value of type [OBJECT]", "/");
        return walker.out;
    };
    schema::check("Machine", root, "/", &mut walker.out);
    walker.top = Language::resolve(obj.get("QueryLanguage")).unwrap_or(Language::JsonPath);
    walker.jsonata_machine = walker.top == Language::Jsonata;
    walker.machine(obj, "");
    walker.out
}

struct Walker {
    machine_type: MachineType,
    /// The machine's language: what every state without its own `QueryLanguage`
    /// uses, at any depth (a Map or Parallel does not pass its own on).
    top: Language,
    /// Whether a state declaring `JSONPath` is refused here (a JSONata machine, outside
    /// distributed item processors, which run as executions of their own).
    jsonata_machine: bool,
    seen_names: HashSet<String>,
    out: Vec<Diagnostic>,
}

/// A transition found in a state: the target name and where it is written.
struct Transition {
    target: String,
    location: String,
}

impl Walker {
    fn schema_error(&mut self, message: impl Into<String>, location: impl Into<String>) {
        self.out.push(Diagnostic::error(
            codes::SCHEMA_VALIDATION_FAILED,
            message,
            location,
        ));
    }

    /// AWS reports a field it does not know at the object holding it; the text position
    /// is the field's own.
    fn unsupported_field(&mut self, key: &str, at: &str) {
        self.out.push(Diagnostic {
            points_at: Some(format!("{}/{key}", at.trim_end_matches('/'))),
            ..Diagnostic::error(
                codes::SCHEMA_VALIDATION_FAILED,
                format!("Field '{key}' is not supported"),
                at,
            )
        });
    }

    /// One scope: `prefix` is the location of the object holding `StartAt`/`States`
    /// (empty for the top level).
    fn machine(&mut self, obj: &Map<String, Value>, prefix: &str) {
        let Some(states) = obj.get("States").and_then(Value::as_object) else {
            return;
        };
        let mut transitions: HashMap<&str, Vec<Transition>> = HashMap::new();
        let mut terminal = false;
        for (name, state) in states {
            let location = format!("{prefix}/States/{name}");
            self.state_name(name, &location);
            let (found, is_terminal) = self.state(state, &location);
            terminal |= is_terminal;
            transitions.insert(name.as_str(), found);
        }
        // Transitions must stay in this scope.
        for name in states.keys() {
            for t in &transitions[name.as_str()] {
                if !states.contains_key(&t.target) {
                    self.out.push(Diagnostic::error(
                        codes::MISSING_TRANSITION_TARGET,
                        format!("Missing 'Next' target: {}", t.target),
                        t.location.clone(),
                    ));
                }
            }
        }
        let start = obj.get("StartAt").and_then(Value::as_str);
        if let Some(start) = start {
            if !states.contains_key(start) {
                self.out.push(Diagnostic::error(
                    codes::MISSING_TRANSITION_TARGET,
                    format!("Missing 'Next' target: {start}"),
                    format!("{prefix}/StartAt"),
                ));
            }
        }
        if !terminal && prefix.is_empty() {
            // AWS checks this for the top level only, gives no location, and then skips
            // the reachability walk.
            self.out.push(Diagnostic::error(
                codes::MISSING_END_STATE,
                "Workflow has no terminal state",
                "",
            ));
            return;
        }
        // Reachability from StartAt: a cycle nobody enters is as unreachable as a
        // lone state.
        let mut reached: HashSet<&str> = HashSet::new();
        let mut queue: VecDeque<&str> = VecDeque::new();
        if let Some(start) = start.filter(|s| states.contains_key(*s)) {
            reached.insert(start);
            queue.push_back(start);
        }
        while let Some(current) = queue.pop_front() {
            for t in transitions.get(current).into_iter().flatten() {
                if let Some((key, _)) = states.get_key_value(&t.target) {
                    if reached.insert(key.as_str()) {
                        queue.push_back(key.as_str());
                    }
                }
            }
        }
        if start.is_some_and(|s| states.contains_key(s)) {
            for name in states.keys() {
                if !reached.contains(name.as_str()) {
                    self.out.push(Diagnostic::error(
                        codes::MISSING_TRANSITION_TARGET,
                        format!("State \"{name}\" is not reachable."),
                        format!("{prefix}/States/{name}"),
                    ));
                }
            }
        }
    }

    fn state_name(&mut self, name: &str, location: &str) {
        let length = name.chars().count();
        if length == 0 || length > MAX_STATE_NAME {
            self.out.push(Diagnostic::error(
                codes::INVALID_STATE_NAME,
                format!("State name '{name}' must be 1 to {MAX_STATE_NAME} characters long"),
                location,
            ));
        } else if name.chars().any(char::is_control) {
            self.out.push(Diagnostic::error(
                codes::INVALID_STATE_NAME,
                format!(
                    "State name '{}' contains control characters",
                    name.escape_debug()
                ),
                location,
            ));
        }
        if !self.seen_names.insert(name.to_string()) {
            self.out.push(Diagnostic::error(
                codes::DUPLICATE_STATE_NAME,
                format!("Duplicate State name: {name}"),
                location,
            ));
        }
    }

    /// Checks one state; returns its transitions and whether it is terminal.
    fn state(&mut self, state: &Value, loc: &str) -> (Vec<Transition>, bool) {
        let mut transitions = Vec::new();
        let Some(obj) = state.as_object() else {
            self.schema_error("Expected value of type [OBJECT]", loc);
            return (transitions, false);
        };
        if !schema::check("State", state, loc, &mut self.out) {
            return (transitions, false);
        }
        let kind = obj["Type"].as_str().unwrap_or_default();
        let declared = Language::resolve(obj.get("QueryLanguage"));
        let downgraded = self.jsonata_machine && declared == Some(Language::JsonPath);
        if downgraded {
            // AWS reports this alone, without the field checks it would imply.
            self.schema_error(
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                loc,
            );
        }
        let language = declared.unwrap_or(self.top);
        if !downgraded {
            self.language_fields(obj, loc, language);
        }
        schema::check(kind, state, loc, &mut self.out);
        for (a, b) in EXCLUSIVE {
            if obj.contains_key(a) && obj.contains_key(b) {
                self.schema_error(
                    format!("Fields '{a}' and '{b}' are mutually exclusive"),
                    format!("{loc}/{a}"),
                );
            }
        }

        let mut terminal = matches!(kind, "Succeed" | "Fail");
        if matches!(kind, "Pass" | "Task" | "Wait" | "Parallel" | "Map") {
            let end = obj.get("End") == Some(&Value::Bool(true));
            match (obj.get("Next"), end) {
                (Some(_), true) => {
                    self.schema_error("Fields 'Next' and 'End' are mutually exclusive", loc)
                }
                (None, false) => {
                    self.schema_error("One of the fields [Next, End] is required", loc)
                }
                _ => {}
            }
            terminal |= end;
        }
        if let Some(next) = obj.get("Next").and_then(Value::as_str) {
            transitions.push(Transition {
                target: next.to_string(),
                location: format!("{loc}/Next"),
            });
        }

        if language == Language::JsonPath {
            self.jsonpath_fields(obj, loc);
        } else {
            self.jsonata_state(obj, loc);
        }
        if let Some(assign) = obj.get("Assign") {
            self.assign(assign, &format!("{loc}/Assign"), language);
        }

        match kind {
            "Task" => self.task(obj, loc, language),
            "Choice" => self.choice(obj, loc, language, &mut transitions),
            "Wait" => self.wait(obj, loc, language),
            "Fail" => self.fail(obj, loc, language),
            "Pass" => self.pass(obj, loc),
            "Parallel" => self.parallel(obj, loc),
            "Map" => self.map(obj, loc, language),
            _ => {}
        }
        self.retry(obj, loc);
        self.catch(obj, loc, language, &mut transitions);
        (transitions, terminal)
    }

    /// Fields of the other query language, and expressions in numeric fields of a
    /// JSONPath state.
    fn language_fields(&mut self, obj: &Map<String, Value>, loc: &str, language: Language) {
        let foreign: &[&str] = match language {
            Language::JsonPath => &JSONATA_ONLY,
            Language::Jsonata => &JSONPATH_ONLY,
        };
        for field in foreign {
            if obj.contains_key(*field) {
                self.foreign_field(language, field, loc);
            }
        }
        if language == Language::JsonPath {
            for (field, expected) in NUMERIC_OR_EXPRESSION {
                if obj
                    .get(field)
                    .and_then(Value::as_str)
                    .is_some_and(|s| expressions::jsonata_body(s).is_some())
                {
                    self.schema_error(
                        format!("Expected value of type [{expected}]"),
                        format!("{loc}/{field}"),
                    );
                }
            }
        }
    }

    /// InputPath/OutputPath/ResultPath, `…Path` fields and payload templates.
    fn jsonpath_fields(&mut self, obj: &Map<String, Value>, loc: &str) {
        for field in ["InputPath", "OutputPath"] {
            if let Some(Value::String(path)) = obj.get(field) {
                self.path(path, field, &format!("{loc}/{field}"), PathKind::Full);
            }
        }
        if let Some(Value::String(path)) = obj.get("ResultPath") {
            self.result_path(path, &format!("{loc}/ResultPath"));
        }
        for field in [
            "ItemsPath",
            "TimeoutSecondsPath",
            "HeartbeatSecondsPath",
            "SecondsPath",
            "TimestampPath",
            "MaxConcurrencyPath",
            "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath",
        ] {
            if let Some(Value::String(path)) = obj.get(field) {
                self.path(path, field, &format!("{loc}/{field}"), PathKind::Reference);
            }
        }
        for field in ["Parameters", "ResultSelector", "ItemSelector"] {
            if let Some(template) = obj.get(field) {
                self.template(template, &format!("{loc}/{field}"));
            }
        }
    }

    fn path(&mut self, path: &str, field: &str, location: &str, kind: PathKind) -> bool {
        if expressions::check_path(path, kind).is_ok() {
            return true;
        }
        let what = match kind {
            PathKind::Full => "a valid JSONPath",
            PathKind::Reference => "a valid reference path",
        };
        self.schema_error(
            format!("The value for the field '{field}' must be {what}"),
            location,
        );
        false
    }

    /// ResultPath: a reference path into the state input, never the context object or
    /// a variable.
    fn result_path(&mut self, path: &str, location: &str) {
        let into_input = path == "$" || path.starts_with("$.") || path.starts_with("$[");
        if !into_input || expressions::check_path(path, PathKind::Reference).is_err() {
            self.schema_error(
                "The value for the field 'ResultPath' must be a valid reference path",
                location,
            );
        }
    }

    /// A JSONPath payload template: `key.$` values must be paths or intrinsic calls.
    fn template(&mut self, value: &Value, loc: &str) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let child = format!("{loc}/{key}");
                    if let Some(stripped) = key.strip_suffix(".$") {
                        if map.contains_key(stripped) {
                            self.schema_error(
                                format!("The fields '{stripped}' and '{key}' cannot both be used"),
                                child.clone(),
                            );
                        }
                        if !dynamic_value_ok(v, false) {
                            self.schema_error(
                                format!(
                                    "The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call"
                                ),
                                child,
                            );
                        }
                    } else {
                        if let Value::String(s) = v {
                            if (s == "$" || s.starts_with("$.") || s.starts_with("$$."))
                                && expressions::check_path(s, PathKind::Full).is_ok()
                            {
                                self.out.push(Diagnostic::warning(
                                    codes::NO_DOLLAR,
                                    format!(
                                        "The value for the field '{key}' looks like a JSONPath but the field name does not end with '.$', so it is used as a literal string"
                                    ),
                                    child.clone(),
                                ));
                            }
                        }
                        self.template(v, &child);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.template(item, &format!("{loc}[{i}]"));
                }
            }
            _ => {}
        }
    }

    /// Every `{% %}` string of a JSONata state must parse and read only what Step
    /// Functions offers there. Nested scopes are checked by their own states.
    fn jsonata_state(&mut self, state: &Map<String, Value>, loc: &str) {
        for (key, value) in state {
            let at = format!("{loc}/{key}");
            match key.as_str() {
                "Branches" | "ItemProcessor" | "Iterator" => {}
                "Catch" => match value.as_array() {
                    Some(catchers) => {
                        for (i, catcher) in catchers.iter().enumerate() {
                            let cat = format!("{at}[{i}]");
                            match catcher.as_object() {
                                // `$states.errorOutput` exists only in a Catcher's own
                                // Output and Assign.
                                Some(fields) => {
                                    for (field, v) in fields {
                                        let ok = matches!(field.as_str(), "Output" | "Assign");
                                        self.jsonata_values(v, &format!("{cat}/{field}"), ok);
                                    }
                                }
                                None => self.jsonata_values(catcher, &cat, false),
                            }
                        }
                    }
                    None => self.jsonata_values(value, &at, false),
                },
                _ => self.jsonata_values(value, &at, false),
            }
        }
    }

    fn jsonata_values(&mut self, value: &Value, loc: &str, error_output_ok: bool) {
        match value {
            Value::String(s) => {
                if let Some(body) = expressions::jsonata_body(s) {
                    let (code, message) = match expressions::check_jsonata(body, error_output_ok) {
                        Ok(()) => return,
                        Err(JsonataProblem::Invalid(m)) => (codes::INVALID_JSONATA_EXPRESSION, m),
                        Err(JsonataProblem::Unsupported(m)) => {
                            (codes::UNSUPPORTED_JSONATA_EXPRESSION, m)
                        }
                    };
                    self.out.push(Diagnostic::error(code, message, loc));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.jsonata_values(item, &format!("{loc}[{i}]"), error_output_ok);
                }
            }
            Value::Object(map) => {
                for (key, v) in map {
                    self.jsonata_values(v, &format!("{loc}/{key}"), error_output_ok);
                }
            }
            _ => {}
        }
    }

    /// Assign: whole variable names only; JSONPath values are templates.
    fn assign(&mut self, assign: &Value, loc: &str, language: Language) {
        let Some(map) = assign.as_object() else {
            return;
        };
        for (key, value) in map {
            let name = match language {
                Language::JsonPath => key.strip_suffix(".$").unwrap_or(key),
                Language::Jsonata => key.as_str(),
            };
            let child = format!("{loc}/{key}");
            if !is_variable_name(name) {
                self.schema_error(
                    format!("The variable name '{name}' is not valid"),
                    child.clone(),
                );
            } else if name == "states" {
                self.schema_error("The variable name 'states' is reserved", child.clone());
            }
            if language == Language::JsonPath {
                if key.ends_with(".$") {
                    if !dynamic_value_ok(value, false) {
                        self.schema_error(
                            format!(
                                "The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call"
                            ),
                            child,
                        );
                    }
                } else {
                    self.template(value, &child);
                }
            }
        }
    }

    fn task(&mut self, obj: &Map<String, Value>, loc: &str, language: Language) {
        if let Some(Value::String(resource)) = obj.get("Resource") {
            let at = format!("{loc}/Resource");
            match resources::classify(resource) {
                None => self.schema_error(resources::not_recognized(resource), at),
                Some(kind) => {
                    if self.machine_type == MachineType::Express {
                        if let Some(problem) = resources::express_problem(&kind) {
                            self.schema_error(problem, at);
                        }
                    }
                }
            }
        }
        if let (Some(heartbeat), Some(timeout)) = (
            obj.get("HeartbeatSeconds").and_then(Value::as_u64),
            obj.get("TimeoutSeconds").and_then(Value::as_u64),
        ) {
            if heartbeat >= timeout {
                self.schema_error(
                    "The field 'HeartbeatSeconds' must be smaller than the field 'TimeoutSeconds'",
                    format!("{loc}/HeartbeatSeconds"),
                );
            }
        }
        if let Some(Value::Object(credentials)) = obj.get("Credentials") {
            let at = format!("{loc}/Credentials");
            let role = credentials.get("RoleArn");
            let role_path = credentials.get("RoleArn.$");
            if role.is_none() && (role_path.is_none() || language == Language::Jsonata) {
                self.schema_error(
                    "The field 'RoleArn' is required but was missing",
                    at.clone(),
                );
            }
            for key in credentials.keys() {
                if key != "RoleArn" && !(key == "RoleArn.$" && language == Language::JsonPath) {
                    self.unsupported_field(key, &at);
                }
            }
            if let Some(role) = role {
                if !role.is_string() {
                    self.schema_error("Expected value of type [STRING]", format!("{at}/RoleArn"));
                }
            }
            if language == Language::JsonPath {
                if let Some(path) = role_path {
                    if !dynamic_value_ok(path, false) {
                        self.schema_error(
                            "The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function call",
                            format!("{at}/RoleArn.$"),
                        );
                    }
                }
            }
        }
    }

    fn wait(&mut self, obj: &Map<String, Value>, loc: &str, language: Language) {
        let set = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"]
            .iter()
            .filter(|f| obj.contains_key(**f))
            .count();
        if set != 1 {
            self.schema_error(
                "A Wait state must have exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath]",
                loc,
            );
        }
        if let Some(Value::String(ts)) = obj.get("Timestamp") {
            let expression =
                language == Language::Jsonata && expressions::jsonata_body(ts).is_some();
            if !expression && !is_aws_timestamp(ts) {
                self.schema_error(
                    "String does not match RFC3339 timestamp",
                    format!("{loc}/Timestamp"),
                );
            }
        }
    }

    fn fail(&mut self, obj: &Map<String, Value>, loc: &str, language: Language) {
        if language != Language::JsonPath {
            return;
        }
        for field in ["ErrorPath", "CausePath"] {
            if let Some(value) = obj.get(field) {
                if !dynamic_value_ok(value, true) {
                    self.schema_error(
                        format!(
                            "The value for the field '{field}' must be a valid reference path or a valid intrinsic function call that returns a string"
                        ),
                        format!("{loc}/{field}"),
                    );
                }
            }
        }
        for field in ["Error", "Cause"] {
            if let Some(Value::String(text)) = obj.get(field) {
                if text.starts_with('$') && expressions::check_path(text, PathKind::Full).is_ok() {
                    self.out.push(Diagnostic::warning(
                        codes::NO_PATH,
                        format!(
                            "The value for the field '{field}' looks like a JSONPath but is used as a literal; use '{field}Path' to read it from the input"
                        ),
                        format!("{loc}/{field}"),
                    ));
                }
            }
        }
    }

    fn pass(&mut self, obj: &Map<String, Value>, loc: &str) {
        if let Some(result) = obj.get("Result") {
            if has_dynamic_key(result) {
                self.out.push(Diagnostic::warning(
                    codes::PASS_RESULT_IS_STATIC,
                    "The field 'Result' is a static value: keys ending in '.$' are not evaluated (use 'Parameters')",
                    format!("{loc}/Result"),
                ));
            }
        }
    }

    fn parallel(&mut self, obj: &Map<String, Value>, loc: &str) {
        let Some(Value::Array(branches)) = obj.get("Branches") else {
            return;
        };
        for (i, branch) in branches.iter().enumerate() {
            let at = format!("{loc}/Branches[{i}]");
            self.nested("Branch", branch, &at);
        }
    }

    /// A Parallel branch or Map item processor: its own scope, the machine's language.
    fn nested(&mut self, kind: &str, value: &Value, at: &str) {
        schema::check(kind, value, at, &mut self.out);
        if let Some(obj) = value.as_object() {
            self.machine(obj, at);
        }
    }

    /// A field of the other query language, at `at` (a sub-object such as ItemReader).
    fn language_only(&mut self, language: Language, required: Language, field: &str, at: &str) {
        if language != required {
            self.foreign_field(language, field, &format!("{at}/{field}"));
        }
    }

    fn foreign_field(&mut self, language: Language, field: &str, location: &str) {
        self.schema_error(
            format!(
                "The QueryLanguage is set to '{}', but field '{field}' is only supported for the '{}' QueryLanguage",
                language.name(),
                language.other().name()
            ),
            location,
        );
    }

    fn retry(&mut self, obj: &Map<String, Value>, loc: &str) {
        let Some(Value::Array(retriers)) = obj.get("Retry") else {
            return;
        };
        self.states_all_rules(retriers, &format!("{loc}/Retry"), "Retrier");
    }

    fn catch(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: Language,
        transitions: &mut Vec<Transition>,
    ) {
        let Some(Value::Array(catchers)) = obj.get("Catch") else {
            return;
        };
        let at = format!("{loc}/Catch");
        self.states_all_rules(catchers, &at, "Catcher");
        for (i, catcher) in catchers.iter().enumerate() {
            let Some(catcher) = catcher.as_object() else {
                continue;
            };
            let cat = format!("{at}[{i}]");
            if let Some(next) = catcher.get("Next").and_then(Value::as_str) {
                transitions.push(Transition {
                    target: next.to_string(),
                    location: format!("{cat}/Next"),
                });
            }
            match language {
                Language::JsonPath => {
                    if catcher.contains_key("Output") {
                        self.foreign_field(language, "Output", &cat);
                    }
                    if let Some(Value::String(path)) = catcher.get("ResultPath") {
                        self.result_path(path, &format!("{cat}/ResultPath"));
                    }
                }
                Language::Jsonata => {
                    if catcher.contains_key("ResultPath") {
                        self.foreign_field(language, "ResultPath", &cat);
                    }
                }
            }
            if let Some(assign) = catcher.get("Assign") {
                self.assign(assign, &format!("{cat}/Assign"), language);
            }
        }
    }

    /// `States.ALL` must be alone in its ErrorEquals, in the last retrier/catcher.
    fn states_all_rules(&mut self, rules: &[Value], at: &str, what: &str) {
        let last = rules.len().saturating_sub(1);
        for (i, rule) in rules.iter().enumerate() {
            let Some(errors) = rule.get("ErrorEquals").and_then(Value::as_array) else {
                continue;
            };
            if !errors.iter().any(|e| e.as_str() == Some("States.ALL")) {
                continue;
            }
            if errors.len() > 1 {
                self.schema_error(
                    "The error name 'States.ALL' must appear alone in 'ErrorEquals'",
                    format!("{at}[{i}]/ErrorEquals"),
                );
            }
            if i != last {
                self.schema_error(
                    format!("A {what} with 'States.ALL' must be the last one"),
                    format!("{at}[{i}]"),
                );
            }
        }
    }
}

/// A `.$` value: a path (`$…`, `$$…`, `$var…`) or an intrinsic call. With
/// `string_only`, paths must be reference paths and calls must return strings
/// (ErrorPath/CausePath).
fn dynamic_value_ok(value: &Value, string_only: bool) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    if expressions::is_intrinsic(text) {
        return match expressions::check_intrinsic(text) {
            Ok(call) => !string_only || expressions::returns_string(&call),
            Err(_) => false,
        };
    }
    let kind = if string_only {
        PathKind::Reference
    } else {
        PathKind::Full
    };
    expressions::check_path(text, kind).is_ok()
}

fn has_dynamic_key(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.ends_with(".$") || has_dynamic_key(v)),
        Value::Array(items) => items.iter().any(has_dynamic_key),
        _ => false,
    }
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    first_ok
        && chars.all(|c| c.is_alphanumeric() || c == '_')
        && name.chars().count() <= MAX_VARIABLE_NAME
}

/// Characters AWS forbids in names and Map labels (§11 of the reference).
fn is_forbidden_name_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c)
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// A literal timestamp as AWS accepts it at create time: RFC 3339 with an uppercase
/// `T`, a zone, and at most 9 fraction digits.
fn is_aws_timestamp(text: &str) -> bool {
    let fraction_ok = match text.find('.') {
        Some(dot) => {
            let digits = text[dot + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            (1..=9).contains(&digits)
        }
        None => true,
    };
    fraction_ok && text.contains('T') && crate::asl::timestamp::parse(text).is_some()
}

#[cfg(test)]
mod tests;
