//! Validation: every rule about values that parsed fine, checked in one pass over the
//! lowered catalog. Each rule reports where to look and how to fix it; all are
//! checked, so a user sees every problem at once.

use std::collections::HashMap;

use heck::{ToShoutySnakeCase, ToSnakeCase};

use crate::diagnostic::{Diagnostic, Sink};
use crate::draft::{Draft, Settings};
use crate::model::{CodeCase, EnvelopeStyle, ErrorDef, Field, Member};
use crate::naming;
use crate::source::Location;
use crate::suggest::{Unspellable, did_you_mean, spell_code};
use errors_vocab::format_spec::FormatTrait;

/// `complete` is false when a file could not be read or parsed: checks that need the
/// whole catalog (is it empty? is a category declared?) are then skipped, since the
/// missing part may hold the answer.
pub(crate) fn validate(draft: &Draft, root: Option<Location>, complete: bool, sink: &mut Sink) {
    let s = &draft.settings;
    check_name(s, sink);
    check_doc_url(s, sink);
    check_renames(s, sink);
    check_retry(s, sink);
    let s = &draft.settings;
    crate::http::check(&s.http, s.code_case, &draft.errors, complete, sink);
    check_categories(draft, sink);
    if complete && draft.errors.is_empty() && !draft.errors_unreadable {
        let at = draft.errors_table.clone().or(root);
        if let Some(at) = at {
            sink.push(
                Diagnostic::new(at, "the catalog declares no errors")
                    .help("add one, e.g. `[errors.NOT_FOUND]` with `status = 404` and a `message`"),
            );
        }
    }
    check_codes(draft, sink);
    for (error, status) in draft.errors.iter().zip(&draft.statuses) {
        check_error(draft, error, *status, complete, sink);
    }
}

fn check_name(s: &Settings, sink: &mut Sink) {
    let Some((name, at)) = &s.name else { return };
    if !naming::is_type_name(name) || naming::is_keyword(name) {
        let suggestion = heck::ToUpperCamelCase::to_upper_camel_case(name.as_str());
        let help = if naming::is_type_name(&suggestion) && !naming::is_keyword(&suggestion) {
            format!("use an UpperCamelCase Rust identifier, such as `{suggestion}`")
        } else {
            "use an UpperCamelCase Rust identifier, such as `ApiError`".to_owned()
        };
        sink.push(
            Diagnostic::new(at.clone(), format!("`{name}` is not a valid enum name")).help(help),
        );
    }
}

const DOC_URL_PLACEHOLDERS: &str =
    "the placeholders are `{code}`, `{category}` and `{status}`, replaced by each error's";

fn check_doc_url(s: &Settings, sink: &mut Sink) {
    let Some((url, at)) = &s.doc_url else { return };
    if url.trim().is_empty() {
        sink.push(
            Diagnostic::new(at.clone(), "`doc_url` is empty")
                .help("give a URL, e.g. `https://docs.example.com/errors#{code}`, or remove it"),
        );
        return;
    }
    let mut rest = url.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            sink.push(
                Diagnostic::new(at.clone(), "unbalanced `{` in `doc_url`")
                    .help(DOC_URL_PLACEHOLDERS),
            );
            return;
        };
        let placeholder = &after[..=close];
        if !matches!(placeholder, "{code}" | "{category}" | "{status}") {
            let known = ["code", "category", "status"];
            let name = placeholder.trim_matches(|c| c == '{' || c == '}');
            let help = match did_you_mean(name, known) {
                Some(similar) => format!("did you mean `{{{similar}}}`? {DOC_URL_PLACEHOLDERS}"),
                None => DOC_URL_PLACEHOLDERS.to_owned(),
            };
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!("unknown placeholder `{placeholder}` in `doc_url`"),
                )
                .help(help),
            );
        }
        rest = &after[close + 1..];
    }
}

