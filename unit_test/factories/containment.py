"""Contain User's steps in the order the playbook contract promises (issue 12): suspend first so no
new session starts, groups before roles, risk HIGH last. Written out here, not read from the plugin,
so a reordered plugin fails the tests."""

ORDER = [
    "suspend",
    "clear_sessions",
    "universal_logout",
    "revoke_grants",
    "remove_from_groups",
    "remove_admin_roles",
    "quarantine_group",
    "reset_factors",
    "set_risk_high",
]
