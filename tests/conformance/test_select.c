/*
 * select: readiness of Wine socket objects through msgsock's WSPSelect.
 * Quotes are from Microsoft's select function page.
 */
#include "sock_util.h"
#include "msg_util.h"

static struct timeval zero_timeout = { 0, 0 };

static int select_one(SOCKET s, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout)
{
    if (r) set_one(r, s);
    if (w) set_one(w, s);
    if (e) set_one(e, s);
    return select(0, r, w, e, timeout);
}

static void test_not_initialised(void)
{
    fd_set set;
    int ret;

    /* "WSANOTINITIALISED: A successful WSAStartup call must occur before using this function." */
    set_one(&set, (SOCKET)1);
    ret = select(0, &set, NULL, NULL, &zero_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED, "before WSAStartup: %d, error %d", ret,
       WSAGetLastError());
}

static void test_errors(void)
{
    struct timeval bad_timeout = { -1, 0 };
    fd_set r, empty;
    SOCKET a, b;
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    int ret;

    udp_pair(&a, &b);
    /* "WSAEINVAL: The time-out value is not valid, or all three descriptor parameters were null." */
    ret = select(0, NULL, NULL, NULL, &zero_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "all sets NULL: %d, error %d", ret, WSAGetLastError());
    FD_ZERO(&empty);
    ret = select(0, &empty, &empty, &empty, &zero_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "all sets empty: %d, error %d", ret,
       WSAGetLastError());
    ret = select_one(a, &r, NULL, NULL, &bad_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "negative timeout: %d, error %d", ret,
       WSAGetLastError());

    /* "WSAEFAULT: The Windows Sockets implementation was unable to allocate needed resources for its
     * internal operations, or the readfds, writefds, exceptfds, or timeval parameters are not part
     * of the user address space." */
    if (harness_on_builtin)
        skip("Wine's builtin select faults on bad pointers");
    else
    {
        ret = select(0, (fd_set *)1, NULL, NULL, &zero_timeout);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "bad readfds: %d, error %d", ret,
           WSAGetLastError());
        set_one(&r, a);
        ret = select(0, &r, NULL, NULL, (struct timeval *)1);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "bad timeout: %d, error %d", ret,
           WSAGetLastError());
    }

    /* "WSAENOTSOCK: One of the descriptor sets contains an entry that is not a socket." */
    ret = select_one((SOCKET)event, &r, NULL, NULL, &zero_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "event handle: %d, error %d", ret,
       WSAGetLastError());
    FD_ZERO(&r);
    FD_SET(a, &r);
    FD_SET((SOCKET)0xdead0, &r);
    ret = select(0, &r, NULL, NULL, &zero_timeout);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "bad handle among sockets: %d, error %d", ret,
       WSAGetLastError());
    closesocket(a);
    closesocket(b);
    CloseHandle(event);
}

static void test_udp(void)
{
    struct timeval short_timeout = { 0, 50000 };
    fd_set r, w, e;
    SOCKET a, b;
    char buf[8];
    int ret;

    udp_pair(&a, &b);
    /* "If the time-out limit expired, the return value is zero" and the sets are emptied. */
    ret = select_one(a, &r, NULL, &e, &zero_timeout);
    ok(ret == 0 && r.fd_count == 0 && e.fd_count == 0, "nothing to read: %d, counts %u %u", ret, r.fd_count,
       e.fd_count);
    ret = select_one(a, &r, NULL, NULL, &short_timeout);
    ok(ret == 0 && r.fd_count == 0, "nothing to read in 50 ms: %d", ret);

    /* writefds: "If processing a connect call (nonblocking), connection has succeeded. Data can be sent." */
    ret = select_one(a, NULL, &w, NULL, &zero_timeout);
    ok(ret == 1 && w.fd_count == 1 && FD_ISSET(a, &w), "UDP writable: %d", ret);

    ok(send(b, "ping", 4, 0) == 4, "send: %d", WSAGetLastError());
    /* readfds: "Data is available for reading." (the wait is NULL: block until ready) */
    ret = select_one(a, &r, NULL, NULL, NULL);
    ok(ret == 1 && FD_ISSET(a, &r), "datagram readable: %d", ret);
    /* "select returns the total number of socket handles that are ready and contained in the fd_set structures" */
    ret = select_one(a, &r, &w, &e, &zero_timeout);
    ok(ret == 2 && FD_ISSET(a, &r) && FD_ISSET(a, &w) && !FD_ISSET(a, &e), "read+write: %d", ret);

    FD_ZERO(&r);
    FD_SET(b, &r);
    FD_SET(a, &r);
    ret = select(0, &r, NULL, NULL, &zero_timeout);
    ok(ret == 1 && r.fd_count == 1 && r.fd_array[0] == a, "only the ready one stays: %d, count %u", ret,
       r.fd_count);
    ok(recv(a, buf, sizeof(buf), 0) == 4, "recv");
    ret = select_one(a, &r, NULL, NULL, &zero_timeout);
    ok(ret == 0, "read again after recv: %d", ret);
    closesocket(a);
    closesocket(b);
}

