//! Source generation for the benchmarks: catalogs of any size, and for a catalog the
//! hand-written equivalent of what `catalog!` generates (a `thiserror` enum, `serde`
//! derives and `match` functions), plus sample values of every code.
//!
//! The baseline is written the way a team would write it by hand, one match arm per
//! code; it is generated here only so that it exists for catalogs of 1,000 and 10,000
//! codes and provably matches the catalog (the crate's tests check that both sides
//! produce the same bytes).

use std::fmt::Write as _;

use errors_catalog::{Catalog, DetailType, EnvelopeStyle, ErrorDef, Field, Member};

const DOMAINS: [&str; 20] = [
    "BILLING",
    "ACCOUNT",
    "BOOKING",
    "CATALOG",
    "CHECKOUT",
    "INVENTORY",
    "SHIPPING",
    "PAYMENT",
    "IDENTITY",
    "SEARCH",
    "MEDIA",
    "NOTIFICATION",
    "REPORTING",
    "SCHEDULING",
    "PRICING",
    "LOYALTY",
    "SUPPORT",
    "ANALYTICS",
    "STORAGE",
    "WEBHOOK",
];

const RESOURCES: [&str; 25] = [
    "INVOICE",
    "CUSTOMER",
    "SESSION",
    "PRODUCT",
    "ORDER",
    "LINE_ITEM",
    "SHIPMENT",
    "CARD",
    "TOKEN",
    "QUERY",
    "ASSET",
    "MESSAGE",
    "EXPORT",
    "SLOT",
    "QUOTE",
    "REWARD",
    "TICKET",
    "EVENT",
    "BUCKET",
    "ENDPOINT",
    "PLAN",
    "COUPON",
    "ADDRESS",
    "REFUND",
    "SUBSCRIPTION",
];

/// One kind of problem: its code suffix, status, category, message template (`%r` is
/// the resource in words) and detail fields (TOML, one per line).
struct Problem {
    suffix: &'static str,
    status: u16,
    category: &'static str,
    message: &'static str,
    details: &'static str,
    param: Option<&'static str>,
}

