"""The ``demo`` org: a realistic small company for the demo story and tests.

Why: the SOAR demo needs a compromised user (Jane Doe) whose Okta Verify push
is denied, a privileged group she sits in, a blocklist zone to add the
attacker's IP to, and around her a believable org: ~50 users in every status,
~10 groups, apps with assignments, factors, admin roles, IdPs, event hooks and
a System Log history.  Jane's compromise left a footprint to contain: a session from the
attacker's IP, an Okta Verify enrollment on the attacker's PC, a consent-phishing grant and
refresh token, an API token, a MEDIUM risk (the org has Identity Engine and ITP).  Key ids and
names are constants so scripts can use them.
Only example.com / example.net names are used.
"""

# --- the demo story ---------------------------------------------------------
JANE_LOGIN = "jane.doe@example.com"
JANE_ID = "00udemoJaneDoe0001d7"
JANE_PUSH_FACTOR_ID = "opfdemoJanePush001d7"
JANE_SMS_FACTOR_ID = "smsdemoJaneSms0001d7"
JANE_TOTP_FACTOR_ID = "ostdemoJaneTotp001d7"
JANE_TOTP_PASSCODE = "246810"
PRIVILEGED_GROUP_NAME = "Privileged Admins"
PRIVILEGED_GROUP_ID = "00gdemoPrivAdmins1d7"
BLOCKLIST_ZONE_NAME = "SOAR Blocklist"
BLOCKLIST_ZONE_ID = "nzodemoSoarBlock01d7"
ATTACKER_IP = "203.0.113.66"
# An enhanced dynamic (DYNAMIC_V2) zone: anonymizers, and traffic from outside North America.
ANONYMIZER_ZONE_NAME = "Anonymizers and foreign traffic"
ANONYMIZER_ZONE_ID = "nzodemoAnonymize01d7"
# A second user whose push is approved after two polls.
JOHN_LOGIN = "john.smith@example.com"
JOHN_ID = "00udemoJohnSmith01d7"
JOHN_PUSH_FACTOR_ID = "opfdemoJohnPush001d7"
JOHN_PENDING_PUSH_ID = "v2mdemoJohnPushNM1d7"  # a number-matching push waiting for John (answer 42)
# A user whose push is never answered (times out) and one the control API decides.
TIMEOUT_USER_LOGIN = "tom.timeout@example.com"
MANUAL_USER_LOGIN = "mary.manual@example.com"
ADMIN_LOGIN = "admin@example.com"
SIEM_HOOK_ID = "whodemoSiemHook001d7"
SALESFORCE_APP_ID = "0oademoSalesforce1d7"
SMS_PASSCODE = "123456"

# --- the hunt: what the attacker left behind, and the defences they turned down ---------
# A group rule puts every @example.net account (Sam Sales, the attacker's foothold) into AWS
# Production Access, which reaches the AWS Console (group rules cannot target Okta admin groups).
PROD_ACCESS_GROUP_NAME = "AWS Production Access"
PROD_ACCESS_GROUP_ID = "00gdemoAwsProd0001d7"
ROGUE_RULE_ID = "0prdemoRogueRule01d7"
ROGUE_RULE_NAME = "Contractor access sync"
ROGUE_RULE_EXPRESSION = 'String.stringContains(user.email, "@example.net")'
ROGUE_RULE_MEMBER_LOGIN = "sam.sales@example.net"  # the user the rogue rule added to that group
ENGINEERING_RULE_ID = "0prdemoEngRule0001d7"  # ACTIVE, benign (adds no one new)
FINANCE_RULE_ID = "0prdemoFinRule0001d7"  # INACTIVE, benign
ROGUE_ORIGIN_ID = "tosdemoRogueOrig01d7"
ROGUE_ORIGIN_NAME = "SSO helper"
ROGUE_ORIGIN = "https://okta-sso-login.example.net"  # CORS + REDIRECT, created by Jane's session
PORTAL_ORIGIN_ID = "tosdemoPortal00001d7"  # the company portal, legitimate
DISABLED_BEHAVIOR_ID = "abhdemoNewDevice01d7"  # "New Device" detection, turned off
DISABLED_BEHAVIOR_NAME = "New Device"
THREAT_INSIGHT_ACTION = "audit"  # excluded zone: Corporate Network
CORPORATE_ZONE_NAME = "Corporate Network"
BLOCKED_USER_ID = JOHN_ID  # blocked on UNKNOWN_DEVICES (password spray)
MANAGER_RELATIONSHIP = "manager"
SUBORDINATE_RELATIONSHIP = "subordinate"
JANE_MANAGER_LOGIN = "erin.clark@example.com"  # manager of Jane and John
ROGUE_API_TOKEN_ID = "00TdemoRogueTok001d7"  # minted in Jane's hijacked session
ROGUE_API_TOKEN_NAME = "Backup sync"

