"""Writes tests/engine/cases_new/*.json (run: .venv/bin/python tests/engine/cases_new/generate.py).
 Deadlines computed here with the `holidays`
package (independently of the engine's calendar), 知った日 = day 1 (通則GL 3-5-3-4 ※2)."""
import copy
import json
from datetime import date, timedelta
from pathlib import Path

import holidays

OUT = Path(__file__).resolve().parent
JP = holidays.Japan(years=range(2022, 2029))

def closed(d):
    return d.weekday() >= 5 or d in JP or (d.month == 12 and d.day >= 29) or (d.month == 1 and d.day <= 3)

def later(d):
    while closed(d):
        d += timedelta(days=1)
    return d


def earlier(d):
    while closed(d):
        d -= timedelta(days=1)
    return d

def deadlines(known, days):
    k = date.fromisoformat(known)
    n = k + timedelta(days=days - 1)
    limit = max(earlier(k + timedelta(days=4)), k)
    target = min(later(k + timedelta(days=2)), limit)
    return {"appi.preliminary.target": target.isoformat(), "appi.preliminary.limit": limit.isoformat(),
            "appi.final.days": days, "appi.final.legal_deadline": later(n).isoformat(),
            "appi.final.recommended": max(earlier(n), k).isoformat()}

BASE = {
    "org.name": "株式会社サンプル", "org.sector": "general", "org.prefecture": "東京都",
    "org.pmark": False, "org.accredited_body": None,
    "incident.known_on": "2026-11-02", "incident.role": "self",
    "data.is_personal_data": "yes", "data.pseudonymized": False, "data.subjects_exact": True,
    "data.sensitive": "no", "data.financial": "no", "data.encryption": "no", "mynumber.included": "no",
}
MN = {"mynumber.included": "yes", "mynumber.system": "other", "mynumber.misuse": "no",
      "mynumber.unlawful_use": "no", "mynumber.unlawful_provision": "no", "mynumber.public_exposure": "no",
      "org.employee_count": 250, "org.mynumber_role": "employer",
      "mynumber.items": ["個人番号", "氏名"], "mynumber.subject_kinds": ["従業員"]}
ATTACK = {"incident.malicious": "yes", "incident.destroyed": "no", "incident.altered": "no", "incident.unusable": "no"}

cases = []


def case(cid, title, answers, expect, note, **extra):
    a = copy.deepcopy(BASE)
    a.update(answers)
    c = {"id": cid, "title": title, "incident": {"format": "rouei-incident/1", "answers": a},
         "expect": expect, "note": note}
    c.update(extra)
    cases.append(c)

def mn4(req, **extra):
    """The My Number outcome of a 4号 twin: over 100 → report and notice; 100 or fewer → voluntary report."""
    return {"mynumber.required": req, "mynumber.grounds": [4] if req else [], "mynumber.voluntary": not req,
            "notify_subjects.required": req, **extra}


# 1. My Number 4号 イ (漏えい等), 100/101
for n in (100, 101):
    req = n > 100
    case(f"N-mn4i-{n}", f"源泉徴収票（マイナンバー記載）{n}人分の誤送付",
         {**MN, "incident.cause": "misdelivery", "incident.malicious": "no", "incident.unviewed_confirmed": "no",
          "data.subjects": n, "mynumber.subjects": n},
         mn4(req, **{"incident.kinds": ["leak"], "appi.required": False, "appi.grounds": []},
             **({"mynumber.final.days": 30} if req else {})),
         "番号法規則2条4号イ: 漏えい等が発生した特定個人情報に係る本人の数が100人を超える事態（特定個人情報GL別添2 3A(4)、"
         "mynumber-gl-jigyosha.txt 1298・1321行）。100人以下は報告対象ではないが、3B（1338行）により報告に努める（voluntary）。"
         "個人データとしては1,000人以下・要配慮なし・不正目的なしで規則7条に当たらない。")
