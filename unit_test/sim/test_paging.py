"""Pagination: Link headers, cursors, default and maximum limits."""

from .conftest import links


def walk(api, url):
    seen, pages = [], 0
    while url:
        r = api.get(url)
        seen += [o["id"] for o in r.json()]
        pages += 1
        nxt = [line for line in links(r) if 'rel="next"' in line]
        url = nxt[0].split(">")[0].lstrip("<") if nxt else None
    return seen, pages


def test_self_and_next_are_two_separate_link_lines_self_first(api):
    lines = links(api.get("/api/v1/users?limit=5"))
    assert len(lines) == 2 and lines[0].endswith('rel="self"') and lines[1].endswith('rel="next"')


def test_next_link_puts_after_first_and_keeps_other_params(api):
    r = api.get("/api/v1/users", params={"limit": 2, "search": 'status eq "ACTIVE"'})
    nxt = links(r)[1]
    assert "?after=" in nxt and "limit=2" in nxt and "search=status+eq+%22ACTIVE%22" in nxt


def test_walking_next_links_returns_every_user_once(api, sim):
    seen, pages = walk(api, "/api/v1/users?limit=7")
    expected = [u.id for u in sim.store.users.values() if u.status != "DEPROVISIONED"]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen)) and pages > 1


def test_last_page_has_no_next_link(api):
    lines = links(api.get("/api/v1/users?limit=200"))
    assert len(lines) == 1 and 'rel="self"' in lines[0]


def test_limit_over_maximum_is_clamped(api, sim):
    sim.control("POST", "/org", json={"org": "generate", "users": 450})
    assert len(api.get("/api/v1/users?limit=5000").json()) == 200


def test_default_limit_of_group_members_is_1000(api, sim):
    sim.control("POST", "/org", json={"org": "generate", "users": 2500, "group_size": 1500})
    big = api.get("/api/v1/groups", params={"q": "Group 0000"}).json()[0]["id"]
    r = api.get(f"/api/v1/groups/{big}/users")
    assert len(r.json()) == 1000 and len(links(r)) == 2


def test_non_numeric_limit_is_400(api):
    assert api.get("/api/v1/users?limit=abc").status_code == 400


def test_cursor_stays_valid_after_a_delete(api, sim, demo):
    r = api.get("/api/v1/users?limit=3")
    nxt = links(r)[1].split(">")[0].lstrip("<")
    api.delete(f"/api/v1/users/{r.json()[0]['id']}")
    assert api.get(nxt).status_code == 200


def test_apps_page_with_limit(api):
    seen, pages = walk(api, "/api/v1/apps?limit=2")
    assert len(seen) == 8 and pages == 4
