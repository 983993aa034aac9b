"""`marketdb ha up | status | down`: a Patroni cluster of three PostgreSQL 17 + TimescaleDB
members over a three-member etcd, all on 127.0.0.1 (docs/ha.md).

Patroni and etcd are Debian 13's (scripts/server-packages.txt) and run, like the private
server, from the server's root as the postgres user. Ports, from MARKETDB_HA_PORT (the base,
54340 by default): PostgreSQL base..base+2, Patroni's REST API base+10.., etcd's clients
base+20.., etcd's peers base+30... Everything lives in one folder per base port, which
`down` removes.

Decided here: a commit is acknowledged only once it is on two members
(synchronous_mode_strict: with no synchronous standby, writes wait rather than go on alone);
a crashed primary fails over at once (primary_start_timeout 0: safe, since the synchronous
standby has every acknowledged commit); maintenance is pg_cron's job (`marketdb schedule`),
whose scheduler runs only on the member that is primary, so after a failover it runs on the
new leader with nothing repointed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import config, localdb_root

MEMBERS = 3
DEFAULT_BASE_PORT = 54340
SCOPE = "marketdb"
REWIND_ROLE = "marketdb_rewind"
REWIND_PASSWORD = "marketdb-rewind"
PATRONI = "/usr/bin/patroni"
ETCD = "/usr/bin/etcd"
# Patroni's timing (bootstrap.dcs): the leader key lives ttl seconds without renewal;
# Patroni requires loop_wait + 2 * retry_timeout <= ttl, and ttl >= 20.
TTL, LOOP_WAIT, RETRY_TIMEOUT = 20, 2, 5
STALE_SLOTS_SCRIPT = "drop-stale-failover-slots"


class HaError(localdb_root.LocalDbError):
    """The cluster could not be made or reached; the message says what to do."""


def base_port() -> int:
    raw = os.environ.get("MARKETDB_HA_PORT", str(DEFAULT_BASE_PORT)).strip()
    try:
        value = int(raw)
    except ValueError:
        raise config.UsageError(f"MARKETDB_HA_PORT={raw!r} is not a number; set it to the first of 33 free ports, e.g. {DEFAULT_BASE_PORT}") from None
    if not 1024 <= value <= 65535 - 40:
        raise config.UsageError(f"MARKETDB_HA_PORT={value}: the cluster uses {value}..{value + 32}; choose a base in 1024..65495")
    return value


@dataclass(frozen=True)
class Cluster:
    base: int
    root: Path

    @property
    def home(self) -> str:  # inside the root
        return f"{localdb_root._server_home_root()}/ha{self.base}"

    @property
    def host_home(self) -> Path:
        return self.root / self.home.lstrip("/")

    def name(self, i: int) -> str:
        return f"node{i + 1}"

    def pg_port(self, i: int) -> int:
        return self.base + i

    def rest_port(self, i: int) -> int:
        return self.base + 10 + i

    def etcd_port(self, i: int) -> int:
        return self.base + 20 + i

    def peer_port(self, i: int) -> int:
        return self.base + 30 + i

    def data(self, i: int) -> str:
        return f"{self.home}/{self.name(i)}/data"

    def url(self, i: int, dbname: str = config.DEPLOY_DATABASE) -> str:
        return f"postgresql://{config.SUPERUSER}:{config.PASSWORD}@127.0.0.1:{self.pg_port(i)}/{dbname}"

    def writer_url(self, dbname: str = config.DEPLOY_DATABASE) -> str:
        """Every member, the primary chosen by libpq (target_session_attrs=read-write)."""
        hosts = ",".join(f"127.0.0.1:{self.pg_port(i)}" for i in range(MEMBERS))
        return f"postgresql://{config.SUPERUSER}:{config.PASSWORD}@{hosts}/{dbname}?target_session_attrs=read-write&connect_timeout=2"

    def ports(self) -> list[int]:
        return [p for i in range(MEMBERS) for p in (self.pg_port(i), self.rest_port(i), self.etcd_port(i), self.peer_port(i))]


def cluster(base: int | None = None) -> Cluster:
    return Cluster(base=base_port() if base is None else base, root=localdb_root.root_dir())


# --- processes -----------------------------------------------------------------------------

def _pidfile(c: Cluster, key: str) -> Path:
    return c.host_home / f"{key}.pid"


def pid(c: Cluster, key: str) -> int | None:
    """The live process of key ('etcd1', 'patroni2', ...), None when it is not running."""
    try:
        value = int(_pidfile(c, key).read_text())
        cmdline = Path(f"/proc/{value}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    program = ETCD if key.startswith("etcd") else PATRONI
    return value if program.encode() in cmdline and c.home.encode() in cmdline else None


def _spawn(c: Cluster, key: str, *argv: str) -> int:
    uid, gid = localdb_root._postgres_ids(c.root)
    command = ["chroot", f"--userspec={uid}:{gid}", str(c.root), "env", "-i", "HOME=/var/lib/postgresql", "LANG=C.UTF-8",
               f"PATH={localdb_root.PG_BIN}:/usr/bin:/bin", *argv]
    with open(c.host_home / f"{key}.log", "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    _pidfile(c, key).write_text(str(process.pid))
    return process.pid


def start_etcd(c: Cluster, i: int) -> int:
    if (found := pid(c, f"etcd{i + 1}")) is not None:
        return found
    peers = ",".join(f"etcd{j + 1}=http://127.0.0.1:{c.peer_port(j)}" for j in range(MEMBERS))
    return _spawn(c, f"etcd{i + 1}", ETCD, "--name", f"etcd{i + 1}", "--data-dir", f"{c.home}/etcd{i + 1}",
                  "--listen-client-urls", f"http://127.0.0.1:{c.etcd_port(i)}",
                  "--advertise-client-urls", f"http://127.0.0.1:{c.etcd_port(i)}",
                  "--listen-peer-urls", f"http://127.0.0.1:{c.peer_port(i)}",
                  "--initial-advertise-peer-urls", f"http://127.0.0.1:{c.peer_port(i)}",
                  "--initial-cluster", peers, "--initial-cluster-state", "new",
                  "--initial-cluster-token", f"{SCOPE}-{c.base}", "--log-level", "warn")


def start_patroni(c: Cluster, i: int) -> int:
    if (found := pid(c, f"patroni{i + 1}")) is not None:
        return found
    return _spawn(c, f"patroni{i + 1}", PATRONI, f"{c.home}/{c.name(i)}/patroni.yml")


def stop(c: Cluster, key: str, sig: int = signal.SIGTERM, timeout: float = 60) -> None:
    found = pid(c, key)
    if found is None:
        return
    os.kill(found, sig)
    deadline = time.monotonic() + timeout
    while pid(c, key) is not None:
        if time.monotonic() > deadline:
            try:
                os.kill(found, signal.SIGKILL)
            except ProcessLookupError:
                break
        time.sleep(0.1)
    _reap(found)


def _reap(child: int) -> None:
    try:  # our own child when this process started it
        os.waitpid(child, os.WNOHANG)
    except ChildProcessError:
        pass


def postmaster(c: Cluster, i: int) -> int | None:
    """The member's running postmaster, from its postmaster.pid."""
    try:
        value = int((c.root / c.data(i).lstrip("/") / "postmaster.pid").read_text().split()[0])
        os.kill(value, 0)
    except (OSError, ValueError, IndexError):
        return None
    return value


