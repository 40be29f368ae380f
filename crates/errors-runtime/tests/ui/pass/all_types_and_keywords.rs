//! Every detail type, optional fields, keyword field names and a deprecated code
//! compile without a warning, and behave.
#![deny(warnings, missing_docs, unreachable_pub)]

mod api {
    errors_runtime::catalog!("../catalogs/all_types.toml");
}

use api::{EveryTypeError, EveryTypeErrorCode};
use errors_runtime::{CatalogError, FieldViolation, JsonValue};

fn main() {
    let error = EveryTypeError::Everything {
        r#type: "session".into(),
        r#match: true,
        small: -3,
        big: -9_000_000_000,
        count: 7,
        total: 9_000_000_000,
        ratio: 0.25,
        data: JsonValue::from(vec![1, 2]),
        fields: vec![FieldViolation::new("a", "b").with_rule("required")],
        tags: vec!["x".into(), "y".into()],
        matrix: vec![vec![1, 2], vec![3]],
        note: None,
        wait: Some(5),
    };
    assert_eq!(
        error.to_string(),
        "session true -3 -9000000000 7 9000000000 0.25 [1,2] 0x7 [\"x\", \"y\"] 2.5e-1"
    );
    assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(5)));
    assert_eq!(error.code(), EveryTypeErrorCode::Everything);
    let json = error.envelope().to_json();
    assert!(json.contains(r#""type":"session","match":true"#), "{json}");
    assert!(!json.contains("note"), "{json}");
    assert_eq!(<EveryTypeError as CatalogError>::CATALOG.errors.len(), 2);

    #[allow(deprecated)]
    let old = EveryTypeError::OldCode;
    assert_eq!(old.meta().deprecated, Some("Use EVERYTHING"));
}
