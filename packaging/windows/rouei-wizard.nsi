; Per-user Japanese installer of 漏えい等対応ウィザード (Windows x64), built by bundle-windows.sh:
;   makensis -INPUTCHARSET UTF8 -DSRCDIR=dist-windows/rouei-wizard -DOUTFILE=...setup-x64.exe
;            -DVERSION=0.1.0 -DSIZE_KB=... packaging/windows/rouei-wizard.nsi
; No admin rights: installs into %LOCALAPPDATA%\Programs\rouei-wizard, a Start-menu shortcut for the
; current user, and an uninstall entry under HKCU.  Silent: setup.exe /S, uninstall.exe /S.
; 64-bit stub (Debian's NSIS ships amd64-unicode stubs): the program is x64 anyway, and a 32-bit
; installer would not start under a 64-bit-only Wine.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef SRCDIR
  !error "SRCDIR (the one-folder bundle) is required"
!endif
!ifndef OUTFILE
  !define OUTFILE "rouei-wizard-setup-x64.exe"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SIZE_KB
  !define SIZE_KB 0
!endif

!define APPNAME "漏えい等対応ウィザード"
!define APPKEY "rouei-wizard"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "Software\${APPKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1041 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1041 "FileDescription" "${APPNAME} セットアップ"
VIAddVersionKey /LANG=1041 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "LegalCopyright" ""

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\rouei-wizard.exe"
!define MUI_FINISHPAGE_RUN_TEXT "${APPNAME}を起動する"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"

Section "${APPNAME}" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; A reinstall replaces the program files completely (no stale DLLs from an older version).
  RMDir /r "$INSTDIR\_internal"
  File /r "${SRCDIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\rouei-wizard.exe" "" "$INSTDIR\rouei-wizard.exe" 0
  WriteRegStr HKCU "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\rouei-wizard.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Leave the install folder first: Windows cannot remove a process's current folder.
  SetOutPath "$TEMP"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  ; Only what the installer put there: the user's documents and settings live elsewhere
  ; (Documents, %APPDATA%, %LOCALAPPDATA%\rouei-wizard) and are kept.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\rouei-wizard.exe"
  Delete "$INSTDIR\uninstall.exe"
  ; The documentation the bundle ships beside the program (README.md, docs\, packaging\README.md)
  Delete "$INSTDIR\README.md"
  RMDir /r "$INSTDIR\docs"
  RMDir /r "$INSTDIR\packaging"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPKEY}"
SectionEnd
