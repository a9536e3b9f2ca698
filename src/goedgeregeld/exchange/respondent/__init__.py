"""Respondent files (coordinator to respondent) and answer files (respondent to coordinator)."""
