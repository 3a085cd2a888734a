/*
 * Name resolution: getaddrinfo & co, getnameinfo, gethostby*, getserv*,
 * getproto*, gethostname.  Offline only: loopback, numeric addresses, the
 * host's /etc/hosts (seen through Wine's Z: drive) and ".invalid", which can
 * never resolve.  Each check cites the documentation sentence it tests.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* Declared by Microsoft's ws2tcpip.h, not by mingw's. */
INT WSAAPI GetAddrInfoExCancel(LPHANDLE handle);
INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED overlapped);

#ifndef WSA_E_CANCELLED
#define WSA_E_CANCELLED 10111
#endif

static ADDRINFOA make_hints(int flags, int family, int socktype)
{
    ADDRINFOA hints;

    memset(&hints, 0, sizeof(hints));
    hints.ai_flags = flags;
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    return hints;
}

static ULONG ipv4_of(const ADDRINFOA *ai)
{
    return ntohl(((const SOCKADDR_IN *)ai->ai_addr)->sin_addr.s_addr);
}

static USHORT port_of(const ADDRINFOA *ai)
{
    return ntohs(((const SOCKADDR_IN *)ai->ai_addr)->sin_port);
}

/* getaddrinfo must fail with `expected`, returned and as the thread's error. */
static void expect_gai_error(const char *node, const char *service, const ADDRINFOA *hints,
                             int expected, const char *what)
{
    ADDRINFOA *result = (ADDRINFOA *)0xdeadbeef;
    int ret;

    WSASetLastError(0);
    ret = getaddrinfo(node, service, hints, &result);
    ok(ret == expected && WSAGetLastError() == expected, "%s: ret %d error %d, expected %d", what, ret,
       WSAGetLastError(), expected);
    if (!ret) freeaddrinfo(result);
}

static void test_before_startup(void)
{
    ADDRINFOA *result = NULL;
    char name[256];

    /* WSANOTINITIALISED: "A successful WSAStartup call must occur before using this function." */
    ok(getaddrinfo("localhost", NULL, NULL, &result) == WSANOTINITIALISED &&
       WSAGetLastError() == WSANOTINITIALISED, "getaddrinfo before WSAStartup: %d", WSAGetLastError());
    ok(!gethostbyname("localhost") && WSAGetLastError() == WSANOTINITIALISED,
       "gethostbyname before WSAStartup: %d", WSAGetLastError());
    ok(gethostname(name, sizeof(name)) == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
       "gethostname before WSAStartup: %d", WSAGetLastError());
    ok(!getservbyname("http", "tcp") && WSAGetLastError() == WSANOTINITIALISED,
       "getservbyname before WSAStartup: %d", WSAGetLastError());
}

static void test_getaddrinfo_numeric(void)
{
    ADDRINFOA hints = make_hints(0, AF_INET, SOCK_STREAM), *result = NULL;
    const SOCKADDR_IN6 *sin6;
    int ret;

    /* "Success returns zero"; ai_addr is a sockaddr_in for AF_INET */
    ret = getaddrinfo("127.0.0.1", "80", &hints, &result);
    ok(!ret && result, "127.0.0.1: %d", ret);
    if (result)
    {
        ok(result->ai_family == AF_INET && result->ai_addrlen == sizeof(SOCKADDR_IN) &&
           result->ai_socktype == SOCK_STREAM, "family %d len %Iu socktype %d", result->ai_family,
           result->ai_addrlen, result->ai_socktype);
        ok(ipv4_of(result) == 0x7f000001 && port_of(result) == 80, "address %#lx port %u",
           ipv4_of(result), port_of(result));
        ok(result->ai_addr->sa_family == AF_INET, "sa_family %d", result->ai_addr->sa_family);
        /* "the ai_family, ai_socktype, and ai_protocol members correspond to respective arguments
           in a socket or WSASocket function call": the hints' protocol 0 stays 0 (Wine's
           protocol.c checked it on Windows), which socket() reads as the type's default */
        ok(result->ai_protocol == 0, "protocol %d for hints with protocol 0", result->ai_protocol);
        freeaddrinfo(result);
    }
    /* "For the Internet protocol, the numeric host address string is ... an IPv6 hex address";
       AF_INET6 is 23 on Windows and ai_addr a sockaddr_in6 */
    hints = make_hints(0, AF_UNSPEC, SOCK_DGRAM);
    result = NULL;
    ret = getaddrinfo("::1", "443", &hints, &result);
    ok(!ret && result, "::1: %d", ret);
    if (result)
    {
        sin6 = (const SOCKADDR_IN6 *)result->ai_addr;
        ok(result->ai_family == 23 && result->ai_addrlen == sizeof(SOCKADDR_IN6) &&
           sin6->sin6_family == 23, "family %d len %Iu", result->ai_family, result->ai_addrlen);
        ok(IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr) && ntohs(sin6->sin6_port) == 443, "port %u",
           ntohs(sin6->sin6_port));
        ok(!result->ai_next, "more than one result for ::1");
        freeaddrinfo(result);
    }
    /* "If the AI_NUMERICHOST bit is set, the pNodeName parameter must contain a non-NULL numeric
       host address string, otherwise the EAI_NONAME error is returned" */
    hints = make_hints(AI_NUMERICHOST, AF_UNSPEC, 0);
    expect_gai_error("localhost", NULL, &hints, WSAHOST_NOT_FOUND, "AI_NUMERICHOST with a name");
    result = NULL;
    ok(!getaddrinfo("10.1.2.3", NULL, &hints, &result) && result && ipv4_of(result) == 0x0a010203,
       "AI_NUMERICHOST with a number");
    if (result) freeaddrinfo(result);
}

