"""Database machinery: engine and pragmas, migrations, health checks, backups, restore."""
