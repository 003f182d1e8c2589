from common.migrations import run_env

import indicators.models  # noqa: F401  (declares the tables on the metadata)
from indicators.db import metadata

run_env(metadata)