static void test_getaddrinfo_names(void)
{
    ADDRINFOA hints = make_hints(0, AF_INET, 0), *result = NULL, *ai;
    BOOL loopback = FALSE, all_inet = TRUE;
    int ret;

    /* "If the pNodeName parameter points to a string equal to "localhost", all loopback addresses
       on the local computer are returned" */
    ret = getaddrinfo("localhost", "8080", &hints, &result);
    ok(!ret && result, "localhost: %d", ret);
    for (ai = result; ai; ai = ai->ai_next)
    {
        if (ai->ai_family != AF_INET) all_inet = FALSE;
        else if (ipv4_of(ai) == 0x7f000001 && port_of(ai) == 8080) loopback = TRUE;
    }
    ok(loopback, "127.0.0.1:8080 not among the results");
    /* ai_family AF_INET in the hints: "only IPv4 addresses" */
    ok(all_inet, "AF_INET hints returned another family");
    if (result) freeaddrinfo(result);

    /* "AI_CANONNAME: the canonical name is returned in the ai_canonname member of the first
       addrinfo structure" */
    hints = make_hints(AI_CANONNAME, AF_INET, SOCK_STREAM);
    result = NULL;
    ret = getaddrinfo("localhost", NULL, &hints, &result);
    ok(!ret && result && result->ai_canonname && result->ai_canonname[0], "AI_CANONNAME: %d", ret);
    if (result && result->ai_next) ok(!result->ai_next->ai_canonname, "canonname past the first");
    if (result) freeaddrinfo(result);

    /* "If the AI_V4MAPPED bit is set and a request for IPv6 addresses fails, ... these addresses are
       converted to IPv4-mapped IPv6 address format" (or localhost has an IPv6 loopback) */
    hints = make_hints(AI_V4MAPPED, AF_INET6, 0);
    result = NULL;
    ret = getaddrinfo("localhost", NULL, &hints, &result);
    ok(!ret && result && result->ai_family == AF_INET6, "AI_V4MAPPED: %d", ret);
    if (result)
    {
        const IN6_ADDR *a = &((const SOCKADDR_IN6 *)result->ai_addr)->sin6_addr;
        ok(IN6_IS_ADDR_LOOPBACK(a) || (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127),
           "not a loopback address");
        freeaddrinfo(result);
    }
}

static void test_getaddrinfo_passive(void)
{
    ADDRINFOA hints = make_hints(AI_PASSIVE, AF_INET, SOCK_STREAM), *result = NULL;
    const SOCKADDR_IN6 *sin6;

    /* "If the AI_PASSIVE flag is specified in ... and pNodeName is a NULL pointer, then the IP
       address portion of the socket address structure is set to INADDR_ANY for IPv4 addresses and
       IN6ADDR_ANY_INIT for IPv6 addresses" */
    ok(!getaddrinfo(NULL, "8080", &hints, &result) && result && ipv4_of(result) == INADDR_ANY &&
       port_of(result) == 8080, "AI_PASSIVE IPv4");
    if (result) freeaddrinfo(result);
    hints.ai_family = AF_INET6;
    result = NULL;
    ok(!getaddrinfo(NULL, "8080", &hints, &result) && result, "AI_PASSIVE IPv6");
    if (result)
    {
        sin6 = (const SOCKADDR_IN6 *)result->ai_addr;
        ok(IN6_IS_ADDR_UNSPECIFIED(&sin6->sin6_addr) && ntohs(sin6->sin6_port) == 8080, "not ::");
        freeaddrinfo(result);
    }
    /* "If the AI_PASSIVE flag is not set ... and pNodeName is NULL, the IP address portion of the
       socket address structure is set to the loopback address" */
    hints = make_hints(0, AF_INET, SOCK_DGRAM);
    result = NULL;
    ok(!getaddrinfo(NULL, "53", &hints, &result) && result && ipv4_of(result) == INADDR_LOOPBACK &&
       result->ai_socktype == SOCK_DGRAM, "NULL node without AI_PASSIVE");
    if (result) freeaddrinfo(result);
}

