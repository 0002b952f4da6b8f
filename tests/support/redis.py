"""A throwaway Redis server for tests: its own folder, listening only on a Unix socket."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

SERVER = "redis-server"


class RedisMissing(RuntimeError):
    """The Redis server is not installed."""


class RedisServer:
    """redis-server in a temporary folder, no TCP port, nothing kept on disk."""

    def __init__(self) -> None:
        program = shutil.which(SERVER)
        if program is None:
            raise RedisMissing(
                "no redis-server: the queue tests need one; run `scripts/setup.sh test` "
                "(installs the Debian package redis-server)"
            )
        self.program = program
        self.root = Path(tempfile.mkdtemp(prefix="assessor-redis-"))
        self.socket = self.root / "redis.sock"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's URL for redis-py and Huey."""
        return f"unix://{self.socket}"

    def start(self, seconds: float = 10) -> None:
        """Start the server and wait until it answers PING."""
        self.process = subprocess.Popen(
            [self.program, "--port", "0", "--unixsocket", str(self.socket),
             "--unixsocketperm", "700", "--dir", str(self.root), "--save", "",
             "--appendonly", "no", "--logfile", str(self.root / "redis.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.socket.exists():
                try:
                    if redis.Redis.from_url(self.url).ping():
                        return
                except redis.ConnectionError:
                    pass
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start: {self.root / 'redis.log'}")

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
                self.process.wait(timeout=10)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
