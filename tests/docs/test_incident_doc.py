"""docs/incident-file.md is generated from the facts table and the questions, and stays in sync."""
import importlib.util
from pathlib import Path

from wizard.domain.facts import FACTS
from wizard.domain.schema import question_texts
from wizard.engine.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "incident-file.md"


def _tool():
    spec = importlib.util.spec_from_file_location("gen_incident_doc", ROOT / "tools" / "gen_incident_doc.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_file_equals_a_fresh_generation():
    assert DOC.read_text(encoding="utf-8") == _tool().generate(), \
        "docs/incident-file.md が古くなっています: python tools/gen_incident_doc.py で再生成してください"


def test_every_fact_has_a_row_with_its_values():
    text = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in text.splitlines() if line.startswith("| `")}
    assert set(rows) == set(FACTS)
    for fid, f in FACTS.items():
        for value in f.choices:
            assert f"`{value}`" in rows[fid], (fid, value)


def test_question_texts_appear_and_unasked_facts_say_so():
    questions = question_texts(load_catalog().graph.nodes.values())
    text = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in text.splitlines() if line.startswith("| `")}
    for fid in FACTS:
        q = questions.get(fid)
        assert (q.replace("|", "\\|") if q else "（質問なし）") in rows[fid], fid


def test_render_escapes_table_breakers():
    text = _tool().render({"incident.title": "A|B\n  C"})
    assert "A\\|B C" in text


def test_check_mode_detects_a_stale_file(tmp_path, monkeypatch):
    tool = _tool()
    stale = tmp_path / "incident-file.md"
    stale.write_text("old", encoding="utf-8")
    monkeypatch.setattr(tool, "OUT", stale)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0


def test_the_example_in_the_document_is_a_valid_incident_file():
    import json

    from wizard.engine.incident import validate_document
    text = DOC.read_text(encoding="utf-8")
    block = text.split("```json", 1)[1].split("```", 1)[0]
    inc = validate_document(json.loads(block), "docs/incident-file.md")
    assert inc.answers["incident.cause"] == "misdelivery"
