//! Issue 16: every value an error can hold is written as an envelope that decodes
//! back to the same error, in every style; what cannot be written that way cannot be
//! built. Each defect found has its regression test here, and the properties at the
//! end generate values of every detail type, in every style, to find their siblings.

use std::fmt::Debug;
use std::time::{Duration, UNIX_EPOCH};

use errors_runtime::{
    CatalogError, Decode, EnvelopeStyle, FieldViolation, Received, Timestamp, decode,
};
use proptest::prelude::*;
use serde_json::{Value, json};

mod flat {
    errors_runtime::catalog!("tests/catalogs/values_flat.toml");
}
mod nested {
    errors_runtime::catalog!("tests/catalogs/values_nested.toml");
}
mod typed {
    errors_runtime::catalog!("tests/catalogs/values_typed.toml");
}
mod problem {
    errors_runtime::catalog!("tests/catalogs/values_problem.toml");
}
mod renamed {
    errors_runtime::catalog!("tests/catalogs/problem_renamed.toml");
}

use flat::FlatValues;
use nested::NestedValues;
use problem::ProblemValues;
use renamed::RenamedProblem;
use typed::TypedValues;

const AT: Timestamp = Timestamp::from_unix_millis(1_795_255_200_000);

/// The envelope of `error` with a request id and `at`, decoded back to a known
/// error; panics with the body when it does not.
fn round_trip<E: Decode + Debug>(error: &E, at: Timestamp) -> E {
    let body = error.envelope().request_id("req_1").timestamp(at).to_json();
    let decoded = match decode::<E>(body.as_bytes()) {
        Ok(decoded) => decoded,
        Err(err) => panic!("{body} does not decode: {err}"),
    };
    assert_eq!(decoded.request_id(), Some("req_1"), "{body}");
    assert_eq!(decoded.timestamp(), Some(at), "{body}");
    match decoded.into_error() {
        Received::Known(known) => known,
        Received::Mismatched(mismatched) => {
            panic!("{body} does not fit the catalog: {}", mismatched.reason())
        }
        Received::Unknown(unknown) => panic!("{body} decoded to the unknown {unknown:?}"),
    }
}

/// Equality that holds for NaN too: the `Debug` texts, which show every float bit
/// that JSON keeps (the sign of zero included) and print every NaN as `NaN`.
///
/// Exact only where `serde_json` parses floats exactly (its `float_roundtrip`
/// feature); without it, a float read back may be a few units in the last place
/// off, and the errors' envelopes are compared instead, floats within 64 such units
/// and without the message (which renders the float). [`finite_floats_round_trip_exactly`]
/// is the test of exactness.
fn same<E: CatalogError + Debug>(a: &E, b: &E) -> bool {
    if exact_float_parsing() {
        format!("{a:?}") == format!("{b:?}")
    } else {
        nearly_equal(&envelope_but_message(a), &envelope_but_message(b))
    }
}

fn envelope_but_message<E: CatalogError>(error: &E) -> Value {
    let mut envelope = serde_json::to_value(error.envelope()).unwrap();
    let keys = &E::CATALOG.envelope.keys;
    let (members, message) = match E::CATALOG.envelope.style {
        EnvelopeStyle::Flat => (&mut envelope, keys.message),
        EnvelopeStyle::Nested | EnvelopeStyle::Typed => (&mut envelope[keys.error], keys.message),
        EnvelopeStyle::Problem => (&mut envelope, keys.detail),
    };
    members.as_object_mut().unwrap().remove(message);
    envelope
}

/// Whether `serde_json` reads floats back exactly, as with `float_roundtrip`.
fn exact_float_parsing() -> bool {
    let text = "2.4462398003447134e-152";
    serde_json::from_str::<f64>(text).ok() == Some(2.4462398003447134e-152)
}

/// JSON values equal but for floats, which may be 64 units in the last place apart.
fn nearly_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            x.to_bits().abs_diff(y.to_bits()) <= 64 && x.is_sign_negative() == y.is_sign_negative()
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| nearly_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, x), (ky, y))| kx == ky && nearly_equal(x, y))
        }
        _ => a == b,
    }
}

fn assert_round_trips<E: Decode + Debug>(error: &E) {
    let back = round_trip(error, AT);
    assert!(same(&back, error), "{error:?} came back as {back:?}");
}

/// The value of every detail type that `values_errors.toml` declares.
#[derive(Debug, Clone)]
struct Values {
    text: String,
    flag: bool,
    small: i32,
    big: i64,
    count: u32,
    total: u64,
    ratio: f64,
    payload: Value,
    tags: Vec<String>,
    ratios: Vec<f64>,
    violations: Vec<FieldViolation>,
}

