/*
 * getaddrinfo, GetAddrInfoW, GetAddrInfoExA / GetAddrInfoExW (synchronous
 * part) and their free functions.  Host names go to the host's resolver
 * through the helper; service names come from the Windows services file.
 * Each list entry is one heap block: the addrinfo, its address and, for the
 * first entry, the canonical name.
 */
#include <stddef.h>
#include <string.h>

#include "resolve.h"
#include "ip_text.h"

/* Every AI_* flag Windows documents for hints. */
#define KNOWN_AI_FLAGS (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_NUMERICSERV | AI_ALL | \
                        AI_ADDRCONFIG | AI_V4MAPPED | AI_NON_AUTHORITATIVE | AI_SECURE | \
                        AI_RETURN_PREFERRED_NAMES | AI_FQDN | AI_FILESERVER | AI_DISABLE_IDN_ENCODING)

/* ADDRINFO[AW] and ADDRINFOEX[AW] share everything up to ai_addr: one filler serves all. */
_Static_assert(offsetof(ADDRINFOEXW, ai_addr) == offsetof(ADDRINFOW, ai_addr), "layout");
_Static_assert(offsetof(ADDRINFOEXA, ai_canonname) == offsetof(ADDRINFOA, ai_canonname), "layout");

#define ALIGN_UP(x) (((x) + 7) & ~(size_t)7)

static BOOL kind_is_ex(enum ws2_ai_kind kind)
{
    return kind == WS2_AI_EXA || kind == WS2_AI_EXW;
}

static BOOL kind_is_wide(enum ws2_ai_kind kind)
{
    return kind == WS2_AI_W || kind == WS2_AI_EXW;
}

static void **next_field(void *entry, BOOL ex)
{
    return ex ? (void **)&((ADDRINFOEXW *)entry)->ai_next : (void **)&((ADDRINFOW *)entry)->ai_next;
}

void ws2_free_addrinfo_list(void *list, BOOL ex)
{
    void *next;

    for (; list; list = next)
    {
        next = *next_field(list, ex);
        HeapFree(GetProcessHeap(), 0, list);
    }
}

int ws2_read_hints(const void *hints, BOOL ex, struct ws2_ai_hints *out)
{
    const ADDRINFOW *h = hints;
    BOOL reserved;

    memset(out, 0, sizeof(*out));
    if (!hints) return 0;
    out->flags = h->ai_flags;
    out->family = h->ai_family;
    out->socktype = h->ai_socktype;
    out->protocol = h->ai_protocol;
    reserved = h->ai_addrlen || h->ai_canonname || h->ai_addr || *next_field((void *)hints, ex);
    /* "must be zero or NULL. Otherwise the function will fail with WSANO_RECOVERY" */
    return reserved ? WSANO_RECOVERY : 0;
}

/* What can be told wrong before any lookup (GetAddrInfoExW's asynchronous form fails at once). */
int ws2_check_request(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints)
{
    /* "or the pNodeName and pServiceName parameters were not provided": EAI_NONAME */
    if (!node && !service) return WSAHOST_NOT_FOUND;
    if (hints->flags & ~KNOWN_AI_FLAGS) return WSAEINVAL;
    if ((hints->flags & AI_CANONNAME) && (hints->flags & AI_FQDN)) return WSAEINVAL;
    if ((hints->flags & (AI_CANONNAME | AI_FQDN)) && !node) return WSAEINVAL;
    if (hints->family != AF_UNSPEC && hints->family != AF_INET && hints->family != AF_INET6)
        return WSAEAFNOSUPPORT;
    if (hints->socktype < 0 || hints->socktype > SOCK_SEQPACKET) return WSAESOCKTNOSUPPORT;
    return 0;
}

/* The services file's protocol column for these hints, NULL for any. */
static const char *service_proto(const struct ws2_ai_hints *hints)
{
    if (hints->socktype == SOCK_STREAM || (!hints->socktype && hints->protocol == IPPROTO_TCP))
        return "tcp";
    if (hints->socktype == SOCK_DGRAM || (!hints->socktype && hints->protocol == IPPROTO_UDP))
        return "udp";
    return NULL;
}

