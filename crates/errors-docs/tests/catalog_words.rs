//! The catalog's own words in the reference (SPEC 9.3): `[catalog] description` at
//! the top, and `[statuses.N] description` in place of the built-in convention of
//! that status, from the catalog file and from the metadata a service was compiled
//! with alike.

use std::path::Path;

use errors_catalog::Catalog;
use errors_docs::Reference;

mod compiled {
    errors_runtime::catalog!("tests/catalogs/own_words.toml");
}

const SEED_422: &str = "422 errors contain user-friendly messages that can be shown to end users.";
const SEED_400: &str =
    "400 errors are typically developer errors that can be fixed by updating your request.";
/// The built-in conventions the catalog replaces.
const BUILT_IN_422: &str = "Business rule violation";
const BUILT_IN_400: &str = "Validation failure";

fn from_file() -> Reference {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs/own_words.toml");
    Reference::from(&Catalog::load(path).unwrap_or_else(|d| panic!("{d}")))
}

#[test]
fn the_markdown_reference_says_what_the_catalog_says() {
    let md = errors_docs::markdown(&from_file());
    assert!(
        md.contains(&format!("| 422 | {SEED_422} | No, fix the request |")),
        "{md}"
    );
    assert!(md.contains(&format!("| 400 | {SEED_400} |")), "{md}");
    assert!(
        !md.contains(BUILT_IN_422) && !md.contains(BUILT_IN_400),
        "{md}"
    );
    // A status the catalog does not describe keeps its convention.
    assert!(md.contains("| 429 | Rate limit exceeded |"), "{md}");
    // The introduction comes first, as Markdown, before the reference's own words.
    let intro = md
        .find("The API returns standard HTTP status codes")
        .expect("the introduction");
    assert!(
        intro
            < md.find("Every error response uses the same envelope")
                .unwrap()
    );
    assert!(intro < md.find("## Envelope").unwrap());
    assert!(md.contains("See the [status codes](#status-codes).\n\nAlways log the `request_id`"));
}

#[test]
fn the_html_reference_says_what_the_catalog_says() {
    let page = errors_docs::html(&from_file());
    assert!(
        page.contains(&format!("<tr><td>422</td><td>{SEED_422}</td>")),
        "{page}"
    );
    assert!(!page.contains(BUILT_IN_422) && !page.contains(BUILT_IN_400));
    let intro = page
        .find("<section id=\"api-introduction\" class=\"intro\">")
        .unwrap();
    assert!(intro < page.find("<p class=\"lead\">").unwrap());
    assert!(page.contains("<p>Always log the <code>request_id</code> for support inquiries.</p>"));
}

#[test]
fn the_openapi_responses_say_what_the_catalog_says() {
    let document: serde_json::Value = serde_json::from_str(&errors_docs::openapi(
        &from_file(),
        "1.0.0",
        errors_docs::SchemaMode::Client,
    ))
    .unwrap();
    let responses = &document["components"]["responses"];
    let description = |status: u16| {
        responses[format!("Error{status}")]["description"]
            .as_str()
            .unwrap_or_else(|| panic!("no Error{status} in {responses}"))
            .to_owned()
    };
    // The catalog's words, then the codes; no doubled full stop.
    assert_eq!(
        description(422),
        format!("422 Unprocessable Content: {SEED_422} Codes: VALIDATION_ERROR.")
    );
    let d400 = description(400);
    assert!(
        d400.starts_with(&format!("400 Bad Request: {SEED_400} Codes: ")),
        "{d400}"
    );
    assert!(!d400.contains(BUILT_IN_400), "{d400}");
    // A status the catalog does not describe keeps its convention.
    let d429 = description(429);
    assert!(
        d429.starts_with("429 Too Many Requests: Rate limit exceeded"),
        "{d429}"
    );
}

#[test]
fn a_compiled_service_documents_the_same_words() {
    let meta = compiled::ApiError::catalog();
    assert_eq!(meta.statuses.len(), 2);
    assert_eq!(
        (meta.statuses[1].status, meta.statuses[1].description),
        (422, SEED_422)
    );
    assert!(meta.description.unwrap().starts_with("The API returns"));
    let served = errors_runtime::docs::reference::<compiled::ApiError>();
    let file = from_file();
    assert_eq!(served.description, file.description);
    assert_eq!(served.statuses, file.statuses);
    // The same answers of `[http]` and bare statuses, inferred on the metadata.
    assert_eq!(served.http, file.http);
    assert!(!file.http.statuses.is_empty());
    assert_eq!(
        errors_runtime::docs::openapi::<compiled::ApiError>("1"),
        errors_docs::openapi(&file, "1", errors_docs::SchemaMode::Client)
    );
    assert_eq!(
        errors_runtime::docs::markdown::<compiled::ApiError>(),
        errors_docs::markdown(&file)
    );
}
