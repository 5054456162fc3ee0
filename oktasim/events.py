"""Okta-shaped System Log events (the LogEvent object of api_facts §8).

Why: every mutating call writes one, ``/api/v1/logs`` serves them and event
hooks deliver them; one builder keeps the shape identical everywhere.
"""

import uuid as _uuid

# eventType -> (displayMessage, legacyEventType or None)
EVENT_TYPES = {
    "user.lifecycle.create": ("Create Okta user", "core.user.config.user_creation.success"),
    "user.lifecycle.activate": ("Activate Okta user", "core.user.config.user_activated"),
    "user.lifecycle.reactivate": ("Reactivate Okta user", "core.user.config.user_reactivated"),
    "user.lifecycle.deactivate": ("Deactivate Okta user", "core.user.config.user_deactivated"),
    "user.lifecycle.suspend": ("Suspend Okta user", "core.user.config.user_suspended"),
    "user.lifecycle.unsuspend": ("Unsuspend Okta user", "core.user.config.user_unsuspended"),
    "user.lifecycle.delete.initiated": ("Delete Okta user", None),
    "user.lifecycle.delete.completed": ("Delete Okta user completed", None),
    "user.account.update_profile": ("Update user profile for Okta", "core.user.config.profile_update.success"),
    "user.account.update_password": ("Update password for user", "core.user.config.password_update.success"),
    "user.account.reset_password": (
        "Fired when the user's Okta password is reset",
        "core.user.config.password_reset.success",
    ),
    "user.account.expire_password": ("Expire user password", "core.user.config.password_expire.success"),
    "user.account.lock": ("Max sign in attempts exceeded", "core.user_auth.account_locked"),
    "user.account.unlock": ("Unlock user account", "core.user.config.user_unlocked"),
    "user.account.privilege.grant": ("Grant user privilege", "core.user.admin_privilege.granted"),
    "user.account.privilege.revoke": ("Revoke user privilege", "core.user.admin_privilege.revoked"),
    "user.session.start": ("User login to Okta", "core.user_auth.login_success"),
    "user.session.clear": ("Clear user session", "core.user.session.clear"),
    "user.mfa.factor.deactivate": ("Reset factor for user", "core.user.factor.deactivate"),
    "user.mfa.factor.reset_all": ("Reset all factors for user", "core.user.factor.reset_all"),
    "user.mfa.okta_verify.deny_push": ("User rejected Okta push verify", "core.user.factor.push_rejected"),
    "user.authentication.auth_via_mfa": ("Authentication of user via MFA", "core.user.factor.attempt_success"),
    "system.push.send_factor_verify_push": ("Push sent to user for verification", None),
    "group.lifecycle.create": ("Create Okta group", "core.user_group.created"),
    "group.lifecycle.delete": ("Delete Okta group", "core.user_group.deleted"),
    "group.profile.update": ("Update group profile", "core.user_group.profile_updated"),
    "group.user_membership.add": ("Add user to group membership", "core.user_group_member.user_add"),
    "group.user_membership.remove": ("Remove user from group membership", "core.user_group_member.user_remove"),
    "application.user_membership.add": (
        "Add user to application membership",
        "app.generic.provision.assign_user_to_app",
    ),
    "application.user_membership.remove": (
        "Remove user from application membership",
        "app.generic.unauth_app_access_attempt",
    ),
    "application.user_membership.change_username": ("Change user's application username", None),
    "application.lifecycle.activate": ("Activate application", "app.generic.config.app_activated"),
    "application.lifecycle.deactivate": ("Deactivate application", "app.generic.config.app_deactivated"),
    "zone.create": ("Create network zone", None),
    "zone.update": ("Update network zone", None),
    "zone.activate": ("Activate network zone", None),
    "zone.deactivate": ("Deactivate network zone", None),
    "zone.delete": ("Delete network zone", None),
    "event_hook.created": ("Event hook created", None),
    "event_hook.updated": ("Event hook updated", None),
    "event_hook.deleted": ("Event hook deleted", None),
    "event_hook.activated": ("Event hook activated", None),
    "event_hook.deactivated": ("Event hook deactivated", None),
    "event_hook.verified": ("Event hook verified", None),
    "event_hook.delivery": ("Event delivery", None),
    "system.org.rate_limit.violation": ("Rate limit violation", "core.framework.ratelimit.exceeded"),
    "core.concurrency.org.limit.violation": ("Operation concurrency limit violation", None),
    "policy.lifecycle.update": ("Update policy", "policy.lifecycle.update"),
    "policy.lifecycle.create": ("Create policy", None),
    "policy.lifecycle.delete": ("Delete policy", None),
    "policy.lifecycle.activate": ("Activate policy", None),
    "policy.lifecycle.deactivate": ("Deactivate policy", None),
    "system.idp.lifecycle.activate": ("Activate IdP", None),
    "system.idp.lifecycle.deactivate": ("Deactivate IdP", None),
    "iam.resourceset.bindings.add": ("Add binding", None),
    "user.authentication.sso": ("User single sign on to app", "app.auth.sso"),
    # issue 12: containment of a compromised identity
    "user.authentication.universal_logout.scheduled": ("Universal Logout scheduled for user", None),
    "user.risk.change": ("User risk level changed", None),
    "app.oauth2.as.consent.grant": ("User granted consent to app", None),
    "app.oauth2.as.consent.revoke": ("Consent revoked", None),
    "app.oauth2.as.consent.revoke.user": ("All consent revoked for user", None),
    "app.oauth2.as.consent.revoke.user.client": ("User consent revoked for client", None),
    "app.oauth2.as.token.revoke": ("OAuth2 token revocation request", None),
    "system.api_token.create": ("Create API token", None),
    "system.api_token.update": ("Update API token", None),
    "system.api_token.revoke": ("Revoke API token", None),
    "device.enrollment.create": ("Enroll new device", None),
    "device.user.remove": ("Remove device from user", None),
    "device.lifecycle.activate": ("Activate device", None),
    "device.lifecycle.deactivate": ("Deactivate device", None),
    "device.lifecycle.suspend": ("Suspend device", None),
    "device.lifecycle.unsuspend": ("Unsuspend device", None),
    "device.lifecycle.delete": ("Delete device", None),
}

