"""The tasks service's copy of the agency directory: when an agency is merged, its shares of tasks follow it."""

from __future__ import annotations

from common.directory.sync import DirectoryFollower

from tasks.models import Agency, FeedCursor
from tasks.task.merge import follow_merge

follower = DirectoryFollower(Agency, FeedCursor, lock="tasks.directory", on_merge=follow_merge)
