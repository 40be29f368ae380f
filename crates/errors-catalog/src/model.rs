//! The catalog model: what parsing produces and every later stage reads.
//!
//! Values are resolved: defaults are applied (retryability, titles, wire names, member
//! keys), templates are parsed into pieces and types into [`DetailType`]s. A
//! [`Catalog`] value exists only for a catalog without problems.

use std::fmt;
use std::path::PathBuf;

use crate::source::Location;
use crate::template::MessageTemplate;

/// A loaded, valid catalog.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     r#"
///     [catalog]
///     envelope = "flat"
///
///     [errors.RATE_LIMITED]
///     status = 429
///     message = "Retry in {retry_after} seconds."
///
///     [errors.RATE_LIMITED.details]
///     retry_after = { type = "u64", header = "Retry-After" }
///     "#,
/// )
/// .unwrap();
/// let error = catalog.error("RATE_LIMITED").unwrap();
/// assert_eq!(error.variant, "RateLimited");
/// assert!(error.retryable); // 429 is retryable unless the catalog says otherwise
/// assert_eq!(error.fields[0].wire, "retryAfter"); // flat envelopes use camelCase
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Catalog {
    /// The Rust enum name (`[catalog] name`, default `ApiError`).
    pub name: String,
    /// The name of the fieldless code enum: `name` + `Code`.
    pub code_enum: String,
    /// The envelope style and its member keys, renames applied.
    pub envelope: Envelope,
    /// How detail field names become wire names, where no `wire` is given.
    pub details_case: DetailsCase,
    /// The documentation URL template, with `{code}` still in it.
    pub doc_url: Option<String>,
    /// The case every code must follow, if the catalog sets one.
    pub code_case: Option<CodeCase>,
    /// The client retry policy (`[retry]`).
    pub retry: RetryConfig,
    /// The client circuit breaker (`[circuit_breaker]`).
    pub circuit_breaker: CircuitBreakerConfig,
    /// What an HTTP service answers the web framework's rejections with (`[http]`):
    /// the request id header and the code of each [`Rejection`], resolved.
    pub http: HttpConfig,
    /// The declared categories, in declaration order.
    pub categories: Vec<Category>,
    /// Every error, in declaration order: the root file's first, then each included
    /// file's, depth first.
    pub errors: Vec<ErrorDef>,
    /// Every file read, the root first: what a build must be rerun for when it changes.
    pub files: Vec<PathBuf>,
}

impl Catalog {
    /// The error with this code.
    pub fn error(&self, code: &str) -> Option<&ErrorDef> {
        self.errors.iter().find(|e| e.code == code)
    }

    /// The category with this name.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// The error that answers `rejection` (`[http]`, or the conventional code), if
    /// the catalog has one.
    ///
    /// ```
    /// use errors_catalog::{Catalog, Rejection};
    /// let catalog = Catalog::from_str(
    ///     "catalog.toml",
    ///     r#"
    ///     [errors.INVALID_REQUEST]
    ///     status = 400
    ///     message = "Validation failed."
    ///     details.fields = "field_violations"
    ///
    ///     [errors.NOT_FOUND]
    ///     status = 404
    ///     message = "No such thing."
    ///     "#,
    /// )
    /// .unwrap();
    /// // No `[http]` table: the conventional codes answer.
    /// assert_eq!(catalog.http_error(Rejection::BadRequest).unwrap().code, "INVALID_REQUEST");
    /// assert_eq!(catalog.http_error(Rejection::NotFound).unwrap().code, "NOT_FOUND");
    /// assert!(catalog.http_error(Rejection::MethodNotAllowed).is_none());
    /// assert_eq!(catalog.http.request_id_header, "X-Request-Id");
    /// ```
    pub fn http_error(&self, rejection: Rejection) -> Option<&ErrorDef> {
        self.errors.get(self.http.code_index(rejection)?)
    }
}

