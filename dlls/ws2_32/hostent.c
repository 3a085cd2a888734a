/*
 * The Winsock 1 database functions: gethostbyname / gethostbyaddr (host
 * resolver), getservbyname / getservbyport and getprotobyname /
 * getprotobynumber (Windows' services and protocol files), gethostname /
 * GetHostNameW.  Results live in per-thread storage, one per kind, reused by
 * the next call of that kind on the same thread, as Windows documents.
 */
#include <string.h>

#include "resolve.h"
#include "ip_text.h"
#include "ip_rtl.h"

/*
 * Lays a structure and everything it points to out in one buffer.  Run once
 * with base NULL to measure, then again on a buffer of that size.
 */
struct packer
{
    char  *base;
    SIZE_T used;
};

static void *pack(struct packer *p, const void *data, SIZE_T len, SIZE_T align)
{
    char *ret;

    p->used = (p->used + align - 1) & ~(align - 1);
    ret = p->base ? p->base + p->used : NULL;
    if (ret && data) memcpy(ret, data, len);
    else if (ret) memset(ret, 0, len);
    p->used += len;
    return ret;
}

static char *pack_string(struct packer *p, const char *str)
{
    return pack(p, str, strlen(str) + 1, 1);
}

/* A NULL-terminated array of `count` copied strings. */
static char **pack_strings(struct packer *p, const char *const *strs, unsigned int count)
{
    char **array = pack(p, NULL, (count + 1) * sizeof(char *), sizeof(char *));
    unsigned int i;

    for (i = 0; i < count; i++)
    {
        char *str = pack_string(p, strs[i]);
        if (array) array[i] = str;
    }
    return array;
}

typedef void *(*fill_fn)(struct packer *p, const void *data);

/* Packs twice (measure, fill) into this thread's buffer for `slot`. */
static void *pack_into_slot(enum ws2_thread_slot slot, fill_fn fill, const void *data)
{
    struct packer p = { NULL, 0 };

    fill(&p, data);
    if (!(p.base = ws2_thread_buffer(slot, p.used)))
    {
        SetLastError(WSA_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    p.used = 0;
    return fill(&p, data);
}

/* --- hosts ----------------------------------------------------------------- */

struct host_data
{
    const char    *name;
    short          family;
    short          addr_len;
    unsigned int   count;
    const uint8_t *addrs;   /* count addresses of addr_len bytes */
};

static void *fill_hostent(struct packer *p, const void *ptr)
{
    const struct host_data *data = ptr;
    struct hostent *he = pack(p, NULL, sizeof(*he), sizeof(void *));
    char **list = pack(p, NULL, (data->count + 1) * sizeof(char *), sizeof(char *));
    char *name = pack_string(p, data->name);
    char **aliases = pack_strings(p, NULL, 0);
    unsigned int i;

    for (i = 0; i < data->count; i++)
    {
        char *addr = pack(p, data->addrs + i * data->addr_len, data->addr_len, 4);
        if (list) list[i] = addr;
    }
    if (!he) return NULL;
    he->h_name = name;
    he->h_aliases = aliases;
    he->h_addrtype = data->family;
    he->h_length = data->addr_len;
    he->h_addr_list = list;
    return he;
}

static struct hostent *store_hostent(const struct host_data *data)
{
    return pack_into_slot(WS2_SLOT_HOSTENT, fill_hostent, data);
}

static char *ansi_from_utf8(const char *utf8)
{
    BOOL ok = TRUE;
    WCHAR *wide = ws2_wide_from_cp(CP_UTF8, utf8, &ok);
    char *ret = ws2_cp_from_wide(CP_ACP, wide, &ok);

    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}

/* The IPv4 addresses of a name, from the host's resolver. */
static struct hostent *host_by_name(const char *name)
{
    struct ws2_lookup lookup;
    struct host_data data = { NULL, AF_INET, 4, 0, NULL };
    struct hostent *he = NULL;
    uint8_t *addrs;
    char *nameU, *canon = NULL;
    BOOL ok = TRUE;
    unsigned int i;
    int ret;

    WCHAR *nameW = ws2_wide_from_cp(CP_ACP, name, &ok);
    nameU = ws2_cp_from_wide(CP_UTF8, nameW, &ok);
    HeapFree(GetProcessHeap(), 0, nameW);
    if (!nameU) return SetLastError(WSA_NOT_ENOUGH_MEMORY), NULL;
    ret = ws2_host_lookup(nameU, 0, AI_CANONNAME, AF_INET, &lookup);
    HeapFree(GetProcessHeap(), 0, nameU);
    if (ret) return SetLastError(ret), NULL;
    if ((addrs = HeapAlloc(GetProcessHeap(), 0, lookup.count * 4)))
    {
        for (i = 0; i < lookup.count; i++)
            memcpy(addrs + 4 * i, &((SOCKADDR_IN *)lookup.entries[i].addr)->sin_addr, 4);
        canon = lookup.canon[0] ? ansi_from_utf8(lookup.canon) : NULL;
        data.name = canon ? canon : name;
        data.count = lookup.count;
        data.addrs = addrs;
        he = store_hostent(&data);
    }
    else SetLastError(WSA_NOT_ENOUGH_MEMORY);
    HeapFree(GetProcessHeap(), 0, canon);
    HeapFree(GetProcessHeap(), 0, addrs);
    ws2_lookup_free(&lookup);
    return he;
}

/* The machine's own name (`local`): Windows answers with its adapters' IPv4 addresses (loopback not
 * among them), as SIO_ADDRESS_LIST_QUERY lists them; NULL when it has none, or `name` is another host's. */
static struct hostent *own_host(const char *name, const char *local)
{
    struct host_data data = { name, AF_INET, 4, 0, NULL };
    char list_buf[4096];
    SOCKET_ADDRESS_LIST *list = (SOCKET_ADDRESS_LIST *)list_buf;
    uint8_t addrs[4 * 64];
    struct hostent *he = NULL;
    DWORD size = 0;
    SOCKET s;
    int i;

    if (lstrcmpiA(name, local)) return NULL;
    if ((s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)) == INVALID_SOCKET) return NULL;
    if (!WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, list, sizeof(list_buf), &size, NULL, NULL))
    {
        for (i = 0; i < list->iAddressCount && data.count < 64; i++)
            memcpy(addrs + 4 * data.count++, &((SOCKADDR_IN *)list->Address[i].lpSockaddr)->sin_addr, 4);
        data.addrs = addrs;
        if (data.count) he = store_hostent(&data);
    }
    closesocket(s);
    TRACE("%s: %u adapter addresses\n", name, data.count);
    return he;
}

