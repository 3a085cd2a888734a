/*
 * TransmitFile (exported, and WSAID_TRANSMITFILE) and TransmitPackets
 * (WSAID_TRANSMITPACKETS).  Both run synchronously: file data is read with
 * ReadFile in chunks and each chunk is sent completely through the transfer
 * engine, waiting for writability on a non-blocking socket.  With an
 * OVERLAPPED the request is complete on return, which says ERROR_IO_PENDING
 * as Windows does, and reported through the usual completion path
 * (OVERLAPPED fields, event, port).
 */
#include <stdlib.h>

#include "provider_calls.h"
#include "msg_io.h"
#include "wine/afd.h"

#define TRANSMIT_CHUNK 65536
/* "TF_USE_DEFAULT_WORKER ... TF_USE_SYSTEM_THREAD ... TF_USE_KERNEL_APC": scheduling hints, accepted. */
#define TRANSMIT_FLAGS (TF_DISCONNECT | TF_REUSE_SOCKET | TF_WRITE_BEHIND | TF_USE_SYSTEM_THREAD | TF_USE_KERNEL_APC)
/* TP_ELEMENT_* bits an element may carry. */
#define TP_ELEMENT_KINDS (TP_ELEMENT_MEMORY | TP_ELEMENT_FILE)

/* One transmission in progress: where it goes, its send size and what went out. */
struct transmit
{
    struct socket_ctx *ctx;
    DWORD per_send;             /* 0: the default */
    ULONGLONG total;
    char *chunk;                /* TRANSMIT_CHUNK bytes for file data */
};

/* Sends all of data (a stream), or data as one datagram. */
static int send_data(struct transmit *t, const char *data, DWORD len)
{
    int error;

    while (len)
    {
        WSABUF buf = { len, (char *)data };
        struct msg_request req = { TRUE, &buf, 1 };
        DWORD sent = 0;

        if (t->per_send && t->ctx->type == SOCK_STREAM && buf.len > t->per_send) buf.len = t->per_send;
        req.bytes_out = &sent;
        error = msg_io_run(t->ctx, &req);
        /* A non-blocking socket: the transmission still goes out whole. */
        if (error == WSAEWOULDBLOCK)
            error = afd_wait_ready((HANDLE)t->ctx->handle, MSGSOCK_POLL_WRITE, INFINITE);
        if (error) return error;
        t->total += sent;
        if (t->ctx->type != SOCK_STREAM) break;
        data += sent;
        len -= sent;
    }
    return 0;
}

/* The file's current position (where a synchronous handle's next ReadFile starts). */
static int file_position(HANDLE file, LARGE_INTEGER *offset)
{
    LARGE_INTEGER zero = { 0 };

    return SetFilePointerEx(file, zero, offset, FILE_CURRENT) ? 0 : WSAEINVAL;
}

/* ReadFile at an offset, for synchronous and overlapped file handles alike. */
static int read_at(HANDLE file, ULONGLONG offset, char *buf, DWORD len, DWORD *got)
{
    OVERLAPPED ovl = { 0 };
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    int error = 0;

    if (!event) return WSAENOBUFS;
    ovl.Offset = (DWORD)offset;
    ovl.OffsetHigh = (DWORD)(offset >> 32);
    /* The low bit keeps this read's completion off any port the file is associated with. */
    ovl.hEvent = (HANDLE)((ULONG_PTR)event | 1);
    *got = 0;
    if (!ReadFile(file, buf, len, got, &ovl) &&
        (GetLastError() != ERROR_IO_PENDING || !GetOverlappedResult(file, &ovl, got, TRUE)))
        error = GetLastError() == ERROR_HANDLE_EOF ? 0 : WSAEINVAL;
    CloseHandle(event);
    return error;
}

/* `count` bytes of `file` from `offset` (count 0: to the end of the file). */
static int send_file(struct transmit *t, HANDLE file, ULONGLONG offset, DWORD count)
{
    DWORD want, got;
    BOOL to_end = !count;
    int error;

    for (;;)
    {
        want = TRANSMIT_CHUNK;
        if (t->per_send && want > t->per_send) want = t->per_send;
        if (!to_end && want > count) want = count;
        if (!want) return 0;
        if ((error = read_at(file, offset, t->chunk, want, &got))) return error;
        if (!got) return 0;   /* end of file */
        if ((error = send_data(t, t->chunk, got))) return error;
        offset += got;
        if (!to_end) count -= got;
    }
}

/* The socket must be a connected one of a type the function serves. */
static int check_socket(struct socket_ctx *ctx, BOOL datagram_ok)
{
    SOCKADDR_STORAGE peer;
    int len = sizeof(peer);

    socket_refresh_fd(ctx);   /* an AcceptEx target that got its connection */
    /* An unconnected datagram socket is "not connected" first (Wine's sock test_TransmitFile). */
    if (afd_getpeername((HANDLE)ctx->handle, (struct sockaddr *)&peer, &len)) return WSAENOTCONN;
    if (ctx->type != SOCK_STREAM && !(datagram_ok && ctx->type == SOCK_DGRAM)) return WSAEINVAL;
    if (ctx->send_shutdown) return WSAESHUTDOWN;
    return 0;
}

/* TF_DISCONNECT: "Start a transport-level disconnect after all the file data has been queued for transmission." */
static int finish(struct transmit *t, DWORD flags)
{
    int error = 0;

    if ((flags & TF_DISCONNECT) && t->ctx->type == SOCK_STREAM &&
        !(error = afd_shutdown((HANDLE)t->ctx->handle, SD_SEND)))
        t->ctx->send_shutdown = TRUE;
    return error;
}

