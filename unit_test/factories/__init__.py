"""Small factories for Okta objects, shaped like the recorded real responses."""

from unit_test.conftest import API

_counter = iter(range(1, 10**6))


def user(email="user@example.com", status="ACTIVE", user_id=None, **profile) -> dict:
    user_id = user_id or "00u%017d" % next(_counter)
    return {
        "id": user_id,
        "status": status,
        "created": "2024-01-02T03:04:05.000Z",
        "activated": "2024-01-02T03:04:05.000Z",
        "statusChanged": "2024-01-02T03:04:05.000Z",
        "lastLogin": None,
        "lastUpdated": "2024-01-02T03:04:05.000Z",
        "passwordChanged": None,
        "type": {"id": "oty1abcdefghijklmno"},
        "profile": dict({"firstName": "Test", "lastName": "User", "login": email, "email": email}, **profile),
        "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}},
        "_links": {"self": {"href": "%s/users/%s" % (API, user_id)}},
    }


def group(name="Staff", group_id=None, description="A group") -> dict:
    group_id = group_id or "00g%017d" % next(_counter)
    return {
        "id": group_id,
        "created": "2024-01-02T03:04:05.000Z",
        "lastUpdated": "2024-01-02T03:04:05.000Z",
        "lastMembershipUpdated": "2024-01-02T03:04:05.000Z",
        "objectClass": ["okta:user_group"],
        "type": "OKTA_GROUP",
        "profile": {"name": name, "description": description},
        "_links": {"users": {"href": "%s/groups/%s/users" % (API, group_id)}},
    }


def error(code="E0000007", summary="Not found: Resource not found: x (User)", causes=()) -> dict:
    return {
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": "oae123",
        "errorCauses": [{"errorSummary": c} for c in causes],
    }


def next_link(url: str) -> dict:
    """Headers carrying a Link rel=next, as Okta sends them."""
    return {"Link": '<%s>; rel="next"' % url}
