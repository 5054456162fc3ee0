"""Command line: ``python -m oktasim [--host] [--port] [--org] [--token ...] ...``.

Why: the demo and the benchmarks run the simulator as a process.  It prints
one line with its URL and token, flushes, serves until SIGINT/SIGTERM, and
exits 0.  Without ``--token`` it serves the fixed dev token
``oktasim-dev-token`` (a simulator credential, not a secret).
"""

import argparse
import signal
import sys

from . import DEFAULT_TOKEN


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m oktasim", description="A local Okta org simulator.")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback)")
    p.add_argument("--port", type=int, default=8080, help="port (0 = any free port)")
    p.add_argument("--org", default="demo", help="demo | empty | generate | path to a JSON/YAML org file")
    p.add_argument("--token", action="append", dest="tokens", help="accepted SSWS token (repeatable)")
    p.add_argument("--rate-limit", default=None, help='e.g. "/api/v1/users=100/10s,*=600/60s,concurrency=75"')
    p.add_argument("--faults", default=None, help='e.g. "/api/v1/users*:500@0.1,reset@0.02"')
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    p.add_argument("--users", type=int, default=None, help="with --org generate: number of users")
    p.add_argument("--groups", type=int, default=None, help="with --org generate: number of groups")
    p.add_argument("--group-size", type=int, default=None, help="with --org generate: members of the big group")
    args = p.parse_args(argv)

    from .server import ServerHandle, SimApp

    gen = {
        k: v
        for k, v in (("users", args.users), ("groups", args.groups), ("group_size", args.group_size))
        if v is not None
    }
    tokens = tuple(args.tokens or (DEFAULT_TOKEN,))
    try:
        app = SimApp(org=args.org, tokens=tokens, rate_limit=args.rate_limit, faults=args.faults, seed=args.seed, **gen)
        handle = ServerHandle(app, host=args.host, port=args.port, threads=args.threads)
    except (OSError, ValueError) as exc:
        print(f"oktasim: {exc}", file=sys.stderr)
        return 2

    def stop(signum, frame):
        handle.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"oktasim listening on {handle.url} token={tokens[0]}", flush=True)
    handle.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
