//! The bookings service: sessions that can be full or already booked, a waitlist,
//! rate limits with `Retry-After` and `X-RateLimit-*`, validation with
//! `details.fields[]`, and idempotency keys. Handlers return `Result<T, ApiError>`;
//! [`CatalogLayer`] does the rest (request ids, rejections, panics, logs).
//!
//! | method | path | |
//! |---|---|---|
//! | `POST` | `/sessions` | create a session (JSON `NewSession`) |
//! | `GET` | `/sessions?limit=&offset=` | list them |
//! | `GET` | `/sessions/{id}` | one session |
//! | `POST` | `/sessions/{id}/bookings` | book it (JSON `BookingRequest`, `Idempotency-Key`) |
//! | `POST` | `/sessions/{id}/waitlist` | join its waitlist (JSON `WaitlistRequest`) |
//! | `GET` | `/sessions/{id}/waitlist/{position}` | who waits there (position from 1) |
//! | `POST` | `/feedback` | a form (`rating`, `comment`) |
//! | `GET` | `/debug/panic` | a handler that panics, to show what clients get |
//! | `GET` | `/openapi.json` | the OpenAPI document of all of the above ([`openapi`]) |
//!
//! Each handler returns the subset of the catalog's errors its route can send
//! ([`crate::api`]): it cannot construct another code, `?` converts it into
//! `ApiError`, and the OpenAPI document lists exactly those codes for the route (with
//! what `CatalogLayer` answers on its own), each under its status with an example.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use errors_runtime::FieldViolation;
use errors_runtime::axum::{CatalogLayer, Form, Json, Path, Query, RequestId};
use errors_runtime::retry::{IdempotencyKey, RandomSource, SplitMix64};
use tokio::net::TcpListener;

use crate::api::{
    ApiError, BookingErrors, CommonErrors, InputErrors, PlaceErrors, SessionErrors, WaitlistErrors,
};
use crate::limit::{Burst, limited};
use crate::model::{
    Booking, BookingRequest, Feedback, NewSession, Page, Session, WaitlistEntry, WaitlistRequest,
};

/// How the service behaves: its rate limit, and for tests and demos, how often it
/// fails on purpose.
#[derive(Debug, Clone)]
pub struct Config {
    /// Requests allowed per API key (`X-Api-Key`, else one shared anonymous key) in
    /// each window.
    pub rate_limit: u32,
    /// The rate limit window.
    pub window: Duration,
    /// The share of requests, 0 to 1, answered `503 SERVICE_UNAVAILABLE` at random:
    /// half of them before the handler runs, half after (the work is done, the
    /// response lost: what idempotency keys are for).
    pub failure_rate: f64,
    /// The seed of those random failures.
    pub seed: u64,
    /// The largest request body read, in bytes.
    pub body_limit: usize,
    /// The service-wide limit ([`tower_governor`], answered as the catalog's
    /// `TOO_MANY_REQUESTS`); `None` for none.
    pub burst: Option<Burst>,
}

impl Default for Config {
    /// 100 requests a minute per key, 1,000 a second in all, no failures on
    /// purpose, 16 KiB bodies.
    fn default() -> Self {
        Config {
            rate_limit: 100,
            window: Duration::from_secs(60),
            failure_rate: 0.0,
            seed: 0x5EED,
            body_limit: 16 * 1024,
            burst: Some(Burst::default()),
        }
    }
}

/// The service: its routes, and a handle on its state for tests and demos.
#[derive(Debug, Clone)]
pub struct Bookings {
    state: Arc<AppState>,
}

#[derive(Debug)]
struct AppState {
    config: Config,
    store: Mutex<Store>,
    limits: Mutex<HashMap<String, Window>>,
    outage: AtomicBool,
    random: SplitMix64,
    /// Requests that reached the service (the rate limiter), counted for tests.
    requests: AtomicU64,
}

