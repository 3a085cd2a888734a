/*
 * ioctlsocket SIOCATMARK and the WSAIoctl codes SIO_ADDRESS_LIST_QUERY,
 * SIO_GET_INTERFACE_LIST, SIO_KEEPALIVE_VALS, SIO_UDP_NETRESET, SIO_CPU_AFFINITY,
 * SIO_QUERY_RSS_PROCESSOR_INFO.  Quotes are
 * from Microsoft's ioctlsocket, WSAIoctl and "Winsock IOCTLs" pages.
 */
#include <stddef.h>
#include <stdlib.h>

#include "sock_util.h"
#include <mstcpip.h>
#include "msgsock/ws_extra.h"

#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE 3     /* ws2ipdef.h: the keep-alive idle time, in seconds */
#endif

/* WSAIoctl: "WSAEFAULT: The lpvInBuffer, lpvOutBuffer, lpcbBytesReturned, lpOverlapped, or
 * lpCompletionRoutine parameter is not totally contained in a valid part of the user address space,
 * or the cbInBuffer or cbOutBuffer parameter is too small." */
static void check_fault(int ret, const char *what)
{
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "%s: %d, error %d", what, ret, WSAGetLastError());
}

static void test_atmark(void)
{
    SOCKET client, server;
    u_long mark = 0xdead, on = 1;
    fd_set e;
    char byte;
    int ret;

    connected_pair(&client, &server);
    /* "If no OOB data is waiting, the operation returns TRUE." */
    ret = ioctlsocket(server, SIOCATMARK, &mark);
    ok(!ret && mark, "no OOB data: %d, mark %lu", ret, mark);
    check_fault(ioctlsocket(server, SIOCATMARK, NULL), "SIOCATMARK to NULL");
    ret = ioctlsocket((SOCKET)0xdead0, SIOCATMARK, &mark);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "not a socket: %d, error %d", ret,
       WSAGetLastError());

    if (send(client, "!", 1, MSG_OOB) != 1)
    {
        skip("send(MSG_OOB) failed: %d", WSAGetLastError());
    }
    else
    {
        set_one(&e, server);
        ok(select(0, NULL, NULL, &e, NULL) == 1, "OOB arrived");
        /* "Otherwise, it returns FALSE, and the next recv or recvfrom performed on the socket will
         * retrieve some or all of the data preceding the mark" */
        ret = ioctlsocket(server, SIOCATMARK, &mark);
        ok(!ret && !mark, "OOB waiting: %d, mark %lu", ret, mark);
        ioctlsocket(server, FIONBIO, &on);    /* a receive that cannot complete must not hang the test */
        ret = recv(server, &byte, 1, MSG_OOB);
        if (ret == 1)
        {
            ret = ioctlsocket(server, SIOCATMARK, &mark);
            ok(!ret && mark, "OOB byte read: %d, mark %lu", ret, mark);
        }
        else skip("recv(MSG_OOB) failed: %d", WSAGetLastError());
    }
    closesocket(client);
    closesocket(server);
}

static void test_address_list(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP), b;
    SOCKET_ADDRESS_LIST *list;
    DWORD needed = 0, size = 0;
    int ret, i;

    /* "If the output buffer is not large enough to contain the address list, SOCKET_ERROR is returned
     * as the result of this IOCTL and WSAGetLastError returns WSAEFAULT. The required size, in bytes,
     * for the output buffer is returned in the lpcbBytesReturned parameter in this case." */
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, NULL, 0, &needed, NULL, NULL);
    check_fault(ret, "SIO_ADDRESS_LIST_QUERY without a buffer");
    ok(needed >= sizeof(INT), "needed size: %lu", needed);
    list = malloc(needed);
    /* Shorter than the count itself: Windows says WSAEINVAL, 0 bytes (Wine's test_address_list_query). */
    if (needed - 1 >= offsetof(SOCKET_ADDRESS_LIST, Address[0]))
    {
        ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, list, needed - 1, &size, NULL, NULL);
        check_fault(ret, "SIO_ADDRESS_LIST_QUERY one byte short");
        ok(size == needed, "needed size again: %lu vs %lu", size, needed);
    }
    if (!harness_on_builtin)
    {
        size = 0xdead;
        ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, list, 1, &size, NULL, NULL);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL && !size, "into 1 byte: %d, error %d, size %lu",
           ret, WSAGetLastError(), size);
    }

    size = 0;
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, list, needed, &size, NULL, NULL);
    ok(!ret && size == needed, "SIO_ADDRESS_LIST_QUERY: %d, error %d, size %lu", ret, WSAGetLastError(), size);
    trace("%d addresses\n", ret ? -1 : list->iAddressCount);
    /* "local transport addresses of the socket's protocol family to which the application can bind" */
    for (i = 0; !ret && i < list->iAddressCount; i++)
    {
        SOCKADDR_IN addr = *(SOCKADDR_IN *)list->Address[i].lpSockaddr;

        ok(list->Address[i].iSockaddrLength == sizeof(SOCKADDR_IN) && addr.sin_family == AF_INET,
           "address %d: length %d, family %d", i, list->Address[i].iSockaddrLength, addr.sin_family);
        addr.sin_port = 0;
        b = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        ok(!bind(b, (SOCKADDR *)&addr, sizeof(addr)), "bind to listed address %d: %d", i, WSAGetLastError());
        closesocket(b);
    }
    free(list);
    closesocket(s);
}

