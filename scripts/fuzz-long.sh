#!/usr/bin/env bash
# The fuzzing long run (issue 14): every surface of test/fuzz scaled towards 100,000 inputs, one
# Vitest worker at low priority (the machine is shared), surfaces in order from fastest to slowest.
# A surface that fails prints fast-check's counterexample and the run goes on to the next one.
# Every "[fuzz] <surface>: N inputs" line lands in $FUZZ_LOG (default test-results/fuzz-long.log).
#
#   npm run fuzz:long                  # all surfaces
#   FUZZ_IMPORT_SCALE=20 npm run fuzz:long   # importers at 20x their default count (the slow part)
#   FUZZ_LOADER_SCALE=40 npm run fuzz:long   # workspace loaders at 40x (default 400: 100,000 inputs)
#   FUZZ_SKIP_FAST=1 npm run fuzz:long       # only importers and loaders (the parser surfaces done)
#   FUZZ_SEED=7 npm run fuzz:long      # another seed
set -u
cd "$(dirname "$0")/.."
# Not under test-results/: Playwright empties that folder when it starts.
LOG=${FUZZ_LOG:-${TMPDIR:-/tmp}/clearance-fuzz-long.log}
SEED=${FUZZ_SEED:-20261207}
IMPORT_SCALE=${FUZZ_IMPORT_SCALE:-}
# Input files in memory when the machine has a tmpfs; a workspace write-back every 50th import.
TMP=/dev/shm; [ -d "$TMP" ] && [ -w "$TMP" ] || TMP=${TMPDIR:-/tmp}
: > "$LOG"
failures=0

# run SCALE vitest-args...: one Vitest process at SCALE times the default input counts.
run() {
  local scale=$1; shift
  echo "== FUZZ_SCALE=$scale $*" | tee -a "$LOG"
  NO_COLOR=1 FUZZ_SCALE=$scale FUZZ_SEED=$SEED FUZZ_RELOAD_EVERY=50 FUZZ_TMPDIR=$TMP \
    nice -n 10 npx vitest run --maxWorkers=1 --no-file-parallelism "$@" 2>&1 | tee -a "$LOG" | grep -E '\[fuzz\]|FAIL|Counterexample|✓|×'
  [ "${PIPESTATUS[0]}" -eq 0 ] || failures=$((failures + 1))
}

if [ -z "${FUZZ_SKIP_FAST:-}" ]; then
  # Default counts: explain parser 1,500, explainer 1,500, validate 2,000, contract 2,000.
  run 67 test/fuzz/explain-validate-contract.test.ts
  # curl parser 2,000 + 1,500; the export round trips 300 + 300.
  run 29 test/fuzz/curl-export.test.ts
fi
# Importers: each scaled to 100,000 inputs unless FUZZ_IMPORT_SCALE sets one scale for all.
importer() { run "${IMPORT_SCALE:-$1}" test/fuzz/importers.test.ts -t "$2"; }
importer 500 '^importers .* HAR$'
importer 667 'Postman v2\.1$'
importer 667 'Postman with credentials$'
importer 334 'curl file$'
importer 500 'auto-detect$'
importer 834 'Insomnia v4$'
importer 834 'Insomnia v5$'
importer 834 'Bruno \.bru folder$'
importer 1000 'Bruno YAML folder$'
importer 2500 'OpenAPI 3\.1 JSON$'
importer 2500 'OpenAPI 3\.0 YAML$'
# workspace loaders 250 (each input loads the whole workspace twice and reads every request for send).
run "${FUZZ_LOADER_SCALE:-400}" test/fuzz/workspace-loaders.test.ts

echo "== $(grep -c '^\[fuzz\]' "$LOG") surfaces done, $failures Vitest runs failed (seed $SEED)" | tee -a "$LOG"
[ "$failures" -eq 0 ]
