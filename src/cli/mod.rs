//! The command line: the `aws stepfunctions` subcommands built from a table of the
//! operations, the AWS CLI conventions (`file://`, `--cli-input-json`,
//! `--generate-cli-skeleton`, `--query`, `--output`, pagination, exit codes) and rendering.
//! Everything operation-specific lives in the API layer; this module is generic.
pub mod args;
pub mod complete_names;
pub mod completions;
pub mod config;
pub mod deploy;
pub mod extra;
pub use crate::graph;
pub mod graph_cmd;
pub mod help;
pub mod history_cmd;
pub mod history_notes;
pub mod history_table;
pub mod lint;
pub mod live;
pub mod logs;
pub mod ls;
pub mod man;
pub mod names;
pub mod operations;
pub mod outcome;
pub mod output;
pub mod paging;
pub mod params;
pub mod query;
mod request;
pub mod resume;
pub mod run;
pub mod shapes;
pub mod stats;
pub mod table;
pub mod term;
#[cfg(test)]
mod test_events;
pub mod validate;
pub mod watch;
pub mod yaml_output;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;
use serde_json::{Map, Value};

use crate::api::error::ErrorKind;
use crate::api::ErrorCode;
use crate::api::{self, ApiError, Context};
use crate::runtime::Settings;
use crate::store::Store;
use output::Format;
use request::{build_request, validate_request};
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
    /// clap's own message (help, version, and the mistakes argparse has no word for).
    Usage(clap::Error),
    /// A command-line mistake argparse reports: usage, then `sfn: error: <message>`.
    Syntax(String),
    /// Options the command does not take (`Unknown options: --x, 1`).
    Unknown(String),
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
    /// Another failure, then notes of ours on stderr (e.g. a definition's errors located
    /// in its file, after AWS's error line).
    Noted(Box<Failure>, String),
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
    let argv = args::normalize(argv);
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
        Failure::Syntax(m) => {
            let _ = write!(err, "\n{}\n{}: error: {m}\n", args::USAGE, args::PROG);
            exit::PARAMETER
        }
        Failure::Unknown(m) => {
            let _ = write!(err, "\n{}\n{m}\n", args::USAGE);
            exit::PARAMETER
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
            if error.kind() == ErrorKind::Parameter {
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
        Failure::Noted(failure, notes) => {
            drop(err);
            let code = report(*failure);
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(notes.as_bytes());
            code
        }
    }
}

/// The global options, resolved once against the environment and the config file.
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
    timestamps: config::TimestampFormat,
    table: output::table::Style,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// argparse's message for a value outside an option's choices, two choices a line.
fn invalid_choice(option: &str, value: &str, choices: &[&str]) -> Failure {
    Failure::Syntax(format!(
        "argument {option}: {}",
        args::choices_message(value, choices)
    ))
}

