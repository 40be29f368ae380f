//! The standard members of a received envelope, read in each style under the
//! catalog's keys (`[envelope.rename]` applied).

use serde_json::{Map, Value};

use super::error::DecodeError;
use crate::meta::EnvelopeKeys;

/// The members of an envelope, before the code is looked up.
pub(super) struct Raw {
    pub(super) code: String,
    pub(super) message: String,
    pub(super) details: Option<Map<String, Value>>,
    pub(super) request_id: Option<String>,
    pub(super) timestamp: Option<String>,
    pub(super) doc_url: Option<String>,
    pub(super) category: Option<String>,
    pub(super) param: Option<String>,
    pub(super) title: Option<String>,
    pub(super) status: Option<u16>,
}

/// An envelope object, read member by member; members of `parent` are named
/// `parent.member` in errors.
struct Members {
    map: Map<String, Value>,
    parent: Option<&'static str>,
}

impl Members {
    fn take(&mut self, key: &str) -> Option<Value> {
        match self.map.remove(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(value),
        }
    }

    fn wrong(&self, key: &str, expected: &'static str) -> DecodeError {
        let member = match self.parent {
            Some(parent) => format!("{parent}.{key}"),
            None => key.to_owned(),
        };
        DecodeError::Envelope { member, expected }
    }

    fn string(&mut self, key: &str) -> Result<Option<String>, DecodeError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(self.wrong(key, "a string")),
        }
    }

    fn required_string(&mut self, key: &str) -> Result<String, DecodeError> {
        self.string(key)?
            .ok_or_else(|| self.wrong(key, "present, a string"))
    }

    fn object(&mut self, key: &str) -> Result<Option<Map<String, Value>>, DecodeError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map)),
            Some(_) => Err(self.wrong(key, "an object")),
        }
    }

    /// Code, message, details, request id and timestamp: what every style but
    /// problem has under the same names. Where `code_nullable` (the typed style,
    /// seed 004: "code: nullable"), an absent or `null` code is the empty string: an
    /// error of no code, which no catalog knows.
    fn common(&mut self, keys: &EnvelopeKeys, code_nullable: bool) -> Result<Raw, DecodeError> {
        let code = if code_nullable {
            self.string(keys.code)?.unwrap_or_default()
        } else {
            self.required_string(keys.code)?
        };
        Ok(Raw {
            code,
            message: self.required_string(keys.message)?,
            details: self.object(keys.details)?,
            request_id: self.string(keys.request_id)?,
            timestamp: self.string(keys.timestamp)?,
            doc_url: None,
            category: None,
            param: None,
            title: None,
            status: None,
        })
    }
}

impl Raw {
    pub(super) fn flat(map: Map<String, Value>, keys: &EnvelopeKeys) -> Result<Raw, DecodeError> {
        let mut members = Members { map, parent: None };
        match members.take(keys.success) {
            None | Some(Value::Bool(false)) => {}
            Some(_) => return Err(members.wrong(keys.success, "`false`")),
        }
        members.common(keys, false)
    }

    pub(super) fn nested(
        mut root: Map<String, Value>,
        keys: &EnvelopeKeys,
        typed: bool,
    ) -> Result<Raw, DecodeError> {
        let map = match root.remove(keys.error) {
            Some(Value::Object(map)) => map,
            None | Some(Value::Null) => {
                return Err(DecodeError::envelope(keys.error, "present, an object"));
            }
            Some(_) => return Err(DecodeError::envelope(keys.error, "an object")),
        };
        let mut members = Members {
            map,
            parent: Some(keys.error),
        };
        let mut raw = members.common(keys, typed)?;
        if typed {
            raw.category = members.string(keys.type_)?;
            raw.param = members.string(keys.param)?;
            raw.doc_url = members.string(keys.doc_url)?;
        }
        Ok(raw)
    }

    pub(super) fn problem(
        map: Map<String, Value>,
        keys: &EnvelopeKeys,
    ) -> Result<Raw, DecodeError> {
        let mut members = Members { map, parent: None };
        let doc_url = members
            .string(keys.type_)?
            .filter(|uri| uri != "about:blank");
        let title = members.string(keys.title)?;
        let status = match members.take(keys.status) {
            None => None,
            Some(value) => Some(
                value
                    .as_u64()
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|n| (100..=599).contains(n))
                    .ok_or_else(|| members.wrong(keys.status, "an HTTP status (100..=599)"))?,
            ),
        };
        let message = members.required_string(keys.detail)?;
        let code = members.required_string(keys.code)?;
        let request_id = members.string(keys.request_id)?;
        let timestamp = members.string(keys.timestamp)?;
        // RFC 9457's `instance`, under its key: never a catalog field (the catalog
        // refuses a detail of that wire name), dropped.
        members.string(keys.instance)?;
        // What is left are the extension members: the detail fields.
        Ok(Raw {
            code,
            message,
            details: Some(members.map),
            request_id,
            timestamp,
            doc_url,
            category: None,
            param: None,
            title,
            status,
        })
    }
}
