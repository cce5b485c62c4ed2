//! What serves a Task offline, through `tasks::runner_for` with the files in
//! `tests/fixtures/tasks/`: a Step Functions Local mock file and a handlers file whose
//! commands are small Python scripts.
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sfn::asl::StatesError;
use sfn::clock::Clock;
use sfn::engine::{TaskInvocation, TaskOutcome, TaskRunner};
use sfn::tasks::{runner_for, TaskResource};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tasks")
        .join(name)
}

fn runner(test_case: Option<&str>) -> Box<dyn TaskRunner> {
    runner_for(
        Some(&fixture("mock-config.json")),
        Some(&fixture("handlers.json")),
        "order-processing",
        test_case,
    )
    .unwrap()
}

struct Call<'a> {
    state: &'a str,
    resource: TaskResource,
    input: Value,
    index: u32,
    token: Option<&'a str>,
}

impl<'a> Call<'a> {
    fn new(state: &'a str, resource: &str, input: Value) -> Call<'a> {
        Call {
            state,
            resource: TaskResource::parse(resource),
            input,
            index: 0,
            token: None,
        }
    }

    fn attempt(mut self, index: u32) -> Self {
        self.index = index;
        self
    }

    fn run(&self, runner: &dyn TaskRunner) -> TaskOutcome {
        runner.invoke(&TaskInvocation {
            state_name: self.state,
            resource: &self.resource,
            input: &self.input,
            timeout_seconds: Some(30),
            heartbeat_seconds: None,
            task_token: self.token,
            execution_arn: "arn:aws:states:us-east-1:123456789012:execution:order-processing:e1",
            state_machine_name: "order-processing",
            invocation_index: self.index,
            clock: &Clock::system(),
            cancel: sfn::engine::Cancel::never(),
        })
    }
}

const INVOKE: &str = "arn:aws:states:::lambda:invoke";
const SHIP_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:ship-order";

fn charge(amount: u32) -> Value {
    json!({"FunctionName": "charge-card", "Payload": {"orderId": "o-1", "amount": amount}})
}

#[test]
fn a_lambda_handler_serves_lambda_invoke_with_aws_response_shape() {
    let outcome = Call::new("ChargeCard", INVOKE, charge(25)).run(&*runner(None));
    let TaskOutcome::Succeeded(result) = outcome else {
        panic!("expected success, got {outcome:?}");
    };
    assert_eq!(
        result["Payload"],
        json!({"chargeId": "ch-o-1", "amount": 25})
    );
    assert_eq!(result["StatusCode"], 200);
    assert_eq!(result["ExecutedVersion"], "$LATEST");
    assert_eq!(result["SdkHttpMetadata"]["HttpStatusCode"], 200);
}

#[test]
fn a_lambda_error_becomes_the_tasks_error_and_cause() {
    let outcome = Call::new("ChargeCard", INVOKE, charge(5000)).run(&*runner(None));
    assert_eq!(
        outcome,
        TaskOutcome::Failed(StatesError::new(
            "PaymentDeclined",
            r#"{"errorMessage":"amount 5000 over limit","errorType":"PaymentDeclined"}"#
        ))
    );
}

#[test]
fn a_bare_function_arn_gets_the_payload_and_runs_in_its_cwd() {
    let input = json!({"orderId": "o-1", "address": "1 Main St"});
    assert_eq!(
        Call::new("ShipOrder", SHIP_ARN, input).run(&*runner(None)),
        TaskOutcome::Succeeded(
            json!({"orderId": "o-1", "carrier": "test-carrier", "cwd": "handlers"})
        )
    );
}

#[test]
fn a_crash_is_task_failed_with_the_end_of_stderr() {
    let outcome = Call::new("ShipOrder", SHIP_ARN, json!({"orderId": "o-1"})).run(&*runner(None));
    assert_eq!(
        outcome,
        TaskOutcome::Failed(StatesError::new(
            "States.TaskFailed",
            "Traceback (most recent call last):\nKeyError: 'address'"
        ))
    );
}

#[test]
fn a_resource_handler_serves_its_exact_arn() {
    let input =
        json!({"TopicArn": "arn:aws:sns:us-east-1:123456789012:orders", "Message": "hello"});
    assert_eq!(
        Call::new("Notify", "arn:aws:states:::sns:publish", input).run(&*runner(None)),
        TaskOutcome::Succeeded(json!({"MessageId": "msg-5"}))
    );
}

#[test]
fn a_callback_handler_runs_with_the_token_and_the_task_waits() {
    let mut call = Call::new(
        "RequestApproval",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        json!({"QueueUrl": "q", "MessageBody": {"taskToken": "tok-1"}}),
    );
    call.token = Some("tok-1");
    assert_eq!(call.run(&*runner(None)), TaskOutcome::Pending);
}

#[test]
fn the_test_case_serves_its_states_and_handlers_the_rest() {
    let runner = runner(Some("HappyPath"));
    assert_eq!(
        Call::new("ChargeCard", INVOKE, charge(5000)).run(&*runner),
        TaskOutcome::Succeeded(json!({"StatusCode": 200, "Payload": {"chargeId": "ch-mock"}}))
    );
    let input = json!({"orderId": "o-1", "address": "1 Main St"});
    let TaskOutcome::Succeeded(shipped) = Call::new("ShipOrder", SHIP_ARN, input).run(&*runner)
    else {
        panic!("ShipOrder was not served by its handler");
    };
    assert_eq!(shipped["carrier"], "test-carrier");
}

#[test]
fn retries_consume_the_next_mocked_invocation() {
    let runner = runner(Some("RetryPath"));
    let unavailable = TaskOutcome::Failed(StatesError::new(
        "Lambda.ServiceException",
        "Lambda is unavailable.",
    ));
    for attempt in 0..2 {
        assert_eq!(
            Call::new("ChargeCard", INVOKE, charge(25))
                .attempt(attempt)
                .run(&*runner),
            unavailable
        );
    }
    assert_eq!(
        Call::new("ChargeCard", INVOKE, charge(25))
            .attempt(2)
            .run(&*runner),
        TaskOutcome::Succeeded(json!({"StatusCode": 200, "Payload": {"chargeId": "ch-third-try"}}))
    );
    let TaskOutcome::Failed(error) = Call::new("ChargeCard", INVOKE, charge(25))
        .attempt(3)
        .run(&*runner)
    else {
        panic!("a fourth invocation has no mocked response");
    };
    assert_eq!(error.error.as_deref(), Some("States.Runtime"));
    assert!(error.cause.unwrap().contains("'ChargeFlaky'"));
}

#[test]
fn a_mocked_states_timeout_is_a_timeout() {
    assert_eq!(
        Call::new("ChargeCard", INVOKE, charge(25)).run(&*runner(Some("Timeout"))),
        TaskOutcome::TimedOut
    );
}

#[test]
fn an_unknown_test_case_is_refused_up_front() {
    let error = runner_for(
        Some(&fixture("mock-config.json")),
        None,
        "order-processing",
        Some("SadPath"),
    )
    .err()
    .unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "the state machine 'order-processing' has no test case 'SadPath' in the mock config file {} (it has: HappyPath, RetryPath, Timeout)",
            fixture("mock-config.json").display()
        )
    );
}
