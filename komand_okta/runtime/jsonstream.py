"""Writing a large envelope as JSON without building it as one string.

List Groups over 25,000 groups answers 18 MB of JSON; `json.dumps` of the whole envelope, the
newline added to it and the stream's encoding of it would each hold another copy. The envelope's
outer levels are written member by member and item by item, and only what lies deeper (one
group, one user) is encoded at once, with the C encoder. The text is exactly `json.dumps`'s.
"""

import json

DEPTH = 4  # envelope → body → output → a list field → its items, each encoded whole


def pieces(value, depth: int = DEPTH):
    """The text of `json.dumps(value)`, in pieces."""
    if depth and isinstance(value, dict) and value and all(isinstance(key, str) for key in value):
        separator = "{"
        for key, item in value.items():
            yield separator + json.dumps(key) + ": "
            yield from pieces(item, depth - 1)
            separator = ", "
        yield "}"
    elif depth and isinstance(value, list) and value:
        separator = "["
        for item in value:
            yield separator
            yield from pieces(item, depth - 1)
            separator = ", "
        yield "]"
    else:
        yield json.dumps(value)


def write_line(stream, value) -> None:
    """`value` as one line of JSON on `stream`, flushed."""
    for piece in pieces(value):
        stream.write(piece)
    stream.write("\n")
    stream.flush()
