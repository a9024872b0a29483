//! Argon2id password hashes, computed off the async threads, a few at a time: each takes about
//! 19 MiB and a core for tens of milliseconds, so a burst of logins waits its turn (bounded
//! memory) and, past [`QUEUE_TIMEOUT`], is told the service is busy rather than piling up.

use std::sync::LazyLock;
use std::time::Duration;

use tokio::sync::Semaphore;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::domain::person::Password;
use crate::error::AppError;
use crate::server::failure::Context;

/// The PHC string of `password` (argon2id with the crate's default, OWASP-recommended cost).
pub async fn hash(password: &Password) -> Result<String, AppError> {
    let password = password.expose().to_owned();
    run_blocking(move || hash_now(&password)).await?
}

/// Hashes on the current thread; for start-up work that is not serving requests.
pub fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .context("hashing a password")
}

/// Whether `password` matches `stored`. Without a stored hash it still spends the same work,
/// so the answer's timing does not tell whether the account exists.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    run_blocking(move || {
        let Some(stored) = stored else {
            let _ = hash_now(&password);
            return false;
        };
        PasswordHash::new(&stored).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
}

/// How long a hash waits for its turn before the request is answered "busy".
pub const QUEUE_TIMEOUT: Duration = Duration::from_secs(10);

/// Hashes computed at once: one per core.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    Semaphore::new(cores)
});

async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let Ok(Ok(_turn)) = tokio::time::timeout(QUEUE_TIMEOUT, HASHING.acquire()).await else {
        tracing::warn!("password hashing: queue full, answering busy");
        return Err(AppError::Busy);
    };
    tokio::task::spawn_blocking(work)
        .await
        .context("running a password task")
}
