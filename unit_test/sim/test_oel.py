"""The Okta Expression Language subset that group rules are evaluated with."""

import pytest

from oktasim import oel

PROFILE = {"firstName": "Andy", "lastName": "Smith", "email": "andy@example.net", "department": "Sales"}
GROUPS = {"00gSales", "00gVpn"}
NAMES = {"00gSales": "Sales", "00gVpn": "VPN Users"}


def matches(expression: str) -> bool:
    return oel.matches(oel.parse(expression), oel.Context(PROFILE, GROUPS, NAMES.get))


@pytest.mark.parametrize(
    "expression",
    [
        'user.department == "Sales"',
        'user.department != "Finance"',
        'String.stringContains(user.email, "@example.net")',
        'String.startsWith(user.firstName,"An")',
        'String.endsWith(user.email, ".net")',
        'String.startsWith(String.toUpperCase(user.firstName),"AN")',
        'String.toLowerCase(user.lastName) == "smith"',
        'isMemberOfGroup("00gVpn")',
        'isMemberOfAnyGroup("00gNope", "00gSales")',
        'isMemberOfGroupName("VPN Users")',
        'user.department == "Sales" && user.lastName == "Smith"',
        'user.department == "Finance" || user.lastName == "Smith"',
        'user.department == "Sales" AND (user.firstName == "Bob" OR user.firstName == "Andy")',
        '!isMemberOfGroup("00gNope")',
        "NOT user.department == 'Finance'",
        "true",
        "user.title == null",
    ],
)
def test_an_expression_true_for_the_user_matches(expression):
    assert matches(expression)


@pytest.mark.parametrize(
    "expression",
    [
        'user.department == "sales"',
        'String.stringContains(user.title, "x")',
        'String.startsWith(user.title, "")',
        'isMemberOfAnyGroup("00gNope", "00gOther")',
        'isMemberOfGroupName("Sales Team")',
        "false",
        "user.firstName",
        'user.department == "Sales" && false',
    ],
)
def test_an_expression_false_or_not_boolean_for_the_user_does_not_match(expression):
    assert not matches(expression)


@pytest.mark.parametrize(
    "expression",
    [
        '(user.firstName == "TestAcc"',
        "user.firstName == AND user.lastName",
        'user.firstName == "TestAcc" AND',
        'user.firstName = "x"',
        'account.firstName == "x"',
        'user.profile.firstName == "x"',
        'String.nope(user.firstName)',
        'String.startsWith(user.firstName)',
        'isMemberOfGroup()',
        "",
        "   ",
        '"unterminated',
    ],
)
def test_an_expression_outside_the_subset_is_a_syntax_error(expression):
    with pytest.raises(oel.OelError):
        oel.parse(expression)


def test_a_non_string_expression_is_a_syntax_error():
    with pytest.raises(oel.OelError):
        oel.parse(None)
