from __future__ import annotations

import argparse
from pathlib import Path

from common.cli import run
from common.settings import ProcessSettings

from indicators.config import Settings, get_settings
from indicators.db import SCHEMA


async def _load_seeds(settings: ProcessSettings, args: argparse.Namespace) -> None:
    from indicators.seeds import load

    assert isinstance(settings, Settings)
    demo = settings.demo_mode and settings.demo_history
    loaded, generated = await load(settings, Path(args.data_dir), demo=demo)
    for item in loaded:
        print(
            f"{item.symbol:<16} {item.indicators:>4} chỉ tiêu, {item.parts:>3} chỉ tiêu thành phần, "
            f"{item.needs_review:>3} cần xem xét ({item.created} mới)"
        )
    if generated:
        print(f"Chế độ trình diễn: sinh {generated} số liệu minh họa (đánh dấu demo)")


def _load_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default="data/indicators", help="thư mục plans.json và các bảng chỉ tiêu")


run(
    app_path="indicators.main:app",
    package="indicators",
    schema=SCHEMA,
    settings_factory=get_settings,
    extra_commands={"load-seeds": ("nạp các bảng chỉ tiêu mẫu (chạy lại không đổi gì)", _load_args, _load_seeds)},
)
