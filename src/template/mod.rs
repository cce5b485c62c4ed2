//! Infrastructure as code, read at the edge for the CLI: YAML definitions, and SAM /
//! CloudFormation / CDK templates whose state machines, activities and Lambda functions
//! `sfn lint` checks and `sfn deploy` creates.
//!
//! - [`yaml`]: JSON or YAML text to a value plus the line:col of every location.
//! - [`resolve`]: intrinsic functions, parameters, conditions, names and ARNs.
//! - this module: a template's state machines (with their definitions resolved and
//!   validated, diagnostics located in the template or in the `DefinitionUri` file),
//!   activities and functions.
pub mod resolve;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::asl::source::Span;
use crate::asl::validate::{semantic, Diagnostic, MachineType};
use resolve::{scalar_text, Problem, Resolver};
pub use resolve::{Mode, Settings};
use yaml::{Parsed, Position, Positions, Tags};

/// Template problems that are not definition checks.
pub const INVALID_TEMPLATE: &str = "INVALID_TEMPLATE";
/// A `${Name}` left in a definition with no substitution for it.
pub const UNRESOLVED_SUBSTITUTION: &str = "UNRESOLVED_SUBSTITUTION";

/// Whether a parsed document is a CloudFormation/SAM template rather than a definition.
pub fn is_template(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    if object.contains_key("AWSTemplateFormatVersion") || object.contains_key("Transform") {
        return true;
    }
    object
        .get("Resources")
        .and_then(Value::as_object)
        .is_some_and(|r| {
            r.values()
                .any(|v| v.get("Type").is_some_and(Value::is_string))
        })
}

/// A YAML definition's text as the JSON the API takes; JSON text is returned unchanged.
/// A syntax error reads `line L, column C: message`.
pub fn definition_json(text: &str) -> Result<String, String> {
    if yaml::is_json(text) {
        return Ok(text.to_string());
    }
    yaml::parse_yaml(text, Tags::Definition)
        .map(|p| p.value.to_string())
        .map_err(|e| format!("line {}, column {}: {}", e.line, e.column, e.message))
}

/// Whether a path names a YAML file.
pub fn is_yaml_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// A diagnostic and the file it is in.
#[derive(Debug, Clone)]
pub struct Located {
    pub file: PathBuf,
    pub diagnostic: Diagnostic,
}

/// A state machine of the template, ready for create/update.
#[derive(Debug, Clone)]
pub struct StateMachine {
    pub logical_id: String,
    pub resource_type: String,
    pub name: String,
    pub arn: String,
    pub machine_type: String,
    pub definition: Value,
    pub role_arn: String,
    pub tags: Vec<(String, String)>,
    pub logging: Option<Value>,
    pub tracing: Option<Value>,
}

#[derive(Debug, Clone)]
pub struct Activity {
    pub logical_id: String,
    pub name: String,
    pub arn: String,
    pub tags: Vec<(String, String)>,
}

/// A Lambda function of the template; `code` is its local directory when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub logical_id: String,
    pub resource_type: String,
    pub name: String,
    pub arn: String,
    pub runtime: Option<String>,
    pub handler: Option<String>,
    pub code: Option<PathBuf>,
    pub environment: BTreeMap<String, String>,
    pub timeout_seconds: u64,
}

/// What a template deploys, and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub state_machines: Vec<StateMachine>,
    pub activities: Vec<Activity>,
    pub functions: Vec<Function>,
    pub diagnostics: Vec<Located>,
    /// The definition files read (`DefinitionUri`, `DefinitionS3Location`).
    pub definition_files: Vec<PathBuf>,
}

/// Where a definition's locations are in the files.
enum Source<'a> {
    /// Inline in the template, under `base`.
    Inline {
        positions: &'a Positions,
        base: String,
    },
    /// A file of its own (`DefinitionUri`, `DefinitionS3Location`).
    File { file: PathBuf, parsed: Parsed },
    /// A string in the template (`DefinitionString`): when it is a block scalar, its
    /// lines are the file's lines from `block`.
    Embedded {
        text: String,
        at: Option<Position>,
        block: Option<Position>,
        /// When it is a one-line quoted string (as the CDK writes it), where each of its
        /// characters is in the file.
        chars: Option<Vec<Position>>,
    },
}

struct Loader<'a> {
    file: PathBuf,
    dir: PathBuf,
    parsed: &'a Parsed,
    resolver: Resolver<'a>,
    s3_root: Option<&'a Path>,
    out: Loaded,
}

