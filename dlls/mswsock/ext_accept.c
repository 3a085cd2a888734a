/*
 * AcceptEx and GetAcceptExSockaddrs (exported by mswsock and handed out for
 * WSAID_ACCEPTEX / WSAID_GETACCEPTEXSOCKADDRS).  The accept runs as Wine's own
 * asynchronous accept-into with the caller's OVERLAPPED as its status block,
 * so Wine completes it, signals the event and posts to the port itself.
 */
#include <string.h>

#include "provider_calls.h"
#include "wine/afd.h"

static int check_accept_ex(struct socket_ctx *listener, struct socket_ctx *acceptor, void *buffer, DWORD recv_len,
                           DWORD local_len, DWORD remote_len, OVERLAPPED *ovl)
{
    DWORD total = recv_len + local_len + remote_len;
    int listening = 0;

    if (!ovl || !msgsock_writable(ovl, sizeof(*ovl))) return WSA_INVALID_PARAMETER;
    if (!buffer || !msgsock_writable(buffer, total)) return WSAEFAULT;
    /* Address slots "at least 16 bytes more than the maximum address length" are the caller's part: Windows
     * takes shorter ones and ends the accept with STATUS_BUFFER_TOO_SMALL (Wine's server does the same);
     * only a remote slot of zero bytes is refused at once. */
    if (!remote_len) return WSAEFAULT;
    if (listener->type != SOCK_STREAM) return WSAEOPNOTSUPP;
    /* sAcceptSocket: "A descriptor identifying a socket on which to accept an incoming connection" (a stream). */
    if (acceptor->type != SOCK_STREAM) return WSAEINVAL;
    if (afd_get_option((HANDLE)listener->handle, AFD_OPT_ACCEPTCONN, &listening, sizeof(listening)) || !listening)
        return WSAEINVAL;
    /* sAcceptSocket: "The socket must not be bound or connected." */
    if (acceptor->bound) return WSAEINVAL;
    return 0;
}

BOOL WINAPI AcceptEx(SOCKET listen_socket, SOCKET accept_socket, void *buffer, DWORD recv_len, DWORD local_len,
                     DWORD remote_len, DWORD *received, OVERLAPPED *ovl)
{
    struct socket_ctx *listener = socket_lookup(listen_socket), *acceptor = socket_lookup(accept_socket);
    int error = WSAENOTSOCK;

    TRACE("%#Ix -> %#Ix, buffer %p, lengths %lu/%lu/%lu, ovl %p\n", listen_socket, accept_socket, buffer, recv_len,
          local_len, remote_len, ovl);
    /* Windows marks the OVERLAPPED pending first, before any check (Wine's sock test_AcceptEx). */
    if (ovl && msgsock_writable(ovl, sizeof(*ovl))) ovl->Internal = STATUS_PENDING;
    if (listener && acceptor &&
        !(error = check_accept_ex(listener, acceptor, buffer, recv_len, local_len, remote_len, ovl)))
    {
        /* Wine gives the acceptor a new host fd when it accepts: take it before its next use. */
        InterlockedExchange(&acceptor->fd_stale, 1);
        error = afd_accept_into_async((HANDLE)listen_socket, (HANDLE)accept_socket, buffer, recv_len, local_len,
                                      remote_len, ovl);
        if (!error)
        {
            acceptor->bound = TRUE;
            if (received) *received = ovl->InternalHigh;
        }
    }
    socket_release(listener);
    socket_release(acceptor);
    if (error == WSA_IO_PENDING) error = ERROR_IO_PENDING;
    SetLastError(error);
    return !error;
}

/* One address slot as Wine fills it: the address length, then the address. */
static void read_slot(char *slot, DWORD slot_len, struct sockaddr **addr, int *addr_len)
{
    int len = 0;

    if (!slot_len) return;   /* no such slot: the outputs stay as they were */
    if (slot_len >= sizeof(int)) memcpy(&len, slot, sizeof(int));
    if (len < 0 || (DWORD)len > slot_len - min(slot_len, sizeof(int))) len = 0;
    if (addr) *addr = (struct sockaddr *)(slot + sizeof(int));
    if (addr_len) *addr_len = len;
}

void WINAPI GetAcceptExSockaddrs(void *buffer, DWORD recv_len, DWORD local_len, DWORD remote_len,
                                 struct sockaddr **local, int *local_size, struct sockaddr **remote, int *remote_size)
{
    char *base = buffer;

    if (!base) return;
    read_slot(base + recv_len, local_len, local, local_size);
    read_slot(base + recv_len + local_len, remote_len, remote, remote_size);
}
