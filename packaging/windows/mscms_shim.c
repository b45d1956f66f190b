/* TEST-ONLY stand-in for mscms.dll (Windows colour management) under Wine 8.0.
 *
 * Qt's windows platform plugin (qwindows.dll) calls WcsCreateIccProfile when a window is shown;
 * Wine 8.0's mscms.dll does not implement it and aborts the process.  These four functions
 * answer "no colour profile", which makes Qt use sRGB.  Only for showing the real window under
 * Xvfb in the Wine test prefix (system32, with WINEDLLOVERRIDES mscms=n); never bundled:
 * Windows has the real mscms.dll.
 */
#include <stddef.h>

#define EXPORT __declspec(dllexport)
#define ERROR_FILE_NOT_FOUND 2L

__declspec(dllimport) void __stdcall SetLastError(unsigned long code);

EXPORT void *__stdcall OpenColorProfileW(void *profile, unsigned long access, unsigned long share,
                                         unsigned long creation)
{ (void)profile; (void)access; (void)share; (void)creation; SetLastError(ERROR_FILE_NOT_FOUND); return NULL; }
EXPORT int __stdcall CloseColorProfile(void *profile) { (void)profile; return 1; }
EXPORT int __stdcall GetColorProfileFromHandle(void *profile, unsigned char *buf, unsigned long *size)
{ (void)profile; (void)buf; if (size) *size = 0; SetLastError(ERROR_FILE_NOT_FOUND); return 0; }
EXPORT void *__stdcall WcsCreateIccProfile(void *profile, unsigned long intent)
{ (void)profile; (void)intent; SetLastError(ERROR_FILE_NOT_FOUND); return NULL; }