static void test_getaddrinfo_services(void)
{
    ADDRINFOA hints = make_hints(0, AF_INET, SOCK_STREAM), *result = NULL;

    /* "Possible values for the pServiceName parameter when a port number is not specified are
       listed in ... %WINDIR%\system32\drivers\etc\services" */
    ok(!getaddrinfo("127.0.0.1", "http", &hints, &result) && result && port_of(result) == 80,
       "service http");
    if (result) freeaddrinfo(result);
    /* EAI_SERVICE / WSATYPE_NOT_FOUND: "The pServiceName parameter is not supported for the
       specified ai_socktype member of the pHints parameter." */
    expect_gai_error("127.0.0.1", "no-such-service", &hints, WSATYPE_NOT_FOUND, "unknown service");
    hints.ai_socktype = SOCK_DGRAM;
    expect_gai_error("127.0.0.1", "http", &hints, WSATYPE_NOT_FOUND, "http over datagrams");
}

static void test_getaddrinfo_errors(void)
{
    ADDRINFOA hints;
    SOCKADDR_IN sin = { AF_INET };

    /* EAI_NONAME: "or the pNodeName and pServiceName parameters were not provided" */
    expect_gai_error(NULL, NULL, NULL, WSAHOST_NOT_FOUND, "no node, no service");
    /* EAI_FAMILY / WSAEAFNOSUPPORT: "The ai_family member of the pHints parameter is not supported." */
    hints = make_hints(0, 12345, 0);
    expect_gai_error("127.0.0.1", NULL, &hints, WSAEAFNOSUPPORT, "bad family");
    /* EAI_SOCKTYPE / WSAESOCKTNOSUPPORT: "The ai_socktype member of the pHints parameter is not
       supported." */
    hints = make_hints(0, AF_INET, 12345);
    expect_gai_error("127.0.0.1", NULL, &hints, WSAESOCKTNOSUPPORT, "bad socktype");
    /* EAI_BADFLAGS / WSAEINVAL: "An invalid value was provided for the ai_flags member" */
    hints = make_hints(0x10000000, AF_INET, 0);
    expect_gai_error("127.0.0.1", NULL, &hints, WSAEINVAL, "unknown flag");
    /* "The ai_addrlen, ai_canonname, ai_addr, and ai_next members ... must be zero or NULL.
       Otherwise the ... function will fail with WSANO_RECOVERY." */
    hints = make_hints(0, AF_INET, 0);
    hints.ai_addrlen = sizeof(sin);
    expect_gai_error("127.0.0.1", NULL, &hints, WSANO_RECOVERY, "ai_addrlen set");
    hints = make_hints(0, AF_INET, 0);
    hints.ai_addr = (SOCKADDR *)&sin;
    expect_gai_error("127.0.0.1", NULL, &hints, WSANO_RECOVERY, "ai_addr set");
}

static void test_getaddrinfo_invalid_name(void)
{
    ADDRINFOA *result = NULL;
    int ret;

    /* ".invalid" never resolves (RFC 2606); offline the resolver may say "try again" instead */
    ret = getaddrinfo("nonexistent.invalid", NULL, NULL, &result);
    ok(ret == WSAHOST_NOT_FOUND || ret == WSANO_DATA || ret == WSATRY_AGAIN,
       "nonexistent.invalid: %d", ret);
    /* "Failure returns a nonzero Windows Sockets error code" and WSAGetLastError has it too */
    ok(ret && WSAGetLastError() == ret, "last error %d, returned %d", WSAGetLastError(), ret);
    if (!ret) freeaddrinfo(result);
    /* gethostbyname: "Otherwise, it returns a null pointer", WSAHOST_NOT_FOUND "Authoritative
       answer host not found" (or "try again" with no name server reachable) */
    ok(!gethostbyname("nonexistent.invalid") &&
       (WSAGetLastError() == WSAHOST_NOT_FOUND || WSAGetLastError() == WSATRY_AGAIN ||
        WSAGetLastError() == WSANO_DATA), "gethostbyname nonexistent.invalid: %d", WSAGetLastError());
}

static void test_getaddrinfo_local_machine(void)
{
    ADDRINFOA hints = make_hints(0, AF_INET, 0), *result = NULL;
    char name[256];

    if (gethostname(name, sizeof(name)) || !gethostbyname(name))
    {
        skip("this computer's own name does not resolve: %d", WSAGetLastError());
        return;
    }
    /* "If the pNodeName parameter contains an empty string, all registered addresses on the local
       computer are returned." */
    ok(!getaddrinfo("", NULL, &hints, &result) && result && result->ai_family == AF_INET,
       "getaddrinfo(\"\"): %d", WSAGetLastError());
    if (result) freeaddrinfo(result);
    /* "if the pNodeName parameter points to a string equal to "..localmachine", all registered
       addresses on the local computer are returned" */
    result = NULL;
    ok(!getaddrinfo("..localmachine", NULL, &hints, &result) && result, "..localmachine: %d",
       WSAGetLastError());
    if (result) freeaddrinfo(result);
}

