//! Messages in several languages (SPEC 9.4): rendered through `localized` and
//! `Envelope::locale`, picked by the axum layer from `Accept-Language` (with
//! `Content-Language` and `Vary`), and decoded with the template of the response's
//! `Content-Language`.

#[cfg(feature = "axum")]
#[path = "support/loopback.rs"]
mod loopback;

use errors_runtime::{CatalogError, Decoded, decode_response};

mod api {
    errors_runtime::catalog!("tests/catalogs/locales.toml");
}
use api::ApiError;

fn not_found() -> ApiError {
    ApiError::NotFound {
        kind: "livre".to_owned(),
        id: 7,
    }
}

#[test]
fn the_metadata_knows_the_languages_and_each_translation() {
    let catalog = ApiError::catalog();
    assert_eq!(catalog.language, "en");
    assert_eq!(catalog.locales, ["fr", "pt-BR"]);
    let quota = catalog.error("QUOTA_EXCEEDED").unwrap();
    let tags: Vec<_> = quota.translations.iter().map(|t| t.locale).collect();
    assert_eq!(tags, ["fr", "pt-BR"]);
    assert_eq!(
        quota.translations[0].template,
        "Quota de {limit} requêtes dépassé."
    );
    assert!(catalog.error("INTERNAL").unwrap().translations.is_empty());
}

#[test]
fn localized_renders_each_language_with_the_same_format_specs() {
    let quota = ApiError::QuotaExceeded { limit: 100 };
    assert_eq!(quota.to_string(), "Quota of 100 requests exceeded.");
    assert_eq!(
        quota.localized("fr").to_string(),
        "Quota de 100 requêtes dépassé."
    );
    assert_eq!(
        quota.localized("fr-CA").to_string(),
        "Quota de 100 requêtes dépassé."
    );
    assert_eq!(
        quota.localized("pt-br").to_string(),
        "Cota de 100 requisições excedida."
    );
    // `{id:>4}` pads in French as in English.
    assert_eq!(not_found().to_string(), "No livre with id    7.");
    assert_eq!(
        not_found().localized("fr").to_string(),
        "Aucun objet livre avec l'identifiant    7."
    );
    // No translation into this language, or an unknown language: the primary message.
    assert_eq!(
        not_found().localized("pt-BR").to_string(),
        not_found().to_string()
    );
    assert_eq!(quota.localized("de").to_string(), quota.to_string());
    assert_eq!(
        ApiError::Internal.localized("fr").to_string(),
        "Something went wrong."
    );
}

#[test]
fn envelopes_carry_the_language_they_are_written_in() {
    let error = ApiError::QuotaExceeded { limit: 3 };
    let french = error.envelope().locale("fr");
    assert_eq!(french.language(), "fr");
    let json: serde_json::Value = serde_json::from_str(&french.to_json()).unwrap();
    assert_eq!(json["error"]["message"], "Quota de 3 requêtes dépassé.");
    assert_eq!(json["error"]["details"]["limit"], 3);
    let primary = error.envelope();
    assert_eq!(primary.language(), "en");
    assert!(primary.to_json().contains("Quota of 3 requests exceeded."));

    let response = error.envelope().locale("pt-BR").to_http_response();
    assert_eq!(response.headers()["content-language"], "pt-BR");
    assert_eq!(
        error.envelope().to_http_response().headers()["content-language"],
        "en"
    );
}

#[test]
fn a_message_only_field_is_read_with_the_template_of_the_content_language() {
    let body = not_found().envelope().locale("fr").to_json();
    let decoded: Decoded<ApiError> =
        decode_response(404, &[("Content-Language", "fr")], body.as_bytes()).unwrap();
    assert_eq!(decoded.error().known(), Some(&not_found()));

    // The same French body read as English does not follow the English template.
    let decoded: Decoded<ApiError> = decode_response(404, &(), body.as_bytes()).unwrap();
    assert!(decoded.error().mismatched().is_some(), "{decoded:?}");

    // A language the code has no translation into: the server wrote the primary one.
    let english = not_found().envelope().to_json();
    let decoded: Decoded<ApiError> =
        decode_response(404, &[("content-language", "pt-BR")], english.as_bytes()).unwrap();
    assert_eq!(decoded.error().known(), Some(&not_found()));
}

#[cfg(feature = "axum")]
mod layer {
    use std::time::Duration;

    use axum::Router;
    use axum::routing::get;
    use errors_runtime::axum::CatalogLayer;

    use super::{ApiError, loopback, not_found};

    async fn missing() -> Result<&'static str, ApiError> {
        Err(not_found())
    }

    /// One request over loopback with `accept` as its `Accept-Language`: the
    /// message, `Content-Language` and `Vary` of the answer.
    async fn ask(
        base: &str,
        client: &reqwest::Client,
        accept: Option<&str>,
    ) -> (String, String, String) {
        let mut request = client.get(format!("{base}/missing"));
        if let Some(accept) = accept {
            request = request.header("accept-language", accept);
        }
        let response = request.send().await.expect("a response");
        assert_eq!(response.status().as_u16(), 404);
        let header = |name: &str| {
            response
                .headers()
                .get_all(name)
                .iter()
                .map(|v| v.to_str().unwrap().to_owned())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (language, vary) = (header("content-language"), header("vary"));
        let body: serde_json::Value =
            serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        let message = body["error"]["message"].as_str().unwrap().to_owned();
        (message, language, vary)
    }

    #[tokio::test]
    async fn the_layer_answers_in_the_language_the_client_accepts() {
        let app = Router::new()
            .route("/missing", get(missing))
            .layer(CatalogLayer::<ApiError>::new());
        let loopback = loopback::serve(app).await;
        let (base, client) = (&loopback.base, &loopback.client);
        let french = "Aucun objet livre avec l'identifiant    7.";
        let english = "No livre with id    7.";
        let cases: [(Option<&str>, &str, &str); 5] = [
            (Some("fr-CA, en;q=0.5"), french, "fr"),
            (Some("de, en-GB;q=0.9, fr;q=0.8"), english, "en"),
            (Some("de;q=1, fr;q=0.1"), french, "fr"),
            (Some("fr;q=0"), english, "en"),
            (None, english, "en"),
        ];
        let checks = async {
            for (accept, message, language) in cases {
                let (got, content_language, vary) = ask(base, client, accept).await;
                assert_eq!(got, message, "{accept:?}");
                assert_eq!(content_language, language, "{accept:?}");
                assert!(
                    vary.to_ascii_lowercase().contains("accept-language"),
                    "{vary}"
                );
            }
        };
        tokio::time::timeout(Duration::from_secs(30), checks)
            .await
            .expect("five requests over loopback in 30 s");
        drop(loopback);
    }
}
