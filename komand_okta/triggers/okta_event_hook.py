"""Okta Event Hook: an HTTP listener Okta delivers event hook POSTs to; one trigger event per Okta event.

The listener (`komand_okta.okta.hook_listener`) starts on the first poll, on LISTEN_HOST (all
interfaces by default, so Okta's POSTs reach the container; `KOMAND_OKTA_HOOK_HOST` overrides it)
and the `port` and `path` inputs. It checks the shared secret, bounds the body and queues each new
event in memory; it answers Okta at once.

Delivery goes through the runtime's normal poll cycle, every POLL_SECONDS: `poll` returns the
queued events and adds their UUIDs to `state["seen"]` (bounded). The runtime persists that state
only after every event was delivered, and each poll first drops from the queue the events whose
UUIDs the persisted state holds. So a failed delivery leaves the events queued and they are sent
again next poll; an event Okta delivers twice (at least once delivery) is sent once, also across a
restart, as long as its UUID is among the last SEEN_CAP.

Limit: an event Okta delivered is held in memory until the next poll (≤ POLL_SECONDS) delivers it;
if the process dies in between, it is lost (Okta does not redeliver after a 200).

With `register`, the first poll creates the hook (name, public URL, event types, auth header and
secret), has Okta verify it (Okta GETs the public URL, which must reach this listener), activates
it and stores its id in the state. When the trigger stops (SIGTERM, the terminate flag), the
runtime calls `close()`, which deactivates and deletes the hook and stops the listener. A
process killed with SIGKILL leaves the hook; the next start finds it by the stored id and
reuses it.
"""
import os
import threading
from collections import OrderedDict

from komand_okta.okta.errors import OktaError
from komand_okta.okta.hook_listener import HookListener
from komand_okta.runtime.components import Trigger as Base
from komand_okta.runtime.errors import ClientError

LISTEN_HOST = os.environ.get("KOMAND_OKTA_HOOK_HOST", "0.0.0.0")
POLL_SECONDS = 1.0
SEEN_CAP = 5000      # UUIDs remembered as delivered (state)
MAX_PENDING = 10000  # events queued and not yet delivered; beyond it Okta gets 503 (and retries once)
MAX_BATCH = 500      # events sent per poll

_LIVE = []  # triggers with a running listener (for tests that drive polls without the runner)


class Trigger(Base):
    def __init__(self, connection, log, clock):
        super().__init__(connection, log, clock)
        self.listener, self.hook_id, self.registered = None, None, False
        self._lock = threading.Lock()
        self._pending = OrderedDict()  # uuid -> event, in arrival order
        self._delivered = set()

    def interval(self, params):
        return POLL_SECONDS

    def poll(self, params, state):
        seen = [uuid for uuid in state.get("seen") or [] if isinstance(uuid, str)]
        with self._lock:
            self._delivered = set(seen)
            for uuid in seen:
                self._pending.pop(uuid, None)
        if self.listener is None:
            self._listen(params)
        if params.get("register") and not self.registered:
            self._register(params, state)
        counts = self.listener.take_counts()
        if counts["rejected"]:
            self.log.warning("%d request(s) refused: missing or wrong secret in the %s header.",
                             counts["rejected"], self.listener.auth_header)
        if counts["verified"]:
            self.log.info("Answered Okta's verification challenge.")
        with self._lock:
            batch = list(self._pending.values())[:MAX_BATCH]
        state["seen"] = (seen + [event["uuid"] for event in batch])[-SEEN_CAP:]
        if self.hook_id:
            state["hook_id"] = self.hook_id
        return [{"event": event} for event in batch]

    # -- the listener ------------------------------------------------------------------------
    def _listen(self, params):
        secret = params.get("secret")
        if not secret:
            raise ClientError("The secret is empty.", "Set the shared secret that Okta sends in the auth header.")
        self.listener = HookListener(LISTEN_HOST, params.get("port", 8080), params.get("path") or "/okta/events",
                                     params.get("auth_header") or "Authorization", secret, self._accept).start()
        _LIVE.append(self)
        self.log.info("Listening for Okta event hook deliveries on %s:%d%s.", LISTEN_HOST, self.listener.port,
                      self.listener.path)

    def _accept(self, events) -> bool:
        """Listener thread: queue the events not seen before. False when the queue is full."""
        with self._lock:
            if len(self._pending) + len(events) > MAX_PENDING:
                return False
            for event in events:
                uuid = event["uuid"]
                if uuid not in self._delivered and uuid not in self._pending:
                    self._pending[uuid] = event
        return True

    # -- registering the hook ------------------------------------------------------------------
    def _register(self, params, state):
        url, types = (params.get("public_url") or "").strip(), [t for t in params.get("event_types") or [] if t]
        if not url or not types:
            raise ClientError("Register needs the public URL and at least one event type.",
                              "Set public_url (where Okta reaches this listener) and event_types, or set "
                              "register to false and create the hook in Okta yourself.")
        client = self.connection.client
        hook = self._existing(client, state.get("hook_id"), url)
        created = hook is None
        if created:
            hook = client.post(client.path("eventHooks"), json=self._definition(params, url, types))
            self.log.info("Created the Okta event hook %s.", hook.get("id"))
        self.hook_id = hook["id"]
        try:
            if hook.get("verificationStatus") != "VERIFIED":
                hook = client.post(client.path("eventHooks", self.hook_id, "lifecycle", "verify"))
            if hook.get("status") != "ACTIVE":
                hook = client.post(client.path("eventHooks", self.hook_id, "lifecycle", "activate"))
        except OktaError as exc:
            if created:
                self._remove_hook()
            self.hook_id = None
            raise OktaError("The event hook could not be verified or activated: %s" % exc.cause,
                            "Check that public_url reaches this listener (port %s, path %s) and that the "
                            "auth header and secret match." % (params.get("port"), params.get("path")),
                            exc.data, status=exc.status) from None
        self.registered = True
        state["hook_id"] = self.hook_id
        self.log.info("The Okta event hook %s is verified and active.", self.hook_id)

    def _existing(self, client, hook_id, url):
        if not hook_id:
            return None
        response = client.request("GET", client.path("eventHooks", hook_id), allow=(404,))
        hook = response.body if response.status != 404 and isinstance(response.body, dict) else None
        if hook and ((hook.get("channel") or {}).get("config") or {}).get("uri") == url:
            self.log.info("Reusing the Okta event hook %s from the saved state.", hook_id)
            return hook
        return None

    @staticmethod
    def _definition(params, url, types) -> dict:
        return {"name": params.get("name") or "InsightConnect Events",
                "events": {"type": "EVENT_TYPE", "items": types},
                "channel": {"type": "HTTP", "version": "1.0.0",
                            "config": {"uri": url, "headers": [],
                                       "authScheme": {"type": "HEADER", "key": params.get("auth_header") or
                                                      "Authorization", "value": params["secret"]}}}}

    def _remove_hook(self):
        client = self.connection.client
        try:
            client.request("POST", client.path("eventHooks", self.hook_id, "lifecycle", "deactivate"), allow=(404,))
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
        if self in _LIVE:
            _LIVE.remove(self)


def close_all():
    """Close every live trigger of this process (for tests that drive polls without the runner)."""
    for trigger in list(_LIVE):
        trigger.close()
