"""Event hooks (/api/v1/eventHooks): finding one, building Okta's body, checking inputs, lifecycle.

The secret: Okta never returns `channel.config.authScheme.value`, and `shown` strips it
anyway, so no output can carry it. It only travels in the JSON body of a POST/PUT, which the
client never logs; every error we raise names fields, never values.

Updates are a whole-object PUT. Because Okta omits the secret on GET, a PUT without a new
secret sends the authScheme's type and key without a value; per the plugin spec ("give the
secret again whenever the hook uses one, or it is dropped") Okta then drops the stored secret.
"""

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .found import Found, one
from .http.errors import ClientError
from .http.urls import is_loopback

HOOK_ID = re.compile(r"^who[0-9A-Za-z]{17}$")
MAX_EVENT_TYPES = 300
DATA = Path(__file__).resolve().parent / "data" / "hook_event_types.txt"
_ELIGIBLE = None


class AmbiguousHook(ClientError):
    """A name several event hooks carry."""

    def __init__(self, name: str, count: int):
        super().__init__(
            "%d Okta event hooks are named %s, so the name does not identify one hook." % (count, name),
            "Give the event hook's ID (who…) instead; List Event Hooks shows every hook's ID.",
        )


# -- reading -----------------------------------------------------------------------------------
def list_hooks(client) -> list:
    """Every event hook (Okta does not page this list)."""
    body = client.get(client.path("eventHooks"))
    return body if isinstance(body, list) else []


def find(client, id_or_name: str):
    """The hook for an id (GET) or an exact name (among all hooks); None if none; AmbiguousHook if several.

    An id-shaped text that no hook has is still tried as a name. Exact case wins over a match
    that differs only in case.
    """
    text = (id_or_name or "").strip()
    if not text:
        return None
    if HOOK_ID.match(text):
        response = client.request("GET", client.path("eventHooks", text), allow=(404,))
        if response.status != 404 and isinstance(response.body, dict):
            return response.body
    hooks = list_hooks(client)
    exact = [hook for hook in hooks if hook.get("name") == text]
    candidates = exact or [hook for hook in hooks if (hook.get("name") or "").lower() == text.lower()]
    if len(candidates) > 1:
        raise AmbiguousHook(text, len(candidates))
    return candidates[0] if candidates else None


def resolve(client, id_or_name: str) -> Found:
    """The hook for an id or exact name, or why none (no match, or a name several hooks share)."""
    return one(find, client, id_or_name, AmbiguousHook, "No Okta event hook has the ID or name %s.")


def shown(hook: dict) -> dict:
    """The hook as it may be returned: never with a secret value (which members it keeps is the spec's
    `event_hook` type's decision)."""
    config = (hook.get("channel") or {}).get("config") or {}
    if isinstance(config.get("authScheme"), dict) and "value" in config["authScheme"]:
        return dict(
            hook,
            channel=dict(
                hook["channel"],
                config=dict(
                    config, authScheme={key: value for key, value in config["authScheme"].items() if key != "value"}
                ),
            ),
        )
    return hook


# -- lifecycle ---------------------------------------------------------------------------------
def lifecycle(client, hook_id: str, action: str, allow=()):
    """POST …/lifecycle/{activate|deactivate|verify}; the Response (statuses in `allow` returned)."""
    return client.request("POST", client.path("eventHooks", hook_id, "lifecycle", action), allow=allow)


def set_status(client, hook: dict, status: str, log) -> dict:
    """The hook after making it ACTIVE or INACTIVE; one already so is returned without a request."""
    if hook.get("status") == status:
        log.info("Event hook %s is already %s; nothing to change.", hook.get("id"), status)
        return hook
    action = "activate" if status == "ACTIVE" else "deactivate"
    return lifecycle(client, hook["id"], action).body or dict(hook, status=status)


def verify(client, hook_id: str):
    """(hook, None) when verified; (None, Okta's reason) when the endpoint failed the challenge (400)."""
    response = lifecycle(client, hook_id, "verify", allow=(400,))
    if response.status == 400:
        return None, okta_reason(response.body)
    return response.body, None


def okta_reason(body) -> str:
    """Okta's own words for a refusal: the summary and its causes."""
    body = body if isinstance(body, dict) else {}
    summary = body.get("errorSummary") or "Okta refused the request"
    causes = [
        c.get("errorSummary") for c in body.get("errorCauses") or [] if isinstance(c, dict) and c.get("errorSummary")
    ]
    text = summary + (" (" + "; ".join(causes) + ")" if causes else "")
    return text + (" [%s]" % body["errorCode"] if body.get("errorCode") else "")


