"""The connection shares its rate-limit windows through a file in the state directory, named for the
org and a hash of the credential; a fake clock's windows are kept in memory only."""

from komand_okta.clock import FakeClock, SystemClock
from komand_okta.connection import RATE_FILE, Connection

TOKEN = "canary-token-7f3a9c1e5b"


def connection(token=TOKEN, clock=None):
    return Connection({"okta_url": "example.okta.com", "okta_key": {"secretKey": token}}, clock=clock)


def test_the_windows_file_is_in_the_state_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMAND_OKTA_STATE_DIR", str(tmp_path))
    assert connection(clock=SystemClock()).client.rate.shared.path == tmp_path / RATE_FILE


def test_each_credential_has_its_own_windows_named_without_the_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMAND_OKTA_STATE_DIR", str(tmp_path))
    first, second = connection().client.rate.shared.scope, connection("another-token").client.rate.shared.scope
    assert first != second and TOKEN not in first and first.startswith("https://example.okta.com ")


def test_a_fake_clock_keeps_its_windows_in_memory():
    assert connection(clock=FakeClock()).client.rate.shared is None


def test_the_state_dir_flag_places_the_windows_file_over_the_environment(tmp_path, monkeypatch):
    from komand_okta.runtime.state import chosen_state_dir

    monkeypatch.setenv("KOMAND_OKTA_STATE_DIR", str(tmp_path / "env"))
    with chosen_state_dir(str(tmp_path / "flag")):
        assert connection(clock=SystemClock()).client.rate.shared.path == tmp_path / "flag" / RATE_FILE
