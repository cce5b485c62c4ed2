//! Shared set-up for the CLI integration tests: each test drives the real `sfn` binary on
//! its own temporary directory and database.
#![allow(dead_code)]

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

pub const ROLE: &str = "arn:aws:iam::123456789012:role/sfn";
pub const HELLO: &str =
    r#"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "End": true}}}"#;

/// `PATH` with the directory of the Python that `python3` starts put first. A version
/// manager's `python3` is a shim (pyenv's runs a dozen shell scripts) that costs more than
/// the interpreter itself, on every handler and template function a test runs.
pub fn path() -> &'static OsString {
    static PATH: OnceLock<OsString> = OnceLock::new();
    PATH.get_or_init(|| {
        let inherited = std::env::var_os("PATH").unwrap_or_default();
        let dir = Command::new("python3")
            .args([
                "-c",
                "import os, sys; print(os.path.dirname(sys.executable))",
            ])
            .output()
            .ok()
            .filter(|out| out.status.success())
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .map(|dir| PathBuf::from(dir.trim()))
            .filter(|dir| dir.is_absolute());
        let Some(dir) = dir else {
            return inherited;
        };
        std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&inherited)))
            .unwrap_or(inherited)
    })
}

/// `python3` as the tests' `PATH` ([`path`]) finds it.
pub fn python3() -> Command {
    let mut cmd = Command::new("python3");
    cmd.env("PATH", path());
    cmd
}

pub struct Sfn {
    pub dir: TempDir,
    /// `SFN_CLOCK` for every command: `None` is the system clock.
    pub clock: Option<&'static str>,
}

impl Sfn {
    pub fn new() -> Sfn {
        Sfn {
            dir: tempfile::tempdir().expect("temp dir"),
            clock: None,
        }
    }

    /// Commands on a virtual clock (`SFN_CLOCK=virtual`): Wait states, Retry intervals
    /// and execution timeouts skip ahead instead of taking their time.
    pub fn virtual_clock() -> Sfn {
        Sfn {
            clock: Some("virtual"),
            ..Sfn::new()
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("sfn.db")
    }

    /// `sfn` in the temp dir, on its database, with no AWS settings from the environment
    /// (the AWS config file is `aws-config` in the temp dir, absent until a test writes it).
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sfn"));
        cmd.current_dir(self.dir.path())
            .env("PATH", path())
            .env("SFN_DB", self.db())
            .env("AWS_CONFIG_FILE", self.dir.path().join("aws-config"));
        for var in [
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_ACCOUNT_ID",
            "AWS_DEFAULT_OUTPUT",
            "SFN_MOCK_CONFIG",
            "SFN_HANDLERS",
            "SFN_CLOCK",
            // Endpoints and credentials for the services Tasks call.
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_SQS",
            "AWS_ENDPOINT_URL_SNS",
            "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_ENDPOINT_URL_EVENTBRIDGE",
            "AWS_ENDPOINT_URL_LAMBDA",
            "SQS_ENDPOINT",
            "SNS_ENDPOINT",
            "DYNAMODB_ENDPOINT",
            "EVENT_BRIDGE_ENDPOINT",
            "LAMBDA_ENDPOINT",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
        ] {
            cmd.env_remove(var);
        }
        if let Some(clock) = self.clock {
            cmd.env("SFN_CLOCK", clock);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run sfn")
    }

    /// Runs a command that must succeed and returns its JSON output (`{}` when empty).
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "sfn {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        if text.is_empty() {
            return Value::Object(Default::default());
        }
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }

    /// Runs a command that must fail; returns (exit code, stderr).
    pub fn fail(&self, args: &[&str]) -> (i32, String) {
        let out = self.run(args);
        assert!(
            !out.status.success(),
            "sfn {args:?} succeeded: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        (
            out.status.code().expect("exit code"),
            String::from_utf8(out.stderr).expect("utf-8"),
        )
    }

    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "sfn {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).expect("write file");
        path
    }

    /// Starts an execution of `machine` (with more `start-execution` arguments: `--input`,
    /// `--name`...) and returns its ARN.
    pub fn start(&self, machine: &str, args: &[&str]) -> String {
        let started =
            self.json(&[&["start-execution", "--state-machine-arn", machine], args].concat());
        started["executionArn"]
            .as_str()
            .expect("execution arn")
            .to_string()
    }

    pub fn describe(&self, execution: &str) -> Value {
        self.json(&["describe-execution", "--execution-arn", execution])
    }

    /// Every event of an execution's history (one page: up to 1000).
    pub fn history(&self, execution: &str) -> Vec<Value> {
        self.json(&["get-execution-history", "--execution-arn", execution])["events"]
            .as_array()
            .expect("events")
            .clone()
    }

    /// Starts an execution as [`Sfn::start`] does and describes it where it stopped:
    /// `start-execution` runs it to its end, or to where it waits for something outside.
    pub fn run_to_end(&self, machine: &str, args: &[&str]) -> Value {
        let execution = self.start(machine, args);
        self.describe(&execution)
    }

    /// Creates a state machine with the Hello definition and returns its ARN.
    /// Creates state machine `name` with `definition`; returns its ARN.
    pub fn create_machine(&self, name: &str, definition: &serde_json::Value) -> String {
        let out = self.json(&[
            "create-state-machine",
            "--name",
            name,
            "--definition",
            &definition.to_string(),
            "--role-arn",
            ROLE,
        ]);
        out["stateMachineArn"].as_str().expect("arn").to_string()
    }

    pub fn create(&self, name: &str) -> String {
        let out = self.json(&[
            "create-state-machine",
            "--name",
            name,
            "--definition",
            HELLO,
            "--role-arn",
            ROLE,
        ]);
        out["stateMachineArn"].as_str().expect("arn").to_string()
    }
}

/// The types of `events`, in order.
pub fn types(events: &[Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["type"].as_str().expect("event type"))
        .collect()
}

pub fn arn(name: &str) -> String {
    format!("arn:aws:states:us-east-1:123456789012:stateMachine:{name}")
}

/// The stored definition of the state machine `name`, parsed.
pub fn definition(sfn: &Sfn, name: &str) -> Value {
    let described = sfn.json(&["describe-state-machine", "--state-machine-arn", &arn(name)]);
    serde_json::from_str(described["definition"].as_str().unwrap()).unwrap()
}
