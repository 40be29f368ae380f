//! What the web framework of an HTTP service rejects (the keys of `[http]`), the
//! statuses it rejects with, the conventional codes that answer each, and the one
//! rule of which fields it can fill in the code that answers.

use crate::detail::DetailType;

/// What the web framework of a service answers with a catalog code: each a key of
/// the catalog's `[http]` table (SPEC section 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rejection {
    /// `bad_request`: a body, query, path or form that does not parse; the code's
    /// `field_violations` field, sent in `details`, lists the fields that failed
    /// where they are known.
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
    pub const fn key(self) -> &'static str {
        match self {
            Rejection::BadRequest => "bad_request",
            Rejection::NotFound => "not_found",
            Rejection::MethodNotAllowed => "method_not_allowed",
            Rejection::UnsupportedMediaType => "unsupported_media_type",
            Rejection::PayloadTooLarge => "payload_too_large",
            Rejection::Internal => "internal",
        }
    }

    /// The rejection whose `[http]` key is `key`.
    pub fn from_key(key: &str) -> Option<Rejection> {
        Rejection::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The HTTP status the framework itself gives it.
    pub const fn status(self) -> u16 {
        match self {
            Rejection::BadRequest => 400,
            Rejection::NotFound => 404,
            Rejection::MethodNotAllowed => 405,
            Rejection::UnsupportedMediaType => 415,
            Rejection::PayloadTooLarge => 413,
            Rejection::Internal => 500,
        }
    }

    /// The rejection a framework response of `status` stands for: the inverse of
    /// [`status`](Self::status), plus axum's 422 for JSON that parses but does not
    /// fit the handler's type, a `bad_request` too (SPEC 9.1).
    ///
    /// ```
    /// use errors_vocab::Rejection;
    /// assert_eq!(Rejection::from_status(422), Some(Rejection::BadRequest));
    /// assert_eq!(Rejection::from_status(409), None);
    /// ```
    pub const fn from_status(status: u16) -> Option<Rejection> {
        Some(match status {
            400 | 422 => Rejection::BadRequest,
            404 => Rejection::NotFound,
            405 => Rejection::MethodNotAllowed,
            413 => Rejection::PayloadTooLarge,
            415 => Rejection::UnsupportedMediaType,
            500 => Rejection::Internal,
            _ => return None,
        })
    }

    /// The conventional codes that answer it where `[http]` names none, in order of
    /// preference, in SCREAMING_SNAKE_CASE (compared under the catalog's
    /// `code_case`).
    pub const fn conventional_codes(self) -> &'static [&'static str] {
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

/// What the fill rule reads of a detail field: the catalog's, the runtime's and the
/// reference's fields all have these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldShape<'a> {
    /// The value type.
    pub ty: &'a DetailType,
    /// Whether the value may be absent.
    pub optional: bool,
    /// Never sent to clients.
    pub internal: bool,
    /// Whether it is sent in `details`.
    pub in_details: bool,
    /// Whether it is also sent as an HTTP header (a bare response's header of that
    /// name fills it).
    pub header: bool,
}

/// How the framework fills one field of the code it answers with: the one rule the
/// catalog's validation, its `[http]` resolution and the axum layer share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fill {
    /// An internal field: never sent, left at its default.
    Internal,
    /// A `field_violations` field sent in `details`, answering a `bad_request`: the
    /// fields that failed to parse (an optional one only when some are known).
    Violations,
    /// An optional field: left absent.
    Absent,
    /// A field with a `header`, answering a bare error status: read from the bare
    /// response's header of that name (a required one it lacks leaves the response
    /// unanswered, at run time).
    Header,
    /// A required field the framework has no value for: a code with one cannot
    /// answer.
    Unfillable,
}

impl Fill {
    /// How the framework fills `field` when it answers `answering` (`None` for a
    /// response that stands for no [`Rejection`]).
    ///
    /// ```
    /// use errors_vocab::{DetailType, FieldShape, Fill, Rejection};
    /// let violations = FieldShape {
    ///     ty: &DetailType::FieldViolations,
    ///     optional: false,
    ///     internal: false,
    ///     in_details: true,
    ///     header: false,
    /// };
    /// assert_eq!(Fill::of(violations, Some(Rejection::BadRequest)), Fill::Violations);
    /// assert_eq!(Fill::of(violations, Some(Rejection::NotFound)), Fill::Unfillable);
    /// ```
    pub fn of(field: FieldShape<'_>, answering: Option<Rejection>) -> Fill {
        if field.internal {
            Fill::Internal
        } else if answering == Some(Rejection::BadRequest)
            && *field.ty == DetailType::FieldViolations
            && field.in_details
        {
            Fill::Violations
        } else if field.optional {
            Fill::Absent
        } else {
            Fill::Unfillable
        }
    }

