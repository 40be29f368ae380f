//! `details` is sent only when the error sends a field in it (SPEC section 4), in
//! every style: not for a code whose fields are all optional and unset, nor for one
//! whose fields all stay out of `details` (`details = false`, internal). Each
//! envelope is compared as text, so an empty `"details":{}` fails, and decoded back.

use errors_runtime::{Timestamp, decode};

mod flat {
    errors_runtime::catalog!("tests/catalogs/empty_details_flat.toml");
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/empty_details_nested.toml");
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/empty_details_typed.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/empty_details_problem.toml");
}

const AT: Timestamp = Timestamp::from_unix_millis(0);

/// The envelope of each code of one style's catalog: unset, set, header-only and
/// internal-only, with a request id and a timestamp.
macro_rules! envelopes {
    ($style:ident) => {{
        use $style::ApiError as E;
        let errors = [
            E::LookupFailed {
                resource: None,
                hint: None,
            },
            E::LookupFailed {
                resource: Some("s_1".into()),
                hint: None,
            },
            E::SlowDown { retry_after: 7 },
            E::Broken {
                cause: "disk full".into(),
            },
        ];
        let json: Vec<String> = errors
            .iter()
            .map(|e| e.envelope().request_id("req_1").timestamp(AT).to_json())
            .collect();
        // A client reads each back into the same error (internal fields are never
        // sent, so they come back at their default).
        for (error, text) in errors.iter().zip(&json) {
            let decoded = decode::<E>(text.as_bytes()).unwrap();
            match error {
                E::Broken { .. } => assert!(
                    matches!(decoded.known(), Some(E::Broken { cause }) if cause.is_empty()),
                    "{text}"
                ),
                // `details = false` comes back from the message.
                _ => assert_eq!(decoded.known(), Some(error), "{text}"),
            }
        }
        json
    }};
}

#[test]
fn flat() {
    let json = envelopes!(flat);
    assert_eq!(
        json,
        [
            r#"{"success":false,"errorCode":"LOOKUP_FAILED","message":"Nothing was found.","requestId":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
            r#"{"success":false,"errorCode":"LOOKUP_FAILED","message":"Nothing was found.","details":{"resource":"s_1"},"requestId":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
            r#"{"success":false,"errorCode":"SLOW_DOWN","message":"Slow down for 7 seconds.","requestId":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
            r#"{"success":false,"errorCode":"BROKEN","message":"Something broke.","requestId":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
        ]
    );
}

#[test]
fn nested() {
    let json = envelopes!(nested);
    assert_eq!(
        json,
        [
            r#"{"error":{"code":"LOOKUP_FAILED","message":"Nothing was found.","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"code":"LOOKUP_FAILED","message":"Nothing was found.","details":{"resource":"s_1"},"request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"code":"SLOW_DOWN","message":"Slow down for 7 seconds.","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"code":"BROKEN","message":"Something broke.","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
        ]
    );
}

#[test]
fn typed() {
    // The six members stay, `null` when absent; `details` is not one of them.
    let json = envelopes!(typed);
    assert_eq!(
        json,
        [
            r#"{"error":{"type":"lookup_error","code":"LOOKUP_FAILED","message":"Nothing was found.","param":null,"doc_url":null,"request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"type":"lookup_error","code":"LOOKUP_FAILED","message":"Nothing was found.","param":null,"doc_url":null,"request_id":"req_1","details":{"resource":"s_1"},"timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"type":"lookup_error","code":"SLOW_DOWN","message":"Slow down for 7 seconds.","param":null,"doc_url":null,"request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
            r#"{"error":{"type":"lookup_error","code":"BROKEN","message":"Something broke.","param":null,"doc_url":null,"request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}}"#,
        ]
    );
}

#[test]
fn problem() {
    // Detail fields are top-level members: none set, none written.
    let json = envelopes!(problem);
    assert_eq!(
        json,
        [
            r#"{"type":"about:blank","title":"Lookup failed","status":404,"detail":"Nothing was found.","code":"LOOKUP_FAILED","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
            r#"{"type":"about:blank","title":"Lookup failed","status":404,"detail":"Nothing was found.","code":"LOOKUP_FAILED","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z","resource":"s_1"}"#,
            r#"{"type":"about:blank","title":"Slow down","status":429,"detail":"Slow down for 7 seconds.","code":"SLOW_DOWN","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
            r#"{"type":"about:blank","title":"Broken","status":500,"detail":"Something broke.","code":"BROKEN","request_id":"req_1","timestamp":"1970-01-01T00:00:00.000Z"}"#,
        ]
    );
}
