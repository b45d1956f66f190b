"""Hypothesis profiles for the fuzz tests.

- ``ci`` (default): a budget that keeps the whole tests/fuzz run well under a minute in
  ``make test``; derandomized so CI is reproducible (the same examples every run).
- ``dev``: random seeds, the same budget — new examples on every local run.
- ``thorough``: ten times the examples, for a long local hunt:
  ``HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/fuzz``.

Each test scales its example count with ``fuzzkit.scaled(n)``.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=_SLOW_OK, database=None)
settings.register_profile("dev", deadline=None, print_blob=True, suppress_health_check=_SLOW_OK)
settings.register_profile("thorough", deadline=None, print_blob=True, suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
