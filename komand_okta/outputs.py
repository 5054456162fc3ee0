"""Output conventions actions share: how "nothing matched" and "not done" read in an output.

The 3.5.1 interface answers a miss with `success: false` (change actions) or `found: false`
(read actions), most of them with a `message`. Every action says it through `not_found` (a
resolve's miss) or `not_done` (any other outcome it reports as not done: a refusal, nothing to
remove), so the shape is the one each action has always had and the message is logged alike.
"""


def not_done(message: str, log, key: str = "success") -> dict:
    """`{key: False, "message": message}`, the message logged."""
    log.info("%s", message)
    return {key: False, "message": message}


def not_found(found, log, key: str = "success", with_message: bool = True) -> dict:
    """The output for a resolve's miss (`found`, a Found): `{key: False}` plus its message unless
    the action's 3.5.1 output has none (the message is logged either way)."""
    output = not_done(found.message, log, key)
    return output if with_message else {key: False}
