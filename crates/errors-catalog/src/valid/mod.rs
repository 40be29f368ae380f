//! Validation: every rule about values that parsed fine, checked in one pass over the
//! lowered catalog. Each rule reports where to look and how to fix it; all are
//! checked, so a user sees every problem at once.

mod aliases;
mod codes;
mod enums;
mod errors;
mod fields;
mod locales;
mod message_by;
mod message_only;
mod placeholders;
mod settings;

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::Draft;
use crate::source::Location;

/// `complete` is false when a file could not be read or parsed: checks that need the
/// whole catalog (is it empty? is a category declared?) are then skipped, since the
/// missing part may hold the answer.
pub(crate) fn validate(draft: &Draft, root: Option<Location>, complete: bool, sink: &mut Sink) {
    let s = &draft.settings;
    settings::check_name(s, sink);
    settings::check_doc_url(s, sink);
    settings::check_renames(s, sink);
    settings::check_retry(s, sink);
    let s = &draft.settings;
    crate::http::check(&s.http, s.code_case, &draft.errors, complete, sink);
    settings::check_categories(draft, sink);
    if complete && draft.errors.is_empty() && !draft.errors_unreadable {
        let at = draft.errors_table.clone().or(root);
        if let Some(at) = at {
            sink.push(
                Diagnostic::new(at, "the catalog declares no errors")
                    .help("add one, e.g. `[errors.NOT_FOUND]` with `status = 404` and a `message`"),
            );
        }
    }
    codes::check_codes(draft, sink);
    aliases::check_aliases(draft, sink);
    aliases::check_replacements(draft, complete, sink);
    enums::check_names(draft, sink);
    for (error, status) in draft.errors.iter().zip(&draft.statuses) {
        errors::check_error(draft, error, *status, complete, sink);
    }
    locales::check_locales(draft, sink);
}
