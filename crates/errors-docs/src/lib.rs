//! The error catalog beyond Rust: a reference page in Markdown or self-contained HTML,
//! a JSON Schema of the envelope and an OpenAPI 3.1 document, for the teams that call
//! an API without writing Rust.
//!
//! Everything is rendered from one owned view, [`Reference`], which comes either from
//! a catalog file (`Reference::from(&catalog)`, feature `catalog`, on by default: no
//! Rust compiled) or from the metadata a service was compiled with
//! (`errors_runtime::docs::reference::<ApiError>()`, feature `docs` of
//! `errors-runtime`), so a running service serves the same pages a build writes.
//!
//! ```
//! use errors_catalog::Catalog;
//! use errors_docs::{Reference, SchemaMode};
//!
//! let catalog = Catalog::from_str(
//!     "catalog.toml",
//!     r#"
//!     [catalog]
//!     envelope = "flat"
//!     doc_url = "https://docs.example.com/errors#{code}"
//!
//!     [errors.RATE_LIMITED]
//!     status = 429
//!     message = "Retry in {retry_after} seconds."
//!     details.retry_after = { type = "u64", header = "Retry-After" }
//!     "#,
//! )
//! .unwrap();
//! let reference = Reference::from(&catalog);
//!
//! let page = errors_docs::html(&reference);
//! assert!(page.contains(r#"id="RATE_LIMITED""#)); // where doc_url lands
//! let markdown = errors_docs::markdown(&reference);
//! assert!(markdown.contains("| 429 | Rate limit exceeded | Yes, after `Retry-After` |"));
//! // The client schema by default; `SchemaMode::Strict` for the service's own output.
//! let schema = errors_docs::json_schema(&reference, SchemaMode::Client);
//! assert!(schema.contains(r#""const": "RATE_LIMITED""#));
//! let openapi = errors_docs::openapi(&reference, "1.0.0", SchemaMode::Strict);
//! assert!(openapi.contains(r#""Error429""#));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod example;
mod format;
#[cfg(feature = "catalog")]
mod from_catalog;
mod guidance;
mod html;
mod json;
mod json_schema;
mod markdown;
mod markdown_escape;
mod model;
mod openapi;
mod schema;
mod template;

pub use errors_vocab::GrpcCode;
pub use errors_vocab::format_spec::FormatSpec;
pub use errors_vocab::template::{Piece, Placeholder};
pub use errors_vocab::{
    CircuitBreakerConfig, DetailType, EnvelopeKeys, EnvelopeStyle, HonorRetryAfter, Rejection,
    RetryConfig,
};
pub use example::{EXAMPLE_REQUEST_ID, EXAMPLE_TIMESTAMP, Example, example_body, example_message};
pub use html::html;
pub use markdown::markdown;
pub use model::{
    Category, Code, EnvelopeLayout, Field, Http, MessageBy, Reference, StatusDescription,
};
pub use openapi::{OPENAPI_VERSION, openapi};
pub use schema::{DIALECT, SchemaMode, json_schema};
pub use template::Template;
