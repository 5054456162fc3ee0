"""Deactivate Event Hook: one already INACTIVE is success without a request; not found is success false."""
from komand_okta.actions.activate_event_hook import Action as Activate


class Action(Activate):
    target, action = "INACTIVE", "deactivate"
