//! The help texts: written for people, kept beside the parser that prints them.

/// The command's help: `errors-catalog --help`, or no command at all.
pub(crate) const HELP: &str = "\
errors-catalog: check an API error catalog, write its reference and schemas, and
guard its contract.

Usage: errors-catalog <COMMAND> [OPTIONS] <CATALOG>

Commands:
  check      Report every problem of the catalog, rustc-style, with the source line
  docs       Write the reference: Markdown (default) or one self-contained HTML page
  schema     Write the JSON Schema (2020-12) of the envelope, or an OpenAPI 3.1 document
  stability  Check the catalog against its contract snapshot, or re-bless it

Arguments:
  <CATALOG>  The catalog file (`catalog.toml`), or `-` for standard input

Options:
  -f, --format <FORMAT>      docs: `markdown` or `html`; schema: `json-schema` or `openapi`
  -o, --output <FILE>        docs, schema: write to FILE instead of standard output
      --api-version <VER>    schema --format openapi: the document's info.version [default: 1.0.0]
      --strict               schema: the closed schema of the service's own output, not the client one
      --snapshot <FILE>      stability: the snapshot [default: the catalog's path with extension `.contract`]
      --bless                stability: write the catalog's contract to the snapshot
      --locked               stability: also fail unless the snapshot is exactly what --bless writes
  -q, --quiet                check, stability: print nothing when all is well
  -h, --help                 Print help (`errors-catalog <COMMAND> --help` for one command)
  -V, --version              Print the version

Exit status: 0 when all is well, 1 when problems were found (an invalid catalog,
an unreadable included file, a breaking change to the contract), 2 on a usage or I/O
error (the catalog, the snapshot or the output cannot be read or written). The
command never writes over the catalog or a file it includes, and writes each output
whole or not at all.

Environment:
  ERRORS_CATALOG_BLESS=1     stability: as --bless
";

/// `errors-catalog check --help`.
pub(crate) const CHECK: &str = "\
Usage: errors-catalog check [-q] <CATALOG>

Loads the catalog and the files it includes, and reports every problem the catalog
macros would, each with its `path:line:column`, the source line and how to fix it.
Exit status 1 when there is any.
";

/// `errors-catalog docs --help`.
pub(crate) const DOCS: &str = "\
Usage: errors-catalog docs [--format markdown|html] [-o FILE] <CATALOG>

Writes the reference: the envelope, the status conventions, the codes table, the
retry and circuit-breaker guidance, then every code with its message, fields, where
each is sent, and an example response. Each code is under the anchor `#CODE`.
";

/// `errors-catalog schema --help`.
pub(crate) const SCHEMA: &str = "\
Usage: errors-catalog schema [--format json-schema|openapi] [--strict] [--api-version VER] [-o FILE] <CATALOG>

Writes the JSON Schema (2020-12) of the envelope, one branch per code, or an
OpenAPI 3.1 document with components.schemas, one reusable response per status
(`#/components/responses/Error429`) and an example per code.

By default, the client schema: each known code's field types and required fields
(and the problem style's `type` and `status`) are pinned; a code it does not know
is a generic error (code and message), and members it does not know, any message
text, `details` on a code that had none and `param` as a string or null pass, so a
client keeps validating what a later compatible version sends. --strict writes the
closed schema of the service's own output instead (a `oneOf` over the known codes,
exact members and messages; a discriminator on a top-level code in OpenAPI), the
one to generate types for other languages from.

Both name each details object `<Code>Details` (the code in UpperCamelCase), and
carry x-retryable, x-category and, where a field is sent only in the message,
x-message-template per code; at the document level x-categories, x-http (the code
answering each rejection, and under `status` each bare error status), x-retry,
x-circuit-breaker and x-request-id-header.
";

/// `errors-catalog stability --help`.
pub(crate) const STABILITY: &str = "\
Usage: errors-catalog stability [--snapshot FILE] [--bless | --locked] [-q] <CATALOG>

Compares the catalog with its committed contract snapshot (codes, statuses,
retryability, categories, wire fields, the request id header, the answers of
`[http]` and of bare statuses, `[retry]`, `[circuit_breaker]`) and reports each
change with the code and the catalog line. Exit status 1 on a breaking change: a
code removed (unless deprecated in the snapshot), a status, retryability or category
changed, a field removed, renamed, retyped or moved, a required field added, the
template of a message-only field, the problem style's `doc_url`, the request id
header, a rejection's or a bare status's code (named in `[http.status]` or
inferred), or a retry or circuit breaker setting changed. New codes, optional
fields, a header's new letter case and `[http] timestamp` pass. --bless (or
ERRORS_CATALOG_BLESS=1) writes the catalog's contract instead. --locked (for CI) also fails unless the
snapshot is byte for byte what --bless would write, and never blesses.
";
