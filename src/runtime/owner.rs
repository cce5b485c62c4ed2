//! This process as the owner of the executions it runs: its identity in leases, whether
//! the holder of another lease is still alive, the thread that renews a lease while an
//! execution runs, and the signals that ask for the executions it runs to stop.
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::store::leases::{self, Lease, Owner};
use crate::store::Store;

/// A new owner identity for this process.
pub fn this_process() -> Owner {
    Owner {
        id: uuid::Uuid::new_v4().to_string(),
        pid: std::process::id(),
        host: host_name(),
    }
}

fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return String::new();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// Whether the process holding `lease` is gone: a pid of this host that no longer exists.
/// A lease of another host is never judged gone here; its expiry decides.
pub fn is_gone(lease: &Lease) -> bool {
    if lease.host != host_name() || lease.pid <= 0 {
        return false;
    }
    let Ok(pid) = libc::pid_t::try_from(lease.pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let rc = unsafe { libc::kill(pid, 0) };
    rc != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

/// Renews a lease from a thread of its own, so that a long Task invocation on the
/// interpreter's thread cannot let it run out. Stops when dropped: the thread wakes and
/// ends on its own, unwaited for (joining it made every execution wait for the thread
/// to be scheduled once more, a while on a busy machine). A renewal in flight as it stops
/// lands as it did before the join returned: it extends only a lease this owner holds.
pub struct Keeper {
    _stop: Sender<()>,
    lost: Arc<AtomicBool>,
}

impl Keeper {
    /// Beats every third of `lease` in real time (what a long Task invocation takes);
    /// each renewal runs to `lease` after now on `clock`, which the lease is compared to.
    pub fn start(db: PathBuf, arn: String, owner: String, lease: Duration, clock: Clock) -> Keeper {
        let (stop, stopped) = mpsc::channel::<()>();
        let lost = Arc::new(AtomicBool::new(false));
        let flag = lost.clone();
        std::thread::spawn(move || {
            // Opened at the first beat: most executions end before it.
            let mut store = None;
            loop {
                match stopped.recv_timeout(lease / 3) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
                if store.is_none() {
                    store = Store::open(&db).ok();
                }
                let Some(store) = &store else { continue };
                let until = clock.shared_millis() + lease.as_millis() as i64;
                match leases::renew(store, &arn, &owner, until) {
                    Ok(true) => {}
                    Ok(false) => {
                        flag.store(true, Ordering::SeqCst);
                        return;
                    }
                    // A busy store: try again at the next beat.
                    Err(_) => {}
                }
            }
        });
        Keeper { _stop: stop, lost }
    }

    /// Whether another process took the execution over.
    pub fn lost(&self) -> bool {
        self.lost.load(Ordering::SeqCst)
    }
}

/// SIGINT or SIGTERM while this process runs an execution: the signal's number, so that
/// the execution is stopped (as StopExecution would) and the command exits 128 + it.
static SIGNAL: AtomicI32 = AtomicI32::new(0);
/// How many executions this process is running right now.
static DRIVING: AtomicUsize = AtomicUsize::new(0);

/// For the binary's signal handler (async-signal-safe: atomics only). `true` when an
/// execution runs and will be stopped; `false` when the process should exit at once
/// (nothing runs, or a second signal came).
pub fn on_signal(signal: i32) -> bool {
    if DRIVING.load(Ordering::SeqCst) == 0 {
        return false;
    }
    SIGNAL
        .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok()
}

/// The signal that interrupted this process, if one did.
pub fn interrupted() -> Option<i32> {
    match SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s),
    }
}

/// The executions stopped because of the signal.
static STOPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Records that `arn` was stopped because of the signal.
pub fn note_stopped(arn: &str) {
    STOPPED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(arn.to_string());
}

/// The executions stopped because of the signal.
pub fn stopped_on_signal() -> Vec<String> {
    STOPPED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Marks this process as running an execution while it lives.
pub struct Driving;

impl Driving {
    pub fn begin() -> Driving {
        DRIVING.fetch_add(1, Ordering::SeqCst);
        Driving
    }
}

impl Drop for Driving {
    fn drop(&mut self) {
        DRIVING.fetch_sub(1, Ordering::SeqCst);
    }
}