impl Values {
    fn plain() -> Self {
        Values {
            text: "t".into(),
            flag: true,
            small: -1,
            big: 2,
            count: 3,
            total: 4,
            ratio: 0.5,
            payload: json!({"k": [1, "two", null]}),
            tags: vec!["a".into()],
            ratios: vec![1.0, -2.5],
            violations: vec![FieldViolation::new("email", "must be valid").with_rule("email")],
        }
    }

    fn with_ratio(ratio: f64) -> Self {
        Values {
            ratio,
            ratios: vec![ratio, 1.0, ratio],
            ..Values::plain()
        }
    }
}

/// `EveryType` of the catalog type `$E` with `$values`.
macro_rules! every_type {
    ($E:ident, $values:expr) => {{
        let v: Values = $values;
        $E::EveryType {
            text: v.text,
            flag: v.flag,
            small: v.small,
            big: v.big,
            count: v.count,
            total: v.total,
            ratio: v.ratio,
            payload: v.payload,
            tags: v.tags,
            ratios: v.ratios,
            violations: v.violations,
        }
    }};
}

/// `EveryOptional` of `$E`, each field set from `$values` where `$set` says so.
macro_rules! every_optional {
    ($E:ident, $values:expr, $set:expr) => {{
        let v: Values = $values;
        let set: [bool; 11] = $set;
        $E::EveryOptional {
            text: set[0].then_some(v.text),
            flag: set[1].then_some(v.flag),
            small: set[2].then_some(v.small),
            big: set[3].then_some(v.big),
            count: set[4].then_some(v.count),
            total: set[5].then_some(v.total),
            ratio: set[6].then_some(v.ratio),
            payload: set[7].then_some(v.payload),
            tags: set[8].then_some(v.tags),
            ratios: set[9].then_some(v.ratios),
            violations: set[10].then_some(v.violations),
        }
    }};
}

/// Runs `$check` on the error built by `$build!($E, ...)` for the catalog of every
/// style.
macro_rules! in_every_style {
    ($build:ident!($($args:expr),*), $check:expr) => {{
        $check(&$build!(FlatValues, $($args),*));
        $check(&$build!(NestedValues, $($args),*));
        $check(&$build!(TypedValues, $($args),*));
        $check(&$build!(ProblemValues, $($args),*));
    }};
}

// ---------------------------------------------------------------------------
// (a) Problem details named like standard members that the catalog renamed
// ---------------------------------------------------------------------------

#[test]
fn problem_details_named_like_renamed_standard_members_round_trip() {
    let error = RenamedProblem::EditConflict {
        instance: "/records/7".into(),
        title: Some("Draft".into()),
        status: 3,
        r#type: "page".into(),
        detail: Some(json!({"v": 2})),
    };
    let body = error.envelope().request_id("req_1").timestamp(AT).to_json();
    let members: Value = serde_json::from_str(&body).unwrap();
    // The standard members under their new keys, the detail fields under the old.
    for (key, value) in [
        (
            "kind",
            json!("https://docs.example.com/errors#EDIT_CONFLICT"),
        ),
        ("http_status", json!(409)),
        ("text", json!("The record changed at /records/7.")),
        ("error_code", json!("EDIT_CONFLICT")),
        ("trace_id", json!("req_1")),
        ("at", json!("2026-11-21T10:00:00.000Z")),
        ("instance", json!("/records/7")),
        ("title", json!("Draft")),
        ("status", json!(3)),
        ("type", json!("page")),
        ("detail", json!({"v": 2})),
    ] {
        assert_eq!(members[key], value, "`{key}` in {body}");
    }
    let decoded = decode::<RenamedProblem>(body.as_bytes()).unwrap();
    assert_eq!(decoded.known(), Some(&error));
    assert_eq!(decoded.status(), Some(409));
    assert_eq!(decoded.message(), "The record changed at /records/7.");
    assert_eq!(
        decoded.doc_url(),
        Some("https://docs.example.com/errors#EDIT_CONFLICT")
    );
    assert_eq!(decoded.request_id(), Some("req_1"));
    assert_eq!(decoded.timestamp(), Some(AT));
    assert_round_trips(&error);
    assert_round_trips(&RenamedProblem::Gone);
}