static int service_port(const WCHAR *service, const struct ws2_ai_hints *hints, unsigned int *port)
{
    struct ws2_netdb_entry entry;
    const char *end;
    uint16_t number;
    BOOL ok = TRUE;
    char *name;
    int ret = 0;

    *port = 0;
    /* An empty service is no service at all, as Windows reads it (port 0). */
    if (!service || !*service) return 0;
    if (!(name = ws2_cp_from_wide(CP_ACP, service, &ok))) return WSA_NOT_ENOUGH_MEMORY;
    if (port_parse(name, &end, &number) && !*end) *port = number;
    else if (hints->flags & AI_NUMERICSERV) ret = WSAHOST_NOT_FOUND;
    else if (ws2_find_service(name, -1, service_proto(hints), &entry)) *port = entry.number;
    else ret = WSATYPE_NOT_FOUND;
    HeapFree(GetProcessHeap(), 0, name);
    return ret;
}

static BOOL has_non_ascii(const WCHAR *str)
{
    for (; *str; str++) if (*str >= 0x80) return TRUE;
    return FALSE;
}

/* Punycode for an internationalized name, as GetAddrInfoW does by default. */
static WCHAR *idn_encode(const WCHAR *node)
{
    WCHAR *ret;
    int len = IdnToAscii(0, node, -1, NULL, 0);

    if (len <= 0 || !(ret = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) return NULL;
    if (IdnToAscii(0, node, -1, ret, len) > 0) return ret;
    HeapFree(GetProcessHeap(), 0, ret);
    return NULL;
}

/* "" and "..localmachine" name this computer: its host name is resolved instead. */
static int local_machine_node(char **out)
{
    unsigned int len;
    char name[256];
    int ret;

    if ((ret = ws2_host_name(name, sizeof(name), &len))) return ret;
    if (!(*out = HeapAlloc(GetProcessHeap(), 0, len + 1))) return WSA_NOT_ENOUGH_MEMORY;
    memcpy(*out, name, len + 1);
    return 0;
}

static int node_to_utf8(const WCHAR *node, BOOL idn, int flags, char **out)
{
    WCHAR *encoded = NULL;
    BOOL ok = TRUE;

    *out = NULL;
    if (!node) return 0;
    if (!node[0] || !wcsicmp(node, L"..localmachine")) return local_machine_node(out);
    if (idn && !(flags & AI_DISABLE_IDN_ENCODING) && has_non_ascii(node))
    {
        if (!(encoded = idn_encode(node))) return WSAHOST_NOT_FOUND;
        node = encoded;
    }
    *out = ws2_cp_from_wide(CP_UTF8, node, &ok);
    HeapFree(GetProcessHeap(), 0, encoded);
    return ok ? 0 : WSA_NOT_ENOUGH_MEMORY;
}

/* The canonical name in the list's character set, or NULL; *bytes is its size. */
static void *convert_canon(const char *canon, BOOL wide, SIZE_T *bytes)
{
    WCHAR *canonW;
    char *canonA;
    BOOL ok = TRUE;

    *bytes = 0;
    if (!canon[0] || !(canonW = ws2_wide_from_cp(CP_UTF8, canon, &ok))) return NULL;
    if (wide)
    {
        *bytes = (wcslen(canonW) + 1) * sizeof(WCHAR);
        return canonW;
    }
    canonA = ws2_cp_from_wide(CP_ACP, canonW, &ok);
    HeapFree(GetProcessHeap(), 0, canonW);
    if (canonA) *bytes = strlen(canonA) + 1;
    return canonA;
}

static void *build_entry(BOOL ex, const struct host_addrinfo_entry *addr,
                         const struct ws2_ai_hints *hints, const void *canon, SIZE_T canon_bytes)
{
    SIZE_T addr_off = ALIGN_UP(ex ? sizeof(ADDRINFOEXW) : sizeof(ADDRINFOW));
    SIZE_T canon_off = addr_off + ALIGN_UP(addr->addr_len);
    char *block = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, canon_off + canon_bytes);
    ADDRINFOW *ai = (ADDRINFOW *)block;

    if (!block) return NULL;
    memcpy(block + addr_off, addr->addr, addr->addr_len);
    ai->ai_family = addr->family;
    /* the hints' socket type and protocol, as given: Windows fills in no protocol for a type */
    ai->ai_socktype = hints->socktype;
    ai->ai_protocol = hints->protocol;
    ai->ai_addrlen = addr->addr_len;
    ai->ai_addr = (struct sockaddr *)(block + addr_off);
    if (canon)
    {
        memcpy(block + canon_off, canon, canon_bytes);
        ai->ai_canonname = (WCHAR *)(block + canon_off);
    }
    return block;
}

