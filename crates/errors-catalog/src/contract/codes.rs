//! One code against its snapshot: status, retryability, category, gRPC code, deprecation, and
//! each public field (wire name, type, optionality, where it is sent).

use std::collections::HashSet;

use super::report::{Change, Findings};
use super::{CodeContract, FieldContract, Placement, template};
use crate::model::ErrorDef;

pub(super) fn compare(
    findings: &mut Findings<'_>,
    old: &CodeContract,
    new: &CodeContract,
    error: &ErrorDef,
) {
    let code = old.code.as_str();
    let here = error.location.to_string();
    if old.status != new.status {
        findings.push(
            Change::Breaking,
            Some(code),
            error.at.status.to_string(),
            format!(
                "the status of `{code}` changed from {} to {}",
                old.status, new.status
            ),
        );
    }
    super::evolve::retry_class(findings, old, new, error);
    if old.category != new.category {
        let at = error
            .at
            .category
            .as_ref()
            .map_or_else(|| here.clone(), ToString::to_string);
        let name =
            |c: &Option<String>| c.as_deref().map_or("none".to_owned(), |c| format!("`{c}`"));
        findings.push(
            Change::Breaking,
            Some(code),
            at,
            format!(
                "the category of `{code}` changed from {} to {}",
                name(&old.category),
                name(&new.category)
            ),
        );
    }
    // A code that follows its status, before and after, changes with the status:
    // that finding says it.
    let follows_status = error.at.grpc.is_none()
        && old.grpc.as_deref() == Some(crate::model::GrpcCode::for_status(old.status).as_str());
    if let (Some(before), Some(now)) = (&old.grpc, &new.grpc)
        && before != now
        && !(follows_status && old.status != new.status)
    {
        // A defaulted code follows the status: point there.
        let at = error
            .at
            .grpc
            .as_ref()
            .unwrap_or(&error.at.status)
            .to_string();
        findings.push(
            Change::Breaking,
            Some(code),
            at,
            format!(
                "the gRPC code of `{code}` changed from {before} to {now}: gRPC clients built from the snapshot handle it as {before}"
            ),
        );
    }
    match (old.deprecated, new.deprecated) {
        (false, true) => findings.push(
            Change::Compatible,
            Some(code),
            here.clone(),
            format!("`{code}` is deprecated"),
        ),
        (true, false) => findings.push(
            Change::Compatible,
            Some(code),
            here.clone(),
            format!("`{code}` is no longer deprecated"),
        ),
        _ => {}
    }

    if let Some(was) = &old.template {
        template::compare(findings, old, was, error);
        template::compare_translations(findings, old, error);
    }

    let mut matched = HashSet::new();
    for old_field in &old.fields {
        // The same field: by name, or by wire name when only the Rust name changed.
        let same = new
            .fields
            .iter()
            .find(|f| f.name == old_field.name)
            .or_else(|| {
                new.fields.iter().find(|f| {
                    f.wire == old_field.wire
                        && f.placements.contains(&Placement::Details)
                        && old_field.placements.contains(&Placement::Details)
                        && old.fields.iter().all(|o| o.name != f.name)
                })
            });
        let Some(new_field) = same else {
            let internal = error.field(&old_field.name).filter(|f| f.internal);
            let (at, why) = match internal {
                Some(field) => (
                    field.location.to_string(),
                    "became internal: it is no longer sent",
                ),
                None => (here.clone(), "was removed or renamed"),
            };
            findings.push(
                Change::Breaking,
                Some(code),
                at,
                format!(
                    "the field `{}` of `{code}` ({}) {why}",
                    old_field.name,
                    describe(old_field)
                ),
            );
            continue;
        };
        matched.insert(new_field.name.clone());
        let at = error
            .field(&new_field.name)
            .map_or_else(|| here.clone(), |f| f.location.to_string());
        compare_field(findings, code, old_field, new_field, at);
    }
    for new_field in &new.fields {
        if matched.contains(&new_field.name) {
            continue;
        }
        let at = error
            .field(&new_field.name)
            .map_or_else(|| here.clone(), |f| f.location.to_string());
        if new_field.optional {
            findings.push(
                Change::Compatible,
                Some(code),
                at,
                format!("new optional field `{}` of `{code}`", new_field.name),
            );
        } else {
            findings.push(
                Change::Breaking,
                Some(code),
                at,
                format!(
                    "`{code}` has a new required field `{}`: responses from a service built from the snapshot lack it; make it optional (`\"{}?\"`)",
                    new_field.name, new_field.ty
                ),
            );
        }
    }
}

