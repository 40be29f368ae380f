//! The static metadata table: everything the catalog says, as `errors_runtime::meta`
//! values the generated code and generic runtime code read.

use errors_catalog::{Catalog, EnvelopeStyle, HonorRetryAfter, Member, Rejection, RetryClass};
use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::Plan;
use crate::split;
use crate::types::rules;

/// `static __CATALOG: CatalogMeta = ...;`
pub(crate) fn catalog_static(plan: &Plan<'_>) -> TokenStream {
    let rt = &plan.rt;
    let catalog = plan.catalog;
    let name = plan.ident.to_string();
    let envelope = envelope(rt, catalog);
    let retry = &catalog.retry;
    let max_retry_after = retry.max_retry_after_ms;
    let retry_after_statuses: Vec<u16> = retry.retry_after_statuses.iter().collect();
    let (max_attempts, base, cap) = (retry.max_attempts, retry.base_delay_ms, retry.max_delay_ms);
    let honor = match retry.honor_retry_after {
        HonorRetryAfter::Never => quote!(Never),
        HonorRetryAfter::FirstRetry => quote!(FirstRetry),
        HonorRetryAfter::Always => quote!(Always),
    };
    let cb = &catalog.circuit_breaker;
    let (threshold, open_ms, half_open) = (cb.failure_threshold, cb.open_ms, cb.half_open_requests);
    let http = http(rt, catalog);
    let errors: Vec<TokenStream> = catalog
        .errors
        .iter()
        .map(|e| {
            let (code, variant, status, retryable, title) =
                (&e.code, &e.variant, e.status, e.retryable, &e.title);
            let template = &e.message.source;
            let pieces = crate::pieces::pieces(rt, &e.message.pieces);
            let retry_class = match e.retry_class {
                RetryClass::Never => quote!(Never),
                RetryClass::Retryable => quote!(Retryable),
                RetryClass::AfterRefresh => quote!(AfterRefresh),
            };
            // The variant of `GrpcCode` is its Debug name.
            let grpc =
                proc_macro2::Ident::new(&format!("{:?}", e.grpc), proc_macro2::Span::call_site());
            let fields = e.fields.iter().map(|f| field(rt, f));
            // What every code has; the rest only when set, the others taken from
            // `ERROR_META` (struct update syntax: fewer expressions for rustc to check).
            let mut members = vec![quote! {
                code: #code, variant: #variant, status: #status, retryable: #retryable,
                title: #title, template: #template, pieces: #pieces,
                fields: &[#(#fields),*], retry_class: #rt::meta::RetryClass::#retry_class,
                grpc: #rt::meta::GrpcCode::#grpc,
            }];
            let mut set = |name: &str, value: Option<TokenStream>| {
                if let Some(value) = value {
                    let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
                    members.push(quote!(#name: #value,));
                }
            };
            set("category", some(e.category.as_deref()));
            set("description", some(e.description.as_deref()));
            set("doc_url", some(e.doc_url.as_deref()));
            set("param", some(e.param.as_deref()));
            set("deprecated", some(e.deprecated.as_deref()));
            set(
                "deprecation",
                e.deprecation.as_ref().map(|d| {
                    let since = option(d.since.as_deref());
                    let replacement = option(d.replacement.as_deref());
                    let remove_after = option(d.remove_after.as_deref());
                    quote!(::core::option::Option::Some(#rt::meta::DeprecationMeta {
                        since: #since, replacement: #replacement, remove_after: #remove_after,
                    }))
                }),
            );
            let aliases = &e.aliases;
            set("aliases", (!aliases.is_empty()).then(|| quote!(&[#(#aliases),*])));
            set(
                "translations",
                (!e.translations.is_empty()).then(|| {
                    let translations = e.translations.iter().map(|t| {
                        let (locale, template) = (&t.locale, &t.message.source);
                        let pieces = crate::pieces::pieces(rt, &t.message.pieces);
                        quote! {
                            #rt::meta::TranslationMeta { locale: #locale, template: #template, pieces: #pieces }
                        }
                    });
                    quote!(&[#(#translations),*])
                }),
            );
            set(
                "message_by",
                e.message_by.as_ref().map(|by| {
                    let field = &by.field;
                    let templates = by.templates.iter().map(|t| {
                        let (value, template) = (&t.value, &t.template.source);
                        let pieces = crate::pieces::pieces(rt, &t.template.pieces);
                        quote!(#rt::meta::ValueTemplateMeta { value: #value, template: #template, pieces: #pieces })
                    });
                    quote!(::core::option::Option::Some(#rt::meta::MessageByMeta {
                        field: #field, templates: &[#(#templates),*],
                    }))
                }),
            );
            quote! {
                #rt::meta::ErrorMeta { #(#members)* ..#rt::__private::ERROR_META }
            }
        })
        .collect();
    let n = errors.len();
    let ty = quote!(#rt::meta::ErrorMeta);
    let (chunks, init) = split::array("__ERRORS", &ty, &errors);
    let table = quote! {
        #chunks
        static __ERRORS: [#ty; #n] = #init;
    };
    let categories = catalog.categories.iter().map(|c| {
        let cname = &c.name;
        let description = option(c.description.as_deref());
        quote!(#rt::meta::CategoryMeta { name: #cname, description: #description })
    });
    let description = option(catalog.description.as_deref());
    let grpc_domain = &catalog.grpc_domain;
    let statuses = catalog.statuses.iter().map(|s| {
        let (status, text) = (s.status, &s.description);
        quote!(#rt::meta::StatusMeta { status: #status, description: #text })
    });
    let language = &catalog.language;
    let locales = &catalog.locales;
    quote! {
        #table
        static __CATALOG: #rt::meta::CatalogMeta = #rt::meta::CatalogMeta {
            name: #name,
            envelope: #envelope,
            retry: #rt::meta::RetryConfig {
                max_attempts: #max_attempts, base_delay_ms: #base, max_delay_ms: #cap,
                honor_retry_after: #rt::meta::HonorRetryAfter::#honor, max_retry_after_ms: #max_retry_after,
                retry_after_statuses: #rt::meta::StatusSet::of(&[#(#retry_after_statuses),*]),
            },
            circuit_breaker: #rt::meta::CircuitBreakerConfig {
                failure_threshold: #threshold, open_ms: #open_ms, half_open_requests: #half_open,
            },
            http: #http,
            errors: &__ERRORS,
            categories: &[#(#categories),*],
            description: #description,
            statuses: &[#(#statuses),*],
            language: #language,
            locales: &[#(#locales),*],
            grpc_domain: #grpc_domain,
        };
    }
}

fn envelope(rt: &TokenStream, catalog: &Catalog) -> TokenStream {
    let env = &catalog.envelope;
    let style = match env.style {
        EnvelopeStyle::Flat => quote!(Flat),
        EnvelopeStyle::Nested => quote!(Nested),
        EnvelopeStyle::Typed => quote!(Typed),
        EnvelopeStyle::Problem => quote!(Problem),
    };
    let key = |m: Member| env.key(m).unwrap_or("");
    let (success, error, code, message, details) = (
        key(Member::Success),
        key(Member::Error),
        key(Member::Code),
        key(Member::Message),
        key(Member::Details),
    );
    let (request_id, timestamp, type_, param, doc_url) = (
        key(Member::RequestId),
        key(Member::Timestamp),
        key(Member::Type),
        key(Member::Param),
        key(Member::DocUrl),
    );
    let (title, status, detail) = (key(Member::Title), key(Member::Status), key(Member::Detail));
    let instance = key(Member::Instance);
    quote! {
        #rt::meta::EnvelopeMeta {
            style: #rt::EnvelopeStyle::#style,
            keys: #rt::meta::EnvelopeKeys {
                success: #success, error: #error, code: #code, message: #message,
                details: #details, request_id: #request_id, timestamp: #timestamp,
                type_: #type_, param: #param, doc_url: #doc_url, title: #title,
                status: #status, detail: #detail, instance: #instance,
            },
        }
    }
}

/// The `[http]` table, resolved by the catalog crate: an index into `__ERRORS` per
/// rejection and per `[http.status]` entry, and whether the layer writes timestamps.
fn http(rt: &TokenStream, catalog: &Catalog) -> TokenStream {
    let header = &catalog.http.request_id_header;
    let timestamp = catalog.http.timestamp;
    let statuses = catalog
        .http
        .statuses()
        .iter()
        .map(|(status, i)| quote!((#status, #i)));
    let code = |r: Rejection| match catalog.http.code_index(r) {
        Some(i) => quote!(::core::option::Option::Some(#i)),
        None => quote!(::core::option::Option::None),
    };
    let (bad_request, not_found, method_not_allowed) = (
        code(Rejection::BadRequest),
        code(Rejection::NotFound),
        code(Rejection::MethodNotAllowed),
    );
    let (unsupported_media_type, payload_too_large, internal) = (
        code(Rejection::UnsupportedMediaType),
        code(Rejection::PayloadTooLarge),
        code(Rejection::Internal),
    );
    quote! {
        #rt::meta::HttpMeta {
            request_id_header: #header, bad_request: #bad_request, not_found: #not_found,
            method_not_allowed: #method_not_allowed,
            unsupported_media_type: #unsupported_media_type,
            payload_too_large: #payload_too_large, internal: #internal,
            timestamp: #timestamp, statuses: &[#(#statuses),*],
        }
    }
}

/// A `FieldMeta`: name, wire name and type, and what differs from `FIELD_META`.
fn field(rt: &TokenStream, f: &errors_catalog::Field) -> TokenStream {
    let (name, wire) = (&f.name, &f.wire);
    let ty = rules(rt, &f.ty).meta;
    let mut members = vec![quote!(name: #name, wire: #wire, ty: #ty,)];
    if f.optional {
        members.push(quote!(optional: true,));
    }
    if f.internal {
        members.push(quote!(internal: true,));
    }
    if let Some(header) = some(f.header.as_deref()) {
        members.push(quote!(header: #header,));
    }
    if !f.in_details {
        members.push(quote!(in_details: false,));
    }
    if let Some(description) = some(f.description.as_deref()) {
        members.push(quote!(description: #description,));
    }
    let mut values = f.enum_type.iter().flat_map(|e| e.value_strs()).peekable();
    if values.peek().is_some() {
        members.push(quote!(values: &[#(#values),*],));
    }
    quote!(#rt::meta::FieldMeta { #(#members)* ..#rt::__private::FIELD_META })
}

/// `Some("value")`, or nothing to write when unset.
fn some(value: Option<&str>) -> Option<TokenStream> {
    value.map(|v| quote!(::core::option::Option::Some(#v)))
}

fn option(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}
