"""The web app in Debian's Chromium (playwright-core, no downloaded browser) against the real gateway, services,
notifications worker and PostgreSQL. Each flow is a node script; the screenshots it takes go to docs/screenshots,
which the README links."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tiendo.stack import Stack

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
FAILURES = ROOT / "test-results" / "e2e"


def run_flow(stack: Stack, script: str) -> None:
    assert (ROOT / "frontend/dist/index.html").is_file(), "Giao diện chưa được xây dựng: chạy `make frontend`"
    assert (ROOT / "frontend/node_modules/playwright-core").is_dir(), "Thiếu playwright-core: chạy `make frontend`"
    assert shutil.which("chromium"), "Thiếu Chromium của Debian: chạy `make deps`"
    result = subprocess.run(
        ["node", str(ROOT / "tests/e2e" / script)],
        env={
            **os.environ,
            "GATEWAY_URL": stack.url("gateway"),
            "SCREENSHOT_DIR": str(SCREENSHOTS),
            "FAILURE_DIR": str(FAILURES),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_login_header_and_phone_menu(e2e_stack: Stack) -> None:
    run_flow(e2e_stack, "login_flow.mjs")
    assert (SCREENSHOTS / "menu-360.png").is_file()


def test_ward_reports_progress_coordinator_returns_it_live_and_another_agency_cannot_open_it(e2e_stack: Stack) -> None:
    run_flow(e2e_stack, "task_report_flow.mjs")
    assert (SCREENSHOTS / "tong-quan-360.png").is_file() and (SCREENSHOTS / "thong-bao-1366.png").is_file()


def test_agency_reports_indicator_value_monitor_accepts_chart_shows_it(e2e_stack: Stack) -> None:
    run_flow(e2e_stack, "indicator_flow.mjs")
    assert (SCREENSHOTS / "chi-tieu-chi-tiet-1366.png").is_file()


def test_every_main_screen_at_desktop_and_phone_width(e2e_stack: Stack) -> None:
    run_flow(e2e_stack, "screens.mjs")
    assert len(list(SCREENSHOTS.glob("*-360.png"))) >= 14
