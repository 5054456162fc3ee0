"""The plugin's connection: builds the Okta client from the connection input, and tests it."""
from komand_okta.okta.client import OktaClient
from komand_okta.okta.errors import OktaError
from komand_okta.okta.urls import normalize_base_url, normalize_token
from komand_okta.runtime import spec
from komand_okta.runtime.errors import ConnectionTestError


def user_agent() -> str:
    return "komand_okta/%s (Rapid7 InsightConnect plugin)" % spec.load().get("version", "0")


class Connection:
    def __init__(self, params: dict, log=None, clock=None, session=None):
        self.log = log
        self.base_url = normalize_base_url(params.get("okta_url"))
        token = normalize_token((params.get("okta_key") or {}).get("secretKey"))
        self.client = OktaClient(self.base_url, "SSWS " + token, user_agent=user_agent(), session=session,
                                 clock=clock, log=log)

    def test(self) -> dict:
        """One cheap authenticated read proves the domain, the token and read permission."""
        try:
            self.client.get(self.client.path("users"), params={"limit": 1})
        except OktaError as exc:
            raise ConnectionTestError(exc.cause, exc.assistance, exc.data) from None
        return {"success": True}


API_TOKEN_FIELDS = ("okta_url", "okta_key")


def sample_connection(example: dict) -> dict:
    """A sample message's connection uses the API token, the simplest of the methods."""
    return {key: value for key, value in example.items() if key in API_TOKEN_FIELDS}
