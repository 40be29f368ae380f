//! The draft catalog: what lowering every file produces, with where each checked
//! value was written. Validation reads it; without problems it becomes a [`Catalog`].

use std::path::PathBuf;

use crate::http::{self, HttpSettings};
use crate::model::{
    Catalog, Category, CircuitBreakerConfig, CodeCase, DEFAULT_LANGUAGE, DetailsCase,
    EnvelopeSettings, EnvelopeStyle, ErrorDef, HttpConfig, Member, RetryConfig, StatusDescription,
    Translation,
};
use crate::source::Location;
use crate::template::MessageTemplate;

/// Settings of the root file, with where they were written for validation.
pub(crate) struct Settings {
    pub(crate) name: Option<(String, Location)>,
    pub(crate) envelope: EnvelopeSettings,
    pub(crate) renames: Vec<(Member, String, Location)>,
    pub(crate) details_case: DetailsCase,
    pub(crate) doc_url: Option<(String, Location)>,
    pub(crate) code_case: Option<CodeCase>,
    pub(crate) retry: RetryConfig,
    pub(crate) retry_at: Vec<(&'static str, Location)>,
    pub(crate) circuit_breaker: CircuitBreakerConfig,
    pub(crate) circuit_breaker_at: Vec<(&'static str, Location)>,
    pub(crate) http: HttpSettings,
    /// `[catalog] description`.
    pub(crate) description: Option<String>,
    /// `[catalog] grpc_domain`.
    pub(crate) grpc_domain: Option<String>,
    /// `[statuses.N]`, in the order written.
    pub(crate) statuses: Vec<StatusDescription>,
    /// `[catalog] language`.
    pub(crate) language: Option<(String, Location)>,
}

/// One `[locales.TAG.errors.CODE]` table, as written.
pub(crate) struct DraftTranslation {
    pub(crate) locale: String,
    pub(crate) locale_at: Location,
    pub(crate) code: String,
    pub(crate) code_at: Location,
    pub(crate) message: MessageTemplate,
    pub(crate) message_at: Location,
}

/// The whole catalog as lowered, problems and all.
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
    /// Every `[locales.TAG.errors.CODE]`, in the order read.
    pub(crate) translations: Vec<DraftTranslation>,
}

impl Draft {
    /// An empty draft with the default settings.
    pub(crate) fn new() -> Self {
        Draft {
            settings: Settings {
                name: None,
                envelope: EnvelopeSettings::new(EnvelopeStyle::Nested),
                renames: Vec::new(),
                details_case: DetailsCase::SnakeCase,
                doc_url: None,
                code_case: None,
                retry: RetryConfig::DEFAULT,
                retry_at: Vec::new(),
                circuit_breaker: CircuitBreakerConfig::DEFAULT,
                circuit_breaker_at: Vec::new(),
                http: HttpSettings::default(),
                description: None,
                grpc_domain: None,
                statuses: Vec::new(),
                language: None,
            },
            categories: Vec::new(),
            errors: Vec::new(),
            statuses: Vec::new(),
            errors_table: None,
            errors_unreadable: false,
            translations: Vec::new(),
        }
    }

    /// The catalog, once validation found nothing wrong; `files` are the canonical
    /// paths read, the root first.
    pub(crate) fn into_catalog(self, files: Vec<PathBuf>) -> Catalog {
        let http = HttpConfig {
            request_id_header: self.settings.http.request_id_header.clone().map_or_else(
                || HttpConfig::DEFAULT_REQUEST_ID_HEADER.to_owned(),
                |(header, _)| header,
            ),
            timestamp: self.settings.http.timestamp.unwrap_or(true),
            codes: http::resolve(&self.settings.http, self.settings.code_case, &self.errors),
            statuses: http::resolve_statuses(&self.settings.http, &self.errors),
        };
        let mut errors = self.errors;
        let mut locales: Vec<String> = Vec::new();
        for t in self.translations {
            if !locales.contains(&t.locale) {
                locales.push(t.locale.clone());
            }
            if let Some(error) = errors.iter_mut().find(|e| e.code == t.code) {
                error.translations.push(Translation {
                    locale: t.locale,
                    message: t.message,
                });
            }
        }
        for error in &mut errors {
            error
                .translations
                .sort_by_key(|t| locales.iter().position(|l| *l == t.locale));
        }
        let mut s = self.settings;
        s.statuses.sort_by_key(|d| d.status);
        let name = s.name.map_or_else(|| "ApiError".to_owned(), |(n, _)| n);
        Catalog {
            code_enum: format!("{name}Code"),
            grpc_domain: s.grpc_domain.unwrap_or_else(|| name.clone()),
            name,
            envelope: s.envelope,
            details_case: s.details_case,
            doc_url: s.doc_url.map(|(url, _)| url),
            code_case: s.code_case,
            retry: s.retry,
            circuit_breaker: s.circuit_breaker,
            http,
            description: s.description,
            statuses: s.statuses,
            language: s
                .language
                .map_or_else(|| DEFAULT_LANGUAGE.to_owned(), |(tag, _)| tag),
            locales,
            categories: self.categories,
            errors,
            files,
        }
    }
}
