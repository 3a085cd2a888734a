/* The protocol catalog in the registry (layout in catalog.h) and its built-in entries. */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"

#define CATALOG_KEY L"System\\CurrentControlSet\\Services\\WinSock2\\Parameters\\Protocol_Catalog9"
#ifdef _WIN64
#define ENTRIES_KEY L"Catalog_Entries64"
#define COUNT_VALUE L"Num_Catalog_Entries64"
#else
#define ENTRIES_KEY L"Catalog_Entries"
#define COUNT_VALUE L"Num_Catalog_Entries"
#endif
#define BASE_PATH L"%SystemRoot%\\system32\\mswsock.dll"
/* Above the built-in ids (1001-1006 on Windows: TCP, UDP, RAW over IPv4 then IPv6). */
#define FIRST_FREE_ID 1007

struct packed_item
{
    char path[MAX_PATH];
    WSAPROTOCOL_INFOW info;
};

static const GUID tcpip4_provider = { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };
static const GUID tcpip6_provider = { 0xf9eab0c0, 0x26d4, 0x11d0, { 0xbb, 0xbf, 0x00, 0xaa, 0x00, 0x6c, 0x34, 0xe4 } };

/* Serialises this process's read-modify-write; the named mutex serialises processes. */
static CRITICAL_SECTION catalog_lock;
static CRITICAL_SECTION_DEBUG catalog_lock_debug =
{
    0, 0, &catalog_lock, { &catalog_lock_debug.ProcessLocksList, &catalog_lock_debug.ProcessLocksList },
    0, 0, 0, 0, 0
};
static CRITICAL_SECTION catalog_lock = { &catalog_lock_debug, -1, 0, 0, 0, 0 };
static HANDLE catalog_mutex;    /* made on first use under catalog_lock, kept for the process */
/*
 * The last catalog read, under catalog_lock, valid while `changed` (armed by
 * RegNotifyChangeKeyValue on the catalog key) is not signalled: socket
 * creation reads the catalog without going to the registry each time.
 */
static struct catalog *cached;
static HANDLE changed;
static HKEY watched;

static void fill_base(WSAPROTOCOL_INFOW *info, DWORD id, int family, int type)
{
    BOOL v6 = family == AF_INET6, tcp = type == SOCK_STREAM;

    memset(info, 0, sizeof(*info));
    info->dwServiceFlags1 = tcp ? XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE |
                                  XP1_EXPEDITED_DATA | XP1_IFS_HANDLES
                                : XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST |
                                  XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES;
    info->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    info->ProviderId = v6 ? tcpip6_provider : tcpip4_provider;
    info->dwCatalogEntryId = id;
    info->ProtocolChain.ChainLen = BASE_PROTOCOL;
    info->iVersion = 2;
    info->iAddressFamily = family;
    info->iMaxSockAddr = info->iMinSockAddr = v6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    info->iSocketType = type;
    info->iProtocol = tcp ? IPPROTO_TCP : IPPROTO_UDP;
    info->iNetworkByteOrder = BIGENDIAN;
    info->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    /* Stream: "0 ... the concept of message size is not relevant"; UDP: what SO_MAX_MSG_SIZE reports. */
    info->dwMessageSize = tcp ? 0 : v6 ? 65527 : 65507;
    _snwprintf(info->szProtocol, WSAPROTOCOL_LEN + 1, L"MSAFD Tcpip [%s/%s]", tcp ? L"TCP" : L"UDP",
             v6 ? L"IPv6" : L"IP");
}

static struct catalog *builtin_catalog(void)
{
    static const struct { DWORD id; int family, type; } base[] =
    {
        { 1001, AF_INET, SOCK_STREAM }, { 1002, AF_INET, SOCK_DGRAM },
        { 1004, AF_INET6, SOCK_STREAM }, { 1005, AF_INET6, SOCK_DGRAM },
    };
    struct catalog *catalog = calloc(1, sizeof(*catalog) + ARRAYSIZE(base) * sizeof(catalog->entries[0]));
    DWORD i;