def delete(client, hook: dict):
    """Deactivate (if ACTIVE) and delete; the hook as last seen, or None if it vanished meanwhile (404).

    Other Okta errors raise.
    """
    if hook.get("status") == "ACTIVE":
        response = lifecycle(client, hook["id"], "deactivate", allow=(404,))
        if response.status == 404:
            return None
        hook = response.body if isinstance(response.body, dict) else dict(hook, status="INACTIVE")
    if client.request("DELETE", client.path("eventHooks", hook["id"]), allow=(404,)).status == 404:
        return None
    return hook


# -- checking inputs ---------------------------------------------------------------------------
def eligible_types() -> frozenset:
    """The event types Okta marks event hook eligible (package data; loaded on first use)."""
    global _ELIGIBLE
    if _ELIGIBLE is None:
        _ELIGIBLE = frozenset(line.strip() for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())
    return _ELIGIBLE


def bad_event_types(types) -> str:
    """None when every type is hook-eligible; else a message naming each bad one with close matches."""
    eligible = eligible_types()
    problems = []
    for name in types:
        if name in eligible:
            continue
        close = difflib.get_close_matches(name, sorted(eligible), n=3, cutoff=0.6)
        problems.append("%s%s" % (name, " (did you mean %s?)" % " or ".join(close) if close else ""))
    if not problems:
        return None
    return (
        "%s not event hook eligible: %s. Only event types Okta marks as event hook eligible can be "
        "subscribed; see Okta's Event Types catalog."
        % ("This event type is" if len(problems) == 1 else "These event types are", "; ".join(problems))
    )


def clean_event_types(raw, field: str = "event_types") -> list:
    """The list stripped and de-duplicated (order kept); ValueError for an empty or too long one."""
    types = []
    for item in raw or []:
        text = item.strip() if isinstance(item, str) else ""
        if not text:
            raise ValueError("%s holds a blank or non-text entry" % field)
        if text not in types:
            types.append(text)
    if not types:
        raise ValueError("%s is empty; give at least one event type" % field)
    if len(types) > MAX_EVENT_TYPES:
        raise ValueError(
            "%s holds %d event types; Okta allows at most %d per hook" % (field, len(types), MAX_EVENT_TYPES)
        )
    return types


def check_url(raw, field: str = "url") -> str:
    """The delivery URL: https, or plain http only to this machine (the simulator and tests)."""
    text = raw.strip() if isinstance(raw, str) else ""
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise ValueError("%s is not a valid URL" % field) from None
    scheme = parts.scheme.lower()
    if not host or parts.username or parts.password:
        raise ValueError("%s must be an absolute https URL with a host name and no credentials" % field)
    if scheme == "http" and not is_loopback(host):
        raise ValueError("%s must use https; plain http is only allowed to this machine" % field)
    if scheme not in ("http", "https"):
        raise ValueError("%s must be an https URL" % field)
    return text


def header_list(raw, field: str = "headers") -> list:
    """{"X-Name": "value"} as Okta's [{"key":…, "value":…}]; ValueError naming the field."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise ValueError("%s must be a JSON object of header names and values" % field)
    out = []
    for key, value in raw.items():
        if not isinstance(key, str) or not re.match(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", key):
            raise ValueError("%s has an invalid header name %r" % (field, key))
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError("%s: the value of %s must be text" % (field, key))
        out.append({"key": key, "value": str(value)})
    return out


def normalize_url(url: str) -> str:
    """For comparing delivery URLs: scheme and host lower-cased, no trailing slash."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))
    except ValueError:
        return text.rstrip("/")


# -- building Okta's body ----------------------------------------------------------------------
def auth_scheme(key: str, secret=None) -> dict:
    scheme = {"type": "HEADER", "key": key}
    if secret is not None:
        scheme["value"] = secret
    return scheme


def body(name, url, event_types, headers=(), scheme=None, description=None, events_filter=None) -> dict:
    config = {"uri": url, "headers": list(headers)}
    if scheme:
        config["authScheme"] = scheme
    events = {"type": "EVENT_TYPE", "items": list(event_types)}
    if events_filter is not None:
        events["filter"] = events_filter
    result = {"name": name, "events": events, "channel": {"type": "HTTP", "version": "1.0.0", "config": config}}
    if description is not None:
        result["description"] = description
    return result
