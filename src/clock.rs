//! The time the service goes by: the system's; a manual one that moves only when told
//! (tests of timeouts and heartbeats advance it instead of sleeping); or a virtual one
//! (`SFN_CLOCK=virtual`) that runs with the system's and jumps ahead to the next wake-up
//! whenever every execution of the process waits on time. Depends on nothing else in the
//! crate.
use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// `Utc::now()`, with the date of the day kept from one call to the next: every history
/// event reads the clock, and working out the calendar date from the days since the epoch
/// each time was a visible share of a long execution.
fn system_now() -> DateTime<Utc> {
    thread_local! {
        static DAY: Cell<Option<(i64, NaiveDate)>> = const { Cell::new(None) };
    }
    let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) else {
        return Utc::now();
    };
    let secs = since.as_secs() as i64;
    let days = secs.div_euclid(86_400);
    let date = match DAY.with(|d| d.get()) {
        Some((day, date)) if day == days => date,
        _ => {
            // Days from 0001-01-01 (CE day 1) to 1970-01-01 are 719,163.
            let Some(date) = i32::try_from(days + 719_163)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
            else {
                return Utc::now();
            };
            DAY.with(|d| d.set(Some((days, date))));
            date
        }
    };
    let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt(
        secs.rem_euclid(86_400) as u32,
        since.subsec_nanos(),
    ) else {
        return Utc::now();
    };
    NaiveDateTime::new(date, time).and_utc()
}

#[derive(Debug, Clone, Default)]
pub struct Clock {
    kind: Kind,
}

#[derive(Debug, Clone, Default)]
enum Kind {
    #[default]
    System,
    /// Microseconds since the epoch, shared by every copy of this clock.
    Manual(Arc<AtomicI64>),
    Virtual(Arc<Virtual>),
}

/// A virtual clock is the system's plus what it has skipped. Like a paused async runtime's
/// time, it skips only when nothing in the process can go on but by waiting for time: no
/// thread is busy (stepping an execution, or running a Task invocation, which takes real
/// time and must time out honestly), and at least one rests until a known time. It then
/// jumps to the earliest of those times. Skipped time is this process's own: what other
/// processes share (leases, task-token deadlines) goes by [`Clock::shared_now`].
#[derive(Debug, Default)]
struct Virtual {
    skipped_micros: AtomicI64,
    waits: Mutex<Waits>,
    moved: Condvar,
}

#[derive(Debug, Default)]
struct Waits {
    busy: usize,
    /// Resting threads waiting for a time on the clock: (microseconds, ticket).
    sleepers: BTreeSet<(i64, u64)>,
    tickets: u64,
}

impl Virtual {
    fn now_micros(&self) -> i64 {
        Utc::now().timestamp_micros() + self.skipped_micros.load(Ordering::SeqCst)
    }

    fn waits(&self) -> MutexGuard<'_, Waits> {
        self.waits.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// With no one busy, jumps to the earliest wake-up, if it is ahead, and wakes the
    /// sleepers to look again.
    fn settle(&self, waits: &Waits) {
        if waits.busy > 0 {
            return;
        }
        if let Some(&(first, _)) = waits.sleepers.first() {
            let ahead = first - self.now_micros();
            if ahead > 0 {
                self.skipped_micros.fetch_add(ahead, Ordering::SeqCst);
            }
            self.moved.notify_all();
        }
    }
}

impl Clock {
    /// The system clock.
    pub const fn system() -> Clock {
        Clock { kind: Kind::System }
    }

