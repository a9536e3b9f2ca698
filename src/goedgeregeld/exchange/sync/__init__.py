"""Sync files (every installation to NOV): one format that export and NOV both use."""
