"""Word/sentence diff of 続報 texts: properties over generated texts and fixed cases."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wizard.documents.diff import changed, segments

TEXT = st.text(alphabet="あいう漢字カナ0123456789AB。\n、", max_size=60)


@given(TEXT, TEXT)
def test_segments_rebuild_the_new_text(old: str, new: str) -> None:
    segs = segments(old, new)
    assert "".join(str(s["t"]) for s in segs) == new
    assert changed(segs) == (old != new and any(str(s["t"]).strip() for s in segs if s["u"]))


@given(TEXT)
def test_same_text_has_no_underline(text: str) -> None:
    assert not changed(segments(text, text))
    assert not changed(segments(None, text))


def test_only_the_changed_number() -> None:
    segs = segments("発生日：令和8年6月1日\n本人の数：20名", "発生日：令和8年6月1日\n本人の数：25名")
    assert [s["t"] for s in segs if s["u"]] == ["25"]


def test_new_sentence_is_underlined_whole_and_old_kept_plain() -> None:
    segs = segments("宛先を確認した。", "宛先を確認した。研修を行った。")
    assert [s["t"] for s in segs if s["u"]] == ["研修を行った。"]
