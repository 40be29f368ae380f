//! Rustdoc for generated items, from the catalog's statuses, templates and
//! descriptions.

use errors_catalog::{Catalog, ErrorDef, Field};

/// Docs of the error enum.
pub(crate) fn error_enum(catalog: &Catalog) -> String {
    format!(
        "The errors of the API, generated from the error catalog.\n\n\
         Each variant is one stable code. `Display` renders its message; `envelope()` \
         gives the JSON error envelope (`{}` style).",
        catalog.envelope.style.as_str()
    )
}

/// Docs of the code enum.
pub(crate) fn code_enum(error_enum: &str) -> String {
    format!(
        "The stable codes of [`{error_enum}`]: what clients branch on. Parses from and \
         displays as the code string, and (de)serializes as it."
    )
}

/// Docs of a variant: code, status and retryability, template, category, description.
pub(crate) fn variant(error: &ErrorDef) -> String {
    let mut doc = format!(
        "`{}`: HTTP {}{}, {}.\n\nMessage: {}",
        error.code,
        error.status,
        errors_vocab::reason_phrase(error.status).map_or_else(String::new, |r| format!(" {r}")),
        match error.retry_class {
            errors_catalog::RetryClass::Retryable => "retryable",
            errors_catalog::RetryClass::AfterRefresh =>
                "retried once after the client refreshes its credentials",
            errors_catalog::RetryClass::Never => "not retryable",
        },
        code_span(&error.message.source),
    );
    if let Some(category) = &error.category {
        doc.push_str(&format!("\n\nCategory: `{category}`."));
    }
    if let Some(description) = &error.description {
        doc.push_str("\n\n");
        doc.push_str(description);
    }
    if !error.aliases.is_empty() {
        let aliases: Vec<String> = error.aliases.iter().map(|a| format!("`{a}`")).collect();
        doc.push_str(&format!(
            "\n\nAlso decoded from the old spellings {}.",
            aliases.join(", ")
        ));
    }
    if let Some(url) = &error.doc_url {
        doc.push_str(&format!("\n\nSee <{url}>."));
    }
    doc
}

/// Docs of a code-enum variant.
pub(crate) fn code_variant(error: &ErrorDef) -> String {
    format!("`{}` (HTTP {}).", error.code, error.status)
}

/// Docs of a field: its description, wire name, header, and whether it travels.
pub(crate) fn field(field: &Field) -> String {
    let mut doc = field.description.clone().unwrap_or_default();
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    if field.internal {
        doc.push_str("Internal: never sent to clients, nor shown in the message.");
        return doc;
    }
    let mut places = Vec::new();
    if field.in_details {
        places.push(format!("as `{}` in the details", field.wire));
    }
    if let Some(header) = &field.header {
        places.push(format!("as the `{header}` header"));
    }
    if places.is_empty() {
        doc.push_str("Sent in the message only.");
    } else {
        doc.push_str(&format!("Sent {}.", places.join(" and ")));
    }
    doc
}

/// `text` as a Markdown code span, whatever backticks it holds.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("plain"), "`plain`");
        assert_eq!(
            code_span("lacks the `{scope}` scope"),
            "``lacks the `{scope}` scope``"
        );
        assert_eq!(code_span("`x`"), "`` `x` ``");
    }
}
