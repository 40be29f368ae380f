//! The reference's own view of a catalog: owned, with nothing left to resolve, built
//! from the catalog model (`errors_catalog::Catalog`, no Rust compiled) or from the
//! metadata a service was compiled with (`errors_runtime::meta::CatalogMeta`), so
//! every output is written once, against this.

use errors_vocab::{
    CircuitBreakerConfig, DetailType, EnvelopeKeys, EnvelopeStyle, Rejection, RetryConfig,
};

use crate::template::Template;

/// Everything a reference, a schema or an OpenAPI document says about a catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// The error type's name (`ApiError`): the reference's title.
    pub name: String,
    /// The envelope every error is sent in.
    pub envelope: EnvelopeLayout,
    /// The client retry policy (`[retry]`).
    pub retry: RetryConfig,
    /// The client circuit breaker (`[circuit_breaker]`).
    pub circuit_breaker: CircuitBreakerConfig,
    /// What an HTTP service answers on its own (`[http]`, resolved).
    pub http: Http,
    /// The declared categories, in declaration order.
    pub categories: Vec<Category>,
    /// Every code, in catalog order.
    pub codes: Vec<Code>,
    /// The API's own introduction (`[catalog] description`), Markdown: the top of
    /// the reference.
    pub description: Option<String>,
    /// What statuses mean in this API (`[statuses.N]`), by ascending status: shown
    /// instead of the built-in conventions.
    pub statuses: Vec<StatusDescription>,
    /// The `google.rpc.ErrorInfo` domain of its errors over gRPC
    /// (`[catalog] grpc_domain`, default the name).
    pub grpc_domain: String,
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

    /// What `status` means in this API, if the catalog says (`[statuses.N]`).
    pub fn status_description(&self, status: u16) -> Option<&str> {
        self.statuses
            .iter()
            .find(|s| s.status == status)
            .map(|s| s.description.as_str())
    }

    /// Every status the catalog uses, ascending, once each.
    pub fn statuses(&self) -> Vec<u16> {
        let mut statuses: Vec<u16> = self.codes.iter().map(|c| c.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        statuses
    }
}

/// How a catalog's errors are laid out on the wire: the envelope style and the key
/// of each member, `[envelope.rename]` applied. A member the style does not have
/// keeps its default name, unused. (`instance` is the problem style's: RFC 9457
/// allows it, no service of a catalog writes it, and a client drops it.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeLayout {
    /// The style.
    pub style: EnvelopeStyle,
    /// The member keys.
    pub keys: EnvelopeKeys<String>,
}

impl EnvelopeLayout {
    /// The layout of `style` with its default keys ([`EnvelopeKeys::defaults`]).
    pub fn new(style: EnvelopeStyle) -> EnvelopeLayout {
        EnvelopeLayout {
            style,
            keys: EnvelopeKeys::defaults(style).map(str::to_owned),
        }
    }
}

/// What a status means in this API: `[statuses.N] description`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusDescription {
    /// The status, 400..=599.
    pub status: u16,
    /// What it means, Markdown.
    pub description: String,
}

/// The catalog's `[http]` table, resolved: the request id header, the code that
/// answers each rejection of the web framework (named by the table or inferred from
/// the conventional codes), and the code that answers each bare error status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Http {
    /// The header a request id is read from and echoed in.
    pub request_id_header: String,
    /// Every rejection, in the order of [`Rejection::ALL`], with the code that
    /// answers it, if the catalog has one.
    pub rejections: Vec<(Rejection, Option<String>)>,
    /// Whether envelopes carry a timestamp (`[http] timestamp`, default true).
    pub timestamp: bool,
    /// Every error status whose bare response the layer answers (SPEC 9.1: the
    /// rejection key's code of that status, the `[http.status]` entry, or the only
    /// code that can be filled from a bare response), ascending, with its code.
    pub statuses: Vec<(u16, String)>,
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
    /// The Rust variant: the code in UpperCamelCase, e.g. `RateLimited`.
    pub variant: String,
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
    /// The message template (for a message chosen by a field, the first value's).
    pub template: Template,
    /// `message = { by, values }`: the template of each value of an enum field.
    pub message_by: Option<MessageBy>,
    /// The message in other languages (`[locales.TAG.errors.CODE]`), as
    /// `(tag, template)` in the catalog's order of languages.
    pub translations: Vec<(String, Template)>,
    /// The detail field whose value is the typed envelope's `param`.
    pub param: Option<String>,
    /// Why the code is deprecated, when it is (empty when no reason was given).
    pub deprecated: Option<String>,
    /// The code a deprecation names to use instead.
    pub replacement: Option<String>,
    /// Old spellings of the code, which clients decode as it.
    pub aliases: Vec<String>,
    /// How a client retries it; `AfterRefresh` once after refreshing credentials.
    pub retry_class: errors_vocab::RetryClass,
    /// The gRPC status code it is sent with (named, or the default of its status).
    pub grpc: errors_vocab::GrpcCode,
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

    /// Whether the message carries the field called `name`: a template inserts it,
    /// or it chooses the template.
    pub fn in_message(&self, name: &str) -> bool {
        match &self.message_by {
            None => self.template.fields().any(|f| f == name),
            Some(by) => {
                by.field == name
                    || by
                        .templates
                        .iter()
                        .any(|(_, t)| t.fields().any(|f| f == name))
            }
        }
    }

    /// The fields sent only in the message: neither in `details` nor as a header.
    pub fn message_only_fields(&self) -> impl Iterator<Item = &Field> {
        self.public_fields()
            .filter(|f| !f.in_details && f.header.is_none() && self.in_message(&f.name))
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

/// A message chosen by an enum field: `message = { by, values }`.
#[derive(Clone, Debug, PartialEq)]
pub struct MessageBy {
    /// The enum field whose value picks the template.
    pub field: String,
    /// Each value with its template, in catalog order.
    pub templates: Vec<(String, Template)>,
}

impl Field {
    /// What the reference says of the field's values besides its type, each value
    /// as `quote` writes it: `one of a, b` for an enum field, `rules: a, b` for
    /// violations whose rules are listed; `None` without values.
    pub fn values_text(&self, quote: impl Fn(&str) -> String) -> Option<String> {
        if self.values.is_empty() {
            return None;
        }
        let values: Vec<String> = self.values.iter().map(|v| quote(v)).collect();
        let what = if self.ty == DetailType::FieldViolations {
            "rules:"
        } else {
            "one of"
        };
        Some(format!("{what} {}", values.join(", ")))
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
    pub ty: DetailType,
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
    /// The values of an enum field (its type is `string`), or the rules of a
    /// `field_violations` field that lists them; empty otherwise.
    pub values: Vec<String>,
}
