/*
 * Socket creation and bind (Microsoft's pages "WSASocketW", "socket", "bind", "SOL_SOCKET socket
 * options"): how WSASocket resolves family, type and protocol and which error it reports, the
 * SO_OPENTYPE thread setting that decides whether socket() makes overlapped sockets, and bind's
 * address checks.  Where the pages name an error but not its order, Windows' order as Wine's
 * ws2_32 tests (run on Windows) record it.
 */
#include <string.h>

#include "tcp_util.h"

struct kind { int af, type, protocol; };

/* The socket's family, type and protocol from SO_PROTOCOL_INFOW; FALSE if it cannot be read. */
static BOOL socket_kind(SOCKET s, struct kind *kind)
{
    WSAPROTOCOL_INFOW info;
    int len = sizeof(info);

    if (getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)&info, &len)) return FALSE;
    kind->af = info.iAddressFamily;
    kind->type = info.iSocketType;
    kind->protocol = info.iProtocol;
    return TRUE;
}

static void expect_created(int af, int type, int protocol, struct kind want)
{
    SOCKET s = WSASocketW(af, type, protocol, NULL, 0, 0);
    struct kind got = { 0 };

    ok(s != INVALID_SOCKET && socket_kind(s, &got) && got.af == want.af && got.type == want.type &&
       got.protocol == want.protocol, "WSASocket(%d, %d, %d): error %d, got %d/%d/%d", af, type, protocol,
       s == INVALID_SOCKET ? WSAGetLastError() : 0, got.af, got.type, got.protocol);
    if (s != INVALID_SOCKET) closesocket(s);
}

static void expect_refused(int af, int type, int protocol, int error)
{
    SOCKET s;

    WSASetLastError(0xdeadbeef);
    s = WSASocketW(af, type, protocol, NULL, 0, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == error, "WSASocket(%d, %d, %d): socket %#Ix, error %d, "
       "expected %d", af, type, protocol, s, WSAGetLastError(), error);
    if (s != INVALID_SOCKET) closesocket(s);
}

static void test_kinds(void)
{
    const struct kind tcp = { AF_INET, SOCK_STREAM, IPPROTO_TCP }, udp = { AF_INET, SOCK_DGRAM, IPPROTO_UDP };

    /* protocol: "If a value of 0 is specified, the caller does not wish to specify a protocol and the
     * service provider will choose the protocol to use." */
    expect_created(AF_INET, SOCK_STREAM, 0, tcp);
    expect_created(AF_INET, SOCK_DGRAM, 0, udp);
    /* The type too comes from the first catalog entry that matches (TCP's for protocol 0). */
    expect_created(AF_INET, 0, IPPROTO_TCP, tcp);
    expect_created(AF_INET, 0, IPPROTO_UDP, udp);
    expect_created(AF_INET, 0, 0, tcp);
    /* af: "AF_UNSPEC ... the caller does not wish to specify": an entry for the protocol decides. */
    expect_created(AF_UNSPEC, SOCK_STREAM, IPPROTO_TCP, tcp);
    expect_created(AF_UNSPEC, 0, IPPROTO_UDP, udp);
    expect_created(0, 0, IPPROTO_TCP, tcp);
}

static void test_errors(void)
{
    /* "WSAEAFNOSUPPORT: The specified address family is not supported." */
    expect_refused(0xdead, SOCK_STREAM, IPPROTO_TCP, WSAEAFNOSUPPORT);
    if (!harness_on_builtin) expect_refused(0xdead, SOCK_STREAM, 0xdead, WSAEAFNOSUPPORT);   /* builtin: PROTO */
    /* "WSAESOCKTNOSUPPORT: The specified socket type is not supported in this address family"; the
     * type is judged first. */
    expect_refused(AF_INET, 0xdead, IPPROTO_TCP, WSAESOCKTNOSUPPORT);
    expect_refused(0xdead, 0xdead, IPPROTO_TCP, WSAESOCKTNOSUPPORT);
    expect_refused(AF_INET, 0xdead, 0, WSAESOCKTNOSUPPORT);
    /* "WSAEPROTONOSUPPORT: The specified protocol is not supported." / "WSAEPROTOTYPE: The specified
     * protocol is the wrong type for this socket": Windows says WSAEPROTONOSUPPORT for both. */
    expect_refused(AF_INET, SOCK_STREAM, 0xdead, WSAEPROTONOSUPPORT);
    expect_refused(AF_INET, SOCK_STREAM, IPPROTO_UDP, WSAEPROTONOSUPPORT);
    expect_refused(AF_INET, SOCK_DGRAM, IPPROTO_TCP, WSAEPROTONOSUPPORT);
    expect_refused(AF_INET, 0, 0xdead, WSAEPROTONOSUPPORT);
    /* "WSAEINVAL: ... the af parameter is set to AF_UNSPEC and the type and protocol parameter are
     * unspecified": with protocol 0, AF_UNSPEC is refused whatever the type. */
    expect_refused(AF_UNSPEC, SOCK_STREAM, 0, WSAEINVAL);
    expect_refused(AF_UNSPEC, 0, 0, WSAEINVAL);
}