/// Reads a template already parsed from `file` and resolves what it deploys.
pub fn load(file: &Path, parsed: &Parsed, settings: &Settings, s3_root: Option<&Path>) -> Loaded {
    let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut loader = Loader {
        file: file.to_path_buf(),
        dir,
        parsed,
        resolver: Resolver::new(&parsed.value, settings),
        s3_root,
        out: Loaded::default(),
    };
    loader.run();
    loader.out
}

/// SAM's `Globals` section for a resource kind, merged under each resource's properties.
fn with_globals(properties: &Map<String, Value>, globals: Option<&Value>) -> Map<String, Value> {
    let Some(Value::Object(globals)) = globals else {
        return properties.clone();
    };
    let mut merged = globals.clone();
    for (key, value) in properties {
        match (merged.get_mut(key), value) {
            (Some(Value::Object(base)), Value::Object(over)) => {
                let mut combined = base.clone();
                for (k, v) in over {
                    match (combined.get_mut(k), v) {
                        (Some(Value::Object(inner)), Value::Object(more)) => {
                            inner.extend(more.clone());
                        }
                        _ => {
                            combined.insert(k.clone(), v.clone());
                        }
                    }
                }
                *base = combined;
            }
            _ => {
                merged.insert(key.clone(), value.clone());
            }
        }
    }
    merged
}

impl<'a> Loader<'a> {
    fn problem_at(&mut self, location: &str, code: &str, message: String) {
        let (line, column) = self.parsed.positions.find(location).unwrap_or((1, 1));
        self.out.diagnostics.push(Located {
            file: self.file.clone(),
            diagnostic: Diagnostic {
                line: Some(line),
                column: Some(column),
                ..Diagnostic::error(code, message, location)
            },
        });
    }

    fn problem(&mut self, p: Problem) {
        self.problem_at(&p.location.clone(), INVALID_TEMPLATE, p.message);
    }

