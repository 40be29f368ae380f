//! What the reference says in words, shared by the Markdown and HTML renderers: what
//! each status means and whether to retry it, the envelope's members, where each
//! field is sent, and the retry and circuit-breaker guidance written out from the
//! catalog's `[retry]` and `[circuit_breaker]` tables, as seeds 000 and 002 write
//! theirs.
//!
//! Text here is inline markup: backticks mark code, nothing else is special.

mod envelope;
mod retry;
mod statuses;

pub(crate) use envelope::{envelope_members, placements};
pub(crate) use retry::{circuit_breaker, code_retry, retry_strategy};
pub(crate) use statuses::{Meaning, reason_phrase, status_meaning, status_rows};

#[cfg(test)]
mod tests;
