//! An event's details, typed for the shapes the engine emits for (nearly) every state, and
//! as JSON for the rest. Emitting an event builds no JSON object: the store writes the
//! typed form's text directly ([`Details::members`]), and readers that want JSON get the
//! object the API shows ([`Details::to_value`]), members in the same order.
use serde_json::{Map, Value};

/// The `<xxx>EventDetails` of one event (payloads as JSON text).
#[derive(Debug, Clone)]
pub enum Details {
    /// `<Type>StateEntered`: `name`, `input`, `inputDetails` (not truncated).
    StateEntered { name: String, input: String },
    /// `<Type>StateExited`: `name`, `output`, `outputDetails`, then, when the state
    /// assigned variables, `assignedVariables` (each value's JSON text, in assignment
    /// order) and `assignedVariablesDetails`.
    StateExited {
        name: String,
        output: String,
        assigned: Vec<(String, String)>,
    },
    /// `MapIteration<Started|Succeeded|Failed|Aborted>`: `index`, `name`.
    Iteration { index: u64, name: String },
    /// A failure (`ExecutionFailed`, `MapStateFailed`, ...): `error`, `cause`, each when
    /// known.
    Failure {
        error: Option<String>,
        cause: Option<String>,
    },
    /// `ExecutionSucceeded`: `output`, `outputDetails` (not truncated).
    Output { output: String },
    /// Any other shape, as the API shows it.
    Json(Value),
}

/// One top-level member's value, borrowed from [`Details`].
#[derive(Debug, Clone, Copy)]
pub enum Member<'a> {
    Str(&'a str),
    /// `{"truncated":false}`.
    NotTruncated,
    Index(u64),
    /// An object of strings (`assignedVariables`).
    Texts(&'a [(String, String)]),
    Json(&'a Value),
}

impl Member<'_> {
    pub fn to_value(self) -> Value {
        match self {
            Member::Str(text) => Value::String(text.to_string()),
            Member::NotTruncated => {
                let mut m = Map::with_capacity(1);
                m.insert("truncated".into(), Value::Bool(false));
                Value::Object(m)
            }
            Member::Index(i) => Value::from(i),
            Member::Texts(texts) => Value::Object(
                texts
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect(),
            ),
            Member::Json(value) => value.clone(),
        }
    }
}

/// The top-level members of [`Details`], in the API's order.
#[derive(Clone)]
pub struct Members<'a>(Inner<'a>);

#[derive(Clone)]
enum Inner<'a> {
    Typed { details: &'a Details, next: usize },
    Map(serde_json::map::Iter<'a>),
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, Member<'a>);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, Member<'a>)> {
        match &mut self.0 {
            Inner::Typed { details, next } => {
                let item = typed_member(details, *next)?;
                *next += 1;
                Some(item)
            }
            Inner::Map(iter) => iter.next().map(|(key, value)| match value {
                Value::String(text) => (key.as_str(), Member::Str(text)),
                _ => (key.as_str(), Member::Json(value)),
            }),
        }
    }
}

/// Member `i` of typed details (none for `Json`). Looked up by index rather than
/// collected: the store walks each event's members a few times.
#[inline]
fn typed_member(details: &Details, i: usize) -> Option<(&'static str, Member<'_>)> {
    Some(match (details, i) {
        (Details::StateEntered { name, .. }, 0) => ("name", Member::Str(name)),
        (Details::StateEntered { input, .. }, 1) => ("input", Member::Str(input)),
        (Details::StateEntered { .. }, 2) => ("inputDetails", Member::NotTruncated),
        (Details::StateExited { name, .. }, 0) => ("name", Member::Str(name)),
        (Details::StateExited { output, .. }, 1) => ("output", Member::Str(output)),
        (Details::StateExited { .. }, 2) => ("outputDetails", Member::NotTruncated),
        (Details::StateExited { assigned, .. }, 3) if !assigned.is_empty() => {
            ("assignedVariables", Member::Texts(assigned))
        }
        (Details::StateExited { assigned, .. }, 4) if !assigned.is_empty() => {
            ("assignedVariablesDetails", Member::NotTruncated)
        }
        (Details::Iteration { index, .. }, 0) => ("index", Member::Index(*index)),
        (Details::Iteration { name, .. }, 1) => ("name", Member::Str(name)),
        (Details::Failure { error, cause }, _) => {
            let error = error.as_deref().map(|e| ("error", Member::Str(e)));
            let cause = cause.as_deref().map(|c| ("cause", Member::Str(c)));
            return error.into_iter().chain(cause).nth(i);
        }
        (Details::Output { output }, 0) => ("output", Member::Str(output)),
        (Details::Output { .. }, 1) => ("outputDetails", Member::NotTruncated),
        _ => return None,
    })
}

