/*
 * msgsock.so: the helper's unix library.  Wine's loader looks up
 * __wine_unix_call_funcs here and msgsock.dll calls into it by index.
 */
#include <stdint.h>
#include <unistd.h>

#include "msgsock/unixlib.h"
#include "host_socket.h"
#include "host_reactor.h"
#include "host_resolve.h"
#include "host_sockopt.h"

typedef int32_t (*host_entry_fn)(void *args);

static int32_t host_ping(void *args)
{
    struct host_ping_params *params = args;

    params->magic = MSGSOCK_HOST_MAGIC;
    params->echo = ~params->cookie;
    params->abi_ptr_size = sizeof(void *);
    params->host_pid = getpid();
    return 0;
}

__attribute__((visibility("default")))
const host_entry_fn __wine_unix_call_funcs[host_call_count] =
{
    [host_call_ping] = host_ping,
    [host_call_sendmsg] = host_sendmsg,
    [host_call_recvmsg] = host_recvmsg,
    [host_call_getaddrinfo] = host_getaddrinfo,
    [host_call_getnameinfo] = host_getnameinfo,
    [host_call_gethostname] = host_gethostname,
    [host_call_socket_setup] = host_socket_setup,
    [host_call_close] = host_close,
    [host_call_sockopt] = host_sockopt,
    [host_call_wait] = host_wait,
    [host_call_reactor_open] = host_reactor_open,
    [host_call_reactor_arm] = host_reactor_arm,
    [host_call_reactor_wait] = host_reactor_wait,
    [host_call_share_port] = host_share_port,
};
