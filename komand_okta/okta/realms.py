"""Realms: a read-only list (api_facts §1.9)."""

from .search import quoted

REALMS_PAGE = 200  # Okta's default (10 with a search); asking for 200 keeps searches to few pages


def list_realms(client, query: str = None, limit: int = None) -> list:
    """Every realm, or those whose name contains `query` (Okta's only realm search: `co` on profile.name)."""
    params = {"search": "profile.name co %s" % quoted(query)} if query else {}
    return list(client.pages(client.path("realms"), params, page_size=REALMS_PAGE, limit=limit))
