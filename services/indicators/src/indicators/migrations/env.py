from common.migrations import run_env

from indicators.db import metadata

run_env(metadata)
