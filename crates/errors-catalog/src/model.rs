//! The catalog model: what parsing produces and every later stage reads.
//!
//! Values are resolved: defaults are applied (retryability, titles, wire names, member
//! keys), templates are parsed into pieces and types into [`DetailType`]s. A
//! [`Catalog`] value exists only for a catalog without problems.

use std::path::PathBuf;

pub use errors_vocab::GrpcCode;
pub use errors_vocab::{
    CircuitBreakerConfig, DetailType, EnvelopeStyle, HonorRetryAfter, Member, Rejection,
    RetryClass, RetryConfig, StatusSet,
};

pub use crate::enums::{EnumKind, EnumType, EnumValue};
use crate::evolve::Deprecation;
pub use crate::message_by::{MessageBy, ValueTemplate};
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
    pub envelope: EnvelopeSettings,
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
    /// The API's own introduction (`[catalog] description`), Markdown.
    pub description: Option<String>,
    /// The `domain` of the `google.rpc.ErrorInfo` a gRPC status carries
    /// (`[catalog] grpc_domain`, default the enum `name`).
    pub grpc_domain: String,
    /// What statuses mean in this API (`[statuses.N]`), by ascending status; the
    /// reference shows them instead of its built-in conventions.
    pub statuses: Vec<StatusDescription>,
    /// The primary language's tag (`[catalog] language`, default `en`): the language
    /// of every `message`.
    pub language: String,
    /// The other languages a message is translated into (`[locales.TAG]`), in the
    /// order first written.
    pub locales: Vec<String>,
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

    /// What `status` means in this API, if `[statuses.N]` says.
    ///
    /// ```
    /// let catalog = errors_catalog::Catalog::from_str(
    ///     "catalog.toml",
    ///     r#"
    ///     [statuses.422]
    ///     description = "Contains user-friendly messages that can be shown to end users."
    ///
    ///     [errors.VALIDATION_ERROR]
    ///     status = 422
    ///     message = "Request validation failed."
    ///     "#,
    /// )
    /// .unwrap();
    /// assert!(catalog.status_description(422).unwrap().starts_with("Contains"));
    /// assert_eq!(catalog.status_description(400), None);
    /// ```
    pub fn status_description(&self, status: u16) -> Option<&str> {
        self.statuses
            .iter()
            .find(|s| s.status == status)
            .map(|s| s.description.as_str())
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
    /// The message template (for a message chosen by a field, the first value's).
    pub message: MessageTemplate,
    /// `message = { by, values }`: the template of each value of an enum field.
    pub message_by: Option<MessageBy>,
    /// The category (the typed envelope's `type`).
    pub category: Option<String>,
    /// A short title: as written, or derived from the code (`RATE_LIMITED` ->
    /// `Rate limited`).
    pub title: String,
    /// Documentation for people.
    pub description: Option<String>,
    /// The detail field whose value is the envelope's `param`.
    pub param: Option<String>,
    /// Why the error is deprecated, when it is: the string form as written, or a
    /// note built from the table form ([`Deprecation::note`]).
    pub deprecated: Option<String>,
    /// What the table form `deprecated = { since, replacement, remove_after }` says.
    pub deprecation: Option<Deprecation>,
    /// Old spellings of the code (`aliases`): decoded and parsed as this code, never
    /// written.
    pub aliases: Vec<String>,
    /// How clients retry it: [`RetryClass::Retryable`] exactly when `retryable`;
    /// [`RetryClass::AfterRefresh`] for `retry = "after_refresh"`.
    pub retry_class: RetryClass,
    /// The gRPC status code it is sent with: `grpc = "..."` as written, else the
    /// default of its HTTP status ([`GrpcCode::for_status`]).
    pub grpc: GrpcCode,
    /// The detail fields, in declaration order.
    pub fields: Vec<Field>,
    /// The message in other languages (`[locales.TAG.errors.CODE]`), in the order of
    /// [`Catalog::locales`]; a language without a translation is left out.
    pub translations: Vec<Translation>,
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

/// The primary language when `[catalog] language` is not set.
pub const DEFAULT_LANGUAGE: &str = "en";

/// A code's message in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language's tag, as in [`Catalog::locales`].
    pub locale: String,
    /// Its template, with exactly the placeholders of the primary one.
    pub message: MessageTemplate,
}

