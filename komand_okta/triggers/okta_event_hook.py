"""Okta Event Hook: an HTTP listener Okta delivers event hook POSTs to; one trigger event per Okta event.

The listener (`okta_event_hook_listener`, beside this module) starts on the first poll, on
LISTEN_HOST (all interfaces by default, so Okta's POSTs reach the container;
`KOMAND_OKTA_HOOK_HOST` overrides it) and the `port` and `path` inputs. It checks the shared secret, bounds the body and hands the
events over; Okta gets 200 only once they are durable.

Durable: the new events of a delivery are appended to a journal beside the trigger's state
(`<trigger>.hook-journal.jsonl`, `komand_okta.runtime.journal`) and fsynced before the answer,
because Okta does not redeliver after a 2xx. When the journal cannot take them (more than
journal.MAX_RECORDS events waiting, a file over journal.MAX_BYTES, a full or failing disk) Okta
gets 503 and retries once. Without a trigger id the journal is in memory only, as the state is.

Delivery goes through the runtime's normal poll cycle, every POLL_SECONDS: `poll` returns up to
MAX_BATCH journalled events, oldest first, and records in the state the journal position they
reach (`journal_seq`) and their keys (`seen`, the last SEEN_CAP). The runtime saves that state only
after every event was delivered or quarantined; the next poll acknowledges the saved position and
the journal drops (compacts) those events. So after a restart or a failed delivery each accepted
event is emitted again until one poll delivers it: exactly once unless the process dies between
a delivery and the state save. An event Okta delivers twice is journalled once: its uuid is
looked up among the waiting events and the `seen` ones, also across a restart.

With a `preset` (komand_okta.presets), only events of the preset's types (and of any given
`event_types`) are emitted; the others are answered 200 and dropped, so a hook shared with other
uses, or subscribed to more types, reports only what the analyst picked.

With `register`, the first poll creates the hook (name, public URL, event types: the given ones
and the preset's that Okta delivers to event hooks, auth header and secret), has Okta verify it
(Okta GETs the public URL, which must reach this listener), activates it and stores its id in
the state. When the trigger stops (SIGTERM, the terminate flag), the
runtime calls `close()`, which deactivates and deletes the hook and stops the listener. A
process killed with SIGKILL leaves the hook; the next start finds it by the stored id and
reuses it, unless it subscribes to other event types (the preset or event types changed): then
it is deleted and created anew.
"""

import os
import threading

from komand_okta import inputs, presets
from komand_okta.okta import hooks
from komand_okta.okta.http.errors import OktaError
from komand_okta.runtime.components import Trigger as Base
from komand_okta.runtime.errors import ClientError
from komand_okta.runtime.journal import Journal
from komand_okta.triggers.okta_event_hook_listener import HookListener

LISTEN_HOST = os.environ.get("KOMAND_OKTA_HOOK_HOST", "0.0.0.0")
POLL_SECONDS = 1.0
SEEN_CAP = 5000  # keys remembered as delivered (state)
MAX_BATCH = 500  # events sent per poll
JOURNAL_SUFFIX = ".hook-journal.jsonl"

_LIVE = []  # triggers with a running listener (for tests that drive polls without the runner)


