/*
 * WSAPoll (the ws2_32 export and the WSAID_WSAPOLL extension): readiness of
 * Wine socket objects.  Quotes are from Microsoft's WSAPoll and WSAPOLLFD pages.
 */
#include "sock_util.h"

static int poll_one(SOCKET s, SHORT events, SHORT *revents, INT timeout)
{
    WSAPOLLFD fd = { s, events, 0x7777 };
    int ret = WSAPoll(&fd, 1, timeout);

    *revents = fd.revents;
    return ret;
}

static void test_not_initialised(void)
{
    SHORT revents;
    int ret = poll_one((SOCKET)1, POLLRDNORM, &revents, 0);

    /* "WSANOTINITIALISED" is not in WSAPoll's table, but every Winsock call needs WSAStartup. */
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED, "before WSAStartup: %d, error %d", ret,
       WSAGetLastError());
}

static void test_errors(void)
{
    WSAPOLLFD fds[2];
    SHORT revents;
    SOCKET a, b;
    int ret;

    udp_pair(&a, &b);
    /* "WSAEFAULT: An exception occurred while reading user input parameters." */
    if (harness_on_builtin) skip("Wine's builtin WSAPoll faults on a bad array");
    else
    {
        WSAPOLLFD *volatile bad = (WSAPOLLFD *)1;

        ret = WSAPoll(bad, 1, 0);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "bad array: %d, error %d", ret, WSAGetLastError());
    }
    /* "WSAEINVAL: An invalid parameter was passed to this function." */
    ret = WSAPoll(NULL, 0, 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "no entries: %d, error %d", ret, WSAGetLastError());
    /* POLLPRI: "This flag is not supported by the Microsoft Winsock provider." */
    ret = poll_one(a, POLLPRI, &revents, 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "POLLPRI: %d, error %d", ret, WSAGetLastError());
    ret = poll_one(a, POLLRDNORM | 0x4000, &revents, 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "unknown event bit: %d, error %d", ret,
       WSAGetLastError());

    /* "This error is also returned if none of the sockets specified in the fd member of any of the
     * WSAPOLLFD structures pointed to by the fdarray parameter were valid." */
    fds[0].fd = INVALID_SOCKET;
    fds[0].events = POLLRDNORM;
    ret = WSAPoll(fds, 1, 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "no valid socket: %d, error %d", ret,
       WSAGetLastError());

    /* "POLLNVAL: An invalid socket was used." */
    fds[0].fd = a;
    fds[0].events = POLLRDNORM;
    fds[1].fd = (SOCKET)0xdead0;
    fds[1].events = POLLRDNORM;
    fds[0].revents = fds[1].revents = 0x7777;
    ret = WSAPoll(fds, 2, 0);
    ok(ret == 1 && fds[0].revents == 0 && fds[1].revents == POLLNVAL, "a bad handle beside a socket: %d, %#x %#x",
       ret, fds[0].revents, fds[1].revents);
    closesocket(a);
    closesocket(b);
}

static void test_negative_fd(void)
{
    WSAPOLLFD fds[2];
    SOCKET a, b;
    int ret;

    udp_pair(&a, &b);
    /* "If the fd member of the WSAPOLLFD structure is set to a negative value, the structure is
     * ignored by the WSAPoll function call, and the revents member is cleared upon return." */
    fds[0].fd = INVALID_SOCKET;
    fds[0].events = POLLRDNORM;
    fds[0].revents = 0x7777;
    fds[1].fd = a;
    fds[1].events = POLLWRNORM;
    fds[1].revents = 0x7777;
    ret = WSAPoll(fds, 2, 0);
    ok(ret == 1 && fds[0].revents == 0 && fds[1].revents == POLLWRNORM, "negative fd ignored: %d, %#x %#x", ret,
       fds[0].revents, fds[1].revents);
    closesocket(a);
    closesocket(b);
}

static void test_udp(void)
{
    SOCKET a, b;
    SHORT revents;
    char buf[8];
    int ret;

    udp_pair(&a, &b);
    /* "Zero: No sockets were in the queried state before the timer expired." */
    ret = poll_one(a, POLLRDNORM, &revents, 0);
    ok(ret == 0 && revents == 0, "nothing to read: %d, %#x", ret, revents);
    ret = poll_one(a, POLLIN, &revents, 50);
    ok(ret == 0 && revents == 0, "nothing to read in 50 ms: %d, %#x", ret, revents);
    /* "POLLWRNORM: Normal data can be written without blocking." */
    ret = poll_one(a, POLLOUT, &revents, 0);
    ok(ret == 1 && revents == POLLWRNORM, "UDP writable: %d, %#x", ret, revents);
    ok(send(b, "ping", 4, 0) == 4, "send");
    /* "POLLRDNORM: Normal data may be read without blocking."  timeout < 0: "wait indefinitely" */
    ret = poll_one(a, POLLRDNORM | POLLWRNORM, &revents, -1);
    ok(ret == 1 && revents == (POLLRDNORM | POLLWRNORM), "readable and writable: %d, %#x", ret, revents);
    ret = poll_one(a, POLLWRNORM, &revents, 0);
    ok(ret == 1 && revents == POLLWRNORM, "only the requested events: %d, %#x", ret, revents);
    ok(recv(a, buf, sizeof(buf), 0) == 4, "recv");
    ret = poll_one(a, POLLRDNORM, &revents, 0);
    ok(ret == 0 && revents == 0, "consumed: %d, %#x", ret, revents);
    closesocket(a);
    closesocket(b);
}

