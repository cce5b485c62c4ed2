use super::*;
use crate::asl::resource::TaskResource;
use crate::clock::Clock;
use serde_json::json;

static CLOCK: Clock = Clock::system();

// Handlers are `sh` one-liners: a Python interpreter (behind a version manager's shim)
// takes tens of times longer to start, and what is tested is the plumbing around them.
const FAIL: &str =
    "echo '{\"errorMessage\": \"card declined\", \"errorType\": \"PaymentError\"}'; exit 1";

fn handlers(file: Value) -> Handlers {
    Handlers::parse(&file.to_string(), &std::env::temp_dir()).unwrap()
}

/// A resource parsed as the compile step parses it, kept for the test's length.
fn parsed(arn: &str) -> &'static TaskResource {
    Box::leak(Box::new(TaskResource::parse(arn)))
}

fn invocation<'a>(resource: &str, input: &'a Value) -> TaskInvocation<'a> {
    TaskInvocation {
        state_name: "Charge",
        resource: parsed(resource),
        input,
        timeout_seconds: None,
        heartbeat_seconds: None,
        task_token: None,
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e",
        state_machine_name: "m",
        invocation_index: 0,
        clock: &CLOCK,
        cancel: crate::engine::Cancel::never(),
    }
}

fn failure(outcome: Option<TaskOutcome>) -> StatesError {
    match outcome {
        Some(TaskOutcome::Failed(error)) => error,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn lambda_invoke_sends_the_payload_and_wraps_the_result() {
    let h = handlers(json!({"lambda": {"charge": ["cat"]}}));
    let input = json!({"FunctionName": "charge", "Payload": {"amount": 5}});
    let Some(TaskOutcome::Succeeded(result)) =
        h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
    else {
        panic!("expected a result");
    };
    assert_eq!(result["Payload"], json!({"amount": 5}));
    assert_eq!(result["StatusCode"], 200);
    assert_eq!(result["ExecutedVersion"], "$LATEST");
}

#[test]
fn every_function_name_form_finds_the_handler() {
    let h = handlers(json!({"lambda": {"charge": ["cat"]}}));
    for name in [
        "charge",
        "charge:$LATEST",
        "123456789012:function:charge",
        "arn:aws:lambda:us-east-1:123456789012:function:charge",
        "arn:aws:lambda:us-east-1:123456789012:function:charge:3",
    ] {
        let input = json!({"FunctionName": name, "Payload": "\"hi\""});
        let Some(TaskOutcome::Succeeded(result)) =
            h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
        else {
            panic!("{name} was not served");
        };
        assert_eq!(result["Payload"], "hi", "{name}");
    }
    let input = json!({"FunctionName": "refund"});
    assert!(!h.serves(&invocation("arn:aws:states:::lambda:invoke", &input)));
}

#[test]
fn a_qualified_entry_wins_for_its_qualifier() {
    let h = handlers(json!({"lambda": {
        "charge": ["echo", "\"latest\""],
        "arn:aws:lambda:us-east-1:123456789012:function:charge:7": ["echo", "\"seven\""]
    }}));
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:charge:7";
    let input = json!({});
    assert_eq!(
        h.invoke(&invocation(arn, &input)),
        Some(TaskOutcome::Succeeded(json!("seven")))
    );
    let input = json!({"FunctionName": "charge", "Qualifier": "7"});
    let Some(TaskOutcome::Succeeded(result)) =
        h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
    else {
        panic!("not served");
    };
    assert_eq!(result["Payload"], "seven");
    assert_eq!(result["ExecutedVersion"], "7");
}

#[test]
fn a_bare_function_arn_returns_the_payload_as_is() {
    let h = handlers(json!({"lambda": {"charge": ["cat"]}}));
    let input = json!({"amount": 5});
    assert_eq!(
        h.invoke(&invocation(
            "arn:aws:lambda:us-east-1:123456789012:function:charge",
            &input
        )),
        Some(TaskOutcome::Succeeded(json!({"amount": 5})))
    );
}

#[test]
fn lambda_errors_become_error_and_cause_as_aws_renders_them() {
    let h = handlers(json!({"lambda": {"charge": ["sh", "-c", FAIL]}}));
    let input = json!({"FunctionName": "charge"});
    assert_eq!(
        failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))),
        StatesError::new(
            "PaymentError",
            "{\"errorMessage\":\"card declined\",\"errorType\":\"PaymentError\"}"
        )
    );
    assert_eq!(
        failure(h.invoke(&invocation(
            "arn:aws:lambda:us-east-1:123456789012:function:charge",
            &input
        ))),
        StatesError::new(
            "PaymentError",
            "{\"errorMessage\": \"card declined\", \"errorType\": \"PaymentError\"}"
        )
    );
}

#[test]
fn resource_errors_use_the_message_as_cause() {
    let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish": ["sh", "-c", FAIL]}}));
    let input = json!({});
    assert_eq!(
        failure(h.invoke(&invocation("arn:aws:states:::sns:publish", &input))),
        StatesError::new("PaymentError", "card declined")
    );
}

