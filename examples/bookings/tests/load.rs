//! A bounded load test over loopback: 64 concurrent clients send 2,000 requests to a
//! service that fails 30% of them with a 503 at random (half of those after the
//! work is done); every request ends in a success or a typed error, none lost or
//! hung. Then a sustained outage opens the clients' shared circuit breaker, and the
//! recovery closes it.
//!
//! The clients retry as the catalog says (5 attempts, full jitter, exponential
//! backoff), with delays a hundred times shorter so the test takes seconds.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bookings::client::{Client, ClientError};
use bookings::model::{BookingRequest, NewSession};
use bookings::service::Config;
use bookings::{ApiError, ApiErrorCode};
use errors_runtime::breaker::{CircuitBreaker, CircuitState};
use errors_runtime::retry::RetryPolicy;
use support::start;
use tokio::sync::Mutex;

const CLIENTS: usize = 64;
const REQUESTS: usize = 2_000;

fn fast_policy() -> RetryPolicy {
    RetryPolicy::for_catalog::<ApiError>()
        .with_base_delay(Duration::from_millis(10))
        .with_max_delay(Duration::from_millis(300))
}

#[derive(Debug, Default)]
struct Outcomes {
    ok: usize,
    booked: usize,
    failed_bookings: usize,
    /// Typed errors, by code.
    errors: Vec<(ApiErrorCode, String)>,
    /// Anything else: a lost or undecodable response.
    other: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_requests_through_30_percent_failures_all_end_typed() {
    let config = Config {
        rate_limit: u32::MAX,
        burst: None,
        failure_rate: 0.3,
        seed: 2026,
        ..Config::default()
    };
    let (service, base) = start(config).await;
    let session = loop {
        // Creating a session is sent once by the client: retried here.
        let new = NewSession {
            title: "Load".into(),
            capacity: 10_000,
        };
        if let Ok(session) = Client::new(&base).create_session(&new).await {
            break session;
        }
    };
    let requests_before = service.requests();
    // No breaker here: 30% of random failures is a degraded service, not a down one.
    let client = Client::new(&base)
        .with_policy(fast_policy())
        .with_breaker(None);
    let next = Arc::new(AtomicUsize::new(0));
    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (client, next, outcomes) =
                (client.clone(), Arc::clone(&next), Arc::clone(&outcomes));
            let session_id = session.id.clone();
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= REQUESTS {
                        break;
                    }
                    let (result, booking) = if i % 2 == 0 {
                        let request = BookingRequest {
                            member_id: format!("m_{i}"),
                            email: format!("m{i}@example.com"),
                        };
                        (client.book(&session_id, &request).await.map(drop), true)
                    } else {
                        (client.session(&session_id).await.map(drop), false)
                    };
                    let mut outcomes = outcomes.lock().await;
                    match result {
                        Ok(()) => {
                            outcomes.ok += 1;
                            outcomes.booked += usize::from(booking);
                        }
                        Err(ClientError::Api(decoded)) => {
                            outcomes.failed_bookings += usize::from(booking);
                            let code = decoded.known().map(ApiError::code);
                            match (code, decoded.request_id()) {
                                (Some(code), Some(id)) => {
                                    outcomes.errors.push((code, id.to_owned()))
                                }
                                _ => outcomes.other.push(format!("{decoded:?}")),
                            }
                        }
                        Err(other) => outcomes.other.push(other.to_string()),
                    }
                }
            })
        })
        .collect();
    let all = async {
        for worker in workers {
            worker.await.expect("a worker panicked");
        }
    };
    tokio::time::timeout(Duration::from_secs(120), all)
        .await
        .expect("every request ended within 2 minutes: none hung");
    let elapsed = started.elapsed();
    let outcomes = outcomes.lock().await;
    let attempts = service.requests() - requests_before;
    println!(
        "{REQUESTS} requests from {CLIENTS} clients in {elapsed:?}: {} succeeded, {} typed errors, {} other; {attempts} attempts reached the service; {} bookings made for {} booked",
        outcomes.ok,
        outcomes.errors.len(),
        outcomes.other.len(),
        service.bookings(),
        outcomes.booked,
    );
    assert!(outcomes.other.is_empty(), "{:?}", outcomes.other);
    assert_eq!(outcomes.ok + outcomes.errors.len(), REQUESTS, "none lost");
    // A request fails only when all 5 attempts did (0.3^5 = 0.24%, about 5 of 2,000):
    // then with the catalog's code for it.
    assert!(outcomes.errors.len() <= 40, "{}", outcomes.errors.len());
    for (code, id) in &outcomes.errors {
        assert_eq!(*code, ApiErrorCode::ServiceUnavailable, "{id}");
        assert!(id.starts_with("req_"), "{id}");
    }
    // About 30% of the first attempts failed, so retries happened.
    assert!(attempts as usize > REQUESTS + REQUESTS / 5, "{attempts}");
    // One idempotency key per booking: a retry after a lost response found the
    // booking made, so no member was booked twice (which would be ALREADY_BOOKED)
    // and every booking made is one a client asked for.
    let made = service.bookings();
    assert!(made >= outcomes.booked, "{made} < {}", outcomes.booked);
    assert!(made <= outcomes.booked + outcomes.failed_bookings, "{made}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sustained_outage_opens_the_shared_breaker_and_recovery_closes_it() {
    let (service, base) = start(Config {
        rate_limit: u32::MAX,
        burst: None,
        ..Config::default()
    })
    .await;
    // The catalog's breaker (5 failures, 1 trial request), open for 300 ms instead
    // of 30 s; one attempt per call, so each failure is seen at once.
    let open_for = Duration::from_millis(300);
    let breaker = Arc::new(CircuitBreaker::for_catalog::<ApiError>().with_open_duration(open_for));
    let client = Client::new(&base)
        .with_policy(fast_policy().with_max_attempts(1))
        .with_breaker(Some(Arc::clone(&breaker)));
    assert_eq!(breaker.state(), CircuitState::Closed);
    client.sessions(Default::default()).await.unwrap();

    service.set_outage(true);
    let before = service.requests();
    // Every client keeps calling, 4 times each: the first wave reaches the service,
    // and once 5 failures are in, the circuit refuses the rest without sending them.
    const CALLS: usize = 4;
    let calls: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut results = Vec::new();
                for _ in 0..CALLS {
                    results.push(client.sessions(Default::default()).await);
                }
                results
            })
        })
        .collect();
    let (mut unavailable, mut refused) = (0, 0);
    for call in calls {
        let results = tokio::time::timeout(Duration::from_secs(30), call)
            .await
            .expect("no call hangs")
            .expect("no client panics");
        for result in results {
            match result {
                Err(ClientError::Api(decoded)) => {
                    assert_eq!(decoded.code(), "SERVICE_UNAVAILABLE");
                    unavailable += 1;
                }
                Err(ClientError::CircuitOpen(_)) => refused += 1,
                other => panic!("during the outage: {other:?}"),
            }
        }
    }
    let reached = service.requests() - before;
    println!(
        "outage: {unavailable} calls answered 503, {refused} refused by the open circuit; {reached} reached the service"
    );
    assert_eq!(breaker.state(), CircuitState::Open);
    assert!(unavailable >= 5, "the threshold is 5 failures");
    assert!(refused > 0, "the open circuit fails fast");
    assert_eq!(unavailable + refused, CLIENTS * CALLS);
    assert!(refused >= CLIENTS * CALLS / 2, "{refused}");
    assert_eq!(
        reached as usize, unavailable,
        "refused calls are never sent"
    );

    // Still down after the open period: the trial fails and the circuit opens again.
    tokio::time::sleep(open_for + Duration::from_millis(50)).await;
    assert!(matches!(
        client.sessions(Default::default()).await,
        Err(ClientError::Api(_))
    ));
    assert_eq!(breaker.state(), CircuitState::Open);

    // Recovery: the next trial succeeds and closes it.
    service.set_outage(false);
    tokio::time::sleep(open_for + Duration::from_millis(50)).await;
    client.sessions(Default::default()).await.unwrap();
    assert_eq!(breaker.state(), CircuitState::Closed);
    for _ in 0..10 {
        client.sessions(Default::default()).await.unwrap();
    }
}
