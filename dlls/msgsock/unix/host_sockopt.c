/* Host-side socket set-up, options and close for the PE side's sockets. */
#include <errno.h>
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

int32_t host_sockopt(void *args)
{
    struct host_sockopt_params *params = args;
    int level, name, value;
    socklen_t len = sizeof(value);

    if ((params->error = ws_sockopt_to_host(params->level, params->name, &level, &name))) return 0;
    if (params->len < (int32_t)sizeof(int))
    {
        /* Windows accepts a 1-byte BOOL-style value for setsockopt; getsockopt needs an int. */
        if (!params->set || params->len < 1) { params->error = WS_WSAEFAULT; return 0; }
        value = *(unsigned char *)params->value;
    }
    else value = *(int *)params->value;

    if (params->set)
    {
        if (setsockopt(params->fd, level, name, &value, sizeof(value)) < 0)
            params->error = ws_errno_to_wsa(errno);
        return 0;
    }
    if (getsockopt(params->fd, level, name, &value, &len) < 0)
    {
        params->error = ws_errno_to_wsa(errno);
        return 0;
    }
    *(int *)params->value = value;
    params->len = sizeof(int);
    return 0;
}