/* The first "address name" line of the host's /etc/hosts with an IPv4 address other than localhost. */
static BOOL hosts_file_entry(char *name, size_t name_size, ULONG *addr)
{
    char line[512], addr_text[64], first[256];
    FILE *file = fopen("Z:\\etc\\hosts", "r");
    BOOL found = FALSE;

    if (!file) return FALSE;
    while (!found && fgets(line, sizeof(line), file))
    {
        if (line[0] == '#' || sscanf(line, "%63s %255s", addr_text, first) != 2) continue;
        if (!strcmp(first, "localhost") || inet_pton(AF_INET, addr_text, addr) != 1) continue;
        snprintf(name, name_size, "%s", first);
        *addr = ntohl(*addr);
        found = TRUE;
    }
    fclose(file);
    return found;
}

static void test_getaddrinfo_hosts_file(void)
{
    ADDRINFOA hints = make_hints(0, AF_INET, SOCK_STREAM), *result = NULL, *ai;
    char name[256];
    ULONG addr;
    BOOL found = FALSE;

    if (!hosts_file_entry(name, sizeof(name), &addr))
    {
        skip("no usable IPv4 entry in the host's /etc/hosts");
        return;
    }
    /* "pNodeName: a host (node) name", resolved the way the system resolves names (its hosts file) */
    ok(!getaddrinfo(name, NULL, &hints, &result), "%s from the hosts file: %d", name, WSAGetLastError());
    for (ai = result; ai; ai = ai->ai_next) if (ipv4_of(ai) == addr) found = TRUE;
    ok(found, "%s did not resolve to %#lx", name, addr);
    if (result) freeaddrinfo(result);
}

