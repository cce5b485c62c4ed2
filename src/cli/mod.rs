//! The command line: the `aws stepfunctions` subcommands built from a table of the
//! operations, the AWS CLI conventions (`file://`, `--cli-input-json`,
//! `--generate-cli-skeleton`, `--query`, `--output`, pagination, exit codes) and rendering.
//! Everything operation-specific lives in the API layer; this module is generic.
pub mod args;
pub mod completions;
pub mod extra;
pub mod graph;
pub mod graph_cmd;
pub mod history_table;
pub mod lint;
pub mod live;
pub mod man;
pub mod operations;
pub mod output;
pub mod paging;
pub mod params;
pub mod query;
pub mod resume;
pub mod run;
pub mod table;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;
use serde_json::{Map, Value};

use crate::api::error::ErrorKind;
use crate::api::{self, ApiError, Context};
use crate::runtime::Settings;
use crate::store::Store;
use output::Format;
use table::{Kind, Operation, Paging};

/// Exit codes of the AWS CLI v2.
pub mod exit {
    pub const OK: i32 = 0;
    pub const INTERRUPTED: i32 = 130;
    /// Bad syntax or parameters.
    pub const PARAMETER: i32 = 252;
    /// Bad configuration (environment, output format...).
    pub const CONFIG: i32 = 253;
    /// An error the service returned.
    pub const SERVICE: i32 = 254;
    /// Anything else.
    pub const OTHER: i32 = 255;
}

/// Why a command failed, and so what it prints and its exit code.
#[derive(Debug)]
enum Failure {
    /// clap's own message (already formatted with usage).
    Usage(clap::Error),
    /// A parameter the CLI rejected before calling the API.
    Parameter(String),
    /// The environment or configuration is unusable.
    Config(String),
    /// The operation failed.
    Api {
        operation: String,
        error: ApiError,
    },
    Other(String),
    /// A command of ours that prints `stdout` and exits with `code` (`sfn run` when the
    /// execution failed, `sfn lint` with problems).
    Exit {
        code: i32,
        stdout: String,
    },
}

impl From<params::ParamError> for Failure {
    fn from(e: params::ParamError) -> Self {
        Failure::Parameter(e.to_string())
    }
}

/// Runs the CLI on the process arguments and returns the exit code.
pub fn main() -> i32 {
    run(std::env::args_os())
}

