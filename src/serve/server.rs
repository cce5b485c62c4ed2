//! The HTTP server (hyper on a small tokio runtime): each connection is a task, so idle
//! keep-alive connections, which SDKs and browsers hold open, cost no thread; each
//! request's work runs on a blocking thread of its own (so that a `GetActivityTask` long
//! poll of 60 s holds up nothing else). One access-log line per request on stderr, and a
//! clean stop on SIGTERM or Ctrl-C.
use std::convert::Infallible;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{http, Method, Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::Value;

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
    let listener = match std::net::TcpListener::bind((settings.host.as_str(), settings.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "sfn serve: cannot listen on {}:{}: {e}",
                settings.host, settings.port
            );
            return 255;
        }
    };
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(settings.port);
    // Connections are served by a few I/O threads; each request's work (SQLite, a 60 s
    // GetActivityTask long poll) runs on a blocking thread of its own, up to MAX_ACTIVE.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(MAX_ACTIVE + 8)
        .thread_name("sfn-serve")
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sfn serve: cannot start the server's threads: {e}");
            return 255;
        }
    };
    let listener = match listener.set_nonblocking(true).and_then(|()| {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(listener)
    }) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("sfn serve: cannot listen on {}:{port}: {e}", settings.host);
            return 255;
        }
    };
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

    let accept = runtime.spawn(accept_loop(listener, Arc::clone(&state)));
    while !STOP.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
    // Stop accepting, then give the requests being answered a moment.
    accept.abort();
    let deadline = Instant::now() + STOP_GRACE;
    while state.active.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    state.executions.shutdown();
    runtime.shutdown_background();
    eprintln!("sfn serve: stopped");
    0
}

