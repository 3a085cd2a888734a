/*
 * Name resolution with the host's resolver: getaddrinfo / getnameinfo /
 * gethostname as the host sees them (/etc/hosts, DNS).  Results go back in
 * Win32 layout; errors as Win32 codes.  Blocking on DNS is accepted here.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "ws_resolve.h"
#include "host_resolve.h"

/* Copies a NUL-terminated string, truncating it to the room there is. */
static void copy_string(char *dst, uint32_t cap, const char *src)
{
    size_t len;

    if (!dst || !cap) return;
    len = strnlen(src, cap - 1);
    memcpy(dst, src, len);
    dst[len] = 0;
}

/* The same address twice (a name listed twice in /etc/hosts) is reported once. */
static int seen_before(const struct host_addrinfo_entry *entries, uint32_t count,
                       const struct host_addrinfo_entry *entry)
{
    uint32_t i;

    for (i = 0; i < count; i++)
        if (entries[i].addr_len == entry->addr_len &&
            !memcmp(entries[i].addr, entry->addr, entry->addr_len)) return 1;
    return 0;
}

static void store_results(struct host_getaddrinfo_params *params, const struct addrinfo *list)
{
    struct host_addrinfo_entry entry;
    const struct addrinfo *ai;
    int len;

    params->entry_count = 0;
    for (ai = list; ai; ai = ai->ai_next)
    {
        memset(&entry, 0, sizeof(entry));
        len = sizeof(entry.addr);
        if (ws_sockaddr_from_host(ai->ai_addr, ai->ai_addrlen, entry.addr, &len)) continue;
        entry.addr_len = len;
        entry.family = ai->ai_family == AF_INET6 ? WS_AF_INET6 : WS_AF_INET;
        if (params->entries && params->entry_count < params->entry_cap)
        {
            if (seen_before(params->entries, params->entry_count, &entry)) continue;
            params->entries[params->entry_count] = entry;
        }
        params->entry_count++;
    }
    if (list && list->ai_canonname) copy_string(params->canon, params->canon_cap, list->ai_canonname);
}

int32_t host_getaddrinfo(void *args)
{
    struct host_getaddrinfo_params *params = args;
    struct addrinfo hints, *list = NULL;
    char port[8];
    int family = ws_family_to_host(params->family), ret;

    params->entry_count = 0;
    if (params->canon && params->canon_cap) params->canon[0] = 0;
    if (family < 0)
    {
        params->error = WS_WSAEAFNOSUPPORT;
        return 0;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family;
    /* one socket type gives one entry per address; the PE side sets the caller's */
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = ws_ai_flags_to_host(params->flags) | AI_NUMERICSERV;
    snprintf(port, sizeof(port), "%u", params->port & 0xffff);

    ret = getaddrinfo(params->node, port, &hints, &list);
    params->error = ws_eai_to_wsa(ret);
    if (ret) return 0;
    store_results(params, list);
    freeaddrinfo(list);
    if (!params->entry_count) params->error = WS_WSANO_DATA;
    return 0;
}

int32_t host_getnameinfo(void *args)
{
    struct host_getnameinfo_params *params = args;
    struct sockaddr_storage addr;
    uint32_t addr_len = sizeof(addr);
    int ret;

    if (!params->host || !params->host_cap)
    {
        params->error = WS_WSAEFAULT;
        return 0;
    }
    params->host[0] = 0;
    if ((params->error = ws_sockaddr_to_host(params->addr, params->addr_len, &addr, &addr_len)))
        return 0;
    ret = getnameinfo((struct sockaddr *)&addr, addr_len, params->host,
                      params->host_cap > INT_MAX ? INT_MAX : params->host_cap, NULL, 0,
                      ws_ni_flags_to_host(params->flags));
    params->error = ws_eai_to_wsa(ret);
    return 0;
}

int32_t host_gethostname(void *args)
{
    struct host_gethostname_params *params = args;
    char name[HOST_NAME_MAX + 1];

    if (gethostname(name, sizeof(name))) name[0] = 0;
    name[sizeof(name) - 1] = 0;
    params->len = strlen(name);
    if (!params->name || params->size <= params->len)
    {
        params->error = WS_WSAEFAULT;
        return 0;
    }
    memcpy(params->name, name, params->len + 1);
    params->error = 0;
    return 0;
}
