//! Code generation: the catalog API for the enum of a [`Plan`], shared by `catalog!`
//! and the derive. Logic common to every catalog lives in the runtime; what is
//! generated per variant is only what differs: bindings, literals and wire names.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use errors_catalog::Catalog;

use crate::define;
use crate::fmt::display_body;
use crate::metadata::catalog_static;
use crate::options::Options;
use crate::plan::{Binding, ExtraKind, Plan, VariantPlan};
use crate::split::{self, Arm, Match, On, SPLIT_ABOVE, Split};
use crate::types::generic_of;

/// What `catalog!` generates: the error enum, the code enum and the impls; with
/// `skeleton`, the same items beside errors (see `Plan::skeleton`).
pub(crate) fn catalog(catalog: &Catalog, options: &Options, skeleton: bool) -> TokenStream {
    let mut plan = Plan::from_catalog(catalog, options.runtime_tokens(), Span::call_site());
    plan.skeleton = skeleton;
    if options.is_client() {
        plan.leave_out_internal_fields();
    }
    let mut out = define::error_enum(&plan);
    out.extend(define::code_enum(&plan));
    out.extend(impls(&plan, TokenStream::new()));
    out
}

/// Every impl of the catalog API, in a `const _` block so that helper items stay
/// private to it.
pub(crate) fn impls(plan: &Plan<'_>, extra: TokenStream) -> TokenStream {
    let catalog = catalog_static(plan);
    let code = code_impls(plan);
    let error = error_impls(plan);
    let tracking = track_files(plan);
    // A skeleton's wildcards and `unreachable!()` bodies may be unreachable, and so
    // is everything on an enum without variants.
    let skeleton = (plan.skeleton || plan.uninhabited)
        .then(|| quote!(unreachable_code, unreachable_patterns,));
    quote! {
        #[allow(deprecated, #skeleton clippy::all)]
        const _: () = {
            #catalog
            #code
            #error
            #tracking
            #extra
        };
    }
}

/// Make cargo rebuild the crate when a catalog file changes: `include_bytes!` records
/// each file in the crate's dep-info, on stable Rust.
fn track_files(plan: &Plan<'_>) -> TokenStream {
    let files = plan
        .catalog
        .files
        .iter()
        .filter_map(|path| path.to_str())
        .map(|path| {
            quote!(
                const _: &[u8] = ::core::include_bytes!(#path);
            )
        });
    quote!(#(#files)*)
}

fn code_impls(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let errors = &plan.catalog.errors;
    let n = errors.len();
    let idents = plan.code_variants();
    // `FromStr` is a `match` on the code string, as one would write by hand: rustc
    // lowers it to a dispatch on length and bytes, which measured about twice as fast
    // as a binary search over a sorted table (BENCHMARKS.md).
    let parse = parse_body(plan);
    // Status and retryability in dense tables indexed by the code, as LLVM compiles a
    // hand-written `match` of constants: reading them from the metadata table instead
    // (one `ErrorMeta` per code) measured 6-12% slower than the match. Retryability
    // is a bit set, a `const` so that LLVM sees its words: up to 64 codes, a bit test
    // against an immediate, as a `matches!` compiles (a `static` word was loaded from
    // memory on every call, 5% slower on the bundled catalog).
    let statuses = errors.iter().map(|e| e.status);
    let words = n.div_ceil(64).max(1);
    let mut bits = vec![0u64; words];
    for (i, e) in errors.iter().enumerate() {
        if e.retryable {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    let serde = quote!(#rt::__private::serde);
    quote! {
        static __STATUS: [u16; #n] = [#(#statuses),*];
        const __RETRYABLE: [u64; #words] = [#(#bits),*];

        impl #code {
            /// Every code, in catalog order.
            #vis const ALL: [#code; #n] = [#(#code::#idents),*];

            /// The code as sent on the wire.
            #[inline]
            #vis fn as_str(self) -> &'static str {
                self.meta().code
            }

            /// The HTTP status of this code.
            #[inline]
            #vis fn status(self) -> u16 {
                __STATUS[self as usize]
            }

            /// Whether clients may retry errors of this code.
            #[inline]
            #vis fn is_retryable(self) -> bool {
                let __i = self as usize;
                (__RETRYABLE[__i / 64] >> (__i % 64)) & 1 != 0
            }

            /// Everything the catalog says about this code.
            #[inline]
            #vis fn meta(self) -> &'static #rt::meta::ErrorMeta {
                &__CATALOG.errors[self as usize]
            }
        }

        #[automatically_derived]
        impl #rt::ErrorCode for #code {
            const ALL: &'static [Self] = &#code::ALL;
            #[inline]
            fn meta(self) -> &'static #rt::meta::ErrorMeta {
                #code::meta(self)
            }
            #[inline]
            fn status(self) -> u16 {
                #code::status(self)
            }
            #[inline]
            fn is_retryable(self) -> bool {
                #code::is_retryable(self)
            }
        }

        #[automatically_derived]
        // `UnknownCode` by name, not `Self::Err`: a code `ERR` is a variant `Err`.
        impl ::core::str::FromStr for #code {
            type Err = #rt::UnknownCode;
            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, #rt::UnknownCode> {
                #parse
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.meta().variant)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for #code {
            fn serialize<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'__de> #serde::Deserialize<'__de> for #code {
            fn deserialize<__D: #serde::Deserializer<'__de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                #rt::__private::deserialize_code(deserializer)
            }
        }
    }
}

