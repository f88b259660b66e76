import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/tags/a%00b", "/?q=%00", "/api/v1/accounts/lookup?acct=a%00"])
def test_nul_characters_are_refused_with_400(path):
    response = Client().get(path)
    assert response.status_code == 400


def test_nul_in_a_form_body_is_refused(user):
    client = Client()
    response = client.post(
        "/accounts/login/", "username=ma%00rie&password=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_browser_clients_may_call_the_api_but_not_the_pages():
    api = Client().get("/api/v1/instance", HTTP_ORIGIN="https://elk.zone")
    assert api["Access-Control-Allow-Origin"] == "*"
    page = Client().get("/", HTTP_ORIGIN="https://elk.zone")
    assert "Access-Control-Allow-Origin" not in page
    preflight = Client().options(
        "/api/v1/statuses",
        HTTP_ORIGIN="https://elk.zone",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,idempotency-key",
    )
    assert preflight.status_code == 200
    assert "idempotency-key" in preflight["Access-Control-Allow-Headers"]
