//! Operations of this group; see [`super::call`].
use serde_json::Value;

use super::{ApiError, Context};

/// Answers the operations this module implements, `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: &Value) -> Option<Result<Value, ApiError>> {
    let _ = (ctx, operation, input);
    None
}
