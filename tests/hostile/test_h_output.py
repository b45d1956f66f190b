"""Output folders, logs and the rules cache (issue 11 items 6, 9, 11, 12, 17)."""
from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from hostilekit import SAMPLE, assert_japanese_only, cli, write_incident

from wizard.documents import api, output
from wizard.documents.output import OutputDir
from wizard.engine.assess import assess
from wizard.engine.incident import validate_document


def _render(out: Path, force: bool = False, **kw):
    inc = validate_document(json.loads(json.dumps(SAMPLE)))
    return api.render_bundle(inc, assess(inc), out, force=force, **kw)


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def _manifest(folder: Path, name: str = "manifest.json") -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def test_a_render_that_dies_midway_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    first = _render(out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    calls = {"n": 0}
    real = OutputDir.write

    def dying(self, name, data):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # killed after the first file of the new bundle
        return real(self, name, data)

    monkeypatch.setattr(OutputDir, "write", dying)
    for force in (False, True):
        calls["n"] = 0
        with pytest.raises(KeyboardInterrupt):
            _render(out, force=force)
        after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        assert after == before  # old manifest still describes exactly the old files
    assert not [p for p in out.iterdir() if p.name.startswith(output.STAGING_PREFIX)]
    assert _manifest(out)["documents"] == first["documents"]


def test_a_killed_process_leaves_a_stale_staging_folder_that_the_next_render_removes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / (output.STAGING_PREFIX + "dead")
    stale.mkdir()
    (stale / output.HOLD_NAME).write_bytes(b"")
    (stale / "subject_notice_001.docx").write_bytes(b"personal data")
    _render(out)
    assert not stale.exists()


def test_force_removes_the_old_manifest_before_replacing_files(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    _render(out)
    seen: list[bool] = []
    real = OutputDir._place

    def place(self, src, name):
        seen.append((out / "manifest.json").exists())
        return real(self, src, name)

    monkeypatch.setattr(OutputDir, "_place", place)
    _render(out, force=True)
    assert seen and not any(seen)
    assert _visible(out).count("manifest.json") == 1 and not (out / "manifest (2).json").exists()


def test_concurrent_renders_into_one_folder_keep_every_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    results: list[dict] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(_render(out))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    manifests = [p for p in out.iterdir() if p.name.startswith("manifest")]
    assert len(manifests) == 8
    listed = [d["path"] for p in manifests for d in _manifest(out, p.name)["documents"]]
    assert len(listed) == len(set(listed)) == 8 * len(results[0]["documents"])
    assert all((out / name).is_file() for name in listed)


@pytest.mark.parametrize("case", ["file", "devnull", "empty", "longname", "readonly"])
def test_bad_output_folders_are_exit_2_in_japanese(tmp_path: Path, capsys, monkeypatch, case: str) -> None:
    inc = write_incident(tmp_path / "inbox")
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    out = {"file": str(tmp_path / "a_file"), "devnull": "/dev/null", "empty": "",
           "longname": str(tmp_path / ("長" * 5000)), "readonly": str(tmp_path / "ro")}[case]
    if case == "readonly":  # root ignores permission bits: the file system says EACCES instead
        (tmp_path / "ro").mkdir()
        real = output.tempfile.mkdtemp

        def denied(*a, **k):
            if k.get("dir") == Path(out):
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(*a, **k)

        monkeypatch.setattr(output.tempfile, "mkdtemp", denied)
    monkeypatch.chdir(tmp_path)
    rc, _, err = cli("render", str(inc), "--out", out, "--today", "2026-11-04", capsys=capsys)
    assert rc == 2, err
    assert_japanese_only(err)
    assert "出力先" in err
    assert not list(tmp_path.glob("*.docx"))  # `--out ""` never writes into the current folder


def test_a_full_disk_leaves_no_partial_file(tmp_path: Path, capsys, monkeypatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("old", encoding="utf-8")
    calls = {"n": 0}
    real = OutputDir._write_bytes

    def full(self, fh, data):
        calls["n"] += 1
        if calls["n"] == 3:
            fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, fh, data)

    monkeypatch.setattr(OutputDir, "_write_bytes", full)
    inc = write_incident(tmp_path / "inbox")
    rc, _, err = cli("render", str(inc), "--out", str(out), "--today", "2026-11-04", capsys=capsys)
    assert rc == 2 and "ディスクの空き容量が足りません" in err, err
    assert_japanese_only(err)
    assert sorted(p.name for p in out.iterdir()) == [output.LOCK_NAME, "keep.txt"] or \
        sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_pdf_sources_are_staged_inside_the_output_folder(tmp_path: Path, monkeypatch) -> None:
    from wizard.documents import pdf

    seen: list[Path] = []

    def convert(files, outdir, timeout=None):
        seen.extend(files)
        pdfs = []
        for f in files:
            target = outdir / (f.stem + ".pdf")
            target.write_bytes(b"%PDF-1.4 test")
            pdfs.append(target)
        return pdfs

    monkeypatch.setattr(pdf, "require_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "convert", convert)
    out = tmp_path / "out"
    manifest = _render(out, fmt="pdf")
    assert seen and all(out.resolve() in f.resolve().parents for f in seen)
    assert all(d["path"].endswith(".pdf") for d in manifest["documents"])
    assert not [p for p in out.iterdir() if p.name.startswith(".rouei-staging")]


# --- logs -----------------------------------------------------------------------------------------
def test_internal_errors_are_logged_privately_in_the_state_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    from wizard import errorlog

    inc = write_incident(tmp_path / "inbox")

    def boom(*a, **k):
        raise RuntimeError("秘密の氏名")

    monkeypatch.setattr(api, "render_bundle", boom)
    rc, _, err = cli("render", str(inc), "--out", str(tmp_path / "out"), "--today", "2026-11-04", capsys=capsys)
    assert rc == 1
    log = errorlog.log_path()
    assert str(log) in err and "秘密の氏名" not in err
    assert log.is_file() and stat.S_IMODE(log.stat().st_mode) == 0o600
    assert Path(os.environ["XDG_STATE_HOME"]) in log.parents
    assert "秘密の氏名" in log.read_text(encoding="utf-8")


def test_the_log_never_follows_a_planted_symlink(tmp_path: Path) -> None:
    from wizard import errorlog
    from wizard.userdirs import ensure, state_dir

    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    ensure(state_dir())
    (state_dir() / errorlog.LOG_NAME).symlink_to(victim)
    assert errorlog.append_log("traceback") is None
    assert victim.read_text(encoding="utf-8") == "untouched"


# --- rules cache ------------------------------------------------------------------------------------
def _fresh_catalog():
    from wizard.engine import catalog

    catalog.load_catalog.cache_clear()
    return catalog


def test_an_edited_rules_cache_never_changes_a_decision(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ROUEI_CACHE_DIR", str(tmp_path / "cache"))
    answers = {**SAMPLE["answers"], "data.sensitive": "no", "incident.cause": "misdelivery",
               "incident.malicious": "no", "data.subjects": 1200}
    inc = validate_document({"format": "rouei-incident/1", "answers": answers})
    _fresh_catalog()
    try:
        expected = assess(inc)
        assert 4 in expected["appi"]["grounds"]
        cache = next((tmp_path / "cache").glob("catalog-*.json"))
        text = cache.read_text(encoding="utf-8")
        assert "> 1000" in text
        for tampered in (text.replace("> 1000", "> 100000"), "{}", "", "[1, 2", json.dumps({"format": "x"})):
            cache.write_text(tampered, encoding="utf-8")
            _fresh_catalog()
            assert assess(inc) == expected
            assert cache.read_text(encoding="utf-8") == text  # rebuilt silently
    finally:
        _fresh_catalog()


def test_a_cache_that_parses_but_breaks_the_build_falls_back_to_the_sources(tmp_path: Path, monkeypatch) -> None:
    import hashlib

    monkeypatch.setenv("ROUEI_CACHE_DIR", str(tmp_path / "cache"))
    catalog = _fresh_catalog()
    try:
        catalog.load_catalog()
        cache = next((tmp_path / "cache").glob("catalog-*.json"))
        doc = json.loads(cache.read_text(encoding="utf-8"))
        payload = json.dumps({"questions": [], "rules": [], "routing": {}})  # a consistent digest
        doc.update(payload=payload, sha256=hashlib.sha256(payload.encode()).hexdigest())
        cache.write_text(json.dumps(doc), encoding="utf-8")
        catalog = _fresh_catalog()
        assert "appi-2022" in catalog.load_catalog().rulesets
    finally:
        _fresh_catalog()


def test_the_cache_key_works_without_source_files_as_in_the_frozen_bundle(tmp_path: Path, monkeypatch) -> None:
    """PyInstaller keeps no .py files: the key falls back to the build's identity (was a crash)."""
    from wizard import ROOT

    catalog = _fresh_catalog()
    key = catalog._source_key(ROOT)
    monkeypatch.setattr(catalog, "__file__", str(tmp_path / "frozen" / "catalog.pyc"))
    frozen = catalog._source_key(ROOT)
    assert frozen != key and len(frozen) == 64
    monkeypatch.setenv("ROUEI_CACHE_DIR", str(tmp_path / "cache"))
    try:
        assert "appi-2022" in _fresh_catalog().load_catalog().rulesets
    finally:
        _fresh_catalog()
