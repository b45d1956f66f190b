"""Write docs/incident-file.md (the incident file, in Japanese) from the facts table and questions/.

    python tools/gen_incident_doc.py          # (re)write docs/incident-file.md
    python tools/gen_incident_doc.py --check  # exit 1 when the committed file is out of date

Generated, never edited by hand: tests/docs/test_incident_doc.py fails when the
committed file differs from a fresh generation.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wizard.domain.facts import FACTS, MALICIOUS_CAUSES, REQUIRED_FOR_ASSESS, TRI_LABELS, Fact  # noqa: E402
from wizard.domain.schema import question_texts  # noqa: E402

OUT = ROOT / "docs" / "incident-file.md"

SECTIONS = [
    ("org", "事業者（org.*）", "組織のプロファイルとして保存され、次の事案でも使われます。"),
    ("incident", "事案（incident.*）", ""),
    ("data", "個人データ（data.*）", ""),
    ("mynumber", "マイナンバー（mynumber.*）", "特定個人情報を含む（又は不明の）ときだけ質問されます。"),
    ("sector", "業種別（telecom.*・broadcast.*・finance.*）", "該当する業種のときだけ質問されます。"),
    ("response", "対応状況（response.*）",
     "報告書（規制当局向け）に使う文です。技術的な詳細を書いて構いません。本人への通知文・公表文には使われません。"),
    ("notice", "本人・公表向けの文（notice.*）",
     "本人への通知文と公表文に使う文です。空欄のときは、事案の種類・項目・人数などから安全な定型文を作ります。"),
    ("report", "報告（report.*）", ""),
    ("options", "オプション（options.*）", ""),
]
SECTOR_PREFIXES = ("telecom", "broadcast", "finance")

TYPE_WORDS = {
    "tri": "はい・いいえ・不明",
    "bool": "真偽値",
    "int": "整数",
    "date": "日付",
    "datenull": "日付又は null",
    "enum": "選択肢",
    "str": "文字列",
    "text": "文字列（複数行可）",
    "strnull": "文字列又は null",
    "list": "文字列の一覧",
}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


FIXED_VALUES = {  # fact type → what may be written, when it does not depend on the fact
    "bool": "`true` / `false`",
    "int": "0 以上の整数（`12`。`12.0` や `\"12\"` は不可）",
    "date": "`YYYY-MM-DD`（例 `2026-11-04`）",
    "datenull": "`YYYY-MM-DD`、又は `null`（不明）",
    "list": "例 `[\"氏名\", \"住所\"]`",
    "strnull": "文字列、又は `null`（なし）",
}


def _values(f: Fact) -> str:
    if f.type == "tri":
        return "<br>".join(f"`{k}`（{v}）" for k, v in TRI_LABELS.items()) + "<br>`true` / `false` も可"
    if f.type == "enum":
        return "<br>".join(f"`{k}`（{_cell(v)}）" for k, v in f.choices.items())
    if f.id == "org.prefecture":
        return "都道府県名（`東京都`、`大阪府`、`北海道` など 47 のいずれか）"
    return FIXED_VALUES.get(f.type, "自由記述")


def _section_of(fid: str) -> str:
    prefix = fid.split(".", 1)[0]
    return "sector" if prefix in SECTOR_PREFIXES else prefix


def _notes(fid: str) -> str:
    if fid in REQUIRED_FOR_ASSESS:
        return "**必須**（判定に必要）"
    if fid == "incident.malicious":
        causes = "、".join(f"`{c}`" for c in FACTS["incident.cause"].choices if c in MALICIOUS_CAUSES)
        return f"書かないときは事案の種類から決まります（{causes} → `yes`、それ以外 → `no`）"
    if fid == "data.is_personal_data":
        return "書かないときは `yes`"
    if fid == "mynumber.included":
        return "`unknown` は「含む」として扱います"
    return ""


def render(questions: dict[str, str]) -> str:
    required = "、".join(f"`{k}`" for k in REQUIRED_FOR_ASSESS)
    lines = [
        "# 事案ファイルの形式（rouei-incident/1）",
        "",
        "<!-- tools/gen_incident_doc.py が wizard/domain/facts.py と questions/*.yaml から生成します。手で編集しないでください。 -->",
        "",
        "1件の事案を1つのファイルに保存します。画面（ウィザード）で保存したファイルも、コマンドライン",
        "（`assess`・`render`）で読むファイルも同じ形式です。",
        "",
        "- 文字コードは **UTF-8**。形式は **JSON**（`.json`）又は **YAML**（`.yaml`・`.yml`）。",
        "- 最上位のキーは `format`（必ず `\"rouei-incident/1\"`）、`answers`（回答）、`recipients`（任意：本人通知の",
        "  宛先ファイル。この事案ファイルのあるフォルダーからの相対パス）、`report`（任意：`stage` と続報のときの",
        "  `previous`）です。",
        "- `answers` は下の表の **事実ID** をキーとする一覧です。知らないキーや型の違う値は、キーと行を示して",
        "  エラーになります（終了コード 2）。`x-` で始まるキー（最上位と `answers` の中）は利用者の拡張で、判定には使われません。",
        f"- 判定（`assess`）には {required} が必要です。ほかの事実は、質問の流れの上にあるのに書かれていなければ",
        "  「不明」として扱い、警告でその事実を示します。流れの上にない（質問されない）事実は「不明」ではなく、",
        "  書いてあっても判定には使われません。",
        "- 「はい・いいえ・不明」の事実には `\"yes\"`・`\"no\"`・`\"unknown\"` を書きます（`true` / `false` も使えます）。",
        "  「不明」は本人を保護する側（報告する・通知する側）で判断され、結果にその旨が示されます。",
        "- 日付は `YYYY-MM-DD` だけです（`20261104`、`2026/11/04`、時刻付き、週番号の形は使えません）。",
        "  知った日が今日より後、知った日が発生日より前、マイナンバーに係る本人の数が本人の数を超える、",
        "  といった組合せもエラーです。",
        "- 数は 10 進の整数です（YAML の `20:00` のような 60 進表記は使えません）。",
        "",
        "## 例",
        "",
        "```json",
        "{",
        '  "format": "rouei-incident/1",',
        '  "answers": {',
        '    "org.name": "株式会社サンプル商事",',
        '    "org.sector": "general",',
        '    "org.prefecture": "東京都",',
        '    "incident.title": "顧客リストを添付したメールの誤送信",',
        '    "incident.known_on": "2026-11-04",',
        '    "incident.cause": "misdelivery",',
        '    "incident.unviewed_confirmed": "unknown",',
        '    "data.subjects": 1,',
        '    "data.items": ["氏名", "メールアドレス"]',
        "  }",
        "}",
        "```",
        "",
        "## エディターでの検査（JSON Schema）",
        "",
        "`rouei-wizard schema`（ソースからは `python main.py schema`）が、この形式の JSON Schema（draft 2020-12）を",
        "出力します。保存しておくと、エディターが入力中に事実ID・型・選択肢を検査・補完できます。",
        "",
        "```",
        "rouei-wizard schema > rouei-incident.schema.json",
        "```",
        "",
        "- VS Code（JSON）: 設定 `json.schemas` に `{\"fileMatch\": [\"*.incident.json\"], \"url\": \"./rouei-incident.schema.json\"}`。",
        "- YAML（YAML 言語サーバー）: ファイルの1行目に `# yaml-language-server: $schema=./rouei-incident.schema.json`。",
        "",
        "JSON Schema で表せない検査（今日より後の日付、発生日と知った日の前後、`12.0` のような小数表記の整数）は、",
        "プログラムが読み込むときに行います。",
        "",
        "## 事実ID の一覧",
        "",
        "「質問」は画面で表示される質問文です。「質問なし」の事実は画面では聞かれず、ファイルに書いたときだけ使われます。",
    ]
    for key, title, intro in SECTIONS:
        facts = [f for fid, f in FACTS.items() if _section_of(fid) == key]
        if not facts:
            continue
        lines += ["", f"### {title}", ""]
        if intro:
            lines += [intro, ""]
        lines += ["| 事実ID | 意味 | 質問 | 型 | 使える値 | 備考 |", "| --- | --- | --- | --- | --- | --- |"]
        for f in facts:
            q = questions.get(f.id)
            lines.append(f"| `{f.id}` | {_cell(f.label)} | {_cell(q) if q else '（質問なし）'} | "
                         f"{TYPE_WORDS[f.type]} | {_values(f)} | {_notes(f.id)} |")
    lines.append("")
    return "\n".join(lines)


def generate() -> str:
    from wizard.engine.catalog import load_catalog

    return render(question_texts(load_catalog().graph.nodes.values()))


def main(argv: list[str]) -> int:
    text = generate()
    if argv[:1] == ["--check"]:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} が古くなっています: python tools/gen_incident_doc.py で再生成してください",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"{OUT.relative_to(ROOT)} を書きました（事実 {len(FACTS)} 件）")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
