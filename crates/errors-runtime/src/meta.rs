//! Static metadata: everything the catalog says about each code, available at run time
//! to generic code (integrations, retry policies, documentation generators).
//!
//! The values are built by the generated code; the fields are public so that tools can
//! read them, and may grow in minor versions.

pub use errors_vocab::format_spec::{Align, FormatKind, FormatSpec, FormatTrait, Sign};
pub use errors_vocab::template::{Piece, Placeholder};

/// The catalog as a whole.
#[derive(Debug)]
pub struct CatalogMeta {
    /// The Rust enum name, e.g. `ApiError`.
    pub name: &'static str,
    /// The envelope style and member keys.
    pub envelope: EnvelopeMeta,
    /// The client retry policy of the catalog's `[retry]` table.
    pub retry: RetryConfig,
    /// The circuit breaker of the catalog's `[circuit_breaker]` table.
    pub circuit_breaker: CircuitBreakerConfig,
    /// What an HTTP service answers the framework's rejections with (`[http]`).
    pub http: HttpMeta,
    /// Every error, in catalog order (the order of the code enum).
    pub errors: &'static [ErrorMeta],
    /// The declared categories.
    pub categories: &'static [CategoryMeta],
}

impl CatalogMeta {
    /// The metadata of `code`, if the catalog has it.
    pub fn error(&self, code: &str) -> Option<&'static ErrorMeta> {
        self.errors.iter().find(|e| e.code == code)
    }

    /// The code that answers `rejection`, if the catalog has one (`[http]`, or the
    /// conventional code of that status).
    ///
    /// ```
    /// # mod api { errors_runtime::catalog!("../../catalog.toml"); }
    /// use errors_runtime::meta::Rejection;
    /// let catalog = api::ApiError::catalog();
    /// assert_eq!(catalog.http_error(Rejection::BadRequest).unwrap().code, "INVALID_REQUEST");
    /// assert_eq!(catalog.http_error(Rejection::Internal).unwrap().status, 500);
    /// assert_eq!(catalog.http.request_id_header, "X-Request-Id");
    /// ```
    pub fn http_error(&self, rejection: Rejection) -> Option<&'static ErrorMeta> {
        self.errors.get(self.http.code_index(rejection)?)
    }
}

/// The catalog's `[http]` table, resolved: the request id header, and for each
/// [`Rejection`] the index in [`CatalogMeta::errors`] of the code that answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HttpMeta {
    /// The header a request id is read from and echoed in (`X-Request-Id` unless the
    /// catalog names another).
    pub request_id_header: &'static str,
    /// A body, query, path or form that does not parse.
    pub bad_request: Option<usize>,
    /// No route.
    pub not_found: Option<usize>,
    /// A route, but not for the request's method.
    pub method_not_allowed: Option<usize>,
    /// A body of a content type the handler does not read.
    pub unsupported_media_type: Option<usize>,
    /// A body over the size limit.
    pub payload_too_large: Option<usize>,
    /// A handler panicked.
    pub internal: Option<usize>,
}

impl HttpMeta {
    /// The index in [`CatalogMeta::errors`] (and in the code enum's `ALL`) of the
    /// code that answers `rejection`.
    pub fn code_index(&self, rejection: Rejection) -> Option<usize> {
        match rejection {
            Rejection::BadRequest => self.bad_request,
            Rejection::NotFound => self.not_found,
            Rejection::MethodNotAllowed => self.method_not_allowed,
            Rejection::UnsupportedMediaType => self.unsupported_media_type,
            Rejection::PayloadTooLarge => self.payload_too_large,
            Rejection::Internal => self.internal,
        }
    }
}

/// What the web framework of a service answers with a catalog code: each a key of
/// the catalog's `[http]` table (SPEC section 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rejection {
    /// `bad_request`: a body, query, path or form that does not parse; the code's
    /// `field_violations` field lists the fields that failed, where they are known.
    BadRequest,
    /// `not_found`: no route matches the path.
    NotFound,
    /// `method_not_allowed`: a route matches, but not the method (the response
    /// keeps the framework's `Allow` header).
    MethodNotAllowed,
    /// `unsupported_media_type`: a body of a content type the handler does not read.
    UnsupportedMediaType,
    /// `payload_too_large`: a body over the size limit.
    PayloadTooLarge,
    /// `internal`: a handler panicked (or the framework failed inside).
    Internal,
}

