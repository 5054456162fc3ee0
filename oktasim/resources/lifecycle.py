"""The activate/deactivate lifecycle that apps, zones, event hooks, IdPs and policies share.

Why: Okta treats these the same way (POST …/lifecycle/{activate|deactivate}, any other action
is E0000008, the status flips and lastUpdated moves), so the simulator does it in one place;
each handler still fetches its object first (a 404 wins) and emits its own event.
"""

from ..errors import OktaError


def set_active(store, obj: dict, action: str) -> None:
    """Apply `action` to the object's status; E0000008 for an action other than activate/deactivate."""
    if action not in ("activate", "deactivate"):
        raise OktaError("E0000008")
    obj["status"] = "ACTIVE" if action == "activate" else "INACTIVE"
    obj["lastUpdated"] = store.now()
