"""Reactivate User: a new activation for a PROVISIONED (or RECOVERY) user, e.g. after the link expired.

Every call issues a new activation, so there is no already-done case. Okta refuses other
statuses (403 E0000038); the error then names the user's status and what to run instead.
"""
from komand_okta.actions.activate_user import Action as Activate


class Action(Activate):
    operation = "reactivate"
    default_send_email = False