    /// A clock that stands at `start` until [`Clock::advance`] moves it.
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock {
            kind: Kind::Manual(Arc::new(AtomicI64::new(start.timestamp_micros()))),
        }
    }

    /// A virtual clock (see [`Clock`]'s module): it starts at the system's time. Every
    /// copy is the same clock.
    pub fn virtual_clock() -> Clock {
        Clock {
            kind: Kind::Virtual(Arc::default()),
        }
    }

    /// The clock a setting names (`SFN_CLOCK`): `system` (the default, also for an empty
    /// value) or `virtual`. The error says what is wrong.
    pub fn from_setting(value: Option<&str>) -> Result<Clock, String> {
        match value.map(str::trim) {
            None | Some("" | "system") => Ok(Clock::system()),
            Some("virtual") => Ok(Clock::virtual_clock()),
            Some(other) => Err(format!(
                "SFN_CLOCK: '{other}' is not a clock (system or virtual)"
            )),
        }
    }

    pub fn is_manual(&self) -> bool {
        matches!(self.kind, Kind::Manual(_))
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self.kind, Kind::Virtual(_))
    }

    pub fn now(&self) -> DateTime<Utc> {
        let micros = match &self.kind {
            Kind::System => return system_now(),
            Kind::Manual(micros) => micros.load(Ordering::SeqCst),
            Kind::Virtual(v) => v.now_micros(),
        };
        DateTime::from_timestamp_micros(micros).unwrap_or_default()
    }

    /// Milliseconds since the epoch.
    pub fn now_millis(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// The time shared with other processes, for what they compare (leases, task-token
    /// deadlines): a virtual clock's skips are its own process's, so it gives the
    /// system's time; a manual clock stands for all time in a test, so it gives its own.
    pub fn shared_now(&self) -> DateTime<Utc> {
        match &self.kind {
            Kind::System | Kind::Virtual(_) => system_now(),
            Kind::Manual(_) => self.now(),
        }
    }

    /// [`Clock::shared_now`] in milliseconds since the epoch.
    pub fn shared_millis(&self) -> i64 {
        self.shared_now().timestamp_millis()
    }

    /// Moves a manual clock forward by `by` (every copy sees it); the other clocks cannot
    /// be moved, and stay as they are.
    pub fn advance(&self, by: Duration) {
        if let Kind::Manual(micros) = &self.kind {
            micros.fetch_add(micros_of(by), Ordering::SeqCst);
        }
    }

    /// Waits `duration` for something other than time (another process, a worker): a
    /// manual clock moves forward instead; the others wait in real time, as the other
    /// side does.
    pub fn sleep(&self, duration: Duration) {
        match &self.kind {
            Kind::Manual(_) => self.advance(duration),
            Kind::System | Kind::Virtual(_) => std::thread::sleep(duration),
        }
    }

    /// Marks this thread busy until the guard drops: a virtual clock does not skip
    /// meanwhile. An execution's run holds one, and so does each Task invocation.
    pub fn busy(&self) -> Busy {
        if let Kind::Virtual(v) = &self.kind {
            // Within `hand_over` on this thread, the first hold is the thread's own.
            let inherited = HANDED.with_borrow_mut(|handed| match handed.last_mut() {
                Some(taken @ false) => {
                    *taken = true;
                    true
                }
                _ => false,
            });
            if !inherited {
                v.waits().busy += 1;
            }
        }
        Busy {
            clock: self.virtual_part(),
        }
    }

    /// Lets a busy thread rest until the guard drops: it waits on others (task threads,
    /// child executions) or, with `until` (milliseconds on the clock), on time, which a
    /// virtual clock may then skip to.
    pub fn rest(&self, until: Option<i64>) -> Rest {
        let clock = self.virtual_part();
        let mut ticket = None;
        if let Some(v) = &clock {
            let mut waits = v.waits();
            waits.busy = waits.busy.saturating_sub(1);
            if let Some(until) = until {
                waits.tickets += 1;
                let t = (until.saturating_mul(1000), waits.tickets);
                waits.sleepers.insert(t);
                ticket = Some(t);
            }
            v.settle(&waits);
        }
        Rest {
            clock,
            ticket,
            clock_itself: self.clone(),
        }
    }

    /// Runs `f` resting, as [`Clock::rest`] without a time: a busy thread that hands its
    /// work to other threads of the process (child executions) and waits for them.
    pub fn idle<R>(&self, f: impl FnOnce() -> R) -> R {
        let _rest = self.rest(None);
        f()
    }

    /// Runs `f`, in which this busy thread runs an execution itself (a child started
    /// from a Task): the first [`Clock::busy`] taken on this thread inside `f` is this
    /// thread's hold passed on, with no gap in which a virtual clock could skip; once it
    /// drops, the thread rests until `f` returns.
    pub fn hand_over<R>(&self, f: impl FnOnce() -> R) -> R {
        let Kind::Virtual(v) = &self.kind else {
            return f();
        };
        HANDED.with_borrow_mut(|handed| handed.push(false));
        // Popped even if `f` unwinds, so that the thread's later holds count.
        struct Pop<'a>(&'a Virtual);
        impl Drop for Pop<'_> {
            fn drop(&mut self) {
                if HANDED.with_borrow_mut(|handed| handed.pop()) == Some(true) {
                    self.0.waits().busy += 1;
                }
            }
        }
        let _pop = Pop(v);
        f()
    }

    fn virtual_part(&self) -> Option<Arc<Virtual>> {
        match &self.kind {
            Kind::Virtual(v) => Some(v.clone()),
            _ => None,
        }
    }
}

