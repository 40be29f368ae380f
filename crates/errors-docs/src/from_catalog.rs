//! The reference of a catalog file, from the catalog model: no Rust compiled.

use errors_catalog::{Catalog, ErrorDef, MessageTemplate};
use errors_vocab::{EnvelopeKeys, Rejection};

use crate::model::{
    Category, Code, EnvelopeLayout, Field, Http, MessageBy, Reference, StatusDescription,
};
use crate::template::Template;

impl From<&Catalog> for Reference {
    fn from(catalog: &Catalog) -> Reference {
        let style = catalog.envelope.style;
        // The catalog keeps keys of its style's members only; the others keep their
        // default names, unused.
        let keys = EnvelopeKeys::from_fn(|member| {
            catalog
                .envelope
                .key(member)
                .unwrap_or(member.default_key(style))
                .to_owned()
        });
        Reference {
            name: catalog.name.clone(),
            envelope: EnvelopeLayout { style, keys },
            retry: catalog.retry,
            circuit_breaker: catalog.circuit_breaker,
            http: Http {
                request_id_header: catalog.http.request_id_header.clone(),
                rejections: Rejection::ALL
                    .into_iter()
                    .map(|r| (r, catalog.http_error(r).map(|e| e.code.clone())))
                    .collect(),
                timestamp: catalog.http.timestamp,
                statuses: catalog
                    .bare_answers()
                    .into_iter()
                    .map(|(status, error)| (status, error.code.clone()))
                    .collect(),
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
            description: catalog.description.clone(),
            grpc_domain: catalog.grpc_domain.clone(),
            statuses: catalog
                .statuses
                .iter()
                .map(|s| StatusDescription {
                    status: s.status,
                    description: s.description.clone(),
                })
                .collect(),
        }
    }
}

impl From<Catalog> for Reference {
    fn from(catalog: Catalog) -> Reference {
        Reference::from(&catalog)
    }
}

fn code(error: &ErrorDef) -> Code {
    Code {
        code: error.code.clone(),
        variant: error.variant.clone(),
        title: error.title.clone(),
        status: error.status,
        retryable: error.retryable,
        category: error.category.clone(),
        description: error.description.clone(),
        template: template(&error.message),
        message_by: error.message_by.as_ref().map(|by| MessageBy {
            field: by.field.clone(),
            templates: by
                .templates
                .iter()
                .map(|t| (t.value.clone(), template(&t.template)))
                .collect(),
        }),
        translations: error
            .translations
            .iter()
            .map(|t| (t.locale.clone(), template(&t.message)))
            .collect(),
        param: error.param.clone(),
        deprecated: error.deprecated.clone(),
        replacement: error
            .deprecation
            .as_ref()
            .and_then(|d| d.replacement.clone()),
        aliases: error.aliases.clone(),
        retry_class: error.retry_class,
        grpc: error.grpc,
        doc_url: error.doc_url.clone(),
        fields: error
            .fields
            .iter()
            .map(|f| Field {
                name: f.name.clone(),
                wire: f.wire.clone(),
                ty: f.ty,
                optional: f.optional,
                internal: f.internal,
                header: f.header.clone(),
                in_details: f.in_details,
                description: f.description.clone(),
                values: f
                    .enum_type
                    .iter()
                    .flat_map(|e| e.value_strs().map(str::to_owned))
                    .collect(),
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
