#!/usr/bin/env bash
# The project's test command: formatting, lints, then the whole test suite.
# cargo test runs last so that its summary lines close the output.
# --locked: build exactly the dependency versions Cargo.lock records (the
# ones audited by `cargo deny check`), never newer ones resolved on the fly.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
