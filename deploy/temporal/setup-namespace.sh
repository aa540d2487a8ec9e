#!/bin/sh
# One-shot (temporalio/admin-tools), after the server is healthy: creates the namespace (the
# plain temporalio/server image, unlike the old auto-setup image, creates none) and registers
# Threadline's custom search attributes (the same list as worker/src/journeys/contract.ts, which
# the embedded stack registers with `temporal server start-dev --search-attribute`).
# Safe to re-run: existing ones are left alone.
set -eu

NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
SEARCH_ATTRIBUTES="FlowId=Keyword FlowVersion=Int ContactId=Keyword CurrentNode=Keyword Channels=KeywordList JourneyStatus=Keyword"

echo "waiting for Temporal at ${ADDRESS}"
until temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1; do sleep 2; done

if temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" >/dev/null 2>&1; then
  echo "namespace $NAMESPACE exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention 7d --address "$ADDRESS"
fi

# A new namespace reaches the frontend's namespace cache a few seconds after it is created.
tries=0
until existing="$(temporal operator search-attribute list --namespace "$NAMESPACE" --address "$ADDRESS" 2>&1)"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "$existing"; exit 1; fi
  sleep 1
done
for pair in $SEARCH_ATTRIBUTES; do
  name="${pair%%=*}"
  type="${pair#*=}"
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type" --address "$ADDRESS"
  fi
done
echo "namespace $NAMESPACE and search attributes ready"
