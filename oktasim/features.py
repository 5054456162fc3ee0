"""Per-org features: whether the org runs Okta Identity Engine, and whether it has Identity
Threat Protection (ITP, which brings user risk and Universal Logout).

Why: the same operation answers differently in a Classic Engine org or an org without ITP, and a
SOAR action must explain that refusal, not mistake it for a missing permission.  An org file sets
``features: {identity_engine, itp}``; the control API (``/__sim/features``) flips them for a test.
A refusal is Okta's "feature not enabled" error, E0000015, as the recorded Classic org answers an
Identity-Engine-only request (401 on the management API).
"""

from .errors import OktaError

DEFAULTS = {"identity_engine": True, "itp": False}
NAMES = {"identity_engine": "Okta Identity Engine", "itp": "Identity Threat Protection"}


def enabled(store, name: str) -> bool:
    return bool(store.features.get(name, DEFAULTS[name]))


def require(store, name: str, status: int | None = None) -> None:
    """Refuse the request, as Okta does, when the org lacks ``name``."""
    if not enabled(store, name):
        raise OktaError(
            "E0000015", status=status, causes=[f"This operation needs {NAMES[name]}, which this org does not have."]
        )


def update(store, changes) -> dict:
    """Apply ``{name: bool}``; unknown names or non-booleans raise ValueError naming them."""
    if not isinstance(changes, dict):
        raise ValueError("features: an object of feature name to true/false")
    for name, value in changes.items():
        if name not in DEFAULTS:
            raise ValueError(f"{name}: unknown feature (known: {', '.join(sorted(DEFAULTS))})")
        if not isinstance(value, bool):
            raise ValueError(f"{name}: must be true or false")
    store.features.update(changes)
    return dict(store.features)
