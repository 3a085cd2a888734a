/*
 * A QUIC server's UDP sockets, set up call for call as msquic's Windows
 * datapath does (one dual-stack socket per processor on one port, every
 * option checked, completions on a port with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
 * then one IPv4 datagram with ECN received through WSARecvMsg and the port.
 * msquic gives up at the first step that fails; on Wine's builtin Winsock those are
 * SIO_CPU_AFFINITY, IP_ECN / IPV6_ECN and UDP_RECV_MAX_COALESCED_SIZE.
 */
#include <string.h>

#include "msg_util.h"

#define MAX_SOCKETS 4

static LPFN_WSARECVMSG recvmsg_fn;
static LPFN_WSASENDMSG sendmsg_fn;

static BOOL set_int(SOCKET s, int level, int name, int value, const char *what)
{
    int ret = setsockopt(s, level, name, (const char *)&value, sizeof(value));

    ok(!ret, "%s: %d", what, WSAGetLastError());
    return !ret;
}

/* msquic's SocketCreateUdp for per-processor socket `index`, without the bind. */
static SOCKET quic_socket(USHORT index, BOOL per_processor)
{
    SOCKET s = WSASocketW(AF_INET6, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, WSA_FLAG_OVERLAPPED);
    DWORD returned;
    BOOL good = TRUE;

    if (s == INVALID_SOCKET) fatal("WSASocketW: %d", WSAGetLastError());
    good &= set_int(s, IPPROTO_IPV6, IPV6_V6ONLY, FALSE, "IPV6_V6ONLY off");
    if (per_processor)
        ok(!WSAIoctl(s, SIO_CPU_AFFINITY, &index, sizeof(index), NULL, 0, &returned, NULL, NULL),
           "SIO_CPU_AFFINITY %u: %d", index, WSAGetLastError());
    good &= set_int(s, IPPROTO_IP, IP_DONTFRAGMENT, TRUE, "IP_DONTFRAGMENT");
    good &= set_int(s, IPPROTO_IPV6, IPV6_DONTFRAG, TRUE, "IPV6_DONTFRAG");
    good &= set_int(s, IPPROTO_IPV6, IPV6_PKTINFO, TRUE, "IPV6_PKTINFO");
    good &= set_int(s, IPPROTO_IP, IP_PKTINFO, TRUE, "IP_PKTINFO");
    good &= set_int(s, IPPROTO_IPV6, IPV6_ECN, TRUE, "IPV6_ECN");
    good &= set_int(s, IPPROTO_IP, IP_ECN, TRUE, "IP_ECN");
    good &= set_int(s, IPPROTO_IP, IP_HOPLIMIT, TRUE, "IP_HOPLIMIT");
    good &= set_int(s, IPPROTO_IPV6, IPV6_HOPLIMIT, TRUE, "IPV6_HOPLIMIT");
    /* "The socket is shared by multiple endpoints, so increase the receive buffer size." */
    good &= set_int(s, SOL_SOCKET, SO_RCVBUF, MAXINT32, "SO_RCVBUF MAXINT32");
    good &= set_int(s, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, 65535 - 8, "UDP_RECV_MAX_COALESCED_SIZE");
    ok(SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                      FILE_SKIP_SET_EVENT_ON_HANDLE),
       "SetFileCompletionNotificationModes: %lu", GetLastError());
    if (!good) trace("socket %u: an option failed", index);
    return s;
}

/* One pending WSARecvMsg per socket, as msquic keeps one posted. */
struct posted_recv
{
    WSAOVERLAPPED ovl;
    WSAMSG msg;
    WSABUF buf;
    SOCKADDR_STORAGE from;
    char data[2048];
    char control[256];
};

static void post_recv(SOCKET s, struct posted_recv *r)
{
    DWORD got;
    int ret;

    memset(&r->ovl, 0, sizeof(r->ovl));
    recv_msg_init(&r->msg, &r->buf, r->data, sizeof(r->data), &r->from, r->control, sizeof(r->control));
    ret = recvmsg_fn(s, &r->msg, &got, &r->ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecvMsg pends: ret %d error %d", ret,
       WSAGetLastError());
}

