/* What ws2_32's name-resolution files share: host calls, text conversions, netdb files. */
#ifndef MSGSOCK_WS2_32_RESOLVE_H
#define MSGSOCK_WS2_32_RESOLVE_H

#include <string.h>

#include "ws2_32_private.h"
#include "msgsock/unixlib.h"

/* Documented but missing from mingw's headers. */
#ifndef WSA_E_CANCELLED
#define WSA_E_CANCELLED 10111
#endif

/* The addresses one host lookup found, in Win32 layout, and the canonical name. */
struct ws2_lookup
{
    struct host_addrinfo_entry *entries;
    unsigned int count;
    char canon[NI_MAXHOST];   /* UTF-8, "" when none was asked for or known */
};

/* Host getaddrinfo with Win32 flags / family; returns 0 or a WSA error. */
int ws2_host_lookup(const char *node, unsigned int port, int flags, int family,
                    struct ws2_lookup *out);
void ws2_lookup_free(struct ws2_lookup *lookup);
/* The host's name (UTF-8) into buf; WSAEFAULT with *len set when it does not fit. */
int ws2_host_name(char *buf, unsigned int size, unsigned int *len);
/* The name of a Win32 SOCKADDR_IN / SOCKADDR_IN6 (host NI_* lookup, UTF-8). */
int ws2_host_name_of(const void *addr, int addr_len, int flags, char *host, unsigned int cap);

/* Heap strings (HeapFree them); NULL in gives NULL out, failure sets *ok = FALSE. */
WCHAR *ws2_wide_from_cp(UINT cp, const char *str, BOOL *ok);
char *ws2_cp_from_wide(UINT cp, const WCHAR *str, BOOL *ok);

/* getaddrinfo's core, shared by every variant (addrinfo.c). */
enum ws2_ai_kind { WS2_AI_A, WS2_AI_W, WS2_AI_EXA, WS2_AI_EXW };

struct ws2_ai_hints
{
    int flags;
    int family;
    int socktype;
    int protocol;
};

/* Resolves node / service into a list of `kind` (freed by the matching free function). */
int ws2_getaddrinfo_core(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints,
                         enum ws2_ai_kind kind, void **result);
/* Reads the hints every variant shares; WSANO_RECOVERY when reserved members are set. */
int ws2_read_hints(const void *hints, BOOL ex, struct ws2_ai_hints *out);
/* The request's own mistakes (no name nor service, bad hints): 0 or the WSA error. */
int ws2_check_request(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints);
void ws2_free_addrinfo_list(void *list, BOOL ex);
/* GetAddrInfoExW with lpOverlapped: WSA_IO_PENDING, completed on a thread-pool thread. */
int ws2_getaddrinfo_async(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints,
                          ADDRINFOEXW **result, const struct timeval *timeout,
                          OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine,
                          HANDLE *handle);

/* One line of the Windows services / protocol file (netdb_files.c). */
#define WS2_NETDB_MAX_ALIASES 16
struct ws2_netdb_entry
{
    const char  *name;
    const char  *proto;                               /* services only */
    unsigned int number;                              /* port (host order) or protocol */
    unsigned int alias_count;
    const char  *aliases[WS2_NETDB_MAX_ALIASES];
    char         text[512];                           /* the strings point here */
};

/* By name (or alias, any case) or by port (name NULL); proto NULL matches any. */
BOOL ws2_find_service(const char *name, int port, const char *proto, struct ws2_netdb_entry *out);
/* By name (or alias) or by number (name NULL). */
BOOL ws2_find_protocol(const char *name, int number, struct ws2_netdb_entry *out);

/* Per-thread storage for the "static" results of gethostbyname & co (thread_data.c). */
enum ws2_thread_slot { WS2_SLOT_HOSTENT, WS2_SLOT_SERVENT, WS2_SLOT_PROTOENT, WS2_SLOT_NTOA,
                       WS2_SLOT_COUNT };
/* A buffer of at least `size` bytes owned by this thread until it exits; NULL if out of memory. */
void *ws2_thread_buffer(enum ws2_thread_slot slot, SIZE_T size);

/* hostent.c: a database entry copied into a caller's buffer (WSAAsyncGet*). */
enum ws2_db_kind { WS2_DB_HOST, WS2_DB_SERVICE, WS2_DB_PROTOCOL };
SIZE_T ws2_copy_db_entry(enum ws2_db_kind kind, const void *entry, char *buf, SIZE_T len);

#endif /* MSGSOCK_WS2_32_RESOLVE_H */
