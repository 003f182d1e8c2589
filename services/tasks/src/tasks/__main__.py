from __future__ import annotations

import argparse
from pathlib import Path

from common.cli import run
from common.settings import ProcessSettings

from tasks.config import Settings, get_settings
from tasks.db import SCHEMA


async def _load_plans(settings: ProcessSettings, args: argparse.Namespace) -> None:
    from tasks.seeds import load

    assert isinstance(settings, Settings)
    for item in await load(settings, Path(args.data_dir)):
        print(f"{item.symbol:<16} {item.tasks:>4} nhiệm vụ ({item.created} mới)  {item.title[:80]}")


def _load_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default="data/plans", help="thư mục plans.json và các bảng nhiệm vụ")


run(
    app_path="tasks.main:app",
    package="tasks",
    schema=SCHEMA,
    settings_factory=get_settings,
    extra_commands={
        "load-plans": ("nạp các văn bản và bảng nhiệm vụ mẫu (chạy lại không đổi gì)", _load_args, _load_plans)
    },
)
