//! Benchmarks of the code `catalog!` generates against the hand-written equivalent
//! (SPEC section 7). See `BENCHMARKS.md` at the repository root.
//!
//! Each catalog is here twice: `generated::<name>` through `errors_runtime::catalog!`,
//! and `baseline::<name>`, the hand-written equivalent (a `thiserror` enum, serde
//! derives, `match` functions; see [`codegen::baseline`]). Both have a `samples()`
//! function: one error of every code, every field set.
//!
//! - `flat`, `nested`, `typed`, `problem`: the bundled `catalog.toml` (25 codes) in
//!   each envelope style;
//! - `large`: a generated catalog of 1,000 codes, nested style.

pub use errors_bench_baseline::{codegen, sources};

/// The code `catalog!` generates.
pub mod generated {
    macro_rules! catalogs {
        ($($name:ident: $path:literal, $samples:literal;)*) => {$(
            #[allow(missing_docs)]
            pub mod $name {
                errors_runtime::catalog!($path);
                include!($samples);
            }
        )*};
    }
    catalogs! {
        flat: "../../catalog.toml", "generated/samples_bundled.rs";
        nested: "catalogs/nested.toml", "generated/samples_bundled.rs";
        typed: "catalogs/typed.toml", "generated/samples_bundled.rs";
        problem: "catalogs/problem.toml", "generated/samples_bundled.rs";
        large: "catalogs/large.toml", "generated/samples_large.rs";
    }
}

/// The hand-written equivalents.
pub mod baseline {
    macro_rules! baselines {
        ($($name:ident: $path:literal, $samples:literal;)*) => {$(
            #[allow(missing_docs)]
            pub mod $name {
                include!($path);
                include!($samples);
            }
        )*};
    }
    baselines! {
        flat: "generated/baseline_flat.rs", "generated/samples_bundled.rs";
        nested: "generated/baseline_nested.rs", "generated/samples_bundled.rs";
        typed: "generated/baseline_typed.rs", "generated/samples_bundled.rs";
        problem: "generated/baseline_problem.rs", "generated/samples_bundled.rs";
        large: "generated/baseline_large.rs", "generated/samples_large.rs";
    }
}
