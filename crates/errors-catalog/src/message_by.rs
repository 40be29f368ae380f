//! Messages chosen by an enum field: `message = { by = "field", values = { email =
//! "Email already registered", name = "Name already in use" } }` (SPEC 9.4).

use crate::model::ErrorDef;
use crate::source::Location;
use crate::template::MessageTemplate;

/// A message with one template per value of an enum field.
///
/// ```
/// let catalog = errors_catalog::Catalog::from_str(
///     "catalog.toml",
///     r#"
///     [errors.ALREADY_EXISTS]
///     status = 409
///     message = { by = "field", values = { email = "Email already registered", name = "Name already in use" } }
///     [errors.ALREADY_EXISTS.details]
///     field = { type = { enum = ["email", "name"] } }
///     "#,
/// )
/// .unwrap();
/// let error = catalog.error("ALREADY_EXISTS").unwrap();
/// let by = error.message_by.as_ref().unwrap();
/// assert_eq!(by.field, "field");
/// assert_eq!(by.template("name").unwrap().source, "Name already in use");
/// // `message` is the first value's template.
/// assert_eq!(error.message.source, "Email already registered");
/// assert_eq!(error.templates().count(), 2);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct MessageBy {
    /// The enum field whose value picks the template.
    pub field: String,
    /// The template of each value, in the order written.
    pub templates: Vec<ValueTemplate>,
    /// Where `by` is written.
    pub location: Location,
    /// Where `values` is written (the message's own location when it is missing).
    pub values_location: Location,
}

/// The template of one value of a [`MessageBy`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ValueTemplate {
    /// The value of the `by` field.
    pub value: String,
    /// Its message.
    pub template: MessageTemplate,
    /// Where the value's key is written.
    pub location: Location,
}

impl MessageBy {
    /// The template of `value`.
    pub fn template(&self, value: &str) -> Option<&MessageTemplate> {
        self.templates
            .iter()
            .find(|t| t.value == value)
            .map(|t| &t.template)
    }
}

impl ErrorDef {
    /// Every template of the error's message: the one template, or each value's.
    pub fn templates(&self) -> impl Iterator<Item = &MessageTemplate> {
        let by = self.message_by.as_ref().map(|b| b.templates.iter());
        let single = by.is_none().then_some(&self.message);
        single
            .into_iter()
            .chain(by.into_iter().flatten().map(|t| &t.template))
    }

    /// The message as the stability check records it: the template, or for a
    /// message chosen by a field, `by FIELD: VALUE = TEMPLATE | ...`.
    #[cfg(feature = "contract")]
    pub(crate) fn message_text(&self) -> String {
        self.message_text_of(None)
    }

    /// [`message_text`](Self::message_text), with only the templates of `values`
    /// when given (the values a snapshot knew: templates of values added since are
    /// new, not changed).
    #[cfg(feature = "contract")]
    pub(crate) fn message_text_of(&self, values: Option<&[String]>) -> String {
        match &self.message_by {
            None => self.message.to_string(),
            Some(by) => {
                let templates: Vec<String> = by
                    .templates
                    .iter()
                    .filter(|t| values.is_none_or(|v| v.contains(&t.value)))
                    .map(|t| format!("{} = {}", t.value, t.template))
                    .collect();
                format!("by {}: {}", by.field, templates.join(" | "))
            }
        }
    }

    /// Whether any template of the message inserts the field `name`.
    pub fn in_any_template(&self, name: &str) -> bool {
        self.templates()
            .any(|t| t.placeholders().any(|p| p.field == name))
    }
}
