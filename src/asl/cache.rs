//! What was compiled from a text (a path, an intrinsic call, a JSONata expression), kept
//! per thread so that a state evaluated again does not parse its fields again.
use std::cell::RefCell;
use std::collections::HashMap;

/// A bounded map from source text to what it compiled to. A definition has a bounded set
/// of texts; a full cache means something unusual (generated texts), so it starts over
/// rather than grow without limit.
pub struct TextCache<T> {
    entries: RefCell<HashMap<String, T>>,
    limit: usize,
}

impl<T: Clone> TextCache<T> {
    pub fn new(limit: usize) -> TextCache<T> {
        TextCache {
            entries: RefCell::new(HashMap::new()),
            limit,
        }
    }

    /// What `text` compiled to, compiling it with `compile` the first time. A failure is
    /// not kept. `compile` may use the cache itself.
    pub fn get_or_compile<E>(
        &self,
        text: &str,
        compile: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let hit = self.entries.borrow().get(text).cloned();
        if let Some(hit) = hit {
            return Ok(hit);
        }
        let compiled = compile()?;
        let mut entries = self.entries.borrow_mut();
        if entries.len() >= self.limit {
            entries.clear();
        }
        entries.insert(text.to_owned(), compiled.clone());
        Ok(compiled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_once_forgets_failures_and_starts_over_when_full() {
        let cache = TextCache::new(2);
        let calls = std::cell::Cell::new(0);
        let get = |text: &str| {
            cache.get_or_compile(text, || {
                calls.set(calls.get() + 1);
                if text == "bad" {
                    Err("bad")
                } else {
                    Ok(text.len())
                }
            })
        };
        assert_eq!(get("a"), Ok(1));
        assert_eq!(get("a"), Ok(1));
        assert_eq!(get("bad"), Err("bad"));
        assert_eq!(get("bad"), Err("bad"));
        assert_eq!(get("bb"), Ok(2));
        // Full (two entries): the third clears it, so "a" is compiled again.
        assert_eq!(get("ccc"), Ok(3));
        assert_eq!(get("a"), Ok(1));
        assert_eq!(calls.get(), 6);
    }
}
