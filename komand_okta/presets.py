"""Security-event presets: named sets of Okta event types that the New System Logs and Okta Event
Hook triggers offer as their `preset` input, so an analyst picks "admin privilege granted or
revoked" from a list instead of writing a filter.

Each preset is declared once, in plugin.spec.yaml under `enum_values: preset:`: its event types,
and which of them Okta cannot deliver to event hooks. The triggers' enum and help.md's Event
Presets table derive from there, and tests check every type against Okta's event type catalogue.

- New System Logs: the preset becomes `eventType eq "…" or …`, and-ed with the analyst's filter.
- Okta Event Hook: the hook subscribes to the preset's types that Okta delivers to event hooks,
  besides any event types given, and only events of those types are emitted.
"""

from komand_okta.okta import hooks
from komand_okta.okta.search import quoted
from komand_okta.runtime import spec
from komand_okta.runtime.errors import ClientError


def event_types(preset: str) -> list:
    """The preset's event types, as declared."""
    return list(spec.load()["enum_values"]["preset"]["values"][preset]["event_types"])


def log_filter(preset, user_filter):
    """The System Log filter for a preset and the analyst's own filter, either of which may be absent."""
    if not preset:
        return user_filter
    expression = " or ".join("eventType eq %s" % quoted(name) for name in event_types(preset))
    return "(%s) and (%s)" % (expression, user_filter) if user_filter else expression


def hook_event_types(preset, given) -> tuple:
    """(the types an event hook subscribes to, the preset's types left out because Okta does not
    deliver them to event hooks). The given types come first; order is kept, repeats dropped."""
    types = [name for name in given or [] if name]
    preset_types = _deliverable(preset, types)
    eligible = hooks.eligible_types()
    subscribed = list(dict.fromkeys(types + [name for name in preset_types if name in eligible]))
    return subscribed, [name for name in preset_types if name not in eligible]


def emitted_types(preset, given):
    """The event types the Okta Event Hook trigger emits: every type delivered (None) without a
    preset; with one, the preset's and the given ones."""
    if not preset:
        return None
    types = [name for name in given or [] if name]
    return frozenset(_deliverable(preset, types)) | frozenset(types)


def _deliverable(preset, given) -> list:
    """The preset's event types (none without a preset). A preset none of whose types Okta delivers
    to event hooks, with no type given, is refused: such a hook would never report anything."""
    preset_types = event_types(preset) if preset else []
    if preset_types and not given and not hooks.eligible_types().intersection(preset_types):
        raise ClientError(
            "Okta does not deliver any event type of the preset %s to event hooks." % preset,
            "Use the New System Logs trigger with this preset, which reads the System Log instead.",
        )
    return preset_types