static void test_blocking_wait(void)
{
    SOCKET a, b;
    SHORT revents;
    HANDLE thread;
    int ret;

    udp_pair(&a, &b);
    thread = send_later(b);
    ret = poll_one(a, POLLRDNORM, &revents, 20000);
    ok(ret == 1 && revents == POLLRDNORM, "woken by a datagram from another thread: %d, %#x", ret, revents);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    closesocket(a);
    closesocket(b);
}

static void test_tcp(void)
{
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), client, server;
    SHORT revents;
    char buf[8];
    int ret;

    ret = poll_one(listener, POLLRDNORM, &revents, 0);
    ok(ret == 0, "listener without a connection: %d, %#x", ret, revents);
    client = tcp_connected(&addr);
    /* A pending connection reads as POLLRDNORM ("accept ... without blocking"). */
    ret = poll_one(listener, POLLRDNORM, &revents, -1);
    ok(ret == 1 && revents == POLLRDNORM, "pending connection: %d, %#x", ret, revents);
    server = tcp_accept(listener);

    ok(send(client, "data", 4, 0) == 4, "send");
    ret = poll_one(server, POLLIN | POLLOUT, &revents, -1);
    ok(ret == 1 && revents == (POLLRDNORM | POLLWRNORM), "data: %d, %#x", ret, revents);
    ok(recv(server, buf, sizeof(buf), 0) == 4, "recv");

    /* "POLLHUP: A stream-oriented connection was either disconnected or aborted." */
    ok(!shutdown(client, SD_SEND), "shutdown");
    ret = poll_one(server, POLLRDNORM, &revents, -1);
    ok(ret == 1 && (revents & POLLHUP), "FIN: %d, %#x", ret, revents);

    if (close_abortive(client))
    {
        ret = poll_one(server, POLLRDNORM, &revents, -1);
        ok(ret == 1 && (revents & (POLLHUP | POLLERR)), "RST: %d, %#x", ret, revents);
    }
    else
    {
        skip("SO_LINGER not available: no RST test");
        closesocket(client);
    }
    closesocket(server);
    closesocket(listener);
}

static void test_failed_connect(void)
{
    SOCKADDR_IN addr;
    SOCKET listener = listener_v4(&addr), s;
    SHORT revents;
    u_long on = 1;
    int ret;

    closesocket(listener);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ret = connect(s, (SOCKADDR *)&addr, sizeof(addr));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "connect: %d, error %d", ret, WSAGetLastError());
    /* "POLLERR: An error has occurred." */
    ret = poll_one(s, POLLWRNORM, &revents, 10000);
    ok(ret == 1 && (revents & POLLERR) && !(revents & POLLWRNORM), "refused: %d, %#x", ret, revents);
    closesocket(s);
}

static void test_extension(void)
{
    GUID id = WSAID_WSAPOLL;
    LPFN_WSAPOLL fn = NULL;
    SOCKET a, b;
    WSAPOLLFD fd;
    DWORD size;
    int ret;

    udp_pair(&a, &b);
    ret = WSAIoctl(a, SIO_GET_EXTENSION_FUNCTION_POINTER, &id, sizeof(id), &fn, sizeof(fn), &size, NULL, NULL);
    if (ret && harness_on_builtin)
    {
        skip("Wine's builtin has no WSAID_WSAPOLL");
    }
    else
    {
        ok(!ret && fn && size == sizeof(fn), "WSAID_WSAPOLL: %d, error %d", ret, WSAGetLastError());
        fd.fd = a;
        fd.events = POLLWRNORM;
        fd.revents = 0;
        ret = fn ? fn(&fd, 1, 0) : -1;
        ok(ret == 1 && fd.revents == POLLWRNORM, "extension poll: %d, %#x", ret, fd.revents);
    }
    closesocket(a);
    closesocket(b);
}

void run_tests(void)
{
    test_not_initialised();
    sock_startup();
    test_errors();
    test_negative_fd();
    test_udp();
    test_blocking_wait();
    test_tcp();
    test_failed_connect();
    test_extension();
    WSACleanup();
}