/* A select on a blocks until b's datagram, sent from another thread, arrives; closes both. */
static void check_woken(SOCKET a, SOCKET b)
{
    struct timeval long_timeout = { 20, 0 };
    HANDLE thread = send_later(b);
    fd_set r;
    int ret;

    ret = select_one(a, &r, NULL, NULL, &long_timeout);
    ok(ret == 1 && FD_ISSET(a, &r), "woken by a datagram from another thread: %d", ret);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    closesocket(a);
    closesocket(b);
}

static void test_blocking_wait(void)
{
    SOCKET a, b;

    udp_pair(&a, &b);
    check_woken(a, b);
}

static void WINAPI count_apc(ULONG_PTR arg)
{
    ++*(int *)arg;
}

static void test_apc_during_select(void)
{
    struct timeval short_timeout = { 0, 100000 };
    fd_set r;
    SOCKET a, b;
    int ran = 0, ret;

    udp_pair(&a, &b);
    /* An APC that runs during the wait does not end select early with an error. */
    QueueUserAPC(count_apc, GetCurrentThread(), (ULONG_PTR)&ran);
    ret = select_one(a, &r, NULL, NULL, &short_timeout);
    ok(ret == 0, "select with a queued APC: %d, error %d", ret, WSAGetLastError());
    SleepEx(0, TRUE);
    ok(ran == 1, "the APC ran once: %d", ran);
    closesocket(a);
    closesocket(b);
}

static void test_tcp(void)
{
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), client, server;
    fd_set r, w, e;
    char buf[8];
    int ret;

    /* readfds: "If listen has been called and a connection is pending, accept will succeed." */
    ret = select_one(listener, &r, NULL, NULL, &zero_timeout);
    ok(ret == 0, "listener without a connection: %d", ret);
    client = tcp_connected(&addr);
    ret = select_one(listener, &r, NULL, NULL, NULL);
    ok(ret == 1 && FD_ISSET(listener, &r), "listener with a pending connection: %d", ret);
    server = tcp_accept(listener);

    ret = select_one(client, &r, &w, &e, &zero_timeout);
    ok(ret == 1 && FD_ISSET(client, &w), "connected client writable only: %d", ret);
    ok(send(client, "data", 4, 0) == 4, "send");
    ret = select_one(server, &r, NULL, NULL, NULL);
    ok(ret == 1, "data readable: %d", ret);
    ok(recv(server, buf, sizeof(buf), 0) == 4, "recv data");

    /* readfds: "Connection has been closed/reset/terminated." */
    ok(!shutdown(client, SD_SEND), "shutdown: %d", WSAGetLastError());
    ret = select_one(server, &r, NULL, NULL, NULL);
    ok(ret == 1 && FD_ISSET(server, &r), "FIN readable: %d", ret);
    ok(recv(server, buf, sizeof(buf), 0) == 0, "recv after FIN gives 0");

    if (close_abortive(client))
    {
        ret = select_one(server, &r, NULL, NULL, NULL);
        ok(ret == 1 && FD_ISSET(server, &r), "RST readable: %d", ret);
    }
    else
    {
        skip("SO_LINGER not available: no RST test");
        closesocket(client);
    }
    closesocket(server);
    closesocket(listener);
}

