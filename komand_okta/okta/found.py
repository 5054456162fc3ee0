"""What every resource's `resolve(client, ref)` answers: the one object named, or why there is none.

An analyst names a user, group, app, zone, hook or role by an id, a login, an email or a name.
For actions a miss is a result, not an error: the playbook branches on it. So each resolve
answers a `Found`, the same for every kind: the object (`item`), or None with the `message`
saying why, worded for the analyst; a name several objects share is a miss too, with the
objects in `shared`. `komand_okta.outputs.not_found` turns a miss into an action's output.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    item: object = None
    message: str = ""
    shared: tuple = ()  # the objects carrying a name that therefore identifies none of them

    def __bool__(self) -> bool:
        return self.item is not None


def one(find, client, text: str, ambiguous: type, not_found: str) -> Found:
    """The Found for `find(client, text)`: its object, or why not.

    `ambiguous` is the ClientError subclass `find` raises for a shared name (its cause and
    assistance become the message); `not_found` is a template with one %s for the stripped text.
    """
    try:
        item = find(client, text)
    except ambiguous as exc:
        return Found(None, "%s %s" % (exc.cause, exc.assistance))
    if item is None:
        return Found(None, not_found % (text or "").strip())
    return Found(item)
