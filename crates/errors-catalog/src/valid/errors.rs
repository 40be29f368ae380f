//! Rules of one error: its status, message, category, `param`, and the checks of its
//! placeholders and fields.

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::model::ErrorDef;
use crate::suggest::did_you_mean;

pub(super) fn check_error(
    draft: &Draft,
    error: &ErrorDef,
    status: Option<i64>,
    complete: bool,
    sink: &mut Sink,
) {
    let code = &error.code;
    if let Some(status) = status
        && !(400..=599).contains(&status)
    {
        sink.push(
            Diagnostic::new(
                error.at.status.clone(),
                format!("status {status} of `{code}` is not an error status"),
            )
            .help("use 400..=599: 4xx for client errors, 5xx for server errors"),
        );
    }
    if !error.at.broken_message && error.message.source.trim().is_empty() {
        sink.push(
            Diagnostic::new(
                error.at.message.clone(),
                format!("the message of `{code}` is empty"),
            )
            .help("write the text clients see, e.g. `message = \"Session not found.\"`"),
        );
    }
    super::placeholders::check_placeholders(error, sink);
    super::fields::check_fields(draft, error, sink);
    super::enums::check_values(error, sink);
    super::message_by::check_message_by(draft, error, sink);
    super::message_only::check_message_only(draft, error, sink);

    if let Some((url, at)) = &draft.settings.doc_url
        && url.contains("{category}")
        && error.category.is_none()
    {
        sink.push(
            Diagnostic::new(
                error.location.clone(),
                format!("`{code}` has no `category`, but `doc_url` ({at}) inserts `{{category}}`"),
            )
            .help("give the error a `category`, or leave `{category}` out of `doc_url`"),
        );
    }

    if let (Some(category), Some(at)) = (&error.category, &error.at.category)
        && complete
        && !draft.categories.is_empty()
        && !draft.categories.iter().any(|c| &c.name == category)
    {
        let names = draft.categories.iter().map(|c| c.name.as_str());
        let help = match did_you_mean(category, names) {
            Some(similar) => format!("did you mean `{similar}`?"),
            None => format!("declare it as `[categories.{category}]`, or use a declared one"),
        };
        sink.push(
            Diagnostic::new(at.clone(), format!("category `{category}` is not declared"))
                .help(help),
        );
    }

    if let (Some(param), Some(at)) = (&error.param, &error.at.param) {
        match error.field(param) {
            None if !error.at.broken_fields.contains(param) => {
                sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!("`param` names `{param}`, which is not a detail field of `{code}`"),
                    )
                    .help(super::fields::field_help(error, param)),
                );
            }
            None => {}
            Some(field) if field.internal => sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`param` names the internal field `{param}`, which never reaches clients"
                    ),
                )
                .help("name a public field, or drop `internal = true`"),
            ),
            Some(field) if field.ty != crate::model::DetailType::String => sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`param` must name a string field, but `{param}` is a `{}`",
                        field.ty
                    ),
                )
                .help("name the field that holds the parameter's name"),
            ),
            Some(_) => {}
        }
    }
}
