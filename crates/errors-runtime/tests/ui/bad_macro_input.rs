errors_runtime::catalog!(catalog.toml);

fn main() {}
