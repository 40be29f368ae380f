//! Rust format specs, as a message template writes them after `:` (`{ratio:.2}`,
//! `{id:?}`, `{n:>8}`), parsed once into a value the generated statics can hold.
//!
//! The grammar is `format!`'s, `[[fill]align][sign]['#']['0'][width]['.' precision][type]`,
//! minus argument references (`1$`, `name$`, `.*`), which a template has no use for.

use std::fmt;

/// A parsed format spec. Every field is `Copy`, so generated statics hold it as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormatSpec {
    /// The fill character of the padding, when the spec writes one (see
    /// [`FormatSpec::fill_char`]).
    pub fill: Option<char>,
    /// The alignment inside the width, if the spec gives one.
    pub align: Option<Align>,
    /// `+` or `-`, if written.
    pub sign: Option<Sign>,
    /// `#`: the alternate form (`0x` prefixes, pretty `Debug`).
    pub alternate: bool,
    /// `0`: numbers are zero-padded after their sign.
    pub zero: bool,
    /// The minimum width, in characters.
    pub width: Option<u16>,
    /// The precision: digits of a float, or characters of a string kept.
    pub precision: Option<u16>,
    /// The type at the end of the spec.
    pub kind: FormatKind,
}

/// Where a value sits inside its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    /// `<`
    Left,
    /// `^`
    Center,
    /// `>`
    Right,
}

/// The sign flag of a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// `+`: positive numbers get a `+`.
    Plus,
    /// `-`: accepted by Rust, and changes nothing.
    Minus,
}

/// The type at the end of a spec, which picks the formatting trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatKind {
    /// No type: `Display`.
    Display,
    /// `?`
    Debug,
    /// `x?`: `Debug` with hexadecimal integers.
    DebugLowerHex,
    /// `X?`
    DebugUpperHex,
    /// `x`
    LowerHex,
    /// `X`
    UpperHex,
    /// `o`
    Octal,
    /// `b`
    Binary,
    /// `e`
    LowerExp,
    /// `E`
    UpperExp,
}

/// The formatting trait a placeholder asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatTrait {
    /// No type: `Display`.
    Display,
    /// `?`, `x?` or `X?`: `Debug`.
    Debug,
    /// `x`.
    LowerHex,
    /// `X`.
    UpperHex,
    /// `o`.
    Octal,
    /// `b`.
    Binary,
    /// `e`.
    LowerExp,
    /// `E`.
    UpperExp,
}

impl FormatTrait {
    /// The trait's name, as in `std::fmt`.
    pub fn name(self) -> &'static str {
        match self {
            FormatTrait::Display => "Display",
            FormatTrait::Debug => "Debug",
            FormatTrait::LowerHex => "LowerHex",
            FormatTrait::UpperHex => "UpperHex",
            FormatTrait::Octal => "Octal",
            FormatTrait::Binary => "Binary",
            FormatTrait::LowerExp => "LowerExp",
            FormatTrait::UpperExp => "UpperExp",
        }
    }
}

impl FormatKind {
    /// The type as written: `""` for `Display`, `?`, `x?`, `x`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            FormatKind::Display => "",
            FormatKind::Debug => "?",
            FormatKind::DebugLowerHex => "x?",
            FormatKind::DebugUpperHex => "X?",
            FormatKind::LowerHex => "x",
            FormatKind::UpperHex => "X",
            FormatKind::Octal => "o",
            FormatKind::Binary => "b",
            FormatKind::LowerExp => "e",
            FormatKind::UpperExp => "E",
        }
    }

    /// The formatting trait this type picks.
    pub fn format_trait(self) -> FormatTrait {
        match self {
            FormatKind::Display => FormatTrait::Display,
            FormatKind::Debug | FormatKind::DebugLowerHex | FormatKind::DebugUpperHex => {
                FormatTrait::Debug
            }
            FormatKind::LowerHex => FormatTrait::LowerHex,
            FormatKind::UpperHex => FormatTrait::UpperHex,
            FormatKind::Octal => FormatTrait::Octal,
            FormatKind::Binary => FormatTrait::Binary,
            FormatKind::LowerExp => FormatTrait::LowerExp,
            FormatKind::UpperExp => FormatTrait::UpperExp,
        }
    }

    /// The radix integers are written in: 16, 8, 2 or 10.
    pub fn radix(self) -> u32 {
        match self {
            FormatKind::LowerHex
            | FormatKind::UpperHex
            | FormatKind::DebugLowerHex
            | FormatKind::DebugUpperHex => 16,
            FormatKind::Octal => 8,
            FormatKind::Binary => 2,
            _ => 10,
        }
    }
}

