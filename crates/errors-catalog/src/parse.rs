//! Lowering: one file's TOML tree into the catalog model.
//!
//! This stage reports what the model cannot represent: unknown keys, values of the
//! wrong type, missing required keys, unparsable templates and detail types. Rules
//! about values that parse fine (ranges, names, cross-references) belong to `valid.rs`.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Sink};
use crate::model::{
    Catalog, Category, CircuitBreakerConfig, CodeCase, DetailType, DetailsCase, Envelope,
    EnvelopeStyle, ErrorDef, ErrorLocations, Field, FieldLocations, Member, RetryConfig,
};
use crate::naming;
use crate::source::{Location, SourceFile};
use crate::suggest::did_you_mean;
use crate::template::Template;

const ROOT_KEYS: &[&str] = &[
    "catalog",
    "envelope",
    "retry",
    "circuit_breaker",
    "categories",
    "errors",
];
/// Settings that only the root file may hold.
const ROOT_ONLY: &[&str] = &["envelope", "retry", "circuit_breaker"];
const INCLUDED_KEYS: &[&str] = &["catalog", "categories", "errors"];
const CATALOG_KEYS: &[&str] = &[
    "name",
    "envelope",
    "details_case",
    "doc_url",
    "code_case",
    "include",
];
const ENVELOPE_KEYS: &[&str] = &["rename"];
const RETRY_KEYS: &[&str] = &[
    "max_attempts",
    "base_delay_ms",
    "max_delay_ms",
    "honor_retry_after",
];
const BREAKER_KEYS: &[&str] = &["failure_threshold", "open_ms", "half_open_requests"];
const CATEGORY_KEYS: &[&str] = &["description"];
const ERROR_KEYS: &[&str] = &[
    "status",
    "message",
    "retryable",
    "category",
    "title",
    "description",
    "param",
    "deprecated",
    "details",
];
const FIELD_KEYS: &[&str] = &[
    "type",
    "optional",
    "internal",
    "header",
    "wire",
    "description",
];
const TYPE_NAMES: &[&str] = &[
    "string",
    "bool",
    "i32",
    "i64",
    "u32",
    "u64",
    "f64",
    "json",
    "field_violations",
];

type Value<'i> = Spanned<DeValue<'i>>;

