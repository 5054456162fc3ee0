"""Event hooks: CRUD, activate/deactivate, verify (a real GET challenge).

Why: the plugin's event-hook trigger registers a receiver and verifies it;
only ACTIVE+VERIFIED hooks get events, only hook-eligible event types may be
subscribed, the secret never comes back in responses, and a hook must be
INACTIVE before it can be deleted (spec deleteEventHook).  Links and the PUT's
``status`` follow the recorded hooks.
"""

import json
from pathlib import Path

from ..errors import OktaError, not_found, validation
from ..events import target
from ..web import no_content, ok
from .lifecycle import set_active

_BUILTIN_ELIGIBLE = {
    "user.lifecycle.create",
    "user.lifecycle.activate",
    "user.lifecycle.deactivate",
    "user.lifecycle.suspend",
    "user.lifecycle.unsuspend",
    "user.lifecycle.delete.initiated",
    "user.lifecycle.reactivate",
    "group.user_membership.add",
    "group.user_membership.remove",
    "user.session.start",
    "user.session.clear",
    "user.account.lock",
    "user.account.unlock",
    "user.account.reset_password",
    "user.account.update_profile",
    "user.account.update_password",
    "user.mfa.factor.reset_all",
    "user.mfa.factor.deactivate",
    "application.user_membership.add",
    "application.user_membership.remove",
    "user.account.privilege.grant",
    "user.account.privilege.revoke",
    "policy.lifecycle.update",
    "system.org.rate_limit.violation",
    "group.lifecycle.create",
    "group.lifecycle.delete",
    "user.authentication.sso",
}
_ELIGIBLE = None


def eligible() -> set:
    global _ELIGIBLE
    if _ELIGIBLE is None:
        path = Path(__file__).resolve().parents[2] / ".." / "shared" / "okta-openapi" / "okta-event-types.min.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            _ELIGIBLE = {e["id"] for e in data["eventTypes"] if e.get("eventHookEligible")}
        except (OSError, ValueError, KeyError):
            _ELIGIBLE = set(_BUILTIN_ELIGIBLE)
    return _ELIGIBLE


def validate(body) -> dict:
    if not isinstance(body, dict):
        raise OktaError("E0000003")
    if not body.get("name"):
        raise validation("name", "name: The field cannot be left blank")
    ev = body.get("events")
    if (
        not isinstance(ev, dict)
        or ev.get("type") != "EVENT_TYPE"
        or not isinstance(ev.get("items"), list)
        or not ev["items"]
    ):
        raise validation("events", "events: The events field needs type EVENT_TYPE and at least one item")
    if len(ev["items"]) > 300:
        raise validation("events", "events.items: At most 300 event types per hook")
    bad = [i for i in ev["items"] if i not in eligible()]
    if bad:
        raise validation("events", f"events.items: Event type {bad[0]} is not eligible for event hooks")
    ch = body.get("channel")
    if not isinstance(ch, dict) or ch.get("type") != "HTTP" or not isinstance(ch.get("config"), dict):
        raise validation("channel", "channel: The channel must be of type HTTP with a config")
    if body.get("status") not in (None, "ACTIVE", "INACTIVE"):
        raise validation("status", "status: The field must be ACTIVE or INACTIVE")
    if ch.get("version") != "1.0.0":
        raise validation("channel.version", "channel.version: Must be 1.0.0")
    uri = ch["config"].get("uri")
    if not isinstance(uri, str) or not uri.startswith(("https://", "http://")):
        raise validation("channel.config.uri", "channel.config.uri: A valid HTTPS URI is required")
    return body


def _apply(hook: dict, body: dict) -> None:
    cfg = body["channel"]["config"]
    scheme = cfg.get("authScheme")
    hook["name"] = body["name"]
    hook["description"] = body.get("description")
    hook["events"] = {
        "type": "EVENT_TYPE",
        "items": list(body["events"]["items"]),
        "filter": body["events"].get("filter"),
    }
    out_cfg = {"uri": cfg["uri"], "headers": [dict(h) for h in cfg.get("headers") or []], "method": "POST"}
    if isinstance(scheme, dict):
        out_cfg["authScheme"] = {"type": scheme.get("type") or "HEADER", "key": scheme.get("key") or "Authorization"}
        if scheme.get("value") is not None:
            hook["_secret"] = scheme["value"]
    else:
        hook.pop("_secret", None)
    hook["channel"] = {"type": "HTTP", "version": "1.0.0", "config": out_cfg}


