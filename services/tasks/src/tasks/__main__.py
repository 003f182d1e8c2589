from common.cli import run

from tasks.config import get_settings
from tasks.db import SCHEMA

run(app_path="tasks.main:app", package="tasks", schema=SCHEMA, settings_factory=get_settings)