def postgres_processes(c: Cluster, i: int) -> list[int]:
    """The member's postmaster and its children."""
    parent = postmaster(c, i)
    if parent is None:
        return []
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    children.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return [parent, *children]


# --- configuration -------------------------------------------------------------------------

def parameters() -> dict:
    """PostgreSQL settings every member shares (Patroni keeps them in etcd)."""
    return {
        "shared_preload_libraries": "timescaledb,pg_cron",
        "timescaledb.telemetry_level": "off",
        "cron.database_name": "postgres",
        "cron.use_background_workers": "on",
        "max_worker_processes": 32,
        "max_locks_per_transaction": 1024,
        "max_wal_senders": 16,
        "max_replication_slots": 16,
        "max_slot_wal_keep_size": "10GB",
        "temp_file_limit": "20GB",
        "dynamic_shared_memory_type": "mmap",  # the root has no shm mount
        "unix_socket_directories": "/tmp",
        # Logical subscribers follow the leader: failover slots are copied to the replicas
        # (sync_replication_slots needs hot_standby_feedback and a dbname, which Patroni
        # puts in primary_conninfo).
        "wal_level": "logical",
        "hot_standby_feedback": "on",
        "sync_replication_slots": "on",
        "wal_log_hints": "on",
        "log_min_messages": "warning",
        "logging_collector": "on",
        "log_directory": "log",
    }