struct hostent * WINAPI gethostbyname(const char *name)
{
    struct host_data data = { name, AF_INET, 4, 1, NULL };
    BOOL local_known = FALSE;
    struct hostent *he;
    char local[256];
    uint8_t addr[16];
    const char *end;

    TRACE("%s\n", name);
    if (!ws2_check_started()) return NULL;
    /* "If the name parameter points to an empty string or name is NULL", the local host */
    if (!name || !name[0])
    {
        if (gethostname(local, sizeof(local))) return NULL;
        name = local;
        local_known = TRUE;
    }
    /* "a string representation of a legal IPv4 address" comes back as that address */
    if (ip4_parse_loose(name, &end, addr) && !*end)
    {
        data.name = name;
        data.addrs = addr;
        return store_hostent(&data);
    }
    /* "an IPv6 address or an illegal IPv4 address": WSAHOST_NOT_FOUND */
    if (!RtlIpv6StringToAddressA(name, &end, (IN6_ADDR *)addr) && !*end)
        return SetLastError(WSAHOST_NOT_FOUND), NULL;
    if ((local_known || !gethostname(local, sizeof(local))) && (he = own_host(name, local))) return he;
    return host_by_name(name);
}

/* The name the host's resolver knows for an address ("name required"). */
static int name_of_address(const char *addr, int type, char *name)
{
    SOCKADDR_IN6 sin6 = { 0 };
    SOCKADDR_IN sin = { 0 };

    if (type == AF_INET)
    {
        sin.sin_family = AF_INET;
        memcpy(&sin.sin_addr, addr, 4);
        return ws2_host_name_of(&sin, sizeof(sin), NI_NAMEREQD, name, NI_MAXHOST);
    }
    sin6.sin6_family = AF_INET6;
    memcpy(&sin6.sin6_addr, addr, 16);
    return ws2_host_name_of(&sin6, sizeof(sin6), NI_NAMEREQD, name, NI_MAXHOST);
}