fn check_renames(s: &Settings, sink: &mut Sink) {
    for (i, (member, key, at)) in s.renames.iter().enumerate() {
        // Another member renamed earlier to the same key...
        if let Some((other, _, first)) = s.renames[..i].iter().find(|(_, k, _)| k == key) {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[envelope.rename]` gives `{}` and `{}` the same key `{key}`",
                        other.name(),
                        member.name()
                    ),
                )
                .help(format!(
                    "each member needs its own key; `{}` is renamed at {first}",
                    other.name()
                )),
            );
            continue;
        }
        // ...or a member that keeps its default key.
        let clash = s
            .envelope
            .keys()
            .find(|&(m, k)| m != *member && k == key && !s.renames.iter().any(|r| r.0 == m));
        if let Some((other, _)) = clash {
            sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`[envelope.rename]` gives `{}` the key `{key}`, which `{}` already has",
                        member.name(),
                        other.name()
                    ),
                )
                .help(format!(
                    "pick another key, or rename `{}` as well",
                    other.name()
                )),
            );
        }
    }
}

fn check_retry(s: &Settings, sink: &mut Sink) {
    let retry_at = |key: &str| {
        s.retry_at
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    };
    let r = &s.retry;
    if let (0, Some(at)) = (r.max_attempts, retry_at("max_attempts")) {
        sink.push(
            Diagnostic::new(at, "`max_attempts = 0` allows no attempt at all")
                .help("set at least 1: the count includes the first attempt"),
        );
    }
    if let (0, Some(at)) = (r.base_delay_ms, retry_at("base_delay_ms")) {
        sink.push(
            Diagnostic::new(at, "`base_delay_ms = 0` makes every backoff delay zero")
                .help("set the delay before the first retry, e.g. `base_delay_ms = 1000`"),
        );
    }
    if let (0, Some(at)) = (r.max_retry_after_ms, retry_at("max_retry_after_ms")) {
        sink.push(
            Diagnostic::new(
                at,
                "`max_retry_after_ms = 0` caps every `Retry-After` at zero: clients would retry at once",
            )
            .help("set the longest wait a client accepts from `Retry-After`, e.g. `max_retry_after_ms = 300000` (five minutes)"),
        );
    }
    if r.max_delay_ms < r.base_delay_ms
        && let Some(at) = retry_at("max_delay_ms").or_else(|| retry_at("base_delay_ms"))
    {
        sink.push(
            Diagnostic::new(
                at,
                format!(
                    "`max_delay_ms` ({}) is below `base_delay_ms` ({}): the cap would cut every delay",
                    r.max_delay_ms, r.base_delay_ms
                ),
            )
            .help("make `max_delay_ms` at least `base_delay_ms`"),
        );
    }
    let breaker_at = |key: &str| {
        s.circuit_breaker_at
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    };
    let c = &s.circuit_breaker;
    let zeros = [
        (
            "failure_threshold",
            u64::from(c.failure_threshold),
            "would open the circuit before any failure",
        ),
        (
            "open_ms",
            c.open_ms,
            "would close the circuit as soon as it opens",
        ),
        (
            "half_open_requests",
            u64::from(c.half_open_requests),
            "would let no trial request through, so the circuit could never close",
        ),
    ];
    for (key, value, why) in zeros {
        if let (0, Some(at)) = (value, breaker_at(key)) {
            sink.push(
                Diagnostic::new(at, format!("`{key} = 0` {why}")).help("set it to at least 1"),
            );
        }
    }
}

fn check_categories(draft: &Draft, sink: &mut Sink) {
    let mut seen: HashMap<&str, &Location> = HashMap::new();
    for category in &draft.categories {
        if let Some(first) = seen.insert(&category.name, &category.location) {
            sink.push(
                Diagnostic::new(
                    category.location.clone(),
                    format!("category `{}` is declared twice", category.name),
                )
                .help(format!("it is first declared at {first}; remove one")),
            );
        }
    }
}

fn check_codes(draft: &Draft, sink: &mut Sink) {
    let mut codes: HashMap<&str, &ErrorDef> = HashMap::new();
    let mut variants: HashMap<&str, &ErrorDef> = HashMap::new();
    for error in &draft.errors {
        let code = error.code.as_str();
        if !naming::is_code(code) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!("`{code}` is not a valid code"),
                )
                .help(code_help(code, draft.settings.code_case)),
            );
            continue;
        }
        if let Some(case) = draft.settings.code_case {
            let (ok, fixed) = match case {
                CodeCase::ScreamingSnakeCase => (
                    naming::is_screaming_snake_case(code),
                    code.to_shouty_snake_case(),
                ),
                CodeCase::SnakeCase => (naming::is_snake_case(code), code.to_snake_case()),
            };
            if !ok {
                sink.push(
                    Diagnostic::new(
                        error.location.clone(),
                        format!(
                            "code `{code}` is not {} as `code_case` requires",
                            case.as_str()
                        ),
                    )
                    .help(format!("write it `{fixed}`")),
                );
            }
        }
        if let Some(first) = codes.insert(code, error) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` is defined twice: here and at {}",
                        first.location
                    ),
                )
                .help("each code is defined once; remove or rename one of them"),
            );
            continue;
        }
        if naming::is_reserved_identifier(&error.variant) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` would become the variant `{}`, which Rust reserves",
                        error.variant
                    ),
                )
                .help("rename the code"),
            );
        } else if error.variant == "ALL" {
            // The code enum's `ALL` (every code) is part of the generated API.
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "code `{code}` would become the variant `ALL`, the name of the generated list of every code (`ApiErrorCode::ALL`)"
                    ),
                )
                .help("rename the code"),
            );
        } else if let Some(first) = variants.insert(&error.variant, error) {
            sink.push(
                Diagnostic::new(
                    error.location.clone(),
                    format!(
                        "codes `{}` and `{code}` both become the variant `{}`",
                        first.code, error.variant
                    ),
                )
                .help(format!(
                    "rename one of them; `{}` is defined at {}",
                    first.code, first.location
                )),
            );
        }
    }
}

/// The rule for codes, with a valid code spelled from `code` when one keeps all its
/// letters (in the case `code_case` asks for).
fn code_help(code: &str, case: Option<CodeCase>) -> String {
    const RULE: &str = "a code is ASCII letters, digits and `_`, starting with a letter";
    let in_case = |code: &str| match case {
        Some(CodeCase::ScreamingSnakeCase) => code.to_shouty_snake_case(),
        Some(CodeCase::SnakeCase) => code.to_snake_case(),
        None => code.to_owned(),
    };
    match spell_code(code) {
        Ok(spelled) => format!("{RULE}, such as `{}`", in_case(&spelled)),
        Err(Unspellable::Foreign(c)) => {
            format!("{RULE}; `{c}` has no ASCII spelling, so name the code in ASCII")
        }
        Err(Unspellable::LeadingDigit) if code.chars().any(|c| c.is_alphabetic()) => {
            format!("{RULE}; begin it with a word rather than a digit")
        }
        Err(Unspellable::LeadingDigit | Unspellable::Empty) => {
            format!("{RULE}, such as `{}`", in_case("NOT_FOUND"))
        }
    }
}

fn check_error(
    draft: &Draft,
    error: &ErrorDef,
    status: Option<i64>,
    complete: bool,
    sink: &mut Sink,
) {
    let code = &error.code;
    if let Some(status) = status
        && !(400..=599).contains(&status)
    {
        sink.push(
            Diagnostic::new(
                error.at.status.clone(),
                format!("status {status} of `{code}` is not an error status"),
            )
            .help("use 400..=599: 4xx for client errors, 5xx for server errors"),
        );
    }
    if !error.at.broken_message && error.message.source.trim().is_empty() {
        sink.push(
            Diagnostic::new(
                error.at.message.clone(),
                format!("the message of `{code}` is empty"),
            )
            .help("write the text clients see, e.g. `message = \"Session not found.\"`"),
        );
    }
    check_placeholders(error, sink);
    check_fields(draft, error, sink);

    if let Some((url, at)) = &draft.settings.doc_url
        && url.contains("{category}")
        && error.category.is_none()
    {
        sink.push(
            Diagnostic::new(
                error.location.clone(),
                format!("`{code}` has no `category`, but `doc_url` ({at}) inserts `{{category}}`"),
            )
            .help("give the error a `category`, or leave `{category}` out of `doc_url`"),
        );
    }

    if let (Some(category), Some(at)) = (&error.category, &error.at.category)
        && complete
        && !draft.categories.is_empty()
        && !draft.categories.iter().any(|c| &c.name == category)
    {
        let names = draft.categories.iter().map(|c| c.name.as_str());
        let help = match did_you_mean(category, names) {
            Some(similar) => format!("did you mean `{similar}`?"),
            None => format!("declare it as `[categories.{category}]`, or use a declared one"),
        };
        sink.push(
            Diagnostic::new(at.clone(), format!("category `{category}` is not declared"))
                .help(help),
        );
    }

    if let (Some(param), Some(at)) = (&error.param, &error.at.param) {
        match error.field(param) {
            None if !error.at.broken_fields.contains(param) => {
                sink.push(
                    Diagnostic::new(
                        at.clone(),
                        format!("`param` names `{param}`, which is not a detail field of `{code}`"),
                    )
                    .help(field_help(error, param)),
                );
            }
            None => {}
            Some(field) if field.internal => sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`param` names the internal field `{param}`, which never reaches clients"
                    ),
                )
                .help("name a public field, or drop `internal = true`"),
            ),
            Some(field) if field.ty != crate::model::DetailType::String => sink.push(
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`param` must name a string field, but `{param}` is a `{}`",
                        field.ty
                    ),
                )
                .help("name the field that holds the parameter's name"),
            ),
            Some(_) => {}
        }
    }
}

