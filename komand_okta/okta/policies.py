"""Policies: a read-only list of one type (api_facts §1.9)."""

POLICIES_PAGE = 200  # the most a policy page holds (the default is 20)


def list_policies(client, policy_type: str, status: str = None, query: str = None, limit: int = None) -> list:
    """The policies of one type (Okta requires the type), optionally by status and name query (`q`)."""
    params = {"type": policy_type}
    if status:
        params["status"] = status
    if query:
        params["q"] = query
    return list(client.pages(client.path("policies"), params, page_size=POLICIES_PAGE, limit=limit))
