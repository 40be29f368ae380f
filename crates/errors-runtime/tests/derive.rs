//! `#[derive(Catalog)]`: hand-written enums held to a catalog, with real error sources
//! that never reach the wire.

use std::error::Error as _;
use std::io;

use errors_runtime::{Catalog, CatalogError};

/// A service's own error type: catalog fields plus the causes it wraps.
#[derive(Debug, Catalog)]
#[catalog(path = "tests/catalogs/service.toml")]
pub enum ServiceError {
    NotFound {
        resource: String,
        id: String,
    },
    #[catalog(code = "INTERNAL_ERROR")]
    Internal {
        operation: String,
        #[source]
        cause: io::Error,
    },
    UpstreamTimeout {
        service: String,
        retry_after: Option<u64>,
        #[catalog(skip)]
        attempts: u32,
    },
    StorageUnavailable {
        retry_after: Option<u64>,
        #[from]
        source: io::Error,
    },
}

fn read_config(path: &str) -> Result<String, ServiceError> {
    Ok(std::fs::read_to_string(path)?)
}

#[test]
fn wraps_a_real_io_error_with_question_mark() {
    let err = read_config("/definitely/not/here.toml").unwrap_err();
    assert_eq!(err.code(), ServiceErrorCode::StorageUnavailable);
    assert_eq!(err.status(), 503);
    assert!(err.is_retryable());
    assert_eq!(err.to_string(), "Storage is unavailable.");
    let source = err.source().expect("the io::Error is the source");
    let io = source.downcast_ref::<io::Error>().unwrap();
    assert_eq!(io.kind(), io::ErrorKind::NotFound);
    assert_eq!(err.retry_after(), None);
}

#[test]
fn source_text_is_absent_from_every_envelope_and_display() {
    let secret =
        "connection to 10.1.2.3:5432 refused: password authentication failed for user admin";
    let err = ServiceError::Internal {
        operation: "SELECT * FROM users".into(),
        cause: io::Error::other(secret),
    };
    let json = err.envelope().request_id("req_1").to_json();
    assert_eq!(
        json,
        r#"{"success":false,"errorCode":"INTERNAL_ERROR","message":"An unexpected error occurred.","requestId":"req_1"}"#
    );
    assert!(!err.to_string().contains("10.1.2.3"));
    // Logs still see it.
    assert!(format!("{err:?}").contains("10.1.2.3"));
    assert_eq!(err.source().unwrap().to_string(), secret);
    // Structured logs get the internal fields by name.
    let mut internal = Vec::new();
    err.for_each_internal(&mut |name, value| internal.push(format!("{name}={value:?}")));
    assert_eq!(internal, [r#"operation="SELECT * FROM users""#]);
}

#[test]
fn skipped_fields_stay_off_the_wire() {
    let err = ServiceError::UpstreamTimeout {
        service: "billing".into(),
        retry_after: Some(3),
        attempts: 4,
    };
    assert_eq!(
        err.envelope().to_json(),
        r#"{"success":false,"errorCode":"UPSTREAM_TIMEOUT","message":"The billing service didn't respond in time.","details":{"service":"billing","retryAfter":3}}"#
    );
    assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(3)));
    let mut headers = Vec::new();
    err.for_each_header(&mut |name, value| headers.push(format!("{name}: {value}")));
    assert_eq!(headers, ["Retry-After: 3"]);
    assert!(err.source().is_none());
}

#[test]
fn the_code_enum_and_metadata_follow_the_catalog() {
    let codes: Vec<&str> = ServiceErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "NOT_FOUND",
            "INTERNAL_ERROR",
            "UPSTREAM_TIMEOUT",
            "STORAGE_UNAVAILABLE"
        ]
    );
    assert_eq!(ServiceError::catalog().name, "ServiceError");
    assert_eq!(
        "UPSTREAM_TIMEOUT".parse(),
        Ok(ServiceErrorCode::UpstreamTimeout)
    );
    let not_found = ServiceError::NotFound {
        resource: "Session".into(),
        id: "s_1".into(),
    };
    assert_eq!(not_found.to_string(), "Session s_1 does not exist.");
    assert_eq!(not_found.meta().fields.len(), 2);
}

mod generic {
    use errors_runtime::Catalog;