static void check_datagram(struct posted_recv *r, DWORD bytes)
{
    SOCKADDR_IN6 *from = (SOCKADDR_IN6 *)&r->from;
    IN_PKTINFO *info = cmsg_find(&r->msg, IPPROTO_IP, IP_PKTINFO);
    INT *ecn = cmsg_find(&r->msg, IPPROTO_IP, IP_ECN), *ttl = cmsg_find(&r->msg, IPPROTO_IP, IP_TTL);

    ok(bytes == 7 && !memcmp(r->data, "initial", 7), "datagram: %lu bytes", bytes);
    /* A dual-stack socket sees an IPv4 sender as a v4-mapped IPv6 address. */
    ok(from->sin6_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&from->sin6_addr), "sender family %u",
       from->sin6_family);
    ok(info && info->ipi_addr.s_addr == htonl(INADDR_LOOPBACK), "IP_PKTINFO destination %#lx",
       info ? (unsigned long)ntohl(info->ipi_addr.s_addr) : 0ul);
    ok(ecn && *ecn == 2, "IP_ECN: %d (ECT(0) sent)", ecn ? *ecn : -1);
    /* msquic reads the IPv4 TTL the IP_HOPLIMIT option asked for from a control message of type IP_TTL. */
    ok(ttl && *ttl > 0 && *ttl < 256, "IP_TTL: %d", ttl ? *ttl : -1);
}

void run_tests(void)
{
    static struct posted_recv recvs[MAX_SOCKETS];
    SOCKET sockets[MAX_SOCKETS], client;
    SOCKADDR_STORAGE addr = { 0 }, to;
    SOCKADDR_IN6 *addr6 = (SOCKADDR_IN6 *)&addr;
    int count = min(MAX_SOCKETS, (int)GetActiveProcessorCount(ALL_PROCESSOR_GROUPS)), i, len = sizeof(addr);
    char control[64];
    ULONG used = 0;
    INT ecn = 2;                        /* ECT(0) */
    HANDLE port;
    OVERLAPPED *ovl = NULL;
    ULONG_PTR key = 0;
    DWORD bytes = 0;

    msg_startup(&sendmsg_fn, &recvmsg_fn);
    if (!(port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0))) fatal("port: %lu", GetLastError());
    /* "Servers always initialize per-proc UDP sockets", on one wildcard port. */
    addr6->sin6_family = AF_INET6;
    for (i = 0; i < count; i++)
    {
        sockets[i] = quic_socket(i, count > 1);
        ok(CreateIoCompletionPort((HANDLE)sockets[i], port, i, 0) == port, "associate %d: %lu", i, GetLastError());
        ok(!bind(sockets[i], (struct sockaddr *)&addr, sizeof(SOCKADDR_IN6)), "bind socket %d to port %u: %d", i,
           ntohs(addr6->sin6_port), WSAGetLastError());
        if (!i) getsockname(sockets[0], (struct sockaddr *)&addr, &len);
        post_recv(sockets[i], &recvs[i]);
    }

    /* An IPv4 client's Initial, sent with ECT(0). */
    client = udp_bound(AF_INET, "127.0.0.1", 0, &to);
    make_addr(&to, AF_INET, "127.0.0.1", ntohs(addr6->sin6_port));
    cmsg_put(control, &used, IPPROTO_IP, IP_ECN, &ecn, sizeof(ecn));
    ok(!send_msg(client, &to, "initial", 7, control, used, &bytes), "client send: %d", WSAGetLastError());
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &ovl, 5000), "no completion on the port: %lu", GetLastError());
    if (ovl && key < (ULONG_PTR)count && ovl == &recvs[key].ovl) check_datagram(&recvs[key], bytes);
    else ok(FALSE, "completion key %Iu, OVERLAPPED %p", key, ovl);

    closesocket(client);
    for (i = 0; i < count; i++) closesocket(sockets[i]);
    /* The receives still posted end with the close: their packets come to the port. */
    for (i = 1; i < count; i++)
        ok(!GetQueuedCompletionStatus(port, &bytes, &key, &ovl, 2000) && ovl, "aborted receive %d: %lu", i,
           GetLastError());
    CloseHandle(port);
    WSACleanup();
}
