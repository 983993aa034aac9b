"""The private local PostgreSQL 17 + TimescaleDB + pgTAP server: one cluster per port,
started, stopped and destroyed here; throwaway clusters for tests of cluster-wide behaviour.
Its programs come from localdb_root. The host's sqitch, psql and pg_prove talk to it over
TCP on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import config, localdb_root
from .localdb_root import LocalDbError  # what up(), down() and the rest raise

@dataclass(frozen=True)
class Server:
    port: int
    root: Path
    # Extra environment of the server process (tests preload libfaketime with it).
    env: tuple[tuple[str, str], ...] = ()

    @property
    def home(self) -> str:  # path inside the root
        return f"{localdb_root._server_home_root()}/pg{self.port}"

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
    return Server(port=config.port() if port is None else port, root=localdb_root.root_dir(), env=tuple(sorted((env or {}).items())))


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def is_running(srv: Server) -> bool:
    if not (srv.host_data / "PG_VERSION").exists():
        return False
    return localdb_root._chroot(srv, "pg_ctl", "status", "-D", srv.data, check=False).returncode == 0


SERVER_SETTINGS = """
# --- marketdb private server (written by scripts/marketdb/localdb.py) ---
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '/tmp'
shared_preload_libraries = 'timescaledb,pg_cron'
timescaledb.telemetry_level = off
# pg_cron's tables live in postgres; jobs run in other databases (cron.schedule_in_database),
# in background workers: no connection, so no password for the job's login.
cron.database_name = 'postgres'
cron.use_background_workers = on
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
    uid, gid = localdb_root._postgres_ids(srv.root)
    os.chown(home, uid, gid)
    # On a host, the postgres user must be able to reach its home through the cache folder.
    for parent in home.parents:
        if parent == srv.root or parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o711)
    pwfile = home / "pwfile"
    pwfile.write_text(config.PASSWORD + "\n")
    os.chown(pwfile, uid, gid)
    localdb_root._progress(f"initialising a new cluster in {srv.host_data}")
    localdb_root._chroot(
        srv, "initdb", "-D", srv.data, "-U", config.SUPERUSER, f"--pwfile={srv.home}/pwfile",
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
    )
    pwfile.unlink()
    with open(srv.host_data / "postgresql.conf", "a") as conf:
        conf.write(SERVER_SETTINGS.format(port=srv.port))


def up(port: int | None = None, env: dict[str, str] | None = None) -> Server:
    """Start the private server (building the root and cluster on first use)."""
    localdb_root._require_root("starting the private server")
    srv = server(port, env)
    localdb_root.ensure_root()
    with localdb_root._lock(f"pg{srv.port}"):
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
        result = localdb_root._chroot(
            srv, "pg_ctl", "start", "-w", "-t", "60", "-D", srv.data, "-l", f"{srv.home}/server.log", check=False
        )
        if result.returncode != 0:
            raise LocalDbError(
                f"the server on port {srv.port} failed to start; last lines of {srv.log}:\n{localdb_root._tail(srv.log)}\n"
                f"fix the cause above, or `make db-destroy` to start over with an empty cluster"
            )
    return srv


def _stale_servers(srv: Server) -> list[Server]:
    """Running servers on srv's port from cached roots other than srv's."""
    if localdb_root.uses_host_packages() or not config.cache_dir().is_dir():
        return []
    found = []
    for root in sorted(config.cache_dir().glob("debian13-pg17-*")):
        other = Server(port=srv.port, root=root)
        if root != srv.root and root.is_dir() and (other.host_data / "postmaster.pid").exists():
            found.append(other)
    return found


def _stop_command(srv: Server) -> list[str]:
    uid, gid = localdb_root._postgres_ids(srv.root)
    return ["chroot", f"--userspec={uid}:{gid}", str(srv.root), f"{localdb_root.PG_BIN}/pg_ctl", "stop", "-m", "fast", "-D", srv.data]


def down(port: int | None = None, mode: str = "fast") -> bool:
    """Stop the server; mode "immediate" is a crash as far as the data is concerned (tests)."""
    srv = server(port)
    if not is_running(srv):
        return False
    localdb_root._chroot(srv, "pg_ctl", "stop", "-w", "-m", mode, "-D", srv.data)
    return True


def destroy(port: int | None = None) -> Path:
    localdb_root._require_root("destroying the private server")
    srv = server(port)
    down(port)
    home = srv.root / srv.home.lstrip("/")
    shutil.rmtree(home, ignore_errors=True)
    return home


@contextmanager
def temporary_server(port: int, env: dict[str, str] | None = None, settings: str = "", seed: Path | None = None) -> Iterator[Server]:
    """A throwaway cluster of its own, for tests of cluster-wide behaviour (roles, the clock);
    env is added to the server's environment, settings to its postgresql.conf. seed: a
    stopped cluster's data directory (made by seed_cluster) to start from instead of initdb."""
    destroy(port)
    try:
        if settings or seed:
            srv = server(port, env)
            localdb_root.ensure_root()
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
    uid, gid = localdb_root._postgres_ids(srv.root)
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