# --- identity threat response: Jane's footprint to contain (Identity Engine + ITP org) ----
SOAR_API_TOKEN_ID = "00T00000000000000000"  # the simulator's first accepted token
SIEM_API_TOKEN_ID = "00TdemoSiemToken01d7"  # the admin's SIEM export token (benign)
JANE_ATTACKER_SESSION_ID = "102demoJaneAttacker0001d7"  # from ATTACKER_IP, the log's externalSessionId
JANE_LAPTOP_SESSION_ID = "102demoJaneLaptop000001d7"  # Jane's own, from the office
JOHN_SESSION_ID = "102demoJohnSmith0000001d7"
GITHUB_APP_ID = "0oademoGitHubEnt01d7"  # OIDC client Jane legitimately uses
MAIL_SYNC_APP_ID = "0oademoMailSync001d7"  # the consent-phishing OIDC client
MAIL_SYNC_APP_LABEL = "Mail Sync Pro"
JANE_MAIL_SYNC_GRANT_ID = "oagdemoJaneMailSy1d7"  # offline_access consented to Mail Sync Pro
JANE_MAIL_SYNC_TOKEN_ID = "oardemoJaneMailSy1d7"  # the stolen refresh token
JANE_GITHUB_TOKEN_ID = "oardemoJaneGitHub1d7"
JANE_IPHONE_DEVICE_ID = "guodemoJaneIPhone1d7"  # carries JANE_PUSH_FACTOR_ID (device-bound)
JANE_LAPTOP_DEVICE_ID = "guodemoJaneMacBk01d7"
ATTACKER_DEVICE_ID = "guodemoAttackerPC1d7"  # Okta Verify enrolled from the attacker's PC
ATTACKER_DEVICE_NAME = "DESKTOP-7QK2M9X"
ATTACKER_OV_ENROLLMENT_ID = "pfddemoAttackerOV1d7"  # authenticator enrollment bound to it
JANE_WEBAUTHN_ENROLLMENT_ID = "fwfdemoJaneYubiky1d7"
JOHN_IPHONE_DEVICE_ID = "guodemoJohnIPhone1d7"  # carries JOHN_PUSH_FACTOR_ID
RETIRED_DEVICE_ID = "guodemoRetiredPix1d7"  # DEACTIVATED, can be deleted
JANE_RISK_LEVEL = "MEDIUM"  # before containment raises it to HIGH

GROUPS = [
    {
        "id": PRIVILEGED_GROUP_ID,
        "name": PRIVILEGED_GROUP_NAME,
        "description": "Members hold admin roles in Okta and production",
        "roles": ["ORG_ADMIN"],
    },
    {"name": "Engineering", "description": "Product engineering"},
    {"name": "Sales", "description": "Sales and account management"},
    {"name": "Marketing", "description": "Marketing"},
    {"name": "Finance", "description": "Finance and accounting"},
    {"name": "Human Resources", "description": "People team"},
    {"name": "IT Support", "description": "Help desk"},
    {"name": "Contractors", "description": "External contractors"},
    {"name": "VPN Users", "description": "Allowed to use the corporate VPN"},
    {"name": "Executives", "description": "Leadership team"},
    {
        "id": PROD_ACCESS_GROUP_ID,
        "name": PROD_ACCESS_GROUP_NAME,
        "description": "Administer the production AWS account",
    },
]

