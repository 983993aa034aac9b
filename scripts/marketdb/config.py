"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

DEFAULT_PORT = 54329
# The private server's superuser. The same credentials are in docker-compose.yml,
# so DATABASE_URL is the only thing that changes between the two routes.
SUPERUSER = "postgres"
PASSWORD = "marketdb"
DEPLOY_DATABASE = "marketdb"
DEFAULT_CACHE = Path("/var/cache/marketdb")


class UsageError(Exception):
    """A setting or argument is wrong; the message says which and what to do."""


def port() -> int:
    raw = os.environ.get("MARKETDB_PORT", str(DEFAULT_PORT))
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"MARKETDB_PORT={raw!r} is not a number; set it to a free TCP port such as {DEFAULT_PORT}") from None
    if not 1024 <= value <= 65535:
        raise UsageError(f"MARKETDB_PORT={value} is outside 1024..65535; choose an unprivileged free port")
    return value


# The private server's streaming standby (`marketdb db replica up`) connects as this role.
REPLICATION_ROLE = "marketdb_replication"
REPLICATION_PASSWORD = "marketdb-replication"


def replica_port() -> int:
    """The standby's port: MARKETDB_REPLICA_PORT, else the private server's port + 1."""
    raw = os.environ.get("MARKETDB_REPLICA_PORT", "").strip()
    if not raw:
        return port() + 1
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"MARKETDB_REPLICA_PORT={raw!r} is not a number; set it to a free TCP port such as {DEFAULT_PORT + 1}") from None
    if not 1024 <= value <= 65535 or value == port():
        raise UsageError(f"MARKETDB_REPLICA_PORT={value} must be a free unprivileged port (1024..65535) other than MARKETDB_PORT")
    return value


def database_url() -> str | None:
    """DATABASE_URL when set: then every command uses that server and starts nothing."""
    url = os.environ.get("DATABASE_URL", "").strip()
    return url or None


def cache_dir() -> Path:
    return Path(os.environ.get("MARKETDB_CACHE", str(DEFAULT_CACHE)))
