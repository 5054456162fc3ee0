"""List API Tokens: every active API token with its owner, client name, creation, expiry and network condition.

A token an attacker minted shows here (a recent `created`, an unexpected owner or client name).
"""

from komand_okta.okta import api_tokens
from komand_okta.runtime.components import Action as Base


class Action(Base):
    def run(self, params):
        tokens = api_tokens.list_tokens(self.connection.client, params.get("limit"))
        return {"tokens": tokens, "count": len(tokens)}
