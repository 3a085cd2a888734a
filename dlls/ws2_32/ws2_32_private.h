/* What ws2_32's API files share: startup state, the provider, error helpers. */
#ifndef MSGSOCK_WS2_32_PRIVATE_H
#define MSGSOCK_WS2_32_PRIVATE_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>

#include "msgsock/debug.h"
#include "msgsock/memcheck.h"   /* msgsock_readable / msgsock_writable for WSAEFAULT */

/* TRUE between a successful WSAStartup and the matching last WSACleanup. */
BOOL ws2_started(void);

/* Sets the thread's Winsock error and returns SOCKET_ERROR, for `return ws2_fail(WSAEFAULT);`. */
static inline int ws2_fail(int error)
{
    SetLastError(error);
    return SOCKET_ERROR;
}

/* WSANOTINITIALISED unless started: `if (!ws2_check_started()) return SOCKET_ERROR;`. */
static inline BOOL ws2_check_started(void)
{
    if (ws2_started()) return TRUE;
    SetLastError(WSANOTINITIALISED);
    return FALSE;
}


/* provider.c: loads the base provider and calls its WSPStartup / WSPCleanup (under the startup lock). */
int ws2_provider_start(void);
void ws2_provider_stop(void);

/*
 * The provider behind a socket (the SPI seam): ws2_32 reaches the transport
 * only through this table.  NULL, with the thread's error set, when Winsock
 * is not started.
 */
const WSPPROC_TABLE *ws2_provider_for_socket(SOCKET s);
/* The base provider's table, for calls tied to no one socket (select). */
const WSPPROC_TABLE *ws2_provider_for_new(int af, int type, int protocol, WSAPROTOCOL_INFOW *info);
/* A new socket from the catalog entry (and so the provider) for this kind; *error set on failure. */
SOCKET ws2_provider_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP group, DWORD flags,
                           int *error);
/* After a successful WSPCloseSocket: `s` no longer belongs to its provider. */
void ws2_provider_forget(SOCKET s);
/* The provider's extension function for `guid` (WSAID_*), or NULL. */
void *ws2_provider_extension(SOCKET s, const GUID *guid);

/* catalog_api.c: WSCGetProviderPath's work, for the WPUGetProviderPath upcall too; 0 or a Winsock error. */
int ws2_provider_path(GUID *provider, WCHAR *path, int *len);

/* sockopt.c: the calling thread's SO_OPENTYPE (0: socket() makes overlapped sockets). */
DWORD ws2_open_type(void);

/* thread_id.c: the calling thread's WSATHREADID for the provider's completion routines. */
BOOL ws2_thread_init(void);
WSATHREADID *ws2_current_thread_id(void);
void ws2_thread_detach(void);

/* upcalls.c: the WSPUPCALLTABLE handed to providers. */
void ws2_fill_upcalls(WSPUPCALLTABLE *upcalls);

/*
 * For `return ws2_result(table->lpWSPBind(..., &error), &error);`: the provider's
 * result, with its error made the thread's on failure.  A pointer, because the
 * error is only known once the call has run.
 */
static inline int ws2_result(int ret, const int *error)
{
    if (ret == SOCKET_ERROR) SetLastError(*error);
    return ret;
}

#endif
