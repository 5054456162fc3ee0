"""Updated Users: one event per user change, on a cursor over Okta's `lastUpdated` timestamps.

The cursor logic (baseline, overlap window for Okta's eventually consistent search index, de-dup
by id and lastUpdated so that each update is one event, bounded state) lives in
`komand_okta.okta.users_cursor`, as for New Users.
"""

from komand_okta.okta.users_cursor import UserCursor
from komand_okta.runtime.components import Trigger as Base


class Trigger(Base):
    def poll(self, params, state):
        users = UserCursor(self.connection.client, "lastUpdated", self.log).poll(state, params.get("search"))
        if users:
            self.log.info("%d user(s) with lastUpdated up to %s.", len(users), state.get("cursor"))
        return [{"user": user} for user in users]
