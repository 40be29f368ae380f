//! `field_violations`: which request fields failed validation, and why.

use serde::{Deserialize, Serialize};

/// One field that failed validation: `{ "path": "email", "message": "must be a valid email" }`,
/// with an optional machine-readable `rule` (left out of the JSON when absent).
///
/// ```
/// use errors_runtime::FieldViolation;
/// let v = FieldViolation::new("email", "must be a valid email").with_rule("email");
/// assert_eq!(
///     serde_json::to_string(&v).unwrap(),
///     r#"{"path":"email","message":"must be a valid email","rule":"email"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldViolation {
    /// The field, as a path into the request (`email`, `items[2].sku`).
    pub path: String,
    /// What is wrong, fit to show to the user.
    pub message: String,
    /// The rule that failed (`required`, `min_length`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl FieldViolation {
    /// A violation of `path` with `message`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldViolation {
            path: path.into(),
            message: message.into(),
            rule: None,
        }
    }

    /// Names the rule that failed.
    pub fn with_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }
}

impl std::fmt::Display for FieldViolation {
    /// `path: message`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
