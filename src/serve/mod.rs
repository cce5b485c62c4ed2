//! `sfn serve`: the Step Functions endpoint. AWS's JSON 1.0 protocol on HTTP, for the
//! SDKs and `aws --endpoint-url`, with the options of Step Functions Local so that a test
//! set-up switches by changing one command. A front end beside `cli`: it resolves its
//! settings from flags and environment once, then calls `api::call` per request.
pub mod console;
pub mod executor;
pub mod guard;
pub mod model;
pub mod server;
pub mod wire;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Command};

/// Step Functions Local's options for the services its Tasks call, with their
/// environment variables. Lambda's, DynamoDB's, SQS's, SNS's and EventBridge's are used
/// (`tasks::aws`); the others are accepted so that existing set-ups start, and a Task that
/// would need one fails naming it.
pub const SERVICE_ENDPOINTS: [(&str, &str); 11] = [
    ("lambda-endpoint", "LAMBDA_ENDPOINT"),
    ("batch-endpoint", "BATCH_ENDPOINT"),
    ("dynamodb-endpoint", "DYNAMODB_ENDPOINT"),
    ("ecs-endpoint", "ECS_ENDPOINT"),
    ("glue-endpoint", "GLUE_ENDPOINT"),
    ("sagemaker-endpoint", "SAGE_MAKER_ENDPOINT"),
    ("sqs-endpoint", "SQS_ENDPOINT"),
    ("sns-endpoint", "SNS_ENDPOINT"),
    ("step-functions-endpoint", "STEP_FUNCTIONS_ENDPOINT"),
    ("eventbridge-endpoint", "EVENT_BRIDGE_ENDPOINT"),
    ("athena-endpoint", "ATHENA_ENDPOINT"),
];

/// The `serve` command as the `sfn` command tree shows it: `--db`, `--region`,
/// `--mock-config`, `--handlers` and `--quiet` are the tree's global options there.
pub fn command() -> Command {
    let mut cmd = Command::new("serve")
        .about("Serve the Step Functions API on HTTP (a drop-in for Step Functions Local)")
        .long_about(
            "Answers AWS's JSON 1.0 protocol for all 37 Step Functions operations, so that \
             SDKs and `aws --endpoint-url` work against the local store. Executions run in \
             the server. Binds 127.0.0.1:8083 unless told otherwise; requests from web pages \
             (a foreign Origin, or a Host that is not ours) are refused. A console for \
             people is served at / (open the endpoint URL in a browser).",
        )
        .arg(
            Arg::new("host")
                .long("host")
                .value_name("ADDRESS")
                .default_value("127.0.0.1")
                .help("Address to listen on (0.0.0.0 exposes the server to the network)"),
        )
        .arg(
            Arg::new("port")
                .long("port")
                .value_name("PORT")
                .default_value("8083")
                .value_parser(clap::value_parser!(u16))
                .help("Port to listen on (Step Functions Local's 8083 by default; 0 picks a free one)"),
        )
        .arg(
            Arg::new("aws-account")
                .long("aws-account")
                .value_name("ID")
                .help("Account in ARNs (default: $AWS_ACCOUNT_ID, else 123456789012)"),
        )
        .arg(
            Arg::new("aws-region")
                .long("aws-region")
                .value_name("REGION")
                .help("Region in ARNs (default: $AWS_DEFAULT_REGION, $AWS_REGION, else us-east-1)"),
        )
        .arg(
            Arg::new("wait-time-scale")
                .long("wait-time-scale")
                .value_name("FACTOR")
                .help("Factor on Wait and Retry delays, 0 skips them (default: $WAIT_TIME_SCALE, $SFN_WAIT_TIME_SCALE, else 1)"),
        )
        .arg(
            Arg::new("allow-host")
                .long("allow-host")
                .value_name("NAME")
                .action(ArgAction::Append)
                .help("Also answer requests whose Host is NAME (e.g. a docker-compose service name)"),
        )
        .arg(
            Arg::new("allow-origin")
                .long("allow-origin")
                .value_name("ORIGIN")
                .action(ArgAction::Append)
                .help("Also answer requests from the web origin ORIGIN (e.g. http://localhost:3000)"),
        )
        ;
    for (flag, var) in SERVICE_ENDPOINTS {
        cmd = cmd.arg(Arg::new(flag).long(flag).value_name("URL").help(format!(
            "As Step Functions Local's --{flag} (default: ${var})"
        )));
    }
    cmd
}

/// The `serve` command parsed on its own (`sfn serve ...`), with the options the tree
/// has as globals.
fn standalone() -> Command {
    let value =
        |name: &'static str, help: &'static str| Arg::new(name).long(name).num_args(1).help(help);
    command()
        .arg(value("db", "The store [default: $SFN_DB, else <config dir>/sfn/sfn.db]").value_name("PATH"))
        .arg(value("region", "Same as --aws-region").hide(true))
        .arg(value("mock-config", "Step Functions Local mock file [default: $SFN_MOCK_CONFIG]; select a test case with <stateMachineArn>#<TestCase>").value_name("FILE"))
        .arg(value("handlers", "Local Task handlers file [default: $SFN_HANDLERS]").value_name("FILE"))
        .arg(
            Arg::new("quiet")
                .long("quiet")
                .action(ArgAction::SetTrue)
                .help("No access log on stderr"),
        )
}

