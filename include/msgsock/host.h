/* What msgsock.dll (the helper's PE half) exports to ws2_32 and mswsock. */
#ifndef MSGSOCK_HOST_H
#define MSGSOCK_HOST_H

#include <windows.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TRUE when the helper's unix library was found and loaded by Wine. */
BOOL WINAPI msgsock_host_available(void);
/* Runs host call `code` (enum host_call) with its params struct; an NTSTATUS. */
LONG WINAPI msgsock_host_call(unsigned int code, void *args);

#ifdef __cplusplus
}
#endif

#endif /* MSGSOCK_HOST_H */
