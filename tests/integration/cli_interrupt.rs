//! Ctrl-C ends `sfn` with exit code 130, as the AWS CLI does.
#![cfg(unix)]
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn sigint_exits_with_130() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sfn.db");
    let definition = r#"{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":30,"End":true}}}"#;
    let sfn = env!("CARGO_BIN_EXE_sfn");
    let created = Command::new(sfn)
        .args([
            "--db",
            db.to_str().unwrap(),
            "create-state-machine",
            "--name",
            "slow",
        ])
        .args([
            "--definition",
            definition,
            "--role-arn",
            "arn:aws:iam::123456789012:role/r",
        ])
        .output()
        .unwrap();
    assert!(created.status.success());
    let mut child = Command::new(sfn)
        .args([
            "--db",
            db.to_str().unwrap(),
            "start-execution",
            "--state-machine-arn",
        ])
        .arg("arn:aws:states:us-east-1:123456789012:stateMachine:slow")
        .args(["--name", "nap"])
        .env_remove("SFN_WAIT_TIME_SCALE")
        .env_remove("SFN_CLOCK")
        .spawn()
        .unwrap();
    // Interrupt it once it waits in the Wait state (its history says so).
    let waiting = Instant::now() + Duration::from_secs(20);
    loop {
        let history = Command::new(sfn)
            .args(["--db", db.to_str().unwrap(), "get-execution-history"])
            .args([
                "--execution-arn",
                "arn:aws:states:us-east-1:123456789012:execution:slow:nap",
            ])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&history.stdout).contains("WaitStateEntered") {
            break;
        }
        assert!(Instant::now() < waiting, "sfn did not reach the Wait state");
        std::thread::sleep(Duration::from_millis(20));
    }
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(130));
            return;
        }
        assert!(Instant::now() < deadline, "sfn did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    }
}
