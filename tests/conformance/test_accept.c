/*
 * accept and WSAAccept (Microsoft's pages "accept function" and "WSAAccept
 * function"): the returned socket and peer address, blocking (alertable) and
 * non-blocking listeners, the condition function's CF_ACCEPT / CF_REJECT /
 * CF_DEFER, and every error of the tables that loopback can provoke.
 */
#include <string.h>

#include "tcp_util.h"

static SOCKADDR_STORAGE listen_addr;
static SOCKET listener;

static SOCKET connect_client(const SOCKADDR_STORAGE *to)
{
    SOCKET s = socket(to->ss_family, SOCK_STREAM, IPPROTO_TCP);
    int len = to->ss_family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);

    ok(s != INVALID_SOCKET && !connect(s, (const SOCKADDR *)to, len), "client connect: %d", WSAGetLastError());
    return s;
}

static void test_errors(void)
{
    SOCKADDR_STORAGE addr = { 0 };
    SOCKET s, udp;
    int len = sizeof(SOCKADDR_IN);
    u_long on = 1;

    /* WSAENOTSOCK: "The descriptor is not a socket." */
    expect_failure(accept((SOCKET)0xdead0, NULL, NULL) == INVALID_SOCKET, WSAENOTSOCK, "accept not a socket");
    /* WSAEINVAL: "The listen function was not invoked prior to accept." */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    expect_failure(accept(s, NULL, NULL) == INVALID_SOCKET, WSAEINVAL, "accept unbound, not listening");
    ((SOCKADDR_IN *)&addr)->sin_family = AF_INET;
    ((SOCKADDR_IN *)&addr)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (SOCKADDR *)&addr, len), "bind: %d", WSAGetLastError());
    expect_failure(accept(s, NULL, NULL) == INVALID_SOCKET, WSAEINVAL, "accept bound, not listening");
    expect_failure(WSAAccept(s, NULL, NULL, NULL, 0) == INVALID_SOCKET, WSAEINVAL, "WSAAccept not listening");
    closesocket(s);
    /* WSAEOPNOTSUPP: "The referenced socket is not a type that supports connection-oriented service." */
    udp = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ok(!bind(udp, (SOCKADDR *)&addr, len), "bind udp: %d", WSAGetLastError());
    expect_failure(accept(udp, NULL, NULL) == INVALID_SOCKET, WSAEOPNOTSUPP, "accept on UDP");
    closesocket(udp);
    /* WSAEWOULDBLOCK: "The socket is marked as nonblocking and no connections are present to be accepted." */
    ok(!ioctlsocket(listener, FIONBIO, &on), "FIONBIO: %d", WSAGetLastError());
    expect_failure(accept(listener, NULL, NULL) == INVALID_SOCKET, WSAEWOULDBLOCK, "non-blocking, none queued");
    on = 0;
    ok(!ioctlsocket(listener, FIONBIO, &on), "FIONBIO off: %d", WSAGetLastError());
}

static void test_address(void)
{
    SOCKADDR_STORAGE peer, client_name;
    SOCKET client, server;
    int len, name_len = sizeof(client_name);
    char buf[8];

    client = connect_client(&listen_addr);
    getsockname(client, (SOCKADDR *)&client_name, &name_len);
    /* WSAEFAULT: "The addrlen parameter is too small or addr is not a valid part of the user address space." */
    len = 1;
    expect_failure(accept(listener, (SOCKADDR *)&peer, &len) == INVALID_SOCKET, WSAEFAULT, "addrlen 1");
    len = sizeof(peer);
    expect_failure(accept(listener, (SOCKADDR *)0x1, &len) == INVALID_SOCKET, WSAEFAULT, "bad addr");
    /* The connection is still queued: "addr ... receives the address of the connecting entity". */
    len = sizeof(peer);
    memset(&peer, 0xcc, sizeof(peer));
    server = accept(listener, (SOCKADDR *)&peer, &len);
    ok(server != INVALID_SOCKET, "accept: %d", WSAGetLastError());
    /* "On return it will contain the actual length (in bytes) of the address returned." */
    ok(len == sizeof(SOCKADDR_IN), "addrlen %d", len);
    ok(!memcmp(&peer, &client_name, sizeof(SOCKADDR_IN)), "peer address is the client's name");
    ok(send(client, "ping", 4, 0) == 4, "send: %d", WSAGetLastError());
    ok(recv_all(server, buf, 4) && !memcmp(buf, "ping", 4), "accepted socket receives the client's data");
    closesocket(server);
    closesocket(client);

    /* addr and addrlen are optional. */
    client = connect_client(&listen_addr);
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept with NULL addr: %d", WSAGetLastError());
    closesocket(server);
    closesocket(client);

    /* "If addr and/or addrlen are equal to NULL, then no information about the remote address of the
     * accepted socket is returned." */
    client = connect_client(&listen_addr);
    memset(&peer, 0xcc, sizeof(peer));
    server = accept(listener, (SOCKADDR *)&peer, NULL);
    ok(server != INVALID_SOCKET, "accept(addr, NULL): %d", WSAGetLastError());
    ok(((BYTE *)&peer)[0] == 0xcc && ((BYTE *)&peer)[1] == 0xcc, "accept(addr, NULL) wrote the address");
    if (server != INVALID_SOCKET) closesocket(server);
    closesocket(client);
}

