"""`sample NAME`: a ready start message built from the spec's examples."""

START_TYPES = {"actions": ("action_start", "action"), "triggers": ("trigger_start", "trigger"),
               "tasks": ("task_start", "task")}
PLACEHOLDERS = {"string": "", "boolean": False, "integer": 0, "number": 0, "object": {}}


def example_value(field: dict):
    field_type = str(field.get("type", ""))
    if "example" in field:
        value = field["example"]
    elif "default" in field:
        value = field["default"]
    else:
        value = [] if field_type.startswith("[]") else PLACEHOLDERS.get(field_type, "")
    if field_type.startswith("credential_") and not isinstance(value, dict):
        key = {"credential_secret_key": "secretKey", "credential_token": "token",
               "credential_asymmetric_key": "privateKey"}.get(field_type, "secretKey")
        value = {key: value}
    return value


def section_example(fields: dict) -> dict:
    return {key: example_value(field) for key, field in (fields or {}).items()}


def sample_message(spec: dict, name: str, connection_hook=None) -> dict:
    """Raises KeyError for an unknown step name.

    `connection_hook`, when given, turns the connection built from every field's example into
    one that works (a plugin whose connection offers alternative methods picks one).
    """
    for section, (message_type, key) in START_TYPES.items():
        step = (spec.get(section) or {}).get(name)
        if step is None:
            continue
        connection = section_example(spec.get("connection"))
        body = {key: name, "meta": {}, "connection": connection_hook(connection) if connection_hook else connection,
                "input": section_example(step.get("input"))}
        if section == "triggers":
            body["dispatcher"] = {"url": "http://127.0.0.1:8000/events", "webhook_url": ""}
        if section == "tasks":
            body["state"] = {}
        return {"body": body, "type": message_type, "version": "v1"}
    raise KeyError(name)