# 2. 4号 ロ (9条違反の利用), 100/101 — no leak, no 不正の目的
for n in (100, 101):
    req = n > 100
    case(f"N-mn4ro-{n}", f"マイナンバーを顧客管理IDとして利用（{n}人）",
         {**MN, "incident.cause": "other", "incident.malicious": "no", "incident.unviewed_confirmed": "yes",
          "incident.destroyed": "no", "incident.altered": "no", "incident.unusable": "no",
          "mynumber.unlawful_use": "yes", "data.subjects": n, "mynumber.subjects": n,
          "mynumber.subject_kinds": ["顧客"]},
         mn4(req, **{"incident.occurred": False, "appi.required": False}),
         "番号法規則2条4号ロ: 番号法9条に反して利用された個人番号を含む特定個人情報に係る本人の数が100人超（GL別添2 3A(4) "
         "事例「個人番号利用事務と関係のない顧客管理のためのＩＤとして利用していたマイナンバーの数が100人を超える場合」、"
         "mynumber-gl-jigyosha.txt 1299・1322・1327行）。漏えいも不正の目的も要らない。100人以下は3Bの任意の報告。")
# 3. 4号 ハ (19条違反の提供) via intentional provision to a parent company, 100/101
for n in (100, 101):
    req = n > 100
    case(f"N-mn4ha-{n}", f"親会社へ従業員{n}人のマイナンバーを提供",
         {**MN, "incident.cause": "intentional_provision", "mynumber.unlawful_provision": "yes",
          "data.subjects": n, "mynumber.subjects": n},
         mn4(req, **{"incident.occurred": False, "incident.kinds": [], "appi.required": False}),
         "番号法規則2条4号ハ（mynumber-gl-jigyosha.txt 1300・1323行）。意図的な提供は漏えいではない（通則GL 3-5-1-2）が、"
         "特定個人情報には個人情報保護法27条が適用されず番号法19条が制限する（番号法30条2項: mynumber-law.xml 1578行; "
         "GL 645行「特定個人情報の提供については、個人情報保護法第27条は適用されない」）。警告は19条を名指し、27条は名指さない。",
         expect_warnings_contain=["番号法19条"], expect_warnings_lack=["法27条（第三者提供の制限）に違反するおそれ"])
# 4. APPI 4号 with 毀損 (lost key), 1000/1001
for n in (1000, 1001):
    req = n > 1000
    exp = {"incident.kinds": ["damage"], "appi.required": req, "appi.grounds": [4] if req else [],
           "appi.exempt": None, "notify_subjects.required": req}
    if req:
        exp.update(deadlines("2026-11-02", 30))
    case(f"N-appi4-damage-{n}", f"暗号化した会員DB（{n}人）の復号鍵を紛失",
         {"incident.cause": "other", "incident.malicious": "no", "incident.unviewed_confirmed": "yes",
          "incident.destroyed": "no", "incident.altered": "no", "incident.unusable": "yes",
          "incident.copy_exists": "no", "data.subjects": n, "data.encryption": "yes", "data.key_compromised": "no"},
         exp,
         "通則GL 3-5-1-4 事例2（復元キーの喪失により復元できなくなった場合＝毀損、tsusoku-gl.txt 1066行）。"
         "規則7条4号は「漏えい等」（漏えい・滅失・毀損）の本人の数が千人を超える事態（1091行、GL 3-5-3-1(4) 1115行）。"
         "高度な暗号化は読まれないための措置で、利用不能（毀損）の報告を除かない（本人保護の側、要確認の警告）。30日。")
