/* CancelIo / CancelIoEx reaching msgsock's pending requests (see cancel_hook.c). */
#ifndef MSGSOCK_CANCEL_HOOK_H
#define MSGSOCK_CANCEL_HOOK_H

/* Idempotent; called by WSPStartup.  FALSE if kernelbase's cancel calls could not be wrapped. */
BOOL cancel_hook_install(void);

#endif
