//! The catalog's public contract, kept as a committed text snapshot and checked for
//! breaking changes: by `errors-catalog stability` in CI, and from a team's own
//! `cargo test` with [`assert_stable`].
//!
//! A [`Contract`] is what clients rely on: the envelope style and its member keys,
//! the categories, and for every code its status, retryability, category,
//! deprecation and public fields (name, wire name, type, whether required, and where
//! each is sent: `details`, a header, the message, the typed envelope's `param`).
//! Its text form lists one item a line, codes sorted, so a change to the contract is
//! a one-line diff in review.
//!
//! [`check`] compares a catalog with a snapshot. **Breaking**, and so failing:
//! a code removed (unless the snapshot has it deprecated), its status, retryability
//! or category changed, a public field removed, renamed on the wire, retyped, made
//! optional or required, or no longer sent where it was, a required field added, a
//! category removed, the envelope style or a member key changed, the template (text
//! or format spec) of a message with a field sent only in it, the problem style's
//! `doc_url`, the request id header, the code answering an `[http]` rejection or a
//! bare error status (named in `[http.status]` or inferred: a status's only
//! fillable candidate, which a new code of that status can take away), any setting
//! of `[retry]` (`retry_after_statuses` included) or `[circuit_breaker]`, which
//! clients built from the snapshot apply.
//! **Compatible**, and so passing: new codes, new optional fields, a field sent in one
//! more place, a header name respelled in another case, deprecations, removing a
//! code the snapshot has deprecated, an answer given where there was none, and
//! `[http] timestamp` turned off or on (the envelope's timestamp is optional in
//! every style and schema: an error a handler renders itself has none, so no
//! client can rely on it). [`is_blessed`] tells whether a snapshot is
//! exactly what [`bless`] writes, as `errors-catalog stability --locked` requires. Deprecation is the way
//! out: deprecate a code, record that in the snapshot, and remove it later.
//!
//! ```no_run
//! // tests/contract.rs of the service or of a client crate: fails when the catalog
//! // breaks what the committed snapshot promises. Paths are relative to the crate.
//! #[test]
//! fn the_error_contract_is_stable() {
//!     errors_catalog::contract::assert_stable("catalog.toml", "catalog.contract");
//! }
//! ```
//!
//! Run the test once with `ERRORS_CATALOG_BLESS=1` to write the snapshot, and again
//! after an intended change to re-bless it, as with trybuild and insta.

mod codes;
mod compare;
mod evolve;
mod locate;
mod policy;
mod report;
mod service;
mod snapshot;
mod template;
mod text;
mod values;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::Catalog;
use crate::model::{CircuitBreakerConfig, RetryConfig};

pub use compare::check;
pub use report::{Change, Finding, Report};
pub use snapshot::SnapshotError;

/// The environment variable that re-blesses snapshots: set to anything but `0` or
/// the empty string, [`assert_stable`] writes the catalog's contract to the snapshot
/// instead of failing.
pub const BLESS_ENV: &str = "ERRORS_CATALOG_BLESS";

/// The public contract of a catalog, as recorded in a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Contract {
    /// The snapshot format it was read in ([`Contract::FORMAT`] when made from a
    /// catalog). Items a format does not record are not compared.
    pub format: u32,
    /// The envelope style (`flat`, `nested`, `typed`, `problem`).
    pub style: String,
    /// In the problem style, the `doc_url` template that makes each code's `type`
    /// (`None` in the other styles, where the link is informative).
    pub doc_url: Option<String>,
    /// The header a request id is read from and echoed in (`None` when the snapshot
    /// does not record it: format 1).
    pub request_id_header: Option<String>,
    /// The `google.rpc.ErrorInfo` domain gRPC clients match (`None` when the
    /// snapshot does not record it: formats 1 to 3).
    pub grpc_domain: Option<String>,
    /// Each rejection of `[http]` (`bad_request`, ...) and the code that answers it,
    /// in the order of the table (empty when the snapshot does not record them).
    pub answers: Vec<(String, Option<String>)>,
    /// Each error status whose bare response the layer answers, with the code that
    /// answers it: a rejection key's, the `[http.status]` entry's or the only
    /// candidate (SPEC 9.1), ascending (empty before format 3).
    pub statuses: Vec<(u16, String)>,
    /// Whether the layer writes a timestamp into envelopes (`[http] timestamp`;
    /// `None` before format 3).
    pub timestamp: Option<bool>,
    /// The client retry policy (`[retry]`; `None` before format 3).
    pub retry: Option<RetryConfig>,
    /// The client circuit breaker (`[circuit_breaker]`; `None` before format 3).
    pub circuit_breaker: Option<CircuitBreakerConfig>,
    /// Each member of the style and its key on the wire, in wire order.
    pub keys: Vec<(String, String)>,
    /// The declared categories, sorted.
    pub categories: Vec<String>,
    /// Every code, sorted by code.
    pub codes: Vec<CodeContract>,
}

