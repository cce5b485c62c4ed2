//! Compiled expressions and one evaluation with sfn's limits. A definition's expressions
//! are compiled with it ([`super::Expr`]); the per-thread cache serves expressions met at
//! run time (ItemReader/ResultWriter arguments) and the validator.
use std::sync::Arc;
use std::time::Duration;

use jlens_core::reads::Read;
use jlens_core::{Expression, Options};
use serde_json::Value;

use super::{functions, memory};
use crate::asl::cache::TextCache;
use crate::asl::Variables;

/// Guardrails so that a hostile expression fails instead of hanging or exhausting sfn. AWS
/// publishes no limits; these are far above what a 256 KiB state payload needs.
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const MAX_DEPTH: usize = 10_000;
pub const MAX_STRING_BYTES: usize = 16 << 20;
/// JSONata's own range limit (`D2014` above 10^7 items): `[1..10000000]` must fit.
pub const MAX_ARRAY_ITEMS: usize = 10_000_000;
pub const MAX_RESULT_BYTES: usize = 64 << 20;
/// The most memory one evaluation may hold: `[1..10000000]` (10^7 numbers) takes about a
/// quarter of it.
pub const MAX_MEMORY_BYTES: usize = 1 << 30;

/// The most distinct expressions kept per thread; a definition has far fewer.
const CACHE_CAPACITY: usize = 4096;

/// An expression compiled once, with the bindings it reads (found without evaluating it).
pub struct Compiled {
    expression: Expression,
    /// What it reads of `$states`, if anything.
    states: Option<Read>,
    /// The other free variables, with what each reads; the AWS functions are left out.
    variables: Vec<(String, Read)>,
}

/// What an evaluation gave.
pub enum Outcome {
    Value(Value),
    Undefined,
    /// A function (lambda, built-in): not a JSON value.
    Function,
}

thread_local! {
    /// The timeout in force; tests shorten it to see it fire.
    static TIMEOUT_IN_FORCE: std::cell::Cell<Duration> = const { std::cell::Cell::new(TIMEOUT) };
    /// The memory limit in force; tests lower it to see it fire without holding a GiB.
    static MEMORY_LIMIT_IN_FORCE: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_MEMORY_BYTES) };
    static CACHE: TextCache<Arc<Compiled>> = TextCache::new(CACHE_CAPACITY);
    static BASE: jlens_core::Bindings = functions::base_bindings();
}

/// Compiles `source`, or takes it from the cache.
pub fn compile(source: &str) -> Result<Arc<Compiled>, jlens_core::Error> {
    CACHE.with(|cache| cache.get_or_compile(source, || compile_uncached(source)))
}

fn compile_uncached(source: &str) -> Result<Arc<Compiled>, jlens_core::Error> {
    let expression = Expression::compile(source)?;
    let reads = BASE.with(|base| expression.reads_with(base));
    let mut states = None;
    let mut variables = Vec::new();
    for (name, read) in reads.bindings() {
        if name == "states" {
            states = Some(read.clone());
        } else if !functions::AWS_FUNCTIONS.contains(&name.as_str()) && name != "eval" {
            variables.push((name.clone(), read.clone()));
        }
    }
    Ok(Arc::new(Compiled {
        expression,
        states,
        variables,
    }))
}

/// The names of the variables (without `$`) an expression reads, except `$states` and the
/// functions AWS adds; local variables and parameters are not free, so not listed.
pub fn free_variables(source: &str) -> Result<Vec<String>, jlens_core::Error> {
    let compiled = compile(source)?;
    Ok(compiled
        .variables
        .iter()
        .map(|(name, _)| name.clone())
        .collect())
}

/// Sets this thread's evaluation timeout (tests and fuzzing only).
#[cfg(any(test, fuzzing))]
pub fn set_timeout(timeout: Duration) {
    TIMEOUT_IN_FORCE.with(|t| t.set(timeout));
}

/// Sets this thread's memory limit for one evaluation (tests and fuzzing only).
#[cfg(any(test, fuzzing))]
pub fn set_memory_limit(bytes: usize) {
    MEMORY_LIMIT_IN_FORCE.with(|limit| limit.set(bytes));
}

fn options() -> Options {
    Options::new()
        .timeout(TIMEOUT_IN_FORCE.with(std::cell::Cell::get))
        .max_depth(MAX_DEPTH)
        .max_string_length(MAX_STRING_BYTES)
        .max_array_length(MAX_ARRAY_ITEMS)
        .max_result_size(MAX_RESULT_BYTES)
}

impl Compiled {
    /// Evaluates with no input document (expressions read `$states` instead), binding only
    /// the parts of `$states` and of the variables the expression can read.
    pub fn evaluate(
        &self,
        states: &Value,
        vars: &dyn Variables,
    ) -> Result<Outcome, jlens_core::Error> {
        let mut bindings = BASE.with(Clone::clone);
        if let Some(read) = &self.states {
            bindings = bindings.var("states", read.cut(states));
        }
        for (name, read) in &self.variables {
            if let Some(value) = vars.get(name) {
                bindings = bindings.var(name.as_str(), read.cut(value));
            }
        }
        match run(&self.expression, &bindings)? {
            Some(value) => Ok(Outcome::Value(value)),
            // Functions convert to nothing; tell them apart from undefined, which only
            // failing fields pay for.
            None if self.is_function(&bindings) => Ok(Outcome::Function),
            None => Ok(Outcome::Undefined),
        }
    }

    fn is_function(&self, bindings: &jlens_core::Bindings) -> bool {
        let source = format!("$type(({}\n))", self.expression.source());
        let Ok(probe) = compile(&source) else {
            return false;
        };
        matches!(
            run(&probe.expression, bindings),
            Ok(Some(Value::String(kind))) if kind == "function"
        )
    }
}

/// One evaluation with sfn's limits, memory included.
fn run(
    expression: &Expression,
    bindings: &jlens_core::Bindings,
) -> Result<Option<Value>, jlens_core::Error> {
    let limit = MEMORY_LIMIT_IN_FORCE.with(std::cell::Cell::get);
    let (result, exceeded) = memory::watched(limit, |token| {
        let options = options().cancel_token(token.clone());
        expression.evaluate_with(None, bindings, &options)
    });
    if exceeded {
        return Err(jlens_core::Error::new("U1001").with(
            "message",
            format!(
                "The evaluation would hold more than the memory limit of {} MiB",
                limit >> 20
            ),
        ));
    }
    result
}
