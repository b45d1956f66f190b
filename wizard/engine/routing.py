"""Where each report goes (rules/routing.yaml): dated routes, chosen by 知った日.

A route names the destination for a set of sectors over a period; the office and
addressee then follow from the head office's prefecture and, for finance and real
estate, from who licensed or supervises the business (法150条3項・4項・6項, 170条).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from wizard.domain.facts import SECTORS

REGIME_2017 = date(2017, 5, 30)
ROUTE_KEYS = {"id", "sectors", "destination", "effective_from", "effective_to", "cite", "confidence", "source",
              "warning", "alternatives", "members"}
DESTINATIONS = {"ppc", "mic", "fsa", "meti", "mlit"}
CONFIDENCE = {"V", "V2", "S", "R", "UNSURE"}
SECTOR_LABELS = {"broadcast": "放送", "postal": "郵便・信書便"}


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v))
    except ValueError:
        return None


def validate_routing(routing: Any) -> list[str]:
    """Problems of rules/routing.yaml (empty when it is sound): every route cited, tagged and dated,
    and each sector covered without gap or overlap from 2017-05-30 on."""
    if not isinstance(routing, dict) or not isinstance(routing.get("routes"), list):
        return ["rules/routing.yaml: routes（日付つきの報告先の一覧）がありません"]
    problems: list[str] = []
    by_sector: dict[str, list[tuple[date, date | None, str]]] = {s: [] for s in SECTORS}
    for n, r in enumerate(routing["routes"], 1):
        rid = r.get("id") if isinstance(r, dict) else None
        where = f"rules/routing.yaml（報告先 {rid or n}番目）"
        if not isinstance(r, dict):
            problems.append(f"{where}: キーと値の組で書いてください")
            continue
        if set(r) - ROUTE_KEYS:
            problems.append(f"{where}: 未知のキー {sorted(set(r) - ROUTE_KEYS)}")
        for key in ("id", "sectors", "destination", "cite", "confidence", "source", "effective_from"):
            if not r.get(key):
                problems.append(f"{where}: 「{key}」がありません（すべての報告先に根拠・確度・出典・適用日が必要です）")
        if r.get("confidence") and r["confidence"] not in CONFIDENCE:
            problems.append(f"{where}: confidence は {sorted(CONFIDENCE)} のいずれかです")
        if r.get("destination") and r["destination"] not in DESTINATIONS:
            problems.append(f"{where}: destination「{r['destination']}」は使えません")
        for alt in r.get("alternatives") or []:
            if alt not in DESTINATIONS:
                problems.append(f"{where}: alternatives「{alt}」は使えません")
        start, end = _as_date(r.get("effective_from")), _as_date(r.get("effective_to"))
        if r.get("effective_from") and start is None or r.get("effective_to") and end is None:
            problems.append(f"{where}: 日付が正しくありません")
            continue
        if start is None:
            continue
        if end is not None and end < start:
            problems.append(f"{where}: effective_to が effective_from より前です")
        for s in r.get("sectors") or []:
            if s not in by_sector:
                problems.append(f"{where}: 業種「{s}」は語彙にありません")
            else:
                by_sector[s].append((start, end, str(rid)))
    for sector, spans in by_sector.items():
        problems.extend(_coverage(sector, sorted(spans, key=lambda x: x[0])))
    return problems


def _coverage(sector: str, spans: list[tuple[date, date | None, str]]) -> list[str]:
    where = f"rules/routing.yaml（業種 {sector}）"
    if not spans:
        return [f"{where}: 報告先がありません"]
    out = []
    if spans[0][0] != REGIME_2017:
        out.append(f"{where}: 最初の報告先が2017-05-30から始まっていません")
    for (_, end, rid), (nxt, _, nid) in zip(spans, spans[1:], strict=False):
        if end is None or (nxt - end).days != 1:
            out.append(f"{where}: {rid} と {nid} の間に空白又は重なりがあります")
    if spans[-1][1] is not None:
        out.append(f"{where}: 最後の報告先に終わりの日（effective_to）があります（現在の報告先がありません）")
    return out


def route_for(routing: dict[str, Any], sector: str, on: date) -> dict[str, Any] | None:
    """The route entry in force on `on` for `sector` (None before 2017-05-30)."""
    for r in routing["routes"]:
        start, end = _as_date(r["effective_from"]), _as_date(r.get("effective_to"))
        if sector in r["sectors"] and start is not None and start <= on and (end is None or on <= end):
            return r
    return None


def _office(table: dict[str, list[str]], prefecture: str | None) -> str | None:
    for office, prefs in table.items():
        if prefecture in prefs:
            return office
    return None


def mic_office(routing: dict[str, Any], prefecture: str | None) -> str | None:
    return _office(routing["mic_offices"], prefecture)


def mic_addressee(office: str) -> str:
    head = "沖縄総合通信事務所長" if office == "沖縄総合通信事務所" else f"{office}長"
    return f"{head}　殿"


def _known_on(answers: dict[str, Any]) -> date:
    return _as_date(answers.get("incident.known_on")) or date.today()


def appi_route(routing: dict[str, Any], answers: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(destination fields for the outcome's appi block, warnings) for the route in force on 知った日."""
    sector = answers.get("org.sector") or "general"
    known = _known_on(answers)
    route = route_for(routing, sector, known) or route_for(routing, "general", max(known, REGIME_2017))
    assert route is not None  # validate_routing guarantees full coverage from 2017-05-30
    dest = route["destination"]
    info = routing["destinations"][dest]
    warnings: list[str] = []
    out: dict[str, Any] = {
        "destination": dest, "destination_name": info["name"], "office": info.get("office"),
        "addressee": info.get("addressee"), "method": info.get("method", ""), "route_cite": route["cite"],
        "route": {"id": route["id"], "cite": route["cite"], "confidence": route["confidence"],
                  "effective_from": str(route["effective_from"]),
                  "effective_to": str(route["effective_to"]) if route.get("effective_to") else None},
    }
    pref = answers.get("org.prefecture")
    if dest == "ppc":
        out["office"] = "個人情報保護委員会"
    elif dest == "mic":
        office = mic_office(routing, pref)
        if office is None:
            warnings.append("本店所在地の都道府県が未回答のため、報告先の総合通信局等を決められません。")
            office = "（所轄の）総合通信局"
        out["office"], out["addressee"] = office, mic_addressee(office)
    elif dest in ("fsa", "mlit"):
        _supervised(routing, dest, answers.get("org.supervisor"), pref, out, warnings)
    if route.get("alternatives"):
        out["destination_alternatives"] = list(route["alternatives"])
        out["alternative_addressees"] = [routing["destinations"][a].get("addressee") or a
                                         for a in route["alternatives"]]
    if route.get("warning"):
        warnings.append(str(route["warning"]).replace("{label}", SECTOR_LABELS.get(sector, sector))
                        .replace("{known_on}", known.isoformat()))
    _member(routing, route, answers, out)
    return out, warnings


