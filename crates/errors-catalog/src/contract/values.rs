//! The values of enum fields and the rules of `field_violations` fields (SPEC 9.3):
//! adding one is compatible, removing or renaming one breaks clients that match on
//! it. Snapshots before format 4 record no values: nothing is compared then.

use super::FieldContract;
use super::report::{Change, Findings};

/// The findings of `old`'s values against `new`'s, for the field of `code`; `at` is
/// where the field is declared now. `recorded` is false for a snapshot format that
/// did not record values.
pub(super) fn compare_values(
    findings: &mut Findings<'_>,
    code: &str,
    old: &FieldContract,
    new: &FieldContract,
    at: &str,
    recorded: bool,
) {
    let name = &new.name;
    match (&old.values, &new.values) {
        (Some(old_values), Some(new_values)) => {
            for value in old_values.iter().filter(|v| !new_values.contains(v)) {
                findings.push(
                    Change::Breaking,
                    Some(code),
                    at.to_owned(),
                    format!(
                        "the value `{value}` of the field `{name}` of `{code}` was removed or renamed: clients built from the snapshot match on it"
                    ),
                );
            }
            for value in new_values.iter().filter(|v| !old_values.contains(v)) {
                findings.push(
                    Change::Compatible,
                    Some(code),
                    at.to_owned(),
                    format!("new value `{value}` of the field `{name}` of `{code}`"),
                );
            }
        }
        (None, Some(new_values)) if recorded => findings.push(
            Change::Breaking,
            Some(code),
            at.to_owned(),
            format!(
                "the field `{name}` of `{code}` now takes only the values {}: clients built from the snapshot may send others",
                new_values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
            ),
        ),
        (Some(_), None) => findings.push(
            Change::Compatible,
            Some(code),
            at.to_owned(),
            format!("the field `{name}` of `{code}` is no longer limited to a list of values"),
        ),
        _ => {}
    }
}
