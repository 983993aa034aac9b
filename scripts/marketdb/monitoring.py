"""Prometheus for marketdb: postgres_exporter's custom queries (monitoring/postgres_exporter.yml)
and the alert rules (monitoring/marketdb.rules.yml, with their promtool tests), run with the
real tools from the server's Debian 13 packages: on the host on Debian 13, in the cached
root (chroot) on Debian 12. docs/operations.md, "Monitoring"."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import config, localdb_root

FOLDER = config.PROJECT_ROOT / "monitoring"
QUERIES = FOLDER / "postgres_exporter.yml"
RULES = FOLDER / "marketdb.rules.yml"
RULE_TESTS = FOLDER / "marketdb.rules.test.yml"
EXPORTER = "/usr/bin/prometheus-postgres-exporter"
PROMTOOL = "/usr/bin/promtool"


def _in_root() -> Path | None:
    """The cached root the tools run in (None: they are the host's)."""
    return None if localdb_root.uses_host_packages() else localdb_root.root_dir()


def tool(path: str) -> list[str]:
    root = _in_root()
    if root is None:
        return [path]
    if not (root / path.lstrip("/")).exists():
        raise localdb_root.LocalDbError(f"{path} is not in {root}: run `make db-up` (it builds the root with the server's packages)")
    return [shutil.which("chroot") or "/usr/sbin/chroot", "--userspec=65534:65534", str(root), path]


def visible(paths: list[Path], name: str) -> Path:
    """A folder holding copies of paths where the tools can read them: the cached root's /tmp
    on Debian 12 (a chroot sees nothing else), else a temporary folder. Returns the folder as
    the tools see it; remove it with forget(name)."""
    root = _in_root()
    host = (root / "tmp" if root else Path("/tmp")) / f"marketdb-{name}"
    shutil.rmtree(host, ignore_errors=True)
    host.mkdir(parents=True)
    for path in paths:
        shutil.copy(path, host / path.name)
    host.chmod(0o755)
    return Path("/tmp") / host.name if root else host


def forget(name: str) -> None:
    root = _in_root()
    shutil.rmtree((root / "tmp" if root else Path("/tmp")) / f"marketdb-{name}", ignore_errors=True)


def promtool(*args: str, files: list[Path], name: str = "promtool") -> subprocess.CompletedProcess[str]:
    """promtool with files copied where it can read them; args name them by file name."""
    folder = visible(files, name)
    names = {f.name for f in files}
    try:
        return subprocess.run([*tool(PROMTOOL), *(str(folder / a) if a in names else a for a in args)],
                              capture_output=True, text=True, timeout=120)
    finally:
        forget(name)


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as response:
        return response.read().decode()


@contextmanager
def exporter(url: str, port: int, queries: Path = QUERIES) -> Iterator[subprocess.Popen]:
    """postgres_exporter on 127.0.0.1:port for the database at url (a libpq URL or key=value
    string), with marketdb's queries; stopped on exit."""
    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(url)
    dsn = (f"postgresql://{parts.get('user', '')}:{parts.get('password', '')}@{parts.get('host', '127.0.0.1')}:"
           f"{parts.get('port', 5432)}/{parts.get('dbname', '')}?sslmode=disable")
    folder = visible([queries], f"exporter-{port}")
    process = subprocess.Popen(
        [*tool(EXPORTER), f"--extend.query-path={folder / queries.name}", f"--web.listen-address=127.0.0.1:{port}"],
        env={"DATA_SOURCE_NAME": dsn, "PATH": "/usr/bin:/bin"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                scrape(port)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise localdb_root.LocalDbError(f"postgres_exporter did not start: {process.stdout.read() if process.stdout else ''}")
                time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        forget(f"exporter-{port}")


def sample(metrics: str, name: str, **labels: str) -> float | None:
    """The value of one series in a scrape (None: absent)."""
    for line in metrics.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        head, _, value = line.rpartition(" ")
        found = dict(pair.split("=", 1) for pair in _labels(head))
        if all(found.get(k) == f'"{v}"' for k, v in labels.items()):
            return float(value)
    return None


def _labels(head: str) -> list[str]:
    if "{" not in head:
        return []
    inner = head[head.index("{") + 1: head.rindex("}")]
    return [p for p in inner.split(",") if "=" in p]



def main(argv: list[str] | None = None) -> int:
    """make alerts-check: promtool on the rules and their tests; make exporter: postgres_exporter
    in the foreground on 127.0.0.1:9187 for the deployed database (Ctrl-C stops it)."""
    import argparse
    import sys

    from . import db

    parser = argparse.ArgumentParser(prog="python -m marketdb.monitoring")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="promtool check rules and test rules")
    serve = sub.add_parser("exporter", help="postgres_exporter with marketdb's queries, in the foreground")
    serve.add_argument("--port", type=int, default=9187)
    args = parser.parse_args(argv)
    if args.command == "check":
        status = 0
        for out in (promtool("check", "rules", RULES.name, files=[RULES]),
                    promtool("test", "rules", RULE_TESTS.name, files=[RULES, RULE_TESTS])):
            print(out.stdout.rstrip(), out.stderr.rstrip(), sep="\n" if out.stderr.strip() else "")
            status = status or out.returncode
        return status
    url = db.server_url()
    with exporter(url, args.port) as process:
        print(f"postgres_exporter: http://127.0.0.1:{args.port}/metrics (marketdb_* series); Ctrl-C stops it", file=sys.stderr)
        try:
            process.wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
