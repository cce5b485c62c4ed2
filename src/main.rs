fn main() {
    exit_130_on_ctrl_c();
    std::process::exit(sfn::cli::main());
}

/// The AWS CLI exits with 130 when interrupted; scripts test for it. Dying from SIGINT
/// would report a signal instead. Leaving mid-write is safe: SQLite rolls back an
/// unfinished transaction the next time the store is opened.
#[cfg(unix)]
fn exit_130_on_ctrl_c() {
    extern "C" fn on_sigint(_: libc::c_int) {
        // _exit is async-signal-safe; nothing else may run in a signal handler.
        unsafe { libc::_exit(130) }
    }
    let handler: extern "C" fn(libc::c_int) = on_sigint;
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

#[cfg(not(unix))]
fn exit_130_on_ctrl_c() {}