impl Globals {
    /// Settings in the AWS CLI's order: flag, environment, the profile's entry in the
    /// config file, default. A profile named by `--profile`, `AWS_DEFAULT_PROFILE` or
    /// `AWS_PROFILE` must exist in the config file.
    fn resolve(m: &ArgMatches) -> Result<Globals, Failure> {
        let arg = |id: &str| m.get_one::<String>(id).cloned();
        let named = arg("profile")
            .or_else(|| env("AWS_DEFAULT_PROFILE"))
            .or_else(|| env("AWS_PROFILE"));
        let file = config::path(env)
            .map(|p| config::ConfigFile::load(&p))
            .unwrap_or_default();
        let empty = config::Profile::new();
        let profile = match &named {
            Some(name) => file.profile(name).ok_or_else(|| {
                Failure::Other(format!("The config profile ({name}) could not be found"))
            })?,
            None => file.profile("default").unwrap_or(&empty),
        };
        let setting = |key: &str| profile.get(key).filter(|v| !v.is_empty()).cloned();
        let format = match arg("output") {
            Some(s) => {
                Format::parse(&s).ok_or_else(|| invalid_choice("--output", &s, &Format::names()))?
            }
            None => match env("AWS_DEFAULT_OUTPUT").or_else(|| setting("output")) {
                Some(s) => Format::parse(&s)
                    .ok_or_else(|| Failure::Other(format!("Unknown output type: {s}")))?,
                None => Format::Json,
            },
        };
        let timestamps = match setting("cli_timestamp_format") {
            Some(s) => config::TimestampFormat::parse(&s).ok_or_else(|| {
                Failure::Config(format!(
                    "Unknown cli_timestamp_format value: {s}, valid values are \"wire\" or \"iso8601\""
                ))
            })?,
            None => config::TimestampFormat::default(),
        };
        let color = match arg("color").as_deref() {
            None | Some("auto") => {
                std::io::IsTerminal::is_terminal(&std::io::stdout()) && live::color()
            }
            Some("on") => true,
            Some("off") => false,
            Some(other) => return Err(invalid_choice("--color", other, &["on", "off", "auto"])),
        };
        let query = match arg("query") {
            Some(q) => Some(
                query::compile(&q)
                    .map_err(|e| Failure::Parameter(format!("Bad value for --query {q}: {e}")))?,
            ),
            None => None,
        };
        let region = arg("region")
            .or_else(|| env("AWS_REGION"))
            .or_else(|| env("AWS_DEFAULT_REGION"))
            .or_else(|| setting("region"))
            .unwrap_or_else(|| "us-east-1".into());
        // Local endpoints of the services Tasks call, as the AWS SDKs take them.
        let aws = crate::tasks::AwsSettings::resolve(&[], env, &region);
        Ok(Globals {
            db: arg("db")
                .map(PathBuf::from)
                .or_else(|| env("SFN_DB").map(PathBuf::from)),
            region,
            account: env("AWS_ACCOUNT_ID").unwrap_or_else(|| "123456789012".into()),
            format,
            query,
            no_paginate: m.get_flag("no-paginate"),
            settings: Settings {
                clock: crate::clock::Clock::from_setting(env("SFN_CLOCK").as_deref())
                    .map_err(Failure::Config)?,
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
                aws,
                // The CLI runs an execution in the command that started it.
                background: None,
            },
            random_seed: std::env::var("SFN_RANDOM_SEED").ok(),
            quiet: m.get_flag("quiet"),
            timestamps,
            table: output::table::Style {
                terminal_width: terminal_width().unwrap_or(80),
                color,
            },
        })
    }

    /// Renders `value` in the chosen format (a table titled `title`).
    fn render(&self, value: &Value, title: &str) -> Result<String, Failure> {
        self.render_as(value, self.format, title)
    }

