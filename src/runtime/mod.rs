//! The runtime: owns executions. It starts, resumes, redrives, stops and times out
//! executions and runs map runs, on the engine (the interpreter), the tasks layer (what a
//! Task does offline) and the store.
//!
//! Every RUNNING execution has at most one owner at a time: the process that holds its
//! lease (`store::leases`). The owner runs it and saves each step of progress in one
//! compare-and-swap transaction; other processes never touch its state, they queue what
//! they have for it in the store (a task outcome, an activity handed to a worker, a stop)
//! and the owner applies it at its next checkpoint. A parked execution (every task waits
//! for an outcome from outside) has no owner: whoever delivers the outcome takes it. An
//! execution whose owner died (SIGKILL, a crash) is taken over from its last save once the
//! lease runs out, or at once when its pid is gone from this host: see
//! [`Runtime::resume_orphans`] (`sfn resume`).
//!
//! Settings come in resolved ([`Settings`]): nothing here reads the environment.
mod journal;
pub mod logs;
pub mod map_runs;
pub mod nested;
pub mod owner;
mod record;
mod settings;
mod sinks;
mod take;

use std::time::{Duration, Instant};

use crate::asl::definition::StateMachine;
use crate::engine::{
    self, Cancel, Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Progress, TaskRunner,
};
use crate::store::executions::{self as exec_store, date_text, ExecutionRecord};
use crate::store::leases::{self, Claim, Owner, Saved, StopRequest};
use crate::store::{task_tokens, Store, StoreError};
use crate::tasks::{self, RunnerConfig, TasksError};
use journal::Journal;
use logs::LogSink;
use record::{initial_execution, to_state};
pub use record::{parse_stored, record_outcome, retained_state, stored_execution};
pub use settings::{Background, Settings};
pub use sinks::BufferSink;
use sinks::Tee;

/// An execution this process holds (its lease and its row's version) and has not run
/// yet: started, redriven, or taken to apply what was queued for it.
pub struct Held {
    record: ExecutionRecord,
    execution: Execution,
    machine: StateMachine,
    tasks: Box<dyn TaskRunner>,
    /// The lease's holder: the runtime that took it (another in this process may run it).
    owner: String,
    /// For a child that its parent's Task waits for, run by that Task: raised when the
    /// parent no longer waits (stopped, timed out), which stops the child.
    cancel: Cancel,
    _driving: owner::Driving,
}

