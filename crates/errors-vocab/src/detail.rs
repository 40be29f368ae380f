//! Detail field types: `string`, `u64`, `[T]`, `field_violations`, ...

use std::fmt;

/// The type of a detail field.
///
/// `Copy` and const-constructible, so that the static metadata a service is compiled
/// with holds it: a list names its element by a `&'static` reference. Every list a
/// catalog can write (up to [`DetailType::MAX_LIST_DEPTH`] deep) is a static of this
/// module, reached with [`DetailType::list_of`], so nothing is leaked to build one.
///
/// Exhaustive on purpose: a new type must be handled by every code generator, and a
/// compile error there is what says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailType {
    /// `string`: `String`.
    String,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `f64`: a JSON number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    F64,
    /// `json`: any JSON value.
    Json,
    /// `field_violations`: a list of `{ path, message, rule? }`.
    FieldViolations,
    /// `[T]`: a list of `T`.
    List(&'static DetailType),
}

/// The named types, as a static: the elements of the lists of depth 1.
static NAMED: [DetailType; 9] = DetailType::NAMED;

/// Lists of each named type, `NAMED[i]` wrapped once more than `elements[i]`.
const fn lists_of(elements: &'static [DetailType; 9]) -> [DetailType; 9] {
    [
        DetailType::List(&elements[0]),
        DetailType::List(&elements[1]),
        DetailType::List(&elements[2]),
        DetailType::List(&elements[3]),
        DetailType::List(&elements[4]),
        DetailType::List(&elements[5]),
        DetailType::List(&elements[6]),
        DetailType::List(&elements[7]),
        DetailType::List(&elements[8]),
    ]
}

/// `LISTS[d]` holds the lists of depth `d + 1` of each named type, in the order of
/// [`DetailType::NAMED`]; `LISTS[d][i]`'s element is `LISTS[d - 1][i]`.
macro_rules! list_tables {
    ($first:ident $(, $prev:ident => $next:ident)*) => {
        static $first: [DetailType; 9] = lists_of(&NAMED);
        $(static $next: [DetailType; 9] = lists_of(&$prev);)*
        static LISTS: [&[DetailType; 9]; DetailType::MAX_LIST_DEPTH] = [&$first $(, &$next)*];
    };
}

list_tables!(
    D1, D1 => D2, D2 => D3, D3 => D4, D4 => D5, D5 => D6, D6 => D7, D7 => D8, D8 => D9,
    D9 => D10, D10 => D11, D11 => D12, D12 => D13, D13 => D14, D14 => D15, D15 => D16,
    D16 => D17, D17 => D18, D18 => D19, D19 => D20, D20 => D21, D21 => D22, D22 => D23,
    D23 => D24, D24 => D25, D25 => D26, D26 => D27, D27 => D28, D28 => D29, D29 => D30,
    D30 => D31, D31 => D32
);

impl DetailType {
    /// Every type a catalog spells by a name (all but lists), in the order the format
    /// lists them. Parsing looks names up here, so a type added to the enum is
    /// readable once it has a [`name`](Self::name) and a place in this list.
    pub const NAMED: [DetailType; 9] = [
        DetailType::String,
        DetailType::Bool,
        DetailType::I32,
        DetailType::I64,
        DetailType::U32,
        DetailType::U64,
        DetailType::F64,
        DetailType::Json,
        DetailType::FieldViolations,
    ];

    /// How deep lists may nest: `[[u32]]` is 2. Far beyond any sound catalog, and
    /// far below what would exhaust the stack of code that walks a type.
    pub const MAX_LIST_DEPTH: usize = 32;

