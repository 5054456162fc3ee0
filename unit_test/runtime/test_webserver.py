"""Web-server mode as served: waitress on a loopback socket, slow clients, workers, health check.

The server runs in this process (a thread), so Okta is mocked as elsewhere; the test clients use
`http.client`, which requests_mock does not intercept. Every wait is a socket timeout.
"""

import http.client
import json
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from komand_okta.runtime import webserver
from komand_okta.runtime.cli import main
from komand_okta.runtime.http import App
from unit_test import factories as f
from unit_test.conftest import API, CONNECTION

ROOT = Path(__file__).resolve().parents[2]
SLOW_CLIENTS = 200
ANSWER_WITHIN = 1.0  # seconds


@pytest.fixture
def server():
    """The real server arrangement (make_server on a listening socket), stopped after the test."""
    sock = webserver.listen("127.0.0.1", 0)
    served = webserver.make_server(App(), sock, threads=4)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    yield served
    served.trigger.pull_trigger(lambda: [channel.close() for channel in list(served._map.values())])
    thread.join(timeout=10)
    served.task_dispatcher.shutdown()
    sock.close()


def request(port, method, path, body=None, timeout=ANSWER_WITHIN):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method,
            path,
            body=json.dumps(body) if body is not None else None,
            headers={"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def get_user_message():
    return {
        "type": "action_start",
        "version": "v1",
        "body": {"action": "get_user", "meta": {}, "connection": CONNECTION, "input": {"email": "user@example.com"}},
    }


@pytest.fixture
def slow_clients(server):
    """SLOW_CLIENTS connections that never finish their request: half stop inside the headers
    (slowloris), half announce a body and send only its start (slow body)."""
    port = server.effective_port
    sockets = []
    try:
        for k in range(SLOW_CLIENTS):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            sockets.append(client)
            if k % 2:
                client.sendall(
                    b"POST /api/v1/actions/get_user HTTP/1.1\r\nHost: x\r\n"
                    b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"type\": "
                )
            else:
                client.sendall(b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        yield sockets
    finally:
        for client in sockets:
            client.close()


def test_status_answers_within_a_second_while_200_clients_send_slowly(server, slow_clients):
    assert request(server.effective_port, "GET", "/api/v1/status") == (200, {"status": "Ready"})
    assert len(server.active_channels) >= SLOW_CLIENTS  # the slow clients were all being held open


def test_an_action_answers_within_a_second_while_200_clients_send_slowly(server, slow_clients, okta):
    okta.get(API + "/users/user%40example.com", json=f.user())
    status, body = request(server.effective_port, "POST", "/api/v1/actions/get_user", get_user_message())
    assert status == 200 and body["body"]["output"]["found"] is True


def test_a_body_larger_than_the_limit_is_refused_with_413_before_it_is_read(server):
    client = socket.create_connection(("127.0.0.1", server.effective_port), timeout=5)
    with client:
        client.sendall(
            b"POST /api/v1/actions/get_user HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
            % (webserver.OPTIONS["max_request_body_size"] + 1)
        )
        assert client.recv(64).startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize(
    "environment, expected",
    [({}, "127.0.0.1"), ({"KOMAND_OKTA_HTTP_HOST": "0.0.0.0"}, "0.0.0.0")],
    ids=["by-hand", "image"],
)
def test_the_default_listen_address_is_loopback_unless_the_environment_says_otherwise(
    monkeypatch, environment, expected
):
    monkeypatch.delenv(webserver.HOST_ENV, raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    assert webserver.default_host() == expected


def test_http_help_documents_host_and_its_default(capsys):
    with pytest.raises(SystemExit):
        main(["http", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--host HOST" in text and "127.0.0.1" in text and "$%s" % webserver.HOST_ENV in text


def test_the_health_check_passes_when_status_answers_ready(server, capsys):
    assert main(["http", "--check", "--host", "127.0.0.1", "--port", str(server.effective_port)]) == 0


def test_the_health_check_fails_when_nothing_listens(capsys):
    with socket.socket() as probe:  # a port that was free a moment ago, with nothing listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["http", "--check", "--host", "127.0.0.1", "--port", str(port)]) == 1
    assert "Connection refused" in capsys.readouterr().err


class Served:
    """`bin/komand_okta http --workers 2` on a free loopback port, its log read line by line."""

    def __init__(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "bin" / "komand_okta"),
                "http",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--workers",
                "2",
                "--threads",
                "2",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stderr], daemon=True).start()
        self.port = int(self.wait_for("Listening on http://127.0.0.1:").split("127.0.0.1:")[1].split(":")[0])
        self.workers = [self.worker_pid() for _ in range(2)]

    def wait_for(self, text: str, timeout: float = 30) -> str:
        while True:
            line = self.lines.get(timeout=timeout)
            if text in line:
                return line

    def worker_pid(self) -> int:
        return int(self.wait_for("Booting worker with pid").split("pid ")[1].split()[0])

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


@pytest.fixture
def two_workers():
    served = Served()
    try:
        yield served
    finally:
        if served.process.poll() is None:
            try:
                served.stop()
            except subprocess.TimeoutExpired:
                served.process.kill()
                served.process.wait()


def test_two_workers_serve_and_stop_together_on_sigterm(two_workers):
    assert request(two_workers.port, "GET", "/api/v1/status", timeout=10) == (200, {"status": "Ready"})
    assert two_workers.stop() == 0 and not [pid for pid in two_workers.workers if _alive(pid)]


def test_a_worker_that_dies_is_replaced(two_workers):
    os.kill(two_workers.workers[0], signal.SIGKILL)
    replacement = two_workers.worker_pid()
    assert replacement not in two_workers.workers and _alive(replacement)
    assert request(two_workers.port, "GET", "/api/v1/status", timeout=10) == (200, {"status": "Ready"})


def test_workers_stop_when_the_server_is_killed(two_workers):
    two_workers.process.kill()
    two_workers.process.wait(timeout=30)
    assert [_gone(pid) for pid in two_workers.workers] == [True, True]


def test_workers_that_keep_dying_stop_the_server_with_exit_code_1():
    def spawn_broken_worker():
        pid = os.fork()
        if pid == 0:
            os._exit(3)
        return pid

    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        assert webserver._supervise(spawn_broken_worker, 2) == 1
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def _gone(pid: int, timeout: float = 30) -> bool:
    """Whether `pid` exits within `timeout` s. An orphan cannot be waited for: its pidfd is polled."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([pidfd], [], [], timeout)[0])
    finally:
        os.close(pidfd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
