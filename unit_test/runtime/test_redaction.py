"""Secrets from the connection and input never reach logs or errors."""

from komand_okta.runtime.redact import MASK, Redactor
from komand_okta.runtime.steplog import StepLog


def test_connection_credentials_are_masked_in_text():
    redact = Redactor()
    redact.add_message({"okta_key": {"secretKey": "s3cr3t-token"}}, {"okta_key": {"type": "credential_secret_key"}}, {})
    assert redact("token s3cr3t-token leaked") == "token %s leaked" % MASK


def test_input_values_under_secret_names_are_masked_at_any_depth():
    redact = Redactor()
    redact.add_message(
        {},
        {},
        {
            "credentials": {
                "password": {"value": "Hunter2!pw"},
                "recovery_question": {"question": "q", "answer": "blue-cat"},
            }
        },
    )
    assert redact("Hunter2!pw blue-cat") == "%s %s" % (MASK, MASK)


def test_ordinary_input_values_are_not_masked():
    redact = Redactor()
    redact.add_message({}, {}, {"email": "user@example.com"})
    assert redact("user@example.com") == "user@example.com"


def test_very_short_values_are_not_treated_as_secrets():
    redact = Redactor()
    redact.add("ab")
    assert redact("about abba") == "about abba"


def test_the_step_log_masks_secrets_in_what_it_keeps_and_what_it_prints():
    import io

    redact = Redactor()
    redact.add("topsecret99")
    stream = io.StringIO()
    log = StepLog(redact, stream=stream)
    log.info("using %s", "topsecret99")
    assert "topsecret99" not in log.text() and "topsecret99" not in stream.getvalue()


def test_an_envelope_echoing_the_connection_secret_is_masked_in_every_string_and_member_name():
    from komand_okta.runtime.redact import connection_masked

    message = {"body": {"connection": {"okta_key": {"secretKey": "s3cr3t-token"}}}}
    envelope = {
        "body": {"output": {"headers": {"Authorization": "SSWS s3cr3t-token", "s3cr3t-token": ["s3cr3t-token"]}}}
    }
    masked = connection_masked(envelope, message, {"okta_key": {"type": "credential_secret_key"}})
    assert masked == {"body": {"output": {"headers": {"Authorization": "SSWS " + MASK, MASK: [MASK]}}}}