ROUTE_FACTS = ("org.sector", "org.prefecture", "org.supervisor", "org.accredited_body", "incident.known_on")


def _bare(addressee: str) -> str:
    """An addressee without its honorific line ending (「…　御中」「…　殿」), for running text."""
    for suffix in ("御中", "殿"):
        if addressee.endswith(suffix):
            return addressee[: -len(suffix)].rstrip("　 ")
    return addressee


def route_reason(block: dict[str, Any], on_path: set[str]) -> dict[str, Any]:
    """The reason for the destination (SPEC §3: every conclusion is explained with its citation)."""
    route = block["route"]
    where = _bare(block.get("addressee") or block.get("office") or block.get("destination_name") or "")
    text = f"報告先は「{where}」です（業種・本店所在地・免許等をした行政庁と、知った日に適用される報告先から決まります）。"
    if block.get("destination") == "accredited_body":
        text = f"加入している認定個人情報保護団体（{block.get('office')}）に報告します（当時の告示では団体の対象事業者は団体に報告）。"
    if block.get("alternative_addressees"):
        text += f"「{'」「'.join(_bare(a) for a in block['alternative_addressees'])}」あての下書きも作成します。"
    return {"rule": route["id"], "cite": route["cite"], "text": text,
            "facts": [f for f in ROUTE_FACTS if f in on_path], "confidence": route["confidence"], "unknown": False}


