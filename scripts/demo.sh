#!/usr/bin/env bash
# The main job on the bundled example: load the bundled sanctions extract, ingest the
# example reports, screen every actor, and print what was found and where it is.
set -euo pipefail
out="${1:-out/demo}"
db="$out/sanctrace.db"
st=".venv/bin/sanctrace"
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Loading the bundled sanctions list extract (examples/lists)"
"$st" lists load --db "$db" examples/lists/*.csv
step "Ingesting the example reports (examples/reports)"
"$st" ingest --db "$db" examples/reports
step "Screening every actor against the loaded lists"
"$st" screen --all --db "$db"
step "Actors"
"$st" entities --db "$db"
step "Supply routes into sanctioned entities"
"$st" routes --db "$db"
step "Unsanctioned facilitators, ranked as designation candidates"
"$st" candidates --db "$db"

cat <<MSG

Store: $db
Look around:
  $st show "TSK Vektor" --db $db
  $st claims --predicate supplied --db $db
Open the web page:
  $st serve --db $db        then visit http://127.0.0.1:8000/
MSG
