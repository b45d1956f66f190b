"""`python main.py check`: validate questions/, rules/ and templates/."""
from __future__ import annotations

from pathlib import Path

from wizard import ROOT


def run_checks(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """(problems, notes)."""
    from wizard.engine.catalog import CatalogError, load_catalog
    from wizard.engine.graph import GraphError
    problems: list[str] = []
    notes: list[str] = []
    try:
        load_catalog.cache_clear()
        cat = load_catalog(root)
    except (CatalogError, GraphError) as exc:
        return [str(exc)], notes
    notes.append(f"質問: {len(cat.graph.nodes)} 問（{len(cat.graph.flows)} フロー）")
    from wizard.engine.screens import ScreenError, ScreenPlan, load_groups
    try:
        plan = ScreenPlan(cat.graph, load_groups(root / "questions" / "screens.json"))
        notes.append(f"画面: {len(plan.groups)} 画面に質問をまとめています（questions/screens.json）")
    except ScreenError as exc:
        problems.append(str(exc))
    for rs in cat.rulesets.values():
        notes.append(f"規則セット {rs.id}: {len(rs.rules)} 規則（{rs.status}）")
        if rs.status == "in_force" and rs.effective_from is None:
            problems.append(f"規則セット {rs.id}: 施行中なのに effective_from がありません")
    for office_table in ("mic_offices", "fsa_offices", "mlit_offices"):
        from wizard.engine.values import PREFECTURES
        covered = [p for prefs in cat.routing[office_table].values() for p in prefs]
        missing = sorted(set(PREFECTURES) - set(covered))
        dup = sorted({p for p in covered if covered.count(p) > 1})
        if missing or dup:
            problems.append(f"rules/routing.yaml {office_table}: 未割当 {missing} 重複 {dup}")
    try:
        from wizard.documents.check import check_templates
    except ImportError:
        notes.append("templates/: 文書モジュールがないため検査を省略しました")
    else:
        problems.extend(check_templates())
        notes.append("templates/: 検査しました")
    return problems, notes
