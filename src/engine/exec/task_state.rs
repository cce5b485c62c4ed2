//! Task states: invoking the resource through the `TaskRunner` and the task events.
use super::*;

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
        let form = ResourceForm::of(&task.resource);
        // A resource that cannot be served at all (a deleted activity) fails before it is
        // scheduled, as AWS does: States.Runtime right after TaskStateEntered.
        if let Err(err) = env.tasks.check(&state.name, &task.resource) {
            self.fail_state(thread, state, err, env);
            return Ok(());
        }
        // Each attempt gets its own token, readable as `$$.Task.Token`.
        let token = form.needs_token().then(|| uuid::Uuid::new_v4().to_string());
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
        let (scheduled_type, scheduled) = form.scheduled(
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
        if let Some((started_type, started)) = form.started() {
            thread.last_event = self.emit(
                env.sink,
                thread.silent,
                started_type,
                thread.last_event,
                started.map(Details::from),
            );
        }
        let call = Call {
            form,
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
            form,
            token,
            effective,
            timeout,
            heartbeat,
            ..
        } = call;
        if outcome == TaskOutcome::Pending {
            // The request part's response (a callback handler's output) is what AWS
            // records as TaskSubmitted before the task waits for its token.
            if let (ResourceForm::Integration { .. }, Some(token)) = (&form, token.as_deref()) {
                if let Some(response) = env.tasks.submitted(token) {
                    let details = form.submitted(&response);
                    thread.last_event = self.emit(
                        env.sink,
                        thread.silent,
                        EventType::TaskSubmitted,
                        thread.last_event,
                        Some(details.into()),
                    );
                }
            }
            let activity_arn = match &form {
                ResourceForm::Activity { arn } => Some(arn.clone()),
                _ => None,
            };
            let Kind::Task(task) = &state.kind else {
                return;
            };
            thread.phase = Phase::Parked {
                task: ParkedTask {
                    task_token: token.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
                    state_name: state.name.clone(),
                    resource: task.resource.clone(),
                    activity_arn,
                    input: to_text(&effective),
                    timeout_seconds: timeout,
                    heartbeat_seconds: heartbeat,
                },
                form,
                started: false,
            };
            self.frames.push(Frame::Thread(Box::new(thread)));
            return;
        }
        self.task_outcome(thread, state, form, outcome, env);
    }

    pub(super) fn task_outcome(
        &mut self,
        mut thread: Thread,
        state: &State,
        form: ResourceForm,
        outcome: TaskOutcome,
        env: &mut Env,
    ) {
        let outcome = match outcome {
            TaskOutcome::Succeeded(result) if json_len(&result) > MAX_PAYLOAD_BYTES => {
                TaskOutcome::Failed(StatesError::new(
                    names::DATA_LIMIT_EXCEEDED,
                    format!(
                        "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                        form.limit_name()
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
}