    if (!catalog) return NULL;
    catalog->count = ARRAYSIZE(base);
    catalog->next_id = FIRST_FREE_ID;
    for (i = 0; i < catalog->count; i++)
    {
        fill_base(&catalog->entries[i].info, base[i].id, base[i].family, base[i].type);
        lstrcpyW(catalog->entries[i].path, BASE_PATH);
    }
    return catalog;
}

struct catalog *catalog_grow(struct catalog *catalog, DWORD extra)
{
    return realloc(catalog, sizeof(*catalog) + (catalog->count + extra) * sizeof(catalog->entries[0]));
}

static DWORD read_dword(HKEY key, const WCHAR *name, DWORD fallback)
{
    DWORD value, size = sizeof(value), type;

    if (RegQueryValueExW(key, name, NULL, &type, (BYTE *)&value, &size) || type != REG_DWORD) return fallback;
    return value;
}

static BOOL read_item(HKEY entries, const WCHAR *name, struct catalog_entry *entry)
{
    struct packed_item item;
    DWORD size = sizeof(item), type;
    HKEY key;
    LSTATUS status;

    if (RegOpenKeyExW(entries, name, 0, KEY_READ, &key)) return FALSE;
    status = RegQueryValueExW(key, L"PackedCatalogItem", NULL, &type, (BYTE *)&item, &size);
    RegCloseKey(key);
    if (status || type != REG_BINARY || size < sizeof(item)) return FALSE;
    item.path[MAX_PATH - 1] = 0;
    entry->info = item.info;
    if (!MultiByteToWideChar(CP_ACP, 0, item.path, -1, entry->path, MAX_PATH)) entry->path[0] = 0;
    return TRUE;
}

/* The registry's entries, or NULL if it has none (or cannot be read). */
static struct catalog *registry_catalog(void)
{
    struct catalog *catalog = NULL;
    DWORD subkeys = 0, i, len;
    WCHAR name[32];
    HKEY root, entries;

    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, CATALOG_KEY, 0, KEY_READ, &root)) return NULL;
    if (!RegOpenKeyExW(root, ENTRIES_KEY, 0, KEY_READ, &entries))
    {
        if (!RegQueryInfoKeyW(entries, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL, NULL) &&
            subkeys && (catalog = calloc(1, sizeof(*catalog) + subkeys * sizeof(catalog->entries[0]))))
        {
            /* RegEnumKeyEx returns names in sorted order: 000000000001, 000000000002, ... */
            for (i = 0; len = ARRAYSIZE(name), !RegEnumKeyExW(entries, i, name, &len, NULL, NULL, NULL, NULL)
                        && catalog->count < subkeys; i++)
                if (read_item(entries, name, &catalog->entries[catalog->count])) catalog->count++;
            catalog->next_id = read_dword(root, L"Next_Catalog_Entry_ID", FIRST_FREE_ID);
        }
        RegCloseKey(entries);
    }
    RegCloseKey(root);
    if (catalog && !catalog->count)
    {
        free(catalog);
        catalog = NULL;
    }
    return catalog;
}

static struct catalog *copy_catalog(const struct catalog *catalog)
{
    size_t size = sizeof(*catalog) + catalog->count * sizeof(catalog->entries[0]);
    struct catalog *copy = malloc(size);

    if (copy) memcpy(copy, catalog, size);
    return copy;
}

static struct catalog *read_uncached(void)
{
    struct catalog *catalog = registry_catalog();

    return catalog ? catalog : builtin_catalog();
}

/* Asks to be told of the next change to the catalog key (and below); FALSE if that cannot be. */
static BOOL watch_catalog(void)
{
    if (!changed && !(changed = CreateEventW(NULL, TRUE, FALSE, NULL))) return FALSE;
    if (!watched && RegOpenKeyExW(HKEY_LOCAL_MACHINE, CATALOG_KEY, 0, KEY_NOTIFY, &watched)) return FALSE;
    ResetEvent(changed);
    return !RegNotifyChangeKeyValue(watched, TRUE, REG_NOTIFY_CHANGE_NAME | REG_NOTIFY_CHANGE_LAST_SET, changed,
                                    TRUE);
}

struct catalog *catalog_read(void)
{
    struct catalog *catalog;