# 5. tampering (SQL injection rewriting addresses) with/without backup
for backup in ("no", "yes"):
    exp = {"incident.occurred": True, "incident.kinds": ["damage"], "appi.required": True, "appi.grounds": [3],
           "notify_subjects.required": True, **deadlines("2026-11-02", 60)}
    case(f"N-tamper-backup-{backup}", "SQLインジェクションで会員300人の住所が書き換えられた" + ("（バックアップあり）" if backup == "yes" else ""),
         {"incident.cause": "unauthorized_access", **ATTACK, "incident.altered": "yes",
          "incident.unviewed_confirmed": "yes", "incident.copy_exists": backup, "data.subjects": 300},
         exp,
         "改ざん＝毀損（通則GL 3-5-1-4 事例1、tsusoku-gl.txt 1065行）。「なお、上記事例2）及び事例3）の場合であっても、"
         "その内容と同じデータが他に保管されている場合は毀損に該当しない」（1068行）は事例1（改ざん）を含まないので、"
         "バックアップがあっても毀損。不正アクセス＝3号（規則7条3号 1090行、事例1 1107行）→確報60日（規則8条2項 1168行、GL 3-5-3-4）。")
# 6. wiper with / without exfiltration evidence, and with a backup
for exfil in ("no", "yes"):
    kinds = ["loss", "leak"] if exfil == "yes" else ["loss"]
    case(f"N-wiper-exfil-{exfil}", "ワイパー型マルウェアで顧客400人のデータを消去" + ("（持ち出しの痕跡あり）" if exfil == "yes" else "（持ち出しなしを確認）"),
         {"incident.cause": "malware", **ATTACK, "incident.destroyed": "yes", "incident.copy_exists": "no",
          "incident.unviewed_confirmed": "no" if exfil == "yes" else "yes", "data.subjects": 400},
         {"incident.kinds": kinds, "appi.required": True, "appi.grounds": [3], **deadlines("2026-11-02", 60)},
         "滅失＝個人データの内容が失われること（通則GL 3-5-1-3、tsusoku-gl.txt 1055行）、同じデータが他にない。"
         "マルウェア＝不正の目的（3号、事例5 1111行）。3号は漏えい等（漏えい・滅失・毀損）すべてに及ぶ（規則7条柱書「漏えい、滅失若しくは毀損（以下…「漏えい等」）」1088行）。60日。")
case("N-wiper-backup", "ワイパーで消去されたがバックアップから全件復元、持ち出しなし",
     {"incident.cause": "malware", **ATTACK, "incident.destroyed": "yes", "incident.copy_exists": "yes",
      "incident.unviewed_confirmed": "yes", "data.subjects": 400},
     {"incident.occurred": False, "incident.kinds": [], "appi.required": False, "appi.grounds": []},
     "「その内容と同じデータが他に保管されている場合は、滅失に該当しない」（通則GL 3-5-1-3、tsusoku-gl.txt 1059行）。"
     "閲覧・取得がないことを確認できたので漏えいもない。")
# 7. skimming before/after 2024-04-01 with data.is_personal_data no
for known, req in (("2024-03-31", False), ("2024-04-01", True)):
    exp = {"incident.occurred": True, "appi.required": req, "appi.grounds": [3] if req else [],
           "appi.exempt": None, "notify_subjects.required": req}
    if req:
        exp.update(deadlines(known, 60))
    case(f"N-skimming-{known}", f"決済画面の改ざん（ウェブスキミング）、知った日 {known}",
         {"incident.cause": "skimming", "incident.malicious": "yes", "incident.unviewed_confirmed": "no",
          "incident.known_on": known, "incident.occurred_on": "2024-02-01",
          "data.is_personal_data": "no", "data.being_acquired": True, "data.subjects": 600, "data.financial": "yes"},
         exp,
         "規則7条3号かっこ書「当該個人情報取扱事業者が取得し、又は取得しようとしている個人情報であって、個人データとして"
         "取り扱われることが予定されているものを含む」（令和6年4月1日施行; tsusoku-gl.txt 1090行、GL 3-5-1-1 1039〜1041行）。"
         "取得中の情報は個人データではないが3号と法26条が適用される（not_personal_data で打ち消さない）。1・2・4号は個人データだけ"
         "（1039行「規則第7条に規定する「個人データ」とは、個人情報取扱事業者が取り扱う個人データ」）。令和6年3月31日以前に知った事態には拡大前の規定が適用され、個人データでない情報は対象外。")
