/*
 * WSAEventSelect, WSAEnumNetworkEvents and WSAAsyncSelect on Wine socket
 * objects through msgsock.  Quotes are from Microsoft's pages for them.
 */
#include "sock_util.h"

#define WM_SOCKET (WM_USER + 1)
#define EVENT_WAIT 10000    /* ms: an event that must come */
#define QUIET_WAIT 200      /* ms: a look for an event that must not come */

static BOOL signaled(HANDLE event, DWORD ms)
{
    return WaitForSingleObject(event, ms) == WAIT_OBJECT_0;
}

/* Waits for the event, then returns the recorded network events (and their errors in *events). */
static LONG wait_events(SOCKET s, HANDLE event, WSANETWORKEVENTS *events)
{
    memset(events, 0xcc, sizeof(*events));
    if (!signaled(event, EVENT_WAIT)) return 0;
    if (WSAEnumNetworkEvents(s, event, events)) return -1;
    return events->lNetworkEvents;
}

static void close_all(SOCKET a, SOCKET b, HANDLE event)
{
    closesocket(a);
    closesocket(b);
    CloseHandle(event);
}

static void test_not_initialised(void)
{
    int ret = WSAEventSelect((SOCKET)1, NULL, 0);

    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED, "before WSAStartup: %d, error %d", ret,
       WSAGetLastError());
}

static void test_errors(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKET a, b;
    int ret;

    /* "WSAENOTSOCK: The descriptor is not a socket." */
    ret = WSAEventSelect((SOCKET)event, event, FD_READ);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "WSAEventSelect on an event: %d, error %d", ret,
       WSAGetLastError());
    ret = WSAEnumNetworkEvents((SOCKET)event, event, &events);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "WSAEnumNetworkEvents on an event: %d, error %d",
       ret, WSAGetLastError());
    ret = WSAAsyncSelect((SOCKET)event, NULL, WM_SOCKET, FD_READ);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "WSAAsyncSelect on an event: %d, error %d", ret,
       WSAGetLastError());

    udp_pair(&a, &b);
    /* "WSAEFAULT: The lpNetworkEvents parameter is not a valid part of the user address space." */
    if (harness_on_builtin) skip("Wine's builtin faults on a bad lpNetworkEvents");
    else
    {
        ret = WSAEnumNetworkEvents(a, NULL, (WSANETWORKEVENTS *)1);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "bad lpNetworkEvents: %d, error %d", ret,
           WSAGetLastError());
    }
    /* WSAAsyncSelect: "WSAEINVAL: ... such as the window handle not referring to an existing window" */
    ret = WSAAsyncSelect(a, (HWND)0xdead0, WM_SOCKET, FD_READ);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "no such window: %d, error %d", ret,
       WSAGetLastError());
    close_all(a, b, event);
}

static void test_nonblocking(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    u_long off = 0;
    SOCKET a, b;
    char buf[8];
    int ret;

    udp_pair(&a, &b);
    ok(!WSAEventSelect(a, event, FD_READ), "WSAEventSelect: %d", WSAGetLastError());
    /* "The WSAEventSelect function automatically sets socket s to nonblocking mode" */
    ret = recv(a, buf, sizeof(buf), 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "recv without data: %d, error %d", ret,
       WSAGetLastError());
    /* "Any attempt to use ioctlsocket to set the socket back to blocking mode will fail with WSAEINVAL." */
    ret = ioctlsocket(a, FIONBIO, &off);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "FIONBIO 0 while selected: %d, error %d", ret,
       WSAGetLastError());
    /* "To set the socket back to blocking mode, an application must first disable WSAEventSelect by
     * calling WSAEventSelect with the lNetworkEvents parameter equal to zero." */
    ok(!WSAEventSelect(a, NULL, 0), "WSAEventSelect(0): %d", WSAGetLastError());
    ok(!ioctlsocket(a, FIONBIO, &off), "FIONBIO 0 after cancelling: %d", WSAGetLastError());
    close_all(a, b, event);
}

