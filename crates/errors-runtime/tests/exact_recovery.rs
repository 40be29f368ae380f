//! Fields sent only in the message come back exactly (SPEC 9.2): rendering an error
//! and decoding its envelope gives the same values under every spec a catalog
//! accepts, and a message that a server could not have written for some values is
//! `Mismatched`, never read as other values.

use errors_runtime::decode;
use proptest::prelude::*;

errors_runtime::catalog!("tests/catalogs/exact.toml");

fn envelope(message: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "success": false, "errorCode": "COUNTED", "message": message,
    }))
    .unwrap()
}

fn error() -> impl Strategy<Value = ApiError> {
    (
        any::<u32>(),
        any::<u64>(),
        any::<u32>(),
        any::<i64>(),
        any::<f64>(),
        any::<f64>(),
        any::<bool>(),
        // Any text, the template's own literals included.
        "[ -~é]{0,12}|.*ok=.*| by .*",
    )
        .prop_map(
            |(batch, offset, mask, delta, ratio, scale, ok, who)| ApiError::Counted {
                batch,
                offset,
                mask,
                delta,
                ratio,
                scale,
                ok,
                who,
            },
        )
}

/// The fields of a decoded error, floats by their bits (NaN is NaN).
fn fields(error: &ApiError) -> (u32, u64, u32, i64, u64, u64, bool, String) {
    let ApiError::Counted {
        batch,
        offset,
        mask,
        delta,
        ratio,
        scale,
        ok,
        who,
    } = error;
    (
        *batch,
        *offset,
        *mask,
        *delta,
        ratio.to_bits(),
        scale.to_bits(),
        *ok,
        who.clone(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn accepted_specs_round_trip_exactly(sent in error()) {
        let message = sent.to_string();
        let decoded = decode::<ApiError>(&envelope(&message)).unwrap();
        // A `who` holding the literal before it reads two ways: `Mismatched` (SPEC 9.2).
        if fields(&sent).7.contains(" by ") {
            prop_assert!(decoded.error().mismatched().is_some(), "{:?}", decoded.error());
            return Ok(());
        }
        let back = decoded.known().unwrap_or_else(|| panic!("{message:?}: {:?}", decoded.error()));
        // NaN payloads aside, every bit comes back.
        let (mut a, mut b) = (fields(&sent), fields(back));
        for x in [&mut a.4, &mut a.5, &mut b.4, &mut b.5] {
            if f64::from_bits(*x).is_nan() { *x = f64::NAN.to_bits(); }
        }
        prop_assert_eq!(a, b);
    }

    /// A message edited anywhere (a byte dropped, doubled or changed) either reads as
    /// values that render to exactly that message, or is `Mismatched`.
    #[test]
    fn nothing_decodes_to_an_altered_value(
        sent in error(),
        at in any::<prop::sample::Index>(),
        edit in 0..3u8,
        with in prop::sample::select(vec!['0', '1', 'a', 'F', ' ', '*', '+', '-', '.', 'x', 'e']),
    ) {
        let mut chars: Vec<char> = sent.to_string().chars().collect();
        let i = at.index(chars.len());
        match edit {
            0 => { chars.remove(i); }
            1 => chars.insert(i, chars[i]),
            _ => chars[i] = with,
        }
        let message: String = chars.into_iter().collect();
        let decoded = decode::<ApiError>(&envelope(&message)).unwrap();
        match decoded.known() {
            Some(read) => prop_assert_eq!(read.to_string(), message),
            None => prop_assert!(decoded.error().mismatched().is_some(), "{:?}", decoded.error()),
        }
    }
}

#[test]
fn neighbours_of_a_written_value_are_mismatched() {
    let sent = ApiError::Counted {
        batch: 42,
        offset: 255,
        mask: 0xBEEF,
        delta: 7,
        ratio: 1.5,
        scale: 2500.0,
        ok: true,
        who: "ann".into(),
    };
    let message = sent.to_string();
    assert_eq!(
        message,
        "Batch 00042 at 0xff of BEEF: +7 (         1.5, 2.5e3) ok=true** by ann."
    );
    assert!(
        decode::<ApiError>(&envelope(&message))
            .unwrap()
            .known()
            .is_some()
    );
    for (from, to) in [
        ("00042", "0042"),  // zero padding to another width
        ("0xff", "ff"),     // no `#` prefix
        ("BEEF", "beef"),   // the other case
        ("+7", "7"),        // no sign
        ("    1.5", "1.5"), // another width
        ("2.5e3", "2500"),  // not the exponent form
        ("true**", "true*"),
    ] {
        let edited = message.replacen(from, to, 1);
        let decoded = decode::<ApiError>(&envelope(&edited)).unwrap();
        let mismatched = decoded.error().mismatched();
        assert!(mismatched.is_some(), "{edited}: {:?}", decoded.error());
    }
}
