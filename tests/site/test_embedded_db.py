"""`make run` and `make test`'s database wrapper: Ctrl-C stops the command, and nothing is left
running when the wrapper's parent goes away (issue 15, finding 11)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

SLEEPER = "import time; print('up', flush=True); time.sleep(120)"


def start(env, *, new_session=True):
    process = subprocess.Popen(
        [sys.executable, "-m", "cstonews.embedded_db", sys.executable, "-c", SLEEPER],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=new_session,
    )
    assert process.stdout.readline().strip() == "up"
    return process


def children_of(pid):
    return [
        int(line)
        for line in subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True
        ).stdout.split()
    ]


def test_ctrl_c_stops_the_command_and_the_wrapper():
    wrapper = start({**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1/none"})
    [child] = children_of(wrapper.pid)
    os.killpg(wrapper.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    assert wrapper.wait(timeout=10) != 0
    assert not Path(f"/proc/{child}").exists()


def test_a_terminated_wrapper_stops_its_command():
    wrapper = start({**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1/none"})
    [child] = children_of(wrapper.pid)
    wrapper.send_signal(signal.SIGTERM)  # to the wrapper alone, as `kill` would
    wrapper.wait(timeout=10)
    assert not Path(f"/proc/{child}").exists()


@pytest.mark.once
def test_the_embedded_server_stops_when_the_wrapper_s_parent_dies(tmp_path):
    data = tmp_path / "postgres"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBEDDED_POSTGRES_DIR"] = str(data)
    # A parent (as `make` is) that starts the wrapper, then is killed without warning.
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time; "
         "w = subprocess.Popen([sys.executable, '-m', 'cstonews.embedded_db', sys.executable,"
         f" '-c', {SLEEPER!r}]); time.sleep(300)"],
        cwd=settings.BASE_DIR, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (data / "postmaster.pid").exists():
        assert time.monotonic() < deadline, "the embedded server did not start"
        time.sleep(0.5)
    time.sleep(2)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 60
    while (data / "postmaster.pid").exists():
        assert time.monotonic() < deadline, "the embedded server outlived its wrapper's parent"
        time.sleep(0.5)
