//! A router served on 127.0.0.1 for one test, with a client that gives up after 10 s:
//! the setup of every test that goes through HTTP to the layer.

use std::time::Duration;

/// The server of [`serve`]: its address, a client for it, and the task serving it,
/// stopped when this is dropped.
pub(crate) struct Loopback {
    /// `http://127.0.0.1:<port>`.
    pub(crate) base: String,
    pub(crate) client: reqwest::Client,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Serves `app` on a free port of 127.0.0.1.
pub(crate) async fn serve(app: axum::Router) -> Loopback {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    Loopback {
        base,
        client,
        server,
    }
}
