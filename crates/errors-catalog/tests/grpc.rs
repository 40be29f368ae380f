//! `grpc = "..."` per code and `[catalog] grpc_domain` (SPEC 9.5).

mod common;

use common::{load_ok, problem, problems};
use errors_catalog::GrpcCode;

fn error(status: u16, grpc: Option<&str>) -> String {
    let grpc = grpc.map_or(String::new(), |g| format!("grpc = {g}\n"));
    format!("[errors.X]\nstatus = {status}\nmessage = \"m\"\n{grpc}")
}

#[test]
fn the_grpc_code_defaults_from_the_status() {
    for (status, code) in [
        (400, GrpcCode::InvalidArgument),
        (401, GrpcCode::Unauthenticated),
        (403, GrpcCode::PermissionDenied),
        (404, GrpcCode::NotFound),
        (409, GrpcCode::Aborted),
        (429, GrpcCode::ResourceExhausted),
        (499, GrpcCode::Cancelled),
        (500, GrpcCode::Internal),
        (501, GrpcCode::Unimplemented),
        (503, GrpcCode::Unavailable),
        (504, GrpcCode::DeadlineExceeded),
        (422, GrpcCode::FailedPrecondition),
        (502, GrpcCode::Internal),
    ] {
        assert_eq!(
            load_ok(&error(status, None)).errors[0].grpc,
            code,
            "{status}"
        );
    }
}

#[test]
fn a_named_grpc_code_wins_over_the_default() {
    let catalog = load_ok(&error(410, Some("\"NOT_FOUND\"")));
    assert_eq!(catalog.errors[0].grpc, GrpcCode::NotFound);
    let catalog = load_ok(&error(500, Some("\"DATA_LOSS\"")));
    assert_eq!(catalog.errors[0].grpc, GrpcCode::DataLoss);
}

#[test]
fn a_bad_grpc_name_points_at_it_and_lists_the_valid_names() {
    let all = "use one of CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, \
               ALREADY_EXISTS, PERMISSION_DENIED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, \
               ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS, \
               UNAUTHENTICATED";
    assert_eq!(
        problem(&error(404, Some("\"MISSING\""))),
        format!("catalog.toml:4:8: unknown gRPC status code `\"MISSING\"`; {all}")
    );
    assert_eq!(
        problem(&error(404, Some("\"NOT_FUOND\""))),
        format!(
            "catalog.toml:4:8: unknown gRPC status code `\"NOT_FUOND\"`; did you mean `\"NOT_FOUND\"`? {all}"
        )
    );
    assert_eq!(
        problem(&error(404, Some("\"not_found\""))),
        "catalog.toml:4:8: unknown gRPC status code `\"not_found\"`; did you mean `\"NOT_FOUND\"`? (names are in SCREAMING_SNAKE_CASE)"
    );
    assert_eq!(
        problem(&error(404, Some("\"OK\""))),
        format!(
            "catalog.toml:4:8: `grpc = \"OK\"`: an error cannot be sent with the gRPC code OK; {all}"
        )
    );
    assert_eq!(
        problem(&error(404, Some("5"))),
        "catalog.toml:4:8: `grpc` must be a string naming a gRPC status code, such as `\"NOT_FOUND\"`, found an integer"
    );
}

#[test]
fn a_misspelt_grpc_key_is_an_unknown_key() {
    let text = "[errors.X]\nstatus = 404\nmessage = \"m\"\ngrcp = \"NOT_FOUND\"\n";
    assert_eq!(
        problem(text),
        "catalog.toml:4:1: unknown key `grcp` in `[errors.X]`; did you mean `grpc`?"
    );
}

#[test]
fn the_grpc_domain_defaults_to_the_name() {
    let catalog = load_ok(&error(404, None));
    assert_eq!(catalog.grpc_domain, "ApiError");
    let named = format!("[catalog]\nname = \"PayError\"\n\n{}", error(404, None));
    assert_eq!(load_ok(&named).grpc_domain, "PayError");
    let domain = format!(
        "[catalog]\nname = \"PayError\"\ngrpc_domain = \"pay.example.com\"\n\n{}",
        error(404, None)
    );
    assert_eq!(load_ok(&domain).grpc_domain, "pay.example.com");
}

#[test]
fn an_empty_or_mistyped_grpc_domain_is_reported() {
    let empty = format!("[catalog]\ngrpc_domain = \" \"\n\n{}", error(404, None));
    let found = problem(&empty);
    assert!(
        found.starts_with("catalog.toml:2:15: `grpc_domain` is empty; name the service"),
        "{found}"
    );
    let number = format!("[catalog]\ngrpc_domain = 3\n\n{}", error(404, None));
    assert_eq!(
        problems(&number),
        ["catalog.toml:2:15: `grpc_domain` must be a string, found an integer"]
    );
}
