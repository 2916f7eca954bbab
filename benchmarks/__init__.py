"""Measurements, never run as tests: ``python -m benchmarks.startup``."""
