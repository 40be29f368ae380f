//! Static metadata: everything the catalog says about each code, available at run time
//! to generic code (integrations, retry policies, documentation generators).
//!
//! The values are built by the generated code; the fields are public so that tools can
//! read them, and may grow in minor versions. The vocabulary they are written in
//! (styles, member keys, detail types, retry settings, rejections) is the catalog's
//! own, from `errors-vocab`, re-exported here.

pub use errors_vocab::GrpcCode;
pub use errors_vocab::{
    CircuitBreakerConfig, EnvelopeKeys, EnvelopeStyle, FieldShape, Fill, HonorRetryAfter, Member,
    Rejection, RetryClass, RetryConfig, StatusSet,
};

/// The type of a detail field, as the catalog spells it: the name generated
/// metadata and earlier releases use for `errors_vocab::DetailType`.
pub use errors_vocab::DetailType as FieldType;

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
    /// The API's own introduction (`[catalog] description`), Markdown.
    pub description: Option<&'static str>,
    /// What statuses mean in this API (`[statuses.N]`), by ascending status.
    pub statuses: &'static [StatusMeta],
    /// The primary language's tag (`[catalog] language`, default `en`).
    pub language: &'static str,
    /// The other languages messages are translated into (`[locales.TAG]`); a
    /// locale's index here is what `CatalogError::fmt_localized` takes.
    pub locales: &'static [&'static str],
    /// The `domain` of the `google.rpc.ErrorInfo` a gRPC status carries
    /// (`[catalog] grpc_domain`, default the enum name).
    pub grpc_domain: &'static str,
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

/// The catalog's `[http]` table, resolved: the request id header, whether the layer
/// writes timestamps, for each [`Rejection`] the index in [`CatalogMeta::errors`] of
/// the code that answers it, and the `[http.status]` entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HttpMeta {
    /// The header a request id is read from and echoed in (`X-Request-Id` unless the
    /// catalog names another).
    pub request_id_header: &'static str,
    /// Whether the layer writes a timestamp into the envelopes rendered inside it
    /// (`[http] timestamp`, default true).
    pub timestamp: bool,
    /// `[http.status]`: each bare error status with the index in
    /// [`CatalogMeta::errors`] of the code that answers it, in status order.
    pub statuses: &'static [(u16, usize)],
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

    /// The index of the code `[http.status]` names for `status`, if any.
    pub fn status_index(&self, status: u16) -> Option<usize> {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, i)| *i)
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
    /// The gRPC status code it is sent with (`grpc = "..."`, else the default of
    /// its HTTP status).
    pub grpc: GrpcCode,
    /// What `deprecated = { since, replacement, remove_after }` says, when the
    /// catalog writes the table form.
    pub deprecation: Option<DeprecationMeta>,
    /// Old spellings of the code (`aliases`): decoded and parsed as this code, never
    /// written.
    pub aliases: &'static [&'static str],
    /// How clients retry it: [`RetryClass::Retryable`] exactly when
    /// [`retryable`](Self::retryable), [`RetryClass::AfterRefresh`] for
    /// `retry = "after_refresh"` (retried once after a credentials refresh).
    pub retry_class: RetryClass,
    /// The message in other languages, in the order of [`CatalogMeta::locales`]
    /// (a language without a translation left out).
    pub translations: &'static [TranslationMeta],
    /// `message = { by, values }`: the template of each value of an enum field
    /// (`template` and `pieces` are then the first value's).
    pub message_by: Option<MessageByMeta>,
}

/// A message chosen by an enum field: `message = { by, values }`.
#[derive(Debug, Clone, Copy)]
pub struct MessageByMeta {
    /// The enum field whose value picks the template.
    pub field: &'static str,
    /// The template of each value, in catalog order.
    pub templates: &'static [ValueTemplateMeta],
}

/// The template of one value of a [`MessageByMeta`].
#[derive(Debug, Clone, Copy)]
pub struct ValueTemplateMeta {
    /// The value of the field, as sent on the wire.
    pub value: &'static str,
    /// The template as written in the catalog.
    pub template: &'static str,
    /// The template, parsed.
    pub pieces: &'static [Piece],
}

/// A code's message in another language (`[locales.TAG.errors.CODE]`).
#[derive(Debug)]
pub struct TranslationMeta {
    /// The language's tag, as in [`CatalogMeta::locales`].
    pub locale: &'static str,
    /// The template as written.
    pub template: &'static str,
    /// The template, parsed: what a decoder matches a message of this language
    /// against.
    pub pieces: &'static [Piece],
}

/// The table form of `deprecated`: every member optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeprecationMeta {
    /// The version that deprecated the code.
    pub since: Option<&'static str>,
    /// The code to use instead.
    pub replacement: Option<&'static str>,
    /// The day after which the code may be removed, `YYYY-MM-DD`.
    pub remove_after: Option<&'static str>,
}

impl ErrorMeta {
    /// Whether any field goes on the wire: in `details`, the message or a header.
    pub fn has_public_fields(&self) -> bool {
        self.fields.iter().any(|f| !f.internal)
    }

    /// Whether any field can be sent in `details`. An error of such a code still
    /// leaves `details` out when none of them is set (all optional and absent).
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
    /// The values of an enum field (`type = { enum = [...] }`, whose type is
    /// `String`), or the rules of a `field_violations` field with `rules = [...]`;
    /// empty otherwise.
    pub values: &'static [&'static str],
}

impl FieldMeta {
    /// What the fill rule ([`Fill`]) reads of the field.
    pub fn shape(&self) -> FieldShape<'_> {
        FieldShape {
            ty: &self.ty,
            optional: self.optional,
            internal: self.internal,
            in_details: self.in_details,
            header: self.header.is_some(),
        }
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

/// What a status means in this API: `[statuses.N] description`.
#[derive(Debug, Clone, Copy)]
pub struct StatusMeta {
    /// The status, 400..=599.
    pub status: u16,
    /// What it means, Markdown.
    pub description: &'static str,
}

/// The envelope style and the key of each member.
#[derive(Debug)]
pub struct EnvelopeMeta {
    /// The style.
    pub style: EnvelopeStyle,
    /// The member keys, `[envelope.rename]` applied; a member the style does not
    /// have is an empty string.
    pub keys: EnvelopeKeys,
}
