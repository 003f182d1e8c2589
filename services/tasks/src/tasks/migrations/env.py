from common.migrations import run_env

import tasks.models  # noqa: F401  (declares the tables on the metadata)
from tasks.db import metadata

run_env(metadata)
