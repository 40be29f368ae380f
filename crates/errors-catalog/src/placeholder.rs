//! A catalog with placeholder data for one that has problems: what a code generator
//! expands beside the catalog's diagnostics, so that its error path is its success
//! path and the user sees only the catalog's problems, not a cascade of missing names.

use std::path::Path;
use std::sync::Arc;

use crate::model::{
    Catalog, CircuitBreakerConfig, DetailsCase, EnvelopeSettings, EnvelopeStyle, ErrorDef,
    ErrorLocations, RetryConfig,
};
use crate::partial::Partial;
use crate::source::Location;
use crate::template::MessageTemplate;

impl Partial {
    /// A valid [`Catalog`] of the sound part of a catalog with problems: its enum name
    /// and the errors and fields that could be read, with placeholder data (status
    /// 500, a literal message, no headers, nothing internal) wherever what was written
    /// is unusable. Never a catalog to serve: it exists to be expanded beside the
    /// diagnostics of a build that fails.
    ///
    /// ```
    /// let problems = errors_catalog::Catalog::from_str(
    ///     "catalog.toml",
    ///     "[errors.NOT_FOUND]\nstatus = 4040\nmessage = \"No {id}.\"\ndetails.id = \"u64\"\n",
    /// )
    /// .unwrap_err();
    /// let placeholder = problems.partial().placeholder_catalog();
    /// assert_eq!(placeholder.errors[0].code, "NOT_FOUND");
    /// assert_eq!(placeholder.errors[0].fields[0].name, "id");
    ///
    /// // Nothing read at all: the default enum name, no errors.
    /// let nothing = errors_catalog::Partial::default().placeholder_catalog();
    /// assert_eq!((nothing.name.as_str(), nothing.errors.len()), ("ApiError", 0));
    /// ```
    pub fn placeholder_catalog(&self) -> Catalog {
        let nowhere = Location::file_start(Arc::from(Path::new("")), 0);
        let errors = self
            .errors
            .iter()
            .map(|e| {
                let fields = e
                    .fields
                    .iter()
                    .map(|f| {
                        let mut f = f.clone();
                        // Headers and internal fields are checked against each other
                        // and the message; a placeholder needs neither.
                        f.header = None;
                        f.internal = false;
                        f
                    })
                    .collect();
                ErrorDef {
                    code: e.code.clone(),
                    variant: e.variant.clone(),
                    status: 500,
                    retryable: true,
                    message: MessageTemplate::literal(&e.code),
                    message_by: None,
                    category: None,
                    title: e.code.clone(),
                    description: None,
                    param: None,
                    deprecated: None,
                    deprecation: None,
                    aliases: Vec::new(),
                    retry_class: crate::model::RetryClass::Retryable,
                    grpc: crate::model::GrpcCode::Internal,
                    fields,
                    translations: Vec::new(),
                    doc_url: None,
                    location: nowhere.clone(),
                    at: ErrorLocations {
                        status: nowhere.clone(),
                        message: nowhere.clone(),
                        category: None,
                        param: None,
                        grpc: None,
                        broken_fields: Vec::new(),
                        broken_message: false,
                        evolve: Default::default(),
                    },
                }
            })
            .collect();
        // `Partial::default()` (nothing could be read) has no name: the default one.
        let name = if self.name.is_empty() {
            "ApiError"
        } else {
            &self.name
        };
        Catalog {
            name: name.to_owned(),
            code_enum: format!("{name}Code"),
            envelope: EnvelopeSettings::new(EnvelopeStyle::Nested),
            details_case: DetailsCase::SnakeCase,
            doc_url: None,
            code_case: None,
            retry: RetryConfig::default(),
            circuit_breaker: CircuitBreakerConfig::default(),
            http: crate::model::HttpConfig::default(),
            description: None,
            grpc_domain: name.to_owned(),
            statuses: Vec::new(),
            language: crate::model::DEFAULT_LANGUAGE.to_owned(),
            locales: Vec::new(),
            categories: Vec::new(),
            errors,
            files: Vec::new(),
        }
    }
}
