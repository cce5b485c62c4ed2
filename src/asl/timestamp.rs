//! Timestamps in the RFC 3339 profile AWS accepts (uppercase `T`, a zone, 0-9 fraction
//! digits), as used by Wait and the Timestamp* Choice operators.
use chrono::{DateTime, FixedOffset};

/// Parses a timestamp as AWS does; `None` when AWS would reject it.
pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
    if text.contains(' ') || !text.contains('T') {
        return None;
    }
    DateTime::parse_from_rfc3339(text).ok()
}
