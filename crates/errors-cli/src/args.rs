//! The command line: a subcommand, its options and the catalog path, parsed by hand
//! (four subcommands do not need a parser crate).

use std::ffi::OsString;
use std::path::PathBuf;

use errors_catalog::suggest::did_you_mean;

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Command {
    Help(Option<Subcommand>),
    Version,
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

impl Subcommand {
    const ALL: [(&'static str, Subcommand); 4] = [
        ("check", Subcommand::Check),
        ("docs", Subcommand::Docs),
        ("schema", Subcommand::Schema),
        ("stability", Subcommand::Stability),
    ];

    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(n, _)| n)
    }
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
    pub(crate) snapshot: Option<PathBuf>,
    pub(crate) bless: bool,
    pub(crate) quiet: bool,
}

/// A usage error: what is wrong, said as a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UsageError(pub(crate) String);

/// Which options each subcommand takes, for errors that say so.
fn takes(command: Subcommand, option: &str) -> bool {
    matches!(
        (command, option),
        (Subcommand::Check, "--quiet")
            | (
                Subcommand::Docs | Subcommand::Schema,
                "--output" | "--format"
            )
            | (Subcommand::Schema, "--api-version")
            | (Subcommand::Stability, "--snapshot" | "--bless" | "--quiet")
    )
}

const OPTIONS: [&str; 9] = [
    "--output",
    "--format",
    "--api-version",
    "--snapshot",
    "--bless",
    "--quiet",
    "--help",
    "--version",
    "-",
];

/// Parses the arguments as the OS gives them: a path need not be UTF-8.
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let mut command = None;
    let mut input = None;
    let mut output = None;
    let mut format = None;
    let mut api_version = None;
    let mut snapshot = None;
    let mut bless = false;
    let mut quiet = false;
    let mut help = false;
    while let Some(raw) = args.next() {
        let Some(arg) = raw.to_str().map(str::to_owned) else {
            // Not UTF-8: no option or command is spelled so, so it is the catalog.
            set_input(&mut input, Input::Path(PathBuf::from(raw)))?;
            continue;
        };
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let long = match name.as_str() {
            "-o" => "--output",
            "-f" => "--format",
            "-q" => "--quiet",
            "-h" => "--help",
            "-V" => "--version",
            other => other,
        };
        let mut value = |what: &str| -> Result<OsString, UsageError> {
            match inline.clone().map(OsString::from).or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => Err(UsageError(format!("`{name}` needs {what}"))),
            }
        };
        let text = |value: OsString| {
            value
                .into_string()
                .map_err(|v| UsageError(format!("`{name}` {v:?} is not UTF-8")))
        };
        match long {
            "--help" => help = true,
            "--version" => return Ok(Command::Version),
            "--output" => output = Some(PathBuf::from(value("a file")?)),
            "--format" => format = Some(text(value("a format")?)?),
            "--api-version" => api_version = Some(text(value("a version")?)?),
            "--snapshot" => snapshot = Some(PathBuf::from(value("a file")?)),
            "--bless" => bless = true,
            "--quiet" => quiet = true,
            "-" => set_input(&mut input, Input::Stdin)?,
            option if option.starts_with('-') => {
                let hint = did_you_mean(option, OPTIONS.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(UsageError(format!("unknown option `{option}`{hint}")));
            }
            word if command.is_none() => {
                let found = Subcommand::ALL.iter().find(|(n, _)| *n == word);
                match found {
                    Some(&(_, sub)) => command = Some(sub),
                    None if help => return Ok(Command::Help(None)),
                    None => {
                        let hint = did_you_mean(word, Subcommand::ALL.iter().map(|(n, _)| *n))
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default();
                        return Err(UsageError(format!(
                            "unknown command `{word}`: expected `check`, `docs`, `schema` or `stability`{hint}"
                        )));
                    }
                }
            }
            path => set_input(&mut input, Input::Path(PathBuf::from(path)))?,
        }
    }
    if help {
        return Ok(Command::Help(command));
    }
    let Some(command) = command else {
        return Ok(Command::Help(None));
    };
    let given = [
        ("--output", output.is_some()),
        ("--format", format.is_some()),
        ("--api-version", api_version.is_some()),
        ("--snapshot", snapshot.is_some()),
        ("--bless", bless),
        ("--quiet", quiet),
    ];
    for (option, set) in given {
        if set && !takes(command, option) {
            return Err(UsageError(format!(
                "`{}` takes no `{option}`",
                command.name()
            )));
        }
    }
    let format = match (command, format.as_deref()) {
        (Subcommand::Docs, None | Some("markdown" | "md")) => Format::Markdown,
        (Subcommand::Docs, Some("html")) => Format::Html,
        (Subcommand::Schema, None | Some("json-schema")) => Format::JsonSchema,
        (Subcommand::Schema, Some("openapi")) => Format::OpenApi,
        (Subcommand::Docs, Some(other)) => {
            return Err(UsageError(format!(
                "unknown format `{other}` for `docs`: expected `markdown` or `html`"
            )));
        }
        (Subcommand::Schema, Some(other)) => {
            return Err(UsageError(format!(
                "unknown format `{other}` for `schema`: expected `json-schema` or `openapi`"
            )));
        }
        _ => Format::Markdown,
    };
    let input = input.ok_or_else(|| {
        UsageError(format!(
            "`{}` needs a catalog: a path, or `-` for standard input",
            command.name()
        ))
    })?;
    if command == Subcommand::Stability && input == Input::Stdin && snapshot.is_none() {
        return Err(UsageError(
            "`stability` on standard input needs `--snapshot FILE`".into(),
        ));
    }
    Ok(Command::Run(Invocation {
        command,
        input,
        output,
        format,
        api_version: api_version.unwrap_or_else(|| "1.0.0".into()),
        snapshot,
        bless,
        quiet,
    }))
}

fn set_input(input: &mut Option<Input>, new: Input) -> Result<(), UsageError> {
    if input.is_some() {
        return Err(UsageError("give one catalog".into()));
    }
    *input = Some(new);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Command, UsageError> {
        parse(line.split_whitespace().map(OsString::from))
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

        let Ok(Command::Run(run)) = parse_str("schema - --format openapi --api-version 2.1") else {
            panic!()
        };
        assert_eq!(
            (run.input, run.format, run.api_version.as_str()),
            (Input::Stdin, Format::OpenApi, "2.1")
        );

        assert_eq!(parse_str(""), Ok(Command::Help(None)));
        assert_eq!(
            parse_str("check --help"),
            Ok(Command::Help(Some(Subcommand::Check)))
        );
        assert_eq!(parse_str("-V"), Ok(Command::Version));
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let err = |line| match parse_str(line) {
            Err(UsageError(message)) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            err("chek c.toml"),
            "unknown command `chek`: expected `check`, `docs`, `schema` or `stability`; did you mean `check`?"
        );
        assert_eq!(
            err("docs --fromat html c.toml"),
            "unknown option `--fromat`; did you mean `--format`?"
        );
        assert_eq!(
            err("docs --format pdf c.toml"),
            "unknown format `pdf` for `docs`: expected `markdown` or `html`"
        );
        assert_eq!(err("check --bless c.toml"), "`check` takes no `--bless`");
        assert_eq!(
            err("check"),
            "`check` needs a catalog: a path, or `-` for standard input"
        );
        assert_eq!(err("check a.toml b.toml"), "give one catalog");
        assert_eq!(err("docs c.toml -o"), "`-o` needs a file");
        assert_eq!(
            err("stability -"),
            "`stability` on standard input needs `--snapshot FILE`"
        );
    }
}
