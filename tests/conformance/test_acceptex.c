/*
 * AcceptEx, GetAcceptExSockaddrs, ConnectEx and DisconnectEx (Microsoft's
 * pages of the same names), reached through WSAIoctl and, for the first two,
 * mswsock's exports: completion through an event and a completion port,
 * receive-on-accept, first data on connect, the update-context options, and
 * the documented errors.
 */
#include <string.h>

#include "tcp_util.h"

#define ADDR_SLOT (sizeof(SOCKADDR_IN) + 16)

static LPFN_ACCEPTEX accept_ex;
static LPFN_GETACCEPTEXSOCKADDRS get_sockaddrs;
static LPFN_CONNECTEX connect_ex;
static LPFN_DISCONNECTEX disconnect_ex;

static SOCKET connect_to(const SOCKADDR_STORAGE *addr)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    ok(!connect(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN)), "connect: %d", WSAGetLastError());
    return s;
}

static void test_accept_ex_errors(SOCKET listener)
{
    char buf[2 * ADDR_SLOT];
    OVERLAPPED ovl = { 0 };
    SOCKET acceptor = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), idle = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_IN sin = { 0 };
    DWORD bytes;

    expect_failure(!accept_ex((SOCKET)0xdead0, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl), WSAENOTSOCK,
                     "AcceptEx, listener not a socket");
    expect_failure(!accept_ex(listener, (SOCKET)0xdead0, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl), WSAENOTSOCK,
                     "AcceptEx, acceptor not a socket");
    /* dwRemoteAddressLength: "Cannot be zero." (Windows: WSAEFAULT, the OVERLAPPED marked pending first). */
    ovl.Internal = 0xdeadbeef;
    expect_failure(!accept_ex(listener, acceptor, buf, 0, ADDR_SLOT, 0, &bytes, &ovl), WSAEFAULT,
                     "AcceptEx, no remote address slot");
    ok(ovl.Internal == STATUS_PENDING, "Internal %#Ix after a refused AcceptEx", ovl.Internal);
    /* The listening socket must listen. */
    expect_failure(!accept_ex(idle, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl), WSAEINVAL,
                     "AcceptEx on a socket that does not listen");
    /* sAcceptSocket "must not be bound or connected". */
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(idle, (SOCKADDR *)&sin, sizeof(sin));
    expect_failure(!accept_ex(listener, idle, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl), WSAEINVAL,
                     "AcceptEx into a bound socket");
    ok(!accept_ex(listener, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, NULL), "AcceptEx without OVERLAPPED fails");
    closesocket(acceptor);
    closesocket(idle);
    /* sAcceptSocket: "A descriptor identifying a socket on which to accept an incoming connection": a stream. */
    acceptor = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expect_failure(!accept_ex(listener, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl), WSAEINVAL,
                     "AcceptEx into a datagram socket");
    closesocket(acceptor);
}

/*
 * dwLocalAddressLength "must be at least 16 bytes more than the maximum address length": a requirement
 * on the caller with no error of its own; Windows takes a zero-byte local slot and accepts, and
 * GetAcceptExSockaddrs then has no local address to hand out.
 */
static void test_accept_ex_no_local_slot(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    char buf[ADDR_SLOT];
    OVERLAPPED ovl = { 0 };
    SOCKET acceptor = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), client;
    SOCKADDR *local = (SOCKADDR *)0xdeadbeef, *remote = NULL;
    int local_len = 0x5eed, remote_len = 0;
    DWORD bytes = 1;

    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(!accept_ex(listener, acceptor, buf, 0, 0, ADDR_SLOT, NULL, &ovl) && WSAGetLastError() == ERROR_IO_PENDING,
       "AcceptEx with no local slot: error %d", WSAGetLastError());
    client = connect_to(addr);
    ok(!WaitForSingleObject(ovl.hEvent, 5000), "AcceptEx with no local slot did not complete");
    ok(GetOverlappedResult((HANDLE)listener, &ovl, &bytes, FALSE) && !bytes, "result: error %lu, %lu bytes",
       GetLastError(), bytes);
    get_sockaddrs(buf, 0, 0, ADDR_SLOT, &local, &local_len, &remote, &remote_len);
    ok(local == (SOCKADDR *)0xdeadbeef && local_len == 0x5eed, "local address %p, length %d", local, local_len);
    ok(remote && remote_len == sizeof(SOCKADDR_IN), "remote address length %d", remote_len);
    CloseHandle(ovl.hEvent);
    closesocket(client);
    closesocket(acceptor);
}

