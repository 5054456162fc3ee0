"""Raw Request: any Okta Management API call under /api/v1 of the configured org.

What is refused before any request, and why, is in `komand_okta.okta.http.raw`. Every status Okta
answers is returned as output (401 and 403 are also logged as warnings); only failures without
an answer (Okta unreachable, a next link to another host) are raised.
"""

from komand_okta.okta.http.raw import Raw, RawRequestRefused
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        try:
            return Raw(self.connection.client, self.log).send(
                params.get("method") or "GET",
                params.get("path"),
                query=params.get("query"),
                headers=params.get("headers"),
                body=params.get("body"),
                paginate=bool(params.get("paginate")),
                limit=params.get("limit"),
            )
        except RawRequestRefused as exc:
            raise ClientError(
                "Refused %s (%s): %s." % (exc.field.capitalize(), exc.field, exc.reason),
                "Give a path relative to /api/v1 of the connection's Okta org (such as /users or "
                "/groups/00g41ix8hKbsu74Ca4x6/users), and only headers the connection does not "
                "provide itself.",
            ) from None
