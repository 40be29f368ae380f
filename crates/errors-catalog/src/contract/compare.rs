//! Comparing a catalog with its contract snapshot: each difference a [`Finding`],
//! breaking or compatible, naming the code and the catalog line.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use super::{CodeContract, Contract, FieldContract, Placement, locate, service};
use crate::model::{Catalog, ErrorDef};

/// Whether a change breaks clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Clients built against the snapshot may fail: the check fails.
    Breaking,
    /// Clients built against the snapshot keep working: the check passes.
    Compatible,
}

/// One difference between a catalog and its snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// Breaking or compatible.
    pub change: Change,
    /// The code concerned, if the change is about one.
    pub code: Option<String>,
    /// Where: `path:line:column` in the catalog, or `path:line` in the snapshot for
    /// what the catalog no longer has.
    pub location: String,
    /// What changed, and what to do about it when it breaks clients.
    pub message: String,
}

impl fmt::Display for Finding {
    /// `location: breaking change: message`, one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.change {
            Change::Breaking => "breaking change",
            Change::Compatible => "compatible change",
        };
        write!(f, "{}: {kind}: {}", self.location, self.message)
    }
}

/// Every difference found, breaking ones first, each group in catalog order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// The differences.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether any change breaks clients.
    pub fn is_breaking(&self) -> bool {
        self.findings.iter().any(|f| f.change == Change::Breaking)
    }

    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.change == Change::Breaking)
    }

    /// Whether the catalog's contract is exactly the snapshot.
    pub fn is_unchanged(&self) -> bool {
        self.findings.is_empty()
    }
}

impl fmt::Display for Report {
    /// One finding a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        Ok(())
    }
}

/// The findings so far, and the snapshot's path that names what it alone has.
pub(super) struct Findings<'a> {
    snapshot: &'a Path,
    out: Vec<Finding>,
    /// The snapshot's format: what it recorded.
    format: u32,
}

impl Findings<'_> {
    pub(super) fn push(
        &mut self,
        change: Change,
        code: Option<&str>,
        location: String,
        message: String,
    ) {
        self.out.push(Finding {
            change,
            code: code.map(str::to_owned),
            location,
            message,
        });
    }

    fn at_snapshot(&self, line: u32) -> String {
        format!("{}:{line}", self.snapshot.display())
    }
}

/// Compares `catalog` with the contract recorded in `snapshot` (read from the file
/// `snapshot_path`, which names it in findings).
pub fn check(snapshot: &Contract, catalog: &Catalog, snapshot_path: impl AsRef<Path>) -> Report {
    let current = Contract::of(catalog);
    let mut findings = Findings {
        snapshot: snapshot_path.as_ref(),
        out: Vec::new(),
        format: snapshot.format,
    };
    let root = locate::setting(catalog, "catalog", "envelope");

    if snapshot.style != current.style {
        findings.push(
            Change::Breaking,
            None,
            root.clone(),
            format!(
                "the envelope style changed from `{}` to `{}`: every client parses the old shape",
                snapshot.style, current.style
            ),
        );
    } else {
        for (member, key) in &snapshot.keys {
            match current.keys.iter().find(|(m, _)| m == member) {
                Some((_, now)) if now != key => findings.push(
                    Change::Breaking,
                    None,
                    root.clone(),
                    format!("the envelope member `{member}` is now sent as `{now}`, not `{key}`"),
                ),
                _ => {}
            }
        }
    }

    service::compare(&mut findings, snapshot, &current, catalog);

    for category in &snapshot.categories {
        if !current.categories.contains(category) {
            findings.push(
                Change::Breaking,
                None,
                root.clone(),
                format!("the category `{category}` was removed; clients may branch on it"),
            );
        }
    }
    for category in &current.categories {
        if !snapshot.categories.contains(category) {
            let at = catalog
                .category(category)
                .map_or_else(|| root.clone(), |c| c.location.to_string());
            findings.push(
                Change::Compatible,
                None,
                at,
                format!("new category `{category}`"),
            );
        }
    }

    // Codes by name: a catalog of thousands of codes is compared in linear time.
    let errors: HashMap<&str, &ErrorDef> = catalog
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e))
        .collect();
    let current_codes: HashMap<&str, &CodeContract> =
        current.codes.iter().map(|c| (c.code.as_str(), c)).collect();
    let snapshot_codes: HashSet<&str> = snapshot.codes.iter().map(|c| c.code.as_str()).collect();
    for old in &snapshot.codes {
        match errors.get(old.code.as_str()).copied() {
            None if old.deprecated => findings.push(
                Change::Compatible,
                Some(&old.code),
                findings.at_snapshot(old.line),
                format!("`{}` was removed, after its deprecation", old.code),
            ),
            None => findings.push(
                Change::Breaking,
                Some(&old.code),
                findings.at_snapshot(old.line),
                format!(
                    "`{}` was removed from the catalog; clients still handle it. Deprecate it first (`deprecated = \"...\"`), re-bless the snapshot, and remove it in a later release",
                    old.code
                ),
            ),
            Some(error) => {
                let new = current_codes[old.code.as_str()];
                compare_code(&mut findings, old, new, error);
            }
        }
    }
    for new in &current.codes {
        if !snapshot_codes.contains(new.code.as_str()) {
            let error = errors[new.code.as_str()];
            findings.push(
                Change::Compatible,
                Some(&new.code),
                error.location.to_string(),
                format!("new code `{}`", new.code),
            );
        }
    }

    let mut out = findings.out;
    out.sort_by_key(|f| f.change != Change::Breaking);
    Report { findings: out }
}

