//! The Amazon States Language: everything about a definition that does not need a store,
//! a clock or a terminal.
pub mod ast;
pub mod cache;
pub mod choice;
pub mod definition;
pub mod error;
pub mod field;
pub mod host;
pub mod intrinsics;
pub mod jsonata;
pub mod path;
pub mod resource;
pub mod source;
pub mod template;
pub mod timestamp;
pub mod validate;
pub mod variable_references;
pub mod vars;

pub use error::StatesError;
pub use vars::Variables;