static void test_getaddrinfow(void)
{
    ADDRINFOW hints, *result = NULL;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_flags = AI_CANONNAME;
    /* GetAddrInfoW: "protocol-independent translation from a Unicode host name to an address" */
    ok(!GetAddrInfoW(L"localhost", L"80", &hints, &result) && result, "GetAddrInfoW: %d",
       WSAGetLastError());
    if (result)
    {
        ok(result->ai_family == AF_INET &&
           ((SOCKADDR_IN *)result->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
           "GetAddrInfoW address");
        ok(result->ai_canonname && result->ai_canonname[0], "GetAddrInfoW canonname");
        FreeAddrInfoW(result);
    }
    /* same error table as getaddrinfo */
    ok(GetAddrInfoW(NULL, NULL, NULL, &result) == WSAHOST_NOT_FOUND, "GetAddrInfoW no names");
}

static void test_getaddrinfoex_sync(void)
{
    ADDRINFOEXW hintsW, *resultW = NULL;
    ADDRINFOEXA hintsA, *resultA = NULL;
    struct timeval timeout = { 1, 0 };

    memset(&hintsW, 0, sizeof(hintsW));
    hintsW.ai_family = AF_INET;
    /* "On success, GetAddrInfoEx returns NO_ERROR (0)" */
    ok(!GetAddrInfoExW(L"127.0.0.1", L"25", NS_DNS, NULL, &hintsW, &resultW, NULL, NULL, NULL, NULL) &&
       resultW && resultW->ai_family == AF_INET &&
       ntohs(((SOCKADDR_IN *)resultW->ai_addr)->sin_port) == 25, "GetAddrInfoExW sync");
    if (resultW) FreeAddrInfoExW(resultW);
    memset(&hintsA, 0, sizeof(hintsA));
    hintsA.ai_family = AF_INET6;
    ok(!GetAddrInfoExA("::1", NULL, NS_ALL, NULL, &hintsA, &resultA, NULL, NULL, NULL, NULL) &&
       resultA && resultA->ai_family == AF_INET6, "GetAddrInfoExA sync");
    if (resultA) FreeAddrInfoEx(resultA);
    /* hints: "must be zero or NULL. Otherwise the GetAddrInfoEx function will fail with
       WSANO_RECOVERY" */
    hintsW.ai_addrlen = 16;
    ok(GetAddrInfoExW(L"127.0.0.1", NULL, NS_DNS, NULL, &hintsW, &resultW, NULL, NULL, NULL,
                      NULL) == WSANO_RECOVERY, "GetAddrInfoExW reserved hint member");
    /* timeout: "only supported when ... the lpOverlapped parameter is also specified" */
    ok(GetAddrInfoExW(L"127.0.0.1", NULL, NS_DNS, NULL, NULL, &resultW, &timeout, NULL, NULL,
                      NULL) == WSAEINVAL, "timeout without lpOverlapped");
}

static HANDLE routine_event;
static DWORD routine_error = 0xdeadbeef;
static OVERLAPPED *routine_overlapped;

static void CALLBACK completion_routine(DWORD error, DWORD bytes, OVERLAPPED *overlapped)
{
    routine_error = error;
    routine_overlapped = overlapped;
    SetEvent(routine_event);
}

static void test_getaddrinfoex_async(void)
{
    ADDRINFOEXW *result = NULL;
    OVERLAPPED overlapped;
    HANDLE handle = NULL;
    int ret;

    memset(&overlapped, 0, sizeof(overlapped));
    overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    /* "If the lpOverlapped parameter is not NULL, then the function returns WSA_IO_PENDING" */
    ret = GetAddrInfoExW(L"localhost", L"80", NS_ALL, NULL, NULL, &result, NULL, &overlapped, NULL,
                         &handle);
    ok(ret == WSA_IO_PENDING, "async GetAddrInfoExW: %d", ret);
    ok(handle != NULL, "no handle for the operation");
    /* "The Pointer member of the OVERLAPPED structure will be set to the value of the ppResult
       parameter of the original call." */
    ok(overlapped.Pointer == &result, "Pointer %p, expected %p", overlapped.Pointer, &result);
    /* "the hEvent member of the OVERLAPPED structure is signaled when the operation completes" */
    ok(WaitForSingleObject(overlapped.hEvent, 10000) == WAIT_OBJECT_0, "event not signaled");
    /* GetAddrInfoExOverlappedResult: "On success ... returns NO_ERROR (0)" */
    ok(GetAddrInfoExOverlappedResult(&overlapped) == 0, "overlapped result %d",
       GetAddrInfoExOverlappedResult(&overlapped));
    ok(result && result->ai_addr, "no async result");
    if (result) FreeAddrInfoExW(result);
    /* "If the GetAddrInfoEx request has already completed ... WSA_INVALID_HANDLE" */
    ok(GetAddrInfoExCancel(&handle) == WSA_INVALID_HANDLE, "cancel after completion");

    /* "lpCompletionRoutine: an optional callback function" called when the operation completes */
    routine_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    result = NULL;
    ResetEvent(overlapped.hEvent);
    /* "If a completion routine has been specified, the hEvent member must be NULL." */
    ret = GetAddrInfoExW(L"127.0.0.1", NULL, NS_ALL, NULL, NULL, &result, NULL, &overlapped,
                         (LPLOOKUPSERVICE_COMPLETION_ROUTINE)completion_routine, &handle);
    ok(ret == WSAEINVAL, "routine and event: %d", ret);
    overlapped.hEvent = NULL;
    ret = GetAddrInfoExW(L"127.0.0.1", NULL, NS_ALL, NULL, NULL, &result, NULL, &overlapped,
                         (LPLOOKUPSERVICE_COMPLETION_ROUTINE)completion_routine, &handle);
    ok(ret == WSA_IO_PENDING, "async with routine: %d", ret);
    ok(WaitForSingleObject(routine_event, 10000) == WAIT_OBJECT_0, "routine not called");
    ok(routine_error == 0 && routine_overlapped == &overlapped, "routine got %lu %p", routine_error,
       routine_overlapped);
    ok(result != NULL, "no result with routine");
    if (result) FreeAddrInfoExW(result);
    CloseHandle(routine_event);

    /* "If ... the handle is invalid, WSA_INVALID_HANDLE will be returned" */
    handle = (HANDLE)0x4321;
    ok(GetAddrInfoExCancel(&handle) == WSA_INVALID_HANDLE, "cancel of an invalid handle");
    /* "If the lpOverlapped parameter was NULL, then the GetAddrInfoExOverlappedResult function was
       passed a NULL pointer and failed" with WSAEINVAL */
    ok(GetAddrInfoExOverlappedResult(NULL) == WSAEINVAL, "overlapped result of NULL");
    /* WSAHOST_NOT_FOUND: "the pName and pServiceName parameters were not provided": told at once,
       the event left alone (Wine's protocol.c checked it on Windows) */
    overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    result = (ADDRINFOEXW *)0xdeadbeef;
    ret = GetAddrInfoExW(NULL, NULL, NS_DNS, NULL, NULL, &result, NULL, &overlapped, NULL, NULL);
    ok(ret == WSAHOST_NOT_FOUND && !result, "async without names: %d %p", ret, result);
    ok(WaitForSingleObject(overlapped.hEvent, 100) == WAIT_TIMEOUT, "event set for a failed call");
    CloseHandle(overlapped.hEvent);
}

static void test_getaddrinfoex_cancel(void)
{
    ADDRINFOEXW *result = (ADDRINFOEXW *)0xdeadbeef;
    OVERLAPPED overlapped;
    HANDLE handle = NULL;
    int ret;

    memset(&overlapped, 0, sizeof(overlapped));
    overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = GetAddrInfoExW(L"nonexistent.invalid", NULL, NS_ALL, NULL, NULL, &result, NULL, &overlapped,
                         NULL, &handle);
    ok(ret == WSA_IO_PENDING, "async lookup: %d", ret);
    ret = GetAddrInfoExCancel(&handle);
    if (ret == WSA_INVALID_HANDLE)
    {
        skip("the lookup completed before it could be cancelled");
    }
    else
    {
        /* "the user's completion mechanism, either a callback or an event, is immediately invoked.
           No results are returned, and the error code ... is set to WSA_E_CANCELLED" */
        ok(ret == 0, "cancel: %d", ret);
        ok(WaitForSingleObject(overlapped.hEvent, 0) == WAIT_OBJECT_0, "event not set by cancel");
        ok(GetAddrInfoExOverlappedResult(&overlapped) == WSA_E_CANCELLED, "result %d",
           GetAddrInfoExOverlappedResult(&overlapped));
        ok(result == NULL, "cancelled lookup returned a result");
    }
    WaitForSingleObject(overlapped.hEvent, 10000);
    Sleep(100);  /* let the abandoned lookup finish before the event goes */
    CloseHandle(overlapped.hEvent);
}

static void test_getnameinfo(void)
{
    SOCKADDR_IN sin = { AF_INET };
    SOCKADDR_IN6 sin6 = { AF_INET6 };
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    WCHAR hostW[NI_MAXHOST], servW[NI_MAXSERV];
    int ret;

    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(80);
    /* NI_NUMERICHOST: "the numeric form of the host name is returned instead of its name";
       NI_NUMERICSERV: "the port number of the service is returned instead of its name" */
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, sizeof(host), serv, sizeof(serv),
                      NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!ret && !strcmp(host, "127.0.0.1") && !strcmp(serv, "80"), "numeric: %d %s %s", ret, host, serv);
    /* without NI_NUMERICSERV the service name comes from the services file */
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), NULL, 0, serv, sizeof(serv), 0);
    ok(!ret && !strcmp(serv, "http"), "service of port 80: %d %s", ret, serv);
    /* NI_DGRAM: "the service is a datagram service" (domain is 53/udp) */
    sin.sin_port = htons(53);
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), NULL, 0, serv, sizeof(serv), NI_DGRAM);
    ok(!ret && !strcmp(serv, "domain"), "service of 53/udp: %d %s", ret, serv);
    /* NI_NAMEREQD: "a host name that cannot be resolved by DNS results in an error"; localhost can */
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, NI_NAMEREQD);
    ok(!ret && host[0] && inet_addr(host) == INADDR_NONE, "NI_NAMEREQD on 127.0.0.1: %d %s", ret, host);
    sin6.sin6_addr.s6_addr[15] = 1;
    sin6.sin6_port = htons(22);
    ret = getnameinfo((SOCKADDR *)&sin6, sizeof(sin6), host, sizeof(host), serv, sizeof(serv),
                      NI_NUMERICHOST);
    ok(!ret && !strcmp(host, "::1") && !strcmp(serv, "ssh"), "::1: %d %s %s", ret, host, serv);
    /* GetNameInfoW: the Unicode version */
    ret = GetNameInfoW((SOCKADDR *)&sin6, sizeof(sin6), hostW, NI_MAXHOST, servW, NI_MAXSERV,
                       NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!ret && !wcscmp(hostW, L"::1") && !wcscmp(servW, L"22"), "GetNameInfoW: %d", ret);

    /* WSAEFAULT: "This error is returned if the pSockaddr parameter is NULL or the SockaddrLength
       parameter is less than the length needed for the size of sockaddr_in or sockaddr_in6" */
    ret = getnameinfo(NULL, sizeof(sin), host, sizeof(host), NULL, 0, 0);
    ok(ret == WSAEFAULT && WSAGetLastError() == WSAEFAULT, "NULL address: %d", ret);
    ret = getnameinfo((SOCKADDR *)&sin6, sizeof(SOCKADDR_IN), host, sizeof(host), NULL, 0, 0);
    ok(ret == WSAEFAULT, "short IPv6 address: %d", ret);
    /* EAI_FAMILY / WSAEAFNOSUPPORT: "The sa_family member of socket address structure pointed to
       by the sa parameter is not supported." */
    sin.sin_family = AF_UNSPEC;
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, 0);
    ok(ret == WSAEAFNOSUPPORT && WSAGetLastError() == WSAEAFNOSUPPORT, "AF_UNSPEC: %d", ret);
    sin.sin_family = AF_INET;
    /* EAI_NONAME: "or the pNodeBuffer and pServiceBuffer parameters were not provided" */
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), NULL, 0, NULL, 0, 0);
    ok(ret == WSAHOST_NOT_FOUND, "no buffers: %d", ret);
    /* EAI_BADFLAGS: "if a host name was requested but the NodeBufferSize parameter was zero or if
       a service name was requested, but the ServiceBufferSize parameter was zero" */
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, 0, NULL, 0, 0);
    ok(ret == WSAEINVAL, "host buffer of size 0: %d", ret);
    ret = getnameinfo((SOCKADDR *)&sin, sizeof(sin), NULL, 0, serv, 0, 0);
    ok(ret == WSAEINVAL, "service buffer of size 0: %d", ret);
}