fn compare_field(
    findings: &mut Findings<'_>,
    code: &str,
    old: &FieldContract,
    new: &FieldContract,
    at: String,
) {
    let name = &new.name;
    if old.name != new.name {
        findings.push(
            Change::Compatible,
            Some(code),
            at.clone(),
            format!(
                "the field `{}` of `{code}` is now called `{name}`, with the same wire name",
                old.name
            ),
        );
    }
    if old.wire != new.wire && old.placements.contains(&Placement::Details) {
        findings.push(
            Change::Breaking,
            Some(code),
            at.clone(),
            format!(
                "the field `{name}` of `{code}` is now sent as `{}`, not `{}`",
                new.wire, old.wire
            ),
        );
    }
    // Values are recorded from format 4 on.
    let recorded = findings.format() >= 4;
    super::values::compare_values(findings, code, old, new, &at, recorded);
    if old.ty != new.ty {
        findings.push(
            Change::Breaking,
            Some(code),
            at.clone(),
            format!(
                "the field `{name}` of `{code}` changed type from `{}` to `{}`",
                old.ty, new.ty
            ),
        );
    }
    match (old.optional, new.optional) {
        (false, true) => findings.push(
            Change::Breaking,
            Some(code),
            at.clone(),
            format!("the field `{name}` of `{code}` became optional: clients built from the snapshot expect it in every response"),
        ),
        (true, false) => findings.push(
            Change::Breaking,
            Some(code),
            at.clone(),
            format!("the field `{name}` of `{code}` became required: responses from a service built from the snapshot may lack it"),
        ),
        _ => {}
    }
    for placement in &old.placements {
        if let Some(now) = respelled(placement, &new.placements) {
            findings.push(
                Change::Compatible,
                Some(code),
                at.clone(),
                format!(
                    "the header `{}` of the field `{name}` of `{code}` is now spelled `{now}`",
                    header_name(placement)
                ),
            );
            continue;
        }
        if !new.placements.iter().any(|p| same_place(p, placement)) {
            findings.push(
                Change::Breaking,
                Some(code),
                at.clone(),
                format!(
                    "the field `{name}` of `{code}` is no longer sent in {}",
                    place(placement)
                ),
            );
        }
    }
    for placement in &new.placements {
        if !old.placements.iter().any(|p| same_place(p, placement)) {
            findings.push(
                Change::Compatible,
                Some(code),
                at.clone(),
                format!(
                    "the field `{name}` of `{code}` is now also sent in {}",
                    place(placement)
                ),
            );
        }
    }
}

/// Whether two placements are the same place; header names compare
/// case-insensitively, as HTTP does.
fn same_place(a: &Placement, b: &Placement) -> bool {
    match (a, b) {
        (Placement::Header(a), Placement::Header(b)) => a.eq_ignore_ascii_case(b),
        _ => a == b,
    }
}

/// The new spelling of a header that only changed case.
fn respelled<'a>(old: &Placement, new: &'a [Placement]) -> Option<&'a str> {
    let Placement::Header(was) = old else {
        return None;
    };
    new.iter().find_map(|p| match p {
        Placement::Header(now) if now != was && now.eq_ignore_ascii_case(was) => Some(now.as_str()),
        _ => None,
    })
}

fn header_name(placement: &Placement) -> &str {
    match placement {
        Placement::Header(name) => name,
        _ => "",
    }
}

fn place(placement: &Placement) -> String {
    match placement {
        Placement::Details => "`details`".to_owned(),
        Placement::Header(name) => format!("the `{name}` header"),
        Placement::Message => "the message".to_owned(),
        Placement::Param => "`param`".to_owned(),
    }
}

fn describe(field: &FieldContract) -> String {
    let places: Vec<String> = field.placements.iter().map(place).collect();
    format!("`{}`, sent in {}", field.ty, places.join(", "))
}
