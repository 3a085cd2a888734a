/* WSPIoctl: extension function pointers and the socket control codes the provider handles. */
#include <string.h>

#include "provider_calls.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "msgsock/ws_extra.h"
#include "wine/afd.h"
#include "msg_io.h"
#include "address_list.h"
#include <mstcpip.h>

struct extension
{
    GUID guid;
    void *function;     /* NULL: a Windows extension msgsock does not provide yet */
};

static const struct extension extensions[] =
{
    { WSAID_WSARECVMSG, (void *)msgsock_WSARecvMsg },
    { WSAID_WSASENDMSG, (void *)msgsock_WSASendMsg },
    { WSAID_ACCEPTEX, (void *)AcceptEx },
    { WSAID_CONNECTEX, (void *)msgsock_ConnectEx },
    { WSAID_DISCONNECTEX, (void *)msgsock_DisconnectEx },
    { WSAID_GETACCEPTEXSOCKADDRS, (void *)GetAcceptExSockaddrs },
    { WSAID_TRANSMITFILE, (void *)TransmitFile },
    { WSAID_TRANSMITPACKETS, (void *)msgsock_TransmitPackets },
    { WSAID_WSAPOLL, (void *)msgsock_WSAPoll },
};

/* SIO_GET_EXTENSION_FUNCTION_POINTER: GUID in, function pointer out. */
static int get_extension(const void *in, DWORD in_len, void *out, DWORD out_len, DWORD *returned)
{
    unsigned int i;

    if (!in || in_len < sizeof(GUID) || !msgsock_readable(in, sizeof(GUID))) return WSAEFAULT;
    if (!out || out_len < sizeof(void *) || !msgsock_writable(out, sizeof(void *))) return WSAEFAULT;
    for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
    {
        if (memcmp(in, &extensions[i].guid, sizeof(GUID))) continue;
        if (!extensions[i].function) return WSAEOPNOTSUPP;
        *(void **)out = extensions[i].function;
        *returned = sizeof(void *);
        return 0;
    }
    return WSAEINVAL;
}

static int read_dword_in(const void *in, DWORD in_len, DWORD *value)
{
    if (!in || in_len < sizeof(DWORD) || !msgsock_readable(in, sizeof(DWORD))) return WSAEFAULT;
    *value = *(const DWORD *)in;
    return 0;
}

static int write_out(void *out, DWORD out_len, const void *data, DWORD size, DWORD *returned)
{
    if (!out || out_len < size || !msgsock_writable(out, size)) return WSAEFAULT;
    memcpy(out, data, size);
    *returned = size;
    return 0;
}

/*
 * SIOCATMARK: "If no OOB data is waiting, the operation returns TRUE."  Wine's
 * server reports waiting OOB data to a poll (as readable data with SO_OOBINLINE).
 */
static int at_mark(struct socket_ctx *ctx, void *out, DWORD out_len, DWORD *returned)
{
    struct afd_poll_entry entry = { ctx->handle, MSGSOCK_POLL_OOB };
    ULONG value;
    int error;

    if ((error = afd_poll_sockets((HANDLE)ctx->handle, &entry, 1, 0))) return error;
    value = !(entry.events & MSGSOCK_POLL_OOB);
    return write_out(out, out_len, &value, sizeof(value), returned);
}

/*
 * SIO_CPU_AFFINITY, which msquic uses for its per-processor UDP sockets on one
 * port ("This IOCTL allows for creating per-processor sockets for the same UDP
 * port"): a USHORT processor index in; the host socket may then share its port.
 */
static int cpu_affinity(struct socket_ctx *ctx, const void *in, DWORD in_len)
{
    struct host_share_port_params params = { -1 };
    USHORT processor;
    int failed;

    if (!in || in_len < sizeof(USHORT) || !msgsock_readable(in, sizeof(USHORT))) return WSAEFAULT;
    processor = *(const USHORT *)in;
    if (processor >= GetActiveProcessorCount(ALL_PROCESSOR_GROUPS)) return WSAEINVAL;
    if (ctx->type != SOCK_DGRAM) return WSAEOPNOTSUPP;
    if ((params.fd = socket_fd_get(ctx)) < 0) return WSAENOBUFS;
    failed = msgsock_host_call(host_call_share_port, &params);
    socket_fd_put(ctx);
    if (failed) return WSAENETDOWN;
    if (params.error) return params.error;
    ctx->processor = processor;
    return 0;
}

