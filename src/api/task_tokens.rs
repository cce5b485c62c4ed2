//! Operations of this group; see [`super::call`].
use serde_json::Value;

use super::{ApiError, Context};

/// Answers the operations this module implements, `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: &Value) -> Option<Result<Value, ApiError>> {
    let _ = (ctx, operation, input);
    None
}

/// A mock config or handlers file that cannot be used, or a `#<test case>` it lacks: the
/// request that starts the execution fails with the reason.
impl From<crate::tasks::TasksError> for ApiError {
    fn from(e: crate::tasks::TasksError) -> Self {
        ApiError::new("ValidationException", e.to_string())
    }
}