static void test_ipv6(void)
{
    SOCKADDR_STORAGE addr, peer;
    SOCKET l6 = tcp_listener(AF_INET6, WSA_FLAG_OVERLAPPED, &addr), client, server;
    int len;

    if (l6 == INVALID_SOCKET)
    {
        skip("no IPv6 loopback here: %d", WSAGetLastError());
        return;
    }
    client = connect_client(&addr);
    len = sizeof(SOCKADDR_IN);
    expect_failure(accept(l6, (SOCKADDR *)&peer, &len) == INVALID_SOCKET, WSAEFAULT,
                     "IPv6 accept, addrlen of an IPv4 address");
    len = sizeof(peer);
    server = accept(l6, (SOCKADDR *)&peer, &len);
    ok(server != INVALID_SOCKET && len == sizeof(SOCKADDR_IN6) && peer.ss_family == AF_INET6,
       "IPv6 accept: error %d, len %d, family %d", WSAGetLastError(), len, peer.ss_family);
    closesocket(server);
    closesocket(client);
    closesocket(l6);
}

static HANDLE apc_ran;
static SOCKADDR_STORAGE thread_target;

static void CALLBACK note_apc(ULONG_PTR param)
{
    SetEvent(apc_ran);
}

/* Queues an APC to the blocked thread, then connects only once it ran (or after 5 s). */
static DWORD WINAPI connect_after_apc(void *param)
{
    SOCKET s;

    QueueUserAPC(note_apc, (HANDLE)param, 0);
    WaitForSingleObject(apc_ran, 5000);
    s = connect_client(&thread_target);
    Sleep(50);
    closesocket(s);
    return 0;
}

static void test_blocking_alertable(void)
{
    HANDLE self, thread;
    SOCKET server;

    apc_ran = CreateEventW(NULL, TRUE, FALSE, NULL);
    thread_target = listen_addr;
    DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &self, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    thread = CreateThread(NULL, 0, connect_after_apc, self, 0, NULL);
    /* A blocking accept waits for a connection, alertably (queued APCs run meanwhile). */
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "blocking accept: %d", WSAGetLastError());
    ok(WaitForSingleObject(apc_ran, 0) == WAIT_OBJECT_0, "an APC ran during the blocking accept");
    WaitForSingleObject(thread, INFINITE);
    closesocket(server);
    CloseHandle(thread);
    CloseHandle(self);
    CloseHandle(apc_ran);
}

struct condition_log
{
    int calls, verdict;
    SOCKADDR_STORAGE caller, callee;
    DWORD_PTR data;
    BOOL data_null, qos_null;
};

static int CALLBACK condition(WSABUF *caller_id, WSABUF *caller_data, QOS *sqos, QOS *gqos, WSABUF *callee_id,
                              WSABUF *callee_data, GROUP *g, DWORD_PTR data)
{
    struct condition_log *log = (struct condition_log *)data;

    log->calls++;
    log->data = data;
    memcpy(&log->caller, caller_id->buf, min(caller_id->len, sizeof(log->caller)));
    memcpy(&log->callee, callee_id->buf, min(callee_id->len, sizeof(log->callee)));
    /* TCP carries no connect data. */
    log->data_null = !caller_data || !caller_data->len;
    return log->verdict;
}