const PROBLEMS: [Problem; 20] = [
    Problem {
        suffix: "NOT_FOUND",
        status: 404,
        category: "not_found_error",
        message: "The %r '{id}' doesn't exist or isn't visible to this credential.",
        details: "id = { type = \"string\", description = \"The identifier that was looked up.\" }",
        param: None,
    },
    Problem {
        suffix: "ALREADY_EXISTS",
        status: 409,
        category: "conflict_error",
        message: "A %r with the key '{key}' already exists ({existing_id}).",
        details: "key = \"string\"\nexisting_id = \"string\"",
        param: Some("key"),
    },
    Problem {
        suffix: "INVALID",
        status: 400,
        category: "validation_error",
        message: "The %r is invalid: {count} field(s) failed validation.",
        details: "count = \"u32\"\nfields = { type = \"field_violations\", description = \"Each field that failed, with a message for the user.\" }",
        param: None,
    },
    Problem {
        suffix: "LIMIT_REACHED",
        status: 429,
        category: "rate_limit_error",
        message: "Limit of {limit} %r operations per {window} reached; retry in {retry_after} s.",
        details: "limit = \"u32\"\nwindow = \"string\"\nretry_after = { type = \"u64\", header = \"Retry-After\" }",
        param: None,
    },
    Problem {
        suffix: "LOCKED",
        status: 423,
        category: "conflict_error",
        message: "The %r '{id}' is locked by {holder}.",
        details: "id = \"string\"\nholder = \"string\"\nuntil = \"string?\"",
        param: None,
    },
    Problem {
        suffix: "EXPIRED",
        status: 410,
        category: "not_found_error",
        message: "The %r '{id}' expired at {expired_at}.",
        details: "id = \"string\"\nexpired_at = { type = \"string\", description = \"When it expired (RFC 3339).\" }",
        param: None,
    },
    Problem {
        suffix: "CONFLICT",
        status: 409,
        category: "conflict_error",
        message: "The %r is in state {current_state}: {reason}",
        details: "reason = \"string\"\ncurrent_state = \"string\"",
        param: None,
    },
    Problem {
        suffix: "FORBIDDEN",
        status: 403,
        category: "permission_error",
        message: "The credential lacks the `{scope}` scope needed for this %r.",
        details: "scope = \"string\"\nrequired_roles = \"[string]\"",
        param: Some("scope"),
    },
    Problem {
        suffix: "UNAVAILABLE",
        status: 503,
        category: "api_error",
        message: "The %r service is temporarily unavailable. Please try again later.",
        details: "retry_after = { type = \"u64?\", header = \"Retry-After\" }",
        param: None,
    },
    Problem {
        suffix: "TIMEOUT",
        status: 504,
        category: "api_error",
        message: "The %r backend didn't respond within {timeout_ms} ms. Retrying is safe.",
        details: "timeout_ms = \"u64\"\nupstream_host = { type = \"string\", internal = true, description = \"For logs only.\" }",
        param: None,
    },
    Problem {
        suffix: "VERSION_MISMATCH",
        status: 409,
        category: "conflict_error",
        message: "The %r was modified by another request (version {expected:?} expected, {actual} found).",
        details: "expected = \"i64\"\nactual = \"i64\"\nforce = \"bool?\"",
        param: None,
    },
    Problem {
        suffix: "QUOTA_EXCEEDED",
        status: 403,
        category: "rate_limit_error",
        message: "Quota exceeded: {used:>6} of {quota} %r units used ({ratio:.1}%).",
        details: "used = \"u64\"\nquota = \"u64\"\nratio = \"f64\"",
        param: None,
    },
    Problem {
        suffix: "MALFORMED",
        status: 400,
        category: "validation_error",
        message: "The %r payload is malformed at byte {offset}: expected {{ or [.",
        details: "offset = \"u64\"\nnear = \"json\"",
        param: None,
    },
    Problem {
        suffix: "UNSUPPORTED",
        status: 415,
        category: "validation_error",
        message: "Media type {media_type} is not supported for a %r; use one of {accepted:?}.",
        details: "media_type = \"string\"\naccepted = \"[string]\"",
        param: Some("media_type"),
    },
    Problem {
        suffix: "DEPENDENCY_FAILED",
        status: 502,
        category: "api_error",
        message: "The %r dependency {service} answered {answer}.",
        details: "service = \"string\"\nanswer = \"json\"\ncause = { type = \"string\", internal = true }",
        param: None,
    },
    Problem {
        suffix: "RATE_LIMITED",
        status: 429,
        category: "rate_limit_error",
        message: "Rate limit exceeded for {category} %r endpoints. Retry in {retry_after} seconds.",
        details: "category = \"string\"\nretry_after = { type = \"u64\", header = \"Retry-After\" }\nlimit = { type = \"u32?\", header = \"X-RateLimit-Limit\" }",
        param: None,
    },
    Problem {
        suffix: "PRECONDITION_FAILED",
        status: 412,
        category: "conflict_error",
        message: "Precondition failed: the %r has ETag {current_etag}, not {given_etag}.",
        details: "current_etag = \"string\"\ngiven_etag = \"string\"",
        param: None,
    },
    Problem {
        suffix: "TOO_LARGE",
        status: 413,
        category: "validation_error",
        message: "The %r is {size} bytes; the maximum is {max_size}.",
        details: "size = \"u64\"\nmax_size = \"u64\"",
        param: None,
    },
    Problem {
        suffix: "SUSPENDED",
        status: 403,
        category: "permission_error",
        message: "This %r is suspended.",
        details: "",
        param: None,
    },
    Problem {
        suffix: "DUPLICATE_REQUEST",
        status: 422,
        category: "idempotency_error",
        message: "Idempotency key {idempotency_key:?} was reused with different %r data.",
        details: "idempotency_key = { type = \"string\", header = \"Idempotency-Key\" }",
        param: None,
    },
];