#[derive(Debug, Default)]
struct Store {
    sessions: Vec<SessionState>,
    bookings: usize,
    /// What each idempotency key did: the request it came with, and the booking.
    idempotency: HashMap<String, (BookingRequest, String, Booking)>,
}

#[derive(Debug)]
struct SessionState {
    session: Session,
    /// Member id and booking id.
    members: Vec<(String, String)>,
    waitlist: Vec<String>,
}

#[derive(Debug)]
struct Window {
    started: Instant,
    used: u32,
}

impl Bookings {
    /// A service with no sessions.
    pub fn new(config: Config) -> Self {
        Bookings {
            state: Arc::new(AppState {
                random: SplitMix64::new(config.seed),
                config,
                store: Mutex::new(Store::default()),
                limits: Mutex::new(HashMap::new()),
                outage: AtomicBool::new(false),
                requests: AtomicU64::new(0),
            }),
        }
    }

    /// The routes, behind the per-key rate limiter, the failure injector, the
    /// service-wide limit ([`limit`](crate::limit)) and [`CatalogLayer`].
    pub fn router(&self) -> Router {
        let catalog = CatalogLayer::<ApiError>::new()
            // Error responses are never cached, whoever made them.
            .on_error(|_: &ApiError, response: &mut Response| {
                response
                    .headers_mut()
                    .insert("cache-control", HeaderValue::from_static("no-store"));
            });
        let router = Router::new()
            .route("/sessions", post(create_session).get(list_sessions))
            .route("/sessions/{id}", get(session))
            .route("/sessions/{id}/bookings", post(book))
            .route("/sessions/{id}/waitlist", post(join_waitlist))
            .route("/sessions/{id}/waitlist/{position}", get(waitlist_place))
            .route("/feedback", post(feedback))
            .route("/debug/panic", get(panic))
            .route("/openapi.json", get(openapi_json))
            .layer(DefaultBodyLimit::max(self.state.config.body_limit))
            .layer(middleware::from_fn_with_state(
                Arc::clone(&self.state),
                failures,
            ))
            .layer(middleware::from_fn_with_state(
                Arc::clone(&self.state),
                rate_limit,
            ))
            .with_state(Arc::clone(&self.state));
        // The governor's bare 429 is answered from the catalog: CatalogLayer outermost.
        let router = match self.state.config.burst {
            Some(burst) => limited(router, burst),
            None => router,
        };
        router.layer(catalog)
    }

    /// Serves on `listener` until the task is dropped.
    ///
    /// # Errors
    ///
    /// When accepting connections fails.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        axum::serve(listener, self.router()).await
    }

    /// Binds `127.0.0.1` on a free port and serves there in a new task: for tests.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound.
    pub async fn spawn(self) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        tokio::spawn(self.serve(listener));
        Ok(addr)
    }

    /// Starts or ends an outage: every request answered `503` while it lasts.
    pub fn set_outage(&self, on: bool) {
        self.state.outage.store(on, Ordering::SeqCst);
    }

    /// How many requests reached the service.
    pub fn requests(&self) -> u64 {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// How many bookings were made.
    pub fn bookings(&self) -> usize {
        self.state.store().bookings
    }
}

