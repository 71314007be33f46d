"""``sanctrace serve``: refuses to expose writes beyond loopback, and serves the store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from sanctrace.cli.app import main
from sanctrace.cli.serve import is_loopback
from sanctrace.settings import get_settings


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_public_host_without_token_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SANCTRACE_TOKEN", raising=False)
    get_settings.cache_clear()
    code = main(["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "s.db")])
    get_settings.cache_clear()
    assert code == 2
    assert "SANCTRACE_TOKEN" in capsys.readouterr().err


def test_serve_answers_over_http(store_url: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("sanctrace")
    env = {k: v for k, v in os.environ.items() if k != "SANCTRACE_TOKEN"}
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--db", store_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # wait until it listens (cheap socket probes, not HTTP clients)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        started = time.monotonic()
        response = httpx.get(f"http://127.0.0.1:{port}/api/entities", timeout=10)
        assert time.monotonic() - started < 5
        assert response.status_code == 200 and response.json()["entities"]
        write = httpx.post(f"http://127.0.0.1:{port}/api/split", json={"entity": "x"})
        assert write.status_code == 403
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert "writes are disabled" in err
    assert f"http://127.0.0.1:{port}/" in out
