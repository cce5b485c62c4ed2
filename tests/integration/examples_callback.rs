//! The callback-approval example: `sfn run` waits, parked on a `.waitForTaskToken` step,
//! until another process (`approve.py`, the approval service) answers the task token with
//! `sfn send-task-success`; the decision then picks the branch.
use crate::cli_support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use cli_support::Sfn;
use serde_json::{json, Value};

fn example(file: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "examples",
        "callback-approval",
        file,
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

/// Runs the example with `input`; once its request is in the outbox, runs the approval
/// service with `limit`; returns what `sfn run` printed and its exit code.
fn approve(input: &str, limit: &str) -> (Value, Option<i32>) {
    let sfn = Sfn::new();
    let outbox = sfn.dir.path().join("outbox");
    let mut run = sfn
        .cmd()
        .env("APPROVAL_OUTBOX", &outbox)
        .args([
            "run",
            &example("definition.asl.json"),
            "--input",
            input,
            "--handlers",
            &example("handlers.json"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sfn run");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !has_request(&outbox) {
        if let Ok(Some(status)) = run.try_wait() {
            let out = run.wait_with_output().expect("output");
            panic!(
                "sfn run ended ({status}) before asking for approval: {} {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        if Instant::now() > deadline {
            let _ = run.kill();
            panic!("no approval request in {}", outbox.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let service = crate::cli_support::python3()
        .arg(example("approve.py"))
        .args(["--sfn", env!("CARGO_BIN_EXE_sfn"), "--limit", limit])
        .env("APPROVAL_OUTBOX", &outbox)
        .env("SFN_DB", sfn.db())
        .output()
        .expect("run approve.py");
    assert!(
        service.status.success(),
        "approve.py failed: {}",
        String::from_utf8_lossy(&service.stderr)
    );
    let out = run.wait_with_output().expect("sfn run output");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let printed = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (printed, out.status.code())
}

fn has_request(outbox: &Path) -> bool {
    std::fs::read_dir(outbox)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
        .unwrap_or(false)
}

#[test]
fn an_approved_order_is_confirmed_by_the_callback() {
    let input = format!("file://{}", example("input.json"));
    let (printed, code) = approve(&input, "1000");
    assert_eq!(code, Some(0));
    assert_eq!(
        printed,
        json!({"orderId": "order-2002", "status": "confirmed", "approvedBy": "approval-service"})
    );
}

#[test]
fn a_rejected_order_is_cancelled() {
    let (printed, code) = approve(r#"{"orderId": "order-9", "amount": 5000}"#, "1000");
    assert_eq!(code, Some(0));
    assert_eq!(
        printed,
        json!({"orderId": "order-9", "status": "cancelled"})
    );
}
