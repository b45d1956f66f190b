"""Hostile incident files: every one ends in exit 2 with a Japanese message naming
the problem (file, line or key) — never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.engine.helpers import BASE
from wizard.engine.incident import InputError, load_incident

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path, name, content):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def doc(**answers):
    a = dict(BASE)
    a.update(answers)
    return json.dumps({"format": "rouei-incident/1", "answers": a}, ensure_ascii=False)


def cli(path, *extra):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "assess", str(path), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


BAD = [
    ("broken.json", '{"format": "rouei-incident/1", "answers": {', "JSONの書式"),
    ("broken.yaml", "format: rouei-incident/1\nanswers: [1,\n", "YAMLの書式"),
    ("type.json", doc(**{"data.subjects": "many"}), "data.subjects"),
    ("enum.json", doc(**{"incident.cause": "aliens"}), "incident.cause"),
    ("date.json", doc(**{"incident.known_on": "2026-02-30"}), "存在しない日付"),
    ("negative.json", doc(**{"data.subjects": -1}), "負の数"),
    ("float.json", doc(**{"data.subjects": 1.5}), "data.subjects"),
    ("unknown-key.json", doc(**{"data.colour": "red"}), "未知の事実ID「data.colour」"),
    ("tri.json", doc(**{"data.sensitive": "maybe"}), "data.sensitive"),
    ("format.json", json.dumps({"format": "other/1", "answers": BASE}), "format"),
    ("toplevel.json", "[1, 2, 3]", "最上位"),
    ("sjis.json", doc().encode("cp932"), "UTF-8"),
    ("bomb.yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", "エイリアス"),
    ("python.yaml", "!!python/object/apply:os.system ['echo pwned']\n", "タグ"),
    ("future.json", doc(**{"incident.known_on": "2099-01-01"}), "今日"),
    ("order.json", doc(**{"incident.occurred_on": "2026-11-05", "incident.known_on": "2026-11-02"}), "発生日"),
    ("missing.json", json.dumps({"format": "rouei-incident/1", "answers": {"org.sector": "general"}}),
     "incident.known_on"),
    ("nan.json", '{"format": "rouei-incident/1", "answers": {"data.subjects": NaN}}', "NaN"),
    ("dup.json", '{"format": "rouei-incident/1", "format": "x", "answers": {}}', "重複"),
    ("bad.txt", "hello", ".json / .yaml"),
]


@pytest.mark.parametrize("name,content,needle", BAD, ids=[b[0] for b in BAD])
def test_bad_files_exit_2_with_japanese_message(tmp_path, name, content, needle):
    p = write(tmp_path, name, content)
    r = cli(p, "--today", "2026-11-23")
    assert r.returncode == 2, r.stderr
    assert needle in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert r.stdout == ""


def test_missing_file_and_directory(tmp_path):
    for target in (tmp_path / "nope.json", tmp_path):
        r = cli(target)
        assert r.returncode == 2 and "Traceback" not in r.stderr


def test_yaml_error_names_the_line(tmp_path):
    p = write(tmp_path, "x.yaml", "format: rouei-incident/1\nanswers:\n  org.sector: general\n  data.subjects: -5\n")
    with pytest.raises(InputError) as e:
        load_incident(p)
    assert "4行目" in str(e.value) and "data.subjects" in str(e.value)


def test_every_problem_is_listed(tmp_path):
    p = write(tmp_path, "x.json", doc(**{"data.subjects": -1, "incident.cause": "x", "zzz": 1}))
    with pytest.raises(InputError) as e:
        load_incident(p)
    msg = str(e.value)
    assert "data.subjects" in msg and "incident.cause" in msg and "zzz" in msg


def test_huge_file_is_refused(tmp_path):
    p = write(tmp_path, "big.json", '{"x-pad": "' + "a" * (6 * 1024 * 1024) + '"}')
    with pytest.raises(InputError, match="大きすぎ"):
        load_incident(p)


def test_yaml_and_json_mean_the_same(tmp_path):
    import yaml
    j = write(tmp_path, "a.json", doc())
    y = write(tmp_path, "a.yml", yaml.safe_dump(json.loads(doc()), allow_unicode=True))
    assert load_incident(j).answers == load_incident(y).answers


def test_extensions_and_booleans_for_tri_facts(tmp_path):
    d = json.loads(doc(**{"data.sensitive": True, "x-note": {"anything": 1}}))
    d["x-app"] = "kept"
    inc = load_incident(write(tmp_path, "a.json", json.dumps(d)))
    assert inc.answers["data.sensitive"] == "yes"
    assert inc.extensions == {"x-app": "kept"}


def test_missing_required_lists_question_text(tmp_path):
    p = write(tmp_path, "m.json", json.dumps({"format": "rouei-incident/1", "answers": {}}))
    r = cli(p)
    assert r.returncode == 2
    for fact in ("org.sector", "incident.known_on", "incident.cause", "data.subjects"):
        assert fact in r.stderr
    assert "何が起きましたか" in r.stderr


def test_bad_today_option(tmp_path):
    r = cli(write(tmp_path, "a.json", doc()), "--today", "yesterday")
    assert r.returncode == 2 and "--today" in r.stderr


def test_atomic_save_is_private_and_round_trips(tmp_path):
    import os
    import stat

    from wizard.engine.incident import dump_document
    d = json.loads(doc(**{"incident.summary": "𠮷野家 & <b> {{7*7}} 🙂"}))
    for name in ("s.json", "s.yaml"):
        dump_document(d, tmp_path / name)
        if os.name == "posix":
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
        assert load_incident(tmp_path / name).answers["incident.summary"] == "𠮷野家 & <b> {{7*7}} 🙂"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_future_known_on_without_today_uses_the_system_date(tmp_path):
    r = cli(write(tmp_path, "f.json", doc(**{"incident.known_on": "2199-01-01"})))
    assert r.returncode == 2 and "今日" in r.stderr