impl AppState {
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A uniform number in `[0, 1)`.
    fn random(&self) -> f64 {
        (self.random.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Fixed windows per API key; every response says where the caller stands.
async fn rate_limit(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    let key = request
        .headers()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("anonymous")
        .to_owned();
    let limit = state.config.rate_limit;
    let now = Instant::now();
    let (remaining, reset) = {
        let mut limits = state.limits.lock().unwrap_or_else(PoisonError::into_inner);
        let window = limits.entry(key).or_insert(Window {
            started: now,
            used: 0,
        });
        if now.duration_since(window.started) >= state.config.window {
            *window = Window {
                started: now,
                used: 0,
            };
        }
        let reset = state
            .config
            .window
            .saturating_sub(now.duration_since(window.started));
        // Whole seconds, rounded up: never "retry in 0 seconds".
        let reset = reset.as_secs() + u64::from(reset.subsec_nanos() > 0);
        if window.used >= limit {
            let category = if request.method() == axum::http::Method::GET {
                "read"
            } else {
                "write"
            };
            let error = ApiError::RateLimited {
                category: category.into(),
                retry_after: reset.max(1),
                limit: Some(limit),
            };
            return Ok(error.with_rate_limit_headers(0, reset));
        }
        window.used += 1;
        (limit - window.used, reset)
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
    Ok(response)
}

impl ApiError {
    /// A 429 with every rate limit header: the catalog sends `Retry-After` and
    /// `X-RateLimit-Limit` from the error's fields; the rest come from the limiter.
    fn with_rate_limit_headers(self, remaining: u32, reset: u64) -> Response {
        let mut response = self.into_response();
        let headers = response.headers_mut();
        headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
        response
    }
}

/// Fails on purpose: every request during an outage, and `failure_rate` of the
/// others, before or after the handler.
async fn failures(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let unavailable = ApiError::ServiceUnavailable {
        retry_after: Some(1),
    };
    if state.outage.load(Ordering::SeqCst) {
        return Err(unavailable);
    }
    let rate = state.config.failure_rate;
    if rate <= 0.0 || state.random() >= rate {
        return Ok(next.run(request).await);
    }
    if state.random() < 0.5 {
        return Err(unavailable);
    }
    // The work is done, the response lost on the way.
    let _ = next.run(request).await;
    Err(unavailable)
}

/// The service's OpenAPI 3.1 document: every route, with its own error responses.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Bookings",
        description = "Sessions that can be full or already booked, a waitlist, rate limits and idempotency keys. Every error response is the catalog's flat envelope."
    ),
    paths(
        create_session,
        list_sessions,
        session,
        book,
        join_waitlist,
        waitlist_place,
        feedback,
        panic
    ),
    components(schemas(ApiError))
)]
struct ApiDoc;

/// The service's OpenAPI document, as `GET /openapi.json` serves it.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <ApiDoc as utoipa::OpenApi>::openapi()
}

/// `GET /openapi.json`: the document, built once.
async fn openapi_json() -> Response {
    static DOCUMENT: OnceLock<Vec<u8>> = OnceLock::new();
    let body = DOCUMENT
        .get_or_init(|| serde_json::to_vec(&openapi()).expect("an OpenAPI document serializes"));
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body.as_slice(),
    )
        .into_response()
}

/// Creates a session.
#[utoipa::path(
    post,
    path = "/sessions",
    request_body = NewSession,
    responses((status = 201, description = "The session made", body = Session), InputErrors)
)]
async fn create_session(
    State(state): State<Arc<AppState>>,
    Json(new): Json<NewSession>,
) -> Result<(StatusCode, Json<Session>), InputErrors> {
    let mut fields = Vec::new();
    let title = new.title.trim();
    if title.is_empty() || title.chars().count() > 100 {
        fields
            .push(FieldViolation::new("title", "must be 1 to 100 characters").with_rule("length"));
    }
    if !(1..=10_000).contains(&new.capacity) {
        fields.push(FieldViolation::new("capacity", "must be from 1 to 10000").with_rule("range"));
    }
    if !fields.is_empty() {
        return Err(InputErrors::InvalidRequest { fields });
    }
    let mut store = state.store();
    let session = Session {
        id: format!("s_{}", store.sessions.len() + 1),
        title: title.to_owned(),
        capacity: new.capacity,
        booked: 0,
        waitlist: 0,
    };
    store.sessions.push(SessionState {
        session: session.clone(),
        members: Vec::new(),
        waitlist: Vec::new(),
    });
    Ok((StatusCode::CREATED, Json(session)))
}

