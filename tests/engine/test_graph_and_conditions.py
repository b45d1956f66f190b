"""Question-graph invariants, strict loading errors, and the condition language."""
import shutil
from pathlib import Path

import pytest

from wizard.domain.facts import FACTS
from wizard.engine.catalog import CatalogError, load_catalog, load_rulesets
from wizard.engine.conditions import ConditionError, compile_condition
from wizard.engine.graph import END, GraphError, load_graph, mermaid

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():
    return load_catalog().graph


def test_every_node_is_cited_and_typed(graph):
    for q in graph.nodes.values():
        assert q.cite and q.text and q.fact in FACTS


def test_required_facts_are_always_on_the_path(graph):
    for cause in FACTS["incident.cause"].choices:
        for sector in FACTS["org.sector"].choices:
            facts = {q.fact for q in graph.walk({"incident.cause": cause, "org.sector": sector})}
            assert {"org.sector", "incident.known_on", "incident.cause", "data.subjects"} <= facts


def test_branches_ask_only_what_matters(graph):
    facts = {q.fact for q in graph.walk({"incident.cause": "misdelivery", "mynumber.included": "no",
                                         "org.sector": "general", "data.encryption": "no"})}
    assert "incident.left_premises" not in facts and "mynumber.subjects" not in facts
    assert "telecom.secrecy" not in facts and "data.key_compromised" not in facts
    facts = {q.fact for q in graph.walk({"incident.cause": "loss", "mynumber.included": "yes", "org.sector": "telecom",
                                         "data.encryption": "yes", "org.telecom_designated": True})}
    assert {"incident.left_premises", "mynumber.subjects", "telecom.secrecy", "data.key_compromised",
            "telecom.specific_user_info"} <= facts
    facts = {q.fact for q in graph.walk({"incident.cause": "misdelivery", "incident.known_on": "2021-01-05"})}
    assert "data.address_only" in facts  # the 2017 minor-misdelivery question only for old incidents


def test_mermaid_names_every_node(graph):
    text = mermaid(graph)
    assert text.startswith("flowchart TD")
    for nid in graph.nodes:
        assert nid in text


