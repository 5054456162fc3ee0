"""The ``Link`` lines of the lists that name their page size even when the request did not.

Why: the recordings show Okta writing ``limit`` first in the ``self`` link of group rules,
app group assignments and linked objects (``/api/v1/groups/rules?limit=50`` for a bare GET),
so a client that follows the links sees the page size it is getting.
"""

from ..errors import OktaError
from ..paging import link


def links(req, next_after, limit: int) -> list:
    """``self`` then (when there is more) ``next``, each with ``limit`` first."""
    rest = [(k, v) for k, v in req.query_pairs if k not in ("limit", "after")]
    after = [("after", req.arg("after"))] if req.arg("after") else []
    headers = [link(req, [("limit", str(limit)), *after, *rest], "self")]
    if next_after is not None:
        headers.append(link(req, [("after", next_after), ("limit", str(limit)), *rest], "next"))
    return headers


def limit_arg(req, default: int, low: int, high: int) -> int:
    """``limit`` as an int in [low, high] (an over-maximum one is clamped, like Okta's); else 400 E0000001."""
    raw = req.arg("limit")
    if raw is None or raw == "":
        return default
    try:
        n = int(raw)
    except ValueError:
        raise OktaError("E0000001", "limit", causes=["limit: The value must be a number"]) from None
    if n < low:
        raise OktaError("E0000001", "limit", causes=[f"limit: The value must be at least {low}"])
    return min(n, high)