/// `FromStr`: a `match` on the code string. Past `SPLIT_ABOVE` codes, a chain of
/// functions of `SPLIT_ABOVE` arms, each trying the next when the text is none of its
/// codes: the same comparisons in the same order. (Not chunks of `CHUNK`: a string
/// `match` is cheap to check, and a longer chain is slower to run.)
fn parse_body(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let code = &plan.code_ident;
    let unknown = quote!(::core::result::Result::Err(
        #rt::UnknownCode::new(text)
    ));
    let codes: Vec<(&str, Ident)> = plan
        .catalog
        .errors
        .iter()
        .map(|e| e.code.as_str())
        .zip(plan.code_variants())
        .collect();
    let chunks: Vec<_> = codes.chunks(SPLIT_ABOVE).collect();
    let arms = |chunk: &[(&str, Ident)]| -> Vec<TokenStream> {
        chunk
            .iter()
            .map(|(text, ident)| quote!(#text => #code::#ident))
            .collect()
    };
    if chunks.len() <= 1 {
        let arms = arms(&codes);
        return quote! {
            ::core::result::Result::Ok(match text {
                #(#arms,)*
                _ => return #unknown,
            })
        };
    }
    let names: Vec<_> = (0..chunks.len())
        .map(|i| format_ident!("__catalog_parse_{}", i))
        .collect();
    let helpers = chunks.iter().enumerate().map(|(i, chunk)| {
        let arms = arms(chunk);
        let name = &names[i];
        let rest = match names.get(i + 1) {
            Some(next) => quote!(#next(text)),
            None => quote!(#unknown),
        };
        // `#[inline]` as `from_str`: machine code only where codes are parsed.
        quote! {
            #[inline]
            fn #name(text: &str) -> ::core::result::Result<#code, #rt::UnknownCode> {
                ::core::result::Result::Ok(match text {
                    #(#arms,)*
                    _ => return #rest,
                })
            }
        }
    });
    let first = &names[0];
    quote! {
        #(#helpers)*
        #first(text)
    }
}

fn error_impls(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let code = &plan.code_ident;
    let vis = &plan.vis;
    let (impl_generics, ty_generics, where_clause) = plan.generics.split_for_impl();
    let span = plan.span;

    let code_arms = plan.variants.iter().map(|v| {
        let (variant, code_variant) = (&v.ident, &v.code_ident);
        let pattern = v.pattern(None::<TokenStream>);
        quote!(#ident::#variant #pattern => #code::#code_variant)
    });
    let code_rest = plan.skeleton.then(|| quote!(_ => ::core::unreachable!(),));
    // No variants (a catalog none of whose codes could be read): no value to match.
    let code_body = if plan.uninhabited {
        quote!(match *self {})
    } else {
        quote!(match self { #(#code_arms,)* #code_rest })
    };
    let retry_after = retry_after_body(plan);
    let param = param_body(plan);
    let display = display_body_split(plan, span);
    let headers = visit_body(plan, "headers", quote!(::core::fmt::Display), |f| {
        f.header.as_deref()
    });
    let internals = visit_body(plan, "internals", quote!(::core::fmt::Debug), |f| {
        f.internal.then_some(f.name.as_str())
    });
    let (details_len, write_details) = details_bodies(plan);
    let source = source_impl(plan);
    let from = from_impls(plan);
    let decode = plan.decodable().then(|| decode_impl(plan));
    let views = split::has_views(plan).then(|| split::views(plan));

    // The trait's supertraits must hold for every instantiation of a generic enum.
    let debug_bound =
        (!plan.generics.params.is_empty()).then(|| quote!(where Self: ::core::fmt::Debug));
    let mut bounded = plan.generics.clone();
    if !bounded.params.is_empty() {
        bounded
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Debug));
    }
    let (_, _, debug_where) = bounded.split_for_impl();

    // Every helper of a split `match`, in the one inherent impl.
    let mut helpers: Vec<TokenStream> = Vec::new();
    for split in [
        &retry_after,
        &param,
        &display,
        &headers,
        &internals,
        &details_len,
        &write_details,
    ] {
        helpers.extend(split.helpers.iter().cloned());
    }
    helpers.extend(source.helpers);
    let decode = decode.map(|(decode, decode_helpers)| {
        helpers.extend(decode_helpers);
        decode
    });
    let views = views.map(|views| {
        helpers.extend(views.helpers);
        views.items
    });
    let source = source.item;
    let (retry_after, param, display) = (retry_after.body, param.body, display.body);
    let (headers, internals) = (headers.body, internals.body);
    let (details_len, write_details) = (details_len.body, write_details.body);

    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The stable code of this error.
            #[inline]
            #vis fn code(&self) -> #code {
                #code_body
            }

            /// The HTTP status.
            #[inline]
            #vis fn status(&self) -> u16 {
                self.code().status()
            }

            /// Whether a client may retry the request.
            #[inline]
            #vis fn is_retryable(&self) -> bool {
                self.code().is_retryable()
            }

            /// How long to wait before retrying: the field sent as `Retry-After`, for
            /// codes that have one.
            #vis fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                #retry_after
            }

            /// The value of the field the catalog names as this code's `param`.
            #vis fn param(&self) -> ::core::option::Option<&str> {
                #param
            }

            /// Everything the catalog says about this error's code.
            #[inline]
            #vis fn meta(&self) -> &'static #rt::meta::ErrorMeta {
                self.code().meta()
            }

            /// The whole catalog's metadata.
            #[inline]
            #vis fn catalog() -> &'static #rt::meta::CatalogMeta {
                &__CATALOG
            }

            /// The JSON error envelope, in the catalog's style; add a request id and
            /// timestamp with its builder methods.
            #[inline]
            #vis fn envelope(&self) -> #rt::Envelope<'_, Self> #debug_bound {
                #rt::Envelope::new(self)
            }

            #(#helpers)*
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        #source
        #views

        #[automatically_derived]
        impl #impl_generics #rt::CatalogError for #ident #ty_generics #debug_where {
            type Code = #code;
            const CATALOG: &'static #rt::meta::CatalogMeta = &__CATALOG;

            #[inline]
            fn code(&self) -> #code {
                #ident::code(self)
            }

            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                #ident::retry_after(self)
            }

            fn param(&self) -> ::core::option::Option<&str> {
                #ident::param(self)
            }

            fn for_each_header(&self, __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display)) {
                #headers
            }

            fn for_each_internal(&self, __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Debug)) {
                #internals
            }

            fn details_len(&self) -> usize {
                #details_len
            }

            fn write_details<__M: #rt::__private::serde::ser::SerializeMap>(
                &self,
                __map: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                #write_details
            }
        }

        #decode
        #(#from)*

        // Expands to an `IntoResponse` impl when errors-runtime has its `axum`
        // feature, to nothing otherwise: the user crate need not know.
        #rt::__axum_into_response!({#impl_generics} {#ident #ty_generics} {#debug_where});
    }
}

