from common.cli import run

from notifications.config import get_settings
from notifications.db import SCHEMA

run(app_path="notifications.main:app", package="notifications", schema=SCHEMA, settings_factory=get_settings)