static void test_protocol_info(void)
{
    WSAPROTOCOL_INFOW info;
    DWORD size = 0;
    SOCKET s;
    int type, len = sizeof(type);
    WSAPROTOCOL_INFOW *all;
    int count;

    /* "If lpProtocolInfo is not NULL, ... FROM_PROTOCOL_INFO": 0 takes the structure's value too. */
    WSAEnumProtocolsW(NULL, NULL, &size);
    if (!(all = HeapAlloc(GetProcessHeap(), 0, size)) || (count = WSAEnumProtocolsW(NULL, all, &size)) <= 0)
    {
        skip("no protocols");
        return;
    }
    info = all[0];
    info.iAddressFamily = AF_INET;
    info.iSocketType = SOCK_DGRAM;
    info.iProtocol = IPPROTO_UDP;
    s = WSASocketW(0, 0, 0, &info, 0, 0);
    ok(s != INVALID_SOCKET && !getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) && type == SOCK_DGRAM,
       "WSASocket(0, 0, 0, UDP info): error %d, type %d", WSAGetLastError(), type);
    /* SO_TYPE is read-only; on a datagram socket Windows refuses it with WSAEINVAL (builtin: WSAENOPROTOOPT). */
    if (!harness_on_builtin) expect_failure(setsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, sizeof(type)) == SOCKET_ERROR, WSAEINVAL,
                   "set SO_TYPE on UDP");
    closesocket(s);
    /* Explicit values win over the structure's. */
    s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, &info, 0, 0);
    ok(s != INVALID_SOCKET && !getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) && type == SOCK_STREAM,
       "WSASocket(TCP, UDP info): error %d, type %d", WSAGetLastError(), type);
    expect_failure(setsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, sizeof(type)) == SOCKET_ERROR,
                   WSAENOPROTOOPT, "set SO_TYPE on TCP");
    closesocket(s);
    /* The structure names a provider: a family it does not have is WSAEAFNOSUPPORT, looked at first. */
    info.iAddressFamily = info.iSocketType = info.iProtocol = -1;
    s = WSASocketW(0, 0, IPPROTO_UDP, &info, 0, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == WSAEAFNOSUPPORT, "WSASocket(-1 info): error %d",
       WSAGetLastError());
    HeapFree(GetProcessHeap(), 0, all);
}

/* "SO_OPENTYPE ... Once set, affects whether subsequent sockets that are created will be non-overlapped." */
static DWORD WINAPI open_type_thread(void *arg)
{
    DWORD type = 0xdeadbeef;
    int len = sizeof(type);

    getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&type, &len);
    return type;
}

static void CALLBACK ignore_completion(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
}

/*
 * Whether socket() makes an overlapped socket now: a receive with a completion routine and no data
 * pends there, while WSARecv's "WSAEINVAL ... the socket is not created with the overlapped flag"
 * refuses it on the others (Wine's builtin waits for ever instead: not probed there).
 */
static BOOL socket_makes_overlapped(void)
{
    struct sockaddr_in sin = { AF_INET };
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    WSAOVERLAPPED ovl = { 0 };
    char byte;
    WSABUF buf = { 1, &byte };
    DWORD flags = 0;
    BOOL pended;

    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&sin, sizeof(sin));
    pended = WSARecv(s, &buf, 1, NULL, &flags, &ovl, ignore_completion) && WSAGetLastError() == WSA_IO_PENDING;
    closesocket(s);
    SleepEx(0, TRUE);   /* the aborted request's routine */
    return pended;
}