#[test]
fn renamed_problem_members_are_read_under_their_new_keys_only() {
    let decode_json = |body: Value| decode::<RenamedProblem>(body.to_string().as_bytes());
    // The default keys of the standard members are nothing standard here: extension
    // members, kept with an unknown code's details, whatever their values.
    let decoded = decode_json(json!({
        "text": "Newer.", "error_code": "NEWER", "http_status": 409,
        "instance": 5, "status": "x", "title": 7, "type": [], "detail": null,
    }))
    .unwrap();
    let unknown = decoded.error().unknown().unwrap();
    assert_eq!(
        Value::Object(unknown.details().clone()),
        json!({"instance": 5, "status": "x", "title": 7, "type": [], "detail": null})
    );
    assert_eq!(decoded.status(), Some(409));
    assert_eq!(decoded.title(), None);
    // A code without an `instance` field gets RFC 9457's `instance`, if any, dropped.
    let decoded = decode_json(json!({
        "kind": "about:blank", "summary": "Gone", "http_status": 410, "text": "Gone.",
        "error_code": "GONE", "instance": "/records/7",
    }))
    .unwrap();
    assert_eq!(decoded.known(), Some(&RenamedProblem::Gone));
    assert_eq!(decoded.title(), Some("Gone"));
    // The renamed members are checked as the standard ones are.
    let err = decode_json(json!({"text": "Gone.", "error_code": "GONE", "http_status": "410"}))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "not an error envelope: `http_status` must be an HTTP status (100..=599)"
    );
}

// ---------------------------------------------------------------------------
// (b) Non-finite floats and null json values
// ---------------------------------------------------------------------------