    fn render_as(&self, value: &Value, format: Format, title: &str) -> Result<String, Failure> {
        output::render(value, format, title, self.table).map_err(|e| Failure::Other(e.0))
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
        let store = if api::Operation::parse(operation).is_none_or(api::uses_store) {
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

/// The terminal's width, when stdout is one (the table format fits itself to it).
fn terminal_width() -> Option<usize> {
    // SAFETY: TIOCGWINSZ fills a winsize struct; the call fails harmlessly on a non-tty.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(size.ws_col as usize)
}

/// What an operation answered: one response, or the pages of an automatic pagination.
enum Response {
    Single(Value),
    Pages(paging::Pages),
}

fn execute(argv: Vec<OsString>) -> Result<String, Failure> {
    let mut cmd =
        extra::extend_for_args(args::command_for_args(operations::OPERATIONS, &argv), &argv);
    // Parsed in place: a copy of the whole tree costs more than the parse.
    let matches = match cmd.try_get_matches_from_mut(&argv) {
        Ok(m) => m,
        Err(e) => return Err(args::explain(e, &cmd, &argv)),
    };
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
        let skeleton = match kind.as_str() {
            "output" => op.output_skeleton,
            "yaml-input" => return Ok(yaml_output::input_skeleton(op)),
            _ => op.input_skeleton,
        };
        return Ok(format!("{skeleton}\n"));
    }
    let request = build_request(op, sub)?;
    let mut ctx = globals.context(op.api)?;
    let live = extra::attach_live(&mut ctx, op.api, &globals);
    let response = call(&mut ctx, op, sub, &globals, request);
    let single = match &response {
        Ok(Response::Single(v)) => Some(v),
        _ => None,
    };
    extra::detach_live(&mut ctx, live, single);
    let response = response.map_err(|f| extra::locate_definition_errors(f, op.api, sub))?;
    if globals.quiet {
        return Ok(String::new());
    }
    print(op, &globals, response)
}

/// The output of a response, as the AWS CLI's formatters write it: `--query` applies to
/// the whole result, except in the text format of a paginated response, where each page
/// is queried and printed on its own, then the resume token (`NextToken`).
fn print(op: &Operation, globals: &Globals, response: Response) -> Result<String, Failure> {
    let queried = |value: Value| match &globals.query {
        Some(q) => query(q, &value),
        None => Ok(value),
    };
    match response {
        Response::Pages(pages) if globals.format == Format::Text => {
            let mut out = String::new();
            for (i, page) in pages.pages.iter().enumerate() {
                let mut current = if i == 0 {
                    pages.non_aggregate.clone()
                } else {
                    Map::new()
                };
                let items = page.get(&pages.result_key).cloned().unwrap_or(Value::Null);
                current.insert(pages.result_key.clone(), items);
                out.push_str(&output::text(&queried(Value::Object(current))?));
            }
            if let Some(token) = &pages.resume {
                let record = serde_json::json!({"NextToken": {"NextToken": token}});
                out.push_str(&output::text(&queried(record)?));
            }
            Ok(out)
        }
        Response::Pages(pages) => globals.render(&queried(pages.full())?, op.api),
        Response::Single(value) => globals.render(&queried(value)?, op.api),
    }
}

/// A `--query` that fails on the data (`length(null)`), as the AWS CLI reports it.
fn query(expr: &jmespath::Expression<'static>, value: &Value) -> Result<Value, Failure> {
    query::search(expr, value).map_err(Failure::Other)
}

/// Calls the operation, paging automatically where the AWS CLI does; timestamps are
/// written as `cli_timestamp_format` says, page by page, as botocore parses them.
fn call(
    ctx: &mut Context,
    op: &Operation,
    m: &ArgMatches,
    globals: &Globals,
    request: Map<String, Value>,
) -> Result<Response, Failure> {
    let api_failure = |error: ApiError| Failure::Api {
        operation: op.api.to_string(),
        error,
    };
    let stamps = globals.timestamps;
    let send = |ctx: &mut Context, request: Value| {
        let mut response = api::call(ctx, op.api, request)?;
        validate::timestamps(op.api, &mut response, stamps);
        Ok(response)
    };
    let Paging::Auto { result_key } = op.paging else {
        return send(ctx, Value::Object(request))
            .map(Response::Single)
            .map_err(api_failure);
    };
    let int = |id: &str| -> Result<Option<i64>, Failure> {
        match m.get_one::<String>(id) {
            None => Ok(None),
            Some(s) => s.trim().parse::<i64>().map(Some).map_err(|_| {
                Failure::Syntax(format!(
                    "argument --{id}: invalid int value: '{}'",
                    crate::asl::error::quote(s)
                ))
            }),
        }
    };
    let page_size = int("page-size")?;
    let max_items = int("max-items")?;
    let manual = request.contains_key("nextToken") || request.contains_key("maxResults");
    if globals.no_paginate || manual {
        let mut request = request;
        if let (Some(size), false) = (page_size, request.contains_key("maxResults")) {
            request.insert("maxResults".into(), Value::from(size));
        }
        return send(ctx, Value::Object(request))
            .map(Response::Single)
            .map_err(api_failure);
    }
    if max_items.is_some_and(|n| n < 1) {
        eprintln!("warning: Non-positive values for --max-items may result in undefined behavior.");
    }
    let start = m
        .get_one::<String>("starting-token")
        .map(|t| paging::Resume::decode(t));
    // A token's members are sent as request members: botocore validates them as such.
    if let Some(start) = &start {
        let mut first = request.clone();
        start.inject(&mut first);
        if let Some(size) = page_size {
            first.insert("maxResults".into(), Value::from(size));
        }
        validate_request(op, &first)?;
    } else if let Some(size) = page_size {
        let mut first = request.clone();
        first.insert("maxResults".into(), Value::from(size));
        validate_request(op, &first)?;
    }
    let limits = paging::Limits {
        page_size,
        max_items,
        start,
    };
    paging::paginate(&request, result_key, &limits, |req| send(ctx, req))
        .map(Response::Pages)
        .map_err(api_failure)
}

/// The exit code for an API error, as AWS CLI v2 maps it.
pub fn exit_code_of(error: &ApiError) -> i32 {
    match error.kind() {
        ErrorKind::Service => exit::SERVICE,
        ErrorKind::Parameter => exit::PARAMETER,
        ErrorKind::NotImplemented | ErrorKind::Internal => exit::OTHER,
    }
}

#[cfg(test)]
mod tests;
