"""The one-machine launcher: embedded PostgreSQL, migrations, demo data, every process started together."""