/// A catalog of `codes` codes (at most 10,000) in `envelope` style, cycling through 20
/// realistic kinds of problem for each resource of each domain: codes such as
/// `BILLING_INVOICE_NOT_FOUND`, with ids, counts, `Retry-After` headers, optional
/// fields, lists, field violations, JSON values, internal fields, format specs and
/// literal braces, a category, a description and a `doc_url` for every code.
pub fn catalog_toml(codes: usize, envelope: &str) -> String {
    assert!(codes <= DOMAINS.len() * RESOURCES.len() * PROBLEMS.len());
    let mut toml = format!(
        "# Generated by `cargo run -p errors-bench --bin gen-sources`: {codes} codes.\n\n\
         [catalog]\nname = \"ApiError\"\nenvelope = \"{envelope}\"\n\
         doc_url = \"https://docs.example.com/errors#{{code}}\"\n\n"
    );
    for category in [
        "api_error",
        "validation_error",
        "permission_error",
        "not_found_error",
        "conflict_error",
        "idempotency_error",
        "rate_limit_error",
    ] {
        let _ = writeln!(
            toml,
            "[categories.{category}]\ndescription = \"Errors of the {} class.\"",
            category.trim_end_matches("_error")
        );
    }
    toml.push('\n');
    for i in 0..codes {
        let problem = &PROBLEMS[i % PROBLEMS.len()];
        let resource = RESOURCES[(i / PROBLEMS.len()) % RESOURCES.len()];
        let domain = DOMAINS[i / (PROBLEMS.len() * RESOURCES.len())];
        let code = format!("{domain}_{resource}_{}", problem.suffix);
        let words = resource.to_lowercase().replace('_', " ");
        let message = problem.message.replace("%r", &words);
        let _ = writeln!(
            toml,
            "[errors.{code}]\nstatus = {}\nmessage = {message:?}\ncategory = \"{}\"",
            problem.status, problem.category
        );
        let _ = writeln!(
            toml,
            "description = \"Returned by the {} API when a {words} request fails this way.\"",
            domain.to_lowercase()
        );
        if let Some(param) = problem.param {
            let _ = writeln!(toml, "param = \"{param}\"");
        }
        if !problem.details.is_empty() {
            let _ = writeln!(toml, "[errors.{code}.details]\n{}", problem.details);
        }
        toml.push('\n');
    }
    toml
}