static void test_udp_read_reenable(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKET a, b;
    char buf[8];
    LONG got;

    udp_pair(&a, &b);
    ok(!WSAEventSelect(a, event, FD_READ | FD_WRITE), "WSAEventSelect: %d", WSAGetLastError());
    /* FD_WRITE: "When a socket is first connected with connect ... or when a socket is bound with bind" */
    got = wait_events(a, event, &events);
    ok(got == FD_WRITE && events.iErrorCode[FD_WRITE_BIT] == 0, "first FD_WRITE: %#lx", got);
    /* WSANETWORKEVENTS.iErrorCode: "An array that contains any associated error codes, with an array
     * index that corresponds to the position of event bits in lNetworkEvents": the slots of events not
     * reported are not written. */
    ok(events.iErrorCode[FD_READ_BIT] == (int)0xcccccccc && events.iErrorCode[FD_CLOSE_BIT] == (int)0xcccccccc,
       "slots of unreported events written: %#x %#x", events.iErrorCode[FD_READ_BIT],
       events.iErrorCode[FD_CLOSE_BIT]);
    /* "The Winsock provider ... will reset the event object" */
    ok(!signaled(event, 0), "event reset by WSAEnumNetworkEvents");

    ok(send(b, "one", 3, 0) == 3 && send(b, "two", 3, 0) == 3, "send two datagrams");
    got = wait_events(a, event, &events);
    ok(got == FD_READ && events.iErrorCode[FD_READ_BIT] == 0, "FD_READ: %#lx", got);
    /* "no further messages ... until the application calls recv" (the re-enabling function) */
    ok(!signaled(event, QUIET_WAIT), "no second FD_READ before recv");
    ok(recv(a, buf, sizeof(buf), 0) == 3, "recv one");
    /* "If data remains after recv ... another FD_READ is recorded" */
    got = wait_events(a, event, &events);
    ok(got == FD_READ, "FD_READ again while data remains: %#lx", got);
    ok(recv(a, buf, sizeof(buf), 0) == 3, "recv two");
    ok(!signaled(event, QUIET_WAIT), "nothing left: no FD_READ");
    ok(send(b, "three", 5, 0) == 5, "send a third");
    got = wait_events(a, event, &events);
    ok(got == FD_READ, "FD_READ for new data after the re-enabling recv: %#lx", got);
    close_all(a, b, event);
}

static void test_tcp_events(void)
{
    HANDLE listen_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE client_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE server_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), client, server;
    char buf[8];
    LONG got;
    int ret;

    ok(!WSAEventSelect(listener, listen_event, FD_ACCEPT), "select FD_ACCEPT: %d", WSAGetLastError());
    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(!WSAEventSelect(client, client_event, FD_CONNECT | FD_WRITE | FD_READ | FD_CLOSE), "select client: %d",
       WSAGetLastError());
    ret = connect(client, (SOCKADDR *)&addr, sizeof(addr));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking connect: %d, error %d", ret,
       WSAGetLastError());
    /* FD_CONNECT: "When connect ... called with a nonblocking socket is completed" */
    got = wait_events(client, client_event, &events);
    ok((got & FD_CONNECT) && events.iErrorCode[FD_CONNECT_BIT] == 0, "FD_CONNECT: %#lx, error %d", got,
       events.iErrorCode[FD_CONNECT_BIT]);
    if (!(got & FD_WRITE)) got = wait_events(client, client_event, &events);
    ok(got & FD_WRITE, "FD_WRITE after connecting: %#lx", got);
    /* FD_ACCEPT: "When there are connection requests pending" */
    got = wait_events(listener, listen_event, &events);
    ok(got == FD_ACCEPT && events.iErrorCode[FD_ACCEPT_BIT] == 0, "FD_ACCEPT: %#lx", got);
    server = tcp_accept(listener);
    WSAEventSelect(listener, NULL, 0);

    ok(!WSAEventSelect(server, server_event, FD_READ | FD_CLOSE), "select server: %d", WSAGetLastError());
    ok(send(client, "data", 4, 0) == 4, "send");
    got = wait_events(server, server_event, &events);
    ok(got == FD_READ, "FD_READ: %#lx", got);
    ok(recv(server, buf, sizeof(buf), 0) == 4, "recv");
    /* FD_CLOSE: "When a remote system initiates a graceful close, a FD_CLOSE is posted" */
    ok(!shutdown(client, SD_SEND), "shutdown");
    got = wait_events(server, server_event, &events);
    if (got == FD_READ) got = wait_events(server, server_event, &events);   /* the 0-byte read, if any */
    ok((got & FD_CLOSE) && events.iErrorCode[FD_CLOSE_BIT] == 0, "FD_CLOSE: %#lx, error %d", got,
       events.iErrorCode[FD_CLOSE_BIT]);
    closesocket(client);
    closesocket(server);
    closesocket(listener);
    CloseHandle(listen_event);
    CloseHandle(client_event);
    CloseHandle(server_event);
}

