//! Generated input for tests and the fuzz harness: a deterministic random source,
//! catalog texts cut into tables and shuffled, random catalogs, mutations, the seed
//! corpus, the invariants every load must satisfy, and the fuzz loop itself.
//!
//! Shared by the test files (`mod generate;`) and `examples/fuzz_catalog.rs`
//! (through `#[path]`), so they draw from one set of generators.

#![allow(dead_code)] // each user takes part of it

pub(crate) mod catalogs;
pub(crate) mod corpus;
pub(crate) mod harness;
pub(crate) mod invariants;
pub(crate) mod mutate;
pub(crate) mod rng;
pub(crate) mod tables;
