"""Update Application User: POST /apps/{appId}/users/{userId} with the given profile and/or credentials.

Okta changes only what is sent (profile attributes are merged), so the POST sets values and
repeating it is harmless: it is retried like an idempotent call. An app and a user given by Okta
ID cost that one request; a label, login or email is resolved first. With neither a profile nor
credentials there is nothing to do, and the input is refused before any request. An app or
user that is not found, or a user not assigned to the app, gives success false and a message.
The password sent in credentials goes to Okta only; it is never returned or logged.
"""

from komand_okta.okta import apps
from komand_okta.outputs import not_done, not_found
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        body = {
            key: params[key] for key in ("profile", "credentials") if isinstance(params.get(key), dict) and params[key]
        }
        if not body:
            raise ClientError(
                "Neither a profile (profile) nor credentials (credentials) were given.",
                'Give the application profile attributes to set, such as {"department": "Security"}, '
                'the credentials, such as {"userName": "user@example.com"}, or both.',
            )
        client = self.connection.client
        app, user = apps.user_assignment_parties(client, params["app"], params["user"])
        if not (app and user):
            return not_found(user if app else app, self.log)
        app_id, user_id = app.item["id"], user.item["id"]
        response = client.request(
            "POST", client.path("apps", app_id, "users", user_id), json=body, idempotent=True, allow=(404,)
        )
        if response.status == 404:
            return not_done(apps.why_unassigned(client, app.item, user.item), self.log)
        self.log.info("Updated the %s of user %s in application %s.", " and ".join(sorted(body)), user_id, app_id)
        return {"success": True, "app_user": apps.shown(response.body)}
