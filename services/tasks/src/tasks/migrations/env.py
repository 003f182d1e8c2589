from common.migrations import run_env

from tasks.db import metadata

run_env(metadata)
