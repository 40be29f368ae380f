//! What a stability check reports: each difference a [`Finding`], breaking or
//! compatible, naming the code and the catalog line. Every comparing module pushes
//! into [`Findings`]; none imports another's findings.

use std::fmt;
use std::path::Path;

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

impl<'a> Findings<'a> {
    /// No findings yet, against the snapshot at `snapshot`, of `format`.
    pub(super) fn new(snapshot: &'a Path, format: u32) -> Findings<'a> {
        Findings {
            snapshot,
            out: Vec::new(),
            format,
        }
    }

    /// The format of the snapshot: an item it predates was not recorded.
    pub(super) fn format(&self) -> u32 {
        self.format
    }

    /// The report: breaking findings first, each group in the order found.
    pub(super) fn into_report(self) -> Report {
        let mut out = self.out;
        out.sort_by_key(|f| f.change != Change::Breaking);
        Report { findings: out }
    }
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

    pub(super) fn at_snapshot(&self, line: u32) -> String {
        format!("{}:{line}", self.snapshot.display())
    }
}
