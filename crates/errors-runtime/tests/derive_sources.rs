//! Derive mode as a booking service lives with it (seeds 000 and 003): a code enum
//! named from the codes whatever the variants are called, several error sources in
//! one variant, database errors routed by value to another code, and a client type
//! of the same catalog without the server-only fields.

use std::error::Error as _;

/// The database layer's error, as a driver would give it.
#[derive(Debug)]
pub enum DbError {
    UniqueViolation { constraint: String, key: String },
    Connection(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::UniqueViolation { constraint, .. } => {
                write!(f, "unique violation on {constraint}")
            }
            DbError::Connection(why) => write!(f, "connection: {why}"),
        }
    }
}

impl std::error::Error for DbError {}

/// A unique violation on the bookings table is the member's double booking (409);
/// everything else stays an internal error.
fn classify_db(error: &DbError) -> Option<BookingError> {
    match error {
        DbError::UniqueViolation { constraint, key } if constraint == "bookings_member_session" => {
            Some(BookingError::AlreadyBooked {
                session_id: key.clone(),
            })
        }
        _ => None,
    }
}

#[derive(Debug, errors_runtime::Catalog)]
#[catalog(path = "tests/catalogs/booking.toml")]
pub enum BookingError {
    #[catalog(code = "SESSION_FULL")]
    SessionAtCapacity {
        session_id: String,
        capacity: u32,
    },
    AlreadyBooked {
        session_id: String,
    },
    InternalError {
        #[from(std::io::Error, serde_json::Error, DbError => classify_db)]
        source: Box<dyn std::error::Error + Send + Sync>,
        #[catalog(default = "String::from(\"unclassified source error\")")]
        reason: String,
    },
}

/// The client's type of the same catalog: no `reason`, which the server never sends.
mod client {
    errors_runtime::catalog!("tests/catalogs/booking.toml", client);
}

#[test]
fn the_code_enum_is_named_from_the_codes() {
    let full = BookingError::SessionAtCapacity {
        session_id: "s1".into(),
        capacity: 20,
    };
    assert_eq!(full.code(), BookingErrorCode::SessionFull);
    assert_eq!(format!("{:?}", full.code()), "SessionFull");
    assert_eq!(full.code().to_string(), "SESSION_FULL");
    // The same Rust name as the client's `catalog!` type.
    assert_eq!(
        full.code().as_str(),
        client::ApiErrorCode::SessionFull.as_str()
    );
}

fn read_booking(text: &str) -> Result<u32, BookingError> {
    let value: serde_json::Value = serde_json::from_str(text)?;
    Ok(value["capacity"].as_u64().unwrap_or(0) as u32)
}

fn open_file() -> Result<(), BookingError> {
    std::fs::read("/definitely/not/here")?;
    Ok(())
}

fn insert(error: DbError) -> Result<(), BookingError> {
    Err(error)?
}

#[test]
fn several_sources_convert_with_question_mark() {
    let json = read_booking("{not json").unwrap_err();
    assert_eq!(json.code(), BookingErrorCode::InternalError);
    assert!(json.source().unwrap().is::<serde_json::Error>());
    let io = open_file().unwrap_err();
    assert_eq!(io.status(), 500);
    assert!(io.source().unwrap().is::<std::io::Error>());
    let BookingError::InternalError { reason, .. } = &io else {
        panic!("{io:?}")
    };
    assert_eq!(reason, "unclassified source error");
    // The source and the internal reason never reach the wire.
    let body = io.envelope().to_json();
    assert!(!body.contains("unclassified"), "{body}");
    assert!(!body.contains("No such file"), "{body}");
}

#[test]
fn database_errors_route_by_value() {
    let double = insert(DbError::UniqueViolation {
        constraint: "bookings_member_session".into(),
        key: "s42".into(),
    })
    .unwrap_err();
    assert_eq!(double.code(), BookingErrorCode::AlreadyBooked);
    assert_eq!(double.status(), 409);
    assert!(double.to_string().contains("s42"));
    let other = insert(DbError::UniqueViolation {
        constraint: "members_email".into(),
        key: "a@b".into(),
    })
    .unwrap_err();
    assert_eq!(other.code(), BookingErrorCode::InternalError);
    assert!(other.source().unwrap().is::<DbError>());
    let down = insert(DbError::Connection("refused".into())).unwrap_err();
    assert_eq!(down.code(), BookingErrorCode::InternalError);
}

#[test]
fn the_client_type_has_no_server_only_fields() {
    let server = BookingError::from(std::io::Error::other("disk"));
    let body = server.envelope().request_id("req_7").to_json();
    let decoded = errors_runtime::decode::<client::ApiError>(body.as_bytes()).unwrap();
    // A unit variant: nothing invented for `reason`.
    assert_eq!(decoded.known(), Some(&client::ApiError::InternalError));
    assert_eq!(decoded.request_id(), Some("req_7"));
    // Every code round-trips between the server's and the client's types.
    let full = BookingError::SessionAtCapacity {
        session_id: "s1".into(),
        capacity: 3,
    };
    let back =
        errors_runtime::decode::<client::ApiError>(full.envelope().to_json().as_bytes()).unwrap();
    assert_eq!(
        back.known(),
        Some(&client::ApiError::SessionFull {
            session_id: "s1".into(),
            capacity: 3
        })
    );
    assert_eq!(
        back.known().unwrap().envelope().to_json(),
        full.envelope().to_json()
    );
}

#[test]
fn the_catalogs_retry_after_cap_reaches_both_types() {
    use std::time::Duration;
    assert_eq!(BookingError::catalog().retry.max_retry_after_ms, 120_000);
    let policy = errors_runtime::RetryPolicy::for_catalog::<client::ApiError>();
    assert_eq!(policy.max_retry_after(), Duration::from_secs(120));
}
