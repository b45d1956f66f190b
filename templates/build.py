"""Build the DOCX templates of templates/manifest.yaml from reviewable Python.

    python templates/build.py            # write templates/*.docx
    python templates/build.py --check    # exit 1 if a committed .docx differs from a rebuild

The templates hold no logic beyond loops and simple conditionals: every string
comes finished from wizard/documents (context building).  Rebuilds are
byte-identical (normalized zip entries, fixed core properties).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from docxkit import loop_rows, new_document, page_break, para, row, table, tag, to_bytes  # noqa: E402

# 続報: only the changed words are underlined (run-level tags, one run per segment).
VALUE_CELL = [("{%r for s in r.segs %}", {}), ("{%r if s.u %}", {}), ("{{ s.t }}", {"underline": True}),
              ("{%r else %}", {}), ("{{ s.t }}", {}), ("{%r endif %}", {}), ("{%r endfor %}", {})]


def _report_head(doc) -> None:
    para(doc, "{{ date_text }}", align="right")
    para(doc, "{{ addressee }}", size=11, space_after=6)
    sender = table(doc, [58, 72], borders=False, align="right")
    loop_rows(sender, "for s in sender", ["{{ s.label }}", "{{ s.value }}"])
    para(doc, "")
    para(doc, "{{ title }}", style="Title", align="center")
    tag(doc, "{%p if voluntary_note %}")
    para(doc, "{{ voluntary_note }}", align="center", bold=True)
    tag(doc, "{%p endif %}")


def report(doc_title: str, notes: list[str]) -> Callable[[], bytes]:
    """Regulator report: 日付, 宛先, 差出人, 表題, 記, numbered items, 以上, 注."""
    def build() -> bytes:
        doc = new_document(doc_title)
        _report_head(doc)
        para(doc, "{{ intro }}", space_after=4)
        para(doc, "記", align="center", space_after=4)
        items = table(doc, [48, 118])
        loop_rows(items, "for r in rows", ["{{ r.label }}", VALUE_CELL])
        para(doc, "以上", align="right")
        tag(doc, "{%p if diff_note %}")
        para(doc, "{{ diff_note }}", size=9)
        tag(doc, "{%p endif %}")
        for note in notes:
            para(doc, note, size=9)
        return to_bytes(doc)
    return build


COMMON_NOTES = [
    "（注）更なる調査又は検討が必要な項目は「調査中」「検討中」とし、結果が出る予定時期を記載しています。",
]


def _notice_body(doc, *, ki: bool, gap: bool) -> None:
    """Sender lines, title, opening, the numbered sections, closing, 以上 (letters and 公表文)."""
    tag(doc, "{%p for s in sender_lines %}")
    para(doc, "{{ s }}", align="right", space_after=0)
    tag(doc, "{%p endfor %}")
    para(doc, "")
    para(doc, "{{ title }}", style="Title", align="center")
    para(doc, "{{ opening }}", space_after=6)
    if ki:
        para(doc, "記", align="center")
    tag(doc, "{%p for s in sections %}")
    if gap:  # letters: a continuation page carries the addressee and the page number
        tag(doc, "{%p if s.new_page %}")
        para(doc, "{{ s.prev_label }}", align="center", size=9)
        page_break(doc)
        para(doc, "{{ l.name_line }}　{{ s.page_label }}", size=9, space_after=6)
        tag(doc, "{%p endif %}")
    para(doc, "{{ s.heading }}", style="Heading 2", keep_next=True)
    para(doc, "{{ s.body }}")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ closing }}", space_after=2)
    para(doc, "以上", align="right")
    if gap:
        tag(doc, "{%p if last_label %}")
        para(doc, "{{ last_label }}", align="center", size=9)
        tag(doc, "{%p endif %}")


def letters() -> bytes:
    """本人通知: one letter per recipient, a page break between letters."""
    doc = new_document("個人情報の漏えい等に関するお詫びとお知らせ", body_pt=10, margin_mm=20, line=1.1)
    tag(doc, "{%p for l in letters %}")
    para(doc, "{{ date_text }}", align="right")
    tag(doc, "{%p for a in l.address_lines %}")
    para(doc, "{{ a }}", space_after=0)
    tag(doc, "{%p endfor %}")
    para(doc, "{{ l.name_line }}", size=11, space_after=4)
    _notice_body(doc, ki=True, gap=True)
    tag(doc, "{%p if not loop.last %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    return to_bytes(doc)


def public_notice() -> bytes:
    doc = new_document("公表文")
    para(doc, "{{ date_text }}", align="right")
    para(doc, "{{ addressee }}", size=11)
    _notice_body(doc, ki=False, gap=False)
    return to_bytes(doc)


def _bullets(doc, key: str) -> None:
    tag(doc, "{%p for x in " + key + " %}")
    para(doc, "・{{ x }}")
    tag(doc, "{%p endfor %}")


def internal_record() -> bytes:
    doc = new_document("社内報告書（漏えい等事案の対応記録）")
    para(doc, "{{ date_text }}", align="right")
    para(doc, "{{ title }}", style="Title", align="center")
    head = table(doc, [40, 126])
    loop_rows(head, "for r in meta", ["{{ r.label }}", "{{ r.value }}"])

    para(doc, "1　判定結果", style="Heading 1", keep_next=True)
    concl = table(doc, [48, 118])
    loop_rows(concl, "for r in conclusions", ["{{ r.label }}", "{{ r.value }}"])

    para(doc, "2　期限（法定期限と推奨日）", style="Heading 1", keep_next=True)
    dl = table(doc, [42, 42, 42, 40])
    row(dl, ["区分", "法定期限", "推奨日（目標）", "備考"], header=True)
    loop_rows(dl, "for d in deadlines", ["{{ d.label }}", "{{ d.legal }}", "{{ d.recommended }}", "{{ d.note }}"])
    para(doc, "{{ deadline_note }}", size=9)

    para(doc, "3　報告の経過", style="Heading 1", keep_next=True)
    _bullets(doc, "history")

    para(doc, "4　判断の理由と根拠", style="Heading 1", keep_next=True)
    rs = table(doc, [80, 44, 42])
    row(rs, ["理由", "根拠", "判断に用いた回答"], header=True)
    loop_rows(rs, "for r in reasons", ["{{ r.text }}", [("{{ r.cite }}", {}), ("{%r if r.rule %}", {}),
                                                          ("\n{{ r.rule }}", {"size": 7, "grey": True}),
                                                          ("{%r endif %}", {})], "{{ r.facts }}"])

    para(doc, "5　注意事項（要確認・不明の回答）", style="Heading 1", keep_next=True)
    _bullets(doc, "warnings")

    para(doc, "6　作成した文書と提出方法", style="Heading 1", keep_next=True)
    _bullets(doc, "documents")
    para(doc, "提出時の注意：", keep_next=True)
    _bullets(doc, "filing")
    para(doc, "宛先一覧で読み飛ばした行：", keep_next=True)
    _bullets(doc, "skipped")

    para(doc, "7　対応チェックリスト", style="Heading 1", keep_next=True)
    cl = table(doc, [10, 98, 58])
    row(cl, ["済", "対応事項", "期限・担当"], header=True)
    loop_rows(cl, "for c in checklist", ["☐", "{{ c.task }}", "{{ c.due }}"])

    tag(doc, "{%p if person_texts %}")
    para(doc, "本人通知・公表文に載せる文面（発送・掲載前に確認してください）", keep_next=True)
    pt = table(doc, [30, 116, 20])
    row(pt, ["項目", "文面", "出所"], header=True)
    loop_rows(pt, "for p in person_texts", ["{{ p.label }}", "{{ p.text }}", "{{ p.source }}"])
    tag(doc, "{%p endif %}")

    para(doc, "8　回答一覧", style="Heading 1", keep_next=True)
    ans = table(doc, [62, 104])
    row(ans, ["質問（事実）", "回答"], header=True)
    loop_rows(ans, "for a in answers", [[("{{ a.label }}", {}), ("\n{{ a.id }}", {"size": 7, "grey": True})],
                                        "{{ a.value }}"])

    para(doc, "9　決裁", style="Heading 1", keep_next=True)
    sign = table(doc, [55, 55, 56])
    row(sign, ["起案者", "個人情報保護責任者", "承認（代表者等）"], header=True)
    row(sign, ["\n\n", "", ""])
    para(doc, "{{ footer_note }}", size=9)
    return to_bytes(doc)


BUILDERS: dict[str, Callable[[], bytes]] = {
    "appi_report.docx": report("個人データの漏えい等事案の報告", COMMON_NOTES),
    "mynumber_report.docx": report("特定個人情報の漏えい等事案の報告", COMMON_NOTES),
    "telecom_secrecy_report.docx": report("通信の秘密の漏えいに関する報告書", COMMON_NOTES),
    "finance_report.docx": report("個人データの漏えい等事案の報告（業法）", COMMON_NOTES),
    "controller_notice.docx": report("委託元への通知", COMMON_NOTES),
    "appi_report_2017.docx": report("個人データの漏えい等事案の報告（平成29年様式）", COMMON_NOTES),
    "mynumber_report_2017.docx": report("特定個人情報の漏えい等事案の報告（平成29年様式）", COMMON_NOTES),
    "subject_notice.docx": letters,
    "public_notice.docx": public_notice,
    "internal_record.docx": internal_record,
}


def build_all() -> dict[str, bytes]:
    return {name: build() for name, build in BUILDERS.items()}


def main(argv: list[str]) -> int:
    built = build_all()
    if "--check" in argv:
        bad = [n for n, data in built.items() if not (HERE / n).exists() or (HERE / n).read_bytes() != data]
        for n in bad:
            print(f"テンプレートが再生成結果と一致しません: templates/{n}", file=sys.stderr)
        return 1 if bad else 0
    for name, data in built.items():
        (HERE / name).write_bytes(data)
        print(f"templates/{name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
