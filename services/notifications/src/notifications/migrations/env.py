from common.migrations import run_env

import notifications.models  # noqa: F401 - registers every table on the metadata
from notifications.db import metadata

run_env(metadata)
