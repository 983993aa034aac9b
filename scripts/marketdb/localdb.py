"""The private local PostgreSQL 17 + TimescaleDB + pgTAP server.

On a Debian 13 host the server runs from the host's own packages (scripts/bootstrap.sh
installs them without letting postgresql-common make a cluster of its own). Debian 12 has no
TimescaleDB, and trixie's packages cannot be installed into a bookworm host, so there the
server runs from a Debian 13 root built once with debootstrap (from the host's own
configured mirror) and cached outside the work tree. Either way the host's sqitch, psql and
pg_prove talk to it over TCP on 127.0.0.1.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import config

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


# --------------------------------------------------------------------------- the root


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


# --------------------------------------------------------------------------- the server


@dataclass(frozen=True)
class Server:
    port: int
    root: Path
    # Extra environment of the server process (tests preload libfaketime with it).
    env: tuple[tuple[str, str], ...] = ()

    @property
    def home(self) -> str:  # path inside the root
        return f"{_server_home_root()}/pg{self.port}"

    @property
    def data(self) -> str:
        return f"{self.home}/data"

    @property
    def log(self) -> Path:  # path on the host
        return self.root / f"{self.home.lstrip('/')}/server.log"

    @property
    def host_data(self) -> Path:
        return self.root / self.data.lstrip("/")

    def url(self, dbname: str = config.DEPLOY_DATABASE) -> str:
        return f"postgresql://{config.SUPERUSER}:{config.PASSWORD}@127.0.0.1:{self.port}/{dbname}"


def server(port: int | None = None, env: dict[str, str] | None = None) -> Server:
    return Server(port=config.port() if port is None else port, root=root_dir(), env=tuple(sorted((env or {}).items())))


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


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def is_running(srv: Server) -> bool:
    if not (srv.host_data / "PG_VERSION").exists():
        return False
    return _chroot(srv, "pg_ctl", "status", "-D", srv.data, check=False).returncode == 0


SERVER_SETTINGS = """
# --- marketdb private server (written by scripts/marketdb/localdb.py) ---
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '/tmp'
shared_preload_libraries = 'timescaledb'
timescaledb.telemetry_level = off
# The root has no shm mount of its own; mmap needs none.
dynamic_shared_memory_type = mmap
# Thousands of daily partitions and chunks are touched in one transaction by
# maintenance and the benchmarks; the default of 64 runs out.
max_locks_per_transaction = 1024
# One runaway sort or hash fails alone instead of filling the disk (`marketdb doctor`).
temp_file_limit = '20GB'
max_worker_processes = 32
# A disposable development and test server: durability is traded for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
"""


def _init(srv: Server) -> None:
    home = srv.root / srv.home.lstrip("/")
    home.mkdir(parents=True, exist_ok=True)
    uid, gid = _postgres_ids(srv.root)
    os.chown(home, uid, gid)
    # On a host, the postgres user must be able to reach its home through the cache folder.
    for parent in home.parents:
        if parent == srv.root or parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o711)
    pwfile = home / "pwfile"
    pwfile.write_text(config.PASSWORD + "\n")
    os.chown(pwfile, uid, gid)
    _progress(f"initialising a new cluster in {srv.host_data}")
    _chroot(
        srv, "initdb", "-D", srv.data, "-U", config.SUPERUSER, f"--pwfile={srv.home}/pwfile",
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
    )
    pwfile.unlink()
    with open(srv.host_data / "postgresql.conf", "a") as conf:
        conf.write(SERVER_SETTINGS.format(port=srv.port))


def up(port: int | None = None, env: dict[str, str] | None = None) -> Server:
    """Start the private server (building the root and cluster on first use)."""
    _require_root("starting the private server")
    srv = server(port, env)
    ensure_root()
    with _lock(f"pg{srv.port}"):
        if is_running(srv):
            return srv
        if _port_in_use(srv.port):
            for stale in _stale_servers(srv):
                raise LocalDbError(
                    f"port {srv.port} is held by marketdb's server from an older root ({stale.root}, made for "
                    f"another package list); stop it with `{' '.join(_stop_command(stale))}`, then run this again "
                    f"(its data stays in {stale.host_data} until you delete that root)"
                )
            raise LocalDbError(
                f"port {srv.port} on 127.0.0.1 is in use by another program; "
                f"stop it or choose another port, e.g. `MARKETDB_PORT={srv.port + 1} make db-up`"
            )
        if not (srv.host_data / "PG_VERSION").exists():
            _init(srv)
        result = _chroot(
            srv, "pg_ctl", "start", "-w", "-t", "60", "-D", srv.data, "-l", f"{srv.home}/server.log", check=False
        )
        if result.returncode != 0:
            raise LocalDbError(
                f"the server on port {srv.port} failed to start; last lines of {srv.log}:\n{_tail(srv.log)}\n"
                f"fix the cause above, or `make db-destroy` to start over with an empty cluster"
            )
    return srv


def _stale_servers(srv: Server) -> list[Server]:
    """Running servers on srv's port from cached roots other than srv's."""
    if uses_host_packages() or not config.cache_dir().is_dir():
        return []
    found = []
    for root in sorted(config.cache_dir().glob("debian13-pg17-*")):
        other = Server(port=srv.port, root=root)
        if root != srv.root and root.is_dir() and (other.host_data / "postmaster.pid").exists():
            found.append(other)
    return found


def _stop_command(srv: Server) -> list[str]:
    uid, gid = _postgres_ids(srv.root)
    return ["chroot", f"--userspec={uid}:{gid}", str(srv.root), f"{PG_BIN}/pg_ctl", "stop", "-m", "fast", "-D", srv.data]


def down(port: int | None = None, mode: str = "fast") -> bool:
    """Stop the server; mode "immediate" is a crash as far as the data is concerned (tests)."""
    srv = server(port)
    if not is_running(srv):
        return False
    _chroot(srv, "pg_ctl", "stop", "-w", "-m", mode, "-D", srv.data)
    return True


def destroy(port: int | None = None) -> Path:
    _require_root("destroying the private server")
    srv = server(port)
    down(port)
    home = srv.root / srv.home.lstrip("/")
    shutil.rmtree(home, ignore_errors=True)
    return home


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


@contextmanager
def temporary_server(port: int, env: dict[str, str] | None = None, settings: str = "", seed: Path | None = None) -> Iterator[Server]:
    """A throwaway cluster of its own, for tests of cluster-wide behaviour (roles, the clock);
    env is added to the server's environment, settings to its postgresql.conf. seed: a
    stopped cluster's data directory (made by seed_cluster) to start from instead of initdb."""
    destroy(port)
    try:
        if settings or seed:
            srv = server(port, env)
            ensure_root()
            if seed:
                _copy_data(srv, seed)
            else:
                _init(srv)
            with open(srv.host_data / "postgresql.conf", "a") as conf:
                conf.write((f"port = {port}\n" if seed else "") + settings)
        yield up(port, env)
    finally:
        destroy(port)


