//! Prints what `catalog!` expands to for a catalog file, errors included:
//!
//! ```text
//! cargo run -p errors-codegen --example expand -- catalog.toml | rustfmt --edition 2024
//! ```

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: expand <catalog.toml>");
        std::process::exit(2);
    };
    let lit = syn::LitStr::new(&path, proc_macro2::Span::call_site());
    println!(
        "{}",
        errors_codegen::catalog_macro(quote::quote!(#lit), None)
    );
}
