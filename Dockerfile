# The plugin image: slim Python, the plugin's own small runtime, a non-root user.
FROM python:3.11-slim

ADD ./plugin.spec.yaml /plugin.spec.yaml
WORKDIR /workspace
COPY requirements.txt /workspace/requirements.txt
RUN pip install --no-cache-dir -r requirements.txt
COPY . /workspace
RUN pip install --no-cache-dir --no-deps . \
    && mkdir -p /workspace/cache /workspace/tmp \
    && useradd --system --no-create-home --uid 10001 plugin \
    && chown -R plugin /workspace/cache /workspace/tmp

ENV PYTHONPATH=/workspace PYTHONDONTWRITEBYTECODE=1
USER plugin
ENTRYPOINT ["python", "/workspace/bin/komand_okta"]
