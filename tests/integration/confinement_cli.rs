//! What `sfn` touches on disk: distributed Map readers and writers stay inside
//! `SFN_S3_ROOT` whatever the bucket, key, prefix or symbolic links say; the folders and
//! store file it creates are private whatever the umask; a database of another application
//! is refused untouched.
use crate::cli_support;

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

/// A test's `sfn`, a directory standing for S3 with the bucket `bucket`, and a file
/// outside it that no execution may read (`<tmp>/secret/rows.csv`).
struct Env {
    sfn: Sfn,
    s3: PathBuf,
}

impl Env {
    fn new() -> Env {
        let sfn = Sfn::new();
        let s3 = sfn.dir.path().join("s3");
        std::fs::create_dir_all(s3.join("bucket")).unwrap();
        let secret = sfn.dir.path().join("secret");
        std::fs::create_dir_all(&secret).unwrap();
        std::fs::write(secret.join("rows.csv"), "id\nsecret\n").unwrap();
        Env { sfn, s3 }
    }

    fn outside(&self) -> PathBuf {
        self.sfn.dir.path().join("secret")
    }

    fn put(&self, key: &str, content: &str) {
        let path = self.s3.join("bucket").join(key);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.sfn.cmd();
        cmd.env("SFN_S3_ROOT", &self.s3).args(args);
        cmd
    }

    /// Runs a command that must succeed, within `limit` (a hang fails the test).
    fn json_within(&self, args: &[&str], limit: Duration) -> Value {
        let mut child = self
            .cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > limit {
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("sfn {args:?} still runs after {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "sfn {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Runs `definition` on `{}`; answers the execution's description.
    fn execute(&self, definition: &Value) -> Value {
        let limit = Duration::from_secs(120);
        let name = format!("sm{}", rand_suffix());
        let machine = self.json_within(
            &[
                "create-state-machine",
                "--name",
                &name,
                "--definition",
                &definition.to_string(),
                "--role-arn",
                ROLE,
            ],
            limit,
        )["stateMachineArn"]
            .as_str()
            .unwrap()
            .to_string();
        let execution = self
            .json_within(&["start-execution", "--state-machine-arn", &machine], limit)
            ["executionArn"]
            .as_str()
            .unwrap()
            .to_string();
        self.json_within(
            &["describe-execution", "--execution-arn", &execution],
            limit,
        )
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    N.fetch_add(1, Ordering::Relaxed).to_string()
}

/// A distributed Map over `reader` whose children pass their item through, with `extra`.
fn distributed(reader: Value, extra: Value) -> Value {
    let mut map = json!({
        "Type": "Map",
        "ItemReader": reader,
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Work",
            "States": {"Work": {"Type": "Pass", "End": true}},
        },
        "End": true,
    });
    for (k, v) in extra.as_object().unwrap() {
        map[k] = v.clone();
    }
    json!({"StartAt": "M", "States": {"M": map}})
}

fn get_csv(bucket: &str, key: &str) -> Value {
    json!({
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {"InputType": "CSV"},
        "Parameters": {"Bucket": bucket, "Key": key},
    })
}

fn list(bucket: &str, prefix: &str) -> Value {
    json!({
        "Resource": "arn:aws:states:::s3:listObjectsV2",
        "Parameters": {"Bucket": bucket, "Prefix": prefix},
    })
}

fn cause(execution: &Value) -> &str {
    execution["cause"].as_str().unwrap_or_default()
}

fn assert_failed(execution: &Value, error: &str, cause_part: &str) {
    assert_eq!(execution["status"], "FAILED", "{execution}");
    assert_eq!(execution["error"], error, "{execution}");
    assert!(
        cause(execution).contains(cause_part),
        "cause {:?} lacks {cause_part:?}",
        cause(execution)
    );
    assert!(
        !cause(execution).contains("secret\"") && !execution.to_string().contains("\"secret\""),
        "the outside file was read: {execution}"
    );
}

#[test]
fn reader_keys_with_dot_dot_or_a_leading_slash_are_refused() {
    let env = Env::new();
    let escape = env.execute(&distributed(
        get_csv("bucket", "../../secret/rows.csv"),
        json!({}),
    ));
    assert_failed(&escape, "States.ItemReaderFailed", "'..'");
    let absolute = env.outside().join("rows.csv");
    let absolute = env.execute(&distributed(
        get_csv("bucket", absolute.to_str().unwrap()),
        json!({}),
    ));
    assert_failed(&absolute, "States.ItemReaderFailed", "leading '/'");
}

#[test]
fn reader_buckets_that_are_paths_are_not_valid_bucket_names() {
    let env = Env::new();
    let outside = env.outside();
    for bucket in ["..", outside.to_str().unwrap(), "bucket/../..", "."] {
        let execution = env.execute(&distributed(get_csv(bucket, "rows.csv"), json!({})));
        assert_failed(
            &execution,
            "States.ItemReaderFailed",
            "The specified bucket is not valid.",
        );
    }
}

#[test]
fn reader_links_that_lead_outside_the_root_are_refused() {
    let env = Env::new();
    symlink(
        env.outside().join("rows.csv"),
        env.s3.join("bucket/rows.csv"),
    )
    .unwrap();
    let execution = env.execute(&distributed(get_csv("bucket", "rows.csv"), json!({})));
    assert_failed(&execution, "States.ItemReaderFailed", "outside SFN_S3_ROOT");

    // A whole bucket linked to elsewhere, and a folder of a listed bucket.
    symlink(env.outside(), env.s3.join("linked")).unwrap();
    let execution = env.execute(&distributed(get_csv("linked", "rows.csv"), json!({})));
    assert_failed(&execution, "States.ItemReaderFailed", "outside SFN_S3_ROOT");
    symlink(env.outside(), env.s3.join("bucket/folder")).unwrap();
    let execution = env.execute(&distributed(list("bucket", ""), json!({})));
    assert_failed(&execution, "States.ItemReaderFailed", "outside SFN_S3_ROOT");
}

#[test]
fn links_inside_the_root_are_followed() {
    let env = Env::new();
    env.put("data/rows.csv", "id\n1\n2\n");
    symlink("data/rows.csv", env.s3.join("bucket/alias.csv")).unwrap();
    let execution = env.execute(&distributed(get_csv("bucket", "alias.csv"), json!({})));
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    assert_eq!(
        serde_json::from_str::<Value>(execution["output"].as_str().unwrap()).unwrap(),
        json!([{"id": "1"}, {"id": "2"}])
    );
}

#[test]
fn listing_a_bucket_with_links_back_to_itself_ends() {
    let env = Env::new();
    env.put("a.json", "{}");
    env.put("sub/b.json", "{}");
    symlink(".", env.s3.join("bucket/l1")).unwrap();
    symlink(".", env.s3.join("bucket/l2")).unwrap();
    symlink("..", env.s3.join("bucket/sub/up")).unwrap();
    let execution = env.execute(&distributed(list("bucket", ""), json!({})));
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    let output: Value = serde_json::from_str(execution["output"].as_str().unwrap()).unwrap();
    let keys: Vec<&str> = output
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["a.json", "sub/b.json"]);
}

fn writer(bucket: &str, prefix: &str) -> Value {
    json!({"ResultWriter": {
        "Resource": "arn:aws:states:::s3:putObject",
        "Parameters": {"Bucket": bucket, "Prefix": prefix},
    }})
}

/// Every path under `dir`, links not followed.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.is_symlink() {
            out.extend(tree(&path));
        }
        out.push(path);
    }
    out.sort();
    out
}

