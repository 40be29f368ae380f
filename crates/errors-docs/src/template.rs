//! Message templates as the reference shows and fills them: `{field}` and
//! `{field:spec}` insert a detail field, `{{` and `}}` are literal braces.

/// A message template, split into literal text and placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The template as written in the catalog.
    pub source: String,
    /// Literal text and placeholders, in order.
    pub parts: Vec<Part>,
}

/// A part of a [`Template`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text copied as it is (`{{` already `{`).
    Text(String),
    /// A detail field to insert.
    Field {
        /// The field's name.
        name: String,
        /// The Rust format spec after `:`, if any (`?`, `>6`, `.1`).
        spec: Option<String>,
    },
}

impl Template {
    /// Splits `source`. The template was validated with its catalog, so an unclosed
    /// `{` cannot occur; if it does, the rest is kept as text.
    ///
    /// ```
    /// use errors_docs::{Part, Template};
    /// let t = Template::parse("{{literal}} {id} in {ms:>6} ms");
    /// assert_eq!(t.fields().collect::<Vec<_>>(), ["id", "ms"]);
    /// assert_eq!(t.parts[0], Part::Text("{literal} ".into()));
    /// ```
    pub fn parse(source: &str) -> Template {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = source;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("{{").or_else(|| rest.strip_prefix("}}")) {
                text.push(c);
                rest = after;
            } else if c == '{'
                && let Some(end) = rest.find('}')
            {
                let inner = &rest[1..end];
                let (name, spec) = match inner.split_once(':') {
                    Some((name, spec)) => (name, Some(spec.to_owned())),
                    None => (inner, None),
                };
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Field {
                    name: name.trim().to_owned(),
                    spec,
                });
                rest = &rest[end + 1..];
            } else {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Template {
            source: source.to_owned(),
            parts,
        }
    }

    /// The names of the fields inserted, in order (a field inserted twice is listed
    /// twice).
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Field { name, .. } => Some(name.as_str()),
            Part::Text(_) => None,
        })
    }

    /// Whether the template inserts no field.
    pub fn is_literal(&self) -> bool {
        self.fields().next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_specs_and_text_are_split() {
        let t = Template::parse("a {{b}} {c:?}{d} }} e");
        assert_eq!(
            t.parts,
            vec![
                Part::Text("a {b} ".into()),
                Part::Field {
                    name: "c".into(),
                    spec: Some("?".into())
                },
                Part::Field {
                    name: "d".into(),
                    spec: None
                },
                Part::Text(" } e".into()),
            ]
        );
        assert!(Template::parse("no fields {{here}}").is_literal());
        assert_eq!(
            Template::parse("open { never closed").parts,
            vec![Part::Text("open { never closed".into())]
        );
    }
}