APPS = [
    {
        "id": SALESFORCE_APP_ID,
        "name": "salesforce",
        "label": "Salesforce",
        "signOnMode": "SAML_2_0",
        "groups": ["Sales"],
    },
    {"name": "slack", "label": "Slack", "signOnMode": "SAML_2_0", "groups": ["Everyone"]},
    {
        "id": GITHUB_APP_ID,
        "key": "github_enterprise",
        "name": "oidc_client",
        "label": "GitHub Enterprise",
        "signOnMode": "OPENID_CONNECT",
        "groups": ["Engineering"],
    },
    {
        "name": "amazon_aws",
        "label": "AWS Console",
        "signOnMode": "SAML_2_0",
        "groups": [PRIVILEGED_GROUP_NAME, PROD_ACCESS_GROUP_NAME],
    },
    {"name": "workday", "label": "Workday", "signOnMode": "SAML_2_0", "groups": ["Human Resources"]},
    {
        "name": "bookmark",
        "label": "Company Wiki",
        "signOnMode": "BOOKMARK",
        "settings": {"requestIntegration": False, "url": "https://wiki.example.com"},
    },
    {"name": "zoom", "label": "Zoom (retired)", "signOnMode": "SAML_2_0", "status": "INACTIVE"},
    {
        "id": MAIL_SYNC_APP_ID,
        "key": "mail_sync",
        "name": "oidc_client",
        "label": MAIL_SYNC_APP_LABEL,
        "signOnMode": "OPENID_CONNECT",
        "created_days_ago": 0.03,
    },
]

FIRST = [
    "Alice",
    "Bob",
    "Carol",
    "Dan",
    "Erin",
    "Frank",
    "Grace",
    "Heidi",
    "Ivan",
    "Judy",
    "Ken",
    "Laura",
    "Mallory",
    "Niaj",
    "Olivia",
    "Peggy",
    "Quentin",
    "Rupert",
    "Sybil",
    "Trent",
    "Uma",
    "Victor",
    "Walter",
    "Xena",
    "Yvonne",
    "Zach",
    "Amir",
    "Bea",
    "Chen",
    "Dara",
    "Eli",
    "Fatima",
    "Gus",
    "Hana",
    "Igor",
    "Jin",
    "Kofi",
    "Lena",
    "Mo",
    "Nina",
    "Omar",
    "Priya",
    "Raj",
    "Sofia",
    "Theo",
]
LAST = [
    "Anderson",
    "Brown",
    "Clark",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ito",
    "Jensen",
    "Kim",
    "Lopez",
    "Moore",
    "Nguyen",
    "Okafor",
    "Patel",
    "Quinn",
    "Rossi",
    "Singh",
    "Taylor",
    "Ueda",
    "Vargas",
    "White",
    "Xu",
    "Young",
    "Zimmer",
]
DEPTS = ["Engineering", "Sales", "Marketing", "Finance", "Human Resources", "IT Support", "Contractors"]
# Status mix for the 45 generated users (the named users below come on top).
STATUSES = (
    ["ACTIVE"] * 28
    + ["STAGED"] * 3
    + ["PROVISIONED"] * 3
    + ["RECOVERY"] * 2
    + ["PASSWORD_EXPIRED"] * 2
    + ["LOCKED_OUT"] * 2
    + ["SUSPENDED"] * 2
    + ["DEPROVISIONED"] * 3
)


def _generated_users() -> list:
    users = []
    for i, status in enumerate(STATUSES):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
        login = f"{first.lower()}.{last.lower()}@example.com"
        dept = DEPTS[i % len(DEPTS)]
        u = {
            "login": login,
            "firstName": first,
            "lastName": last,
            "status": status,
            "password": "Passw0rd!Sim" if status not in ("STAGED", "PROVISIONED") else None,
            "groups": [dept] + (["VPN Users"] if i % 3 == 0 else []),
            "profile": {
                "department": dept,
                "title": "Staff",
                "mobilePhone": f"+1555010{i:04d}",
                "employeeNumber": str(10000 + i),
            },
            "created_days_ago": 300 - i * 5,
            "status_days_ago": (i % 20) + 1,
            "last_login_days_ago": (i % 9) + 1 if status == "ACTIVE" else None,
        }
        if dept == "Sales":
            u["apps"] = ["salesforce"]
        if dept == "Engineering":
            u["apps"] = ["github_enterprise"]
        if status == "ACTIVE":
            u["factors"] = [{"type": "push", "behaviour": {"behaviour": "approve_after", "polls": 1 + i % 3}}]
            if i % 2 == 0:
                u["factors"].append({"type": "sms"})
            if i % 4 == 0:
                u["factors"].append({"type": "token:software:totp", "provider": "GOOGLE"})
        if i == 4:
            u["groups"].append("Executives")
        users.append(u)
    return users