static void test_accepted_inherits(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), client, server;
    char buf[8];
    LONG got;
    int i;

    /* WSAEventSelect: "Any WSAEventSelect association and network events selection set for the listening
     * socket apply to the accepted socket." */
    ok(!WSAEventSelect(listener, event, FD_ACCEPT | FD_READ), "select listener: %d", WSAGetLastError());
    client = tcp_connected(&addr);
    got = wait_events(listener, event, &events);
    ok(got & FD_ACCEPT, "FD_ACCEPT: %#lx", got);
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept: %d", WSAGetLastError());
    /* The accepted socket is non-blocking too, as WSAEventSelect made the listener. */
    ok(recv(server, buf, sizeof(buf), 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "accepted socket blocking: %d", WSAGetLastError());
    for (i = 0; i < 2; i++)
    {
        /* FD_READ each time, re-enabled by the receive in between. */
        ok(send(client, "data", 4, 0) == 4, "send %d", i);
        got = wait_events(server, event, &events);
        ok(got & FD_READ, "FD_READ %d on the accepted socket: %#lx", i, got);
        ok(recv(server, buf, sizeof(buf), 0) == 4, "recv %d: %d", i, WSAGetLastError());
    }
    closesocket(client);
    closesocket(server);
    closesocket(listener);
    CloseHandle(event);
}

static void test_connect_refused(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKADDR_IN addr;
    SOCKET s;
    LONG got;

    closesocket(listener_v4(&addr));
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(!WSAEventSelect(s, event, FD_CONNECT), "WSAEventSelect: %d", WSAGetLastError());
    connect(s, (SOCKADDR *)&addr, sizeof(addr));
    /* FD_CONNECT's iErrorCode: "WSAECONNREFUSED: The attempt to connect was rejected." */
    got = wait_events(s, event, &events);
    ok(got == FD_CONNECT && events.iErrorCode[FD_CONNECT_BIT] == WSAECONNREFUSED, "refused: %#lx, error %d", got,
       events.iErrorCode[FD_CONNECT_BIT]);
    closesocket(s);
    CloseHandle(event);
}

static void test_write_reenable(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    WSANETWORKEVENTS events;
    SOCKET client, server;
    static char block[65536];
    u_long pending = 0;
    int ret, sent = 0;
    LONG got;

    connected_pair(&client, &server);
    ok(!WSAEventSelect(client, event, FD_WRITE), "WSAEventSelect: %d", WSAGetLastError());
    got = wait_events(client, event, &events);
    ok(got == FD_WRITE, "first FD_WRITE: %#lx", got);
    while ((ret = send(client, block, sizeof(block), 0)) > 0 && sent < 64 << 20) sent += ret;
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "filled the send buffer: %d, error %d", ret,
       WSAGetLastError());
    /* FD_WRITE: "after a send ... failed with WSAEWOULDBLOCK, when send ... are likely to succeed" */
    while (sent > 0 && (ret = recv(server, block, sizeof(block), 0)) > 0) sent -= ret;
    got = wait_events(client, event, &events);
    ok(got == FD_WRITE, "FD_WRITE once the peer drained the data: %#lx", got);
    /* Re-enabling FD_WRITE must not have put anything on the wire. */
    ok(sent == 0 && !ioctlsocket(server, FIONREAD, &pending) && !pending, "stream intact: %d left, %lu extra", sent,
       pending);
    close_all(client, server, event);
}

static HWND create_hidden_window(void)
{
    WNDCLASSA cls = { 0 };

    cls.lpfnWndProc = DefWindowProcA;
    cls.hInstance = GetModuleHandleA(NULL);
    cls.lpszClassName = "msgsock_test";
    RegisterClassA(&cls);
    /* A message-only window: hidden, and needs no display. */
    return CreateWindowA("msgsock_test", "", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, cls.hInstance, NULL);
}

/* Pumps the thread's messages until a WM_SOCKET for s arrives (FALSE on timeout). */
static BOOL wait_socket_message(HWND hwnd, SOCKET s, LPARAM *lparam, DWORD ms)
{
    DWORD start = GetTickCount();
    MSG msg;

    for (;;)
    {
        while (PeekMessageA(&msg, hwnd, 0, 0, PM_REMOVE))
        {
            if (msg.message == WM_SOCKET && msg.wParam == s)
            {
                *lparam = msg.lParam;
                return TRUE;
            }
            DispatchMessageA(&msg);
        }
        if (GetTickCount() - start >= ms) return FALSE;
        MsgWaitForMultipleObjects(0, NULL, FALSE, 10, QS_ALLINPUT);
    }
}

