/*
 * The name space catalog: WSAEnumNameSpaceProvidersA/W list the one name
 * space msgsock answers (NS_DNS, through the host's resolver), and the
 * WSALookupService* functions keep lookups.  A query without a service class
 * (the network list NLA gives on Windows) finds nothing; one with a service
 * class is not answered yet (README, gaps).
 */
#include <stdlib.h>

#include "ws2_32_private.h"

struct name_space
{
    GUID        id;
    DWORD       name_space;
    DWORD       version;
    const char *identifier;   /* ASCII */
};

/* The identifier and GUID of Windows' own DNS name space provider. */
static const struct name_space name_spaces[] =
{
    { { 0x22059d40, 0x7e9e, 0x11cf, { 0xae, 0x5a, 0x00, 0xaa, 0x00, 0xa7, 0x11, 0x2b } }, NS_DNS, 1,
      "Tcpip" },
};

/* WSANAMESPACE_INFOA and WSANAMESPACE_INFOW differ only in lpszIdentifier's character type. */
_Static_assert(sizeof(WSANAMESPACE_INFOA) == sizeof(WSANAMESPACE_INFOW), "layout");

static SIZE_T name_spaces_size(BOOL wide)
{
    SIZE_T size = sizeof(name_spaces) / sizeof(name_spaces[0]) * sizeof(WSANAMESPACE_INFOW);
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(name_spaces); i++)
        size += (strlen(name_spaces[i].identifier) + 1) * (wide ? sizeof(WCHAR) : 1);
    return size;
}

/* "Variable sized information referenced by pointers in the structures point to locations
   within the buffer located between the end of the fixed sized structures and the end of the
   buffer." */
static void fill_name_spaces(WSANAMESPACE_INFOW *out, BOOL wide)
{
    char *strings = (char *)(out + ARRAYSIZE(name_spaces));
    unsigned int i, j, len;

    for (i = 0; i < ARRAYSIZE(name_spaces); i++)
    {
        const struct name_space *ns = &name_spaces[i];

        out[i].NSProviderId = ns->id;
        out[i].dwNameSpace = ns->name_space;
        out[i].fActive = TRUE;
        out[i].dwVersion = ns->version;
        out[i].lpszIdentifier = (WCHAR *)strings;
        len = strlen(ns->identifier) + 1;
        for (j = 0; j < len; j++)
        {
            if (wide) ((WCHAR *)strings)[j] = ns->identifier[j];
            else strings[j] = ns->identifier[j];
        }
        strings += len * (wide ? sizeof(WCHAR) : 1);
    }
}

static INT enum_name_spaces(DWORD *len, void *buffer, BOOL wide)
{
    SIZE_T needed = name_spaces_size(wide);

    TRACE("%p %p %d\n", len, buffer, wide);
    if (!ws2_check_started()) return SOCKET_ERROR;
    if (!len || !msgsock_writable(len, sizeof(*len))) return ws2_fail(WSAEFAULT);
    /* WSAEFAULT: "The lpnspBuffer parameter was a NULL pointer or the buffer length ... was too
       small"; "When this error is returned, the buffer length required is returned" */
    if (!buffer || *len < needed || !msgsock_writable(buffer, needed))
    {
        *len = needed;
        return ws2_fail(WSAEFAULT);
    }
    fill_name_spaces(buffer, wide);
    /* "returns the number of WSANAMESPACE_INFO structures copied into lpnspBuffer" */
    return ARRAYSIZE(name_spaces);
}

INT WINAPI WSAEnumNameSpaceProvidersW(DWORD *len, WSANAMESPACE_INFOW *buffer)
{
    return enum_name_spaces(len, buffer, TRUE);
}

INT WINAPI WSAEnumNameSpaceProvidersA(DWORD *len, WSANAMESPACE_INFOA *buffer)
{
    return enum_name_spaces(len, buffer, FALSE);
}

/* --- WSALookupService* ----------------------------------------------------------- */

/* The live lookup handles: ids, never pointers, so a stale one is told apart. */
static SRWLOCK lookups_lock = SRWLOCK_INIT;
static ULONG_PTR *lookups;
static unsigned int lookups_count, lookups_size;
static ULONG_PTR last_lookup;

