/*
 * Address text and byte order: inet_addr / inet_ntoa, inet_pton / inet_ntop,
 * InetPtonW / InetNtopW, WSAStringToAddress / WSAAddressToString, htonl & co.
 * Each check cites the sentence of Microsoft's documentation it tests.
 */
#include <string.h>

#include "harness.h"

static void expect_fail(int ret, int expected, const char *what)
{
    int error = WSAGetLastError();

    ok(ret == SOCKET_ERROR && error == expected, "%s: ret %d error %d, expected %d", what, ret, error,
       expected);
}

/* Functions documented without WSAStartup requirement, and those that need it. */
static void test_before_startup(void)
{
    SOCKADDR_IN sin = { AF_INET };
    char text[64];
    DWORD len = sizeof(text);
    INT addr_len = sizeof(sin);
    IN_ADDR in = { 0 };
    u_long net;

    /* htonl: "converts a u_long from host to TCP/IP network byte order (which is big-endian)" */
    ok(htonl(0x01020304) == 0x04030201, "htonl before WSAStartup");
    /* inet_pton needs no WSAStartup: it only converts text */
    ok(inet_pton(AF_INET, "10.1.2.3", &in) == 1, "inet_pton before WSAStartup");
    ok(inet_addr("10.1.2.3") == in.s_addr, "inet_addr before WSAStartup");
    /* WSANOTINITIALISED: "A successful WSAStartup call must occur before using this function." */
    expect_fail(WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (SOCKADDR *)&sin, &addr_len),
                WSANOTINITIALISED, "WSAStringToAddressA before WSAStartup");
    expect_fail(WSAAddressToStringA((SOCKADDR *)&sin, sizeof(sin), NULL, text, &len),
                WSANOTINITIALISED, "WSAAddressToStringA before WSAStartup");
    expect_fail(WSAHtonl(INVALID_SOCKET, 1, &net), WSANOTINITIALISED, "WSAHtonl before WSAStartup");
}

static void test_byte_order(void)
{
    /* "The htons function converts a u_short from host to TCP/IP network byte order (big-endian)" */
    ok(htons(0x1234) == 0x3412, "htons %#x", htons(0x1234));
    /* "The ntohl function converts a u_long from TCP/IP network order to host byte order" */
    ok(ntohl(0x04030201) == 0x01020304, "ntohl %#lx", ntohl(0x04030201));
    ok(ntohs(0x3412) == 0x1234, "ntohs %#x", ntohs(0x3412));
}

static void test_wsa_byte_order(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    u_long l = 0;
    u_short sh = 0;

    if (s == INVALID_SOCKET)
    {
        skip("no socket: %d", WSAGetLastError());
        return;
    }
    /* WSAHtonl "takes a 32-bit number in host byte order and returns a 32-bit number pointed to by
       the lpnetlong parameter in network byte order" */
    ok(!WSAHtonl(s, 0x01020304, &l) && l == 0x04030201, "WSAHtonl %#lx", l);
    ok(!WSAHtons(s, 0x1234, &sh) && sh == 0x3412, "WSAHtons %#x", sh);
    ok(!WSANtohl(s, 0x04030201, &l) && l == 0x01020304, "WSANtohl %#lx", l);
    ok(!WSANtohs(s, 0x3412, &sh) && sh == 0x1234, "WSANtohs %#x", sh);
    /* WSAENOTSOCK: "The s parameter is not a valid socket." */
    expect_fail(WSAHtonl(INVALID_SOCKET, 1, &l), WSAENOTSOCK, "WSAHtonl bad socket");
    expect_fail(WSANtohs(INVALID_SOCKET, 1, &sh), WSAENOTSOCK, "WSANtohs bad socket");
    /* WSAEFAULT: "The lpnetlong parameter is NULL or the address pointed to is not completely
       contained in a valid part of the user address space." */
    expect_fail(WSAHtonl(s, 1, NULL), WSAEFAULT, "WSAHtonl NULL");
    expect_fail(WSAHtons(s, 1, NULL), WSAEFAULT, "WSAHtons NULL");
    closesocket(s);
}

