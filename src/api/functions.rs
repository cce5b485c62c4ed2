//! Lambda functions deployed from templates (`sfn deploy`): not an AWS Step Functions
//! operation, but state of the local app that Tasks invoking the functions read.
use super::{ApiError, Context};
use crate::store::functions::{self, FunctionRecord};

/// What recording a function did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Created,
    Updated,
    Unchanged,
}

/// Records (or replaces) a deployed function; an identical record is left as it is.
pub fn put_function(ctx: &mut Context, record: &FunctionRecord) -> Result<Recorded, ApiError> {
    let existing = functions::get(&ctx.store, &record.arn)?;
    if existing.as_ref() == Some(record) {
        return Ok(Recorded::Unchanged);
    }
    functions::put(&ctx.store, record)?;
    Ok(if existing.is_some() {
        Recorded::Updated
    } else {
        Recorded::Created
    })
}
