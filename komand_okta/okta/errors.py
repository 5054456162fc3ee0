"""Transitional: `push` still imports its errors from here until it moves into `factors`."""
from .http.errors import OktaError  # noqa: F401
