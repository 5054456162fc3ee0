"""Remove User from Group: end the user's membership; not a member is success too.

The user is named by email, login or id; no such user gives `success: false`. Okta's DELETE is
idempotent, so running this twice is harmless. An unknown group ID is an explained error.
"""
from komand_okta.actions import add_user_to_group


class Action(add_user_to_group.Action):
    method = "DELETE"
    done = "removed from"
