//! Lambda functions deployed from templates (`sfn deploy`): not an AWS Step Functions
//! operation, but state of the local app that Tasks invoking the functions read.
use super::{ApiError, Context};
use crate::store::functions::{self, FunctionRecord};

/// Records (or replaces) a deployed function.
pub fn put_function(ctx: &mut Context, record: &FunctionRecord) -> Result<(), ApiError> {
    functions::put(&ctx.store, record)?;
    Ok(())
}
