"""`bin/komand_okta` as the orchestrator runs it: a subprocess, a message on stdin."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "bin" / "komand_okta"


def run_bin(*args, stdin=""):
    done = subprocess.run(
        [sys.executable, str(BIN), *args], input=stdin, capture_output=True, text=True, timeout=60, cwd="/"
    )
    return done.returncode, done.stdout, done.stderr


def test_run_answers_one_error_envelope_and_exit_1_for_bad_input():
    message = {
        "type": "action_start",
        "version": "v1",
        "body": {
            "action": "get_user",
            "meta": {},
            "input": {},
            "connection": {"okta_url": "example.okta.com", "okta_key": {"secretKey": "abcd1234"}},
        },
    }
    code, out, _ = run_bin("run", stdin=json.dumps(message))
    envelope = json.loads(out)
    assert code == 1 and envelope["body"]["status"] == "error"
    assert "'email' is required but missing" in envelope["body"]["error"]


def test_run_answers_an_error_envelope_and_exit_1_for_stdin_that_is_not_json():
    code, out, _ = run_bin("run", stdin="this is not json")
    assert code == 1 and "not valid JSON" in json.loads(out)["body"]["error"]


def test_stdout_holds_only_the_envelope_and_logs_go_to_stderr():
    code, out, err = run_bin("run", stdin='{"type": "x", "version": "v1", "body": {}}')
    json.loads(out)  # the whole of stdout is one JSON document
    assert code == 1 and "ERROR" in err


def test_info_lists_the_plugin_actions_and_trigger():
    code, out, _ = run_bin("info")
    assert code == 0 and "Version:" in out and "get_user" in out and "users_added_removed_from_group" in out


def test_sample_prints_a_start_message_built_from_the_spec_examples():
    code, out, _ = run_bin("sample", "update_blacklist_zones")
    message = json.loads(out)
    assert code == 0 and message["type"] == "action_start"
    assert message["body"]["input"]["address"] and "secretKey" in message["body"]["connection"]["okta_key"]


def test_sample_of_a_trigger_includes_the_dispatcher():
    code, out, _ = run_bin("sample", "users_added_removed_from_group")
    assert code == 0 and "dispatcher" in json.loads(out)["body"]


def test_sample_of_an_unknown_step_exits_1():
    code, _, err = run_bin("sample", "nope")
    assert code == 1 and "nope" in err


def test_an_unknown_subcommand_exits_2():
    code, _, _ = run_bin("dance")
    assert code == 2


def test_run_refuses_a_lone_surrogate_escape_on_stdin_naming_the_field_without_a_traceback():
    message = (
        '{"type": "action_start", "version": "v1", "body": {"action": "get_user", "meta": {}, '
        '"input": {"email": "a\\ud800@example.com"}, '
        '"connection": {"okta_url": "example.okta.com", "okta_key": {"secretKey": "abcd1234"}}}}'
    )
    code, out, err = run_bin("run", stdin=message)
    envelope = json.loads(out)
    assert code == 1 and "Invalid input: 'email' is not valid text" in envelope["body"]["error"]
    assert "Traceback" not in out and "Traceback" not in err


def test_run_refuses_deeply_nested_json_on_stdin_with_an_error_envelope_not_a_recursion_error():
    code, out, err = run_bin("run", stdin="[" * 100_000 + "]" * 100_000)
    envelope = json.loads(out)
    assert code == 1 and "nested too deeply" in envelope["body"]["error"]
    assert "Traceback" not in out and "Traceback" not in err


def test_the_state_dir_flag_is_the_state_directory_of_the_whole_command(tmp_path, monkeypatch):
    from komand_okta.runtime import cli
    from komand_okta.runtime.state import default_state_dir

    seen = []
    monkeypatch.setattr(cli, "_command", lambda *args: seen.append(default_state_dir()) or 0)
    cli.main(["--state-dir", str(tmp_path), "info"])
    assert seen == [tmp_path] and default_state_dir() != tmp_path
