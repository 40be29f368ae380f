//! The JSON error envelope, in the four styles of SPEC section 4.
//!
//! Serialization streams straight into the serializer: the message is written with
//! `collect_str`, so nothing is formatted into an intermediate `String`. Detail values
//! follow the rule for non-finite floats of `non_finite`.

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::envelope::Envelope;
use crate::envelope::details_write::DetailsMap;
use crate::error::CatalogError;
use crate::meta::{EnvelopeKeys, EnvelopeStyle};

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

/// The message, streamed from the error's `Display`.
struct Message<'a, E: ?Sized>(&'a E);

impl<E: CatalogError + ?Sized> Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
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

/// The members inside `"error": {...}` of the nested and typed styles.
struct Body<'e, 'a, E: ?Sized>(&'e Envelope<'a, E>);

impl<E: CatalogError> Serialize for Body<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let envelope = self.0;
        let keys = &E::CATALOG.envelope.keys;
        match E::CATALOG.envelope.style {
            EnvelopeStyle::Typed => envelope.typed_body(keys, serializer),
            _ => envelope.nested_body(keys, serializer),
        }
    }
}

impl<E: CatalogError> Serialize for Envelope<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = &E::CATALOG.envelope.keys;
        match E::CATALOG.envelope.style {
            EnvelopeStyle::Flat => self.flat(keys, serializer),
            EnvelopeStyle::Nested | EnvelopeStyle::Typed => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(keys.error, &Body(self))?;
                map.end()
            }
            EnvelopeStyle::Problem => self.problem(keys, serializer),
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

    fn optional_len(&self) -> usize {
        usize::from(self.request_id.is_some()) + usize::from(self.timestamp.is_some())
    }

    /// `request_id` and `timestamp`, each when set.
    fn write_trace<M: SerializeMap>(
        &self,
        keys: &EnvelopeKeys,
        map: &mut M,
    ) -> Result<(), M::Error> {
        if let Some(id) = &self.request_id {
            map.serialize_entry(keys.request_id, id)?;
        }
        if let Some(at) = &self.timestamp {
            map.serialize_entry(keys.timestamp, at)?;
        }
        Ok(())
    }

    fn flat<S: Serializer>(&self, keys: &EnvelopeKeys, serializer: S) -> Result<S::Ok, S::Error> {
        let details = self.has_details();
        let mut map = serializer.serialize_map(Some(1 + self.common_len(details)))?;
        map.serialize_entry(keys.success, &false)?;
        self.write_common(keys, details, &mut map)?;
        map.end()
    }

    fn nested_body<S: Serializer>(
        &self,
        keys: &EnvelopeKeys,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let details = self.has_details();
        let mut map = serializer.serialize_map(Some(self.common_len(details)))?;
        self.write_common(keys, details, &mut map)?;
        map.end()
    }

    /// How many members [`Envelope::write_common`] writes.
    fn common_len(&self, details: bool) -> usize {
        2 + usize::from(details) + self.optional_len()
    }

    /// The members flat and nested share, in order: code, message, details, request
    /// id, timestamp. `details`: whether the error sends a field in `details`.
    fn write_common<M: SerializeMap>(
        &self,
        keys: &EnvelopeKeys,
        details: bool,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(keys.code, self.error.meta().code)?;
        map.serialize_entry(keys.message, &Message(self.error))?;
        if details {
            map.serialize_entry(keys.details, &Details(self.error))?;
        }
        self.write_trace(keys, map)
    }

    fn typed_body<S: Serializer>(
        &self,
        keys: &EnvelopeKeys,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let meta = self.error.meta();
        let details = self.has_details();
        let len = 6 + usize::from(details) + usize::from(self.timestamp.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry(keys.type_, &meta.category)?;
        map.serialize_entry(keys.code, meta.code)?;
        map.serialize_entry(keys.message, &Message(self.error))?;
        map.serialize_entry(keys.param, &self.error.param())?;
        map.serialize_entry(keys.doc_url, &meta.doc_url)?;
        map.serialize_entry(keys.request_id, &self.request_id)?;
        if details {
            map.serialize_entry(keys.details, &Details(self.error))?;
        }
        if let Some(at) = &self.timestamp {
            map.serialize_entry(keys.timestamp, at)?;
        }
        map.end()
    }

    fn problem<S: Serializer>(
        &self,
        keys: &EnvelopeKeys,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let meta = self.error.meta();
        let len = 5 + self.optional_len() + self.error.details_len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry(keys.type_, meta.doc_url.unwrap_or("about:blank"))?;
        map.serialize_entry(keys.title, meta.title)?;
        map.serialize_entry(keys.status, &meta.status)?;
        map.serialize_entry(keys.detail, &Message(self.error))?;
        map.serialize_entry(keys.code, meta.code)?;
        self.write_trace(keys, &mut map)?;
        // Detail fields are extension members of the problem object itself.
        self.error.write_details(&mut DetailsMap(&mut map))?;
        map.end()
    }
}
