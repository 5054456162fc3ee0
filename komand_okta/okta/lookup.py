"""One Okta object named by an analyst (an id or an exact name), as actions report a miss.

Actions treat "nothing matches" and "a name several objects share" alike: not an error but a
result (found or success false) whose message says why, so a playbook can branch on it. Each
kind of object keeps its own finder and its own Ambiguous… error; this turns either outcome
into the message, once, so every action words it the same way.
"""


def found_or_message(find, client, text: str, ambiguous: type, not_found: str):
    """(object, None) when `find(client, text)` names one; else (None, why not).

    `ambiguous` is the OktaError subclass `find` raises for a shared name (its cause and
    assistance become the message); `not_found` is a template with one %s for the stripped text.
    """
    try:
        found = find(client, text)
    except ambiguous as exc:
        return None, "%s %s" % (exc.cause, exc.assistance)
    if found is None:
        return None, not_found % (text or "").strip()
    return found, None