def new_hook(store, body: dict, hid=None, created=None, status="ACTIVE", verified=False) -> dict:
    now = created or store.now()
    hook = {
        "id": hid or store.ids.new("hook"),
        "status": status,
        "verificationStatus": "VERIFIED" if verified else "UNVERIFIED",
        "name": None,
        "description": None,
        "created": now,
        "createdBy": store.admin_id or "00usimadmin0000001d7",
        "lastUpdated": now,
    }
    _apply(hook, body)
    return hook


def render(h: dict, base: str) -> dict:
    d = {k: v for k, v in h.items() if not k.startswith("_")}
    href = f"{base}/api/v1/eventHooks/{h['id']}"
    # As recorded: an ACTIVE hook offers verify (verified or not) and deactivate; an INACTIVE
    # one offers activate and delete.
    if h["status"] == "ACTIVE":
        links = {
            "self": {"href": href},
            "verify": {"href": f"{href}/lifecycle/verify", "hints": {"allow": ["POST"]}},
            "deactivate": {"href": f"{href}/lifecycle/deactivate", "hints": {"allow": ["POST"]}},
        }
    else:
        links = {
            "activate": {"href": f"{href}/lifecycle/activate", "hints": {"allow": ["POST"]}},
            "self": {"href": href},
            "delete": {"href": href, "hints": {"allow": ["DELETE"]}},
        }
    d["_links"] = links
    return d


def get_hook(store, hid):
    h = store.hooks.get(hid)
    if h is None:
        raise not_found(hid, "Webhook")
    return h


def _t(h):
    return target(h["id"], "EventHook", h["name"], h["name"])


def list_hooks(req, store):
    return ok([render(h, req.base) for h in store.hooks.values()])


def create_hook(req, store):
    body = validate(req.json(required=True))
    active = sum(1 for h in store.hooks.values() if h["status"] == "ACTIVE" and h["verificationStatus"] == "VERIFIED")
    if active >= 25:
        raise validation("eventHook", "At most 25 active, verified event hooks per org")
    h = new_hook(store, body)
    store.hooks[h["id"]] = h
    store.emit("event_hook.created", [_t(h)], req)
    return ok(render(h, req.base))


def get_hook_h(req, store):
    return ok(render(get_hook(store, req.params["eventHookId"]), req.base))


def replace_hook(req, store):
    h = get_hook(store, req.params["eventHookId"])
    body = validate(req.json(required=True))
    old_uri = h["channel"]["config"]["uri"]
    _apply(h, body)
    h["status"] = body.get("status") or h["status"]  # the recorded PUTs apply a given status
    if h["channel"]["config"]["uri"] != old_uri:
        h["verificationStatus"] = "UNVERIFIED"
    h["lastUpdated"] = store.now()
    store.emit("event_hook.updated", [_t(h)], req)
    return ok(render(h, req.base))


def delete_hook(req, store):
    h = get_hook(store, req.params["eventHookId"])
    if h["status"] != "INACTIVE":
        raise validation("eventHook", "Only an INACTIVE event hook can be deleted; deactivate it first")
    del store.hooks[h["id"]]
    store.emit("event_hook.deleted", [_t(h)], req)
    return no_content()


def lifecycle(req, store):
    action = req.params["action"]
    if action == "verify":
        return _verify(req, store)
    with store.lock:
        h = get_hook(store, req.params["eventHookId"])
        set_active(store, h, action)
        store.emit(f"event_hook.{action}d", [_t(h)], req)
        return ok(render(h, req.base))


lifecycle.manages_lock = True


def _verify(req, store):
    from ..delivery import verify_hook

    with store.lock:
        h = get_hook(store, req.params["eventHookId"])
        snapshot = json.loads(json.dumps(h))
    good, reason = verify_hook(snapshot)  # the GET runs without the store lock
    with store.lock:
        h = get_hook(store, req.params["eventHookId"])
        if not good:
            h["verificationStatus"] = "UNVERIFIED"
            raise validation("verifyEventHook", f"Event hook verification failed: {reason}")
        h["verificationStatus"] = "VERIFIED"
        h["lastUpdated"] = store.now()
        store.emit("event_hook.verified", [_t(h)], req)
        return ok(render(h, req.base))


def register(r) -> None:
    r.add("GET", "/api/v1/eventHooks", list_hooks)
    r.add("POST", "/api/v1/eventHooks", create_hook)
    r.add("GET", "/api/v1/eventHooks/{eventHookId}", get_hook_h)
    r.add("PUT", "/api/v1/eventHooks/{eventHookId}", replace_hook)
    r.add("DELETE", "/api/v1/eventHooks/{eventHookId}", delete_hook)
    r.add("POST", "/api/v1/eventHooks/{eventHookId}/lifecycle/{action}", lifecycle)