def _named_users() -> list:
    return [
        {
            "id": JANE_ID,
            "login": JANE_LOGIN,
            "firstName": "Jane",
            "lastName": "Doe",
            "status": "ACTIVE",
            "password": "Passw0rd!Jane",
            "groups": ["Engineering", PRIVILEGED_GROUP_NAME, "VPN Users"],
            "profile": {
                "department": "Engineering",
                "title": "Site Reliability Lead",
                "mobilePhone": "+15550100001",
                "employeeNumber": "4242",
            },
            "recovery_question": "What is the food you least liked as a child?",
            "factors": [
                {"id": JANE_PUSH_FACTOR_ID, "type": "push", "behaviour": {"behaviour": "reject_after", "polls": 1}},
                {
                    "id": JANE_SMS_FACTOR_ID,
                    "type": "sms",
                    "profile": {"phoneNumber": "+15550100001"},
                    "behaviour": {"passCode": SMS_PASSCODE},
                },
                {
                    "id": JANE_TOTP_FACTOR_ID,
                    "type": "token:software:totp",
                    "behaviour": {"passCode": JANE_TOTP_PASSCODE},
                },
            ],
            "roles": ["SUPER_ADMIN"],
            "apps": ["amazon_aws", "github_enterprise", "salesforce"],
            "created_days_ago": 720,
            "status_days_ago": 400,
            "last_login_days_ago": 0,
        },
        {
            "id": JOHN_ID,
            "login": JOHN_LOGIN,
            "firstName": "John",
            "lastName": "Smith",
            "status": "ACTIVE",
            "password": "Passw0rd!John",
            "groups": ["IT Support", PRIVILEGED_GROUP_NAME],
            "profile": {"department": "IT Support", "title": "Help Desk Lead", "mobilePhone": "+15550100002"},
            "factors": [
                {"id": JOHN_PUSH_FACTOR_ID, "type": "push", "behaviour": {"behaviour": "approve_after", "polls": 2}},
                {"type": "sms"},
            ],
            "roles": ["HELP_DESK_ADMIN"],
            "apps": ["amazon_aws"],
            "created_days_ago": 600,
            "last_login_days_ago": 1,
        },
        {
            "login": TIMEOUT_USER_LOGIN,
            "firstName": "Tom",
            "lastName": "Timeout",
            "status": "ACTIVE",
            "password": "Passw0rd!Tom",
            "groups": ["Marketing"],
            "factors": [{"type": "push", "behaviour": {"behaviour": "timeout"}}],
            "last_login_days_ago": 3,
        },
        {
            "login": MANUAL_USER_LOGIN,
            "firstName": "Mary",
            "lastName": "Manual",
            "status": "ACTIVE",
            "password": "Passw0rd!Mary",
            "groups": ["Finance"],
            "factors": [{"type": "push", "behaviour": {"behaviour": "manual"}}],
            "roles": ["READ_ONLY_ADMIN"],
            "last_login_days_ago": 2,
        },
        {
            "login": "sam.sales@example.net",
            "firstName": "Sam",
            "lastName": "Sales",
            "status": "ACTIVE",
            "password": "Passw0rd!Sam",
            "groups": ["Sales", "Contractors"],
            "apps": ["salesforce"],
            "factors": [{"type": "email"}],
            "last_login_days_ago": 5,
        },
    ]


