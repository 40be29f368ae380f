//! The two schemas of a catalog, read as documents: what the client schema accepts
//! from the catalog's next compatible version and the strict one refuses, what both
//! still refuse, and what both say beyond validation (named details objects, `x-`
//! members, the `if`/`then` per code, OpenAPI's discriminator and required headers).

#[path = "support/evolution.rs"]
mod evolution;

use errors_docs::{EnvelopeStyle, Reference, SchemaMode};
use serde_json::{Value, json};

fn schema(reference: &Reference, mode: SchemaMode) -> Value {
    let schema: Value = serde_json::from_str(&errors_docs::json_schema(reference, mode)).unwrap();
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("not 2020-12: {e}"));
    schema
}

fn openapi(reference: &Reference, mode: SchemaMode) -> Value {
    serde_json::from_str(&errors_docs::openapi(reference, "1.0.0", mode)).unwrap()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).unwrap_or_else(|e| panic!("does not compile: {e}"))
}

/// The OpenAPI document's union of every code, as a schema.
fn openapi_validator(reference: &Reference, mode: SchemaMode) -> jsonschema::Validator {
    let mut document = openapi(reference, mode);
    document["$ref"] = json!(format!("#/components/schemas/{}", reference.name));
    validator(&document)
}

fn errors(validator: &jsonschema::Validator, body: &Value) -> Vec<String> {
    validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The members object of the envelope (inside `error` where there is one).
fn members(style: EnvelopeStyle, body: &mut Value) -> &mut Value {
    if style.is_wrapped() {
        &mut body["error"]
    } else {
        body
    }
}

#[test]
fn the_old_client_schema_accepts_the_next_version_and_the_strict_one_does_not() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let client = validator(&schema(&old, SchemaMode::Client));
        let strict = validator(&schema(&old, SchemaMode::Strict));
        let client_openapi = openapi_validator(&old, SchemaMode::Client);
        let strict_openapi = openapi_validator(&old, SchemaMode::Strict);
        for (code, body) in evolution::bodies(&evolution::new(style)) {
            let what = format!("{style}: {code}: {body}");
            for v in [&client, &client_openapi] {
                let errors = errors(v, &body);
                assert!(errors.is_empty(), "{what}: refused: {errors:?}");
            }
            let changed = evolution::CHANGED.contains(&code.as_str());
            for v in [&strict, &strict_openapi] {
                assert_eq!(v.is_valid(&body), !changed, "{what}: strict");
            }
        }
    }
}

#[test]
fn the_client_schema_takes_what_other_servers_write() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let client = validator(&schema(&old, SchemaMode::Client));
        let strict = validator(&schema(&old, SchemaMode::Strict));
        let bodies = evolution::bodies(&old);
        let (_, sent) = bodies.iter().find(|(c, _)| c == "NOT_FOUND").unwrap();
        let keys = &old.envelope.keys;
        let mut variants = Vec::new();

        let mut member = sent.clone();
        members(style, &mut member)["trace"] = json!({"span": 7});
        variants.push(("an unknown member", member));

        // Python's `datetime.now(timezone.utc).isoformat()`.
        let mut python = sent.clone();
        members(style, &mut python)[&keys.timestamp] = json!("2026-11-21T10:00:00.123456+00:00");
        variants.push(("a timestamp with an offset", python));

        let mut unknown = sent.clone();
        members(style, &mut unknown)[&keys.code] = json!("BRAND_NEW");
        variants.push(("an unknown code", unknown));

        if style == EnvelopeStyle::Typed {
            let mut param = sent.clone();
            param["error"][&keys.param] = json!("email");
            variants.push(("`param` as a string", param));
        }
        if style != EnvelopeStyle::Problem {
            let mut details = sent.clone();
            members(style, &mut details)[&keys.details] = json!({"hint": "try /v2"});
            variants.push(("`details` on a code that had none", details));
        }
        for (what, body) in variants {
            let errors = errors(&client, &body);
            assert!(errors.is_empty(), "{style}: {what}: {body}: {errors:?}");
            assert!(!strict.is_valid(&body), "{style}: strict takes {what}");
        }
    }
}

