"""SQLAlchemy models of everything this installation stores, one module per concern."""
