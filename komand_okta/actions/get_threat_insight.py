"""Get ThreatInsight: the org's ThreatInsight action (none, audit, block) and its excluded zones."""

from komand_okta.okta import threat_insight
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        return {"threat_insight": threat_insight.get(self.connection.client)}
