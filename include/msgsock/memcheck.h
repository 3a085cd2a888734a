/* "Is this range valid user memory?" for the WSAEFAULT checks Winsock documents. */
#ifndef MSGSOCK_MEMCHECK_H
#define MSGSOCK_MEMCHECK_H

#include <windows.h>

BOOL msgsock_readable(const void *ptr, SIZE_T size);
BOOL msgsock_writable(void *ptr, SIZE_T size);

/*
 * The last region found good while checking one call's arguments (zero it
 * first), so that pointers into the same heap block cost one VirtualQuery.
 * Never keep it beyond the call: memory may be freed between calls.
 */
struct memcheck_memo
{
    const char *start, *end;
    DWORD protect;
};

BOOL msgsock_readable_memo(struct memcheck_memo *memo, const void *ptr, SIZE_T size);
BOOL msgsock_writable_memo(struct memcheck_memo *memo, void *ptr, SIZE_T size);

#endif