#[test]
fn other_failures_are_task_failed_with_stderr_tail() {
    let script = "printf '%010000d' 0 | tr 0 x >&2; printf 'Traceback: bad card' >&2; exit 3";
    let h = handlers(json!({"lambda": {"charge": ["sh", "-c", script]}}));
    let input = json!({"FunctionName": "charge"});
    let error = failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input)));
    assert_eq!(error.error.as_deref(), Some("States.TaskFailed"));
    let cause = error.cause.unwrap();
    assert!(cause.ends_with("Traceback: bad card"), "{cause}");
    assert!(cause.len() < 5000);

    let h = handlers(json!({"lambda": {"charge": ["sh", "-c", "exit 2"]}}));
    let cause = failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input)))
        .cause
        .unwrap();
    assert!(
        cause.contains("lambda.charge exited with exit status: 2"),
        "{cause}"
    );
}

#[test]
fn output_that_is_not_json_fails_the_task() {
    let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish": ["echo", "hello"]}}));
    let input = json!({});
    let cause = failure(h.invoke(&invocation("arn:aws:states:::sns:publish", &input)))
        .cause
        .unwrap();
    assert!(cause.contains("not JSON"), "{cause}");
}

#[test]
fn timeout_seconds_kills_the_command() {
    let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish": ["sleep", "30"]}}));
    let input = json!({});
    let mut call = invocation("arn:aws:states:::sns:publish", &input);
    call.timeout_seconds = Some(1);
    assert_eq!(h.invoke(&call), Some(TaskOutcome::TimedOut));
}

#[test]
fn resources_match_exactly_and_callbacks_wait() {
    let h = handlers(json!({"resources": {
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken": ["cat"]
    }}));
    let input = json!({"MessageBody": {"token": "t"}});
    assert_eq!(
        h.invoke(&invocation(
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            &input
        )),
        Some(TaskOutcome::Pending)
    );
    assert!(!h.serves(&invocation("arn:aws:states:::sqs:sendMessage", &input)));
}

#[test]
fn the_task_token_and_execution_reach_the_environment() {
    let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish":
        ["sh", "-c", "printf '[\"%s\", \"%s\", \"%s\"]' \"$SFN_TASK_TOKEN\" \"$SFN_STATE_NAME\" \"$MODE\""]
    }}));
    let h = Handlers {
        resources: h
            .resources
            .into_iter()
            .map(|(k, mut spec)| {
                spec.env.push(("MODE".into(), "test".into()));
                (k, spec)
            })
            .collect(),
        ..h
    };
    let input = json!({});
    let mut call = invocation("arn:aws:states:::sns:publish", &input);
    call.task_token = Some("tok");
    assert_eq!(
        h.invoke(&call),
        Some(TaskOutcome::Succeeded(json!(["tok", "Charge", "test"])))
    );
}

#[test]
fn cwd_and_relative_programs_are_taken_from_the_file_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("handlers")).unwrap();
    let script = dir.path().join("handlers/ship.sh");
    std::fs::write(&script, "printf '\"%s\"' \"$(pwd)\"").unwrap();
    let file = json!({"lambda": {"ship": {"command": ["sh", "ship.sh"], "cwd": "handlers", "env": {"MODE": "test"}}}});
    let h = Handlers::parse(&file.to_string(), dir.path()).unwrap();
    let input = json!({});
    let Some(TaskOutcome::Succeeded(Value::String(cwd))) = h.invoke(&invocation(
        "arn:aws:lambda:us-east-1:123456789012:function:ship",
        &input,
    )) else {
        panic!("not served");
    };
    assert!(cwd.ends_with("handlers"), "{cwd}");
}

#[test]
fn invalid_files_are_rejected_with_the_field_named() {
    let err = |v: Value| Handlers::parse(&v.to_string(), Path::new("/")).unwrap_err();
    assert!(Handlers::parse("{", Path::new("/"))
        .unwrap_err()
        .starts_with("not valid JSON"));
    assert_eq!(
        err(json!({"lambdas": {}})),
        "unknown top-level field 'lambdas' (expected lambda and resources)"
    );
    assert!(
        err(json!({"lambda": {"f": "python3 f.py"}})).starts_with("lambda.f: expected a command")
    );
    assert!(err(json!({"lambda": {"f": []}})).contains("non-empty array of strings"));
    assert!(err(json!({"lambda": {"f": {"cwd": "x"}}})).contains("command is required"));
    assert_eq!(
        err(json!({"lambda": {"f": {"command": ["x"], "shell": true}}})),
        "lambda.f: unknown field 'shell' (expected command, cwd and env)"
    );
    assert_eq!(
        err(json!({"lambda": {"f": {"command": ["x"], "env": {"A": 1}}}})),
        "lambda.f.env.A: expected a string"
    );
    assert_eq!(
        err(json!({"lambda": {"f": ["a"], "123456789012:function:f": ["b"]}})),
        "lambda.123456789012:function:f: the function 'f' has another entry already"
    );
}
