"""--format pdf on Windows: LibreOffice's installer does not put soffice.exe on PATH."""
import ntpath
import os
import shutil
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from wizard.documents import pdf
from wizard.documents.errors import DocumentInputError
from wizard.windows import find_soffice, profile_url, soffice_candidates

PF = "C:\\Program Files"
PF86 = "C:\\Program Files (x86)"
WIN_ENV = {"ProgramFiles": PF, "ProgramFiles(x86)": PF86, "ProgramW6432": PF}


def no_path(name):
    return None


def only(*files):
    return lambda p: p in files


def test_default_folder_when_not_on_path():
    exe = f"{PF}\\LibreOffice\\program\\soffice.exe"
    assert find_soffice("win32", WIN_ENV, no_path, only(exe)) == exe


def test_32_bit_install_on_64_bit_windows():
    exe = f"{PF86}\\LibreOffice\\program\\soffice.exe"
    assert find_soffice("win32", WIN_ENV, no_path, only(exe)) == exe


def test_program_files_elsewhere():
    exe = "D:\\Apps\\LibreOffice\\program\\soffice.exe"
    assert find_soffice("win32", {"ProgramFiles": "D:\\Apps"}, no_path, only(exe)) == exe


def test_fixed_paths_without_environment():
    exe = f"{PF}\\LibreOffice\\program\\soffice.exe"
    assert find_soffice("win32", {}, no_path, only(exe)) == exe


def test_path_wins():
    def which(name):
        return "E:\\lo\\soffice.exe" if name == "soffice" else None
    assert find_soffice("win32", WIN_ENV, which, only(f"{PF}\\LibreOffice\\program\\soffice.exe")) \
        == "E:\\lo\\soffice.exe"


def test_libreoffice_name_on_path():
    assert find_soffice("linux", {}, lambda n: "/usr/bin/libreoffice" if n == "libreoffice" else None,
                        only()) == "/usr/bin/libreoffice"


def test_nothing_installed():
    assert find_soffice("win32", WIN_ENV, no_path, only()) is None


def test_no_windows_folders_on_linux():
    assert soffice_candidates("linux", WIN_ENV) == []
    assert find_soffice("linux", WIN_ENV, no_path, lambda p: True) is None


def test_candidates_are_unique_and_ordered():
    c = soffice_candidates("win32", WIN_ENV)
    assert c == [f"{PF}\\LibreOffice\\program\\soffice.exe", f"{PF86}\\LibreOffice\\program\\soffice.exe"]


def test_pdf_module_uses_it(monkeypatch, tmp_path):
    root = str(tmp_path / "pf")
    exe = Path(ntpath.join(root, "LibreOffice", "program", "soffice.exe"))  # one Linux file name
    exe.write_text("")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(shutil, "which", no_path)
    monkeypatch.setenv("ProgramFiles", root)
    assert pdf.require_soffice() == str(exe)
    exe.unlink()
    monkeypatch.setattr(os.path, "isfile", lambda p: False)
    with pytest.raises(DocumentInputError, match="LibreOffice"):
        pdf.require_soffice()


def test_profile_url_is_a_file_url_on_both_systems():
    assert profile_url(PureWindowsPath("C:\\Users\\山田\\AppData\\Local\\Temp\\rouei-lo-1")) == \
        "file:///C:/Users/%E5%B1%B1%E7%94%B0/AppData/Local/Temp/rouei-lo-1/profile"
    assert profile_url(PurePosixPath("/tmp/rouei-lo-1")) == "file:///tmp/rouei-lo-1/profile"
