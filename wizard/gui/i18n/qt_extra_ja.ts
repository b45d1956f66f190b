<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Japanese for Qt strings that qtbase_ja.qm leaves in English in the file dialogs.
     Built into qt_extra_ja.qm by `pyside6-lrelease wizard/gui/i18n/qt_extra_ja.ts` (tests/gui/test_saving.py checks it is current). -->
<TS version="2.1" language="ja_JP">
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><comment>All other platforms</comment><translation>フォルダー</translation></message>
    <message><source>Folder</source><translation>フォルダー</translation></message>
    <message><source>Drive</source><translation>ドライブ</translation></message>
    <message><source>File</source><translation>ファイル</translation></message>
</context>
</TS>
