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

fn parse_type_body(body: &str, whole: &str) -> Result<DetailType, TypeProblem> {
    if let Some(inner) = body.strip_prefix('[') {
        let Some(inner) = inner.strip_suffix(']') else {
            return Err((
                format!("unbalanced `[` in detail type `{whole}`"),
                "a list type is written `[T]`, e.g. `[string]`".into(),
            ));
        };
        let inner = inner.trim();
        if inner.ends_with('?') {
            return Err((
                format!("list elements cannot be optional in `{whole}`"),
                format!(
                    "write `[{}]` for a list, or `[{}]?` for an optional list",
                    inner.trim_end_matches('?'),
                    inner.trim_end_matches('?')
                ),
            ));
        }
        if inner == "field_violations" {
            return Err((
                format!("`{whole}` is a list of lists of violations"),
                "`field_violations` is already a list; write `field_violations`".into(),
            ));
        }
        return Ok(DetailType::List(Box::new(parse_type_body(inner, whole)?)));
    }
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
        format!("detail type `{whole}` has more than one `?`")
    } else {
        format!("unknown detail type `{body}`")
    };
    Err((message, help))
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
            (
                DetailType::List(Box::new(DetailType::List(Box::new(DetailType::U32)))),
                true
            )
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
}