def member_config(c: Cluster, i: int) -> dict:
    others = [c.name(j) for j in range(MEMBERS) if j != i]
    return {
        "scope": f"{SCOPE}-{c.base}",
        "name": c.name(i),
        "restapi": {"listen": f"127.0.0.1:{c.rest_port(i)}", "connect_address": f"127.0.0.1:{c.rest_port(i)}"},
        "etcd3": {"hosts": [f"127.0.0.1:{c.etcd_port(j)}" for j in range(MEMBERS)]},
        "bootstrap": {
            "dcs": {
                "ttl": TTL, "loop_wait": LOOP_WAIT, "retry_timeout": RETRY_TIMEOUT,
                "synchronous_mode": True, "synchronous_mode_strict": True, "synchronous_node_count": 1,
                "primary_start_timeout": 0, "maximum_lag_on_failover": 1048576,
                # The subscribers' slots are PostgreSQL's (failover = true), not Patroni's:
                # Patroni drops every slot it does not know, unless told to leave it.
                "ignore_slots": [{"type": "logical"}],
                "postgresql": {"use_pg_rewind": True, "use_slots": True, "parameters": parameters()},
            },
            "initdb": [{"encoding": "UTF8"}, {"locale": "C.UTF-8"}, "data-checksums",
                       {"auth-local": "trust"}, {"auth-host": "scram-sha-256"}],
        },
        "postgresql": {
            "listen": f"127.0.0.1:{c.pg_port(i)}",
            "connect_address": f"127.0.0.1:{c.pg_port(i)}",
            "data_dir": c.data(i),
            "bin_dir": localdb_root.PG_BIN,
            "pgpass": f"{c.home}/{c.name(i)}/pgpass",
            "authentication": {
                "superuser": {"username": config.SUPERUSER, "password": config.PASSWORD},
                "replication": {"username": config.REPLICATION_ROLE, "password": config.REPLICATION_PASSWORD},
                "rewind": {"username": REWIND_ROLE, "password": REWIND_PASSWORD},
            },
            "parameters": {
                # Logical decoding sends nothing the other members have not received: a
                # subscriber never holds a row the next leader lacks.
                "synchronized_standby_slots": ",".join(others),
            },
            "pg_hba": [
                "local all all trust",
                f"host replication {config.REPLICATION_ROLE} 127.0.0.1/32 scram-sha-256",
                "host all all 127.0.0.1/32 scram-sha-256",
            ],
            "callbacks": {
                "on_start": f"{c.home}/{STALE_SLOTS_SCRIPT} {c.pg_port(i)}",
                "on_role_change": f"{c.home}/{STALE_SLOTS_SCRIPT} {c.pg_port(i)}",
            },
        },
        "tags": {},
    }


# A member that was primary keeps, as a replica, the failover slots it had: PostgreSQL's
# slot synchronization will not replace a slot it did not make, so the copy would go stale.
# Patroni runs this with: <port> <action> <role> <scope>.
STALE_SLOTS = """#!/bin/sh
[ "$3" = replica ] || exit 0
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  psql -X -q -h /tmp -p "$1" -U postgres -d postgres -Atc \\
    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_type = 'logical' AND failover AND NOT synced AND NOT active" \\
    >/dev/null 2>&1 && exit 0
  sleep 1
done
exit 1
"""