static void check_inet_addr(const char *text, ULONG expected)
{
    ULONG got = inet_addr(text);

    ok(got == expected, "inet_addr(%s) = %#lx, expected %#lx", text ? text : "NULL", got, expected);
}

static void test_inet_addr(void)
{
    check_inet_addr("127.0.0.1", htonl(0x7f000001));
    check_inet_addr("192.168.1.254", htonl(0xc0a801fe));
    /* "a.b.c: When a three-part address is specified, the last part is interpreted as a 16-bit
       quantity and placed in the right-most two bytes of the network address" */
    check_inet_addr("1.2.65535", htonl(0x0102ffff));
    /* "a.b: When a two-part address is specified, the last part is interpreted as a 24-bit quantity" */
    check_inet_addr("127.1", htonl(0x7f000001));
    /* "a: When only one part is given, the value is stored directly in the network address" */
    check_inet_addr("16909060", htonl(0x01020304));
    /* "a leading 0x or 0X implies hexadecimal; a leading 0 implies octal" */
    check_inet_addr("0x7f.0.0.0x1", htonl(0x7f000001));
    check_inet_addr("010.0.0.1", htonl(0x08000001));
    /* "if a portion of an "a.b.c.d" address exceeds 255, then inet_addr returns the value INADDR_NONE" */
    check_inet_addr("256.1.1.1", INADDR_NONE);
    check_inet_addr("1.2.3.4.5", INADDR_NONE);
    check_inet_addr("1.2.3.x", INADDR_NONE);
    /* "if the string in the cp parameter is an empty string, then inet_addr returns INADDR_NONE" */
    check_inet_addr("", INADDR_NONE);
    /* "If NULL is passed in the cp parameter, then inet_addr returns the value INADDR_NONE." */
    check_inet_addr(NULL, INADDR_NONE);
    /* Not in the documentation; Wine's protocol.c checked it on Windows: a NULL cp also sets
       WSAEFAULT, a lone blank reads as 0.0.0.0, two blanks do not. */
    WSASetLastError(0);
    inet_addr(NULL);
    ok(WSAGetLastError() == WSAEFAULT, "inet_addr(NULL): error %d", WSAGetLastError());
    check_inet_addr(" ", 0);
    check_inet_addr("  ", INADDR_NONE);
}

static DWORD WINAPI ntoa_thread(void *arg)
{
    IN_ADDR in;

    in.s_addr = htonl(0x0a0b0c0d);
    return inet_ntoa(in) != NULL;
}

static void test_inet_ntoa(void)
{
    IN_ADDR in;
    char *str;
    HANDLE thread;

    in.s_addr = htonl(0x7f000001);
    /* "returns a character pointer to a static buffer containing the text address in standard
       ".'' notation" */
    str = inet_ntoa(in);
    ok(str && !strcmp(str, "127.0.0.1"), "inet_ntoa gave %s", str ? str : "NULL");
    in.s_addr = htonl(0xffffffff);
    str = inet_ntoa(in);
    ok(str && !strcmp(str, "255.255.255.255"), "inet_ntoa gave %s", str ? str : "NULL");
    /* "guaranteed to be valid only until the next Windows Sockets function call is made within the
       same thread": another thread's call leaves ours alone */
    thread = CreateThread(NULL, 0, ntoa_thread, NULL, 0, NULL);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    ok(str && !strcmp(str, "255.255.255.255"), "another thread changed our string: %s",
       str ? str : "NULL");
}