/// One error of the catalog: an `[errors.CODE]` table.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ErrorDef {
    /// The stable code, as written (`RATE_LIMITED`).
    pub code: String,
    /// The Rust variant name: the code in UpperCamelCase (`RateLimited`).
    pub variant: String,
    /// The HTTP status, in `400..=599`.
    pub status: u16,
    /// Whether a client may retry; defaults to `status == 429 || status >= 500`.
    pub retryable: bool,
    /// The message template.
    pub message: MessageTemplate,
    /// The category (the typed envelope's `type`).
    pub category: Option<String>,
    /// A short title: as written, or derived from the code (`RATE_LIMITED` ->
    /// `Rate limited`).
    pub title: String,
    /// Documentation for people.
    pub description: Option<String>,
    /// The detail field whose value is the envelope's `param`.
    pub param: Option<String>,
    /// Why the error is deprecated, when it is.
    pub deprecated: Option<String>,
    /// The detail fields, in declaration order.
    pub fields: Vec<Field>,
    /// The documentation URL of this code (`doc_url` with `{code}` replaced).
    pub doc_url: Option<String>,
    /// Where the code is declared (its key in `[errors.CODE]`).
    pub location: Location,
    pub(crate) at: ErrorLocations,
}

impl ErrorDef {
    /// The field with this name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The fields that go on the wire (all but `internal` ones), in order: in
    /// `details`, the message or a header.
    pub fn public_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| !f.internal)
    }

    /// The fields sent in `details` (the problem style's extension members), in order.
    pub fn detail_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.in_details)
    }

    /// The field whose `header` is `Retry-After`, which drives `retry_after()`.
    pub fn retry_after_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| {
            f.header
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case("retry-after"))
        })
    }
}

/// Where the parts of an error that validation checks were written.
#[derive(Clone, Debug)]
pub(crate) struct ErrorLocations {
    pub(crate) status: Location,
    pub(crate) message: Location,
    pub(crate) category: Option<Location>,
    pub(crate) param: Option<Location>,
    /// Fields whose declaration was unusable: already reported, so later checks must
    /// not also call them undeclared.
    pub(crate) broken_fields: Vec<String>,
    /// The message was missing or unparsable: already reported.
    pub(crate) broken_message: bool,
}

/// A typed detail field of an error.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Field {
    /// The field name: a snake_case identifier (possibly a Rust keyword such as `type`).
    pub name: String,
    /// The value type.
    pub ty: DetailType,
    /// Whether the field may be absent (`Option<T>` in Rust, left out of the wire when
    /// `None`).
    pub optional: bool,
    /// Never sent to clients, nor shown in `Display`.
    pub internal: bool,
    /// The HTTP response header this field is also sent as.
    pub header: Option<String>,
    /// Whether the field is sent in `details` (in the problem style: as a top-level
    /// member); `details = false` sends it only in the message and/or its header.
    /// Always false for internal fields, which are sent nowhere.
    pub in_details: bool,
    /// The member name on the wire: `wire` as written, or the name in `details_case`.
    pub wire: String,
    /// Documentation for people.
    pub description: Option<String>,
    /// Where the field is declared (its key).
    pub location: Location,
    pub(crate) at: FieldLocations,
}

#[derive(Clone, Debug)]
pub(crate) struct FieldLocations {
    pub(crate) header: Option<Location>,
    pub(crate) wire: Option<Location>,
    /// `details = ...`, when written.
    pub(crate) details: Option<Location>,
}

/// The type of a detail field.
///
/// Exhaustive on purpose: a new type must be handled by every code generator, and a
/// compile error there is what says so.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DetailType {
    /// `string`: `String`.
    String,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `f64`.
    F64,
    /// `json`: any JSON value (`serde_json::Value`).
    Json,
    /// `field_violations`: a list of `{ path, message, rule? }`.
    FieldViolations,
    /// `[T]`: a list of `T`.
    List(Box<DetailType>),
}

impl DetailType {
    /// Every type a catalog spells by a name (all but lists), in the order the format
    /// lists them. Parsing looks names up here, so a type added to the enum is
    /// readable once it has a [`name`](Self::name) and a place in this list.
    pub const NAMED: [DetailType; 9] = [
        DetailType::String,
        DetailType::Bool,
        DetailType::I32,
        DetailType::I64,
        DetailType::U32,
        DetailType::U64,
        DetailType::F64,
        DetailType::Json,
        DetailType::FieldViolations,
    ];

