"""HTTP handlers, one module per Okta resource family.

Why: each module registers its routes on the router and renders its objects
in the exact shape of the recorded real responses; handlers run under the
store lock and raise ``OktaError`` for Okta's error envelope.
"""

from . import (
    api_tokens,
    apps,
    behaviors,
    devices,
    enrollments,
    factors,
    grants,
    group_rules,
    groups,
    hooks,
    idps,
    linked_objects,
    logs,
    misc,
    policies,
    risk,
    roles,
    sessions,
    threats,
    trusted_origins,
    universal_logout,
    user_blocks,
    users,
    zones,
)

MODULES = (users, factors, groups, apps, zones, roles, idps, hooks, logs, misc, policies)
# issue 13: the hunt for persistence, and the defences an attacker turns off
MODULES += (group_rules, trusted_origins, behaviors, threats, user_blocks, linked_objects)
# issue 12: a compromised identity's sessions, tokens, grants, devices, enrollments and risk
MODULES += (sessions, api_tokens, grants, risk, devices, enrollments)
# Served by the org authorization server, outside /api/v1 (not in the management spec).
OAUTH_MODULES = (universal_logout,)


def register_all(router) -> None:
    for module in MODULES:
        module.register(router)


def register_oauth(router) -> None:
    for module in OAUTH_MODULES:
        module.register(router)
