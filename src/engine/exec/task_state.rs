//! Task states: invoking the resource through the `TaskRunner` and the task events.
use super::*;
use crate::asl::resource::Resource;

impl Execution {
    pub(super) fn start_task(
        &mut self,
        mut thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let Kind::Task(task) = &state.kind else {
            return Ok(());
        };
        let events = TaskEvents(&task.resource);
        // A resource that cannot be served at all (a deleted activity) fails before it is
        // scheduled, as AWS does: States.Runtime right after TaskStateEntered.
        if let Err(err) = env.tasks.check(&state.name, &task.resource) {
            self.fail_state(thread, state, err, env);
            return Ok(());
        }
        // Each attempt gets its own token, readable as `$$.Task.Token`.
        let token = task
            .resource
            .needs_token()
            .then(|| uuid::Uuid::new_v4().to_string());
        let ctx = self.context(
            &thread,
            state,
            token.as_ref().map(|t| ("Task", json!({ "Token": t }))),
        );
        let prepared = (|| -> Result<PreparedTask, StatesError> {
            let effective = self.effective_input(&thread, state, &ctx)?;
            let vars = self.vars(&thread);
            let flow = Flow::new(state, &thread.input, &ctx, &vars);
            let (timeout, heartbeat) = step::task_limits(&flow, task)?;
            let states = flow.states(None, None);
            let scope = flow.scope(&thread.input);
            let credentials = match &task.credentials {
                Some(c) => Some(c.evaluate("Credentials", &scope.with_states(&states))?),
                None => None,
            };
            // Events spell the role `roleArn`.
            let credentials = credentials.map(|c| match c {
                Value::Object(map) => Value::Object(
                    map.into_iter()
                        .map(|(k, v)| match k.as_str() {
                            "RoleArn" => ("roleArn".to_string(), v),
                            _ => (k, v),
                        })
                        .collect(),
                ),
                other => other,
            });
            Ok((effective, timeout, heartbeat, credentials))
        })();
        let (effective, timeout, heartbeat, credentials) = match prepared {
            Ok(v) => v,
            Err(e) => return Err((Box::new(thread), e)),
        };
        let region = self.info.region.clone();
        let (scheduled_type, scheduled) = events.scheduled(
            &effective,
            timeout,
            heartbeat,
            credentials.as_ref(),
            &region,
        );
        thread.last_event = self.emit(
            env.sink,
            thread.silent,
            scheduled_type,
            thread.last_event,
            Some(scheduled.into()),
        );
        let counter = self.invocations.entry(state.name.clone()).or_insert(0);
        let invocation_index = *counter;
        *counter += 1;
        let invocation = TaskInvocation {
            state_name: &state.name,
            resource: &task.resource,
            input: &effective,
            timeout_seconds: timeout,
            heartbeat_seconds: heartbeat,
            task_token: token.as_deref(),
            execution_arn: &self.info.execution_arn,
            state_machine_name: &self.info.state_machine_name,
            invocation_index,
            clock: &self.clock,
            // Inline invocations answer at once: nothing to cancel.
            cancel: Cancel::never(),
        };
        // An invocation that may take a while runs on a task thread: the other branches
        // and iterations go on meanwhile, and the execution hears of a stop.
        let background = env.tasks.may_block(&invocation);
        let outcome = (!background).then(|| env.tasks.invoke(&invocation));
        if let Some((started_type, started)) = events.started() {
            thread.last_event = self.emit(
                env.sink,
                thread.silent,
                started_type,
                thread.last_event,
                started.map(Details::from),
            );
        }
        let call = Call {
            token,
            effective,
            timeout,
            heartbeat,
            invocation_index,
        };
        match outcome {
            Some(outcome) => self.task_returned(thread, state, call, outcome, env),
            None => {
                let ticket = self.next_ticket;
                self.next_ticket += 1;
                self.outbox.push(Dispatch {
                    ticket,
                    state_name: state.name.clone(),
                    resource: task.resource.clone(),
                    input: call.effective.clone(),
                    timeout_seconds: timeout,
                    heartbeat_seconds: heartbeat,
                    task_token: call.token.clone(),
                    invocation_index,
                });
                thread.phase = Phase::InFlight {
                    ticket,
                    call: Box::new(call),
                };
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
        }
        Ok(())
    }

    /// What follows an invocation's return: the task waits for its outcome from outside
    /// (`Pending`), or its outcome is handled.
    pub(super) fn task_returned(
        &mut self,
        mut thread: Thread,
        state: &State,
        call: Call,
        outcome: TaskOutcome,
        env: &mut Env,
    ) {
        let Call {
            token,
            effective,
            timeout,
            heartbeat,
            ..
        } = call;
        if outcome == TaskOutcome::Pending {
            let Kind::Task(task) = &state.kind else {
                return self.not_a_task(thread, state, env);
            };
            let activity_arn = match task.resource.parsed() {
                Resource::Activity { .. } => Some(task.resource.arn().to_string()),
                _ => None,
            };
            // The request part's response (a callback handler's output) is what AWS
            // records as TaskSubmitted before the task waits for its token.
            let integration = task.resource.integration().is_some();
            if let (true, Some(token)) = (integration, token.as_deref()) {
                if let Some(response) = env.tasks.submitted(token) {
                    let details = TaskEvents(&task.resource).submitted(&response);
                    thread.last_event = self.emit(
                        env.sink,
                        thread.silent,
                        EventType::TaskSubmitted,
                        thread.last_event,
                        Some(details.into()),
                    );
                }
            }
            thread.phase = Phase::Parked {
                task: ParkedTask {
                    task_token: token.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
                    state_name: state.name.clone(),
                    resource: task.resource.arn().to_string(),
                    activity_arn,
                    input: to_text(&effective),
                    timeout_seconds: timeout,
                    heartbeat_seconds: heartbeat,
                },
                started: false,
            };
            self.frames.push(Frame::Thread(Box::new(thread)));
            return;
        }
        self.task_outcome(thread, state, outcome, env);
    }

    pub(super) fn task_outcome(
        &mut self,
        mut thread: Thread,
        state: &State,
        outcome: TaskOutcome,
        env: &mut Env,
    ) {
        let Kind::Task(task) = &state.kind else {
            return self.not_a_task(thread, state, env);
        };
        let form = TaskEvents(&task.resource);
        let outcome = match outcome {
            TaskOutcome::Succeeded(result) if json_len(&result) > MAX_PAYLOAD_BYTES => {
                TaskOutcome::Failed(StatesError::new(
                    names::DATA_LIMIT_EXCEEDED,
                    format!(
                        "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                        task.resource.limit_name()
                    ),
                ))
            }
            other => other,
        };
        match outcome {
            TaskOutcome::Succeeded(result) => {
                let (t, d) = form.succeeded(&result);
                thread.last_event = self.emit(
                    env.sink,
                    thread.silent,
                    t,
                    thread.last_event,
                    Some(d.into()),
                );
                let ctx = self.context(&thread, state, None);
                match self.state_output(&thread, state, &ctx, result) {
                    Ok((output, assigned)) => self.exit_state(thread, state, output, assigned, env),
                    Err(e) => self.eval_failed(thread, state, e, env),
                }
            }
            failed @ (TaskOutcome::Failed(_) | TaskOutcome::TimedOut) => {
                let ((t, d), err) = match failed {
                    TaskOutcome::Failed(err) => (form.failed(&err), err),
                    _ => (
                        form.timed_out(),
                        StatesError {
                            error: Some(names::TIMEOUT.into()),
                            cause: None,
                        },
                    ),
                };
                thread.last_event = self.emit(
                    env.sink,
                    thread.silent,
                    t,
                    thread.last_event,
                    Some(d.into()),
                );
                thread.task_failed = true;
                self.fail_state(thread, state, err, env);
            }
            TaskOutcome::Pending => {
                // Only a first invocation can wait (start_task parks it); a delivered
                // outcome is final.
                let err = StatesError::runtime("A task outcome was delivered as pending.");
                self.fail_state(thread, state, err, env);
            }
        }
    }

    /// A task's outcome came back to a state that is not a Task: the execution was
    /// resumed with another definition than the one it ran.
    fn not_a_task(&mut self, thread: Thread, state: &State, env: &mut Env) {
        let err = StatesError::runtime(format!(
            "internal error: a task outcome came back to state '{}', which is not a Task",
            state.name
        ));
        self.end_thread(thread, Err(err), env);
    }
}
