//! The detail fields of a received envelope, as generated decoders read them.

use serde_core::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::by;
use super::error::DecodeError;
use super::message::{Found, find};
use super::text::read_text;
use crate::envelope::details_read::WireValue;
use crate::error::CatalogError;
use crate::meta::{ErrorMeta, FieldMeta, FormatSpec, MessageByMeta, Piece, ValueTemplateMeta};

/// An error type that can be rebuilt from the wire: every error type `catalog!`
/// generates, and derived ones whose variants hold nothing beyond catalog fields.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded from a response",
    label = "not `Decode`",
    note = "only error types of a catalog are decoded; a derived enum whose variants hold error sources (`#[source]`, `#[from]`) is not, as sources never travel",
    note = "decode into a client type generated from the same catalog: `errors_runtime::catalog!(\"catalog.toml\", client);`"
)]
pub trait Decode: CatalogError + Sized {
    /// Builds the error of `code` from its wire details. Internal fields, which never
    /// travel, come back as their type's default.
    #[doc(hidden)]
    fn from_wire(code: Self::Code, details: WireDetails<'_>) -> Result<Self, DecodeError>;
}

/// What a received response says of one error's fields, read by the generated
/// `from_wire`: the detail members, and for fields sent outside them
/// (`details = false`) the message and the response headers.
#[derive(Debug, Clone, Copy)]
pub struct WireDetails<'a> {
    code: &'static str,
    meta: Option<&'static ErrorMeta>,
    members: Option<&'a Map<String, Value>>,
    /// `None` when there is no message to read fields from (a bare response).
    message: Option<&'a str>,
    param: Option<&'a str>,
    headers: &'a [(String, String)],
}

impl<'a> WireDetails<'a> {
    /// The details of an error of `code`; `members` is `None` when the envelope had
    /// no details. No message nor headers: see [`WireDetails::received`].
    pub fn new(code: &'static str, members: Option<&'a Map<String, Value>>) -> Self {
        WireDetails {
            code,
            meta: None,
            members,
            message: None,
            param: None,
            headers: &[],
        }
    }

    /// What was received for an error of the catalog code `meta`: the detail
    /// members, the message, the typed envelope's `param`, and the response headers
    /// (names in any case).
    pub fn received(
        meta: &'static ErrorMeta,
        members: Option<&'a Map<String, Value>>,
        message: &'a str,
        param: Option<&'a str>,
        headers: &'a [(String, String)],
    ) -> Self {
        WireDetails {
            code: meta.code,
            meta: Some(meta),
            members,
            message: Some(message),
            param,
            headers,
        }
    }

    /// A bare response's fields, for the axum layer answering it with `meta`'s
    /// code: `members`, and the fields outside `details` from `headers` only (there
    /// is no message to read them from).
    #[cfg(feature = "axum")]
    pub(crate) fn bare(
        meta: &'static ErrorMeta,
        members: &'a Map<String, Value>,
        headers: &'a [(String, String)],
    ) -> Self {
        WireDetails {
            code: meta.code,
            meta: Some(meta),
            members: Some(members),
            message: None,
            param: None,
            headers,
        }
    }

    /// A required field sent outside `details` (`details = false`), read back from
    /// the typed envelope's `param` when it is the code's `param` field, from its
    /// header when the response has it, else from the message by matching the code's
    /// template. `name` is the field's catalog name.
    pub fn recovered<T: DeserializeOwned>(&self, name: &'static str) -> Result<T, DecodeError> {
        match self.recover(name)? {
            Some(value) => self.parse(name, &value),
            None => Err(DecodeError::MissingField {
                code: self.code,
                field: name,
            }),
        }
    }

    /// An optional field sent outside `details`: `None` when neither its header nor
    /// the message carries it.
    pub fn recovered_optional<T: DeserializeOwned>(
        &self,
        name: &'static str,
    ) -> Result<Option<T>, DecodeError> {
        match self.recover(name)? {
            Some(value) => self.parse(name, &value).map(Some),
            None => Ok(None),
        }
    }

