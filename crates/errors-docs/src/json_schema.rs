//! The JSON Schema vocabulary the schemas and the OpenAPI document are written in:
//! one `#[derive(Serialize)]` struct per shape of schema, whose fields are written in
//! declaration order, which is the order a reader expects (`title`, `description`,
//! then the constraints; `$ref` alone).

use serde::Serialize;

use crate::json::{Json, Members};

/// One schema: a description, when it has one, then the members of its shape.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Schema {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(flatten)]
    shape: Shape,
}

/// The shapes of schema written here. (A description is the [`Schema`]'s: a shape
/// holding a `Schema` flattened would be a type of unbounded depth to serde.)
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
enum Shape {
    Ref(Ref),
    Const(Const),
    Typed(Typed),
    Text(Text),
    Pattern(Pattern),
    Integer(Integer),
    Array(Array),
    AnyOf(AnyOf),
    AllOf(AllOf),
    OneOf(OneOf),
    Conditional(Conditional),
    Enum(Enum),
    Values(Values),
    Any(Any),
    Object(Object),
}

/// `Schema::from(shape)`, undescribed, for each shape.
macro_rules! schema_from_shapes {
    ($($shape:ident),*) => {
        $(
            impl From<$shape> for Schema {
                fn from(shape: $shape) -> Schema {
                    Schema {
                        description: None,
                        shape: Shape::$shape(shape),
                    }
                }
            }
        )*
    };
}

schema_from_shapes!(
    Ref,
    Const,
    Typed,
    Text,
    Pattern,
    Integer,
    Array,
    AnyOf,
    AllOf,
    OneOf,
    Conditional,
    Enum,
    Values,
    Any,
    Object
);

/// `{"$ref": ...}`: a definition by its path.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Ref {
    #[serde(rename = "$ref")]
    pub(crate) target: String,
}

/// `{"const": value}`: exactly one value.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Const {
    #[serde(rename = "const")]
    pub(crate) value: Json,
}

/// `{"type": ...}` alone: one JSON type, or several (`["string", "null"]`).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Typed {
    #[serde(rename = "type")]
    pub(crate) ty: TypeName,
}

/// The value of `type`.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum TypeName {
    One(&'static str),
    Any(Vec<&'static str>),
}

/// A described string, with its format and pattern when it has them.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Text {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pattern: Option<String>,
}

/// A string matching a pattern, then what the pattern means.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Pattern {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) pattern: String,
    pub(crate) description: String,
}

/// An integer between two bounds.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Integer {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) minimum: i128,
    pub(crate) maximum: i128,
}

/// An array of `items`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Array {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) items: Box<Schema>,
}

/// Any of several schemas.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct AnyOf {
    #[serde(rename = "anyOf")]
    pub(crate) any_of: Vec<Schema>,
}

/// All of several schemas.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct AllOf {
    #[serde(rename = "allOf")]
    pub(crate) all_of: Vec<Schema>,
}

/// Exactly one of several schemas, with OpenAPI's `discriminator` where the member
/// that tells them apart is a top-level one.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct OneOf {
    #[serde(rename = "oneOf")]
    pub(crate) one_of: Vec<Schema>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) discriminator: Option<Discriminator>,
}

/// OpenAPI's `discriminator`: the member whose value names the branch.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Discriminator {
    #[serde(rename = "propertyName")]
    pub(crate) property_name: String,
    /// Each value, with the `$ref` of its branch.
    pub(crate) mapping: Members<String>,
}

/// `{"if": ..., "then": ...}`: `then` applies to what `if` accepts. On the code, so
/// that a validator reports the failures of that code's branch alone, under its
/// index, instead of "none of the branches matched".
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Conditional {
    #[serde(rename = "if")]
    pub(crate) condition: Box<Schema>,
    pub(crate) then: Box<Schema>,
}

/// One of a list of strings.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Enum {
    #[serde(rename = "enum")]
    pub(crate) values: Vec<&'static str>,
}

/// A string that is one of an enum field's values: `enum` (closed, the strict
/// schema) or `x-enum` (the client schema, which accepts values added since).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Values {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub(crate) closed: Option<Vec<String>>,
    #[serde(rename = "x-enum", skip_serializing_if = "Option::is_none")]
    pub(crate) open: Option<Vec<String>>,
}

/// `{}`: any JSON value.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Any {}

/// An object of these properties: exactly these (`additionalProperties: false`), or
/// these and any others (no `additionalProperties`, whose default is to allow them).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Object {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) properties: Members<Schema>,
    pub(crate) required: Vec<String>,
    #[serde(
        rename = "additionalProperties",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) additional_properties: Option<bool>,
}