#[test]
fn non_finite_floats_are_written_as_strings_and_read_back() {
    let body = every_type!(FlatValues, Values::with_ratio(f64::NAN))
        .envelope()
        .to_json();
    assert!(body.contains(r#""ratio":"NaN""#), "{body}");
    assert!(body.contains(r#""ratios":["NaN",1.0,"NaN"]"#), "{body}");
    for ratio in [f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0] {
        in_every_style!(every_type!(Values::with_ratio(ratio)), assert_round_trips);
        let one = [
            false, false, false, false, false, false, true, false, false, true, false,
        ];
        in_every_style!(
            every_optional!(Values::with_ratio(ratio), one),
            assert_round_trips
        );
    }
}

#[test]
fn a_string_in_a_float_field_is_refused_unless_it_names_a_non_finite_value() {
    let body = |ratio: Value| {
        json!({"success": false, "errorCode": "EVERY_OPTIONAL", "message": "m",
               "details": {"ratio": ratio}})
        .to_string()
    };
    let decoded = decode::<FlatValues>(body(json!("Infinity")).as_bytes()).unwrap();
    assert!(matches!(
        decoded.known(),
        Some(FlatValues::EveryOptional { ratio: Some(r), .. }) if *r == f64::INFINITY
    ));
    for bad in [json!("nan"), json!("1.5"), json!("inf"), json!(true)] {
        // Kept, code and message and all, with the reason.
        let decoded = decode::<FlatValues>(body(bad.clone()).as_bytes()).unwrap();
        let err = decoded.error().mismatched().expect("mismatched").reason();
        assert!(
            err.to_string()
                .starts_with("the `ratio` detail of the EVERY_OPTIONAL error is invalid"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn an_optional_json_field_holding_null_comes_back_as_null() {
    let only_payload = [
        false, false, false, false, false, false, false, true, false, false, false,
    ];
    let null = Values {
        payload: Value::Null,
        ..Values::plain()
    };
    let body = every_optional!(FlatValues, null.clone(), only_payload)
        .envelope()
        .to_json();
    assert!(body.contains(r#""details":{"payload":null}"#), "{body}");
    in_every_style!(
        every_optional!(null.clone(), only_payload),
        assert_round_trips
    );
    // Absent is `None`, and stays so.
    in_every_style!(
        every_optional!(Values::plain(), [false; 11]),
        assert_round_trips
    );
    let decoded = decode::<FlatValues>(
        br#"{"success": false, "errorCode": "EVERY_OPTIONAL", "message": "m"}"#,
    )
    .unwrap();
    assert!(matches!(
        decoded.known(),
        Some(FlatValues::EveryOptional { payload: None, .. })
    ));
    // A required json field may be null too.
    in_every_style!(every_type!(null.clone()), assert_round_trips);
    // `null` for an optional field of another type is still "not sent".
    let decoded = decode::<FlatValues>(
        br#"{"success": false, "errorCode": "EVERY_OPTIONAL", "message": "m", "details": {"text": null}}"#,
    )
    .unwrap();
    assert!(matches!(
        decoded.known(),
        Some(FlatValues::EveryOptional { text: None, .. })
    ));
}

#[test]
fn finite_floats_round_trip_exactly() {
    // Found by the properties below: without `float_roundtrip`, serde_json reads
    // these back one unit in the last place off.
    for ratio in [
        2.4462398003447134e-152,
        -1.4539311542906635e+306,
        3.5820004958304756e+50,
    ] {
        in_every_style!(every_type!(Values::with_ratio(ratio)), |error| {
            let back = round_trip(error, AT);
            assert_eq!(format!("{back:?}"), format!("{error:?}"));
        });
        let payload = Values {
            payload: json!([ratio]),
            ..Values::plain()
        };
        in_every_style!(every_type!(payload.clone()), |error| {
            let back = round_trip(error, AT);
            assert_eq!(format!("{back:?}"), format!("{error:?}"));
        });
    }
}

// ---------------------------------------------------------------------------
// (c) Timestamps outside the four-digit years of RFC 3339
// ---------------------------------------------------------------------------

#[test]
fn timestamps_outside_four_digit_years_cannot_be_built() {
    // These were written as "11476-08-15T05:20:00.000Z" and "-001-12-31T...".
    assert_eq!(
        Timestamp::from_unix_millis(300_000_000_000_000),
        Timestamp::MAX
    );
    assert_eq!(
        Timestamp::from_unix_millis(-62_198_755_200_000),
        Timestamp::MIN
    );
    assert_eq!(Timestamp::from_unix_millis(i64::MIN), Timestamp::MIN);
    assert_eq!(Timestamp::try_from_unix_millis(i64::MAX), None);
    assert_eq!(
        Timestamp::from(UNIX_EPOCH + Duration::from_secs(400_000_000_000)),
        Timestamp::MAX
    );
    assert_eq!(Timestamp::MIN.to_string(), "0000-01-01T00:00:00.000Z");
    assert_eq!(Timestamp::MAX.to_string(), "9999-12-31T23:59:59.999Z");
    for t in [Timestamp::MIN, Timestamp::MAX] {
        assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        assert_round_trips_at(t);
    }
}

#[test]
fn text_for_instants_outside_the_range_does_not_parse() {
    for text in [
        "0000-01-01T00:00:00+00:01",
        "0000-01-01T00:00:00.000+23:59",
        "9999-12-31T23:59:59.999-00:01",
        "9999-12-31T23:59:60Z",
    ] {
        assert_eq!(Timestamp::parse(text), None, "{text}");
    }
    // The ends themselves, written any way, do.
    assert_eq!(
        Timestamp::parse("0000-01-01T01:00:00+01:00"),
        Some(Timestamp::MIN)
    );
    assert_eq!(
        Timestamp::parse("9999-12-31T22:59:59.999999-01:00"),
        Some(Timestamp::MAX)
    );
}

fn assert_round_trips_at(at: Timestamp) {
    let error = FlatValues::NotFound;
    assert!(same(&round_trip(&error, at), &error));
}

// ---------------------------------------------------------------------------
// Generators: values of every detail type, in every style
// ---------------------------------------------------------------------------

/// Any text, with more than its share of what JSON and templates escape.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        "[{}\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}\u{fffd}NaInfty -]{0,10}",
    ]
}

/// Any value of an integer type, its extremes more often than chance would give them.
fn edge_or_any<T: Arbitrary + Clone + std::fmt::Debug + 'static>(
    edges: Vec<T>,
) -> impl Strategy<Value = T> {
    prop_oneof![3 => any::<T>(), 1 => prop::sample::select(edges)]
}

/// Any `f64`, with the special values more often than chance would give them.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => any::<f64>(),
        1 => prop::sample::select(vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
        ]),
    ]
}

/// Any JSON value.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("JSON numbers are finite", |f| {
            serde_json::Number::from_f64(f).map(Value::Number)
        }),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn violation() -> impl Strategy<Value = FieldViolation> {
    (text(), text(), prop::option::of(text())).prop_map(|(path, message, rule)| {
        let violation = FieldViolation::new(path, message);
        match rule {
            Some(rule) => violation.with_rule(rule),
            None => violation,
        }
    })
}

fn values() -> impl Strategy<Value = Values> {
    (
        (
            text(),
            any::<bool>(),
            edge_or_any(vec![i32::MIN, -1, 0, i32::MAX]),
            edge_or_any(vec![i64::MIN, -1, 0, i64::MAX]),
            edge_or_any(vec![0, 1, u32::MAX]),
            edge_or_any(vec![0, 1, u64::MAX]),
        ),
        (
            float(),
            json_value(),
            prop::collection::vec(text(), 0..4),
            prop::collection::vec(float(), 0..4),
            prop::collection::vec(violation(), 0..3),
        ),
    )
        .prop_map(
            |(
                (text, flag, small, big, count, total),
                (ratio, payload, tags, ratios, violations),
            )| {
                Values {
                    text,
                    flag,
                    small,
                    big,
                    count,
                    total,
                    ratio,
                    payload,
                    tags,
                    ratios,
                    violations,
                }
            },
        )
}

/// Any timestamp that can be built, the ends more often.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        4 => any::<i64>().prop_map(Timestamp::from_unix_millis),
        4 => (Timestamp::MIN.unix_millis()..=Timestamp::MAX.unix_millis())
            .prop_map(Timestamp::from_unix_millis),
        1 => (0..100_000_i64).prop_map(|d| Timestamp::from_unix_millis(Timestamp::MIN.unix_millis() + d)),
        1 => (0..100_000_i64).prop_map(|d| Timestamp::from_unix_millis(Timestamp::MAX.unix_millis() - d)),
    ]
}