/* SIO_QUERY_RSS_PROCESSOR_INFO: "the association between a socket and an RSS processor core and NUMA node". */
static int rss_processor_info(struct socket_ctx *ctx, void *out, DWORD out_len, DWORD *returned)
{
    SOCKET_PROCESSOR_AFFINITY info = { { 0 } };

    info.Processor.Group = ctx->processor / 64;
    info.Processor.Number = ctx->processor % 64;
    return write_out(out, out_len, &info, sizeof(info), returned);
}

/*
 * A control code this socket does not support.  Windows hands such a code to its
 * driver, which fails it like a request: WSAEOPNOTSUPP at once, or overlapped
 * WSA_IO_PENDING and then STATUS_NOT_SUPPORTED through the OVERLAPPED, its event
 * or routine, and the port (Wine's test_unsupported_ioctls, measured on Windows).
 */
#define IOCTL_NOT_SUPPORTED (-1)

/* SIO_IDEAL_SEND_BACKLOG_QUERY: "retrieves the ideal send backlog (ISB) value for the underlying connection". */
static int send_backlog(struct socket_ctx *ctx, void *out, DWORD out_len, DWORD *returned)
{
    /* What Windows reports for a loopback connection (Wine's test_backlog_query). */
    ULONG backlog = 0x10000;
    SOCKADDR_STORAGE peer;
    int len = sizeof(peer), error;

    if (!out || out_len < sizeof(backlog) || !msgsock_writable(out, sizeof(backlog))) return WSAEFAULT;
    if (ctx->type != SOCK_STREAM) return WSAEOPNOTSUPP;
    if ((error = afd_getpeername((HANDLE)ctx->handle, (struct sockaddr *)&peer, &len))) return error;
    return write_out(out, out_len, &backlog, sizeof(backlog), returned);
}

static int do_ioctl(struct socket_ctx *ctx, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len,
                    DWORD *returned, BOOL overlapped)
{
    DWORD value;
    ULONG bytes;
    int error;

    switch (code)
    {
    case SIO_GET_EXTENSION_FUNCTION_POINTER:
        return get_extension(in, in_len, out, out_len, returned);
    case FIONBIO:
        if ((error = read_dword_in(in, in_len, &value))) return error;
        if ((error = afd_set_nonblocking((HANDLE)ctx->handle, value))) return error;
        ctx->nonblocking = !!value;
        return 0;
    case FIONREAD:
        if ((error = afd_bytes_readable((HANDLE)ctx->handle, &bytes))) return error;
        return write_out(out, out_len, &bytes, sizeof(bytes), returned);
    case SIO_UDP_CONNRESET:
        if ((error = read_dword_in(in, in_len, &value))) return error;
        ctx->no_connreset = !value;
        return 0;
    case SIO_BASE_HANDLE:
        /* Windows answers it only synchronously (Wine's test_base_handle). */
        if (overlapped) return IOCTL_NOT_SUPPORTED;
        return write_out(out, out_len, &ctx->handle, sizeof(ctx->handle), returned);
    case SIO_FLUSH:
        /* A socket without an address has no sending queue: Windows rejects it (test_unsupported_ioctls). */
        if (!ctx->bound) return IOCTL_NOT_SUPPORTED;
        /* "Discards current contents of the sending queue": the sends still pending here. */
        msg_io_cancel(ctx, NULL, 0, TRUE);
        return 0;
    case SIOCATMARK:
        return at_mark(ctx, out, out_len, returned);
    case SIO_ADDRESS_LIST_QUERY:
        return address_list_query(ctx->family, out, out_len, returned);
    case SIO_GET_INTERFACE_LIST:
        if (!out || !msgsock_writable(out, out_len)) return WSAEFAULT;
        return afd_interface_list((HANDLE)ctx->handle, out, out_len, returned, NULL, NULL);
    case SIO_ROUTING_INTERFACE_QUERY:
        return routing_interface_query(ctx->family, in, in_len, out, out_len, returned);
    case SIO_KEEPALIVE_VALS:
        if (!in || in_len < sizeof(struct tcp_keepalive) || !msgsock_readable(in, sizeof(struct tcp_keepalive)))
            return WSAEFAULT;
        return afd_keepalive_vals((HANDLE)ctx->handle, in, sizeof(struct tcp_keepalive));
    case SIO_UDP_NETRESET:
        /* Linux reports no "TTL expired" to a UDP socket: there is nothing to switch. */
        return read_dword_in(in, in_len, &value);
    case SIO_CPU_AFFINITY:
        return cpu_affinity(ctx, in, in_len);
    case SIO_QUERY_RSS_PROCESSOR_INFO:
        return rss_processor_info(ctx, out, out_len, returned);
    case SIO_ENABLE_CIRCULAR_QUEUEING:
        /* "only valid for sockets associated with unreliable, message-oriented protocols"; accepted, but the
         * host still drops the newest datagram of a full queue (README). */
        return ctx->type == SOCK_DGRAM || ctx->type == SOCK_RAW ? 0 : WSAEINVAL;
    case SIO_IDEAL_SEND_BACKLOG_QUERY:
        return send_backlog(ctx, out, out_len, returned);
    default:
        FIXME("control code %#lx not handled yet\n", code);
        return IOCTL_NOT_SUPPORTED;
    }
}

