"""The benchmark harness (`make bench`)."""
