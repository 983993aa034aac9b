"""Where the private server's programs come from.

On a Debian 13 host the server runs from the host's own packages (scripts/bootstrap.sh
installs them without letting postgresql-common make a cluster of its own). Debian 12 has no
TimescaleDB, and trixie's packages cannot be installed into a bookworm host, so there the
server runs from a Debian 13 root built once with debootstrap (from the host's own
configured mirror) and cached outside the work tree. The PostgreSQL programs run in that
root through chroot (on a Debian 13 host the root is /).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import config

if TYPE_CHECKING:  # annotations only: localdb imports this module
    from .localdb import Server

SUITE = "trixie"
PACKAGE_LIST = config.PROJECT_ROOT / "scripts" / "server-packages.txt"
PACKAGES = tuple(
    line.strip() for line in PACKAGE_LIST.read_text().splitlines() if line.strip() and not line.startswith("#")
)
PG_BIN = "/usr/lib/postgresql/17/bin"
# Inside the Debian 13 root, so the chrooted server can reach it; one folder per port.
SERVER_HOME = "/srv/marketdb"
# libfaketime, for tests that move a throwaway server's clock (tests/test_clock.py).
FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


class LocalDbError(Exception):
    """The private server could not be provided; the message says what to do."""


def _progress(message: str) -> None:
    print(f"[marketdb] {message}", file=sys.stderr, flush=True)


def debian_major(etc: Path = Path("/etc")) -> int | None:
    """The host's Debian major version (12, 13, ...), None when it is not Debian."""
    try:
        fields = dict(
            line.split("=", 1) for line in (etc / "os-release").read_text().splitlines() if "=" in line
        )
    except OSError:
        return None
    if fields.get("ID", "").strip('"') != "debian":
        return None
    version = fields.get("VERSION_ID", "").strip('"')
    if version.isdigit():
        return int(version)
    # testing and unstable have no VERSION_ID; trixie is 13.
    return 13 if fields.get("VERSION_CODENAME", "").strip('"') in {"trixie", "forky", "sid"} else None


def uses_host_packages(etc: Path = Path("/etc")) -> bool:
    """True on Debian 13 and later: the host installs the server's packages itself, so no
    second root (82 s and 750 MB that never get updates) is needed.
    MARKETDB_SERVER_ROOT=debootstrap forces the cached root on any host."""
    if os.environ.get("MARKETDB_SERVER_ROOT") == "debootstrap":
        return False
    major = debian_major(etc)
    return major is not None and major >= 13


def root_dir() -> Path:
    """Where the server's programs are: / on a Debian 13 host, else the cached Debian 13
    root, whose folder name changes when the package list does."""
    if uses_host_packages():
        return Path("/")
    key = hashlib.sha256(" ".join((SUITE, *PACKAGES)).encode()).hexdigest()[:10]
    return config.cache_dir() / f"debian13-pg17-{key}"


def _server_home_root() -> str:
    """The folder holding one data folder per port, as the server sees it."""
    if uses_host_packages():
        return str(config.cache_dir() / "servers")
    return SERVER_HOME


def host_mirror(etc: Path = Path("/etc")) -> str:
    """The Debian mirror the host's apt already uses (never a hard-coded host)."""
    override = os.environ.get("MARKETDB_DEBIAN_MIRROR")
    if override:
        return override
    codename = ""
    try:
        for line in (etc / "os-release").read_text().splitlines():
            if line.startswith("VERSION_CODENAME="):
                codename = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    entries: list[tuple[list[str], list[str]]] = []  # (uris, suites)
    sources = etc / "apt"
    files = [sources / "sources.list", *sorted((sources / "sources.list.d").glob("*"))]
    for path in files:
        if not path.is_file():
            continue
        text = path.read_text(errors="replace")
        if path.suffix == ".sources":
            for stanza in re.split(r"\n\s*\n", text):
                fields: dict[str, str] = {}
                for line in stanza.splitlines():
                    if line.startswith("#") or ":" not in line:
                        continue
                    name, value = line.split(":", 1)
                    fields[name.strip().lower()] = value.strip()
                if "deb" in fields.get("types", "").split():
                    entries.append((fields.get("uris", "").split(), fields.get("suites", "").split()))
        elif path.suffix == ".list" or path.name == "sources.list":
            for line in text.splitlines():
                parts = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
                if len(parts) >= 3 and parts[0] == "deb":
                    entries.append(([parts[1]], [parts[2]]))
    for uris, suites in entries:
        # The main archive carries the bare codename; -security and -updates do not.
        if codename in suites or "stable" in suites:
            for uri in uris:
                if uri.startswith(("http://", "https://", "file:")):
                    return uri
    raise LocalDbError(
        "could not find the host's Debian mirror in /etc/apt/sources.list(.d); "
        "set MARKETDB_DEBIAN_MIRROR to the mirror's URL (the one apt already uses)"
    )


