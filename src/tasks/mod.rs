//! What a Task state does offline: mocked responses (Step Functions Local's mock file),
//! local command handlers, activities and callbacks. Implements
//! [`crate::engine::TaskRunner`] (owner: tasks work).
