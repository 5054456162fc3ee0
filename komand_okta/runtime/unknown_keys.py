"""Keys a message gives that the spec does not declare: never passed over in silence.

The orchestrator's schemas allow extra keys, and a playbook built for another version of a
plugin may still send a key this version lacks, so an unknown key is not refused as such: it is
logged as ignored. A key a small edit away from a field that was *not* given is different: it
is almost surely a typo of that field ("emial", "revoke_sesions", "verify_sll"), and ignoring it
would run the step without the value the playbook meant to give, which for an optional field
means a run that succeeds having done something else than asked (sessions left alive, an email
sent). That is refused before any request, naming the field it resembles. When the field it
resembles was given as well, the key is a leftover rather than a typo, and is logged.
"""

SHOWN = 80  # characters of a key shown in a message (keys come from outside)


def review(given: dict, fields: dict, noun: str, log) -> list:
    """Sentences refusing typos of fields that were not given; other unknown keys are logged.

    `noun` names what a field is, with its article: "an input of get_user", "a connection field".
    """
    refusals = []
    for key in sorted(key for key in given if key not in fields):
        match = closest(key, [name for name in fields if name not in given]) or closest(key, fields)
        shown = _shown(key)
        if match is None:
            log.warning("'%s' is not %s; it is ignored.", shown, noun)
        elif match in given:
            log.warning("'%s' is not %s; it is ignored (did you mean '%s'? That was given too).", shown, noun, match)
        else:
            refusals.append("'%s' is not %s: did you mean '%s'?" % (shown, noun, match))
    return refusals


def closest(key: str, names) -> str:
    """The name `key` is a small edit away from (the nearest, then the first by name), or None.

    Case does not count, nor `-` or ` ` written for `_`; beyond those, a name of up to 3
    characters allows no edit, up to 6 one, longer ones two (a swap of neighbours is one edit).
    """
    folded = _folded(key)
    candidates = []
    for name in names:
        allowed = 0 if len(name) <= 3 else 1 if len(name) <= 6 else 2
        distance = edit_distance(folded, _folded(name), allowed)
        if distance <= allowed:
            candidates.append((distance, name))
    return min(candidates)[1] if candidates else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap neighbours) from a to b; any answer > limit means "more"."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1]


def _folded(text: str) -> str:
    return text.casefold().replace("-", "_").replace(" ", "_")


def _shown(key: str) -> str:
    return key if len(key) <= SHOWN else key[: SHOWN - 3] + "..."
