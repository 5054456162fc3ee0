"""The image's install steps, exercised: a fresh venv, the pinned requirements, `pip install .`.

Then the installed `komand_okta` (run from outside the checkout, so nothing is borrowed from
it) prints its info, runs one action against the local Okta and serves web-server mode, as the
container would. test_image.py holds the Dockerfile to the same files.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from oktasim.orgs import demo as org
from oktasim.testing import running_sim

ROOT = Path(__file__).resolve().parents[1]
# Building the venv is most of this module's time: its tests share one build, so under
# pytest-xdist (--dist loadgroup) they all run on the same worker.
pytestmark = pytest.mark.xdist_group("packaging")


IMAGE_FILES = ("setup.py", "requirements.txt", "plugin.spec.yaml", "komand_okta")  # what the image copies


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("image")
    source, venv = work / "workspace", work / "venv"
    source.mkdir()
    for name in IMAGE_FILES:  # built from a copy, so pip never writes build files into the checkout
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(
            ROOT / name,
            source / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}),
        )
    # The image's two pip installs, run by this interpreter's pip into the new venv (pip --python):
    # a venv without pip of its own skips ensurepip, a third of the build's time.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    pip = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(venv / "bin" / "python"),
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    subprocess.run([*pip, "-r", str(source / "requirements.txt")], check=True, timeout=600)
    subprocess.run([*pip, "--no-deps", str(source)], check=True, timeout=600, cwd=str(work))
    return venv


def run_installed(venv, *args, stdin=""):
    return subprocess.run(
        [str(venv / "bin" / "komand_okta"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(venv.parent),
    )


def test_the_installed_plugin_prints_its_info(installed):
    done = run_installed(installed, "info")
    assert done.returncode == 0 and "get_user" in done.stdout and "Version:" in done.stdout


def test_the_installed_plugin_runs_an_action(installed):
    with running_sim(org="demo") as sim:
        message = {
            "type": "action_start",
            "version": "v1",
            "body": {
                "action": "get_user",
                "meta": {},
                "input": {"email": org.JANE_LOGIN},
                "connection": {"okta_url": sim.url, "okta_key": {"secretKey": sim.token}},
            },
        }
        done = run_installed(installed, "run", stdin=json.dumps(message))
    envelope = json.loads(done.stdout)
    assert done.returncode == 0 and envelope["body"]["output"]["id"] == org.JANE_ID


def test_the_installed_package_carries_its_data_files(installed):
    check = (
        "import komand_okta.okta, pathlib; print((pathlib.Path(komand_okta.okta.__file__).parent / 'data').is_dir())"
    )
    done = subprocess.run(
        [str(installed / "bin" / "python"), "-c", check], capture_output=True, text=True, cwd=str(installed.parent)
    )
    assert done.stdout.strip() == "True"


def test_the_installed_launcher_runs_the_interpreter_it_was_installed_with(installed):
    first_line = (installed / "bin" / "komand_okta").read_text().splitlines()[0]
    assert first_line == "#!" + str(installed / "bin" / "python")


def test_the_installed_version_is_the_spec_version(installed):
    spec_version = re.search(r"^version:\s*(\S+)", (ROOT / "plugin.spec.yaml").read_text(), re.MULTILINE).group(1)
    done = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import importlib.metadata as m; print(m.version('okta-rapid7-plugin'))",
        ],
        capture_output=True,
        text=True,
        cwd=str(installed.parent),
    )
    assert done.stdout.strip() == spec_version


def test_the_installed_plugin_serves_web_mode_and_passes_its_health_check(installed):
    server = subprocess.Popen(
        [str(installed / "bin" / "komand_okta"), "http", "--port", "0"],
        cwd=str(installed.parent),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = None
        for line in server.stderr:  # the start-up log names the address; the default is loopback
            if "Listening on http://" in line:
                port = int(line.split("Listening on http://127.0.0.1:")[1].split(":")[0])
            if "Booting worker" in line:
                break
        check = run_installed(installed, "http", "--check", "--port", str(port))
        assert check.returncode == 0 and "Ready" in check.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()
