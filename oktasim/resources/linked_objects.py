"""Linked objects: the definitions (read) and a user's links (``…/linkedObjects/{relationshipName}``).

Why: a responder wants a compromised user's manager to notify.  A definition pairs a ``primary``
name (manager) with an ``associated`` one (subordinate); asking for a user's primary name answers
the one user they are linked to, asking for the associated name answers every user linked to
them, each as ``{"_links": {"self": {"href": …/users/{id}}}}`` with a ``?limit=1000`` self Link, as
recorded.  An unknown relationship name is 404 E0000007.
"""

import copy

from ..errors import not_found
from ..web import ok
from . import users as users_mod
from .listing import links


def new_definition(primary: dict, associated: dict) -> dict:
    def details(d):
        return {
            "name": d["name"],
            "title": d.get("title") or d["name"],
            "description": d.get("description") or "",
            "type": "USER",
        }

    return {"primary": details(primary), "associated": details(associated)}


def _find(store, name):
    """(definition, "primary"|"associated") for a relationship name, or 404."""
    for d in store.linked_object_defs.values():
        for side in ("primary", "associated"):
            if d[side]["name"] == name:
                return d, side
    raise not_found(name, "LinkedObject")


def link(store, primary_name: str, associated_uid: str, primary_uid: str) -> None:
    """Make ``primary_uid`` the primary of ``associated_uid`` (one primary per associated user)."""
    store.links.setdefault(primary_name, {})[associated_uid] = primary_uid


def render_definition(d: dict, base: str) -> dict:
    out = copy.deepcopy(d)
    out["_links"] = {"self": {"href": f"{base}/api/v1/meta/schemas/user/linkedObjects/{d['primary']['name']}"}}
    return out


def _user_link(base, uid) -> dict:
    return {"_links": {"self": {"href": f"{base}/api/v1/users/{uid}"}}}


def list_user_links(req, store):
    user = users_mod.get_user(store, req.params["id"])
    definition, side = _find(store, req.params["relationshipName"])
    pairs = store.links.get(definition["primary"]["name"], {})
    if side == "primary":
        uids = [pairs[user.id]] if user.id in pairs else []
    else:
        uids = [a for a, p in pairs.items() if p == user.id]
    body = [_user_link(req.base, uid) for uid in uids if uid in store.users]
    return ok(body, headers=links(req, None, 1000))


def list_definitions(req, store):
    return ok([render_definition(d, req.base) for d in store.linked_object_defs.values()])


def get_definition(req, store):
    definition, _ = _find(store, req.params["name"])
    return ok(render_definition(definition, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/users/{id}/linkedObjects/{relationshipName}", list_user_links)
    r.add("GET", "/api/v1/meta/schemas/user/linkedObjects", list_definitions)
    r.add("GET", "/api/v1/meta/schemas/user/linkedObjects/{name}", get_definition)
