"""Wait for Push: poll a push that Start Push sent until the user answers it or the wait ends.

It polls at once, then every three seconds, for at most `timeout` seconds (default 60, at most
300). The verdict is Okta's: SUCCESS (the user picked the right number), REJECTED (they denied it
or picked a wrong number), TIMEOUT (Okta's challenge expired). WAITING means the user has not
answered yet but the challenge still lives (until `expires_at`): run it again to wait longer.

The user is resolved like every user input (Start Push's user ID costs one GET); the factor and
transaction are the IDs Start Push returned. A user that does not exist, or a transaction Okta
does not know (mistyped, or of another user or factor), gives `found: false` and a message.
"""

from komand_okta import inputs
from komand_okta.okta import factors, users
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

ASSIST = "Give the user, factor ID and transaction ID that Start Push returned."


class Action(Base):
    def run(self, params):
        factor_id, transaction_id = (
            _id(params, key, title) for key, title in (("factor_id", "Factor ID"), ("transaction_id", "Transaction ID"))
        )
        client = self.connection.client
        found = users.resolve(client, params["user"])
        if not found:
            return not_found(found, self.log, "found")
        user_id = found.item["id"]
        answer = factors.await_push(
            client, user_id, factor_id, transaction_id, self.clock, self.log, timeout=params["timeout"]
        )
        if answer is None:
            return not_done(
                "Okta has no push transaction %s for factor %s of user %s. %s"
                % (transaction_id, factor_id, user_id, ASSIST),
                self.log,
                "found",
            )
        output = {"found": True, "factor_result": answer["factorResult"]}
        if answer["factorResult"] == factors.FINAL_WAITING:
            output["expires_at"] = answer.get("expiresAt")
        return output


def _id(params: dict, key: str, title: str) -> str:
    """The ID input `key`, refused (naming it) when it cannot be one path segment of an Okta URL."""
    value = inputs.text(params, key)
    if value in (None, ".", ".."):
        raise ClientError("%s (%s) %r is not an Okta ID." % (title, key, params.get(key)), ASSIST)
    return value
