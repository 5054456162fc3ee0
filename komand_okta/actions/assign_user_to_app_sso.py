"""Assign User to Application for Provisioning: assign a user to an app (SSO and provisioning).

`appuser` is Okta's app user model and needs at least `id`. As a convenience, `appuser.id` may
also be the user's email or login: anything not shaped like an Okta user ID (00u + 17
characters) is resolved to the user's ID first, so playbooks need not look the ID up.

Okta's assignment is `POST /apps/{appId}/users` (the old PUT form is gone). POST is not
idempotent, so when Okta answers 409 E0000062 (the user is already assigned) the action returns
the existing assignment instead of failing: the outcome is the same as a first assignment. The
existing assignment is returned as Okta holds it; the credentials or profile given are not
applied to it.
"""

import re

from komand_okta.okta import users
from komand_okta.okta.http import errors
from komand_okta.okta.http.errors import OktaError
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

USER_ID = re.compile(r"^00u[A-Za-z0-9]{17}$")
ALREADY_ASSIGNED = "E0000062"


class Action(Base):
    def run(self, params):
        app_id, appuser = params["applicationId"], params.get("appuser")
        if not isinstance(appuser, dict) or not isinstance(appuser.get("id"), str) or not appuser["id"].strip():
            raise ClientError(
                "'appuser' must be an app user object with at least the user's 'id'.",
                'Give \'appuser\' such as {"id": "00u15s1KDETTQMQYABRL", "scope": "USER"}; the id may '
                "also be the user's email or login.",
            )
        client = self.connection.client
        body = dict(appuser, id=self._user_id(client, appuser["id"].strip()))
        path = client.path("apps", app_id, "users")
        try:
            response = client.request("POST", path, json=body, allow=(409,))
        except OktaError as exc:
            if exc.status == 404:
                raise OktaError(
                    exc.cause,
                    "Check 'applicationId' (the 0oa… ID of the app in the Okta Admin Console) and 'appuser.id'.",
                    exc.data,
                    exc.status,
                    exc.code,
                ) from None
            raise
        if response.status != 409:
            return {"result": response.body}
        body_of_error = response.body if isinstance(response.body, dict) else {}
        if body_of_error.get("errorCode") != ALREADY_ASSIGNED:
            raise errors.from_response(409, body_of_error, "POST", path)
        self.log.info(
            "User %s is already assigned to application %s; returning the existing assignment.", body["id"], app_id
        )
        return {"result": client.get(client.path("apps", app_id, "users", body["id"]))}

    def _user_id(self, client, given: str) -> str:
        if USER_ID.match(given):
            return given
        found = users.resolve(client, given)
        if not found:
            raise ClientError(
                "No Okta user matches %s (given as 'appuser.id')." % given,
                "Give the user's Okta ID, login or email in 'appuser.id'.",
            )
        self.log.info("Resolved %s to Okta user %s.", given, found.item["id"])
        return found.item["id"]
