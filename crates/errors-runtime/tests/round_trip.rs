//! `decode(serialize(e)) == e` for every code of the bundled catalog, in all four
//! envelope styles, over random detail values (quotes, braces, backslashes, control
//! characters, non-ASCII, extreme numbers), request ids and timestamps.
//!
//! Errors are built from random wire values with the generated `from_wire`, then
//! checked both ways: serializing gives back exactly those wire values, and decoding
//! the serialized envelope gives back the same error.

use errors_runtime::meta::{ErrorMeta, FieldMeta, FieldType};
use errors_runtime::{CatalogError, Decode, ErrorCode, Timestamp, WireDetails, decode};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

mod flat {
    errors_runtime::catalog!("../../catalog.toml");
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/bundled_nested.toml");
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/bundled_typed.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/bundled_problem.toml");
}
/// The client's type of the bundled catalog: no internal fields.
mod client {
    errors_runtime::catalog!("../../catalog.toml", client);
}

use flat::ApiError;
use nested::NestedApiError;
use problem::ProblemApiError;
use typed::TypedApiError;

/// The copies of the bundled errors say what the bundled catalog says, code for code,
/// field for field (only wire names differ), so the round trip covers the real thing.
#[test]
fn style_catalogs_declare_exactly_the_bundled_errors() {
    fn same<E: CatalogError>(name: &str) {
        let bundled = ApiError::CATALOG.errors;
        let copy = E::CATALOG.errors;
        assert_eq!(copy.len(), bundled.len(), "{name}: number of codes");
        for (b, c) in bundled.iter().zip(copy) {
            assert_eq!(
                (
                    c.code,
                    c.status,
                    c.retryable,
                    c.template,
                    c.category,
                    c.param
                ),
                (
                    b.code,
                    b.status,
                    b.retryable,
                    b.template,
                    b.category,
                    b.param
                ),
                "{name}"
            );
            let fields = |e: &ErrorMeta| {
                e.fields
                    .iter()
                    .map(|f| (f.name, f.ty, f.optional, f.internal, f.header))
                    .collect::<Vec<_>>()
            };
            assert_eq!(fields(c), fields(b), "{name}: fields of {}", b.code);
        }
    }
    same::<NestedApiError>("nested");
    same::<TypedApiError>("typed");
    same::<ProblemApiError>("problem");
    let declared: Vec<&str> = include_str!("../../../catalog.toml")
        .lines()
        .filter_map(|line| line.strip_prefix("[errors.")?.strip_suffix(']'))
        .filter(|code| !code.contains('.'))
        .collect();
    let codes: Vec<&str> = ApiError::CATALOG.errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, declared);
}

