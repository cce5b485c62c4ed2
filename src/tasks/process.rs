//! Runs a local command: input on stdin, result on stdout, with an optional deadline. No
//! shell is involved; the input never reaches the command line.
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A command ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSpec {
    /// Program and arguments; a relative program path containing `/` is resolved against
    /// `cwd` so it means the same whatever directory `sfn` runs in.
    pub argv: Vec<String>,
    pub cwd: PathBuf,
    /// Added to the inherited environment.
    pub env: Vec<(String, String)>,
}

#[derive(Debug)]
pub enum RunOutcome {
    Exited {
        status: ExitStatus,
        stdout: Vec<u8>,
        stderr: Vec<u8>,
    },
    /// The deadline passed; the process was killed.
    TimedOut,
    /// The command could not be started (not found, not executable...).
    SpawnFailed(std::io::Error),
}

/// How long to wait for the output pipes to close once the process has exited: a child
/// that left a background process holding them must not hang the task.
const DRAIN_GRACE: Duration = Duration::from_millis(200);

impl CommandSpec {
    fn program(&self) -> PathBuf {
        let program = PathBuf::from(&self.argv[0]);
        if program.is_relative() && self.argv[0].contains('/') {
            self.cwd.join(program)
        } else {
            program
        }
    }

    /// Runs the command with `input` on stdin, killing it after `timeout`.
    pub fn run(
        &self,
        input: &[u8],
        extra_env: &[(&str, &str)],
        timeout: Option<Duration>,
    ) -> RunOutcome {
        // The command runs in real time: its deadline is on the real clock, not the
        // execution's.
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut command = Command::new(self.program());
        command
            .args(&self.argv[1..])
            .current_dir(&self.cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        for (key, value) in extra_env {
            command.env(key, value);
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => return RunOutcome::SpawnFailed(e),
        };

        // Threads feed stdin and drain stdout/stderr so that no pipe fills up and blocks.
        let stdin = child.stdin.take();
        let input = input.to_vec();
        let writer = thread::spawn(move || {
            if let Some(mut stdin) = stdin {
                // A command that ignores its input may close stdin early: not an error.
                let _ = stdin.write_all(&input);
            }
        });
        let (done_tx, done_rx) = mpsc::channel::<()>();
        let stdout = drain(child.stdout.take(), Some(done_tx));
        let stderr = drain(child.stderr.take(), None);

        let status = match wait(&mut child, &done_rx, deadline) {
            Some(status) => status,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                return RunOutcome::TimedOut;
            }
        };
        let _ = writer.join();
        let stdout = collect(stdout);
        let stderr = collect(stderr);
        RunOutcome::Exited {
            status,
            stdout,
            stderr,
        }
    }
}

type Drained = mpsc::Receiver<Vec<u8>>;

fn drain(pipe: Option<impl Read + Send + 'static>, done: Option<mpsc::Sender<()>>) -> Drained {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = tx.send(bytes);
        if let Some(done) = done {
            let _ = done.send(());
        }
    });
    rx
}

fn collect(rx: Drained) -> Vec<u8> {
    rx.recv_timeout(DRAIN_GRACE).unwrap_or_default()
}

/// Waits for the process to exit; `None` when the deadline passed first. Stdout closing is
/// the usual sign of exit, so the common case wakes at once instead of polling.
fn wait(
    child: &mut Child,
    stdout_closed: &mpsc::Receiver<()>,
    deadline: Option<Instant>,
) -> Option<ExitStatus> {
    const TICK: Duration = Duration::from_millis(20);
    let mut closed = false;
    // After stdout closed the exit is normally microseconds away: poll fast, then slower.
    let mut nap = Duration::from_micros(50);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return None;
        }
        let tick = deadline.map_or(TICK, |d| TICK.min(d - now));
        if closed {
            thread::sleep(nap.min(tick));
            nap = (nap * 2).min(Duration::from_millis(5));
        } else {
            match stdout_closed.recv_timeout(tick) {
                Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => closed = true,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

/// The last `max` bytes of `bytes` as text, trimmed, cut at a character boundary.
pub fn tail(bytes: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    format!("...{}", &text[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(argv: &[&str]) -> CommandSpec {
        CommandSpec {
            argv: argv.iter().map(|s| s.to_string()).collect(),
            cwd: std::env::temp_dir(),
            env: vec![("SFN_TEST_VAR".into(), "from-spec".into())],
        }
    }

    #[test]
    fn input_goes_to_stdin_and_stdout_comes_back() {
        let RunOutcome::Exited { status, stdout, .. } = spec(&["cat"]).run(b"{\"a\":1}", &[], None)
        else {
            panic!("cat did not run");
        };
        assert!(status.success());
        assert_eq!(stdout, b"{\"a\":1}");
    }

    #[test]
    fn large_input_and_output_do_not_deadlock() {
        let input = vec![b'x'; 1 << 20];
        let RunOutcome::Exited { stdout, .. } = spec(&["cat"]).run(&input, &[], None) else {
            panic!("cat did not run");
        };
        assert_eq!(stdout.len(), input.len());
    }

    #[test]
    fn environment_is_passed() {
        let RunOutcome::Exited { stdout, .. } =
            spec(&["printenv", "SFN_TEST_VAR", "EXTRA"]).run(b"", &[("EXTRA", "x")], None)
        else {
            panic!("printenv did not run");
        };
        assert_eq!(String::from_utf8_lossy(&stdout), "from-spec\nx\n");
    }

    #[test]
    fn the_deadline_kills_the_process() {
        let started = Instant::now();
        let outcome = spec(&["sleep", "30"]).run(b"", &[], Some(Duration::from_millis(200)));
        assert!(matches!(outcome, RunOutcome::TimedOut), "{outcome:?}");
        // Generous bound: only checks that the 30 s sleep was not awaited.
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn a_missing_program_fails_to_spawn() {
        let outcome = spec(&["/nonexistent/sfn-handler"]).run(b"", &[], None);
        assert!(matches!(outcome, RunOutcome::SpawnFailed(_)), "{outcome:?}");
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail(b"  short \n", 10), "short");
        assert_eq!(tail(b"0123456789abcdef", 4), "...cdef");
        assert_eq!(tail("ééé".as_bytes(), 3), "...é");
    }
}