impl Rejection {
    /// Every rejection, in the order of the `[http]` table.
    pub const ALL: [Rejection; 6] = [
        Rejection::BadRequest,
        Rejection::NotFound,
        Rejection::MethodNotAllowed,
        Rejection::UnsupportedMediaType,
        Rejection::PayloadTooLarge,
        Rejection::Internal,
    ];

    /// The key of the `[http]` table: `bad_request`, `not_found`, ...
    pub fn key(self) -> &'static str {
        match self {
            Rejection::BadRequest => "bad_request",
            Rejection::NotFound => "not_found",
            Rejection::MethodNotAllowed => "method_not_allowed",
            Rejection::UnsupportedMediaType => "unsupported_media_type",
            Rejection::PayloadTooLarge => "payload_too_large",
            Rejection::Internal => "internal",
        }
    }
}

/// One code of the catalog.
#[derive(Debug, Clone, Copy)]
pub struct ErrorMeta {
    /// The stable code, e.g. `RATE_LIMITED`.
    pub code: &'static str,
    /// The Rust variant name, e.g. `RateLimited`.
    pub variant: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// Whether clients may retry it.
    pub retryable: bool,
    /// The category (the typed envelope's `type`).
    pub category: Option<&'static str>,
    /// A short human title.
    pub title: &'static str,
    /// The message template as written in the catalog.
    pub template: &'static str,
    /// The message template, parsed when the catalog was read: literal text and
    /// placeholders, in order.
    pub pieces: &'static [Piece],
    /// Documentation.
    pub description: Option<&'static str>,
    /// The detail fields, internal ones included.
    pub fields: &'static [FieldMeta],
    /// The documentation URL of this code.
    pub doc_url: Option<&'static str>,
    /// The detail field whose value is the envelope's `param`.
    pub param: Option<&'static str>,
    /// Why the code is deprecated, when it is (empty when no reason was given).
    pub deprecated: Option<&'static str>,
}

impl ErrorMeta {
    /// Whether any field goes on the wire: in `details`, the message or a header.
    pub fn has_public_fields(&self) -> bool {
        self.fields.iter().any(|f| !f.internal)
    }

    /// Whether any field is sent in `details`, which decides whether `details` is
    /// sent at all (in every style).
    pub fn has_detail_fields(&self) -> bool {
        self.fields.iter().any(|f| f.in_details)
    }
}

/// A detail field.
#[derive(Debug, Clone, Copy)]
pub struct FieldMeta {
    /// The field name in the catalog and in Rust.
    pub name: &'static str,
    /// The member name on the wire.
    pub wire: &'static str,
    /// The value type.
    pub ty: FieldType,
    /// Whether the value may be absent.
    pub optional: bool,
    /// Never sent to clients.
    pub internal: bool,
    /// The HTTP response header it is also sent as.
    pub header: Option<&'static str>,
    /// Whether it is sent in `details` (the problem style's extension members);
    /// a field out of them is sent in the message and/or its header only.
    pub in_details: bool,
    /// Documentation.
    pub description: Option<&'static str>,
}

/// The type of a detail field, as the catalog spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
    /// `f64`
    F64,
    /// `json`
    Json,
    /// `field_violations`
    FieldViolations,
    /// `[T]`
    List(&'static FieldType),
}

