"""Turning what an admin pastes into the connection into a usable base URL and token.

Admins paste `example.okta.com`, `https://example.okta.com/`, the admin console URL, or a URL
ending in `/api/v1/...`; all of these mean the same org. Plain http is allowed only to a
loopback host (the local simulator and tests); anything else must be https. Whether the host
is a destination credentials may go to (not a private or metadata address) is `destination`'s
decision, made by the connection.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from .errors import OktaConnectionError

LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
OKTA_HOSTS = (".okta.com", ".oktapreview.com", ".okta-emea.com", ".okta-gov.com", ".okta.mil")
URL_HELP = "Set okta_url to your Okta domain, e.g. example.okta.com or https://example.okta.com."


def normalize_base_url(raw) -> str:
    """`https://host[:port]` for the org, or a connection error explaining what is wrong."""
    text = (raw or "").strip() if isinstance(raw, str) else ""
    if not text:
        raise OktaConnectionError("The Okta domain (okta_url) is empty.", URL_HELP)
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host, port = parts.hostname, parts.port
    except ValueError:
        raise OktaConnectionError("The Okta domain (okta_url) is not a valid URL.", URL_HELP) from None
    if not host or parts.username or parts.password:
        raise OktaConnectionError("The Okta domain (okta_url) has no valid host name.", URL_HELP)
    scheme = parts.scheme.lower()
    if scheme == "http" and not is_loopback(host):
        raise OktaConnectionError(
            "The Okta domain must use https; plain http is only allowed to this machine.", URL_HELP
        )
    if scheme not in ("http", "https"):
        raise OktaConnectionError("The Okta domain must be an https URL, not %s." % scheme, URL_HELP)
    if not (_is_address(host) or is_loopback(host) or _valid_hostname(host)):
        raise OktaConnectionError("The Okta domain (okta_url) has an invalid host name.", URL_HELP)
    host = _without_admin_suffix(host.lower())
    netloc = ("[%s]" % host if ":" in host else host) + (":%d" % port if port else "")
    return "%s://%s" % (scheme, netloc)


def normalize_token(raw) -> str:
    """The API token without whitespace or a pasted `SSWS ` prefix."""
    words = raw.split() if isinstance(raw, str) else []
    if words and words[0].upper() == "SSWS":
        words = words[1:]
    token = " ".join(words)
    if not token or any(ch.isspace() for ch in token):
        raise OktaConnectionError(
            "The Okta API token (okta_key) is empty or malformed.",
            "Paste the API token from Security > API > Tokens in the Okta Admin Console.",
        )
    return token


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _valid_hostname(host: str) -> bool:
    labels = host.rstrip(".").split(".")
    return len(labels) >= 2 and all(LABEL.match(label) for label in labels)


def _without_admin_suffix(host: str) -> str:
    """`acme-admin.okta.com` is the admin console; the API lives at `acme.okta.com`."""
    first, _, rest = host.partition(".")
    if first.endswith("-admin") and ("." + rest).endswith(OKTA_HOSTS):
        return first[: -len("-admin")] + "." + rest
    return host
