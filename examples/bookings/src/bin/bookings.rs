//! `cargo run -p bookings`: the bookings service on `127.0.0.1:3000`
//! (`BOOKINGS_ADDR=127.0.0.1:8080` for another address), logging every error
//! response (`BOOKINGS_LOG=info` for 5xx only).

use std::net::SocketAddr;

use bookings::service::{Bookings, Config};
use tokio::net::TcpListener;
use tracing::Level;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let level = match std::env::var("BOOKINGS_LOG").as_deref() {
        Ok("info") => Level::INFO,
        Ok("warn") => Level::WARN,
        Ok("trace") => Level::TRACE,
        _ => Level::DEBUG,
    };
    tracing_subscriber::fmt().with_max_level(level).init();
    let addr: SocketAddr = match std::env::var("BOOKINGS_ADDR") {
        Ok(text) => text.parse().map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("BOOKINGS_ADDR: {e}"),
            )
        })?,
        Err(_) => SocketAddr::from(([127, 0, 0, 1], 3000)),
    };
    let listener = TcpListener::bind(addr).await?;
    tracing::info!("bookings listening on http://{}", listener.local_addr()?);
    Bookings::new(Config::default()).serve(listener).await
}
