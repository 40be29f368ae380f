//! Envelope styles, their standard members in wire order, and the members' keys.

use std::fmt;

/// The JSON shape of an error response (SPEC section 4).
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
    /// Every style, in the order the catalog format lists them.
    pub const ALL: [EnvelopeStyle; 4] = [
        EnvelopeStyle::Flat,
        EnvelopeStyle::Nested,
        EnvelopeStyle::Typed,
        EnvelopeStyle::Problem,
    ];

    /// The catalog spelling: `flat`, `nested`, `typed`, `problem`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EnvelopeStyle::Flat => "flat",
            EnvelopeStyle::Nested => "nested",
            EnvelopeStyle::Typed => "typed",
            EnvelopeStyle::Problem => "problem",
        }
    }

    /// The style spelled `name` in a catalog, if any.
    ///
    /// ```
    /// use errors_vocab::EnvelopeStyle;
    /// assert_eq!(EnvelopeStyle::from_name("typed"), Some(EnvelopeStyle::Typed));
    /// assert_eq!(EnvelopeStyle::from_name("Typed"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<EnvelopeStyle> {
        EnvelopeStyle::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The standard members of this style, in wire order (the `error` wrapper first
    /// where there is one). `details` (and, in the problem style, the detail fields
    /// that follow the listed members) is sent only when the error has detail fields;
    /// `instance` is reserved, never written.
    pub const fn members(self) -> &'static [Member] {
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

    /// Whether this style has `member`.
    pub fn has(self, member: Member) -> bool {
        self.members().contains(&member)
    }

    /// Whether the members sit in an `error` object (nested, typed).
    pub const fn is_wrapped(self) -> bool {
        matches!(self, EnvelopeStyle::Nested | EnvelopeStyle::Typed)
    }

    /// The HTTP content type responses of this style are sent with.
    pub const fn content_type(self) -> &'static str {
        match self {
            EnvelopeStyle::Problem => "application/problem+json",
            _ => "application/json",
        }
    }
}

impl fmt::Display for EnvelopeStyle {
    /// The catalog spelling.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A standard envelope member, by the name `[envelope.rename]` uses for it.
///
/// Exhaustive on purpose: a new member must be handled by every writer and reader of
/// envelopes, and a compile error there is what says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// `instance` (problem): never written by a service of a catalog, but reserved so
    /// no detail field takes its name; a client drops it.
    Instance,
}

impl Member {
    /// Every member, in the order of the fields of [`EnvelopeKeys`].
    pub const ALL: [Member; 14] = [
        Member::Success,
        Member::Error,
        Member::Code,
        Member::Message,
        Member::Details,
        Member::RequestId,
        Member::Timestamp,
        Member::Type,
        Member::Param,
        Member::DocUrl,
        Member::Title,
        Member::Status,
        Member::Detail,
        Member::Instance,
    ];

    /// The name `[envelope.rename]` knows this member by.
    pub const fn name(self) -> &'static str {
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

    /// The member `[envelope.rename]` calls `name`, if any.
    pub fn from_name(name: &str) -> Option<Member> {
        Member::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The key this member has in `style` unless renamed: `errorCode` and
    /// `requestId` in the flat style, the member's own name otherwise.
    pub const fn default_key(self, style: EnvelopeStyle) -> &'static str {
        match (style, self) {
            (EnvelopeStyle::Flat, Member::Code) => "errorCode",
            (EnvelopeStyle::Flat, Member::RequestId) => "requestId",
            _ => self.name(),
        }
    }
}

/// The key of each standard member: `&'static str` in the metadata a service is
/// compiled with, `String` where keys are read at run time.
///
/// Which value a member the style does not have holds is the owner's convention
/// (the runtime's metadata leaves it empty, [`EnvelopeKeys::defaults`] gives its
/// default name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // one per member, named as in `[envelope.rename]`
pub struct EnvelopeKeys<S = &'static str> {
    pub success: S,
    pub error: S,
    pub code: S,
    pub message: S,
    pub details: S,
    pub request_id: S,
    pub timestamp: S,
    pub type_: S,
    pub param: S,
    pub doc_url: S,
    pub title: S,
    pub status: S,
    pub detail: S,
    pub instance: S,
}

impl EnvelopeKeys {
    /// The default key of every member in `style` ([`Member::default_key`]), those
    /// the style does not have included.
    ///
    /// ```
    /// use errors_vocab::{EnvelopeKeys, EnvelopeStyle};
    /// let keys = EnvelopeKeys::defaults(EnvelopeStyle::Flat);
    /// assert_eq!((keys.code, keys.request_id, keys.message), ("errorCode", "requestId", "message"));
    /// ```
    pub fn defaults(style: EnvelopeStyle) -> EnvelopeKeys {
        EnvelopeKeys::from_fn(|member| member.default_key(style))
    }
}

