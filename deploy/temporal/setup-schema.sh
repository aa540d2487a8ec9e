#!/bin/sh
# One-shot (temporalio/admin-tools): creates Temporal's two PostgreSQL databases and brings
# their schemas to the version this image ships. Safe to re-run on every `docker compose up`:
# an existing database is kept, and a schema that is already set up is only updated
# (`setup-schema -v 0.0` on an existing schema would reset its version and break the update).
set -eu

# The password comes from SQL_PASSWORD in the environment.
SQL="temporal-sql-tool --plugin postgres12 --ep ${POSTGRES_SEEDS} -p ${DB_PORT} -u ${POSTGRES_USER}"
SCHEMA_DIR=/etc/temporal/schema/postgresql/v12

echo "waiting for PostgreSQL at ${POSTGRES_SEEDS}:${DB_PORT}"
until nc -z "${POSTGRES_SEEDS}" "${DB_PORT}"; do sleep 1; done

setup() {
  db="$1"
  dir="$2"
  $SQL --db "$db" create || echo "database $db already exists"
  if $SQL --db "$db" update-schema -d "$dir"; then
    echo "schema of $db is up to date"
  else
    echo "setting up the schema of $db"
    $SQL --db "$db" setup-schema -v 0.0
    $SQL --db "$db" update-schema -d "$dir"
  fi
}

setup temporal "$SCHEMA_DIR/temporal/versioned"
setup temporal_visibility "$SCHEMA_DIR/visibility/versioned"
echo "Temporal schema ready"
