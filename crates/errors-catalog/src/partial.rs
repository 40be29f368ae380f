//! What can be read of a catalog that has problems: enough for a code generator to
//! still declare the types, so its user sees the catalog's problems rather than a
//! cascade of errors about names that do not exist.

use std::collections::HashSet;

use crate::draft::Draft;
use crate::model::{ErrorDef, Field};
use crate::naming;

/// The sound part of a catalog with problems.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Partial {
    /// The enum name: the catalog's, when it is a valid name; otherwise `ApiError`.
    pub name: String,
    /// The code enum name.
    pub code_enum: String,
    /// The errors whose code and variant name are sound and unique, with the fields
    /// whose name and type are sound.
    pub errors: Vec<PartialError>,
}

/// An error of a [`Partial`] catalog.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct PartialError {
    /// The code.
    pub code: String,
    /// The variant name.
    pub variant: String,
    /// The sound fields.
    pub fields: Vec<Field>,
}

impl Partial {
    pub(crate) fn from_draft(draft: &Draft) -> Self {
        let name = draft
            .settings
            .name
            .as_ref()
            .map(|(n, _)| n.as_str())
            .filter(|n| naming::is_type_name(n) && !naming::is_keyword(n))
            .unwrap_or("ApiError")
            .to_owned();
        let mut variants = HashSet::new();
        let mut enums: HashSet<String> = [name.clone(), format!("{name}Code")].into();
        let errors = draft
            .errors
            .iter()
            .filter(|e| sound_error(e) && variants.insert(e.variant.as_str()))
            .map(|e| PartialError {
                code: e.code.clone(),
                variant: e.variant.clone(),
                fields: e
                    .fields
                    .iter()
                    .filter(|f| sound_field(f))
                    .map(|f| without_unsound_enum(f, &mut enums))
                    .collect(),
            })
            .collect();
        Partial {
            code_enum: format!("{name}Code"),
            name,
            errors,
        }
    }
}

fn sound_error(e: &ErrorDef) -> bool {
    naming::is_code(&e.code) && !naming::is_reserved_identifier(&e.variant)
}

fn sound_field(f: &Field) -> bool {
    naming::is_field_name(&f.name) && !naming::is_reserved_identifier(&f.name)
}

/// The field, with its enum type only when that enum can be generated: its name is
/// free and every value names a distinct variant. Otherwise the field keeps its wire
/// type (`string`, `field_violations`) alone, so the placeholder still builds.
fn without_unsound_enum(f: &Field, names: &mut HashSet<String>) -> Field {
    let mut field = f.clone();
    if let Some(e) = &f.enum_type {
        let mut variants = HashSet::new();
        let sound = naming::is_type_name(&e.name)
            && !e.values.is_empty()
            && e.values.iter().all(|v| {
                naming::is_type_name(&v.variant)
                    && !naming::is_reserved_identifier(&v.variant)
                    && variants.insert(v.variant.as_str())
            })
            && names.insert(e.name.clone());
        if !sound {
            field.enum_type = None;
        }
    }
    field
}
