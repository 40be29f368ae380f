//! What the service promises besides its codes: the problem style's `type` URLs,
//! the request id header, the gRPC domain, and the code that answers each rejection
//! of `[http]`.
//! Each is compared only when the snapshot records it (format 2 on).

use super::compare::{Change, Findings};
use super::{Contract, locate};
use crate::Catalog;

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
}
