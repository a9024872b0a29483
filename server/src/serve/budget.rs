//! The stream under each connection, which enforces the connection's [`ReadBudget`].

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use app::server::read_budget::{ReadBudget, WINDOW};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A stream that fails its reads once its [`ReadBudget`] is spent.
pub(super) struct Budgeted<S> {
    inner: S,
    budget: ReadBudget,
    window_start: Instant,
    used: usize,
}

impl<S> Budgeted<S> {
    pub(super) fn new(inner: S, budget: ReadBudget) -> Self {
        Self {
            inner,
            budget,
            window_start: Instant::now(),
            used: 0,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Budgeted<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let result = Pin::new(&mut this.inner).poll_read(cx, buf);
        let Some(limit) = this.budget.bytes() else {
            return result;
        };
        if this.window_start.elapsed() >= WINDOW {
            this.window_start = Instant::now();
            this.used = 0;
        }
        this.used += buf.filled().len() - before;
        if this.used > limit {
            buf.set_filled(before);
            return Poll::Ready(Err(io::Error::other(
                "the client sent more than its budget",
            )));
        }
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Budgeted<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, data)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