static void test_condition(void)
{
    struct condition_log log = { 0 };
    SOCKADDR_STORAGE client_name, peer;
    int len = sizeof(client_name), peer_len;
    SOCKET client, server;

    client = connect_client(&listen_addr);
    getsockname(client, (SOCKADDR *)&client_name, &len);

    /* CF_DEFER: "WSATRY_AGAIN ... The acceptance of the connection request was deferred". */
    log.verdict = CF_DEFER;
    expect_failure(WSAAccept(listener, NULL, NULL, condition, (DWORD_PTR)&log) == INVALID_SOCKET, WSATRY_AGAIN,
                     "CF_DEFER");
    ok(log.calls == 1, "condition called %d times", log.calls);
    /* lpCallerId: "the address of the connecting entity"; lpCalleeId: "the local address". */
    ok(!memcmp(&log.caller, &client_name, sizeof(SOCKADDR_IN)), "caller id is the client's address");
    ok(!memcmp(&log.callee, &listen_addr, sizeof(SOCKADDR_IN)), "callee id is the listener's address");
    ok(log.data == (DWORD_PTR)&log, "dwCallbackData passed through");
    ok(log.data_null, "no caller data on TCP");

    /* The deferred connection is offered again; CF_ACCEPT takes it. */
    log.verdict = CF_ACCEPT;
    memset(&log.caller, 0, sizeof(log.caller));
    peer_len = sizeof(peer);
    server = WSAAccept(listener, (SOCKADDR *)&peer, &peer_len, condition, (DWORD_PTR)&log);
    ok(server != INVALID_SOCKET, "CF_ACCEPT: %d", WSAGetLastError());
    ok(log.calls == 2, "condition called %d times", log.calls);
    ok(!memcmp(&log.caller, &client_name, sizeof(SOCKADDR_IN)), "the deferred connection came back");
    ok(!memcmp(&peer, &client_name, sizeof(SOCKADDR_IN)), "addr of the accepted connection");
    ok(send(server, "x", 1, 0) == 1, "send on the accepted socket: %d", WSAGetLastError());
    closesocket(server);
    closesocket(client);

    /* CF_REJECT: "WSAECONNREFUSED ... forcefully rejected as indicated in the return value". */
    client = connect_client(&listen_addr);
    log.verdict = CF_REJECT;
    expect_failure(WSAAccept(listener, NULL, NULL, condition, (DWORD_PTR)&log) == INVALID_SOCKET,
                     WSAECONNREFUSED, "CF_REJECT");
    closesocket(client);

    /* WSAEINVAL: "the return value of the condition function is not a valid one". */
    client = connect_client(&listen_addr);
    log.verdict = 42;
    expect_failure(WSAAccept(listener, NULL, NULL, condition, (DWORD_PTR)&log) == INVALID_SOCKET, WSAEINVAL,
                     "invalid condition result");
    closesocket(client);

    /* A NULL condition accepts unconditionally. */
    client = connect_client(&listen_addr);
    server = WSAAccept(listener, NULL, NULL, NULL, 0);
    ok(server != INVALID_SOCKET, "WSAAccept without condition: %d", WSAGetLastError());
    closesocket(server);
    closesocket(client);
}

static void test_inherits_overlapped(void)
{
    SOCKADDR_STORAGE addr;
    SOCKET l = tcp_listener(AF_INET, WSA_FLAG_OVERLAPPED, &addr), client, server;
    WSAOVERLAPPED ovl = { 0 };
    DWORD bytes = 0, flags = 0;
    char buf[4];
    WSABUF wsabuf = { sizeof(buf), buf };

    client = connect_client(&addr);
    server = accept(l, NULL, NULL);
    /* "The newly created socket has the same properties as socket s": overlapped I/O works on it. */
    ovl.hEvent = WSACreateEvent();
    ok(WSARecv(server, &wsabuf, 1, NULL, &flags, &ovl, NULL) == SOCKET_ERROR &&
       WSAGetLastError() == WSA_IO_PENDING, "overlapped WSARecv pends: %d", WSAGetLastError());
    send(client, "abcd", 4, 0);
    ok(WSAGetOverlappedResult(server, &ovl, &bytes, TRUE, &flags) && bytes == 4, "overlapped result %lu",
       bytes);
    WSACloseEvent(ovl.hEvent);
    closesocket(server);
    closesocket(client);
    closesocket(l);
}

void run_tests(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    listener = tcp_listener(AF_INET, WSA_FLAG_OVERLAPPED, &listen_addr);
    if (listener == INVALID_SOCKET) fatal("no listener: %d", WSAGetLastError());
    test_errors();
    test_address();
    test_ipv6();
    test_blocking_alertable();
    test_condition();
    test_inherits_overlapped();
    closesocket(listener);
    WSACleanup();
}
