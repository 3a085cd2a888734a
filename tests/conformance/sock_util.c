/* Loopback socket pairs for the readiness tests. */
#include <string.h>

#include "sock_util.h"

void sock_startup(void)
{
    WSADATA data;

    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup failed");
}

/* A socket of `type` bound to 127.0.0.1 with a system-chosen port, written to *addr. */
static SOCKET loopback_bound(int type, SOCKADDR_IN *addr)
{
    SOCKET s = socket(AF_INET, type, 0);
    int len = sizeof(*addr);

    if (s == INVALID_SOCKET) fatal("socket failed: %d", WSAGetLastError());
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (SOCKADDR *)addr, sizeof(*addr))) fatal("bind failed: %d", WSAGetLastError());
    if (getsockname(s, (SOCKADDR *)addr, &len)) fatal("getsockname failed: %d", WSAGetLastError());
    return s;
}

SOCKET listener_v4(SOCKADDR_IN *addr)
{
    SOCKADDR_STORAGE bound;
    SOCKET s = tcp_listener(AF_INET, 0, &bound);

    if (s == INVALID_SOCKET) fatal("listener failed: %d", WSAGetLastError());
    memcpy(addr, &bound, sizeof(*addr));
    return s;
}

SOCKET tcp_connected(const SOCKADDR_IN *addr)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    if (s == INVALID_SOCKET) fatal("socket failed: %d", WSAGetLastError());
    if (connect(s, (const SOCKADDR *)addr, sizeof(*addr))) fatal("connect failed: %d", WSAGetLastError());
    return s;
}

SOCKET tcp_accept(SOCKET listener)
{
    SOCKET s = accept(listener, NULL, NULL);

    if (s == INVALID_SOCKET) fatal("accept failed: %d", WSAGetLastError());
    return s;
}

void connected_pair(SOCKET *client, SOCKET *server)
{
    if (!tcp_pair(AF_INET, 0, client, server)) fatal("TCP pair failed: %d", WSAGetLastError());
}

void udp_pair(SOCKET *a, SOCKET *b)
{
    SOCKADDR_IN addr_a, addr_b;

    *a = loopback_bound(SOCK_DGRAM, &addr_a);
    *b = loopback_bound(SOCK_DGRAM, &addr_b);
    if (connect(*a, (SOCKADDR *)&addr_b, sizeof(addr_b)) || connect(*b, (SOCKADDR *)&addr_a, sizeof(addr_a)))
        fatal("UDP connect failed: %d", WSAGetLastError());
}

BOOL close_abortive(SOCKET s)
{
    struct linger linger = { 1, 0 };
    BOOL done = !setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&linger, sizeof(linger));

    closesocket(s);
    return done;
}

void set_one(fd_set *set, SOCKET s)
{
    FD_ZERO(set);
    FD_SET(s, set);
}

static DWORD WINAPI send_later_thread(void *arg)
{
    Sleep(100);
    send((SOCKET)arg, "late", 4, 0);
    return 0;
}

HANDLE send_later(SOCKET s)
{
    HANDLE thread = CreateThread(NULL, 0, send_later_thread, (void *)s, 0, NULL);

    if (!thread) fatal("CreateThread failed: %lu", GetLastError());
    return thread;
}
