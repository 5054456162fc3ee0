"""The recorded real Okta traffic (``../shared/okta-vcr``) for tests that hold oktasim to it.

Why: where oktasim and a recording disagree, the recording wins.  Tests replay a recorded
request against the simulator and compare its answer with the recorded one, minus what
differs between any two orgs (ids, timestamps, hosts).  They skip cleanly when ../shared is absent.
"""

import json

import pytest

from . import recordings

VOLATILE = ("id", "created", "lastUpdated", "createdBy")


def available() -> bool:
    return recordings.available()


def interactions(predicate=None, **match) -> list:
    """Recorded interactions whose fields equal ``match`` and which pass ``predicate``."""
    if not available():
        pytest.skip("../shared/okta-vcr not available")
    return [
        d
        for d in recordings.all_interactions()
        if all(d.get(k) == v for k, v in match.items()) and (predicate is None or predicate(d))
    ]


def one(predicate=None, **match) -> dict:
    """The first such interaction; the recordings are fixed data, so none is a broken test."""
    found = interactions(predicate, **match)
    assert found, f"no recorded interaction matches {match}"
    return found[0]


def params(predicate=None, **match) -> list:
    """Such interactions as pytest params (one skipped param when ../shared is absent)."""
    if not available():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/okta-vcr not available"))]
    return [
        pytest.param(d, id=f'{d["org_flavor"]}-{d["cassette"].split("/")[-2]}-{d["interaction_index"]}')
        for d in interactions(predicate, **match)
    ]


def stable(obj):
    """What must agree between the simulator and a recording: volatile fields dropped, each
    ``_links`` reduced to its link names, and lists in a fixed order (Okta reorders some)."""
    if isinstance(obj, dict):
        return {k: (sorted(v) if k == "_links" else stable(v)) for k, v in obj.items() if k not in VOLATILE}
    if isinstance(obj, list):
        return sorted((stable(x) for x in obj), key=lambda x: json.dumps(x, sort_keys=True))
    return obj


def key_tree(value):
    """The keys of nested objects without their values: what two orgs' objects share."""
    if isinstance(value, dict):
        return {k: key_tree(v) for k, v in value.items()}
    return None
