//! The history sink of an owned execution: it buffers events and, at the engine's
//! checkpoints, saves them with the execution's state in one compare-and-swap
//! transaction (`store::leases::save`), then hands the engine what waits for it in the
//! store (task outcomes, activity starts, a stop).

use serde_json::Value;

use super::logs::LogSink;
use super::owner::{self, Keeper};
use super::Settings;
use crate::asl::StatesError;
use crate::clock::Clock;
use crate::engine::{Cancel, Checkpoint, EventSink, Execution, HistoryEvent, Message, TaskOutcome};
use crate::history::EventType;
use crate::store::executions::{EventEncoder, EventRow, ExecutionRecord};
use crate::store::leases::{self, Save, Saved};
use crate::store::nested::Link;
use crate::store::task_tokens::{TaskTokenRecord, TokenStatus};
use crate::store::{Store, StoreError};

/// Buffered events are written ahead of the next save once there are this many, or this
/// many bytes: memory stays bounded without saving the (possibly large) state each time.
const EVENT_BATCH: usize = 2000;
const EVENT_BATCH_BYTES: usize = 1 << 20;

pub(super) struct Journal<'a> {
    store: &'a Store,
    owner: String,
    /// What the next save compares against.
    version: i64,
    /// The execution's row as the next intermediate save writes it (RUNNING).
    record: ExecutionRecord,
    encoder: EventEncoder,
    events: Vec<EventRow>,
    buffered: usize,
    observer: Option<&'a mut dyn EventSink>,
    /// Applied to the engine since the last save: saved with it.
    consumed: Vec<String>,
    started: Vec<String>,
    stop_applied: bool,
    /// A stop went to the engine already.
    stop_sent: bool,
    /// The text of `ExecutionSucceeded`'s output: the record stores the same text.
    pub output_text: Option<String>,
    /// Another process took the execution over: nothing more is saved.
    pub lost: bool,
    /// A save that failed (the store was unusable): the run's caller reports it.
    pub error: Option<StoreError>,
    /// Renews the lease while the execution runs here (a long step, a distributed Map's
    /// map run, holds no checkpoint).
    keeper: Option<Keeper>,
    /// The parent that started this execution, if any: a `.sync` parent gets its outcome
    /// with the final save.
    pub parent: Option<Link>,
    /// The state machine's CloudWatch log, when it logs: written as events are saved.
    log: Option<LogSink>,
    /// Raised when the parent Task that runs this child no longer waits for it: the child
    /// stops, as it would at its parent's final save.
    pub cancel: Cancel,
    clock: Clock,
}

