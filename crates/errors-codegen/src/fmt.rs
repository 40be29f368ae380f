//! Message templates as `Display` code.
//!
//! The template was parsed by the catalog crate into literal text and placeholders;
//! here the literal text is escaped back into a `format_args!` string, so braces a
//! user wrote as `{{` stay literal and nothing inserted at run time is ever read as a
//! format string.

use errors_catalog::{MessageTemplate, Piece};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote_spanned;

/// The body of a `Display` arm for `template`; `bind` gives the binding of a field.
/// The formatter is `__f`.
pub(crate) fn display_body(
    template: &MessageTemplate,
    span: Span,
    bind: impl Fn(&str) -> Ident,
) -> TokenStream {
    if template.is_literal() {
        let text = errors_catalog::literal_text(&template.pieces);
        return quote_spanned!(span=> __f.write_str(#text));
    }
    let mut format = String::with_capacity(template.source.len());
    let mut args = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Literal(text) => {
                for c in text.chars() {
                    match c {
                        '{' => format.push_str("{{"),
                        '}' => format.push_str("}}"),
                        c => format.push(c),
                    }
                }
            }
            Piece::Placeholder(p) => {
                format.push('{');
                if let Some(spec) = &p.spec {
                    format.push(':');
                    format.push_str(&spec.to_string());
                }
                format.push('}');
                args.push(bind(&p.field));
            }
        }
    }
    quote_spanned!(span=> __f.write_fmt(::core::format_args!(#format, #(#args),*)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(message: &str) -> String {
        let toml = format!(
            "[errors.X]\nstatus = 400\nmessage = {message:?}\ndetails = {{ a = \"u32\", b = \"string\" }}\n"
        );
        let catalog = errors_catalog::Catalog::from_str("t.toml", &toml).unwrap();
        let span = Span::call_site();
        display_body(&catalog.errors[0].message, span, |name| {
            Ident::new(name, span)
        })
        .to_string()
    }

    #[test]
    fn literal_braces_are_escaped_back_and_placeholders_become_arguments() {
        assert_eq!(
            body("{{a}} is {a:>4} and {b}}}"),
            r#"__f . write_fmt (:: core :: format_args ! ("{{a}} is {:>4} and {}}}" , a , b))"#
        );
    }

    #[test]
    fn a_literal_message_is_written_as_it_is() {
        assert_eq!(
            body("Literal {{x}}."),
            r#"__f . write_str ("Literal {x}.")"#
        );
    }
}