/// Settings of the root file, with where they were written for validation.
pub(crate) struct Settings {
    pub(crate) name: Option<(String, Location)>,
    pub(crate) envelope: Envelope,
    pub(crate) renames: Vec<(Member, String, Location)>,
    pub(crate) details_case: DetailsCase,
    pub(crate) doc_url: Option<(String, Location)>,
    pub(crate) code_case: Option<CodeCase>,
    pub(crate) retry: RetryConfig,
    pub(crate) retry_at: Vec<(&'static str, Location)>,
    pub(crate) circuit_breaker: CircuitBreakerConfig,
    pub(crate) circuit_breaker_at: Vec<(&'static str, Location)>,
}

/// What lowering every file produces; `valid.rs` checks it, then it becomes a
/// [`Catalog`].
pub(crate) struct Draft {
    pub(crate) settings: Settings,
    pub(crate) categories: Vec<Category>,
    pub(crate) errors: Vec<ErrorDef>,
    /// The raw `status` of each error (same order): validation checks the range.
    pub(crate) statuses: Vec<Option<i64>>,
    /// Where the root file's `[errors]` table is, if it has one.
    pub(crate) errors_table: Option<Location>,
    /// An `errors` key, or an entry of it, that is not a table was reported: the
    /// catalog is not known to be empty.
    pub(crate) errors_unreadable: bool,
}

impl Draft {
    pub(crate) fn new() -> Self {
        Draft {
            settings: Settings {
                name: None,
                envelope: Envelope::new(EnvelopeStyle::Nested),
                renames: Vec::new(),
                details_case: DetailsCase::SnakeCase,
                doc_url: None,
                code_case: None,
                retry: RetryConfig::default(),
                retry_at: Vec::new(),
                circuit_breaker: CircuitBreakerConfig::default(),
                circuit_breaker_at: Vec::new(),
            },
            categories: Vec::new(),
            errors: Vec::new(),
            statuses: Vec::new(),
            errors_table: None,
            errors_unreadable: false,
        }
    }

    pub(crate) fn into_catalog(self, files: Vec<std::path::PathBuf>) -> Catalog {
        let s = self.settings;
        let name = s.name.map_or_else(|| "ApiError".to_owned(), |(n, _)| n);
        Catalog {
            code_enum: format!("{name}Code"),
            name,
            envelope: s.envelope,
            details_case: s.details_case,
            doc_url: s.doc_url.map(|(url, _)| url),
            code_case: s.code_case,
            retry: s.retry,
            circuit_breaker: s.circuit_breaker,
            categories: self.categories,
            errors: self.errors,
            files,
        }
    }
}

/// Lowers one parsed file into `draft`; returns its `include` entries.
pub(crate) fn lower_file(
    file: &SourceFile,
    root: &DeTable<'_>,
    is_root: bool,
    draft: &mut Draft,
    sink: &mut Sink,
) -> Vec<(String, Location)> {
    let mut cx = Cx { file, sink };
    let mut includes = Vec::new();
    for (key, value) in in_order(root) {
        let name = key.get_ref().as_ref();
        let key_at = cx.at(key.span());
        match name {
            "catalog" => {
                if let Some(table) = cx.table(value, "[catalog]") {
                    includes = cx.catalog(table, is_root, draft);
                }
            }
            "envelope" | "retry" | "circuit_breaker" if is_root => {
                let Some(table) = cx.table(value, &format!("[{name}]")) else {
                    continue;
                };
                match name {
                    "envelope" => cx.envelope(table, &mut draft.settings),
                    "retry" => cx.retry(table, &mut draft.settings),
                    _ => cx.circuit_breaker(table, &mut draft.settings),
                }
            }
            "categories" => {
                if let Some(table) = cx.table(value, "[categories]") {
                    cx.categories(table, &mut draft.categories);
                }
            }
            "errors" => match cx.table(value, "[errors]") {
                Some(table) => {
                    if is_root {
                        draft.errors_table = Some(key_at);
                    }
                    cx.errors(table, draft);
                }
                None => draft.errors_unreadable = true,
            },
            _ if !is_root && ROOT_ONLY.contains(&name) => cx.sink.push(
                Diagnostic::new(
                    key_at,
                    format!("`[{name}]` can only be set in the root catalog file"),
                )
                .help("move it to the file that includes this one"),
            ),
            _ => cx.unknown_key(
                key,
                "the catalog file",
                if is_root { ROOT_KEYS } else { INCLUDED_KEYS },
            ),
        }
    }
    includes
}

struct Cx<'a> {
    file: &'a SourceFile,
    sink: &'a mut Sink,
}

impl Cx<'_> {
    fn at(&self, span: Range<usize>) -> Location {
        self.file.location(span)
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        place: &str,
        known: &[&str],
    ) {
        let name = key.get_ref().as_ref();
        let help = match did_you_mean(name, known.iter().copied()) {
            Some(similar) => format!("did you mean `{similar}`?"),
            None => format!("expected one of: {}", known.join(", ")),
        };
        let place = if place.starts_with('[') {
            format!("`{place}`")
        } else {
            place.to_owned()
        };
        self.sink.push(
            Diagnostic::new(
                self.at(key.span()),
                format!("unknown key `{name}` in {place}"),
            )
            .help(help),
        );
    }

    /// Reports every key of `table` not in `known`.
    fn check_keys(&mut self, table: &DeTable<'_>, place: &str, known: &[&str]) {
        for (key, _) in in_order(table) {
            if !known.contains(&key.get_ref().as_ref()) {
                self.unknown_key(key, place, known);
            }
        }
    }

    fn wrong_type(&mut self, value: &Value<'_>, what: &str, expected: &str) {
        let found = value.get_ref();
        self.sink.error(
            self.at(value.span()),
            format!("{what} must be {expected}, found {}", article(found)),
        );
    }

