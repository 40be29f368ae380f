//! Source files and positions: turns the byte offsets the TOML parser reports into
//! the `path:line:column` every diagnostic starts with.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// A position in a catalog file: the path as the catalog was loaded, a 1-based line
/// and a 1-based column counted in characters.
///
/// `Display` prints `path:line:column`, the prefix of every diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    path: Arc<Path>,
    line: u32,
    column: u32,
    /// Load order of the file, then byte offset and length: what sorting and carets use.
    file: u32,
    offset: usize,
    len: usize,
}

impl Location {
    /// The catalog file this position is in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line number.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// 1-based column, in characters.
    pub fn column(&self) -> u32 {
        self.column
    }

    /// Byte offset of this position in its file.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Length in bytes of the source text this position covers (at least 1 where the
    /// file is not empty).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the location covers no text (the start of an empty file, say).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn sort_key(&self) -> (u32, usize) {
        (self.file, self.offset)
    }

    /// A location at the start of a file that could not be read (so has no text).
    pub(crate) fn file_start(path: Arc<Path>, file: u32) -> Self {
        Location {
            path,
            line: 1,
            column: 1,
            file,
            offset: 0,
            len: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// One catalog file's text, with a line index to turn offsets into locations.
#[derive(Debug)]
pub(crate) struct SourceFile {
    pub(crate) path: Arc<Path>,
    pub(crate) text: Arc<str>,
    line_starts: Vec<usize>,
    /// Whether each line is ASCII, so that its columns are byte offsets: a column
    /// costs nothing to find, however long the line and however many diagnostics
    /// it has.
    ascii_lines: Vec<bool>,
    /// Length in bytes of a UTF-8 byte order mark opening the file (0 or 3): it is
    /// no character of line 1, so columns there are counted after it.
    bom: usize,
    order: u32,
}

impl SourceFile {
    pub(crate) fn new(path: Arc<Path>, text: String, order: u32) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ascii_lines = text.split('\n').map(str::is_ascii).collect();
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        SourceFile {
            path,
            text: text.into(),
            line_starts,
            ascii_lines,
            bom,
            order,
        }
    }

    pub(crate) fn order(&self) -> u32 {
        self.order
    }

    /// The location of a byte range of this file.
    pub(crate) fn location(&self, span: std::ops::Range<usize>) -> Location {
        // A span inside the byte order mark is the start of the content.
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len())).max(self.bom);
        let end = span.end.clamp(start, self.text.len());
        let line_index = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = match line_index {
            0 => self.bom,
            _ => self.line_starts[line_index],
        };
        let before = &self.text[line_start..start];
        let column = if self.ascii_lines.get(line_index) == Some(&true) {
            before.len()
        } else {
            before.chars().count()
        } + 1;
        Location {
            path: self.path.clone(),
            line: to_u32(line_index + 1),
            column: to_u32(column),
            file: self.order,
            offset: start,
            len: end - start,
        }
    }

    /// Where the file's content starts: its first byte, or the one after a byte
    /// order mark.
    pub(crate) fn start(&self) -> Location {
        self.location(self.bom..self.bom)
    }

    /// The byte range of the 1-based line `line`, without its line break (nor, on
    /// line 1, a byte order mark).
    pub(crate) fn line_bounds(&self, line: u32) -> std::ops::Range<usize> {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return self.text.len()..self.text.len();
        };
        let start = if index == 0 { self.bom } else { start };
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = start + self.text[start..end].trim_end_matches('\r').len();
        start..end
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(Arc::from(Path::new("c.toml")), text.to_owned(), 0)
    }

    impl SourceFile {
        fn line_text(&self, line: u32) -> &str {
            &self.text[self.line_bounds(line)]
        }
    }

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let f = file("a = 1\nbé = \"x\"\n\nlast");
        assert_eq!(f.location(0..1).to_string(), "c.toml:1:1");
        assert_eq!(f.location(4..5).to_string(), "c.toml:1:5");
        assert_eq!(f.location(6..7).to_string(), "c.toml:2:1");
        // `é` is two bytes but one column.
        assert_eq!(f.location(10..11).to_string(), "c.toml:2:4");
        assert_eq!(f.location(17..21).to_string(), "c.toml:4:1");
        assert_eq!(f.line_text(2), "bé = \"x\"");
        assert_eq!(f.line_text(3), "");
        assert_eq!(f.line_text(9), "");
        assert_eq!(file("a\r\nb").line_text(1), "a");
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let f = file("\u{feff}a = 1\nb = 2");
        assert_eq!(f.location(3..4).to_string(), "c.toml:1:1");
        assert_eq!(f.location(7..8).to_string(), "c.toml:1:5");
        assert_eq!(f.location(0..3).to_string(), "c.toml:1:1");
        assert_eq!(f.location(0..0).offset(), 3);
        assert_eq!(f.location(9..10).to_string(), "c.toml:2:1");
        assert_eq!(f.line_text(1), "a = 1");
        assert_eq!(f.start().offset(), 3);
        assert_eq!(file("a").start().offset(), 0);
        // Only at the start of the file.
        let g = file("a = \"\u{feff}\"");
        assert_eq!(g.location(7..8).to_string(), "c.toml:1:6");
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let f = file("é");
        assert_eq!(f.location(1..2).to_string(), "c.toml:1:1");
        assert_eq!(f.location(50..60).to_string(), "c.toml:1:2");
        assert_eq!(file("").location(0..0).to_string(), "c.toml:1:1");
    }
}
