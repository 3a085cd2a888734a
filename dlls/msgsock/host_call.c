/*
 * msgsock.dll: the PE half of the helper.  Finds its unix library through
 * Wine's loader and forwards calls to it; nothing else lives here.
 */
#include <windows.h>
#include <winternl.h>

#include "msgsock/unixlib.h"
#include "msgsock/host.h"
#include "msgsock/wine_facts.h"

#define STATUS_NOT_SUPPORTED_ ((LONG)0xc00000bb)
#define STATUS_INVALID_PARAMETER_ ((LONG)0xc000000d)

typedef NTSTATUS (WINAPI *unix_call_fn)(UINT64 handle, unsigned int code, void *args);
typedef NTSTATUS (WINAPI *query_memory_fn)(HANDLE, const void *, ULONG, void *, SIZE_T, SIZE_T *);

/* Written once in DllMain (loader lock held), read-only afterwards. */
static UINT64 unix_handle;
static unix_call_fn unix_call;

/* Every Wine from 8.0 to 11.x exports the dispatcher pointer its own DLLs call through. */
static unix_call_fn find_unix_call(HMODULE ntdll)
{
    unix_call_fn *dispatcher = (unix_call_fn *)(void *)GetProcAddress(ntdll, WINE_UNIX_CALL_DISPATCHER);

    if (dispatcher && *dispatcher) return *dispatcher;
    return (unix_call_fn)(void *)GetProcAddress(ntdll, WINE_UNIX_CALL_FUNCTION);
}

static BOOL find_unix_library(HINSTANCE self)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    query_memory_fn query = (query_memory_fn)(void *)GetProcAddress(ntdll, "NtQueryVirtualMemory");

    unix_call = find_unix_call(ntdll);
    if (!query || !unix_call) return FALSE;
    if (query(GetCurrentProcess(), self, WINE_MEMORY_UNIX_LIBRARY, &unix_handle,
              sizeof(unix_handle), NULL))
        unix_handle = 0;
    return unix_handle != 0;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
    {
        DisableThreadLibraryCalls(instance);
        find_unix_library(instance);
    }
    return TRUE;
}

BOOL WINAPI msgsock_host_available(void)
{
    return unix_handle != 0;
}

LONG WINAPI msgsock_host_call(unsigned int code, void *args)
{
    if (!unix_handle) return STATUS_NOT_SUPPORTED_;
    if (code >= host_call_count) return STATUS_INVALID_PARAMETER_;
    return unix_call(unix_handle, code, args);
}