    fn table<'t, 'i>(&mut self, value: &'t Value<'i>, place: &str) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, &format!("`{place}`"), "a table");
                None
            }
        }
    }

    fn string(&mut self, table: &DeTable<'_>, key: &str) -> Option<(String, Location)> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), self.string_at(value))),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "a string");
                None
            }
        }
    }

    /// Where a string value is; its span covers the quotes.
    fn string_at(&self, value: &Value<'_>) -> Location {
        self.at(value.span())
    }

    fn bool(&mut self, table: &DeTable<'_>, key: &str) -> Option<(bool, Location)> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, self.at(value.span()))),
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "`true` or `false`");
                None
            }
        }
    }

    fn integer(&mut self, table: &DeTable<'_>, key: &str) -> Option<(i64, Location)> {
        let value = table.get(key)?;
        let at = self.at(value.span());
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some((n, at)),
                Err(_) => {
                    self.sink
                        .error(at, format!("`{key}` is too large for a 64-bit integer"));
                    None
                }
            },
            _ => {
                self.wrong_type(value, &format!("`{key}`"), "an integer");
                None
            }
        }
    }

    /// A non-negative integer that fits `T`, for `[retry]` and `[circuit_breaker]`.
    fn count<T: TryFrom<i64>>(
        &mut self,
        table: &DeTable<'_>,
        key: &'static str,
        at: &mut Vec<(&'static str, Location)>,
    ) -> Option<T> {
        let (n, loc) = self.integer(table, key)?;
        match T::try_from(n) {
            Ok(v) if n >= 0 => {
                at.push((key, loc));
                Some(v)
            }
            _ => {
                let max = if std::mem::size_of::<T>() == 4 {
                    u32::MAX.to_string()
                } else {
                    i64::MAX.to_string()
                };
                self.sink.error(
                    loc,
                    format!("`{key}` must be a whole number from 0 to {max}, found {n}"),
                );
                None
            }
        }
    }

    fn catalog(
        &mut self,
        table: &DeTable<'_>,
        is_root: bool,
        draft: &mut Draft,
    ) -> Vec<(String, Location)> {
        if is_root {
            self.check_keys(table, "[catalog]", CATALOG_KEYS);
        } else {
            for (key, _) in in_order(table) {
                let name = key.get_ref().as_ref();
                if CATALOG_KEYS.contains(&name) && name != "include" {
                    self.sink.push(
                        Diagnostic::new(
                            self.at(key.span()),
                            format!("`{name}` can only be set in the root catalog file"),
                        )
                        .help("an included file may only hold `include`, `[categories]` and `[errors]`"),
                    );
                } else if name != "include" {
                    self.unknown_key(key, "[catalog]", CATALOG_KEYS);
                }
            }
        }
        let s = &mut draft.settings;
        if is_root {
            s.name = self.string(table, "name");
            if let Some(value) = table.get("envelope") {
                let style = self.choice(value, "envelope", &EnvelopeStyle::ALL, |s| s.as_str());
                if let Some(style) = style {
                    s.envelope = Envelope::new(style);
                }
            }
            s.details_case = s.envelope.style.default_details_case();
            if let Some(value) = table.get("details_case") {
                let cases = [DetailsCase::CamelCase, DetailsCase::SnakeCase];
                if let Some(case) = self.choice(value, "details_case", &cases, |c| c.as_str()) {
                    s.details_case = case;
                }
            }
            if let Some(value) = table.get("code_case") {
                let cases = [CodeCase::ScreamingSnakeCase, CodeCase::SnakeCase];
                s.code_case = self.choice(value, "code_case", &cases, |c| c.as_str());
            }
            s.doc_url = self.string(table, "doc_url");
        }
        let Some(value) = table.get("include") else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::String(path) => vec![(path.to_string(), self.at(value.span()))],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(path) => Some((path.to_string(), self.at(item.span()))),
                    _ => {
                        self.wrong_type(item, "each `include` entry", "a string (a path)");
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(value, "`include`", "an array of paths");
                Vec::new()
            }
        }
    }

    /// One of a fixed set of strings.
    fn choice<T: Copy>(
        &mut self,
        value: &Value<'_>,
        key: &str,
        options: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let names: Vec<&str> = options.iter().map(|&o| name(o)).collect();
        let DeValue::String(text) = value.get_ref() else {
            let expected = format!("one of the strings {}", quoted_list(&names));
            self.wrong_type(value, &format!("`{key}`"), &expected);
            return None;
        };
        if let Some(&found) = options.iter().find(|&&o| name(o) == text.as_ref()) {
            return Some(found);
        }
        let help = match did_you_mean(text, names.iter().copied()) {
            Some(similar) => format!("did you mean `\"{similar}\"`?"),
            None => format!("use one of {}", quoted_list(&names)),
        };
        self.sink.push(
            Diagnostic::new(self.at(value.span()), format!("unknown {key} `\"{text}\"`"))
                .help(help),
        );
        None
    }

    fn envelope(&mut self, table: &DeTable<'_>, s: &mut Settings) {
        self.check_keys(table, "[envelope]", ENVELOPE_KEYS);
        let Some(value) = table.get("rename") else {
            return;
        };
        let Some(rename) = self.table(value, "[envelope.rename]") else {
            return;
        };
        let style = s.envelope.style;
        let members = style.members();
        for (key, value) in in_order(rename) {
            let name = key.get_ref().as_ref();
            let Some(&member) = members.iter().find(|m| m.name() == name) else {
                let names: Vec<&str> = members.iter().map(|m| m.name()).collect();
                let in_other = EnvelopeStyle::ALL
                    .iter()
                    .any(|st| st.members().iter().any(|m| m.name() == name));
                let message = if in_other {
                    format!(
                        "the `{}` envelope has no member `{name}` to rename",
                        style.as_str()
                    )
                } else {
                    format!("unknown envelope member `{name}` in `[envelope.rename]`")
                };
                let help = match did_you_mean(name, names.iter().copied()) {
                    Some(similar) => format!("did you mean `{similar}`?"),
                    None => format!(
                        "the members of the `{}` envelope are: {}",
                        style.as_str(),
                        names.join(", ")
                    ),
                };
                self.sink
                    .push(Diagnostic::new(self.at(key.span()), message).help(help));
                continue;
            };
            match value.get_ref() {
                DeValue::String(new) if !new.is_empty() => {
                    s.renames
                        .push((member, new.to_string(), self.at(value.span())));
                }
                DeValue::String(_) => self.sink.error(
                    self.at(value.span()),
                    format!("the new key of `{name}` is empty; give a member name"),
                ),
                _ => self.wrong_type(value, &format!("the new key of `{name}`"), "a string"),
            }
        }
        for (member, new, _) in &s.renames {
            if let Some(slot) = s.envelope.keys.iter_mut().find(|(m, _)| m == member) {
                slot.1 = new.clone();
            }
        }
    }

    fn retry(&mut self, table: &DeTable<'_>, s: &mut Settings) {
        self.check_keys(table, "[retry]", RETRY_KEYS);
        let at = &mut s.retry_at;
        if let Some(v) = self.count(table, "max_attempts", at) {
            s.retry.max_attempts = v;
        }
        if let Some(v) = self.count(table, "base_delay_ms", at) {
            s.retry.base_delay_ms = v;
        }
        if let Some(v) = self.count(table, "max_delay_ms", at) {
            s.retry.max_delay_ms = v;
        }
        if let Some((v, _)) = self.bool(table, "honor_retry_after") {
            s.retry.honor_retry_after = v;
        }
    }

    fn circuit_breaker(&mut self, table: &DeTable<'_>, s: &mut Settings) {
        self.check_keys(table, "[circuit_breaker]", BREAKER_KEYS);
        let at = &mut s.circuit_breaker_at;
        if let Some(v) = self.count(table, "failure_threshold", at) {
            s.circuit_breaker.failure_threshold = v;
        }
        if let Some(v) = self.count(table, "open_ms", at) {
            s.circuit_breaker.open_ms = v;
        }
        if let Some(v) = self.count(table, "half_open_requests", at) {
            s.circuit_breaker.half_open_requests = v;
        }
    }

    fn categories(&mut self, table: &DeTable<'_>, out: &mut Vec<Category>) {
        for (key, value) in in_order(table) {
            let name = key.get_ref().to_string();
            let description = match value.get_ref() {
                // `name = "description"` is short for `[categories.name] description = ...`.
                DeValue::String(text) => Some(text.to_string()),
                DeValue::Table(t) => {
                    self.check_keys(t, &format!("[categories.{name}]"), CATEGORY_KEYS);
                    self.string(t, "description").map(|(d, _)| d)
                }
                _ => {
                    self.wrong_type(
                        value,
                        &format!("`[categories.{name}]`"),
                        "a table (or a description string)",
                    );
                    None
                }
            };
            out.push(Category {
                name,
                description,
                location: self.at(key.span()),
            });
        }
    }

    fn errors(&mut self, table: &DeTable<'_>, draft: &mut Draft) {
        for (key, value) in in_order(table) {
            let code = key.get_ref().to_string();
            let location = self.at(key.span());
            let Some(def) = self.table(value, &format!("[errors.{code}]")) else {
                draft.errors_unreadable = true;
                continue;
            };
            let (error, status) = self.error(code, location, def, &draft.settings);
            draft.errors.push(error);
            draft.statuses.push(status);
        }
    }

    fn error(
        &mut self,
        code: String,
        location: Location,
        table: &DeTable<'_>,
        settings: &Settings,
    ) -> (ErrorDef, Option<i64>) {
        let place = format!("[errors.{code}]");
        self.check_keys(table, &place, ERROR_KEYS);

        let status = self.integer(table, "status");
        if status.is_none()
            && !table.contains_key("status")
            && !misspelt(table, "status", ERROR_KEYS)
        {
            self.sink.push(
                Diagnostic::new(location.clone(), format!("`{place}` has no `status`"))
                    .help("add the HTTP status it is sent with, e.g. `status = 400` (400..=599)"),
            );
        }
        let status_at = status
            .as_ref()
            .map_or(location.clone(), |(_, at)| at.clone());
        let raw_status = status.map(|(n, _)| n);
        let status = raw_status.and_then(|n| u16::try_from(n).ok()).unwrap_or(0);

        let mut broken_message = true;
        let mut message_at = location.clone();
        let mut message = Template {
            source: String::new(),
            segments: Vec::new(),
        };
        if let Some(value) = table.get("message") {
            message_at = self.at(value.span());
            match value.get_ref() {
                DeValue::String(text) => {
                    let base = value.span().start;
                    let raw = &self.file.text[value.span()];
                    // Point inside the string when its source text is the value itself
                    // (no escapes); otherwise at the string.
                    let exact = raw.len() == text.len() + 2 && &raw[1..raw.len() - 1] == text;
                    let whole = value.span();
                    let locate = |r: Range<usize>| {
                        if exact {
                            self.file.location(base + 1 + r.start..base + 1 + r.end)
                        } else {
                            self.file.location(whole.clone())
                        }
                    };
                    let (template, problems) = Template::parse(text, &locate);
                    problems.into_iter().for_each(|d| self.sink.push(d));
                    message = template;
                    broken_message = false;
                }
                _ => self.wrong_type(value, "`message`", "a string"),
            }
        } else if !misspelt(table, "message", ERROR_KEYS) {
            self.sink.push(
                Diagnostic::new(location.clone(), format!("`{place}` has no `message`"))
                    .help("add the message clients see, e.g. `message = \"Session not found.\"`"),
            );
        }

        let retryable = self
            .bool(table, "retryable")
            .map(|(b, _)| b)
            .unwrap_or(status == 429 || status >= 500);
        let category = self.string(table, "category");
        let title = self.string(table, "title").map(|(t, _)| t);
        let description = self.string(table, "description").map(|(d, _)| d);
        let param = self.string(table, "param");
        let deprecated = match table.get("deprecated") {
            None => None,
            Some(value) => match value.get_ref() {
                DeValue::String(note) => Some(note.to_string()),
                DeValue::Boolean(true) => Some(String::new()),
                DeValue::Boolean(false) => None,
                _ => {
                    self.wrong_type(
                        value,
                        "`deprecated`",
                        "a string (why, and what to use instead)",
                    );
                    None
                }
            },
        };

        let mut fields = Vec::new();
        let mut broken_fields = Vec::new();
        if let Some(value) = table.get("details") {
            let details_place = format!("[errors.{code}.details]");
            if let Some(details) = self.table(value, &details_place) {
                for (key, value) in in_order(details) {
                    let name = key.get_ref().to_string();
                    match self.field(&name, self.at(key.span()), value, &details_place, settings) {
                        Some(field) => fields.push(field),
                        None => broken_fields.push(name),
                    }
                }
            }
        }

        let doc_url = settings
            .doc_url
            .as_ref()
            .map(|(url, _)| url.replace("{code}", &code));
        let error = ErrorDef {
            variant: naming::variant_name(&code),
            title: title.unwrap_or_else(|| naming::default_title(&code)),
            status,
            retryable,
            message,
            category: category.as_ref().map(|(c, _)| c.clone()),
            description,
            param: param.as_ref().map(|(p, _)| p.clone()),
            deprecated,
            fields,
            doc_url,
            at: ErrorLocations {
                status: status_at,
                message: message_at,
                category: category.map(|(_, at)| at),
                param: param.map(|(_, at)| at),
                broken_fields,
                broken_message,
            },
            location,
            code,
        };
        (error, raw_status)
    }

    /// One detail field: `name = "type"` or `name = { type = "...", ... }`.
    fn field(
        &mut self,
        name: &str,
        location: Location,
        value: &Value<'_>,
        place: &str,
        settings: &Settings,
    ) -> Option<Field> {
        let mut optional = false;
        let mut internal = false;
        let mut header = None;
        let mut wire = None;
        let mut description = None;
        let ty_value = match value.get_ref() {
            DeValue::String(_) => value,
            DeValue::Table(t) => {
                self.check_keys(t, &format!("the field `{name}` of `{place}`"), FIELD_KEYS);
                optional = self.bool(t, "optional").is_some_and(|(b, _)| b);
                internal = self.bool(t, "internal").is_some_and(|(b, _)| b);
                header = self.string(t, "header");
                wire = self.string(t, "wire");
                description = self.string(t, "description").map(|(d, _)| d);
                match t.get("type") {
                    Some(ty) => ty,
                    // The misspelling is reported as an unknown key, with the fix.
                    None if misspelt(t, "type", FIELD_KEYS) => return None,
                    None => {
                        self.sink.push(
                            Diagnostic::new(location, format!("the field `{name}` has no `type`"))
                                .help("add one, e.g. `{ type = \"string\" }`"),
                        );
                        return None;
                    }
                }
            }
            _ => {
                self.wrong_type(
                    value,
                    &format!("the field `{name}`"),
                    "a type string such as `\"u64\"`, or a table such as `{ type = \"u64\" }`",
                );
                return None;
            }
        };
        let DeValue::String(ty_text) = ty_value.get_ref() else {
            self.wrong_type(
                ty_value,
                &format!("the type of `{name}`"),
                "a string such as `\"u64\"`",
            );
            return None;
        };
        let (ty, question_mark) = match parse_type(ty_text) {
            Ok(parsed) => parsed,
            Err((message, help)) => {
                self.sink
                    .push(Diagnostic::new(self.at(ty_value.span()), message).help(help));
                return None;
            }
        };
        if question_mark
            && matches!(value.get_ref(), DeValue::Table(t) if matches!(t.get("optional").map(|v| v.get_ref()), Some(DeValue::Boolean(false))))
        {
            self.sink.error(
                self.at(ty_value.span()),
                format!("`{ty_text}` is optional but the field says `optional = false`"),
            );
        }
        let wire_name = match &wire {
            Some((w, _)) => w.clone(),
            None => match settings.details_case {
                DetailsCase::CamelCase => naming::camel_case(name),
                DetailsCase::SnakeCase => name.to_owned(),
            },
        };
        Some(Field {
            name: name.to_owned(),
            ty,
            optional: optional || question_mark,
            internal,
            header: header.as_ref().map(|(h, _)| h.clone()),
            wire: wire_name,
            description,
            location,
            at: FieldLocations {
                header: header.map(|(_, at)| at),
                wire: wire.map(|(_, at)| at),
            },
        })
    }
}

