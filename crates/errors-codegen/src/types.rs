//! Catalog detail types in Rust: the one place that knows, for each type, its Rust
//! type, its runtime metadata, how a user writes it and how a user's type is
//! recognised. One exhaustive `match` ([`rules`]): a new detail type is a compile error
//! here, not a panic or a silent gap elsewhere.

use errors_catalog::{DetailType, EnumKind, Field};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

/// What the generator knows of one detail type.
pub(crate) struct Rules {
    /// The Rust type: `u64`, `::std::vec::Vec<#rt::FieldViolation>`.
    pub(crate) rust: TokenStream,
    /// The runtime's `meta::FieldType` value.
    pub(crate) meta: TokenStream,
    /// The Rust type as a user writes it: `Vec<FieldViolation>`.
    pub(crate) text: String,
    /// How a user's Rust type for it looks.
    pub(crate) syntax: Syntax,
}

/// The syntax of a Rust type that holds a detail type.
pub(crate) enum Syntax {
    /// A path whose last segment is one of these names, without generic arguments.
    Named(&'static [&'static str]),
    /// `Vec<T>`, `T` of this syntax.
    VecOf(Box<Syntax>),
}

/// The rules of `ty`; `rt` is the path of the runtime crate.
pub(crate) fn rules(rt: &TokenStream, ty: &DetailType) -> Rules {
    let scalar = |rust: TokenStream, meta: TokenStream, name: &'static [&'static str]| Rules {
        rust,
        meta: quote!(#rt::meta::FieldType::#meta),
        text: name[0].to_owned(),
        syntax: Syntax::Named(name),
    };
    match ty {
        DetailType::String => scalar(quote!(::std::string::String), quote!(String), &["String"]),
        DetailType::Bool => scalar(quote!(bool), quote!(Bool), &["bool"]),
        DetailType::I32 => scalar(quote!(i32), quote!(I32), &["i32"]),
        DetailType::I64 => scalar(quote!(i64), quote!(I64), &["i64"]),
        DetailType::U32 => scalar(quote!(u32), quote!(U32), &["u32"]),
        DetailType::U64 => scalar(quote!(u64), quote!(U64), &["u64"]),
        DetailType::F64 => scalar(quote!(f64), quote!(F64), &["f64"]),
        DetailType::Json => Rules {
            rust: quote!(#rt::JsonValue),
            meta: quote!(#rt::meta::FieldType::Json),
            text: "serde_json::Value".to_owned(),
            syntax: Syntax::Named(&["Value", "JsonValue"]),
        },
        DetailType::FieldViolations => Rules {
            rust: quote!(::std::vec::Vec<#rt::FieldViolation>),
            meta: quote!(#rt::meta::FieldType::FieldViolations),
            text: "Vec<FieldViolation>".to_owned(),
            syntax: Syntax::VecOf(Box::new(Syntax::Named(&["FieldViolation"]))),
        },
        DetailType::List(inner) => {
            let Rules {
                rust,
                meta,
                text,
                syntax,
            } = rules(rt, inner);
            Rules {
                rust: quote!(::std::vec::Vec<#rust>),
                meta: quote!(#rt::meta::FieldType::List(&#meta)),
                text: format!("Vec<{text}>"),
                syntax: Syntax::VecOf(Box::new(syntax)),
            }
        }
    }
}

/// The Rust type of a field: `u64`, `Option<String>`, `Vec<FieldViolation>`, the
/// generated enum of an enum field, `Vec<FieldViolation<XFieldsRule>>` for a
/// `field_violations` field with `rules`.
pub(crate) fn field_type(rt: &TokenStream, field: &Field) -> TokenStream {
    let ty = match &field.enum_type {
        Some(e) => {
            let name = proc_macro2::Ident::new(&e.name, proc_macro2::Span::call_site());
            match e.kind {
                EnumKind::Rules => quote!(::std::vec::Vec<#rt::FieldViolation<#name>>),
                _ => quote!(#name),
            }
        }
        None => rules(rt, &field.ty).rust,
    };
    if field.optional {
        quote!(::core::option::Option<#ty>)
    } else {
        ty
    }
}

/// The Rust type of a field as a user writes it: `Option<u32>`, `Vec<FieldViolation>`.
pub(crate) fn field_type_text(field: &Field) -> String {
    let ty = match &field.enum_type {
        Some(e) if e.kind == EnumKind::Rules => format!("Vec<FieldViolation<{}>>", e.name),
        Some(e) => e.name.clone(),
        None => rules(&TokenStream::new(), &field.ty).text,
    };
    if field.optional {
        format!("Option<{ty}>")
    } else {
        ty
    }
}

/// Whether a user's Rust type holds a catalog type.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    Yes,
    No,
    /// A type whose name says nothing (an alias): left to the compiler.
    Unknown,
}

/// Whether `ty` is the Rust type of the catalog field's type, judged from its syntax.
pub(crate) fn fits(ty: &Type, expected: &DetailType, optional: bool) -> Fit {
    let syntax = rules(&TokenStream::new(), expected).syntax;
    if optional {
        return match generic_of(ty, "Option") {
            Some(Some(inner)) => fits_syntax(inner, &syntax),
            Some(None) => Fit::No,
            None => unknown_or_no(ty),
        };
    }
    fits_syntax(ty, &syntax)
}

fn fits_syntax(ty: &Type, syntax: &Syntax) -> Fit {
    match syntax {
        Syntax::Named(names) => match last_segment(ty) {
            Some(last)
                if names.iter().any(|n| last.ident == n)
                    && matches!(last.arguments, PathArguments::None) =>
            {
                Fit::Yes
            }
            Some(_) => unknown_or_no(ty),
            None => Fit::No,
        },
        Syntax::VecOf(element) => match generic_of(ty, "Vec") {
            Some(Some(inner)) => fits_syntax(inner, element),
            Some(None) => Fit::No,
            None => unknown_or_no(ty),
        },
    }
}

/// Names the std and catalog types are known by: another of them is a mismatch;
/// anything else may be an alias.
fn unknown_or_no(ty: &Type) -> Fit {
    const KNOWN: &[&str] = &[
        "String",
        "str",
        "bool",
        "i8",
        "i16",
        "i32",
        "i64",
        "i128",
        "isize",
        "u8",
        "u16",
        "u32",
        "u64",
        "u128",
        "usize",
        "f32",
        "f64",
        "char",
        "Vec",
        "Option",
        "Value",
        "JsonValue",
        "FieldViolation",
        "Box",
        "Cow",
        "Arc",
        "Rc",
        "HashMap",
        "BTreeMap",
        "HashSet",
    ];
    match last_segment(ty) {
        Some(seg) if !KNOWN.contains(&seg.ident.to_string().as_str()) => Fit::Unknown,
        _ => Fit::No,
    }
}

/// The last path segment of a type path (`Vec` of `std::vec::Vec<u8>`).
pub(crate) fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

/// For `Wrapper<T>` named `wrapper`: `Some(Some(T))`; `Some(None)` when the wrapper
/// has other arguments; `None` when `ty` is not that wrapper.
pub(crate) fn generic_of<'t>(ty: &'t Type, wrapper: &str) -> Option<Option<&'t Type>> {
    let seg = last_segment(ty)?;
    if seg.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return Some(None);
    };
    let mut types = args.args.iter().filter_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    match (types.next(), types.next()) {
        (Some(t), None) => Some(Some(t)),
        _ => Some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(ty: &str, expected: DetailType, optional: bool) -> Fit {
        fits(&syn::parse_str(ty).unwrap(), &expected, optional)
    }

    #[test]
    fn judges_types_from_their_syntax() {
        assert_eq!(fit("String", DetailType::String, false), Fit::Yes);
        assert_eq!(
            fit("std::string::String", DetailType::String, false),
            Fit::Yes
        );
        assert_eq!(fit("Option<u32>", DetailType::U32, true), Fit::Yes);
        assert_eq!(fit("u32", DetailType::U32, true), Fit::No);
        assert_eq!(fit("Option<u32>", DetailType::U32, false), Fit::No);
        assert_eq!(fit("u32", DetailType::U64, false), Fit::No);
        assert_eq!(fit("&str", DetailType::String, false), Fit::No);
        assert_eq!(
            fit("Vec<FieldViolation>", DetailType::FieldViolations, false),
            Fit::Yes
        );
        assert_eq!(
            fit("Vec<String>", DetailType::FieldViolations, false),
            Fit::No
        );
        let nested = DetailType::List(&DetailType::List(&DetailType::U32));
        assert_eq!(fit("Vec<Vec<u32>>", nested, false), Fit::Yes);
        assert_eq!(fit("Vec<Vec<u64>>", nested, false), Fit::No);
        assert_eq!(fit("serde_json::Value", DetailType::Json, false), Fit::Yes);
        assert_eq!(fit("Seconds", DetailType::U64, false), Fit::Unknown);
        assert_eq!(fit("Option<Seconds>", DetailType::U64, true), Fit::Unknown);
    }

    #[test]
    fn text_is_what_a_user_writes() {
        let rt = TokenStream::new();
        let list = DetailType::List(&DetailType::FieldViolations);
        assert_eq!(rules(&rt, &list).text, "Vec<Vec<FieldViolation>>");
        assert_eq!(rules(&rt, &DetailType::Json).text, "serde_json::Value");
    }
}