def _copy_data(srv: Server, data: Path) -> None:
    home = srv.root / srv.home.lstrip("/")
    home.mkdir(parents=True, exist_ok=True)
    uid, gid = _postgres_ids(srv.root)
    os.chown(home, uid, gid)
    subprocess.run(["cp", "-a", str(data), str(srv.host_data)], check=True)


def seed_cluster(port: int, dest: Path, prepare) -> Path:
    """A cluster's data directory at dest, made once and copied by temporary_server(seed=...):
    prepare(server) fills it (a deploy of the plan), then it is stopped cleanly and kept."""
    with temporary_server(port) as srv:
        prepare(srv)
        down(port)
        subprocess.run(["cp", "-a", str(srv.host_data), str(dest)], check=True)
    (dest / "postmaster.pid").unlink(missing_ok=True)
    return dest


# --------------------------------------------------------------------------- the standby

# Written after the primary's settings (which pg_basebackup copies): later lines win.
STANDBY_SETTINGS = """
# --- marketdb streaming standby (written by scripts/marketdb/localdb.py) ---
port = {port}
cluster_name = '{name}'
hot_standby = on
# The primary keeps the rows a standby query still reads: vacuum on the primary never
# cancels a standby read (a long standby read delays the primary's cleanup instead).
hot_standby_feedback = on
# Replay of a lock a standby read conflicts with (maintenance's ACCESS EXCLUSIVE on a
# parent, a dropped partition) waits up to this long, then cancels that read (SQLSTATE
# 40001, "conflict with recovery"): reads shorter than this are never cancelled, and the
# standby never falls further behind than this for their sake.
max_standby_streaming_delay = 30s
primary_conninfo = 'host=127.0.0.1 port={primary_port} user={role} password={password} application_name={name}'
primary_slot_name = '{slot}'
"""


