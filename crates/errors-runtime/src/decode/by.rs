//! Messages chosen by an enum field (`message = { by, values }`, SPEC 9.4): which
//! value's template a received message follows. The value is read from `details` or
//! its header where it is sent there, else from the message itself: the one template
//! it matches.

use super::message::matches;
use crate::meta::{MessageByMeta, ValueTemplateMeta};

/// The template of `value`, a value of the `by` field as received.
pub(super) fn by_value(
    by: &MessageByMeta,
    value: &str,
) -> Result<&'static ValueTemplateMeta, String> {
    by.templates
        .iter()
        .find(|t| t.value == value)
        .ok_or_else(|| {
            format!(
                "`{value}` is not a value of `{}` this build knows",
                by.field
            )
        })
}

/// The one template `message` follows; none, or several, is an error.
pub(super) fn by_message(
    by: &MessageByMeta,
    message: &str,
) -> Result<&'static ValueTemplateMeta, String> {
    let mut found = by.templates.iter().filter(|t| matches(t.pieces, message));
    match (found.next(), found.next()) {
        (Some(template), None) => Ok(template),
        (None, _) => Err(format!(
            "the message follows the template of no value of `{}`",
            by.field
        )),
        (Some(a), Some(b)) => Err(format!(
            "the message follows the templates of both `{}` and `{}` of `{}`",
            a.value, b.value, by.field
        )),
    }
}