    /// The catalog name of a named type (`u64`, `field_violations`); `None` for a
    /// list, which is written `[T]`.
    ///
    /// ```
    /// use errors_catalog::DetailType;
    /// assert_eq!(DetailType::U64.name(), Some("u64"));
    /// assert_eq!(DetailType::List(Box::new(DetailType::U64)).name(), None);
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            DetailType::String => "string",
            DetailType::Bool => "bool",
            DetailType::I32 => "i32",
            DetailType::I64 => "i64",
            DetailType::U32 => "u32",
            DetailType::U64 => "u64",
            DetailType::F64 => "f64",
            DetailType::Json => "json",
            DetailType::FieldViolations => "field_violations",
            DetailType::List(_) => return None,
        })
    }

    /// The named type called `name`, if there is one.
    ///
    /// ```
    /// use errors_catalog::DetailType;
    /// assert_eq!(DetailType::from_name("json"), Some(DetailType::Json));
    /// assert_eq!(DetailType::from_name("[u64]"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<DetailType> {
        DetailType::NAMED
            .into_iter()
            .find(|ty| ty.name() == Some(name))
    }

    /// A single value that fits in an HTTP header: not a list, not JSON.
    pub fn is_scalar(&self) -> bool {
        !matches!(
            self,
            DetailType::Json | DetailType::FieldViolations | DetailType::List(_)
        )
    }

    /// `u32` or `u64`: what a `Retry-After` field must be.
    pub fn is_unsigned_integer(&self) -> bool {
        matches!(self, DetailType::U32 | DetailType::U64)
    }

    /// Any integer type.
    pub fn is_integer(&self) -> bool {
        matches!(
            self,
            DetailType::I32 | DetailType::I64 | DetailType::U32 | DetailType::U64
        )
    }

    /// Whether the Rust type implements `Display`, so a message can insert it.
    pub fn has_display(&self) -> bool {
        !matches!(self, DetailType::FieldViolations | DetailType::List(_))
    }
}

impl fmt::Display for DetailType {
    /// The catalog spelling: `u64`, `[string]`, `field_violations`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailType::List(inner) => write!(f, "[{inner}]"),
            named => f.write_str(named.name().unwrap_or_default()),
        }
    }
}

/// A declared category: `[categories.NAME]`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Category {
    /// The category name, e.g. `rate_limit_error`.
    pub name: String,
    /// Documentation for people.
    pub description: Option<String>,
    /// Where it is declared.
    pub location: Location,
}

/// How detail field names become wire names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailsCase {
    /// `retry_after` -> `retryAfter`.
    CamelCase,
    /// `retry_after` as written.
    SnakeCase,
}

impl DetailsCase {
    /// The catalog spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DetailsCase::CamelCase => "camelCase",
            DetailsCase::SnakeCase => "snake_case",
        }
    }
}

/// The case every code must be written in, when the catalog sets `code_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeCase {
    /// `RATE_LIMITED`.
    ScreamingSnakeCase,
    /// `rate_limited`.
    SnakeCase,
}

impl CodeCase {
    /// The catalog spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeCase::ScreamingSnakeCase => "SCREAMING_SNAKE_CASE",
            CodeCase::SnakeCase => "snake_case",
        }
    }
}

/// The JSON shape of an error response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnvelopeStyle {
    /// `{"success": false, "errorCode": ..., "message": ..., "details": ..., "requestId": ...}`
    Flat,
    /// `{"error": {"code": ..., "message": ..., "details": ..., "request_id": ..., "timestamp": ...}}`
    Nested,
    /// `{"error": {"type": ..., "code": ..., "message": ..., "param": ..., "doc_url": ..., "request_id": ..., "details": ...}}`
    Typed,
    /// RFC 9457 problem details, detail fields as top-level extension members.
    Problem,
}

impl EnvelopeStyle {
    /// Every style.
    pub const ALL: [EnvelopeStyle; 4] = [
        EnvelopeStyle::Flat,
        EnvelopeStyle::Nested,
        EnvelopeStyle::Typed,
        EnvelopeStyle::Problem,
    ];

