"""The transport to Okta: one request path (`client`), its auth, pacing, retry policy, pager and errors.

This package is the only place that imports `requests`; the resource modules beside it speak to
Okta through `client.OktaClient` alone.
"""