/// Lists sessions, a page at a time.
#[utoipa::path(
    get,
    path = "/sessions",
    params(Page),
    responses((status = 200, description = "The page of sessions", body = [Session]), InputErrors)
)]
async fn list_sessions(
    State(state): State<Arc<AppState>>,
    Query(page): Query<Page>,
) -> Result<Json<Vec<Session>>, InputErrors> {
    let limit = page.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(InputErrors::InvalidRequest {
            fields: vec![FieldViolation::new("limit", "must be from 1 to 100").with_rule("range")],
        });
    }
    let store = state.store();
    let offset = page.offset.unwrap_or(0) as usize;
    Ok(Json(
        store
            .sessions
            .iter()
            .skip(offset)
            .take(limit as usize)
            .map(|s| s.session.clone())
            .collect(),
    ))
}

/// One session.
#[utoipa::path(
    get,
    path = "/sessions/{id}",
    params(("id" = String, Path, description = "The session's id")),
    responses((status = 200, description = "The session", body = Session), SessionErrors)
)]
async fn session(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<Session>, SessionErrors> {
    let store = state.store();
    let found = store.sessions.iter().find(|s| s.session.id == id);
    found
        .map(|s| Json(s.session.clone()))
        .ok_or(SessionErrors::SessionNotFound { session_id: id })
}

/// Books a session; a retry with the same `Idempotency-Key` books nothing twice.
#[utoipa::path(
    post,
    path = "/sessions/{id}/bookings",
    params(
        ("id" = String, Path, description = "The session's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "1 to 255 visible ASCII characters, the same on every retry")
    ),
    request_body = BookingRequest,
    responses((status = 201, description = "The booking made (or made earlier with this key)", body = Booking), BookingErrors)
)]
async fn book(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(request): Json<BookingRequest>,
) -> Result<(StatusCode, Json<Booking>), BookingErrors> {
    let mut fields = Vec::new();
    if request.member_id.trim().is_empty() {
        fields.push(FieldViolation::new("member_id", "is required").with_rule("required"));
    }
    if !is_email(&request.email) {
        fields.push(FieldViolation::new("email", "must be a valid email").with_rule("email"));
    }
    let key = match headers.get(IdempotencyKey::HEADER) {
        None => None,
        Some(value) => match value.to_str().ok().map(IdempotencyKey::parse) {
            Some(Ok(key)) => Some(key),
            _ => {
                fields.push(
                    FieldViolation::new(
                        IdempotencyKey::HEADER,
                        "must be 1 to 255 visible ASCII characters",
                    )
                    .with_rule("idempotency_key"),
                );
                None
            }
        },
    };
    if !fields.is_empty() {
        return Err(BookingErrors::InvalidRequest { fields });
    }
    let mut store = state.store();
    if let Some(key) = &key
        && let Some((earlier, session_id, booking)) = store.idempotency.get(key.as_str())
    {
        // The same request again (a retry): the same answer, nothing booked twice.
        if *earlier == request && *session_id == id {
            return Ok((StatusCode::CREATED, Json(booking.clone())));
        }
        return Err(BookingErrors::IdempotencyKeyReused {
            idempotency_key: key.to_string(),
        });
    }
    let number = store.bookings + 1;
    let Some(slot) = store.sessions.iter_mut().find(|s| s.session.id == id) else {
        return Err(BookingErrors::SessionNotFound { session_id: id });
    };
    if let Some((_, booking_id)) = slot.members.iter().find(|(m, _)| *m == request.member_id) {
        return Err(BookingErrors::AlreadyBooked {
            session_id: id,
            booking_id: booking_id.clone(),
        });
    }
    if slot.session.booked >= slot.session.capacity {
        return Err(BookingErrors::SessionFull {
            session_id: id,
            capacity: slot.session.capacity,
            waitlist_available: true,
        });
    }
    let booking = Booking {
        id: format!("b_{number}"),
        session_id: id.clone(),
        member_id: request.member_id.clone(),
    };
    slot.members
        .push((request.member_id.clone(), booking.id.clone()));
    slot.session.booked += 1;
    store.bookings = number;
    if let Some(key) = key {
        store
            .idempotency
            .insert(key.to_string(), (request, id, booking.clone()));
    }
    Ok((StatusCode::CREATED, Json(booking)))
}

