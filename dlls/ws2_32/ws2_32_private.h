/* What ws2_32's API files share: startup state, the provider, error helpers. */
#ifndef MSGSOCK_WS2_32_PRIVATE_H
#define MSGSOCK_WS2_32_PRIVATE_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>

#include "msgsock/debug.h"

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

/* TRUE when [ptr, ptr+size) is readable (writable) user memory: WSAEFAULT checks. */
BOOL ws2_readable(const void *ptr, SIZE_T size);
BOOL ws2_writable(void *ptr, SIZE_T size);

/*
 * The provider behind a socket (the SPI seam): ws2_32 reaches the transport
 * only through this table.  NULL (with WSAENOTSOCK set) for a non-socket.
 */
const WSPPROC_TABLE *ws2_provider_for_socket(SOCKET s);
/* The base provider's table for a new socket (after WSAStartup). */
const WSPPROC_TABLE *ws2_base_provider(void);

#endif
