//! The baselines do the same work as the generated code: same bytes, same answers.
//! And the checked-in sources are what `gen-sources` writes.

use errors_bench::{baseline, generated, sources};
use errors_runtime::Timestamp;

const REQUEST_ID: &str = "req_2N7s8x9KqR";

macro_rules! same {
    ($name:ident) => {
        #[test]
        fn $name() {
            let ours = generated::$name::samples();
            let theirs = baseline::$name::samples();
            assert_eq!(ours.len(), generated::$name::ApiErrorCode::ALL.len());
            let at = Timestamp::from_unix_millis(1_795_255_200_000);
            for (g, b) in ours.iter().zip(&theirs) {
                let code = g.code().as_str();
                assert_eq!(code, b.code().as_str());
                assert_eq!(g.status(), b.status(), "{code}");
                assert_eq!(g.is_retryable(), b.is_retryable(), "{code}");
                assert_eq!(g.retry_after(), b.retry_after(), "{code}");
                assert_eq!(g.to_string(), b.to_string(), "{code}");
                let parsed: generated::$name::ApiErrorCode = code.parse().unwrap();
                let parsed_b: baseline::$name::ApiErrorCode = code.parse().unwrap();
                assert_eq!(parsed.as_str(), parsed_b.as_str());
                assert_eq!(parsed, g.code());
                for (id, ts) in [(None, None), (Some(REQUEST_ID), Some(at))] {
                    let mut envelope = g.envelope();
                    if let Some(id) = id {
                        envelope = envelope.request_id(id);
                    }
                    if let Some(ts) = ts {
                        envelope = envelope.timestamp(ts);
                    }
                    let ours = serde_json::to_string(&envelope).unwrap();
                    let theirs = serde_json::to_string(&b.envelope(id, ts)).unwrap();
                    assert_eq!(ours, theirs, "{code}");
                }
            }
            assert!(
                "NO_SUCH_CODE"
                    .parse::<generated::$name::ApiErrorCode>()
                    .is_err()
            );
            assert!(
                "NO_SUCH_CODE"
                    .parse::<baseline::$name::ApiErrorCode>()
                    .is_err()
            );
        }
    };
}

same!(flat);
same!(nested);
same!(typed);
same!(problem);
same!(large);

#[test]
fn checked_in_sources_are_up_to_date() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, text) in sources::all() {
        let found = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        assert!(
            found == text,
            "{path} is stale: run `cargo run -p errors-bench --bin gen-sources`"
        );
    }
}
