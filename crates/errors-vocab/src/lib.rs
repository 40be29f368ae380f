//! The vocabulary of the error catalog, written once.
//!
//! The catalog parser (`errors-catalog`), the code generator (`errors-codegen`), the
//! runtime (`errors-runtime`) and the reference (`errors-docs`) all speak of the same
//! things: envelope styles and their members, detail types, retry and circuit-breaker
//! settings, the framework rejections, HTTP reason phrases and the grammar of message
//! templates. Each is defined here, once, with no dependencies, so that the crates
//! cannot drift apart.

#![forbid(unsafe_code)]

pub mod format_spec;
pub mod template;