def _logs() -> list:
    logs = []
    for d in range(30, 0, -1):
        logs.append({"eventType": "user.session.start", "user": JANE_LOGIN, "actor": JANE_LOGIN, "days_ago": d + 0.3})
        logs.append({"eventType": "user.session.start", "user": JOHN_LOGIN, "actor": JOHN_LOGIN, "days_ago": d + 0.5})
    logs += [
        {"eventType": "user.lifecycle.create", "user": JANE_LOGIN, "days_ago": 45},
        {"eventType": "group.user_membership.add", "user": JANE_LOGIN, "group": PRIVILEGED_GROUP_NAME, "days_ago": 40},
        {"eventType": "user.account.privilege.grant", "user": JANE_LOGIN, "days_ago": 40},
        {
            "eventType": "user.session.start",
            "user": JANE_LOGIN,
            "actor": JANE_LOGIN,
            "days_ago": 0.02,
            "outcome": "SUCCESS",
            "severity": "WARN",
            "reason": f"Sign-in from unusual IP {ATTACKER_IP}",
            "session": JANE_ATTACKER_SESSION_ID,
            "ip": ATTACKER_IP,
        },
        {
            "eventType": "user.mfa.okta_verify.deny_push",
            "user": JANE_LOGIN,
            "actor": JANE_LOGIN,
            "days_ago": 0.019,
            "outcome": "FAILURE",
            "severity": "WARN",
            "reason": "User rejected Okta push verify",
        },
        {"eventType": "user.account.lock", "user": "laura.lopez@example.com", "days_ago": 2, "severity": "WARN"},
        {"eventType": "zone.update", "days_ago": 7},
    ]
    return logs


def _api_tokens() -> list:
    """Every API token of the demo org beside the simulator's own (issues 12 and 13 add theirs here)."""
    return [
        {"id": ROGUE_API_TOKEN_ID, "name": ROGUE_API_TOKEN_NAME, "owner": JANE_LOGIN, "days_ago": 0.015},
        {"id": SIEM_API_TOKEN_ID, "name": "SIEM log export", "owner": ADMIN_LOGIN, "days_ago": 200},
    ]


def _footprint() -> dict:
    """Jane's sessions, devices, authenticators, OAuth consents and tokens, and risk (see ``itr``)."""
    attack = 0.018  # days ago: the attacker's device enrollment, just after the sign-in
    return {
        "features": {"identity_engine": True, "itp": True},
        "sessions": [
            {"id": JANE_ATTACKER_SESSION_ID, "user": JANE_LOGIN, "ip": ATTACKER_IP, "minutes_ago": 29},
            {
                "id": JANE_LAPTOP_SESSION_ID,
                "user": JANE_LOGIN,
                "ip": "10.20.30.40",
                "minutes_ago": 95,
                "amr": ["pwd", "mfa", "swk"],
                "mfa": True,
            },
            {
                "id": JOHN_SESSION_ID,
                "user": JOHN_LOGIN,
                "ip": "10.20.30.41",
                "minutes_ago": 60,
                "amr": ["pwd", "mfa", "swk"],
                "mfa": True,
            },
        ],
        "devices": [
            {
                "id": JANE_IPHONE_DEVICE_ID,
                "displayName": "Jane's iPhone",
                "platform": "IOS",
                "days_ago": 300,
                "profile": {
                    "manufacturer": "Apple",
                    "model": "iPhone15,2",
                    "osVersion": "17.2",
                    "udid": "5B2D3C4E-1A2B-4C5D-8E9F-0A1B2C3D4E5F",
                    "secureHardwarePresent": True,
                    "diskEncryptionType": "FULL",
                },
                "users": [{"login": JANE_LOGIN, "managed": True}],
                "factors": [JANE_PUSH_FACTOR_ID],
            },
            {
                "id": JANE_LAPTOP_DEVICE_ID,
                "displayName": "JDOE-MBP",
                "platform": "MACOS",
                "days_ago": 400,
                "profile": {
                    "manufacturer": "Apple",
                    "model": "MacBookPro18,3",
                    "osVersion": "14.2.1",
                    "serialNumber": "C02DEMO1MD6D",
                    "diskEncryptionType": "ALL_INTERNAL_VOLUMES",
                },
                "users": [{"login": JANE_LOGIN, "managed": True}],
            },
            {
                "id": ATTACKER_DEVICE_ID,
                "displayName": ATTACKER_DEVICE_NAME,
                "platform": "WINDOWS",
                "days_ago": attack,
                "profile": {
                    "manufacturer": "Generic",
                    "model": "Virtual Machine",
                    "osVersion": "10.0.19045",
                    "sid": "S-1-5-21-1004336348-1177238915-682003330-1001",
                    "diskEncryptionType": "NONE",
                },
                "users": [{"login": JANE_LOGIN, "screenLockType": "NONE"}],
            },
            {
                "id": JOHN_IPHONE_DEVICE_ID,
                "displayName": "John's iPhone",
                "platform": "IOS",
                "days_ago": 250,
                "profile": {"manufacturer": "Apple", "model": "iPhone14,5", "osVersion": "17.1"},
                "users": [{"login": JOHN_LOGIN, "managed": True}],
                "factors": [JOHN_PUSH_FACTOR_ID],
            },
            {
                "id": RETIRED_DEVICE_ID,
                "displayName": "Pixel 6 (retired)",
                "platform": "ANDROID",
                "days_ago": 500,
                "status": "DEACTIVATED",
                "profile": {"manufacturer": "Google", "model": "Pixel 6", "osVersion": "13"},
            },
        ],
        "authenticator_enrollments": [
            {
                "id": ATTACKER_OV_ENROLLMENT_ID,
                "user": JANE_LOGIN,
                "key": "okta_verify",
                "device": ATTACKER_DEVICE_ID,
                "nickname": ATTACKER_DEVICE_NAME,
                "days_ago": attack,
            },
            {
                "id": JANE_WEBAUTHN_ENROLLMENT_ID,
                "user": JANE_LOGIN,
                "key": "webauthn",
                "nickname": "YubiKey 5C",
                "days_ago": 300,
            },
        ],
        "grants": [
            *(
                {"user": JANE_LOGIN, "client": MAIL_SYNC_APP_LABEL, "scope": scope, "days_ago": 0.017}
                for scope in ("openid", "profile", "email", "okta.users.read.self")
            ),
            {
                "id": JANE_MAIL_SYNC_GRANT_ID,
                "user": JANE_LOGIN,
                "client": MAIL_SYNC_APP_LABEL,
                "scope": "offline_access",
                "days_ago": 0.017,
            },
            *(
                {"user": JANE_LOGIN, "client": "GitHub Enterprise", "scope": scope, "days_ago": 200}
                for scope in ("openid", "profile", "email")
            ),
            {"user": JOHN_LOGIN, "client": "GitHub Enterprise", "scope": "openid", "days_ago": 100},
        ],
        "refresh_tokens": [
            {
                "id": JANE_MAIL_SYNC_TOKEN_ID,
                "user": JANE_LOGIN,
                "client": MAIL_SYNC_APP_LABEL,
                "scopes": ["offline_access", "okta.users.read.self"],
                "days_ago": 0.017,
            },
            {
                "id": JANE_GITHUB_TOKEN_ID,
                "user": JANE_LOGIN,
                "client": "GitHub Enterprise",
                "scopes": ["openid", "offline_access"],
                "days_ago": 3,
            },
            {"user": JOHN_LOGIN, "client": "GitHub Enterprise", "scopes": ["openid", "offline_access"], "days_ago": 5},
        ],
        "risk": [
            {"user": JANE_LOGIN, "level": JANE_RISK_LEVEL, "reason": "Anomalous sign-in from a new device"},
            {"user": "sam.sales@example.net", "level": "LOW"},
        ],
    }