static int add_lookup(HANDLE *handle)
{
    ULONG_PTR *grown;
    int ret = 0;

    AcquireSRWLockExclusive(&lookups_lock);
    if (lookups_count == lookups_size)
    {
        if ((grown = realloc(lookups, (lookups_size * 2 + 4) * sizeof(*lookups))))
        {
            lookups = grown;
            lookups_size = lookups_size * 2 + 4;
        }
    }
    if (lookups_count < lookups_size)
    {
        lookups[lookups_count++] = ++last_lookup;
        *handle = (HANDLE)last_lookup;
    }
    else ret = WSA_NOT_ENOUGH_MEMORY;
    ReleaseSRWLockExclusive(&lookups_lock);
    return ret;
}

/* TRUE if the handle is live; `end` also retires it. */
static BOOL find_lookup(HANDLE handle, BOOL end)
{
    unsigned int i;
    BOOL found = FALSE;

    AcquireSRWLockExclusive(&lookups_lock);
    for (i = 0; i < lookups_count && !found; i++)
    {
        if (lookups[i] != (ULONG_PTR)handle) continue;
        found = TRUE;
        if (end) lookups[i] = lookups[--lookups_count];
    }
    ReleaseSRWLockExclusive(&lookups_lock);
    return found;
}

/* WSAQUERYSETA and WSAQUERYSETW share their layout up to the strings' character type. */
static INT lookup_begin(const WSAQUERYSETW *query, DWORD query_size, DWORD flags, HANDLE *handle)
{
    int ret;

    TRACE("%p %#lx %p\n", query, flags, handle);
    if (!ws2_check_started()) return SOCKET_ERROR;
    /* WSAEFAULT: "The lpqsRestrictions parameter ... was not in a valid part of the user address
       space" (a NULL lphLookup too, as Windows) */
    if (!query || !msgsock_readable(query, sizeof(DWORD)) || !handle ||
        !msgsock_writable(handle, sizeof(*handle)))
        return ws2_fail(WSAEFAULT);
    /* WSAEINVAL: "One or more required parameters were invalid or missing." */
    if (query->dwSize < query_size || !msgsock_readable(query, query_size)) return ws2_fail(WSAEINVAL);
    /* no name space msgsock knows answers a service class yet */
    if (query->lpServiceClassId) return ws2_fail(WSAEOPNOTSUPP);
    if ((ret = add_lookup(handle))) return ws2_fail(ret);
    return 0;
}

INT WINAPI WSALookupServiceBeginW(WSAQUERYSETW *query, DWORD flags, HANDLE *handle)
{
    return lookup_begin(query, sizeof(WSAQUERYSETW), flags, handle);
}

INT WINAPI WSALookupServiceBeginA(WSAQUERYSETA *query, DWORD flags, HANDLE *handle)
{
    return lookup_begin((const WSAQUERYSETW *)query, sizeof(WSAQUERYSETA), flags, handle);
}

static INT lookup_next(HANDLE handle, DWORD flags, DWORD *len, void *results)
{
    TRACE("%p %#lx %p %p\n", handle, flags, len, results);
    if (!ws2_check_started()) return SOCKET_ERROR;
    /* WSA_INVALID_HANDLE: "The specified Lookup handle is invalid." */
    if (!find_lookup(handle, FALSE)) return ws2_fail(WSA_INVALID_HANDLE);
    if (!len || !msgsock_readable(len, sizeof(*len))) return ws2_fail(WSAEFAULT);
    /* WSA_E_NO_MORE: "There is no more data available." (a query without class finds nothing) */
    return ws2_fail(WSA_E_NO_MORE);
}

INT WINAPI WSALookupServiceNextW(HANDLE handle, DWORD flags, DWORD *len, WSAQUERYSETW *results)
{
    return lookup_next(handle, flags, len, results);
}

INT WINAPI WSALookupServiceNextA(HANDLE handle, DWORD flags, DWORD *len, WSAQUERYSETA *results)
{
    return lookup_next(handle, flags, len, results);
}

INT WINAPI WSALookupServiceEnd(HANDLE handle)
{
    TRACE("%p\n", handle);
    if (!ws2_check_started()) return SOCKET_ERROR;
    /* WSA_INVALID_HANDLE: "The handle is not valid." */
    if (!find_lookup(handle, TRUE)) return ws2_fail(WSA_INVALID_HANDLE);
    return 0;
}
