"""Helpers the tests and the benchmarks share (the soak driver, real-conditions fixtures)."""
