"""The README's screenshot of the signed-in home page, over the demo community.

Written only when RECONFORT_SCREENSHOT is set (e.g. RECONFORT_SCREENSHOT=docs/screenshot-home.png), so the
ordinary test run never changes a file in the repository.
"""

import os
from pathlib import Path

import pytest

from reconfort.accounts.email_confirmation import confirmation_token, email_confirm
from reconfort.accounts.models import User
from reconfort.demo.content import DEMO_PASSWORD, MEMBERS
from reconfort.demo.loader import load_demo
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGET = os.environ.get("RECONFORT_SCREENSHOT", "")


@pytest.mark.skipif(not TARGET, reason="set RECONFORT_SCREENSHOT=<path.png> to write the screenshot")
def test_screenshot_of_the_home_page(new_context):
    load_demo()
    # Camille has confirmed her address, as a real member would have: no reminder banner in the picture.
    email_confirm(confirmation_token(User.objects.get(username=MEMBERS[1].username)))
    page = new_context(locale="fr-FR", viewport={"width": 1200, "height": 1400}).new_page()
    log_in(page, MEMBERS[1].username, DEMO_PASSWORD)  # Camille, a member with a lively home
    page.goto("/")
    page.wait_for_load_state("networkidle")
    path = Path(TARGET)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
