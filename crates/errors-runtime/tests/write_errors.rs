//! A serializer's error while writing `details` is returned as it came, and no later
//! detail is written after it: the generated `write_details` keeps the first error
//! instead of returning at each field.

use std::io::{self, Write};

errors_runtime::catalog!("tests/catalogs/write_errors.toml");

/// A writer that fails on the first write holding `fail_on`, and records what is
/// asked of it afterwards.
struct Failing {
    fail_on: &'static str,
    written: Vec<u8>,
    failed: bool,
    writes_after_failure: usize,
}

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.failed {
            self.writes_after_failure += 1;
            return Err(io::Error::other("already failed"));
        }
        if String::from_utf8_lossy(buf).contains(self.fail_on) {
            self.failed = true;
            return Err(io::Error::other(format!("refused {:?}", self.fail_on)));
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn error() -> ApiError {
    ApiError::ThreeFields {
        first: "one".into(),
        second: "two".into(),
        third: "three".into(),
    }
}

#[test]
fn the_first_error_is_returned_and_nothing_is_written_after_it() {
    let mut out = Failing {
        fail_on: "second",
        written: Vec::new(),
        failed: false,
        writes_after_failure: 0,
    };
    let error = error();
    let err = serde_json::to_writer(&mut out, &error.envelope()).unwrap_err();
    assert!(err.is_io(), "{err}");
    assert!(err.to_string().contains("refused \"second\""), "{err}");
    assert_eq!(out.writes_after_failure, 0);
    let written = String::from_utf8(out.written).unwrap();
    assert!(written.contains(r#""first":"one""#), "{written}");
    assert!(!written.contains("third"), "{written}");
}

#[test]
fn without_an_error_every_detail_is_written_in_catalog_order() {
    let error = error();
    let json = serde_json::to_string(&error.envelope()).unwrap();
    let details = &json[json.find(r#""details""#).unwrap()..];
    assert!(
        details.starts_with(r#""details":{"first":"one","second":"two","third":"three"}"#),
        "{json}"
    );
}