static void test_interface_list(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    INTERFACE_INFO info[64];
    DWORD size = 0;
    BOOL loopback = FALSE;
    int ret, i;

    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, info, sizeof(info), &size, NULL, NULL);
    ok(!ret && size && size % sizeof(INTERFACE_INFO) == 0, "SIO_GET_INTERFACE_LIST: %d, error %d, size %lu", ret,
       WSAGetLastError(), size);
    /* INTERFACE_INFO: iiFlags "IFF_UP ... IFF_LOOPBACK: The interface is a loopback interface." */
    for (i = 0; !ret && i < (int)(size / sizeof(INTERFACE_INFO)); i++)
    {
        if (info[i].iiAddress.AddressIn.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) continue;
        loopback = TRUE;
        ok((info[i].iiFlags & (IFF_UP | IFF_LOOPBACK)) == (IFF_UP | IFF_LOOPBACK), "loopback flags %#lx",
           info[i].iiFlags);
        ok(info[i].iiNetmask.AddressIn.sin_addr.s_addr == htonl(0xff000000), "loopback netmask %#lx",
           info[i].iiNetmask.AddressIn.sin_addr.s_addr);
    }
    ok(loopback, "127.0.0.1 is listed");
    check_fault(WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, info, 1, &size, NULL, NULL),
                "SIO_GET_INTERFACE_LIST into 1 byte");
    closesocket(s);
}

static DWORD get_int_option(SOCKET s, int level, int name, int *ret)
{
    DWORD value = 0;
    int len = sizeof(value);

    *ret = getsockopt(s, level, name, (char *)&value, &len);
    return value;
}

static void test_keepalive(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct tcp_keepalive vals = { 1, 30000, 5000 };
    DWORD size, value;
    int ret;

    /* SIO_KEEPALIVE_VALS: "Enables or disables the per-connection setting of the TCP keep-alive
     * option which specifies the TCP keep-alive timeout and interval." */
    ret = WSAIoctl(s, SIO_KEEPALIVE_VALS, &vals, sizeof(vals), NULL, 0, &size, NULL, NULL);
    ok(!ret, "SIO_KEEPALIVE_VALS on: %d, error %d", ret, WSAGetLastError());
    value = get_int_option(s, SOL_SOCKET, SO_KEEPALIVE, &ret);
    ok(!ret && value, "SO_KEEPALIVE after: %d, %lu", ret, value);
    value = get_int_option(s, IPPROTO_TCP, TCP_KEEPALIVE, &ret);
    if (ret) skip("getsockopt(TCP_KEEPALIVE) not available: %d", WSAGetLastError());
    else ok(value == 30, "keep-alive time %lu s", value);

    vals.onoff = 0;
    ret = WSAIoctl(s, SIO_KEEPALIVE_VALS, &vals, sizeof(vals), NULL, 0, &size, NULL, NULL);
    ok(!ret, "SIO_KEEPALIVE_VALS off: %d, error %d", ret, WSAGetLastError());
    value = get_int_option(s, SOL_SOCKET, SO_KEEPALIVE, &ret);
    ok(!ret && !value, "SO_KEEPALIVE after turning off: %d, %lu", ret, value);
    check_fault(WSAIoctl(s, SIO_KEEPALIVE_VALS, &vals, sizeof(vals) - 1, NULL, 0, &size, NULL, NULL),
                "SIO_KEEPALIVE_VALS short input");
    closesocket(s);
}

static void test_udp_netreset(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    BOOL off = FALSE;
    DWORD size;
    int ret;

    /* SIO_UDP_NETRESET: "Controls whether UDP PORT_UNREACHABLE messages are reported" (a BOOL in). */
    ret = WSAIoctl(s, SIO_UDP_NETRESET, &off, sizeof(off), NULL, 0, &size, NULL, NULL);
    ok(!ret, "SIO_UDP_NETRESET: %d, error %d", ret, WSAGetLastError());
    check_fault(WSAIoctl(s, SIO_UDP_NETRESET, NULL, 0, NULL, 0, &size, NULL, NULL), "SIO_UDP_NETRESET no input");
    closesocket(s);
}

