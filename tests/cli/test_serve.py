"""`reconfort serve`: options become exactly the granian and Huey commands, and the supervisor stops both."""

import signal
import sys
import time
from pathlib import Path

import pytest

from reconfort.cli import serve


def test_defaults_start_the_web_server_with_two_workers_and_the_huey_consumer():
    commands = serve.build_commands(serve.parse_options([]), python="/venv/bin/python")
    assert commands["web"] == [
        "/venv/bin/python", "-m", "reconfort.cli.web", "--host", "127.0.0.1", "--port", "8000",
        "--workers", "2", "--threads", "4",
    ]  # fmt: skip
    assert commands["worker"] == ["/venv/bin/python", "-m", "reconfort", "run_huey", "--quiet"]


def test_host_port_workers_and_threads_are_passed_through():
    options = serve.parse_options(["--host", "0.0.0.0", "--port", "9000", "--workers", "4", "--threads", "2"])
    web = serve.build_commands(options, python="py")["web"]
    assert web[web.index("--host") + 1] == "0.0.0.0"
    assert web[web.index("--port") + 1] == "9000"
    assert web[web.index("--workers") + 1] == "4"
    assert web[web.index("--threads") + 1] == "2"
    assert serve.address(options) == "http://127.0.0.1:9000"


def test_no_worker_starts_only_the_web_server():
    commands = serve.build_commands(serve.parse_options(["--no-worker"]), python="py")
    assert list(commands) == ["web"]


def test_access_log_is_off_unless_asked():
    assert "--access-log" not in serve.build_commands(serve.parse_options([]), python="py")["web"]
    assert "--access-log" in serve.build_commands(serve.parse_options(["--access-log"]), python="py")["web"]


def test_migrate_flag_is_parsed():
    assert serve.parse_options(["--migrate"]).migrate is True
    assert serve.parse_options([]).migrate is False


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--port", "70000"], ["--port", "http"], ["--bogus"]])
def test_bad_options_are_refused(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        serve.parse_options(argv)
    assert exc.value.code == 2
    assert "usage: reconfort serve" in capsys.readouterr().err


def test_ipv6_address_is_bracketed():
    assert serve.address(serve.ServeOptions(host="::1", port=8000)) == "http://[::1]:8000"


def _sleeper(seconds: float = 30) -> list[str]:
    return [sys.executable, "-c", f"import time; time.sleep({seconds})"]


def test_supervisor_stops_everything_when_one_child_dies():
    supervisor = serve.Supervisor({"web": [sys.executable, "-c", "raise SystemExit(3)"], "worker": _sleeper()})
    started = time.monotonic()
    status = supervisor.run()
    assert status == 3
    assert all(child.poll() is not None for child in supervisor.children.values())
    assert time.monotonic() - started < 10


def test_supervisor_forwards_a_stop_request_to_its_children():
    supervisor = serve.Supervisor({"web": _sleeper(), "worker": _sleeper()})
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    previous = signal.signal(signal.SIGALRM, lambda *_: supervisor._request_stop(signal.SIGTERM, None))
    try:
        status = supervisor.run()
    finally:
        signal.signal(signal.SIGALRM, previous)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert status == 0
    # The children were asked to stop (SIGTERM for the web server, SIGINT for the worker) and did.
    assert supervisor.children["web"].returncode == -signal.SIGTERM
    assert supervisor.children["worker"].returncode == -signal.SIGINT


def test_stop_leaves_no_grandchild_behind(tmp_path):
    """A child that ignores the stop signal is killed, and so is what it started (as granian starts workers)."""
    pid_file = tmp_path / "grandchild.pid"
    stubborn = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)\n"
    )
    supervisor = serve.Supervisor({"web": [sys.executable, "-c", stubborn]})
    supervisor.children["web"] = serve.subprocess.Popen(supervisor.commands["web"], start_new_session=True)
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    grandchild = int(pid_file.read_text())
    original_timeout = serve.STOP_TIMEOUT
    serve.STOP_TIMEOUT = 0.5
    try:
        supervisor.stop()
    finally:
        serve.STOP_TIMEOUT = original_timeout
    assert supervisor.children["web"].returncode == -signal.SIGKILL
    for _ in range(50):
        if not _running(grandchild):
            break
        time.sleep(0.05)
    assert not _running(grandchild)


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped by whoever adopted it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status
