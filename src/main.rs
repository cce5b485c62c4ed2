fn main() {
    tune_malloc();
    stop_on_signals();
    std::process::exit(sfn::cli::main());
}

/// SIGINT (Ctrl-C) and SIGTERM: an execution running in this process is stopped as
/// StopExecution would stop it (its history whole), then the command exits 128 + the
/// signal (130 for Ctrl-C, as the AWS CLI). With none running, or on a second signal, the
/// process exits at once: SQLite rolls back an unfinished transaction the next time the
/// store is opened.
#[cfg(unix)]
fn stop_on_signals() {
    extern "C" fn on_signal(signal: libc::c_int) {
        // Only atomics and _exit: nothing else is async-signal-safe.
        if !sfn::runtime::owner::on_signal(signal) {
            unsafe { libc::_exit(128 + signal) }
        }
    }
    let handler: extern "C" fn(libc::c_int) = on_signal;
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
        libc::signal(libc::SIGTERM, handler as libc::sighandler_t);
    }
}

#[cfg(not(unix))]
fn stop_on_signals() {}

/// glibc serves a block over its mmap threshold (128 KiB, then raised to the largest
/// block freed so far) with an mmap of its own, and gives free memory at the top of the
/// heap back to the system past 128 KiB. A payload that grows state after state (each
/// text a little longer than the last) was mapped, faulted in page by page and unmapped
/// again at every state. Fixed thresholds keep such blocks in the heap, for
/// a few hundred KiB more at the peak.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    const MMAP_THRESHOLD: libc::c_int = 512 << 10;
    const TRIM_THRESHOLD: libc::c_int = 2 << 20;
    // SAFETY: mallopt only sets allocator parameters; called before any other thread runs.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}