impl Held {
    pub fn arn(&self) -> &str {
        &self.record.arn
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Tasks(#[from] TasksError),
    #[error("Execution Already Exists: '{0}'")]
    AlreadyExists(String),
    #[error("Execution Does Not Exist: '{0}'")]
    DoesNotExist(String),
    #[error("Execution is not running: '{0}'")]
    NotRunning(String),
    /// Another process changed the execution first (a concurrent redrive).
    #[error("the execution '{0}' was changed by another process meanwhile")]
    Conflict(String),
    #[error(transparent)]
    InvalidDefinition(#[from] crate::asl::definition::DefinitionError),
    #[error("{0}")]
    Internal(String),
}

/// What became of an execution this process drove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driven {
    /// Run until it ended or parked; its status now.
    Ran(String),
    /// A live process holds it: what was queued for it is applied there.
    Held,
    /// It is not running (or does not exist).
    NotRunning,
    /// Another process took it over while it ran here.
    Lost,
}

/// What [`Runtime::take`] found.
enum Taken {
    Held(Box<Held>),
    Not(Driven),
}

/// An execution `sfn resume` took over, and what came of it.
pub type Resumed = (String, Result<Driven, RuntimeError>);

/// A new execution, checked and named by the API.
pub struct NewExecution {
    pub record: ExecutionRecord,
    pub info: ExecutionInfo,
    pub machine: StateMachine,
    pub test_case: Option<String>,
}

pub struct Runtime {
    pub settings: Settings,
    owner: Owner,
}

/// How long StopExecution waits for the live process holding an execution to stop it.
const STOP_WAIT: Duration = Duration::from_secs(10);

impl Runtime {
    /// An execution this runtime now holds the lease of, ready to run.
    fn hold(
        &self,
        record: ExecutionRecord,
        execution: Execution,
        machine: StateMachine,
        tasks: Box<dyn TaskRunner>,
        driving: owner::Driving,
    ) -> Held {
        Held {
            record,
            execution,
            machine,
            tasks,
            owner: self.owner.id.clone(),
            cancel: Cancel::default(),
            _driving: driving,
        }
    }

    pub fn new(settings: Settings) -> Runtime {
        Runtime {
            settings,
            owner: owner::this_process(),
        }
    }

    /// Leases are compared by every process: they go by the shared time.
    fn lease_until(&self) -> i64 {
        self.settings.clock.shared_millis() + self.settings.lease.as_millis() as i64
    }

    /// The Task runner for an execution of `machine_name` (with its mock test case): this
    /// process's mock and handlers files, tokens parked in `store`, distributed Maps run
    /// as map runs.
    pub fn runner(
        &self,
        store: &Store,
        machine_name: &str,
        test_case: Option<&str>,
    ) -> Result<Box<dyn TaskRunner>, TasksError> {
        let config = RunnerConfig::new(
            self.settings.mock_config.as_deref(),
            self.settings.handlers.as_deref(),
            machine_name,
            test_case,
        );
        let db = store.path();
        let inner = if db == std::path::Path::new(":memory:") {
            tasks::runner_with(
                config.mock_config.as_deref(),
                config.handlers.as_deref(),
                &config.state_machine_name,
                config.test_case.as_deref(),
                &self.settings.aws,
            )?
        } else {
            tasks::parking_runner_for(
                &config,
                db,
                &self.settings.aws,
                &self.settings.clock,
                &self.owner.id,
            )?
        };
        let inner = nested::with_nested(store, &self.settings, &self.owner.id, inner);
        Ok(map_runs::with_map_runs(store, &self.settings, inner))
    }

    /// Records a new execution (its `ExecutionStarted` included, held by this process) and
    /// runs it until it ends or parks. The record is visible to other processes before the
    /// first state runs.
    pub fn start<'s>(
        &self,
        store: &'s Store,
        observer: Option<&'s mut dyn EventSink>,
        new: NewExecution,
    ) -> Result<ExecutionRecord, RuntimeError> {
        self.start_linked(store, observer, new, None, Cancel::never())
    }

    /// [`Runtime::start`] for an execution another execution's Task starts: the link to
    /// its parent is recorded with it. `cancel` is the parent Task's invocation's: a child
    /// the Task waits for is stopped when it is raised.
    fn start_linked<'s>(
        &self,
        store: &'s Store,
        observer: Option<&'s mut dyn EventSink>,
        new: NewExecution,
        parent: Option<&crate::store::nested::Link>,
        cancel: &Cancel,
    ) -> Result<ExecutionRecord, RuntimeError> {
        let NewExecution {
            mut record,
            info,
            machine,
            test_case,
        } = new;
        let tasks = self.runner(store, &info.state_machine_name, test_case.as_deref())?;
        let mut observer = observer;
        let mut first = BufferSink::logged(LogSink::for_execution(store, &record));
        // The execution's input is in its row: its ExecutionStarted refers to it.
        first.encoder = exec_store::EventEncoder::for_input(record.input.as_deref());
        let execution = Execution::start(
            &machine,
            info,
            &self.settings.clock,
            &mut Tee {
                sink: &mut first,
                observer: observer.as_deref_mut(),
            },
        );
        // No state is stored yet: until the first save, the record itself says how to start
        // it again ([`initial_execution`]), and a large input is not written twice.
        record.engine_state = None;
        let driving = owner::Driving::begin();
        let inserted = store.write(|s| {
            let Some(version) =
                leases::insert_owned(s, &record, &self.owner, self.lease_until(), &first.events)?
            else {
                return Ok(None);
            };
            if let Some(case) = &test_case {
                // A redrive or a resume runs against the same mock test case.
                crate::store::redrive::set_test_case(s, &record.arn, case)?;
            }
            if let Some(link) = parent {
                crate::store::nested::insert(s, link)?;
            }
            Ok::<_, StoreError>(Some(version))
        })?;
        let Some(version) = inserted else {
            return Err(RuntimeError::AlreadyExists(record.arn));
        };
        first.flush_log();
        record.version = version;
        let waited = parent.is_some_and(|link| link.pattern.waits());
        let mut held = self.hold(record, execution, machine, tasks, driving);
        if waited {
            held.cancel = cancel.clone();
        }
        // A child a parent's Task starts runs where the parent runs.
        let background = self
            .settings
            .background
            .as_ref()
            .filter(|_| parent.is_none());
        self.go(store, observer, held, background)
            .map(|(record, _)| record)
    }