    /// How the layer fills `field` when it answers a bare response of `status` (one
    /// not made from the catalog, SPEC 9.1): as [`Fill::of`] for the rejection the
    /// status stands for (so a 400 or 422 fills a `field_violations` field), and a
    /// field with a `header` from that response's header.
    ///
    /// ```
    /// use errors_vocab::{DetailType, FieldShape, Fill};
    /// let retry_after = FieldShape {
    ///     ty: &DetailType::U64,
    ///     optional: false,
    ///     internal: false,
    ///     in_details: true,
    ///     header: true,
    /// };
    /// assert_eq!(Fill::of_bare(retry_after, 429), Fill::Header);
    /// assert_eq!(Fill::of(retry_after, None), Fill::Unfillable);
    /// ```
    pub fn of_bare(field: FieldShape<'_>, status: u16) -> Fill {
        match Fill::of(field, Rejection::from_status(status)) {
            Fill::Absent | Fill::Unfillable if field.header => Fill::Header,
            fill => fill,
        }
    }

    /// Whether the layer can fill every one of `fields` when it answers a bare
    /// response of `status` ([`Fill::of_bare`]).
    pub fn all_bare<'a>(fields: impl IntoIterator<Item = FieldShape<'a>>, status: u16) -> bool {
        fields
            .into_iter()
            .all(|f| Fill::of_bare(f, status) != Fill::Unfillable)
    }

    /// Whether the framework can fill every one of `fields` when it answers
    /// `answering`.
    pub fn all<'a>(
        fields: impl IntoIterator<Item = FieldShape<'a>>,
        answering: Option<Rejection>,
    ) -> bool {
        fields
            .into_iter()
            .all(|f| Fill::of(f, answering) != Fill::Unfillable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_both_ways() {
        for rejection in Rejection::ALL {
            assert_eq!(Rejection::from_status(rejection.status()), Some(rejection));
            assert_eq!(Rejection::from_key(rejection.key()), Some(rejection));
            assert!(!rejection.conventional_codes().is_empty());
        }
        assert_eq!(Rejection::from_status(422), Some(Rejection::BadRequest));
        for status in [401, 403, 409, 429, 502, 503] {
            assert_eq!(Rejection::from_status(status), None, "{status}");
        }
        assert_eq!(Rejection::from_key("bad-request"), None);
    }

    #[test]
    fn conventional_codes_are_screaming_snake_case() {
        for rejection in Rejection::ALL {
            for code in rejection.conventional_codes() {
                assert!(
                    code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
                    "{code}"
                );
            }
        }
    }

    fn shape(ty: &DetailType, optional: bool, internal: bool, in_details: bool) -> FieldShape<'_> {
        FieldShape {
            ty,
            optional,
            internal,
            in_details,
            header: false,
        }
    }

    #[test]
    fn the_bare_fill_rule_reads_headers() {
        let u = &DetailType::U64;
        let v = &DetailType::FieldViolations;
        let header = |optional| FieldShape {
            header: true,
            ..shape(u, optional, false, false)
        };
        assert_eq!(Fill::of_bare(header(false), 429), Fill::Header);
        assert_eq!(Fill::of_bare(header(true), 503), Fill::Header);
        // Internal wins over a header; a rejection key's code never reads headers.
        let internal = FieldShape {
            header: true,
            ..shape(u, false, true, false)
        };
        assert_eq!(Fill::of_bare(internal, 429), Fill::Internal);
        assert_eq!(Fill::of(header(false), None), Fill::Unfillable);
        // A 400 or 422 stands for `bad_request`: its violations are filled.
        assert_eq!(
            Fill::of_bare(shape(v, false, false, true), 422),
            Fill::Violations
        );
        assert_eq!(
            Fill::of_bare(shape(v, false, false, true), 409),
            Fill::Unfillable
        );
        assert!(!Fill::all_bare(
            [header(false), shape(u, false, false, true)],
            429
        ));
        assert!(Fill::all_bare(
            [header(false), shape(u, true, false, true)],
            429
        ));
    }

    #[test]
    fn the_fill_rule() {
        let bad = Some(Rejection::BadRequest);
        let v = &DetailType::FieldViolations;
        let s = &DetailType::String;
        assert_eq!(
            Fill::of(shape(v, false, false, true), bad),
            Fill::Violations
        );
        assert_eq!(Fill::of(shape(v, true, false, true), bad), Fill::Violations);
        // Only `bad_request` knows which fields failed.
        assert_eq!(
            Fill::of(shape(v, false, false, true), None),
            Fill::Unfillable
        );
        assert_eq!(
            Fill::of(shape(v, false, false, true), Some(Rejection::Internal)),
            Fill::Unfillable
        );
        assert_eq!(Fill::of(shape(v, true, false, true), None), Fill::Absent);
        // Violations sent only in the message or a header cannot be filled.
        assert_eq!(
            Fill::of(shape(v, false, false, false), bad),
            Fill::Unfillable
        );
        assert_eq!(Fill::of(shape(s, false, true, false), None), Fill::Internal);
        assert_eq!(Fill::of(shape(s, true, false, true), bad), Fill::Absent);
        assert_eq!(
            Fill::of(shape(s, false, false, true), bad),
            Fill::Unfillable
        );
        assert!(Fill::all(
            [shape(v, false, false, true), shape(s, true, false, true)],
            bad
        ));
        assert!(!Fill::all([shape(v, false, false, true)], None));
        assert!(Fill::all([], None));
    }
}