/* Runs `body` (which sends) and reports the way both functions do. */
static BOOL transmit_run(SOCKET s, OVERLAPPED *ovl, DWORD flags, BOOL datagram_ok,
                         int (*check)(const void *args), int (*body)(struct transmit *t, const void *args),
                         const void *args, DWORD per_send)
{
    struct transmit t = { socket_lookup(s), per_send };
    int error = WSAENOTSOCK;

    if (t.ctx)
    {
        error = flags & ~TRANSMIT_FLAGS ? WSAEINVAL : 0;
        if (!error && ovl && !msgsock_writable(ovl, sizeof(*ovl))) error = WSAEFAULT;
        if (!error) error = check(args);
        if (!error) error = check_socket(t.ctx, datagram_ok);
        if (!error && !(t.chunk = malloc(TRANSMIT_CHUNK))) error = WSAENOBUFS;
        if (!error && !(error = body(&t, args))) error = finish(&t, flags);
        /* Done at once, but reported as Windows does an overlapped transmission: ERROR_IO_PENDING, then the
         * OVERLAPPED, its event and the port. */
        if (!error && ovl)
        {
            msg_io_complete_pended(t.ctx, ovl, 0, (DWORD)t.total);
            error = ERROR_IO_PENDING;
        }
        free(t.chunk);
    }
    socket_release(t.ctx);
    TRACE("%#Ix: error %d, %I64u bytes\n", s, error, t.total);
    SetLastError(error);
    return !error;
}

struct transmit_file_args
{
    HANDLE file;
    DWORD count;
    OVERLAPPED *ovl;
    const TRANSMIT_FILE_BUFFERS *buffers;
};

static BOOL buffer_ok(const void *buf, DWORD len)
{
    return !len || (buf && msgsock_readable(buf, len));
}

static int check_transmit_file(const void *args)
{
    const struct transmit_file_args *a = args;

    if (!a->buffers) return 0;
    if (!msgsock_readable(a->buffers, sizeof(*a->buffers))) return WSAEFAULT;
    if (!buffer_ok(a->buffers->Head, a->buffers->HeadLength)) return WSAEFAULT;
    if (!buffer_ok(a->buffers->Tail, a->buffers->TailLength)) return WSAEFAULT;
    return 0;
}

/* Head, the file, then Tail. */
static int transmit_file_body(struct transmit *t, const void *args)
{
    const struct transmit_file_args *a = args;
    LARGE_INTEGER offset;
    int error;

    if (a->buffers && (error = send_data(t, a->buffers->Head, a->buffers->HeadLength))) return error;
    if (a->file)
    {
        /* "If lpOverlapped is a NULL pointer, the transmission of data always starts at the current byte
         * offset in the file." */
        if (a->ovl)
            offset.QuadPart = ((LONGLONG)a->ovl->OffsetHigh << 32) | a->ovl->Offset;
        else if ((error = file_position(a->file, &offset)))
            return error;
        if ((error = send_file(t, a->file, offset.QuadPart, a->count))) return error;
    }
    if (a->buffers) return send_data(t, a->buffers->Tail, a->buffers->TailLength);
    return 0;
}

BOOL WINAPI TransmitFile(SOCKET s, HANDLE file, DWORD count, DWORD per_send, OVERLAPPED *ovl,
                         TRANSMIT_FILE_BUFFERS *buffers, DWORD flags)
{
    struct transmit_file_args args = { file, count, ovl, buffers };

    return transmit_run(s, ovl, flags, FALSE, check_transmit_file, transmit_file_body, &args, per_send);
}

struct transmit_packets_args
{
    const TRANSMIT_PACKETS_ELEMENT *elements;
    DWORD count;
};

static int check_transmit_packets(const void *args)
{
    const struct transmit_packets_args *a = args;
    DWORD i;

    if (a->count && (!a->elements || !msgsock_readable(a->elements, a->count * sizeof(*a->elements))))
        return WSAEFAULT;
    for (i = 0; i < a->count; i++)
    {
        const TRANSMIT_PACKETS_ELEMENT *e = &a->elements[i];
        DWORD kind = e->dwElFlags & TP_ELEMENT_KINDS;

        /* Each element is either a memory buffer or a file range. */
        if ((e->dwElFlags & ~(TP_ELEMENT_KINDS | TP_ELEMENT_EOP)) || kind == TP_ELEMENT_KINDS || !kind)
            return WSAEINVAL;
        if (kind == TP_ELEMENT_MEMORY && !buffer_ok(e->pBuffer, e->cLength)) return WSAEFAULT;
    }
    return 0;
}

/* "nFileOffset ... set to -1 ... the transmission begins at the current byte offset" */
static int transmit_element(struct transmit *t, const TRANSMIT_PACKETS_ELEMENT *e)
{
    LARGE_INTEGER offset = e->nFileOffset;
    int error;

    if (e->dwElFlags & TP_ELEMENT_MEMORY) return send_data(t, e->pBuffer, e->cLength);
    if (offset.QuadPart == -1 && (error = file_position(e->hFile, &offset))) return error;
    return send_file(t, e->hFile, offset.QuadPart, e->cLength);
}

static int transmit_packets_body(struct transmit *t, const void *args)
{
    const struct transmit_packets_args *a = args;
    DWORD i;
    int error;

    for (i = 0; i < a->count; i++)
        if ((error = transmit_element(t, &a->elements[i]))) return error;
    return 0;
}

BOOL WINAPI msgsock_TransmitPackets(SOCKET s, TRANSMIT_PACKETS_ELEMENT *elements, DWORD count, DWORD send_size,
                                    OVERLAPPED *ovl, DWORD flags)
{
    struct transmit_packets_args args = { elements, count };

    return transmit_run(s, ovl, flags, TRUE, check_transmit_packets, transmit_packets_body, &args, send_size);
}