impl<'a> Journal<'a> {
    pub fn new(
        store: &'a Store,
        owner: &str,
        record: &ExecutionRecord,
        settings: &Settings,
        observer: Option<&'a mut dyn EventSink>,
    ) -> Journal<'a> {
        let db = store.path();
        Journal {
            store,
            owner: owner.to_string(),
            version: record.version,
            // An intermediate save writes neither the input nor the definition: the
            // copy leaves them (up to 256 KiB and 1 MB) out.
            record: ExecutionRecord {
                arn: record.arn.clone(),
                state_machine_arn: record.state_machine_arn.clone(),
                name: record.name.clone(),
                status: "RUNNING".into(),
                start_date: record.start_date.clone(),
                trace_header: record.trace_header.clone(),
                state_machine_version_arn: record.state_machine_version_arn.clone(),
                state_machine_alias_arn: record.state_machine_alias_arn.clone(),
                redrive_count: record.redrive_count,
                redrive_date: record.redrive_date.clone(),
                role_arn: record.role_arn.clone(),
                version: record.version,
                ..Default::default()
            },
            encoder: EventEncoder::for_input(record.input.as_deref()),
            events: Vec::new(),
            buffered: 0,
            observer,
            consumed: Vec::new(),
            started: Vec::new(),
            stop_applied: false,
            stop_sent: false,
            output_text: None,
            lost: false,
            error: None,
            parent: None,
            log: LogSink::for_execution(store, record),
            cancel: Cancel::default(),
            keeper: (db != std::path::Path::new(":memory:")).then(|| {
                Keeper::start(
                    db.to_path_buf(),
                    record.arn.clone(),
                    owner.to_string(),
                    settings.lease,
                    settings.clock.clone(),
                )
            }),
            clock: settings.clock.clone(),
        }
    }

    /// Saves `record` (the execution's final or parked row) with what is buffered.
    /// `release`: let go of a parked execution unless something waits for it.
    pub fn save_record(
        &mut self,
        record: &ExecutionRecord,
        release: bool,
    ) -> Result<Saved, StoreError> {
        let delivery = self
            .parent
            .as_ref()
            .and_then(|link| super::nested::delivery_for_parent(link, record));
        let saved = leases::save(
            self.store,
            &self.owner,
            self.version,
            &Save {
                record,
                events: &self.events,
                consumed: &self.consumed,
                started: &self.started,
                stopped: self.stop_applied,
                release,
                deliver: delivery.as_ref().map(|(t, d)| (t.as_str(), d)),
                now: self.clock.shared_now(),
            },
        )?;
        match saved {
            Saved::Saved { version, .. } => {
                self.version = version;
                if let Some(log) = &mut self.log {
                    log.flush();
                }
                self.events.clear();
                self.buffered = 0;
                self.consumed.clear();
                self.started.clear();
                self.stop_applied = false;
            }
            Saved::Lost => self.lose(),
        }
        Ok(saved)
    }

    /// An intermediate save: the execution is still running here.
    fn save_running(&mut self, execution: &Execution) {
        let state = match serde_json::to_string(execution) {
            Ok(state) => state,
            Err(e) => {
                self.error = Some(StoreError::Sql(rusqlite::Error::ToSqlConversionFailure(
                    Box::new(e),
                )));
                return;
            }
        };
        let mut record = std::mem::take(&mut self.record);
        record.engine_state = Some(state);
        if let Err(e) = self.save_record(&record, false) {
            self.error = Some(e);
        }
        record.engine_state = None;
        self.record = record;
    }

    /// Writes the buffered events ahead of the next save.
    fn write_ahead(&mut self) {
        match leases::append_owned(
            self.store,
            &self.record.arn,
            &self.owner,
            self.version,
            &self.events,
        ) {
            Ok(true) => {
                // Their log lines wait for the save: a process taking over would run
                // these events again from the last save.
                self.events.clear();
                self.buffered = 0;
            }
            Ok(false) => self.lose(),
            // A busy store: they stay buffered for the next try.
            Err(e) => self.error = Some(e),
        }
    }

    fn check_lease(&mut self) {
        if self.keeper.as_ref().is_some_and(Keeper::lost) {
            self.lose();
        }
    }

    /// Another process took the execution over: what was not saved here is not logged
    /// either (it runs again there).
    fn lose(&mut self) {
        self.lost = true;
        if let Some(log) = &mut self.log {
            log.discard();
        }
    }

    /// What waits for the execution, as messages it can take now. An outcome for a task
    /// still being invoked waits for the next poll; one for a task that is gone is
    /// consumed without effect.
    fn poll(&mut self, execution: &Execution) -> Vec<Message> {
        let mut messages = Vec::new();
        if !self.stop_sent && owner::interrupted().is_some() {
            self.stop_sent = true;
            owner::note_stopped(&self.record.arn);
            messages.push(Message::Stop {
                error: None,
                cause: None,
            });
        }
        if !self.stop_sent && self.cancel.is_cancelled() {
            self.stop_sent = true;
            messages.push(Message::Stop {
                error: None,
                cause: None,
            });
        }
        let inbox = match leases::inbox(self.store, &self.record.arn) {
            Ok(inbox) => inbox,
            Err(e) => {
                self.error = Some(e);
                return messages;
            }
        };
        if let Some((error, cause)) = inbox.stop {
            if !self.stop_sent {
                self.stop_sent = true;
                messages.push(Message::Stop { error, cause });
            }
            self.stop_applied = true;
        }
        for token in inbox.started {
            if self.started.contains(&token.token) {
                continue;
            }
            match execution.awaits(&token.token) {
                Some(false) => continue,
                Some(true) => messages.push(Message::ActivityStarted {
                    token: token.token.clone(),
                    worker: token.worker_name.clone(),
                }),
                None => {}
            }
            self.started.push(token.token);
        }
        for token in inbox.outcomes {
            if self.consumed.contains(&token.token) {
                continue;
            }
            match execution.awaits(&token.token) {
                Some(false) => continue,
                Some(true) => messages.push(Message::Deliver {
                    token: token.token.clone(),
                    outcome: outcome_of(&token),
                }),
                None => {}
            }
            self.consumed.push(token.token);
        }
        messages
    }
}

/// The outcome a token carries.
pub(super) fn outcome_of(token: &TaskTokenRecord) -> TaskOutcome {
    match token.status {
        TokenStatus::Succeeded => {
            let output = token.output.as_deref().unwrap_or("null");
            TaskOutcome::Succeeded(serde_json::from_str(output).unwrap_or(Value::Null))
        }
        TokenStatus::Failed => TaskOutcome::Failed(StatesError {
            error: token.error.clone(),
            cause: token.cause.clone(),
        }),
        _ => TaskOutcome::TimedOut,
    }
}

impl EventSink for Journal<'_> {
    fn emit(&mut self, event: &HistoryEvent) {
        if event.event_type == EventType::ExecutionSucceeded {
            self.output_text = event
                .details
                .as_ref()
                .and_then(|d| d.str("output"))
                .map(String::from);
        }
        if !self.lost {
            if let Some(log) = &mut self.log {
                log.emit(event);
            }
            let row = self.encoder.row(event);
            self.buffered += row.bytes();
            self.events.push(row);
            if self.events.len() >= EVENT_BATCH || self.buffered >= EVENT_BATCH_BYTES {
                self.write_ahead();
            }
        }
        if let Some(observer) = self.observer.as_mut() {
            observer.emit(event);
        }
    }

    fn checkpoint(&mut self, execution: &Execution, at: Checkpoint) -> Vec<Message> {
        if self.lost {
            // Another process runs it now: stop here, saving nothing.
            if self.stop_sent {
                return Vec::new();
            }
            self.stop_sent = true;
            return vec![Message::Stop {
                error: None,
                cause: None,
            }];
        }
        let changed = !self.events.is_empty()
            || !self.consumed.is_empty()
            || !self.started.is_empty()
            || self.stop_applied;
        match at {
            Checkpoint::Busy => {
                self.check_lease();
                self.save_running(execution);
            }
            Checkpoint::Waiting => {
                self.check_lease();
                if changed {
                    self.save_running(execution);
                }
            }
            // The caller saves a parked execution right after.
            Checkpoint::Parking => {}
        }
        if self.lost {
            return self.checkpoint(execution, at);
        }
        self.poll(execution)
    }
}
