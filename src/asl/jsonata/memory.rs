//! A memory budget for one evaluation.
//!
//! jlens-core bounds the items of an array, the bytes of a string and of a result, but not
//! the memory an evaluation holds in all: `[0..8897521][]#$i.[3]` builds an object for each
//! item (a tuple stream) and held 4 GB before the timeout stopped it. So sfn's allocator
//! counts the bytes a thread holds while an evaluation runs on it; past the budget it cancels
//! the evaluation through jlens-core's `CancelToken`, checked at every step and at every
//! tuple built, and the evaluation fails with a clear error instead of exhausting the host.
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use jlens_core::CancelToken;

/// The System allocator, counting the bytes of the thread's watched evaluation.
pub struct CountingAllocator;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// One watched evaluation: the bytes its thread allocated minus those it freed since it began.
struct Watch {
    held: Cell<isize>,
    limit: isize,
    token: CancelToken,
    exceeded: Cell<bool>,
}

thread_local! {
    /// The evaluation being watched on this thread, if any. A raw pointer, so the slot needs
    /// no destructor and the allocator may read it at any time.
    static WATCH: Cell<*const Watch> = const { Cell::new(std::ptr::null()) };
}

fn count(bytes: isize) {
    // `try_with`: the slot is gone while the thread ends.
    let _ = WATCH.try_with(|slot| {
        let watch = slot.get();
        if watch.is_null() {
            return;
        }
        // SAFETY: `watched` points the slot at a `Watch` on its own stack frame and points it
        // back before that frame ends (on unwinding too); the slot is this thread's only.
        let watch = unsafe { &*watch };
        let held = watch.held.get() + bytes;
        watch.held.set(held);
        if held > watch.limit && !watch.exceeded.replace(true) {
            // An atomic store: it allocates nothing.
            watch.token.cancel();
        }
    });
}

// SAFETY: every call is passed to `System` unchanged; counting only reads and writes the
// thread's own slot and never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `evaluate` with a token that is cancelled once the thread holds more than `limit`
/// bytes beyond what it held when it began. Gives its result, and whether that happened.
pub fn watched<T>(limit: usize, evaluate: impl FnOnce(&CancelToken) -> T) -> (T, bool) {
    let watch = Watch {
        held: Cell::new(0),
        limit: isize::try_from(limit).unwrap_or(isize::MAX),
        token: CancelToken::new(),
        exceeded: Cell::new(false),
    };
    struct Restore(*const Watch);
    impl Drop for Restore {
        fn drop(&mut self) {
            WATCH.with(|slot| slot.set(self.0));
        }
    }
    let restore = Restore(WATCH.with(|slot| slot.replace(&watch)));
    let result = evaluate(&watch.token);
    drop(restore);
    (result, watch.exceeded.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holding_more_than_the_limit_cancels_the_token() {
        let (held, exceeded) = watched(1 << 20, |token| {
            let small = std::hint::black_box(vec![0u8; 1 << 10]);
            assert!(!token.is_cancelled());
            let large = std::hint::black_box(vec![0u8; 2 << 20]);
            (token.is_cancelled(), small.len() + large.len())
        });
        assert!(exceeded);
        assert!(held.0);
    }

    #[test]
    fn what_is_freed_is_not_held() {
        let ((), exceeded) = watched(1 << 20, |token| {
            for _ in 0..8 {
                drop(std::hint::black_box(vec![0u8; 512 << 10]));
            }
            assert!(!token.is_cancelled());
        });
        assert!(!exceeded);
    }

    #[test]
    fn the_watch_ends_with_the_evaluation() {
        let ((), _) = watched(1, |_| {});
        assert!(WATCH.with(Cell::get).is_null());
        drop(std::hint::black_box(vec![0u8; 1 << 20]));
    }
}
