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

/* Closing a connected stream aborts the connection locally: ERROR_CONNECTION_ABORTED, "The network
 * connection was aborted by the local system." (System Error Codes), STATUS_CONNECTION_ABORTED in
 * Internal.  Wine's builtin says STATUS_CANCELLED. */
static void check_connection_aborted(const char *how, WSAOVERLAPPED *ovl)
{
    if (harness_on_builtin) return;
    ok(ovl->Internal == (ULONG_PTR)0xc0000241 /* STATUS_CONNECTION_ABORTED */, "%s: Internal %#Ix", how, ovl->Internal);
    ok(!ovl->InternalHigh, "%s: %Iu bytes", how, ovl->InternalHigh);
}

/* closesocket: "Any pending overlapped send and receive operations ... are also canceled. Any event,
 * completion routine, or completion port action specified for these overlapped operations is performed."
 * The port's packet says ERROR_CONNECTION_ABORTED for a connected stream. */
static void closesocket_with_port(void)
{
    SOCKET client, server;
    WSAOVERLAPPED ovl, *got = NULL;
    ULONG_PTR key = 0;
    DWORD bytes = 1;
    HANDLE port;
    char data[64];
    BOOL ret;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server))
    {
        ok(0, "closesocket with a port: no connected pair");
        return;
    }
    port = CreateIoCompletionPort((HANDLE)client, NULL, 0x51, 0);
    ok(port != NULL, "CreateIoCompletionPort: %lu", GetLastError());
    if (pending_recv(client, &ovl, data, sizeof(data)))
    {
        closesocket(client);
        ret = GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 5000);
        ok(!ret && got == &ovl && key == 0x51 && !bytes, "abort packet: ret %d ovl %p key %#Ix bytes %lu", ret, got,
           key, bytes);
        if (!harness_on_builtin)
            ok(GetLastError() == ERROR_CONNECTION_ABORTED, "abort packet: error %lu", GetLastError());
        check_connection_aborted("closesocket", &ovl);
    }
    else closesocket(client);
    WSACloseEvent(ovl.hEvent);
    CloseHandle(port);
    closesocket(server);
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
        check_connection_aborted(how, &ovl);
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
    closesocket_with_port();
    WSACleanup();
    test_cleanup_closes();
}
