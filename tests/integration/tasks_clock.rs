//! Task deadlines go by the context's clock: with a manual clock, a test moves time on
//! instead of sleeping, and timeouts, heartbeats and the activity long poll behave as they
//! do when the time really passes.
use std::time::Duration;

use serde_json::{json, Value};
use sfn::api::{self, ApiError, Context};
use sfn::clock::Clock;
use sfn::runtime::Settings;
use sfn::store::Store;

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:approve";
const APPROVAL: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:approval";

struct Service {
    ctx: Context,
    clock: Clock,
    _dir: tempfile::TempDir,
}

impl Service {
    /// A store on disk (waiting tasks park in it) and a manual clock.
    fn new() -> Service {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("sfn.db")).unwrap();
        let clock = Clock::manual(chrono::Utc::now());
        let settings = Settings {
            clock: clock.clone(),
            ..Settings::default()
        };
        Service {
            ctx: Context::with_settings(store, settings),
            clock,
            _dir: dir,
        }
    }

    fn call(&mut self, operation: &str, input: Value) -> Result<Value, ApiError> {
        api::call(&mut self.ctx, operation, input)
    }

    fn ok(&mut self, operation: &str, input: Value) -> Value {
        self.call(operation, input)
            .unwrap_or_else(|e| panic!("{operation}: {e}"))
    }

    fn advance(&self, millis: u64) {
        self.clock.advance(Duration::from_millis(millis));
    }

    /// The approval machine: an activity task with these limits, `ApprovalExpired` when
    /// it times out.
    fn approval(&mut self, limits: Value) -> String {
        self.ok("CreateActivity", json!({"name": "approve"}));
        let mut approve = json!({
            "Type": "Task", "Resource": ACTIVITY, "ResultPath": "$.approval",
            "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.late", "Next": "Expired"}],
            "Next": "Approved"});
        for (k, v) in limits.as_object().unwrap() {
            approve[k] = v.clone();
        }
        let definition = json!({"StartAt": "Approve", "States": {
            "Approve": approve,
            "Approved": {"Type": "Succeed"},
            "Expired": {"Type": "Fail", "Error": "ApprovalExpired", "Cause": "No one approved in time"}}});
        self.ok(
            "CreateStateMachine",
            json!({"name": "approval", "definition": definition.to_string(),
                   "roleArn": "arn:aws:iam::123456789012:role/sfn"}),
        );
        let started = self.ok("StartExecution", json!({"stateMachineArn": APPROVAL}));
        started["executionArn"].as_str().unwrap().to_string()
    }

    fn status(&mut self, execution: &str) -> Value {
        self.ok("DescribeExecution", json!({"executionArn": execution}))
    }

    fn event_types(&mut self, execution: &str) -> Vec<String> {
        let history = self.ok("GetExecutionHistory", json!({"executionArn": execution}));
        history["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_string())
            .collect()
    }

    fn take_task(&mut self) -> String {
        let task = self.ok("GetActivityTask", json!({"activityArn": ACTIVITY}));
        task["taskToken"].as_str().unwrap().to_string()
    }
}

#[test]
fn an_activity_task_times_out_once_its_deadline_passes_and_a_late_answer_is_refused() {
    let mut s = Service::new();
    let execution = s.approval(json!({"TimeoutSeconds": 1}));
    let token = s.take_task();
    s.advance(900);
    assert_eq!(s.status(&execution)["status"], "RUNNING");
    s.advance(200);
    // The next call sweeps what is due: the task times out and the Catch takes over.
    let described = s.status(&execution);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "ApprovalExpired");
    let types = s.event_types(&execution);
    assert!(types.contains(&"ActivityTimedOut".to_string()), "{types:?}");
    let late = s
        .call(
            "SendTaskSuccess",
            json!({"taskToken": token, "output": "{}"}),
        )
        .unwrap_err();
    assert_eq!(late.code, "TaskTimedOut");
}

#[test]
fn heartbeats_keep_a_task_alive_and_a_missed_one_times_it_out() {
    let mut s = Service::new();
    let execution = s.approval(json!({"TimeoutSeconds": 30, "HeartbeatSeconds": 2}));
    // The heartbeat clock starts when a worker takes the task.
    s.advance(2200);
    assert_eq!(s.status(&execution)["status"], "RUNNING");
    let token = s.take_task();
    s.advance(1000);
    s.ok("SendTaskHeartbeat", json!({"taskToken": token}));
    s.advance(1500);
    assert_eq!(s.status(&execution)["status"], "RUNNING");
    s.advance(600);
    let described = s.status(&execution);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "ApprovalExpired");
    let late = s
        .call("SendTaskHeartbeat", json!({"taskToken": token}))
        .unwrap_err();
    assert_eq!(late.code, "TaskTimedOut");
}

#[test]
fn the_activity_long_poll_waits_its_minute_on_the_clock() {
    let mut s = Service::new();
    s.ok("CreateActivity", json!({"name": "approve"}));
    let before = s.clock.now();
    let answer = s.ok("GetActivityTask", json!({"activityArn": ACTIVITY}));
    assert_eq!(answer, json!({}));
    let waited = s.clock.now() - before;
    assert!(
        waited >= chrono::Duration::seconds(60) && waited < chrono::Duration::seconds(61),
        "{waited}"
    );
}
