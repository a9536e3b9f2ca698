"""Durable storage: SQLite through SQLAlchemy, Alembic migrations, one function per use case.

The only package (beside ``nov.store``) that imports SQLAlchemy or touches ORM rows and
sessions. By concern:

- ``db/``: the machinery (engine and pragmas, migrations, health, backups, restore);
- ``models/``: the ORM tables, one module per domain, ``models.all`` for Alembic;
- ``records``, ``review_records``: the one set of plain, frozen records handed out and
  taken in; ``rows`` turns a row into its record; ``errors``, ``clock``, ``snapshots``;
- every other module is a use case: ``organisations``, ``evaluations``, ``actions``,
  ``evidence``, ``comparison``, ``overview`` (the home screen), ``advisers``, ``reviews``,
  ``clients``, ``client_import`` and ``review_import`` (recording received files),
  ``evaluation_export`` and ``sync_exports`` (what outgoing files read), ``trust``,
  ``installation``, ``sample``.

Importing the package itself loads nothing, so that a light module (``records``,
``db.backup_policy``) does not pull SQLAlchemy onto the GUI thread at start-up.
"""
