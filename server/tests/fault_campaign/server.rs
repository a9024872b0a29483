//! The release server as a child process, the way it runs in production: started on a
//! database, and killed with SIGKILL (no chance to finish anything) at a random moment.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::http;

/// Where the server runs from: the repository, which holds `target/site`.
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The release binary (`COMTEM_BIN` to use another).
fn binary() -> PathBuf {
    std::env::var_os("COMTEM_BIN")
        .map_or_else(|| repository().join("target/release/comtem"), PathBuf::from)
}

/// A running server.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts the server on `database_url` at `addr` (with the demo loaded into an empty
    /// database) and waits until it answers its health check.
    pub async fn start(database_url: &str, addr: SocketAddr) -> Self {
        Self::start_with(database_url, addr, &[]).await
    }

    /// Starts the server as [`Server::start`] does, with the variables `extra` set besides.
    pub async fn start_with(database_url: &str, addr: SocketAddr, extra: &[(&str, &str)]) -> Self {
        let binary = binary();
        assert!(
            binary.exists(),
            "{} is missing: build it with scripts/build.sh",
            binary.display()
        );
        let child = Command::new(&binary)
            .current_dir(repository())
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", addr.to_string())
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("LEPTOS_ENV", "PROD")
            .env("RUST_LOG", "error")
            .env("COMTEM_DEMO", "1")
            .env("COMTEM_COOKIE_SECURE", "false")
            .env("COMTEM_IP_LIMIT", "1000000")
            .envs(extra.iter().copied())
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server");
        let server = Self { child, addr };
        let started = Instant::now();
        loop {
            if let Ok(reply) = http::get(addr, "/healthz").await
                && reply.status == 200
            {
                return server;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the server did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The server's process id (to read its memory from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the server with SIGKILL and waits until it is gone.
    pub fn kill(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        // `kill` sends SIGKILL on Unix: the server gets no chance to finish anything.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A free local address to serve on.
pub fn free_addr() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}
