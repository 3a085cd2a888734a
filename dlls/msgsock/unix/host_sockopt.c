/* Host-side socket set-up, options and close for the PE side's sockets. */
#include <errno.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "host_socket.h"
#include "host_sockopt.h"

#define WS_SOCK_DGRAM 2
#define WS_SOCK_RAW   3

int32_t host_socket_setup(void *args)
{
    struct host_socket_setup_params *params = args;

    params->error = 0;
    if (params->type == WS_SOCK_DGRAM || params->type == WS_SOCK_RAW)
        params->error = host_enable_recv_info(params->fd,
                                              params->family == WS_AF_INET6 ? AF_INET6 : AF_INET);
    return 0;
}

int32_t host_close(void *args)
{
    const struct host_close_params *params = args;

    close(params->fd);
    return 0;
}

/* Linux spreads a shared port's datagrams over its sockets, as Windows does over processors. */
int32_t host_share_port(void *args)
{
    struct host_share_port_params *params = args;
    int on = 1;

    params->error = setsockopt(params->fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) ? ws_errno_to_wsa(errno) : 0;
    return 0;
}

/* A structure laid out alike on both sides (ip_mreq, ipv6_mreq): set only, as on Windows. */
static int struct_option(const struct host_sockopt_params *params, const struct ws_sockopt_host *host)
{
    if (!params->set) return WS_WSAENOPROTOOPT;
    if (params->len < host->size) return WS_WSAEFAULT;
    if (setsockopt(params->fd, host->level, host->name, params->value, host->size) < 0)
        return ws_errno_to_wsa(errno);
    return 0;
}

/* IP_DONTFRAGMENT: a BOOL on Windows, a path-MTU discovery mode on the host. */
static int to_host_value(const struct ws_sockopt_host *host, int value)
{
    if (host->kind == WS_OPTVAL_PMTU) return value ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT;
    return value;
}

static int from_host_value(const struct ws_sockopt_host *host, int value)
{
    if (host->kind == WS_OPTVAL_PMTU) return value == IP_PMTUDISC_DO || value == IP_PMTUDISC_PROBE;
    return value;
}

/*
 * Linux keeps an urgent byte already read with MSG_OOB in the stream, skipping it only while
 * SO_OOBINLINE is off: turned on, it shows that byte again inline.  On Windows a byte read out of
 * band is gone; when it is next in line (at the mark, nothing urgent unread), drop it.
 */
static int urgent_byte_read_at_mark(int fd)
{
    int at_mark = 0, inline_on = 0;
    socklen_t len = sizeof(inline_on);
    char byte;

    if (getsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &inline_on, &len) < 0 || inline_on) return 0;
    if (ioctl(fd, SIOCATMARK, &at_mark) < 0 || !at_mark) return 0;
    /* EINVAL: read already (not EAGAIN: announced, not yet here) */
    return recv(fd, &byte, 1, MSG_OOB | MSG_PEEK | MSG_DONTWAIT) < 0 && errno == EINVAL;
}

static void set_oobinline(int fd, int value, int32_t *error)
{
    int stale = value && urgent_byte_read_at_mark(fd);
    char byte;

    if (setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &value, sizeof(value)) < 0)
    {
        *error = ws_errno_to_wsa(errno);
        return;
    }
    if (stale) (void)recv(fd, &byte, 1, MSG_DONTWAIT);
}

int32_t host_sockopt(void *args)
{
    struct host_sockopt_params *params = args;
    struct ws_sockopt_host host;
    socklen_t len = sizeof(int);
    int value;

    if ((params->error = ws_sockopt_lookup(params->level, params->name, &host))) return 0;
    if (host.kind == WS_OPTVAL_STRUCT)
    {
        params->error = struct_option(params, &host);
        return 0;
    }
    if (params->len < (int32_t)sizeof(int))
    {
        /* Windows accepts a 1-byte BOOL-style value for setsockopt; getsockopt needs an int. */
        if (!params->set || params->len < 1) { params->error = WS_WSAEFAULT; return 0; }
        value = *(unsigned char *)params->value;
    }
    else value = *(int *)params->value;

    if (params->set)
    {
        value = to_host_value(&host, value);
        if (host.level == SOL_SOCKET && host.name == SO_OOBINLINE)
            set_oobinline(params->fd, value, &params->error);
        else if (setsockopt(params->fd, host.level, host.name, &value, sizeof(value)) < 0)
            params->error = ws_errno_to_wsa(errno);
        return 0;
    }
    if (getsockopt(params->fd, host.level, host.name, &value, &len) < 0)
    {
        params->error = ws_errno_to_wsa(errno);
        return 0;
    }
    /* Some host options (IP_MULTICAST_LOOP/TTL on some kernels) answer with a byte. */
    if (len == 1) value = *(unsigned char *)&value;
    *(int *)params->value = from_host_value(&host, value);
    params->len = sizeof(int);
    return 0;
}
