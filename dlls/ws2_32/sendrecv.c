/*
 * Data transfer entry points.  All go to the provider's WSPSend* / WSPRecv*,
 * with this thread's WSATHREADID for completion routines; WSASendMsg goes to
 * the provider's extension function (WSAID_WSASENDMSG).
 */
#include "ws2_32_private.h"

/* A transfer that succeeds leaves last error 0, as Windows' do (Wine's sock test_WSARecv checks it). */
static int transfer_result(int ret, const int *error)
{
    if (ret == SOCKET_ERROR) SetLastError(*error);
    else SetLastError(0);
    return ret;
}

int WINAPI WSASendTo(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags, const struct sockaddr *to,
                     int tolen, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    WSATHREADID *thread = routine ? ws2_current_thread_id() : NULL;
    int error;

    if (!table) return SOCKET_ERROR;
    return transfer_result(table->lpWSPSendTo(s, bufs, count, sent, flags, to, tolen, ovl, routine, thread, &error),
                      &error);
}

int WINAPI WSASend(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags, WSAOVERLAPPED *ovl,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    WSATHREADID *thread = routine ? ws2_current_thread_id() : NULL;
    int error;

    if (!table) return SOCKET_ERROR;
    return transfer_result(table->lpWSPSend(s, bufs, count, sent, flags, ovl, routine, thread, &error), &error);
}

int WINAPI WSARecvFrom(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags,
                       struct sockaddr *from, int *fromlen, WSAOVERLAPPED *ovl,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    WSATHREADID *thread = routine ? ws2_current_thread_id() : NULL;
    int error;

    if (!table) return SOCKET_ERROR;
    return transfer_result(table->lpWSPRecvFrom(s, bufs, count, received, flags, from, fromlen, ovl, routine,
                                           thread, &error), &error);
}

int WINAPI WSARecv(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags, WSAOVERLAPPED *ovl,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    WSATHREADID *thread = routine ? ws2_current_thread_id() : NULL;
    int error;

    if (!table) return SOCKET_ERROR;
    return transfer_result(table->lpWSPRecv(s, bufs, count, received, flags, ovl, routine, thread, &error), &error);
}

int WINAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to, int tolen)
{
    WSABUF wsabuf = { len, (char *)buf };
    DWORD sent;

    if (len < 0) return ws2_fail(WSAEINVAL);
    if (WSASendTo(s, &wsabuf, 1, &sent, flags, to, to ? tolen : 0, NULL, NULL)) return SOCKET_ERROR;
    SetLastError(0);   /* Windows' sendto clears the thread's error when it succeeds */
    return sent;
}

int WINAPI send(SOCKET s, const char *buf, int len, int flags)
{
    return sendto(s, buf, len, flags, NULL, 0);
}

int WINAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen)
{
    WSABUF wsabuf = { len, buf };
    DWORD received, wsaflags = flags;

    /* A negative length is a buffer reaching past the address space: WSAEFAULT, "not completely contained
     * in a valid part of the user address space" (Wine's sock test_events). */
    if (len < 0) return ws2_fail(WSAEFAULT);
    if (WSARecvFrom(s, &wsabuf, 1, &received, &wsaflags, from, fromlen, NULL, NULL)) return SOCKET_ERROR;
    return received;
}

int WINAPI recv(SOCKET s, char *buf, int len, int flags)
{
    return recvfrom(s, buf, len, flags, NULL, NULL);
}

int WINAPI WSASendMsg(SOCKET s, WSAMSG *msg, DWORD flags, DWORD *sent, WSAOVERLAPPED *ovl,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    static const GUID sendmsg_id = WSAID_WSASENDMSG;
    LPFN_WSASENDMSG provider_sendmsg;

    if (!(provider_sendmsg = ws2_provider_extension(s, &sendmsg_id))) return SOCKET_ERROR;
    return provider_sendmsg(s, msg, flags, sent, ovl, routine);
}
