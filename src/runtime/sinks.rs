//! Where the events of an execution go while it runs: a buffer saved with the next
//! step (and the log), and a tee that also shows them to an observer.
use super::logs::LogSink;
use crate::engine::{self, EventSink, Execution, HistoryEvent};
use crate::store::executions as exec_store;

/// Collects events in memory (for one write, or none), and their log lines when the
/// state machine logs.
#[derive(Default)]
pub struct BufferSink {
    pub events: Vec<exec_store::EventRow>,
    pub(super) encoder: exec_store::EventEncoder,
    log: Option<LogSink>,
}

impl BufferSink {
    pub(super) fn logged(log: Option<LogSink>) -> BufferSink {
        BufferSink {
            log,
            ..BufferSink::default()
        }
    }

    /// Writes the log lines of the events so far: call once they are saved.
    pub(super) fn flush_log(&mut self) {
        if let Some(log) = &mut self.log {
            log.flush();
        }
    }
}

impl EventSink for BufferSink {
    fn emit(&mut self, event: &HistoryEvent) {
        if let Some(log) = &mut self.log {
            log.emit(event);
        }
        self.events.push(self.encoder.row(event));
    }

    /// An execution kept only in memory (Express, run to its end) logs as it goes.
    fn checkpoint(
        &mut self,
        _execution: &Execution,
        _at: engine::Checkpoint,
    ) -> Vec<engine::Message> {
        self.flush_log();
        Vec::new()
    }
}

/// Records events in `sink` and shows them to `observer`.
pub(super) struct Tee<'a, 'o> {
    pub(super) sink: &'a mut dyn EventSink,
    pub(super) observer: Option<&'a mut (dyn EventSink + 'o)>,
}

impl EventSink for Tee<'_, '_> {
    fn emit(&mut self, event: &HistoryEvent) {
        self.sink.emit(event);
        if let Some(observer) = self.observer.as_mut() {
            observer.emit(event);
        }
    }
}
