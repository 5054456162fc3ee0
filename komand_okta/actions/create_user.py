"""Create User: one POST /users with the profile, optional credentials and groups.

As the 3.5.1 interface promised, a `provider` or `recovery_question` credential missing one of
its two fields is left out (with a log line, never the values) instead of letting Okta refuse
the whole request. Combinations Okta is known to refuse (an expired password at first login
without a password or without activation, a provider user without a provider) are refused here
before any request, naming the fields. Okta's own refusals (such as a duplicate login) are
errors carrying Okta's summary and causes.
"""

from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError

# credential -> the fields it needs, all non-empty
COMPLETE = {"provider": ("type", "name"), "recovery_question": ("question", "answer"), "password": ("value",)}


class Action(Base):
    def run(self, params):
        credentials = self._credentials(params.get("credentials") or {})
        self._check(params, credentials)
        body = {"profile": params["profile"]}
        if credentials:
            body["credentials"] = credentials
        if params.get("groupIds"):
            body["groupIds"] = params["groupIds"]
        query = {"activate": bool(params.get("activate")), "provider": bool(params.get("provider"))}
        if params.get("nextLogin"):
            query["nextLogin"] = "changePassword"
        client = self.connection.client
        user = client.post(client.path("users"), json=body, params=query)
        self.log.info("Created Okta user %s with status %s.", user.get("id"), user.get("status"))
        return user

    def _credentials(self, given: dict) -> dict:
        """The credentials with every incomplete part left out."""
        kept = {}
        for name, value in given.items():
            needed = COMPLETE.get(name, ())
            missing = [field for field in needed if not (value or {}).get(field)]
            if missing:
                self.log.info(
                    "Leaving out the %s credential: %s %s not filled in.",
                    name,
                    " and ".join(missing),
                    "is" if len(missing) == 1 else "are",
                )
                continue
            kept[name] = value
        return kept

    @staticmethod
    def _check(params: dict, credentials: dict) -> None:
        if params.get("nextLogin"):
            problems = []
            if "password" not in credentials:
                problems.append("credentials.password.value is empty")
            if not params.get("activate"):
                problems.append("activate is false")
            if problems:
                raise ClientError(
                    "Invalid input: nextLogin (change password at next login) needs a password and "
                    "activation, but %s." % " and ".join(problems),
                    "Give credentials.password.value and set activate to true, or set nextLogin to false.",
                )
        if params.get("provider") and "provider" not in credentials:
            raise ClientError(
                "Invalid input: provider is true but credentials.provider has no type and name.",
                "Give credentials.provider with both type and name, or set provider to false.",
            )
