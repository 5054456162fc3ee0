"""Packaging for the Okta plugin: the runtime and actions, without the simulator or tests."""
from setuptools import find_packages, setup

setup(
    name="okta-rapid7-plugin",
    version="4.0.0",
    description="Okta plugin for Rapid7 InsightConnect: user lifecycle, MFA, groups, apps and network zones",
    author="rapid7",
    packages=find_packages(include=["komand_okta", "komand_okta.*"]),
    package_data={"komand_okta.okta": ["data/*.txt"]},
    install_requires=[line.strip() for line in open("requirements.txt") if line.strip() and not line.startswith("#")],
    scripts=["bin/komand_okta"],
    data_files=[("share/komand_okta", ["plugin.spec.yaml"])],
    python_requires=">=3.9",
)
