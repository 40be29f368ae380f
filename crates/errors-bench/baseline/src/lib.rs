//! The hand-written equivalent of a catalog (thiserror + serde + `match` functions),
//! as source text, and the benchmark sources written from it. A crate of its own:
//! `errors-bench` includes the files this writes, so the tools that (re)write them
//! (`gen-sources`) and the compile-time harness depend on this crate, not on it.

pub mod codegen;
pub mod sources;
