#!/usr/bin/env bash
# Takes docs/flink-dashboard-metrics.png (and -progress.png): a bulk job over FOLDER… (default the
# samples and the R manuals, enough to keep the job running for a few minutes) on a local Flink
# cluster against the tests' embedded stack (ingestion-jobs' DashboardBulkRun, test scope), and the
# dashboard's metrics tab shot in Debian's chromium while the job runs (flink-dashboard/dashboard.mjs).
# Needs node/npm (Playwright comes from npm; the browser is /usr/bin/chromium, nothing downloaded)
# and the project built once (./mvnw -o -pl ingestion-jobs -am test-compile).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=("$root/samples" "$root/../shared/corpus/manuals/r")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp docs/screenshots/flink-dashboard/{package.json,package-lock.json,dashboard.mjs} "$work/"
(cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)

./mvnw -o -q -pl ingestion-jobs dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
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
FLINK_URL="$url" SHOTS="$root/docs" node "$work/dashboard.mjs"
wait "$run"
grep '^DONE' "$work/run.log"