class Trigger(Base):
    state_files = None  # the runtime's StateStore, set before the first poll (None: memory only)

    def __init__(self, connection, log, clock):
        super().__init__(connection, log, clock)
        self.listener, self.journal, self.hook_id, self.registered = None, None, None, False
        self.wanted, self._dropped = None, 0  # the event types emitted (None: all), events left out since last poll
        self._lock = threading.Lock()  # the listener's threads and the poll share the journal
        self._delivered = set()

    def interval(self, params):
        return POLL_SECONDS

    def poll(self, params, state):
        seen = [key for key in state.get("seen") or [] if isinstance(key, str)]
        acknowledged = state.get("journal_seq")
        acknowledged = acknowledged if isinstance(acknowledged, int) and not isinstance(acknowledged, bool) else 0
        if self.listener is None:
            self._listen(params, acknowledged)
        with self._lock:
            self._delivered = set(seen)  # first: a redelivery between the two lines is still known
            compacted = self.journal.acknowledge(acknowledged)
        if not compacted:
            self.log.warning(
                "The journal %s could not be compacted (disk error); it is tried again next poll.", self.journal.path
            )
        if params.get("register") and not self.registered:
            self._register(params, state)
        self._report(self.listener.take_counts())
        self._report_dropped(params.get("preset"))
        with self._lock:
            batch = self.journal.pending(MAX_BATCH)
        state["seen"] = (seen + [key for _, key, _ in batch if key is not None])[-SEEN_CAP:]
        state["journal_seq"] = batch[-1][0] if batch else acknowledged
        if self.hook_id:
            state["hook_id"] = self.hook_id
        return [{"event": event} for _, _, event in batch]

    # -- the listener ------------------------------------------------------------------------
    def _listen(self, params, acknowledged):
        secret = params.get("secret")
        if not secret:
            raise ClientError("The secret is empty.", "Set the shared secret that Okta sends in the auth header.")
        self.wanted = presets.emitted_types(params.get("preset"), params.get("event_types"))
        if self.journal is None:
            self._open_journal(acknowledged)
        self.listener = HookListener(
            LISTEN_HOST,
            params.get("port", 8080),
            params.get("path") or "/okta/events",
            params.get("auth_header") or "Authorization",
            secret,
            self._accept,
        ).start()
        _LIVE.append(self)
        self.log.info(
            "Listening for Okta event hook deliveries on %s:%d%s.", LISTEN_HOST, self.listener.port, self.listener.path
        )

    def _open_journal(self, acknowledged):
        path = self.state_files.beside(JOURNAL_SUFFIX) if self.state_files is not None else None
        self.journal = Journal(path).open(acknowledged)
        if path is None:
            self.log.warning("No trigger ID: accepted deliveries are kept in memory only and a restart loses them.")
        elif len(self.journal):
            self.log.info("%d event(s) accepted before the restart are sent now.", len(self.journal))

    def _accept(self, items) -> bool:
        """Listener thread: journal the events not seen before. False when they cannot be kept."""
        with self._lock:
            if self.wanted is not None:
                kept = [
                    (key, event)
                    for key, event in items
                    if isinstance(event, dict) and event.get("eventType") in self.wanted
                ]
                self._dropped += len(items) - len(kept)
                items = kept
            new, keys = [], set()
            for key, event in items:
                if key is None or (key not in self._delivered and key not in self.journal and key not in keys):
                    new.append((key, event))
                    keys.add(key)
            return self.journal.append(new) if new else True

    def _report(self, counts) -> None:
        if counts["rejected"]:
            self.log.warning(
                "%d request(s) refused: missing or wrong secret in the %s header.",
                counts["rejected"],
                self.listener.auth_header,
            )
        if counts["refused"]:
            self.log.warning("%d request(s) refused: the body was not an Okta event hook delivery.", counts["refused"])
        if counts["unstored"]:
            self.log.error(
                "%d delivery(ies) answered 503 for Okta to retry: the journal %s could not store them "
                "(full or disk error).",
                counts["unstored"],
                self.journal.path or "in memory",
            )
        if counts["failed"]:
            self.log.warning("%d request(s) failed inside the listener (answered 500 or cut off).", counts["failed"])
        if counts["verified"]:
            self.log.info("Answered Okta's verification challenge.")

    def _report_dropped(self, preset) -> None:
        with self._lock:
            dropped, self._dropped = self._dropped, 0
        if dropped:
            self.log.info("%d delivered event(s) outside the preset %s were left out.", dropped, preset)

    # -- registering the hook ------------------------------------------------------------------
    def _register(self, params, state):
        url = inputs.text(params, "public_url")
        types, left_out = presets.hook_event_types(params.get("preset"), params.get("event_types"))
        if not url or not types:
            raise ClientError(
                "Register needs the public URL and at least one event type or a preset.",
                "Set public_url (where Okta reaches this listener) and event_types or preset, or set "
                "register to false and create the hook in Okta yourself.",
            )
        if left_out:
            self.log.info(
                "Okta does not deliver %s of the preset %s to event hooks, so the hook does not subscribe "
                "to them; the New System Logs trigger reports them.",
                ", ".join(left_out),
                params.get("preset"),
            )
        client = self.connection.client
        hook = self._existing(client, state.get("hook_id"), url, types)
        created = hook is None
        if created:
            scheme = hooks.auth_scheme(params.get("auth_header") or "Authorization", params["secret"])
            body = hooks.body(params.get("name") or "InsightConnect Events", url, types, scheme=scheme)
            hook = client.post(client.path("eventHooks"), json=body)
            self.log.info("Created the Okta event hook %s.", hook.get("id"))
        self.hook_id = hook["id"]
        try:
            if hook.get("verificationStatus") != "VERIFIED":
                hook = hooks.lifecycle(client, self.hook_id, "verify").body
            if hook.get("status") != "ACTIVE":
                hook = hooks.lifecycle(client, self.hook_id, "activate").body
        except OktaError as exc:
            if created:
                self._remove_hook()
            self.hook_id = None
            raise OktaError(
                "The event hook could not be verified or activated: %s" % exc.cause,
                "Check that public_url reaches this listener (port %s, path %s) and that the "
                "auth header and secret match." % (params.get("port"), params.get("path")),
                exc.data,
                status=exc.status,
            ) from None
        self.registered = True
        state["hook_id"] = self.hook_id
        self.log.info("The Okta event hook %s is verified and active.", self.hook_id)

    def _existing(self, client, hook_id, url, types):
        """The hook of the saved state when it still delivers to `url`; one subscribed to other types
        than `types` (the preset or event types changed) is deleted, to be created anew."""
        if not hook_id:
            return None
        response = client.request("GET", client.path("eventHooks", hook_id), allow=(404,))
        hook = response.body if response.status != 404 and isinstance(response.body, dict) else None
        if not hook or ((hook.get("channel") or {}).get("config") or {}).get("uri") != url:
            return None
        if sorted((hook.get("events") or {}).get("items") or []) != sorted(types):
            self.log.info(
                "The Okta event hook %s of the saved state subscribes to other event types; it is replaced.", hook_id
            )
            self.hook_id = hook_id
            self._remove_hook()
            return None
        self.log.info("Reusing the Okta event hook %s from the saved state.", hook_id)
        return hook

    def _remove_hook(self):
        client = self.connection.client
        try:
            hooks.lifecycle(client, self.hook_id, "deactivate", allow=(404,))
            client.request("DELETE", client.path("eventHooks", self.hook_id), allow=(404,))
            self.log.info("Deleted the Okta event hook %s.", self.hook_id)
        except OktaError as exc:
            self.log.warning("The Okta event hook %s could not be deleted: %s", self.hook_id, exc.cause)

    # -- stopping ------------------------------------------------------------------------------------
    def close(self):
        """Delete a hook this process registered and stop the listener (the runtime's stop hook; idempotent)."""
        if self.registered and self.hook_id:
            self._remove_hook()
            self.registered, self.hook_id = False, None
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self in _LIVE:
            _LIVE.remove(self)


def close_all():
    """Close every live trigger of this process (for tests that drive polls without the runner)."""
    for trigger in list(_LIVE):
        trigger.close()
