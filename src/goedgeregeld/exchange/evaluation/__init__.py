"""Evaluation files (organisation to adviser): format, writing, checking and importing."""
