//! Comparing a catalog with its contract snapshot: the envelope and categories
//! here, then the service's settings (`service`), the client policy (`policy`) and
//! each code (`codes`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::report::{Change, Findings, Report};
use super::{CodeContract, Contract, codes, evolve, locate, policy, service};
use crate::model::{Catalog, ErrorDef};

/// Compares `catalog` with the contract recorded in `snapshot` (read from the file
/// `snapshot_path`, which names it in findings).
pub fn check(snapshot: &Contract, catalog: &Catalog, snapshot_path: impl AsRef<Path>) -> Report {
    let current = Contract::of(catalog);
    let mut findings = Findings::new(snapshot_path.as_ref(), snapshot.format);
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
    policy::compare(&mut findings, snapshot, &current, catalog);

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
            None => evolve::removed(&mut findings, old, snapshot, &current),
            Some(error) => {
                let new = current_codes[old.code.as_str()];
                codes::compare(&mut findings, old, new, error);
                evolve::aliases(&mut findings, snapshot.format, old, new, error);
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

    findings.into_report()
}
