//! Per-route error sets: `catalog!` generates `api_error_subset!`, whose enums hold
//! only some codes, convert into the full type with `?`, answer with the same
//! envelope and (feature `utoipa`) document only their codes plus the layer's own.

mod api {
    errors_runtime::catalog!("../../catalog.toml");

    api_error_subset!(
        /// What the booking route can return.
        pub(crate) BookingErrors = SESSION_NOT_FOUND | SESSION_FULL | ALREADY_BOOKED
    );
    api_error_subset!(pub(crate) Lookup = SESSION_NOT_FOUND);
}

use api::{ApiError, ApiErrorCode, BookingErrors, Lookup};

fn book(full: bool) -> Result<(), BookingErrors> {
    if full {
        return Err(BookingErrors::SessionFull {
            session_id: "s_1".into(),
            capacity: 2,
            waitlist_available: true,
        });
    }
    Err(BookingErrors::SessionNotFound {
        session_id: "s_9".into(),
    })
}

fn handler() -> Result<(), ApiError> {
    book(true)?; // `?` converts into the full type
    Ok(())
}

#[test]
fn a_subset_holds_its_codes_and_converts_both_ways() {
    assert_eq!(
        BookingErrors::CODES,
        [
            ApiErrorCode::SessionNotFound,
            ApiErrorCode::SessionFull,
            ApiErrorCode::AlreadyBooked
        ]
    );
    let error = handler().unwrap_err();
    assert_eq!(error.code(), ApiErrorCode::SessionFull);
    assert_eq!(
        error,
        ApiError::SessionFull {
            session_id: "s_1".into(),
            capacity: 2,
            waitlist_available: true
        }
    );
    let subset = book(false).unwrap_err();
    assert_eq!(subset.code(), ApiErrorCode::SessionNotFound);
    assert_eq!(
        subset.to_string(),
        ApiError::from(subset.clone()).to_string()
    );
    // Back: the codes of the subset, and the others given back untouched.
    assert_eq!(
        BookingErrors::try_from(ApiError::from(subset.clone())),
        Ok(subset)
    );
    let other = ApiError::RouteNotFound;
    assert_eq!(Lookup::try_from(other.clone()), Err(other));
    let _: &dyn std::error::Error = &Lookup::SessionNotFound {
        session_id: "x".into(),
    };
}

#[cfg(feature = "axum")]
#[test]
fn a_subset_answers_with_the_envelope_of_the_full_type() {
    use axum_core::response::IntoResponse;
    let subset = BookingErrors::AlreadyBooked {
        session_id: "s_1".into(),
        booking_id: "b_1".into(),
    };
    let full = ApiError::from(subset.clone());
    let (a, b) = (subset.into_response(), full.into_response());
    assert_eq!(a.status(), 409);
    assert_eq!(a.status(), b.status());
    assert_eq!(a.headers(), b.headers());
}

#[cfg(feature = "utoipa")]
#[test]
fn a_subset_documents_its_codes_and_the_layer_answers_only() {
    use std::collections::BTreeSet;
    use utoipa::{IntoResponses, PartialSchema, ToSchema};

    let layer: Vec<&str> = errors_runtime::utoipa::layer_codes::<ApiError>()
        .iter()
        .map(|c| c.as_str())
        .collect();
    let responses = BookingErrors::responses();
    let mut documented = BTreeSet::new();
    for (status, response) in &responses {
        let response = serde_json::to_value(response).unwrap();
        for code in response["content"]["application/json"]["examples"]
            .as_object()
            .unwrap()
            .keys()
        {
            let meta = ApiError::catalog().error(code).unwrap();
            assert_eq!(meta.status.to_string(), *status, "{code}");
            documented.insert(code.clone());
        }
    }
    let mut expected: BTreeSet<String> = ["SESSION_NOT_FOUND", "SESSION_FULL", "ALREADY_BOOKED"]
        .map(String::from)
        .into();
    expected.extend(layer.iter().map(|c| (*c).to_owned()));
    assert_eq!(documented, expected);
    // Not another code of the same status as the subset's (409 CONFLICT), nor a bare
    // status's inferred answer (503 SERVICE_UNAVAILABLE).
    assert!(!documented.contains("CONFLICT") && !responses.contains_key("503"));

    assert_eq!(BookingErrors::name(), "BookingErrors");
    let schema = serde_json::to_value(BookingErrors::schema()).unwrap();
    assert_eq!(schema["oneOf"].as_array().unwrap().len(), expected.len());
    let mut components = Vec::new();
    BookingErrors::schemas(&mut components);
    let names: BTreeSet<&str> = components.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains("SessionFullDetails") && names.contains("SESSION_FULL"));
    assert!(!names.contains("CONFLICT") && !names.contains("BookingErrors"));

    // A subset of one code still documents the layer's answers beside its 404.
    let lookup = Lookup::responses();
    let not_found = serde_json::to_value(&lookup["404"]).unwrap();
    let examples = not_found["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    assert!(examples.contains_key("SESSION_NOT_FOUND") && examples.contains_key("ROUTE_NOT_FOUND"));
    assert!(!examples.contains_key("NOT_FOUND"));
}
