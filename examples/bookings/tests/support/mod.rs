//! Shared by the loopback tests: a service on 127.0.0.1, raw requests, and the
//! `tracing` events of the layer, captured.

#![allow(dead_code)] // each test file uses part of it

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use bookings::service::{Bookings, Config};
use reqwest::header::HeaderMap;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};

/// A service with `config` on a free port of 127.0.0.1, and its base URL.
pub(crate) async fn start(config: Config) -> (Bookings, String) {
    capture();
    let service = Bookings::new(config);
    let addr = service.clone().spawn().await.expect("bind 127.0.0.1");
    (service, format!("http://{addr}"))
}

/// A response as received: status, headers and body.
#[derive(Debug)]
pub(crate) struct Raw {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Raw {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends one request with reqwest, no retry.
pub(crate) async fn send(
    method: reqwest::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<Vec<u8>>,
) -> Raw {
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
    let mut request = client.request(method, url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.body(body);
    }
    let response = request.send().await.expect("a response over loopback");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.bytes().await.unwrap().to_vec();
    Raw {
        status,
        headers,
        body,
    }
}

/// One event of target `errors_runtime::axum`.
#[derive(Debug, Clone)]
pub(crate) struct Captured {
    pub(crate) level: Level,
    pub(crate) fields: HashMap<String, String>,
}

static EVENTS: Mutex<Vec<Captured>> = Mutex::new(Vec::new());

/// The layer's events about `request_id`.
pub(crate) fn events_of(request_id: &str) -> Vec<Captured> {
    let quoted = format!("{request_id:?}");
    EVENTS
        .lock()
        .unwrap()
        .iter()
        .filter(|e| {
            e.fields
                .get("request_id")
                .is_some_and(|id| *id == quoted || id == request_id)
        })
        .cloned()
        .collect()
}

struct Capture;

struct Fields<'a>(&'a mut HashMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
}

impl<S: Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "errors_runtime::axum" {
            return;
        }
        let mut fields = HashMap::new();
        event.record(&mut Fields(&mut fields));
        EVENTS.lock().unwrap().push(Captured {
            level: *event.metadata().level(),
            fields,
        });
    }
}

/// Installs the capturing subscriber once for the test binary.
pub(crate) fn capture() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(Capture);
        tracing::subscriber::set_global_default(subscriber).expect("no other subscriber");
    });
}
