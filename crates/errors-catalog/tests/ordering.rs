//! All diagnostics of a catalog come back together, sorted by position.

mod common;

use common::problems;

#[test]
fn every_problem_is_reported_sorted_by_position() {
    let toml = r#"
[catalog]
envelope = "flatt"
name = "bad name"

[retry]
max_attempts = 0

[errors.B]
status = 700
message = "Hello {nme}"
[errors.B.details]
name = "strin"

[errors.A]
mesage = "typo"
status = 404
param = "nothing"
"#;
    let found = problems(toml);
    assert_eq!(
        found,
        [
            "catalog.toml:3:12: unknown envelope `\"flatt\"`; did you mean `\"flat\"`?",
            "catalog.toml:4:8: `bad name` is not a valid enum name; use an UpperCamelCase Rust identifier, such as `BadName`",
            "catalog.toml:7:16: `max_attempts = 0` allows no attempt at all; set at least 1: the count includes the first attempt",
            "catalog.toml:10:10: status 700 of `B` is not an error status; use 400..=599: 4xx for client errors, 5xx for server errors",
            "catalog.toml:11:18: `{nme}` is not a detail field of `B`; did you mean `name`?",
            "catalog.toml:13:8: unknown detail type `strin`; did you mean `string`?",
            "catalog.toml:16:1: unknown key `mesage` in `[errors.A]`; did you mean `message`?",
            "catalog.toml:18:9: `param` names `nothing`, which is not a detail field of `A`; `A` has no detail fields; declare `nothing` under `[errors.A.details]`",
        ]
    );
}

#[test]
fn diagnostics_are_sorted_even_when_found_out_of_order() {
    // Validation runs after lowering; the sink sorts what both found.
    let toml = "[errors.Z]\nstatus = 1\nmessage = \"{a}\"\n[errors.Y]\nstatus = 400\nmessage = \"m\"\nbogus = 1\n";
    let positions: Vec<(u32, u32)> = problems(toml)
        .iter()
        .map(|line| {
            let mut parts = line.split(':').skip(1);
            (
                parts.next().unwrap().parse().unwrap(),
                parts.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert_eq!(positions.len(), 3);
}
