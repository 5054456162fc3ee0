# The plugin image: slim Python, the package installed once (its version is the spec's), a
# non-root user, and a health check for web-server mode.
#
# The base is pinned by digest, so every build starts from the same bytes: the digest of the
# multi-architecture index of python:3.11.14-slim-bookworm (the tag is informative; Docker pulls
# by the digest). To move to a newer base, pull the new tag and replace both, e.g.
#   docker pull python:3.11-slim-bookworm && docker inspect --format '{{index .RepoDigests 0}}' python:3.11-slim-bookworm
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KOMAND_OKTA_HTTP_HOST=0.0.0.0 \
    KOMAND_OKTA_STATE_DIR=/workspace/cache

# Where Rapid7's tooling reads the spec; the package reads its own installed copy.
COPY plugin.spec.yaml /plugin.spec.yaml

# Dependencies first (pinned), so changing the code reuses this layer; then the package, once,
# from a build folder that is removed: nothing on PYTHONPATH shadows what pip installed.
WORKDIR /build
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY setup.py plugin.spec.yaml ./
COPY komand_okta ./komand_okta
RUN pip install --no-deps . \
    && cd / && rm -rf /build \
    && useradd --system --uid 10001 --home-dir /workspace --shell /usr/sbin/nologin plugin \
    && mkdir -p /workspace/cache /workspace/tmp \
    && chown -R plugin /workspace

WORKDIR /workspace
USER plugin
EXPOSE 10001

# Web-server mode only (PID 1 was started with the `http` command): GET /api/v1/status on
# $KOMAND_OKTA_HTTP_PORT (default 10001) must answer Ready. Other commands have no server and
# pass. Set the port through the environment rather than --port so the check follows it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD tr '\0' '\n' </proc/1/cmdline | grep -qx http || exit 0; exec komand_okta http --check

ENTRYPOINT ["komand_okta"]
