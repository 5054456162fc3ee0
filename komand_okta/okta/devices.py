"""Identity Engine devices: finding one, listing them, a user's devices, and the device lifecycle.

An attacker who enrolled Okta Verify on their own computer keeps a second factor through a
password reset, so a SOC must see every device and take one out of service. Devices exist only
on Identity Engine orgs; a Classic Engine org refuses every call with E0000015, raised as
`features.FeatureUnavailable` so the analyst reads "this org lacks Identity Engine", not "bad
token".

Finding (`resolve`): an analyst names a device by its Okta ID (from a list, the System Log) or
by what their EDR or asset inventory shows, its display name (hostname) or serial number. An ID
is fetched directly (one request). A name is searched, and the one match is then fetched by ID:
Okta's device search is eventually consistent and Okta advises an ID lookup for any record about
to be changed, and the lifecycle decisions below rest on the device's current status.

Lifecycle (Okta's documented rules): suspend an ACTIVE device, unsuspend a SUSPENDED one,
deactivate an ACTIVE or SUSPENDED one, delete only a DEACTIVATED one. Outcomes are idempotent
like the user lifecycle: a device already where the operation leads is left alone without a
request (and the log says so). A status from which Okta would refuse is answered here with the
reason and what to run instead (no request). Deactivation destroys the factors and client
certificates bound to the device and its user links; it is the step before delete.
"""

from contextlib import contextmanager

from . import features
from .found import Found
from .http.errors import OktaError
from .search import quoted

DEVICES_PAGE = 200  # Okta's default and maximum
ID_PREFIX, ID_LENGTH = "guo", 20
# operation -> (statuses in which its goal already holds, statuses Okta allows it from, status after)
LIFECYCLE = {
    "suspend": ({"SUSPENDED"}, {"ACTIVE"}, "SUSPENDED"),
    "unsuspend": ({"ACTIVE"}, {"SUSPENDED"}, "ACTIVE"),
    "deactivate": ({"DEACTIVATED"}, {"ACTIVE", "SUSPENDED"}, "DEACTIVATED"),
    "delete": (set(), {"DEACTIVATED"}, None),  # its goal, a device that is gone, shows as a 404
}
# (operation, status) -> what to tell the analyst when Okta does not allow it
INSTEAD = {
    ("suspend", "DEACTIVATED"): "A deactivated device is already out of service: it has no factors or user links "
    "left. Delete it with Delete Device, or leave it.",
    ("unsuspend", "DEACTIVATED"): "A deactivated device cannot be brought back by unsuspending: its factors are "
    "gone, and the user must enroll it again with Okta Verify.",
}
STATUS_REFUSED = ("E0000001", "E0000152")  # Okta's answers for "not allowed from this status"
SEARCH_HELP = (
    "Check the search expression. Devices can be searched on id, status, created and lastUpdated, and "
    "profile attributes such as profile.displayName, profile.platform or profile.serialNumber, with eq, "
    "sw and pr (co only on displayName, serialNumber, imei, meid, udid and sid), joined by and/or; "
    'for example: status eq "ACTIVE" and profile.platform eq "WINDOWS".'
)


@contextmanager
def _identity_engine():
    """Okta's refusals of a device call, a missing Identity Engine explained as such."""
    try:
        yield
    except OktaError as exc:
        features.check(exc, features.IDENTITY_ENGINE)


def label(device: dict) -> str:
    """`Name (guo…)` for messages."""
    return "%s (%s)" % ((device.get("profile") or {}).get("displayName") or "unnamed device", device.get("id"))


# -- finding -------------------------------------------------------------------------------------
def looks_like_id(text: str) -> bool:
    return len(text) == ID_LENGTH and text.startswith(ID_PREFIX) and text.isalnum()


def get_device(client, device_id: str):
    """The device, or None when Okta has none with this ID."""
    with _identity_engine():
        response = client.request("GET", client.path("devices", device_id), allow=(404,), expect=dict)
    return None if response.status == 404 else response.body


def resolve(client, ref: str) -> Found:
    """The device whose Okta ID, display name or serial number is `ref`; a miss says why.

    Several devices sharing the name identify none: a miss listing their IDs, never a guess.
    """
    text = str(ref or "").strip()
    if not text:
        return Found(None, "The device input is blank, so it names no Okta device.")
    if looks_like_id(text):
        device = get_device(client, text)
        return Found(device) if device else Found(None, "No Okta device has the ID %s." % text)
    expression = "profile.displayName eq %s or profile.serialNumber eq %s" % (quoted(text), quoted(text))
    matches = list_devices(client, expression, limit=DEVICES_PAGE)
    if len(matches) > 1:
        return Found(
            None,
            "%d Okta devices have the name or serial number %s, so it does not identify one device; "
            "give the device's ID instead (%s)." % (len(matches), text, ", ".join(d.get("id", "?") for d in matches)),
            shared=tuple(matches),
        )
    device = get_device(client, matches[0]["id"]) if matches else None
    if device is None:
        return Found(None, "No Okta device has the ID, display name or serial number %s." % text)
    return Found(device)