static void test_accept_ex_event(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    char buf[16 + 2 * ADDR_SLOT], reply[8];
    OVERLAPPED ovl = { 0 };
    SOCKET acceptor = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), client;
    SOCKADDR_IN client_name, *local, *remote;
    int local_len = 0, remote_len = 0, len = sizeof(client_name);
    DWORD bytes = 0, flags;

    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    /* Receive-on-accept: "the first block of data sent by the client". */
    ok(!accept_ex(listener, acceptor, buf, 16, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl) &&
       WSAGetLastError() == ERROR_IO_PENDING, "AcceptEx pends: %d", WSAGetLastError());
    client = connect_to(addr);
    getsockname(client, (SOCKADDR *)&client_name, &len);
    ok(send(client, "hello", 5, 0) == 5, "client sends");
    ok(WaitForSingleObject(ovl.hEvent, 5000) == WAIT_OBJECT_0, "event signalled");
    ok(GetOverlappedResult((HANDLE)listener, &ovl, &bytes, FALSE) && bytes == 5 && !memcmp(buf, "hello", 5),
       "AcceptEx received %lu bytes", bytes);
    ok(WSAGetOverlappedResult(listener, &ovl, &bytes, FALSE, &flags) && bytes == 5, "WSAGetOverlappedResult");
    /* SO_UPDATE_ACCEPT_CONTEXT: "updates the accepting socket with the context of the listening socket". */
    ok(!setsockopt(acceptor, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&listener, sizeof(listener)),
       "SO_UPDATE_ACCEPT_CONTEXT: %d", WSAGetLastError());
    get_sockaddrs(buf, 16, ADDR_SLOT, ADDR_SLOT, (SOCKADDR **)&local, &local_len, (SOCKADDR **)&remote, &remote_len);
    ok(local_len == sizeof(SOCKADDR_IN) && local->sin_port == ((SOCKADDR_IN *)addr)->sin_port,
       "local address: len %d", local_len);
    ok(remote_len == sizeof(SOCKADDR_IN) && remote->sin_port == client_name.sin_port, "remote address: len %d",
       remote_len);
    /* The accepted socket carries the connection both ways. */
    ok(send(acceptor, "back", 4, 0) == 4, "send on the accepted socket: %d", WSAGetLastError());
    ok(recv_all(client, reply, 4) && !memcmp(reply, "back", 4), "client got the reply");
    ok(send(client, "more", 4, 0) == 4 && recv_all(acceptor, reply, 4) && !memcmp(reply, "more", 4),
       "recv on the accepted socket");
    len = sizeof(client_name);
    ok(!getpeername(acceptor, (SOCKADDR *)&client_name, &len), "getpeername of the accepted socket");
    CloseHandle(ovl.hEvent);
    closesocket(client);
    closesocket(acceptor);

    /* mswsock's exported AcceptEx / GetAcceptExSockaddrs are the same functions. */
    acceptor = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&ovl, 0, sizeof(ovl));
    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(!AcceptEx(listener, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl) &&
       WSAGetLastError() == ERROR_IO_PENDING, "exported AcceptEx pends: %d", WSAGetLastError());
    client = connect_to(addr);
    ok(WaitForSingleObject(ovl.hEvent, 5000) == WAIT_OBJECT_0, "exported AcceptEx completes");
    GetAcceptExSockaddrs(buf, 0, ADDR_SLOT, ADDR_SLOT, (SOCKADDR **)&local, &local_len, (SOCKADDR **)&remote,
                         &remote_len);
    ok(remote_len == sizeof(SOCKADDR_IN) && remote->sin_family == AF_INET, "exported GetAcceptExSockaddrs");
    CloseHandle(ovl.hEvent);
    closesocket(client);
    closesocket(acceptor);
}

