//! The in-memory caches of the service (role pools, roles, prepared resumes): maps that forget
//! everything once full, so memory stays bounded without bookkeeping on every hit.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

#[derive(Debug)]
pub struct Cache<K, V> {
    map: Mutex<HashMap<K, V>>,
    capacity: usize,
}

impl<K: Hash + Eq, V: Clone> Cache<K, V> {
    pub fn new(capacity: usize) -> Self {
        Self { map: Mutex::new(HashMap::new()), capacity }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<K, V>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn get(&self, key: &K) -> Option<V> {
        self.lock().get(key).cloned()
    }

    /// Keeps `value` if `still_valid()`, checked while no other call can change the cache.
    pub fn insert_if(&self, key: K, value: V, still_valid: impl FnOnce() -> bool) {
        let mut map = self.lock();
        if still_valid() {
            if map.len() >= self.capacity {
                map.clear();
            }
            map.insert(key, value);
        }
    }

    pub fn insert(&self, key: K, value: V) {
        self.insert_if(key, value, || true);
    }

    pub fn remove(&self, key: &K) {
        self.lock().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgets_everything_when_full_and_honours_the_condition() {
        let cache = Cache::new(2);
        cache.insert(1, "a");
        cache.insert(2, "b");
        assert_eq!((cache.get(&1), cache.get(&2)), (Some("a"), Some("b")));
        cache.insert(3, "c");
        assert_eq!((cache.get(&1), cache.get(&3)), (None, Some("c")));
        cache.insert_if(4, "d", || false);
        assert_eq!(cache.get(&4), None);
        cache.remove(&3);
        assert_eq!(cache.get(&3), None);
    }
}
