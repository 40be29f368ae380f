//! A message template's parsed pieces as `errors_runtime::meta::Piece` values, for the
//! static metadata: the runtime decoder and the reference read them, so nothing lexes
//! a template at run time.

use errors_catalog::{Align, FormatKind, FormatSpec, Piece, Sign};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

/// `&[Piece::literal(..), Piece::placeholder(.., None), ..]`.
pub(crate) fn pieces(rt: &TokenStream, pieces: &[Piece]) -> TokenStream {
    let pieces = pieces.iter().map(|piece| match piece {
        Piece::Literal(text) => {
            let text: &str = text;
            quote!(#rt::meta::Piece::literal(#text))
        }
        Piece::Placeholder(p) => {
            let field: &str = &p.field;
            match &p.spec {
                Some(spec) => {
                    let spec = format_spec(rt, spec);
                    quote!(#rt::meta::Piece::placeholder(#field, ::core::option::Option::Some(#spec)))
                }
                None => quote!(#rt::meta::Piece::field(#field)),
            }
        }
    });
    quote!(&[#(#pieces),*])
}

/// A `FormatSpec` literal with the fields that differ from the empty spec, the rest
/// taken from `FormatSpec::DISPLAY` (fewer tokens: most specs set one or two).
fn format_spec(rt: &TokenStream, spec: &FormatSpec) -> TokenStream {
    let some = |value: TokenStream| quote!(::core::option::Option::Some(#value));
    let mut fields = Vec::new();
    if let Some(fill) = spec.fill {
        let value = some(quote!(#fill));
        fields.push(quote!(fill: #value));
    }
    if let Some(align) = spec.align {
        let align = match align {
            Align::Left => quote!(Left),
            Align::Center => quote!(Center),
            Align::Right => quote!(Right),
        };
        let value = some(quote!(#rt::meta::Align::#align));
        fields.push(quote!(align: #value));
    }
    if let Some(sign) = spec.sign {
        let sign = match sign {
            Sign::Plus => quote!(Plus),
            Sign::Minus => quote!(Minus),
        };
        let value = some(quote!(#rt::meta::Sign::#sign));
        fields.push(quote!(sign: #value));
    }
    if spec.alternate {
        fields.push(quote!(alternate: true));
    }
    if spec.zero {
        fields.push(quote!(zero: true));
    }
    if let Some(width) = spec.width {
        let value = some(Literal::u16_unsuffixed(width).into_token_stream());
        fields.push(quote!(width: #value));
    }
    if let Some(precision) = spec.precision {
        let value = some(Literal::u16_unsuffixed(precision).into_token_stream());
        fields.push(quote!(precision: #value));
    }
    if spec.kind != FormatKind::Display {
        let kind = match spec.kind {
            FormatKind::Display => quote!(Display),
            FormatKind::Debug => quote!(Debug),
            FormatKind::DebugLowerHex => quote!(DebugLowerHex),
            FormatKind::DebugUpperHex => quote!(DebugUpperHex),
            FormatKind::LowerHex => quote!(LowerHex),
            FormatKind::UpperHex => quote!(UpperHex),
            FormatKind::Octal => quote!(Octal),
            FormatKind::Binary => quote!(Binary),
            FormatKind::LowerExp => quote!(LowerExp),
            FormatKind::UpperExp => quote!(UpperExp),
        };
        fields.push(quote!(kind: #rt::meta::FormatKind::#kind));
    }
    quote!(#rt::meta::FormatSpec { #(#fields,)* ..#rt::meta::FormatSpec::DISPLAY })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(message: &str) -> String {
        let toml = format!(
            "[errors.X]\nstatus = 400\nmessage = {message:?}\ndetails = {{ a = \"u32\", b = \"string\" }}\n"
        );
        let catalog = errors_catalog::Catalog::from_str("t.toml", &toml).unwrap();
        pieces(&quote!(rt), &catalog.errors[0].message.pieces).to_string()
    }

    #[test]
    fn literals_and_placeholders_become_const_constructors() {
        assert_eq!(
            tokens("{{a}} is {a} and {b}"),
            r#"& [rt :: meta :: Piece :: literal ("{a} is ") , rt :: meta :: Piece :: field ("a") , rt :: meta :: Piece :: literal (" and ") , rt :: meta :: Piece :: field ("b")]"#
        );
    }

    #[test]
    fn a_spec_spells_out_what_differs_from_display() {
        assert!(tokens("{b:?}").ends_with(
            "rt :: meta :: Piece :: placeholder (\"b\" , :: core :: option :: Option :: Some (rt :: meta :: FormatSpec { kind : rt :: meta :: FormatKind :: Debug , .. rt :: meta :: FormatSpec :: DISPLAY }))]"
        ));
    }

    #[test]
    fn a_spec_is_spelled_out() {
        let out = tokens("{a:*>+#08.3x?}");
        for part in [
            "fill : :: core :: option :: Option :: Some ('*')",
            "align : :: core :: option :: Option :: Some (rt :: meta :: Align :: Right)",
            "sign : :: core :: option :: Option :: Some (rt :: meta :: Sign :: Plus)",
            "alternate : true , zero : true",
            ".. rt :: meta :: FormatSpec :: DISPLAY",
            "width : :: core :: option :: Option :: Some (8)",
            "precision : :: core :: option :: Option :: Some (3)",
            "kind : rt :: meta :: FormatKind :: DebugLowerHex",
        ] {
            assert!(out.contains(part), "{part} not in {out}");
        }
    }
}