    fn run(&mut self) {
        let template = &self.parsed.value;
        let Some(resources) = template.get("Resources").and_then(Value::as_object) else {
            self.problem_at(
                "/",
                INVALID_TEMPLATE,
                "the template has no Resources".into(),
            );
            return;
        };
        let globals = template.get("Globals");
        for (logical_id, resource) in resources {
            let at = format!("/Resources/{logical_id}");
            let Some(kind) = resource.get("Type").and_then(Value::as_str) else {
                self.problem_at(
                    &at,
                    INVALID_TEMPLATE,
                    format!("the resource {logical_id} has no Type"),
                );
                continue;
            };
            if !matches!(
                kind,
                "AWS::StepFunctions::StateMachine"
                    | "AWS::Serverless::StateMachine"
                    | "AWS::StepFunctions::Activity"
                    | "AWS::Serverless::Function"
                    | "AWS::Lambda::Function"
            ) {
                continue;
            }
            match self.resolver.resource_exists(logical_id) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(p) => {
                    self.problem(p);
                    continue;
                }
            }
            let empty = Map::new();
            let properties = resource
                .get("Properties")
                .and_then(Value::as_object)
                .unwrap_or(&empty);
            let result = match kind {
                "AWS::StepFunctions::StateMachine" => {
                    self.state_machine(logical_id, kind, properties, false)
                }
                "AWS::Serverless::StateMachine" => {
                    let merged =
                        with_globals(properties, globals.and_then(|g| g.get("StateMachine")));
                    self.state_machine(logical_id, kind, &merged, true)
                }
                "AWS::StepFunctions::Activity" => self.activity(logical_id, properties),
                "AWS::Serverless::Function" => {
                    let merged = with_globals(properties, globals.and_then(|g| g.get("Function")));
                    self.function(logical_id, kind, &merged, resource)
                }
                _ => self.function(logical_id, kind, properties, resource),
            };
            if let Err(p) = result {
                self.problem(p);
            }
        }
    }

    fn resolved(
        &self,
        logical_id: &str,
        properties: &Map<String, Value>,
        name: &str,
    ) -> Result<Option<Value>, Problem> {
        match properties.get(name) {
            None => Ok(None),
            Some(v) => {
                let v = self
                    .resolver
                    .resolve(v, &format!("/Resources/{logical_id}/Properties/{name}"))?;
                Ok((!v.is_null()).then_some(v))
            }
        }
    }

    fn string_property(
        &self,
        logical_id: &str,
        properties: &Map<String, Value>,
        name: &str,
    ) -> Result<Option<String>, Problem> {
        Ok(self
            .resolved(logical_id, properties, name)?
            .map(|v| scalar_text(&v)))
    }

    /// CloudFormation tags are `[{Key, Value}]`, SAM's a map.
    fn tags(
        &self,
        logical_id: &str,
        properties: &Map<String, Value>,
    ) -> Result<Vec<(String, String)>, Problem> {
        let at = format!("/Resources/{logical_id}/Properties/Tags");
        Ok(match self.resolved(logical_id, properties, "Tags")? {
            None => Vec::new(),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| (k.clone(), scalar_text(v)))
                .collect(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|t| match (t.get("Key"), t.get("Value")) {
                    (Some(k), Some(v)) => Ok((scalar_text(k), scalar_text(v))),
                    _ => Err(Problem::new(&at, "each tag needs Key and Value")),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(Problem::new(
                    &at,
                    "Tags must be a list of {Key, Value} or a map",
                ))
            }
        })
    }

    fn activity(
        &mut self,
        logical_id: &str,
        properties: &Map<String, Value>,
    ) -> Result<(), Problem> {
        if !properties.contains_key("Name") {
            return Err(Problem::new(
                &format!("/Resources/{logical_id}/Properties"),
                "an activity needs a Name",
            ));
        }
        let name = self.resolver.name_of(logical_id)?;
        let arn = scalar_text(
            &self
                .resolver
                .reference(logical_id, &format!("/Resources/{logical_id}"))?,
        );
        let tags = self.tags(logical_id, properties)?;
        self.out.activities.push(Activity {
            logical_id: logical_id.into(),
            name,
            arn,
            tags,
        });
        Ok(())
    }

    fn function(
        &mut self,
        logical_id: &str,
        kind: &str,
        properties: &Map<String, Value>,
        resource: &Value,
    ) -> Result<(), Problem> {
        let at = format!("/Resources/{logical_id}");
        let name = self.resolver.name_of(logical_id)?;
        let arn = format!(
            "arn:{}:lambda:{}:{}:function:{name}",
            self.resolver.settings.partition(),
            self.resolver.settings.region,
            self.resolver.settings.account
        );
        let runtime = self.string_property(logical_id, properties, "Runtime")?;
        let handler = self.string_property(logical_id, properties, "Handler")?;
        let timeout_seconds = match self.resolved(logical_id, properties, "Timeout")? {
            None => 3,
            Some(v) => scalar_text(&v).parse::<u64>().map_err(|_| {
                Problem::new(
                    &format!("{at}/Properties/Timeout"),
                    "Timeout must be a whole number of seconds",
                )
            })?,
        };
        let environment = match self.resolved(logical_id, properties, "Environment")? {
            Some(env) => env
                .get("Variables")
                .and_then(Value::as_object)
                .map(|vars| {
                    vars.iter()
                        .map(|(k, v)| (k.clone(), scalar_text(v)))
                        .collect()
                })
                .unwrap_or_default(),
            None => BTreeMap::new(),
        };
        let image = properties.get("PackageType").and_then(Value::as_str) == Some("Image");
        // SAM's CodeUri is a local directory; the CDK writes a function's code as an asset
        // directory beside the template and names it in the resource's metadata.
        let code_path = if image {
            None
        } else if kind == "AWS::Serverless::Function" {
            match self.resolved(logical_id, properties, "CodeUri")? {
                Some(Value::String(uri)) if !uri.starts_with("s3://") => Some(uri),
                None if !properties.contains_key("InlineCode") => Some(".".to_string()),
                _ => None,
            }
        } else {
            let metadata = resource.get("Metadata");
            match (
                metadata
                    .and_then(|m| m.get("aws:asset:path"))
                    .and_then(Value::as_str),
                metadata
                    .and_then(|m| m.get("aws:asset:property"))
                    .and_then(Value::as_str),
            ) {
                (Some(path), Some("Code")) => Some(path.to_string()),
                _ => None,
            }
        };
        let code = code_path.map(|p| self.dir.join(p)).filter(|p| p.is_dir());
        self.out.functions.push(Function {
            logical_id: logical_id.into(),
            resource_type: kind.into(),
            name,
            arn,
            runtime,
            handler,
            code,
            environment,
            timeout_seconds,
        });
        Ok(())
    }

    fn state_machine(
        &mut self,
        logical_id: &str,
        kind: &str,
        properties: &Map<String, Value>,
        sam: bool,
    ) -> Result<(), Problem> {
        let base = format!("/Resources/{logical_id}/Properties");
        let name = self.resolver.name_of(logical_id)?;
        let arn = scalar_text(
            &self
                .resolver
                .reference(logical_id, &format!("/Resources/{logical_id}"))?,
        );
        let type_property = if sam { "Type" } else { "StateMachineType" };
        let machine_type = self
            .string_property(logical_id, properties, type_property)?
            .unwrap_or_else(|| "STANDARD".into());
        if machine_type != "STANDARD" && machine_type != "EXPRESS" {
            return Err(Problem::new(
                &format!("{base}/{type_property}"),
                format!("the type '{machine_type}' is not STANDARD or EXPRESS"),
            ));
        }
        let role_property = if sam { "Role" } else { "RoleArn" };
        let role_arn = match self.string_property(logical_id, properties, role_property)? {
            Some(role) => role,
            // SAM creates a role for the machine from its Policies.
            None => format!(
                "arn:{}:iam::{}:role/{}-{logical_id}Role",
                self.resolver.settings.partition(),
                self.resolver.settings.account,
                self.resolver.settings.stack_name
            ),
        };
        let tags = self.tags(logical_id, properties)?;
        let (logging, tracing) = if sam {
            (
                self.resolved(logical_id, properties, "Logging")?,
                self.resolved(logical_id, properties, "Tracing")?,
            )
        } else {
            (
                self.resolved(logical_id, properties, "LoggingConfiguration")?,
                self.resolved(logical_id, properties, "TracingConfiguration")?,
            )
        };
        // CloudFormation spells the API's members in PascalCase.
        let (logging, tracing) = (logging.map(api_case), tracing.map(api_case));
        let substitutions =
            match self.resolved(logical_id, properties, "DefinitionSubstitutions")? {
                None => Map::new(),
                Some(Value::Object(map)) => map,
                Some(_) => {
                    return Err(Problem::new(
                        &format!("{base}/DefinitionSubstitutions"),
                        "DefinitionSubstitutions must be a map",
                    ))
                }
            };
        let Some((definition, source)) =
            self.definition(logical_id, properties, sam, &substitutions)?
        else {
            return Ok(());
        };
        let mut problems = Vec::new();
        let definition = substitute(&definition, &substitutions, "", &mut problems);
        let machine = if machine_type == "EXPRESS" {
            MachineType::Express
        } else {
            MachineType::Standard
        };
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|p| Diagnostic::error(UNRESOLVED_SUBSTITUTION, p.message, p.location))
            .collect();
        // A `${Name}` left in is only a string to the definition checks: both kinds of
        // problems are reported.
        diagnostics.extend(semantic::check(&definition, machine));
        for d in diagnostics {
            let located = self.locate(&source, d);
            self.out.diagnostics.push(located);
        }
        self.out.state_machines.push(StateMachine {
            logical_id: logical_id.into(),
            resource_type: kind.into(),
            name,
            arn,
            machine_type,
            definition,
            role_arn,
            tags,
            logging,
            tracing,
        });
        Ok(())
    }

    /// A definition diagnostic (location relative to the definition) placed in its file.
    fn locate(&self, source: &Source, mut d: Diagnostic) -> Located {
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
    fn definition(
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

    fn embedded(
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
    fn s3_path(
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
                let (line, column) = self.parsed.positions.find(location).unwrap_or((1, 1));
                self.out.diagnostics.push(Located {
                    file: self.file.clone(),
                    diagnostic: Diagnostic {
                        line: Some(line),
                        column: Some(column),
                        ..Diagnostic::warning(
                            INVALID_TEMPLATE,
                            format!("not checked: {message}"),
                            location,
                        )
                    },
                });
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

/// CloudFormation's `Level`, `IncludeExecutionData`, `Destinations`... as the API's
/// `level`, `includeExecutionData`, `destinations`...
fn api_case(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let mut chars = k.chars();
                    let key = match chars.next() {
                        Some(first) => first.to_lowercase().chain(chars).collect(),
                        None => k,
                    };
                    (key, api_case(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(api_case).collect()),
        other => other,
    }
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
fn substitute(
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
