//! What the service promises besides its codes: the problem style's `type` URLs,
//! the request id header, the code that answers each rejection of `[http]` (format
//! 2 on), the code that answers each bare error status and whether envelopes
//! carry a timestamp (format 3 on), and the gRPC domain (format 4 on). Each is
//! compared only when the snapshot records it.

use super::report::{Change, Findings};
use super::{Contract, locate};
use crate::{Catalog, Rejection};

pub(super) fn compare(
    findings: &mut Findings<'_>,
    old: &Contract,
    new: &Contract,
    catalog: &Catalog,
) {
    if old.format < 2 {
        return;
    }
    // Only comparable within one style: a style change is already breaking.
    if old.style == new.style && old.doc_url != new.doc_url {
        let name = |url: &Option<String>| {
            url.as_deref()
                .map_or("none".to_owned(), |u| format!("`{u}`"))
        };
        findings.push(
            Change::Breaking,
            None,
            locate::setting(catalog, "catalog", "doc_url"),
            format!(
                "the `doc_url` changed from {} to {}: in the problem style it makes each code's `type`, which clients match on",
                name(&old.doc_url),
                name(&new.doc_url)
            ),
        );
    }
    if let (Some(was), Some(now)) = (&old.request_id_header, &new.request_id_header) {
        // Header names are case-insensitive (RFC 9110): a new spelling is the same header.
        let (change, message) = if was.eq_ignore_ascii_case(now) {
            (
                Change::Compatible,
                format!("the request id header `{was}` is now spelled `{now}`"),
            )
        } else {
            (
                Change::Breaking,
                format!(
                    "the request id header changed from `{was}` to `{now}`: clients send and read `{was}`"
                ),
            )
        };
        if was != now {
            findings.push(
                change,
                None,
                locate::setting(catalog, "http", "request_id_header"),
                message,
            );
        }
    }
    if let (Some(was), Some(now)) = (&old.grpc_domain, &new.grpc_domain)
        && was != now
    {
        findings.push(
            Change::Breaking,
            None,
            locate::setting(catalog, "catalog", "grpc_domain"),
            format!(
                "the gRPC domain changed from `{was}` to `{now}`: gRPC clients built from the snapshot take every error of `{now}` for another service's"
            ),
        );
    }
    for (rejection, was) in &old.answers {
        let Some((_, now)) = new.answers.iter().find(|(r, _)| r == rejection) else {
            continue;
        };
        if was == now {
            continue;
        }
        let at = locate::setting(catalog, "http", rejection);
        let name = |code: &Option<String>| {
            code.as_deref()
                .map_or("no code".to_owned(), |c| format!("`{c}`"))
        };
        // A rejection that had no code was answered outside the catalog, which clients
        // must already handle: giving it one adds, as a new code does.
        let change = if was.is_none() {
            Change::Compatible
        } else {
            Change::Breaking
        };
        let mut message = format!(
            "the answer to `{rejection}` changed from {} to {}",
            name(was),
            name(now)
        );
        if change == Change::Breaking {
            message.push_str(&format!(
                ": clients branch on it; name {} in `[http] {rejection}`",
                name(was)
            ));
        }
        findings.push(change, now.as_deref().or(was.as_deref()), at, message);
    }
    if old.format >= 3 {
        compare_statuses(findings, old, new, catalog);
    }
    if let (Some(was), Some(now)) = (old.timestamp, new.timestamp)
        && was != now
    {
        // Compatible either way: the timestamp is optional in every style and schema,
        // and an error a handler renders itself has none.
        let message = if now {
            "the layer now writes a timestamp into envelopes (`[http] timestamp`)"
        } else {
            "the layer no longer writes a timestamp into envelopes (`[http] timestamp = false`); clients already accept envelopes without one"
        };
        findings.push(
            Change::Compatible,
            None,
            locate::setting(catalog, "http", "timestamp"),
            message.to_owned(),
        );
    }
}

/// The code answering each bare error status (SPEC 9.1): named (`[http.status]`, a
/// rejection key) or inferred (the status's only fillable candidate, which a new
/// code of that status takes away).
fn compare_statuses(
    findings: &mut Findings<'_>,
    old: &Contract,
    new: &Contract,
    catalog: &Catalog,
) {
    let answer = |contract: &Contract, status: u16| {
        contract
            .statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, code)| code.clone())
    };
    let mut statuses: Vec<u16> = old
        .statuses
        .iter()
        .chain(&new.statuses)
        .map(|(s, _)| *s)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    for status in statuses {
        let (was, now) = (answer(old, status), answer(new, status));
        // A code no longer in the catalog is reported as removed, on its own.
        if was.as_deref().is_some_and(|c| catalog.error(c).is_none()) {
            continue;
        }
        let at = || {
            let key = status.to_string();
            let named = catalog.http.status_index(status).is_some();
            if named {
                locate::setting(catalog, "http.status", &key)
            } else {
                now.as_deref().and_then(|c| catalog.error(c)).map_or_else(
                    || locate::setting(catalog, "http.status", &key),
                    |e| e.location.to_string(),
                )
            }
        };
        match (&was, &now) {
            (Some(was), Some(now)) if was != now => findings.push(
                Change::Breaking,
                Some(now),
                at(),
                format!(
                    "a bare {status} response is now answered with `{now}`, not `{was}`: clients branch on it; {}",
                    naming_hint(catalog, status, was)
                ),
            ),
            (Some(was), None) => {
                let why = match catalog.bare_candidates(status).len() {
                    0 => "no code of the catalog can answer it".to_owned(),
                    n => format!("{n} codes of that status could answer it"),
                };
                findings.push(
                    Change::Breaking,
                    Some(was),
                    at(),
                    format!(
                        "a bare {status} response is no longer answered with `{was}` ({why}): clients built from the snapshot receive `{was}`; {}",
                        naming_hint(catalog, status, was)
                    ),
                );
            }
            (None, Some(now)) => findings.push(
                Change::Compatible,
                Some(now),
                at(),
                format!("a bare {status} response is now answered with `{now}`"),
            ),
            _ => {}
        }
    }
}

/// Where to name `code` so that it answers a bare `status` again: the rejection key
/// of that status when it has one, else `[http.status]`.
fn naming_hint(catalog: &Catalog, status: u16, code: &str) -> String {
    match Rejection::from_status(status).filter(|r| catalog.http_error(*r).is_some()) {
        Some(rejection) => format!("name `{code}` in `[http] {}`", rejection.key()),
        None => format!("add `{status} = \"{code}\"` to `[http.status]`"),
    }
}
