"""Embedded stores that `atelier serve` (and the test suite) start and stop as child processes."""
