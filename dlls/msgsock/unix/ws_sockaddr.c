/*
 * Win32 SOCKADDR_IN / SOCKADDR_IN6 <-> host sockaddr.
 *
 * Win32 layouts (little-endian family, network-order port and address):
 *   SOCKADDR_IN  = { u16 family(2);  u16 port; u8 addr[4]; u8 zero[8]; }      16 bytes
 *   SOCKADDR_IN6 = { u16 family(23); u16 port; u32 flowinfo; u8 addr[16];
 *                    u32 scope_id; }                                           28 bytes
 * The pre-XP SOCKADDR_IN6 had no scope_id (24 bytes); it is still accepted.
 */
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

#define WS_SOCKADDR_IN_SIZE      16
#define WS_SOCKADDR_IN6_SIZE     28
#define WS_SOCKADDR_IN6_OLD_SIZE 24

static uint16_t load_u16(const unsigned char *p)
{
    uint16_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static void store_u16(unsigned char *p, uint16_t v)
{
    memcpy(p, &v, sizeof(v));
}

static int in_to_host(const unsigned char *win, int win_len, void *host, uint32_t *host_len)
{
    struct sockaddr_in sin;

    if (win_len < WS_SOCKADDR_IN_SIZE) return WS_WSAEFAULT;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    memcpy(&sin.sin_port, win + 2, 2);
    memcpy(&sin.sin_addr, win + 4, 4);
    memcpy(host, &sin, sizeof(sin));
    *host_len = sizeof(sin);
    return 0;
}

static int in6_to_host(const unsigned char *win, int win_len, void *host, uint32_t *host_len)
{
    struct sockaddr_in6 sin6;

    if (win_len < WS_SOCKADDR_IN6_OLD_SIZE) return WS_WSAEFAULT;
    memset(&sin6, 0, sizeof(sin6));
    sin6.sin6_family = AF_INET6;
    memcpy(&sin6.sin6_port, win + 2, 2);
    memcpy(&sin6.sin6_flowinfo, win + 4, 4);
    memcpy(&sin6.sin6_addr, win + 8, 16);
    /* the old 24-byte layout has no scope_id: it means 0 */
    if (win_len >= WS_SOCKADDR_IN6_SIZE) memcpy(&sin6.sin6_scope_id, win + 24, 4);
    memcpy(host, &sin6, sizeof(sin6));
    *host_len = sizeof(sin6);
    return 0;
}

int ws_sockaddr_to_host(const void *win, int win_len, void *host, uint32_t *host_len)
{
    if (!win || win_len < 2) return WS_WSAEFAULT;

    switch (load_u16(win))
    {
    case WS_AF_INET:  return in_to_host(win, win_len, host, host_len);
    case WS_AF_INET6: return in6_to_host(win, win_len, host, host_len);
    default:          return WS_WSAEAFNOSUPPORT;
    }
}

/* Checks the room, reporting the size needed when there is too little. */
static int claim_room(void *win, int *win_len, int size)
{
    if (!win || *win_len < size)
    {
        *win_len = size;
        return WS_WSAEFAULT;
    }
    memset(win, 0, size);
    *win_len = size;
    return 0;
}

static int in_from_host(const void *host, uint32_t host_len, unsigned char *win, int *win_len)
{
    struct sockaddr_in sin;
    int err;

    if (host_len < sizeof(sin)) return WS_WSAEINVAL;
    if ((err = claim_room(win, win_len, WS_SOCKADDR_IN_SIZE))) return err;
    memcpy(&sin, host, sizeof(sin));
    store_u16(win, WS_AF_INET);
    memcpy(win + 2, &sin.sin_port, 2);
    memcpy(win + 4, &sin.sin_addr, 4);
    return 0;
}

static int in6_from_host(const void *host, uint32_t host_len, unsigned char *win, int *win_len)
{
    struct sockaddr_in6 sin6;
    int err;

    if (host_len < sizeof(sin6)) return WS_WSAEINVAL;
    if ((err = claim_room(win, win_len, WS_SOCKADDR_IN6_SIZE))) return err;
    memcpy(&sin6, host, sizeof(sin6));
    store_u16(win, WS_AF_INET6);
    memcpy(win + 2, &sin6.sin6_port, 2);
    memcpy(win + 4, &sin6.sin6_flowinfo, 4);
    memcpy(win + 8, &sin6.sin6_addr, 16);
    memcpy(win + 24, &sin6.sin6_scope_id, 4);
    return 0;
}

int ws_sockaddr_from_host(const void *host, uint32_t host_len, void *win, int *win_len)
{
    sa_family_t family;

    if (!host || host_len < sizeof(family)) return WS_WSAEINVAL;
    memcpy(&family, host, sizeof(family));

    switch (family)
    {
    case AF_INET:  return in_from_host(host, host_len, win, win_len);
    case AF_INET6: return in6_from_host(host, host_len, win, win_len);
    default:       return WS_WSAEAFNOSUPPORT;
    }
}

/* MSG_BCAST / MSG_MCAST from an IPv4 destination, network order. */
static uint32_t cast_flags_v4(const uint8_t *addr)
{
    static const uint8_t limited_bcast[4] = { 255, 255, 255, 255 };

    if ((addr[0] & 0xf0) == 0xe0) return WS_MSG_MCAST;  /* 224.0.0.0/4 */
    if (!memcmp(addr, limited_bcast, 4)) return WS_MSG_BCAST;
    return 0;
}

static int is_v4_mapped(const uint8_t *addr)
{
    static const uint8_t prefix[12] = { 0,0,0,0, 0,0,0,0, 0,0,0xff,0xff };

    return !memcmp(addr, prefix, sizeof(prefix));
}

/*
 * Only what the address itself says: multicast, or the limited broadcast.
 * A subnet-directed broadcast needs the interface's netmask, which the
 * codec does not know.
 */
uint32_t ws_recv_cast_flags(const struct ws_recv_info *info)
{
    if (!info || !info->have_dst) return 0;
    if (info->dst_family == WS_AF_INET) return cast_flags_v4(info->dst_addr);
    if (info->dst_family != WS_AF_INET6) return 0;
    if (info->dst_addr[0] == 0xff) return WS_MSG_MCAST;  /* ff00::/8 */
    if (is_v4_mapped(info->dst_addr)) return cast_flags_v4(info->dst_addr + 12);
    return 0;
}
