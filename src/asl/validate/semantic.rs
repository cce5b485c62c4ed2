//! The semantic walk: every state machine scope (top level, Parallel branches, Map item
//! processors), its states, transitions, query languages, paths, templates, expressions
//! and resources. Structural checks are delegated to [`schema`] per object.
use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::{Map, Value};

use super::expressions::{self, JsonataProblem, PathKind};
use super::resources;
use super::{codes, schema, Diagnostic, MachineType};

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

const COMPARISONS: [&str; 39] = [
    "StringEquals",
    "StringEqualsPath",
    "StringLessThan",
    "StringLessThanPath",
    "StringGreaterThan",
    "StringGreaterThanPath",
    "StringLessThanEquals",
    "StringLessThanEqualsPath",
    "StringGreaterThanEquals",
    "StringGreaterThanEqualsPath",
    "StringMatches",
    "NumericEquals",
    "NumericEqualsPath",
    "NumericLessThan",
    "NumericLessThanPath",
    "NumericGreaterThan",
    "NumericGreaterThanPath",
    "NumericLessThanEquals",
    "NumericLessThanEqualsPath",
    "NumericGreaterThanEquals",
    "NumericGreaterThanEqualsPath",
    "BooleanEquals",
    "BooleanEqualsPath",
    "TimestampEquals",
    "TimestampEqualsPath",
    "TimestampLessThan",
    "TimestampLessThanPath",
    "TimestampGreaterThan",
    "TimestampGreaterThanPath",
    "TimestampLessThanEquals",
    "TimestampLessThanEqualsPath",
    "TimestampGreaterThanEquals",
    "TimestampGreaterThanEqualsPath",
    "IsNull",
    "IsPresent",
    "IsNumeric",
    "IsString",
    "IsBoolean",
    "IsTimestamp",
];