    /// The catalog spelling: `flat`, `nested`, `typed`, `problem`.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvelopeStyle::Flat => "flat",
            EnvelopeStyle::Nested => "nested",
            EnvelopeStyle::Typed => "typed",
            EnvelopeStyle::Problem => "problem",
        }
    }

    /// The members of this style, in wire order (the `error` wrapper first where there
    /// is one).
    pub fn members(self) -> &'static [Member] {
        use Member::*;
        match self {
            EnvelopeStyle::Flat => &[Success, Code, Message, Details, RequestId, Timestamp],
            EnvelopeStyle::Nested => &[Error, Code, Message, Details, RequestId, Timestamp],
            EnvelopeStyle::Typed => &[
                Error, Type, Code, Message, Param, DocUrl, RequestId, Details, Timestamp,
            ],
            EnvelopeStyle::Problem => &[
                Type, Title, Status, Detail, Code, RequestId, Timestamp, Instance,
            ],
        }
    }

    /// The default details case: camelCase for flat, snake_case otherwise.
    pub fn default_details_case(self) -> DetailsCase {
        match self {
            EnvelopeStyle::Flat => DetailsCase::CamelCase,
            _ => DetailsCase::SnakeCase,
        }
    }

    /// The HTTP content type of this style.
    pub fn content_type(self) -> &'static str {
        match self {
            EnvelopeStyle::Problem => "application/problem+json",
            _ => "application/json",
        }
    }
}

/// A standard envelope member, by the name `[envelope.rename]` uses for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Member {
    /// `success` (flat): always `false`.
    Success,
    /// `error` (nested, typed): the wrapper object.
    Error,
    /// `code`: the error code (`errorCode` in flat).
    Code,
    /// `message`: the rendered message.
    Message,
    /// `details`: the public detail fields.
    Details,
    /// `request_id` (`requestId` in flat).
    RequestId,
    /// `timestamp`: RFC 3339 UTC with milliseconds.
    Timestamp,
    /// `type`: the category (typed) or the documentation URI (problem).
    Type,
    /// `param` (typed).
    Param,
    /// `doc_url` (typed).
    DocUrl,
    /// `title` (problem).
    Title,
    /// `status` (problem).
    Status,
    /// `detail` (problem): the rendered message.
    Detail,
    /// `instance` (problem): never written by the generator, but reserved so no detail
    /// field takes its name.
    Instance,
}

impl Member {
    /// The name `[envelope.rename]` knows this member by.
    pub fn name(self) -> &'static str {
        match self {
            Member::Success => "success",
            Member::Error => "error",
            Member::Code => "code",
            Member::Message => "message",
            Member::Details => "details",
            Member::RequestId => "request_id",
            Member::Timestamp => "timestamp",
            Member::Type => "type",
            Member::Param => "param",
            Member::DocUrl => "doc_url",
            Member::Title => "title",
            Member::Status => "status",
            Member::Detail => "detail",
            Member::Instance => "instance",
        }
    }

    /// The key this member has in `style` unless renamed.
    pub fn default_key(self, style: EnvelopeStyle) -> &'static str {
        match (style, self) {
            (EnvelopeStyle::Flat, Member::Code) => "errorCode",
            (EnvelopeStyle::Flat, Member::RequestId) => "requestId",
            _ => self.name(),
        }
    }
}

/// The envelope settings: a style and the key of each of its members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The style.
    pub style: EnvelopeStyle,
    pub(crate) keys: Vec<(Member, String)>,
}

impl Envelope {
    /// An envelope of `style` with the default keys.
    pub fn new(style: EnvelopeStyle) -> Self {
        Envelope {
            style,
            keys: style
                .members()
                .iter()
                .map(|&m| (m, m.default_key(style).to_owned()))
                .collect(),
        }
    }

