//! Parsing detail types: `u64`, `string?`, `[string]`, `[[u32]]?`.

use crate::model::DetailType;
use crate::suggest::did_you_mean;

/// What is wrong with a detail type: the message, and how to fix it.
pub(super) type TypeProblem = (String, String);

/// Parses a detail type; returns the type and whether it ended in `?`.
pub(super) fn parse_type(text: &str) -> Result<(DetailType, bool), TypeProblem> {
    let trimmed = text.trim();
    let (body, optional) = match trimmed.strip_suffix('?') {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let ty = parse_type_body(body, text)?;
    Ok((ty, optional))
}

/// How deep lists may nest: `[[u32]]` is 2.
const MAX_LIST_DEPTH: usize = DetailType::MAX_LIST_DEPTH;

/// A type without its trailing `?`: list layers peeled off one by one (not
/// recursively, so no input can exhaust the stack), then the element's name.
fn parse_type_body(body: &str, whole: &str) -> Result<DetailType, TypeProblem> {
    let mut depth = 0;
    let mut element = body;
    while let Some(inner) = element.strip_prefix('[') {
        let Some(inner) = inner.strip_suffix(']') else {
            return Err((
                format!("unbalanced `[` in detail type `{}`", shown(whole)),
                "a list type is written `[T]`, e.g. `[string]`".into(),
            ));
        };
        let inner = inner.trim();
        if inner.ends_with('?') {
            let inner = shown(inner.trim_end_matches('?'));
            return Err((
                format!("list elements cannot be optional in `{}`", shown(whole)),
                format!("write `[{inner}]` for a list, or `[{inner}]?` for an optional list"),
            ));
        }
        if inner == "field_violations" {
            return Err((
                format!("`{}` is a list of lists of violations", shown(whole)),
                "`field_violations` is already a list; write `field_violations`".into(),
            ));
        }
        depth += 1;
        element = inner;
    }
    if depth > MAX_LIST_DEPTH {
        return Err((
            format!(
                "detail type `{}` nests lists {depth} deep, more than the {MAX_LIST_DEPTH} allowed",
                shown(whole)
            ),
            format!(
                "nest at most {MAX_LIST_DEPTH} lists, e.g. `[[u32]]`; use `json` for data shaped at run time"
            ),
        ));
    }
    let mut ty = named(element, whole)?;
    for _ in 0..depth {
        // Within the depth checked above, every list is one of the vocabulary's.
        ty = DetailType::list_of(&ty).expect("a list within MAX_LIST_DEPTH");
    }
    Ok(ty)
}

/// A named type, such as `u64`.
fn named(body: &str, whole: &str) -> Result<DetailType, TypeProblem> {
    if let Some(ty) = DetailType::from_name(body) {
        return Ok(ty);
    }
    let names = DetailType::NAMED.map(|ty| ty.name().unwrap_or_default());
    let help = match did_you_mean(body, names) {
        Some(similar) => format!("did you mean `{similar}`?"),
        None => format!(
            "the types are {}, `[T]` for a list and a trailing `?` for optional",
            names.join(", ")
        ),
    };
    let message = if body.ends_with('?') {
        format!("detail type `{}` has more than one `?`", shown(whole))
    } else {
        format!("unknown detail type `{}`", shown(body))
    };
    Err((message, help))
}

/// A type as quoted in a message: in full up to 60 characters, else its start.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_types() {
        assert_eq!(parse_type("u64").unwrap(), (DetailType::U64, false));
        assert_eq!(parse_type("string?").unwrap(), (DetailType::String, true));
        assert_eq!(
            parse_type("[[u32]]?").unwrap(),
            (DetailType::List(&DetailType::List(&DetailType::U32)), true)
        );
        assert_eq!(parse_type("strng").unwrap_err().1, "did you mean `string`?");
        assert_eq!(
            parse_type("string??").unwrap_err().0,
            "detail type `string??` has more than one `?`"
        );
        assert_eq!(
            parse_type("[string").unwrap_err().0,
            "unbalanced `[` in detail type `[string`"
        );
        assert_eq!(
            parse_type("[u64?]").unwrap_err().1,
            "write `[u64]` for a list, or `[u64]?` for an optional list"
        );
        assert!(parse_type("[field_violations]").is_err());
        assert!(parse_type("").is_err());
    }

    fn nested(depth: usize) -> String {
        format!("{}u32{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn lists_nest_up_to_the_limit() {
        let (mut ty, _) = parse_type(&nested(MAX_LIST_DEPTH)).unwrap();
        let mut depth = 0;
        while let DetailType::List(inner) = ty {
            ty = *inner;
            depth += 1;
        }
        assert_eq!((depth, ty), (MAX_LIST_DEPTH, DetailType::U32));
        let (message, help) = parse_type(&nested(MAX_LIST_DEPTH + 1)).unwrap_err();
        assert_eq!(
            message,
            format!(
                "detail type `{}…` nests lists 33 deep, more than the 32 allowed",
                &nested(33)[..60]
            )
        );
        assert!(help.starts_with("nest at most 32 lists"), "{help}");
    }

    #[test]
    fn a_type_nested_thousands_deep_is_refused_without_recursion() {
        let (message, _) = parse_type(&format!("{}?", nested(100_000))).unwrap_err();
        assert!(
            message.ends_with("nests lists 100000 deep, more than the 32 allowed"),
            "{message}"
        );
        let (message, _) = parse_type(&"[".repeat(100_000)).unwrap_err();
        assert!(
            message.starts_with("unbalanced `[` in detail type `[[[["),
            "{message}"
        );
        assert!(message.chars().count() < 120, "{message}");
    }
}
