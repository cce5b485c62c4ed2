//! Runs a local command: input on stdin, result on stdout, with an optional deadline. No
//! shell is involved; the input never reaches the command line.
//!
//! The command leads a process group of its own: what it starts goes with it when it is
//! stopped (its deadline passed, or its invocation was cancelled), and a Ctrl-C at the
//! terminal reaches `sfn`, which stops the execution, rather than the command.
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::clock::Clock;
use crate::engine::{Cancel, TaskInvocation};

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
    /// The deadline passed; the process group was killed.
    TimedOut,
    /// The invocation was cancelled; the process group was killed.
    Cancelled,
    /// The command could not be started (not found, not executable...).
    SpawnFailed(std::io::Error),
}

/// How long to wait for the output pipes to close once the process has exited: a child
/// that left a background process holding them must not hang the task.
const DRAIN_GRACE: Duration = Duration::from_millis(200);
/// How long a stopped command's process group has between SIGTERM and SIGKILL (less in
/// unit tests, which check that SIGKILL comes, not when).
const KILL_GRACE: Duration = if cfg!(test) {
    Duration::from_millis(300)
} else {
    Duration::from_secs(2)
};

/// What ends a run before the command exits.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    /// How long the command may run, on `clock`: the execution's, as every Task deadline.
    pub timeout: Option<Duration>,
    pub clock: &'a Clock,
    /// Raised when the outcome no longer matters.
    pub cancel: &'a Cancel,
}

