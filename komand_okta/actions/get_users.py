"""Get Users: several users at once, each by id, login or email; the rest listed in not found.

Each distinct input is resolved once with `users.resolve` (the same rules as every other action).
Inputs are de-duplicated (after trimming), and two inputs naming the same user (its id and its
email, say) give that user once. An email that several users share does not fail the batch: it is
listed in `not_found`, and the message says why. Any other Okta failure (no permission, Okta
down) fails the action, since it is not about one user.
"""

from komand_okta.okta import users as okta_users
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        given = params.get("users") or []
        if not given:
            raise ClientError("Users (users) is empty.", "Give at least one user ID, login or email.")
        client = self.connection.client
        users, seen_ids, not_found, reasons = [], set(), [], []
        for identifier in _distinct(given):
            if not identifier.strip():
                not_found.append(identifier)
                reasons.append("a blank entry names no user")
                continue
            try:
                found = okta_users.resolve(client, identifier)
            except okta_users.AmbiguousUser as exc:
                not_found.append(identifier)
                reasons.append(exc.cause)
                self.log.info("%s", exc.cause)
                continue
            if not found:
                not_found.append(identifier)
                reasons.append("no Okta user matches %s" % identifier.strip())
                self.log.info("%s", found.message)
            elif found.item.get("id") not in seen_ids:
                seen_ids.add(found.item.get("id"))
                users.append(found.item)
        output = {"found": not not_found, "users": users, "not_found": not_found}
        if reasons:
            output["message"] = "; ".join(reason.rstrip(".") for reason in reasons) + "."
            output["message"] = output["message"][0].upper() + output["message"][1:]
        return output


def _distinct(values):
    """The inputs in order, each once (compared after trimming), as given."""
    seen = set()
    for value in values:
        key = str(value).strip()
        if key not in seen:
            seen.add(key)
            yield str(value)
