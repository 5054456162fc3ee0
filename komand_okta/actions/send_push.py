"""Push MFA Challenge: send an Okta Verify push and wait for the user to answer it.

Requests: the verify and one poll per wait (an approval on the second poll: 3), plus a lookup
when the user is named by login or email, and one read of the factor unless its ID is a push
factor's (`factors.is_push_id`): verifying a non-push factor would not push at all (an SMS
factor texts a code), and a factor that is not ACTIVE cannot be challenged, so both fail
before anything reaches the user's device. Without a factor ID the user's active factor of
`factor_type` (push, the only type that can take a push) is used. The wait is `timeout` seconds
(default 60); more than 300, Okta's own transaction life, or less than 1 is refused before any
request. The result (SUCCESS, REJECTED, TIMEOUT, …) and the factor pushed to are the output; a
rejection is an answer, not a failure. The 3.x input (user_id and factor_id only) still works.

A user that does not exist is the not-found output the seed's user actions answer (`success:
false` and a message saying no push was sent): Okta refuses every request about an unknown user,
so nothing is pushed.
"""

from komand_okta import inputs
from komand_okta.okta import factors, users
from komand_okta.okta.found import Found
from komand_okta.okta.http.errors import OktaError
from komand_okta.outputs import not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        timeout = params["timeout"]  # the spec's default: 60
        if not 1 <= timeout <= factors.MAX_TIMEOUT:
            raise ClientError(
                "timeout must be between 1 and %d seconds (it was %d)." % (factors.MAX_TIMEOUT, timeout),
                "Okta's push challenge expires after about five minutes; give a timeout of at most "
                "%d, or leave it out to wait %d seconds." % (factors.MAX_TIMEOUT, factors.DEFAULT_TIMEOUT),
            )
        factor_type = params["factor_type"]
        client = self.connection.client
        named = inputs.text(params, "user_id")
        if users.USER_ID.match(named):
            user_id = named
        else:
            found = users.resolve(client, named, then="no push was sent")
            if not found:
                return not_found(found, self.log)
            user_id = found.item["id"]
        factor_id = inputs.text(params, "factor_id")
        try:
            factor_id = self._push_factor(client, user_id, factor_id, factor_type)
            result = factors.verify_push(client, user_id, factor_id, self.clock, self.log, timeout=timeout)
        except OktaError as exc:
            if factors.names_the_user(exc):
                return not_found(Found(None, users.no_match(named, "no push was sent")), self.log)
            if exc.status == 404 and exc.code:  # Okta's own 404 on the verify: the factor it does not know
                raise factors.unknown_factor(user_id, factor_id) from None
            raise
        return {"factor_id": factor_id, "factor_status": result}

    @staticmethod
    def _push_factor(client, user_id: str, factor_id: str, factor_type: str) -> str:
        """The ID of the factor to push to: a push factor's ID as given, any other checked first."""
        if factors.is_push_id(factor_id):
            return factor_id
        factor = (
            factors.get_factor(client, user_id, factor_id)
            if factor_id
            else factors.find_push_factor(client, user_id, factor_type)
        )
        factors.check_push_factor(factor, user_id)
        return factor.get("id") or factor_id
