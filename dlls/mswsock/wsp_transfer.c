/* WSPSend, WSPSendTo, WSPRecv, WSPRecvFrom, WSPGetOverlappedResult over the transfer engine. */
#include <stdlib.h>
#include <string.h>

#include "provider_calls.h"
#include "msg_io.h"
#include "status_map.h"
#include "transfer_checks.h"
#include "wine/afd.h"

static ULONG buffers_total(const WSABUF *bufs, DWORD count)
{
    ULONG total = 0;
    DWORD i;

    for (i = 0; i < count; i++) total += bufs[i].len;
    return total;
}

/*
 * A blocking send on a stream returns once all of it went out, as on Windows;
 * the host took `done` bytes of req so far: send the rest from a copy of the array.
 */
static int send_rest(struct socket_ctx *ctx, const struct msg_request *req, DWORD done)
{
    struct msg_request rest = *req;
    WSABUF *bufs = malloc(req->count * sizeof(*bufs));
    DWORD first = 0, sent = 0;
    int error = 0;

    if (!bufs) return WSAENOBUFS;
    memcpy(bufs, req->bufs, req->count * sizeof(*bufs));
    rest.bytes_out = &sent;
    while (!error && first < req->count)
    {
        while (first < req->count && done >= bufs[first].len) done -= bufs[first++].len;
        if (first == req->count) break;
        bufs[first].buf += done;
        bufs[first].len -= done;
        rest.bufs = bufs + first;
        rest.count = req->count - first;
        if (!(error = msg_io_run(ctx, &rest))) *req->bytes_out += sent;
        done = sent;
    }
    free(bufs);
    return error;
}

static BOOL blocking_stream_send(const struct socket_ctx *ctx, const struct msg_request *req)
{
    return ctx->type == SOCK_STREAM && !ctx->nonblocking && !req->ovl && !req->routine;
}

int WSPAPI wsp_sendto(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags,
                      const struct sockaddr *to, int tolen, WSAOVERLAPPED *ovl,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    struct msg_request req = { TRUE, bufs, count, flags, to, tolen };
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    req.bytes_out = sent;
    /* A routine could never run for it: that stays "not created with the overlapped flag" (WSAEINVAL). */
    req.sync_ovl = !routine;
    req.ovl = ovl;
    req.routine = routine;
    req.thread = thread;
    if (!(error = check_send(ctx, &req)) && !(error = msg_io_run(ctx, &req)) && blocking_stream_send(ctx, &req) &&
        *sent < buffers_total(bufs, count))
        error = send_rest(ctx, &req, *sent);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_send(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags, WSAOVERLAPPED *ovl,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    return wsp_sendto(s, bufs, count, sent, flags, NULL, 0, ovl, routine, thread, err);
}

int WSPAPI wsp_recvfrom(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags,
                        struct sockaddr *from, int *fromlen, WSAOVERLAPPED *ovl,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    struct msg_request req = { FALSE, bufs, count };
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!flags || !msgsock_writable(flags, sizeof(*flags)))
        error = WSAEFAULT;
    else
    {
        req.flags = *flags;
        req.flags_out = flags;
        /* WSARecvFrom: "the lpFrom and lpFromlen parameters are ignored for connection-oriented sockets". */
        req.from = ctx->type == SOCK_STREAM ? NULL : from;
        req.fromlen = ctx->type == SOCK_STREAM ? NULL : fromlen;
        req.bytes_out = received;
        req.sync_ovl = !routine;
        req.ovl = ovl;
        req.routine = routine;
        req.thread = thread;
        if (!(error = check_recv(ctx, &req)))
            error = msg_io_run(ctx, &req);
    }
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_recv(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags, WSAOVERLAPPED *ovl,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    return wsp_recvfrom(s, bufs, count, received, flags, NULL, NULL, ovl, routine, thread, err);
}

/* The request's result from its status word: Wine's Winsock form (0xc001xxxx, which msgsock
 * writes too), or an NTSTATUS mapped the way Windows maps it. */
static int overlapped_error(ULONG_PTR status)
{
    if ((status & 0xffff0000) == 0xc0010000) return status & 0xffff;
    if ((LONG)status >= 0) return 0;   /* a success or informational status */
    return status_map_to_wsa(status);
}

BOOL WSPAPI wsp_get_overlapped_result(SOCKET s, WSAOVERLAPPED *ovl, DWORD *transferred, BOOL wait,
                                      DWORD *flags, int *err)
{
    /* Only sockets: a handle made by DuplicateHandle is not one (WSAENOTSOCK). */
    struct socket_ctx *ctx = socket_find(s);
    int error;

    TRACE("socket %#Ix ovl %p wait %d\n", s, ovl, wait);
    if (!ctx)
    {
        *err = WSAENOTSOCK;
        return FALSE;
    }
    socket_release(ctx);
    if (!ovl || !transferred)
    {
        *err = WSAEFAULT;
        return FALSE;
    }
    if (wait)
    {
        /* The event is signalled by completion; without one, poll the status word. */
        while (*(volatile ULONG_PTR *)&ovl->Internal == OVL_STATUS_PENDING)
        {
            if (ovl->hEvent) WaitForSingleObject(ovl->hEvent, INFINITE);
            else SleepEx(1, FALSE);
        }
    }
    if (ovl->Internal == OVL_STATUS_PENDING)
    {
        *err = WSA_IO_INCOMPLETE;
        return FALSE;
    }
    *transferred = ovl->InternalHigh;
    /* WSAEFAULT for lpdwFlags "not in a valid part of the user address space" comes after the byte
     * count: Windows fills that in all the same (Wine's sock test_TransmitFile passes NULL). */
    if (!flags)
    {
        *err = WSAEFAULT;
        return FALSE;
    }
    *flags = ovl->Offset;
    if ((error = overlapped_error(ovl->Internal)))
    {
        TRACE("socket %#Ix ovl %p: status %#Ix -> error %d\n", s, ovl, ovl->Internal, error);
        *err = error;
        return FALSE;
    }
    return TRUE;
}
