//! Everything the test process logs, at every level, kept in memory for the tests to read.
//!
//! One subscriber for the whole process, installed before each test starts: a per-thread
//! subscriber (`set_default`) loses events, because tracing caches a callsite's interest from
//! whichever thread reaches it first, and other tests reach the same callsites without one.

use std::sync::{Arc, Mutex, OnceLock};

/// The log of the test process.
#[derive(Clone, Default)]
pub struct ProcessLog(Arc<Mutex<Vec<u8>>>);

/// The process's log, installed as the global subscriber the first time it is asked for.
pub fn process_log() -> &'static ProcessLog {
    static LOG: OnceLock<ProcessLog> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = ProcessLog::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
        log
    })
}

impl ProcessLog {
    /// The lines logged so far that contain `needle`.
    pub fn lines_with(&self, needle: &str) -> Vec<String> {
        self.text()
            .lines()
            .filter(|line| line.contains(needle))
            .map(str::to_owned)
            .collect()
    }

    /// Everything logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for ProcessLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