const MAX_STATE_NAME: usize = 80;
const MAX_LABEL: usize = 40;
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
                    self.schema_error(format!("Field '{key}' is not supported"), at.clone());
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

    fn choice(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: Language,
        transitions: &mut Vec<Transition>,
    ) {
        if let Some(Value::Array(rules)) = obj.get("Choices") {
            for (i, rule) in rules.iter().enumerate() {
                let at = format!("{loc}/Choices[{i}]");
                if let Some(next) = rule.get("Next").and_then(Value::as_str) {
                    transitions.push(Transition {
                        target: next.to_string(),
                        location: format!("{at}/Next"),
                    });
                }
                match language {
                    Language::JsonPath => self.jsonpath_rule(rule, &at, true),
                    Language::Jsonata => self.jsonata_rule(rule, &at),
                }
                if let Some(assign) = rule.get("Assign") {
                    if assign.is_object() {
                        self.assign(assign, &format!("{at}/Assign"), language);
                    } else {
                        self.schema_error(
                            "Expected value of type [OBJECT]",
                            format!("{at}/Assign"),
                        );
                    }
                }
            }
        }
        if let Some(default) = obj.get("Default").and_then(Value::as_str) {
            transitions.push(Transition {
                target: default.to_string(),
                location: format!("{loc}/Default"),
            });
        }
    }

    fn rule_next(&mut self, rule: &Map<String, Value>, at: &str, top: bool) {
        match (top, rule.get("Next")) {
            (true, None) => self.schema_error("These fields are required: [Next]", at),
            (true, Some(next)) if !next.is_string() => {
                self.schema_error("Expected value of type [STRING]", format!("{at}/Next"))
            }
            (false, Some(_)) => self.schema_error("Field 'Next' is not supported", at),
            _ => {}
        }
    }

    fn jsonata_rule(&mut self, rule: &Value, at: &str) {
        let Some(rule) = rule.as_object() else {
            return;
        };
        self.rule_next(rule, at, true);
        for key in rule.keys() {
            if !matches!(
                key.as_str(),
                "Condition" | "Next" | "Assign" | "Output" | "Comment"
            ) {
                self.schema_error(format!("Field '{key}' is not supported"), at);
            }
        }
        match rule.get("Condition") {
            None => self.schema_error("These fields are required: [Condition]", at),
            Some(Value::Bool(_)) => {}
            Some(Value::String(s)) if expressions::jsonata_body(s).is_some() => {}
            Some(_) => self.schema_error(
                "The field 'Condition' should be a boolean or a JSONata expression",
                format!("{at}/Condition"),
            ),
        }
    }

    fn jsonpath_rule(&mut self, rule: &Value, at: &str, top: bool) {
        let Some(rule) = rule.as_object() else {
            self.schema_error("Expected value of type [OBJECT]", at);
            return;
        };
        self.rule_next(rule, at, top);
        let mut operators = Vec::new();
        for key in rule.keys() {
            let k = key.as_str();
            if COMPARISONS.contains(&k) || matches!(k, "And" | "Or" | "Not") {
                operators.push(k);
            } else if !(matches!(k, "Variable" | "Comment" | "Next") || (top && k == "Assign")) {
                // A nested rule's `Next` is reported by `rule_next`.
                self.schema_error(format!("Field '{key}' is not supported"), at);
            }
        }
        if operators.len() != 1 {
            self.schema_error(
                "A choice rule must have exactly one comparison operator or one of And, Or, Not",
                at,
            );
        }
        for op in operators {
            let value = &rule[op];
            let vat = format!("{at}/{op}");
            match op {
                "And" | "Or" => match value.as_array() {
                    Some(items) if !items.is_empty() => {
                        for (i, item) in items.iter().enumerate() {
                            self.jsonpath_rule(item, &format!("{vat}[{i}]"), false);
                        }
                    }
                    _ => self
                        .schema_error(format!("The field '{op}' should be a non-empty array"), vat),
                },
                "Not" => {
                    if value.is_object() {
                        self.jsonpath_rule(value, &vat, false);
                    } else {
                        self.schema_error("Expected value of type [OBJECT]", vat);
                    }
                }
                _ => self.comparison(rule, op, value, at),
            }
        }
    }

    fn comparison(&mut self, rule: &Map<String, Value>, op: &str, value: &Value, at: &str) {
        let vat = format!("{at}/{op}");
        match rule.get("Variable") {
            None => self.schema_error("These fields are required: [Variable]", at),
            Some(Value::String(path)) => {
                self.path(path, "Variable", &format!("{at}/Variable"), PathKind::Full);
            }
            Some(_) => {
                self.schema_error("Expected value of type [STRING]", format!("{at}/Variable"))
            }
        }
        if op.ends_with("Path") {
            match value {
                Value::String(path) => {
                    self.path(path, op, &vat, PathKind::Full);
                }
                _ => self.schema_error("Expected value of type [STRING]", vat),
            }
            return;
        }
        let ok = if op.starts_with("Is") || op == "BooleanEquals" {
            value.is_boolean()
        } else if op.starts_with("Numeric") {
            value.is_number()
        } else if op.starts_with("Timestamp") {
            value
                .as_str()
                .is_some_and(|s| crate::asl::timestamp::parse(s).is_some())
        } else {
            value.is_string()
        };
        if !ok {
            let message = if op.starts_with("Is") || op == "BooleanEquals" {
                "Expected value of type [BOOLEAN]"
            } else if op.starts_with("Numeric") {
                "Expected value of type [NUMBER]"
            } else if op.starts_with("Timestamp") && value.is_string() {
                "String does not match RFC3339 timestamp"
            } else {
                "Expected value of type [STRING]"
            };
            self.schema_error(message, vat);
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

    fn map(&mut self, obj: &Map<String, Value>, loc: &str, language: Language) {
        match (obj.get("ItemProcessor"), obj.get("Iterator")) {
            (None, None) => self.schema_error("These fields are required: [ItemProcessor]", loc),
            (Some(processor), _) => {
                let at = format!("{loc}/ItemProcessor");
                if let Some(config) = processor.get("ProcessorConfig").and_then(Value::as_object) {
                    if config.get("Mode").and_then(Value::as_str) == Some("DISTRIBUTED")
                        && !config.contains_key("ExecutionType")
                    {
                        self.schema_error(
                            "These fields are required: [ExecutionType]",
                            format!("{at}/ProcessorConfig"),
                        );
                    }
                }
                // A distributed item processor runs as child executions of its own: the
                // parent's machine-wide JSONata setting does not bind its states.
                let distributed = processor
                    .pointer("/ProcessorConfig/Mode")
                    .and_then(Value::as_str)
                    == Some("DISTRIBUTED");
                let saved = self.jsonata_machine;
                self.jsonata_machine &= !distributed;
                self.nested("ItemProcessor", processor, &at);
                self.jsonata_machine = saved;
            }
            (None, Some(iterator)) => {
                self.nested("ItemProcessor", iterator, &format!("{loc}/Iterator"))
            }
        }
        if let Some(Value::String(label)) = obj.get("Label") {
            let length = label.chars().count();
            let at = format!("{loc}/Label");
            if length == 0 || length > MAX_LABEL {
                self.out.push(Diagnostic::error(
                    codes::INVALID_LABEL_NAME,
                    format!("Label must be 1 to {MAX_LABEL} characters long"),
                    at,
                ));
            } else if label.chars().any(is_forbidden_name_char) {
                self.out.push(Diagnostic::error(
                    codes::INVALID_LABEL_NAME,
                    "Label contains characters that are not allowed",
                    at,
                ));
            }
        }
        if let Some(Value::Object(reader)) = obj.get("ItemReader") {
            let at = format!("{loc}/ItemReader");
            self.reader_writer(reader, &at, language, resources::is_item_reader);
            if let Some(Value::Object(config)) = reader.get("ReaderConfig") {
                let cat = format!("{at}/ReaderConfig");
                if config.contains_key("MaxItems") && config.contains_key("MaxItemsPath") {
                    self.schema_error(
                        "Fields 'MaxItems' and 'MaxItemsPath' are mutually exclusive",
                        cat.clone(),
                    );
                }
                if let Some(Value::String(path)) = config.get("MaxItemsPath") {
                    self.language_only(language, Language::JsonPath, "MaxItemsPath", &cat);
                    self.path(
                        path,
                        "MaxItemsPath",
                        &format!("{cat}/MaxItemsPath"),
                        PathKind::Reference,
                    );
                }
            }
        }
        if let Some(Value::Object(writer)) = obj.get("ResultWriter") {
            self.reader_writer(
                writer,
                &format!("{loc}/ResultWriter"),
                language,
                resources::is_result_writer,
            );
        }
        if let Some(Value::Object(batcher)) = obj.get("ItemBatcher") {
            let at = format!("{loc}/ItemBatcher");
            for (a, b) in [
                ("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
                ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
            ] {
                if batcher.contains_key(a) && batcher.contains_key(b) {
                    self.schema_error(
                        format!("Fields '{a}' and '{b}' are mutually exclusive"),
                        at.clone(),
                    );
                }
                if let Some(Value::String(path)) = batcher.get(b) {
                    self.language_only(language, Language::JsonPath, b, &at);
                    self.path(path, b, &format!("{at}/{b}"), PathKind::Reference);
                }
            }
            if language == Language::JsonPath {
                if let Some(input) = batcher.get("BatchInput") {
                    self.template(input, &format!("{at}/BatchInput"));
                }
            }
        }
    }

    /// ItemReader / ResultWriter: resource, and Parameters (JSONPath) vs Arguments.
    fn reader_writer(
        &mut self,
        obj: &Map<String, Value>,
        at: &str,
        language: Language,
        resource_ok: fn(&str) -> bool,
    ) {
        if let Some(Value::String(resource)) = obj.get("Resource") {
            if !resource_ok(resource) {
                self.schema_error(
                    resources::not_recognized(resource),
                    format!("{at}/Resource"),
                );
            }
        }
        if obj.contains_key("Parameters") {
            self.language_only(language, Language::JsonPath, "Parameters", at);
            if language == Language::JsonPath {
                self.template(&obj["Parameters"], &format!("{at}/Parameters"));
            }
        }
        if obj.contains_key("Arguments") {
            self.language_only(language, Language::Jsonata, "Arguments", at);
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
                        self.schema_error("Field 'Output' is not supported", cat.clone());
                    }
                    if let Some(Value::String(path)) = catcher.get("ResultPath") {
                        self.result_path(path, &format!("{cat}/ResultPath"));
                    }
                }
                Language::Jsonata => {
                    if catcher.contains_key("ResultPath") {
                        self.schema_error("Field 'ResultPath' is not supported", cat.clone());
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
mod tests {
    use super::*;
    use serde_json::json;

    /// The machine `{"StartAt": "A", "States": {"A": <state>}}` plus `extra` states.
    fn machine(state: Value, extra: Value) -> Value {
        let mut states = json!({"A": state});
        if let Value::Object(more) = extra {
            states.as_object_mut().unwrap().extend(more);
        }
        json!({"StartAt": "A", "States": states})
    }

    fn problems(definition: &Value, machine_type: MachineType) -> Vec<(String, String, String)> {
        check(definition, machine_type)
            .into_iter()
            .map(|d| (d.code, d.message, d.location))
            .collect()
    }

    /// Asserts that `definition` yields exactly this one diagnostic.
    fn expect(definition: Value, code: &str, message: &str, location: &str) {
        expect_typed(definition, MachineType::Standard, code, message, location);
    }

    fn expect_typed(definition: Value, t: MachineType, code: &str, message: &str, location: &str) {
        assert_eq!(
            problems(&definition, t),
            vec![(code.to_string(), message.to_string(), location.to_string())],
            "{definition}"
        );
    }

    const SCHEMA: &str = "SCHEMA_VALIDATION_FAILED";

    #[test]
    fn a_valid_machine_has_no_diagnostics() {
        let d = machine(
            json!({"Type": "Pass", "Next": "B"}),
            json!({"B": {"Type": "Succeed"}}),
        );
        assert!(problems(&d, MachineType::Standard).is_empty());
    }

    #[test]
    fn top_level_is_an_object() {
        expect(
            json!("hello"),
            SCHEMA,
            "Expected value of type [OBJECT]",
            "/",
        );
    }

    #[test]
    fn missing_transition_target() {
        expect(
            machine(json!({"Type": "Pass", "Next": "A", "End": true}), json!({})),
            SCHEMA,
            "Fields 'Next' and 'End' are mutually exclusive",
            "/States/A",
        );
        let d = machine(
            json!({"Type": "Pass", "Next": "Nope"}),
            json!({"B": {"Type": "Succeed"}}),
        );
        assert_eq!(
            problems(&d, MachineType::Standard)[0],
            (
                "MISSING_TRANSITION_TARGET".into(),
                "Missing 'Next' target: Nope".into(),
                "/States/A/Next".into()
            )
        );
    }

    #[test]
    fn start_at_must_name_a_state() {
        let d = json!({"StartAt": "X", "States": {"A": {"Type": "Succeed"}}});
        assert_eq!(
            problems(&d, MachineType::Standard)[0],
            (
                "MISSING_TRANSITION_TARGET".into(),
                "Missing 'Next' target: X".into(),
                "/StartAt".into()
            )
        );
    }

    #[test]
    fn no_terminal_state_has_no_location_and_hides_reachability() {
        let d = json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "B"},
            "B": {"Type": "Pass", "Next": "A"},
            "C": {"Type": "Pass", "Next": "A"}
        }});
        expect(d, "MISSING_END_STATE", "Workflow has no terminal state", "");
    }

    #[test]
    fn an_unreachable_cycle_is_reported() {
        let d = machine(
            json!({"Type": "Succeed"}),
            json!({"B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "B"}}),
        );
        assert_eq!(
            problems(&d, MachineType::Standard),
            vec![
                (
                    "MISSING_TRANSITION_TARGET".into(),
                    "State \"B\" is not reachable.".into(),
                    "/States/B".into()
                ),
                (
                    "MISSING_TRANSITION_TARGET".into(),
                    "State \"C\" is not reachable.".into(),
                    "/States/C".into()
                ),
            ]
        );
    }

    #[test]
    fn transitions_stay_in_their_scope() {
        let d = machine(
            json!({"Type": "Map", "Next": "Out", "ItemProcessor": {"StartAt": "In", "States": {
                "In": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Out"}], "Default": "Fin"},
                "Fin": {"Type": "Succeed"}
            }}}),
            json!({"Out": {"Type": "Succeed"}}),
        );
        expect(
            d,
            "MISSING_TRANSITION_TARGET",
            "Missing 'Next' target: Out",
            "/States/A/ItemProcessor/States/In/Choices[0]/Next",
        );
    }

    #[test]
    fn duplicate_state_names_across_scopes() {
        let d = machine(
            json!({"Type": "Parallel", "Next": "B", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}),
            json!({"B": {"Type": "Succeed"}}),
        );
        expect(
            d,
            "DUPLICATE_STATE_NAME",
            "Duplicate State name: B",
            "/States/B",
        );
    }

    #[test]
    fn state_name_length() {
        let long = "x".repeat(81);
        let d = json!({"StartAt": long, "States": {long.clone(): {"Type": "Succeed"}}});
        expect(
            d,
            "INVALID_STATE_NAME",
            &format!("State name '{long}' must be 1 to 80 characters long"),
            &format!("/States/{long}"),
        );
    }

    #[test]
    fn unknown_and_required_fields() {
        expect(
            machine(json!({"Type": "Succeed", "Next": "A"}), json!({})),
            SCHEMA,
            "Field 'Next' is not supported",
            "/States/A",
        );
        expect(
            machine(json!({"Type": "Task", "End": true}), json!({})),
            SCHEMA,
            "These fields are required: [Resource]",
            "/States/A",
        );
        assert_eq!(
            problems(
                &machine(json!({"Type": "Pass"}), json!({})),
                MachineType::Standard
            )[0],
            (
                SCHEMA.into(),
                "One of the fields [Next, End] is required".into(),
                "/States/A".into()
            )
        );
    }

    #[test]
    fn path_pairs_are_exclusive() {
        expect(
            machine(
                json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                       "TimeoutSeconds": 5, "TimeoutSecondsPath": "$.t"}),
                json!({}),
            ),
            SCHEMA,
            "Fields 'TimeoutSeconds' and 'TimeoutSecondsPath' are mutually exclusive",
            "/States/A/TimeoutSeconds",
        );
    }

    #[test]
    fn wait_needs_exactly_one_duration() {
        expect(
            machine(json!({"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}), json!({})),
            SCHEMA,
            "A Wait state must have exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath]",
            "/States/A",
        );
    }

    #[test]
    fn literal_timestamps_are_rfc3339() {
        expect(
            machine(
                json!({"Type": "Wait", "Timestamp": "2016-12-05 21:29:29Z", "End": true}),
                json!({}),
            ),
            SCHEMA,
            "String does not match RFC3339 timestamp",
            "/States/A/Timestamp",
        );
        let ok = machine(
            json!({"Type": "Wait", "Timestamp": "2016-12-05T21:29:29.243167252Z", "End": true}),
            json!({}),
        );
        assert!(problems(&ok, MachineType::Standard).is_empty());
    }

    #[test]
    fn states_all_alone_and_last() {
        let task = |retry: Value| {
            machine(
                json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": retry}),
                json!({}),
            )
        };
        expect(
            task(json!([{"ErrorEquals": ["States.ALL", "X"]}])),
            SCHEMA,
            "The error name 'States.ALL' must appear alone in 'ErrorEquals'",
            "/States/A/Retry[0]/ErrorEquals",
        );
        expect(
            task(json!([{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}])),
            SCHEMA,
            "A Retrier with 'States.ALL' must be the last one",
            "/States/A/Retry[0]",
        );
    }

    #[test]
    fn retry_ranges() {
        expect(
            machine(
                json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                       "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}]}),
                json!({}),
            ),
            SCHEMA,
            "Minimum value is 1",
            "/States/A/Retry[0]/BackoffRate",
        );
    }

    #[test]
    fn reference_paths() {
        expect(
            machine(
                json!({"Type": "Pass", "ResultPath": "$$.x", "End": true}),
                json!({}),
            ),
            SCHEMA,
            "The value for the field 'ResultPath' must be a valid reference path",
            "/States/A/ResultPath",
        );
        expect(
            machine(
                json!({"Type": "Pass", "InputPath": "$.a[", "End": true}),
                json!({}),
            ),
            SCHEMA,
            "The value for the field 'InputPath' must be a valid JSONPath",
            "/States/A/InputPath",
        );
        expect(
            machine(
                json!({"Type": "Choice", "Choices": [{"Variable": "States.UUID()", "IsNull": true, "Next": "B"}], "Default": "B"}),
                json!({"B": {"Type": "Succeed"}}),
            ),
            SCHEMA,
            "The value for the field 'Variable' must be a valid JSONPath",
            "/States/A/Choices[0]/Variable",
        );
    }

    #[test]
    fn templates_and_intrinsics() {
        let pass = |params: Value| {
            machine(
                json!({"Type": "Pass", "Parameters": params, "End": true}),
                json!({}),
            )
        };
        expect(
            pass(json!({"v.$": "States.MathAdd(1)"})),
            SCHEMA,
            "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
            "/States/A/Parameters/v.$",
        );
        expect(
            pass(json!({"a": {"type": 1, "type.$": "$.t"}})),
            SCHEMA,
            "The fields 'type' and 'type.$' cannot both be used",
            "/States/A/Parameters/a/type.$",
        );
    }

    #[test]
    fn jsonata_expressions_parse() {
        let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "Output": {"x": "{% a[1,2) %}"}, "End": true}}});
        expect(
            d,
            "INVALID_JSONATA_EXPRESSION",
            "Expected \"]\", got \",\"",
            "/States/A/Output/x",
        );
        let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "Output": "{% $states.errorOutput %}", "End": true}}});
        expect(
            d,
            "UNSUPPORTED_JSONATA_EXPRESSION",
            "Field '$states.errorOutput' does not exist.",
            "/States/A/Output",
        );
        let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A",
                             "Output": "{% $states.errorOutput %}"}]}}});
        assert!(problems(&d, MachineType::Standard).is_empty());
    }

    #[test]
    fn nested_scopes_inherit_the_machine_language_and_need_no_terminal_state() {
        let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
            "ItemProcessor": {"StartAt": "P", "States": {
                "P": {"Type": "Pass", "Next": "Q"}, "Q": {"Type": "Pass", "Next": "P"}}}}}});
        assert!(problems(&d, MachineType::Standard).is_empty());
        let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": 1, "End": true}}}}}});
        expect(
            d,
            SCHEMA,
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
            "/States/M/ItemProcessor/States/P",
        );
    }

    #[test]
    fn query_language_rules() {
        let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "InputPath": "$.a", "End": true}}});
        expect(
            d,
            SCHEMA,
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
            "/States/A",
        );
        let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "InputPath": "$.a", "End": true}}});
        expect(
            d,
            SCHEMA,
            "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
            "/States/A",
        );
        let d = json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "QueryLanguage": "jsonpath", "InputPath": "$.a", "End": true}}});
        assert_eq!(
            problems(&d, MachineType::Standard),
            vec![
                (SCHEMA.into(), "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage".into(), "/States/A".into()),
                (SCHEMA.into(), "Value should be one of the following: [JSONPath, JSONata]".into(), "/States/A/QueryLanguage".into()),
            ]
        );
        expect(
            machine(json!({"Type": "Pass", "Output": 1, "End": true}), json!({})),
            SCHEMA,
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
            "/States/A",
        );
        let d = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
            "Branches": [{"QueryLanguage": "JSONata", "StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}}});
        expect(
            d,
            SCHEMA,
            "Field 'QueryLanguage' is not supported",
            "/States/P/Branches[0]",
        );
    }

    #[test]
    fn heartbeat_below_timeout() {
        expect(
            machine(
                json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                       "TimeoutSeconds": 10, "HeartbeatSeconds": 10}),
                json!({}),
            ),
            SCHEMA,
            "The field 'HeartbeatSeconds' must be smaller than the field 'TimeoutSeconds'",
            "/States/A/HeartbeatSeconds",
        );
    }

    #[test]
    fn map_label() {
        let map = |label: &str| {
            machine(
                json!({"Type": "Map", "Label": label, "End": true,
                       "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}),
                json!({}),
            )
        };
        expect(
            map("has space"),
            "INVALID_LABEL_NAME",
            "Label contains characters that are not allowed",
            "/States/A/Label",
        );
        expect(
            map(&"l".repeat(41)),
            "INVALID_LABEL_NAME",
            "Label must be 1 to 40 characters long",
            "/States/A/Label",
        );
    }

    #[test]
    fn credentials_need_a_role() {
        expect(
            machine(
                json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Credentials": {}}),
                json!({}),
            ),
            SCHEMA,
            "The field 'RoleArn' is required but was missing",
            "/States/A/Credentials",
        );
    }

    #[test]
    fn express_restrictions_and_resource_shapes() {
        let task = |resource: &str| {
            machine(
                json!({"Type": "Task", "Resource": resource, "End": true}),
                json!({}),
            )
        };
        expect_typed(
            task("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            MachineType::Express,
            SCHEMA,
            "Express state machine does not support '.waitForTaskToken' service integration",
            "/States/A/Resource",
        );
        expect(
            task("arn:aws:states:::dynamodb:query"),
            SCHEMA,
            "The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
            "/States/A/Resource",
        );
    }

    #[test]
    fn choice_rules() {
        let choice = |rule: Value| {
            machine(
                json!({"Type": "Choice", "Choices": [rule], "Default": "B"}),
                json!({"B": {"Type": "Succeed"}}),
            )
        };
        expect(
            choice(json!({"And": [{"Variable": "$.x", "IsNull": true, "Next": "B"}], "Next": "B"})),
            SCHEMA,
            "Field 'Next' is not supported",
            "/States/A/Choices[0]/And[0]",
        );
        expect(
            choice(json!({"Variable": "$.x", "NumericEquals": "1", "Next": "B"})),
            SCHEMA,
            "Expected value of type [NUMBER]",
            "/States/A/Choices[0]/NumericEquals",
        );
        expect(
            choice(json!({"Variable": "$.x", "Next": "B"})),
            SCHEMA,
            "A choice rule must have exactly one comparison operator or one of And, Or, Not",
            "/States/A/Choices[0]",
        );
    }

    #[test]
    fn variable_names() {
        expect(
            machine(
                json!({"Type": "Pass", "Assign": {"states": 1}, "End": true}),
                json!({}),
            ),
            SCHEMA,
            "The variable name 'states' is reserved",
            "/States/A/Assign/states",
        );
        expect(
            machine(
                json!({"Type": "Pass", "Assign": {"a.b": 1}, "End": true}),
                json!({}),
            ),
            SCHEMA,
            "The variable name 'a.b' is not valid",
            "/States/A/Assign/a.b",
        );
    }

    #[test]
    fn warnings() {
        let d = machine(
            json!({"Type": "Pass", "Result": {"x.$": "$.a"}, "End": true}),
            json!({}),
        );
        let all = check(&d, MachineType::Standard);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].severity, super::super::Severity::Warning);
        assert_eq!(all[0].code, "PASS_RESULT_IS_STATIC");
        assert_eq!(all[0].location, "/States/A/Result");
    }
}
