//! A small TCP proxy the tests start: between a server and PostgreSQL, where stopping it is
//! the database going away (every open connection cut, new ones refused) and resuming it the
//! database coming back; and in front of two instances, where each new connection goes to the
//! first instance that accepts it, so that once one is killed its clients reach the other.

use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// Forwards connections to the first of its upstreams that accepts, while running.
pub struct Proxy {
    addr: SocketAddr,
    upstreams: Vec<SocketAddr>,
    running: Option<tokio::task::JoinHandle<()>>,
}

impl Proxy {
    /// Starts forwarding a free local port to `upstreams`, tried in order.
    pub async fn start(upstreams: Vec<SocketAddr>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let addr = listener.local_addr().expect("an address");
        let running = Some(tokio::spawn(forward(listener, upstreams.clone())));
        Self {
            addr,
            upstreams,
            running,
        }
    }

    /// The address clients connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Cuts every open connection and refuses new ones.
    pub fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.abort();
        }
    }

    /// Accepts connections again, on the same port.
    pub async fn resume(&mut self) {
        let listener = TcpListener::bind(self.addr).await.expect("the same port");
        self.running = Some(tokio::spawn(forward(listener, self.upstreams.clone())));
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accepts on `listener` and pipes each connection to the first upstream that accepts it;
/// aborting this task cuts them all (the pipes are in its [`JoinSet`]).
async fn forward(listener: TcpListener, upstreams: Vec<SocketAddr>) {
    let mut pipes = JoinSet::new();
    while let Ok((mut client, _)) = listener.accept().await {
        let _ = client.set_nodelay(true);
        let upstreams = upstreams.clone();
        pipes.spawn(async move {
            for upstream in upstreams {
                if let Ok(mut server) = TcpStream::connect(upstream).await {
                    let _ = server.set_nodelay(true);
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    return;
                }
            }
        });
        // Forget the pipes that ended.
        while pipes.try_join_next().is_some() {}
    }
}
