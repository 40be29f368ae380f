//! Request ids: taken from the request when well-formed, else made; and the
//! request's scope, which the layer sets around the inner service so that every
//! catalog error rendered inside it carries the id without the handler passing it.

use std::any::Any;
use std::convert::Infallible;
use std::fmt;
use std::sync::Arc;

use axum_core::extract::FromRequestParts;
use axum_core::response::Response;
use http::request::Parts;

use crate::envelope::violation::FieldViolation;
use crate::meta::Rejection;
use crate::random::secure;

/// The id of one request: the incoming request id header when it is well-formed
/// (1 to 128 characters of `A-Za-z0-9._:-`), else `req_` and 20 random base62
/// characters. [`CatalogLayer`](super::CatalogLayer) gives every request one,
/// echoes it in the response and writes it into every error envelope.
///
/// A handler that wants it (for its own logs, or to pass downstream) extracts it:
///
/// ```
/// use errors_runtime::axum::RequestId;
///
/// async fn handler(id: RequestId) -> String {
///     format!("your request is {id}")
/// }
/// # let _ = handler;
/// assert!(RequestId::parse("req_2N7s8x9KqR").is_some());
/// assert!(RequestId::parse("two words").is_none());
/// assert!(RequestId::generate().as_str().starts_with("req_"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// The longest id taken from a request.
    pub const MAX_LEN: usize = 128;

    /// `id` when it is well-formed: 1 to [`MAX_LEN`](Self::MAX_LEN) characters of
    /// `A-Za-z0-9._:-`.
    pub fn parse(id: &str) -> Option<Self> {
        let well_formed = (1..=Self::MAX_LEN).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
        well_formed.then(|| RequestId(id.into()))
    }

    /// A new id: `req_` and 20 random base62 characters from the operating system's
    /// random source, so no id can be guessed from others.
    ///
    /// # Panics
    ///
    /// When the operating system has no random bytes to give, which the standard
    /// platforms never do once booted.
    pub fn generate() -> Self {
        RequestId(format!("req_{}", secure::base62(20)).into())
    }

    /// The id of the request being served, inside [`CatalogLayer`](super::CatalogLayer):
    /// for code that has no access to the request, such as a log line deep in a
    /// service. `None` outside a request.
    pub fn current() -> Option<Self> {
        Scope::current().map(|scope| scope.id.clone())
    }

    /// Carries the request being served into `future`, for a task spawned from a
    /// handler: inside it [`RequestId::current`] is the request's id, and an error
    /// rendered there gets it (and the layer's hooks), as in the handler itself.
    /// Outside a request, `future` runs as it is.
    ///
    /// ```
    /// use errors_runtime::axum::RequestId;
    ///
    /// async fn handler() {
    ///     tokio::spawn(RequestId::scope(async {
    ///         // Same id as the handler's, for logs and error envelopes.
    ///         let _id = RequestId::current();
    ///     }));
    /// }
    /// # let _ = handler;
    /// ```
    pub fn scope<F: Future>(future: F) -> impl Future<Output = F::Output> {
        let scope = Scope::current();
        async move {
            match scope {
                Some(scope) => Scope::run(scope, future).await,
                None => future.await,
            }
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The id [`CatalogLayer`](super::CatalogLayer) gave the request; outside the layer,
/// a new one.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(RequestId::generate))
    }
}

/// What the layer knows of the request being served, visible to code running inside
/// it (the generated `IntoResponse` in particular).
pub(crate) struct Scope {
    pub(crate) id: RequestId,
    /// The layer's settings (`Settings<E>` of its error type), for the hooks.
    pub(crate) settings: Arc<dyn Any + Send + Sync>,
    /// The request's `Accept-Language`, which picks the language of the messages
    /// rendered inside (SPEC 9.4).
    pub(crate) accept_language: Option<Box<str>>,
    /// Renders a rejection as the catalog's error of the layer's type, for the
    /// extractors, which do not know that type.
    pub(crate) reject: Reject,
}

/// How a [`Scope`] renders what an extractor rejected: its `[http]` code with the
/// field violations, logged with the reason; `None` when the catalog has no code for
/// it (or the error type cannot be built from catalog fields alone).
pub(crate) type Reject = fn(&Scope, Rejection, &[FieldViolation], &str) -> Option<Response>;

tokio::task_local! {
    static SCOPE: Arc<Scope>;
}

impl Scope {
    /// The scope of the request being served, if any.
    pub(crate) fn current() -> Option<Arc<Scope>> {
        SCOPE.try_with(Arc::clone).ok()
    }

    /// Runs `future` inside `scope`.
    pub(crate) async fn run<F: Future>(scope: Arc<Scope>, future: F) -> F::Output {
        SCOPE.scope(scope, future).await
    }

    /// Runs `f` inside `scope`.
    pub(crate) fn enter<R>(scope: Arc<Scope>, f: impl FnOnce() -> R) -> R {
        SCOPE.sync_scope(scope, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids_are_kept_and_others_refused() {
        for good in ["a", "req_2N7s8x9KqR", "A.b_c:d-9", &"x".repeat(128)] {
            assert_eq!(RequestId::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            " ",
            "a b",
            "a/b",
            "ü",
            "a\nb",
            "<script>",
            &"x".repeat(129),
        ] {
            assert!(RequestId::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn generated_ids_are_req_and_20_base62() {
        let id = RequestId::generate();
        let rest = id.as_str().strip_prefix("req_").unwrap();
        assert_eq!(rest.len(), 20);
        assert!(rest.bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
        assert!(RequestId::parse(id.as_str()).is_some());
        assert_ne!(RequestId::generate(), id);
        assert!(RequestId::current().is_none());
    }
}