    /// The key of `member`, or `None` when the style has no such member.
    ///
    /// ```
    /// use errors_catalog::{Envelope, EnvelopeStyle, Member};
    /// let flat = Envelope::new(EnvelopeStyle::Flat);
    /// assert_eq!(flat.key(Member::Code), Some("errorCode"));
    /// assert_eq!(flat.key(Member::Param), None);
    /// ```
    pub fn key(&self, member: Member) -> Option<&str> {
        self.keys
            .iter()
            .find(|(m, _)| *m == member)
            .map(|(_, k)| k.as_str())
    }

    /// Every member of the style with its key, in wire order.
    pub fn keys(&self) -> impl Iterator<Item = (Member, &str)> {
        self.keys.iter().map(|(m, k)| (*m, k.as_str()))
    }
}

/// The client retry policy (`[retry]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RetryConfig {
    /// Total attempts, the first included (default 5).
    pub max_attempts: u32,
    /// The backoff base (default 1000 ms).
    pub base_delay_ms: u64,
    /// The backoff cap (default 30 000 ms).
    pub max_delay_ms: u64,
    /// How a 429's `Retry-After` is honoured (default: exactly, on the first retry).
    pub honor_retry_after: HonorRetryAfter,
    /// The longest wait a client accepts from a `Retry-After` header (default
    /// 300 000 ms, five minutes): a server asking for more is not waited for that
    /// long.
    pub max_retry_after_ms: u64,
}

impl RetryConfig {
    /// The policy of a catalog without `[retry]` (SPEC section 6): 5 attempts,
    /// backoff from 1 s capped at 30 s, `Retry-After` honoured on the first retry up
    /// to five minutes.
    /// Every crate takes the defaults from here.
    pub const DEFAULT: RetryConfig = RetryConfig {
        max_attempts: 5,
        base_delay_ms: 1000,
        max_delay_ms: 30_000,
        honor_retry_after: HonorRetryAfter::FirstRetry,
        max_retry_after_ms: 300_000,
    };
}

/// `[retry] honor_retry_after`: how a client honours a 429's `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HonorRetryAfter {
    /// `false`: backoff alone decides.
    Never,
    /// `true` (the default, seed 000's rule): the first retry waits exactly
    /// `Retry-After`, later ones fall back to backoff.
    FirstRetry,
    /// `"always"` (seed 001's rule): every retry of a 429 waits at least
    /// `Retry-After`.
    Always,
}

impl HonorRetryAfter {
    /// The catalog spelling: `false`, `true`, `"always"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HonorRetryAfter::Never => "false",
            HonorRetryAfter::FirstRetry => "true",
            HonorRetryAfter::Always => "\"always\"",
        }
    }
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig::DEFAULT
    }
}

/// The client circuit breaker (`[circuit_breaker]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CircuitBreakerConfig {
    /// Consecutive retryable failures that open the circuit (default 5).
    pub failure_threshold: u32,
    /// How long it stays open (default 30 000 ms).
    pub open_ms: u64,
    /// Trial requests let through half-open before it closes again (default 1).
    pub half_open_requests: u32,
}

impl CircuitBreakerConfig {
    /// The breaker of a catalog without `[circuit_breaker]` (SPEC section 6): opens
    /// after 5 consecutive retryable failures, stays open 30 s, lets 1 trial request
    /// through. Every crate takes the defaults from here.
    pub const DEFAULT: CircuitBreakerConfig = CircuitBreakerConfig {
        failure_threshold: 5,
        open_ms: 30_000,
        half_open_requests: 1,
    };
}

impl Default for CircuitBreakerConfig {
    fn default() -> Self {
        CircuitBreakerConfig::DEFAULT
    }
}

