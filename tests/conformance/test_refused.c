/*
 * A connect to a loopback port where nothing listens fails, on IPv4 and IPv6,
 * blocking, non-blocking (select, SO_ERROR) and by ConnectEx (event and port).
 * A program that tries each address of a name in turn (Bun, Happy Eyeballs)
 * depends on it: a refused ::1 reported as connected hangs it.
 */
#include <string.h>

#include "tcp_util.h"

/* A loopback address of `family` whose port had a listener a moment ago, and has none now. */
static void dead_address(int family, SOCKADDR_STORAGE *addr)
{
    SOCKET gone = tcp_listener(family, WSA_FLAG_OVERLAPPED, addr);

    if (gone == INVALID_SOCKET) fatal("no listener for family %d: %d", family, WSAGetLastError());
    closesocket(gone);
}

static int family_len(int family)
{
    return family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
}

/*
 * A socket whose connect failed has no connection to read from: recv: "WSAENOTCONN: The socket is
 * not connected."  Bun asks so, with recv(s, NULL, 0, MSG_PUSH_IMMEDIATE), after a connect polls
 * writable; an answer of 0 (end of stream) makes it take the dead socket for connected.
 */
static void expect_not_connected(SOCKET s, int family)
{
    char buf[8];

    if (harness_on_builtin)
    {
        skip("Wine's builtin recv answers 0 (end of stream) after a failed connect");
        return;
    }
    expect_failure(recv(s, NULL, 0, MSG_PUSH_IMMEDIATE), WSAENOTCONN,
                   family == AF_INET6 ? "zero-byte recv after a refused [::1]" : "zero-byte recv after a refused 127.0.0.1");
    expect_failure(recv(s, buf, sizeof(buf), 0), WSAENOTCONN, "recv after a refused connect");
}

/* connect: "WSAECONNREFUSED: The attempt to connect was forcefully rejected." */
static void test_blocking(int family, const SOCKADDR_STORAGE *addr)
{
    SOCKET s = socket(family, SOCK_STREAM, IPPROTO_TCP);

    expect_failure(connect(s, (const SOCKADDR *)addr, family_len(family)), WSAECONNREFUSED,
                   family == AF_INET6 ? "blocking connect to [::1]" : "blocking connect to 127.0.0.1");
    expect_not_connected(s, family);
    closesocket(s);
}

/*
 * Non-blocking: connect answers WSAEWOULDBLOCK; select's exceptfds then has the socket ("If
 * processing a connect call (nonblocking), connection attempt failed"), writefds does not
 * ("connection has succeeded"), and SO_ERROR tells why.
 */
static void test_nonblocking(int family, const SOCKADDR_STORAGE *addr)
{
    SOCKET s = socket(family, SOCK_STREAM, IPPROTO_TCP);
    struct timeval tv = { 5, 0 };
    u_long on = 1;
    fd_set writable, failed;
    int error = 0, len = sizeof(error);

    ioctlsocket(s, FIONBIO, &on);
    expect_failure(connect(s, (const SOCKADDR *)addr, family_len(family)), WSAEWOULDBLOCK, "non-blocking connect");
    FD_ZERO(&writable);
    FD_ZERO(&failed);
    FD_SET(s, &writable);
    FD_SET(s, &failed);
    ok(select(0, NULL, &writable, &failed, &tv) == 1, "select: one socket ready (family %d)", family);
    ok(FD_ISSET(s, &failed), "refused connect not in exceptfds (family %d)", family);
    ok(!FD_ISSET(s, &writable), "refused connect reported writable, as if connected (family %d)", family);
    ok(!getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&error, &len) && error == WSAECONNREFUSED,
       "SO_ERROR after a refused connect (family %d): %d", family, error);
    expect_not_connected(s, family);
    closesocket(s);
}

static SOCKET bound_socket(int family)
{
    SOCKADDR_STORAGE local = { 0 };
    SOCKET s = socket(family, SOCK_STREAM, IPPROTO_TCP);

    local.ss_family = family;
    if (family == AF_INET6) ((SOCKADDR_IN6 *)&local)->sin6_addr = in6addr_loopback;
    else ((SOCKADDR_IN *)&local)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (SOCKADDR *)&local, family_len(family)), "bind: %d", WSAGetLastError());
    return s;
}

/*
 * ConnectEx through a completion port (as libuv): the packet comes with FALSE and the connection's
 * error, and WSAGetOverlappedResult answers WSAECONNREFUSED.
 */
static void test_connect_ex(int family, const SOCKADDR_STORAGE *addr)
{
    SOCKET s = bound_socket(family);
    LPFN_CONNECTEX connect_ex = tcp_extension(s, (GUID)WSAID_CONNECTEX);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 7, 0);
    OVERLAPPED ovl = { 0 }, *got = NULL;
    ULONG_PTR key = 0;
    DWORD bytes, flags;
    BOOL done;

    if (!connect_ex(s, (const SOCKADDR *)addr, family_len(family), NULL, 0, NULL, &ovl))
        ok(WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx (family %d): %d", family, WSAGetLastError());
    done = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(!done && got == &ovl && key == 7 && GetLastError() == ERROR_CONNECTION_REFUSED,
       "refused ConnectEx packet (family %d): %d, ovl %p, error %lu", family, done, got, GetLastError());
    ok(!WSAGetOverlappedResult(s, &ovl, &bytes, FALSE, &flags) && WSAGetLastError() == WSAECONNREFUSED,
       "refused ConnectEx result (family %d): %d", family, WSAGetLastError());
    closesocket(s);
    CloseHandle(port);
}

void run_tests(void)
{
    static const int families[] = { AF_INET, AF_INET6 };
    SOCKADDR_STORAGE addr;
    WSADATA wsa;
    unsigned int i;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    for (i = 0; i < ARRAYSIZE(families); i++)
    {
        dead_address(families[i], &addr);
        test_blocking(families[i], &addr);
        test_nonblocking(families[i], &addr);
        test_connect_ex(families[i], &addr);
    }
    WSACleanup();
}
