#!/usr/bin/env bash
# The project's test command: formatting, lints, then the whole test suite.
# cargo test runs last so that its summary lines close the output.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
