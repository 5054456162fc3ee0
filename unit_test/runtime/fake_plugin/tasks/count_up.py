"""Returns the next `batch` numbers after the saved cursor; says an error when told to."""

from komand_okta.runtime.components import Task as Base
from komand_okta.runtime.components import TaskResult
from komand_okta.runtime.errors import PluginError


class Task(Base):
    def run(self, params, state, custom_config):
        start = state.get("cursor", custom_config.get("start", 0))
        numbers = [{"n": n} for n in range(start + 1, start + 1 + params["batch"])]
        error = PluginError("Rate limited", "Wait") if params.get("fail") else None
        return TaskResult(
            numbers,
            {"cursor": start + params["batch"]},
            has_more_pages=start < 10,
            status_code=429 if error else 200,
            error=error,
        )