/// The Rust identifier of a catalog field, raw for keywords.
fn ident(name: &str) -> String {
    if errors_catalog::naming::is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

fn rust_type(field: &Field) -> String {
    fn inner(ty: &DetailType) -> String {
        match ty {
            DetailType::String => "String".into(),
            DetailType::Bool => "bool".into(),
            DetailType::I32 => "i32".into(),
            DetailType::I64 => "i64".into(),
            DetailType::U32 => "u32".into(),
            DetailType::U64 => "u64".into(),
            DetailType::F64 => "f64".into(),
            DetailType::Json => "JsonValue".into(),
            DetailType::FieldViolations => "Vec<FieldViolation>".into(),
            DetailType::List(t) => format!("Vec<{}>", inner(t)),
        }
    }
    if field.optional {
        format!("Option<{}>", inner(&field.ty))
    } else {
        inner(&field.ty)
    }
}

fn key(catalog: &Catalog, member: Member) -> &str {
    catalog.envelope.key(member).unwrap_or("")
}

/// `Some("text")` or `None`, as Rust source.
fn option_str(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({v:?})"))
}

/// The hand-written equivalent of `catalog!` for `catalog`, as the body of a module.
///
/// What it has: the error enum (`Debug, Clone, PartialEq`, `thiserror::Error` for
/// `Display` and `Error`, `Serialize` untagged for the `details` object, internal
/// fields skipped), the code enum with `as_str`/`status`/`is_retryable`/`FromStr`/
/// `Display`, `code`/`status`/`is_retryable`/`retry_after` on the error, and a
/// `#[derive(Serialize)]` envelope struct for the catalog's style, built by
/// `envelope(request_id, timestamp)`. What `catalog!` has besides, and the baseline
/// leaves out: the static metadata table, decoding, `Deserialize` of the code,
/// header and internal-field visitors.
///
/// The small functions are `#[inline]` where the generated ones are, so that both
/// sides are inlined into the benchmarks (another crate) alike: the comparison is of
/// the code, not of inlining across crates.
pub fn baseline(catalog: &Catalog, source: &str) -> String {
    let mut out = String::new();
    let name = &catalog.name;
    let code_enum = &catalog.code_enum;
    let n = catalog.errors.len();
    let _ = write!(
        out,
        "// Generated by `cargo run -p errors-bench --bin gen-sources` from {source}:\n\
         // the hand-written equivalent of `catalog!` (see `errors_bench::codegen::baseline`).\n\n\
         use errors_runtime::{{{}Timestamp, UnknownCode}};\n\
         use serde::Serialize;\n\n",
        imports(catalog)
    );

    // The error enum.
    let _ = writeln!(
        out,
        "/// Every error of the API.\n\
         #[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]\n\
         #[serde(untagged)]\npub enum {name} {{"
    );
    for e in &catalog.errors {
        let _ = writeln!(out, "    #[error({:?})]", e.message.source);
        if e.fields.is_empty() {
            let _ = writeln!(out, "    {},", e.variant);
            continue;
        }
        let _ = writeln!(out, "    {} {{", e.variant);
        for f in &e.fields {
            let mut attrs = Vec::new();
            if f.internal {
                attrs.push("skip".to_owned());
            } else {
                if f.wire != f.name {
                    attrs.push(format!("rename = {:?}", f.wire));
                }
                if f.optional {
                    attrs.push("skip_serializing_if = \"Option::is_none\"".to_owned());
                }
            }
            if !attrs.is_empty() {
                let _ = writeln!(out, "        #[serde({})]", attrs.join(", "));
            }
            let _ = writeln!(out, "        {}: {},", ident(&f.name), rust_type(f));
        }
        let _ = writeln!(out, "    }},");
    }
    out.push_str("}\n\n");

    // The code enum.
    let _ = writeln!(
        out,
        "/// The code of an error.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum {code_enum} {{"
    );
    for e in &catalog.errors {
        let _ = writeln!(out, "    {},", e.variant);
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "impl {code_enum} {{");
    let _ = writeln!(
        out,
        "    /// Every code, in catalog order.\n    pub const ALL: [{code_enum}; {n}] = ["
    );
    for e in &catalog.errors {
        let _ = writeln!(out, "        {code_enum}::{},", e.variant);
    }
    out.push_str("    ];\n\n");
    code_match(&mut out, catalog, "as_str", "&'static str", |e| {
        format!("{:?}", e.code)
    });
    code_match(&mut out, catalog, "status", "u16", |e| e.status.to_string());
    retryable_fn(&mut out, catalog, false);
    let style = catalog.envelope.style;
    if style == EnvelopeStyle::Typed {
        code_match(&mut out, catalog, "category", "Option<&'static str>", |e| {
            option_str(e.category.as_deref())
        });
    }
    if matches!(style, EnvelopeStyle::Typed | EnvelopeStyle::Problem) {
        code_match(&mut out, catalog, "doc_url", "Option<&'static str>", |e| {
            option_str(e.doc_url.as_deref())
        });
    }
    if style == EnvelopeStyle::Problem {
        code_match(&mut out, catalog, "title", "&'static str", |e| {
            format!("{:?}", e.title)
        });
    }
    out.push_str("}\n\n");
    let _ = write!(
        out,
        "impl std::str::FromStr for {code_enum} {{\n    type Err = UnknownCode;\n\n    \
         #[inline]\n    fn from_str(text: &str) -> Result<Self, UnknownCode> {{\n        Ok(match text {{\n"
    );
    for e in &catalog.errors {
        let _ = writeln!(out, "            {:?} => Self::{},", e.code, e.variant);
    }
    out.push_str("            _ => return Err(UnknownCode::new(text)),\n        })\n    }\n}\n\n");
    let _ = write!(
        out,
        "impl std::fmt::Display for {code_enum} {{\n    \
         fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {{\n        \
         f.pad(self.as_str())\n    }}\n}}\n\n"
    );

    // The error's own functions.
    let _ = writeln!(out, "impl {name} {{");
    let _ = writeln!(
        out,
        "    /// The stable code of this error.\n    #[inline]\n    pub fn code(&self) -> {code_enum} {{\n        match self {{"
    );
    for e in &catalog.errors {
        let _ = writeln!(
            out,
            "            Self::{}{} => {code_enum}::{},",
            e.variant,
            rest(e),
            e.variant
        );
    }
    out.push_str("        }\n    }\n\n");
    let _ = writeln!(
        out,
        "    /// The HTTP status.\n    #[inline]\n    pub fn status(&self) -> u16 {{\n        match self {{"
    );
    for e in &catalog.errors {
        let _ = writeln!(
            out,
            "            Self::{}{} => {},",
            e.variant,
            rest(e),
            e.status
        );
    }
    out.push_str("        }\n    }\n\n");
    retryable_fn(&mut out, catalog, true);
    // retry_after: the Retry-After field.
    out.push_str("    /// How long to wait before retrying.\n    pub fn retry_after(&self) -> Option<std::time::Duration> {\n        match self {\n");
    for e in &catalog.errors {
        if let Some(f) = e.retry_after_field() {
            let field = ident(&f.name);
            let secs = |v: &str| {
                if f.ty == DetailType::U64 {
                    v.to_owned()
                } else {
                    format!("u64::from({v})")
                }
            };
            let value = if f.optional && f.ty == DetailType::U64 {
                format!("{field}.map(std::time::Duration::from_secs)")
            } else if f.optional {
                format!(
                    "{field}.map(|s| std::time::Duration::from_secs({}))",
                    secs("s")
                )
            } else {
                format!(
                    "Some(std::time::Duration::from_secs({}))",
                    secs(&format!("*{field}"))
                )
            };
            let _ = writeln!(
                out,
                "            Self::{} {{ {}, .. }} => {value},",
                e.variant,
                ident(&f.name)
            );
        }
    }
    out.push_str("            _ => None,\n        }\n    }\n\n");
    // Whether the `details` object is there.
    out.push_str("    /// Whether the error has public detail fields.\n    #[inline]\n    pub fn has_details(&self) -> bool {\n        matches!(\n            self,\n");
    let with: Vec<String> = catalog
        .errors
        .iter()
        .filter(|e| e.public_fields().next().is_some())
        .map(|e| format!("Self::{} {{ .. }}", e.variant))
        .collect();
    if with.is_empty() {
        out.push_str("            _ if false\n");
    } else {
        let _ = writeln!(out, "            {}", with.join("\n                | "));
    }
    out.push_str("        )\n    }\n\n");
    if style == EnvelopeStyle::Typed {
        out.push_str("    /// The value of the field named as `param`.\n    pub fn param(&self) -> Option<&str> {\n        match self {\n");
        for e in &catalog.errors {
            if let Some(p) = &e.param {
                let f = e.field(p).expect("validated");
                let value = if f.optional {
                    format!("{}.as_deref()", ident(p))
                } else {
                    format!("Some({}.as_str())", ident(p))
                };
                let _ = writeln!(
                    out,
                    "            Self::{} {{ {}, .. }} => {value},",
                    e.variant,
                    ident(p)
                );
            }
        }
        out.push_str("            _ => None,\n        }\n    }\n\n");
    }
    let _ = writeln!(
        out,
        "    /// The JSON envelope.\n    #[inline]\n    pub fn envelope<'a>(&'a self, request_id: Option<&'a str>, timestamp: Option<Timestamp>) -> Envelope<'a> {{"
    );
    out.push_str(&envelope_ctor(style));
    out.push_str("    }\n}\n\n");
    out.push_str(
        "/// Serializes the message from `Display`, without an intermediate `String`.\n\
         fn display<S: serde::Serializer>(error: &&ApiError, serializer: S) -> Result<S::Ok, S::Error> {\n    \
         serializer.collect_str(*error)\n}\n\n",
    );
    out.push_str(&envelope_structs(catalog));
    out.replace("ApiError", name)
}

/// `FieldViolation, JsonValue, ` as far as the catalog uses them.
fn imports(catalog: &Catalog) -> String {
    fn uses(ty: &DetailType, wanted: &DetailType) -> bool {
        match ty {
            DetailType::List(inner) => uses(inner, wanted),
            ty => ty == wanted,
        }
    }
    let mut out = String::new();
    for (wanted, name) in [
        (DetailType::FieldViolations, "FieldViolation, "),
        (DetailType::Json, "JsonValue, "),
    ] {
        let used = catalog
            .errors
            .iter()
            .flat_map(|e| &e.fields)
            .any(|f| uses(&f.ty, &wanted));
        if used {
            out.push_str(name);
        }
    }
    out
}

/// ` { .. }` for struct variants, nothing for unit variants.
fn rest(e: &ErrorDef) -> &'static str {
    if e.fields.is_empty() { "" } else { " { .. }" }
}

