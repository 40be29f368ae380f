//! Catalog detail types as Rust types and as runtime metadata.

use errors_catalog::{DetailType, Field};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

/// The Rust type of a field: `u64`, `Option<String>`, `Vec<FieldViolation>`.
pub(crate) fn field_type(field: &Field) -> TokenStream {
    let ty = rust_type(&field.ty);
    if field.optional {
        quote!(::core::option::Option<#ty>)
    } else {
        ty
    }
}

pub(crate) fn rust_type(ty: &DetailType) -> TokenStream {
    match ty {
        DetailType::String => quote!(::std::string::String),
        DetailType::Bool => quote!(bool),
        DetailType::I32 => quote!(i32),
        DetailType::I64 => quote!(i64),
        DetailType::U32 => quote!(u32),
        DetailType::U64 => quote!(u64),
        DetailType::F64 => quote!(f64),
        DetailType::Json => quote!(::errors_runtime::JsonValue),
        DetailType::FieldViolations => {
            quote!(::std::vec::Vec<::errors_runtime::FieldViolation>)
        }
        DetailType::List(inner) => {
            let inner = rust_type(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        // `DetailType` is non-exhaustive; a new type needs a mapping here first.
        other => unreachable!("no Rust type for detail type `{other}`"),
    }
}

/// The `errors_runtime::meta::FieldType` value of a type.
pub(crate) fn meta_type(ty: &DetailType) -> TokenStream {
    let name = match ty {
        DetailType::String => quote!(String),
        DetailType::Bool => quote!(Bool),
        DetailType::I32 => quote!(I32),
        DetailType::I64 => quote!(I64),
        DetailType::U32 => quote!(U32),
        DetailType::U64 => quote!(U64),
        DetailType::F64 => quote!(F64),
        DetailType::Json => quote!(Json),
        DetailType::FieldViolations => quote!(FieldViolations),
        DetailType::List(inner) => {
            let inner = meta_type(inner);
            quote!(List(&#inner))
        }
        other => unreachable!("no metadata for detail type `{other}`"),
    };
    quote!(::errors_runtime::meta::FieldType::#name)
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
