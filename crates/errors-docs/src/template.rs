//! Message templates as the reference shows and fills them: the text as written and
//! its pieces, parsed once by `errors_vocab::template` when the catalog was read.

use errors_vocab::template::{self, Piece};

/// A message template: the text as written in the catalog, and its pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The template as written in the catalog.
    pub source: String,
    /// Literal text and placeholders, in order.
    pub pieces: Vec<Piece>,
}

impl Template {
    /// Parses `source` with the catalog's grammar. A template that is not valid keeps
    /// the pieces that parse; a catalog has already refused it.
    ///
    /// ```
    /// use errors_docs::{Piece, Template};
    /// let t = Template::parse("{{literal}} {id} in {ms:>6} ms");
    /// assert_eq!(t.fields().collect::<Vec<_>>(), ["id", "ms"]);
    /// assert_eq!(t.pieces[0], Piece::literal("{literal} "));
    /// ```
    pub fn parse(source: &str) -> Template {
        Template {
            source: source.to_owned(),
            pieces: template::parse(source).pieces,
        }
    }

    /// The names of the fields inserted, in order (a field inserted twice is listed
    /// twice).
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        template::placeholders(&self.pieces).map(|p| p.field.as_ref())
    }

    /// Whether the template inserts no field.
    pub fn is_literal(&self) -> bool {
        self.fields().next().is_none()
    }

    /// The literal text with the placeholders left out.
    pub fn literal_text(&self) -> String {
        template::literal_text(&self.pieces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_specs_and_text_are_split() {
        let t = Template::parse("a {{b}} {c:?}{d} }} e");
        assert_eq!(t.fields().collect::<Vec<_>>(), ["c", "d"]);
        assert_eq!(t.pieces[0], Piece::literal("a {b} "));
        assert_eq!(t.pieces[3], Piece::literal(" } e"));
        assert_eq!(t.literal_text(), "a {b}  } e");
        assert!(Template::parse("no fields {{here}}").is_literal());
    }
}