fn field_help(error: &ErrorDef, name: &str) -> String {
    // Fields whose declaration was broken still count as names the user meant.
    let declared = error
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .chain(error.at.broken_fields.iter().map(String::as_str));
    match did_you_mean(name, declared) {
        Some(similar) => format!("did you mean `{similar}`?"),
        None if error.fields.is_empty() => format!(
            "`{}` has no detail fields; declare `{name}` under `[errors.{}.details]`",
            error.code, error.code
        ),
        None => format!(
            "its fields are: {}; or declare `{name}` under `[errors.{}.details]`",
            error
                .fields
                .iter()
                .map(|f| format!("`{}`", f.name))
                .collect::<Vec<_>>()
                .join(", "),
            error.code
        ),
    }
}

fn check_placeholders(error: &ErrorDef, sink: &mut Sink) {
    for (p, location) in error.message.placeholders_at() {
        let name = p.field.as_ref();
        let Some(field) = error.field(name) else {
            if !error.at.broken_fields.iter().any(|b| b == name) {
                sink.push(
                    Diagnostic::new(
                        location.clone(),
                        format!("`{{{name}}}` is not a detail field of `{}`", error.code),
                    )
                    .help(field_help(error, name)),
                );
            }
            continue;
        };
        if field.internal {
            sink.push(
                Diagnostic::new(
                    location.clone(),
                    format!("the message inserts `{{{name}}}`, an internal field, which must never reach clients"),
                )
                .help("remove it from the message, or drop `internal = true`"),
            );
            continue;
        }
        let trait_ = p
            .spec
            .as_ref()
            .map_or(FormatTrait::Display, |s| s.format_trait());
        if trait_ == FormatTrait::Debug {
            continue;
        }
        let what = if field.optional {
            Some("an optional field".to_owned())
        } else {
            let fits = match trait_ {
                FormatTrait::Display => field.ty.has_display(),
                FormatTrait::LowerExp | FormatTrait::UpperExp => {
                    field.ty.is_integer() || field.ty == crate::model::DetailType::F64
                }
                _ => field.ty.is_integer(),
            };
            (!fits).then(|| format!("a `{}`", field.ty))
        };
        if let Some(what) = what {
            let help = if field.optional {
                format!(
                    "a message can only insert required fields; make `{name}` required, or leave it out of the message"
                )
            } else if trait_ == FormatTrait::Display {
                "a message can insert string, bool, number and json fields; use `:?` to show a list"
                    .to_owned()
            } else {
                let ty = p.spec.as_ref().map_or("", |s| s.type_str());
                let numbers = if matches!(trait_, FormatTrait::LowerExp | FormatTrait::UpperExp) {
                    "numbers"
                } else {
                    "integers"
                };
                format!("`{ty}` formats {numbers}; remove it, or insert a number field")
            };
            sink.push(
                Diagnostic::new(
                    location.clone(),
                    format!(
                        "`{}` cannot format `{name}`, {what}",
                        placeholder_text(name, p.spec.map(|s| s.to_string()).as_deref())
                    ),
                )
                .help(help),
            );
        }
    }
}

