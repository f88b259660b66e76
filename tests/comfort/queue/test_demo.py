"""The demo's comfort queue: comforters, requests waiting, one answered and thanked (through the services)."""

import pytest

from reconfort.comfort import selectors
from reconfort.comfort.models import Comforter, SupportRequest, Thanks
from reconfort.demo.areas import comfort as demo

from .conftest import old_member

pytestmark = pytest.mark.django_db


def test_demo_comfort_queue():
    names = set(demo.COMFORTERS) | {asker for asker, *_ in demo.REQUESTS}
    users = {name: old_member(username=name, language="en" if name in {"dan_walsh", "emily_robertson",
             "grace_mitchell", "rachel_cohen", "kwame_asante"} else "fr") for name in names}  # fmt: skip
    demo.load(users)
    assert Comforter.objects.count() == len(demo.COMFORTERS)
    assert SupportRequest.objects.count() == len(demo.REQUESTS)
    assert SupportRequest.objects.filter(anonymous=True).count() == 2
    answered = SupportRequest.objects.get(asker=users["dan_walsh"])
    assert answered.kind_replies == 1 and answered.first_kind_reply_at is not None
    assert Thanks.objects.get().recipient == users["grace_mitchell"]
    waiting = selectors.queue_for(users["kwame_asante"])
    assert [r.asker.username for r in waiting] == ["emily_robertson", "dan_walsh"]
    assert {r.asker.username for r in selectors.queue_for(users["ines_roche"])} == {"martine_b", "fatou_sow"}
