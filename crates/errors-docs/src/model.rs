//! The reference's own view of a catalog: owned, with nothing left to resolve, built
//! from the catalog model (`errors_catalog::Catalog`, no Rust compiled) or from the
//! metadata a service was compiled with (`errors_runtime::meta::CatalogMeta`), so
//! every output is written once, against this.

use crate::template::Template;

/// Everything a reference, a schema or an OpenAPI document says about a catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// The error type's name (`ApiError`): the reference's title.
    pub name: String,
    /// The envelope every error is sent in.
    pub envelope: Envelope,
    /// The client retry policy (`[retry]`).
    pub retry: Retry,
    /// The client circuit breaker (`[circuit_breaker]`).
    pub circuit_breaker: CircuitBreaker,
    /// The declared categories, in declaration order.
    pub categories: Vec<Category>,
    /// Every code, in catalog order.
    pub codes: Vec<Code>,
}

impl Reference {
    /// The code called `code`.
    pub fn code(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.code == code)
    }

    /// The category called `name`.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// Every status the catalog uses, ascending, once each.
    pub fn statuses(&self) -> Vec<u16> {
        let mut statuses: Vec<u16> = self.codes.iter().map(|c| c.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        statuses
    }
}

/// The envelope style and the key of each member, `[envelope.rename]` applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The style.
    pub style: Style,
    /// The member keys.
    pub keys: Keys,
}

/// The JSON shape of an error response (SPEC section 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `{"success": false, "errorCode": ..., "message": ..., "details": ..., "requestId": ...}`
    Flat,
    /// `{"error": {"code": ..., "message": ..., "details": ..., "request_id": ..., "timestamp": ...}}`
    Nested,
    /// `{"error": {"type": ..., "code": ..., "message": ..., "param": ..., "doc_url": ..., "request_id": ..., "details": ...}}`
    Typed,
    /// RFC 9457 problem details, detail fields as top-level extension members.
    Problem,
}

impl Style {
    /// The catalog spelling: `flat`, `nested`, `typed`, `problem`.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Flat => "flat",
            Style::Nested => "nested",
            Style::Typed => "typed",
            Style::Problem => "problem",
        }
    }

    /// The HTTP content type of responses in this style.
    pub fn content_type(self) -> &'static str {
        match self {
            Style::Problem => "application/problem+json",
            _ => "application/json",
        }
    }

    /// Whether the members sit in an `error` object (nested, typed).
    pub fn is_wrapped(self) -> bool {
        matches!(self, Style::Nested | Style::Typed)
    }
}

/// The key of each standard envelope member. A member the style does not have keeps
/// its default name, unused. (`instance` is the problem style's: RFC 9457 allows it,
/// no service of a catalog writes it, and a client drops it.)
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // one per member, named as in `[envelope.rename]`
pub struct Keys {
    pub success: String,
    pub error: String,
    pub code: String,
    pub message: String,
    pub details: String,
    pub request_id: String,
    pub timestamp: String,
    pub type_: String,
    pub param: String,
    pub doc_url: String,
    pub title: String,
    pub status: String,
    pub detail: String,
    pub instance: String,
}

impl Keys {
    /// The default keys of `style` (SPEC section 4): `errorCode` and `requestId` in
    /// the flat style, the member's own name otherwise.
    pub fn defaults(style: Style) -> Keys {
        let flat = style == Style::Flat;
        Keys {
            success: "success".into(),
            error: "error".into(),
            code: if flat { "errorCode" } else { "code" }.into(),
            message: "message".into(),
            details: "details".into(),
            request_id: if flat { "requestId" } else { "request_id" }.into(),
            timestamp: "timestamp".into(),
            type_: "type".into(),
            param: "param".into(),
            doc_url: "doc_url".into(),
            title: "title".into(),
            status: "status".into(),
            detail: "detail".into(),
            instance: "instance".into(),
        }
    }
}

