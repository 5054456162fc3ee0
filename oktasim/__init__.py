"""oktasim: a faithful, stateful, local Okta org simulator.

Why: the plugin, its integration tests, the demo and the benchmarks need an Okta
org that behaves like the real one (status machine, search grammar, paging,
errors, rate limits, push MFA, event hooks, system log) without a network or a
tenant.  Run it with ``python -m oktasim``; use it in tests through
``oktasim.testing.running_sim``.  Not shipped in the plugin image.
"""

__version__ = "0.1.0"
DEFAULT_TOKEN = "oktasim-dev-token"