# -- listing -------------------------------------------------------------------------------------
def list_devices(client, search: str | None = None, expand: str | None = None, limit: int | None = None) -> list:
    """Every device (or those `search` matches), with their users when `expand` is user or userSummary."""
    params = {key: value for key, value in (("search", search), ("expand", expand)) if value}
    try:
        with _identity_engine():
            return list(client.pages(client.path("devices"), params or None, page_size=DEVICES_PAGE, limit=limit))
    except OktaError as exc:
        if exc.code != "E0000031":
            raise
        raise OktaError(exc.cause, SEARCH_HELP, exc.data, status=exc.status, code=exc.code) from None


def user_devices(client, user_id: str) -> list:
    """The user's devices, each `{created, device, deviceUserId}` (GET /users/{id}/devices; not paged)."""
    with _identity_engine():
        return client.get(client.path("users", user_id, "devices"), expect=list) or []


# -- lifecycle -----------------------------------------------------------------------------------
def change(client, device: dict, operation: str, log):
    """Suspend, unsuspend or deactivate the device unless its goal already holds.

    Answers None when the device is where the operation leads (changed now, or already), or the
    reason it cannot go there, for the analyst.
    """
    done, allowed, after = LIFECYCLE[operation]
    status = device.get("status")
    if status in done:
        log.info("Device %s is already %s; nothing to do for %s.", label(device), status, operation)
        return None
    if status not in allowed:
        return _refusal(device, operation, status)
    try:
        with _identity_engine():  # setting a status is idempotent, so a lost answer may be retried
            client.post(client.path("devices", device["id"], "lifecycle", operation), idempotent=True)
    except OktaError as exc:
        if exc.status not in (400, 403) or exc.code not in STATUS_REFUSED:
            raise
        return _after_refusal(client, device, operation, log, exc)
    log.info("Device %s: %s done (%s -> %s).", label(device), operation, status, after)
    return None


def delete(client, device: dict, log):
    """Delete a DEACTIVATED device: None when it is gone, or the reason it was not deleted."""
    status = device.get("status")
    if status not in LIFECYCLE["delete"][1]:
        return _refusal(device, "delete", status)
    try:
        with _identity_engine():
            response = client.request("DELETE", client.path("devices", device["id"]), allow=(404,))
    except OktaError as exc:
        if exc.status != 403 or exc.code not in STATUS_REFUSED:
            raise
        return _after_refusal(client, device, "delete", log, exc)
    if response.status == 404:  # gone between the lookup and the delete: the goal holds
        log.info("Device %s was already deleted.", label(device))
    else:
        log.info("Deleted device %s.", label(device))
    return None


def _refusal(device: dict, operation: str, status: str) -> str:
    if operation == "delete":
        return (
            "Device %s is %s; Okta deletes only a DEACTIVATED device. Run Deactivate Device first (it destroys "
            "the factors bound to the device and its user links), then Delete Device." % (label(device), status)
        )
    allowed = " or ".join(sorted(LIFECYCLE[operation][1]))
    instead = INSTEAD.get((operation, status), "")
    return "Device %s is %s; Okta can %s only a device that is %s.%s" % (
        label(device),
        status,
        operation,
        allowed,
        " " + instead if instead else "",
    )


def _after_refusal(client, device: dict, operation: str, log, exc: OktaError):
    """Okta refused the change for the device's status, which moved since the lookup: read it
    again, and either the goal holds now (None), or the refusal explains the current status, or
    (the status allows the change) Okta's own error stands."""
    done, allowed, _ = LIFECYCLE[operation]
    current = get_device(client, device["id"])
    if current is None:
        if operation == "delete":
            log.info("Device %s was already deleted.", label(device))
            return None
        return "Device %s no longer exists in Okta." % label(device)
    status = current.get("status")
    if status in done:
        log.info("Device %s is already %s; nothing to do for %s.", label(current), status, operation)
        return None
    if status in allowed:
        raise exc
    return "%s (Okta: %s)" % (_refusal(current, operation, status), exc.cause)
