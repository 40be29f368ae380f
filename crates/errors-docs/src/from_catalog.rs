//! The reference of a catalog file, from the catalog model: no Rust compiled.

use errors_catalog::{Catalog, DetailType, EnvelopeStyle, ErrorDef, Member, MessageTemplate};

use crate::model::{
    Category, CircuitBreaker, Code, Envelope, Field, FieldType, HonorRetryAfter, Keys, Reference,
    Retry, Style,
};
use crate::template::Template;

impl From<&Catalog> for Reference {
    fn from(catalog: &Catalog) -> Reference {
        let style = match catalog.envelope.style {
            EnvelopeStyle::Flat => Style::Flat,
            EnvelopeStyle::Nested => Style::Nested,
            EnvelopeStyle::Typed => Style::Typed,
            EnvelopeStyle::Problem => Style::Problem,
        };
        let retry = &catalog.retry;
        let breaker = &catalog.circuit_breaker;
        Reference {
            name: catalog.name.clone(),
            envelope: Envelope {
                style,
                keys: keys(catalog, style),
            },
            retry: Retry {
                max_attempts: retry.max_attempts,
                base_delay_ms: retry.base_delay_ms,
                max_delay_ms: retry.max_delay_ms,
                honor_retry_after: match retry.honor_retry_after {
                    errors_catalog::HonorRetryAfter::Never => HonorRetryAfter::Never,
                    errors_catalog::HonorRetryAfter::FirstRetry => HonorRetryAfter::FirstRetry,
                    errors_catalog::HonorRetryAfter::Always => HonorRetryAfter::Always,
                },
                max_retry_after_ms: retry.max_retry_after_ms,
            },
            circuit_breaker: CircuitBreaker {
                failure_threshold: breaker.failure_threshold,
                open_ms: breaker.open_ms,
                half_open_requests: breaker.half_open_requests,
            },
            categories: catalog
                .categories
                .iter()
                .map(|c| Category {
                    name: c.name.clone(),
                    description: c.description.clone(),
                })
                .collect(),
            codes: catalog.errors.iter().map(code).collect(),
        }
    }
}

impl From<Catalog> for Reference {
    fn from(catalog: Catalog) -> Reference {
        Reference::from(&catalog)
    }
}

fn keys(catalog: &Catalog, style: Style) -> Keys {
    let defaults = Keys::defaults(style);
    let key = |member: Member, default: String| {
        catalog.envelope.key(member).map_or(default, str::to_owned)
    };
    Keys {
        success: key(Member::Success, defaults.success),
        error: key(Member::Error, defaults.error),
        code: key(Member::Code, defaults.code),
        message: key(Member::Message, defaults.message),
        details: key(Member::Details, defaults.details),
        request_id: key(Member::RequestId, defaults.request_id),
        timestamp: key(Member::Timestamp, defaults.timestamp),
        type_: key(Member::Type, defaults.type_),
        param: key(Member::Param, defaults.param),
        doc_url: key(Member::DocUrl, defaults.doc_url),
        title: key(Member::Title, defaults.title),
        status: key(Member::Status, defaults.status),
        detail: key(Member::Detail, defaults.detail),
        instance: key(Member::Instance, defaults.instance),
    }
}

fn code(error: &ErrorDef) -> Code {
    Code {
        code: error.code.clone(),
        title: error.title.clone(),
        status: error.status,
        retryable: error.retryable,
        category: error.category.clone(),
        description: error.description.clone(),
        template: template(&error.message),
        param: error.param.clone(),
        deprecated: error.deprecated.clone(),
        doc_url: error.doc_url.clone(),
        fields: error
            .fields
            .iter()
            .map(|f| Field {
                name: f.name.clone(),
                wire: f.wire.clone(),
                ty: field_type(&f.ty),
                optional: f.optional,
                internal: f.internal,
                header: f.header.clone(),
                in_details: f.in_details,
                description: f.description.clone(),
            })
            .collect(),
    }
}

fn template(template: &MessageTemplate) -> Template {
    Template {
        source: template.source.clone(),
        pieces: template.pieces.clone(),
    }
}

fn field_type(ty: &DetailType) -> FieldType {
    match ty {
        DetailType::String => FieldType::String,
        DetailType::Bool => FieldType::Bool,
        DetailType::I32 => FieldType::I32,
        DetailType::I64 => FieldType::I64,
        DetailType::U32 => FieldType::U32,
        DetailType::U64 => FieldType::U64,
        DetailType::F64 => FieldType::F64,
        DetailType::Json => FieldType::Json,
        DetailType::FieldViolations => FieldType::FieldViolations,
        DetailType::List(inner) => FieldType::List(Box::new(field_type(inner))),
    }
}