/// The arm `arm` gives each variant, or `fallback` for those it gives none; just
/// `fallback` when no variant has an arm.
fn match_some<'p>(
    plan: &'p Plan<'_>,
    method: &Match<'_>,
    arm: impl Fn(&'p VariantPlan<'_>) -> Option<Arm>,
    fallback: TokenStream,
) -> Split {
    method.build(
        plan,
        plan.variants.iter().map(arm).collect(),
        Some(fallback),
    )
}

fn retry_after_body(plan: &Plan<'_>) -> Split {
    let method = Match::on_self(
        "retry_after",
        TokenStream::new(),
        quote!(::core::option::Option<::core::time::Duration>),
        TokenStream::new(),
    );
    match_some(
        plan,
        &method,
        |v| {
            let field = v.def.retry_after_field()?;
            let binding = v.binding(&field.name)?;
            let value = if field.optional {
                quote!((*#binding).map(|__s| ::core::time::Duration::from_secs(::core::convert::From::from(__s))))
            } else {
                quote!(::core::option::Option::Some(::core::time::Duration::from_secs(::core::convert::From::from(*#binding))))
            };
            Some(Arm::new(v.pattern([binding]), value))
        },
        quote!(::core::option::Option::None),
    )
}

fn param_body(plan: &Plan<'_>) -> Split {
    let method = Match::on_self(
        "param",
        TokenStream::new(),
        quote!(::core::option::Option<&str>),
        TokenStream::new(),
    );
    match_some(
        plan,
        &method,
        |v| {
            let name = v.def.param.as_deref()?;
            let field = v.def.field(name)?;
            let binding = v.binding(name)?;
            let value = if field.optional {
                quote!(#binding.as_deref())
            } else {
                quote!(::core::option::Option::Some(#binding.as_str()))
            };
            Some(Arm::new(v.pattern([binding]), value))
        },
        quote!(::core::option::Option::None),
    )
}

/// `Display::fmt`: every variant's message template.
fn display_body_split(plan: &Plan<'_>, span: Span) -> Split {
    let method = Match::on_self(
        "fmt",
        quote!(__f: &mut ::core::fmt::Formatter<'_>),
        quote!(::core::fmt::Result),
        quote!(__f),
    );
    let arms = plan
        .variants
        .iter()
        .map(|v| Some(display_arm(v, span)))
        .collect();
    method.build(plan, arms, None)
}

fn display_arm(v: &VariantPlan<'_>, span: Span) -> Arm {
    let used: Vec<_> = v
        .def
        .message
        .placeholders()
        .map(|p| p.field.as_ref())
        .collect();
    let bindings = v
        .fields
        .iter()
        .filter(|b| used.contains(&b.field.name.as_str()))
        .map(|b| &b.ident);
    let body = display_body(&v.def.message, span, |name| {
        v.binding(name)
            .cloned()
            .unwrap_or_else(|| Ident::new("__missing", span))
    });
    Arm::new(v.pattern(bindings), body)
}

/// A `match` calling `__visit(name, value)` for each field `key` names (its header,
/// or its own name for internal fields), skipping absent optional ones; the values
/// are passed as `&dyn #visitor`, and `name` tells apart the two methods' helpers.
fn visit_body(
    plan: &Plan<'_>,
    name: &str,
    visitor: TokenStream,
    key: impl Fn(&errors_catalog::Field) -> Option<&str>,
) -> Split {
    let method = Match::on_self(
        name,
        quote!(__visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn #visitor)),
        quote!(()),
        quote!(__visit),
    );
    match_some(
        plan,
        &method,
        |v| {
            let visited: Vec<_> = v
                .fields
                .iter()
                .filter_map(|b| Some((b, key(b.field)?)))
                .collect();
            if visited.is_empty() {
                return None;
            }
            let bindings = visited.iter().map(|(b, _)| &b.ident);
            let visits = visited.iter().map(|(b, name)| {
                let binding = &b.ident;
                if b.field.optional {
                    quote! {
                        if let ::core::option::Option::Some(__value) = #binding {
                            __visit(#name, __value);
                        }
                    }
                } else {
                    quote!(__visit(#name, #binding);)
                }
            });
            Some(Arm::new(v.pattern(bindings), quote!({ #(#visits)* })))
        },
        quote!({}),
    )
}

/// `details_len` and `write_details`: the public fields, wire-named, optional ones
/// only when set.
fn details_bodies(plan: &Plan<'_>) -> (Split, Split) {
    let rt = &plan.rt;
    let len_method = Match::on_self(
        "details_len",
        TokenStream::new(),
        quote!(usize),
        TokenStream::new(),
    );
    let len = match_some(
        plan,
        &len_method,
        |v| {
            let public = v.detail_fields()?;
            let required = public.iter().filter(|b| !b.field.optional).count();
            let optional: Vec<_> = public
                .iter()
                .filter(|b| b.field.optional)
                .map(|b| &b.ident)
                .collect();
            let counted = optional.iter().map(|o| quote!(+ (#o.is_some() as usize)));
            Some(Arm::new(
                v.pattern(&optional),
                quote!(#required #(#counted)*),
            ))
        },
        quote!(0),
    );
    let write_method = Match {
        generics: quote!(<__M: #rt::__private::serde::ser::SerializeMap>),
        ..Match::on_self(
            "write_details",
            quote!(__map: &mut __M),
            quote!(::core::result::Result<(), __M::Error>),
            quote!(__map),
        )
    };
    let write = match_some(
        plan,
        &write_method,
        |v| {
            let public = v.detail_fields()?;
            let bindings = public.iter().map(|b| &b.ident);
            let entries = public.iter().map(|b| {
                let wire = &b.field.wire;
                let binding = &b.ident;
                // Plain function calls: fewer tokens than an `if let` per optional
                // field, and no method lookup on `M` for rustc to type-check.
                if b.field.optional {
                    quote!(#rt::__private::entry_if_set(__map, #wire, #binding)?;)
                } else {
                    quote!(#rt::__private::entry(__map, #wire, #binding)?;)
                }
            });
            Some(Arm::new(
                v.pattern(bindings),
                quote!({
                    #(#entries)*
                    ::core::result::Result::Ok(())
                }),
            ))
        },
        quote!(::core::result::Result::Ok(())),
    );
    (len, write)
}

/// A trait impl and the helpers of its split `match`, which go in the enum's one
/// inherent impl.
struct WithHelpers {
    item: TokenStream,
    helpers: Vec<TokenStream>,
}

/// `std::error::Error`, with `source()` returning `#[source]` / `#[from]` fields.
fn source_impl(plan: &Plan<'_>) -> WithHelpers {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let mut generics = plan.generics.clone();
    let mut bounds = Vec::new();
    let mut arms = Vec::new();
    for v in &plan.variants {
        let Some(extra) = v.extras.iter().find(|e| e.kind != ExtraKind::Skip) else {
            arms.push(None);
            continue;
        };
        let member = &extra.member;
        let ty = &extra.ty;
        // An `Option<E>` source is a source only when set (as in thiserror).
        let optional = generic_of(ty, "Option").flatten();
        let error_ty = optional.unwrap_or(ty);
        if mentions_type_param(error_ty, &plan.generics) {
            bounds.push(quote!(#error_ty: ::std::error::Error + 'static));
            generics
                .make_where_clause()
                .predicates
                .push(syn::parse_quote!(#error_ty: ::std::error::Error + 'static));
        }
        // Method syntax so that `Box<dyn Error + Send + Sync>` derefs to its error.
        let value = if optional.is_some() {
            quote_spanned! {ty_span(ty)=>
                __source.as_ref().map(|__source| {
                    use #rt::__private::AsDynError as _;
                    __source.as_dyn_error()
                })
            }
        } else {
            quote_spanned! {ty_span(ty)=>
                ::core::option::Option::Some({
                    use #rt::__private::AsDynError as _;
                    __source.as_dyn_error()
                })
            }
        };
        arms.push(Some(Arm::new(
            v.pattern([quote!(#member: __source)]),
            value,
        )));
    }
    if !plan.generics.params.is_empty() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    if arms.iter().all(Option::is_none) {
        return WithHelpers {
            item: quote! {
                #[automatically_derived]
                impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}
            },
            helpers: Vec::new(),
        };
    }
    let output = quote!(::core::option::Option<&(dyn ::std::error::Error + 'static)>);
    let method = Match {
        bounds: (!bounds.is_empty()).then(|| quote!(where #(#bounds),*)),
        ..Match::on_self(
            "source",
            TokenStream::new(),
            output.clone(),
            TokenStream::new(),
        )
    };
    let Split { body, helpers } =
        method.build(plan, arms, Some(quote!(::core::option::Option::None)));
    WithHelpers {
        item: quote! {
            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
                fn source(&self) -> #output {
                    #body
                }
            }
        },
        helpers,
    }
}

/// Whether `ty` names one of the enum's type parameters, so needs a bound.
fn mentions_type_param(ty: &syn::Type, generics: &syn::Generics) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => params.contains(&&i),
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), params),
            _ => false,
        })
    }
    let params: Vec<_> = generics.type_params().map(|p| &p.ident).collect();
    !params.is_empty() && walk(quote!(#ty), &params)
}

fn ty_span(ty: &syn::Type) -> Span {
    use syn::spanned::Spanned;
    ty.span()
}

/// `Variant { fields }`, or `Variant` for a unit variant: a value of the enum.
fn construct(plan: &Plan<'_>, v: &VariantPlan<'_>, fields: Vec<TokenStream>) -> TokenStream {
    let (ident, variant) = (&plan.ident, &v.ident);
    let fields = v.braced(fields);
    quote!(#ident::#variant #fields)
}

/// `From<Source>` for each source type of a `#[from]` field (the field's own type,
/// or each type `#[from(...)]` lists, converted with `From::from`); a type listed with
/// `=> classify` is first offered to that function, whose `Some(error)` wins. The
/// variant's other fields get their `#[catalog(default)]`, `None` when optional,
/// `Default::default()` when skipped, which the derive checked.
fn from_impls(plan: &Plan<'_>) -> Vec<TokenStream> {
    let ident = &plan.ident;
    let (impl_generics, ty_generics, where_clause) = plan.generics.split_for_impl();
    let mut out = Vec::new();
    for v in &plan.variants {
        let Some(from) = v.extras.iter().find(|e| e.kind == ExtraKind::From) else {
            continue;
        };
        let member = &from.member;
        let others: Vec<TokenStream> = v
            .fields
            .iter()
            .map(|b| {
                let binding = &b.ident;
                match &b.default {
                    Some(value) => quote!(#binding: #value),
                    None => quote!(#binding: ::core::option::Option::None),
                }
            })
            .chain(
                v.extras
                    .iter()
                    .filter(|e| e.kind != ExtraKind::From)
                    .map(|e| {
                        let m = &e.member;
                        match &e.default {
                            Some(value) => quote!(#m: #value),
                            None => quote!(#m: ::core::default::Default::default()),
                        }
                    }),
            )
            .collect();
        let sources: Vec<(&syn::Type, Option<&syn::Path>, TokenStream)> =
            if from.from_types.is_empty() {
                vec![(&from.ty, None, quote!(source))]
            } else {
                from.from_types
                    .iter()
                    .map(|t| {
                        (
                            &t.ty,
                            t.classify.as_ref(),
                            quote!(::core::convert::From::from(source)),
                        )
                    })
                    .collect()
            };
        for (ty, classify, value) in sources {
            let fields = std::iter::once(quote!(#member: #value))
                .chain(others.iter().cloned())
                .collect();
            // A skeleton's variant may lack fields the enum has: nothing is built.
            let body = if plan.skeleton {
                quote!(::core::unreachable!())
            } else {
                construct(plan, v, fields)
            };
            let route = classify.map(|classify| {
                quote_spanned! {classify_span(classify)=>
                    if let ::core::option::Option::Some(__routed) = #classify(&source) {
                        return __routed;
                    }
                }
            });
            out.push(quote_spanned! {ty_span(ty)=>
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(source: #ty) -> Self {
                        #route
                        #body
                    }
                }
            });
        }
    }
    out
}

fn classify_span(path: &syn::Path) -> Span {
    use syn::spanned::Spanned;
    path.span()
}

/// `Decode`: rebuild each variant from its wire details.
fn decode_impl(plan: &Plan<'_>) -> (TokenStream, Vec<TokenStream>) {
    let rt = &plan.rt;
    let ident = &plan.ident;
    let code = &plan.code_ident;
    let mut generics = plan.generics.clone();
    let mut bounds = Vec::new();
    if !generics.params.is_empty() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Debug));
    }
    for v in &plan.variants {
        for extra in &v.extras {
            let ty = &extra.ty;
            bounds.push(quote!(#ty: ::core::default::Default));
            generics
                .make_where_clause()
                .predicates
                .push(syn::parse_quote!(#ty: ::core::default::Default));
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let arms = plan
        .variants
        .iter()
        .map(|v| {
            let fields = v.fields.iter().map(|b| {
                let binding = &b.ident;
                let wire = &b.field.wire;
                let name = &b.field.name;
                let value = match (b.field.internal, b.field.in_details, b.field.optional) {
                    (true, _, _) => quote!(::core::default::Default::default()),
                    (false, true, true) => {
                        quote!(#rt::__private::optional(__details, #wire, __error))
                    }
                    (false, true, false) => {
                        quote!(#rt::__private::required(__details, #wire, __error))
                    }
                    // Sent in the message or a header only: read back from there.
                    (false, false, true) => {
                        quote!(#rt::__private::recovered_optional(__details, #name, __error))
                    }
                    (false, false, false) => {
                        quote!(#rt::__private::recovered(__details, #name, __error))
                    }
                };
                quote!(#binding: #value)
            });
            let extras = v.extras.iter().map(|e| {
                let m = &e.member;
                quote!(#m: ::core::default::Default::default())
            });
            Some(Arm::new(
                TokenStream::new(),
                construct(plan, v, fields.chain(extras).collect()),
            ))
        })
        .collect();
    let method = Match {
        name: "from_wire",
        generics: TokenStream::new(),
        inputs: quote! {
            __code: #code,
            __details: &#rt::WireDetails<'_>,
            __error: &mut ::core::option::Option<#rt::DecodeError>,
        },
        output: quote!(Self),
        args: quote!(__code, __details, __error),
        on: On::Code {
            code: code.clone(),
            scrutinee: quote!(__code),
        },
        // As `from_wire` itself, below.
        inline: true,
        bounds: (!bounds.is_empty()).then(|| quote!(where #(#bounds),*)),
    };
    // A skeleton's variants may lack fields the enum has: nothing is built.
    let Split { body, helpers } = if plan.skeleton {
        Split {
            body: quote!(::core::unreachable!()),
            helpers: Vec::new(),
        }
    } else {
        method.build(plan, arms, None)
    };
    let item = quote! {
        #[automatically_derived]
        impl #impl_generics #rt::Decode for #ident #ty_generics #where_clause {
            // Only clients decode: `#[inline]` leaves the machine code of this large
            // function to the crates that call it, instead of every crate that defines
            // a catalog (BENCHMARKS.md: about 0.7 s of LLVM time at 1,000 codes).
            #[inline]
            fn from_wire(
                __code: #code,
                __details: #rt::WireDetails<'_>,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                let mut __slot = ::core::option::Option::None;
                let __value = {
                    let (__details, __error) = (&__details, &mut __slot);
                    #body
                };
                match __slot {
                    ::core::option::Option::None => ::core::result::Result::Ok(__value),
                    ::core::option::Option::Some(__error) => ::core::result::Result::Err(__error),
                }
            }
        }
    };
    (item, helpers)
}

impl<'c> VariantPlan<'c> {
    /// The bindings of the fields sent in `details`; `None` when there are none.
    fn detail_fields(&self) -> Option<Vec<&Binding<'c>>> {
        let sent: Vec<_> = self.fields.iter().filter(|b| b.field.in_details).collect();
        (!sent.is_empty()).then_some(sent)
    }

    /// The binding of the catalog field `name`.
    pub(crate) fn binding(&self, name: &str) -> Option<&Ident> {
        self.fields
            .iter()
            .find(|b| b.field.name == name)
            .map(|b| &b.ident)
    }
}
