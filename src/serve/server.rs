//! The HTTP server: one thread per request (so that a `GetActivityTask` long poll of 60 s
//! holds up nothing else), one access-log line per request on stderr, and a clean stop on
//! SIGTERM or Ctrl-C.
use std::io::{Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tiny_http::{Header, Method, Request, Response};

use super::console;
use super::executor::{Contexts, Executions};
use super::guard::Guard;
use super::wire::{self, WireError};
use super::{model, Settings};
use crate::store::Store;

/// Requests answered at once; past this, `ThrottlingException` (as AWS's rate limit).
const MAX_ACTIVE: usize = 512;
/// How long a stopping server waits for the requests it is answering.
const STOP_GRACE: Duration = Duration::from_secs(3);

static STOP: AtomicBool = AtomicBool::new(false);

struct State {
    contexts: Arc<Contexts>,
    executions: Executions,
    guard: Guard,
    quiet: bool,
    active: AtomicUsize,
}

/// Runs the server until SIGTERM or SIGINT; the exit code.
pub fn run(settings: Settings) -> i32 {
    if let Err(e) = Store::open(&settings.db) {
        eprintln!("sfn serve: {e}");
        return 255;
    }
    let server = match tiny_http::Server::http((settings.host.as_str(), settings.port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "sfn serve: cannot listen on {}:{}: {e}",
                settings.host, settings.port
            );
            return 255;
        }
    };
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(settings.port);
    let unspecified = settings
        .host
        .trim_matches(['[', ']'])
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_unspecified());
    if unspecified {
        eprintln!(
            "sfn serve: warning: listening on every network address ({}): anyone who can reach this machine can run your state machines and, through a handlers file, local commands",
            settings.host
        );
    }
    for option in &settings.runtime.aws.unused {
        eprintln!("sfn serve: note: --{option} is accepted; sfn does not call that service, so its Tasks need a mock test case or a handler");
    }
    let shown_host = if unspecified {
        "127.0.0.1".to_string()
    } else if settings.host.contains(':') && !settings.host.starts_with('[') {
        format!("[{}]", settings.host)
    } else {
        settings.host.clone()
    };
    let url = format!("http://{shown_host}:{port}");
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "sfn serve: Step Functions endpoint on {url} (store {})",
            settings.db.display()
        );
        let _ = writeln!(out, "sfn serve: console on {url}/ (open it in a browser)");
        let _ = writeln!(out, "endpoint_url={url}");
        let _ = out.flush();
    }
    install_stop_signals();

    let executions = Executions::default();
    let contexts = Arc::new_cyclic(|contexts| {
        let mut runtime = settings.runtime.clone();
        runtime.background = Some(executions.background(contexts.clone()));
        Contexts::new(
            settings.db.clone(),
            settings.region.clone(),
            settings.account.clone(),
            runtime,
            settings.random_seed.clone(),
        )
    });
    executions.sweep(Arc::clone(&contexts));
    let state = Arc::new(State {
        executions,
        contexts,
        guard: Guard::new(
            &settings.host,
            port,
            &settings.allow_hosts,
            &settings.allow_origins,
        ),
        quiet: settings.quiet,
        active: AtomicUsize::new(0),
    });

    while !STOP.load(Ordering::SeqCst) {
        let request = match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(e) => {
                eprintln!("sfn serve: accepting a connection failed: {e}");
                continue;
            }
        };
        let state = Arc::clone(&state);
        let active = state.active.fetch_add(1, Ordering::SeqCst) + 1;
        if active > MAX_ACTIVE {
            respond(
                &state,
                request,
                Instant::now(),
                "-",
                Err(WireError::throttled()),
            );
            state.active.fetch_sub(1, Ordering::SeqCst);
            continue;
        }
        let spawned = std::thread::Builder::new()
            .name("request".into())
            .spawn(move || {
                handle(&state, request);
                state.active.fetch_sub(1, Ordering::SeqCst);
            });
        if let Err(e) = spawned {
            eprintln!("sfn serve: cannot start a request thread: {e}");
        }
    }
    // Stop accepting, then give the requests being answered a moment.
    drop(server);
    let deadline = Instant::now() + STOP_GRACE;
    while state.active.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    state.executions.shutdown();
    eprintln!("sfn serve: stopped");
    0
}

