/* Redirecting one import of one of Wine's PE modules (kernelbase, kernel32) to a wrapper. */
#ifndef MSGSOCK_IMPORT_SLOT_H
#define MSGSOCK_IMPORT_SLOT_H

#include <windows.h>

/* Points `module`'s import of `target` from `dll` at `replacement`; FALSE if it has none. */
BOOL import_slot_patch(HMODULE module, const char *dll, void *target, void *replacement);

/* The same for ntdll's export `name` imported by `module_name`; says what `what` loses if it cannot. */
BOOL import_slot_wrap(const WCHAR *module_name, const char *name, void *wrapper, void **real, const char *what);

#endif