struct hostent * WINAPI gethostbyaddr(const char *addr, int len, int type)
{
    struct host_data data = { NULL, type, 4, 1, (const uint8_t *)addr };
    char name[NI_MAXHOST], *nameA;
    struct hostent *he;
    int ret;

    TRACE("%p %d %d\n", addr, len, type);
    if (!ws2_check_started()) return NULL;
    if (type != AF_INET && type != AF_INET6) return SetLastError(WSAEAFNOSUPPORT), NULL;
    if (type == AF_INET6) data.addr_len = 16;
    /* "not a valid part of the user address space, or the len parameter is too small" */
    if (!addr || len < data.addr_len) return SetLastError(WSAEFAULT), NULL;
    if ((ret = name_of_address(addr, type, name))) return SetLastError(ret), NULL;
    if (!(nameA = ansi_from_utf8(name))) return SetLastError(WSA_NOT_ENOUGH_MEMORY), NULL;
    data.name = nameA;
    he = store_hostent(&data);
    HeapFree(GetProcessHeap(), 0, nameA);
    return he;
}

/* The host name in the caller's character set; too small a buffer gives WSAEFAULT. */
static int get_host_name(BOOL wide, void *name, int namelen)
{
    char utf8[256];
    unsigned int len;
    int ret;

    if (!ws2_check_started()) return SOCKET_ERROR;
    /* "a NULL pointer ... or the buffer size ... too small to hold the complete host name" */
    if (!name || namelen <= 0) return ws2_fail(WSAEFAULT);
    if ((ret = ws2_host_name(utf8, sizeof(utf8), &len))) return ws2_fail(ret);
    if (wide)
    {
        /* measured first: a buffer too small is left as it was */
        ret = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
        ret = ret > 0 && ret <= namelen && MultiByteToWideChar(CP_UTF8, 0, utf8, -1, name, namelen);
    }
    else
    {
        char *ansi = ansi_from_utf8(utf8);
        ret = ansi && strlen(ansi) < (size_t)namelen;
        if (ret) strcpy(name, ansi);
        HeapFree(GetProcessHeap(), 0, ansi);
    }
    return ret > 0 ? 0 : ws2_fail(WSAEFAULT);
}

int WINAPI gethostname(char *name, int namelen)
{
    TRACE("%p %d\n", name, namelen);
    return get_host_name(FALSE, name, namelen);
}

int WINAPI GetHostNameW(WCHAR *name, int namelen)
{
    TRACE("%p %d\n", name, namelen);
    return get_host_name(TRUE, name, namelen);
}

/* --- services and protocols ---------------------------------------------------- */

static void *fill_servent(struct packer *p, const void *ptr)
{
    const struct ws2_netdb_entry *entry = ptr;
    struct servent *se = pack(p, NULL, sizeof(*se), sizeof(void *));
    char *name = pack_string(p, entry->name), *proto = pack_string(p, entry->proto);
    char **aliases = pack_strings(p, entry->aliases, entry->alias_count);

    if (!se) return NULL;
    se->s_name = name;
    se->s_aliases = aliases;
    se->s_port = htons(entry->number);
    se->s_proto = proto;
    return se;
}

static void *fill_protoent(struct packer *p, const void *ptr)
{
    const struct ws2_netdb_entry *entry = ptr;
    struct protoent *pe = pack(p, NULL, sizeof(*pe), sizeof(void *));
    char *name = pack_string(p, entry->name);
    char **aliases = pack_strings(p, entry->aliases, entry->alias_count);

    if (!pe) return NULL;
    pe->p_name = name;
    pe->p_aliases = aliases;
    pe->p_proto = entry->number;
    return pe;
}

/* "Valid name, no data record of requested type" when the file has no such line. */
static struct servent *store_servent(BOOL found, const struct ws2_netdb_entry *entry)
{
    if (!found) return SetLastError(WSANO_DATA), NULL;
    return pack_into_slot(WS2_SLOT_SERVENT, fill_servent, entry);
}