impl<'a> Limits<'a> {
    /// The invocation's: its `TimeoutSeconds` on its clock, its cancel signal.
    pub fn of(invocation: &TaskInvocation<'a>) -> Limits<'a> {
        Limits {
            timeout: invocation.timeout_seconds.map(Duration::from_secs),
            clock: invocation.clock,
            cancel: invocation.cancel,
        }
    }

    /// The deadline in milliseconds on the clock, from now.
    pub fn deadline(&self) -> Option<i64> {
        self.timeout
            .map(|t| self.clock.now_millis().saturating_add(t.as_millis() as i64))
    }

    /// No deadline, no cancelling.
    pub fn none(clock: &'a Clock) -> Limits<'a> {
        Limits {
            timeout: None,
            clock,
            cancel: Cancel::never(),
        }
    }
}

/// Why a wait ended before the process exited.
enum Stopped {
    TimedOut,
    Cancelled,
}

impl CommandSpec {
    fn program(&self) -> PathBuf {
        let program = PathBuf::from(&self.argv[0]);
        if program.is_relative() && self.argv[0].contains('/') {
            self.cwd.join(program)
        } else {
            program
        }
    }

    /// Runs the command with `input` on stdin, killing its process group when `limits`
    /// say so.
    pub fn run(&self, input: &[u8], extra_env: &[(&str, &str)], limits: Limits) -> RunOutcome {
        let deadline = limits.deadline();
        let mut command = Command::new(self.program());
        command
            .args(&self.argv[1..])
            .current_dir(&self.cwd)
            .process_group(0)
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

        let status = match wait(&mut child, &done_rx, deadline, &limits) {
            Ok(status) => status,
            Err(stopped) => {
                stop_group(&mut child);
                return match stopped {
                    Stopped::TimedOut => RunOutcome::TimedOut,
                    Stopped::Cancelled => RunOutcome::Cancelled,
                };
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

/// Waits for the process to exit; an `Err` when the deadline (milliseconds on the limits'
/// clock) passed or the invocation was cancelled first. Stdout closing is the usual sign of
/// exit, so the common case wakes at once; otherwise both are looked at every tick.
fn wait(
    child: &mut Child,
    stdout_closed: &mpsc::Receiver<()>,
    deadline: Option<i64>,
    limits: &Limits,
) -> Result<ExitStatus, Stopped> {
    const TICK: Duration = Duration::from_millis(20);
    let mut closed = false;
    // After stdout closed the exit is normally microseconds away: poll fast, then slower.
    let mut nap = Duration::from_micros(50);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Ok(status);
        }
        if limits.cancel.is_cancelled() {
            return Err(Stopped::Cancelled);
        }
        let left = deadline.map(|d| d - limits.clock.now_millis());
        if left.is_some_and(|l| l <= 0) {
            return Err(Stopped::TimedOut);
        }
        let tick = left.map_or(TICK, |l| TICK.min(Duration::from_millis(l as u64)));
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

/// Stops the command's process group: SIGTERM, then SIGKILL to what is left after
/// [`KILL_GRACE`]. The command itself is reaped; what it started is reparented and reaped
/// by init.
fn stop_group(child: &mut Child) {
    let Ok(group) = libc::pid_t::try_from(child.id()) else {
        let _ = child.kill();
        let _ = child.wait();
        return;
    };
    // SAFETY: kill only sends a signal; a negative pid names the process group the child
    // leads (`process_group(0)`), which holds nothing but the command and its descendants.
    let signal = |sig| unsafe { libc::kill(-group, sig) };
    signal(libc::SIGTERM);
    let grace = Instant::now() + KILL_GRACE;
    let mut nap = Duration::from_millis(1);
    loop {
        let exited = matches!(child.try_wait(), Ok(Some(_)));
        if exited && !group_runs(group) {
            return;
        }
        if Instant::now() >= grace {
            break;
        }
        thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(50));
    }
    signal(libc::SIGKILL);
    let _ = child.wait();
    // SIGKILL takes effect as each process is next scheduled: wait (briefly) until it
    // has, so the command is gone when its task returns.
    let gone = Instant::now() + KILL_GRACE;
    while group_runs(group) && Instant::now() < gone {
        thread::sleep(Duration::from_millis(5));
    }
}

/// Whether a process of the group still runs. Signal 0 tells whether the group has a
/// member, but an ended process the command started stays one, a zombie, until init
/// reaps it, which some inits (a container's) do late or never: on Linux, members that
/// are all zombies have ended.
fn group_runs(group: libc::pid_t) -> bool {
    // SAFETY: signal 0 sends nothing; it only checks that the group has a member.
    if unsafe { libc::kill(-group, 0) } != 0 {
        return false;
    }
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return true;
    };
    let mut seen = false;
    for entry in procs.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid pgrp ...`: the command name may hold anything.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let (state, pgrp) = (fields.next(), fields.nth(1));
        if pgrp.and_then(|p| p.parse::<libc::pid_t>().ok()) == Some(group) {
            seen = true;
            if state != Some("Z") {
                return true;
            }
        }
    }
    // No /proc to read members from (not Linux): the signal's word stands.
    !seen && !std::path::Path::new("/proc/self/stat").exists()
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

    static CLOCK: Clock = Clock::system();

    fn none() -> Limits<'static> {
        Limits::none(&CLOCK)
    }

    fn spec(argv: &[&str]) -> CommandSpec {
        CommandSpec {
            argv: argv.iter().map(|s| s.to_string()).collect(),
            cwd: std::env::temp_dir(),
            env: vec![("SFN_TEST_VAR".into(), "from-spec".into())],
        }
    }

    #[test]
    fn input_goes_to_stdin_and_stdout_comes_back() {
        let RunOutcome::Exited { status, stdout, .. } =
            spec(&["cat"]).run(b"{\"a\":1}", &[], none())
        else {
            panic!("cat did not run");
        };
        assert!(status.success());
        assert_eq!(stdout, b"{\"a\":1}");
    }

    #[test]
    fn large_input_and_output_do_not_deadlock() {
        let input = vec![b'x'; 1 << 20];
        let RunOutcome::Exited { stdout, .. } = spec(&["cat"]).run(&input, &[], none()) else {
            panic!("cat did not run");
        };
        assert_eq!(stdout.len(), input.len());
    }

    #[test]
    fn environment_is_passed() {
        let RunOutcome::Exited { stdout, .. } =
            spec(&["printenv", "SFN_TEST_VAR", "EXTRA"]).run(b"", &[("EXTRA", "x")], none())
        else {
            panic!("printenv did not run");
        };
        assert_eq!(String::from_utf8_lossy(&stdout), "from-spec\nx\n");
    }

    /// A shell that starts `sleep 30` in the background, writes the pids of both to
    /// `pids`, then waits: killing the shell alone would leave the sleep running.
    fn sleeper(pids: &std::path::Path, trap_term: bool) -> CommandSpec {
        let trap = if trap_term { "trap '' TERM; " } else { "" };
        spec(&[
            "sh",
            "-c",
            &format!(
                "{trap}sleep 30 & echo $$ $! > {}.tmp; mv {0}.tmp {0}; wait",
                pids.display()
            ),
        ])
    }

    /// The pids in the file once it is written.
    fn pids_in(path: &std::path::Path) -> Vec<i32> {
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(text) = std::fs::read_to_string(path) {
                return text
                    .split_whitespace()
                    .map(|p| p.parse().unwrap())
                    .collect();
            }
            assert!(Instant::now() < until, "the command did not write its pids");
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the process runs (a zombie has ended: reaping an orphan is init's work).
    fn alive(pid: i32) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) => !stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z'),
            Err(_) => false,
        }
    }

    #[test]
    fn the_deadline_kills_the_process_group() {
        let dir = tempfile::tempdir().unwrap();
        let pids = dir.path().join("pids");
        let limits = Limits {
            timeout: Some(Duration::from_millis(300)),
            ..none()
        };
        let outcome = sleeper(&pids, false).run(b"", &[], limits);
        assert!(matches!(outcome, RunOutcome::TimedOut), "{outcome:?}");
        let pids = pids_in(&pids);
        // The shell was reaped here: not even a zombie is left of it.
        assert!(!std::path::Path::new(&format!("/proc/{}", pids[0])).exists());
        assert!(!alive(pids[1]), "the background sleep outlived its command");
    }

    #[test]
    fn the_deadline_goes_by_the_clock() {
        let clock = Clock::manual(chrono::Utc::now());
        let dir = tempfile::tempdir().unwrap();
        let pids = dir.path().join("pids");
        let limits = Limits {
            timeout: Some(Duration::from_secs(600)),
            clock: &clock,
            cancel: Cancel::never(),
        };
        let outcome = thread::scope(|s| {
            s.spawn(|| {
                pids_in(&pids);
                clock.advance(Duration::from_secs(600));
            });
            sleeper(&pids, false).run(b"", &[], limits)
        });
        assert!(matches!(outcome, RunOutcome::TimedOut), "{outcome:?}");
        assert!(!alive(pids_in(&pids)[1]));
    }

    /// Runs the sleeper (`ignore_term`: one that ignores SIGTERM), cancels it once it has
    /// written its pids, and checks that it and its child are gone.
    fn cancel_sleeper(ignore_term: bool) {
        let dir = tempfile::tempdir().unwrap();
        let pids = dir.path().join("pids");
        let cancel = Cancel::new();
        let limits = Limits {
            cancel: &cancel,
            ..none()
        };
        let outcome = thread::scope(|s| {
            s.spawn(|| {
                pids_in(&pids);
                cancel.cancel();
            });
            sleeper(&pids, ignore_term).run(b"", &[], limits)
        });
        assert!(matches!(outcome, RunOutcome::Cancelled), "{outcome:?}");
        let pids = pids_in(&pids);
        assert!(!std::path::Path::new(&format!("/proc/{}", pids[0])).exists());
        assert!(!alive(pids[1]));
    }

    #[test]
    fn cancelling_kills_the_process_group() {
        cancel_sleeper(false);
    }

    #[test]
    fn a_command_that_ignores_sigterm_gets_sigkill() {
        cancel_sleeper(true);
    }

    #[test]
    fn a_missing_program_fails_to_spawn() {
        let outcome = spec(&["/nonexistent/sfn-handler"]).run(b"", &[], none());
        assert!(matches!(outcome, RunOutcome::SpawnFailed(_)), "{outcome:?}");
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail(b"  short \n", 10), "short");
        assert_eq!(tail(b"0123456789abcdef", 4), "...cdef");
        assert_eq!(tail("ééé".as_bytes(), 3), "...é");
    }
}