#[test]
fn result_writer_prefixes_and_buckets_never_leave_the_root() {
    let env = Env::new();
    env.put("in.csv", "id\n1\n");
    let outside = env.outside();
    let before = tree(&outside);
    symlink(&outside, env.s3.join("linked")).unwrap();
    symlink(&outside, env.s3.join("bucket/out")).unwrap();
    let cases = [
        (writer("bucket", "../../escaped"), "'..'"),
        (writer("bucket", "/tmp/escaped"), "leading '/'"),
        (writer("..", "x"), "The specified bucket is not valid."),
        (writer("linked", "x"), "outside SFN_S3_ROOT"),
        (writer("bucket", "out/deeper"), "outside SFN_S3_ROOT"),
    ];
    for (extra, part) in cases {
        let execution = env.execute(&distributed(get_csv("bucket", "in.csv"), extra));
        assert_failed(&execution, "States.ResultWriterFailed", part);
    }
    assert!(!env.sfn.dir.path().join("escaped").exists());
    assert_eq!(
        tree(&outside),
        before,
        "nothing was written outside the root"
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn folders_and_store_files_are_private_under_umask_000() {
    let env = Env::new();
    env.put("in.csv", "id\n1\n");
    let db = env.sfn.dir.path().join("new/nested/sfn.db");
    let definition = distributed(get_csv("bucket", "in.csv"), writer("bucket", "a/b"));
    let run = |args: &[&str]| {
        let out = Command::new("sh")
            .arg("-c")
            .arg("umask 000 && exec \"$@\"")
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_sfn"))
            .args(args)
            .env("SFN_DB", &db)
            .env("SFN_S3_ROOT", &env.s3)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let machine = run(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        &definition.to_string(),
        "--role-arn",
        ROLE,
    ]);
    let execution = run(&[
        "start-execution",
        "--state-machine-arn",
        machine["stateMachineArn"].as_str().unwrap(),
    ]);
    let description = run(&[
        "describe-execution",
        "--execution-arn",
        execution["executionArn"].as_str().unwrap(),
    ]);
    assert_eq!(description["status"], "SUCCEEDED", "{description}");

    let base = env.sfn.dir.path();
    assert_eq!(mode(&base.join("new")), 0o700);
    assert_eq!(mode(&base.join("new/nested")), 0o700);
    for entry in std::fs::read_dir(base.join("new/nested")).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    let a = env.s3.join("bucket/a");
    assert_eq!(mode(&a), 0o700);
    assert_eq!(mode(&a.join("b")), 0o700);
    for run_dir in std::fs::read_dir(a.join("b")).unwrap() {
        let run_dir = run_dir.unwrap().path();
        assert_eq!(mode(&run_dir), 0o700);
        for file in std::fs::read_dir(&run_dir).unwrap() {
            let file = file.unwrap().path();
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let sfn = Sfn::new();
    let db = sfn.dir.path().join("notes.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep');")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let out = sfn
        .cmd()
        .env("SFN_DB", &db)
        .args(["list-state-machines"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(db.to_str().unwrap()), "{stderr}");
    assert!(stderr.contains("not an sfn store"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");
    assert!(!sfn.dir.path().join("notes.db-wal").exists());
}

#[test]
fn a_file_that_is_no_database_is_named_in_the_error() {
    let sfn = Sfn::new();
    let db = sfn.dir.path().join("notes.txt");
    std::fs::write(
        &db,
        "these are my notes, not a database, and they are long enough",
    )
    .unwrap();
    let out = sfn
        .cmd()
        .env("SFN_DB", &db)
        .args(["list-state-machines"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(db.to_str().unwrap()), "{stderr}");
    assert!(
        std::fs::read_to_string(&db)
            .unwrap()
            .starts_with("these are my notes"),
        "the file is untouched"
    );
}
