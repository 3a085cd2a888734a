/* Loopback socket pairs for the readiness tests. */
#include <string.h>
#include <winternl.h>
#include <winioctl.h>

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

SOCKET tcp_listener(SOCKADDR_IN *addr)
{
    SOCKET s = loopback_bound(SOCK_STREAM, addr);

    if (listen(s, 8)) fatal("listen failed: %d", WSAGetLastError());
    return s;
}

SOCKET tcp_connected(const SOCKADDR_IN *addr)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    if (s == INVALID_SOCKET) fatal("socket failed: %d", WSAGetLastError());
    if (connect(s, (const SOCKADDR *)addr, sizeof(*addr))) fatal("connect failed: %d", WSAGetLastError());
    return s;
}

/*
 * accept() may still be a stub in this build (it comes with another part of
 * issue 3): then take the connection with Wine's own accept request, which is
 * what accept will do, so the readiness tests can run on an accepted socket.
 */
static SOCKET wine_accept(SOCKET listener)
{
    NTSTATUS (WINAPI *ioctl)(HANDLE, HANDLE, PIO_APC_ROUTINE, void *, IO_STATUS_BLOCK *, ULONG, void *, ULONG,
                             void *, ULONG);
    IO_STATUS_BLOCK io;
    unsigned int handle = 0;

    ioctl = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtDeviceIoControlFile");
    if (ioctl(
            (HANDLE)listener, NULL, NULL, NULL, &io,
            CTL_CODE(FILE_DEVICE_NETWORK, 201, METHOD_BUFFERED, FILE_ANY_ACCESS) /* IOCTL_AFD_WINE_ACCEPT */,
            NULL, 0, &handle, sizeof(handle)))
        return INVALID_SOCKET;
    return (SOCKET)(ULONG_PTR)handle;
}

SOCKET tcp_accept(SOCKET listener)
{
    SOCKET s = accept(listener, NULL, NULL);

    if (s == INVALID_SOCKET && WSAGetLastError() == WSAEOPNOTSUPP) s = wine_accept(listener);
    if (s == INVALID_SOCKET) fatal("accept failed: %d", WSAGetLastError());
    return s;
}

void tcp_pair(SOCKET *client, SOCKET *server)
{
    SOCKADDR_IN addr;
    SOCKET listener = tcp_listener(&addr);

    *client = tcp_connected(&addr);
    *server = tcp_accept(listener);
    closesocket(listener);
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
