//! Data flow of one state: context object, InputPath/Parameters/ResultSelector/ResultPath/
//! OutputPath, Assign.
use super::*;

impl Execution {
    /// The context object as a state sees it.
    pub(super) fn context(
        &self,
        thread: &Thread,
        state: &State,
        extra: Option<(&str, Value)>,
    ) -> Value {
        if !state.uses_context {
            return Value::Null;
        }
        let info = &self.info;
        let mut state_ctx = Map::new();
        state_ctx.insert(
            "EnteredTime".into(),
            iso_millis(thread.entered_millis).into(),
        );
        state_ctx.insert("Name".into(), state.name.clone().into());
        if matches!(
            state.kind,
            Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
        ) {
            state_ctx.insert("RetryCount".into(), thread.retry_count.into());
        }
        let mut ctx = Map::new();
        let mut execution = json!({
            "Id": info.execution_arn,
            "Input": self.execution_input(),
            "StartTime": iso_millis(info.start_millis),
            "Name": info.execution_name,
            "RoleArn": info.role_arn,
            "RedriveCount": info.redrive_count,
        });
        if let Value::Object(members) = &mut execution {
            // Express: no RedriveCount; redriven: RedriveTime (redrive.rs).
            self.execution_context(members);
        }
        ctx.insert("Execution".into(), execution);
        ctx.insert(
            "StateMachine".into(),
            json!({"Id": info.state_machine_arn, "Name": info.state_machine_name}),
        );
        ctx.insert("State".into(), Value::Object(state_ctx));
        if let Some((key, value)) = extra {
            ctx.insert(key.into(), value);
        }
        Value::Object(ctx)
    }

    /// Runs the work of a state whose Entered event is out.
    pub(super) fn run_state(&mut self, thread: Thread, state: &State, env: &mut Env) {
        let result = match &state.kind {
            Kind::Pass { result } => self.simple_state(thread, state, result.as_ref(), env),
            Kind::Choice(_) | Kind::Wait(_) | Kind::Succeed => {
                self.simple_state(thread, state, None, env)
            }
            Kind::Fail(_) => self.fail_state_type(thread, state, env),
            Kind::Task(_) => self.start_task(thread, state, env),
            Kind::Parallel { .. } | Kind::Map(_) => self.start_fan(thread, state, env),
        };
        if let Err((thread, err)) = result {
            self.eval_failed(*thread, state, err, env);
        }
    }

    /// The state's data flow, over the thread's input and variables.
    pub(super) fn input_path(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
    ) -> Result<Value, StatesError> {
        self.with_flow(thread, state, ctx, |flow| flow.input_path(&mut Unobserved))
    }

    /// InputPath + Parameters (JSONPath) or Arguments (JSONata): what the work receives.
    pub(super) fn effective_input(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
    ) -> Result<Value, StatesError> {
        self.with_flow(thread, state, ctx, |flow| {
            flow.effective_input(&mut Unobserved)
        })
    }

    /// The output and assignments of a state whose work produced `result`
    /// ([`Flow::output`]).
    pub(super) fn state_output(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
        result: Value,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        self.state_output_with(thread, state, ctx, result, None, None)
    }

    /// [`Self::state_output`] after a Choice `rule`, or given the raw input by value when
    /// the caller no longer needs it.
    pub(super) fn state_output_with(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
        result: Value,
        rule: Option<&ChoiceRule>,
        raw: Option<Value>,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        self.with_flow(thread, state, ctx, |flow| {
            flow.output(result, rule, raw, &mut Unobserved)
        })
    }

    /// The output's text when AWS would show a text the state passed on unchanged rather
    /// than our serialization: the raw text of its input (`thread.raw_text`) or of its
    /// result (`result_raw`, a Parallel's). `None`: serialize the output.
    pub(super) fn output_raw(
        &self,
        thread: &Thread,
        state: &State,
        result_raw: Option<String>,
        output_override: bool,
    ) -> Option<String> {
        match passed_on(state, output_override) {
            Passed::Input => thread.raw_text.clone(),
            Passed::Result => result_raw,
            Passed::Nothing => None,
        }
    }
}

/// `InputPath`/`OutputPath`/`ResultPath` that select the whole value.
pub(super) fn is_identity(path: &PathField) -> bool {
    match path {
        PathField::Default => true,
        PathField::Path(p) => p.text() == "$",
        PathField::Null => false,
    }
}

/// What a state's output is, unchanged: its input, its result, or neither.
enum Passed {
    Input,
    Result,
    Nothing,
}

/// Follows the state's data flow: what its output is without any field transforming it.
/// `output_override`: a Choice rule's own `Output`.
fn passed_on(state: &State, output_override: bool) -> Passed {
    let result_only = matches!(state.kind, Kind::Parallel { .. } | Kind::Map(_));
    let carries_input = matches!(
        state.kind,
        Kind::Pass { .. } | Kind::Choice(_) | Kind::Wait(_) | Kind::Succeed
    );
    match state.query_language {
        QueryLanguage::Jsonata => {
            if output_override || state.output.is_some() {
                Passed::Nothing
            } else if carries_input {
                Passed::Input
            } else if result_only {
                Passed::Result
            } else {
                Passed::Nothing
            }
        }
        QueryLanguage::JsonPath => {
            let effective_is_input = is_identity(&state.input_path)
                && (state.parameters.is_none() || !matches!(state.kind, Kind::Pass { .. }));
            let result = match &state.kind {
                Kind::Pass { result: Some(_) } => Passed::Nothing,
                _ if carries_input && effective_is_input => Passed::Input,
                _ if result_only && state.result_selector.is_none() => Passed::Result,
                _ => Passed::Nothing,
            };
            let produces_result =
                !matches!(state.kind, Kind::Choice(_) | Kind::Wait(_) | Kind::Succeed);
            let merged = if !produces_result {
                result
            } else {
                match &state.result_path {
                    PathField::Null => Passed::Input,
                    path if is_identity(path) => result,
                    _ => Passed::Nothing,
                }
            };
            if is_identity(&state.output_path) {
                merged
            } else {
                Passed::Nothing
            }
        }
    }
}
