//! Runs `sfn serve` on a free port with its own store, and speaks plain HTTP to it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

pub struct Server {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[], &[])
    }

    /// `sfn serve --port 0 ARGS` with `ENV`; waits for its `endpoint_url=` line.
    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::start_in(tempfile::tempdir().unwrap(), args, env)
    }

    /// Stops the server (SIGTERM) and starts another on the same store; the first
    /// server's exit code too.
    #[cfg(unix)]
    pub fn restart(self) -> (Option<i32>, Server) {
        self.restart_with(&[])
    }

    /// As [`Server::restart`], the new server with `env`.
    #[cfg(unix)]
    pub fn restart_with(mut self, env: &[(&str, &str)]) -> (Option<i32>, Server) {
        unsafe {
            libc::kill(self.pid(), libc::SIGTERM);
        }
        let code = self.child.wait().unwrap().code();
        let dir = tempfile::tempdir().unwrap();
        let old = std::mem::replace(&mut self.dir, dir);
        (code, Server::start_in(old, &[], env))
    }

    /// As [`Server::start_with`], with its store in `dir`.
    pub fn start_in(dir: tempfile::TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sfn"));
        cmd.args(["serve", "--port", "0", "--quiet"])
            .args(args)
            .env("PATH", crate::cli_support::path())
            .env("SFN_DB", dir.path().join("sfn.db"))
            .env_remove("SFN_MOCK_CONFIG")
            .env_remove("SFN_HANDLERS")
            .env_remove("SFN_CLOCK")
            .env_remove("AWS_ACCOUNT_ID")
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .env_remove("AWS_ENDPOINT_URL")
            .env_remove("AWS_ENDPOINT_URL_SQS")
            .env_remove("AWS_ENDPOINT_URL_SNS")
            .env_remove("AWS_ENDPOINT_URL_DYNAMODB")
            .env_remove("AWS_ENDPOINT_URL_EVENTBRIDGE")
            .env_remove("AWS_ENDPOINT_URL_LAMBDA")
            .env_remove("SQS_ENDPOINT")
            .env_remove("SNS_ENDPOINT")
            .env_remove("DYNAMODB_ENDPOINT")
            .env_remove("EVENT_BRIDGE_ENDPOINT")
            .env_remove("LAMBDA_ENDPOINT")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut port = None;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if let Some(url) = line.strip_prefix("endpoint_url=") {
                port = url.rsplit(':').next().and_then(|p| p.parse().ok());
                break;
            }
        }
        Server {
            child,
            port: port.expect("sfn serve printed no endpoint_url line"),
            dir,
        }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A Step Functions call; (status, JSON body).
    pub fn call(&self, operation: &str, body: Value) -> (u16, Value) {
        let r = self.raw(
            &[
                ("X-Amz-Target", &format!("AWSStepFunctions.{operation}")),
                ("Content-Type", "application/x-amz-json-1.0"),
            ],
            body.to_string().as_bytes(),
        );
        (r.status, r.json())
    }

    /// The call's response, which must be a 200.
    pub fn ok(&self, operation: &str, body: Value) -> Value {
        let (status, v) = self.call(operation, body);
        assert_eq!(status, 200, "{operation}: {v}");
        v
    }

    /// DescribeExecution of `execution` once it has left RUNNING (bounded: the test fails
    /// after 20 s, never hangs).
    pub fn ended<T: serde::Serialize + ?Sized>(&self, execution: &T) -> Value {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let d = self.ok(
                "DescribeExecution",
                serde_json::json!({ "executionArn": execution }),
            );
            if d["status"] != "RUNNING" {
                return d;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "still RUNNING after 20 s: {d}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// `POST /` with these headers (Host is ours unless given) and body.
    pub fn raw(&self, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        let mut text = String::from("POST / HTTP/1.1\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            text.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for (k, v) in headers {
            text.push_str(&format!("{k}: {v}\r\n"));
        }
        text.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ));
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(body);
        self.send(&bytes)
    }

    /// Sends raw bytes and reads the whole response.
    pub fn send(&self, bytes: &[u8]) -> HttpResponse {
        let mut s = self.connect();
        // A server may answer and close before it has read the whole request (a 413 does):
        // the rest of the write then fails, and what it answered is still there to read.
        if let Err(e) = s.write_all(bytes) {
            assert!(closed_early(&e), "{e}");
        }
        let mut out = Vec::new();
        if let Err(e) = s.read_to_end(&mut out) {
            assert!(closed_early(&e) && !out.is_empty(), "{e}");
        }
        HttpResponse::parse(&out)
    }

    pub fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        s
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Waits for the server to exit; its exit code.
    pub fn wait(mut self) -> Option<i32> {
        self.child.wait().unwrap().code()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    fn parse(raw: &[u8]) -> HttpResponse {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete HTTP response");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        HttpResponse {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == &name.to_ascii_lowercase())
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

pub const ROLE: &str = "arn:aws:iam::123456789012:role/sfn";

/// One request on a connection that stays open (HTTP/1.1 keep-alive, as SDKs send),
/// and its response, read to its `Content-Length`.
pub fn keep_alive_call(
    stream: &mut TcpStream,
    host: &str,
    operation: &str,
    body: &Value,
) -> HttpResponse {
    let body = body.to_string();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {host}\r\nX-Amz-Target: AWSStepFunctions.{operation}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        let n = stream
            .read(&mut byte)
            .unwrap_or_else(|e| panic!("{operation}: no answer on a kept-alive connection: {e}"));
        assert_eq!(n, 1, "{operation}: the server closed the connection");
        raw.push(byte[0]);
    }
    let length: usize = HttpResponse::parse(&raw)
        .header("content-length")
        .expect("a Content-Length")
        .parse()
        .unwrap();
    let mut rest = vec![0u8; length];
    stream.read_exact(&mut rest).unwrap();
    raw.extend_from_slice(&rest);
    HttpResponse::parse(&raw)
}

/// The errors of a connection the server closed with part of the request unread.
fn closed_early(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
    )
}
