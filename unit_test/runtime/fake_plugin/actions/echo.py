"""Answers `reply` as its output when given one, else what it was given: the input and the connection."""

from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        if "reply" in params:
            return params["reply"]
        return {"seen": params, "connection": self.connection.params}
