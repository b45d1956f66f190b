"""Where each report goes (rules/routing.yaml; legal/routing.md)."""
from __future__ import annotations

from typing import Any


def _office(table: dict[str, list[str]], prefecture: str | None) -> str | None:
    for office, prefs in table.items():
        if prefecture in prefs:
            return office
    return None


def mic_office(routing: dict[str, Any], prefecture: str | None) -> str | None:
    return _office(routing["mic_offices"], prefecture)


def appi_route(routing: dict[str, Any], answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(destination fields for the outcome's appi block, warnings)."""
    sector = answers.get("org.sector", "general")
    pref = answers.get("org.prefecture")
    sup = answers.get("org.supervisor")
    dest = routing["sectors"].get(sector, "ppc")
    info = routing["destinations"][dest]
    warnings: list[str] = []
    out: dict[str, Any] = {"destination": dest, "destination_name": info["name"], "office": None,
                           "addressee": info.get("addressee"), "method": info.get("method", ""),
                           "route_cite": info["cite"]}
    if dest == "ppc":
        out["office"] = "個人情報保護委員会"
    elif dest == "meti":
        out["office"] = info["office"]
    elif dest == "mic":
        office = mic_office(routing, pref)
        if office is None:
            warnings.append("本店所在地の都道府県が未回答のため、報告先の総合通信局等を決められません。")
            office = "（所轄の）総合通信局"
        out["office"] = office
        head = "沖縄総合通信事務所長" if office == "沖縄総合通信事務所" else f"{office}長"
        out["addressee"] = f"{head}　殿"
        out["method"] = "第一報は電話・電子メールでも可。その後、報告書を提出（総務省・総合通信局の案内に従う）。"
        if sector in ("broadcast", "postal"):
            label = "放送" if sector == "broadcast" else "郵便・信書便"
            out["destination_alternatives"] = ["ppc"]
            warnings.append(
                f"【要確認】{label}分野の漏えい等報告の受理権限が現在も総務大臣に委任されているかは確認できていません"
                "（報告徴収・立入検査だけの委任の可能性があります。legal/routing.md §1）。個人情報保護委員会の"
                "「漏えい等の対応」ページの振り分け（問3 権限委任をしている業種）で報告先を確認してください。"
                "報告書は総合通信局あて・個人情報保護委員会あての両方の宛先で作成しています。")
    elif dest in ("fsa", "mlit"):
        _supervised(routing, dest, sup, pref, out, warnings)
    return out, warnings


SUPERVISED = {  # national office and addressee, regional table, notes
    "fsa": ("金融庁", "金融庁長官　殿", "fsa_offices", "財務局",
            "監督官庁（金融庁本庁・財務局・都道府県）が未回答のため、本店所在地の財務局を報告先としました。"
            "金融庁が直接監督する事業者は金融庁長官あてです（PPC 金融分野Q&A 4-7）。",
            "監督官庁の指示に従い報告書を提出（法26条と業法の報告を1つの文書にまとめられます）。"),
    "mlit": ("国土交通省", "国土交通大臣　殿", "mlit_offices", "地方整備局",
             "免許・登録をした者（国土交通大臣・地方整備局・都道府県知事）が未回答のため、本店所在地の地方整備局としました。",
             "所管省庁の案内に従い報告書を提出。"),
}


def _supervised(routing: dict[str, Any], dest: str, sup: str | None, pref: str | None, out: dict[str, Any],
                warnings: list[str]) -> None:
    """Finance and real estate: the office that licensed/supervises the business receives the report."""
    national, national_addressee, table, kind, unanswered, method = SUPERVISED[dest]
    out["method"] = method
    if sup == "national":
        out["office"], out["addressee"] = national, national_addressee
        return
    if sup == "prefecture":
        out["office"] = pref or "都道府県"
        out["addressee"] = f"{_governor(pref)}　殿"
        return
    office = _office(routing[table], pref) or f"（所轄の）{kind}"
    out["office"], out["addressee"] = office, f"{office}長　殿"
    if sup != "regional":
        warnings.append(unanswered)
    if dest == "mlit":
        warnings.append("【要確認】地方整備局の管轄表は法令の原文で確認していません（国土交通省組織令）。"
                        "免許・登録をした地方整備局等を報告先にしてください。")
    if office == "沖縄総合事務局" and dest == "fsa":
        warnings.append("【要確認】沖縄県の事業者の報告先（沖縄総合事務局長）は、法150条6項が財務局長・財務支局長だけを"
                        "挙げているため確認できていません。")


def _governor(pref: str | None) -> str:
    if not pref:
        return "都道府県知事"
    return f"{pref}知事"
