/*
 * Memory range checks for WSAEFAULT: every page of the range must be
 * committed with the needed access.  Asks the kernel (VirtualQuery), so a
 * bad pointer is reported, never touched.
 */
#include "msgsock/memcheck.h"

#define READ_ACCESS  (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | \
                      PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITE_ACCESS (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)

static BOOL range_has_access(const void *ptr, SIZE_T size, DWORD access)
{
    const char *p = ptr, *end;
    MEMORY_BASIC_INFORMATION info;

    if (!size) return TRUE;
    if (!ptr) return FALSE;
    end = p + size;
    if (end < p) return FALSE;
    while (p < end)
    {
        if (!VirtualQuery(p, &info, sizeof(info))) return FALSE;
        if (info.State != MEM_COMMIT || !(info.Protect & access) || (info.Protect & PAGE_GUARD))
            return FALSE;
        p = (const char *)info.BaseAddress + info.RegionSize;
    }
    return TRUE;
}

BOOL msgsock_readable(const void *ptr, SIZE_T size)
{
    return range_has_access(ptr, size, READ_ACCESS);
}

BOOL msgsock_writable(void *ptr, SIZE_T size)
{
    return range_has_access(ptr, size, WRITE_ACCESS);
}
