"""List Applications: GET /apps with q and filter, 200 a page (Okta's maximum), up to the limit.

Inactive applications are left out unless include_inactive is true: the filter gets
`status eq "ACTIVE"` added (the user's own filter is parenthesised and and-ed with it), unless
the user's filter already names `status`, in which case it is the user's choice and sent as is.
A limit smaller than a page asks Okta for just that many.
"""

import re

from komand_okta import inputs
from komand_okta.okta import apps as okta_apps
from komand_okta.runtime.components import Action as Base

ACTIVE = 'status eq "ACTIVE"'
NAMES_STATUS = re.compile(r'(^|[\s(])status\s', re.IGNORECASE)


def with_active_only(user_filter: str) -> str:
    if not user_filter:
        return ACTIVE
    if NAMES_STATUS.search(_outside_strings(user_filter)):
        return user_filter
    return "(%s) and %s" % (user_filter, ACTIVE)


def _outside_strings(expression: str) -> str:
    """The expression with its quoted values blanked, so a label such as "status app" is not an attribute."""
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', expression)


class Action(Base):
    def run(self, params):
        limit = params.get("limit")
        query, user_filter = inputs.text(params, "query"), inputs.text(params, "filter")
        query_params = {}
        if query:
            query_params["q"] = query
        active_filter = user_filter if params.get("include_inactive") else with_active_only(user_filter)
        if active_filter:
            query_params["filter"] = active_filter
        client = self.connection.client
        apps = [
            okta_apps.shown(app)
            for app in client.pages(client.path("apps"), query_params, page_size=okta_apps.APPS_PAGE, limit=limit)
        ]
        return {"apps": apps, "count": len(apps)}