static void test_accept_ex_port(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    char buf[2 * ADDR_SLOT];
    OVERLAPPED ovl = { 0 }, *got = NULL;
    SOCKET acceptor = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), client;
    HANDLE port = CreateIoCompletionPort((HANDLE)listener, NULL, 42, 0);
    ULONG_PTR key = 0;
    DWORD bytes = 1;

    ok(!accept_ex(listener, acceptor, buf, 0, ADDR_SLOT, ADDR_SLOT, &bytes, &ovl) &&
       WSAGetLastError() == ERROR_IO_PENDING, "AcceptEx on a port pends: %d", WSAGetLastError());
    client = connect_to(addr);
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000) && got == &ovl && key == 42 && bytes == 0,
       "completion packet: ovl %p, key %Iu, %lu bytes", got, key, bytes);
    closesocket(client);
    closesocket(acceptor);
    CloseHandle(port);
}

static SOCKET bound_socket(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_IN sin = { 0 };

    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (SOCKADDR *)&sin, sizeof(sin)), "bind: %d", WSAGetLastError());
    return s;
}

static void test_connect_ex(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    OVERLAPPED ovl = { 0 };
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), server;
    SOCKADDR_STORAGE dead;
    SOCKET gone;
    DWORD bytes = 0, flags;
    char buf[8];

    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    /* WSAEINVAL: "The parameter s is an unbound or a listening socket." */
    expect_failure(!connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl), WSAEINVAL,
                     "ConnectEx unbound");
    expect_failure(!connect_ex(listener, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl),
                     WSAEINVAL, "ConnectEx on a listener");
    expect_failure(!connect_ex((SOCKET)0xdead0, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl),
                     WSAENOTSOCK, "ConnectEx not a socket");
    closesocket(s);
    s = bound_socket();
    /* WSAEFAULT: name, lpSendBuffer or lpOverlapped not valid. */
    expect_failure(!connect_ex(s, NULL, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl), WSAEFAULT, "ConnectEx NULL name");
    /* A NULL lpOverlapped is ERROR_INVALID_PARAMETER on Windows, not the page's WSAEFAULT (Wine's suite;
     * README's table of such departures); one that is not writable is WSAEFAULT. */
    expect_failure(!connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, NULL),
                   ERROR_INVALID_PARAMETER, "ConnectEx NULL overlapped");
    expect_failure(!connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, (OVERLAPPED *)0x1),
                   WSAEFAULT, "ConnectEx overlapped not writable");

    /* With first data: "lpSendBuffer ... transferred after the connection is established". */
    ok(connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), (void *)"first", 5, &bytes, &ovl) ||
       WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx: %d", WSAGetLastError());
    ok(WaitForSingleObject(ovl.hEvent, 5000) == WAIT_OBJECT_0, "ConnectEx event");
    ok(WSAGetOverlappedResult(s, &ovl, &bytes, TRUE, &flags) && bytes == 5, "ConnectEx sent %lu bytes", bytes);
    ok(!setsockopt(s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, (char *)&s, sizeof(s)), "SO_UPDATE_CONNECT_CONTEXT: %d",
       WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(recv_all(server, buf, 5) && !memcmp(buf, "first", 5), "server got the first data");
    ok(send(s, "next", 4, 0) == 4 && recv_all(server, buf, 4), "send after ConnectEx");
    /* Connecting a connected socket: WSAEISCONN. */
    expect_failure(!connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl), WSAEISCONN,
                     "ConnectEx twice");

    /* DisconnectEx: "dwReserved ... must be zero"; then the peer sees the end of the stream. */
    expect_failure(!disconnect_ex(s, NULL, 0, 1), WSAEINVAL, "DisconnectEx reserved 1");
    ResetEvent(ovl.hEvent);
    ok(disconnect_ex(s, &ovl, 0, 0) || WSAGetLastError() == ERROR_IO_PENDING, "DisconnectEx: %d", WSAGetLastError());
    ok(WaitForSingleObject(ovl.hEvent, 5000) == WAIT_OBJECT_0, "DisconnectEx event");
    ok(recv(server, buf, sizeof(buf), 0) == 0, "peer sees the end of the stream");
    /* As Windows (Wine's sock test_DisconnectEx): what the peer still sends arrives. */
    ok(send(server, "late", 4, 0) == 4 && recv_all(s, buf, 4) && !memcmp(buf, "late", 4),
       "receive after DisconnectEx");
    closesocket(server);
    closesocket(s);

    /* A refused connection completes with WSAECONNREFUSED. */
    gone = tcp_listener(AF_INET, WSA_FLAG_OVERLAPPED, &dead);
    closesocket(gone);
    s = bound_socket();
    ResetEvent(ovl.hEvent);
    if (!connect_ex(s, (const SOCKADDR *)&dead, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl) &&
        WSAGetLastError() == ERROR_IO_PENDING)
        WaitForSingleObject(ovl.hEvent, 5000);
    ok(!WSAGetOverlappedResult(s, &ovl, &bytes, TRUE, &flags) && WSAGetLastError() == WSAECONNREFUSED,
       "refused ConnectEx: %d", WSAGetLastError());
    closesocket(s);
    CloseHandle(ovl.hEvent);
}

