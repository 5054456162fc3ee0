"""HTTP handlers, one module per Okta resource family.

Why: each module registers its routes on the router and renders its objects
in the exact shape of the recorded real responses; handlers run under the
store lock and raise ``OktaError`` for Okta's error envelope.
"""

from . import apps, factors, groups, hooks, idps, logs, misc, policies, roles, users, zones
from . import behaviors, group_rules, linked_objects, threats, trusted_origins, user_blocks
from . import api_tokens, devices, enrollments, grants, risk, sessions, universal_logout

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