static void test_async_select(void)
{
    HWND hwnd = create_hidden_window();
    LPARAM lparam = 0;
    SOCKET a, b;
    char buf[8];
    BOOL got;

    if (!hwnd)
    {
        skip("no window: %lu", GetLastError());
        return;
    }
    udp_pair(&a, &b);
    ok(!WSAAsyncSelect(a, hwnd, WM_SOCKET, FD_READ | FD_WRITE), "WSAAsyncSelect: %d", WSAGetLastError());
    /* "the wParam parameter identifies the socket ... the low word of lParam specifies the network
     * event that has occurred. The high word of lParam contains any error code." */
    got = wait_socket_message(hwnd, a, &lparam, EVENT_WAIT);
    ok(got && WSAGETSELECTEVENT(lparam) == FD_WRITE && WSAGETSELECTERROR(lparam) == 0, "FD_WRITE message: %d %#Ix",
       got, lparam);
    ok(send(b, "one", 3, 0) == 3 && send(b, "two", 3, 0) == 3, "send two datagrams");
    got = wait_socket_message(hwnd, a, &lparam, EVENT_WAIT);
    ok(got && lparam == WSAMAKESELECTREPLY(FD_READ, 0), "FD_READ message: %d %#Ix", got, lparam);
    ok(!wait_socket_message(hwnd, a, &lparam, QUIET_WAIT), "no second FD_READ before recv");
    ok(recv(a, buf, sizeof(buf), 0) == 3, "recv one");
    got = wait_socket_message(hwnd, a, &lparam, EVENT_WAIT);
    ok(got && lparam == WSAMAKESELECTREPLY(FD_READ, 0), "FD_READ again while data remains: %d %#Ix", got, lparam);
    /* "Issuing a WSAAsyncSelect for a socket cancels any previous WSAAsyncSelect or WSAEventSelect" */
    ok(!WSAAsyncSelect(a, hwnd, 0, 0), "cancel: %d", WSAGetLastError());
    ok(recv(a, buf, sizeof(buf), 0) == 3, "recv two");
    ok(send(b, "three", 5, 0) == 5, "send a third");
    ok(!wait_socket_message(hwnd, a, &lparam, QUIET_WAIT), "no message after cancelling");
    closesocket(a);
    closesocket(b);
    DestroyWindow(hwnd);
}

/* WSARecv: for overlapped sockets it "is used to post one or more buffers into which incoming data will
 * be placed as it becomes available": data a pending receive takes is not there to record FD_READ for
 * (Wine's sock.c test_events checks the same on Windows). */
static void test_pending_recv_takes_data(void)
{
    HANDLE event = WSACreateEvent();
    WSAOVERLAPPED ovl = { 0 };
    WSANETWORKEVENTS events;
    SOCKET client, server;
    DWORD flags = 0, bytes = 0;
    char byte = 0;
    WSABUF buf = { 1, &byte };
    int ret;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server))
    {
        ok(0, "no overlapped connected pair");
        return;
    }
    ovl.hEvent = WSACreateEvent();
    ok(!WSAEventSelect(server, event, FD_READ), "WSAEventSelect: error %d", WSAGetLastError());
    ret = WSARecv(server, &buf, 1, NULL, &flags, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecv: %d, error %d", ret, WSAGetLastError());
    ok(send(client, "a", 1, 0) == 1, "send: error %d", WSAGetLastError());
    ok(signaled(ovl.hEvent, EVENT_WAIT), "the pending receive completes");
    ret = WSAGetOverlappedResult(server, &ovl, &bytes, FALSE, &flags);
    ok(ret && bytes == 1 && byte == 'a', "its result: %d, %lu bytes, '%c'", ret, bytes, byte);
    ok(!signaled(event, QUIET_WAIT), "no FD_READ for the byte the pending receive took");
    ok(!WSAEnumNetworkEvents(server, event, &events) && !(events.lNetworkEvents & FD_READ),
       "WSAEnumNetworkEvents: %#lx", events.lNetworkEvents);
    ok(send(client, "b", 1, 0) == 1, "send: error %d", WSAGetLastError());
    ok(wait_events(server, event, &events) & FD_READ, "FD_READ for a byte nothing took");
    WSACloseEvent(ovl.hEvent);
    close_all(client, server, event);
}

void run_tests(void)
{
    test_not_initialised();
    sock_startup();
    test_errors();
    test_nonblocking();
    test_udp_read_reenable();
    test_tcp_events();
    test_accepted_inherits();
    test_connect_refused();
    test_write_reenable();
    test_async_select();
    test_pending_recv_takes_data();
    WSACleanup();
}