/// Runs the CLI on `argv` (program name first) and returns the exit code.
pub fn run(argv: impl IntoIterator<Item = OsString>) -> i32 {
    let argv: Vec<OsString> = argv.into_iter().collect();
    // `sfn serve` is a front end of its own (src/serve), beside this one.
    if argv.get(1).is_some_and(|a| a == "serve") {
        return crate::serve::main(&argv[1..]);
    }
    // `sfn lint` is ours, not an AWS operation: it has its own flags and exit codes.
    if argv.get(1).is_some_and(|a| a == "lint") {
        return match lint::command()
            .bin_name("sfn lint")
            .try_get_matches_from(&argv[1..])
        {
            Ok(m) => lint::run(&m),
            Err(e) => {
                let _ = e.print();
                if e.use_stderr() {
                    exit::PARAMETER
                } else {
                    exit::OK
                }
            }
        };
    }
    let result = execute(argv);
    // SIGINT or SIGTERM while an execution ran here: it was stopped as StopExecution
    // would; say which, and exit as interrupted.
    if let Some(signal) = crate::runtime::owner::interrupted() {
        let mut err = std::io::stderr().lock();
        for arn in crate::runtime::owner::stopped_on_signal() {
            let _ = writeln!(
                err,
                "sfn: interrupted: execution {arn} was stopped (ABORTED)"
            );
        }
        return 128 + signal;
    }
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`sfn ... | head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            exit::OK
        }
        Err(failure) => report(failure),
    }
}

fn report(failure: Failure) -> i32 {
    let mut err = std::io::stderr().lock();
    match failure {
        Failure::Usage(e) => {
            use clap::error::ErrorKind as K;
            let _ = e.print();
            match e.kind() {
                K::DisplayHelp | K::DisplayVersion => exit::OK,
                _ => exit::PARAMETER,
            }
        }
        Failure::Parameter(m) => {
            let _ = writeln!(err, "\n{m}");
            exit::PARAMETER
        }
        Failure::Config(m) => {
            let _ = writeln!(err, "\n{m}");
            exit::CONFIG
        }
        Failure::Api { operation, error } => {
            if error.kind == ErrorKind::Parameter {
                let _ = writeln!(err, "\nParameter validation failed:\n{}", error.message);
            } else {
                let _ = writeln!(
                    err,
                    "\nAn error occurred ({}) when calling the {} operation: {}",
                    error.code, operation, error.message
                );
            }
            exit_code_of(&error)
        }
        Failure::Other(m) => {
            let _ = writeln!(err, "\n{m}");
            exit::OTHER
        }
        Failure::Exit { code, stdout } => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(stdout.as_bytes());
            let _ = out.flush();
            code
        }
    }
}

/// The global options, resolved against the environment.
struct Globals {
    db: Option<PathBuf>,
    region: String,
    account: String,
    format: Format,
    query: Option<jmespath::Expression<'static>>,
    no_paginate: bool,
    settings: Settings,
    random_seed: Option<String>,
    quiet: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Globals {
    fn resolve(m: &ArgMatches) -> Result<Globals, Failure> {
        let arg = |id: &str| m.get_one::<String>(id).cloned();
        let format = match arg("output") {
            Some(s) => Format::parse(&s).ok_or_else(|| {
                Failure::Parameter(format!(
                    "sfn: error: argument --output: Invalid choice '{s}', valid choices are: json | text | table"
                ))
            })?,
            None => match env("AWS_DEFAULT_OUTPUT") {
                Some(s) => Format::parse(&s).ok_or_else(|| {
                    Failure::Config(format!(
                        "Unknown output type: {s} (from AWS_DEFAULT_OUTPUT); valid types are json, text and table"
                    ))
                })?,
                None => Format::Json,
            },
        };
        let query = match arg("query") {
            Some(q) => Some(
                query::compile(&q)
                    .map_err(|e| Failure::Parameter(format!("Bad value for --query {q}: {e}")))?,
            ),
            None => None,
        };
        Ok(Globals {
            db: arg("db")
                .map(PathBuf::from)
                .or_else(|| env("SFN_DB").map(PathBuf::from)),
            region: arg("region")
                .or_else(|| env("AWS_REGION"))
                .or_else(|| env("AWS_DEFAULT_REGION"))
                .unwrap_or_else(|| "us-east-1".into()),
            account: env("AWS_ACCOUNT_ID").unwrap_or_else(|| "123456789012".into()),
            format,
            query,
            no_paginate: m.get_flag("no-paginate"),
            settings: Settings {
                mock_config: arg("mock-config")
                    .map(PathBuf::from)
                    .or_else(|| env("SFN_MOCK_CONFIG").map(PathBuf::from)),
                handlers: arg("handlers")
                    .map(PathBuf::from)
                    .or_else(|| env("SFN_HANDLERS").map(PathBuf::from)),
                wait_time_scale: env("SFN_WAIT_TIME_SCALE")
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .unwrap_or(1.0),
                task_threads: env("SFN_TASK_THREADS")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .filter(|v| *v > 0)
                    .unwrap_or(crate::engine::DEFAULT_TASK_THREADS),
                s3_root: env("SFN_S3_ROOT").map(PathBuf::from),
                lease: env("SFN_LEASE_SECONDS")
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .map(Duration::from_secs_f64)
                    .unwrap_or(Settings::default().lease),
            },
            random_seed: std::env::var("SFN_RANDOM_SEED").ok(),
            quiet: m.get_flag("quiet"),
        })
    }

    fn db_path(&self) -> Result<PathBuf, Failure> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        dirs::config_dir()
            .map(|d| d.join("sfn").join("sfn.db"))
            .ok_or_else(|| {
                Failure::Config(
                    "cannot find a configuration directory for the store; use --db PATH or SFN_DB"
                        .into(),
                )
            })
    }

    fn context(&self, operation: &str) -> Result<Context, Failure> {
        let store = if api::uses_store(operation) {
            Store::open(&self.db_path()?)
        } else {
            Store::in_memory()
        }
        .map_err(|e| Failure::Other(format!("sfn: {e}")))?;
        let mut ctx = Context::with_settings(store, self.settings.clone());
        ctx.region = self.region.clone();
        ctx.account = self.account.clone();
        ctx.random_seed = self.random_seed.clone();
        Ok(ctx)
    }
}

fn execute(argv: impl IntoIterator<Item = OsString>) -> Result<String, Failure> {
    let mut argv: Vec<OsString> = argv.into_iter().collect();
    // `sfn stepfunctions <command>` reads like `aws stepfunctions <command>`, so scripts
    // can swap the program name only.
    if argv.get(1).is_some_and(|a| a == "stepfunctions") {
        argv.remove(1);
    }
    // `sfn <command> help`, as `aws ... <command> help`, shows the command's help (only
    // that exact form: `--name help` stays a name).
    if argv.len() == 3 && argv[2] == "help" {
        argv.pop();
        argv.push("--help".into());
    }
    let matches = extra::extend(args::command_for_args(operations::OPERATIONS, &argv))
        .try_get_matches_from(argv)
        .map_err(Failure::Usage)?;
    let globals = Globals::resolve(&matches)?;
    let Some((name, sub)) = matches.subcommand() else {
        return Err(Failure::Other(
            "sfn: no command given; see sfn --help".into(),
        ));
    };
    if let Some(result) = extra::dispatch(name, sub, &globals) {
        return result;
    }
    let Some(op) = operations::OPERATIONS.iter().find(|o| o.command == name) else {
        return Err(Failure::Other(format!("sfn: unknown command {name}")));
    };
    if let Some(kind) = sub.get_one::<String>("generate-cli-skeleton") {
        let skeleton = if kind == "output" {
            op.output_skeleton
        } else {
            op.input_skeleton
        };
        return Ok(format!("{skeleton}\n"));
    }
    let request = build_request(op, sub)?;
    let mut ctx = globals.context(op.api)?;
    let live = extra::attach_live(&mut ctx, op.api, &globals);
    let response = call(&mut ctx, op, sub, &globals, request);
    extra::detach_live(&mut ctx, live, response.as_ref().ok());
    let response = response?;
    let response = match &globals.query {
        Some(q) => query(q, &response)?,
        None => response,
    };
    if globals.quiet {
        return Ok(String::new());
    }
    if let Some(text) = extra::readable_table(name, sub, &globals, &response) {
        return Ok(text);
    }
    // The text format prints a paginated response's resume token last, as its own
    // `NEXTTOKEN` record, as the AWS CLI does.
    if let (Format::Text, None, Value::Object(map)) = (globals.format, &globals.query, &response) {
        if let Some(Value::String(token)) = map.get("NextToken") {
            let mut rest = map.clone();
            rest.remove("NextToken");
            let text = output::render(&Value::Object(rest), Format::Text, op.api);
            return Ok(format!("{text}NEXTTOKEN\t{token}\n"));
        }
    }
    Ok(output::render(&response, globals.format, op.api))
}

fn query(expr: &jmespath::Expression<'static>, value: &Value) -> Result<Value, Failure> {
    query::search(expr, value)
        .map_err(|e| Failure::Parameter(format!("Bad value for --query: {e}")))
}

/// The request: `--cli-input-json` first, explicit flags over it, then botocore's
/// client-side checks (required members, minimums, types).
fn build_request(op: &Operation, m: &ArgMatches) -> Result<Map<String, Value>, Failure> {
    let mut request = Map::new();
    let from_json = m.get_one::<String>("cli-input-json").is_some();
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
            .map(|v| params::resolve_file(flag.name, v))
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
    check(op, &ordered, from_json)?;
    check_enums(op, &ordered)?;
    Ok(ordered)
}

fn check(op: &Operation, request: &Map<String, Value>, from_json: bool) -> Result<(), Failure> {
    let missing: Vec<_> = op
        .flags
        .iter()
        .filter(|f| f.required && !request.contains_key(f.member))
        .collect();
    if !missing.is_empty() {
        if from_json {
            let lines: Vec<String> = missing
                .iter()
                .map(|f| format!("Missing required parameter in input: \"{}\"", f.member))
                .collect();
            return Err(Failure::Parameter(format!(
                "Parameter validation failed:\n{}",
                lines.join("\n")
            )));
        }
        let names: Vec<String> = missing.iter().map(|f| format!("--{}", f.name)).collect();
        return Err(Failure::Parameter(format!(
            "usage: sfn [options] <command> [parameters]\nTo see help text, you can run:\n\n  sfn --help\n  sfn <command> --help\n\nsfn: error: the following arguments are required: {}",
            names.join(", ")
        )));
    }
    let mut problems = Vec::new();
    for flag in op.flags {
        let Some(value) = request.get(flag.member) else {
            continue;
        };
        if let Some(p) = type_problem(flag.kind, flag.member, value) {
            problems.push(p);
            continue;
        }
        let Some(min) = flag.min else { continue };
        match value {
            Value::String(s) if (s.chars().count() as i64) < min => problems.push(format!(
                "Invalid length for parameter {}, value: {}, valid min length: {min}",
                flag.member,
                s.chars().count()
            )),
            Value::Array(a) if (a.len() as i64) < min => problems.push(format!(
                "Invalid length for parameter {}, value: {}, valid min length: {min}",
                flag.member,
                a.len()
            )),
            Value::Number(n) if n.as_i64().is_some_and(|n| n < min) => problems.push(format!(
                "Invalid value for parameter {}, value: {n}, valid min value: {min}",
                flag.member
            )),
            _ => {}
        }
    }
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
                    "ValidationException",
                    format!(
                        "1 validation error detected: Value '{v}' at '{}' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                        flag.member,
                        flag.values.join(", ")
                    ),
                ),
            });
        }
    }
    Ok(())
}

fn type_problem(kind: Kind, member: &str, value: &Value) -> Option<String> {
    let ok = match kind {
        Kind::Str | Kind::Enum | Kind::Blob | Kind::Timestamp => value.is_string(),
        Kind::Int | Kind::Long => value.is_i64() || value.is_u64(),
        Kind::Float => value.is_number(),
        Kind::Bool => value.is_boolean(),
        Kind::Struct | Kind::Map => value.is_object(),
        Kind::List => value.is_array(),
    };
    if ok {
        return None;
    }
    let valid = match kind {
        Kind::Str | Kind::Enum | Kind::Blob | Kind::Timestamp => "<class 'str'>",
        Kind::Int | Kind::Long => "<class 'int'>",
        Kind::Float => "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
        Kind::Bool => "<class 'bool'>",
        Kind::Struct | Kind::Map => "<class 'dict'>",
        Kind::List => "<class 'list'>, <class 'tuple'>",
    };
    Some(format!(
        "Invalid type for parameter {member}, value: {value}, valid types: {valid}"
    ))
}

/// Calls the operation, paging automatically where the AWS CLI does.
fn call(
    ctx: &mut Context,
    op: &Operation,
    m: &ArgMatches,
    globals: &Globals,
    request: Map<String, Value>,
) -> Result<Value, Failure> {
    let api_failure = |error: ApiError| Failure::Api {
        operation: op.api.to_string(),
        error,
    };
    let Paging::Auto { result_key } = op.paging else {
        return api::call(ctx, op.api, Value::Object(request)).map_err(api_failure);
    };
    let int = |id: &str| -> Result<Option<i64>, Failure> {
        match m.get_one::<String>(id) {
            None => Ok(None),
            Some(s) => s.trim().parse::<i64>().map(Some).map_err(|_| {
                Failure::Parameter(format!(
                    "Error parsing parameter '--{id}': invalid integer: '{s}'"
                ))
            }),
        }
    };
    let page_size = int("page-size")?;
    if let Some(n) = page_size.filter(|n| *n < 0) {
        // --page-size is sent as maxResults, which botocore checks against its minimum.
        return Err(Failure::Parameter(format!(
            "Parameter validation failed:\nInvalid value for parameter maxResults, value: {n}, valid min value: 0"
        )));
    }
    let max_items = int("max-items")?;
    let manual = request.contains_key("nextToken") || request.contains_key("maxResults");
    if globals.no_paginate || manual {
        let mut request = request;
        if let (Some(size), false) = (page_size, request.contains_key("maxResults")) {
            request.insert("maxResults".into(), Value::from(size));
        }
        return api::call(ctx, op.api, Value::Object(request)).map_err(api_failure);
    }
    let start = match m.get_one::<String>("starting-token") {
        Some(t) => paging::Resume::decode(t)
            .ok_or_else(|| Failure::Parameter(format!("Bad starting token: {t}")))?,
        None => paging::Resume::default(),
    };
    let limits = paging::Limits {
        page_size,
        max_items: match max_items {
            Some(n) if n < 1 => {
                return Err(Failure::Parameter(format!(
                    "Error parsing parameter '--max-items': must be at least 1, got {n}"
                )))
            }
            n => n.map(|n| n as usize),
        },
        start,
    };
    paging::paginate(&request, result_key, &limits, |req| {
        api::call(ctx, op.api, req)
    })
    .map_err(api_failure)
}

/// The exit code for an API error, as AWS CLI v2 maps it.
pub fn exit_code_of(error: &ApiError) -> i32 {
    match error.kind {
        ErrorKind::Service => exit::SERVICE,
        ErrorKind::Parameter => exit::PARAMETER,
        ErrorKind::NotImplemented | ErrorKind::Internal => exit::OTHER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_all_37_operations_in_api_order() {
        let names: Vec<&str> = operations::OPERATIONS.iter().map(|o| o.api).collect();
        assert_eq!(names, api::OPERATIONS.to_vec());
    }

    #[test]
    fn clap_tree_is_consistent() {
        args::command(operations::OPERATIONS).debug_assert();
    }
}
