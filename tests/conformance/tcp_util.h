/* Helpers for the connection tests: loopback listeners and connected TCP pairs. */
#ifndef MSGSOCK_TCP_UTIL_H
#define MSGSOCK_TCP_UTIL_H

#include "harness.h"

/* A TCP socket bound to 127.0.0.1 (or ::1), port 0, listening; its address in *bound. */
SOCKET tcp_listener(int family, DWORD flags, SOCKADDR_STORAGE *bound);
/* A client connected to `listener` (flags as WSASocketW's) and the accepted server side. */
BOOL tcp_pair(int family, DWORD flags, SOCKET *client, SOCKET *server);
/* Receives exactly len bytes (blocking socket); FALSE on error or early end of stream. */
BOOL recv_all(SOCKET s, char *buf, int len);
/*
 * Overlapped WSASends of `block` on s, each with its own OVERLAPPED and event (all of ovl zeroed
 * first), until one pends (the peer does not read): its index, or -1.
 */
int send_until_pending(SOCKET s, WSAOVERLAPPED *ovl, int count, char *block, ULONG size);
/*
 * After send_until_pending returned `pending`: up to 16 more sends of the block, so that the last one
 * surely waits (Wine 10 keeps a host receive buffer of at least 64 KiB whatever SO_RCVBUF says, and
 * Linux may still make room in it).  Returns the index of the last pending send.
 */
int send_more_pending(SOCKET s, WSAOVERLAPPED *ovl, int count, int pending, char *block, ULONG size);
/* The extension function WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) hands out for `guid` (checked). */
void *tcp_extension(SOCKET s, GUID guid);
/* Checks that an API call failed with `expected` (SOCKET_ERROR / INVALID_SOCKET returns). */
#define expect_failure(failed, expected, what) \
    harness_expect_wsa_error(__FILE__, __LINE__, (failed) ? SOCKET_ERROR : 0, expected, what)

#endif
