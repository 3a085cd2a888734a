/* CancelIo / CancelIoEx reaching msgsock's pending requests (see cancel_hook.c). */
#ifndef MSGSOCK_CANCEL_HOOK_H
#define MSGSOCK_CANCEL_HOOK_H

/* Idempotent; called by WSPStartup. */
void cancel_hook_install(void);

#endif
