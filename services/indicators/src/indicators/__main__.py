from common.cli import run

from indicators.config import get_settings
from indicators.db import SCHEMA

run(app_path="indicators.main:app", package="indicators", schema=SCHEMA, settings_factory=get_settings)
