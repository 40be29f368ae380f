//! The expansion beside errors is the real one: a catalog or derived enum with
//! problems expands to the same public items, impls and methods as a valid one, so the
//! two cannot drift apart and code using the types adds no errors of its own.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

const VALID: &str = r#"
[catalog]
envelope = "flat"

[errors.RATE_LIMITED]
status = 429
message = "Retry in {retry_after} seconds."
[errors.RATE_LIMITED.details]
retry_after = { type = "u64", header = "Retry-After" }
limit = "u32?"

[errors.NOT_FOUND]
status = 404
message = "{resource} not found."
[errors.NOT_FOUND.details]
resource = "string"

[errors.INTERNAL_ERROR]
status = 500
message = "An unexpected error occurred."
"#;

/// A catalog file of its own for each test, under the system's temporary directory.
fn catalog_file(name: &str, text: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("errors-codegen-error-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn lit(path: &Path) -> TokenStream {
    let path = path.to_str().unwrap();
    quote!(#path)
}

/// Every public thing the expansion declares: enums with their variants, and per
/// impl (trait or inherent, and type) its public functions, constants and types.
fn public_api(tokens: TokenStream) -> BTreeSet<String> {
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    let mut out = BTreeSet::new();
    collect(&file.items, &mut out);
    out
}

/// The items, with those of `const _: () = { ... };` blocks in place of the block.
fn flatten(items: &[syn::Item]) -> Vec<syn::Item> {
    let mut out = Vec::new();
    for item in items {
        if let syn::Item::Const(c) = item
            && let syn::Expr::Block(block) = &*c.expr
        {
            let inner: Vec<syn::Item> = block
                .block
                .stmts
                .iter()
                .filter_map(|s| match s {
                    syn::Stmt::Item(item) => Some(item.clone()),
                    _ => None,
                })
                .collect();
            out.extend(flatten(&inner));
        } else {
            out.push(item.clone());
        }
    }
    out
}

fn collect(items: &[syn::Item], out: &mut BTreeSet<String>) {
    for item in &flatten(items) {
        match item {
            syn::Item::Enum(e) if matches!(e.vis, syn::Visibility::Public(_)) => {
                out.insert(format!("enum {}", e.ident));
            }
            syn::Item::Impl(i) => {
                let ty = i.self_ty.to_token_stream().to_string();
                let trait_ = i.trait_.as_ref().map_or_else(
                    || "inherent".to_owned(),
                    |(path, _)| path.segments.last().unwrap().ident.to_string(),
                );
                out.insert(format!("impl {trait_} for {ty}"));
                for item in &i.items {
                    let (vis, name) = match item {
                        syn::ImplItem::Fn(f) => (&f.vis, format!("fn {}", f.sig.ident)),
                        syn::ImplItem::Const(c) => (&c.vis, format!("const {}", c.ident)),
                        syn::ImplItem::Type(t) => (&t.vis, format!("type {}", t.ident)),
                        _ => continue,
                    };
                    let public = matches!(vis, syn::Visibility::Public(_)) || i.trait_.is_some();
                    if public {
                        out.insert(format!("{trait_} for {ty}: {name}"));
                    }
                }
            }
            // `__axum_into_response!(...)`: the runtime expands it, the same call in both.
            syn::Item::Macro(m) => {
                out.insert(format!(
                    "macro {}",
                    m.mac.path.segments.last().unwrap().ident
                ));
            }
            _ => {}
        }
    }
}

/// The number of `compile_error!`s, and the expansion without them.
fn without_errors(tokens: TokenStream) -> (usize, TokenStream) {
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    let is_error = |item: &syn::Item| {
        matches!(item, syn::Item::Macro(m)
            if m.mac.path.segments.last().is_some_and(|s| s.ident == "compile_error"))
    };
    let errors = file.items.iter().filter(|i| is_error(i)).count();
    let rest = file.items.iter().filter(|i| !is_error(i));
    (errors, quote!(#(#rest)*))
}

#[test]
fn a_broken_catalog_expands_to_the_same_public_items() {
    let valid = catalog_file("valid.toml", VALID);
    let broken = catalog_file(
        "broken.toml",
        &VALID
            .replace("{retry_after} seconds", "{retry_afer} seconds")
            .replace("status = 404", "status = 4040"),
    );
    let good = errors_codegen::catalog_macro(lit(&valid), None);
    let (errors, _) = without_errors(good.clone());
    assert_eq!(errors, 0);
    let bad = errors_codegen::catalog_macro(lit(&broken), None);
    let (errors, skeleton) = without_errors(bad);
    assert_eq!(errors, 2, "one compile_error! per problem");
    let expected = public_api(good);
    assert!(
        expected.contains("inherent for ApiError: fn catalog"),
        "{expected:#?}"
    );
    assert!(
        expected.contains("Decode for ApiError: fn from_wire"),
        "{expected:#?}"
    );
    assert!(
        expected.contains("FromStr for ApiErrorCode: fn from_str"),
        "{expected:#?}"
    );
    assert_eq!(public_api(skeleton), expected);
}

#[test]
fn a_missing_catalog_file_still_declares_every_item() {
    let valid = catalog_file(
        "valid_for_missing.toml",
        "[errors.X]\nstatus = 400\nmessage = \"x\"\n",
    );
    let good = errors_codegen::catalog_macro(lit(&valid), None);
    let missing = valid.with_file_name("does_not_exist.toml");
    let (errors, skeleton) = without_errors(errors_codegen::catalog_macro(lit(&missing), None));
    assert_eq!(errors, 1);
    // The same items (variants aside: those of a file never read are unknown).
    assert_eq!(public_api(skeleton), public_api(good));
}

fn derive(path: &Path, variants: TokenStream) -> TokenStream {
    let path = lit(path);
    errors_codegen::derive_catalog(
        quote! {
            #[catalog(path = #path)]
            pub enum ApiError { #variants }
        },
        None,
    )
}

#[test]
fn a_derive_with_problems_expands_to_the_same_public_items() {
    let catalog = catalog_file("derive.toml", VALID);
    let good = derive(
        &catalog,
        quote! {
            RateLimited { retry_after: u64, limit: Option<u32> },
            NotFound { resource: String, #[source] cause: std::io::Error },
            InternalError,
        },
    );
    let (errors, _) = without_errors(good.clone());
    assert_eq!(errors, 0);
    // A missing variant, a wrong field type and an unknown variant at once.
    let bad = derive(
        &catalog,
        quote! {
            RateLimited { retry_after: String, limit: Option<u32> },
            NotFound { resource: String, #[source] cause: std::io::Error },
            Gone,
        },
    );
    let (errors, skeleton) = without_errors(bad);
    assert_eq!(errors, 3);
    let expected = public_api(good);
    assert!(
        expected.contains("inherent for ApiError: fn envelope"),
        "{expected:#?}"
    );
    assert!(
        expected.contains("Error for ApiError: fn source"),
        "{expected:#?}"
    );
    assert_eq!(public_api(skeleton), expected);
}

#[test]
fn the_runtime_path_is_the_users_everywhere() {
    let catalog = catalog_file("renamed.toml", VALID);
    let path = lit(&catalog);
    let out = errors_codegen::catalog_macro(quote!(#path, crate = my_errors), None).to_string();
    assert!(!out.contains("errors_runtime"), "{out}");
    assert!(out.contains("my_errors :: CatalogError"), "{out}");
    let derived = errors_codegen::derive_catalog(
        quote! {
            #[catalog(path = #path, crate = "::facade::errors")]
            pub enum ApiError {
                RateLimited { retry_after: u64, limit: Option<u32> },
                NotFound { resource: String },
                InternalError,
            }
        },
        None,
    )
    .to_string();
    assert!(!derived.contains("errors_runtime"), "{derived}");
    assert!(
        derived.contains(":: facade :: errors :: CatalogError"),
        "{derived}"
    );
}

#[test]
fn generated_trait_impls_are_automatically_derived() {
    let catalog = catalog_file("derived_attr.toml", VALID);
    let file: syn::File = syn::parse2(errors_codegen::catalog_macro(lit(&catalog), None)).unwrap();
    let impls: Vec<syn::ItemImpl> = flatten(&file.items)
        .into_iter()
        .filter_map(|item| match item {
            syn::Item::Impl(i) => Some(i),
            _ => None,
        })
        .collect();
    let traits: Vec<_> = impls.iter().filter(|i| i.trait_.is_some()).collect();
    assert!(traits.len() >= 8, "{}", traits.len());
    for i in traits {
        assert!(
            i.attrs
                .iter()
                .any(|a| a.path().is_ident("automatically_derived")),
            "{}",
            i.to_token_stream()
        );
    }
    let inherent = impls
        .iter()
        .filter(|i| i.trait_.is_none() && i.self_ty.to_token_stream().to_string() == "ApiError")
        .count();
    assert_eq!(inherent, 1, "one inherent impl of the error enum");
}