/// Joins a session's waitlist.
#[utoipa::path(
    post,
    path = "/sessions/{id}/waitlist",
    params(("id" = String, Path, description = "The session's id")),
    request_body = WaitlistRequest,
    responses((status = 201, description = "The place taken", body = WaitlistEntry), WaitlistErrors)
)]
async fn join_waitlist(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Json(request): Json<WaitlistRequest>,
) -> Result<(StatusCode, Json<WaitlistEntry>), WaitlistErrors> {
    if request.member_id.trim().is_empty() {
        return Err(WaitlistErrors::InvalidRequest {
            fields: vec![FieldViolation::new("member_id", "is required").with_rule("required")],
        });
    }
    let mut store = state.store();
    let Some(slot) = store.sessions.iter_mut().find(|s| s.session.id == id) else {
        return Err(WaitlistErrors::SessionNotFound { session_id: id });
    };
    if let Some(i) = slot.waitlist.iter().position(|m| *m == request.member_id) {
        return Err(WaitlistErrors::AlreadyInQueue {
            queue_id: id,
            position: u32::try_from(i + 1).ok(),
        });
    }
    slot.waitlist.push(request.member_id.clone());
    slot.session.waitlist += 1;
    let position = slot.session.waitlist;
    Ok((
        StatusCode::CREATED,
        Json(WaitlistEntry {
            session_id: id,
            member_id: request.member_id,
            position,
        }),
    ))
}

/// `/sessions/{id}/waitlist/{position}`.
#[derive(Debug, serde::Deserialize)]
struct WaitlistPlace {
    id: String,
    position: u32,
}

/// Who waits at a place of a session's waitlist.
#[utoipa::path(
    get,
    path = "/sessions/{id}/waitlist/{position}",
    params(
        ("id" = String, Path, description = "The session's id"),
        ("position" = u32, Path, description = "The place, from 1")
    ),
    responses((status = 200, description = "Who waits there", body = WaitlistEntry), PlaceErrors)
)]
async fn waitlist_place(
    State(state): State<Arc<AppState>>,
    Path(WaitlistPlace { id, position }): Path<WaitlistPlace>,
) -> Result<Json<WaitlistEntry>, PlaceErrors> {
    let store = state.store();
    let Some(slot) = store.sessions.iter().find(|s| s.session.id == id) else {
        return Err(PlaceErrors::SessionNotFound { session_id: id });
    };
    let member = (position as usize)
        .checked_sub(1)
        .and_then(|i| slot.waitlist.get(i));
    match member {
        Some(member) => Ok(Json(WaitlistEntry {
            session_id: id,
            member_id: member.clone(),
            position,
        })),
        None => Err(PlaceErrors::NotFound {
            r#type: "WaitlistEntry".into(),
            id: format!("{id}/{position}"),
        }),
    }
}

/// Sends feedback, as a form.
#[utoipa::path(
    post,
    path = "/feedback",
    request_body(content = Feedback, content_type = "application/x-www-form-urlencoded"),
    responses((status = 204, description = "Thanks"), InputErrors)
)]
async fn feedback(Form(feedback): Form<Feedback>) -> Result<StatusCode, InputErrors> {
    if !(1..=5).contains(&feedback.rating) {
        return Err(InputErrors::InvalidRequest {
            fields: vec![FieldViolation::new("rating", "must be from 1 to 5").with_rule("range")],
        });
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Panics: clients get the catalog's `INTERNAL_ERROR`, the log gets the message.
#[utoipa::path(
    get,
    path = "/debug/panic",
    responses((status = 200, description = "Never: the handler panics", body = String), CommonErrors)
)]
async fn panic(id: RequestId) -> Result<&'static str, CommonErrors> {
    panic!("the session index is corrupt (request {id})");
}

/// Something `@` something `.` something, without spaces.
fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}