/// What the web framework of an HTTP service answers with a catalog code, each a key
/// of the `[http]` table (SPEC section 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rejection {
    /// `bad_request`: a body, query, path or form that does not parse. The code may
    /// have a required `field_violations` field, which the framework fills.
    BadRequest,
    /// `not_found`: no route matches the path.
    NotFound,
    /// `method_not_allowed`: a route matches, but not the method.
    MethodNotAllowed,
    /// `unsupported_media_type`: a body of a content type the handler does not read.
    UnsupportedMediaType,
    /// `payload_too_large`: a body over the size limit.
    PayloadTooLarge,
    /// `internal`: a handler panicked.
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

    /// The HTTP status the framework itself gives it.
    pub fn status(self) -> u16 {
        match self {
            Rejection::BadRequest => 400,
            Rejection::NotFound => 404,
            Rejection::MethodNotAllowed => 405,
            Rejection::UnsupportedMediaType => 415,
            Rejection::PayloadTooLarge => 413,
            Rejection::Internal => 500,
        }
    }

    /// The conventional codes that answer it where `[http]` names none, in order of
    /// preference, in SCREAMING_SNAKE_CASE (compared under the catalog's
    /// `code_case`).
    pub fn conventional_codes(self) -> &'static [&'static str] {
        match self {
            Rejection::BadRequest => &["INVALID_REQUEST", "VALIDATION_ERROR", "BAD_REQUEST"],
            Rejection::NotFound => &["NOT_FOUND", "ROUTE_NOT_FOUND"],
            Rejection::MethodNotAllowed => &["METHOD_NOT_ALLOWED"],
            Rejection::UnsupportedMediaType => &["UNSUPPORTED_MEDIA_TYPE"],
            Rejection::PayloadTooLarge => &["PAYLOAD_TOO_LARGE", "CONTENT_TOO_LARGE"],
            Rejection::Internal => &["INTERNAL_ERROR", "INTERNAL", "INTERNAL_SERVER_ERROR"],
        }
    }
}

/// The `[http]` table, resolved: the request id header, and the code that answers
/// each [`Rejection`] (named by the table, else the first conventional code the
/// catalog has whose required fields the framework can fill).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpConfig {
    /// The header a request id is read from and echoed in (default `X-Request-Id`).
    pub request_id_header: String,
    /// The index in [`Catalog::errors`] of the code of each rejection, in the order
    /// of [`Rejection::ALL`].
    pub(crate) codes: [Option<usize>; 6],
}

impl HttpConfig {
    /// The request id header of a catalog that names none.
    pub const DEFAULT_REQUEST_ID_HEADER: &'static str = "X-Request-Id";

    /// The index in [`Catalog::errors`] of the code that answers `rejection`.
    pub fn code_index(&self, rejection: Rejection) -> Option<usize> {
        self.codes[rejection as usize]
    }
}

impl Default for HttpConfig {
    /// `X-Request-Id`, and no codes.
    fn default() -> Self {
        HttpConfig {
            request_id_header: HttpConfig::DEFAULT_REQUEST_ID_HEADER.to_owned(),
            codes: [None; 6],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names a type's place in [`DetailType::NAMED`]; exhaustive, so a new variant
    /// does not compile until it is given a place (or declared a list).
    fn named_index(ty: &DetailType) -> Option<usize> {
        Some(match ty {
            DetailType::String => 0,
            DetailType::Bool => 1,
            DetailType::I32 => 2,
            DetailType::I64 => 3,
            DetailType::U32 => 4,
            DetailType::U64 => 5,
            DetailType::F64 => 6,
            DetailType::Json => 7,
            DetailType::FieldViolations => 8,
            DetailType::List(_) => return None,
        })
    }

    #[test]
    fn every_named_type_is_listed_once_and_reads_back_by_its_name() {
        let mut names = Vec::new();
        for (i, ty) in DetailType::NAMED.iter().enumerate() {
            assert_eq!(named_index(ty), Some(i), "{ty:?}");
            let name = ty.name().expect("a named type has a name");
            assert_eq!(DetailType::from_name(name).as_ref(), Some(ty));
            assert_eq!(ty.to_string(), name);
            names.push(name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            DetailType::NAMED.len(),
            "two types share a name"
        );
        let list = DetailType::List(Box::new(DetailType::List(Box::new(DetailType::U32))));
        assert_eq!(list.name(), None);
        assert_eq!(list.to_string(), "[[u32]]");
        assert_eq!(DetailType::from_name("[u32]"), None);
    }

    #[test]
    fn defaults_are_the_constants() {
        assert_eq!(RetryConfig::default(), RetryConfig::DEFAULT);
        assert_eq!(
            CircuitBreakerConfig::default(),
            CircuitBreakerConfig::DEFAULT
        );
    }
}
