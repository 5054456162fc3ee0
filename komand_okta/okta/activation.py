"""Activate and reactivate: the lifecycle calls that may hand back an activation link and token.

With `sendEmail=false` Okta answers `{activationUrl, activationToken}`; those are secrets shown
once, returned only in the action's outputs and never logged. An ACTIVE user, or Okta's 403
E0000016 (already activated), is a success without an activation. Reactivation works only for
PROVISIONED or RECOVERY users; Okta's 403 E0000038 for any other status is an error that says
so and names what to run instead.
"""
from .http.errors import OktaError
from .lifecycle import already, already_by_answer

WRONG_STATUS = "E0000038"
REACTIVATE_ASSISTANCE = ("Reactivate User works only for users who are PROVISIONED or RECOVERY; user %s is %s. "
                         "Use Activate User for a STAGED or DEPROVISIONED user, and Unsuspend User or Unlock User "
                         "for a SUSPENDED or LOCKED_OUT one.")


def activate(client, user: dict, operation: str, send_email: bool, log=None) -> dict:
    """`operation` is "activate" or "reactivate"; the action's output."""
    if already(user, operation, log):
        return {"success": True}
    try:
        answer = client.post(client.path("users", user["id"], "lifecycle", operation),
                             params={"sendEmail": bool(send_email)})
    except OktaError as exc:
        if already_by_answer(user, operation, exc, log):
            return {"success": True}
        if operation == "reactivate" and exc.code == WRONG_STATUS:
            raise OktaError(exc.cause, REACTIVATE_ASSISTANCE % (user["id"], user.get("status")), exc.data,
                            status=exc.status, code=exc.code) from None
        raise
    output = {"success": True}
    if not send_email:
        answer = answer or {}
        output.update({"activation_url": answer.get("activationUrl"), "activation_token": answer.get("activationToken")})
        if not output["activation_url"] and not output["activation_token"]:
            raise OktaError("Okta %sd user %s but returned no activation link." % (operation, user["id"]),
                            "Run Reactivate User to issue a new link, or set send email to true.")
    if log is not None:
        log.info("%s user %s (status was %s); %s.", "Activated" if operation == "activate" else "Reactivated",
                 user["id"], user.get("status"),
                 "Okta emails the activation link" if send_email else "the activation link is in the output")
    return output