fn placeholder_text(name: &str, spec: Option<&str>) -> String {
    match spec {
        Some(spec) => format!("{{{name}:{spec}}}"),
        None => format!("{{{name}}}"),
    }
}

fn check_fields(draft: &Draft, error: &ErrorDef, sink: &mut Sink) {
    let envelope = &draft.settings.envelope;
    let mut wires: HashMap<&str, &Field> = HashMap::new();
    let mut headers: HashMap<String, &Field> = HashMap::new();
    for field in &error.fields {
        let name = &field.name;
        if naming::is_reserved_identifier(name) {
            sink.push(
                Diagnostic::new(
                    field.location.clone(),
                    format!("`{name}` cannot be a field name"),
                )
                .help("Rust reserves it even as a raw identifier; choose another name"),
            );
        } else if !naming::is_field_name(name) {
            let fixed = name.to_snake_case();
            let help = if naming::is_field_name(&fixed) && &fixed != name {
                format!(
                    "field names are snake_case identifiers: write `{fixed}` (set `wire` for another wire name)"
                )
            } else {
                "field names are snake_case identifiers, such as `retry_after`".to_owned()
            };
            sink.push(
                Diagnostic::new(field.location.clone(), format!("bad field name `{name}`"))
                    .help(help),
            );
        }
        let wire_at = field
            .at
            .wire
            .clone()
            .unwrap_or_else(|| field.location.clone());
        if field.wire.is_empty() {
            sink.push(
                Diagnostic::new(
                    wire_at.clone(),
                    format!("the wire name of `{name}` is empty"),
                )
                .help("give a name, or remove `wire` to use the field name"),
            );
        }
        if let (Some(header), Some(at)) = (&field.header, &field.at.header) {
            check_header(error, field, header, at, &mut headers, sink);
        }
        check_sent_somewhere(draft, error, field, sink);
        if !field.in_details {
            continue;
        }
        if let Some(first) = wires.insert(&field.wire, field) {
            sink.push(
                Diagnostic::new(
                    wire_at.clone(),
                    format!(
                        "`{}` and `{name}` of `{}` have the same wire name `{}`",
                        first.name, error.code, field.wire
                    ),
                )
                .help("give one of them another name with `wire = \"...\"`"),
            );
        }
        if envelope.style == EnvelopeStyle::Problem {
            let clash = envelope.keys().find(|&(_, key)| key == field.wire);
            if let Some((member, _)) = clash {
                let standard = if member == Member::Instance
                    || member.default_key(EnvelopeStyle::Problem) == field.wire
                {
                    "a standard problem member"
                } else {
                    "an envelope member"
                };
                sink.push(
                    Diagnostic::new(
                        wire_at,
                        format!(
                            "the detail field `{name}` has the wire name `{}`, {standard}: in the `problem` envelope detail fields are top-level members",
                            field.wire
                        ),
                    )
                    .help("give the field another wire name with `wire = \"...\"`"),
                );
            }
        }
    }
}

