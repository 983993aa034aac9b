#!/usr/bin/env bash
# Installs what marketdb needs on a Debian 12 or 13 host, idempotently: the Debian packages
# (sqitch, psql, pg_prove; on Debian 13 the server's packages from
# scripts/server-packages.txt, on Debian 12 debootstrap to build a Debian 13 root for them)
# and a virtualenv with the Python package. apt runs only when something is missing; pip
# only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

. /etc/os-release
major=${VERSION_ID%%.*}
case "${VERSION_CODENAME:-}" in trixie|forky|sid) major=${major:-13} ;; esac

packages=(sqitch libdbd-pg-perl postgresql-client libtap-parser-sourcehandler-pgtap-perl)
if [ "${major:-0}" -ge 13 ] 2>/dev/null && [ "${MARKETDB_SERVER_ROOT:-}" != debootstrap ]; then
  # Debian 13: the host's own PostgreSQL 17 + TimescaleDB (localdb.py uses_host_packages).
  mapfile -t server < <(grep -v '^#' scripts/server-packages.txt | sed '/^\s*$/d')
  packages+=("${server[@]}")
else
  packages+=(debootstrap)
fi
PYTHON=${PYTHON:-python3}
# Debian's python3 has no ensurepip without python3-venv; other Pythons bring their own.
if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
  packages+=("python3-venv")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  # postgresql-common must not create and start a cluster of its own on 5432: marketdb's
  # server is made by localdb.py on its own port.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  elif ! grep -q '^\s*create_main_cluster\s*=\s*false' /etc/postgresql-common/createcluster.conf; then
    echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # confold: keep the createcluster.conf written above over the package's own.
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.marketdb-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]' 2> >(grep -v "^WARNING: Location 'file:" >&2)
  touch "$stamp"
fi