impl<S> EnvelopeKeys<S> {
    /// The keys `key` gives each member.
    pub fn from_fn(mut key: impl FnMut(Member) -> S) -> EnvelopeKeys<S> {
        EnvelopeKeys {
            success: key(Member::Success),
            error: key(Member::Error),
            code: key(Member::Code),
            message: key(Member::Message),
            details: key(Member::Details),
            request_id: key(Member::RequestId),
            timestamp: key(Member::Timestamp),
            type_: key(Member::Type),
            param: key(Member::Param),
            doc_url: key(Member::DocUrl),
            title: key(Member::Title),
            status: key(Member::Status),
            detail: key(Member::Detail),
            instance: key(Member::Instance),
        }
    }

    /// The key of `member`.
    pub const fn get(&self, member: Member) -> &S {
        match member {
            Member::Success => &self.success,
            Member::Error => &self.error,
            Member::Code => &self.code,
            Member::Message => &self.message,
            Member::Details => &self.details,
            Member::RequestId => &self.request_id,
            Member::Timestamp => &self.timestamp,
            Member::Type => &self.type_,
            Member::Param => &self.param,
            Member::DocUrl => &self.doc_url,
            Member::Title => &self.title,
            Member::Status => &self.status,
            Member::Detail => &self.detail,
            Member::Instance => &self.instance,
        }
    }

    /// The same keys, each passed through `f`.
    pub fn map<T>(self, mut f: impl FnMut(S) -> T) -> EnvelopeKeys<T> {
        let mut keys = [
            self.success,
            self.error,
            self.code,
            self.message,
            self.details,
            self.request_id,
            self.timestamp,
            self.type_,
            self.param,
            self.doc_url,
            self.title,
            self.status,
            self.detail,
            self.instance,
        ]
        .map(Some);
        // `Member::ALL` is in field order, so member i's key is keys[i].
        EnvelopeKeys::from_fn(|member| f(keys[member as usize].take().expect("each key once")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_orders_of_section_4() {
        use Member::*;
        let order = |style: EnvelopeStyle| style.members().to_vec();
        assert_eq!(
            order(EnvelopeStyle::Flat),
            [Success, Code, Message, Details, RequestId, Timestamp]
        );
        assert_eq!(
            order(EnvelopeStyle::Typed),
            [
                Error, Type, Code, Message, Param, DocUrl, RequestId, Details, Timestamp
            ]
        );
        assert_eq!(
            order(EnvelopeStyle::Problem),
            [
                Type, Title, Status, Detail, Code, RequestId, Timestamp, Instance
            ]
        );
        for style in EnvelopeStyle::ALL {
            let members = style.members();
            assert_eq!(style.is_wrapped(), members[0] == Error, "{style}");
            assert!(style.has(Code) && style.has(RequestId), "{style}");
            let mut sorted = members.to_vec();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), members.len(), "{style} lists a member twice");
        }
        assert!(!EnvelopeStyle::Flat.has(Error));
        assert!(!EnvelopeStyle::Problem.has(Details));
    }

    #[test]
    fn names_read_back() {
        for style in EnvelopeStyle::ALL {
            assert_eq!(EnvelopeStyle::from_name(style.as_str()), Some(style));
            assert_eq!(style.to_string(), style.as_str());
        }
        assert_eq!(EnvelopeStyle::from_name("json"), None);
        for (i, member) in Member::ALL.into_iter().enumerate() {
            assert_eq!(member as usize, i, "ALL is in declaration order");
            assert_eq!(Member::from_name(member.name()), Some(member));
        }
        assert_eq!(Member::from_name("errorCode"), None);
    }

    #[test]
    fn content_types() {
        assert_eq!(
            EnvelopeStyle::Problem.content_type(),
            "application/problem+json"
        );
        assert_eq!(EnvelopeStyle::Typed.content_type(), "application/json");
    }

    #[test]
    fn default_keys_differ_only_in_the_flat_style() {
        let flat = EnvelopeKeys::defaults(EnvelopeStyle::Flat);
        let nested = EnvelopeKeys::defaults(EnvelopeStyle::Nested);
        for member in Member::ALL {
            assert_eq!(*flat.get(member), member.default_key(EnvelopeStyle::Flat));
            let changed = matches!(member, Member::Code | Member::RequestId);
            assert_eq!(
                flat.get(member) != nested.get(member),
                changed,
                "{member:?}"
            );
            assert_eq!(*nested.get(member), member.name());
        }
    }

    #[test]
    fn map_keeps_each_key_in_its_place() {
        let keys = EnvelopeKeys::defaults(EnvelopeStyle::Flat).map(|k| format!("x_{k}"));
        for member in Member::ALL {
            assert_eq!(
                *keys.get(member),
                format!("x_{}", member.default_key(EnvelopeStyle::Flat))
            );
        }
    }
}
