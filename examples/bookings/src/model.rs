//! What the service and its client exchange: the JSON bodies of successful requests.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A class that members book: it can be full, and has a waitlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Session {
    /// `s_1`, `s_2`, ...
    pub id: String,
    /// What the class is.
    pub title: String,
    /// How many members it takes.
    pub capacity: u32,
    /// How many are booked.
    pub booked: u32,
    /// How many wait for a spot.
    pub waitlist: u32,
}

/// `POST /sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewSession {
    /// 1 to 100 characters.
    pub title: String,
    /// 1 to 10,000.
    pub capacity: u32,
}

/// `POST /sessions/{id}/bookings`, sent with an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BookingRequest {
    /// The member booking.
    pub member_id: String,
    /// Where the confirmation goes.
    pub email: String,
}

/// A booking made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Booking {
    /// `b_1`, `b_2`, ...
    pub id: String,
    /// The session booked.
    pub session_id: String,
    /// The member.
    pub member_id: String,
}

/// `POST /sessions/{id}/waitlist`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WaitlistRequest {
    /// The member waiting.
    pub member_id: String,
}

/// A place on a session's waitlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WaitlistEntry {
    /// The session.
    pub session_id: String,
    /// The member.
    pub member_id: String,
    /// 1 for the first in line.
    pub position: u32,
}

/// `GET /sessions?limit=..&offset=..`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many sessions (default 20, at most 100).
    pub limit: Option<u32>,
    /// Skip this many.
    pub offset: Option<u32>,
}

/// `POST /feedback`, a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Feedback {
    /// 1 to 5.
    pub rating: u8,
    /// Free text.
    pub comment: String,
}
