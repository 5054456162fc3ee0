"""New Users: one event per user Okta created, on a cursor over Okta's `created` timestamps.

The cursor logic (baseline, overlap window for Okta's eventually consistent search index, de-dup
by id, bounded state) lives in `komand_okta.okta.users_cursor`. A failed request fails the poll,
and the runtime then keeps the previous state, so the next poll reads the same users again:
nothing is lost and nothing is sent twice. (If delivering one event of a poll fails, the runtime
keeps the old state too and the events of that poll are sent again: at least once, never lost.)
"""

from komand_okta.okta.users_cursor import UserCursor
from komand_okta.runtime.components import Trigger as Base


class Trigger(Base):
    def poll(self, params, state):
        users = UserCursor(self.connection.client, "created", self.log).poll(state, params.get("search"))
        if users:
            self.log.info("%d user(s) with created up to %s.", len(users), state.get("cursor"))
        return [{"user": user} for user in users]