static void test_inet_pton(void)
{
    static const BYTE v6_loopback[16] = { [15] = 1 };
    static const BYTE v6_mapped[16] = { [10] = 0xff, [11] = 0xff, 1, 2, 3, 4 };
    static const BYTE v6_full[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34 };
    BYTE buf[16];
    IN_ADDR in = { 0 };

    /* "If no error occurs, the InetPton function returns a value of 1" */
    ok(inet_pton(AF_INET, "192.168.0.1", &in) == 1 && in.s_addr == htonl(0xc0a80001),
       "inet_pton IPv4: %#lx", in.s_addr);
    ok(inet_pton(AF_INET6, "::1", buf) == 1 && !memcmp(buf, v6_loopback, 16), "inet_pton ::1");
    ok(inet_pton(AF_INET6, "::ffff:1.2.3.4", buf) == 1 && !memcmp(buf, v6_mapped, 16),
       "inet_pton mapped");
    ok(inet_pton(AF_INET6, "2001:DB8::1234", buf) == 1 && !memcmp(buf, v6_full, 16),
       "inet_pton 2001:db8::1234");
    /* "returns a value of 0 if the pAddrBuf parameter points to a string that is not a valid IPv4
       dotted-decimal address or a valid IPv6 address" */
    ok(inet_pton(AF_INET, "1.2.3", &in) == 0, "inet_pton 1.2.3 accepted");
    ok(inet_pton(AF_INET, "256.1.1.1", &in) == 0, "inet_pton 256.1.1.1 accepted");
    ok(inet_pton(AF_INET, "::1", &in) == 0, "inet_pton AF_INET ::1 accepted");
    ok(inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", buf) == 0, "inet_pton nine groups accepted");
    ok(inet_pton(AF_INET6, "1::2::3", buf) == 0, "inet_pton two :: accepted");
    ok(inet_pton(AF_INET6, "12345::1", buf) == 0, "inet_pton 5-digit group accepted");
    /* Dotted decimal has no octal ("010", "00") or hex ("0x") parts. */
    ok(inet_pton(AF_INET, "1.1.1.010", &in) == 0, "inet_pton 1.1.1.010 accepted");
    ok(inet_pton(AF_INET, "1.1.1.00", &in) == 0, "inet_pton 1.1.1.00 accepted");
    ok(inet_pton(AF_INET, "1.1.1.0x1", &in) == 0, "inet_pton 1.1.1.0x1 accepted");
    ok(inet_pton(AF_INET, "3.4.5.6.7", &in) == 0, "inet_pton five parts accepted");
    /* WSAEAFNOSUPPORT: "The address family specified in the Family parameter is not supported.
       This error is returned if the Family parameter specified was not AF_INET or AF_INET6." */
    expect_fail(inet_pton(AF_UNSPEC, "1.2.3.4", buf), WSAEAFNOSUPPORT, "inet_pton AF_UNSPEC");
    /* WSAEFAULT: "The pszAddrString or pAddrBuf parameters are NULL or are not part of the user
       address space." */
    expect_fail(inet_pton(AF_INET, NULL, buf), WSAEFAULT, "inet_pton NULL string");
    expect_fail(inet_pton(AF_INET, "1.2.3.4", NULL), WSAEFAULT, "inet_pton NULL buffer");
    expect_fail(inet_pton(AF_UNSPEC, NULL, buf), WSAEFAULT, "inet_pton NULL string, AF_UNSPEC");
    /* InetPtonW is the Unicode version of the same function */
    ok(InetPtonW(AF_INET6, L"::1", buf) == 1 && !memcmp(buf, v6_loopback, 16), "InetPtonW ::1");
    ok(InetPtonW(AF_INET, L"10.0.0.1", &in) == 1 && in.s_addr == htonl(0x0a000001), "InetPtonW");
    ok(InetPtonW(AF_INET, L"10.0.0", &in) == 0, "InetPtonW 10.0.0 accepted");
    expect_fail(InetPtonW(12345, L"10.0.0.1", &in), WSAEAFNOSUPPORT, "InetPtonW bad family");
}

typedef LONG (WINAPI *rtl_ipv6_parse)(const char *str, const char **end, IN6_ADDR *addr);
typedef LONG (WINAPI *rtl_ipv4_parse_ex)(const char *str, BOOLEAN strict, IN_ADDR *addr, USHORT *port);

static FARPROC ntdll_function(const char *name)
{
    return GetProcAddress(GetModuleHandleA("ntdll.dll"), name);
}

/* inet_pton's answer and buffer for IPv6 text are RtlIpv6StringToAddressA's, the whole text read. */
static void check_pton_like_rtl(rtl_ipv6_parse rtl, const char *text)
{
    BYTE mine[16], theirs[16];
    const char *end = NULL;
    LONG status;
    int ret;

    memset(mine, 0xab, sizeof(mine));
    memset(theirs, 0xab, sizeof(theirs));
    ret = inet_pton(AF_INET6, text, mine);
    status = rtl(text, &end, (IN6_ADDR *)theirs);
    ok(ret == (!status && end && !*end), "inet_pton(%s) = %d, ntdll status %#lx", text, ret, status);
    ok(!memcmp(mine, theirs, 16), "inet_pton(%s) left other bytes than ntdll", text);
}

/* "RtlIpv6StringToAddress is a convenience function that does not require that the Windows Sockets
   DLL be loaded to access a function provided in Windows Sockets to perform string to IP address
   conversion": the two convert alike, down to what a wrong text leaves in the buffer. */
static void test_inet_pton_is_rtl(void)
{
    static const char *const texts[] =
    {
        "1111:2222:3333:4444:5555::0x88", "1111:2222:3333:4444:0x5555:6666:7777:8888",
        "1::1.2.3", "1.2.3.4", "2001:0000::01234.0", "1111::5555:", "::", "2001:db8::1",
        "1111:2222:3333:4444:5555:6666:7777:8888:9999", ":::",
    };
    /* Wine's protocol.c, checked on Windows: "1::1.2.3" keeps its first group and the "1.2" it read */
    static const BYTE partial[16] = { 0, 1, 1, 2, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab,
                                      0xab, 0xab, 0xab, 0xab };
    rtl_ipv6_parse rtl = (rtl_ipv6_parse)ntdll_function("RtlIpv6StringToAddressA");
    BYTE buf[16];
    unsigned int i;

    if (!rtl)
    {
        skip("ntdll has no RtlIpv6StringToAddressA");
        return;
    }
    for (i = 0; i < ARRAYSIZE(texts); i++) check_pton_like_rtl(rtl, texts[i]);
    memset(buf, 0xab, sizeof(buf));
    ok(inet_pton(AF_INET6, "1::1.2.3", buf) == 0 && !memcmp(buf, partial, 16),
       "inet_pton(1::1.2.3): %02x%02x:%02x%02x", buf[0], buf[1], buf[2], buf[3]);
}

static void check_ntop(int family, const void *addr, const char *expected)
{
    char buf[INET6_ADDRSTRLEN];
    WCHAR bufW[INET6_ADDRSTRLEN], expectedW[INET6_ADDRSTRLEN];
    const char *ret = inet_ntop(family, addr, buf, sizeof(buf));

    /* "returns a pointer to a buffer containing the string representation of IP address in
       standard format" */
    ok(ret == buf && !strcmp(buf, expected), "inet_ntop gave %s, expected %s", ret, expected);
    MultiByteToWideChar(CP_ACP, 0, expected, -1, expectedW, INET6_ADDRSTRLEN);
    ok(InetNtopW(family, addr, bufW, INET6_ADDRSTRLEN) == bufW && !wcscmp(bufW, expectedW),
       "InetNtopW gave %ls, expected %s", bufW, expected);
}

static void test_inet_ntop(void)
{
    static const BYTE loopback6[16] = { [15] = 1 }, any6[16] = { 0 };
    static const BYTE mapped[16] = { [10] = 0xff, [11] = 0xff, 192, 168, 0, 1 };
    static const BYTE doc[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
    static const BYTE full[16] = { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8 };
    static const BYTE link[16] = { 0xfe, 0x80, [14] = 0xab, [15] = 0xcd };
    IN_ADDR in;
    char buf[INET6_ADDRSTRLEN];

    in.s_addr = htonl(0x7f000001);
    check_ntop(AF_INET, &in, "127.0.0.1");
    check_ntop(AF_INET6, loopback6, "::1");
    check_ntop(AF_INET6, any6, "::");
    check_ntop(AF_INET6, mapped, "::ffff:192.168.0.1");
    check_ntop(AF_INET6, doc, "2001:db8::1");
    check_ntop(AF_INET6, full, "1:2:3:4:5:6:7:8");
    check_ntop(AF_INET6, link, "fe80::abcd");
    /* WSAEAFNOSUPPORT: "if the Family parameter specified was not AF_INET or AF_INET6" */
    SetLastError(0);
    ok(!inet_ntop(AF_UNSPEC, &in, buf, sizeof(buf)) && WSAGetLastError() == WSAEAFNOSUPPORT,
       "inet_ntop AF_UNSPEC: %d", WSAGetLastError());
    /* ERROR_INVALID_PARAMETER: "if a NULL pointer is passed in the pStringBuf or the StringBufSize
       parameter is zero. This error is also returned if the length of the buffer pointed to by the
       pStringBuf parameter is not large enough to receive the string representation".  Windows 8 and
       later set STATUS_INVALID_PARAMETER as the error instead (Wine's suite, verified on Windows), and
       programs meet that value: msgsock does what Windows does. */
    SetLastError(0);
    ok(!inet_ntop(AF_INET, &in, NULL, sizeof(buf)) && WSAGetLastError() == (int)0xc000000d,
       "inet_ntop NULL buffer: %d", WSAGetLastError());
    SetLastError(0);
    ok(!inet_ntop(AF_INET, &in, buf, 0) && WSAGetLastError() == (int)0xc000000d,
       "inet_ntop size 0: %d", WSAGetLastError());
    SetLastError(0);
    ok(!inet_ntop(AF_INET, &in, buf, strlen("127.0.0.1")) && WSAGetLastError() == (int)0xc000000d,
       "inet_ntop no room for the NUL: %d", WSAGetLastError());
    ok(inet_ntop(AF_INET, &in, buf, strlen("127.0.0.1") + 1) == buf, "inet_ntop exact size failed");
}

static void test_string_to_address(void)
{
    static const BYTE loopback6[16] = { [15] = 1 };
    SOCKADDR_STORAGE ss;
    SOCKADDR_IN *sin = (SOCKADDR_IN *)&ss;
    SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)&ss;
    INT len;

    len = sizeof(ss);
    memset(&ss, 0xcc, sizeof(ss));
    /* "converts a network address in its standard text presentation form into its numeric binary
       form in a sockaddr structure"; "If the function call is successful, this parameter returns a
       pointer to the size of the sockaddr structure returned" */
    ok(!WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (SOCKADDR *)&ss, &len) &&
       len == sizeof(SOCKADDR_IN) && sin->sin_family == AF_INET && sin->sin_port == 0 &&
       sin->sin_addr.s_addr == htonl(0x7f000001), "127.0.0.1: error %d len %d", WSAGetLastError(), len);
    /* the port number follows the address: "192.168.16.34:80" */
    len = sizeof(ss);
    ok(!WSAStringToAddressA((char *)"192.168.16.34:80", AF_INET, NULL, (SOCKADDR *)&ss, &len) &&
       sin->sin_port == htons(80) && sin->sin_addr.s_addr == htonl(0xc0a81022),
       "with port: error %d", WSAGetLastError());
    len = sizeof(ss);
    ok(!WSAStringToAddressA((char *)"[::1]:8080", AF_INET6, NULL, (SOCKADDR *)&ss, &len) &&
       len == sizeof(SOCKADDR_IN6) && sin6->sin6_family == AF_INET6 &&
       sin6->sin6_port == htons(8080) && !memcmp(&sin6->sin6_addr, loopback6, 16),
       "[::1]:8080: error %d len %d", WSAGetLastError(), len);
    len = sizeof(ss);
    ok(!WSAStringToAddressA((char *)"fe80::1%3", AF_INET6, NULL, (SOCKADDR *)&ss, &len) &&
       sin6->sin6_scope_id == 3 && sin6->sin6_port == 0 && sin6->sin6_addr.s6_addr[0] == 0xfe,
       "fe80::1%%3: error %d scope %lu", WSAGetLastError(), sin6->sin6_scope_id);
    len = sizeof(ss);
    ok(!WSAStringToAddressW((WCHAR *)L"10.0.0.2:443", AF_INET, NULL, (SOCKADDR *)&ss, &len) &&
       sin->sin_port == htons(443) && sin->sin_addr.s_addr == htonl(0x0a000002),
       "WSAStringToAddressW: error %d", WSAGetLastError());
    /* WSAEINVAL: "The function was unable to translate the string into a sockaddr." */
    len = sizeof(ss);
    expect_fail(WSAStringToAddressA((char *)"not an address", AF_INET, NULL, (SOCKADDR *)&ss, &len),
                WSAEINVAL, "garbage");
    len = sizeof(ss);
    expect_fail(WSAStringToAddressA((char *)"::1", AF_INET, NULL, (SOCKADDR *)&ss, &len), WSAEINVAL,
                "IPv6 text for AF_INET");
    len = sizeof(ss);
    expect_fail(WSAStringToAddressA((char *)"1.2.3.4:99999", AF_INET, NULL, (SOCKADDR *)&ss, &len),
                WSAEINVAL, "port past 65535");
    /* WSAEFAULT: "The specified Address buffer is too small"; "this parameter is updated with the
       required size in bytes" */
    len = sizeof(SOCKADDR_IN) - 1;
    expect_fail(WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (SOCKADDR *)&ss, &len),
                WSAEFAULT, "short buffer");
    ok(len == sizeof(SOCKADDR_IN), "required size %d", len);
    len = sizeof(SOCKADDR_IN);
    expect_fail(WSAStringToAddressA((char *)"::1", AF_INET6, NULL, (SOCKADDR *)&ss, &len),
                WSAEFAULT, "short IPv6 buffer");
    ok(len == sizeof(SOCKADDR_IN6), "required IPv6 size %d", len);
    /* The buffer's size is checked first: a short buffer is WSAEFAULT with the required size even for
       text that would not translate. */
    len = 0;
    expect_fail(WSAStringToAddressA((char *)"", AF_INET, NULL, (SOCKADDR *)&ss, &len), WSAEFAULT,
                "empty text, no buffer");
    ok(len == sizeof(SOCKADDR_IN), "required size for empty text %d", len);
}

