"""The spec is parsed once per version: a JSON cache keyed by content, never stale."""

from komand_okta.runtime import spec


def write_spec(tmp_path, title):
    path = tmp_path / "plugin.spec.yaml"
    path.write_text("name: okta\ntitle: %s\n" % title)
    return path


def test_an_edited_spec_is_read_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(spec, "_cache", {})
    path = write_spec(tmp_path, "One")
    assert spec.load(path)["title"] == "One"
    monkeypatch.setattr(spec, "_cache", {})
    write_spec(tmp_path, "Two")
    assert spec.load(path)["title"] == "Two"


def test_the_cached_copy_is_used_when_the_spec_is_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(spec, "_cache", {})
    path = write_spec(tmp_path, "Cached")
    spec.load(path)
    monkeypatch.setattr(spec, "_cache", {})
    monkeypatch.setattr(spec, "parse", lambda raw: (_ for _ in ()).throw(AssertionError("parsed again")))
    assert spec.load(path)["title"] == "Cached"


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, so the cache dir cannot exist
    monkeypatch.setattr(spec, "_cache", {})
    assert spec.load(write_spec(tmp_path, "Fine"))["title"] == "Fine"


# The keys Rapid7's SpecPropertiesValidator accepts on an input or output field.
RAPID7_FIELD_KEYS = {
    "title",
    "type",
    "description",
    "required",
    "default",
    "enum",
    "order",
    "example",
    "excludeProduct",
    "placeholder",
    "tooltip",
}


def _raw_spec() -> dict:
    import yaml

    return yaml.safe_load(spec.spec_path().read_bytes())


def test_every_field_rule_names_a_field_of_the_spec():
    raw = _raw_spec()
    assert spec.merge_rules(raw, raw.get("field_rules") or {}) == []


def test_field_rules_are_merged_into_their_fields_when_the_spec_is_parsed():
    parsed = spec.parse(
        b"actions:\n  a:\n    input:\n      limit: {type: integer}\n"
        b"field_rules:\n  actions:\n    a:\n      input:\n        limit: {minimum: 1}\n"
    )
    assert parsed["actions"]["a"]["input"]["limit"] == {"type": "integer", "minimum": 1}


def test_no_step_field_carries_a_key_rapid7s_validators_refuse():
    raw = _raw_spec()
    offenders = [
        (kind, name, section, field, sorted(set(props) - RAPID7_FIELD_KEYS))
        for kind in ("actions", "triggers", "tasks")
        for name, step in (raw.get(kind) or {}).items()
        for section in ("input", "output")
        for field, props in (step.get(section) or {}).items()
        if set(props) - RAPID7_FIELD_KEYS
    ]
    assert offenders == []
