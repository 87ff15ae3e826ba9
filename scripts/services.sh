#!/usr/bin/env bash
# Install and start what the full test suite needs beyond Python: a PostgreSQL
# server on loopback and headless Chromium with its driver. Prints the
# environment variables the tests read; source its output.
set -euo pipefail
need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
fi
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >&2
  cluster="$version main"
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start >&2 2>/dev/null || true
port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
runuser -u postgres -- psql -q -p "$port" -c \
  "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='sitrep') THEN CREATE ROLE sitrep LOGIN SUPERUSER PASSWORD 'sitrep'; END IF; END\$\$;" >&2
runuser -u postgres -- psql -q -p "$port" -tc "SELECT 1 FROM pg_database WHERE datname='sitrep_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -p "$port" -O sitrep sitrep_test >&2
echo "export SITREP_TEST_POSTGRES_URL=postgresql://sitrep:sitrep@127.0.0.1:${port}/sitrep_test"
echo "export SITREP_TEST_CHROMIUM=/usr/bin/chromium"
echo "export SITREP_TEST_CHROMEDRIVER=/usr/bin/chromedriver"