static void test_connect_ex_port(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    OVERLAPPED ovl = { 0 }, *got = NULL;
    SOCKET s = bound_socket(), server;
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 9, 0);
    ULONG_PTR key = 0;
    DWORD bytes = 0;
    char buf[4];

    ok(connect_ex(s, (const SOCKADDR *)addr, sizeof(SOCKADDR_IN), NULL, 0, NULL, &ovl) ||
       WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx on a port: %d", WSAGetLastError());
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000) && got == &ovl && key == 9,
       "ConnectEx packet: ovl %p, key %Iu", got, key);
    /* ConnectEx's remarks: "iResult = setsockopt( s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0 );"
     * (libuv completes every ConnectEx so). */
    ok(!setsockopt(s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0), "SO_UPDATE_CONNECT_CONTEXT NULL, 0: %d",
       WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(send(s, "port", 4, 0) == 4 && recv_all(server, buf, 4) && !memcmp(buf, "port", 4), "send after the update");
    closesocket(server);
    closesocket(s);
    CloseHandle(port);
}

/*
 * WSASendDisconnect "initiates termination of the connection for the socket and sends disconnect data"
 * (none on TCP/IP: "implementations of TCP/IP that do not support disconnect data are not required to
 * return the WSAENOPROTOOPT error code"); WSARecvDisconnect "disables reception".
 */
static void test_send_recv_disconnect(SOCKET listener, const SOCKADDR_STORAGE *addr)
{
    SOCKET client = connect_to(addr), server = accept(listener, NULL, NULL);
    char buf[4];

    ok(!WSASendDisconnect(client, NULL), "WSASendDisconnect: %d", WSAGetLastError());
    ok(recv(server, buf, sizeof(buf), 0) == 0, "peer sees the end of the stream");
    expect_failure(send(client, "x", 1, 0) == SOCKET_ERROR, WSAESHUTDOWN, "send after WSASendDisconnect");
    ok(!WSARecvDisconnect(client, NULL), "WSARecvDisconnect: %d", WSAGetLastError());
    expect_failure(recv(client, buf, sizeof(buf), 0) == SOCKET_ERROR, WSAESHUTDOWN, "recv after WSARecvDisconnect");
    closesocket(server);
    closesocket(client);
}

void run_tests(void)
{
    SOCKADDR_STORAGE addr;
    SOCKET listener;
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    listener = tcp_listener(AF_INET, WSA_FLAG_OVERLAPPED, &addr);
    accept_ex = tcp_extension(listener, (GUID)WSAID_ACCEPTEX);
    get_sockaddrs = tcp_extension(listener, (GUID)WSAID_GETACCEPTEXSOCKADDRS);
    connect_ex = tcp_extension(listener, (GUID)WSAID_CONNECTEX);
    disconnect_ex = tcp_extension(listener, (GUID)WSAID_DISCONNECTEX);
    if (!accept_ex || !get_sockaddrs || !connect_ex || !disconnect_ex) fatal("missing extension functions");
    test_accept_ex_errors(listener);
    test_accept_ex_no_local_slot(listener, &addr);
    test_accept_ex_event(listener, &addr);
    test_connect_ex(listener, &addr);
    test_connect_ex_port(listener, &addr);
    test_accept_ex_port(listener, &addr);
    test_send_recv_disconnect(listener, &addr);
    closesocket(listener);
    WSACleanup();
}
