//! Errors as the service returns them: an AWS error code and a message.
use std::fmt;

pub use super::model_enums::ErrorCode;

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

/// An error's code: one of the service's (the AWS model's), or one of our own for
/// requests that never reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Service(ErrorCode),
    /// botocore's name for a request it refuses to send.
    ParamValidation,
    NotImplemented,
    UnknownOperation,
    InternalError,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Service(code) => code.as_str(),
            Code::ParamValidation => "ParamValidation",
            Code::NotImplemented => "NotImplemented",
            Code::UnknownOperation => "UnknownOperation",
            Code::InternalError => "InternalError",
        }
    }

    pub fn kind(self) -> ErrorKind {
        match self {
            Code::Service(_) => ErrorKind::Service,
            Code::ParamValidation => ErrorKind::Parameter,
            Code::NotImplemented => ErrorKind::NotImplemented,
            Code::UnknownOperation | Code::InternalError => ErrorKind::Internal,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<ErrorCode> for Code {
    fn from(code: ErrorCode) -> Code {
        Code::Service(code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: Code,
    pub message: String,
}

impl ApiError {
    /// A service error with an AWS error code.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code: Code::Service(code),
            message: message.into(),
        }
    }

    pub fn parameter(message: impl Into<String>) -> ApiError {
        ApiError {
            code: Code::ParamValidation,
            message: message.into(),
        }
    }

    pub fn not_implemented(operation: &str) -> ApiError {
        ApiError {
            code: Code::NotImplemented,
            message: format!("the {operation} operation is not implemented in sfn yet"),
        }
    }

    pub fn unknown_operation(operation: &str) -> ApiError {
        ApiError {
            code: Code::UnknownOperation,
            message: format!("unknown operation {operation}"),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            code: Code::InternalError,
            message: message.into(),
        }
    }

    /// How the CLI reports it (exit code) and the server answers it (HTTP status).
    pub fn kind(&self) -> ErrorKind {
        self.code.kind()
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
            E::AlreadyExists(_) => ApiError::new(ErrorCode::ExecutionAlreadyExists, message),
            E::DoesNotExist(_) => ApiError::new(ErrorCode::ExecutionDoesNotExist, message),
            E::NotRunning(_) => ApiError::new(ErrorCode::ValidationException, message),
            E::Conflict(_) => ApiError::new(ErrorCode::ExecutionNotRedrivable, message),
            E::InvalidDefinition(_) => ApiError::new(ErrorCode::InvalidDefinition, message),
            E::Internal(_) => ApiError::internal(message),
        }
    }
}