    /// Runs `held` in the background when there is one (answering with its record as it
    /// is now), or here.
    fn go<'s>(
        &self,
        store: &'s Store,
        observer: Option<&'s mut dyn EventSink>,
        held: Held,
        background: Option<&Background>,
    ) -> Result<(ExecutionRecord, bool), RuntimeError> {
        match background {
            Some(background) => {
                let record = held.record.clone();
                (background.0)(held);
                Ok((record, false))
            }
            None => self.run_held(store, observer, held),
        }
    }

    /// Runs an execution this process holds until it ends or parks with nothing waiting
    /// for it, saving as it goes (see [`Background`]); returns its row as saved last, and
    /// whether another process took it over meanwhile (then nothing more was saved).
    pub fn run_held<'s>(
        &self,
        store: &'s Store,
        observer: Option<&'s mut dyn EventSink>,
        held: Held,
    ) -> Result<(ExecutionRecord, bool), RuntimeError> {
        let Held {
            mut record,
            mut execution,
            machine,
            tasks,
            owner,
            cancel,
            _driving,
        } = held;
        let (machine, tasks, owner) = (&machine, tasks.as_ref(), owner.as_str());
        let mut journal = Journal::new(store, owner, &record, &self.settings, observer);
        journal.cancel = cancel;
        journal.parent = crate::store::nested::get(store, &record.arn)?;
        loop {
            let progress = execution.run(&mut Env {
                machine,
                tasks,
                sink: &mut journal,
                options: self.settings.engine_options(),
            });
            if journal.lost {
                return Ok((record, true));
            }
            if let Some(e) = journal.error.take() {
                return Err(e.into());
            }
            record_outcome(
                &self.settings.clock,
                &mut record,
                &execution,
                &progress,
                journal.output_text.take(),
            )?;
            match journal.save_record(&record, true)? {
                Saved::Lost => return Ok((record, true)),
                Saved::Saved { version, held } => {
                    record.version = version;
                    if !held {
                        let parent = journal.parent.take();
                        drop(journal);
                        self.follow_up(store, &record, parent);
                        return Ok((record, false));
                    }
                }
            }
            // Something came for it while it parked: run on (the engine takes it at its
            // first checkpoint).
        }
    }

    /// What an execution that ended here moves on elsewhere: the `.sync` parent waiting
    /// for it (its outcome is queued on the parent's token) and the children it was
    /// waiting for (a stop is queued for them). Each is run here unless a live process
    /// holds it (that one applies what was queued); a failure here leaves it queued for
    /// the next process that looks.
    fn follow_up(
        &self,
        store: &Store,
        record: &ExecutionRecord,
        parent: Option<crate::store::nested::Link>,
    ) {
        if record.status == "RUNNING" {
            return;
        }
        if let Ok(children) = crate::store::nested::children_to_stop(store, &record.arn) {
            for child in children {
                let _ = self.drive(store, None, &child);
            }
        }
        if let Some(link) = parent.filter(|l| l.pattern.waits()) {
            let _ = self.drive(store, None, &link.parent_arn);
        }
    }

    /// Takes a running execution that nobody alive holds and runs it until it ends or
    /// parks, with this process's handlers and mocks: what any process does after
    /// queueing something for it.
    pub fn drive<'s>(
        &self,
        store: &'s Store,
        observer: Option<&'s mut dyn EventSink>,
        arn: &str,
    ) -> Result<Driven, RuntimeError> {
        match self.take(store, arn)? {
            Taken::Held(held) => self.finish(self.run_held(store, observer, *held)?),
            Taken::Not(driven) => Ok(driven),
        }
    }

    /// [`Runtime::drive`] in the background when there is one: what an operation that
    /// queued something for an execution (SendTask*) does before it answers.
    pub fn drive_on(&self, store: &Store, arn: &str) -> Result<Driven, RuntimeError> {
        match self.take(store, arn)? {
            Taken::Held(held) => {
                let background = self.settings.background.as_ref();
                self.finish(self.go(store, None, *held, background)?)
            }
            Taken::Not(driven) => Ok(driven),
        }
    }

    fn finish(&self, (record, lost): (ExecutionRecord, bool)) -> Result<Driven, RuntimeError> {
        Ok(if lost {
            Driven::Lost
        } else {
            Driven::Ran(record.status)
        })
    }

    /// StopExecution: queues the stop and applies it here if nobody alive holds the
    /// execution; otherwise waits (a while) for its holder to apply it. Returns the stop
    /// date.
    pub fn stop(
        &self,
        store: &Store,
        arn: &str,
        error: Option<&str>,
        cause: Option<&str>,
    ) -> Result<String, RuntimeError> {
        match leases::request_stop(store, arn, error, cause)? {
            StopRequest::Missing => return Err(RuntimeError::DoesNotExist(arn.into())),
            StopRequest::NotRunning(_) => return Err(RuntimeError::NotRunning(arn.into())),
            StopRequest::Queued => {}
        }
        // The holder applying the stop is another thread or process working in real
        // time: it is waited for in real time, whatever the clock.
        let waited = Instant::now();
        loop {
            match self.drive(store, None, arn) {
                Ok(Driven::Held) => {}
                Ok(_) => break,
                // This process could not resume it (its handlers are gone) but a stop
                // needs none: the next process that can, or the holder, applies it.
                Err(RuntimeError::Tasks(_)) => break,
                Err(e) => return Err(e),
            }
            if waited.elapsed() >= STOP_WAIT {
                break;
            }
            std::thread::sleep(engine::history::POLL_INTERVAL);
        }
        let record =
            exec_store::get(store, arn)?.ok_or_else(|| RuntimeError::DoesNotExist(arn.into()))?;
        match record.status.as_str() {
            "ABORTED" => Ok(record
                .stop_date
                .unwrap_or_else(|| date_text(self.settings.clock.now()))),
            // Queued, for a holder that is busy or a process that can serve its Tasks.
            "RUNNING" => Ok(date_text(self.settings.clock.now())),
            // It ended otherwise before the stop was applied: too late, as on AWS.
            _ => Err(RuntimeError::NotRunning(arn.into())),
        }
    }

    /// Moves on every execution that waits for this process's attention: task deadlines
    /// that passed become timeouts, and parked executions with an outcome waiting resume.
    /// Every command that uses the store calls this first, so that timeouts fire even when
    /// no one else calls. One execution that cannot resume here does not stop the others.
    pub fn sweep(&self, store: &Store) -> Result<(), RuntimeError> {
        task_tokens::expire(store, self.settings.clock.shared_now())?;
        let due = leases::runnable(
            store,
            self.settings.clock.shared_millis(),
            &owner::is_gone,
            false,
        )?;
        for arn in due {
            let _ = self.drive(store, None, &arn);
        }
        Ok(())
    }

    /// `sfn resume`: takes over the executions whose owner is gone (its lease ran out, or
    /// its pid no longer exists on this host), or only `only`, and runs each until it ends
    /// or parks. Returns each execution with its status now.
    pub fn resume_orphans(
        &self,
        store: &Store,
        only: Option<&str>,
    ) -> Result<Vec<Resumed>, RuntimeError> {
        task_tokens::expire(store, self.settings.clock.shared_now())?;
        let mut arns = leases::runnable(
            store,
            self.settings.clock.shared_millis(),
            &owner::is_gone,
            true,
        )?;
        if let Some(only) = only {
            arns.retain(|a| a == only);
        }
        Ok(arns
            .into_iter()
            .map(|arn| {
                let driven = self.drive(store, None, &arn);
                (arn, driven)
            })
            .collect())
    }

    /// RedriveExecution, once the API has checked it may: takes the ended execution back
    /// (if no other process did first) and runs it from where it failed.
    pub fn redrive(
        &self,
        store: &Store,
        mut record: ExecutionRecord,
        redrive_date: chrono::DateTime<chrono::Utc>,
    ) -> Result<ExecutionRecord, RuntimeError> {
        let mut execution = stored_execution(&record, &self.settings.clock)?;
        let machine = parse_stored(&record.definition)?;
        let test_case = crate::store::redrive::test_case(store, &record.arn)?;
        let tasks = self.runner(
            store,
            &execution.info.state_machine_name,
            test_case.as_deref(),
        )?;
        // The redrive counts itself in its events.
        let mut sink = BufferSink::logged(LogSink::new(
            store,
            &record.arn,
            &record.state_machine_arn,
            record.state_machine_version_arn.as_deref(),
            i64::from(execution.info.redrive_count) + 1,
        ));
        execution
            .redrive(&mut sink)
            .map_err(|e| RuntimeError::NotRunning(e.to_string()))?;
        record.status = "RUNNING".into();
        record.stop_date = None;
        record.output = None;
        record.error = None;
        record.cause = None;
        record.redrive_count = i64::from(execution.info.redrive_count);
        record.redrive_date = Some(date_text(redrive_date));
        record.engine_state = Some(to_state(&execution)?);
        let driving = owner::Driving::begin();
        let Some(version) = leases::claim_ended(
            store,
            &record,
            &self.owner,
            self.lease_until(),
            &sink.events,
        )?
        else {
            return Err(RuntimeError::Conflict(record.arn));
        };
        sink.flush_log();
        record.version = version;
        let held = self.hold(record, execution, machine, tasks, driving);
        self.go(store, None, held, self.settings.background.as_ref())
            .map(|(record, _)| record)
    }

    /// Runs an Express execution in memory to its end (StartSyncExecution): no history, no
    /// owner, nothing stored but its log (when its state machine logs).
    pub fn run_express(
        &self,
        store: &Store,
        machine: &StateMachine,
        info: ExecutionInfo,
        test_case: Option<&str>,
    ) -> Result<(Execution, Progress), RuntimeError> {
        let tasks = self.runner(store, &info.state_machine_name, test_case)?;
        let mut sink = BufferSink::logged(LogSink::new(
            store,
            &info.execution_arn,
            &info.state_machine_arn,
            info.state_machine_version_arn.as_deref(),
            0,
        ));
        let mut execution = Execution::start(machine, info, &self.settings.clock, &mut sink);
        let progress = execution.run(&mut Env {
            machine,
            tasks: tasks.as_ref(),
            sink: &mut sink,
            options: self.settings.engine_options(),
        });
        sink.flush_log();
        Ok((execution, progress))
    }
}
