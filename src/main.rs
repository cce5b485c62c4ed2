fn main() {
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
