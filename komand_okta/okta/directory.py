"""Realms and policies: read-only lists (api_facts §1.9)."""

REALMS_PAGE = 200    # Okta's default (10 with a search); asking for 200 keeps searches to few pages
POLICIES_PAGE = 200  # the most a policy page holds (the default is 20)


def search_literal(text: str) -> str:
    """`text` as a double-quoted string literal of Okta's search language."""
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def list_realms(client, query: str = None, limit: int = None) -> list:
    """Every realm, or those whose name contains `query` (Okta's only realm search: `co` on profile.name)."""
    params = {"search": "profile.name co %s" % search_literal(query)} if query else {}
    return list(client.pages(client.path("realms"), params, page_size=REALMS_PAGE, limit=limit))


def list_policies(client, policy_type: str, status: str = None, query: str = None, limit: int = None) -> list:
    """The policies of one type (Okta requires the type), optionally by status and name query (`q`)."""
    params = {"type": policy_type}
    if status:
        params["status"] = status
    if query:
        params["q"] = query
    return list(client.pages(client.path("policies"), params, page_size=POLICIES_PAGE, limit=limit))
