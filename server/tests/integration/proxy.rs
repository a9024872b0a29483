//! A TCP proxy between the application and its PostgreSQL server that a test can stop and
//! start again on the same port: the database "goes away" (every connection cut, new ones
//! refused) and "comes back".

use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// Forwards connections to `upstream` while running.
pub struct Proxy {
    addr: SocketAddr,
    upstream: SocketAddr,
    running: Option<tokio::task::JoinHandle<()>>,
}

impl Proxy {
    /// Starts forwarding a free local port to `upstream`.
    pub async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut proxy = Self {
            addr,
            upstream,
            running: None,
        };
        proxy.running = Some(tokio::spawn(forward(listener, upstream)));
        proxy
    }

    /// The port clients connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Cuts every connection and refuses new ones.
    pub fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.abort();
        }
    }

    /// Accepts connections again, on the same port.
    pub async fn resume(&mut self) {
        let listener = TcpListener::bind(self.addr).await.unwrap();
        self.running = Some(tokio::spawn(forward(listener, self.upstream)));
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accepts on `listener` and pipes each connection to `upstream`; aborting it cuts them all.
async fn forward(listener: TcpListener, upstream: SocketAddr) {
    let mut pipes = JoinSet::new();
    while let Ok((mut client, _)) = listener.accept().await {
        pipes.spawn(async move {
            if let Ok(mut server) = TcpStream::connect(upstream).await {
                let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
            }
        });
    }
}
