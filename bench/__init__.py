"""Benchmarks of the Okta plugin against oktasim: `python -m bench [NAME ...] [--quick]`.

Each benchmark is a ratio measured side by side in one run (never a timed test); the results
go to bench/RESULTS.md with the machine they ran on. See bench/README.md.
"""
