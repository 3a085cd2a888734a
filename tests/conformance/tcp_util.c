/* Helpers for the connection tests: loopback listeners and connected TCP pairs. */
#include <string.h>

#include "tcp_util.h"

SOCKET tcp_listener(int family, DWORD flags, SOCKADDR_STORAGE *bound)
{
    SOCKADDR_STORAGE addr = { 0 };
    int len = family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    SOCKET s = WSASocketW(family, SOCK_STREAM, IPPROTO_TCP, NULL, 0, flags);

    if (s == INVALID_SOCKET) return s;
    addr.ss_family = family;
    if (family == AF_INET6) ((SOCKADDR_IN6 *)&addr)->sin6_addr = in6addr_loopback;
    else ((SOCKADDR_IN *)&addr)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (SOCKADDR *)&addr, len) || listen(s, SOMAXCONN) || getsockname(s, (SOCKADDR *)bound, &len))
    {
        closesocket(s);
        return INVALID_SOCKET;
    }
    return s;
}

BOOL tcp_pair(int family, DWORD flags, SOCKET *client, SOCKET *server)
{
    SOCKADDR_STORAGE addr;
    SOCKET listener = tcp_listener(family, flags, &addr);
    int len = family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);

    *client = *server = INVALID_SOCKET;
    if (listener == INVALID_SOCKET) return FALSE;
    *client = WSASocketW(family, SOCK_STREAM, IPPROTO_TCP, NULL, 0, flags);
    if (*client != INVALID_SOCKET && !connect(*client, (SOCKADDR *)&addr, len))
        *server = accept(listener, NULL, NULL);
    closesocket(listener);
    if (*server != INVALID_SOCKET) return TRUE;
    if (*client != INVALID_SOCKET) closesocket(*client);
    *client = INVALID_SOCKET;
    return FALSE;
}

BOOL recv_all(SOCKET s, char *buf, int len)
{
    int got = 0, n;

    while (got < len)
    {
        if ((n = recv(s, buf + got, len - got, 0)) <= 0) return FALSE;
        got += n;
    }
    return TRUE;
}


void *tcp_extension(SOCKET s, GUID guid)
{
    void *fn = NULL;
    DWORD size;

    ok(!WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &fn, sizeof(fn), &size, NULL, NULL) &&
       fn, "extension lookup: %d", WSAGetLastError());
    return fn;
}

int send_until_pending(SOCKET s, WSAOVERLAPPED *ovl, int count, char *block, ULONG size)
{
    WSABUF buf = { size, block };
    DWORD sent;
    int i;

    memset(ovl, 0, count * sizeof(*ovl));
    for (i = 0; i < count; i++)
    {
        ovl[i].hEvent = WSACreateEvent();
        if (WSASend(s, &buf, 1, &sent, 0, &ovl[i], NULL) == SOCKET_ERROR)
            return WSAGetLastError() == WSA_IO_PENDING ? i : -1;
    }
    return -1;
}

int send_more_pending(SOCKET s, WSAOVERLAPPED *ovl, int count, int pending, char *block, ULONG size)
{
    WSABUF buf = { size, block };
    DWORD sent;
    int i;

    for (i = 0; pending >= 0 && i < 16 && pending + 1 < count; i++)
    {
        ovl[pending + 1].hEvent = WSACreateEvent();
        if (WSASend(s, &buf, 1, &sent, 0, &ovl[pending + 1], NULL) == SOCKET_ERROR &&
            WSAGetLastError() != WSA_IO_PENDING)
            break;
        pending++;
    }
    return pending;
}