/// Accepts connections until aborted; each is served by a task of its own, so an idle
/// keep-alive connection holds no thread.
async fn accept_loop(listener: tokio::net::TcpListener, state: Arc<State>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, for one: the connections being served free some.
                eprintln!("sfn serve: accepting a connection failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let service = service_fn(move |request| serve(Arc::clone(&state), request));
            // A connection that fails (the client hung up) ends here; nothing else is affected.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
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

type Answer = Response<Full<Bytes>>;

/// Counts a request as being answered until dropped (a request whose client hung up is
/// dropped with its connection, unless its work already runs).
struct Active(Arc<State>);

impl Drop for Active {
    fn drop(&mut self) {
        self.0.active.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What the head of a request says, for the log and the checks.
struct Head {
    method: Method,
    url: String,
    host: Option<String>,
    origin: Option<String>,
    /// `Ok(operation)` from `X-Amz-Target`, or why there is none.
    operation: Result<String, WireError>,
    declared: Option<usize>,
}

impl Head {
    fn of(parts: &http::request::Parts) -> Head {
        let text = |name: &str| {
            parts
                .headers
                .get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        let headers: Vec<(String, String)> = parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        Head {
            method: parts.method.clone(),
            url: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.to_string(), |p| p.as_str().to_string()),
            host: text("host"),
            origin: text("origin"),
            operation: wire::operation(headers.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
            declared: text("content-length").and_then(|v| v.trim().parse().ok()),
        }
    }
}

/// What reading a request came to.
enum Incoming {
    Body(Vec<u8>),
    TooLarge(usize),
    /// The client closed the connection before sending the whole body.
    HungUp,
}

async fn read_body(declared: Option<usize>, mut body: hyper::body::Incoming) -> Incoming {
    if let Some(n) = declared.filter(|n| *n > wire::MAX_BODY_BYTES) {
        return Incoming::TooLarge(n);
    }
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(frame) = body.frame().await {
        match frame {
            Err(_) => return Incoming::HungUp,
            Ok(frame) => {
                if let Some(data) = frame.data_ref() {
                    bytes.extend_from_slice(data);
                    if bytes.len() > wire::MAX_BODY_BYTES {
                        return Incoming::TooLarge(bytes.len());
                    }
                }
            }
        }
    }
    match declared {
        Some(d) if bytes.len() < d => Incoming::HungUp,
        _ => Incoming::Body(bytes),
    }
}

/// Answers one request: never an error, so that hyper keeps the connection.
async fn serve(
    state: Arc<State>,
    request: Request<hyper::body::Incoming>,
) -> Result<Answer, Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let head = Head::of(&parts);
    let active_count = state.active.fetch_add(1, Ordering::SeqCst) + 1;
    let active = Active(Arc::clone(&state));
    let label = head.operation.as_deref().unwrap_or("-").to_string();
    if STOP.load(Ordering::SeqCst) {
        return Ok(respond(&state, started, &label, Err(WireError::stopping())));
    }
    if active_count > MAX_ACTIVE {
        return Ok(respond(
            &state,
            started,
            &label,
            Err(WireError::throttled()),
        ));
    }
    let guarded = state
        .guard
        .check(head.host.as_deref(), head.origin.as_deref());
    if guarded.is_ok() {
        if let Some(route) = console_route(&head) {
            return Ok(handle_console(state, active, head, body, started, route).await);
        }
    }
    let checked = guarded.and_then(|()| {
        if head.method != Method::POST {
            return Err(WireError::unknown_operation(format!(
                "{} {}: Step Functions answers POST / with an X-Amz-Target header",
                head.method, head.url
            )));
        }
        head.operation.clone()
    });
    let operation = match checked {
        Ok(op) => op,
        Err(e) => return Ok(respond(&state, started, &label, Err(e))),
    };
    let body = match read_body(head.declared, body).await {
        Incoming::Body(b) => b,
        Incoming::TooLarge(n) => {
            return Ok(respond(
                &state,
                started,
                &label,
                Err(WireError::too_large(n)),
            ))
        }
        Incoming::HungUp => return Ok(hung_up(&state, &label)),
    };
    let work = Arc::clone(&state);
    let answered = tokio::task::spawn_blocking(move || {
        let _active = active;
        catch_unwind(AssertUnwindSafe(|| answer(&work, &operation, &body))).unwrap_or_else(|_| {
            Err(WireError::internal(format!(
                "sfn serve failed answering {operation}; see the server's log"
            )))
        })
    })
    .await
    .unwrap_or_else(|_| {
        Err(WireError::internal(
            "sfn serve failed answering; see the server's log".into(),
        ))
    });
    Ok(respond(&state, started, &label, answered))
}

fn hung_up(state: &State, label: &str) -> Answer {
    if !state.quiet {
        eprintln!(
            "{} {label} - client closed the connection mid-request",
            log_time()
        );
    }
    // Nobody reads this: the connection is gone.
    Response::new(Full::new(Bytes::new()))
}

/// What the console asks for: one of its files, or one of its own operations.
enum ConsoleRoute {
    Asset(console::Asset),
    Operation(console::Operation),
}

fn console_route(head: &Head) -> Option<ConsoleRoute> {
    match head.method {
        Method::GET => console::asset(&head.url).map(ConsoleRoute::Asset),
        Method::POST => console::operation(&head.url).map(ConsoleRoute::Operation),
        _ => None,
    }
}

/// Serves the console (its Host and Origin already checked, as for the API).
async fn handle_console(
    state: Arc<State>,
    active: Active,
    head: Head,
    body: hyper::body::Incoming,
    started: Instant,
    route: ConsoleRoute,
) -> Answer {
    let label = format!("console {} {}", head.method, head.url);
    let (content_type, body) = match route {
        ConsoleRoute::Asset(asset) => (asset.content_type, asset.body.to_string()),
        ConsoleRoute::Operation(operation) => {
            let body = match read_body(head.declared, body).await {
                Incoming::Body(b) => b,
                Incoming::TooLarge(n) => {
                    return respond(&state, started, &label, Err(WireError::too_large(n)))
                }
                Incoming::HungUp => return hung_up(&state, &label),
            };
            let answered = tokio::task::spawn_blocking(move || {
                let _active = active;
                catch_unwind(AssertUnwindSafe(|| console::answer(operation, &body))).unwrap_or_else(
                    |_| {
                        Err(WireError::internal(
                            "sfn serve failed answering the console; see the server's log".into(),
                        ))
                    },
                )
            })
            .await
            .unwrap_or_else(|_| {
                Err(WireError::internal(
                    "sfn serve failed answering the console; see the server's log".into(),
                ))
            });
            match answered {
                Ok(answer) => answer,
                Err(e) => return respond(&state, started, &label, Err(e)),
            }
        }
    };
    let mut response = Response::builder()
        .status(200)
        .header("Content-Type", content_type)
        .header("Cache-Control", "no-cache");
    for (name, value) in console::SECURITY_HEADERS {
        response = response.header(name, value);
    }
    if !state.quiet {
        eprintln!(
            "{} {label} 200 {}ms",
            log_time(),
            started.elapsed().as_millis()
        );
    }
    response
        .body(Full::new(Bytes::from(body)))
        .expect("headers we choose")
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
    started: Instant,
    label: &str,
    answer: Result<Value, WireError>,
) -> Answer {
    let (status, body) = match &answer {
        Ok(v) => (200, v.to_string()),
        Err(e) => (e.status, e.body().to_string()),
    };
    if !state.quiet {
        let ms = started.elapsed().as_millis();
        let error = match &answer {
            Err(e) => format!(" {}", e.code),
            Ok(_) => String::new(),
        };
        eprintln!("{} {label} {status}{error} {ms}ms", log_time());
    }
    Response::builder()
        .status(status)
        .header("Content-Type", wire::CONTENT_TYPE)
        .header("x-amzn-RequestId", uuid::Uuid::new_v4().to_string())
        .body(Full::new(Bytes::from(body)))
        .expect("headers we choose")
}

fn log_time() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
