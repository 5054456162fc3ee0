"""`sample NAME`: a ready start message built from the spec's examples.

The same examples make help.md's "Example input" blocks (`helpdoc` calls `section_example`), so
what the documentation shows is exactly what `sample` prints and what the all-samples test runs.

An input whose example is empty ("", [], {} or null) documents "leave this empty": it is left
out of the message. The spec needs an example on every input (Rapid7's validators insist), and
some inputs exclude each other (an API token or OAuth; a user query, filter or search), so an
empty example is how the spec says which one the example leaves out.
"""

START_TYPES = {
    "actions": ("action_start", "action"),
    "triggers": ("trigger_start", "trigger"),
    "tasks": ("task_start", "task"),
}
PLACEHOLDERS = {"string": "", "boolean": False, "integer": 0, "number": 0, "object": {}}
CREDENTIAL_KEYS = {
    "credential_secret_key": "secretKey",
    "credential_token": "token",
    "credential_asymmetric_key": "privateKey",
}


def example_value(field: dict):
    """The field's example, else its default, else a placeholder of its type; credentials wrapped
    the way the orchestrator sends them (``{"secretKey": ...}``)."""
    field_type = str(field.get("type", ""))
    if "example" in field:
        value = field["example"]
    elif "default" in field:
        value = field["default"]
    else:
        value = [] if field_type.startswith("[]") else PLACEHOLDERS.get(field_type, "")
    if field_type.startswith("credential_") and not isinstance(value, dict):
        value = {CREDENTIAL_KEYS.get(field_type, "secretKey"): value}
    return value


def leaves_empty(field: dict) -> bool:
    """Whether the field's example (or, lacking one, its default) says to leave it empty."""
    value = field["example"] if "example" in field else field.get("default")
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def section_example(fields: dict) -> dict:
    """The example input (or connection) of a section: every field the examples fill in."""
    return {key: example_value(field) for key, field in (fields or {}).items() if not leaves_empty(field)}


def sample_message(spec: dict, name: str, connection_hook=None) -> dict:
    """Raises KeyError for an unknown step name.

    `connection_hook`, when given, turns the connection built from the examples into the one the
    message carries.
    """
    for section, (message_type, key) in START_TYPES.items():
        step = (spec.get(section) or {}).get(name)
        if step is None:
            continue
        connection = section_example(spec.get("connection"))
        body = {
            key: name,
            "meta": {},
            "connection": connection_hook(connection) if connection_hook else connection,
            "input": section_example(step.get("input")),
        }
        if section == "triggers":
            body["dispatcher"] = {"url": "http://127.0.0.1:8000/events", "webhook_url": ""}
        if section == "tasks":
            body["state"] = {}
        return {"body": body, "type": message_type, "version": "v1"}
    raise KeyError(name)