fn code_match(
    out: &mut String,
    catalog: &Catalog,
    name: &str,
    ty: &str,
    value: impl Fn(&ErrorDef) -> String,
) {
    let _ = writeln!(
        out,
        "    /// `{name}` of the code.\n    #[inline]\n    pub fn {name}(self) -> {ty} {{\n        match self {{"
    );
    for e in &catalog.errors {
        let _ = writeln!(out, "            Self::{} => {},", e.variant, value(e));
    }
    out.push_str("        }\n    }\n\n");
}

/// `is_retryable` as a `matches!` of the retryable variants: of the code enum, or
/// (`on_error`) of the error.
fn retryable_fn(out: &mut String, catalog: &Catalog, on_error: bool) {
    let receiver = if on_error { "&self" } else { "self" };
    let _ = writeln!(
        out,
        "    /// Whether a client may retry.\n    #[inline]\n    pub fn is_retryable({receiver}) -> bool {{\n        matches!(\n            self,"
    );
    let arms: Vec<String> = catalog
        .errors
        .iter()
        .filter(|e| e.retryable)
        .map(|e| {
            let rest = if on_error { rest(e) } else { "" };
            format!("Self::{}{rest}", e.variant)
        })
        .collect();
    if arms.is_empty() {
        out.push_str("            _ if false\n");
    } else {
        let _ = writeln!(out, "            {}", arms.join("\n                | "));
    }
    out.push_str("        )\n    }\n\n");
}

