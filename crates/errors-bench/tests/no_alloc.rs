//! SPEC section 7: serializing an envelope into a pre-sized `Vec<u8>` allocates
//! nothing, in every style, for errors with string, list, JSON and field-violation
//! details, with a request id and a timestamp set; the message is streamed into the
//! serializer from `Display`.
//!
//! A counting global allocator (its own test binary: it affects the whole binary)
//! counts allocations of the current thread only, so the test harness's other threads
//! cannot disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errors_bench::generated;
use errors_runtime::Timestamp;

struct Counting;

thread_local! {
    // `const` and `Copy` contents: no lazy initialisation, no destructor to register,
    // so using it inside the allocator cannot allocate.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged;
// counting touches only a thread-local `Cell`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded from the caller, who upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> u64 {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_sees_allocations() {
    let n = allocations(|| drop(std::hint::black_box(vec![1u8; 16])));
    assert_eq!(n, 1);
}

macro_rules! no_alloc {
    ($name:ident) => {
        #[test]
        fn $name() {
            let at = Timestamp::from_unix_millis(1_795_255_200_000);
            let mut out = Vec::with_capacity(64 * 1024);
            let mut checked = 0;
            for error in generated::$name::samples() {
                let envelope = error.envelope().request_id("req_2N7s8x9KqR").timestamp(at);
                out.clear();
                let n = allocations(|| {
                    serde_json::to_writer(&mut out, &envelope).unwrap();
                    envelope.write_json(&mut out);
                });
                let json = String::from_utf8_lossy(&out);
                assert_eq!(n, 0, "{} allocated: {json}", error.code());
                assert!(
                    json.contains("req_2N7s8x9KqR") && json.contains("2026-"),
                    "{json}"
                );
                checked += 1;
            }
            assert_eq!(checked, generated::$name::ApiErrorCode::ALL.len());
        }
    };
}

// The bundled catalog in each style: strings (NOT_FOUND), field violations
// (INVALID_REQUEST), optional and header fields (RATE_LIMITED), internal fields
// (UPSTREAM_TIMEOUT), format specs (IDEMPOTENCY_KEY_REUSED).
no_alloc!(flat);
no_alloc!(nested);
no_alloc!(typed);
no_alloc!(problem);
// 1,000 codes: lists of strings, JSON values, floats with precision, literal braces.
no_alloc!(large);

mod locales {
    errors_runtime::catalog!("benches/catalogs/locales.toml");
}

/// SPEC 9.4: a message in any language, the primary one named or not, renders into a
/// pre-sized buffer without allocating, alone or in its envelope.
#[test]
fn localized_messages_and_envelopes() {
    use errors_runtime::CatalogError;
    use std::fmt::Write as _;

    let error = locales::ApiError::NotFound {
        kind: "book".to_owned(),
        id: 7,
    };
    let mut text = String::with_capacity(1024);
    let mut out = Vec::with_capacity(1024);
    for tag in ["en", "fr", "fr-CA", "pt-BR", "de"] {
        text.clear();
        let n = allocations(|| write!(text, "{}", error.localized(tag)).unwrap());
        assert_eq!(n, 0, "{tag}: {text}");
        out.clear();
        let envelope = error.envelope().locale(tag).request_id("req_1");
        let n = allocations(|| envelope.write_json(&mut out));
        assert_eq!(n, 0, "{tag}: {}", String::from_utf8_lossy(&out));
    }
    assert!(text.contains("book"));
    // The counter would have seen a translated message rendered through a `String`.
    let n = allocations(|| drop(std::hint::black_box(error.localized("fr").to_string())));
    assert!(n > 0);
}