static DWORD WINAPI other_thread_hostent(void *arg)
{
    return (DWORD)(gethostbyname("localhost") == arg);
}

static void test_gethostbyname(void)
{
    struct hostent *he, *again;
    HANDLE thread;
    DWORD same = 1;
    char name[256];

    /* "returns a pointer to the hostent structure"; h_addrtype AF_INET, h_length 4 */
    he = gethostbyname("localhost");
    ok(he && he->h_addrtype == AF_INET && he->h_length == 4 && he->h_addr_list[0] &&
       *(ULONG *)he->h_addr_list[0] == htonl(INADDR_LOOPBACK), "gethostbyname localhost");
    ok(he && he->h_name && he->h_aliases, "hostent members");
    /* "Only a single hostent structure is allocated and used, no matter how many times
       gethostbyaddr or gethostbyname are called on the thread" */
    again = gethostbyname("127.0.0.1");
    ok(again == he, "second hostent on the thread %p, first %p", again, he);
    /* "If the name parameter contains a string representation of a legal IPv4 address, then the
       binary IPv4 address that represents the string is returned in the hostent structure" */
    ok(again && !strcmp(again->h_name, "127.0.0.1") &&
       *(ULONG *)again->h_addr_list[0] == htonl(INADDR_LOOPBACK) && !again->h_addr_list[1],
       "gethostbyname of an IPv4 string");
    /* "the memory ... is allocated internally by the Winsock DLL from thread local storage" */
    thread = CreateThread(NULL, 0, other_thread_hostent, again, 0, NULL);
    WaitForSingleObject(thread, 10000);
    GetExitCodeThread(thread, &same);
    CloseHandle(thread);
    ok(!same, "another thread got this thread's hostent");
    /* "If the name parameter contains a string representation of an IPv6 address or an illegal
       IPv4 address, then the gethostbyname function will fail and return WSAHOST_NOT_FOUND" */
    ok(!gethostbyname("::1") && WSAGetLastError() == WSAHOST_NOT_FOUND, "IPv6 string: %d",
       WSAGetLastError());
    /* "If the name parameter points to an empty string or name is NULL, the returned string is the
       same as the string returned by a successful gethostname function call" */
    if (!gethostname(name, sizeof(name)) && (he = gethostbyname(NULL)))
    {
        ok(he->h_addrtype == AF_INET && he->h_addr_list[0], "gethostbyname(NULL)");
        ok(gethostbyname("") != NULL, "gethostbyname(\"\")");
    }
    else skip("this computer's own name does not resolve: %d", WSAGetLastError());
}