/// Text that breaks naive JSON or template handling.
fn nasty_string() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => any::<char>(),
        1 => prop::sample::select(vec![
            '"', '\\', '{', '}', '/', '\'', '\0', '\n', '\r', '\t', '\u{7f}', '\u{1b}',
            '\u{2028}', 'é', 'ß', '中', '😀', '\u{feff}',
        ]),
    ];
    prop::collection::vec(ch, 0..16).prop_map(String::from_iter)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        nasty_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(nasty_string(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A random wire value of a catalog type.
fn value_of(ty: &'static FieldType) -> BoxedStrategy<Value> {
    match ty {
        FieldType::String => nasty_string().prop_map(Value::from).boxed(),
        FieldType::Bool => any::<bool>().prop_map(Value::from).boxed(),
        FieldType::I32 => any::<i32>().prop_map(Value::from).boxed(),
        FieldType::I64 => any::<i64>().prop_map(Value::from).boxed(),
        FieldType::U32 => any::<u32>().prop_map(Value::from).boxed(),
        FieldType::U64 => any::<u64>().prop_map(Value::from).boxed(),
        FieldType::F64 => (-1e300..1e300f64).prop_map(Value::from).boxed(),
        FieldType::Json => json_value().boxed(),
        FieldType::FieldViolations => {
            let violation = (
                nasty_string(),
                nasty_string(),
                prop::option::of(nasty_string()),
            )
                .prop_map(|(path, message, rule)| {
                    let mut v = json!({ "path": path, "message": message });
                    if let Some(rule) = rule {
                        v["rule"] = Value::from(rule);
                    }
                    v
                });
            prop::collection::vec(violation, 0..4)
                .prop_map(Value::from)
                .boxed()
        }
        FieldType::List(inner) => prop::collection::vec(value_of(inner), 0..4)
            .prop_map(Value::from)
            .boxed(),
    }
}

/// A random error of the bundled catalog: its index in catalog order and one value per
/// public field (`None` for an absent optional field; internal fields get `None`).
fn any_error() -> impl Strategy<Value = (usize, Vec<Option<Value>>)> {
    (0..ApiError::CATALOG.errors.len()).prop_flat_map(|index| {
        let fields: Vec<BoxedStrategy<Option<Value>>> = ApiError::CATALOG.errors[index]
            .fields
            .iter()
            .map(|f: &FieldMeta| {
                if f.internal {
                    Just(None).boxed()
                } else if f.optional {
                    prop::option::of(value_of(&f.ty)).boxed()
                } else {
                    value_of(&f.ty).prop_map(Some).boxed()
                }
            })
            .collect();
        (Just(index), fields)
    })
}

/// The wire details of `values` under `E`'s wire names.
fn wire_details<E: CatalogError>(index: usize, values: &[Option<Value>]) -> Map<String, Value> {
    let meta = &E::CATALOG.errors[index];
    meta.fields
        .iter()
        .zip(values)
        .filter_map(|(f, v)| Some((f.wire.to_owned(), v.clone()?)))
        .collect()
}

/// The public detail members `error` serializes, read back from its envelope.
fn serialized_details<E: CatalogError>(error: &E, envelope: &Value) -> Map<String, Value> {
    let keys = &E::CATALOG.envelope.keys;
    let public = |name: &str| error.meta().fields.iter().any(|f| f.wire == name);
    let object = match E::CATALOG.envelope.style {
        errors_runtime::EnvelopeStyle::Flat => envelope.get(keys.details),
        errors_runtime::EnvelopeStyle::Problem => Some(envelope),
        _ => envelope[keys.error].get(keys.details),
    };
    match object {
        None => Map::new(),
        Some(Value::Object(map)) => map
            .iter()
            .filter(|(k, _)| public(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        Some(other) => panic!("details are not an object: {other}"),
    }
}

fn round_trip<E: Decode + PartialEq>(
    index: usize,
    values: &[Option<Value>],
    request_id: &str,
    at: Timestamp,
) -> Result<(), TestCaseError> {
    let code = <E::Code as ErrorCode>::ALL[index];
    let wire = wire_details::<E>(index, values);
    let error = E::from_wire(code, WireDetails::new(code.as_str(), Some(&wire)))
        .map_err(|e| TestCaseError::fail(format!("from_wire: {e}")))?;

    let text = error
        .envelope()
        .request_id(request_id)
        .timestamp(at)
        .to_json();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    prop_assert_eq!(serialized_details(&error, &parsed), wire, "{}", text);

    let decoded = decode::<E>(text.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("decode: {e}\n{text}")))?;
    prop_assert_eq!(decoded.known(), Some(&error), "{}", text);
    prop_assert_eq!(decoded.code(), code.as_str());
    prop_assert_eq!(decoded.message(), error.to_string());
    prop_assert_eq!(decoded.request_id(), Some(request_id));
    prop_assert_eq!(decoded.timestamp(), Some(at));
    prop_assert_eq!(decoded.status(), Some(error.status()));
    prop_assert_eq!(decoded.is_retryable(), error.is_retryable());
    prop_assert_eq!(decoded.retry_after(), error.retry_after());
    // The style's own members.
    let meta = error.meta();
    match E::CATALOG.envelope.style {
        errors_runtime::EnvelopeStyle::Typed => {
            prop_assert_eq!(decoded.category(), meta.category);
            prop_assert_eq!(decoded.param(), error.param());
            prop_assert_eq!(decoded.doc_url(), meta.doc_url);
        }
        errors_runtime::EnvelopeStyle::Problem => {
            prop_assert_eq!(decoded.title(), Some(meta.title));
            prop_assert_eq!(decoded.doc_url(), meta.doc_url);
        }
        _ => prop_assert_eq!(
            (
                decoded.category(),
                decoded.param(),
                decoded.title(),
                decoded.doc_url()
            ),
            (None, None, None, None)
        ),
    }
    Ok(())
}

/// A server's error decoded into the client's type of the same catalog: the same
/// code, message and request id, and an envelope the same byte for byte, with nothing
/// invented for the internal fields it does not hold.
fn client_round_trip(
    index: usize,
    values: &[Option<Value>],
    request_id: &str,
) -> Result<(), TestCaseError> {
    let code = flat::ApiErrorCode::ALL[index];
    let wire = wire_details::<ApiError>(index, values);
    let sent = ApiError::from_wire(code, WireDetails::new(code.as_str(), Some(&wire)))
        .map_err(|e| TestCaseError::fail(format!("from_wire: {e}")))?;
    let text = sent.envelope().request_id(request_id).to_json();
    let decoded = decode::<client::ApiError>(text.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("decode: {e}\n{text}")))?;
    let received = decoded
        .known()
        .ok_or_else(|| TestCaseError::fail(format!("not known: {decoded:?}")))?;
    prop_assert_eq!(received.code().as_str(), code.as_str());
    prop_assert_eq!(received.to_string(), sent.to_string());
    prop_assert_eq!(received.envelope().request_id(request_id).to_json(), text);
    // The client type holds no internal field: nothing to visit, where the server's
    // type holds each of the code's internal fields.
    let mut held = 0;
    received.for_each_internal(&mut |_, _| held += 1);
    prop_assert_eq!(held, 0);
    let mut server_held = 0;
    sent.for_each_internal(&mut |_, _| server_held += 1);
    prop_assert_eq!(
        server_held,
        sent.meta().fields.iter().filter(|f| f.internal).count()
    );
    Ok(())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // 1970 to 9999: the four-digit years RFC 3339 allows.
    (0..=253_402_300_799_999_i64).prop_map(Timestamp::from_unix_millis)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_code_round_trips_in_every_style(
        (index, values) in any_error(),
        request_id in nasty_string(),
        at in timestamp(),
    ) {
        round_trip::<ApiError>(index, &values, &request_id, at)?;
        round_trip::<NestedApiError>(index, &values, &request_id, at)?;
        round_trip::<TypedApiError>(index, &values, &request_id, at)?;
        round_trip::<ProblemApiError>(index, &values, &request_id, at)?;
        client_round_trip(index, &values, &request_id)?;
    }

    /// A code this build does not know keeps code, message and details as sent.
    #[test]
    fn unknown_codes_keep_what_was_sent(
        code in "[A-Z][A-Z_]{0,20}",
        message in nasty_string(),
        details in prop::collection::btree_map("[a-z][a-zA-Z]{0,8}", json_value(), 0..5),
        status in 400_u16..600,
    ) {
        prop_assume!(code.parse::<flat::ApiErrorCode>().is_err());
        let details: Map<String, Value> = details.into_iter().collect();
        let body = json!({
            "success": false, "errorCode": code, "message": message,
            "details": details, "requestId": "req_1",
        });
        let decoded = errors_runtime::decode_response::<ApiError>(status, &(), body.to_string().as_bytes()).unwrap();
        let unknown = decoded.error().unknown().unwrap();
        prop_assert_eq!(unknown.code(), &code);
        prop_assert_eq!(unknown.message(), &message);
        prop_assert_eq!(unknown.status(), Some(status));
        prop_assert_eq!(unknown.details(), &details);
        prop_assert_eq!(decoded.is_retryable(), status == 429 || status >= 500);
        prop_assert_eq!(decoded.request_id(), Some("req_1"));
    }
}

/// Every code, every style, with fixed values: a quick exhaustive pass besides the
/// random one (which may not pick every code with every optional field set).
#[test]
fn every_code_round_trips_with_all_optional_fields_set() {
    for (index, meta) in ApiError::CATALOG.errors.iter().enumerate() {
        let values: Vec<Option<Value>> = meta
            .fields
            .iter()
            .map(|f| (!f.internal).then(|| sample(&f.ty)))
            .collect();
        let at = Timestamp::from_unix_millis(1_795_255_200_123);
        let run = || -> Result<(), TestCaseError> {
            round_trip::<ApiError>(index, &values, "req_\"{x}\"", at)?;
            round_trip::<NestedApiError>(index, &values, "req_\"{x}\"", at)?;
            round_trip::<TypedApiError>(index, &values, "req_\"{x}\"", at)?;
            round_trip::<ProblemApiError>(index, &values, "req_\"{x}\"", at)
        };
        if let Err(e) = run() {
            panic!("{}: {e}", meta.code);
        }
    }
}

fn sample(ty: &FieldType) -> Value {
    match ty {
        FieldType::String => json!("a \"quoted\" {brace} \\ \u{1} é 中"),
        FieldType::Bool => json!(true),
        FieldType::I32 => json!(i32::MIN),
        FieldType::I64 => json!(i64::MIN),
        FieldType::U32 => json!(u32::MAX),
        FieldType::U64 => json!(u64::MAX),
        FieldType::F64 => json!(-0.5),
        FieldType::Json => json!({"nested": [1, "two", null]}),
        FieldType::FieldViolations => json!([
            {"path": "email", "message": "must be a valid email", "rule": "email"},
            {"path": "items[2].sku", "message": "unknown {sku}"}
        ]),
        FieldType::List(inner) => json!([sample(inner), sample(inner)]),
    }
}

/// Internal fields never travel: they come back as their type's default, and the rest
/// of the error is intact.
#[test]
fn internal_fields_come_back_as_defaults() {
    let sent = ApiError::UpstreamTimeout {
        service: "inventory".into(),
        timeout_ms: 2500,
        upstream_host: "10.0.0.7:8443".into(),
    };
    let text = sent.envelope().to_json();
    assert!(!text.contains("10.0.0.7"), "{text}");
    let decoded = decode::<ApiError>(text.as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ApiError::UpstreamTimeout {
            service: "inventory".into(),
            timeout_ms: 2500,
            upstream_host: String::new(),
        })
    );

    let sent = ProblemApiError::UniqueViolation {
        field: "email".into(),
        constraint: "users_email_key".into(),
    };
    let decoded = decode::<ProblemApiError>(sent.envelope().to_json().as_bytes()).unwrap();
    assert_eq!(
        decoded.known(),
        Some(&ProblemApiError::UniqueViolation {
            field: "email".into(),
            constraint: String::new(),
        })
    );
}