    /// Generics, a lifetime, visibility, other derives and `#[non_exhaustive]`.
    #[derive(Debug, Clone, PartialEq, Catalog)]
    #[catalog(path = "tests/catalogs/service.toml")]
    #[non_exhaustive]
    pub(crate) enum Failure<'a, E: std::error::Error + 'static> {
        NotFound {
            resource: String,
            id: String,
            #[catalog(skip)]
            hint: Option<&'a str>,
        },
        InternalError {
            operation: String,
            #[source]
            cause: E,
        },
        UpstreamTimeout {
            service: String,
            retry_after: Option<u64>,
        },
        StorageUnavailable {
            retry_after: Option<u64>,
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Boom;
impl std::fmt::Display for Boom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("boom")
    }
}
impl std::error::Error for Boom {}

#[test]
fn generic_enums_work() {
    use generic::{Failure, FailureCode};
    let err: Failure<'_, Boom> = Failure::InternalError {
        operation: "charge".into(),
        cause: Boom,
    };
    assert_eq!(err.code(), FailureCode::InternalError);
    assert_eq!(err.source().unwrap().to_string(), "boom");
    let hinted: Failure<'_, Boom> = Failure::NotFound {
        resource: "Order".into(),
        id: "o_9".into(),
        hint: Some("check the id"),
    };
    assert_eq!(
        hinted.envelope().to_json(),
        r#"{"success":false,"errorCode":"NOT_FOUND","message":"Order o_9 does not exist.","details":{"resource":"Order","id":"o_9"}}"#
    );
    fn generic_status<E: CatalogError>(e: &E) -> u16 {
        e.status()
    }
    assert_eq!(generic_status(&hinted), 404);
    let timeout: Failure<'_, Boom> = Failure::UpstreamTimeout {
        service: "ledger".into(),
        retry_after: None,
    };
    let storage: Failure<'_, Boom> = Failure::StorageUnavailable {
        retry_after: Some(1),
    };
    assert_eq!(
        (generic_status(&timeout), generic_status(&storage)),
        (504, 503)
    );
}

/// A where clause of the user's own (with its trailing comma): every generated impl
/// keeps it, and the bounds the expansion adds (a generic `#[source]` must be an
/// error, the enum `Debug`) come after it.
mod where_clause {
    use errors_runtime::Catalog;

    #[derive(Debug, Catalog)]
    #[catalog(path = "tests/catalogs/service.toml")]
    pub(crate) enum Bounded<E>
    where
        E: std::fmt::Debug,
    {
        NotFound {
            resource: String,
            id: String,
        },
        InternalError {
            operation: String,
            #[source]
            cause: E,
        },
        UpstreamTimeout {
            service: String,
            retry_after: Option<u64>,
        },
        StorageUnavailable {
            retry_after: Option<u64>,
        },
    }
}

#[test]
fn a_where_clause_of_the_enum_is_kept() {
    use where_clause::{Bounded, BoundedCode};
    let err: Bounded<Boom> = Bounded::InternalError {
        operation: "charge".into(),
        cause: Boom,
    };
    assert_eq!(err.code(), BoundedCode::InternalError);
    assert_eq!(err.source().unwrap().to_string(), "boom");
    let others: [Bounded<Boom>; 3] = [
        Bounded::NotFound {
            resource: "Order".into(),
            id: "o_9".into(),
        },
        Bounded::UpstreamTimeout {
            service: "ledger".into(),
            retry_after: None,
        },
        Bounded::StorageUnavailable {
            retry_after: Some(1),
        },
    ];
    let statuses: Vec<u16> = std::iter::once(&err)
        .chain(&others)
        .map(|e| e.status())
        .collect();
    assert_eq!(statuses, [500, 404, 504, 503]);
}

mod sources {
    use errors_runtime::Catalog;

    type BoxError = Box<dyn std::error::Error + Send + Sync>;

    /// Boxed trait-object sources and optional sources, as thiserror allows.
    #[derive(Debug, Catalog)]
    #[catalog(path = "tests/catalogs/service.toml")]
    pub(crate) enum Wrapped {
        NotFound {
            resource: String,
            id: String,
            #[source]
            lookup: Option<std::io::Error>,
        },
        InternalError {
            operation: String,
            #[source]
            cause: BoxError,
        },
        UpstreamTimeout {
            service: String,
            retry_after: Option<u64>,
        },
        StorageUnavailable {
            retry_after: Option<u64>,
            #[from]
            source: Box<dyn std::error::Error + Send + Sync>,
        },
    }
}

#[test]
fn boxed_and_optional_sources() {
    use sources::Wrapped;
    let boxed = Wrapped::InternalError {
        operation: "charge".into(),
        cause: "card declined by issuer".into(),
    };
    assert_eq!(
        boxed.source().unwrap().to_string(),
        "card declined by issuer"
    );
    assert!(!boxed.envelope().to_json().contains("declined"));

    let without = Wrapped::NotFound {
        resource: "Card".into(),
        id: "c_1".into(),
        lookup: None,
    };
    assert!(without.source().is_none());
    let with = Wrapped::NotFound {
        resource: "Card".into(),
        id: "c_1".into(),
        lookup: Some(io::Error::new(io::ErrorKind::NotFound, "no row")),
    };
    assert_eq!(with.source().unwrap().to_string(), "no row");

    let from: Wrapped = Box::<dyn std::error::Error + Send + Sync>::from("disk full").into();
    assert_eq!(from.code(), sources::WrappedCode::StorageUnavailable);
    assert_eq!(from.source().unwrap().to_string(), "disk full");
    let timeout = Wrapped::UpstreamTimeout {
        service: "s".into(),
        retry_after: None,
    };
    assert!(timeout.source().is_none());
}