def _require_root(action: str) -> None:
    if os.geteuid() != 0:
        raise LocalDbError(
            f"{action} needs root (debootstrap and chroot): run it as root, e.g. `sudo make db-up`, "
            "or set DATABASE_URL to use an existing server instead"
        )


@contextmanager
def _lock(name: str) -> Iterator[None]:
    config.cache_dir().mkdir(parents=True, exist_ok=True)
    with open(config.cache_dir() / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_root() -> Path:
    """Build the Debian 13 root once; later calls return the cached one at once. On a
    Debian 13 host, check that the host has the server's packages."""
    root = root_dir()
    if uses_host_packages():
        missing = [p for p in PACKAGES if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout != "install ok installed"]
        if missing:
            raise LocalDbError(f"this Debian 13 host lacks the server's packages {', '.join(missing)}: run `make deps` as root")
        return root
    if (root / ".marketdb-complete").exists():
        return root
    _require_root("building the Debian 13 server root")
    if shutil.which("debootstrap") is None:
        raise LocalDbError("debootstrap is missing: `apt-get install debootstrap` (make deps does this)")
    with _lock("root"):
        if (root / ".marketdb-complete").exists():
            return root
        mirror = host_mirror()
        partial = root.with_name(root.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        _progress(f"building the Debian 13 root for PostgreSQL 17 in {root} from {mirror} (about a minute, once)")
        log = root.with_name(root.name + ".debootstrap.log")
        with open(log, "w") as out:
            result = subprocess.run(
                ["debootstrap", "--variant=minbase", "--include=" + ",".join(PACKAGES), SUITE, str(partial), mirror],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        if result.returncode != 0:
            raise LocalDbError(f"debootstrap failed (exit {result.returncode}); its log: {log}\n{_tail(log)}")
        (partial / ".marketdb-complete").write_text(" ".join(PACKAGES) + "\n")
        shutil.rmtree(root, ignore_errors=True)
        partial.rename(root)
        _progress("Debian 13 root ready")
    return root


def _postgres_ids(root: Path) -> tuple[int, int]:
    for line in (root / "etc/passwd").read_text().splitlines():
        fields = line.split(":")
        if fields[0] == "postgres":
            return int(fields[2]), int(fields[3])
    raise LocalDbError(f"no postgres user in {root}/etc/passwd; remove {root} and run `make db-up` again")


def _chroot(srv: Server, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as the postgres user in the server's root (/ on a Debian 13 host)."""
    uid, gid = _postgres_ids(srv.root)
    command = [
        "chroot", f"--userspec={uid}:{gid}", str(srv.root),
        "env", "-i", "HOME=/var/lib/postgresql", "LANG=C.UTF-8", f"PATH={PG_BIN}:/usr/bin:/bin",
        *(f"{name}={value}" for name, value in srv.env),
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise LocalDbError(f"{' '.join(args[:2])} failed in {srv.root}: {result.stderr.strip() or result.stdout.strip()}")
    return result


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def pg_tool(name: str) -> list[str]:
    """Command prefix for a PostgreSQL 17 client tool (pg_dump must not be older than the server).

    A Debian 12 host's are PostgreSQL 15; the cached root has 17's, run through chroot. A
    Debian 13 host has 17's where the server packages put them.
    """
    root = root_dir()
    if uses_host_packages() and Path(PG_BIN, name).exists():
        return [f"{PG_BIN}/{name}"]
    if (root / ".marketdb-complete").exists() and os.geteuid() == 0:
        return ["chroot", str(root), f"{PG_BIN}/{name}"]
    found = shutil.which(name)
    if found:
        return [found]
    raise LocalDbError(f"{name} is not installed: run `make db-up` (it caches PostgreSQL 17's tools) or install postgresql-client-17")