/// What clients rely on about one code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeContract {
    /// The code.
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// Whether clients may retry it under the retry policy.
    pub retryable: bool,
    /// How clients retry it: `retryable` as a class, or after a credentials
    /// refresh (`after_refresh`).
    pub retry_class: crate::RetryClass,
    /// Its category.
    pub category: Option<String>,
    /// Whether it is deprecated (and so may be removed).
    pub deprecated: bool,
    /// The code its deprecation names as the replacement (format 4).
    pub replacement: Option<String>,
    /// Its old spellings, which clients decode as it (format 4).
    pub aliases: Vec<String>,
    /// The gRPC status code it is sent with, named or defaulted (`None` when the
    /// snapshot does not record it: formats 1 to 3).
    pub grpc: Option<String>,
    /// The message template, when a field is sent only in the message: clients
    /// read that field back from the message with it.
    pub template: Option<String>,
    /// With `template`: the message in each other language (`[locales]`), as
    /// `(tag, template)` sorted by tag; clients read the field back with the
    /// template of the response's `Content-Language`.
    pub translations: Vec<(String, String)>,
    /// Its public fields, in declaration order.
    pub fields: Vec<FieldContract>,
    /// The line of the snapshot it was read from (0 when made from a catalog).
    pub line: u32,
}

/// What clients rely on about one public field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldContract {
    /// The field's name in the catalog.
    pub name: String,
    /// Its member name on the wire.
    pub wire: String,
    /// Its type, as the catalog spells it (`u64`, `[string]`).
    pub ty: String,
    /// Whether it may be absent.
    pub optional: bool,
    /// Where it is sent.
    pub placements: Vec<Placement>,
    /// The values of an enum field, or the rules of a `field_violations` field
    /// that lists them (`None` otherwise, and in snapshots before format 3).
    pub values: Option<Vec<String>>,
    /// The line of the snapshot it was read from (0 when made from a catalog).
    pub line: u32,
}

/// A place a field is sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placement {
    /// In `details` (in the problem style: a top-level member).
    Details,
    /// As this HTTP response header.
    Header(String),
    /// Inserted in the message.
    Message,
    /// As the typed envelope's `param`.
    Param,
}

impl fmt::Display for Placement {
    /// The snapshot spelling: `details`, `header:Retry-After`, `message`, `param`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Placement::Details => f.write_str("details"),
            Placement::Header(name) => write!(f, "header:{name}"),
            Placement::Message => f.write_str("message"),
            Placement::Param => f.write_str("param"),
        }
    }
}

impl Contract {
    /// The snapshot format this version writes. Format 1 (no `doc_url`,
    /// `request_id_header`, `answer` or `template=`), format 2 (no `status`,
    /// `timestamp`, `retry` or `circuit_breaker`) and format 3 (no `after_refresh`,
    /// `aliases=`, `replacement=`, `grpc_domain`, `grpc=` or `values=`) still read.
    pub const FORMAT: u32 = 4;

    /// The contract `catalog` offers its clients.
    pub fn of(catalog: &Catalog) -> Contract {
        snapshot::of(catalog)
    }

    /// Reads a snapshot; `path` names it in errors.
    ///
    /// # Errors
    ///
    /// The first line that is not of the snapshot format, with its number.
    pub fn parse(path: impl AsRef<Path>, text: &str) -> Result<Contract, SnapshotError> {
        snapshot::parse(path.as_ref(), text)
    }

    /// The code called `code`.
    pub fn code(&self, code: &str) -> Option<&CodeContract> {
        self.codes.iter().find(|c| c.code == code)
    }
}

impl fmt::Display for Contract {
    /// The snapshot text: a header comment, then one item a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&snapshot::render(self))
    }
}

