/*
 * Completion packets for msgsock's own transfers.  Wine posts a packet only for
 * I/O its server performed, and the port a handle is associated with cannot
 * be queried.  So msgsock learns each socket's port and key when the program
 * associates them (CreateIoCompletionPort, seen by wine/port_hook.c) and posts
 * with NtSetIoCompletion, the documented call behind PostQueuedCompletionStatus.
 * This is safe on every Wine: no server request number is involved, and a
 * socket msgsock never saw associated gets no packet, as on Windows.  The port
 * handle is duplicated, so the port outlives the program's handle as it would
 * outlive it on Windows while a file is associated with it.
 */
#include <winternl.h>

#include "completion_port.h"

#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS_ 0x1

/* ntdll's; mingw-w64's headers do not declare it. */
NTSTATUS NTAPI NtSetIoCompletion(HANDLE port, ULONG_PTR key, ULONG_PTR value, NTSTATUS status, SIZE_T bytes);

void port_associate(HANDLE handle, HANDLE port, ULONG_PTR key)
{
    struct socket_ctx *ctx = socket_find((SOCKET)handle);
    HANDLE mine = NULL, old;

    if (!ctx) return;
    if (port && !DuplicateHandle(GetCurrentProcess(), port, GetCurrentProcess(), &mine, 0, FALSE,
                                 DUPLICATE_SAME_ACCESS))
        ERR("socket %p: cannot keep port %p (%lu): it gets no packets\n", handle, port, GetLastError());
    AcquireSRWLockExclusive(&ctx->port.lock);
    old = ctx->port.handle;
    ctx->port.handle = mine;
    ctx->port.key = key;
    ReleaseSRWLockExclusive(&ctx->port.lock);
    if (old) CloseHandle(old);
    TRACE("socket %p: port %p key %#Ix\n", handle, port, key);
    socket_release(ctx);
}

void port_set_modes(HANDLE handle, UCHAR modes)
{
    struct socket_ctx *ctx = socket_find((SOCKET)handle);

    if (!ctx) return;
    InterlockedExchange(&ctx->port.modes, modes);
    TRACE("socket %p: completion modes %#x\n", handle, modes);
    socket_release(ctx);
}

BOOL port_is_associated(struct socket_ctx *ctx)
{
    BOOL associated;

    AcquireSRWLockShared(&ctx->port.lock);
    associated = ctx->port.handle != NULL;
    ReleaseSRWLockShared(&ctx->port.lock);
    return associated;
}

void port_post(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, ULONG status, ULONG_PTR bytes, BOOL pended)
{
    NTSTATUS result = 0;
    BOOL posted = FALSE;

    /* "the I/O Manager does not queue a completion entry to the port when ... the operation returns success immediately" */
    if (!pended && !status && (ctx->port.modes & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS_)) return;
    AcquireSRWLockShared(&ctx->port.lock);
    if (ctx->port.handle)
    {
        result = NtSetIoCompletion(ctx->port.handle, ctx->port.key, (ULONG_PTR)ovl, status, bytes);
        posted = TRUE;
    }
    ReleaseSRWLockShared(&ctx->port.lock);
    if (posted && result) ERR("socket %#Ix: NtSetIoCompletion failed: %#lx\n", ctx->handle, (unsigned long)result);
}

void port_release(struct socket_ctx *ctx)
{
    if (ctx->port.handle) CloseHandle(ctx->port.handle);
    ctx->port.handle = NULL;
}