fn envelope_ctor(style: EnvelopeStyle) -> String {
    let body = match style {
        EnvelopeStyle::Flat => {
            "Envelope {\n            success: false,\n            code: self.code().as_str(),\n            message: self,\n            details: self.has_details().then_some(self),\n            request_id,\n            timestamp,\n        }"
        }
        EnvelopeStyle::Nested => {
            "Envelope {\n            error: Body {\n                code: self.code().as_str(),\n                message: self,\n                details: self.has_details().then_some(self),\n                request_id,\n                timestamp,\n            },\n        }"
        }
        EnvelopeStyle::Typed => {
            "let code = self.code();\n        Envelope {\n            error: Body {\n                r#type: code.category(),\n                code: code.as_str(),\n                message: self,\n                param: self.param(),\n                doc_url: code.doc_url(),\n                request_id,\n                details: self.has_details().then_some(self),\n                timestamp,\n            },\n        }"
        }
        EnvelopeStyle::Problem => {
            "let code = self.code();\n        Envelope {\n            r#type: code.doc_url().unwrap_or(\"about:blank\"),\n            title: code.title(),\n            status: code.status(),\n            detail: self,\n            code: code.as_str(),\n            request_id,\n            timestamp,\n            details: self.has_details().then_some(self),\n        }"
        }
    };
    format!("        {body}\n")
}

/// The envelope struct(s) of the catalog's style, with its member names.
fn envelope_structs(catalog: &Catalog) -> String {
    let k = |m| key(catalog, m);
    let rename = |field: &str, m| {
        let wire = k(m);
        if wire == field {
            String::new()
        } else {
            format!("rename = {wire:?}")
        }
    };
    let attrs = |parts: &[String]| {
        let parts: Vec<&str> = parts
            .iter()
            .map(String::as_str)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("    #[serde({})]\n", parts.join(", "))
        }
    };
    let skip_none = "skip_serializing_if = \"Option::is_none\"".to_owned();
    let code = format!(
        "{}    code: &'static str,\n",
        attrs(&[rename("code", Member::Code)])
    );
    let message = |field: &str, m| {
        format!(
            "{}    {field}: &'a ApiError,\n",
            attrs(&[rename(field, m), "serialize_with = \"display\"".to_owned()])
        )
    };
    let details = format!(
        "{}    details: Option<&'a ApiError>,\n",
        attrs(&[rename("details", Member::Details), skip_none.clone()])
    );
    let request_id = format!(
        "{}    request_id: Option<&'a str>,\n",
        attrs(&[rename("request_id", Member::RequestId), skip_none.clone()])
    );
    let timestamp = format!(
        "{}    timestamp: Option<Timestamp>,\n",
        attrs(&[rename("timestamp", Member::Timestamp), skip_none.clone()])
    );
    let header = "/// The JSON envelope.\n#[derive(Debug, Serialize)]\n";
    match catalog.envelope.style {
        EnvelopeStyle::Flat => format!(
            "{header}pub struct Envelope<'a> {{\n{}    success: bool,\n{code}{}{details}{request_id}{timestamp}}}\n",
            attrs(&[rename("success", Member::Success)]),
            message("message", Member::Message),
        ),
        EnvelopeStyle::Nested => format!(
            "{header}pub struct Envelope<'a> {{\n{}    error: Body<'a>,\n}}\n\n\
             /// The members inside `error`.\n#[derive(Debug, Serialize)]\n\
             pub struct Body<'a> {{\n{code}{}{details}{request_id}{timestamp}}}\n",
            attrs(&[rename("error", Member::Error)]),
            message("message", Member::Message),
        ),
        EnvelopeStyle::Typed => format!(
            "{header}pub struct Envelope<'a> {{\n{}    error: Body<'a>,\n}}\n\n\
             /// The members inside `error`.\n#[derive(Debug, Serialize)]\n\
             pub struct Body<'a> {{\n{}    r#type: Option<&'static str>,\n{code}{}\
             {}    param: Option<&'a str>,\n{}    doc_url: Option<&'static str>,\n\
             {}    request_id: Option<&'a str>,\n{details}{timestamp}}}\n",
            attrs(&[rename("error", Member::Error)]),
            attrs(&[rename("type", Member::Type)]),
            message("message", Member::Message),
            attrs(&[rename("param", Member::Param)]),
            attrs(&[rename("doc_url", Member::DocUrl)]),
            attrs(&[rename("request_id", Member::RequestId)]),
        ),
        EnvelopeStyle::Problem => format!(
            "{header}pub struct Envelope<'a> {{\n{}    r#type: &'static str,\n\
             {}    title: &'static str,\n{}    status: u16,\n{}{code}{request_id}{timestamp}\
             {}    details: Option<&'a ApiError>,\n}}\n",
            attrs(&[rename("type", Member::Type)]),
            attrs(&[rename("title", Member::Title)]),
            attrs(&[rename("status", Member::Status)]),
            message("detail", Member::Detail),
            attrs(&["flatten".to_owned(), skip_none]),
        ),
    }
}

