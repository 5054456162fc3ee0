"""Packaging for the Okta plugin: the runtime and actions, without the simulator or tests.

The version is the spec's (`version:` in plugin.spec.yaml), read as text so building needs
no YAML parser; `komand_okta` is a console script, so the installed launcher runs the
interpreter it was installed with.
"""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent


def spec_version() -> str:
    found = re.search(
        r"^version:\s*['\"]?([0-9][^'\"\s#]*)", (HERE / "plugin.spec.yaml").read_text(encoding="utf-8"), re.MULTILINE
    )
    if not found:
        raise SystemExit("plugin.spec.yaml has no top-level 'version:'")
    return found.group(1)


def requirements() -> list:
    lines = (HERE / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


setup(
    name="okta-rapid7-plugin",
    version=spec_version(),
    description="Okta plugin for Rapid7 InsightConnect: user lifecycle, MFA, groups, apps and network zones",
    author="rapid7",
    packages=find_packages(include=["komand_okta", "komand_okta.*"]),
    package_data={"komand_okta.okta": ["data/*.txt"]},
    install_requires=requirements(),
    entry_points={"console_scripts": ["komand_okta = komand_okta.runtime.cli:main"]},
    data_files=[("share/komand_okta", ["plugin.spec.yaml"])],
    python_requires=">=3.11",  # what the image and the tests run
)
