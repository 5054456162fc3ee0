"""`komand_okta [--debug] {run,test,info,sample NAME,http}`: the container's entry point.

stdout carries only envelopes (and, for `info`/`sample`, what was asked for); logs go to
stderr. Exit 0 on success and 1 on any error, always after printing the error envelope.
"""

import argparse
import json
import sys

from . import jsonstream
from . import spec as spec_module
from .errors import ClientError
from .messages import error_envelope, parse
from .state import chosen_state_dir


def main(argv=None, stdin=None, stdout=None, stderr=None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = argparse.ArgumentParser(prog="komand_okta", description="Okta plugin for InsightConnect")
    parser.add_argument("--debug", action="store_true", help="verbose logs; trigger events go to stdout")
    parser.add_argument(
        "--state-dir",
        help="where trigger state, task dead letters and the shared rate-limit windows are kept "
        "(default $KOMAND_OKTA_STATE_DIR, else /workspace/cache)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the step in the start message on stdin")
    commands.add_parser("test", help="test the connection of the start message on stdin")
    commands.add_parser("info", help="name, version, actions and triggers")
    sample = commands.add_parser("sample", help="print a start message for a step, from the spec's examples")
    sample.add_argument("name")
    http = commands.add_parser(
        "http",
        help="serve the InsightConnect HTTP routes",
        description="Serve the InsightConnect routes (/api/v1/...) with waitress: each request is read whole "
        "before a thread runs it, so slow clients cannot hold the threads.",
    )
    http.add_argument(
        "--host",
        help="address to listen on (default $KOMAND_OKTA_HTTP_HOST, else 127.0.0.1; the "
        "image sets 0.0.0.0, which the platform needs to reach the plugin)",
    )
    http.add_argument("--port", type=int, help="port to listen on (default $KOMAND_OKTA_HTTP_PORT, else 10001)")
    http.add_argument(
        "--workers", type=int, default=1, help="processes, each with its own threads and connection cache (default 1)"
    )
    http.add_argument("--threads", type=int, default=4, help="threads per worker that run requests (default 4)")
    http.add_argument(
        "--check",
        action="store_true",
        help="health check: exit 0 when GET /api/v1/status on the host and port answers Ready",
    )
    args = parser.parse_args(argv)
    with chosen_state_dir(args.state_dir):
        return _command(args, stdin, stdout, stderr)


def _command(args, stdin, stdout, stderr) -> int:
    if args.command == "info":
        stdout.write(info_text(spec_module.load()))
        return 0
    if args.command == "sample":
        import importlib

        from .samples import sample_message

        hook = getattr(importlib.import_module("komand_okta.connection"), "sample_connection", None)
        try:
            stdout.write(json.dumps(sample_message(spec_module.load(), args.name, hook), indent=2) + "\n")
        except KeyError:
            stderr.write("No action, trigger or task named %r.\n" % args.name)
            return 1
        return 0
    if args.command == "http":
        return http_command(args)
    return run_message(args, stdin, stdout, stderr)


def http_command(args) -> int:
    from . import webserver

    host = args.host or webserver.default_host()
    port = args.port if args.port is not None else webserver.default_port()
    if args.check:
        return webserver.check(host, port)
    from .http import App

    app = App(workers=args.workers, threads=args.threads, debug=args.debug)
    return webserver.serve(app, host, port, workers=args.workers, threads=args.threads)


def run_message(args, stdin, stdout, stderr) -> int:
    try:
        message = parse(stdin.read())
    except ClientError as exc:
        _write(stdout, error_envelope(None, {}, exc))
        return 1
    from .plugin import Plugin

    plugin = Plugin(stderr=stderr, debug=args.debug)
    runner = None
    if isinstance(message, dict) and message.get("type") == "trigger_start" and args.command == "run":
        runner = _trigger_runner(args, stdout)
    envelope, ok = plugin.handle(message, test=args.command == "test", trigger_runner=runner)
    _write(stdout, envelope)
    return 0 if ok else 1


def _trigger_runner(args, stdout):
    from .triggers import StdoutDispatcher, StopSignal, TriggerRunner

    stop = StopSignal()
    stop.install()
    return TriggerRunner(
        dispatcher=StdoutDispatcher(stdout) if args.debug else None,
        should_stop=stop,
    )


def _write(stdout, envelope) -> None:
    jsonstream.write_line(stdout, envelope)


def info_text(spec: dict) -> str:
    lines = [
        "Name:        %s" % spec.get("title"),
        "Vendor:      %s" % spec.get("vendor"),
        "Version:     %s" % spec.get("version"),
        "Description: %s" % spec.get("description"),
        "",
    ]
    for section in ("actions", "triggers", "tasks"):
        steps = spec.get(section) or {}
        if steps:
            lines.append("%s (%d):" % (section.capitalize(), len(steps)))
            lines += ["  %-32s %s" % (key, value.get("description", "")) for key, value in steps.items()]
            lines.append("")
    return "\n".join(lines)
