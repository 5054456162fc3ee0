"""A user's access blocks: ``GET /api/v1/users/{id}/blocks``.

Why: "why can't this user sign in?" -- Okta answers with device-based blocks.  A LOCKED_OUT user
is blocked on every device; an ACTIVE user whose failed sign-ins came from unknown devices (the
org's "block suspicious password attempts from unknown devices" setting, seeded per org as
``user_blocks``) is blocked on unknown devices only; anyone else has no block (``[]``).
"""

from ..web import ok
from . import users as users_mod


def blocks(store, user) -> list:
    if user.status == "LOCKED_OUT":
        return [{"type": "DEVICE_BASED", "appliesTo": "ANY_DEVICES"}]
    applies_to = store.user_blocks.get(user.id)
    return [{"type": "DEVICE_BASED", "appliesTo": applies_to}] if applies_to else []


def list_blocks(req, store):
    return ok(blocks(store, users_mod.get_user(store, req.params["id"])))


def register(r) -> None:
    r.add("GET", "/api/v1/users/{id}/blocks", list_blocks)
