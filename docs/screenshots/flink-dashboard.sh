#!/usr/bin/env bash
# Takes docs/flink-dashboard-metrics.png (and -progress.png): a bulk job over FOLDER… (default the
# samples, the R manuals and an encrypted PDF: enough to keep the job running while it is shot) on a local Flink
# cluster against the tests' embedded stack (ingestion-jobs' DashboardBulkRun, test scope), and the
# dashboard's metrics tab shot in Debian's chromium while the job runs (flink-dashboard/dashboard.mjs).
# Needs node/npm (Playwright comes from npm; the browser is /usr/bin/chromium, nothing downloaded)
# and Maven's dependencies already downloaded (the build runs offline).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=("$root/samples" "$root/../shared/corpus/manuals/r"
  "$root/ingestion-jobs/src/test/resources/parse/encrypted.pdf")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp docs/screenshots/flink-dashboard/{package.json,package-lock.json,dashboard.mjs} "$work/"
(cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)

# compiled with the modules it needs, which then resolve to their target/ folders; ingestion-jobs comes
# last, so its class path is what stays in the file
./mvnw -o -q -pl ingestion-jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
classpath="ingestion-jobs/target/test-classes:ingestion-jobs/target/classes:$(cat "$work/classpath")"
OMP_THREAD_LIMIT=1 java -Xmx3g -Ddocflow.workDir="$root/ingestion-jobs/target/docflow-it" -cp "$classpath" \
  dev.docflow.ingest.tools.DashboardBulkRun "${folders[@]}" > "$work/run.log" 2>&1 &
run=$!
for _ in $(seq 1 600); do
  url="$(sed -n 's/^DASHBOARD //p' "$work/run.log")"
  [ -n "$url" ] && break
  kill -0 "$run" 2>/dev/null || { cat "$work/run.log"; exit 1; }
  sleep 1
done
echo "dashboard: $url"
FLINK_URL="$url" SHOTS="$root/docs" node "$work/dashboard.mjs" || { kill "$run"; exit 1; }
# the pictures are taken: the rest of the job is not needed (the run's JVM stops the stack it started)
kill "$run"
wait "$run" || true
