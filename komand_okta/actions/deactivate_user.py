"""Deactivate User: deprovision a user (destructive; Okta finishes it asynchronously).

Same shape as Suspend User, so it reuses that action with another lifecycle operation; an
already-DEPROVISIONED user succeeds without a request (see `komand_okta.okta.lifecycle.ALREADY`).
"""
from komand_okta.actions.suspend_user import Action as SuspendUser


class Action(SuspendUser):
    operation = "deactivate"
