"""List Users: every user, or those matching a query, filter or search, up to the limit.

One of `query` (Okta's `q`), `filter` or `search` may be given, not several: Okta refuses a
filter with a search (400 E0000033), and what it does with `q` next to either is undocumented,
so the combination is refused before any request. `sort_by` is refused without `search`
(Okta sorts only search results); `sort_order` is sent only with `sort_by`.

Pages are 200 users (Okta's maximum); a limit under 200 asks for exactly that many. Okta's
`q` answers one page only and defaults to 10 users, so a query always asks for up to 200
(or the limit, if smaller) and says so in the log when there may be more.
"""

from komand_okta import inputs
from komand_okta.okta.users import USERS_PAGE
from komand_okta.runtime.components import Action as Base
from komand_okta.runtime.errors import ClientError


class Action(Base):
    def run(self, params):
        query, expression, search = (inputs.text(params, key) for key in ("query", "filter", "search"))
        sort_by = inputs.text(params, "sort_by")
        limit = params.get("limit")
        given = [name for name, value in (("query", query), ("filter", expression), ("search", search)) if value]
        if len(given) > 1:
            raise ClientError(
                "Only one of query, filter and search may be given; got %s." % " and ".join(given),
                "Okta cannot combine them. Express the whole condition as one search expression, "
                'for example: status eq "ACTIVE" and profile.lastName sw "Smi".',
            )
        if sort_by and not search:
            raise ClientError(
                "Sort by (sort_by) works only together with search.",
                "Okta sorts search results only. Give a search expression, or leave sort by empty.",
            )

        params_out = {}
        if query:
            params_out["q"] = query
        elif expression:
            params_out["filter"] = expression
        elif search:
            params_out["search"] = search
            if sort_by:
                params_out.update(sortBy=sort_by, sortOrder=params["sort_order"])

        client = self.connection.client
        users = list(client.pages(client.path("users"), params_out, page_size=USERS_PAGE, limit=limit))
        if query and len(users) == USERS_PAGE and (limit is None or limit > USERS_PAGE):
            self.log.info(
                "Okta answers a query with at most %d users; more may match %r. "
                "Use a search such as profile.email sw \"…\" to list them all.",
                USERS_PAGE,
                query,
            )
        return {"users": users, "count": len(users)}