static void test_gethostbyaddr(void)
{
    ULONG addr = htonl(INADDR_LOOPBACK);
    struct hostent *he;

    /* "retrieves the host information corresponding to a network address" */
    he = gethostbyaddr((char *)&addr, 4, AF_INET);
    ok(he && he->h_name && he->h_name[0] && he->h_addrtype == AF_INET && he->h_length == 4 &&
       *(ULONG *)he->h_addr_list[0] == addr, "gethostbyaddr 127.0.0.1: %d", WSAGetLastError());
    /* WSAEAFNOSUPPORT: "The type specified is not supported by the Windows Sockets implementation." */
    ok(!gethostbyaddr((char *)&addr, 4, 12345) && WSAGetLastError() == WSAEAFNOSUPPORT,
       "bad type: %d", WSAGetLastError());
    /* WSAEFAULT: "The addr parameter is not a valid part of the user address space, or the len
       parameter is too small." */
    ok(!gethostbyaddr((char *)&addr, 2, AF_INET) && WSAGetLastError() == WSAEFAULT, "short len: %d",
       WSAGetLastError());
    ok(!gethostbyaddr((char *)&addr, 4, AF_INET6) && WSAGetLastError() == WSAEFAULT,
       "IPv6 with 4 bytes: %d", WSAGetLastError());
}

/* gethostbyname of the machine's own name gives its adapters' addresses (Windows: "the IP addresses
 * of the local host"; Wine's suite, protocol.c test_gethostbyname_hack), not a loopback one. */
static void test_gethostbyname_own_name(void)
{
    char name[256], list_buf[4096];
    SOCKET_ADDRESS_LIST *list = (SOCKET_ADDRESS_LIST *)list_buf;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    const struct hostent *he;
    DWORD size = 0;
    BOOL found = FALSE;
    int i;

    ok(!gethostname(name, sizeof(name)), "gethostname: %d", WSAGetLastError());
    if (WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, list, sizeof(list_buf), &size, NULL, NULL) ||
        !list->iAddressCount)
    {
        skip("no adapter address here");
        closesocket(s);
        return;
    }
    closesocket(s);
    he = gethostbyname(name);
    ok(he && he->h_addrtype == AF_INET && he->h_length == 4, "gethostbyname(\"%s\"): %d", name, WSAGetLastError());
    if (!he) return;
    for (i = 0; he->h_addr_list[i]; i++)
    {
        ok((BYTE)he->h_addr_list[i][0] != 127, "own name lists a loopback address");
        found |= !memcmp(he->h_addr_list[i], &((SOCKADDR_IN *)list->Address[0].lpSockaddr)->sin_addr, 4);
    }
    ok(found, "own name does not list the adapter's %s", inet_ntoa(((SOCKADDR_IN *)list->Address[0].lpSockaddr)->sin_addr));
}

