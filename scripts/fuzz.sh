#!/bin/sh
# Runs the mutation fuzzer (tests/fuzz.rs) for the given number of seconds
# (default 3600). A seed replays a run: CAREPOST_FUZZ_SEED=N scripts/fuzz.sh 60
set -eu
seconds="${1:-3600}"
export CAREPOST_FUZZ_SECONDS="$seconds"
exec cargo test --test fuzz -- --nocapture