#[test]
fn the_client_schema_still_pins_what_clients_rely_on() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let keys = &old.envelope.keys;
        let client = validator(&schema(&old, SchemaMode::Client));
        let bodies = evolution::bodies(&old);
        let (_, sent) = bodies.iter().find(|(c, _)| c == "RATE_LIMITED").unwrap();
        let details = |body: &mut Value| -> Value {
            let members = members(style, body);
            if style == EnvelopeStyle::Problem {
                members.clone()
            } else {
                members[&keys.details].clone()
            }
        };
        let set = |body: &mut Value, value: Option<Value>| {
            let members = members(style, body);
            let holder = if style == EnvelopeStyle::Problem {
                members
            } else {
                &mut members[&keys.details]
            };
            match value {
                Some(v) => holder["retry_after"] = v,
                None => {
                    holder.as_object_mut().unwrap().remove("retry_after");
                }
            }
        };
        assert!(details(&mut sent.clone()).get("retry_after").is_some());
        let mut wrong = Vec::new();
        let mut retyped = sent.clone();
        set(&mut retyped, Some(json!("soon")));
        wrong.push(("a field of another type", retyped));
        let mut missing = sent.clone();
        set(&mut missing, None);
        wrong.push(("a required field missing", missing));
        let mut message = sent.clone();
        let key = if style == EnvelopeStyle::Problem {
            &keys.detail
        } else {
            &keys.message
        };
        members(style, &mut message)[key] = json!(42);
        wrong.push(("a message that is not text", message));
        if style == EnvelopeStyle::Problem {
            let mut status = sent.clone();
            status[&keys.status] = json!(503);
            wrong.push(("another status", status));
            let mut ty = sent.clone();
            ty[&keys.type_] = json!("about:blank");
            wrong.push(("another type", ty));
        }
        if style == EnvelopeStyle::Flat {
            let mut success = sent.clone();
            success[&keys.success] = json!(true);
            wrong.push(("success: true", success));
        }
        for (what, body) in wrong {
            assert!(
                !client.is_valid(&body),
                "{style}: client takes {what}: {body}"
            );
        }
    }
}

#[test]
fn both_schemas_name_details_and_carry_the_contract() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        for mode in [SchemaMode::Client, SchemaMode::Strict] {
            let what = format!("{style} {}", mode.as_str());
            let schema = schema(&old, mode);
            let document = openapi(&old, mode);
            let components = &document["components"]["schemas"];
            for defs in [&schema["$defs"], components] {
                let problem = style == EnvelopeStyle::Problem;
                // The problem style has no details object: its fields are members.
                assert_eq!(defs.get("RateLimitedDetails").is_some(), !problem, "{what}");
                assert_eq!(
                    defs.get("InvalidRequestDetails").is_some(),
                    !problem,
                    "{what}"
                );
                assert!(defs.get("NotFoundDetails").is_none(), "{what}");
                if !problem {
                    assert_eq!(defs["RateLimitedDetails"]["title"], "RateLimitedDetails");
                    assert_eq!(
                        defs["RateLimitedDetails"]["required"],
                        json!(["retry_after"])
                    );
                }
                let rate_limited = &defs["RATE_LIMITED"];
                assert_eq!(rate_limited["x-retryable"], json!(true), "{what}");
                assert_eq!(rate_limited["x-category"], json!("rate_limit_error"));
                assert!(rate_limited.get("x-message-template").is_none(), "{what}");
                assert_eq!(defs["NOT_FOUND"]["x-retryable"], json!(false));
                assert_eq!(
                    rate_limited["x-grpc"],
                    json!("RESOURCE_EXHAUSTED"),
                    "{what}"
                );
                assert_eq!(defs["NOT_FOUND"]["x-grpc"], json!("NOT_FOUND"), "{what}");
                assert_eq!(defs["NOT_FOUND"]["x-category"], Value::Null);
                assert_eq!(
                    defs["QUOTA"]["x-message-template"],
                    json!("Quota of {limit} requests reached."),
                    "{what}"
                );
            }
            for root in [&schema, &document] {
                assert_eq!(
                    root["x-categories"],
                    json!({"rate_limit_error": "Too many requests."})
                );
                assert_eq!(
                    root["x-http"],
                    json!({
                        "bad_request": "INVALID_REQUEST",
                        "not_found": "NOT_FOUND",
                        "method_not_allowed": "METHOD_NOT_ALLOWED",
                        "unsupported_media_type": "UNSUPPORTED_MEDIA_TYPE",
                        "payload_too_large": "PAYLOAD_TOO_LARGE",
                        "internal": "INTERNAL_ERROR",
                        // Each bare status's answer: 403's only code needs a field
                        // a bare response cannot give.
                        "status": {
                            "400": "INVALID_REQUEST",
                            "404": "NOT_FOUND",
                            "405": "METHOD_NOT_ALLOWED",
                            "413": "PAYLOAD_TOO_LARGE",
                            "415": "UNSUPPORTED_MEDIA_TYPE",
                            "422": "INVALID_REQUEST",
                            "429": "RATE_LIMITED",
                            "500": "INTERNAL_ERROR",
                        },
                    }),
                    "{what}"
                );
                assert_eq!(
                    root["x-retry"],
                    json!({
                        "max_attempts": 5,
                        "base_delay_ms": 1000,
                        "max_delay_ms": 30000,
                        "honor_retry_after": true,
                        "retry_after_statuses": [429, 503],
                        "max_retry_after_ms": 300000,
                    })
                );
                assert_eq!(
                    root["x-circuit-breaker"],
                    json!({"failure_threshold": 5, "open_ms": 30000, "half_open_requests": 1})
                );
                assert_eq!(root["x-request-id-header"], "X-Correlation-Id");
            }
            // Retry-After is sent by the only 429 code, from a required field.
            let retry_after =
                &document["components"]["responses"]["Error429"]["headers"]["Retry-After"];
            assert_eq!(retry_after["required"], json!(true), "{what}");
        }
    }
}

