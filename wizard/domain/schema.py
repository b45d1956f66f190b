"""JSON Schema (draft 2020-12) of the incident file, generated from FACTS.

`python main.py schema` prints it, so that an editor (VS Code, JetBrains, vim
with a YAML/JSON language server) checks an incident file as it is typed.  The
program's own loader (wizard/engine/incident.py) stays the authority: it also
checks what a schema cannot say (dates in the future, 知った日 before 発生日, more
My Number persons than persons, a number written as 1.0) and names the line.
The limits (text length, largest number, prefectures) are imported from the
validator so that both move together; tests/docs compares them fact by fact.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wizard.domain.facts import FACTS, TRI, Fact

SCHEMA_ID = "urn:rouei-wizard:schema:incident:1"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
EXTENSION = "^x-"

# YYYY-MM-DD of a real calendar day, years 1900–2200 (the validator's range), leap years included:
# an editor can then flag 2026-02-30 or 2026-11-31 without the optional "format" assertion.
_Y = "(?:19|20|21)[0-9]{2}|2200"
_LEAP = "(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000"
DATE_PATTERN = (
    f"^(?:(?:{_Y})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|(?:{_LEAP})-02-29)$"
)


def _date(nullable: bool) -> dict[str, Any]:
    s: dict[str, Any] = {"type": ["string", "null"] if nullable else "string",
                         "format": "date", "pattern": DATE_PATTERN, "minLength": 10, "maxLength": 10}
    return s


def _choices_text(choices: Mapping[str, str]) -> str:
    return "値: " + "、".join(f"{k}（{v}）" for k, v in choices.items())


def fact_schema(fact: Fact, question: str | None = None) -> dict[str, Any]:
    """The schema of one answer value, with its Japanese label and question as text."""
    from wizard.engine.values import EMAIL_PATTERN, MAX_INT, MAX_TEXT, PREFECTURES

    t = fact.type
    s: dict[str, Any]
    if t == "tri":
        s = {"enum": [*TRI, True, False]}
        note = "yes（はい）、no（いいえ）、unknown（不明）。true / false も使えます"
    elif t == "bool":
        s, note = {"type": "boolean"}, "true / false"
    elif t == "int":
        s, note = {"type": "integer", "minimum": 0, "maximum": MAX_INT}, "0以上の整数"
    elif t == "date":
        s, note = _date(False), "日付 YYYY-MM-DD"
    elif t == "datenull":
        s, note = _date(True), "日付 YYYY-MM-DD、又は null（不明）"
    elif t == "enum":
        s, note = {"type": "string", "enum": list(fact.choices)}, _choices_text(fact.choices)
    elif t in ("str", "text"):
        s, note = {"type": "string", "maxLength": MAX_TEXT}, "文字列"
        if fact.id == "org.prefecture":
            s = {"type": "string", "enum": list(PREFECTURES)}
            note = "都道府県名（例: 東京都、大阪府、北海道）"
        if fact.id == "org.email":
            s["pattern"], note = EMAIL_PATTERN, "電子メールアドレス（例: soumu@example.co.jp）"
    elif t == "strnull":
        s, note = {"type": ["string", "null"], "maxLength": MAX_TEXT}, "文字列、又は null"
    elif t == "list":
        s = {"type": "array", "items": {"type": "string", "maxLength": MAX_TEXT}, "maxItems": 1000}
        note = "文字列の一覧（例: [\"氏名\", \"住所\"]）"
    else:  # a new type in FACTS must be added here (tests/docs fails first)
        raise ValueError(f"{fact.id}: 型 {t} の JSON Schema がありません")
    desc = f"{note}。" + (f"質問: {question}" if question else "質問なし（ファイルで指定）")
    return {"title": fact.label, "description": desc, **s}


def incident_schema(questions: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The whole incident-file schema; `questions` maps fact id → question text (optional)."""
    from wizard.engine.incident import INCIDENT_FORMAT

    q = questions or {}
    answers = {fid: fact_schema(f, q.get(fid)) for fid, f in FACTS.items()}
    stages = list(FACTS["report.stage"].choices)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "漏えい等対応ウィザードの事案ファイル",
        "description": ("1件の事案 = 1ファイル（UTF-8 の JSON 又は YAML）。answers は事実IDをキーとする回答の一覧です。"
                        "「x-」で始まるキーは利用者の拡張で、判定には使われません。"
                        "未来の日付、発生日より前の知った日などはプログラムが読み込むときに検査します。"),
        "type": "object",
        "required": ["format", "answers"],
        "properties": {
            "format": {"const": INCIDENT_FORMAT, "description": "ファイル形式の版"},
            "answers": {
                "type": "object",
                "description": "事実IDごとの回答（質問されなかった事実は書かなくて構いません）",
                "properties": answers,
                "patternProperties": {EXTENSION: True},
                "additionalProperties": False,
            },
            "recipients": {"type": ["string", "null"],
                           "description": "本人通知の宛先ファイル（CSV / XLSX）。この事案ファイルのあるフォルダーからの相対パス"},
            "report": {
                "type": ["object", "null"],
                "description": "報告の段階と、続報のときの前回の事案ファイル",
                "properties": {
                    "stage": {"type": ["string", "null"], "enum": [*stages, None],
                              "description": _choices_text(FACTS["report.stage"].choices)},
                    "previous": {"type": ["string", "null"], "description": "前回報告の事案ファイル（相対パス）"},
                },
                "additionalProperties": False,
            },
        },
        "patternProperties": {EXTENSION: True},
        "additionalProperties": False,
    }


def question_texts(nodes: Any) -> dict[str, str]:
    """fact id → the text of the first question that asks it (`nodes`: the graph's Question objects)."""
    out: dict[str, str] = {}
    for q in nodes:
        out.setdefault(q.fact, " ".join(str(q.text).split()))
    return out