/* WSAStringToAddress (AF_INET) reads what RtlIpv4StringToAddressExA reads with Strict FALSE: "the
   IPv4 address may be represented in decimal, octal, or hexadecimal notation" and "a, a.b, a.b.c"
   forms; a port follows a ':'. */
static void test_string_to_address_is_rtl(void)
{
    static const char *const texts[] =
    {
        "1.1.1.008", "0x123456789", "1.2.3:1", "3.4.5.6 ", "127.0.0.1:0", "127.0.0.1:0xAbCd",
        "1.1.1.0a", "203569230", "::1",
    };
    rtl_ipv4_parse_ex rtl = (rtl_ipv4_parse_ex)ntdll_function("RtlIpv4StringToAddressExA");
    SOCKADDR_IN sin;
    IN_ADDR addr;
    USHORT port;
    unsigned int i;
    LONG status;
    INT len, ret;

    if (!rtl)
    {
        skip("ntdll has no RtlIpv4StringToAddressExA");
        return;
    }
    for (i = 0; i < ARRAYSIZE(texts); i++)
    {
        memset(&sin, 0xab, sizeof(sin));
        addr.s_addr = 0;
        port = 0;
        len = sizeof(sin);
        ret = WSAStringToAddressA((char *)texts[i], AF_INET, NULL, (SOCKADDR *)&sin, &len);
        status = rtl(texts[i], FALSE, &addr, &port);
        ok(!ret == !status, "WSAStringToAddressA(%s) = %d, ntdll status %#lx", texts[i], ret, status);
        ok(sin.sin_addr.s_addr == addr.s_addr && sin.sin_port == (status ? 0 : port),
           "WSAStringToAddressA(%s): %#lx port %u, ntdll %#lx port %u", texts[i],
           sin.sin_addr.s_addr, sin.sin_port, addr.s_addr, port);
        /* "WSAEINVAL: The function was unable to translate the string into a sockaddr" (family 0) */
        ok(sin.sin_family == (status ? 0 : AF_INET), "WSAStringToAddressA(%s): family %u", texts[i],
           sin.sin_family);
    }
}

