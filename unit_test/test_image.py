"""The image: what the Dockerfile and .dockerignore promise, and, where a Docker daemon runs, the
built image itself (skipped, with the reason, where none does).

The install steps themselves are exercised everywhere by test_packaging.py.
"""

import json
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
IGNORED = [
    line.strip()
    for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def instructions(name: str) -> list:
    """The arguments of every `name` instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.upper().startswith(name + " ")]


def copied_sources() -> set:
    return {part for args in instructions("COPY") for part in args.split()[:-1]}


def test_the_base_image_is_pinned_by_digest():
    (base,) = instructions("FROM")
    assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+@sha256:[0-9a-f]{64}", base.strip())


def test_the_package_is_installed_once_and_nothing_shadows_it():
    package_installs = [args for args in instructions("RUN") if re.search(r"pip install (--no-deps )?\.", args)]
    assert len(package_installs) == 1 and "PYTHONPATH" not in " ".join(instructions("ENV"))


def test_the_entry_point_is_the_installed_console_script():
    assert instructions("ENTRYPOINT") == ['["komand_okta"]']


def test_web_mode_listens_on_all_interfaces_in_the_image():
    assert "KOMAND_OKTA_HTTP_HOST=0.0.0.0" in " ".join(instructions("ENV"))


def test_the_health_check_probes_the_status_route_in_web_mode_only():
    (check,) = instructions("HEALTHCHECK")
    assert "grep -qx http" in check and "komand_okta http --check" in check


def test_the_state_directory_is_created_for_the_plugin_user():
    setup = " ".join(instructions("RUN"))
    assert "mkdir -p /workspace/cache" in setup and "chown -R plugin /workspace" in setup
    assert "KOMAND_OKTA_STATE_DIR=/workspace/cache" in " ".join(instructions("ENV"))


def test_the_build_context_is_an_allow_list_of_what_the_dockerfile_copies():
    allowed = {line[1:] for line in IGNORED if line.startswith("!")}
    assert IGNORED[0] == "*" and allowed == copied_sources()


def test_the_image_copies_what_the_packaging_test_installs():
    from unit_test.test_packaging import IMAGE_FILES

    assert copied_sources() == set(IMAGE_FILES)


def docker_unavailable() -> str:
    """Why the image cannot be built here, or '' when it can."""
    if not shutil.which("docker"):
        return "no docker command on this machine"
    done = subprocess.run(
        ["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True, timeout=60
    )
    return (
        "" if done.returncode == 0 else "no Docker daemon answers: %s" % (done.stderr.strip() or "docker info failed")
    )


@pytest.fixture(scope="module")
def image():
    reason = docker_unavailable()
    if reason:
        pytest.skip("image not built: " + reason)
    tag = "komand_okta-test:%d" % time.time_ns()
    subprocess.run(["docker", "build", "-q", "-t", tag, str(ROOT)], check=True, timeout=1800)
    yield tag
    subprocess.run(["docker", "image", "rm", "-f", tag], capture_output=True, timeout=120)


def test_the_image_prints_the_spec_version(image):
    done = subprocess.run(["docker", "run", "--rm", image, "info"], capture_output=True, text=True, timeout=120)
    version = re.search(r"^version:\s*(\S+)", (ROOT / "plugin.spec.yaml").read_text(), re.MULTILINE).group(1)
    assert done.returncode == 0 and "Version:     %s" % version in done.stdout


def test_the_image_serves_status_and_reports_healthy_without_a_control_server_error(image):
    name = "komand_okta-test-%d" % time.time_ns()
    subprocess.run(
        ["docker", "run", "-d", "--name", name, "-p", "127.0.0.1::10001", "--health-interval", "1s", image, "http"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    try:
        port = (
            subprocess.run(["docker", "port", name, "10001"], capture_output=True, text=True, check=True, timeout=30)
            .stdout.split(":")[-1]
            .strip()
        )
        health = _wait_for_health(name, deadline=time.monotonic() + 60)
        with urllib.request.urlopen("http://127.0.0.1:%s/api/v1/status" % port, timeout=10) as response:
            status = json.loads(response.read())
        logs = subprocess.run(["docker", "logs", name], capture_output=True, text=True, timeout=30)
        assert health == "healthy" and status == {"status": "Ready"}
        assert "Permission denied" not in logs.stdout + logs.stderr
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True, timeout=60)


def _wait_for_health(name: str, deadline: float) -> str:
    """The container's health status once it is no longer 'starting' (or at the deadline)."""
    while True:
        state = subprocess.run(
            ["docker", "inspect", "--format", "{{.State.Health.Status}}", name],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        if state != "starting" or time.monotonic() > deadline:
            return state