    /// The field's value from its header, else from the message; `None` when it is
    /// in neither.
    fn recover(&self, name: &'static str) -> Result<Option<Value>, DecodeError> {
        let Some(field) = self.field(name) else {
            return Ok(None);
        };
        let unrecoverable = |reason: String| DecodeError::Unrecoverable {
            code: self.code,
            field: name,
            reason,
        };
        if let Some(param) = self.param
            && self.meta.and_then(|m| m.param) == Some(name)
        {
            return read_text(field.ty, FormatSpec::DISPLAY, param)
                .map(Some)
                .map_err(|why| unrecoverable(format!("`param`: {why}")));
        }
        if let Some(header) = field.header
            && let Some((_, text)) = self
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(header))
        {
            return read_text(field.ty, FormatSpec::DISPLAY, text)
                .map(Some)
                .map_err(|why| unrecoverable(format!("the `{header}` header: {why}")));
        }
        let Some(message) = self.message else {
            return Ok(None);
        };
        let (template, pieces) = match self.meta.and_then(|m| m.message_by.as_ref()) {
            // The field that chooses the message: the value whose template it follows.
            Some(by) if by.field == name => {
                return by::by_message(by, message)
                    .map(|t| Some(Value::String(t.value.to_owned())))
                    .map_err(|why| unrecoverable(format!("the message: {why}")));
            }
            Some(by) => {
                let chosen = self
                    .chosen(by, message)
                    .map_err(|why| unrecoverable(format!("the message: {why}")))?;
                (chosen.template, chosen.pieces)
            }
            None => self.template(),
        };
        match find(pieces, message, name) {
            (Found::Text(text), spec) => read_text(field.ty, spec, text)
                .map(Some)
                .map_err(|why| unrecoverable(format!("the message: {why}"))),
            (Found::NotInTemplate, _) => Ok(None),
            (Found::NoMatch, _) => Err(unrecoverable(format!(
                "the message does not follow the template `{template}`"
            ))),
            (Found::Ambiguous, _) => Err(unrecoverable(format!(
                "the template `{template}` can be read more than one way in the message"
            ))),
        }
    }

    /// The template the message was rendered from: the translation into the
    /// response's `Content-Language` when the code has one (SPEC 9.4), else the
    /// primary one.
    fn template(&self) -> (&'static str, &'static [Piece]) {
        let Some(meta) = self.meta else {
            return ("", &[]);
        };
        let language = self
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-language"))
            .and_then(|(_, v)| v.split(',').next())
            .map(str::trim);
        language
            .and_then(|tag| {
                meta.translations
                    .iter()
                    .find(|t| t.locale.eq_ignore_ascii_case(tag))
            })
            .map_or((meta.template, meta.pieces), |t| (t.template, t.pieces))
    }

    /// The template of a message chosen by `by`'s field: by the field's value where
    /// it is sent in `details` or its header, else the one the message follows.
    fn chosen(
        &self,
        by: &MessageByMeta,
        message: &str,
    ) -> Result<&'static ValueTemplateMeta, String> {
        let field = self.field(by.field);
        let in_details = field
            .filter(|f| f.in_details)
            .and_then(|f| self.members?.get(f.wire)?.as_str());
        let in_header = field.and_then(|f| f.header).and_then(|header| {
            self.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(header))
                .map(|(_, v)| v.as_str())
        });
        match in_details.or(in_header) {
            Some(value) => by::by_value(by, value),
            None => by::by_message(by, message),
        }
    }

    fn field(&self, name: &str) -> Option<&'static FieldMeta> {
        self.meta?.fields.iter().find(|f| f.name == name)
    }

    /// A required field: missing or of the wrong type is an error, and so is `null`
    /// unless it is a value of the field's type (a `json` field may hold `null`).
    ///
    /// An `f64` is read from a JSON number or, for the non-finite values, from the
    /// strings `"NaN"`, `"Infinity"` and `"-Infinity"`, as envelopes write them.
    pub fn required<T: DeserializeOwned>(&self, wire: &'static str) -> Result<T, DecodeError> {
        let missing = || DecodeError::MissingField {
            code: self.code,
            field: wire,
        };
        match self.members.and_then(|m| m.get(wire)) {
            None => Err(missing()),
            Some(Value::Null) => T::deserialize(WireValue(&Value::Null)).map_err(|_| missing()),
            Some(value) => self.parse(wire, value),
        }
    }

    /// An optional field: missing is `None`, and so is `null` unless it is a value
    /// of the field's type: an optional `json` field set to `Some(Value::Null)` is
    /// sent as `null` and comes back as `Some(Value::Null)`. The wrong type is an
    /// error. Values are read as by [`WireDetails::required`].
    pub fn optional<T: DeserializeOwned>(
        &self,
        wire: &'static str,
    ) -> Result<Option<T>, DecodeError> {
        match self.members.and_then(|m| m.get(wire)) {
            None => Ok(None),
            Some(Value::Null) => Ok(T::deserialize(WireValue(&Value::Null)).ok()),
            Some(value) => self.parse(wire, value).map(Some),
        }
    }

    fn parse<T: DeserializeOwned>(
        &self,
        wire: &'static str,
        value: &Value,
    ) -> Result<T, DecodeError> {
        T::deserialize(WireValue(value)).map_err(|err| DecodeError::InvalidField {
            code: self.code,
            field: wire,
            reason: err.to_string(),
        })
    }
}