# --- REST API ------------------------------------------------------------------------------

def rest(c: Cluster, i: int, path: str, timeout: float = 1.0) -> tuple[int, dict | list | None]:
    """(HTTP status, JSON body) of member i's REST API; (0, None) when it does not answer."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{c.rest_port(i)}{path}", timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read() or b"null")
        except ValueError:
            return exc.code, None
    except (OSError, ValueError):
        return 0, None


def leader(c: Cluster, timeout: float = 0.5) -> int | None:
    """The member whose Patroni holds the leader lock and runs a primary (GET /primary: 200)."""
    for i in range(MEMBERS):
        if rest(c, i, "/primary", timeout)[0] == 200:
            return i
    return None


def members(c: Cluster) -> list[dict]:
    """Patroni's view of the cluster (GET /cluster from the first member that answers)."""
    for i in range(MEMBERS):
        code, body = rest(c, i, "/cluster")
        if code == 200 and isinstance(body, dict):
            return body.get("members", [])
    return []


def etcd_health(c: Cluster, i: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{c.etcd_port(i)}/health", timeout=1) as response:
            return json.loads(response.read()).get("health") == "true"
    except (OSError, ValueError):
        return False


def wait_until(condition, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise HaError(f"{what} within {timeout:.0f} s")
        time.sleep(interval)


def healthy(c: Cluster) -> bool:
    """A leader, and every other member a streaming replica, one of them synchronous."""
    found = members(c)
    roles = sorted(m.get("role", "") for m in found)
    return (len(found) == MEMBERS and roles.count("leader") == 1 and "sync_standby" in roles
            and all(m.get("state") in ("running", "streaming") for m in found))


# --- up, status, down ----------------------------------------------------------------------

# Patroni reads /proc (psutil) and makes POSIX semaphores in /dev/shm (its thread pools);
# the cached root has neither of its own.
MOUNTS = (("proc", "proc", "proc", ""), ("dev/shm", "tmpfs", "tmpfs", "mode=1777,size=64m"))


def _mount_proc(c: Cluster) -> None:
    if c.root == Path("/"):
        return
    for where, kind, source, options in MOUNTS:
        target = c.root / where
        if not os.path.ismount(target):
            subprocess.run(["mount", "-t", kind, *(["-o", options] if options else []), source, str(target)], check=True)


def _unmount_proc(c: Cluster) -> None:
    if c.root == Path("/") or not os.path.ismount(c.root / "proc"):
        return
    home_root = c.root / localdb_root._server_home_root().lstrip("/")
    for other in home_root.glob("ha*"):
        o = Cluster(base=int(other.name[2:]), root=c.root) if other.name[2:].isdigit() else None
        if o and o.base != c.base and any(pid(o, f"{k}{j + 1}") for k in ("etcd", "patroni") for j in range(MEMBERS)):
            return  # another cluster still runs from this root
    for where, *_ in MOUNTS:
        subprocess.run(["umount", "-l", str(c.root / where)], check=False)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def running(c: Cluster) -> bool:
    return any(pid(c, f"{k}{j + 1}") for k in ("etcd", "patroni") for j in range(MEMBERS))


def up(base: int | None = None, progress=localdb_root._progress) -> Cluster:
    """Starts etcd and the three members (bootstrapping them on first use) and waits for a
    leader with a synchronous standby and a second streaming replica."""
    localdb_root._require_root("starting the Patroni cluster")
    c = cluster(base)
    localdb_root.ensure_root()
    with localdb_root._lock(f"ha{c.base}"):
        if not running(c):
            busy = [p for p in c.ports() if not _port_free(p)]
            if busy:
                raise HaError(f"ports {', '.join(map(str, busy))} on 127.0.0.1 are in use; the cluster needs {c.base}..{c.base + 32}: "
                              f"choose another base, e.g. `MARKETDB_HA_PORT={c.base + 100} make ha-up`")
        uid, gid = localdb_root._postgres_ids(c.root)
        c.host_home.mkdir(parents=True, exist_ok=True)
        os.chown(c.host_home, uid, gid)
        for parent in c.host_home.parents:  # the postgres user must reach its home
            if parent == c.root or parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o711)
        script = c.host_home / STALE_SLOTS_SCRIPT
        script.write_text(STALE_SLOTS)
        script.chmod(0o755)
        for i in range(MEMBERS):
            member = c.host_home / c.name(i)
            member.mkdir(exist_ok=True)
            os.chown(member, uid, gid)
            # JSON is YAML: Patroni reads it as its configuration file.
            (member / "patroni.yml").write_text(json.dumps(member_config(c, i), indent=2) + "\n")
        _mount_proc(c)
        for i in range(MEMBERS):
            start_etcd(c, i)
        wait_until(lambda: all(etcd_health(c, i) for i in range(MEMBERS)), 60, "etcd did not become healthy")
        fresh = not (c.root / c.data(0).lstrip("/") / "PG_VERSION").exists()
        progress(f"starting Patroni's members on 127.0.0.1:{c.pg_port(0)}..{c.pg_port(MEMBERS - 1)}"
                 f"{' (first start: initdb, then two copies)' if fresh else ''}")
        start_patroni(c, 0)
        if fresh:  # the first member makes the cluster; the others copy it
            wait_until(lambda: leader(c) is not None, 120, f"no leader came up; see {c.host_home}/patroni1.log")
        for i in range(1, MEMBERS):
            start_patroni(c, i)
        wait_until(lambda: healthy(c), 180, f"the cluster did not become healthy (a leader, a synchronous standby, "
                                            f"a replica); see {c.host_home}/patroni*.log")
    return c


def status(c: Cluster) -> dict:
    found = members(c)
    return {
        "scope": f"{SCOPE}-{c.base}",
        "leader": next((m["name"] for m in found if m.get("role") == "leader"), None),
        "members": [{"name": m.get("name"), "role": m.get("role"), "state": m.get("state"), "host": m.get("host"),
                     "port": m.get("port"), "timeline": m.get("timeline"), "lag": m.get("lag")} for m in found],
        "etcd": [{"name": f"etcd{i + 1}", "port": c.etcd_port(i), "healthy": etcd_health(c, i)} for i in range(MEMBERS)],
        "writer_url": c.writer_url(),
    }


def down(base: int | None = None) -> bool:
    """Stops every process of the cluster and removes its folder; returns whether there was one."""
    localdb_root._require_root("removing the Patroni cluster")
    c = cluster(base)
    existed = c.host_home.exists()
    with localdb_root._lock(f"ha{c.base}"):
        for i in range(MEMBERS):
            stop(c, f"patroni{i + 1}")  # Patroni stops its PostgreSQL on the way out
        for i in range(MEMBERS):
            for process in postgres_processes(c, i):  # a postmaster whose Patroni was killed
                try:
                    os.kill(process, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            for _ in range(100):
                if postmaster(c, i) is None:
                    break
                time.sleep(0.05)
        for i in range(MEMBERS):
            stop(c, f"etcd{i + 1}")
        _unmount_proc(c)
        shutil.rmtree(c.host_home, ignore_errors=True)
    return existed


def deploy(c: Cluster, every: str | None = None) -> str:
    """Deploys the plan through the leader (database marketdb) and schedules maintenance in
    pg_cron there (`marketdb schedule`); returns sqitch's output."""
    from . import db, harness, schedule  # need the virtualenv's packages

    i = leader(c)
    if i is None:
        raise HaError("the cluster has no leader: `marketdb ha status` shows why")
    url = c.url(i)
    if not db.database_exists(url, config.DEPLOY_DATABASE):
        db.create_database(url, config.DEPLOY_DATABASE)
    out = harness.sqitch(config.PROJECT_ROOT, url, "deploy", "--verify")
    schedule.install(url, every or schedule.DEFAULT_SCHEDULE)
    return out.stdout
