//! Stopping a map run's children when its parent execution is stopped.
use super::*;

/// Watches, from a thread of its own, for a stop of the map run's parent execution.
pub(super) struct StopWatch {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl StopWatch {
    pub(super) fn start(db: &Path, parent: &str, cancel: Arc<AtomicBool>) -> StopWatch {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (db, parent) = (db.to_path_buf(), parent.to_string());
        let thread = std::thread::spawn(move || {
            let store = Store::open(&db).ok();
            loop {
                let stopping = super::super::owner::interrupted().is_some()
                    || store.as_ref().is_some_and(|s| {
                        leases::inbox(s, &parent).is_ok_and(|inbox| inbox.stop.is_some())
                    });
                if stopping {
                    cancel.store(true, Ordering::SeqCst);
                    return;
                }
                match stopped.recv_timeout(crate::engine::history::POLL_INTERVAL) {
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
            }
        });
        StopWatch {
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for StopWatch {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A child's history sink: keeps its events (none for Express children) and stops it
/// when its map run is cancelled.
pub(super) struct ChildSink {
    pub(super) events: Option<BufferSink>,
    pub(super) cancel: Arc<AtomicBool>,
    pub(super) stopped: bool,
}

impl EventSink for ChildSink {
    fn emit(&mut self, event: &HistoryEvent) {
        if let Some(events) = &mut self.events {
            events.emit(event);
        }
    }

    fn checkpoint(&mut self, _: &Execution, _: Checkpoint) -> Vec<Message> {
        if self.stopped || !self.cancel.load(Ordering::SeqCst) {
            return Vec::new();
        }
        self.stopped = true;
        vec![Message::Stop {
            error: None,
            cause: None,
        }]
    }
}
