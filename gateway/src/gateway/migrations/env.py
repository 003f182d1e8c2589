from common.migrations import run_env

from gateway import models  # noqa: F401  (registers the tables on the metadata)
from gateway.db import metadata

run_env(metadata)