def replica_name(port: int) -> str:
    return f"marketdb_replica_{port}"


def replica_up(port: int | None = None, primary_port: int | None = None, settings: str = "") -> Server:
    """Start a streaming standby of the private server (copying it with pg_basebackup on first
    use): the replication role and a physical slot are made on the primary; settings are
    added to the standby's postgresql.conf."""
    _require_root("starting the standby")
    replica = server(config.replica_port() if port is None else port)
    if replica.port == server(primary_port).port:
        raise LocalDbError(f"the standby needs a port of its own, not the primary's {replica.port}")
    primary = up(primary_port)
    name = replica_name(replica.port)
    with _lock(f"pg{replica.port}"):
        if is_running(replica):
            return replica
        if _port_in_use(replica.port):
            raise LocalDbError(f"port {replica.port} on 127.0.0.1 is in use by another program; "
                               f"choose another, e.g. `MARKETDB_REPLICA_PORT={replica.port + 1} make replica-up`")
        if not (replica.host_data / "PG_VERSION").exists():
            import psycopg  # here only: the rest of this module runs without the virtualenv's packages

            with psycopg.connect(primary.url("postgres"), autocommit=True) as conn:
                exists = conn.execute("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s)", (config.REPLICATION_ROLE,)).fetchone()[0]
                verb = "ALTER" if exists else "CREATE"
                conn.execute(f"{verb} ROLE {config.REPLICATION_ROLE} LOGIN REPLICATION PASSWORD '{config.REPLICATION_PASSWORD}'")
                # A slot keeps the WAL the standby has not received; max_slot_wal_keep_size
                # bounds it, so a standby left behind can never fill the primary's disk.
                conn.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '10GB'")
                conn.execute("SELECT pg_reload_conf()")
                if not conn.execute("SELECT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = %s)", (name,)).fetchone()[0]:
                    conn.execute("SELECT pg_create_physical_replication_slot(%s, true)", (name,))
            home = replica.root / replica.home.lstrip("/")
            home.mkdir(parents=True, exist_ok=True)
            uid, gid = _postgres_ids(replica.root)
            os.chown(home, uid, gid)
            _progress(f"copying the server on port {primary.port} into a standby at {replica.host_data}")
            copier = Server(port=replica.port, root=replica.root, env=(("PGPASSWORD", config.REPLICATION_PASSWORD),))
            _chroot(copier, "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", config.REPLICATION_ROLE,
                    "-D", replica.data, "-X", "stream", "-S", name, "-c", "fast", "--no-password")
            with open(replica.host_data / "postgresql.conf", "a") as conf:
                conf.write(STANDBY_SETTINGS.format(port=replica.port, name=name, primary_port=primary.port,
                                                   role=config.REPLICATION_ROLE, password=config.REPLICATION_PASSWORD, slot=name))
                conf.write(settings)
            (replica.host_data / "standby.signal").touch()
            os.chown(replica.host_data / "standby.signal", uid, gid)
        result = _chroot(replica, "pg_ctl", "start", "-w", "-t", "120", "-D", replica.data, "-l", f"{replica.home}/server.log", check=False)
        if result.returncode != 0:
            raise LocalDbError(f"the standby on port {replica.port} failed to start; last lines of {replica.log}:\n{_tail(replica.log)}\n"
                               f"`make replica-down` removes it, `make replica-up` copies the primary again")
    return replica


def replica_down(port: int | None = None, primary_port: int | None = None) -> bool:
    """Stop the standby, delete its copy and drop its slot on the primary (so the primary
    keeps no WAL for it). Returns whether there was one."""
    _require_root("removing the standby")
    replica = server(config.replica_port() if port is None else port)
    existed = (replica.host_data / "PG_VERSION").exists()
    destroy(replica.port)
    primary = server(primary_port)
    if is_running(primary):
        import psycopg  # as in replica_up

        with psycopg.connect(primary.url("postgres"), autocommit=True) as conn:
            # The walsender of a standby just stopped may hold the slot for a moment.
            for _ in range(50):
                active = conn.execute("SELECT bool_or(active) FROM pg_replication_slots WHERE slot_name = %s",
                                      (replica_name(replica.port),)).fetchone()[0]
                if not active:
                    break
                time.sleep(0.1)
            conn.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = %s AND NOT active",
                         (replica_name(replica.port),))
    return existed
