"""`reconfort serve`: the production shape on one machine.

One supervisor process starts two children and stays between them and the terminal:
- granian in WSGI mode (Django is several times faster under WSGI than under ASGI), N worker processes forked
  from a process that has loaded the application once (reconfort/cli/web.py);
- the Huey consumer (`run_huey`), which runs fan-out and the other background jobs.
A signal (Ctrl-C, SIGTERM from a service manager) is forwarded so both stop cleanly; if either child dies,
the other is stopped too and the exit status says so.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command

STOP_TIMEOUT = 20.0  # seconds a child gets to finish what it is doing before it is killed
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    threads: int = 4
    worker: bool = True
    migrate: bool = False
    access_log: bool = False


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconfort serve",
        description="Serve Réconfort with granian (WSGI) and run the background worker beside it.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; 0.0.0.0 for all)")
    parser.add_argument("--port", type=_port, default=8000, help="port to bind (default 8000)")
    parser.add_argument("--workers", type=_positive, default=2, help="web worker processes (default 2)")
    parser.add_argument("--threads", type=_positive, default=4, help="request threads per web worker (default 4)")
    parser.add_argument(
        "--no-worker",
        dest="worker",
        action="store_false",
        help="do not start the background worker (run `reconfort worker` elsewhere)",
    )
    parser.add_argument("--migrate", action="store_true", help="apply migrations and create the cache table first")
    parser.add_argument("--access-log", action="store_true", help="log every request")
    return parser


def parse_options(argv: list[str]) -> ServeOptions:
    args = build_parser().parse_args(argv)
    return ServeOptions(
        host=args.host,
        port=args.port,
        workers=args.workers,
        threads=args.threads,
        worker=args.worker,
        migrate=args.migrate,
        access_log=args.access_log,
    )


def build_commands(options: ServeOptions, python: str = sys.executable) -> dict[str, list[str]]:
    """The child processes to start, by name. Pure, so the tests can check exactly what would run."""
    web = [python, "-m", "reconfort.cli.web", "--host", options.host, "--port", str(options.port)]
    web += ["--workers", str(options.workers), "--threads", str(options.threads)]
    if options.access_log:
        web.append("--access-log")
    commands = {"web": web}
    if options.worker:
        # --quiet: warnings and failed tasks only; we print the start-up line ourselves.
        commands["worker"] = [python, "-m", "reconfort", "run_huey", "--quiet"]
    return commands


def address(options: ServeOptions) -> str:
    host = "127.0.0.1" if options.host in ("0.0.0.0", "") else options.host
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{options.port}"


def prepare(options: ServeOptions) -> None:
    """Database and static files, before any child starts."""
    if options.migrate:
        call_command("migrate", interactive=False, verbosity=1)
        call_command("createcachetable", verbosity=0)
    static_root = settings.STATIC_ROOT
    if not os.path.isdir(static_root) or not any(os.scandir(static_root)):
        call_command("collectstatic", interactive=False, verbosity=0)


def _die_with_parent() -> None:
    """In the child: receive SIGTERM if the supervisor itself is killed, so nothing is orphaned (Linux)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass


# How each child stops gracefully: granian drains its workers on SIGTERM; the Huey consumer
# finishes its running tasks on SIGINT (SIGTERM would stop it at once).
STOP_SIGNALS = {"web": signal.SIGTERM, "worker": signal.SIGINT}


class Supervisor:
    def __init__(self, commands: dict[str, list[str]]):
        self.commands = commands
        self.children: dict[str, subprocess.Popen] = {}
        self.stop_requested = False

    def _request_stop(self, signum, frame) -> None:
        self.stop_requested = True

    def run(self) -> int:
        signal.signal(signal.SIGINT, self._request_stop)
        signal.signal(signal.SIGTERM, self._request_stop)
        for name, command in self.commands.items():
            # A session of their own: a terminal's Ctrl-C reaches only us, and we decide the order of stopping.
            self.children[name] = subprocess.Popen(command, start_new_session=True, preexec_fn=_die_with_parent)
        status = 0
        while not self.stop_requested:
            ended = {name: child.returncode for name, child in self.children.items() if child.poll() is not None}
            if ended:
                for name, code in ended.items():
                    print(f"reconfort serve: the {name} process ended (exit status {code}); stopping.", file=sys.stderr)
                status = next((code for code in ended.values() if code), 1)
                break
            time.sleep(0.2)
        self.stop()
        return status

    def stop(self) -> None:
        for name, child in self.children.items():
            if child.poll() is None:
                child.send_signal(STOP_SIGNALS.get(name, signal.SIGTERM))
        deadline = time.monotonic() + STOP_TIMEOUT
        for child in self.children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            # Each child leads its own process group: whatever it started and left behind (granian's worker
            # processes, if granian itself was killed) goes with it.
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    prepare(options)
    commands = build_commands(options)
    worker = "and the background worker " if options.worker else ""
    print(
        f"Réconfort is starting on {address(options)} "
        f"({options.workers} web workers {worker}on {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}). "
        "Ctrl-C stops it.",
        flush=True,
    )
    return Supervisor(commands).run()