static void test_open_type(void)
{
    DWORD type = 0xdeadbeef, value;
    HANDLE thread;
    int len = sizeof(type);

    /* Not a socket's setting: INVALID_SOCKET is fine, and a thread starts with 0. */
    ok(!getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&type, &len) && type == 0 && len == 4,
       "SO_OPENTYPE at start: %d, value %lu, len %d", WSAGetLastError(), type, len);
    value = SO_SYNCHRONOUS_NONALERT;
    ok(!setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&value, sizeof(value)), "set SO_OPENTYPE: %d",
       WSAGetLastError());
    len = sizeof(type);
    ok(!getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&type, &len) && type == SO_SYNCHRONOUS_NONALERT,
       "SO_OPENTYPE after set: %lu", type);
    /* Per thread: another thread still has 0. */
    thread = CreateThread(NULL, 0, open_type_thread, NULL, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    ok(GetExitCodeThread(thread, &type) && type == 0, "another thread's SO_OPENTYPE: %lu", type);
    CloseHandle(thread);
    /* ...and socket() now makes a non-overlapped socket. */
    if (!harness_on_builtin)
        ok(!socket_makes_overlapped(), "socket() after SO_SYNCHRONOUS_NONALERT made an overlapped socket");
    /* A short optlen is WSAEFAULT; a negative one reads as large. */
    value = 0;
    expect_failure(setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&value, 2) == SOCKET_ERROR, WSAEFAULT,
                   "set SO_OPENTYPE optlen 2");
    len = 2;
    expect_failure(getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&type, &len) == SOCKET_ERROR,
                   WSAEFAULT, "get SO_OPENTYPE optlen 2");
    ok(!setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&value, -1), "set SO_OPENTYPE optlen -1: %d",
       WSAGetLastError());
    len = -1;
    ok(!getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&type, &len) && len == 4 && type == 0,
       "get SO_OPENTYPE optlen -1: len %d value %lu", len, type);
    /* Back to 0: socket() makes overlapped sockets again. */
    ok(socket_makes_overlapped(), "socket() with SO_OPENTYPE 0 made a non-overlapped socket");
}

static void test_bind_checks(void)
{
    struct sockaddr_in sin = { AF_INET };
    SOCKADDR_IN6 sin6 = { AF_INET6 };
    struct sockaddr bad = { 0xdead };
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), s6 = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);

    /* "WSAEFAULT ... the namelen parameter is too small" */
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    expect_failure(bind(s, (struct sockaddr *)&sin, 0) == SOCKET_ERROR, WSAEFAULT, "bind namelen 0");
    expect_failure(bind(s, NULL, sizeof(sin)) == SOCKET_ERROR, WSAEFAULT, "bind NULL");
    /* Another family: WSAEAFNOSUPPORT ("The specified address family is not supported"). */
    expect_failure(bind(s, &bad, sizeof(bad)) == SOCKET_ERROR, WSAEAFNOSUPPORT, "bind family 0xdead");
    /* "WSAEADDRNOTAVAIL: ... not a valid local IP address on this computer" (192.0.2.0 is TEST-NET-1). */
    sin.sin_addr.s_addr = inet_addr("192.0.2.0");
    expect_failure(bind(s, (struct sockaddr *)&sin, sizeof(sin)) == SOCKET_ERROR, WSAEADDRNOTAVAIL,
                   "bind 192.0.2.0");
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (struct sockaddr *)&sin, sizeof(sin)), "bind 127.0.0.1: %d", WSAGetLastError());
    if (s6 == INVALID_SOCKET)
    {
        skip("no IPv6");
        closesocket(s);
        return;
    }
    sin6.sin6_addr = in6addr_loopback;
    /* The 24-byte SOCKADDR_IN6 of old (no sin6_scope_id) is too small. */
    expect_failure(bind(s6, (struct sockaddr *)&sin6, 24) == SOCKET_ERROR, WSAEFAULT, "bind 24-byte IPv6");
    /* A scope id that names no interface is no valid local address (builtin takes it). */
    sin6.sin6_scope_id = 0xabacab;
    if (!harness_on_builtin) expect_failure(bind(s6, (struct sockaddr *)&sin6, sizeof(sin6)) == SOCKET_ERROR, WSAEADDRNOTAVAIL,
                   "bind ::1 scope 0xabacab");
    sin6.sin6_scope_id = 0;
    ok(!bind(s6, (struct sockaddr *)&sin6, sizeof(sin6)), "bind ::1: %d", WSAGetLastError());
    closesocket(s6);
    closesocket(s);
}

void run_tests(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    test_kinds();
    test_errors();
    test_protocol_info();
    test_open_type();
    test_bind_checks();
    WSACleanup();
}