/// Everything the server runs with, resolved once from flags and environment.
#[derive(Debug, Clone)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    pub db: PathBuf,
    pub region: String,
    pub account: String,
    /// How executions run (delay factor, mocks, handlers, S3 root, lease...).
    pub runtime: crate::runtime::Settings,
    pub random_seed: Option<String>,
    pub allow_hosts: Vec<String>,
    pub allow_origins: Vec<String>,
    /// (option, URL) for each service endpoint given.
    pub endpoints: Vec<(&'static str, String)>,
    pub quiet: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Settings {
    pub fn resolve(m: &ArgMatches) -> Result<Settings, String> {
        let arg = |id: &str| m.get_one::<String>(id).cloned();
        let many = |id: &str| -> Vec<String> {
            m.get_many::<String>(id)
                .map(|v| v.cloned().collect())
                .unwrap_or_default()
        };
        let db = match arg("db").or_else(|| env("SFN_DB")) {
            Some(p) => PathBuf::from(p),
            None => dirs::config_dir()
                .map(|d| d.join("sfn").join("sfn.db"))
                .ok_or(
                    "cannot find a configuration directory for the store; use --db PATH or SFN_DB",
                )?,
        };
        let wait_time_scale = match arg("wait-time-scale")
            .map(|v| ("--wait-time-scale", v))
            .or_else(|| env("WAIT_TIME_SCALE").map(|v| ("WAIT_TIME_SCALE", v)))
            .or_else(|| env("SFN_WAIT_TIME_SCALE").map(|v| ("SFN_WAIT_TIME_SCALE", v)))
        {
            Some((from, text)) => text
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| format!("{from}: '{text}' is not a factor (a number, 0 or more)"))?,
            None => 1.0,
        };
        let defaults = crate::runtime::Settings::default();
        let runtime = crate::runtime::Settings {
            clock: crate::clock::Clock::from_setting(env("SFN_CLOCK").as_deref())?,
            wait_time_scale,
            task_threads: env("SFN_TASK_THREADS")
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|v| *v > 0)
                .unwrap_or(defaults.task_threads),
            mock_config: arg("mock-config")
                .or_else(|| env("SFN_MOCK_CONFIG"))
                .map(PathBuf::from),
            handlers: arg("handlers")
                .or_else(|| env("SFN_HANDLERS"))
                .map(PathBuf::from),
            s3_root: env("SFN_S3_ROOT").map(PathBuf::from),
            lease: env("SFN_LEASE_SECONDS")
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v > 0.0)
                .map(std::time::Duration::from_secs_f64)
                .unwrap_or(defaults.lease),
            aws: defaults.aws.clone(),
            // Set by the server, which runs each execution on a thread of its own.
            background: None,
        };
        let mut endpoints = Vec::new();
        for (flag, var) in SERVICE_ENDPOINTS {
            if let Some(url) = arg(flag).or_else(|| env(var)) {
                endpoints.push((flag, url));
            }
        }
        let region = arg("aws-region")
            .or_else(|| arg("region"))
            .or_else(|| env("AWS_DEFAULT_REGION"))
            .or_else(|| env("AWS_REGION"))
            .unwrap_or_else(|| "us-east-1".into());
        let mut runtime = runtime;
        runtime.aws = crate::tasks::AwsSettings::resolve(&endpoints, env, &region);
        Ok(Settings {
            host: arg("host").unwrap_or_else(|| "127.0.0.1".into()),
            port: m.get_one::<u16>("port").copied().unwrap_or(8083),
            db,
            region,
            account: arg("aws-account")
                .or_else(|| env("AWS_ACCOUNT_ID"))
                .unwrap_or_else(|| "123456789012".into()),
            runtime,
            random_seed: env("SFN_RANDOM_SEED"),
            allow_hosts: many("allow-host"),
            allow_origins: many("allow-origin"),
            endpoints,
            quiet: m.get_flag("quiet"),
        })
    }
}

/// `sfn serve ...` (argv from `serve` on): runs until SIGTERM or Ctrl-C, then exits 0.
pub fn main(argv: &[OsString]) -> i32 {
    let matches = match standalone()
        .bin_name("sfn serve")
        .try_get_matches_from(argv)
    {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 252 } else { 0 };
        }
    };
    run(&matches)
}

/// Runs the server on parsed `serve` arguments.
pub fn run(m: &ArgMatches) -> i32 {
    match Settings::resolve(m) {
        Ok(settings) => server::run(settings),
        Err(message) => {
            eprintln!("sfn serve: {message}");
            253
        }
    }
}
