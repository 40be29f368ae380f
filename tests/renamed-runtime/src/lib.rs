//! The macros through a renamed dependency (`my_errors`) and through a re-export
//! (`facade::errors`): with `crate = ...`, no generated path names `errors_runtime`,
//! which this crate cannot see.

/// A facade crate's re-export, as an API crate would offer the runtime to its users.
pub mod facade {
    pub use my_errors as errors;
}

/// `catalog!` through the renamed dependency.
pub mod generated {
    my_errors::catalog!("../../catalog.toml", crate = my_errors);
}

/// The derive through the facade.
pub mod derived {
    /// The bundled catalog's enum, written by hand.
    #[derive(Debug, my_errors::Catalog)]
    #[catalog(path = "catalog.toml", crate = "crate::facade::errors")]
    pub enum BookingError {
        /// `SESSION_FULL`.
        SessionFull {
            /// The session.
            session_id: String,
            /// Its capacity.
            capacity: u32,
        },
        /// `NOT_FOUND`.
        NotFound {
            /// What was looked for.
            id: String,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::derived::{BookingError, BookingErrorCode};
    use super::generated::ApiError;

    #[test]
    fn generated_types_work_through_the_renamed_crate() {
        let err = ApiError::SessionNotFound {
            session_id: "123".into(),
        };
        assert_eq!(err.status(), 404);
        let body = err.envelope().request_id("req_1").to_json();
        let decoded = my_errors::decode::<ApiError>(body.as_bytes()).unwrap();
        assert_eq!(decoded.known(), Some(&err));
    }

    #[test]
    fn derived_types_work_through_the_facade() {
        let err = BookingError::SessionFull {
            session_id: "s1".into(),
            capacity: 3,
        };
        assert_eq!(err.code(), BookingErrorCode::SessionFull);
        assert_eq!(err.status(), 409);
        let body: serde_json::Value = serde_json::from_str(&err.envelope().to_json()).unwrap();
        assert_eq!(body["details"]["sessionId"], "s1");
        let decoded =
            my_errors::decode::<BookingError>(err.envelope().to_json().as_bytes()).unwrap();
        assert_eq!(
            format!("{:?}", decoded.known()),
            format!("{:?}", Some(&err))
        );
    }
}
