/* WSPSend, WSPSendTo, WSPRecv, WSPRecvFrom, WSPGetOverlappedResult over the transfer engine. */
#include "provider_calls.h"
#include "msg_io.h"
#include "transfer_checks.h"
#include "wine_afd.h"

int WSPAPI wsp_sendto(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags,
                      const struct sockaddr *to, int tolen, WSAOVERLAPPED *ovl,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    struct msg_request req = { TRUE, bufs, count, flags, to, tolen };
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    req.bytes_out = sent;
    req.ovl = ovl;
    req.routine = routine;
    req.thread = thread;
    if (!(error = check_send(ctx, &req)))
        error = msg_io_run(ctx, &req);
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
        req.from = from;
        req.fromlen = fromlen;
        req.bytes_out = received;
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

BOOL WSPAPI wsp_get_overlapped_result(SOCKET s, WSAOVERLAPPED *ovl, DWORD *transferred, BOOL wait,
                                      DWORD *flags, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx)
    {
        *err = WSAENOTSOCK;
        return FALSE;
    }
    socket_release(ctx);
    if (!ovl || !transferred || !flags)
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
    *flags = ovl->Offset;
    error = afd_status_to_wsa(ovl->Internal);
    if (error)
    {
        *err = error;
        return FALSE;
    }
    return TRUE;
}
