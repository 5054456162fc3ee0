"""String literals for Okta's expression languages (`search=`, `filter=`).

Every resource that builds an expression around what an analyst typed (a login, a group name, a
realm name, a user id) quotes it here, so a quote or backslash in it can never end the literal
and change the expression.
"""


def quoted(value) -> str:
    """`value` as a double-quoted string literal: backslashes and double quotes escaped."""
    return '"%s"' % str(value).replace("\\", "\\\\").replace('"', '\\"')
