"""Devices: resolving what the analyst named, and the lifecycle rules (what needs a request, what
Okta would refuse, what is already done)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from komand_okta.clock import FakeClock
from komand_okta.okta import devices, features
from komand_okta.okta.http.client import OktaClient
from komand_okta.okta.http.errors import OktaError
from unit_test import factories
from unit_test.conftest import API, BASE
from unit_test.factories.devices import device
from unit_test.okta.test_client import Log

DEVICE_ID = "guo4a5u7JHHhjXrMK0g4"
DEVICE_URL = API + "/devices/" + DEVICE_ID
DEVICES = API + "/devices"


@pytest.fixture
def client():
    return OktaClient(BASE, "SSWS t", clock=FakeClock())


def made(okta):
    return [(r.method, r.url.split("?")[0]) for r in okta.request_history]


def search_of(request) -> str:
    return parse_qs(urlsplit(request.url).query)["search"][0]


# -- resolve -------------------------------------------------------------------------------------
def test_an_id_is_fetched_directly(client, okta):
    okta.get(DEVICE_URL, json=device(device_id=DEVICE_ID))

    assert devices.resolve(client, " %s " % DEVICE_ID).item["id"] == DEVICE_ID
    assert made(okta) == [("GET", DEVICE_URL)]


def test_an_unknown_id_is_a_miss_without_a_search(client, okta):
    okta.get(
        DEVICE_URL, status_code=404, json=factories.error(summary="Not found: Resource not found: x (GenericUDObject)")
    )

    found = devices.resolve(client, DEVICE_ID)

    assert not found and found.message == "No Okta device has the ID %s." % DEVICE_ID
    assert made(okta) == [("GET", DEVICE_URL)]


def test_a_name_is_searched_on_display_name_and_serial_then_fetched_by_id(client, okta):
    listed = device("DESKTOP-7QK2M9X", device_id=DEVICE_ID)
    okta.get(DEVICES, json=[listed])
    okta.get(DEVICE_URL, json=dict(listed, status="SUSPENDED"))  # the search data may be stale

    found = devices.resolve(client, 'DESKTOP-7QK2M9X')

    assert found.item["status"] == "SUSPENDED"
    assert made(okta) == [("GET", DEVICES), ("GET", DEVICE_URL)]
    assert (
        search_of(okta.request_history[0])
        == 'profile.displayName eq "DESKTOP-7QK2M9X" or profile.serialNumber eq "DESKTOP-7QK2M9X"'
    )


def test_a_quote_in_a_name_cannot_change_the_search(client, okta):
    okta.get(DEVICES, json=[])

    devices.resolve(client, 'x" or status pr or "')

    assert search_of(okta.request_history[0]).startswith('profile.displayName eq "x\\" or status pr or \\""')


def test_a_name_several_devices_share_is_a_miss_naming_their_ids(client, okta):
    okta.get(
        DEVICES, json=[device("PC", device_id="guo00000000000000001"), device("PC", device_id="guo00000000000000002")]
    )

    found = devices.resolve(client, "PC")

    assert not found and len(found.shared) == 2
    assert "2 Okta devices have the name or serial number PC" in found.message
    assert "guo00000000000000001, guo00000000000000002" in found.message
    assert made(okta) == [("GET", DEVICES)]


def test_a_name_no_device_has_is_a_miss(client, okta):
    okta.get(DEVICES, json=[])

    found = devices.resolve(client, "NOPE")

    assert not found and found.message == "No Okta device has the ID, display name or serial number NOPE."


def test_a_blank_reference_is_a_miss_without_a_request(client, okta):
    found = devices.resolve(client, "  ")

    assert not found and "blank" in found.message
    assert not okta.called


# -- lifecycle -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "operation, status",
    [
        ("suspend", "ACTIVE"),
        ("unsuspend", "SUSPENDED"),
        ("deactivate", "ACTIVE"),
        ("deactivate", "SUSPENDED"),
    ],
)
def test_an_allowed_change_posts_the_lifecycle_operation(client, okta, operation, status):
    post = okta.post("%s/lifecycle/%s" % (DEVICE_URL, operation), status_code=204)

    assert devices.change(client, device(status=status, device_id=DEVICE_ID), operation, Log()) is None
    assert post.call_count == 1 and okta.call_count == 1


@pytest.mark.parametrize(
    "operation, status",
    [
        ("suspend", "SUSPENDED"),
        ("unsuspend", "ACTIVE"),
        ("deactivate", "DEACTIVATED"),
    ],
)
def test_a_device_already_where_the_change_leads_needs_no_request(client, okta, operation, status):
    log = Log()

    assert devices.change(client, device(status=status, device_id=DEVICE_ID), operation, log) is None
    assert not okta.called
    assert any("already %s" % status in line for _, line in log.lines)


@pytest.mark.parametrize(
    "operation, words",
    [
        ("suspend", "Okta can suspend only a device that is ACTIVE. A deactivated device is already out of service"),
        (
            "unsuspend",
            "Okta can unsuspend only a device that is SUSPENDED. A deactivated device cannot be brought back",
        ),
    ],
)
def test_a_deactivated_device_is_refused_with_the_reason_and_no_request(client, okta, operation, words):
    refusal = devices.change(client, device(status="DEACTIVATED", device_id=DEVICE_ID), operation, Log())

    assert words in refusal
    assert not okta.called


def test_a_change_okta_refuses_because_the_status_moved_is_read_again_and_already_done(client, okta):
    okta.post(
        DEVICE_URL + "/lifecycle/suspend",
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: status", ["Cannot suspend a device that is SUSPENDED"]
        ),
    )
    okta.get(DEVICE_URL, json=device(status="SUSPENDED", device_id=DEVICE_ID))

    assert devices.change(client, device(status="ACTIVE", device_id=DEVICE_ID), "suspend", Log()) is None
    assert made(okta) == [("POST", DEVICE_URL + "/lifecycle/suspend"), ("GET", DEVICE_URL)]


def test_a_change_okta_refuses_from_the_new_status_explains_that_status(client, okta):
    okta.post(
        DEVICE_URL + "/lifecycle/suspend",
        status_code=400,
        json=factories.error(
            "E0000001", "Api validation failed: status", ["Cannot suspend a device that is DEACTIVATED"]
        ),
    )
    okta.get(DEVICE_URL, json=device(status="DEACTIVATED", device_id=DEVICE_ID))

    refusal = devices.change(client, device(status="ACTIVE", device_id=DEVICE_ID), "suspend", Log())

    assert "is DEACTIVATED; Okta can suspend only a device that is ACTIVE" in refusal
    assert "Api validation failed: status" in refusal


def test_a_refusal_okta_gives_for_another_reason_stands(client, okta):
    okta.post(
        DEVICE_URL + "/lifecycle/suspend", status_code=400, json=factories.error("E0000001", "Api validation failed")
    )
    okta.get(DEVICE_URL, json=device(status="ACTIVE", device_id=DEVICE_ID))

    with pytest.raises(OktaError) as caught:
        devices.change(client, device(status="ACTIVE", device_id=DEVICE_ID), "suspend", Log())
    assert "Api validation failed" in caught.value.cause


def test_a_deactivated_device_is_deleted(client, okta):
    delete = okta.delete(DEVICE_URL, status_code=204)

    assert devices.delete(client, device(status="DEACTIVATED", device_id=DEVICE_ID), Log()) is None
    assert delete.call_count == 1


@pytest.mark.parametrize("status", ["ACTIVE", "SUSPENDED"])
def test_delete_of_a_device_not_deactivated_says_to_deactivate_it_first_and_sends_nothing(client, okta, status):
    refusal = devices.delete(client, device(status=status, device_id=DEVICE_ID), Log())

    assert "is %s; Okta deletes only a DEACTIVATED device. Run Deactivate Device first" % status in refusal
    assert "destroys the factors" in refusal
    assert not okta.called


def test_a_device_gone_before_the_delete_is_deleted_already(client, okta):
    okta.delete(DEVICE_URL, status_code=404, json=factories.error())
    log = Log()

    assert devices.delete(client, device(status="DEACTIVATED", device_id=DEVICE_ID), log) is None
    assert any("already deleted" in line for _, line in log.lines)


def test_a_delete_okta_refuses_because_the_device_was_reactivated_explains_it(client, okta):
    okta.delete(DEVICE_URL, status_code=403, json=factories.error("E0000152", "Illegal device status"))
    okta.get(DEVICE_URL, json=device(status="ACTIVE", device_id=DEVICE_ID))

    refusal = devices.delete(client, device(status="DEACTIVATED", device_id=DEVICE_ID), Log())

    assert "is ACTIVE; Okta deletes only a DEACTIVATED device" in refusal and "Illegal device status" in refusal


# -- Identity Engine and search ------------------------------------------------------------------
CLASSIC = {
    "status_code": 401,
    "json": factories.error("E0000015", "You do not have permission to access the feature you are requesting"),
}


@pytest.mark.parametrize(
    "call",
    [
        lambda client: devices.list_devices(client),
        lambda client: devices.resolve(client, DEVICE_ID),
        lambda client: devices.user_devices(client, "00u1"),
        lambda client: devices.change(client, device(device_id=DEVICE_ID), "deactivate", Log()),
        lambda client: devices.delete(client, device(status="DEACTIVATED", device_id=DEVICE_ID), Log()),
    ],
    ids=["list", "resolve", "user devices", "change", "delete"],
)
def test_a_classic_engine_org_is_told_it_lacks_identity_engine(client, okta, call):
    for method in ("GET", "POST", "DELETE"):
        okta.register_uri(method, re.compile(".*"), **CLASSIC)

    with pytest.raises(features.FeatureUnavailable) as caught:
        call(client)
    assert "does not have Identity Engine" in caught.value.cause


def test_a_search_okta_cannot_read_is_explained_with_what_devices_can_be_searched_on(client, okta):
    okta.get(DEVICES, status_code=400, json=factories.error("E0000031", "Invalid search criteria."))

    with pytest.raises(OktaError) as caught:
        devices.list_devices(client, "platform = WINDOWS")
    assert "Invalid search criteria" in caught.value.cause
    assert "profile.displayName" in caught.value.assistance and "co only on" in caught.value.assistance


def test_list_sends_search_and_expand_and_asks_for_full_pages(client, okta):
    okta.get(DEVICES, json=[device()])

    devices.list_devices(client, 'status eq "ACTIVE"', "userSummary")

    query = parse_qs(urlsplit(okta.request_history[0].url).query)
    assert query == {"search": ['status eq "ACTIVE"'], "expand": ["userSummary"], "limit": ["200"]}