#[cfg(unix)]
fn install_stop_signals() {
    extern "C" fn on_stop(_: libc::c_int) {
        // Only an atomic store: async-signal-safe.
        STOP.store(true, Ordering::SeqCst);
    }
    let handler: extern "C" fn(libc::c_int) = on_stop;
    // SAFETY: installs a handler that only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGTERM, handler as libc::sighandler_t);
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

#[cfg(not(unix))]
fn install_stop_signals() {}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// What reading a request came to.
enum Incoming {
    Body(Vec<u8>),
    TooLarge(usize),
    /// The client closed the connection before sending the whole body.
    HungUp,
}

fn read_body(request: &mut Request) -> Incoming {
    let declared = request.body_length();
    if let Some(n) = declared.filter(|n| *n > wire::MAX_BODY_BYTES) {
        return Incoming::TooLarge(n);
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    let limit = wire::MAX_BODY_BYTES as u64 + 1;
    match request.as_reader().take(limit).read_to_end(&mut body) {
        Err(_) => Incoming::HungUp,
        Ok(_) if body.len() > wire::MAX_BODY_BYTES => Incoming::TooLarge(body.len()),
        Ok(n) if declared.is_some_and(|d| n < d) => Incoming::HungUp,
        Ok(_) => Incoming::Body(body),
    }
}

fn handle(state: &State, mut request: Request) {
    let started = Instant::now();
    let operation = wire::operation(
        request
            .headers()
            .iter()
            .map(|h| (h.field.as_str().as_str(), h.value.as_str())),
    );
    let label = operation.as_deref().unwrap_or("-").to_string();
    let guarded = state
        .guard
        .check(header(&request, "Host"), header(&request, "Origin"));
    if guarded.is_ok() {
        if let Some(route) = console_route(&request) {
            return handle_console(state, request, started, route);
        }
    }
    let checked = guarded.and_then(|()| {
        if *request.method() != Method::Post {
            return Err(WireError::unknown_operation(format!(
                "{} {}: Step Functions answers POST / with an X-Amz-Target header",
                request.method(),
                request.url()
            )));
        }
        operation
    });
    let operation = match checked {
        Ok(op) => op,
        Err(e) => return respond(state, request, started, &label, Err(e)),
    };
    let body = match read_body(&mut request) {
        Incoming::Body(b) => b,
        Incoming::TooLarge(n) => {
            return respond(
                state,
                request,
                started,
                &label,
                Err(WireError::too_large(n)),
            )
        }
        Incoming::HungUp => {
            if !state.quiet {
                eprintln!(
                    "{} {label} - client closed the connection mid-request",
                    log_time()
                );
            }
            return;
        }
    };
    let answer = catch_unwind(AssertUnwindSafe(|| answer(state, &operation, &body)))
        .unwrap_or_else(|_| {
            Err(WireError::internal(format!(
                "sfn serve failed answering {operation}; see the server's log"
            )))
        });
    respond(state, request, started, &label, answer)
}

/// What the console asks for: one of its files, or one of its own operations.
enum ConsoleRoute {
    Asset(console::Asset),
    Operation(console::Operation),
}

fn console_route(request: &Request) -> Option<ConsoleRoute> {
    match request.method() {
        Method::Get => console::asset(request.url()).map(ConsoleRoute::Asset),
        Method::Post => console::operation(request.url()).map(ConsoleRoute::Operation),
        _ => None,
    }
}

/// Serves the console (its Host and Origin already checked, as for the API).
fn handle_console(state: &State, mut request: Request, started: Instant, route: ConsoleRoute) {
    let label = format!("console {} {}", request.method(), request.url());
    let (content_type, body) = match route {
        ConsoleRoute::Asset(asset) => (asset.content_type, asset.body.to_string()),
        ConsoleRoute::Operation(operation) => {
            let body = match read_body(&mut request) {
                Incoming::Body(b) => b,
                Incoming::TooLarge(n) => {
                    return respond(
                        state,
                        request,
                        started,
                        &label,
                        Err(WireError::too_large(n)),
                    )
                }
                Incoming::HungUp => return,
            };
            let answer = catch_unwind(AssertUnwindSafe(|| console::answer(operation, &body)))
                .unwrap_or_else(|_| {
                    Err(WireError::internal(
                        "sfn serve failed answering the console; see the server's log".into(),
                    ))
                });
            match answer {
                Ok(answer) => answer,
                Err(e) => return respond(state, request, started, &label, Err(e)),
            }
        }
    };
    let mut response = Response::from_data(body.into_bytes())
        .with_status_code(200)
        .with_header(fixed_header("Content-Type", content_type))
        .with_header(fixed_header("Cache-Control", "no-cache"));
    for (name, value) in console::SECURITY_HEADERS {
        response = response.with_header(fixed_header(name, value));
    }
    let sent = request.respond(response);
    if !state.quiet {
        let gone = if sent.is_err() { " (client gone)" } else { "" };
        eprintln!(
            "{} {label} 200 {}ms{gone}",
            log_time(),
            started.elapsed().as_millis()
        );
    }
}

fn answer(state: &State, operation: &str, body: &[u8]) -> Result<Value, WireError> {
    let request = wire::request_body(body)?;
    model::validate(operation, &request)?;
    let result = state.contexts.call(operation, request);
    let mut response = result.map_err(WireError::from_api)?;
    model::timestamps_to_epoch(operation, &mut response);
    Ok(response)
}

fn respond(
    state: &State,
    request: Request,
    started: Instant,
    label: &str,
    answer: Result<Value, WireError>,
) {
    let (status, body) = match &answer {
        Ok(v) => (200, v.to_string()),
        Err(e) => (e.status, e.body().to_string()),
    };
    let response = Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(fixed_header("Content-Type", wire::CONTENT_TYPE))
        .with_header(fixed_header(
            "x-amzn-RequestId",
            &uuid::Uuid::new_v4().to_string(),
        ));
    // A client gone by now cannot be answered; nothing else is affected.
    let sent = request.respond(response);
    if !state.quiet {
        let ms = started.elapsed().as_millis();
        let error = match &answer {
            Err(e) => format!(" {}", e.code),
            Ok(_) => String::new(),
        };
        let gone = if sent.is_err() { " (client gone)" } else { "" };
        eprintln!("{} {label} {status}{error} {ms}ms{gone}", log_time());
    }
}

fn fixed_header(name: &str, value: &str) -> Header {
    // Names and values here are ASCII we choose.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn log_time() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
