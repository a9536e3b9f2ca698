"""Thin Qt models over plain data records."""
