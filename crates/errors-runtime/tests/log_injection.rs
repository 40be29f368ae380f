//! Feature `axum`, over loopback: text a caller sends (a path parameter rendered in a
//! message or kept in an internal field, a path that does not parse, a panic message)
//! reaches the default `tracing-subscriber` fmt output escaped, so a CR, LF or ESC in
//! it cannot forge a log line or drive a terminal (SPEC 9.1, issue 21).
#![cfg(feature = "axum")]

#[path = "support/loopback.rs"]
mod loopback;

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use errors_runtime::axum::CatalogLayer;
use tracing_subscriber::fmt::MakeWriter;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
use bundled::ApiError;

/// What the fmt subscriber wrote, as one buffer.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).expect("fmt writes UTF-8")
    }
}

impl io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Sink {
    type Writer = Sink;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

async fn session(Path(session_id): Path<String>) -> Result<&'static str, ApiError> {
    Err(ApiError::SessionNotFound { session_id })
}

async fn upstream(Path(service): Path<String>) -> Result<&'static str, ApiError> {
    Err(ApiError::UpstreamTimeout {
        upstream_host: service.clone(),
        service,
        timeout_ms: 5000,
    })
}

async fn count(Path(n): Path<u32>) -> String {
    n.to_string()
}

async fn crash(Path(text): Path<String>) -> &'static str {
    panic!("{text}")
}

/// A line a caller would like to see in the log: a fake event after a CR LF, in red.
const FORGERY: &str = "%0D%0A%1B%5B31mERROR%20forged%3A%20admin%20logged%20in%1B%5B0m";

#[tokio::test]
async fn caller_text_cannot_forge_a_line_of_the_fmt_log() {
    let sink = Sink::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(sink.clone())
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .without_time()
        .finish();
    // The test's runtime has one thread: the server's tasks log through this too.
    let _default = tracing::subscriber::set_default(subscriber);

    let app = Router::new()
        .route("/sessions/{id}", get(session))
        .route("/upstream/{service}", get(upstream))
        .route("/count/{n}", get(count))
        .route("/crash/{text}", get(crash))
        .layer(CatalogLayer::<ApiError>::new());
    let loopback = loopback::serve(app).await;
    let (base, client) = (&loopback.base, &loopback.client);
    // The message (4xx, debug level), the message and an internal field (5xx, error
    // level), the framework's reason for a path that does not parse, a panic message.
    let requests = [
        ("sessions", 404),
        ("upstream", 504),
        ("count", 400),
        ("crash", 500),
    ];
    let sent = async {
        for (route, status) in requests {
            let url = format!("{base}/{route}/s_1{FORGERY}");
            let response = client.get(&url).send().await.expect("a response");
            assert_eq!(response.status().as_u16(), status, "{url}");
        }
    };
    tokio::time::timeout(Duration::from_secs(30), sent)
        .await
        .expect("four requests over loopback in 30 s");
    drop(loopback);

    let log = sink.text();
    // Every line is an event the subscriber began (the HTTP client logs too)...
    for line in log.lines() {
        let level = line.trim_start().split(' ').next().unwrap_or_default();
        assert!(
            ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"].contains(&level),
            "a line the subscriber did not begin: {line:?}\n{log}"
        );
    }
    // ...with no raw control character at all, so no terminal escape either...
    assert!(
        !log.trim_end_matches('\n')
            .replace('\n', "")
            .chars()
            .any(char::is_control),
        "{log:?}"
    );
    // ...and the layer's one event per error response holds the caller's text, escaped.
    let events: Vec<&str> = log
        .lines()
        .filter(|line| line.contains(" errors_runtime::axum: "))
        .collect();
    assert_eq!(events.len(), requests.len(), "{log}");
    let escaped = r"s_1\r\n\u{1b}[31mERROR forged: admin logged in\u{1b}[0m";
    assert!(
        events[0].starts_with(&format!(
            "DEBUG errors_runtime::axum: Session with ID '{escaped}' does not exist"
        )),
        "the message: {}",
        events[0]
    );
    assert!(
        events[1].starts_with(&format!(
            "ERROR errors_runtime::axum: The {escaped} service"
        )) && events[1].contains(r#"internal={upstream_host: "s_1\r\n\u{1b}[31mERROR"#),
        "the message and the internal field: {}",
        events[1]
    );
    assert!(
        events[2].contains(&format!(
            "reason=the framework answered 400: Invalid URL: Cannot parse `{escaped}`"
        )),
        "the rejection: {}",
        events[2]
    );
    assert!(
        events[3].ends_with(&format!("reason=a handler panicked: {escaped}")),
        "the panic: {}",
        events[3]
    );
}
