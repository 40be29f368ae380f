//! The stability rules of an evolving catalog (SPEC 9.4): a removed code, which may
//! be a rename; aliases; the retry class.

use super::report::{Change, Findings};
use super::{CodeContract, Contract};
use crate::model::{ErrorDef, RetryClass};

/// A code of the snapshot the catalog no longer has. Old clients never learn a new
/// spelling, so a rename is compatible only as a removal after deprecation: the
/// snapshot marks the old code deprecated with `replacement` = the new code (which
/// the snapshot has), and the new code keeps the old spelling as an alias. A
/// deprecated code without a replacement may go, unless a code now aliases it (a
/// rename the snapshot never announced); formats before 4 record no replacement,
/// and their deprecated codes may go.
pub(super) fn removed(
    findings: &mut Findings<'_>,
    old: &CodeContract,
    snapshot: &Contract,
    current: &Contract,
) {
    let code = old.code.as_str();
    let at = findings.at_snapshot(old.line);
    let heir = current.codes.iter().find(|c| c.aliases.contains(&old.code));
    let in_snapshot = |name: &str| snapshot.codes.iter().any(|c| c.code == name);
    let (change, message) = match (old.deprecated, &old.replacement, heir) {
        (true, Some(new), Some(heir)) if *new == heir.code && in_snapshot(new) => (
            Change::Compatible,
            format!(
                "`{code}` was renamed to `{new}` after its deprecation; `{new}` decodes `{code}` as an alias"
            ),
        ),
        (true, Some(new), _) if !in_snapshot(new) => (
            Change::Breaking,
            format!(
                "`{code}` was removed, but its replacement `{new}` is not in the snapshot: clients built from it never learn the new spelling. Keep `{code}` until a snapshot with `{new}` is blessed"
            ),
        ),
        (true, Some(new), heir) => (
            Change::Breaking,
            format!(
                "`{code}` was removed, but its replacement `{new}` does not keep `{code}` as an alias{}: clients built from this catalog no longer decode it from servers that still send it. Add `aliases = [\"{code}\"]` to `[errors.{new}]`",
                heir.map_or_else(String::new, |h| format!(" (`{}` does)", h.code))
            ),
        ),
        (true, None, Some(heir)) if snapshot.format >= 4 => (
            Change::Breaking,
            format!(
                "`{code}` was renamed to `{}`, but the snapshot deprecates it with no replacement: clients built from it were never told to move. Keep `{code}` with `deprecated = {{ replacement = \"{}\" }}`, re-bless the snapshot, and rename it in a later release",
                heir.code, heir.code
            ),
        ),
        (true, _, _) => (
            Change::Compatible,
            format!("`{code}` was removed, after its deprecation"),
        ),
        (false, _, Some(heir)) => (
            Change::Breaking,
            format!(
                "`{code}` was renamed to `{}` without a deprecation: clients built from the snapshot never learn the new spelling. Keep `{code}` with `deprecated = {{ replacement = \"{}\" }}`, re-bless the snapshot, and rename it in a later release",
                heir.code, heir.code
            ),
        ),
        (false, _, None) => (
            Change::Breaking,
            format!(
                "`{code}` was removed from the catalog; clients still handle it. Deprecate it first (`deprecated = \"...\"`), re-bless the snapshot, and remove it in a later release"
            ),
        ),
    };
    findings.push(change, Some(code), at, message);
}

/// The retry class: any change breaks clients, which retry as the snapshot says.
pub(super) fn retry_class(
    findings: &mut Findings<'_>,
    old: &CodeContract,
    new: &CodeContract,
    error: &ErrorDef,
) {
    let code = old.code.as_str();
    let message = match (old.retry_class, new.retry_class) {
        (a, b) if a == b => return,
        (RetryClass::Never, RetryClass::Retryable) => {
            format!("`{code}` became retryable: clients built from the snapshot never retry it")
        }
        (RetryClass::Retryable, RetryClass::Never) => {
            format!("`{code}` is no longer retryable: clients built from the snapshot retry it")
        }
        (was, RetryClass::AfterRefresh) => format!(
            "`{code}` is now retried after a credentials refresh (`retry = \"after_refresh\"`): clients built from the snapshot {}",
            if was.is_retryable() {
                "retry it under the policy, without refreshing"
            } else {
                "never retry it"
            }
        ),
        (_, now) => format!(
            "`{code}` is no longer retried after a credentials refresh: clients built from the snapshot refresh and retry it, and it is now {}",
            if now.is_retryable() {
                "retryable"
            } else {
                "final"
            }
        ),
    };
    findings.push(
        Change::Breaking,
        Some(code),
        error.location.to_string(),
        message,
    );
}

/// Aliases (format 4 on): removing one breaks clients built from the catalog, which
/// no longer decode that spelling; adding one is compatible.
pub(super) fn aliases(
    findings: &mut Findings<'_>,
    format: u32,
    old: &CodeContract,
    new: &CodeContract,
    error: &ErrorDef,
) {
    if format < 4 {
        return;
    }
    let code = old.code.as_str();
    for alias in old.aliases.iter().filter(|a| !new.aliases.contains(a)) {
        findings.push(
            Change::Breaking,
            Some(code),
            error.location.to_string(),
            format!(
                "the alias `{alias}` of `{code}` was removed: clients built from this catalog no longer decode `{alias}` from servers that still send it. Keep it in `aliases`"
            ),
        );
    }
    for (alias, at) in new
        .aliases
        .iter()
        .zip(&error.at.evolve.aliases)
        .filter(|(a, _)| !old.aliases.contains(a))
    {
        findings.push(
            Change::Compatible,
            Some(code),
            at.to_string(),
            format!("`{code}` now also decodes the old spelling `{alias}`"),
        );
    }
}
