/*
 * Stream receives that wait in Wine's server rather than in msgsock's reactor.
 * The server then knows a receive is pending, as Windows' AFD does: its polls,
 * select and WSAEventSelect do not report the data that receive takes, and it
 * hands data to the pending receives in posting order.
 */
#ifndef MSGSOCK_SERVER_RECV_H
#define MSGSOCK_SERVER_RECV_H

#include <winsock2.h>
#include <winternl.h>

struct server_recv
{
    IO_STATUS_BLOCK io;         /* Wine's result: Status and Information (bytes) */
    unsigned int flags;         /* MSG_* in; Wine may add MSG_CTRUNC */
    HANDLE event, wait;         /* wait: the thread pool's, when the waiter's slots are all taken */
    int slot;                   /* the waiter's slot, or -1 */
    DWORD issuer;               /* the thread that started it: Wine ends it when that thread exits */
    void (*ended)(struct server_recv *recv);
};

/*
 * Starts the receive into `bufs` (read at once; the buffers stay the caller's until it ends).
 * 0: `ended` runs once, on a msgsock thread, when Wine is done with it; or a WSA error: it never
 * started and nothing will run.  Wine ends it (STATUS_CANCELLED) if the calling thread exits first.
 */
int server_recv_start(HANDLE socket, struct server_recv *recv, const WSABUF *bufs, DWORD count, DWORD flags,
                      void (*ended)(struct server_recv *recv));
/* Asks Wine to end it now (STATUS_CANCELLED unless it completed meanwhile); `ended` still runs. */
void server_recv_cancel(HANDLE socket, struct server_recv *recv);

#endif