impl FormatSpec {
    /// The empty spec: `Display`, no padding.
    pub const DISPLAY: FormatSpec = FormatSpec {
        fill: None,
        align: None,
        sign: None,
        alternate: false,
        zero: false,
        width: None,
        precision: None,
        kind: FormatKind::Display,
    };

    /// Parses `spec`, the text after `:`; `Err` says what is wrong, for a diagnostic.
    ///
    /// ```
    /// use errors_vocab::format_spec::{Align, FormatKind, FormatSpec};
    /// let spec = FormatSpec::parse("*>8.2e").unwrap();
    /// assert_eq!((spec.fill_char(), spec.align, spec.width), ('*', Some(Align::Right), Some(8)));
    /// assert_eq!((spec.precision, spec.kind), (Some(2), FormatKind::LowerExp));
    /// assert_eq!(spec.to_string(), "*>8.2e");
    /// ```
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::DISPLAY;
        let mut i = 0;
        if let Some(align) = chars.get(1).copied().and_then(align_of) {
            out.fill = Some(chars[0]);
            out.align = Some(align);
            i = 2;
        } else if let Some(align) = chars.first().copied().and_then(align_of) {
            out.align = Some(align);
            i = 1;
        }
        match chars.get(i) {
            Some('+') => out.sign = Some(Sign::Plus),
            Some('-') => out.sign = Some(Sign::Minus),
            _ => {}
        }
        i += usize::from(out.sign.is_some());
        if chars.get(i) == Some(&'#') {
            out.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            out.zero = true;
            i += 1;
        }
        let (width, after) = count(&chars, i, "width")?;
        (out.width, i) = (width, after);
        if chars.get(i) == Some(&'.') {
            let (precision, after) = count(&chars, i + 1, "precision")?;
            let Some(precision) = precision else {
                return Err(if chars.get(i + 1) == Some(&'*') {
                    "`.*` takes the precision from an argument, which a template does not have"
                        .into()
                } else {
                    "`.` must be followed by a precision".into()
                });
            };
            (out.precision, i) = (Some(precision), after);
        }
        let ty: String = chars[i..].iter().collect();
        out.kind = match ty.as_str() {
            "" => FormatKind::Display,
            "?" => FormatKind::Debug,
            "x?" => FormatKind::DebugLowerHex,
            "X?" => FormatKind::DebugUpperHex,
            "x" => FormatKind::LowerHex,
            "X" => FormatKind::UpperHex,
            "o" => FormatKind::Octal,
            "b" => FormatKind::Binary,
            "e" => FormatKind::LowerExp,
            "E" => FormatKind::UpperExp,
            other => {
                return Err(format!(
                    "unknown format type `{other}`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`"
                ));
            }
        };
        Ok(out)
    }

    /// The character padding fills with: the written fill, else a space.
    pub fn fill_char(&self) -> char {
        self.fill.unwrap_or(' ')
    }

    /// Which formatting trait the spec uses.
    pub fn format_trait(&self) -> FormatTrait {
        self.kind.format_trait()
    }

    /// The type at the end of the spec (`x`, `?`, `x?`), or `""` for `Display`.
    pub fn type_str(&self) -> &'static str {
        self.kind.as_str()
    }
}

impl fmt::Display for FormatSpec {
    /// The spec in `format!` syntax, without the leading `:`, as written, except that
    /// widths and precisions lose any leading zeros (`.02` is `.2`): it reads back as
    /// the same spec.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(align) = self.align {
            if let Some(fill) = self.fill {
                write!(f, "{fill}")?;
            }
            f.write_str(match align {
                Align::Left => "<",
                Align::Center => "^",
                Align::Right => ">",
            })?;
        }
        match self.sign {
            Some(Sign::Plus) => f.write_str("+")?,
            Some(Sign::Minus) => f.write_str("-")?,
            None => {}
        }
        if self.alternate {
            f.write_str("#")?;
        }
        if self.zero {
            f.write_str("0")?;
        }
        if let Some(width) = self.width {
            write!(f, "{width}")?;
        }
        if let Some(precision) = self.precision {
            write!(f, ".{precision}")?;
        }
        f.write_str(self.kind.as_str())
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '^' => Some(Align::Center),
        '>' => Some(Align::Right),
        _ => None,
    }
}

