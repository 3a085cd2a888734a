/*
 * WSPDuplicateSocket and its counterpart in WSPSocket: the socket handle is
 * duplicated into the target process and travels in the WSAPROTOCOL_INFO's
 * dwProviderReserved; WSASocket given that structure adopts the handle.
 */
#include "provider_calls.h"
#include "wine/afd.h"

int WSPAPI wsp_duplicate_socket(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    HANDLE process, remote = NULL;
    int error = 0;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* WSAEINVAL: "Indicates that one of the specified parameters was invalid" (here: no such process),
     * checked before the structure as Windows does (Wine's suite, sock.c test_WSADuplicateSocket). */
    if (!(process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid))) error = WSAEINVAL;
    else
    {
        /* WSAEFAULT: "The lpProtocolInfo parameter is not a valid part of the user address space." */
        if (!info || !msgsock_writable(info, sizeof(*info))) error = WSAEFAULT;
        else if (!DuplicateHandle(GetCurrentProcess(), (HANDLE)s, process, &remote, 0, FALSE, DUPLICATE_SAME_ACCESS))
            error = WSAEINVAL;
        CloseHandle(process);
    }
    if (!error)
    {
        protocol_info_fill(ctx->family, ctx->type, ctx->protocol, info);
        /* Handles are 32-bit values in every Windows process, so the DWORD holds it. */
        info->dwProviderReserved = HandleToULong(remote);
        TRACE("%#Ix -> %p in process %#lx\n", s, remote, pid);
    }
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

SOCKET wsp_adopt_shared(const WSAPROTOCOL_INFOW *info, DWORD flags, int *err)
{
    HANDLE handle = ULongToHandle(info->dwProviderReserved);
    int family, type, protocol;
    struct socket_ctx *ctx;

    /* The handle WSADuplicateSocket placed in this process: it must be a socket. */
    if (afd_get_info(handle, &family, &type, &protocol))
    {
        *err = WSAEINVAL;
        return INVALID_SOCKET;
    }
    if ((ctx = socket_lookup((SOCKET)handle)))
    {
        ctx->overlapped = !!(flags & WSA_FLAG_OVERLAPPED);
        ctx->bound = TRUE;
        socket_release(ctx);
    }
    return (SOCKET)handle;
}