def _hunt() -> dict:
    """The persistence the hunt finds (rogue rule, origin, disabled detection) among benign objects."""
    attack = 0.015  # days ago: just after the attacker's sign-in
    return {
        "group_rules": [
            {
                "id": ENGINEERING_RULE_ID,
                "name": "Engineering department",
                "status": "ACTIVE",
                "expression": 'user.department == "Engineering"',
                "groups": ["Engineering"],
                "created_days_ago": 200,
            },
            {
                "id": FINANCE_RULE_ID,
                "name": "Finance department",
                "expression": 'user.department == "Finance"',
                "groups": ["Finance"],
                "created_days_ago": 150,
            },
            {
                "id": ROGUE_RULE_ID,
                "name": ROGUE_RULE_NAME,
                "status": "ACTIVE",
                "expression": ROGUE_RULE_EXPRESSION,
                "groups": [PROD_ACCESS_GROUP_NAME],
                "created_days_ago": attack,
            },
        ],
        "trusted_origins": [
            {
                "id": PORTAL_ORIGIN_ID,
                "name": "Company portal",
                "origin": "https://portal.example.com",
                "created_days_ago": 300,
            },
            {
                "id": ROGUE_ORIGIN_ID,
                "name": ROGUE_ORIGIN_NAME,
                "origin": ROGUE_ORIGIN,
                "created_by": JANE_LOGIN,
                "created_days_ago": attack,
            },
        ],
        "behaviors": [{"name": DISABLED_BEHAVIOR_NAME, "id": DISABLED_BEHAVIOR_ID, "status": "INACTIVE"}],
        "threat_insight": {"action": THREAT_INSIGHT_ACTION, "exclude_zones": [CORPORATE_ZONE_NAME]},
        "user_blocks": [{"user": JOHN_LOGIN, "applies_to": "UNKNOWN_DEVICES"}],
        "linked_objects": [
            {
                "primary": {"name": MANAGER_RELATIONSHIP, "title": "Manager", "description": "Manager link property"},
                "associated": {
                    "name": SUBORDINATE_RELATIONSHIP,
                    "title": "Subordinate",
                    "description": "Subordinate link property",
                },
                "links": {JANE_MANAGER_LOGIN: [JANE_LOGIN, JOHN_LOGIN]},
            }
        ],
    }


