"""Every service keeps a local copy of the gateway's agency directory, read from its event feed."""