DEFAULT_CLIENT = {
    "userAgent": {"rawUserAgent": "oktasim", "os": "Unknown", "browser": "UNKNOWN"},
    "zone": "null",
    "device": "Unknown",
    "id": None,
    "ipAddress": "127.0.0.1",
    "geographicalContext": {
        "city": "San Francisco",
        "state": "California",
        "country": "United States",
        "postalCode": "94107",
        "geolocation": {"lat": 37.7749, "lon": -122.4194},
    },
}


def target(obj_id, kind, alternate_id, display_name, change=None) -> dict:
    t = {"id": obj_id, "type": kind, "alternateId": alternate_id, "displayName": display_name, "detailEntry": None}
    if change is not None:
        t["changeDetails"] = change
    return t


def build(
    event_type: str,
    published: str,
    actor: dict,
    targets=(),
    outcome="SUCCESS",
    reason=None,
    severity="INFO",
    request_id=None,
    request_uri=None,
    ip="127.0.0.1",
    user_agent="oktasim",
    message=None,
    uuid=None,
) -> dict:
    display, legacy = EVENT_TYPES.get(event_type, (event_type, None))
    client = dict(DEFAULT_CLIENT)
    client["ipAddress"] = ip
    client["userAgent"] = {"rawUserAgent": user_agent, "os": "Unknown", "browser": "UNKNOWN"}
    debug = {}
    if request_id:
        debug["requestId"] = request_id
    if request_uri:
        debug["requestUri"] = request_uri
        debug["url"] = request_uri
    return {
        "actor": actor,
        "client": client,
        "device": None,
        "authenticationContext": {
            "authenticationProvider": None,
            "credentialProvider": None,
            "credentialType": None,
            "issuer": None,
            "interface": None,
            "authenticationStep": 0,
            "externalSessionId": "unknown",
        },
        "displayMessage": message or display,
        "eventType": event_type,
        "outcome": {"result": outcome, "reason": reason},
        "published": published,
        "securityContext": {"asNumber": None, "asOrg": None, "isp": None, "domain": None, "isProxy": None},
        "severity": severity,
        "debugContext": {"debugData": debug},
        "transaction": {"type": "WEB", "id": request_id or "oktasim", "detail": {}},
        "uuid": uuid or str(_uuid.uuid4()),
        "version": "0",
        "request": {
            "ipChain": [
                {"ip": ip, "geographicalContext": dict(client["geographicalContext"]), "version": "V4", "source": None}
            ]
        },
        "target": list(targets),
        # Okta sends null for events with no legacy type; the spec types it string, so leave it out
        **({"legacyEventType": legacy} if legacy else {}),
    }