static int build_list(const struct ws2_lookup *lookup, const struct ws2_ai_hints *hints,
                      enum ws2_ai_kind kind, void **result)
{
    BOOL ex = kind_is_ex(kind);
    void *head = NULL, **tail = &head, *canon = NULL;
    SIZE_T canon_bytes = 0;
    unsigned int i;

    if (hints->flags & (AI_CANONNAME | AI_FQDN))
        canon = convert_canon(lookup->canon, kind_is_wide(kind), &canon_bytes);
    for (i = 0; i < lookup->count; i++)
    {
        /* "ai_canonname of the first addrinfo structure" holds the name */
        if (!(*tail = build_entry(ex, &lookup->entries[i], hints, i ? NULL : canon,
                                  i ? 0 : canon_bytes)))
        {
            ws2_free_addrinfo_list(head, ex);
            HeapFree(GetProcessHeap(), 0, canon);
            return WSA_NOT_ENOUGH_MEMORY;
        }
        tail = next_field(*tail, ex);
    }
    HeapFree(GetProcessHeap(), 0, canon);
    *result = head;
    return head ? 0 : WSANO_DATA;
}

int ws2_getaddrinfo_core(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints,
                         enum ws2_ai_kind kind, void **result)
{
    struct ws2_lookup lookup;
    unsigned int port;
    char *nodeU;
    int ret;

    *result = NULL;
    if ((ret = ws2_check_request(node, service, hints))) return ret;
    if ((ret = service_port(service, hints, &port))) return ret;
    if ((ret = node_to_utf8(node, kind_is_wide(kind), hints->flags, &nodeU))) return ret;
    ret = ws2_host_lookup(nodeU, port, hints->flags, hints->family, &lookup);
    HeapFree(GetProcessHeap(), 0, nodeU);
    if (ret) return ret;
    ret = build_list(&lookup, hints, kind, result);
    ws2_lookup_free(&lookup);
    return ret;
}

/* The ANSI variants: strings in the ANSI code page, as Windows reads them. */
static int getaddrinfo_ansi(const char *node, const char *service, const void *hints,
                            enum ws2_ai_kind kind, void **result)
{
    struct ws2_ai_hints h;
    WCHAR *nodeW, *serviceW;
    BOOL ok = TRUE;
    int ret;

    if ((ret = ws2_read_hints(hints, kind_is_ex(kind), &h))) return ret;
    nodeW = ws2_wide_from_cp(CP_ACP, node, &ok);
    serviceW = ws2_wide_from_cp(CP_ACP, service, &ok);
    ret = ok ? ws2_getaddrinfo_core(nodeW, serviceW, &h, kind, result) : WSA_NOT_ENOUGH_MEMORY;
    HeapFree(GetProcessHeap(), 0, nodeW);
    HeapFree(GetProcessHeap(), 0, serviceW);
    return ret;
}

