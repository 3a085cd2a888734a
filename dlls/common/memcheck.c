/*
 * Memory range checks for WSAEFAULT: every page of the range must be
 * committed with the needed access.  Asks the kernel (VirtualQuery), so a
 * bad pointer is reported, never touched; the caller's own stack is known good.
 */
#include "msgsock/memcheck.h"

#define READ_ACCESS  (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | \
                      PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITE_ACCESS (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)

/*
 * The fast path, no system call: the part of this thread's stack from our own
 * frame up to its base is committed read-write memory (the callers' frames).
 * Most WSAMSG / WSABUF / byte-count pointers point there.
 */
static BOOL on_callers_stack(const char *p, SIZE_T size)
{
    const char *here = __builtin_frame_address(0), *base;
    ULONG_PTR low, high;

    GetCurrentThreadStackLimits(&low, &high);
    base = (const char *)high;
    /* Not on the thread's own stack (a fiber or a private stack): ask the kernel. */
    if (here < (const char *)low || here >= base) return FALSE;
    return p >= here && p < base && size <= (SIZE_T)(base - p);
}

/* The part of [p, end) that a region checked earlier in this call already covers. */
static const char *skip_known(const struct memcheck_memo *memo, const char *p, DWORD access)
{
    if (memo && memo->end && p >= memo->start && p < memo->end && (memo->protect & access)) return memo->end;
    return p;
}

static BOOL range_has_access(struct memcheck_memo *memo, const void *ptr, SIZE_T size, DWORD access)
{
    const char *p = ptr, *end;
    MEMORY_BASIC_INFORMATION info;

    if (!size) return TRUE;
    if (!ptr) return FALSE;
    if (on_callers_stack(p, size)) return TRUE;
    end = p + size;
    if (end < p) return FALSE;
    while ((p = skip_known(memo, p, access)) < end)
    {
        if (!VirtualQuery(p, &info, sizeof(info))) return FALSE;
        if (info.State != MEM_COMMIT || !(info.Protect & access) || (info.Protect & PAGE_GUARD))
            return FALSE;
        p = (const char *)info.BaseAddress + info.RegionSize;
        if (memo)
        {
            memo->start = info.BaseAddress;
            memo->end = p;
            memo->protect = info.Protect;
        }
    }
    return TRUE;
}

BOOL msgsock_readable(const void *ptr, SIZE_T size)
{
    return range_has_access(NULL, ptr, size, READ_ACCESS);
}

BOOL msgsock_writable(void *ptr, SIZE_T size)
{
    return range_has_access(NULL, ptr, size, WRITE_ACCESS);
}

BOOL msgsock_readable_memo(struct memcheck_memo *memo, const void *ptr, SIZE_T size)
{
    return range_has_access(memo, ptr, size, READ_ACCESS);
}

BOOL msgsock_writable_memo(struct memcheck_memo *memo, void *ptr, SIZE_T size)
{
    return range_has_access(memo, ptr, size, WRITE_ACCESS);
}