static struct protoent *store_protoent(BOOL found, const struct ws2_netdb_entry *entry)
{
    if (!found) return SetLastError(WSANO_DATA), NULL;
    return pack_into_slot(WS2_SLOT_PROTOENT, fill_protoent, entry);
}

struct servent * WINAPI getservbyname(const char *name, const char *proto)
{
    struct ws2_netdb_entry entry;

    TRACE("%s %s\n", name, proto);
    if (!ws2_check_started()) return NULL;
    if (!name) return SetLastError(WSAEFAULT), NULL;
    return store_servent(ws2_find_service(name, -1, proto, &entry), &entry);
}

struct servent * WINAPI getservbyport(int port, const char *proto)
{
    struct ws2_netdb_entry entry;

    TRACE("%d %s\n", port, proto);
    if (!ws2_check_started()) return NULL;
    /* "port: For a service, the port number in network byte order" */
    return store_servent(ws2_find_service(NULL, ntohs((u_short)port), proto, &entry), &entry);
}

struct protoent * WINAPI getprotobyname(const char *name)
{
    struct ws2_netdb_entry entry;

    TRACE("%s\n", name);
    if (!ws2_check_started()) return NULL;
    if (!name) return SetLastError(WSAEFAULT), NULL;
    return store_protoent(ws2_find_protocol(name, -1, &entry), &entry);
}

struct protoent * WINAPI getprotobynumber(int number)
{
    struct ws2_netdb_entry entry;

    TRACE("%d\n", number);
    if (!ws2_check_started()) return NULL;
    return store_protoent(ws2_find_protocol(NULL, number, &entry), &entry);
}

/* --- copies into a caller's buffer (the WSAAsyncGet* family) -------------------- */

static unsigned int count_strings(char **strs)
{
    unsigned int n = 0;

    while (strs && strs[n]) n++;
    return n;
}

/* A copy of a NULL-terminated alias list. */
static char **pack_aliases(struct packer *p, char **aliases)
{
    return pack_strings(p, (const char *const *)aliases, count_strings(aliases));
}

static void *copy_hostent(struct packer *p, const void *ptr)
{
    const struct hostent *src = ptr;
    unsigned int i, count = count_strings(src->h_addr_list);
    struct hostent *he = pack(p, NULL, sizeof(*he), sizeof(void *));
    char **list = pack(p, NULL, (count + 1) * sizeof(char *), sizeof(char *));
    char *name = pack_string(p, src->h_name);
    char **aliases = pack_aliases(p, src->h_aliases);

    for (i = 0; i < count; i++)
    {
        char *addr = pack(p, src->h_addr_list[i], src->h_length, 4);
        if (list) list[i] = addr;
    }
    if (!he) return NULL;
    *he = *src;
    he->h_name = name;
    he->h_aliases = aliases;
    he->h_addr_list = list;
    return he;
}

static void *copy_servent(struct packer *p, const void *ptr)
{
    const struct servent *src = ptr;
    struct servent *se = pack(p, NULL, sizeof(*se), sizeof(void *));
    char *name = pack_string(p, src->s_name), *proto = pack_string(p, src->s_proto);
    char **aliases = pack_aliases(p, src->s_aliases);

    if (!se) return NULL;
    *se = *src;
    se->s_name = name;
    se->s_aliases = aliases;
    se->s_proto = proto;
    return se;
}

static void *copy_protoent(struct packer *p, const void *ptr)
{
    const struct protoent *src = ptr;
    struct protoent *pe = pack(p, NULL, sizeof(*pe), sizeof(void *));
    char *name = pack_string(p, src->p_name);
    char **aliases = pack_aliases(p, src->p_aliases);

    if (!pe) return NULL;
    *pe = *src;
    pe->p_name = name;
    pe->p_aliases = aliases;
    return pe;
}

/* Lays `entry` (a hostent, servent or protoent) out in buf when it fits; returns the size it needs. */
SIZE_T ws2_copy_db_entry(enum ws2_db_kind kind, const void *entry, char *buf, SIZE_T len)
{
    static const fill_fn copies[] = { copy_hostent, copy_servent, copy_protoent };
    struct packer p = { NULL, 0 };

    copies[kind](&p, entry);
    if (!buf || p.used > len) return p.used;
    p.base = buf;
    p.used = 0;
    copies[kind](&p, entry);
    return p.used;
}
