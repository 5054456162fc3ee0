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
