//! A real gRPC round trip (SPEC 9.5): a tonic server on 127.0.0.1 answers a unary
//! call with each code's `Status` (made by `to_status` in the handler), a tonic
//! client receives it over HTTP/2 and `from_status` gives back the same typed error,
//! for every code of the bundled catalog, two seed catalogs and the gRPC test
//! catalog. No protoc: the service is a hand-written `tower::Service` around
//! `tonic::server::Grpc` with the empty protobuf message `()`.
#![cfg(feature = "tonic")]

use std::convert::Infallible;
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use errors_runtime::meta::FieldType;
use errors_runtime::tonic::{from_status, to_status};
use errors_runtime::{CatalogError, Decode, ErrorCode, FieldViolation, WireDetails};
use serde_json::{Map, Value, json};
use tonic::Status;
use tonic::body::Body;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Endpoint, Server};
use tonic_prost::ProstCodec;

mod bundled {
    errors_runtime::catalog!("../../catalog.toml");
}
mod seed_001 {
    errors_runtime::catalog!("tests/catalogs/seed_001.toml");
}
mod seed_004 {
    errors_runtime::catalog!("tests/catalogs/seed_004.toml");
}
mod grpc {
    errors_runtime::catalog!("tests/catalogs/grpc.toml");
}

/// The unary handler: fails with the status of the error the `x-case` metadata
/// names.
struct Fail<E>(Arc<Vec<E>>);

impl<E: CatalogError> tonic::server::UnaryService<()> for Fail<E> {
    type Response = ();
    type Future = Ready<Result<tonic::Response<()>, Status>>;

    fn call(&mut self, request: tonic::Request<()>) -> Self::Future {
        let case = request
            .metadata()
            .get("x-case")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        ready(Err(match case.and_then(|i| self.0.get(i)) {
            Some(error) => to_status(error),
            None => Status::invalid_argument("no such case"),
        }))
    }
}

/// The gRPC service: every path is the failing unary method.
struct Service<E>(Arc<Vec<E>>);

impl<E> Clone for Service<E> {
    fn clone(&self) -> Self {
        Service(Arc::clone(&self.0))
    }
}

impl<E: CatalogError + Send + Sync + 'static> tower_service::Service<http::Request<Body>>
    for Service<E>
{
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let handler = Fail(Arc::clone(&self.0));
        Box::pin(async move {
            let mut grpc = tonic::server::Grpc::new(ProstCodec::<(), ()>::default());
            Ok(grpc.unary(handler, request).await)
        })
    }
}

/// Serves `errors` on a loopback port, calls the method once per error and checks
/// that the status received decodes to the error sent.
async fn round_trip<E>(errors: Vec<E>)
where
    E: Decode + PartialEq + Send + Sync + 'static,
{
    assert!(!errors.is_empty());
    let errors = Arc::new(errors);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(Server::builder().serve_with_incoming_shutdown(
        Service(Arc::clone(&errors)),
        TcpIncoming::from(listener),
        async {
            let _ = stopped.await;
        },
    ));
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    for (i, error) in errors.iter().enumerate() {
        client.ready().await.unwrap();
        let mut request = tonic::Request::new(());
        request.metadata_mut().insert("x-case", i.into());
        let path = http::uri::PathAndQuery::from_static("/errors.Test/Fail");
        let answer = client
            .unary::<(), (), _>(request, path, ProstCodec::default())
            .await;
        let status = answer.expect_err("the method always fails");
        assert_eq!(status.code() as i32, error.meta().grpc.number(), "{error}");
        let received = from_status::<E>(&status);
        assert_eq!(
            received.known(),
            Some(error),
            "{}: {received:?}",
            error.meta().code
        );
    }
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

/// Runs `round_trip` under a time bound, on a runtime of its own.
fn bounded<E>(errors: Vec<E>)
where
    E: Decode + PartialEq + Send + Sync + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(60), round_trip(errors))
            .await
            .expect("the round trip finishes within a minute");
    });
}

/// A value of a catalog type, different for each `n` (0: the plainest).
fn sample(ty: &FieldType, n: usize) -> Value {
    match ty {
        FieldType::String => Value::from(["plain", "a \"quoted\" {brace} é 😀 \\", ""][n % 3]),
        FieldType::Bool => Value::from(n.is_multiple_of(2)),
        FieldType::I32 => Value::from(-(n as i64) - 7),
        FieldType::I64 => Value::from(i64::MIN + n as i64),
        FieldType::U32 => Value::from(u32::MAX - n as u32),
        FieldType::U64 => Value::from(42 + n as u64),
        FieldType::F64 => Value::from([2.5, -0.125, 1e300][n % 3]),
        FieldType::Json => json!({"n": n, "list": [null, true, "x"]}),
        FieldType::FieldViolations => json!([
            {"path": "user.email", "message": "must be an email", "rule": "format"},
            {"path": format!("items[{n}]"), "message": "required"}
        ]),
        FieldType::List(inner) => Value::from(vec![sample(inner, n), sample(inner, n + 1)]),
    }
}

