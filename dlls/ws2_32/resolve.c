/* ws2_32's side of the helper's resolver calls, and the string conversions around them. */
#include "resolve.h"
#include "msgsock/host.h"

/* Room for the usual answer; a longer one is asked for again with the size reported. */
#define LOOKUP_FIRST_ROOM 16

static int call_failed(LONG status)
{
    WARN("host call failed: status %#lx\n", status);
    return WSANO_RECOVERY;
}

int ws2_host_lookup(const char *node, unsigned int port, int flags, int family,
                    struct ws2_lookup *out)
{
    struct host_getaddrinfo_params params;
    unsigned int room = LOOKUP_FIRST_ROOM;
    LONG status;

    memset(out, 0, sizeof(*out));
    for (;;)
    {
        out->entries = HeapAlloc(GetProcessHeap(), 0, room * sizeof(*out->entries));
        if (!out->entries) return WSA_NOT_ENOUGH_MEMORY;
        memset(&params, 0, sizeof(params));
        params.node = node;
        params.port = port;
        params.flags = flags;
        params.family = family;
        params.entries = out->entries;
        params.entry_cap = room;
        params.canon = out->canon;
        params.canon_cap = sizeof(out->canon);
        if ((status = msgsock_host_call(host_call_getaddrinfo, &params))) break;
        if (params.error || params.entry_count <= room) break;
        /* more addresses than room: ask again with room for all of them */
        room = params.entry_count;
        HeapFree(GetProcessHeap(), 0, out->entries);
    }
    if (status || params.error)
    {
        ws2_lookup_free(out);
        return status ? call_failed(status) : params.error;
    }
    out->count = params.entry_count;
    TRACE("%s port %u flags %#x family %d: %u addresses\n", node, port, flags, family, out->count);
    return 0;
}

void ws2_lookup_free(struct ws2_lookup *lookup)
{
    HeapFree(GetProcessHeap(), 0, lookup->entries);
    lookup->entries = NULL;
    lookup->count = 0;
}

int ws2_host_name(char *buf, unsigned int size, unsigned int *len)
{
    struct host_gethostname_params params;
    LONG status;

    memset(&params, 0, sizeof(params));
    params.name = buf;
    params.size = size;
    if ((status = msgsock_host_call(host_call_gethostname, &params))) return call_failed(status);
    *len = params.len;
    return params.error;
}

int ws2_host_name_of(const void *addr, int addr_len, int flags, char *host, unsigned int cap)
{
    struct host_getnameinfo_params params;
    LONG status;

    memset(&params, 0, sizeof(params));
    params.addr = addr;
    params.addr_len = addr_len;
    params.flags = flags;
    params.host = host;
    params.host_cap = cap;
    if ((status = msgsock_host_call(host_call_getnameinfo, &params))) return call_failed(status);
    return params.error;
}

WCHAR *ws2_wide_from_cp(UINT cp, const char *str, BOOL *ok)
{
    WCHAR *ret;
    int len;

    if (!str) return NULL;
    len = MultiByteToWideChar(cp, 0, str, -1, NULL, 0);
    if (len <= 0 || !(ret = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR))))
    {
        *ok = FALSE;
        return NULL;
    }
    MultiByteToWideChar(cp, 0, str, -1, ret, len);
    return ret;
}

char *ws2_cp_from_wide(UINT cp, const WCHAR *str, BOOL *ok)
{
    char *ret;
    int len;

    if (!str) return NULL;
    len = WideCharToMultiByte(cp, 0, str, -1, NULL, 0, NULL, NULL);
    if (len <= 0 || !(ret = HeapAlloc(GetProcessHeap(), 0, len)))
    {
        *ok = FALSE;
        return NULL;
    }
    WideCharToMultiByte(cp, 0, str, -1, ret, len, NULL, NULL);
    return ret;
}
