//! The error catalog: parse and validate `catalog.toml`, the single source of truth for
//! an API's errors.
//!
//! A catalog declares every error once: a stable code, the HTTP status, whether
//! clients may retry, a message template, typed detail fields and documentation. This
//! crate reads it into one [`Catalog`] model that code generators, documentation tools
//! and build scripts share, or reports every problem of the catalog at once as
//! [`Diagnostics`], each pointing at `path:line:column` and saying how to fix it.
//!
//! ```
//! use errors_catalog::Catalog;
//!
//! let catalog = Catalog::from_str(
//!     "catalog.toml",
//!     r#"
//!     [errors.NOT_FOUND]
//!     status = 404
//!     message = "Resource {id} does not exist."
//!     details.id = "string"
//!     "#,
//! )
//! .unwrap();
//! assert_eq!(catalog.name, "ApiError");
//! assert_eq!(catalog.errors[0].status, 404);
//! assert!(!catalog.errors[0].retryable);
//!
//! let problems = Catalog::from_str(
//!     "catalog.toml",
//!     "[errors.NOT_FOUND]\nstatus = 404\nmessage = \"Resource {idd} does not exist.\"\ndetails.id = \"string\"\n",
//! )
//! .unwrap_err();
//! assert_eq!(
//!     problems.to_string(),
//!     "catalog.toml:3:21: `{idd}` is not a detail field of `NOT_FOUND`; did you mean `id`?"
//! );
//! ```
//!
//! The catalog format is described in the repository's `README.md` and `SPEC.md`.
//!
//! Feature `contract` (off by default) adds the module `contract`: the committed
//! snapshot of what clients rely on, and the stability check against it.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Tools and tests only: the proc macro's build never needs it.
#[cfg(feature = "contract")]
pub mod contract;
mod diagnostic;
mod draft;
mod enums;
mod evolve;
mod http;
mod load;
mod lower;
mod message_by;
mod model;
pub mod naming;
mod partial;
mod placeholder;
mod report;
mod source;
pub mod suggest;
mod template;
mod valid;

use std::path::Path;

pub use diagnostic::Diagnostic;
pub use errors_vocab::format_spec::{Align, FormatKind, FormatSpec, FormatTrait, Sign};
pub use errors_vocab::template::{Piece, Placeholder, literal_text};
pub use evolve::Deprecation;
pub use model::GrpcCode;
pub use model::{
    Catalog, Category, CircuitBreakerConfig, CodeCase, DEFAULT_LANGUAGE, DetailType, DetailsCase,
    EnumKind, EnumType, EnumValue, EnvelopeSettings, EnvelopeStyle, ErrorDef, Field,
    HonorRetryAfter, HttpConfig, Member, MessageBy, Rejection, RetryClass, RetryConfig,
    StatusDescription, StatusSet, Translation, ValueTemplate,
};
pub use partial::{Partial, PartialError};
pub use report::Diagnostics;
pub use source::Location;
pub use template::MessageTemplate;

impl Catalog {
    /// Loads the catalog at `path` and the files it includes.
    ///
    /// Diagnostics name files by `path` as given (and included files relative to it),
    /// so pass the path the user should see.
    ///
    /// # Errors
    ///
    /// Every problem found, in every file, sorted by position: an unreadable file, TOML
    /// syntax, unknown keys, wrong types, and each rule of the catalog format.
    pub fn load(path: impl AsRef<Path>) -> Result<Catalog, Diagnostics> {
        load::load(path.as_ref(), None)
    }

    /// Loads a catalog from `text`, as if read from `path`. Included files are read
    /// from disk, relative to `path`'s directory.
    ///
    /// # Errors
    ///
    /// As [`Catalog::load`].
    #[allow(clippy::should_implement_trait)] // takes a path too, unlike `FromStr`
    pub fn from_str(path: impl AsRef<Path>, text: &str) -> Result<Catalog, Diagnostics> {
        load::load(path.as_ref(), Some(text.to_owned()))
    }
}
