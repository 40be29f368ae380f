//! The JSON error envelope, in the four styles of SPEC section 4.
//!
//! Serialization streams straight into the serializer: the message is written with
//! `collect_str`, so nothing is formatted into an intermediate `String`. Detail values
//! follow the rule for non-finite floats of `non_finite`.

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::envelope::Envelope;
use crate::envelope::details_write::DetailsMap;
use crate::error::CatalogError;
use crate::error::Localized;
use crate::meta::{EnvelopeStyle, Member};

impl<E: CatalogError> Envelope<'_, E> {
    /// The envelope style of the catalog.
    pub fn style(&self) -> EnvelopeStyle {
        E::CATALOG.envelope.style
    }

    /// The HTTP content type to send it with: `application/problem+json` for the
    /// problem style, `application/json` otherwise.
    pub fn content_type(&self) -> &'static str {
        self.style().content_type()
    }

    /// The HTTP status to send it with.
    pub fn status(&self) -> u16 {
        self.error.status()
    }

    /// Appends the JSON to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        serde_json::to_writer(out, self)
            .expect("an envelope has string keys and infallible values, so it always serializes");
    }

    /// The JSON text.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(128);
        self.write_json(&mut out);
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }
}

/// The message in the envelope's language, streamed from the error's `Display` (or
/// its `fmt_localized`).
struct Message<'a, E: ?Sized>(Localized<'a, E>);

impl<E: CatalogError + ?Sized> Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// The `details` object.
struct Details<'a, E: ?Sized>(&'a E);

impl<E: CatalogError> Serialize for Details<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.details_len()))?;
        self.0.write_details(&mut DetailsMap(&mut map))?;
        map.end()
    }
}

/// The members inside `"error": {...}` of the nested and typed styles: the style's
/// members after the wrapper.
struct Body<'e, 'a, E: ?Sized>(&'e Envelope<'a, E>);

impl<E: CatalogError> Serialize for Body<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let members = E::CATALOG.envelope.style.members();
        self.0.write_members(&members[1..], serializer)
    }
}

impl<E: CatalogError> Serialize for Envelope<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let style = E::CATALOG.envelope.style;
        if style.is_wrapped() {
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(E::CATALOG.envelope.keys.error, &Body(self))?;
            map.end()
        } else {
            self.write_members(style.members(), serializer)
        }
    }
}

impl<E: CatalogError> Envelope<'_, E> {
    /// Whether `details` is written: only when at least one field goes in it, so an
    /// error whose `details` fields are all optional and unset sends no empty object
    /// (SPEC section 4, every style). The count is the generated `details_len`, the
    /// same that sizes the map, so the two can never disagree.
    fn has_details(&self) -> bool {
        self.error.details_len() > 0
    }

    /// Whether `member` is written: `request_id` and `timestamp` only when set (the
    /// typed style writes a null request id), `details` only when it holds a field,
    /// `instance` never.
    fn writes(&self, member: Member) -> bool {
        match member {
            Member::Details => self.has_details(),
            Member::RequestId => {
                self.request_id.is_some() || E::CATALOG.envelope.style == EnvelopeStyle::Typed
            }
            Member::Timestamp => self.timestamp.is_some(),
            Member::Instance => false,
            _ => true,
        }
    }

    /// `members` (a style's, in wire order) as one JSON object; in the problem style
    /// the detail fields follow as extension members of the object itself.
    fn write_members<S: Serializer>(
        &self,
        members: &[Member],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let style = E::CATALOG.envelope.style;
        let keys = &E::CATALOG.envelope.keys;
        let meta = self.error.meta();
        let extensions = if style == EnvelopeStyle::Problem {
            self.error.details_len()
        } else {
            0
        };
        let len = members.iter().filter(|&&m| self.writes(m)).count() + extensions;
        let mut map = serializer.serialize_map(Some(len))?;
        for &member in members.iter().filter(|&&m| self.writes(m)) {
            let key = *keys.get(member);
            match member {
                Member::Success => map.serialize_entry(key, &false)?,
                Member::Code => map.serialize_entry(key, meta.code)?,
                Member::Message | Member::Detail => map.serialize_entry(
                    key,
                    &Message(Localized::new(self.error, self.locale.flatten())),
                )?,
                Member::Details => map.serialize_entry(key, &Details(self.error))?,
                Member::RequestId => map.serialize_entry(key, &self.request_id)?,
                Member::Timestamp => map.serialize_entry(key, &self.timestamp)?,
                Member::Type if style == EnvelopeStyle::Problem => {
                    map.serialize_entry(key, meta.doc_url.unwrap_or("about:blank"))?
                }
                Member::Type => map.serialize_entry(key, &meta.category)?,
                Member::Param => map.serialize_entry(key, &self.error.param())?,
                Member::DocUrl => map.serialize_entry(key, &meta.doc_url)?,
                Member::Title => map.serialize_entry(key, meta.title)?,
                Member::Status => map.serialize_entry(key, &meta.status)?,
                // The wrapper is written by `serialize`; `instance` never (`writes`).
                Member::Error | Member::Instance => {}
            }
        }
        if extensions > 0 {
            self.error.write_details(&mut DetailsMap(&mut map))?;
        }
        map.end()
    }
}