static void check_address_string(const SOCKADDR *sa, DWORD sa_len, const char *expected)
{
    char buf[64];
    WCHAR bufW[64], expectedW[64];
    DWORD len = sizeof(buf), lenW = ARRAYSIZE(bufW);

    /* "On output, if the function call is successful, this parameter returns the number of
       characters actually copied into the buffer" (the terminating NUL included) */
    ok(!WSAAddressToStringA((SOCKADDR *)sa, sa_len, NULL, buf, &len) && !strcmp(buf, expected) &&
       len == strlen(expected) + 1, "got %s (%lu), expected %s: error %d", buf, len, expected,
       WSAGetLastError());
    MultiByteToWideChar(CP_ACP, 0, expected, -1, expectedW, 64);
    ok(!WSAAddressToStringW((SOCKADDR *)sa, sa_len, NULL, bufW, &lenW) && !wcscmp(bufW, expectedW) &&
       lenW == strlen(expected) + 1, "W got %ls (%lu), expected %s", bufW, lenW, expected);
}

static void test_address_to_string(void)
{
    SOCKADDR_IN sin = { AF_INET };
    SOCKADDR_IN6 sin6 = { AF_INET6 };
    SOCKADDR unspec = { AF_UNSPEC };
    char buf[64];
    DWORD len;

    sin.sin_addr.s_addr = htonl(0x7f000001);
    check_address_string((SOCKADDR *)&sin, sizeof(sin), "127.0.0.1");
    /* "converts all components of a sockaddr structure into a human-readable string": the port */
    sin.sin_port = htons(80);
    check_address_string((SOCKADDR *)&sin, sizeof(sin), "127.0.0.1:80");
    sin6.sin6_addr.s6_addr[15] = 1;
    check_address_string((SOCKADDR *)&sin6, sizeof(sin6), "::1");
    sin6.sin6_port = htons(443);
    check_address_string((SOCKADDR *)&sin6, sizeof(sin6), "[::1]:443");
    sin6.sin6_port = 0;
    sin6.sin6_addr.s6_addr[0] = 0xfe;
    sin6.sin6_addr.s6_addr[1] = 0x80;
    sin6.sin6_scope_id = 2;
    check_address_string((SOCKADDR *)&sin6, sizeof(sin6), "fe80::1%2");
    /* WSAEFAULT: "the size of the buffer pointed to by lpszAddressString is too small"; "this
       parameter is updated with the required size" */
    len = 5;
    expect_fail(WSAAddressToStringA((SOCKADDR *)&sin, sizeof(sin), NULL, buf, &len), WSAEFAULT,
                "short string buffer");
    ok(len == sizeof("127.0.0.1:80"), "required length %lu", len);
    /* WSAEINVAL: "if the lpsaAddress, dwAddressLength, or lpdwAddressStringLength parameter are
       NULL"; "also returned if the specified address is not a valid socket address" */
    len = sizeof(buf);
    expect_fail(WSAAddressToStringA(NULL, sizeof(sin), NULL, buf, &len), WSAEINVAL, "NULL address");
    expect_fail(WSAAddressToStringA((SOCKADDR *)&sin, sizeof(sin), NULL, buf, NULL), WSAEINVAL,
                "NULL length");
    expect_fail(WSAAddressToStringA((SOCKADDR *)&sin, 0, NULL, buf, &len), WSAEINVAL,
                "zero address length");
    expect_fail(WSAAddressToStringA(&unspec, sizeof(unspec), NULL, buf, &len), WSAEINVAL,
                "AF_UNSPEC address");
}

void run_tests(void)
{
    WSADATA data;

    test_before_startup();
    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup failed");
    test_byte_order();
    test_wsa_byte_order();
    test_inet_addr();
    test_inet_ntoa();
    test_inet_pton();
    test_inet_pton_is_rtl();
    test_inet_ntop();
    test_string_to_address();
    test_string_to_address_is_rtl();
    test_address_to_string();
    WSACleanup();
}