/// Why a stability check could not run.
#[derive(Debug)]
#[non_exhaustive]
pub enum CheckError {
    /// The catalog has problems: its diagnostics.
    Catalog(Box<crate::Diagnostics>),
    /// The snapshot could not be read.
    Read(PathBuf, io::Error),
    /// The snapshot is not in the snapshot format.
    Snapshot(SnapshotError),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Catalog(diagnostics) => write!(f, "{diagnostics}"),
            CheckError::Read(path, e) if e.kind() == io::ErrorKind::NotFound => write!(
                f,
                "{}: no contract snapshot; write it with `{BLESS_ENV}=1` (or `errors-catalog stability --bless`)",
                path.display()
            ),
            CheckError::Read(path, e) => {
                write!(f, "{}: cannot read the snapshot: {e}", path.display())
            }
            CheckError::Snapshot(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CheckError {}

/// Reads the snapshot at `snapshot` and checks `catalog` against it.
///
/// # Errors
///
/// An unreadable or malformed snapshot.
pub fn check_against(catalog: &Catalog, snapshot: impl AsRef<Path>) -> Result<Report, CheckError> {
    let path = snapshot.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| CheckError::Read(path.to_owned(), e))?;
    let contract = Contract::parse(path, &text).map_err(CheckError::Snapshot)?;
    Ok(check(&contract, catalog, path))
}

/// Whether [`BLESS_ENV`] asks for snapshots to be re-blessed.
pub fn bless_requested() -> bool {
    std::env::var_os(BLESS_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Writes `catalog`'s contract to `snapshot`, unless it already holds exactly that.
/// Returns whether the file changed.
///
/// # Errors
///
/// The file could not be written.
pub fn bless(catalog: &Catalog, snapshot: impl AsRef<Path>) -> io::Result<bool> {
    let path = snapshot.as_ref();
    let text = Contract::of(catalog).to_string();
    if is_blessed(catalog, &std::fs::read(path).unwrap_or_default()) {
        return Ok(false);
    }
    std::fs::write(path, text)?;
    Ok(true)
}

/// Whether `snapshot` is byte for byte what [`bless`] would write for `catalog`:
/// what `errors-catalog stability --locked` requires, so that an unblessed
/// compatible change, or a snapshot in an older format, fails CI.
pub fn is_blessed(catalog: &Catalog, snapshot: &[u8]) -> bool {
    Contract::of(catalog).to_string().as_bytes() == snapshot
}

/// Fails (panics, for `cargo test`) when the catalog at `catalog` breaks the contract
/// recorded in `snapshot`, listing each breaking change with the code and the
/// catalog line. Compatible changes pass; they are printed as notes until the
/// snapshot is re-blessed. With [`BLESS_ENV`] set, writes the catalog's contract to
/// the snapshot instead. Relative paths are resolved from the current directory,
/// which `cargo test` sets to the crate's root.
///
/// # Panics
///
/// On a breaking change, an invalid catalog, or a missing or malformed snapshot.
#[track_caller]
pub fn assert_stable(catalog: impl AsRef<Path>, snapshot: impl AsRef<Path>) {
    let (catalog_path, snapshot) = (catalog.as_ref(), snapshot.as_ref());
    let catalog = Catalog::load(catalog_path)
        .unwrap_or_else(|d| panic!("the catalog has problems:\n{}", d.render()));
    if bless_requested() {
        match bless(&catalog, snapshot) {
            Ok(true) => eprintln!("blessed {}", snapshot.display()),
            Ok(false) => {}
            Err(e) => panic!("{}: cannot write the snapshot: {e}", snapshot.display()),
        }
        return;
    }
    let report = check_against(&catalog, snapshot).unwrap_or_else(|e| panic!("{e}"));
    if report.is_breaking() {
        panic!(
            "{}\nthe catalog {} breaks the contract in {}; if that is intended, re-bless with `{BLESS_ENV}=1`",
            report,
            catalog_path.display(),
            snapshot.display()
        );
    }
    if !report.findings.is_empty() {
        eprintln!(
            "{report}note: {} records none of these compatible changes; re-bless it with `{BLESS_ENV}=1`",
            snapshot.display()
        );
    }
}

/// Fails (panics, for `cargo test`) unless the catalog at `catalog` has every code of
/// `codes`: a client's test for the codes it handles, without a snapshot of the rest.
/// Deprecated codes are reported as a note.
///
/// ```
/// errors_catalog::contract::assert_codes("../../catalog.toml", &["SESSION_FULL", "RATE_LIMITED"]);
/// ```
///
/// # Panics
///
/// When a code is missing, listing every missing code, or when the catalog is
/// invalid.
#[track_caller]
pub fn assert_codes(catalog: impl AsRef<Path>, codes: &[&str]) {
    let path = catalog.as_ref();
    let catalog =
        Catalog::load(path).unwrap_or_else(|d| panic!("the catalog has problems:\n{}", d.render()));
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|code| catalog.error(code).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "{} has no code {}: the code was removed or renamed, and this crate still handles it",
        path.display(),
        missing
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for code in codes {
        if let Some(reason) = catalog.error(code).and_then(|e| e.deprecated.as_deref()) {
            eprintln!("note: {}: `{code}` is deprecated: {reason}", path.display());
        }
    }
}
