/*
 * A socket whose handle is closed by CloseHandle or NtClose rather than
 * closesocket, with an overlapped receive pending.  Each check cites the
 * documentation sentence it tests.
 */
#include <string.h>
#include <winternl.h>

#include "tcp_util.h"

typedef NTSTATUS (WINAPI *nt_close_fn)(HANDLE);

static BOOL pending_recv(SOCKET s, WSAOVERLAPPED *ovl, char *data, ULONG len)
{
    WSABUF buf = { len, data };
    DWORD flags = 0;
    int ret;

    memset(ovl, 0, sizeof(*ovl));
    ovl->hEvent = WSACreateEvent();
    ret = WSARecv(s, &buf, 1, NULL, &flags, ovl, NULL);
    return ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecv not pending: %d %d", ret,
              WSAGetLastError());
}

/* The peer's next receive: 0 at the end of the stream, within 5 s. */
static int peer_recv(SOCKET peer)
{
    DWORD timeout = 5000;
    char byte;

    setsockopt(peer, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout, sizeof(timeout));
    return recv(peer, &byte, 1, 0);
}

static void close_with_pending_recv(const char *how, BOOL use_nt_close)
{
    nt_close_fn nt_close = (nt_close_fn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtClose");
    SOCKET client, server;
    WSAOVERLAPPED ovl;
    char data[64];

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server))
    {
        ok(0, "%s: no connected pair", how);
        return;
    }
    if (pending_recv(client, &ovl, data, sizeof(data)))
    {
        if (use_nt_close) nt_close((HANDLE)client);
        else CloseHandle((HANDLE)client);
        /* CloseHandle: "After the last handle to an object is closed, the object is removed from the
         * system."  As with closesocket, "Any pending overlapped send and receive operations ... are
         * also canceled. Any event, completion routine, or completion port action specified for these
         * overlapped operations is performed." */
        ok(WaitForSingleObject(ovl.hEvent, 5000) == WAIT_OBJECT_0, "%s: pending receive never ended", how);
        ok(HasOverlappedIoCompleted(&ovl), "%s: Internal still %#Ix", how, ovl.Internal);
        /* The socket is gone, so is the connection: the peer reads the end of the stream. */
        ok(peer_recv(server) == 0, "%s: the peer did not see the close (error %d)", how, WSAGetLastError());
    }
    WSACloseEvent(ovl.hEvent);
    closesocket(server);
}

/* WSACleanup: "Sockets that were open when WSACleanup was called are reset and automatically
 * deallocated as if closesocket were called." */
static void test_cleanup_closes(void)
{
    SOCKADDR_IN addr;
    int len = sizeof(addr);
    WSADATA data;
    SOCKET s;

    WSAStartup(MAKEWORD(2, 2), &data);
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ok(s != INVALID_SOCKET, "socket: %d", WSAGetLastError());
    WSACleanup();
    WSAStartup(MAKEWORD(2, 2), &data);
    expect_failure(getsockname(s, (SOCKADDR *)&addr, &len), WSAENOTSOCK, "a socket open at the last WSACleanup");
    WSACleanup();
}

void run_tests(void)
{
    WSADATA data;

    WSAStartup(MAKEWORD(2, 2), &data);
    close_with_pending_recv("CloseHandle", FALSE);
    close_with_pending_recv("NtClose", TRUE);
    WSACleanup();
    test_cleanup_closes();
}
