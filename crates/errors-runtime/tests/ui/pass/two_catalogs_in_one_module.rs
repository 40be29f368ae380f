//! Two catalogs side by side: their helper items do not collide.

errors_runtime::catalog!("../catalogs/valid.toml");
errors_runtime::catalog!("../catalogs/all_types.toml");

fn main() {
    assert_eq!(ApiError::NotFound.status(), 404);
    assert_eq!(EveryTypeError::catalog().name, "EveryTypeError");
    assert_eq!("NOT_FOUND".parse::<ApiErrorCode>(), Ok(ApiErrorCode::NotFound));
    assert!("EVERYTHING".parse::<ApiErrorCode>().is_err());
}
