//! gRPC status codes (`google.rpc.Code`, `tonic::Code`): the names a catalog's
//! `grpc = "..."` takes, and the default each HTTP status maps to (SPEC 9.5).

use std::fmt;

/// A gRPC status code other than `OK`: what an error of the catalog is sent with
/// over gRPC.
///
/// The numbers are those of `google.rpc.Code` (and `tonic::Code`); the names are
/// their SCREAMING_SNAKE_CASE spellings, as a catalog writes them.
///
/// ```
/// use errors_vocab::GrpcCode;
/// assert_eq!(GrpcCode::from_name("NOT_FOUND"), Some(GrpcCode::NotFound));
/// assert_eq!(GrpcCode::from_name("OK"), None); // an error is never OK
/// assert_eq!(GrpcCode::for_status(429), GrpcCode::ResourceExhausted);
/// assert_eq!(GrpcCode::for_status(418), GrpcCode::FailedPrecondition);
/// assert_eq!(GrpcCode::NotFound.number(), 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i32)]
pub enum GrpcCode {
    /// `CANCELLED` (1): the operation was cancelled, typically by the caller.
    Cancelled = 1,
    /// `UNKNOWN` (2): an error of no other code.
    Unknown = 2,
    /// `INVALID_ARGUMENT` (3): the client sent an invalid argument.
    InvalidArgument = 3,
    /// `DEADLINE_EXCEEDED` (4): the deadline expired before the operation finished.
    DeadlineExceeded = 4,
    /// `NOT_FOUND` (5): a requested entity was not found.
    NotFound = 5,
    /// `ALREADY_EXISTS` (6): the entity a client tried to create exists.
    AlreadyExists = 6,
    /// `PERMISSION_DENIED` (7): the caller may not do this.
    PermissionDenied = 7,
    /// `RESOURCE_EXHAUSTED` (8): a quota or rate limit was exhausted.
    ResourceExhausted = 8,
    /// `FAILED_PRECONDITION` (9): the system is not in a state the operation needs.
    FailedPrecondition = 9,
    /// `ABORTED` (10): aborted, typically by a concurrency conflict.
    Aborted = 10,
    /// `OUT_OF_RANGE` (11): the operation went past the valid range.
    OutOfRange = 11,
    /// `UNIMPLEMENTED` (12): the operation is not implemented or supported.
    Unimplemented = 12,
    /// `INTERNAL` (13): an internal error.
    Internal = 13,
    /// `UNAVAILABLE` (14): the service is unavailable for now; retry later.
    Unavailable = 14,
    /// `DATA_LOSS` (15): unrecoverable data loss or corruption.
    DataLoss = 15,
    /// `UNAUTHENTICATED` (16): the request has no valid credentials.
    Unauthenticated = 16,
}

impl GrpcCode {
    /// Every code a catalog may name, in numeric order (`OK` is not one).
    pub const ALL: [GrpcCode; 16] = [
        GrpcCode::Cancelled,
        GrpcCode::Unknown,
        GrpcCode::InvalidArgument,
        GrpcCode::DeadlineExceeded,
        GrpcCode::NotFound,
        GrpcCode::AlreadyExists,
        GrpcCode::PermissionDenied,
        GrpcCode::ResourceExhausted,
        GrpcCode::FailedPrecondition,
        GrpcCode::Aborted,
        GrpcCode::OutOfRange,
        GrpcCode::Unimplemented,
        GrpcCode::Internal,
        GrpcCode::Unavailable,
        GrpcCode::DataLoss,
        GrpcCode::Unauthenticated,
    ];