#[test]
fn an_optional_header_field_is_not_a_required_header() {
    let catalog = errors_catalog::Catalog::from_str(
        "catalog.toml",
        r#"
        [errors.SLOW_DOWN]
        status = 429
        message = "Slow down."
        details.retry_after = { type = "u64?", header = "Retry-After" }
        [errors.RATE_LIMITED]
        status = 429
        message = "Rate limited."
        details.retry_after = { type = "u64", header = "Retry-After" }
        "#,
    )
    .unwrap();
    let document = openapi(&Reference::from(&catalog), SchemaMode::Client);
    let header = &document["components"]["responses"]["Error429"]["headers"]["Retry-After"];
    assert!(header.is_object());
    assert!(header.get("required").is_none(), "{header}");
}

#[test]
fn the_client_timestamp_is_any_rfc3339_time() {
    let old = evolution::old(EnvelopeStyle::Nested);
    let client = schema(&old, SchemaMode::Client);
    let strict = schema(&old, SchemaMode::Strict);
    assert_eq!(client["$defs"]["rfc3339-timestamp"]["format"], "date-time");
    assert!(
        client["$defs"]["rfc3339-timestamp"]
            .get("pattern")
            .is_none()
    );
    assert_eq!(strict["$defs"]["rfc3339-timestamp"]["format"], "date-time");
    assert!(strict["$defs"]["rfc3339-timestamp"]["pattern"].is_string());
}

#[test]
fn the_strict_openapi_union_has_a_discriminator_where_the_code_is_top_level() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let document = openapi(&old, SchemaMode::Strict);
        let schemas = &document["components"]["schemas"];
        for union in ["ApiError", "ApiError-429"] {
            let discriminator = &schemas[union]["discriminator"];
            match style {
                EnvelopeStyle::Flat | EnvelopeStyle::Problem => {
                    assert_eq!(
                        discriminator["propertyName"],
                        json!(old.envelope.keys.code),
                        "{style}"
                    );
                    assert_eq!(
                        discriminator["mapping"]["RATE_LIMITED"],
                        "#/components/schemas/RATE_LIMITED"
                    );
                }
                // OpenAPI's discriminator names a member of the branch itself.
                _ => assert!(discriminator.is_null(), "{style}: {discriminator}"),
            }
        }
        assert_eq!(
            schemas["ApiError"]["discriminator"]["mapping"]
                .as_object()
                .map(|m| m.len()),
            if style.is_wrapped() {
                None
            } else {
                Some(old.codes.len())
            },
        );
        let client = openapi(&old, SchemaMode::Client);
        assert!(client["components"]["schemas"]["ApiError"]["discriminator"].is_null());
    }
}

/// A known code whose body does not fit is reported under that code's branch, not as
/// "no branch matched".
#[test]
fn a_validator_names_the_code_whose_branch_failed() {
    for style in evolution::STYLES {
        let old = evolution::old(style);
        let index = old
            .codes
            .iter()
            .position(|c| c.code == "RATE_LIMITED")
            .unwrap();
        for mode in [SchemaMode::Client, SchemaMode::Strict] {
            let schema = schema(&old, mode);
            let then = match mode {
                SchemaMode::Client => index + 1, // after the generic error
                SchemaMode::Strict => index,
            };
            let branch = &schema["allOf"][then];
            assert_eq!(branch["then"]["$ref"], "#/$defs/RATE_LIMITED");
            let v = validator(&schema);
            let (_, mut body) = evolution::bodies(&old)
                .into_iter()
                .find(|(c, _)| c == "RATE_LIMITED")
                .unwrap();
            let holder = match style {
                EnvelopeStyle::Problem => &mut body,
                _ => &mut members(style, &mut body)["details"],
            };
            holder["retry_after"] = json!("soon");
            let named: Vec<String> = v
                .iter_errors(&body)
                .filter(|e| {
                    e.evaluation_path()
                        .as_str()
                        .starts_with(&format!("/allOf/{then}/then"))
                })
                .map(|e| e.instance_path().as_str().to_owned())
                .collect();
            assert!(
                named.iter().any(|path| path.ends_with("/retry_after")),
                "{style} {}: {named:?}",
                mode.as_str()
            );
        }
    }
}