/* getaddrinfo's errors are returned and also set as the thread's Winsock error. */
/* The thread's error follows the result: Windows clears it on success too. */
static int addrinfo_result(int ret)
{
    SetLastError(ret);
    return ret;
}

int WINAPI getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                       struct addrinfo **result)
{
    TRACE("%s %s %p %p\n", node, service, hints, result);
    if (!ws2_check_started()) return WSANOTINITIALISED;
    if (!result) return addrinfo_result(WSAEINVAL);
    return addrinfo_result(getaddrinfo_ansi(node, service, hints, WS2_AI_A, (void **)result));
}

int WINAPI GetAddrInfoW(const WCHAR *node, const WCHAR *service, const ADDRINFOW *hints,
                        ADDRINFOW **result)
{
    struct ws2_ai_hints h;
    int ret;

    TRACE("%ls %ls %p %p\n", node, service, hints, result);
    if (!ws2_check_started()) return WSANOTINITIALISED;
    if (!result) return addrinfo_result(WSAEINVAL);
    *result = NULL;
    if ((ret = ws2_read_hints(hints, FALSE, &h))) return addrinfo_result(ret);
    return addrinfo_result(ws2_getaddrinfo_core(node, service, &h, WS2_AI_W, (void **)result));
}

int WINAPI GetAddrInfoExA(const char *name, const char *service, DWORD namespace, GUID *provider,
                          const ADDRINFOEXA *hints, ADDRINFOEXA **result, struct timeval *timeout,
                          OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine,
                          HANDLE *handle)
{
    TRACE("%s %s %lu %p %p %p %p %p\n", name, service, namespace, hints, result, timeout,
          overlapped, routine);
    if (!ws2_check_started()) return WSANOTINITIALISED;
    /* the ANSI version has no asynchronous mode: timeout and overlapped are reserved */
    if (!result || timeout || overlapped || routine) return addrinfo_result(WSAEINVAL);
    if (handle) *handle = NULL;
    return addrinfo_result(getaddrinfo_ansi(name, service, hints, WS2_AI_EXA, (void **)result));
}

int WINAPI GetAddrInfoExW(const WCHAR *name, const WCHAR *service, DWORD namespace, GUID *provider,
                          const ADDRINFOEXW *hints, ADDRINFOEXW **result, struct timeval *timeout,
                          OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine,
                          HANDLE *handle)
{
    struct ws2_ai_hints h;
    int ret;

    TRACE("%ls %ls %lu %p %p %p %p %p\n", name, service, namespace, hints, result, timeout,
          overlapped, routine);
    if (!ws2_check_started()) return WSANOTINITIALISED;
    /* timeout "is only supported when ... the lpOverlapped parameter is also specified" */
    if (!result || (timeout && !overlapped) || (routine && !overlapped))
        return addrinfo_result(WSAEINVAL);
    /* "If a completion routine has been specified, the hEvent member must be NULL." */
    if (routine && overlapped->hEvent) return addrinfo_result(WSAEINVAL);
    *result = NULL;
    if (handle) *handle = NULL;
    if ((ret = ws2_read_hints(hints, TRUE, &h))) return addrinfo_result(ret);
    if (overlapped)
        return addrinfo_result(ws2_getaddrinfo_async(name, service, &h, result, timeout, overlapped,
                                                     routine, handle));
    return addrinfo_result(ws2_getaddrinfo_core(name, service, &h, WS2_AI_EXW, (void **)result));
}

void WINAPI freeaddrinfo(struct addrinfo *list)
{
    ws2_free_addrinfo_list(list, FALSE);
}

void WINAPI FreeAddrInfoW(ADDRINFOW *list)
{
    ws2_free_addrinfo_list(list, FALSE);
}

void WINAPI FreeAddrInfoEx(ADDRINFOEXA *list)
{
    ws2_free_addrinfo_list(list, TRUE);
}

void WINAPI FreeAddrInfoExW(ADDRINFOEXW *list)
{
    ws2_free_addrinfo_list(list, TRUE);
}
