"""Contexts of the regulator-facing reports (appi/mynumber/telecom/finance/controller, 2017 forms).

Each builder returns the template context with `rows` as (label, text) pairs;
`mark_rows` later splits each text into `changed` (underlined) and `plain`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import items as it
from .fmt import Fmt, box


@dataclass(frozen=True)
class ReportMeta:
    stage: str = "preliminary"          # preliminary / final / combined
    followup: bool = False              # 続報 (--previous)
    previous_date: str | None = None    # formatted 前回報告日
    number: int = 1                     # 第N報 of the letters and the 公表文


def _base(f: Fmt, title: str, addressee: str, intro: str, rows: list[tuple[str, str]],
          notes: list[str] | None = None, voluntary: str = "") -> dict[str, Any]:
    return {
        "date_text": f.report_date(),
        "addressee": addressee,
        "sender": it.sender(f),
        "title": title,
        "voluntary_note": voluntary,
        "intro": intro,
        "rows": [{"label": lab, "text": txt} for lab, txt in rows],
        "diff_note": "",
        "notes": notes or [],
    }


def _nine(f: Fmt, o: dict[str, Any], subject: str = "個人データ") -> list[tuple[str, str]]:
    """規則8条1項 1〜9号 (with 発生事実 split out of 概要, as the forms do)."""
    mynumber = subject == "特定個人情報"
    return [
        ("概要", it.overview(f)),
        ("発生事実", it.kinds(o)),
        (f"漏えい等が発生し、又は発生したおそれがある{subject}の項目", it.data_items(f, subject)),
        (f"漏えい等が発生し、又は発生したおそれがある{subject}に係る本人の数",
         f.count("mynumber.subjects") if subject == "特定個人情報" and f.a.get("mynumber.subjects") is not None
         else f.count()),
        ("原因", it.cause(f)),
        ("二次被害又はそのおそれの有無及びその内容", it.secondary(f)),
        ("本人への対応の実施状況", it.subject_response(f)),
        ("公表の実施状況", it.publication(f)),
        ("再発防止のための措置", it.prevention(f)),
        ("その他参考となる事項", it.other(f, o, mynumber=mynumber)),
    ]


def usage_notes(f: Fmt, o: dict[str, Any]) -> list[str]:
    """How each report is filed: for the internal record only (SPEC §5 Audience)."""
    appi = o.get("appi") or {}
    notes = []
    if appi.get("destination") == "ppc" and appi.get("required"):
        notes.append("個人情報保護委員会への報告は、同委員会の漏えい等報告フォーム（電子情報処理組織）から行います"
                     "（個人情報保護法施行規則8条3項1号）。個人データの漏えい等事案の報告の下書きは、その入力準備用です。")
    elif appi.get("required") and appi.get("destination"):
        notes.append(f"{appi.get('office') or appi.get('destination_name')}への報告は、別記様式第一による報告書の提出"
                     "（個人情報保護法施行規則8条3項2号）又は同庁の定める方法で行います。下書きはそのまま提出文書になるため、"
                     "社内向けの注記は含めていません。")
    if (o.get("mynumber") or {}).get("required"):
        notes.append("特定個人情報の漏えい等の報告先は、業種にかかわらず個人情報保護委員会です（同委員会の報告フォーム）。")
    for sr in o.get("sector_reports") or []:
        if sr.get("id") in ("telecom_secrecy", "telecom_specific_user_info"):
            notes.append("電気通信事業法28条1項・同法施行規則57条：第一報は速やかに（電話・電子メールでも可）、"
                         "詳報は知った日から30日以内に様式第五十の二（特定利用者情報は第五十の二の二）で提出します。")
        if sr.get("id") == "finance_sector_law":
            notes.append("個人である顧客の情報の漏えい等は、報告対象事態に当たらない場合も業法上の報告が必要です。"
                         "個人情報保護法の報告と一つの報告書にまとめ、両方の根拠を記載できます（金融分野Q&A 4-10・4-11）。")
    return notes


def appi_report(f: Fmt, o: dict[str, Any], meta: ReportMeta, addressee: str | None = None) -> dict[str, Any]:
    appi = o.get("appi") or {}
    stage = it.STAGE_TEXT.get(meta.stage, "速報")
    rows = [("報告種別", it.stage_line(meta.stage, meta.followup, meta.previous_date)),
            ("報告対象事態（個人情報保護法施行規則第7条各号）",
             it.grounds_text(it.APPI_GROUNDS, list(appi.get("grounds") or []), appi.get("exempt")))]
    rows += _nine(f, o)
    return _base(f, f"個人データの漏えい等事案の報告について（{stage}）",
                 addressee or it.addressee(o, "appi"),
                 "個人情報の保護に関する法律第26条第1項の規定により、下記のとおり報告します。", rows)


def mynumber_report(f: Fmt, o: dict[str, Any], meta: ReportMeta) -> dict[str, Any]:
    mn = o.get("mynumber") or {}
    stage = it.STAGE_TEXT.get(meta.stage, "速報")
    voluntary = ""
    intro = ("行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項の規定により、"
             "下記のとおり報告します。")
    if mn.get("voluntary") and not mn.get("required"):
        voluntary = "【任意（努力義務）の報告】"
        intro = ("本件は番号法規則第2条各号の報告対象事態には該当しませんが、特定個人情報の適正な取扱いに関する"
                 "ガイドラインに基づき（努力義務）、下記のとおり任意に報告します。")
    rows = [("報告種別", it.stage_line(meta.stage, meta.followup, meta.previous_date)),
            ("報告対象事態（番号法第29条の4第1項に基づく報告等に関する規則第2条各号）",
             it.grounds_text(it.MYNUMBER_GROUNDS, list(mn.get("grounds") or []), mn.get("exempt")))]
    rows += _nine(f, o, "特定個人情報")
    return _base(f, f"特定個人情報の漏えい等事案の報告について（{stage}）", "個人情報保護委員会　御中",
                 intro, rows, None, voluntary)


def _sector(o: dict[str, Any], ident: str) -> dict[str, Any]:
    for sr in o.get("sector_reports") or []:
        if sr.get("id") == ident:
            return sr
    return {}


def telecom_secrecy_report(f: Fmt, o: dict[str, Any], meta: ReportMeta,
                           ident: str = "telecom_secrecy") -> dict[str, Any]:
    sr = _sector(o, ident)
    detailed = meta.stage in ("final", "combined")
    what = "特定利用者情報" if ident == "telecom_specific_user_info" else "通信の秘密"
    kind = box(not detailed, "第一報") + "　" + box(detailed, "詳報") + "\n" + it.kind_line(meta.followup,
                                                                                     meta.previous_date)
    rows = [
        ("報告種別", kind),
        ("法人名", f.org("name", "（未記入）")),
        ("登録又は届出番号", f.org("registration_number", "（記入してください）")),
        ("事案の概要（発生日、発覚日、発覚に至る経緯など）", it.overview(f)),
        ("漏えい等をした情報の内容", it.data_items(f, "情報") + f"\n{what}の漏えい：" +
         f.tri("telecom.secrecy" if what == "通信の秘密" else "telecom.specific_user_info", "該当", "非該当")),
        ("漏えい等した情報に係る本人の数", f.count()),
        ("発生原因", it.cause(f)),
        ("二次被害（そのおそれを含む。）の有無及びその内容", it.secondary(f)),
        ("公表の実施状況", it.publication(f)),
        (f"{what}を漏えいされた当事者への対応状況", it.subject_response(f)),
        ("再発防止策", it.prevention(f)),
        ("その他参考となる事項（措置模様等）", it.other(f, o, sector_lines=False)),
    ]
    addressee = sr.get("addressee") or it.office_addressee(sr.get("office") or (o.get("appi") or {}).get("office")
                                                           or "")
    title = f"{what}の漏えいに関する報告書"
    return _base(f, f"{title}（{'詳報' if detailed else '第一報'}）", addressee,
                 "電気通信事業法第28条第1項の規定により、下記のとおり報告します。", rows)


def sector_law(a: dict[str, Any]) -> str:
    """The 業法 provision for this kind of financial business (銀行法施行規則13条の6の5の2 等; Q&A 4-6・4-11)."""
    text = f"{a.get('org.business_type') or ''} {a.get('org.name') or ''}"
    if "銀行" in text:
        return "銀行法施行規則第13条の6の5の2"
    if "証券" in text or "金融商品取引" in text:
        return "金融商品取引業等に関する内閣府令第123条第1項第6号の2"
    if "保険" in text:
        return "保険業法施行規則"
    return "当社に適用される業法の施行規則等（銀行法施行規則第13条の6の5の2、金融商品取引業等に関する内閣府令第123条第1項第6号の2 等）"


def finance_report(f: Fmt, o: dict[str, Any], meta: ReportMeta, combined: bool = False) -> dict[str, Any]:
    """業法 report; `combined`: also the 法26条1項 report to the same office (Q&A 4-10: one document)."""
    appi = o.get("appi") or {}
    sr = _sector(o, "finance_sector_law")
    grounds = list(appi.get("grounds") or [])
    bases = [f"{sector_law(f.a)}（個人である顧客に関する情報の漏えい等の報告）",
             "金融分野における個人情報保護に関するガイドライン第11条"]
    if combined:
        bases.insert(0, "個人情報の保護に関する法律第26条第1項（同法施行規則第7条第" + "・".join(map(str, grounds)) + "号）")
    rows = [("報告種別", it.stage_line(meta.stage, meta.followup, meta.previous_date)),
            ("報告の根拠", "\n".join(bases)),
            ("報告対象事態（個人情報保護法施行規則第7条各号）",
             it.grounds_text(it.APPI_GROUNDS, grounds if appi.get("required") else [], None))]
    rows += _nine(f, o)
    addressee = sr.get("addressee") or appi.get("addressee") or it.office_addressee(
        sr.get("office") or appi.get("office") or "金融庁")
    stage = it.STAGE_TEXT.get(meta.stage, "速報")
    return _base(f, f"個人データ（個人顧客情報）の漏えい等事案の報告について（{stage}）", addressee,
                 "下記の法令に基づき、下記のとおり報告します。", rows)


def controller_notice(f: Fmt, o: dict[str, Any], meta: ReportMeta) -> dict[str, Any]:
    appi = o.get("appi") or {}
    rows = [("通知の別", it.kind_line(meta.followup, meta.previous_date)),
            ("該当する報告対象事態（規則第7条各号）",
             it.grounds_text(it.APPI_GROUNDS, list(appi.get("grounds") or []), None))]
    rows += _nine(f, o)
    return _base(f, "個人データの漏えい等事案に関するご報告（委託元への通知）",
                 f"{f.a.get('incident.controller_name') or '（委託元の名称）'}　御中",
                 "貴社（貴団体）から委託を受けて取り扱う個人データについて、下記のとおり漏えい等事案が発生しましたので、"
                 "個人情報の保護に関する法律第26条第1項ただし書及び同法施行規則第9条の規定により通知いたします。"
                 "現時点で把握している範囲で記載しています。", rows)