/// Where the parts of an error that validation checks were written.
#[derive(Clone, Debug)]
pub(crate) struct ErrorLocations {
    pub(crate) status: Location,
    pub(crate) message: Location,
    pub(crate) category: Option<Location>,
    pub(crate) param: Option<Location>,
    /// `grpc = "..."`, when written (the stability check points at it).
    #[cfg_attr(not(feature = "contract"), allow(dead_code))]
    pub(crate) grpc: Option<Location>,
    /// Fields whose declaration was unusable: already reported, so later checks must
    /// not also call them undeclared.
    pub(crate) broken_fields: Vec<String>,
    /// The message was missing or unparsable: already reported.
    pub(crate) broken_message: bool,
    /// `aliases`, `deprecated.replacement`: where validation reports them.
    pub(crate) evolve: crate::evolve::EvolveLocations,
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
    /// `type = { enum = [...] }` (the type is then `string`) or, on a
    /// `field_violations` field, `rules = [...]`: the values and the generated enum.
    pub enum_type: Option<EnumType>,
    /// Where the field is declared (its key).
    pub location: Location,
    pub(crate) at: FieldLocations,
}

impl Field {
    /// What the fill rule of `[http]` ([`errors_vocab::Fill`]) reads of the field.
    pub fn shape(&self) -> errors_vocab::FieldShape<'_> {
        errors_vocab::FieldShape {
            ty: &self.ty,
            optional: self.optional,
            internal: self.internal,
            in_details: self.in_details,
            header: self.header.is_some(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct FieldLocations {
    pub(crate) header: Option<Location>,
    pub(crate) wire: Option<Location>,
    /// `details = ...`, when written.
    pub(crate) details: Option<Location>,
}

/// What a status means in this API: `[statuses.N] description = "..."`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct StatusDescription {
    /// The status, 400..=599.
    pub status: u16,
    /// What it means, Markdown.
    pub description: String,
    /// Where it is declared.
    pub location: Location,
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
    /// The case of a style's catalog that sets none: camelCase for flat, snake_case
    /// otherwise.
    pub fn default_for(style: EnvelopeStyle) -> DetailsCase {
        match style {
            EnvelopeStyle::Flat => DetailsCase::CamelCase,
            _ => DetailsCase::SnakeCase,
        }
    }

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

/// The envelope settings: a style and the key of each of its members,
/// `[envelope.rename]` applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeSettings {
    /// The style.
    pub style: EnvelopeStyle,
    pub(crate) keys: Vec<(Member, String)>,
}

impl EnvelopeSettings {
    /// An envelope of `style` with the default keys.
    pub fn new(style: EnvelopeStyle) -> Self {
        EnvelopeSettings {
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
    /// use errors_catalog::{EnvelopeSettings, EnvelopeStyle, Member};
    /// let flat = EnvelopeSettings::new(EnvelopeStyle::Flat);
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

/// The `[http]` table, resolved: the request id header, whether the layer writes
/// timestamps, the code that answers each [`Rejection`] (named by the table, else the
/// first conventional code the catalog has whose required fields the framework can
/// fill) and the `[http.status]` entries.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpConfig {
    /// The header a request id is read from and echoed in (default `X-Request-Id`).
    pub request_id_header: String,
    /// Whether the layer writes a timestamp into the envelopes it renders
    /// (`[http] timestamp`, default true).
    pub timestamp: bool,
    /// The index in [`Catalog::errors`] of the code of each rejection, in the order
    /// of [`Rejection::ALL`].
    pub(crate) codes: [Option<usize>; 6],
    /// `[http.status]`: each status with the index of the code that answers a bare
    /// response of it, in status order.
    pub(crate) statuses: Vec<(u16, usize)>,
}

impl HttpConfig {
    /// The request id header of a catalog that names none.
    pub const DEFAULT_REQUEST_ID_HEADER: &'static str = "X-Request-Id";

    /// The index in [`Catalog::errors`] of the code that answers `rejection`.
    pub fn code_index(&self, rejection: Rejection) -> Option<usize> {
        self.codes[rejection as usize]
    }

    /// The `[http.status]` entries: each status, and the index in
    /// [`Catalog::errors`] of the code it names, in status order.
    pub fn statuses(&self) -> &[(u16, usize)] {
        &self.statuses
    }

    /// The index of the code `[http.status]` names for `status`, if any.
    pub fn status_index(&self, status: u16) -> Option<usize> {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, i)| *i)
    }
}

impl Default for HttpConfig {
    /// `X-Request-Id`, timestamps on, and no codes.
    fn default() -> Self {
        HttpConfig {
            request_id_header: HttpConfig::DEFAULT_REQUEST_ID_HEADER.to_owned(),
            timestamp: true,
            codes: [None; 6],
            statuses: Vec::new(),
        }
    }
}
