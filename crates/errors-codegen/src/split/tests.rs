use super::*;
use errors_catalog::Catalog;
use proc_macro2::Span;

fn catalog(n: usize) -> Catalog {
    let mut toml = String::new();
    for i in 0..n {
        toml.push_str(&format!("[errors.E{i}]\nstatus = 400\nmessage = \"m\"\n"));
    }
    Catalog::from_str("catalog.toml", &toml).unwrap()
}

fn method() -> Match<'static> {
    Match::on_self("fmt", TokenStream::new(), quote!(u32), TokenStream::new())
}

fn arms(n: usize, with: impl Fn(usize) -> bool) -> Vec<Option<Arm>> {
    (0..n)
        .map(|i| with(i).then(|| Arm::new(quote!({ .. }), quote!(#i))))
        .collect()
}

#[test]
fn up_to_split_above_is_one_match() {
    let catalog = catalog(SPLIT_ABOVE);
    let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
    assert!(!has_views(&plan));
    let split = method().build(&plan, arms(SPLIT_ABOVE, |_| true), None);
    assert!(split.helpers.is_empty());
    let body = split.body.to_string();
    assert!(
        body.starts_with("match self { ApiError :: E0 { .. } => 0usize ,"),
        "{body}"
    );
    // Every variant has an arm: no wildcard to warn about.
    assert!(!body.contains("_ =>"), "{body}");
}

#[test]
fn some_arms_get_the_fallback() {
    let catalog = catalog(3);
    let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
    let split = method().build(&plan, arms(3, |i| i == 1), Some(quote!(7)));
    assert!(split.helpers.is_empty());
    assert_eq!(
        split.body.to_string(),
        "match self { ApiError :: E1 { .. } => 1usize , _ => 7 , }"
    );
    let none = method().build(&plan, arms(3, |_| false), Some(quote!(7)));
    assert_eq!(none.body.to_string(), "7");
}

#[test]
fn past_split_above_dispatches_on_the_code_to_helpers_on_views() {
    // 17 chunks, the last of 5 variants; the second has no arm, so it gets no
    // helper and falls through to the fallback.
    let n = SPLIT_ABOVE + 5;
    let catalog = catalog(n);
    let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
    assert!(has_views(&plan));
    let with = |i: usize| !(CHUNK..2 * CHUNK).contains(&i) && i != 3;
    let split = method().build(&plan, arms(n, with), Some(quote!(0)));
    assert_eq!(split.helpers.len(), 16);
    let body = split.body.to_string();
    assert!(
        body.starts_with("match (Self :: code (self)) as usize / 64usize {"),
        "{body}"
    );
    assert!(
        body.contains("0usize => Self :: __catalog_fmt_0 (self ,)"),
        "{body}"
    );
    assert!(
        body.contains("16usize => Self :: __catalog_fmt_16 (self ,)"),
        "{body}"
    );
    assert!(!body.contains("__catalog_fmt_1 "), "{body}");
    // A chunk with every arm matches its view exhaustively.
    let last = split.helpers[15].to_string();
    assert!(
        last.contains("fn __catalog_fmt_16 (& self ,) -> u32"),
        "{last}"
    );
    assert!(
        last.contains("match Self :: __catalog_view_16 (self) {"),
        "{last}"
    );
    assert_eq!(last.matches("__CatalogView16 :: E").count(), 5, "{last}");
    assert!(
        last.contains("__CatalogView16 :: E1028 { .. } => 1028usize"),
        "{last}"
    );
    assert!(!last.contains("_ =>"), "{last}");
    // One without E3 gets the fallback for it.
    let first = split.helpers[0].to_string();
    assert!(!first.contains(":: E3 "), "{first}");
    assert!(first.ends_with("_ => 0 , } }"), "{first}");
}

#[test]
fn without_views_helpers_match_on_self() {
    let n = SPLIT_ABOVE + 1;
    let catalog = catalog(n);
    let mut plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
    plan.generated = false;
    let split = method().build(&plan, arms(n, |_| true), None);
    let last = split.helpers.last().unwrap().to_string();
    assert!(
        last.contains("match self { ApiError :: E1024 { .. } => 1024usize , _ => :: core :: unreachable ! () , }"),
        "{last}"
    );
}

#[test]
fn helpers_on_a_code_match_its_position_in_the_chunk() {
    let n = SPLIT_ABOVE + 2;
    let catalog = catalog(n);
    let plan = Plan::from_catalog(&catalog, quote!(::errors_runtime), Span::call_site());
    let method = Match {
        on: On::Code {
            code: proc_macro2::Ident::new("ApiErrorCode", Span::call_site()),
            scrutinee: quote!(__code),
        },
        ..method()
    };
    let split = method.build(&plan, arms(n, |_| true), None);
    assert!(
        split
            .body
            .to_string()
            .starts_with("match (__code) as usize / 64usize {")
    );
    let last = split.helpers.last().unwrap().to_string();
    assert!(
        last.contains("match (__code) as usize % 64usize { 0usize => 1024usize , 1usize => 1025usize , _ => :: core :: unreachable ! () , }"),
        "{last}"
    );
}

#[test]
fn large_arrays_are_joined_from_padded_chunks() {
    let elements: Vec<_> = (0..SPLIT_ABOVE as u16 + 1).map(|i| quote!(#i)).collect();
    let (items, init) = array("__X", &quote!(u16), &elements);
    let items = items.to_string();
    assert!(
        items.contains("const __X_0 : [u16 ; 64usize] = [0u16 ,"),
        "{items}"
    );
    // The last chunk: one element, then 63 copies of the first.
    assert!(
        items.contains("const __X_16 : [u16 ; 64usize] = [1024u16 , __X_0 [0] ,"),
        "{items}"
    );
    assert_eq!(items.matches("__X_0 [0]").count(), 63);
    assert!(items.contains("const __X_CHUNKS : [[u16 ; 64usize] ; 17usize] = [__X_0 , __X_1 ,"));
    assert!(
        init.to_string()
            .contains("__X_CHUNKS . as_flattened () . first_chunk :: < 1025usize > ()")
    );
    let (none, small) = array("__X", &quote!(u16), &elements[..3]);
    assert!(none.is_empty());
    assert_eq!(small.to_string(), "[0u16 , 1u16 , 2u16]");
}
