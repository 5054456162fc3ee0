"""Serving web-server mode: waitress on one listening socket, in one or more worker processes.

Why waitress: its I/O thread reads each request whole (headers, then the body, kept in memory
or spilled to a temporary file) before one of the worker threads takes it. A client that sends
slowly therefore holds a socket, never a thread, and hundreds of them leave the threads free
for status checks and actions. gunicorn's gthread worker, used before, handed a connection to a
thread at its first byte, so 12 slow clients stopped the server for 20 s or more. waitress is
pure Python with no dependencies, and maintained by the Pylons project. bench/web_throughput.py
runs it side by side with the gthread arrangement it replaced: as many actions per second, for no
more CPU per action.

More than one worker: this process binds the socket, then forks the workers, which all accept
on it, each with its own threads, connection cache and interpreter lock; a worker that dies is
replaced, and workers stop when this process dies. Nothing here writes to the home directory or
needs a control socket.
"""

import contextlib
import ctypes
import json
import logging
import os
import resource
import signal
import socket
import sys
import time
import warnings

HOST_ENV, PORT_ENV = "KOMAND_OKTA_HTTP_HOST", "KOMAND_OKTA_HTTP_PORT"
LOOPBACK, DEFAULT_PORT = "127.0.0.1", 10001
CONNECTION_LIMIT = 1000  # open client connections per worker, slow ones included (each costs a socket)
OPTIONS = {
    "connection_limit": CONNECTION_LIMIT,
    "asyncore_use_poll": True,  # select() stops at 1,024 file descriptors
    "channel_timeout": 60,  # a connection silent this long is closed
    "cleanup_interval": 10,
    "max_request_body_size": 32 << 20,  # a start message is kilobytes; larger is refused with 413
    "max_request_header_size": 64 << 10,
    # An answer (kilobytes) leaves in one send from the I/O thread once its request is done,
    # rather than a send for the headers and another for the body from the request thread
    # (waitress's default of 1 byte). Side by side with gunicorn (bench/web_throughput.py) this
    # took the least CPU per action and the most actions/s at 4 and 16 clients; 256 bytes (one
    # send, from the request thread) lost a third at 4. waitress marks the option deprecated; an
    # upgrade that drops it fails at start-up ("Unknown adjustment"), not silently.
    "send_bytes": 64 << 10,
}
SWITCH_INTERVAL = 0.0005  # seconds a thread may hold the GIL while another waits (Python's default: 0.005)
BACKLOG = 1024
RESTART_WINDOW, RESTARTS_PER_WINDOW = 10, 2  # seconds; replacements per worker within them
PR_SET_PDEATHSIG = 1  # prctl(2)

log = logging.getLogger("komand_okta.http")


def default_host() -> str:
    """127.0.0.1 when run by hand; the image sets $KOMAND_OKTA_HTTP_HOST=0.0.0.0 for the platform."""
    return os.environ.get(HOST_ENV) or LOOPBACK


def default_port() -> int:
    return int(os.environ.get(PORT_ENV) or DEFAULT_PORT)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0 picks a free one)."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[
        0
    ]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    sock.setblocking(False)  # several workers accept on it; the ones that lose the race must not block
    return sock


def make_server(app, sock: socket.socket, threads: int):
    """The waitress server for `app` on an already listening socket (run it with `.run()`)."""
    from waitress.server import create_server

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "send_bytes", DeprecationWarning)
        return create_server(app, sockets=[sock], threads=threads, **OPTIONS)


def serve(app, host: str, port: int, workers: int = 1, threads: int = 4) -> int:
    """Serve until SIGTERM or SIGINT; 0 on a requested stop, 1 when workers keep dying."""
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" on every busy request
    _allow_open_files(CONNECTION_LIMIT + 64)
    # The I/O thread reads requests and sends answers between the request threads' work; with
    # Python's default it waits up to 5 ms for the interpreter lock at each turn, which cost about
    # a quarter of the throughput at 4 clients in side-by-side runs.
    sys.setswitchinterval(SWITCH_INTERVAL)
    sock = listen(host, port)
    bound = sock.getsockname()
    log.info("Listening on http://%s:%d: %d worker(s) x %d thread(s)", bound[0], bound[1], workers, threads)
    if workers <= 1:
        _run_worker(app, sock, threads)
        return 0
    return _supervise(lambda: _fork_worker(app, sock, threads), workers)


def check(host: str, port: int, timeout: float = 3.0) -> int:
    """The health check: 0 when GET /api/v1/status answers Ready, else 1 (the reason on stderr)."""
    import urllib.request

    target = LOOPBACK if host in ("0.0.0.0", "::", "") else host
    url = "http://%s:%d/api/v1/status" % (("[%s]" % target) if ":" in target else target, port)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            ready = json.loads(response.read()).get("status") == "Ready"
    except (OSError, ValueError, AttributeError) as exc:
        sys.stderr.write("%s: %s\n" % (url, exc))
        return 1
    sys.stderr.write("%s: %s\n" % (url, "Ready" if ready else "not ready"))
    return 0 if ready else 1


def _run_worker(app, sock, threads) -> None:
    """Serve in this process; SIGTERM stops it like Ctrl-C (running requests get 5 s to finish)."""
    signal.signal(signal.SIGTERM, _exit_on_signal)
    log.info("Booting worker with pid %d (%d threads)", os.getpid(), threads)
    make_server(app, sock, threads).run()


def _exit_on_signal(signum, frame):
    raise SystemExit(0)


def _fork_worker(app, sock, threads) -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    signal.signal(signal.SIGTERM, _exit_on_signal)  # first: the parent's handler would stop the siblings
    signal.signal(signal.SIGINT, signal.default_int_handler)
    status = 0
    try:
        _stop_with(parent)
        _run_worker(app, sock, threads)
    except BaseException:  # a worker must never return into the parent's code
        log.exception("Worker %d failed", os.getpid())
        status = 1
    finally:
        os._exit(status)


def _stop_with(parent: int) -> None:
    """Have Linux send this worker SIGTERM when its parent dies, even by SIGKILL, so no worker
    outlives the server and keeps its port. Elsewhere there is no such call, and nothing to do."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the request took effect
        raise SystemExit(0)


def _supervise(spawn, workers: int) -> int:
    """Keep `workers` children running until SIGTERM/SIGINT, then stop them and wait for them.
    Workers dying faster than RESTARTS_PER_WINDOW per worker stop the server (exit 1): they are
    broken (a bad option, say), and replacing them for ever would only spin."""
    running, deaths, stopping = set(), [], []

    def stop(signum, frame):
        stopping.append(signum)
        for pid in list(running):
            _signal(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    running.update(spawn() for _ in range(workers))
    broken = False
    while running:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        running.discard(pid)
        if stopping:
            continue
        now = time.monotonic()
        deaths[:] = [t for t in deaths if now - t < RESTART_WINDOW] + [now]
        if len(deaths) > RESTARTS_PER_WINDOW * workers:
            log.error(
                "Workers keep dying (%d in %d s, the last with exit code %d); stopping",
                len(deaths),
                RESTART_WINDOW,
                os.waitstatus_to_exitcode(status),
            )
            broken = True
            stop(signal.SIGTERM, None)
            continue
        log.warning("Worker %d died (exit code %d); starting another", pid, os.waitstatus_to_exitcode(status))
        replacement = spawn()
        running.add(replacement)
        if stopping:  # the stop came while it was being started
            _signal(replacement, signal.SIGTERM)
    return 1 if broken else 0


def _signal(pid: int, signum) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _allow_open_files(wanted: int) -> None:
    """Raise this process's soft limit on open files toward `wanted` (each connection is one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
