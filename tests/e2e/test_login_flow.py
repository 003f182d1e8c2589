"""The SPA in Debian's Chromium (playwright-core, no downloaded browser) against the real gateway and services."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tiendo.stack import Stack

ROOT = Path(__file__).resolve().parents[2]


def test_coordinator_logs_in_sees_their_agency_and_logs_out(stack: Stack) -> None:
    assert (ROOT / "frontend/dist/index.html").is_file(), "Giao diện chưa được xây dựng: chạy `make frontend`"
    assert (ROOT / "frontend/node_modules/playwright-core").is_dir(), "Thiếu playwright-core: chạy `make frontend`"
    assert shutil.which("chromium"), "Thiếu Chromium của Debian: chạy `make deps`"
    shots = ROOT / "test-results" / "screenshots"
    result = subprocess.run(
        ["node", str(ROOT / "tests/e2e/login_flow.mjs")],
        env={**os.environ, "GATEWAY_URL": stack.url("gateway"), "SCREENSHOT_DIR": str(shots)},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (shots / "overview-360x740.png").is_file()
