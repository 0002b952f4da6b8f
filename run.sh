#!/usr/bin/env bash
# Installs everything and starts the web app: migrate the database (SQLite in instance/), load
# the demo when the database is empty, and serve with gunicorn on 127.0.0.1 with the report
# worker beside it. `./run.sh cli-demo` runs the command-line demo that writes PDFs instead.
# Settings: PORT (8000), WORKERS (one a processor, as `assessor serve` chooses), ASSESSOR_DATABASE_URL (PostgreSQL), ASSESSOR_REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "cli-demo" ]; then
  exec scripts/cli-demo.sh
fi
scripts/setup.sh
assessor=.venv/bin/assessor
port="${PORT:-8000}"
instance="$PWD/instance"

mkdir -p "$instance"
echo "== Database"
$assessor db upgrade --database-url "${ASSESSOR_DATABASE_URL:-sqlite:///$instance/assessor.sqlite3}"
echo "== Demo data"
$assessor demo --instance "$instance"
echo
echo "The app: http://127.0.0.1:$port/"
if [ -f "$instance/demo-sign-in.txt" ]; then
  sed "s|/r/|http://127.0.0.1:$port/r/|" "$instance/demo-sign-in.txt"
fi
echo "Stop it with Ctrl-C."
echo
exec $assessor serve --instance "$instance" --port "$port" ${WORKERS:+--workers "$WORKERS"}