def org_dict() -> dict:
    return {
        "org": {"name": "Example Corp (oktasim demo)", "subdomain": "example"},
        "push_default": {"behaviour": "approve_after", "polls": 2},
        "groups": GROUPS,
        "apps": APPS,
        "users": _named_users() + _generated_users(),
        "zones": [
            {
                "id": BLOCKLIST_ZONE_ID,
                "type": "IP",
                "name": BLOCKLIST_ZONE_NAME,
                "usage": "BLOCKLIST",
                "gateways": [
                    {"type": "CIDR", "value": "198.51.100.0/24"},
                    {"type": "RANGE", "value": "192.0.2.10-192.0.2.20"},
                ],
            },
            {
                "type": "IP",
                "name": CORPORATE_ZONE_NAME,
                "usage": "POLICY",
                "gateways": [{"type": "CIDR", "value": "10.0.0.0/8"}],
                "proxies": [{"type": "CIDR", "value": "172.16.0.1/32"}],
            },
            {
                "type": "DYNAMIC",
                "name": "Sanctioned Countries",
                "usage": "BLOCKLIST",
                "locations": [{"country": "KP", "region": None}],
                "proxyType": None,
            },
            {
                "type": "DYNAMIC",
                "name": "Tor Exit Nodes",
                "usage": "POLICY",
                "proxyType": "TorAnonymizer",
                "status": "INACTIVE",
            },
            {
                "id": ANONYMIZER_ZONE_ID,
                "type": "DYNAMIC_V2",
                "name": ANONYMIZER_ZONE_NAME,
                "usage": "POLICY",
                "ipServiceCategories": {"include": ["ALL_ANONYMIZERS"], "exclude": []},
                "locations": {"exclude": [{"country": "US"}, {"country": "CA"}]},
            },
        ],
        "idps": [
            {"name": "Corporate Azure AD", "type": "MICROSOFT"},
            {"name": "Google Workspace", "type": "GOOGLE"},
            {"name": "Partner SAML", "type": "SAML2", "status": "INACTIVE"},
        ],
        "hooks": [
            {
                "id": SIEM_HOOK_ID,
                "name": "SIEM forwarder",
                "uri": "https://siem.example.com/okta/hook",
                "events": [
                    "user.lifecycle.deactivate",
                    "user.lifecycle.suspend",
                    "user.session.clear",
                    "group.user_membership.remove",
                ],
                "status": "INACTIVE",
                "verified": True,
            },
        ],
        "user_types": [{"name": "contractor", "displayName": "Contractor", "description": "External staff"}],
        "realms": [{"name": "Partners"}],
        "policies": [
            {
                "name": "Admins MFA",
                "type": "MFA_ENROLL",
                "priority": 1,
                "groups": [PRIVILEGED_GROUP_NAME],
                "description": "Admins enroll Okta Verify",
                "rules": ["Require push"],
            },
            {
                "name": "Block blocklisted zones",
                "type": "ACCESS_POLICY",
                "priority": 2,
                "description": "Deny sign-in from the SOAR blocklist",
                "rules": ["Deny blocklist"],
            },
        ],
        "logs": _logs(),
        "api_tokens": _api_tokens(),
        "push_transactions": [
            {"id": JOHN_PENDING_PUSH_ID, "user_id": JOHN_ID, "factor_id": JOHN_PUSH_FACTOR_ID, "correct_answer": 42}
        ],
        **_hunt(),
        **_footprint(),
    }
