import argparse

from common.cli import run
from common.settings import ProcessSettings

from notifications.config import Settings, get_settings
from notifications.db import SCHEMA


async def _work(settings: ProcessSettings, _args: argparse.Namespace) -> None:
    from notifications.worker import work

    assert isinstance(settings, Settings)
    await work(settings)


run(
    app_path="notifications.main:app",
    package="notifications",
    schema=SCHEMA,
    settings_factory=get_settings,
    extra_commands={
        "work": ("chạy tiến trình gửi thông báo (đọc nguồn sự kiện, tính lịch nhắc, gửi)", lambda _p: None, _work)
    },
)
