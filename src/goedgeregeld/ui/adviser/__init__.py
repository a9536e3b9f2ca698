"""The adviser's part of the app: registration, client list, review, decision; org-side hooks."""
