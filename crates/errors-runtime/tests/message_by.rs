//! Messages chosen by an enum field (SPEC 9.4): `Display` renders the template of the
//! field's value; envelopes carry it; the decoder reads the value from the message
//! where it is not sent otherwise.

use errors_runtime::{DecodeError, decode, decode_response};

mod api {
    errors_runtime::catalog!("tests/catalogs/enums.toml");
}

use api::{AlreadyExistsField, ApiError, TakenWhat};

#[test]
fn display_renders_the_template_of_the_value() {
    let email = ApiError::AlreadyExists {
        field: AlreadyExistsField::Email,
    };
    let name = ApiError::AlreadyExists {
        field: AlreadyExistsField::Name,
    };
    assert_eq!(email.to_string(), "Email already registered");
    assert_eq!(name.to_string(), "Name already in use");
    let taken = ApiError::Taken {
        what: TakenWhat::Name,
        owner: "Ada".into(),
    };
    assert_eq!(taken.to_string(), "The name is Ada's");
    let meta = api::ApiErrorCode::AlreadyExists.meta();
    let by = meta.message_by.expect("a message chosen by a field");
    assert_eq!(by.field, "field");
    assert_eq!(by.templates[1].value, "name");
    assert_eq!(by.templates[1].template, "Name already in use");
    assert_eq!(meta.template, "Email already registered");
}

#[test]
fn envelopes_carry_the_message_and_decode_back() {
    let name = ApiError::AlreadyExists {
        field: AlreadyExistsField::Name,
    };
    let json = name.envelope().to_json();
    assert_eq!(
        json,
        r#"{"success":false,"errorCode":"ALREADY_EXISTS","message":"Name already in use","details":{"field":"name"}}"#
    );
    assert_eq!(
        decode::<ApiError>(json.as_bytes()).unwrap().known(),
        Some(&name)
    );
}

#[test]
fn the_value_is_read_from_the_message_where_it_is_not_sent_otherwise() {
    for sent in [
        ApiError::Taken {
            what: TakenWhat::Email,
            owner: "Ada".into(),
        },
        ApiError::Taken {
            what: TakenWhat::Name,
            owner: "Grace Hopper".into(),
        },
    ] {
        let json = sent.envelope().to_json();
        assert!(!json.contains("details"), "{json}");
        let decoded = decode::<ApiError>(json.as_bytes()).unwrap();
        assert_eq!(decoded.known(), Some(&sent), "{json}");
    }
}

fn mismatch(body: &str) -> DecodeError {
    let decoded = decode_response::<ApiError>(409, &(), body.as_bytes())
        .unwrap_or_else(|e| panic!("{body} is lost: {e}"));
    let Some(mismatched) = decoded.error().mismatched() else {
        panic!("{body} fits: {decoded:?}")
    };
    assert_eq!(decoded.message(), mismatched.message());
    mismatched.reason().clone()
}

#[test]
fn a_message_that_follows_no_template_keeps_the_response() {
    let reason =
        mismatch(r#"{"success":false,"errorCode":"TAKEN","message":"Phone taken by Ada"}"#);
    assert!(
        matches!(&reason, DecodeError::Unrecoverable { field: "what", reason, .. }
            if reason == "the message: the message follows the template of no value of `what`"),
        "{reason:?}"
    );
    // A value the build does not know, sent in details.
    let reason = mismatch(
        r#"{"success":false,"errorCode":"ALREADY_EXISTS","message":"Phone already in use","details":{"field":"phone"}}"#,
    );
    assert!(
        matches!(&reason, DecodeError::InvalidField { field: "field", .. }),
        "{reason:?}"
    );
}

mod derived {
    /// The derive generates the enums of the catalog's fields beside the enum.
    #[derive(Debug, errors_runtime::Catalog)]
    #[catalog(path = "tests/catalogs/enums_derive.toml")]
    pub(crate) enum DerivedError {
        AlreadyExists {
            field: AlreadyExistsField,
        },
        Invalid {
            fields: Vec<errors_runtime::FieldViolation<InvalidFieldsRule>>,
        },
    }
}

#[test]
fn a_derived_enum_gets_the_generated_enums_too() {
    use derived::{AlreadyExistsField, DerivedError, InvalidFieldsRule};
    let error = DerivedError::AlreadyExists {
        field: AlreadyExistsField::Name,
    };
    assert_eq!(error.to_string(), "Name already in use");
    let json = errors_runtime::CatalogError::envelope(&error).to_json();
    assert!(json.contains(r#""details":{"field":"name"}"#), "{json}");
    let invalid = DerivedError::Invalid {
        fields: vec![
            errors_runtime::FieldViolation::new("a", "m").with_typed_rule(InvalidFieldsRule::Email),
        ],
    };
    let json = errors_runtime::CatalogError::envelope(&invalid).to_json();
    assert!(json.contains(r#""rule":"email""#), "{json}");
}