macro_rules! style_properties {
    ($($name:ident: $E:ident;)*) => {
        proptest! {
            $(
                #[test]
                fn $name(
                    v in values(),
                    set in any::<[bool; 11]>(),
                    retry_after in any::<u64>(),
                    at in timestamp(),
                ) {
                    for error in [
                        every_type!($E, v.clone()),
                        every_optional!($E, v.clone(), set),
                        $E::RateLimited { retry_after, note: String::new() },
                        $E::NotFound,
                    ] {
                        let back = round_trip(&error, at);
                        prop_assert!(same(&back, &error), "{:?} came back as {:?}", error, back);
                    }
                }
            )*
        }
    };
}

style_properties! {
    every_flat_error_round_trips: FlatValues;
    every_nested_error_round_trips: NestedValues;
    every_typed_error_round_trips: TypedValues;
    every_problem_error_round_trips: ProblemValues;
}

proptest! {
    #[test]
    fn every_renamed_problem_error_round_trips(
        instance in text(),
        title in prop::option::of(text()),
        status in any::<u32>(),
        kind in text(),
        detail in prop::option::of(json_value()),
        at in timestamp(),
    ) {
        let error = RenamedProblem::EditConflict { instance, title, status, r#type: kind, detail };
        let back = round_trip(&error, at);
        prop_assert!(same(&back, &error), "{:?} came back as {:?}", error, back);
    }

    #[test]
    fn every_timestamp_is_written_as_text_that_parses_back_to_it(at in timestamp()) {
        let text = at.to_string();
        prop_assert_eq!(text.len(), 24, "{}", text);
        prop_assert_eq!(Timestamp::parse(&text), Some(at));
        let json = serde_json::to_string(&at).unwrap();
        prop_assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), at);
    }

    #[test]
    fn every_parsed_timestamp_is_written_as_text_that_parses_back_to_it(
        date in (0..=9999_u32, 1..=12_u32, 1..=31_u32),
        time in (0..=23_u32, 0..=59_u32, 0..=60_u32),
        fraction in prop::option::of("[0-9]{1,9}"),
        offset in prop::option::of((any::<bool>(), 0..=23_u32, 0..=59_u32)),
    ) {
        let ((year, month, day), (hour, minute, second)) = (date, time);
        let fraction = fraction.map(|digits| format!(".{digits}")).unwrap_or_default();
        let offset = match offset {
            None => "Z".to_owned(),
            Some((east, h, m)) => format!("{}{h:02}:{m:02}", if east { '+' } else { '-' }),
        };
        let text = format!(
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{offset}"
        );
        if let Some(at) = Timestamp::parse(&text) {
            prop_assert_eq!(Timestamp::parse(&at.to_string()), Some(at), "{}", text);
        }
    }

    #[test]
    fn every_system_time_becomes_a_timestamp_that_round_trips(
        seconds in any::<i64>(),
        nanos in 0..1_000_000_000_u32,
    ) {
        let magnitude = Duration::new(seconds.unsigned_abs(), nanos);
        let time = if seconds >= 0 {
            UNIX_EPOCH.checked_add(magnitude)
        } else {
            UNIX_EPOCH.checked_sub(magnitude)
        };
        if let Some(time) = time {
            let at = Timestamp::from(time);
            prop_assert_eq!(Timestamp::parse(&at.to_string()), Some(at));
        }
    }
}
