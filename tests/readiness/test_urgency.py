"""`urgent_signs()`: which urgent answers a partial answer set holds, read from the data."""

from __future__ import annotations

import pytest

from kiosk.readiness import default_questionnaire, is_urgent, urgent_signs

FORM = default_questionnaire()


def test_nothing_answered_is_not_urgent() -> None:
    assert urgent_signs(FORM, {}) == ()
    assert not is_urgent(FORM, {})


def test_none_of_these_is_not_urgent() -> None:
    assert urgent_signs(FORM, {"delivery": "vaginal", "warning_signs": []}) == ()


@pytest.mark.parametrize("sign", FORM.question("warning_signs").options)
def test_each_sign_alone_is_urgent(sign: str) -> None:
    assert urgent_signs(FORM, {"warning_signs": [sign]}) == (sign,)
    assert is_urgent(FORM, {"warning_signs": (sign,)})


def test_signs_come_in_the_questionnaire_order_without_strays() -> None:
    ticked = ["self_harm", "vision", "none", 7, "not_a_sign", "chest_pain"]
    assert urgent_signs(FORM, {"warning_signs": ticked}) == ("chest_pain", "vision", "self_harm")


def test_a_non_list_answer_is_not_urgent() -> None:
    assert urgent_signs(FORM, {"warning_signs": "fever"}) == ()