/* do_ioctl wrote no size: *returned gets 0 on success, nothing on failure. */
#define NO_SIZE (~0u)

/* Codes Windows' driver answers: a synchronous failure still writes its 0 bytes to *returned. */
static BOOL zero_on_failure(DWORD code)
{
    return code == FIONBIO || code == SIO_KEEPALIVE_VALS || code == SIO_GET_INTERFACE_LIST;
}

/* The OVERLAPPED, event or routine and port of a request that ends (or failed) at once. */
static void complete(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                     WSATHREADID *thread, int error)
{
    struct msg_request req = { 0 };

    req.ovl = ovl;
    req.routine = routine;
    req.thread = thread;
    /* Its output is already in the caller's buffer: the completion itself reports 0 bytes. */
    if (msg_io_complete_request(ctx, &req, error != 0, error, 0))
        ERR("socket %#Ix: no completion for an ioctl\n", ctx->handle);
}

/* What the caller sees of do_ioctl's answer: Windows' results for each way of calling. */
static int ioctl_result(struct socket_ctx *ctx, DWORD code, int error, DWORD size, DWORD *returned,
                        WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread)
{
    if (error == IOCTL_NOT_SUPPORTED)
    {
        if (!ovl) *returned = 0;
        else complete(ctx, ovl, routine, thread, WSAEOPNOTSUPP);
        return ovl ? WSA_IO_PENDING : WSAEOPNOTSUPP;
    }
    if (error)
    {
        /* SIO_ADDRESS_LIST_QUERY...: a short buffer fails with the size it needs in *returned. */
        if (size != NO_SIZE) *returned = size;
        else if (!ovl && zero_on_failure(code)) *returned = 0;
        /* Windows' driver has taken the request when it finds the input short. */
        if (ovl && code == SIO_KEEPALIVE_VALS) ovl->Internal = OVL_STATUS_PENDING;
        return error;
    }
    /* SIO_KEEPALIVE_VALS is the driver's: overlapped, only its completion reports. */
    if (!ovl || routine || code != SIO_KEEPALIVE_VALS) *returned = size == NO_SIZE ? 0 : size;
    if (ovl) complete(ctx, ovl, routine, thread, 0);
    return 0;
}

/*
 * Codes Wine's socket object runs as its own request when overlapped: Wine fills
 * the OVERLAPPED, signals the event or queues the routine and posts to the port.
 */
static int wine_request(struct socket_ctx *ctx, DWORD code, void *out, DWORD out_len, WSAOVERLAPPED *ovl,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    DWORD unused;

    if (!ovl) routine = NULL;
    /* It pends until the host's addresses change (or the socket closes). */
    if (code == SIO_ADDRESS_LIST_CHANGE) return afd_address_list_change((HANDLE)ctx->handle, ovl, routine);
    if (!out || !msgsock_writable(out, out_len)) return WSAEFAULT;
    return afd_interface_list((HANDLE)ctx->handle, out, out_len, &unused, ovl, routine);
}

int WSPAPI wsp_ioctl(SOCKET s, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len,
                     DWORD *returned, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                     WSATHREADID *thread, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    DWORD size = NO_SIZE;
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* lpcbBytesReturned is required, overlapped or not (Windows: WSAEFAULT, Wine's ioctl tests). */
    if (!returned || !msgsock_writable(returned, sizeof(*returned)))
        error = WSAEFAULT;
    else if (code == SIO_ADDRESS_LIST_CHANGE || (code == SIO_GET_INTERFACE_LIST && ovl))
        error = wine_request(ctx, code, out, out_len, ovl, routine);
    else
    {
        error = do_ioctl(ctx, code, in, in_len, out, out_len, &size, ovl != NULL);
        error = ioctl_result(ctx, code, error, size, returned, ovl, routine, thread);
    }
    socket_release(ctx);
    TRACE("socket %#Ix code %#lx in %lu out %lu ovl %p routine %p: error %d, %lu bytes\n", s, code, in_len, out_len,
          ovl, routine, error, size);
    return error ? wsp_fail(err, error) : 0;
}
