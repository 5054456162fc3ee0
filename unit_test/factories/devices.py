"""Identity Engine devices, device users and authenticator enrollments, shaped like Okta's examples."""

from unit_test.conftest import API

_counter = iter(range(1, 10**6))
LINKS = {"ACTIVE": ("suspend", "deactivate"), "SUSPENDED": ("unsuspend", "deactivate"), "DEACTIVATED": ("activate",)}


def device(name="DESKTOP-EHAD3IE", status="ACTIVE", device_id=None, **profile) -> dict:
    device_id = device_id or "guo%017d" % next(_counter)
    href = "%s/devices/%s" % (API, device_id)
    links = {op: {"href": "%s/lifecycle/%s" % (href, op), "hints": {"allow": ["POST"]}} for op in LINKS[status]}
    links["self"] = {"href": href, "hints": {"allow": ["GET", "PUT"]}}
    return {
        "id": device_id,
        "status": status,
        "created": "2020-11-03T21:47:01.000Z",
        "lastUpdated": "2020-11-03T23:46:27.000Z",
        "profile": dict(
            {
                "displayName": name,
                "platform": "WINDOWS",
                "registered": True,
                "serialNumber": "56 4d 4f 95 74 c5",
                "diskEncryptionType": "NONE",
            },
            **profile,
        ),
        "resourceId": device_id,
        "resourceDisplayName": {"value": name, "sensitive": False},
        "resourceType": "UDDevice",
        "resourceAlternateId": None,
        "_links": links,
    }


def user_device(the_device=None) -> dict:
    return {
        "created": "2020-11-03T21:47:01.000Z",
        "deviceUserId": "lnk%017d" % next(_counter),
        "device": the_device or device(),
    }


def enrollment(kind="app", key="okta_verify", name="Okta Verify", enrollment_id=None, **extra) -> dict:
    enrollment_id = enrollment_id or "pfd%017d" % next(_counter)
    return dict(
        {
            "type": kind,
            "id": enrollment_id,
            "key": key,
            "status": "ACTIVE",
            "name": name,
            "nickname": None,
            "created": "2020-07-26T21:05:23.000Z",
            "lastUpdated": "2020-07-28T21:45:52.000Z",
            "_links": {"self": {"href": "%s/users/00u1/authenticator-enrollments/%s" % (API, enrollment_id)}},
        },
        **extra,
    )