    /// The name, as a catalog writes it: `NOT_FOUND`.
    pub const fn as_str(self) -> &'static str {
        match self {
            GrpcCode::Cancelled => "CANCELLED",
            GrpcCode::Unknown => "UNKNOWN",
            GrpcCode::InvalidArgument => "INVALID_ARGUMENT",
            GrpcCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            GrpcCode::NotFound => "NOT_FOUND",
            GrpcCode::AlreadyExists => "ALREADY_EXISTS",
            GrpcCode::PermissionDenied => "PERMISSION_DENIED",
            GrpcCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            GrpcCode::FailedPrecondition => "FAILED_PRECONDITION",
            GrpcCode::Aborted => "ABORTED",
            GrpcCode::OutOfRange => "OUT_OF_RANGE",
            GrpcCode::Unimplemented => "UNIMPLEMENTED",
            GrpcCode::Internal => "INTERNAL",
            GrpcCode::Unavailable => "UNAVAILABLE",
            GrpcCode::DataLoss => "DATA_LOSS",
            GrpcCode::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The code of a name (exactly as [`GrpcCode::as_str`] spells it); `None` for
    /// `OK` and anything else.
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        GrpcCode::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The code of a number (`google.rpc.Code`); `None` for 0 (`OK`) and numbers
    /// outside 1..=16.
    pub fn from_number(number: i32) -> Option<GrpcCode> {
        GrpcCode::ALL.into_iter().find(|c| c.number() == number)
    }

    /// The number of `google.rpc.Code` (and `tonic::Code`).
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The code an error of HTTP `status` is sent with when its catalog entry names
    /// none: `google.rpc.Code`'s mapping, SPEC 9.5. 400 `INVALID_ARGUMENT`, 401
    /// `UNAUTHENTICATED`, 403 `PERMISSION_DENIED`, 404 `NOT_FOUND`, 409 `ABORTED`,
    /// 429 `RESOURCE_EXHAUSTED`, 499 `CANCELLED`, 500 `INTERNAL`, 501
    /// `UNIMPLEMENTED`, 503 `UNAVAILABLE`, 504 `DEADLINE_EXCEEDED`; another 4xx
    /// `FAILED_PRECONDITION`, anything else `INTERNAL`.
    pub const fn for_status(status: u16) -> GrpcCode {
        match status {
            400 => GrpcCode::InvalidArgument,
            401 => GrpcCode::Unauthenticated,
            403 => GrpcCode::PermissionDenied,
            404 => GrpcCode::NotFound,
            409 => GrpcCode::Aborted,
            429 => GrpcCode::ResourceExhausted,
            499 => GrpcCode::Cancelled,
            500 => GrpcCode::Internal,
            501 => GrpcCode::Unimplemented,
            503 => GrpcCode::Unavailable,
            504 => GrpcCode::DeadlineExceeded,
            // Another 4xx; anything else.
            _ if status >= 400 && status <= 499 => GrpcCode::FailedPrecondition,
            _ => GrpcCode::Internal,
        }
    }

    /// The HTTP status `google.rpc.Code` documents for the code: what a client
    /// reports for an error whose catalog code it does not know.
    pub const fn http_status(self) -> u16 {
        match self {
            GrpcCode::InvalidArgument | GrpcCode::FailedPrecondition | GrpcCode::OutOfRange => 400,
            GrpcCode::Unauthenticated => 401,
            GrpcCode::PermissionDenied => 403,
            GrpcCode::NotFound => 404,
            GrpcCode::AlreadyExists | GrpcCode::Aborted => 409,
            GrpcCode::ResourceExhausted => 429,
            GrpcCode::Cancelled => 499,
            GrpcCode::Unknown | GrpcCode::Internal | GrpcCode::DataLoss => 500,
            GrpcCode::Unimplemented => 501,
            GrpcCode::Unavailable => 503,
            GrpcCode::DeadlineExceeded => 504,
        }
    }
}

impl fmt::Display for GrpcCode {
    /// The name: `NOT_FOUND`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::GrpcCode;

    #[test]
    fn every_row_of_the_default_mapping() {
        let rows = [
            (400, "INVALID_ARGUMENT"),
            (401, "UNAUTHENTICATED"),
            (403, "PERMISSION_DENIED"),
            (404, "NOT_FOUND"),
            (409, "ABORTED"),
            (429, "RESOURCE_EXHAUSTED"),
            (499, "CANCELLED"),
            (500, "INTERNAL"),
            (501, "UNIMPLEMENTED"),
            (503, "UNAVAILABLE"),
            (504, "DEADLINE_EXCEEDED"),
            // Another 4xx, another 5xx.
            (402, "FAILED_PRECONDITION"),
            (410, "FAILED_PRECONDITION"),
            (422, "FAILED_PRECONDITION"),
            (451, "FAILED_PRECONDITION"),
            (502, "INTERNAL"),
            (505, "INTERNAL"),
            (599, "INTERNAL"),
        ];
        for (status, name) in rows {
            assert_eq!(GrpcCode::for_status(status).as_str(), name, "{status}");
        }
    }

    #[test]
    fn names_and_numbers_round_trip() {
        for (i, code) in GrpcCode::ALL.into_iter().enumerate() {
            assert_eq!(code.number(), i as i32 + 1);
            assert_eq!(GrpcCode::from_name(code.as_str()), Some(code));
            assert_eq!(GrpcCode::from_number(code.number()), Some(code));
            assert_eq!(code.to_string(), code.as_str());
        }
        assert_eq!(GrpcCode::from_name("OK"), None);
        assert_eq!(GrpcCode::from_name("not_found"), None);
        assert_eq!(GrpcCode::from_number(0), None);
        assert_eq!(GrpcCode::from_number(17), None);
    }

    #[test]
    fn the_http_status_of_each_default_maps_back() {
        for status in [400, 401, 403, 404, 409, 429, 499, 500, 501, 503, 504] {
            assert_eq!(GrpcCode::for_status(status).http_status(), status);
        }
    }
}
