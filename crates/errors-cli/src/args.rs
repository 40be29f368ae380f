//! The command line, parsed by clap: a subcommand, its options and the catalog path.
//! Paths stay `PathBuf` from the OS's arguments, so a path need not be UTF-8.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand as ClapSubcommand, ValueEnum};
use errors_docs::SchemaMode;

use crate::help;

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Command {
    /// No subcommand: print the help.
    Help,
    Run(Invocation),
}

/// A subcommand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subcommand {
    Check,
    Docs,
    Schema,
    Stability,
}

/// Where the catalog comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    Path(PathBuf),
    Stdin,
}

/// The output format of `docs` and `schema`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Markdown,
    Html,
    JsonSchema,
    OpenApi,
}

/// A subcommand with its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Invocation {
    pub(crate) command: Subcommand,
    pub(crate) input: Input,
    pub(crate) output: Option<PathBuf>,
    pub(crate) format: Format,
    pub(crate) api_version: String,
    /// `schema`: the client schema, or with `--strict` the service's own.
    pub(crate) mode: SchemaMode,
    pub(crate) snapshot: Option<PathBuf>,
    pub(crate) bless: bool,
    pub(crate) locked: bool,
    pub(crate) quiet: bool,
}

#[derive(Debug, Parser)]
#[command(
    name = "errors-catalog",
    version,
    override_help = help::HELP,
    override_usage = "errors-catalog <COMMAND> [OPTIONS] <CATALOG>",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
}

#[derive(Debug, ClapSubcommand)]
enum Sub {
    #[command(override_help = help::CHECK)]
    Check {
        /// Print nothing when all is well.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        catalog: Catalog,
    },
    #[command(override_help = help::DOCS)]
    Docs {
        #[arg(short, long, value_enum, default_value_t = DocsFormat::Markdown)]
        format: DocsFormat,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalog: Catalog,
    },
    #[command(override_help = help::SCHEMA)]
    Schema {
        #[arg(short, long, value_enum, default_value_t = SchemaFormat::JsonSchema)]
        format: SchemaFormat,
        /// The OpenAPI document's `info.version`.
        #[arg(long, value_name = "VER", default_value = "1.0.0")]
        api_version: String,
        /// The closed schema of the service's own output, not the client schema.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        catalog: Catalog,
    },
    #[command(override_help = help::STABILITY)]
    Stability {
        /// The snapshot; required when the catalog is read from standard input.
        #[arg(long, value_name = "FILE", required_if_eq("catalog", "-"))]
        snapshot: Option<PathBuf>,
        #[arg(long)]
        bless: bool,
        /// Fail unless the snapshot is exactly what `--bless` would write (CI).
        #[arg(long, conflicts_with = "bless")]
        locked: bool,
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        catalog: Catalog,
    },
}

#[derive(Debug, Args)]
struct Catalog {
    /// The catalog file, or `-` for standard input.
    #[arg(value_name = "CATALOG")]
    catalog: PathBuf,
}

