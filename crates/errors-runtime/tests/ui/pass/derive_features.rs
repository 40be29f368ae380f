//! Derive mode with everything around it: other derives and attributes, a keyword
//! field, generics and lifetimes, visibility, `#[non_exhaustive]`, `?` through
//! `#[from]`, and no warnings.
#![deny(warnings)]

use std::error::Error as _;

mod api {
    /// The service's errors.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, errors_runtime::Catalog)]
    #[catalog(path = "../catalogs/derive_pass.toml")]
    #[non_exhaustive]
    #[allow(clippy::enum_variant_names)]
    pub enum ApiError<'a, T: Clone + PartialEq + serde::Serialize> {
        /// Keyword field.
        NotFound {
            r#type: String,
            #[serde(skip)]
            #[catalog(skip)]
            context: Option<&'a str>,
        },
        /// Generic extra state.
        InternalError {
            #[catalog(skip)]
            state: Option<T>,
        },
    }
}

#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "../catalogs/derive_pass.toml")]
enum Local {
    NotFound { r#type: String },
    InternalError(#[from] std::fmt::Error),
}

fn fails() -> Result<(), Local> {
    Err(std::fmt::Error)?;
    Ok(())
}

fn main() {
    let e: api::ApiError<'_, u8> = api::ApiError::NotFound { r#type: "Order".into(), context: Some("x") };
    assert_eq!(e.to_string(), "Order not found.");
    assert_eq!(e.code(), api::ApiErrorCode::NotFound);
    assert_eq!(e.envelope().to_json(), r#"{"error":{"code":"NOT_FOUND","message":"Order not found.","details":{"type":"Order"}}}"#);
    let i: api::ApiError<'_, u8> = api::ApiError::InternalError { state: Some(3) };
    assert!(i.is_retryable());
    let err = fails().unwrap_err();
    assert_eq!(err.code(), LocalCode::InternalError);
    assert!(err.source().is_some());
    let _ = Local::NotFound { r#type: String::new() };
}
