//! The time the service goes by: the system's, or a manual one that moves only when told
//! (tests of timeouts and heartbeats advance it instead of sleeping). Depends on nothing
//! else in the crate.
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system clock. Else the manual time, microseconds since the epoch,
    /// shared by every copy of this clock.
    manual: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub const fn system() -> Clock {
        Clock { manual: None }
    }

    /// A clock that stands at `start` until [`Clock::advance`] moves it.
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock {
            manual: Some(Arc::new(AtomicI64::new(start.timestamp_micros()))),
        }
    }

    pub fn is_manual(&self) -> bool {
        self.manual.is_some()
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.manual {
            None => Utc::now(),
            Some(micros) => {
                DateTime::from_timestamp_micros(micros.load(Ordering::SeqCst)).unwrap_or_default()
            }
        }
    }

    /// Milliseconds since the epoch.
    pub fn now_millis(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// Moves a manual clock forward by `by` (every copy sees it); the system clock cannot
    /// be moved, and stays as it is.
    pub fn advance(&self, by: Duration) {
        if let Some(micros) = &self.manual {
            let by = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
            micros.fetch_add(by, Ordering::SeqCst);
        }
    }

    /// Waits `duration`: sleeps on the system clock; a manual clock moves forward instead.
    pub fn sleep(&self, duration: Duration) {
        match &self.manual {
            None => std::thread::sleep(duration),
            Some(_) => self.advance(duration),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_copies_follow() {
        let start = DateTime::from_timestamp_millis(1_700_000_000_123).unwrap();
        let clock = Clock::manual(start);
        let copy = clock.clone();
        assert_eq!(clock.now(), start);
        clock.advance(Duration::from_millis(1500));
        assert_eq!(copy.now_millis(), 1_700_000_001_623);
        copy.sleep(Duration::from_secs(60));
        assert_eq!(clock.now_millis(), 1_700_000_061_623);
    }

    #[test]
    fn the_system_clock_is_the_systems() {
        let clock = Clock::system();
        assert!(!clock.is_manual());
        let before = Utc::now();
        let now = clock.now();
        assert!(now >= before && now <= Utc::now());
    }
}
