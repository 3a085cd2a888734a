/* Seeing which completion port a socket is associated with (see port_hook.c). */
#ifndef MSGSOCK_PORT_HOOK_H
#define MSGSOCK_PORT_HOOK_H

#include <windows.h>

/* Idempotent; called by WSPStartup.  FALSE if an association could go unseen. */
BOOL port_hook_install(void);

#endif