/* A UDP socket with SIO_CPU_AFFINITY for `processor` set: 0 or the WSA error. */
static int affinitized(SOCKET *s, USHORT processor)
{
    DWORD size;

    *s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    return WSAIoctl(*s, SIO_CPU_AFFINITY, &processor, sizeof(processor), NULL, 0, &size, NULL, NULL)
               ? WSAGetLastError() : 0;
}

/*
 * SIO_CPU_AFFINITY is in none of Microsoft's pages; msquic, which relies on it for its server
 * sockets, says "This IOCTL allows for creating per-processor sockets for the same UDP port", and
 * fails to listen without it.  SIO_QUERY_RSS_PROCESSOR_INFO then "queries the association between
 * a socket and an RSS processor core and NUMA node" (a SOCKET_PROCESSOR_AFFINITY).
 */
static void test_cpu_affinity(void)
{
    USHORT last = (USHORT)(GetActiveProcessorCount(ALL_PROCESSOR_GROUPS) - 1), huge = 0xffff;
    SOCKET first, second, plain, sender;
    SOCKADDR_IN addr = { AF_INET };
    SOCKET_PROCESSOR_AFFINITY info;
    int error, len = sizeof(addr), i, got = 0, n;
    DWORD size = 0;
    u_long on = 1;
    char buf[8];

    error = affinitized(&first, 0);
    ok(!error, "SIO_CPU_AFFINITY processor 0: %d", error);
    error = affinitized(&second, last);
    ok(!error, "SIO_CPU_AFFINITY processor %u: %d", last, error);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(first, (struct sockaddr *)&addr, sizeof(addr)), "bind first: %d", WSAGetLastError());
    getsockname(first, (struct sockaddr *)&addr, &len);
    /* The point of it: a second per-processor socket on the same port. */
    ok(!bind(second, (struct sockaddr *)&addr, sizeof(addr)), "second socket on the port: %d", WSAGetLastError());
    plain = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expect_failure(bind(plain, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR, WSAEADDRINUSE,
                   "a socket without the affinity on that port");
    /* Every datagram to the port reaches one of the two. */
    ioctlsocket(first, FIONBIO, &on);
    ioctlsocket(second, FIONBIO, &on);
    for (i = 0; i < 8; i++)
    {
        sender = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        sendto(sender, "rss", 3, 0, (struct sockaddr *)&addr, sizeof(addr));
        closesocket(sender);
    }
    Sleep(100);
    while ((n = recv(first, buf, sizeof(buf), 0)) == 3 || (n = recv(second, buf, sizeof(buf), 0)) == 3) got++;
    ok(got == 8, "%d of 8 datagrams reached the port's sockets", got);

    ok(!WSAIoctl(second, SIO_QUERY_RSS_PROCESSOR_INFO, NULL, 0, &info, sizeof(info), &size, NULL, NULL),
       "SIO_QUERY_RSS_PROCESSOR_INFO: %d", WSAGetLastError());
    ok(size == sizeof(info) && info.Processor.Group * 64 + info.Processor.Number == last,
       "processor info: %lu bytes, group %u number %u", size, info.Processor.Group, info.Processor.Number);
    check_fault(WSAIoctl(second, SIO_QUERY_RSS_PROCESSOR_INFO, NULL, 0, &info, 2, &size, NULL, NULL),
                "SIO_QUERY_RSS_PROCESSOR_INFO short output");
    check_fault(WSAIoctl(plain, SIO_CPU_AFFINITY, &huge, 1, NULL, 0, &size, NULL, NULL), "SIO_CPU_AFFINITY short input");
    /* WSAEINVAL: "The dwIoControlCode parameter is not a valid command, or a specified input parameter is not acceptable" */
    expect_wsa_error(WSAIoctl(plain, SIO_CPU_AFFINITY, &huge, sizeof(huge), NULL, 0, &size, NULL, NULL), WSAEINVAL,
                     "SIO_CPU_AFFINITY beyond the last processor");
    closesocket(first);
    closesocket(second);
    closesocket(plain);
}

void run_tests(void)
{
    sock_startup();
    test_atmark();
    test_address_list();
    test_interface_list();
    test_keepalive();
    test_udp_netreset();
    test_cpu_affinity();
    WSACleanup();
}