def _member(routing: dict[str, Any], route: dict[str, Any], answers: dict[str, Any], out: dict[str, Any]) -> None:
    """2017 regime (告示 3(1)): a member of an accredited body reported to the body."""
    body = answers.get("org.accredited_body")
    members = route.get("members")
    if not body or not members or not isinstance(body, str):
        return
    if members is not True and not any(name in body for name in members):
        return
    out.update({"destination": "accredited_body", "destination_name": body, "office": body,
                "addressee": f"{body}　御中", "method": routing["destinations"]["accredited_body"]["method"]})
    out.pop("destination_alternatives", None)
    out.pop("alternative_addressees", None)


SUPERVISED = {  # national office, its addressee, regional table, kind of office
    "fsa": ("金融庁", "金融庁長官　殿", "fsa_offices", "財務局"),
    "mlit": (None, None, "mlit_offices", "地方整備局"),
}


def _supervised(routing: dict[str, Any], dest: str, sup: str | None, pref: str | None, out: dict[str, Any],
                warnings: list[str]) -> None:
    """Finance and real estate: the office that licensed or supervises the business receives the report."""
    national, national_addressee, table, kind = SUPERVISED[dest]
    if sup == "national" and national:
        out["office"], out["addressee"] = national, national_addressee
        return
    if sup == "prefecture":
        out["office"] = pref or "都道府県"
        out["addressee"] = f"{_governor(pref)}　殿"
        out["destination_name"] = f"{_governor(pref)}（個人情報保護法170条）"
        return
    office = _office(routing[table], pref) or f"（所轄の）{kind}"
    out["office"], out["addressee"] = office, f"{office}長　殿"
    if dest == "mlit":
        out["destination_name"] = f"国土交通大臣（{office}長に委任）"
        out["method"] = ("国土交通大臣の免許・登録を受けた事業者も、本店所在地を管轄する地方整備局長等に報告します"
                         "（個人情報保護法150条3項）。")
        if sup not in ("national", "regional"):
            warnings.append("免許・登録をした行政庁（国土交通大臣・都道府県知事）が未回答のため、本店所在地を管轄する"
                            f"{office}を報告先としました。都道府県知事の免許・登録であれば知事あてです（個人情報保護法170条）。")
        if pref not in routing.get("mlit_offices_checked", []):
            warnings.append(f"【要確認】{pref or '本店所在地'}を管轄する地方整備局等（国土交通省組織令の管轄区域）は、"
                            "国土交通省の案内で確認できていません。免許証・登録通知書に記載の地方整備局等と一致するか確認してください。")
        return
    if sup != "regional":
        warnings.append("監督官庁（金融庁本庁・財務局・都道府県）が未回答のため、本店所在地の財務局を報告先としました。"
                        "金融庁が直接監督する事業者は金融庁長官あてです（PPC 金融分野Q&A 4-7）。")
    if office == "沖縄総合事務局":
        warnings.append("【要確認】沖縄県の事業者の報告先（沖縄総合事務局長）は、個人情報保護法150条6項が財務局長・"
                        "財務支局長だけを挙げているため確認できていません。")


def _governor(pref: str | None) -> str:
    if not pref:
        return "都道府県知事"
    return f"{pref}知事"
