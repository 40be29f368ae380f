//! Real-world sizes: thousands of codes load, and thousands of problems are all
//! reported. (Speed is measured by benchmarks, not here.)

mod common;

use std::fmt::Write as _;

use errors_catalog::Catalog;

fn big_catalog(codes: usize, broken_every: usize) -> String {
    let mut toml = String::from(
        "[catalog]\nenvelope = \"typed\"\ndoc_url = \"https://docs.example.com/errors#{code}\"\n\n\
         [categories.api_error]\ndescription = \"Server errors.\"\n[categories.validation_error]\ndescription = \"Bad input.\"\n\n",
    );
    for i in 0..codes {
        let broken = broken_every != 0 && i % broken_every == 0;
        let status = if broken {
            600
        } else {
            [400, 404, 409, 422, 429, 500, 503][i % 7]
        };
        let category = if i % 2 == 0 {
            "api_error"
        } else {
            "validation_error"
        };
        let _ = write!(
            toml,
            "[errors.E{i:05}_FAILED]\nstatus = {status}\nmessage = \"Operation {{operation}} on {{resource}} failed after {{attempts}} attempts ({{ratio:.2}}).\"\n\
             category = \"{category}\"\nparam = \"resource\"\ndescription = \"Error number {i}.\"\n\
             [errors.E{i:05}_FAILED.details]\noperation = \"string\"\nresource = \"string\"\nattempts = \"u32\"\nratio = \"f64\"\n\
             fields = \"field_violations\"\ntags = \"[string]\"\nretry_after = {{ type = \"u64?\", header = \"Retry-After\" }}\n\
             host = {{ type = \"string\", internal = true }}\n\n"
        );
    }
    toml
}

#[test]
fn five_thousand_codes_load() {
    let catalog = Catalog::from_str("catalog.toml", &big_catalog(5000, 0)).unwrap();
    assert_eq!(catalog.errors.len(), 5000);
    let last = &catalog.errors[4999];
    assert_eq!(
        (last.code.as_str(), last.variant.as_str()),
        ("E04999_FAILED", "E04999Failed")
    );
    assert_eq!(last.fields.len(), 8);
    assert_eq!(last.message.placeholders().count(), 4);
    assert_eq!(
        last.doc_url.as_deref(),
        Some("https://docs.example.com/errors#E04999_FAILED")
    );
}

#[test]
fn thousands_of_problems_are_all_reported_in_order() {
    let err = Catalog::from_str("catalog.toml", &big_catalog(4000, 2)).unwrap_err();
    assert_eq!(err.len(), 2000);
    let lines: Vec<u32> = err.iter().map(|d| d.location().line()).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
    assert!(
        err.iter()
            .all(|d| d.message().starts_with("status 600 of `E"))
    );
    // The rendering of thousands of problems does not fall over either.
    assert!(
        err.render()
            .ends_with("error: the catalog has 2000 problems\n")
    );
}
