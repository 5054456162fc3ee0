"""Network zones: blocklist read-modify-write, PUT rules, lifecycle, delete rules, caps."""


def zone(api, demo):
    return api.get(f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}").json()


def body_of(z):
    return {k: v for k, v in z.items() if k not in ("id", "created", "lastUpdated", "_links", "system", "status")}


def test_blocklist_zone_shape(api, demo):
    z = zone(api, demo)
    assert z["name"] == demo.BLOCKLIST_ZONE_NAME and z["usage"] == "BLOCKLIST" and z["type"] == "IP"
    assert {"self", "deactivate"} <= set(z["_links"]) and z["proxies"] is None


def test_list_filter_by_usage(api):
    names = {z["name"] for z in api.get("/api/v1/zones", params={"filter": 'usage eq "BLOCKLIST"'}).json()}
    assert {"SOAR Blocklist", "BlockedIpZone", "Sanctioned Countries"} == names


def test_block_ip_by_put_of_the_whole_zone(api, demo):
    b = body_of(zone(api, demo))
    b["gateways"].append({"type": "CIDR", "value": demo.ATTACKER_IP + "/32"})
    r = api.put(f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", json=b)
    assert r.status_code == 200 and {"type": "CIDR", "value": "203.0.113.66/32"} in r.json()["gateways"]


def test_put_cannot_change_type(api, demo):
    b = body_of(zone(api, demo))
    b["type"] = "DYNAMIC"
    assert api.put(f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", json=b).status_code == 400


def test_put_replaces_whole_object(api, demo):
    b = {"type": "IP", "name": demo.BLOCKLIST_ZONE_NAME, "usage": "BLOCKLIST",
         "gateways": [{"type": "CIDR", "value": "10.9.9.9/32"}]}
    assert api.put(f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", json=b).json()["gateways"] == b["gateways"]


def test_invalid_gateway_is_400(api):
    r = api.post("/api/v1/zones", json={"type": "IP", "name": "bad", "gateways": [{"type": "CIDR", "value": "999.1.1.1/8"}]})
    assert (r.status_code, r.json()["errorCode"]) == (400, "E0000001")


def test_gateway_cap_for_policy_zone_is_150(api):
    gws = [{"type": "CIDR", "value": f"10.0.{i // 250}.{i % 250}/32"} for i in range(151)]
    assert api.post("/api/v1/zones", json={"type": "IP", "name": "big", "gateways": gws}).status_code == 400
    assert api.post("/api/v1/zones", json={"type": "IP", "name": "big", "gateways": gws[:150]}).status_code == 200


def test_blocklist_zone_takes_1000_gateways(api):
    gws = [{"type": "CIDR", "value": f"10.1.{i // 250}.{i % 250}/32"} for i in range(1000)]
    r = api.post("/api/v1/zones", json={"type": "IP", "name": "bl", "usage": "BLOCKLIST", "gateways": gws})
    assert r.status_code == 200


def test_create_dynamic_zone(api):
    r = api.post("/api/v1/zones", json={"type": "DYNAMIC", "name": "geo", "locations": [{"country": "US", "region": "US-CA"}]})
    assert r.json()["type"] == "DYNAMIC" and r.json()["status"] == "ACTIVE"


def test_delete_active_zone_is_refused_then_allowed_when_inactive(api, demo):
    url = f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}"
    assert api.delete(url).status_code == 400
    z = api.post(url + "/lifecycle/deactivate").json()
    assert z["status"] == "INACTIVE" and "activate" in z["_links"]
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_zone_update_is_logged(api, sim, demo):
    b = body_of(zone(api, demo))
    api.put(f"/api/v1/zones/{demo.BLOCKLIST_ZONE_ID}", json=b)
    assert sim.store.logs[-1]["eventType"] == "zone.update"


def test_malformed_zone_body_is_e0000003(api):
    r = api.s.post(api.url("/api/v1/zones"), data="[")
    assert r.json()["errorCode"] == "E0000003"
