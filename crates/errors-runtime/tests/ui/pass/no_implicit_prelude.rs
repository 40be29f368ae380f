//! The generated code names everything by absolute path, so it compiles in a module
//! without the prelude.

mod api {
    #![no_implicit_prelude]
    ::errors_runtime::catalog!("../catalogs/all_types.toml");
}

fn main() {
    assert_eq!(api::EveryTypeErrorCode::ALL.len(), 2);
}
