//! Errors as the service returns them: an AWS error code and a message.
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An error the service itself returns (`StateMachineDoesNotExist`, ...): CLI exit 254.
    Service,
    /// The request could not be formed (bad parameter value): CLI exit 252.
    Parameter,
    /// An operation `sfn` has not built yet: CLI exit 255.
    NotImplemented,
    /// Anything else (store failures...): CLI exit 255.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
}

impl ApiError {
    /// A service error with an AWS error code.
    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            kind: ErrorKind::Service,
            code: code.to_string(),
            message: message.into(),
        }
    }

    pub fn parameter(message: impl Into<String>) -> ApiError {
        ApiError {
            kind: ErrorKind::Parameter,
            code: "ParamValidation".into(),
            message: message.into(),
        }
    }

    pub fn not_implemented(operation: &str) -> ApiError {
        ApiError {
            kind: ErrorKind::NotImplemented,
            code: "NotImplemented".into(),
            message: format!("the {operation} operation is not implemented in sfn yet"),
        }
    }

    pub fn unknown_operation(operation: &str) -> ApiError {
        ApiError {
            kind: ErrorKind::Internal,
            code: "UnknownOperation".into(),
            message: format!("unknown operation {operation}"),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            kind: ErrorKind::Internal,
            code: "InternalError".into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        ApiError::internal(e.to_string())
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal(format!("store error: {e}"))
    }
}

impl From<crate::runtime::RuntimeError> for ApiError {
    fn from(e: crate::runtime::RuntimeError) -> Self {
        use crate::runtime::RuntimeError as E;
        let message = e.to_string();
        match e {
            E::Store(e) => e.into(),
            E::Tasks(e) => e.into(),
            E::AlreadyExists(_) => ApiError::new("ExecutionAlreadyExists", message),
            E::DoesNotExist(_) => ApiError::new("ExecutionDoesNotExist", message),
            E::NotRunning(_) => ApiError::new("ValidationException", message),
            E::Conflict(_) => ApiError::new("ExecutionNotRedrivable", message),
            E::InvalidDefinition(_) => ApiError::new("InvalidDefinition", message),
            E::Internal(_) => ApiError::internal(message),
        }
    }
}
