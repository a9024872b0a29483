//! Pages rendered for visitors, kept for a moment so that a burst of visitors costs one render.
//! An entry is served only while no write has started since it began rendering (the generation,
//! bumped around every state-changing request) and for at most [`MAX_AGE`]. The HTTP side, which
//! decides what may be stored, is the server's `page_cache` middleware.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::HeaderMap;
use tokio::sync::watch;

/// How long a stored page may be served. It bounds what a visitor may not yet see of a change
/// that no request of this process made (a background job such as a phase deadline or the
/// retention sweep, another instance) and of the clock (countdowns, "today").
pub const MAX_AGE: Duration = Duration::from_secs(1);

/// At most this many pages are kept.
pub const MAX_PAGES: usize = 256;

/// At most this many bytes of pages are kept.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// A larger page is never stored.
const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// A rendered page: its headers and its body cut where the request's script nonce was, so that
/// each visitor gets the page with their own nonce.
#[derive(Debug)]
pub struct CachedPage {
    pub headers: HeaderMap,
    pub pieces: Vec<Bytes>,
}

impl CachedPage {
    /// The body, with `nonce` between the pieces.
    pub fn body(&self, nonce: &str) -> Vec<u8> {
        let length = self.pieces.iter().map(Bytes::len).sum::<usize>()
            + nonce.len() * self.pieces.len().saturating_sub(1);
        let mut body = Vec::with_capacity(length);
        for (index, piece) in self.pieces.iter().enumerate() {
            if index > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        body
    }

    fn bytes(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }
}

/// The pages of one application state (one process in production), shared by its clones.
#[derive(Clone, Debug, Default)]
pub struct PageCache(Arc<Shared>);

#[derive(Debug, Default)]
struct Shared {
    generation: AtomicU64,
    store: Mutex<Store>,
}

#[derive(Debug, Default)]
struct Store {
    pages: HashMap<String, Stored>,
    bytes: usize,
    /// The pages being rendered, each by one request that others wait for.
    rendering: HashMap<String, Rendering>,
}

#[derive(Debug)]
struct Stored {
    generation: u64,
    at: Instant,
    page: Arc<CachedPage>,
}

#[derive(Debug)]
struct Rendering {
    generation: u64,
    /// Dropped when the render ends, which wakes the requests waiting for it.
    done: watch::Sender<()>,
}

/// What a request for a page should do.
#[derive(Debug)]
pub enum Claim {
    /// Serve this page.
    Hit(Arc<CachedPage>),
    /// Render the page and offer it to the ticket.
    Render(Ticket),
    /// Render the page without storing it: the render this request waited for stored nothing.
    Pass,
}

/// The right to store the page for a key, held by the one request rendering it.
#[derive(Debug)]
pub struct Ticket {
    cache: PageCache,
    key: String,
    generation: u64,
}

impl PageCache {
    /// The data version now: read it before rendering, store the page under it.
    pub fn generation(&self) -> u64 {
        self.0.generation.load(Ordering::Acquire)
    }

    /// Marks the start of a request that may change data, and its end when the guard drops.
    pub fn writing(&self) -> Writing {
        self.bump();
        Writing(self.clone())
    }

    /// How many pages are stored.
    pub fn stored_pages(&self) -> usize {
        self.store().pages.len()
    }

    /// The page for `key` of data version `generation`, or the right to render it; when another
    /// request is rendering it, waits for that render first.
    pub async fn claim(&self, key: &str, generation: u64) -> Claim {
        let mut done = {
            let mut store = self.store();
            if let Some(page) = store.fresh(key, generation) {
                return Claim::Hit(page);
            }
            match store.rendering.get(key) {
                Some(rendering) if rendering.generation == generation => rendering.done.subscribe(),
                _ => {
                    let rendering = Rendering {
                        generation,
                        done: watch::channel(()).0,
                    };
                    store.rendering.insert(key.to_owned(), rendering);
                    return Claim::Render(Ticket {
                        cache: self.clone(),
                        key: key.to_owned(),
                        generation,
                    });
                }
            }
        };
        // Ends with an error when the render ends: nothing is ever sent.
        let _ = done.changed().await;
        match self.store().fresh(key, generation) {
            Some(page) => Claim::Hit(page),
            None => Claim::Pass,
        }
    }

    fn bump(&self) {
        self.0.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The store; a panic elsewhere while holding it leaves nothing half done that matters.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.0.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Ticket {
    /// Stores `page`, unless it is too large; the waiting requests then get it.
    pub fn store(self, page: CachedPage) {
        let bytes = page.bytes();
        if bytes > MAX_PAGE_BYTES {
            return;
        }
        let current = self.cache.generation();
        let mut store = self.cache.store();
        if let Some(old) = store.pages.remove(&self.key) {
            store.bytes -= old.page.bytes();
        }
        store.make_room(bytes, current);
        store.bytes += bytes;
        let stored = Stored {
            generation: self.generation,
            at: Instant::now(),
            page: Arc::new(page),
        };
        store.pages.insert(self.key.clone(), stored);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut store = self.cache.store();
        if store
            .rendering
            .get(&self.key)
            .is_some_and(|rendering| rendering.generation == self.generation)
        {
            store.rendering.remove(&self.key);
        }
    }
}

impl Store {
    fn fresh(&self, key: &str, generation: u64) -> Option<Arc<CachedPage>> {
        let stored = self.pages.get(key)?;
        (stored.generation == generation && stored.at.elapsed() < MAX_AGE)
            .then(|| stored.page.clone())
    }

    /// Makes room for a page of `bytes`: drops the pages no request can be served any more,
    /// then, if that is not enough, all of them.
    fn make_room(&mut self, bytes: usize, generation: u64) {
        if self.pages.len() < MAX_PAGES && self.bytes + bytes <= MAX_BYTES {
            return;
        }
        self.pages
            .retain(|_, stored| stored.generation == generation && stored.at.elapsed() < MAX_AGE);
        self.bytes = self.pages.values().map(|stored| stored.page.bytes()).sum();
        if self.pages.len() >= MAX_PAGES || self.bytes + bytes > MAX_BYTES {
            self.pages.clear();
            self.bytes = 0;
        }
    }
}

/// A request that may change data, under way: its end moves the data version on again.
#[derive(Debug)]
pub struct Writing(PageCache);

impl Drop for Writing {
    fn drop(&mut self) {
        self.0.bump();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> CachedPage {
        let pieces = vec![Bytes::from("<p nonce=\""), Bytes::from("\">")];
        CachedPage {
            headers: HeaderMap::new(),
            pieces,
        }
    }

    #[tokio::test]
    async fn one_request_renders_while_the_others_wait_and_a_write_ends_the_page() {
        let cache = PageCache::default();
        let generation = cache.generation();
        let Claim::Render(ticket) = cache.claim("/a", generation).await else {
            panic!("the first request renders");
        };
        let waiting = tokio::spawn({
            let cache = cache.clone();
            async move { cache.claim("/a", generation).await }
        });
        tokio::task::yield_now().await;
        ticket.store(page());
        let Claim::Hit(served) = waiting.await.unwrap() else {
            panic!("the waiting request gets the stored page");
        };
        assert_eq!(served.body("n1"), b"<p nonce=\"n1\">");
        drop(cache.writing());
        let generation = cache.generation();
        assert!(matches!(
            cache.claim("/a", generation).await,
            Claim::Render(_)
        ));
    }
}
