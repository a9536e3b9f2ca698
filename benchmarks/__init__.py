"""Benchmarks for every speed and size target, measured against a floor in the same run.

Run ``python -m benchmarks`` (``--quick`` for a smoke run). Not part of the tests.
"""
