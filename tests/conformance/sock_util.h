/* Loopback socket pairs for the readiness tests (select, WSAPoll, WSAEventSelect, ioctls). */
#ifndef MSGSOCK_SOCK_UTIL_H
#define MSGSOCK_SOCK_UTIL_H

#include "harness.h"
#include "tcp_util.h"

/* WSAStartup(2.2), fatal on failure. */
void sock_startup(void);

/* A TCP socket listening on 127.0.0.1 (port chosen by the system); its address in *addr. */
SOCKET listener_v4(SOCKADDR_IN *addr);
/* A TCP socket connected to `addr` (blocking connect). */
SOCKET tcp_connected(const SOCKADDR_IN *addr);
/* Accepts one connection from a listener that has one waiting. */
SOCKET tcp_accept(SOCKET listener);
/* A connected TCP pair on loopback. */
void connected_pair(SOCKET *client, SOCKET *server);
/* Two UDP sockets on 127.0.0.1 connected to each other. */
void udp_pair(SOCKET *a, SOCKET *b);

/* Closes with a RST (SO_LINGER 0); FALSE if SO_LINGER is not available (then a plain close). */
BOOL close_abortive(SOCKET s);

/* A thread that sends "late" on s after 100 ms, to wake a blocked wait; join it. */
HANDLE send_later(SOCKET s);

/* fd_set helpers: one socket. */
void set_one(fd_set *set, SOCKET s);

#endif