/// Parses a detail type: `u64`, `string?`, `[string]`, `[[u32]]?`.
/// Returns the type and whether it ended in `?`.
pub(crate) fn parse_type(text: &str) -> Result<(DetailType, bool), (String, String)> {
    let trimmed = text.trim();
    let (body, optional) = match trimmed.strip_suffix('?') {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let ty = parse_type_body(body, text)?;
    Ok((ty, optional))
}

fn parse_type_body(body: &str, whole: &str) -> Result<DetailType, (String, String)> {
    if let Some(inner) = body.strip_prefix('[') {
        let Some(inner) = inner.strip_suffix(']') else {
            return Err((
                format!("unbalanced `[` in detail type `{whole}`"),
                "a list type is written `[T]`, e.g. `[string]`".into(),
            ));
        };
        let inner = inner.trim();
        if inner.ends_with('?') {
            return Err((
                format!("list elements cannot be optional in `{whole}`"),
                format!(
                    "write `[{}]` for a list, or `[{}]?` for an optional list",
                    inner.trim_end_matches('?'),
                    inner.trim_end_matches('?')
                ),
            ));
        }
        if inner == "field_violations" {
            return Err((
                format!("`{whole}` is a list of lists of violations"),
                "`field_violations` is already a list; write `field_violations`".into(),
            ));
        }
        return Ok(DetailType::List(Box::new(parse_type_body(inner, whole)?)));
    }
    Ok(match body {
        "string" => DetailType::String,
        "bool" => DetailType::Bool,
        "i32" => DetailType::I32,
        "i64" => DetailType::I64,
        "u32" => DetailType::U32,
        "u64" => DetailType::U64,
        "f64" => DetailType::F64,
        "json" => DetailType::Json,
        "field_violations" => DetailType::FieldViolations,
        other => {
            let help = match did_you_mean(other, TYPE_NAMES.iter().copied()) {
                Some(similar) => format!("did you mean `{similar}`?"),
                None => format!(
                    "the types are {}, `[T]` for a list and a trailing `?` for optional",
                    TYPE_NAMES.join(", ")
                ),
            };
            let message = if other.ends_with('?') {
                format!("detail type `{whole}` has more than one `?`")
            } else {
                format!("unknown detail type `{other}`")
            };
            return Err((message, help));
        }
    })
}

/// Whether `table` lacks `key` because it is misspelt: an unknown key whose "did you
/// mean" is `key`, already reported with the fix.
fn misspelt(table: &DeTable<'_>, key: &str, known: &[&str]) -> bool {
    table.iter().any(|(k, _)| {
        let k = k.get_ref().as_ref();
        !known.contains(&k) && did_you_mean(k, known.iter().copied()) == Some(key)
    })
}

/// A table's entries in the order they are written (the map itself is sorted by key).
fn in_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn article(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`\"{n}\"`")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_types() {
        assert_eq!(parse_type("u64").unwrap(), (DetailType::U64, false));
        assert_eq!(parse_type("string?").unwrap(), (DetailType::String, true));
        assert_eq!(
            parse_type("[[u32]]?").unwrap(),
            (
                DetailType::List(Box::new(DetailType::List(Box::new(DetailType::U32)))),
                true
            )
        );
        assert_eq!(parse_type("strng").unwrap_err().1, "did you mean `string`?");
        assert_eq!(
            parse_type("string??").unwrap_err().0,
            "detail type `string??` has more than one `?`"
        );
        assert_eq!(
            parse_type("[string").unwrap_err().0,
            "unbalanced `[` in detail type `[string`"
        );
        assert_eq!(
            parse_type("[u64?]").unwrap_err().1,
            "write `[u64]` for a list, or `[u64]?` for an optional list"
        );
        assert!(parse_type("[field_violations]").is_err());
        assert!(parse_type("").is_err());
    }
}
