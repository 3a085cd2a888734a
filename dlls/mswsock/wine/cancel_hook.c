/*
 * CancelIo and CancelIoEx for msgsock's own transfers.  Wine cancels only the
 * requests its server knows, and msgsock's transfers run beside it, so the
 * provider wraps the two ntdll calls kernelbase makes (NtCancelIoFile and
 * NtCancelIoFileEx, through its import table): the wrapper cancels the
 * matching msgsock requests, then lets Wine cancel its own.
 */
#include <winternl.h>

#include "../provider.h"
#include "../msg_io.h"
#include "cancel_hook.h"
#include "import_slot.h"

#define STATUS_NOT_FOUND_ ((NTSTATUS)0xc0000225)

typedef NTSTATUS (WINAPI *cancel_fn)(HANDLE, IO_STATUS_BLOCK *);
typedef NTSTATUS (WINAPI *cancel_ex_fn)(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);

/* Written once under hook_once, before the import slots point at the wrappers. */
static cancel_fn real_cancel;
static cancel_ex_fn real_cancel_ex;
static INIT_ONCE hook_once = INIT_ONCE_STATIC_INIT;

/* Cancels msgsock's requests on `handle`; TRUE if there were any. */
static BOOL cancel_own(HANDLE handle, const IO_STATUS_BLOCK *ovl, DWORD thread_id)
{
    struct socket_ctx *ctx = socket_find((SOCKET)handle);
    int count;

    if (!ctx) return FALSE;
    count = msg_io_cancel(ctx, (const WSAOVERLAPPED *)ovl, thread_id, FALSE);
    socket_release(ctx);
    TRACE("socket %p: %d request(s) cancelled\n", handle, count);
    return count > 0;
}

/* Wine's answer, corrected when only msgsock had something to cancel. */
static NTSTATUS merge_status(NTSTATUS status, BOOL own, IO_STATUS_BLOCK *io)
{
    if (own && status == STATUS_NOT_FOUND_)
    {
        io->Status = 0;
        io->Information = 0;
        return 0;
    }
    return status;
}

/* CancelIo: what the calling thread started on the handle. */
static NTSTATUS WINAPI cancel_wrapper(HANDLE handle, IO_STATUS_BLOCK *io)
{
    BOOL own = cancel_own(handle, NULL, GetCurrentThreadId());

    return merge_status(real_cancel(handle, io), own, io);
}

/* CancelIoEx: the request with that OVERLAPPED, or all of the handle's. */
static NTSTATUS WINAPI cancel_ex_wrapper(HANDLE handle, IO_STATUS_BLOCK *ovl, IO_STATUS_BLOCK *io)
{
    BOOL own = cancel_own(handle, ovl, 0);

    return merge_status(real_cancel_ex(handle, ovl, io), own, io);
}

static BOOL CALLBACK install_hooks(INIT_ONCE *once, void *param, void **context)
{
    BOOL *installed = param;

    /* `&`, not `&&`: both slots are tried. */
    *installed = import_slot_wrap(L"kernelbase.dll", "NtCancelIoFile", (void *)cancel_wrapper, (void **)&real_cancel,
                                  "CancelIo won't see msgsock's requests") &
                 import_slot_wrap(L"kernelbase.dll", "NtCancelIoFileEx", (void *)cancel_ex_wrapper,
                                  (void **)&real_cancel_ex, "CancelIoEx won't see msgsock's requests");
    return TRUE;
}

BOOL cancel_hook_install(void)
{
    static BOOL installed;

    InitOnceExecuteOnce(&hook_once, install_hooks, &installed, NULL);
    return installed;
}
