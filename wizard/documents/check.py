"""`python main.py check` for templates/: manifest ↔ files ↔ build script."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from .engine import TEMPLATES_DIR

KEYS = {"file", "document", "obligation", "form", "effective", "rulesets", "keys"}


def load_manifest(directory: Path = TEMPLATES_DIR) -> dict[str, Any]:
    import yaml

    data = yaml.safe_load((directory / "manifest.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("templates"), dict):
        raise ValueError("templates/manifest.yaml: 'templates' の対応表がありません")
    return data


def _rebuild(directory: Path) -> dict[str, bytes]:
    spec = importlib.util.spec_from_file_location("rouei_templates_build", directory / "build.py")
    if spec is None or spec.loader is None:
        raise ImportError("templates/build.py を読み込めません")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.build_all())


def check_templates(directory: Path = TEMPLATES_DIR) -> list[str]:
    """Problems found (Japanese, naming the file and key); empty when fine."""
    from .engine import undeclared_variables

    problems: list[str] = []
    try:
        manifest = load_manifest(directory)
    except Exception as exc:  # YAML errors carry line/column in their message
        return [f"templates/manifest.yaml を読めません: {exc}"]
    files = set()
    for tid, entry in manifest["templates"].items():
        where = f"templates/manifest.yaml: {tid}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: 対応表ではありません")
            continue
        missing, unknown = KEYS - set(entry), set(entry) - KEYS
        if missing:
            problems.append(f"{where}: 必要なキーがありません: {', '.join(sorted(missing))}")
        if unknown:
            problems.append(f"{where}: 不明なキー: {', '.join(sorted(unknown))}")
        path = directory / str(entry.get("file", ""))
        files.add(path.name)
        if not path.is_file():
            problems.append(f"{where}: ファイルがありません: templates/{entry.get('file')}")
            continue
        try:
            used = undeclared_variables(path)
        except Exception as exc:
            problems.append(f"{where}: templates/{entry.get('file')} を読めません: {exc}")
            continue
        extra = used - set(entry.get("keys") or [])
        if extra:
            problems.append(f"{where}: manifest にないコンテキストキーを使っています: {', '.join(sorted(extra))}")
    try:
        built = _rebuild(directory)
    except Exception as exc:
        return problems + [f"templates/build.py を実行できません: {exc}"]
    for name, data in sorted(built.items()):
        path = directory / name
        if name not in files:
            problems.append(f"templates/{name}: manifest.yaml に記載がありません")
        if not path.is_file() or path.read_bytes() != data:
            problems.append(f"templates/{name}: build.py で再生成した内容と一致しません"
                            "（python templates/build.py で再生成してください）")
    return problems