def _broken(tmp_path, mutate):
    folder = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", folder)
    f = folder / "10_incident.yaml"
    f.write_text(mutate(f.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize("mutate,needle", [
    (lambda s: s.replace("next: incident_summary", "next: nowhere"), "nowhere"),
    (lambda s: s.replace("    next: incident_role\n  - id: incident_role",
                         "    next: incident_title\n  - id: incident_role"), "循環"),
    (lambda s: s.replace("    cite: 別記様式第一「概要」\n", "", 1), "cite"),
    (lambda s: s.replace("    section: incident\n", "    section: incident\n    colour: red\n", 1), "colour"),
    (lambda s: s.replace("fact: incident.title", "fact: incident.titel"), "incident.titel"),
    (lambda s: s.replace("if: \"incident.cause == 'intentional_provision'\"",
                         "if: \"data.subjects > 5\""), "まだ質問していない"),
    (lambda s: s.replace("if: \"incident.cause == 'intentional_provision'\"",
                         "if: \"__import__('os').system('x')\""), "使えない"),
    (lambda s: s.replace("next: incident_occurred_on", "next: END\n  - id: orphan\n    fact: incident.location\n"
                         "    kind: text\n    section: incident\n    text: x\n    cite: y\n    next: END"), "到達できない"),
])
def test_broken_graphs_are_refused_naming_file_and_node(tmp_path, mutate, needle):
    with pytest.raises(GraphError) as e:
        load_graph(_broken(tmp_path, mutate))
    assert needle in str(e.value) and ".yaml" in str(e.value)


def _mutated_rules(tmp_path, old, new):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    f = folder / "appi-2022.yaml"
    text = f.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    f.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_rules_need_citations(tmp_path):
    folder = _mutated_rules(tmp_path, "    cite: 個人情報保護法施行規則7条4号、通則GL 3-5-3-1(4)\n", "")
    with pytest.raises(CatalogError, match="cite"):
        load_rulesets(folder)


N4_DATED = "    cite: 個人情報保護法施行規則7条4号、通則GL 3-5-3-1(4)\n    effective_from: 2022-04-01\n"


@pytest.mark.parametrize("old,new,needle", [
    (N4_DATED, "    cite: 個人情報保護法施行規則7条4号、通則GL 3-5-3-1(4)\n", "effective_from"),
    (N4_DATED, N4_DATED.replace("2022-04-01", "2021-04-01"), "施行日"),
    (N4_DATED, N4_DATED + "    effective_to: 2022-03-31\n", "より前"),
    ("effective_from: 2022-04-01\neffective_to: null\n", "effective_to: null\n", "effective_from"),
])
def test_rules_need_effective_dates(tmp_path, old, new, needle):
    with pytest.raises(CatalogError, match=needle) as e:
        load_rulesets(_mutated_rules(tmp_path, old, new))
    assert "appi-2022.yaml" in str(e.value)


def test_check_command_fails_on_a_rule_without_cite_or_dates(tmp_path):
    """`main.py check` on a copy of the project whose rule lacks its citation / its date: exit 2, named."""
    import subprocess
    import sys
    for old, new in [("    cite: 個人情報保護法施行規則7条4号、通則GL 3-5-3-1(4)\n", ""),
                     (N4_DATED, "    cite: 個人情報保護法施行規則7条4号、通則GL 3-5-3-1(4)\n")]:
        root = tmp_path / ("p" + str(len(new)))
        for name in ("wizard", "questions", "rules", "templates"):
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "main.py", root / "main.py")
        f = root / "rules" / "appi-2022.yaml"
        f.write_text(f.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        r = subprocess.run([sys.executable, str(root / "main.py"), "check"], capture_output=True, text=True,
                           cwd=root, timeout=120, env={"ROUEI_CACHE_DIR": "", "QT_QPA_PLATFORM": "offscreen",
                                                       "PATH": "/usr/bin:/bin"})
        assert r.returncode == 2, r.stdout + r.stderr
        assert "appi.r7.n4" in r.stderr and "Traceback" not in r.stderr


def test_rulesets_are_dated_and_every_rule_cited():
    cat = load_catalog()
    assert str(cat.rulesets["appi-2022"].effective_from) == "2022-04-01"
    assert str(cat.rulesets["appi-2017"].effective_to) == "2022-03-31"
    assert cat.rulesets["appi-2026-draft"].status == "not_in_force"
    assert str(cat.rulesets["appi-2022"].rule("appi.r7.n3.acquiring").effective_from) == "2024-04-01"
    for rs in cat.rulesets.values():
        for r in rs.rules:
            assert r.cite and r.confidence in {"V", "V2", "S", "R", "UNSURE"}


# --- the condition language: Kleene logic, no eval ---------------------------------------
@pytest.mark.parametrize("src,env,want", [
    ("data.sensitive", {"data.sensitive": "yes"}, True),
    ("data.sensitive", {"data.sensitive": "unknown"}, None),
    ("data.sensitive", {}, None),
    ("not data.sensitive", {"data.sensitive": "no"}, True),
    ("a.b and c.d", {"a.b": "no", "c.d": "unknown"}, False),
    ("a.b or c.d", {"a.b": "yes"}, True),
    ("a.b or c.d", {"a.b": "no"}, None),
    ("data.subjects > 1000", {"data.subjects": 1001}, True),
    ("data.subjects > 1000", {"data.subjects": 1000}, False),
    ("data.subjects > 1000", {}, None),
    ("incident.cause in ['loss', 'theft']", {"incident.cause": "theft"}, True),
    ("incident.cause not in ['loss']", {"incident.cause": "theft"}, True),
    ("incident.known_on < '2022-04-01'", {"incident.known_on": "2022-03-31"}, True),
    ("known(x.y)", {"x.y": "unknown"}, False),
    ("known(x.y)", {"x.y": "no"}, True),
])
def test_kleene_logic(src, env, want):
    assert compile_condition(src)(env) is want


@pytest.mark.parametrize("src", ["__import__('os')", "open('x')", "x.y.__class__()", "[i for i in x]",
                                 "lambda: 1", "x + 1", "x[0]", "", "a if b else c", "f'{x}'"])
def test_refuses_anything_but_the_language(src):
    with pytest.raises(ConditionError):
        compile_condition(src)


def test_no_eval_or_exec_in_the_engine():
    import re
    for p in (ROOT / "wizard").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])(eval|exec)\(", text), p


def test_graph_walk_stops_at_end(graph):
    path = graph.walk({})
    assert path[0].id == graph.start and path[-1].edges[-1].target == END


def test_parsed_sources_cache_follows_file_contents(tmp_path, monkeypatch):
    from wizard.engine import catalog
    root = tmp_path / "root"
    shutil.copytree(ROOT / "questions", root / "questions")
    shutil.copytree(ROOT / "rules", root / "rules")
    monkeypatch.setenv("ROUEI_CACHE_DIR", str(tmp_path / "cache"))
    first = catalog._parsed_sources(root)
    assert list((tmp_path / "cache").glob("catalog-*.json"))
    again = catalog._parsed_sources(root)  # from the cache, line numbers kept
    assert again["questions"][0][1].line == first["questions"][0][1].line
    f = root / "questions" / "10_incident.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("この事案の件名", "事案の件名"), encoding="utf-8")
    edited = catalog.graph_from_docs(catalog._parsed_sources(root)["questions"])
    assert edited.nodes["incident_title"].text.startswith("事案の件名")
    monkeypatch.setenv("ROUEI_CACHE_DIR", "")  # caching off still works
    assert "関東総合通信局" in catalog._parsed_sources(root)["routing"]["mic_offices"]