/// The schema of one code's envelope, titled by the code.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CodeSchema {
    pub(crate) title: String,
    pub(crate) description: String,
    #[serde(flatten)]
    pub(crate) extensions: CodeExtensions,
    #[serde(flatten)]
    pub(crate) object: Object,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) deprecated: bool,
}

/// What a code's schema says beyond validation, for generators and people: its retry
/// rule, its category, its gRPC status code and, where a field is sent only in the message, its template
/// (a client reads the field back from the message with it).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CodeExtensions {
    #[serde(rename = "x-retryable")]
    pub(crate) retryable: bool,
    #[serde(rename = "x-category")]
    pub(crate) category: Option<String>,
    /// The gRPC status code, e.g. `NOT_FOUND`.
    #[serde(rename = "x-grpc")]
    pub(crate) grpc: &'static str,
    #[serde(rename = "x-message-template", skip_serializing_if = "Option::is_none")]
    pub(crate) message_template: Option<String>,
    /// With `x-message-template`: the template of the message in each other
    /// language, by tag (the response's `Content-Language` says which applies).
    #[serde(
        rename = "x-message-translations",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) message_translations: Option<Members<String>>,
    /// A message chosen by an enum field that clients read back: the field, and
    /// the template of each value.
    #[serde(rename = "x-message-by", skip_serializing_if = "Option::is_none")]
    pub(crate) message_by: Option<MessageByExtension>,
    /// `"after_refresh"` for a code retried once after a credentials refresh.
    #[serde(rename = "x-retry", skip_serializing_if = "Option::is_none")]
    pub(crate) retry: Option<&'static str>,
    /// The code a deprecation names to use instead.
    #[serde(rename = "x-replacement", skip_serializing_if = "Option::is_none")]
    pub(crate) replacement: Option<String>,
    /// Old spellings of the code, which clients decode as it.
    #[serde(rename = "x-aliases", skip_serializing_if = "Vec::is_empty")]
    pub(crate) aliases: Vec<String>,
}

/// `x-message-by`: which field chooses the message, and each value's template.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct MessageByExtension {
    pub(crate) field: String,
    pub(crate) templates: Members<String>,
}

/// A shared schema with a title: generators name their type after it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Titled {
    pub(crate) title: String,
    #[serde(flatten)]
    pub(crate) schema: Schema,
}

/// A named definition: a code's envelope, a code's details object or a schema the
/// branches share.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum Definition {
    Code(CodeSchema),
    Titled(Titled),
    Shared(Schema),
}

impl Schema {
    /// `{"$ref": "<prefix><name>"}`.
    pub(crate) fn reference(prefix: &str, name: &str) -> Schema {
        Schema::from(Ref::new(prefix, name))
    }

    /// `{"const": value}`.
    pub(crate) fn constant(value: Json) -> Schema {
        Schema::from(Const { value })
    }

    /// `{"type": name}`.
    pub(crate) fn typed(name: &'static str) -> Schema {
        Schema::from(Typed {
            ty: TypeName::One(name),
        })
    }

    /// `{"type": ["string", "null"]}`.
    pub(crate) fn nullable_string() -> Schema {
        Schema::from(Typed {
            ty: TypeName::Any(vec!["string", "null"]),
        })
    }

    /// `{"if": condition, "then": then}`.
    pub(crate) fn conditional(condition: Schema, then: Schema) -> Schema {
        Schema::from(Conditional {
            condition: Box::new(condition),
            then: Box::new(then),
        })
    }

    /// This schema with `description` first.
    pub(crate) fn described(self, description: String) -> Schema {
        Schema {
            description: Some(description),
            ..self
        }
    }
}

impl Ref {
    /// The reference to `name` under `prefix`.
    pub(crate) fn new(prefix: &str, name: &str) -> Ref {
        Ref {
            target: format!("{prefix}{name}"),
        }
    }
}

impl Object {
    /// An object of `properties`, of which `required` must be present; no others.
    pub(crate) fn new(properties: Members<Schema>, required: Vec<String>) -> Object {
        Object {
            ty: "object",
            properties,
            required,
            additional_properties: Some(false),
        }
    }

    /// An object of `properties`, of which `required` must be present, and any
    /// other members.
    pub(crate) fn open(properties: Members<Schema>, required: Vec<String>) -> Object {
        Object {
            additional_properties: None,
            ..Object::new(properties, required)
        }
    }
}