static void test_gethostname(void)
{
    char name[256];
    WCHAR nameW[256], converted[256];

    /* "If no error occurs, gethostname returns zero" with the local host name */
    ok(!gethostname(name, sizeof(name)) && name[0], "gethostname: %d", WSAGetLastError());
    /* WSAEFAULT: "The name parameter is a NULL pointer or is not a valid part of the user address
       space. This error is also returned if the buffer size specified by namelen parameter is too
       small to hold the complete host name." */
    ok(gethostname(NULL, 256) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL name");
    ok(gethostname(name, strlen(name)) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "no room for the NUL");
    ok(!gethostname(name, strlen(name) + 1), "exact size");
    /* GetHostNameW: "retrieves the standard host name for the local computer as a Unicode string" */
    ok(!GetHostNameW(nameW, ARRAYSIZE(nameW)), "GetHostNameW: %d", WSAGetLastError());
    MultiByteToWideChar(CP_ACP, 0, name, -1, converted, ARRAYSIZE(converted));
    ok(!wcscmp(nameW, converted), "GetHostNameW %ls, gethostname %s", nameW, name);
    ok(GetHostNameW(nameW, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "GetHostNameW short");
    /* WSAEFAULT: "the buffer size specified by namelen parameter is too small to hold the complete
       host name": nothing of it is written (Wine's protocol.c checked it on Windows) */
    wcscpy(nameW, L"deadbeef");
    ok(GetHostNameW(nameW, lstrlenW(converted)) == SOCKET_ERROR && !wcscmp(nameW, L"deadbeef"),
       "GetHostNameW one short wrote %ls", nameW);
}

static void test_services_and_protocols(void)
{
    struct servent *se;
    struct protoent *pe;

    /* getservbyname: "retrieves service information corresponding to a service name and protocol";
       s_port "in network byte order" */
    se = getservbyname("http", "tcp");
    ok(se && se->s_port == htons(80) && !strcmp(se->s_proto, "tcp") && !strcmp(se->s_name, "http"),
       "getservbyname http/tcp");
    /* "proto: ... If this pointer is NULL, the getservbyname function returns the first service
       entry where name matches" (an alias matches too) */
    se = getservbyname("www", NULL);
    ok(se && se->s_port == htons(80), "getservbyname by alias");
    /* getservbyport: "port: for a service, the port number in network byte order" */
    se = getservbyport(htons(22), "tcp");
    ok(se && !strcmp(se->s_name, "ssh"), "getservbyport 22/tcp");
    ok(!getservbyname("no-such-service", NULL), "unknown service found");
    ok(!getservbyport(htons(80), "udp") || getservbyport(htons(80), "udp")->s_port == htons(80),
       "getservbyport 80/udp");
    /* getprotobyname: "retrieves the protocol information corresponding to a protocol name" */
    pe = getprotobyname("udp");
    ok(pe && pe->p_proto == IPPROTO_UDP, "getprotobyname udp");
    /* getprotobynumber: "retrieves protocol information corresponding to a protocol number" */
    pe = getprotobynumber(IPPROTO_TCP);
    ok(pe && !strcmp(pe->p_name, "tcp"), "getprotobynumber 6");
    ok(!getprotobynumber(250), "protocol 250 found");
}

/* GetAddrInfoW: "pServiceName: ... contains either a service name or port number represented as a
 * string": an empty string names neither, and Windows reads it as no service (port 0).  "Success
 * returns zero": the thread's error is then 0 too, as Windows leaves it. */
static void test_getaddrinfo_empty_service(void)
{
    ADDRINFOW *result = NULL;
    int ret;

    WSASetLastError(12345);
    ret = GetAddrInfoW(L"127.0.0.1", L"", NULL, &result);
    ok(!ret && result && ((SOCKADDR_IN *)result->ai_addr)->sin_port == 0, "empty service: %d", ret);
    ok(WSAGetLastError() == 0, "after success: last error %d", WSAGetLastError());
    if (result) FreeAddrInfoW(result);
}

void run_tests(void)
{
    WSADATA data;

    test_before_startup();
    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup failed");
    test_getaddrinfo_numeric();
    test_gethostbyname_own_name();
    test_getaddrinfo_names();
    test_getaddrinfo_passive();
    test_getaddrinfo_services();
    test_getaddrinfo_empty_service();
    test_getaddrinfo_errors();
    test_getaddrinfo_invalid_name();
    test_getaddrinfo_hosts_file();
    test_getaddrinfo_local_machine();
    test_getaddrinfow();
    test_getaddrinfoex_sync();
    test_getaddrinfoex_async();
    test_getaddrinfoex_cancel();
    test_getnameinfo();
    test_gethostbyname();
    test_gethostbyaddr();
    test_gethostname();
    test_services_and_protocols();
    WSACleanup();
}
