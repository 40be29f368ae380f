//! `[http] timestamp = false` (SPEC 9.1): an API whose envelopes carry no timestamp
//! shows none in its reference, in every style, and still does when it is on.

use errors_catalog::Catalog;
use errors_docs::{EXAMPLE_TIMESTAMP, Reference};

fn reference(style: &str, timestamp: bool) -> Reference {
    let toml = format!(
        "[catalog]\nname = \"ApiError\"\nenvelope = \"{style}\"\n\n\
         [http]\ntimestamp = {timestamp}\n\n\
         [errors.NOT_FOUND]\nstatus = 404\nmessage = \"No {{what}} here.\"\n\
         [errors.NOT_FOUND.details]\nwhat = \"string\"\n"
    );
    let catalog = Catalog::from_str("catalog.toml", &toml).unwrap_or_else(|d| panic!("{d}"));
    Reference::from(&catalog)
}

#[test]
fn no_timestamp_in_the_examples_or_the_member_table_when_the_api_sends_none() {
    for style in ["flat", "nested", "typed", "problem"] {
        let off = reference(style, false);
        let on = reference(style, true);
        let code = &off.codes[0];
        let body = errors_docs::example_body(&off, code);
        assert!(!body.contains(EXAMPLE_TIMESTAMP), "{style}: {body}");
        assert!(!body.contains("\"timestamp\""), "{style}: {body}");
        let with = errors_docs::example_body(&on, &on.codes[0]);
        assert!(with.contains(EXAMPLE_TIMESTAMP), "{style}: {with}");
        // The rest of the body is the same, in the same order.
        let stripped = with.replace(&format!(",\"timestamp\":\"{EXAMPLE_TIMESTAMP}\""), "");
        assert_eq!(stripped, body, "{style}");

        let md = errors_docs::markdown(&off);
        assert!(
            !md.contains("| `timestamp`") && !md.contains("timestamp`"),
            "{style}: {md}"
        );
        assert!(errors_docs::markdown(&on).contains("timestamp`"), "{style}");
    }
}