/// `pub fn samples() -> Vec<ApiError>`: one error of every code, every field set
/// (optional ones too), as the body of a module that has `ApiError` in scope. Both the
/// generated and the baseline enums have the same variants and fields, so the same
/// source builds the samples of either.
pub fn samples(catalog: &Catalog, source: &str) -> String {
    let mut out = format!(
        "// Generated by `cargo run -p errors-bench --bin gen-sources` from {source}.\n\n\
         /// One error of every code, in catalog order, with every field set.\n\
         pub fn samples() -> Vec<{0}> {{\n    \
         use errors_runtime::{{FieldViolation, JsonValue}};\n    vec![\n",
        catalog.name
    );
    for e in &catalog.errors {
        if e.fields.is_empty() {
            let _ = writeln!(out, "        {}::{},", catalog.name, e.variant);
            continue;
        }
        let fields: Vec<String> = e
            .fields
            .iter()
            .map(|f| {
                let value = sample_value(&f.name, &f.ty);
                let value = if f.optional {
                    format!("Some({value})")
                } else {
                    value
                };
                format!("{}: {value}", ident(&f.name))
            })
            .collect();
        let _ = writeln!(
            out,
            "        {}::{} {{ {} }},",
            catalog.name,
            e.variant,
            fields.join(", ")
        );
    }
    out.push_str("    ]\n}\n");
    // Unused imports in a catalog without lists or JSON are fine in a generated file.
    out.replace(
        "pub fn samples",
        "#[allow(unused_imports, deprecated)]\npub fn samples",
    )
}

fn sample_value(name: &str, ty: &DetailType) -> String {
    match ty {
        DetailType::String => format!("{:?}.to_owned()", sample_string(name)),
        DetailType::Bool => "true".into(),
        DetailType::I32 | DetailType::I64 => "-42".into(),
        DetailType::U32 | DetailType::U64 => "42".into(),
        DetailType::F64 => "0.75".into(),
        DetailType::Json => "JsonValue::from(vec![JsonValue::from(\"retry\"), JsonValue::from(503)])".into(),
        DetailType::FieldViolations => "vec![FieldViolation::new(\"email\", \"must be a valid email\").with_rule(\"email\"), FieldViolation::new(\"items[2].sku\", \"is required\")]".into(),
        DetailType::List(inner) => format!(
            "vec![{}, {}]",
            sample_value(name, inner),
            sample_value(name, inner)
        ),
    }
}

fn sample_string(name: &str) -> String {
    match name {
        "id" | "session_id" | "queue_id" | "booking_id" | "existing_id" => "ses_8Hk2PqZ4".into(),
        "type" => "Session".into(),
        "scope" => "bookings:write".into(),
        "window" => "1 minute".into(),
        "category" => "read".into(),
        "media_type" => "text/xml".into(),
        "idempotency_key" => "idem_\"quoted\"_7".into(),
        other => format!("sample {other} with \"quotes\" and unicode: naïve"),
    }
}