#[derive(Debug, Args)]
struct Output {
    /// Write to FILE instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DocsFormat {
    #[value(alias = "md")]
    Markdown,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SchemaFormat {
    JsonSchema,
    #[value(name = "openapi")]
    OpenApi,
}

/// Parses the arguments after the program name.
///
/// # Errors
///
/// A usage error, or a request for help or the version: clap's error, which prints
/// itself and knows its exit status (0 for help and version, 2 otherwise).
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, clap::Error> {
    let args = std::iter::once(OsString::from("errors-catalog")).chain(args);
    let Some(sub) = Cli::try_parse_from(args)?.command else {
        return Ok(Command::Help);
    };
    let mut run = Invocation {
        command: Subcommand::Check,
        input: Input::Stdin,
        output: None,
        format: Format::Markdown,
        api_version: String::new(),
        mode: SchemaMode::Client,
        snapshot: None,
        bless: false,
        locked: false,
        quiet: false,
    };
    let catalog = match sub {
        Sub::Check { quiet, catalog } => {
            run.quiet = quiet;
            catalog
        }
        Sub::Docs {
            format,
            output,
            catalog,
        } => {
            run.command = Subcommand::Docs;
            run.format = match format {
                DocsFormat::Markdown => Format::Markdown,
                DocsFormat::Html => Format::Html,
            };
            run.output = output.output;
            catalog
        }
        Sub::Schema {
            format,
            api_version,
            strict,
            output,
            catalog,
        } => {
            run.command = Subcommand::Schema;
            run.mode = if strict {
                SchemaMode::Strict
            } else {
                SchemaMode::Client
            };
            run.format = match format {
                SchemaFormat::JsonSchema => Format::JsonSchema,
                SchemaFormat::OpenApi => Format::OpenApi,
            };
            run.api_version = api_version;
            run.output = output.output;
            catalog
        }
        Sub::Stability {
            snapshot,
            bless,
            locked,
            quiet,
            catalog,
        } => {
            run.command = Subcommand::Stability;
            (run.snapshot, run.bless, run.locked, run.quiet) = (snapshot, bless, locked, quiet);
            catalog
        }
    };
    run.input = if catalog.catalog.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::Path(catalog.catalog)
    };
    Ok(Command::Run(run))
}

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;

    use super::*;

    fn parse_str(line: &str) -> Result<Command, clap::Error> {
        parse(line.split_whitespace().map(OsString::from))
    }

    #[test]
    fn clap_accepts_the_command_definition() {
        use clap::CommandFactory as _;
        Cli::command().debug_assert();
    }

    #[test]
    fn subcommands_options_and_values() {
        let Ok(Command::Run(run)) = parse_str("docs --format=html -o out.html catalog.toml") else {
            panic!()
        };
        assert_eq!(run.command, Subcommand::Docs);
        assert_eq!(run.format, Format::Html);
        assert_eq!(run.output, Some(PathBuf::from("out.html")));
        assert_eq!(run.input, Input::Path("catalog.toml".into()));

        let Ok(Command::Run(run)) = parse_str("docs -f md c.toml") else {
            panic!()
        };
        assert_eq!(run.format, Format::Markdown);

        let Ok(Command::Run(run)) = parse_str("schema - --format openapi --api-version 2.1") else {
            panic!()
        };
        assert_eq!(
            (run.input, run.format, run.api_version.as_str()),
            (Input::Stdin, Format::OpenApi, "2.1")
        );
        let Ok(Command::Run(run)) = parse_str("schema c.toml") else {
            panic!()
        };
        assert_eq!(
            (run.format, run.api_version.as_str(), run.mode),
            (Format::JsonSchema, "1.0.0", SchemaMode::Client)
        );
        let Ok(Command::Run(run)) = parse_str("schema --strict -f openapi c.toml") else {
            panic!()
        };
        assert_eq!(
            (run.format, run.mode),
            (Format::OpenApi, SchemaMode::Strict)
        );

        let Ok(Command::Run(run)) = parse_str("stability --bless -q --snapshot s.contract -")
        else {
            panic!()
        };
        assert_eq!(
            (run.snapshot, run.bless, run.quiet, run.input),
            (Some(PathBuf::from("s.contract")), true, true, Input::Stdin)
        );

        assert_eq!(parse_str("").unwrap(), Command::Help);
        let kind = |line| parse_str(line).unwrap_err().kind();
        assert_eq!(kind("check --help"), ErrorKind::DisplayHelp);
        assert_eq!(kind("-V"), ErrorKind::DisplayVersion);
        assert_eq!(
            kind("stability --locked --bless c.toml"),
            ErrorKind::ArgumentConflict
        );
        let Ok(Command::Run(run)) = parse_str("stability --locked c.toml") else {
            panic!()
        };
        assert!(run.locked && !run.bless);
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let err = |line| match parse_str(line) {
            Err(e) => (e.kind(), e.to_string()),
            Ok(other) => panic!("{other:?}"),
        };
        let (kind, message) = err("chek c.toml");
        assert_eq!(kind, ErrorKind::InvalidSubcommand);
        assert!(
            message.contains("'chek'") && message.contains("'check'"),
            "{message}"
        );
        let (kind, message) = err("docs --fromat html c.toml");
        assert_eq!(kind, ErrorKind::UnknownArgument);
        assert!(message.contains("'--format'"), "{message}");
        let (kind, message) = err("docs --format pdf c.toml");
        assert_eq!(kind, ErrorKind::InvalidValue);
        assert!(
            message.contains("[possible values: markdown, html]"),
            "{message}"
        );
        assert_eq!(err("check --bless c.toml").0, ErrorKind::UnknownArgument);
        let (kind, message) = err("check");
        assert_eq!(kind, ErrorKind::MissingRequiredArgument);
        assert!(message.contains("<CATALOG>"), "{message}");
        assert_eq!(err("check a.toml b.toml").0, ErrorKind::UnknownArgument);
        assert_eq!(err("docs c.toml -o").0, ErrorKind::InvalidValue);
        let (kind, message) = err("stability -");
        assert_eq!(kind, ErrorKind::MissingRequiredArgument);
        assert!(message.contains("--snapshot <FILE>"), "{message}");
    }
}