thread_local! {
    /// One entry per [`Clock::hand_over`] under way on this thread: whether its hold has
    /// been passed on yet.
    static HANDED: std::cell::RefCell<Vec<bool>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn micros_of(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// See [`Clock::busy`].
#[must_use]
pub struct Busy {
    clock: Option<Arc<Virtual>>,
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Some(v) = &self.clock {
            let mut waits = v.waits();
            waits.busy = waits.busy.saturating_sub(1);
            v.settle(&waits);
        }
    }
}

/// See [`Clock::rest`].
#[must_use]
pub struct Rest {
    clock: Option<Arc<Virtual>>,
    ticket: Option<(i64, u64)>,
    /// For the clocks that are not virtual: [`Rest::sleep`] is their sleep.
    clock_itself: Clock,
}

impl Rest {
    /// Whether the time rested for has come (never, without one).
    pub fn woken(&self) -> bool {
        match (&self.clock, self.ticket) {
            (Some(v), Some((until, _))) => v.now_micros() >= until,
            _ => false,
        }
    }

    /// Waits `at_most` (real time), or less on a virtual clock once the time rested for
    /// has come. On the other clocks this is [`Clock::sleep`].
    pub fn sleep(&self, at_most: Duration) {
        let Some(v) = &self.clock else {
            self.clock_itself.sleep(at_most);
            return;
        };
        let started = Instant::now();
        let mut waits = v.waits();
        loop {
            let real_left = at_most.saturating_sub(started.elapsed());
            if real_left.is_zero() {
                return;
            }
            let left = match self.ticket {
                Some((until, _)) => {
                    let left = until - v.now_micros();
                    if left <= 0 {
                        return;
                    }
                    real_left.min(Duration::from_micros(left as u64))
                }
                None => real_left,
            };
            waits = v
                .moved
                .wait_timeout(waits, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Rest {
    fn drop(&mut self) {
        if let Some(v) = &self.clock {
            let mut waits = v.waits();
            if let Some(ticket) = self.ticket {
                waits.sleepers.remove(&ticket);
            }
            waits.busy += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn system_now_is_utc_now() {
        for _ in 0..3 {
            let before = Utc::now();
            let now = system_now();
            assert!(before <= now && now <= Utc::now());
        }
    }

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
        assert_eq!(clock.shared_now(), clock.now());
    }

    #[test]
    fn the_system_clock_is_the_systems() {
        let clock = Clock::system();
        assert!(!clock.is_manual() && !clock.is_virtual());
        let before = Utc::now();
        let now = clock.now();
        assert!(now >= before && now <= Utc::now());
    }

    /// An hour's rest of the only busy thread ends at once, the clock an hour on; the
    /// time shared with other processes stays the system's.
    #[test]
    fn a_virtual_clock_skips_to_the_wake_up_when_no_one_is_busy() {
        let clock = Clock::virtual_clock();
        let before = Utc::now();
        let _busy = clock.busy();
        let until = clock.now_millis() + 3_600_000;
        let rest = clock.rest(Some(until));
        rest.sleep(Duration::from_secs(600));
        assert!(rest.woken());
        drop(rest);
        assert!(clock.now_millis() >= until);
        assert!(clock.shared_now() - before < chrono::Duration::minutes(10));
    }

    /// A busy thread (a Task invocation running) holds the clock: the other's rest
    /// waits in real time, for as long as it is allowed to.
    #[test]
    fn a_virtual_clock_does_not_skip_while_a_thread_is_busy() {
        let clock = Clock::virtual_clock();
        let _execution = clock.busy();
        let task = clock.busy();
        let until = clock.now_millis() + 3_600_000;
        let rest = clock.rest(Some(until));
        rest.sleep(Duration::from_millis(30));
        assert!(!rest.woken());
        // The task returns: nothing is busy, the rest ends.
        drop(task);
        rest.sleep(Duration::from_secs(600));
        assert!(rest.woken());
    }

    /// Two threads rest until different times: the clock stops at the earlier first, and
    /// the later sleeper goes on resting until its own.
    #[test]
    fn a_virtual_clock_wakes_the_earliest_sleeper_first() {
        let clock = Clock::virtual_clock();
        let start = clock.now_millis();
        let (early, late) = (start + 60_000, start + 7_200_000);
        // This thread is busy until the other rests, so that the clock cannot skip first.
        let _busy = clock.busy();
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let later = {
            let clock = clock.clone();
            std::thread::spawn(move || {
                let _busy = clock.busy();
                let rest = clock.rest(Some(late));
                tx.send(()).unwrap();
                rest.sleep(Duration::from_secs(600));
                rest.woken()
            })
        };
        rx.recv().unwrap();
        let rest = clock.rest(Some(early));
        rest.sleep(Duration::from_secs(600));
        let woke_at = clock.now_millis();
        assert!(woke_at >= early && woke_at < late, "{}", woke_at - start);
        drop(rest);
        drop(_busy);
        assert!(later.join().unwrap());
        assert!(clock.now_millis() >= late);
    }

    fn busy_count(clock: &Clock) -> usize {
        clock.virtual_part().map_or(0, |v| v.waits().busy)
    }

    /// A Task that runs a child execution on its own thread hands it its hold: the
    /// child's rest lets the clock skip, and the thread is busy again afterwards.
    #[test]
    fn a_run_handed_over_rests_for_its_thread() {
        let clock = Clock::virtual_clock();
        let task = clock.busy();
        let until = clock.now_millis() + 3_600_000;
        clock.hand_over(|| {
            let _run = clock.busy();
            assert_eq!(busy_count(&clock), 1);
            let rest = clock.rest(Some(until));
            rest.sleep(Duration::from_secs(600));
            assert!(rest.woken());
        });
        assert_eq!(busy_count(&clock), 1);
        drop(task);
        assert_eq!(busy_count(&clock), 0);
        assert!(clock.now_millis() >= until);
    }

    #[test]
    fn settings_name_the_clock() {
        assert!(!Clock::from_setting(None).unwrap().is_virtual());
        assert!(!Clock::from_setting(Some("system")).unwrap().is_virtual());
        assert!(Clock::from_setting(Some(" virtual ")).unwrap().is_virtual());
        assert_eq!(
            Clock::from_setting(Some("fast")).unwrap_err(),
            "SFN_CLOCK: 'fast' is not a clock (system or virtual)"
        );
    }
}
