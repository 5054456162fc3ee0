"""A large envelope is written in pieces, and the text is exactly json.dumps's."""

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from komand_okta.runtime import jsonstream

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(JSON)
def test_the_pieces_join_to_exactly_what_json_dumps_writes(value):
    assert "".join(jsonstream.pieces(value)) == json.dumps(value)


def test_a_long_list_in_the_output_is_written_item_by_item_not_as_one_string():
    envelope = {"body": {"output": {"groups": [{"id": str(n)} for n in range(1000)]}}}
    stream = io.StringIO()
    writes = []
    stream.write = lambda text: writes.append(text)
    stream.flush = lambda: None
    jsonstream.write_line(stream, envelope)
    assert len(writes) > 1000 and max(len(text) for text in writes) < 100
    assert json.loads("".join(writes)) == envelope