impl std::fmt::Display for FieldType {
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

/// A declared category.
#[derive(Debug, Clone, Copy)]
pub struct CategoryMeta {
    /// The name, e.g. `rate_limit_error`.
    pub name: &'static str,
    /// Documentation.
    pub description: Option<&'static str>,
}

/// The envelope style and the key of each member.
#[derive(Debug)]
pub struct EnvelopeMeta {
    /// The style.
    pub style: EnvelopeStyle,
    /// The member keys, `[envelope.rename]` applied.
    pub keys: EnvelopeKeys,
}

/// The key of each standard envelope member. Members the style does not have are
/// empty strings.
#[derive(Debug)]
#[allow(missing_docs)] // one per member, named as in `[envelope.rename]`
pub struct EnvelopeKeys {
    pub success: &'static str,
    pub error: &'static str,
    pub code: &'static str,
    pub message: &'static str,
    pub details: &'static str,
    pub request_id: &'static str,
    pub timestamp: &'static str,
    pub type_: &'static str,
    pub param: &'static str,
    pub doc_url: &'static str,
    pub title: &'static str,
    pub status: &'static str,
    pub detail: &'static str,
    /// RFC 9457's `instance` (problem): never written by the generator, dropped
    /// when received.
    pub instance: &'static str,
}

/// The JSON shape of an error response (SPEC section 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnvelopeStyle {
    /// `{"success": false, "errorCode": ..., "message": ..., "details": ..., "requestId": ...}`
    Flat,
    /// `{"error": {"code": ..., "message": ..., "details": ..., "request_id": ..., "timestamp": ...}}`
    Nested,
    /// `{"error": {"type": ..., "code": ..., "message": ..., "param": ..., "doc_url": ..., "request_id": ..., "details": ...}}`
    Typed,
    /// RFC 9457 problem details.
    Problem,
}

impl EnvelopeStyle {
    /// The HTTP content type responses of this style are sent with.
    pub fn content_type(self) -> &'static str {
        match self {
            EnvelopeStyle::Problem => "application/problem+json",
            _ => "application/json",
        }
    }

    /// The catalog spelling: `flat`, `nested`, `typed` or `problem`.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvelopeStyle::Flat => "flat",
            EnvelopeStyle::Nested => "nested",
            EnvelopeStyle::Typed => "typed",
            EnvelopeStyle::Problem => "problem",
        }
    }
}

/// The client retry policy a catalog documents (`[retry]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryConfig {
    /// Total attempts, the first included.
    pub max_attempts: u32,
    /// The backoff base in milliseconds.
    pub base_delay_ms: u64,
    /// The backoff cap in milliseconds.
    pub max_delay_ms: u64,
    /// How a 429's `Retry-After` is honoured.
    pub honor_retry_after: HonorRetryAfter,
    /// The longest `Retry-After` honoured, in milliseconds: a longer one makes the
    /// client give up at once rather than wait.
    pub max_retry_after_ms: u64,
}

/// How a client honours a 429's `Retry-After` (`[retry] honor_retry_after`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HonorRetryAfter {
    /// `false`: backoff alone decides.
    Never,
    /// `true` (the default, seed 000's rule): the first retry of a 429 waits exactly
    /// `Retry-After`; later ones fall back to backoff.
    FirstRetry,
    /// `"always"` (seed 001's rule: the seconds to wait before another request):
    /// every retry of a 429 waits at least `Retry-After`.
    Always,
}

impl RetryConfig {
    /// The defaults of SPEC section 6, which a catalog without a `[retry]` table (or
    /// a key of it) gets: 5 attempts, 1 s base, 30 s cap, `Retry-After` honoured up
    /// to 5 minutes.
    pub const DEFAULT: RetryConfig = RetryConfig {
        max_attempts: 5,
        base_delay_ms: 1000,
        max_delay_ms: 30_000,
        honor_retry_after: HonorRetryAfter::FirstRetry,
        max_retry_after_ms: 300_000,
    };
}

impl Default for RetryConfig {
    /// [`RetryConfig::DEFAULT`].
    fn default() -> Self {
        RetryConfig::DEFAULT
    }
}

/// The circuit breaker a catalog documents (`[circuit_breaker]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CircuitBreakerConfig {
    /// Consecutive retryable failures that open the circuit.
    pub failure_threshold: u32,
    /// How long the circuit stays open, in milliseconds.
    pub open_ms: u64,
    /// Trial requests let through while half-open.
    pub half_open_requests: u32,
}

impl CircuitBreakerConfig {
    /// The defaults of SPEC section 6, which a catalog without a `[circuit_breaker]`
    /// table (or a key of it) gets: 5 failures, 30 s open, 1 trial request.
    pub const DEFAULT: CircuitBreakerConfig = CircuitBreakerConfig {
        failure_threshold: 5,
        open_ms: 30_000,
        half_open_requests: 1,
    };
}

impl Default for CircuitBreakerConfig {
    /// [`CircuitBreakerConfig::DEFAULT`].
    fn default() -> Self {
        CircuitBreakerConfig::DEFAULT
    }
}
