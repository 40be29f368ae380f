//! Each code's gRPC status code in the schemas (`x-grpc`) and the reference.

use errors_docs::{Reference, SchemaMode};
use serde_json::{Value, json};

const CATALOG: &str = r#"
[errors.EXPIRED]
status = 410
message = "Expired."
grpc = "NOT_FOUND"

[errors.CONFLICT]
status = 409
message = "Conflict."
"#;

fn reference() -> Reference {
    let catalog = errors_catalog::Catalog::from_str("catalog.toml", CATALOG).unwrap();
    Reference::from(&catalog)
}

#[test]
fn schemas_carry_each_named_or_defaulted_grpc_code() {
    let reference = reference();
    for mode in [SchemaMode::Client, SchemaMode::Strict] {
        let schema: Value =
            serde_json::from_str(&errors_docs::json_schema(&reference, mode)).unwrap();
        let openapi: Value =
            serde_json::from_str(&errors_docs::openapi(&reference, "1.0.0", mode)).unwrap();
        assert_eq!(schema["x-grpc-domain"], json!("ApiError"));
        for defs in [&schema["$defs"], &openapi["components"]["schemas"]] {
            assert_eq!(defs["EXPIRED"]["x-grpc"], json!("NOT_FOUND"), "{defs}");
            assert_eq!(defs["CONFLICT"]["x-grpc"], json!("ABORTED"), "{defs}");
        }
    }
}

#[test]
fn the_reference_shows_the_grpc_code() {
    let reference = reference();
    let markdown = errors_docs::markdown(&reference);
    assert!(
        markdown.contains("**410 Gone** · not retryable · gRPC `NOT_FOUND`"),
        "{markdown}"
    );
    let html = errors_docs::html(&reference);
    assert!(
        html.contains("<span class=\"badge grpc\">gRPC ABORTED</span>"),
        "{html}"
    );
}