static void test_oob(void)
{
    SOCKET client, server;
    fd_set e;
    int ret;

    connected_pair(&client, &server);
    if (send(client, "!", 1, MSG_OOB) != 1)
    {
        skip("send(MSG_OOB) failed: %d", WSAGetLastError());
    }
    else
    {
        /* exceptfds: "OOB data is available for reading (only if SO_OOBINLINE is disabled)." */
        ret = select_one(server, NULL, NULL, &e, NULL);
        ok(ret == 1 && FD_ISSET(server, &e), "OOB in exceptfds: %d", ret);
    }
    closesocket(client);
    closesocket(server);
}

static void test_nonblocking_connect(void)
{
    struct timeval timeout = { 10, 0 };
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), s;
    u_long on = 1;
    fd_set w, e;
    int ret;

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ret = connect(s, (SOCKADDR *)&addr, sizeof(addr));
    ok(ret == 0 || WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking connect: %d, error %d", ret,
       WSAGetLastError());
    /* writefds: "If processing a connect call (nonblocking), connection has succeeded." */
    ret = select_one(s, NULL, &w, &e, &timeout);
    ok(ret == 1 && FD_ISSET(s, &w), "connected: writable %d", ret);
    closesocket(s);

    closesocket(listener);   /* now nothing listens on addr */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ret = connect(s, (SOCKADDR *)&addr, sizeof(addr));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "connect to a closed port: %d, error %d", ret,
       WSAGetLastError());
    /* exceptfds: "If processing a connect call (nonblocking), connection attempt failed." */
    ret = select_one(s, NULL, &w, &e, &timeout);
    ok(ret == 1 && FD_ISSET(s, &e) && !FD_ISSET(s, &w), "refused: in exceptfds %d (w %u e %u)", ret, w.fd_count,
       e.fd_count);
    closesocket(s);
}

static void test_synchronous_sockets(void)
{
    SOCKADDR_STORAGE addr_a, addr_b;
    SOCKET a = udp_bound(AF_INET, "127.0.0.1", 0, &addr_a), b = udp_bound(AF_INET, "127.0.0.1", 0, &addr_b);
    fd_set r;
    int ret;

    /* Sockets made without WSA_FLAG_OVERLAPPED have synchronous handles: select works on them too. */
    ret = select_one(a, &r, NULL, NULL, &zero_timeout);
    ok(ret == 0, "nothing to read: %d", ret);
    ok(!connect(b, (SOCKADDR *)&addr_a, sizeof(SOCKADDR_IN)), "connect");
    check_woken(a, b);
}

static void test_unconnected_tcp(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    fd_set r, w, e;
    int ret;

    /* A stream socket that was never connected is neither readable nor writable. */
    ret = select_one(s, &r, &w, &e, &zero_timeout);
    ok(ret == 0, "unconnected TCP socket: %d", ret);
    closesocket(s);
}

/*
 * "select returns the total number of socket handles that are ready and contained in the fd_set
 * structures": a socket listed twice in one set is one handle; readable and writable, it is in two
 * sets; and when the read and write sets are one fd_set it is in there once.
 */
static void test_set_counting(void)
{
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), client = tcp_connected(&addr), server = tcp_accept(listener);
    fd_set r, w;
    int ret;

    w.fd_count = 2;
    w.fd_array[0] = w.fd_array[1] = client;
    ret = select(0, NULL, &w, NULL, &zero_timeout);
    ok(ret == 1 && w.fd_count == 1 && w.fd_array[0] == client, "twice in one set: %d, count %u", ret, w.fd_count);
    ok(send(client, "x", 1, 0) == 1, "send");
    ret = select_one(server, &r, &w, NULL, NULL);
    ok(ret == 2 && FD_ISSET(server, &r) && FD_ISSET(server, &w), "readable and writable: %d", ret);
    FD_ZERO(&r);
    FD_SET(server, &r);
    FD_SET(client, &r);
    ret = select(0, &r, &r, NULL, &zero_timeout);
    ok(ret == 2 && r.fd_count == 2, "one fd_set as read and write set: %d, count %u", ret, r.fd_count);
    closesocket(client);
    closesocket(server);
    closesocket(listener);
}

void run_tests(void)
{
    test_not_initialised();
    sock_startup();
    test_errors();
    test_udp();
    test_blocking_wait();
    test_apc_during_select();
    test_tcp();
    test_set_counting();
    test_oob();
    test_nonblocking_connect();
    test_unconnected_tcp();
    test_synchronous_sockets();
    WSACleanup();
}
