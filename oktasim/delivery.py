"""Event-hook verification and batched, asynchronous delivery.

Why: Okta verifies a hook with one GET carrying ``x-okta-verification-challenge``
and then POSTs batches of matching LogEvents to ACTIVE+VERIFIED hooks, retrying
once on 5xx or timeout and never on 4xx (api_facts §8).  A background thread
does the POSTs so API calls never wait for a receiver.
"""

import json
import queue
import threading
import time
import uuid

import requests

from .clock import iso


def _auth_headers(hook: dict) -> dict:
    cfg = hook["channel"]["config"]
    headers = {}
    for h in cfg.get("headers") or []:
        if h.get("key"):
            headers[h["key"]] = str(h.get("value") or "")
    scheme = cfg.get("authScheme") or {}
    if scheme.get("key") and hook.get("_secret") is not None:
        headers[scheme["key"]] = hook["_secret"]
    return headers


def verify_hook(hook: dict, timeout: float = 3.0) -> tuple[bool, str]:
    """GET the hook URI with a challenge; one retry.  Returns (ok, reason)."""
    challenge = uuid.uuid4().hex
    headers = _auth_headers(hook)
    headers["x-okta-verification-challenge"] = challenge
    headers["Accept"] = "application/json"
    reason = "no response"
    for _ in range(2):
        try:
            resp = requests.get(hook["channel"]["config"]["uri"], headers=headers, timeout=timeout)
        except requests.RequestException as exc:
            reason = f"request failed: {type(exc).__name__}"
            continue
        if resp.status_code != 200:
            reason = f"status {resp.status_code}"
            continue
        try:
            body = resp.json()
        except ValueError:
            reason = "response is not JSON"
            continue
        if isinstance(body, dict) and body.get("verification") == challenge:
            return True, "ok"
        reason = "wrong verification value"
    return False, reason


class Deliverer:
    """Collects matching events and POSTs them in batches from one thread."""

    def __init__(self, store, batch_size: int = 50, batch_window: float = 0.05, timeout: float = 3.0):
        self.store = store
        self.batch_size = batch_size
        self.batch_window = batch_window
        self.timeout = timeout
        self.q: queue.Queue = queue.Queue()
        self.deliveries: list[dict] = []
        self._inflight = 0
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._session = requests.Session()
        store.hook_sink = self.submit

    # Called by Store.emit under the store lock.
    def submit(self, ev: dict) -> None:
        etype = ev["eventType"]
        for hook in self.store.hooks.values():
            if (
                hook["status"] == "ACTIVE"
                and hook["verificationStatus"] == "VERIFIED"
                and etype in hook["events"]["items"]
            ):
                with self._cond:
                    self._inflight += 1
                self.q.put((hook["id"], ev))
        if self._thread is None and not self.q.empty():
            self.start()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="oktasim-hooks", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._session.close()

    def flush(self, timeout: float = 10.0) -> bool:
        """Block until every queued event was delivered (or failed)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._inflight:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                first = self.q.get(timeout=0.2)
            except queue.Empty:
                continue
            batch = [first]
            deadline = time.monotonic() + self.batch_window
            while len(batch) < self.batch_size * 4:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                try:
                    batch.append(self.q.get(timeout=left))
                except queue.Empty:
                    break
            by_hook: dict[str, list] = {}
            for hid, ev in batch:
                by_hook.setdefault(hid, []).append(ev)
            for hid, evs in by_hook.items():
                for i in range(0, len(evs), self.batch_size):
                    self._post(hid, evs[i : i + self.batch_size])
            with self._cond:
                self._inflight -= len(batch)
                self._cond.notify_all()

    def _post(self, hid: str, evs: list) -> None:
        store = self.store
        with store.lock:
            hook = store.hooks.get(hid)
            if hook is None:
                return
            hook = json.loads(json.dumps(hook))
            base = store.org.get("base_url", "http://127.0.0.1")
            published = iso(store.clock.now())
        envelope = {
            "eventType": "com.okta.event_hook",
            "eventTypeVersion": "1.0",
            "cloudEventsVersion": "0.1",
            "source": f"{base}/api/v1/eventHooks/{hid}",
            "eventId": str(uuid.uuid4()),
            "eventTime": published,
            "contentType": "application/json",
            "data": {"events": [{k: v for k, v in e.items() if k != "_seq"} for e in evs]},
        }
        headers = _auth_headers(hook)
        headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        status, attempts = None, 0
        for attempts in (1, 2):  # noqa: B007 - the last try's number is recorded below
            try:
                resp = self._session.post(
                    hook["channel"]["config"]["uri"], data=json.dumps(envelope), headers=headers, timeout=self.timeout
                )
                status = resp.status_code
            except requests.RequestException:
                status = None
            if status is not None and status < 500:
                break
        ok = status is not None and 200 <= status < 300
        record = {
            "hookId": hid,
            "eventId": envelope["eventId"],
            "count": len(evs),
            "status": status,
            "attempts": attempts,
            "ok": ok,
            "uuids": [e["uuid"] for e in evs],
        }
        self.deliveries.append(record)
        if not ok:
            with store.lock:
                from .events import target

                store.emit(
                    "event_hook.delivery",
                    [target(hid, "EventHook", hook["name"], hook["name"])],
                    outcome="FAILURE",
                    reason=f"delivery failed with status {status}",
                    severity="WARN",
                    message="Event delivery failed",
                )