/// The client retry policy a catalog documents (`[retry]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry {
    /// Total attempts, the first included.
    pub max_attempts: u32,
    /// The backoff base, in milliseconds.
    pub base_delay_ms: u64,
    /// The backoff cap, in milliseconds.
    pub max_delay_ms: u64,
    /// How a 429's `Retry-After` is honoured.
    pub honor_retry_after: HonorRetryAfter,
    /// The longest `Retry-After` a client waits for, in milliseconds.
    pub max_retry_after_ms: u64,
}

/// How a client honours a 429's `Retry-After` (`[retry] honor_retry_after`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HonorRetryAfter {
    /// `false`: backoff alone decides.
    Never,
    /// `true`: the first retry waits exactly `Retry-After`, later ones back off.
    FirstRetry,
    /// `"always"`: every retry of a 429 waits at least `Retry-After`.
    Always,
}

/// The client circuit breaker a catalog documents (`[circuit_breaker]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CircuitBreaker {
    /// Consecutive retryable failures that open the circuit.
    pub failure_threshold: u32,
    /// How long the circuit stays open, in milliseconds.
    pub open_ms: u64,
    /// Trial requests let through while half-open.
    pub half_open_requests: u32,
}

/// A declared category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// The name, e.g. `rate_limit_error`.
    pub name: String,
    /// What it covers.
    pub description: Option<String>,
}

/// One code of the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// The stable code, e.g. `RATE_LIMITED`.
    pub code: String,
    /// A short title.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// Whether a client may retry.
    pub retryable: bool,
    /// The category (the typed envelope's `type`).
    pub category: Option<String>,
    /// Documentation for people.
    pub description: Option<String>,
    /// The message template.
    pub template: Template,
    /// The detail field whose value is the typed envelope's `param`.
    pub param: Option<String>,
    /// Why the code is deprecated, when it is (empty when no reason was given).
    pub deprecated: Option<String>,
    /// The documentation URL of this code.
    pub doc_url: Option<String>,
    /// The detail fields, internal ones included, in declaration order.
    pub fields: Vec<Field>,
}

impl Code {
    /// The fields clients receive (all but internal ones), in order.
    pub fn public_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| !f.internal)
    }

    /// The fields sent in `details` (the problem style's extension members).
    pub fn detail_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.in_details && !f.internal)
    }

    /// Whether the envelope of this code has a `details` member.
    pub fn sends_details(&self) -> bool {
        self.detail_fields().next().is_some()
    }

    /// Whether the message template inserts the field called `name`.
    pub fn in_message(&self, name: &str) -> bool {
        self.template.fields().any(|f| f == name)
    }

    /// The field whose header is `Retry-After`.
    pub fn retry_after_field(&self) -> Option<&Field> {
        self.public_fields().find(|f| {
            f.header
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case("retry-after"))
        })
    }
}

/// A detail field of a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name in the catalog (and in Rust).
    pub name: String,
    /// The member name on the wire.
    pub wire: String,
    /// The value type.
    pub ty: FieldType,
    /// Whether it may be absent (left out of the wire when it is).
    pub optional: bool,
    /// Never sent to clients: left out of every output.
    pub internal: bool,
    /// The HTTP response header it is also sent as.
    pub header: Option<String>,
    /// Whether it is sent in `details` (the problem style's extension members).
    pub in_details: bool,
    /// Documentation for people.
    pub description: Option<String>,
}

/// The type of a detail field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// `string`
    String,
    /// `bool`
    Bool,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `f64`: a JSON number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    F64,
    /// `json`: any JSON value.
    Json,
    /// `field_violations`: a list of `{ path, message, rule? }`.
    FieldViolations,
    /// `[T]`: a list of `T`.
    List(Box<FieldType>),
}

impl std::fmt::Display for FieldType {
    /// The catalog spelling: `u64`, `[string]`, `field_violations`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            FieldType::String => "string",
            FieldType::Bool => "bool",
            FieldType::I32 => "i32",
            FieldType::I64 => "i64",
            FieldType::U32 => "u32",
            FieldType::U64 => "u64",
            FieldType::F64 => "f64",
            FieldType::Json => "json",
            FieldType::FieldViolations => "field_violations",
            FieldType::List(inner) => return write!(f, "[{inner}]"),
        };
        f.write_str(name)
    }
}