fn compare_code(
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
    if old.retryable != new.retryable {
        findings.push(
            Change::Breaking,
            Some(code),
            here.clone(),
            if new.retryable {
                format!("`{code}` became retryable: clients built from the snapshot never retry it")
            } else {
                format!("`{code}` is no longer retryable: clients built from the snapshot retry it")
            },
        );
    }
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
        compare_template(findings, old, was, error);
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
    let recorded = findings.format >= 3;
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

/// A code with a field sent only in the message: clients read the field back with
/// the template of the snapshot, so any change to it (text or format spec) breaks.
fn compare_template(findings: &mut Findings<'_>, old: &CodeContract, was: &str, error: &ErrorDef) {
    let code = old.code.as_str();
    // A value added since, with its template, is a new value, not a changed template.
    let known = error.message_by.as_ref().and_then(|by| {
        old.fields
            .iter()
            .find(|f| f.name == by.field)
            .and_then(|f| f.values.as_deref())
    });
    let now = error.message_text_of(known);
    if *was == now {
        return;
    }
    let only_in_message = old
        .fields
        .iter()
        .filter(|f| f.placements == [Placement::Message]);
    let respecified = only_in_message.clone().find(|f| {
        spec_of(was, &f.name).is_some_and(|s| spec_of(&now, &f.name).is_some_and(|n| n != s))
    });
    let names: Vec<String> = only_in_message.map(|f| format!("`{}`", f.name)).collect();
    let message = match respecified {
        Some(field) => format!(
            "the format spec of `{}` in the message of `{code}` changed from `{}` to `{}`: clients read the field back from the message with the old one",
            field.name,
            spec_of(was, &field.name).unwrap_or_default(),
            spec_of(&now, &field.name).unwrap_or_default()
        ),
        None => format!(
            "the message template of `{code}` changed from {was:?} to {now:?}: clients read {} back from the message with the old one; send {} in `details` too before changing it",
            names.join(", "),
            if names.len() == 1 { "it" } else { "them" }
        ),
    };
    findings.push(
        Change::Breaking,
        Some(code),
        error.at.message.to_string(),
        message,
    );
}

/// The format spec of the placeholder of `field` in `template` (`""` for none),
/// or `None` when the template does not insert it.
fn spec_of<'t>(template: &'t str, field: &str) -> Option<&'t str> {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let end = after.find('}')?;
        let inner = &after[..end];
        let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
        if name.trim() == field {
            return Some(spec);
        }
        rest = &after[end + 1..];
    }
    None
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