    /// The catalog name of a named type (`u64`, `field_violations`); `None` for a
    /// list, which is written `[T]`.
    ///
    /// ```
    /// use errors_vocab::DetailType;
    /// assert_eq!(DetailType::U64.name(), Some("u64"));
    /// assert_eq!(DetailType::List(&DetailType::U64).name(), None);
    /// ```
    pub const fn name(&self) -> Option<&'static str> {
        Some(match self {
            DetailType::String => "string",
            DetailType::Bool => "bool",
            DetailType::I32 => "i32",
            DetailType::I64 => "i64",
            DetailType::U32 => "u32",
            DetailType::U64 => "u64",
            DetailType::F64 => "f64",
            DetailType::Json => "json",
            DetailType::FieldViolations => "field_violations",
            DetailType::List(_) => return None,
        })
    }

    /// The named type called `name`, if there is one.
    ///
    /// ```
    /// use errors_vocab::DetailType;
    /// assert_eq!(DetailType::from_name("json"), Some(DetailType::Json));
    /// assert_eq!(DetailType::from_name("[u64]"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<DetailType> {
        DetailType::NAMED
            .into_iter()
            .find(|ty| ty.name() == Some(name))
    }

    /// The list of `element`, or `None` when it would nest deeper than
    /// [`MAX_LIST_DEPTH`](Self::MAX_LIST_DEPTH).
    ///
    /// ```
    /// use errors_vocab::DetailType;
    /// let list = DetailType::list_of(&DetailType::U32).unwrap();
    /// let nested = DetailType::list_of(&list).unwrap();
    /// assert_eq!(nested, DetailType::List(&DetailType::List(&DetailType::U32)));
    /// assert_eq!(nested.to_string(), "[[u32]]");
    /// ```
    pub fn list_of(element: &DetailType) -> Option<DetailType> {
        let (named, depth) = element.innermost();
        let index = DetailType::NAMED.iter().position(|n| n == named)?;
        let element = match depth {
            0 => &NAMED[index],
            _ => &LISTS.get(depth - 1)?[index],
        };
        (depth < DetailType::MAX_LIST_DEPTH).then_some(DetailType::List(element))
    }

    /// The named type at the bottom of the lists, and how many lists wrap it
    /// (`[[u32]]`: `u32`, 2). Walks without recursion.
    pub fn innermost(&self) -> (&DetailType, usize) {
        let mut ty = self;
        let mut depth = 0;
        while let DetailType::List(inner) = ty {
            ty = inner;
            depth += 1;
        }
        (ty, depth)
    }

    /// A single value that fits in an HTTP header: not a list, not JSON.
    pub const fn is_scalar(&self) -> bool {
        !matches!(
            self,
            DetailType::Json | DetailType::FieldViolations | DetailType::List(_)
        )
    }

    /// `u32` or `u64`: what a `Retry-After` field must be.
    pub const fn is_unsigned_integer(&self) -> bool {
        matches!(self, DetailType::U32 | DetailType::U64)
    }

    /// Any integer type.
    pub const fn is_integer(&self) -> bool {
        matches!(
            self,
            DetailType::I32 | DetailType::I64 | DetailType::U32 | DetailType::U64
        )
    }

    /// Whether the Rust type implements `Display`, so a message can insert it.
    pub const fn has_display(&self) -> bool {
        !matches!(self, DetailType::FieldViolations | DetailType::List(_))
    }
}

impl fmt::Display for DetailType {
    /// The catalog spelling: `u64`, `[string]`, `field_violations`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Iterative, like every walk of a type: no depth can exhaust the stack.
        let (named, depth) = self.innermost();
        for _ in 0..depth {
            f.write_str("[")?;
        }
        f.write_str(named.name().unwrap_or_default())?;
        for _ in 0..depth {
            f.write_str("]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names a type's place in [`DetailType::NAMED`]; exhaustive, so a new variant
    /// does not compile until it is given a place (or declared a list).
    fn named_index(ty: &DetailType) -> Option<usize> {
        Some(match ty {
            DetailType::String => 0,
            DetailType::Bool => 1,
            DetailType::I32 => 2,
            DetailType::I64 => 3,
            DetailType::U32 => 4,
            DetailType::U64 => 5,
            DetailType::F64 => 6,
            DetailType::Json => 7,
            DetailType::FieldViolations => 8,
            DetailType::List(_) => return None,
        })
    }

    #[test]
    fn every_named_type_is_listed_once_and_reads_back_by_its_name() {
        let mut names = Vec::new();
        for (i, ty) in DetailType::NAMED.iter().enumerate() {
            assert_eq!(named_index(ty), Some(i), "{ty:?}");
            let name = ty.name().expect("a named type has a name");
            assert_eq!(DetailType::from_name(name).as_ref(), Some(ty));
            assert_eq!(ty.to_string(), name);
            names.push(name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            DetailType::NAMED.len(),
            "two types share a name"
        );
        let list = DetailType::List(&DetailType::List(&DetailType::U32));
        assert_eq!(list.name(), None);
        assert_eq!(list.to_string(), "[[u32]]");
        assert_eq!(DetailType::from_name("[u32]"), None);
    }

    #[test]
    fn every_list_up_to_the_limit_is_a_static() {
        for named in DetailType::NAMED {
            let mut ty = named;
            for depth in 1..=DetailType::MAX_LIST_DEPTH {
                let list = DetailType::list_of(&ty).expect("within the limit");
                assert_eq!(list, DetailType::List(Box::leak(Box::new(ty))));
                assert_eq!(list.innermost(), (&named, depth));
                ty = list;
            }
            assert_eq!(DetailType::list_of(&ty), None, "{ty}");
            let shown = ty.to_string();
            assert!(shown.starts_with(&"[".repeat(32)), "{shown}");
            assert!(shown.ends_with(&"]".repeat(32)), "{shown}");
            assert_eq!(shown.len(), 64 + named.name().unwrap().len());
        }
    }

    #[test]
    fn what_headers_and_messages_can_hold() {
        let list = DetailType::List(&DetailType::U64);
        assert!(DetailType::U64.is_scalar() && DetailType::String.is_scalar());
        assert!(!DetailType::Json.is_scalar() && !list.is_scalar());
        assert!(!DetailType::FieldViolations.is_scalar());
        assert!(DetailType::U32.is_unsigned_integer() && !DetailType::I64.is_unsigned_integer());
        assert!(DetailType::I32.is_integer() && !DetailType::F64.is_integer());
        assert!(DetailType::Json.has_display() && !list.has_display());
        assert!(!DetailType::FieldViolations.has_display());
    }
}
