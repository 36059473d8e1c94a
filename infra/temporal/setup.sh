#!/bin/sh
# dondoc's Temporal setup, idempotent (safe to run at every deploy):
#   dondoc-temporal-setup schema      create the databases and apply Temporal's schema versions (before the server)
#   dondoc-temporal-setup namespace   register the namespace and dondoc's search attributes (once the frontend is up)
# Configured by environment: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD, TEMPORAL_DB,
# TEMPORAL_VISIBILITY_DB, DONDOC_DB, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_RETENTION.
# `npm run cluster` does the same from TypeScript (infra/cluster/databases.ts, infra/cluster/namespace.ts).
set -eu

: "${POSTGRES_HOST:=127.0.0.1}" "${POSTGRES_PORT:=5432}" "${POSTGRES_USER:=temporal}" "${POSTGRES_PASSWORD:=}"
: "${TEMPORAL_DB:=temporal}" "${TEMPORAL_VISIBILITY_DB:=temporal_visibility}"
DONDOC_DB="${DONDOC_DB-dondoc}" # set it empty when dondoc's database is created elsewhere (its own role)
: "${TEMPORAL_ADDRESS:=127.0.0.1:7233}" "${TEMPORAL_NAMESPACE:=dondoc}" "${TEMPORAL_RETENTION:=30d}"
export SQL_PASSWORD="$POSTGRES_PASSWORD" # read by temporal-sql-tool; kept off the command line

sqltool() {
  db="$1"; shift
  temporal-sql-tool --plugin postgres12 --endpoint "$POSTGRES_HOST" --port "$POSTGRES_PORT" --user "$POSTGRES_USER" --database "$db" "$@"
}

# PostgreSQL checks the CREATEDB privilege before it looks for the database: a role without it (the DBA created the
# databases) is refused even for one that exists. Go on: the next step fails clearly if the database is missing.
create_database() {
  sqltool "$1" create-database || echo "database $1: not created by this role (it may exist already); going on"
}

schema() {
  for pair in "$TEMPORAL_DB:postgresql/v12/temporal" "$TEMPORAL_VISIBILITY_DB:postgresql/v12/visibility"; do
    db="${pair%%:*}"; name="${pair#*:}"
    # Every step is idempotent: create-database skips an existing database, setup-schema -v 0.0 only creates the
    # version tables when missing, update-schema applies the versions after the recorded one (embedded schemas).
    create_database "$db"
    sqltool "$db" setup-schema -v 0.0
    sqltool "$db" update-schema --schema-name "$name"
    echo "database $db: schema $name up to date"
  done
  # dondoc's own database: its tables are dondoc's migrations, applied by the api and worker at start.
  if [ -n "$DONDOC_DB" ]; then
    create_database "$DONDOC_DB"
    echo "database $DONDOC_DB present"
  fi
}

namespace() {
  until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
    echo "waiting for the Temporal frontend at $TEMPORAL_ADDRESS"; sleep 2
  done
  if ! temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
    temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_RETENTION" --address "$TEMPORAL_ADDRESS"
  fi
  # A new namespace reaches every service's cache within ~10 s.
  until temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do sleep 2; done
  # Must match libs/local-stack/src/search-attributes.ts (checked by infra/cluster/deploy.spec.ts).
  # Existing attributes are skipped by the server.
  temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" \
    --name DondocStage --type Keyword \
    --name DondocStatus --type Keyword \
    --name DondocLeadAgency --type Keyword \
    --name DondocDirective --type Keyword \
    --name DondocNextDue --type Datetime
  echo "namespace $TEMPORAL_NAMESPACE ready"
}

case "${1:-}" in
  schema) schema ;;
  namespace) namespace ;;
  *) echo "usage: $0 schema|namespace" >&2; exit 2 ;;
esac
