//! The `catalog!` entry: read its arguments, find the file, load it, and expand it, or
//! report its problems beside the expansion of what could be read.

use std::path::Path;

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

use crate::expand;
use crate::load::load;
use crate::options::Options;
use crate::written::Written;

/// `"catalog.toml"`, then options: `crate = path`, `client`.
struct Args {
    path: LitStr,
    krate: Option<Written<syn::Path>>,
    client: bool,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                format!(
                    "{err}: `catalog!` takes the path of the catalog file, e.g. `catalog!(\"catalog.toml\")`"
                ),
            )
        })?;
        let mut krate = None;
        let mut client = false;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if input.peek(Token![crate]) {
                let key: Token![crate] = input.parse()?;
                input.parse::<Token![=]>()?;
                // A path, or a string holding one as the derive takes it.
                let value = if input.peek(LitStr) {
                    input.parse::<LitStr>()?.parse()?
                } else {
                    Written::parse_with(input, syn::Path::parse_mod_style)?
                };
                if krate.replace(value).is_some() {
                    return Err(syn::Error::new(key.span, "`crate` is given twice"));
                }
            } else if input.peek(syn::Ident) && input.fork().parse::<syn::Ident>()? == "client" {
                let key: syn::Ident = input.parse()?;
                if std::mem::replace(&mut client, true) {
                    return Err(syn::Error::new(key.span(), "`client` is given twice"));
                }
            } else {
                let unknown: TokenStream = input.parse()?;
                let span = unknown
                    .into_iter()
                    .next()
                    .map_or_else(Span::call_site, |t| t.span());
                return Err(syn::Error::new(
                    span,
                    "unknown option; `catalog!` takes the catalog's path, then optionally `client` (a client's types, without internal fields) and `crate = path::to::errors_runtime`",
                ));
            }
        }
        Ok(Args {
            path,
            krate,
            client,
        })
    }
}

pub(crate) fn catalog_macro(input: TokenStream, source_file: Option<&Path>) -> TokenStream {
    let args: Args = match syn::parse2(input) {
        Ok(args) => args,
        Err(err) => return err.to_compile_error(),
    };
    let mut options = Options::new().client(args.client);
    if let Some(krate) = args.krate {
        options = options.runtime(krate.tokens().clone());
    }
    match load(&args.path, source_file) {
        Ok(catalog) => expand::catalog(&catalog, &options, false),
        Err(failure) => {
            // The same expansion, of what could be read: the user sees the catalog's
            // problems, not unresolved names wherever the types are used.
            let mut out = failure.to_errors(args.path.span());
            out.extend(expand::catalog(&failure.placeholder(), &options, true));
            out
        }
    }
}
