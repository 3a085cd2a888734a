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

/* Points module's import of `target` from `dll` at `replacement`; FALSE if it has none. */
static BOOL patch_import(HMODULE module, const char *dll, void *target, void *replacement)
{
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)module;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)((const char *)module + dos->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    const IMAGE_IMPORT_DESCRIPTOR *desc;
    IMAGE_THUNK_DATA *thunk;
    DWORD old;

    if (!dir->VirtualAddress) return FALSE;
    for (desc = (const void *)((const char *)module + dir->VirtualAddress); desc->Name; desc++)
    {
        if (lstrcmpiA((const char *)module + desc->Name, dll)) continue;
        for (thunk = (void *)((char *)module + desc->FirstThunk); thunk->u1.Function; thunk++)
        {
            if ((void *)thunk->u1.Function != target) continue;
            if (!VirtualProtect(&thunk->u1.Function, sizeof(void *), PAGE_READWRITE, &old)) return FALSE;
            InterlockedExchangePointer((void **)&thunk->u1.Function, replacement);
            VirtualProtect(&thunk->u1.Function, sizeof(void *), old, &old);
            return TRUE;
        }
    }
    return FALSE;
}

static BOOL CALLBACK install_hooks(INIT_ONCE *once, void *param, void **context)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll"), kernelbase = GetModuleHandleW(L"kernelbase.dll");
    HMODULE self;

    real_cancel = (cancel_fn)(void *)GetProcAddress(ntdll, "NtCancelIoFile");
    real_cancel_ex = (cancel_ex_fn)(void *)GetProcAddress(ntdll, "NtCancelIoFileEx");
    if (!kernelbase || !real_cancel || !real_cancel_ex) return TRUE;
    /* The wrappers live here: this module must never unload once they are in. */
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       (const WCHAR *)install_hooks, &self);
    if (!patch_import(kernelbase, "ntdll.dll", (void *)real_cancel, (void *)cancel_wrapper))
        WARN("CancelIo won't see msgsock's requests\n");
    if (!patch_import(kernelbase, "ntdll.dll", (void *)real_cancel_ex, (void *)cancel_ex_wrapper))
        WARN("CancelIoEx won't see msgsock's requests\n");
    return TRUE;
}

void cancel_hook_install(void)
{
    InitOnceExecuteOnce(&hook_once, install_hooks, NULL, NULL);
}
