"""The private server: mirror discovery, and each failure says what to do."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import config, db, localdb, localdb_root


def test_mirror_is_read_from_deb822_sources(tmp_path):
    (tmp_path / "apt/sources.list.d").mkdir(parents=True)
    (tmp_path / "os-release").write_text('VERSION_CODENAME=bookworm\n')
    (tmp_path / "apt/sources.list.d/debian.sources").write_text(
        "Types: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\nComponents: main\n\n"
        "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\n"
    )
    assert localdb_root.host_mirror(tmp_path) == "http://mirror.example/debian"


def test_mirror_is_read_from_one_line_sources(tmp_path):
    (tmp_path / "apt").mkdir()
    (tmp_path / "os-release").write_text('VERSION_CODENAME="bookworm"\n')
    (tmp_path / "apt/sources.list").write_text(
        "# comment\ndeb [arch=amd64] http://other.example/node nodistro main\n"
        "deb [signed-by=/k.gpg] http://mirror.example/debian bookworm main contrib\n"
    )
    assert localdb_root.host_mirror(tmp_path) == "http://mirror.example/debian"


def test_no_mirror_says_how_to_set_one(tmp_path, monkeypatch):
    monkeypatch.delenv("MARKETDB_DEBIAN_MIRROR", raising=False)
    (tmp_path / "apt").mkdir()
    with pytest.raises(localdb.LocalDbError, match="MARKETDB_DEBIAN_MIRROR"):
        localdb_root.host_mirror(tmp_path)


def test_bad_port_setting_is_a_usage_error(monkeypatch):
    monkeypatch.setenv("MARKETDB_PORT", "fifty")
    with pytest.raises(config.UsageError, match="MARKETDB_PORT"):
        config.port()
    result = subprocess.run(
        [sys.executable, "-m", "marketdb.cli", "db", "url"], capture_output=True, text=True,
        env={"MARKETDB_PORT": "80", "PATH": "/usr/bin:/bin"}, cwd=PROJECT,
    )
    assert result.returncode == 2 and "MARKETDB_PORT=80" in result.stderr


def test_missing_debootstrap_says_what_to_install(tmp_path, monkeypatch):
    if localdb.os.geteuid() != 0:
        pytest.skip("the root check comes first when not root")
    monkeypatch.setenv("MARKETDB_CACHE", str(tmp_path))
    monkeypatch.setenv("MARKETDB_SERVER_ROOT", "debootstrap")  # the Debian 12 route, on any host
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(localdb.LocalDbError, match="apt-get install debootstrap"):
        localdb_root.ensure_root()


def test_not_root_says_to_use_sudo_or_database_url(monkeypatch):
    monkeypatch.setattr(localdb.os, "geteuid", lambda: 1000)
    with pytest.raises(localdb.LocalDbError, match="needs root.*DATABASE_URL"):
        localdb.up(free_port())


@needs_private_server
def test_port_in_use_names_the_port_and_the_fix():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(localdb.LocalDbError, match=f"port {port} .* in use.*MARKETDB_PORT={port + 1}"):
            localdb.up(port)


@needs_private_server
def test_a_server_that_fails_to_start_shows_its_log():
    port = free_port()
    with localdb.temporary_server(port) as srv:
        localdb.down(port)
        with open(srv.host_data / "postgresql.conf", "a") as conf:
            conf.write("shared_buffers = 'plenty'\n")
        with pytest.raises(localdb.LocalDbError, match=r"failed to start(.|\n)*shared_buffers"):
            localdb.up(port)


@needs_private_server
def test_database_url_server_without_timescaledb_is_refused(monkeypatch):
    port = free_port()
    with localdb.temporary_server(port) as srv:
        localdb.down(port)
        with open(srv.host_data / "postgresql.conf", "a") as conf:
            conf.write("shared_preload_libraries = ''\n")
        localdb.up(port)
        monkeypatch.setenv("DATABASE_URL", srv.url("postgres"))
        with pytest.raises(db.DatabaseError, match="TimescaleDB is not preloaded.*shared_preload_libraries"):
            db.ensure_server()
        result = subprocess.run(
            [sys.executable, "-m", "marketdb.cli", "db", "up"], capture_output=True, text=True, cwd=PROJECT,
        )
        assert result.returncode == 1 and "not preloaded" in result.stderr


@needs_private_server
def test_with_database_url_commands_use_it_and_start_nothing(monkeypatch):
    port = free_port()
    with localdb.temporary_server(port) as srv:
        monkeypatch.setenv("DATABASE_URL", srv.url("postgres"))
        monkeypatch.setenv("MARKETDB_PORT", str(free_port()))  # a private server here would be new
        for args in (["db", "up"], ["db", "status"], ["db", "url"]):
            result = subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True, cwd=PROJECT)
            assert result.returncode == 0, result.stderr
        assert f"127.0.0.1:{port}" in result.stdout or f"port={port}" in result.stdout
        assert not localdb.is_running(localdb.server())


@pytest.mark.parametrize(
    "os_release, host_packages",
    [
        ('ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n', False),
        ('ID=debian\nVERSION_ID="13"\nVERSION_CODENAME=trixie\n', True),
        ('ID=debian\nVERSION_CODENAME=trixie\n', True),  # testing has no VERSION_ID
        ('ID=ubuntu\nVERSION_ID="24.04"\n', False),
        ("", False),
    ],
    ids=["debian 12", "debian 13", "trixie without VERSION_ID", "ubuntu", "no os-release"],
)
def test_debian_13_hosts_use_their_own_packages(tmp_path, monkeypatch, os_release, host_packages):
    monkeypatch.delenv("MARKETDB_SERVER_ROOT", raising=False)
    if os_release:
        (tmp_path / "os-release").write_text(os_release)
    assert localdb_root.uses_host_packages(tmp_path) is host_packages
    monkeypatch.setenv("MARKETDB_SERVER_ROOT", "debootstrap")
    assert localdb_root.uses_host_packages(tmp_path) is False


def test_host_packages_route_runs_the_server_from_the_host(tmp_path, monkeypatch):
    monkeypatch.setattr(localdb_root, "uses_host_packages", lambda etc=None: True)
    monkeypatch.setenv("MARKETDB_CACHE", str(tmp_path))
    srv = localdb.server(5555)
    assert srv.root == localdb.Path("/")
    assert srv.data == f"{tmp_path}/servers/pg5555/data"
    assert srv.host_data == tmp_path / "servers/pg5555/data"
    monkeypatch.setattr(localdb_root, "uses_host_packages", lambda etc=None: False)
    srv = localdb.server(5555)
    assert srv.root.parent == tmp_path and srv.root.name.startswith("debian13-pg17-")
    assert srv.data == "/srv/marketdb/pg5555/data"


def test_the_package_list_has_one_home():
    listed = [line.strip() for line in (PROJECT / "scripts/server-packages.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert list(localdb_root.PACKAGES) == listed
    assert "postgresql-17-timescaledb" in listed and "libfaketime" in listed
    assert "scripts/server-packages.txt" in (PROJECT / "scripts/bootstrap.sh").read_text()
