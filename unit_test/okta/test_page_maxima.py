"""The page-size table the pager uses is the official spec's: each list's `limit` maximum (for the
System Log the range its `format` gives, and where the spec names no maximum, its default).

The image does not carry the spec, so the table lives in the code; this test keeps the two equal,
and skips when ../shared is absent.
"""

import pytest

from bench import spec_limits
from komand_okta.okta.http.paging import PAGE_MAXIMA

pytestmark = pytest.mark.skipif(
    not spec_limits.available(), reason="the official Okta spec (../shared/okta-openapi) is absent"
)


@pytest.fixture(scope="module")
def spec():
    return spec_limits.load()


@pytest.mark.parametrize("key", sorted(PAGE_MAXIMA))
def test_the_page_maximum_is_the_official_specs(spec, key):
    assert PAGE_MAXIMA[key] == spec_limits.page_maximum(spec, key)