/// Every code of a catalog whose fields all travel in `details`, built by its
/// generated decoder from sample values: once with every optional field set, once
/// with none.
fn every_code<E: Decode>() -> Vec<E> {
    let mut out = Vec::new();
    for &code in <E::Code as ErrorCode>::ALL {
        for with_optional in [true, false] {
            let mut members = Map::new();
            for (n, field) in code.meta().fields.iter().enumerate() {
                assert!(field.in_details || field.internal, "{}", code.as_str());
                if field.in_details && (with_optional || !field.optional) {
                    members.insert(field.wire.to_owned(), sample(&field.ty, n));
                }
            }
            let wire = WireDetails::new(code.as_str(), Some(&members));
            out.push(E::from_wire(code, wire).unwrap());
        }
    }
    out
}

#[test]
fn every_code_of_the_bundled_catalog_round_trips_over_grpc() {
    let errors = every_code::<bundled::ApiError>();
    assert_eq!(errors.len(), 2 * bundled::ApiErrorCode::ALL.len());
    bounded(errors);
}

#[test]
fn every_code_of_seed_001_round_trips_over_grpc() {
    use seed_001::ApiError;
    // Seed 001: a message-only field, header-only rate-limit state.
    let errors = vec![
        ApiError::InvalidParameters {
            field: "email".into(),
            requirement: "required".into(),
        },
        ApiError::InvalidApiKey,
        ApiError::SessionNotFound {
            session_id: "sess_8x2k".into(),
        },
        ApiError::RateLimitExceeded {
            limit: 100,
            window: "1m".into(),
            retry_after: 60,
            remaining: 0,
            reset: 1_700_000_060,
        },
        ApiError::InternalError {
            request_id: "req_abc123xyz".into(),
        },
    ];
    assert_eq!(errors.len(), seed_001::ApiErrorCode::ALL.len());
    bounded(errors);
}

#[test]
fn every_code_of_seed_004_round_trips_over_grpc() {
    use seed_004::ApiError;
    // Seed 004: `param` outside `details`, a header-only `Retry-After`.
    let errors = vec![
        ApiError::ParameterInvalid {
            param: "amount".into(),
        },
        ApiError::ParameterMissing {
            param: "currency".into(),
        },
        ApiError::ApiKeyInvalid,
        ApiError::IdempotencyKeyReused,
        ApiError::RateLimited { retry_after: 3 },
        ApiError::ApiError,
    ];
    assert_eq!(errors.len(), seed_004::ApiErrorCode::ALL.len());
    bounded(errors);
}

#[test]
fn every_code_of_the_grpc_catalog_round_trips_over_grpc() {
    use grpc::GrpcError;
    let errors = vec![
        GrpcError::BadInput {
            fields: vec![
                FieldViolation::new("a", "bad").with_rule("min"),
                FieldViolation::new("b", "worse"),
            ],
        },
        GrpcError::NoKey,
        GrpcError::Forbidden,
        GrpcError::Missing { id: "x 1".into() },
        GrpcError::Conflict,
        GrpcError::Gone,
        GrpcError::SlowDown {
            retry_after: 9,
            remaining: 2,
        },
        GrpcError::ClientClosed,
        GrpcError::Broken {
            cause: String::new(),
        },
        GrpcError::NotBuilt,
        GrpcError::BadGateway,
        GrpcError::Down {
            retry_after: Some(1),
        },
        GrpcError::Timeout,
        GrpcError::Expired,
        GrpcError::Values {
            flag: false,
            small: i32::MIN,
            big: i64::MAX,
            count: 0,
            total: 1,
            ratio: f64::NEG_INFINITY,
            extra: Some(Value::Null),
            tags: vec![],
            grid: None,
            note: Some("ünïcode\n".into()),
        },
        GrpcError::Lookup {
            kind: "table".into(),
            name: "orders".into(),
        },
    ];
    assert_eq!(errors.len(), grpc::GrpcErrorCode::ALL.len());
    bounded(errors);
}
