/* Redirecting one import of one of Wine's PE modules (kernelbase, kernel32) to a wrapper. */
#ifndef MSGSOCK_IMPORT_SLOT_H
#define MSGSOCK_IMPORT_SLOT_H

#include <windows.h>

/* Points `module`'s import of `target` from `dll` at `replacement`; FALSE if it has none. */
BOOL import_slot_patch(HMODULE module, const char *dll, void *target, void *replacement);

/* Pins the module holding `address` (the wrappers must outlive every patched slot). */
void import_slot_pin(const void *address);

#endif