# 8. 加工方法等情報
case("N-method-info", "匿名加工情報の加工方法等情報（削除した記述・加工の方法）を不正アクセスで窃取された",
     {"incident.cause": "unauthorized_access", **ATTACK, "incident.unviewed_confirmed": "no",
      "data.is_personal_data": "no", "data.method_info": True, "data.being_acquired": False, "data.subjects": 5000},
     {"incident.occurred": True, "appi.required": False, "appi.exempt": "not_personal_data",
      "notify_subjects.required": False},
     "加工方法等情報は個人データではない（法26条1項は個人データの漏えい等; appi-law.xml 953行）。法43条2項（appi-law.xml 1612行）は安全管理措置を義務付ける。3号に当たる行為だが not_personal_data の例外で義務なし（grounds は記録として残る）。",
     expect_warnings_contain=["法43条2項"])
# 9. intentional provision with My Number, 100 or fewer
case("N-intentional-mn-small", "グループ会社へ従業員20人のマイナンバーを含む名簿を提供",
     {**MN, "incident.cause": "intentional_provision", "mynumber.unlawful_provision": "yes",
      "data.subjects": 20, "mynumber.subjects": 20},
     {"incident.occurred": False, "appi.required": False, "mynumber.required": False, "mynumber.grounds": [],
      "mynumber.voluntary": True},
     "番号法19条違反の提供（番号法規則2条4号ハ）で100人以下: 報告義務はないが、漏えい等事案（番号法違反の事案を含む: "
     "GL別添2 2、1271行）として3B により報告に努める。27条ではなく19条を名指す（番号法30条2項）。",
     expect_warnings_contain=["番号法19条"], expect_warnings_lack=["法27条（第三者提供の制限）に違反するおそれ"])
# 10. My Number 2号ロ: 不正の目的による利用 without a leak
case("N-mn2ro-search", "従業者が業務と関係なくマイナンバーで住所を検索（5人）",
     {**MN, "incident.cause": "other", "incident.malicious": "yes", "incident.unviewed_confirmed": "yes",
      "incident.destroyed": "no", "incident.altered": "no", "incident.unusable": "no",
      "mynumber.misuse": "yes", "data.subjects": 5, "mynumber.subjects": 5},
     {"incident.occurred": False, "appi.required": False, "mynumber.required": True, "mynumber.grounds": [2],
      "mynumber.final.days": 60},
     "番号法規則2条2号ロ「不正の目的をもって、特定個人情報が利用され…た事態」（GL 1294・1308行、事例「業務に関係なく、"
     "マイナンバーを利用し、住所等を検索・取得した場合」1315行）。確報60日（規則3条2項、1379行）。")
# 11. ransomware encrypting with backup but exfiltration not excluded
case("N-ransom-backup-leak", "ランサムウェアで暗号化、バックアップから復元、持ち出しの有無は調査中",
     {"incident.cause": "ransomware", **ATTACK, "incident.unusable": "no", "incident.unviewed_confirmed": "unknown",
      "incident.copy_exists": "yes", "data.subjects": 200},
     {"incident.kinds": ["leak"], "appi.required": True, "appi.grounds": [3],
      **deadlines("2026-11-02", 60)},
     "暗号化された部分はバックアップがあり毀損に当たらない（事例3となお書き、tsusoku-gl.txt 1067〜1068行）。窃取の"
     "可能性は否定できない（不明）ので漏えいのおそれ（※ 1069行）。不正の目的は確か（ランサムウェア）なので、漏えいがおそれに"
     "とどまっても3号の事態として60日（規則7条3号「発生したおそれがある事態」）。")

if __name__ == "__main__":
    for c in cases:
        (OUT / f"{c['id']}.json").write_text(json.dumps(c, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(len(cases))
