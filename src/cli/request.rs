//! The request of an operation: `--cli-input-json`/`--cli-input-yaml`, then the flags over
//! it, then the client-side checks botocore makes (required members, validation, enums).
use super::*;

/// The request: `--cli-input-json` first, explicit flags over it, then botocore's
/// client-side checks (required members, minimums, types).
pub(super) fn build_request(op: &Operation, m: &ArgMatches) -> Result<Map<String, Value>, Failure> {
    let mut request = Map::new();
    let from_json = m.get_one::<String>("cli-input-json").is_some()
        || m.get_one::<String>("cli-input-yaml").is_some();
    if let Some(value) = cli_input_yaml(m)? {
        let Value::Object(obj) = value else {
            return Err(Failure::Parameter(
                "Error parsing parameter '--cli-input-yaml': expected a mapping".into(),
            ));
        };
        for (k, v) in obj {
            if !op.flags.iter().any(|f| f.member == k) {
                let members: Vec<&str> = op.flags.iter().map(|f| f.member).collect();
                return Err(Failure::Parameter(format!(
                    "Parameter validation failed:\nUnknown parameter in input: \"{k}\", must be one of: {}",
                    members.join(", ")
                )));
            }
            request.insert(k, v);
        }
    }
    if let Some(raw) = m.get_one::<String>("cli-input-json") {
        let text = params::resolve_file("cli-input-json", raw)?;
        let value: Value = serde_json::from_str(&text).map_err(|e| {
            Failure::Parameter(format!(
                "Error parsing parameter '--cli-input-json': Invalid JSON received: {e}"
            ))
        })?;
        let Value::Object(obj) = value else {
            return Err(Failure::Parameter(
                "Error parsing parameter '--cli-input-json': Invalid JSON received: expected an object"
                    .into(),
            ));
        };
        for (k, v) in obj {
            request.insert(k, v);
        }
    }
    for flag in op.flags {
        if flag.kind == Kind::Bool {
            if m.get_flag(args::flag_id(flag)) {
                request.insert(flag.member.into(), Value::Bool(true));
            } else if m.get_flag(&args::negated_id(flag)) {
                request.insert(flag.member.into(), Value::Bool(false));
            }
            continue;
        }
        let Some(raw) = m.get_many::<String>(args::flag_id(flag)) else {
            continue;
        };
        let values = raw
            .map(|v| params::resolve_file(flag.name, v).and_then(|t| yaml_definition(flag, v, t)))
            .collect::<Result<Vec<_>, _>>()?;
        request.insert(flag.member.into(), params::convert(flag, &values)?);
    }
    // Keep the model's member order so requests read (and echo) like AWS's.
    let mut ordered = Map::new();
    for flag in op.flags {
        if let Some(v) = request.remove(flag.member) {
            ordered.insert(flag.member.into(), v);
        }
    }
    // Members the model does not know are kept for botocore's validation to name.
    ordered.extend(request);
    check(op, &ordered, from_json)?;
    check_enums(op, &ordered)?;
    Ok(ordered)
}

/// `--cli-input-yaml` (AWS CLI v2): the request as YAML, text or `file://`.
fn cli_input_yaml(m: &ArgMatches) -> Result<Option<Value>, Failure> {
    let Some(raw) = m.get_one::<String>("cli-input-yaml") else {
        return Ok(None);
    };
    let text = params::resolve_file("cli-input-yaml", raw)?;
    crate::template::yaml::parse_yaml(&text, crate::template::yaml::Tags::Definition)
        .map(|parsed| Some(parsed.value))
        .map_err(|e| {
            Failure::Parameter(format!(
                "Error parsing parameter '--cli-input-yaml': Invalid YAML received: line {}, column {}: {}",
                e.line, e.column, e.message
            ))
        })
}

/// `--definition file://x.asl.yaml`: a YAML definition file is sent as the JSON it stands
/// for (the API itself takes JSON only).
fn yaml_definition(
    flag: &table::Flag,
    raw: &str,
    text: String,
) -> Result<String, params::ParamError> {
    let yaml_file = raw.starts_with("file://") && crate::template::is_yaml_path(raw);
    if flag.member != "definition" || !yaml_file {
        return Ok(text);
    }
    crate::template::definition_json(&text)
        .map_err(|e| params::ParamError::new(flag.name, format!("{raw}: {e}")))
}

/// The flags argparse requires (without `--cli-input-json`), then botocore's parameter
/// validation of the whole request.
fn check(op: &Operation, request: &Map<String, Value>, from_json: bool) -> Result<(), Failure> {
    let missing: Vec<String> = op
        .flags
        .iter()
        .filter(|f| f.required && !request.contains_key(f.member))
        .map(|f| format!("--{}", f.name))
        .collect();
    if !missing.is_empty() && !from_json {
        return Err(Failure::Syntax(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    validate_request(op, request)
}

pub(super) fn validate_request(
    op: &Operation,
    request: &Map<String, Value>,
) -> Result<(), Failure> {
    let problems = validate::problems(op.api, request);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Parameter(format!(
            "Parameter validation failed:\n{}",
            problems.join("\n")
        )))
    }
}

/// Enum members outside their value set: the service's `ValidationException`, checked
/// here once for every operation from the model's value sets.
fn check_enums(op: &Operation, request: &Map<String, Value>) -> Result<(), Failure> {
    for flag in op.flags.iter().filter(|f| !f.values.is_empty()) {
        let Some(Value::String(v)) = request.get(flag.member) else {
            continue;
        };
        if !flag.values.contains(&v.as_str()) {
            return Err(Failure::Api {
                operation: op.api.to_string(),
                error: ApiError::new(
                    ErrorCode::ValidationException,
                    format!(
                        "1 validation error detected: Value '{}' at '{}' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                        crate::asl::error::quote(v),
                        flag.member,
                        flag.values.join(", ")
                    ),
                ),
            });
        }
    }
    Ok(())
}