/// `details = false` keeps a field out of `details`: it must still reach clients
/// somewhere, in the message, a header or the typed envelope's `param`; and an
/// internal field, sent nowhere, has no use for it.
fn check_sent_somewhere(draft: &Draft, error: &ErrorDef, field: &Field, sink: &mut Sink) {
    let Some(at) = &field.at.details else { return };
    let name = &field.name;
    if field.internal {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("`details` on the internal field `{name}` says nothing: internal fields are sent nowhere"),
            )
            .help("drop `details`, or `internal = true` if clients should see the field"),
        );
        return;
    }
    if field.in_details {
        return;
    }
    let in_message = error.message.placeholders().any(|p| p.field == *name);
    let as_param = draft.settings.envelope.style == EnvelopeStyle::Typed
        && error.param.as_deref() == Some(name.as_str());
    if !in_message && field.header.is_none() && !as_param {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "the field `{name}` of `{}` is sent nowhere: `details = false` keeps it out of `details`, and neither the message nor a header carries it",
                    error.code
                ),
            )
            .help(format!(
                "insert it in the message as `{{{name}}}`, send it as a header with `header = \"...\"`, or drop `details = false`"
            )),
        );
    }
}

fn check_header<'a>(
    error: &ErrorDef,
    field: &'a Field,
    header: &str,
    at: &Location,
    seen: &mut HashMap<String, &'a Field>,
    sink: &mut Sink,
) {
    let name = &field.name;
    if !naming::is_header_name(header) {
        sink.push(
            Diagnostic::new(at.clone(), format!("`{header}` is not a valid HTTP header name"))
                .help("a header name is letters, digits and `-` (an RFC 9110 token), such as `Retry-After`"),
        );
        return;
    }
    if let Some(why) = naming::reserved_header(header) {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("`{name}` cannot be sent as the `{header}` header: {why}"),
            )
            .help("remove `header`, or name a header of the application's own, such as `X-Error-Detail`"),
        );
        return;
    }
    if field.internal {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!("the internal field `{name}` cannot be sent as the `{header}` header"),
            )
            .help("internal fields never reach clients; drop `header` or `internal = true`"),
        );
    } else if !field.ty.is_scalar() {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`{name}` is a `{}`, which cannot be sent as the `{header}` header",
                    field.ty
                ),
            )
            .help("a header carries one value: use a string, bool or number field"),
        );
    } else if header.eq_ignore_ascii_case("retry-after") && !field.ty.is_unsigned_integer() {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`Retry-After` needs a whole number of seconds, but `{name}` is a `{}`",
                    field.ty
                ),
            )
            .help(format!("make `{name}` a `u64` (or `u32`)")),
        );
    }
    if let Some(first) = seen.insert(header.to_ascii_lowercase(), field) {
        sink.push(
            Diagnostic::new(
                at.clone(),
                format!(
                    "`{}` and `{name}` of `{}` are both sent as the `{header}` header",
                    first.name, error.code
                ),
            )
            .help("each header can carry one field"),
        );
    }
}