    EnterCriticalSection(&catalog_lock);
    if (!cached || WaitForSingleObject(changed, 0) != WAIT_TIMEOUT)
    {
        free(cached);
        /* Watch first: a change made while reading then shows on the next read. */
        cached = watch_catalog() ? read_uncached() : NULL;
    }
    catalog = cached ? copy_catalog(cached) : read_uncached();
    LeaveCriticalSection(&catalog_lock);
    return catalog;
}

struct catalog *catalog_begin(void)
{
    struct catalog *catalog;

    EnterCriticalSection(&catalog_lock);
    if (!catalog_mutex) catalog_mutex = CreateMutexW(NULL, FALSE, L"msgsock_protocol_catalog");
    if (catalog_mutex) WaitForSingleObject(catalog_mutex, INFINITE);
    /* Straight from the registry: another process may have changed it a moment ago. */
    if (!(catalog = read_uncached())) catalog_commit(NULL);
    return catalog;
}

static LSTATUS write_item(HKEY entries, DWORD index, const struct catalog_entry *entry)
{
    struct packed_item item = { { 0 } };
    WCHAR name[16];
    LSTATUS status;
    HKEY key;

    _snwprintf(name, ARRAYSIZE(name), L"%012lu", (unsigned long)index + 1);
    WideCharToMultiByte(CP_ACP, 0, entry->path, -1, item.path, MAX_PATH - 1, NULL, NULL);
    item.info = entry->info;
    if ((status = RegCreateKeyExW(entries, name, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL))) return status;
    status = RegSetValueExW(key, L"PackedCatalogItem", 0, REG_BINARY, (const BYTE *)&item, sizeof(item));
    RegCloseKey(key);
    return status;
}

static int write_catalog(const struct catalog *catalog)
{
    LSTATUS status;
    HKEY root, entries;
    DWORD i;

    if (RegCreateKeyExW(HKEY_LOCAL_MACHINE, CATALOG_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &root, NULL))
        return WSANO_RECOVERY;
    /* The entries are rewritten whole, so their key names stay in catalog order. */
    RegDeleteTreeW(root, ENTRIES_KEY);
    status = RegCreateKeyExW(root, ENTRIES_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &entries, NULL);
    for (i = 0; !status && i < catalog->count; i++) status = write_item(entries, i, &catalog->entries[i]);
    if (!status) RegCloseKey(entries);
    if (!status) status = RegSetValueExW(root, COUNT_VALUE, 0, REG_DWORD, (const BYTE *)&catalog->count,
                                         sizeof(DWORD));
    if (!status) status = RegSetValueExW(root, L"Next_Catalog_Entry_ID", 0, REG_DWORD,
                                         (const BYTE *)&catalog->next_id, sizeof(DWORD));
    RegCloseKey(root);
    return status ? WSANO_RECOVERY : 0;
}

int catalog_commit(struct catalog *catalog)
{
    int error = catalog ? write_catalog(catalog) : 0;

    if (catalog)
    {
        free(cached);
        cached = NULL;
    }

    if (catalog_mutex) ReleaseMutex(catalog_mutex);
    LeaveCriticalSection(&catalog_lock);
    return error;
}

const struct catalog_entry *catalog_find_id(const struct catalog *catalog, DWORD id)
{
    DWORD i;

    for (i = 0; i < catalog->count; i++)
        if (catalog->entries[i].info.dwCatalogEntryId == id) return &catalog->entries[i];
    return NULL;
}

const struct catalog_entry *catalog_find_provider(const struct catalog *catalog, const GUID *provider)
{
    DWORD i;

    for (i = 0; i < catalog->count; i++)
        if (IsEqualGUID(&catalog->entries[i].info.ProviderId, provider)) return &catalog->entries[i];
    return NULL;
}

BOOL catalog_protocol_selected(const WSAPROTOCOL_INFOW *info, const int *protocols)
{
    if (!protocols) return TRUE;
    for (; *protocols; protocols++)
        if (*protocols >= info->iProtocol && *protocols <= info->iProtocol + info->iProtocolMaxOffset) return TRUE;
    return FALSE;
}
