/*
 * Win32 socket option (level, name) -> host (level, name), for the options
 * whose value is a plain int on both sides.  Part of the codec: no Windows
 * header, unit-tested natively.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

#ifndef UDP_GRO
#define UDP_GRO 104
#endif

#define WS_SOL_SOCKET        0xffff
#define WS_IPPROTO_TCP       6
#define WS_SO_DEBUG          0x0001
#define WS_SO_KEEPALIVE      0x0008
#define WS_SO_DONTROUTE      0x0010
#define WS_SO_BROADCAST      0x0020
#define WS_SO_OOBINLINE      0x0100
#define WS_SO_SNDBUF         0x1001
#define WS_SO_RCVBUF         0x1002
#define WS_IP_MULTICAST_TTL  10
#define WS_IP_MULTICAST_LOOP 11
#define WS_IP_DONTFRAGMENT   14
#define WS_IPV6_UNICAST_HOPS 4
#define WS_IPV6_MULTICAST_HOPS 10
#define WS_IPV6_MULTICAST_LOOP 11
#define WS_IPV6_V6ONLY       27
#define WS_TCP_NODELAY       1
#define WS_SO_ACCEPTCONN     0x0002
#define WS_TCP_KEEPALIVE     3
#define WS_TCP_KEEPCNT       16
#define WS_TCP_KEEPINTVL     17
#define WS_IP_HDRINCL        2
#define WS_IP_MULTICAST_IF   9
#define WS_IP_ADD_MEMBERSHIP 12
#define WS_IP_DROP_MEMBERSHIP 13
#define WS_IPV6_MULTICAST_IF 9
#define WS_IPV6_ADD_MEMBERSHIP 12
#define WS_IPV6_DROP_MEMBERSHIP 13
#define WS_IPV6_DONTFRAG     14

struct sockopt_map { int ws_level, ws_name, level, name; };

static const struct sockopt_map int_options[] =
{
    { WS_SOL_SOCKET, WS_SO_DEBUG, SOL_SOCKET, SO_DEBUG },
    { WS_SOL_SOCKET, WS_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE },
    { WS_SOL_SOCKET, WS_SO_DONTROUTE, SOL_SOCKET, SO_DONTROUTE },
    { WS_SOL_SOCKET, WS_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST },
    { WS_SOL_SOCKET, WS_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE },
    { WS_SOL_SOCKET, WS_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF },
    { WS_SOL_SOCKET, WS_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF },
    { WS_IPPROTO_IP, WS_IP_TOS, IPPROTO_IP, IP_TOS },
    { WS_IPPROTO_IP, WS_IP_TTL, IPPROTO_IP, IP_TTL },
    { WS_IPPROTO_IP, WS_IP_MULTICAST_TTL, IPPROTO_IP, IP_MULTICAST_TTL },
    { WS_IPPROTO_IP, WS_IP_MULTICAST_LOOP, IPPROTO_IP, IP_MULTICAST_LOOP },
    { WS_IPPROTO_IPV6, WS_IPV6_UNICAST_HOPS, IPPROTO_IPV6, IPV6_UNICAST_HOPS },
    { WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_HOPS, IPPROTO_IPV6, IPV6_MULTICAST_HOPS },
    { WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_LOOP, IPPROTO_IPV6, IPV6_MULTICAST_LOOP },
    { WS_IPPROTO_IPV6, WS_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY },
    { WS_IPPROTO_IPV6, WS_IPV6_TCLASS, IPPROTO_IPV6, IPV6_TCLASS },
    { WS_IPPROTO_TCP, WS_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY },
    /* Windows' TCP_KEEPALIVE is the idle time in seconds, the host's TCP_KEEPIDLE. */
    { WS_IPPROTO_TCP, WS_TCP_KEEPALIVE, IPPROTO_TCP, TCP_KEEPIDLE },
    { WS_IPPROTO_TCP, WS_TCP_KEEPCNT, IPPROTO_TCP, TCP_KEEPCNT },
    { WS_IPPROTO_TCP, WS_TCP_KEEPINTVL, IPPROTO_TCP, TCP_KEEPINTVL },
    { WS_SOL_SOCKET, WS_SO_ACCEPTCONN, SOL_SOCKET, SO_ACCEPTCONN },
    { WS_IPPROTO_IP, WS_IP_HDRINCL, IPPROTO_IP, IP_HDRINCL },
    /* An in_addr: four bytes in network order either way. */
    { WS_IPPROTO_IP, WS_IP_MULTICAST_IF, IPPROTO_IP, IP_MULTICAST_IF },
    { WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_IF, IPPROTO_IPV6, IPV6_MULTICAST_IF },
    { WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG, IPPROTO_IPV6, IPV6_DONTFRAG },
    /* Receive coalescing: Windows' maximum size maps onto the host's on/off GRO switch. */
    { WS_IPPROTO_UDP, WS_UDP_RECV_MAX_COALESCED_SIZE, IPPROTO_UDP, UDP_GRO },
};

/* Options whose value is not a plain int. */
static const struct { int ws_level, ws_name; struct ws_sockopt_host host; } other_options[] =
{
    /* struct ip_mreq { in_addr group, interface; } is laid out alike on both sides. */
    { WS_IPPROTO_IP, WS_IP_ADD_MEMBERSHIP, { IPPROTO_IP, IP_ADD_MEMBERSHIP, WS_OPTVAL_STRUCT, 8 } },
    { WS_IPPROTO_IP, WS_IP_DROP_MEMBERSHIP, { IPPROTO_IP, IP_DROP_MEMBERSHIP, WS_OPTVAL_STRUCT, 8 } },
    /* struct ipv6_mreq { in6_addr group; 32-bit interface index; } likewise. */
    { WS_IPPROTO_IPV6, WS_IPV6_ADD_MEMBERSHIP, { IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, WS_OPTVAL_STRUCT, 20 } },
    { WS_IPPROTO_IPV6, WS_IPV6_DROP_MEMBERSHIP, { IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, WS_OPTVAL_STRUCT, 20 } },
    { WS_IPPROTO_IP, WS_IP_DONTFRAGMENT, { IPPROTO_IP, IP_MTU_DISCOVER, WS_OPTVAL_PMTU, 0 } },
};

int ws_sockopt_lookup(int ws_level, int ws_name, struct ws_sockopt_host *host)
{
    size_t i;

    for (i = 0; i < sizeof(other_options) / sizeof(other_options[0]); i++)
    {
        if (other_options[i].ws_level != ws_level || other_options[i].ws_name != ws_name) continue;
        *host = other_options[i].host;
        return 0;
    }
    host->kind = WS_OPTVAL_INT;
    host->size = sizeof(int);
    return ws_sockopt_to_host(ws_level, ws_name, &host->level, &host->name);
}

int ws_sockopt_to_host(int ws_level, int ws_name, int *level, int *name)
{
    size_t i;

    for (i = 0; i < sizeof(int_options) / sizeof(int_options[0]); i++)
    {
        if (int_options[i].ws_level != ws_level || int_options[i].ws_name != ws_name) continue;
        *level = int_options[i].level;
        *name = int_options[i].name;
        return 0;
    }
    return WS_WSAENOPROTOOPT;
}