/// A run of digits (a width or precision) from `i`, and the index after it; `$` after
/// it would refer to an argument.
fn count(chars: &[char], i: usize, what: &str) -> Result<(Option<u16>, usize), String> {
    let end = chars[i.min(chars.len())..]
        .iter()
        .position(|c| !c.is_ascii_digit())
        .map_or(chars.len(), |p| i + p);
    if end > i && chars.get(end) == Some(&'$') {
        return Err(format!(
            "`{}$` takes the {what} from an argument, which a template does not have",
            chars[i..end].iter().collect::<String>()
        ));
    }
    if end == i
        && chars
            .get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
    {
        // `{x:width$}`: a named argument.
        let name_end = chars[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
            .map_or(chars.len(), |p| i + p);
        if chars.get(name_end) == Some(&'$') {
            return Err(format!(
                "`{}$` takes the {what} from an argument, which a template does not have",
                chars[i..name_end].iter().collect::<String>()
            ));
        }
    }
    if end == i {
        return Ok((None, i));
    }
    // rustc limits widths and precisions to 16 bits.
    let digits: String = chars[i..end].iter().collect();
    match digits.parse::<u16>() {
        Ok(n) => Ok((Some(n), end)),
        Err(_) => Err(format!("the {what} {digits} is larger than 65535")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_follow_the_rust_grammar_and_write_back_as_written() {
        for ok in [
            "", "?", "#?", "x?", "X?", "x", "#X", "o", "b", "e", "E", ">8", "*^10", "+", "08.3",
            ".2", "-<3", "#010b", ">>", "65535", "0", "00", "+#x?", "_<5.1", " >4",
        ] {
            let spec = FormatSpec::parse(ok).unwrap_or_else(|e| panic!("{ok:?}: {e}"));
            assert_eq!(spec.to_string(), ok);
            assert_eq!(FormatSpec::parse(&spec.to_string()), Ok(spec));
        }
        assert_eq!(FormatSpec::parse(" >4").unwrap().fill_char(), ' ');
        assert_eq!(FormatSpec::parse(">4").unwrap().fill_char(), ' ');
        assert_eq!(FormatSpec::parse(".02").unwrap().to_string(), ".2");
    }

    #[test]
    fn the_parts_are_read() {
        let spec = FormatSpec::parse("0>+#08.3x?").unwrap();
        assert_eq!(
            spec,
            FormatSpec {
                fill: Some('0'),
                align: Some(Align::Right),
                sign: Some(Sign::Plus),
                alternate: true,
                zero: true,
                width: Some(8),
                precision: Some(3),
                kind: FormatKind::DebugLowerHex,
            }
        );
        assert_eq!(spec.format_trait(), FormatTrait::Debug);
        assert_eq!(spec.type_str(), "x?");
        assert_eq!(FormatSpec::parse("x<5o").unwrap().type_str(), "o");
        assert_eq!(FormatSpec::parse("x").unwrap().kind.radix(), 16);
        assert_eq!(FormatSpec::parse("").unwrap(), FormatSpec::DISPLAY);
        assert_eq!(FormatTrait::LowerExp.name(), "LowerExp");
    }

    #[test]
    fn argument_references_and_bad_types_are_refused() {
        let err = |s: &str| FormatSpec::parse(s).unwrap_err();
        assert_eq!(
            err("y"),
            "unknown format type `y`; the types are `?`, `x`, `X`, `o`, `b`, `e` and `E`"
        );
        assert_eq!(
            err("1$"),
            "`1$` takes the width from an argument, which a template does not have"
        );
        assert_eq!(
            err("w$"),
            "`w$` takes the width from an argument, which a template does not have"
        );
        assert_eq!(
            err(".*"),
            "`.*` takes the precision from an argument, which a template does not have"
        );
        assert_eq!(
            err(".p$"),
            "`p$` takes the precision from an argument, which a template does not have"
        );
        assert_eq!(err("5."), "`.` must be followed by a precision");
        assert_eq!(err("99999999"), "the width 99999999 is larger than 65535");
    }
}