impl Details {
    /// The top-level members, in order, or `None` for JSON details that are not an object.
    pub fn members(&self) -> Option<Members<'_>> {
        match self {
            Details::Json(Value::Object(members)) => Some(Members(Inner::Map(members.iter()))),
            Details::Json(_) => None,
            details => Some(Members(Inner::Typed { details, next: 0 })),
        }
    }

    /// The details as the API shows them.
    pub fn to_value(&self) -> Value {
        match (self, self.members()) {
            (Details::Json(value), _) => value.clone(),
            (_, Some(members)) => Value::Object(
                members
                    .map(|(key, member)| (key.to_string(), member.to_value()))
                    .collect(),
            ),
            (_, None) => Value::Null,
        }
    }

    /// [`Details::to_value`], reusing the JSON form's allocations.
    pub fn into_value(self) -> Value {
        match self {
            Details::Json(value) => value,
            typed => typed.to_value(),
        }
    }

    /// The string member `key`, if there is one.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.members()?.find_map(|(k, member)| match member {
            Member::Str(text) if k == key => Some(text),
            _ => None,
        })
    }

    /// Takes the payload text out of typed details (`input` or `output`), leaving an
    /// empty string: what an emitted event's text can go on to be after it is recorded.
    pub fn take_payload(&mut self) -> Option<String> {
        match self {
            Details::StateEntered { input: text, .. }
            | Details::StateExited { output: text, .. }
            | Details::Output { output: text } => Some(std::mem::take(text)),
            _ => None,
        }
    }
}

impl From<Value> for Details {
    fn from(value: Value) -> Details {
        Details::Json(value)
    }
}

/// Equal when the API would show them alike, whatever the form.
impl PartialEq for Details {
    fn eq(&self, other: &Details) -> bool {
        match (self, other) {
            (Details::Json(a), Details::Json(b)) => a == b,
            _ => self.to_value() == other.to_value(),
        }
    }
}

impl PartialEq<Value> for Details {
    fn eq(&self, other: &Value) -> bool {
        match self {
            Details::Json(value) => value == other,
            _ => self.to_value() == *other,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::history::text::{to_text, write_member};
    use serde_json::json;

    /// Each typed shape, with the JSON text the API shows for it (member order included).
    pub(crate) fn shapes() -> Vec<(Details, &'static str)> {
        vec![
            (
                Details::StateEntered {
                    name: "S\t1".into(),
                    input: "{\"a\":\"é\\n\"}".into(),
                },
                r#"{"name":"S\t1","input":"{\"a\":\"é\\n\"}","inputDetails":{"truncated":false}}"#,
            ),
            (
                Details::StateExited {
                    name: "S".into(),
                    output: "[1]".into(),
                    assigned: vec![],
                },
                r#"{"name":"S","output":"[1]","outputDetails":{"truncated":false}}"#,
            ),
            (
                Details::StateExited {
                    name: "S".into(),
                    output: "{}".into(),
                    assigned: vec![("z".into(), "1".into()), ("a".into(), "\"x\"".into())],
                },
                r#"{"name":"S","output":"{}","outputDetails":{"truncated":false},"assignedVariables":{"z":"1","a":"\"x\""},"assignedVariablesDetails":{"truncated":false}}"#,
            ),
            (
                Details::Iteration {
                    index: 4999,
                    name: "Map".into(),
                },
                r#"{"index":4999,"name":"Map"}"#,
            ),
            (
                Details::Failure {
                    error: Some("E".into()),
                    cause: Some("c\"".into()),
                },
                r#"{"error":"E","cause":"c\""}"#,
            ),
            (
                Details::Failure {
                    error: None,
                    cause: Some("c".into()),
                },
                r#"{"cause":"c"}"#,
            ),
            (
                Details::Failure {
                    error: None,
                    cause: None,
                },
                "{}",
            ),
            (
                Details::Output {
                    output: "\"done\"".into(),
                },
                r#"{"output":"\"done\"","outputDetails":{"truncated":false}}"#,
            ),
        ]
    }

    #[test]
    fn typed_details_show_as_the_json_the_api_shows() {
        for (details, text) in shapes() {
            let value = details.to_value();
            assert_eq!(to_text(&value), text);
            assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
            assert_eq!(details.clone().into_value(), value);
            assert_eq!(details, Details::Json(value.clone()));
            assert_eq!(details, value);
            // Member by member, the text the store writes.
            let mut out = vec![b'{'];
            for (i, (key, member)) in details.members().unwrap().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(to_text(&json!(key)).as_bytes());
                out.push(b':');
                write_member(&mut out, member);
            }
            out.push(b'}');
            assert_eq!(String::from_utf8(out).unwrap(), text);
        }
    }

    #[test]
    fn string_members_and_payloads() {
        let mut entered = Details::StateEntered {
            name: "A".into(),
            input: "{}".into(),
        };
        assert_eq!(entered.str("name"), Some("A"));
        assert_eq!(entered.str("inputDetails"), None);
        assert_eq!(entered.take_payload().as_deref(), Some("{}"));
        assert_eq!(entered.str("input"), Some(""));
        let json = Details::from(json!({"name": "B", "length": 3}));
        assert_eq!(json.str("name"), Some("B"));
        assert_eq!(json.str("length"), None);
        assert!(Details::from(json!("x")).members().is_none());
        assert_ne!(
            Details::Iteration {
                index: 1,
                name: "M".into()
            },
            Details::Iteration {
                index: 2,
                name: "M".into()
            }
        );
    }
}
