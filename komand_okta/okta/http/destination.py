"""Where the connection may send its credentials: Okta is a public SaaS, so not into private networks.

Why: whoever edits a connection chooses `okta_url`, and every request carries the API token or
an OAuth assertion. Pointed at `169.254.169.254`, `10.0.0.1` or `metadata.google.internal`, the
plugin would hand those secrets (and its reach) to a cloud metadata service or an internal host.
So a destination is refused unless it is a public address, with two exceptions:

- plain http to a loopback address: the local simulator and tests (`urls.normalize_base_url`
  allows http nowhere else);
- `KOMAND_OKTA_ALLOW_PRIVATE_DESTINATION=1` (`ALLOW_ENV`) allows private, shared (CGNAT),
  unique-local, loopback and reserved addresses, for an org reached through an internal gateway.
  Link-local, multicast and unspecified addresses, and the cloud metadata names and addresses,
  stay refused: no Okta gateway lives there.

The same policy is applied twice: to the configured host when the connection is built
(`check_host`: literal addresses and metadata names, before any request), and to every address
the name resolves to when a connection is opened (`check_resolved`, from `transport`), so a
name that resolves differently later (DNS rebinding) cannot get around it.
"""

import ipaddress
import os

from .errors import DestinationRefused

ALLOW_ENV = "KOMAND_OKTA_ALLOW_PRIVATE_DESTINATION"
METADATA_NAMES = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "metadata.internal",
        "instance-data",
        "instance-data.ec2.internal",
    }
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254")
)
NEVER = ("link-local", "multicast", "unspecified", "cloud metadata service")
_NETWORKS = tuple(
    (ipaddress.ip_network(net), kind)
    for net, kind in (
        ("0.0.0.0/8", "unspecified"),
        ("169.254.0.0/16", "link-local"),
        ("224.0.0.0/4", "multicast"),
        ("10.0.0.0/8", "private"),
        ("172.16.0.0/12", "private"),
        ("192.168.0.0/16", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "reserved"),
        ("198.18.0.0/15", "reserved"),
        ("198.51.100.0/24", "reserved"),
        ("203.0.113.0/24", "reserved"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("fe80::/10", "link-local"),
        ("ff00::/8", "multicast"),
        ("fc00::/7", "unique-local"),
        ("fec0::/10", "private (site-local)"),
        ("2001:db8::/32", "reserved"),
        ("100::/64", "reserved"),
        ("::/8", "reserved"),
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def allow_private(environ=None) -> bool:
    """Whether the administrator opted in to private destinations (1, true or yes)."""
    value = (os.environ if environ is None else environ).get(ALLOW_ENV, "")
    return value.strip().lower() in ("1", "true", "yes")


def kind_of(address) -> str:
    """What kind of non-public address this is ('' for a public one)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    if ip in METADATA_ADDRESSES:
        return "cloud metadata service"
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return kind_of(embedded)
    return next((kind for network, kind in _NETWORKS if ip.version == network.version and ip in network), "")


def check_host(host: str, scheme: str, environ=None) -> None:
    """Refuse a configured host that is a metadata name or a literal address outside policy."""
    name = host.lower().rstrip(".")
    if name in METADATA_NAMES:
        raise DestinationRefused(
            "The Okta domain (okta_url) %s is a cloud metadata service name; the connection "
            "never sends credentials there." % host,
            _fix(allowable=False),
        )
    if _is_address(name):
        _check(name, scheme, environ, "The Okta domain (okta_url) %s is" % host, "")


def check_resolved(host: str, address: str, scheme: str, environ=None) -> None:
    """Refuse an address `host` resolved to, at connect time, before the connection is opened."""
    _check(
        address,
        scheme,
        environ,
        "The Okta host %s resolved to %s, which is" % (host, address),
        " No connection was made.",
    )


def _check(address, scheme, environ, subject, after) -> None:
    kind = kind_of(address)
    if scheme == "http":  # only the loopback simulator; urls.normalize_base_url refused the rest already
        if kind != "loopback":
            raise DestinationRefused(
                "%s not a loopback address, and plain http is allowed only to this machine.%s" % (subject, after),
                "Use https:// and your Okta org's domain in okta_url.",
            )
        return
    if not kind or (kind not in NEVER and allow_private(environ)):
        return
    raise DestinationRefused(
        "%s not a public address (%s); Okta is a public service, so the connection does not "
        "send credentials there.%s" % (subject, kind, after),
        _fix(allowable=kind not in NEVER),
    )


def _fix(allowable: bool) -> str:
    text = "Set okta_url to your Okta org's domain, e.g. example.okta.com."
    if allowable:
        text += (
            " If the org is reached through an internal gateway on a private address, set the environment "
            "variable %s=1 for the plugin." % ALLOW_ENV
        )
    return text


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
        return True
    except ValueError:
        return False


def _embedded_ipv4(ip):
    """The IPv4 address an IPv6 address stands for (mapped, NAT64 or 6to4), else None."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour
