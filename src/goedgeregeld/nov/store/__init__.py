"""NOV's own store: SQLite or PostgreSQL, its models, migrations, merge and figures."""
