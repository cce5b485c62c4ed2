//! Taking over a running execution nobody alive holds: claiming its lease, loading its
//! state and its Task runner, or ending it when its state cannot be read.
use super::*;

impl Runtime {
    /// Takes a running execution nobody alive holds, loaded and ready to run.
    pub(super) fn take(&self, store: &Store, arn: &str) -> Result<Taken, RuntimeError> {
        let until = self.lease_until();
        let claim = leases::acquire(
            store,
            arn,
            &self.owner,
            self.settings.clock.shared_millis(),
            until,
            &owner::is_gone,
        )?;
        let driving = owner::Driving::begin();
        let record = match claim {
            Claim::NotRunning => return Ok(Taken::Not(Driven::NotRunning)),
            Claim::Held(_) => return Ok(Taken::Not(Driven::Held)),
            Claim::Acquired(record) => *record,
        };
        let loaded = (|| {
            let machine = parse_stored(&record.definition)?;
            let execution = match record.engine_state {
                Some(_) => stored_execution(&record, &self.settings.clock)?,
                None => initial_execution(&record, &machine, &self.settings.clock)?,
            };
            let test_case = crate::store::redrive::test_case(store, arn)?;
            let tasks = self.runner(
                store,
                &execution.info.state_machine_name,
                test_case.as_deref(),
            )?;
            Ok::<_, RuntimeError>((execution, machine, tasks))
        })();
        let (execution, machine, tasks) = match loaded {
            Ok(loaded) => {
                // Events a dead owner wrote ahead of its last save run again from it.
                crate::store::history::truncate(store, arn, loaded.0.event_count() + 1)?;
                loaded
            }
            Err(RuntimeError::Tasks(e)) => {
                // This process cannot serve its Tasks (its handlers file is gone): leave it
                // for one that can.
                leases::abandon(store, arn, &self.owner.id)?;
                return Err(RuntimeError::Tasks(e));
            }
            Err(_) => {
                // No usable state: all that can be done is to end it, keeping its history.
                return self
                    .end_without_state(store, record)
                    .map(|status| Taken::Not(Driven::Ran(status)));
            }
        };
        Ok(Taken::Held(Box::new(
            self.hold(record, execution, machine, tasks, driving),
        )))
    }

    /// An execution held here whose state cannot be read: `ExecutionAborted` after its
    /// last event, as a stop would.
    fn end_without_state(
        &self,
        store: &Store,
        mut record: ExecutionRecord,
    ) -> Result<String, RuntimeError> {
        let inbox = leases::inbox(store, &record.arn)?;
        let (error, cause) = inbox.stop.clone().unwrap_or_default();
        let last = crate::store::history::count(store, &record.arn)?;
        let mut sink = BufferSink::logged(LogSink::for_execution(store, &record));
        sink.emit(&HistoryEvent {
            id: last + 1,
            previous_event_id: last,
            timestamp: self.settings.clock.now(),
            event_type: crate::history::EventType::ExecutionAborted,
            details: Some(crate::history::Details::Failure {
                error: error.clone(),
                cause: cause.clone(),
            }),
        });
        record.status = "ABORTED".into();
        record.stop_date = Some(date_text(self.settings.clock.now()));
        record.error = error;
        record.cause = cause;
        record.engine_state = None;
        let link = crate::store::nested::get(store, &record.arn)?;
        let delivery = link
            .as_ref()
            .and_then(|link| nested::delivery_for_parent(link, &record));
        let saved = leases::save(
            store,
            &self.owner.id,
            record.version,
            &leases::Save {
                record: &record,
                events: &sink.events,
                consumed: &[],
                started: &[],
                stopped: inbox.stop.is_some(),
                release: true,
                deliver: delivery.as_ref().map(|(t, d)| (t.as_str(), d)),
                now: self.settings.clock.shared_now(),
            },
        )?;
        Ok(match saved {
            Saved::Lost => "RUNNING".into(),
            Saved::Saved { .. } => {
                sink.flush_log();
                record.status
            }
        })
    }
}
