//! A booking store whose errors follow a catalog, wrapping real I/O errors.
//!
//! `cargo run -p errors-runtime --example service`
//!
//! The enum is hand-written so it can hold the `std::io::Error` behind each failure;
//! `#[derive(Catalog)]` holds it to `service.toml`, so codes, statuses, messages and
//! wire fields still come from the catalog, and the I/O error (with its paths and OS
//! messages) goes to the logs, never to the client.

use std::error::Error as _;
use std::io;
use std::path::{Path, PathBuf};

use errors_runtime::{Catalog, Timestamp};

#[derive(Debug, Catalog)]
#[catalog(path = "examples/service.toml")]
pub enum StoreError {
    BookingNotFound {
        booking_id: String,
    },
    /// `?` on an `io::Error` lands here, through the generated `From`.
    StorageUnavailable {
        retry_after: Option<u64>,
        #[from]
        source: io::Error,
    },
    #[catalog(code = "INTERNAL_ERROR")]
    Internal {
        operation: String,
        #[source]
        cause: io::Error,
    },
}

struct Store {
    dir: PathBuf,
}

impl Store {
    fn booking(&self, id: &str) -> Result<String, StoreError> {
        let path = self.dir.join(format!("{id}.json"));
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(StoreError::BookingNotFound {
                booking_id: id.to_owned(),
            }),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Err(StoreError::Internal {
                operation: format!("read {}", path.display()),
                cause: e,
            }),
            Err(e) => Err(e.into()),
        }
    }

    fn list(&self) -> Result<usize, StoreError> {
        // Any I/O failure here is "storage unavailable": `?` converts it.
        Ok(std::fs::read_dir(&self.dir)?.count())
    }
}

/// What a handler would do with an error: log everything, send the envelope.
fn respond(error: &StoreError) {
    let mut cause = String::new();
    let mut source = error.source();
    while let Some(e) = source {
        cause.push_str(&format!(" <- {e}"));
        source = e.source();
    }
    eprintln!("log: {error:?}{cause}");
    let envelope = error
        .envelope()
        .request_id("req_7Hq2")
        .timestamp(Timestamp::now());
    println!(
        "HTTP {} ({}){}",
        error.status(),
        envelope.content_type(),
        error
            .retry_after()
            .map_or_else(String::new, |d| format!(", Retry-After: {}", d.as_secs()))
    );
    println!("{}\n", envelope.to_json());
}

fn main() -> io::Result<()> {
    let dir = std::env::temp_dir().join(format!("errors-runtime-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("b_1.json"), r#"{"id":"b_1","seats":2}"#)?;
    std::fs::write(dir.join("b_2.json"), [0xff, 0xfe, 0x00])?;
    let store = Store { dir: dir.clone() };

    println!(
        "booking b_1: {}\n",
        store.booking("b_1").expect("it exists")
    );
    for id in ["b_404", "b_2"] {
        if let Err(error) = store.booking(id) {
            respond(&error);
        }
    }
    let gone = Store {
        dir: Path::new("/nonexistent/bookings").to_path_buf(),
    };
    if let Err(error) = gone.list() {
        respond(&error);
    }
    std::fs::remove_dir_all(dir)
}
