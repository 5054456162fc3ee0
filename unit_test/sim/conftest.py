"""Fixtures for the simulator's own tests: a fresh demo sim per test and an API client.

Every test here is a contract check too: what the simulators answer during it, and every
request they accept, must pass Okta's official spec and the recordings (see contract.py),
or the test fails at teardown.
"""

import pytest
import requests

from oktasim import testing
from oktasim.orgs import demo as demo_org


class Api:
    """A tiny client around requests with the sim's token; returns responses as-is."""

    def __init__(self, sim):
        self.sim = sim
        self.s = requests.Session()
        self.s.headers.update(sim.headers)

    def url(self, path):
        return path if path.startswith("http") else self.sim.url + path

    def get(self, path, **kw):
        return self.s.get(self.url(path), **kw)

    def post(self, path, json=None, **kw):
        return self.s.post(self.url(path), json=json, **kw)

    def put(self, path, json=None, **kw):
        return self.s.put(self.url(path), json=json, **kw)

    def delete(self, path, **kw):
        return self.s.delete(self.url(path), **kw)


@pytest.fixture
def sim():
    with testing.running_sim(org="demo") as s:
        yield s


@pytest.fixture
def api(sim):
    a = Api(sim)
    yield a
    a.s.close()


@pytest.fixture
def demo():
    return demo_org


def links(resp):
    """All Link header lines, in order (requests folds them; urllib3 keeps them)."""
    return resp.raw.headers.getlist("Link")
