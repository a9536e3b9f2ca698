"""Foundations every layer may use: data folder, provinces, shipped files, atomic writes."""
