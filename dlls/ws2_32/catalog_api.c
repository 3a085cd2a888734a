/*
 * The catalog's API: WSAEnumProtocolsA/W for applications, and the WSC*
 * functions installers use (WSCEnumProtocols, WSCInstallProvider,
 * WSCDeinstallProvider, WSCGetProviderPath, WSCWriteProviderOrder, WSCGetProviderInfo).
 */
#include <stdlib.h>

#include "catalog.h"
#include <sporder.h>

/* WSCEnumProtocols's "SOCKET_ERROR, and a specific error code is available in lpErrno". */
static int fail_errno(int *err, int error)
{
    if (err && msgsock_writable(err, sizeof(*err))) *err = error;
    return SOCKET_ERROR;
}

/*
 * "WSAEnumProtocols only returns information about the base protocols and
 * protocol chains that lack the PFL_HIDDEN flag and do not have a protocol
 * chain length of zero" (WSCEnumProtocols returns them all).
 */
static BOOL listed(const WSAPROTOCOL_INFOW *info, const int *protocols, BOOL all)
{
    if (!all && ((info->dwProviderFlags & PFL_HIDDEN) || info->ProtocolChain.ChainLen == LAYERED_PROTOCOL))
        return FALSE;
    return catalog_protocol_selected(info, protocols);
}

static BOOL protocols_readable(const int *protocols)
{
    for (;; protocols++)
    {
        if (!msgsock_readable(protocols, sizeof(*protocols))) return FALSE;
        if (!*protocols) return TRUE;
    }
}

/* Copies the selected entries as `record`-byte records through `put`; returns the count or SOCKET_ERROR. */
static int enum_protocols(const int *protocols, void *buffer, DWORD *len, BOOL all, size_t record,
                          void (*put)(void *dst, const WSAPROTOCOL_INFOW *src), int *error)
{
    struct catalog *catalog;
    DWORD i, count = 0, needed;

    if (!len || !msgsock_writable(len, sizeof(*len))) return *error = WSAEFAULT, SOCKET_ERROR;
    if (protocols && !protocols_readable(protocols)) return *error = WSAEFAULT, SOCKET_ERROR;
    if (!(catalog = catalog_read())) return *error = WSA_NOT_ENOUGH_MEMORY, SOCKET_ERROR;
    for (i = 0; i < catalog->count; i++) count += listed(&catalog->entries[i].info, protocols, all);
    needed = count * record;
    /* "...the value pointed to by lpdwBufferLength will be updated to indicate the required buffer size" */
    if (!buffer || *len < needed)
    {
        *len = needed;
        free(catalog);
        return *error = WSAENOBUFS, SOCKET_ERROR;
    }
    if (!msgsock_writable(buffer, needed))
    {
        free(catalog);
        return *error = WSAEFAULT, SOCKET_ERROR;
    }
    for (i = 0, count = 0; i < catalog->count; i++)
        if (listed(&catalog->entries[i].info, protocols, all))
            put((char *)buffer + record * count++, &catalog->entries[i].info);
    free(catalog);
    return count;
}

static void put_w(void *dst, const WSAPROTOCOL_INFOW *src)
{
    *(WSAPROTOCOL_INFOW *)dst = *src;
}

static void put_a(void *dst, const WSAPROTOCOL_INFOW *src)
{
    WSAPROTOCOL_INFOA *info = dst;

    /* The structures differ only in the trailing protocol name. */
    memcpy(info, src, FIELD_OFFSET(WSAPROTOCOL_INFOA, szProtocol));
    if (!WideCharToMultiByte(CP_ACP, 0, src->szProtocol, -1, info->szProtocol, sizeof(info->szProtocol),
                             NULL, NULL))
        info->szProtocol[0] = 0;
}

int WINAPI WSAEnumProtocolsW(int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *len)
{
    int error, ret;

    if (!ws2_check_started()) return SOCKET_ERROR;
    ret = enum_protocols(protocols, buffer, len, FALSE, sizeof(*buffer), put_w, &error);
    return ret == SOCKET_ERROR ? ws2_fail(error) : ret;
}

int WINAPI WSAEnumProtocolsA(int *protocols, WSAPROTOCOL_INFOA *buffer, DWORD *len)
{
    int error, ret;

    if (!ws2_check_started()) return SOCKET_ERROR;
    ret = enum_protocols(protocols, buffer, len, FALSE, sizeof(*buffer), put_a, &error);
    return ret == SOCKET_ERROR ? ws2_fail(error) : ret;
}

/* An SPI client's call: no WSAStartup needed, every entry. */
int WSPAPI WSCEnumProtocols(int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *len, int *err)
{
    int error, ret = enum_protocols(protocols, buffer, len, TRUE, sizeof(*buffer), put_w, &error);

    return ret == SOCKET_ERROR ? fail_errno(err, error) : ret;
}

static BOOL valid_path(const WCHAR *path)
{
    size_t n;

    for (n = 0; n < MAX_PATH; n++)
    {
        if (!msgsock_readable(path + n, sizeof(*path))) return FALSE;
        if (!path[n]) return n > 0;
    }
    return FALSE;
}

static int install(GUID *provider, const WCHAR *path, const WSAPROTOCOL_INFOW *infos, DWORD count)
{
    struct catalog *catalog, *grown;
    DWORD i;

    if (!provider || !msgsock_readable(provider, sizeof(*provider)) || !path || !infos ||
        !msgsock_readable(infos, (SIZE_T)count * sizeof(*infos)))
        return WSAEFAULT;
    if (!valid_path(path) || !count) return WSAEINVAL;
    if (!(catalog = catalog_begin())) return WSA_NOT_ENOUGH_MEMORY;
    /* A provider is installed once; WSCUpdateProvider changes it. */
    if (catalog_find_provider(catalog, provider))
    {
        catalog_commit(NULL);
        free(catalog);
        return WSAEINVAL;
    }
    if (!(grown = catalog_grow(catalog, count)))
    {
        catalog_commit(NULL);
        free(catalog);
        return WSA_NOT_ENOUGH_MEMORY;
    }
    catalog = grown;
    for (i = 0; i < count; i++)
    {
        struct catalog_entry *entry = &catalog->entries[catalog->count++];

        entry->info = infos[i];
        entry->info.ProviderId = *provider;
        entry->info.dwCatalogEntryId = catalog->next_id++;
        entry->info.szProtocol[WSAPROTOCOL_LEN] = 0;
        lstrcpynW(entry->path, path, MAX_PATH);
    }
    i = catalog_commit(catalog);
    free(catalog);
    return i;
}

int WSPAPI WSCInstallProvider(GUID *provider, const WCHAR *path, const LPWSAPROTOCOL_INFOW infos, DWORD count,
                              int *err)
{
    int error = install(provider, path, infos, count);

    TRACE("%lu entries -> %d\n", count, error);
    return error ? fail_errno(err, error) : 0;
}

static int deinstall(GUID *provider)
{
    struct catalog *catalog;
    DWORD i, kept = 0;
    int error;

    if (!provider || !msgsock_readable(provider, sizeof(*provider))) return WSAEFAULT;
    if (!(catalog = catalog_begin())) return WSA_NOT_ENOUGH_MEMORY;
    for (i = 0; i < catalog->count; i++)
        if (!IsEqualGUID(&catalog->entries[i].info.ProviderId, provider))
            catalog->entries[kept++] = catalog->entries[i];
    /* "WSAEINVAL: The lpProviderId parameter does not specify a valid provider." */
    if (kept == catalog->count)
    {
        catalog_commit(NULL);
        free(catalog);
        return WSAEINVAL;
    }
    catalog->count = kept;
    error = catalog_commit(catalog);
    free(catalog);
    return error;
}

int WSPAPI WSCDeinstallProvider(GUID *provider, int *err)
{
    int error = deinstall(provider);

    TRACE("-> %d\n", error);
    return error ? fail_errno(err, error) : 0;
}

int ws2_provider_path(GUID *provider, WCHAR *path, int *len)
{
    const struct catalog_entry *entry;
    struct catalog *catalog;
    int error = 0, needed;

    if (!provider || !msgsock_readable(provider, sizeof(*provider)) || !len ||
        !msgsock_writable(len, sizeof(*len)))
        return WSAEFAULT;
    if (!(catalog = catalog_read())) return WSA_NOT_ENOUGH_MEMORY;
    if (!(entry = catalog_find_provider(catalog, provider))) error = WSAEINVAL;
    else if (*len < (needed = lstrlenW(entry->path) + 1) || !path || !msgsock_writable(path, needed * sizeof(WCHAR)))
    {
        /* "lpProviderDllPathLen: ... the size of the buffer pointed to by lpszProviderDllPath" */
        *len = needed;
        error = WSAEFAULT;
    }
    else
    {
        memcpy(path, entry->path, needed * sizeof(WCHAR));
        *len = needed;
    }
    free(catalog);
    return error;
}

int WSPAPI WSCGetProviderPath(GUID *provider, WCHAR *path, int *len, int *err)
{
    int error = ws2_provider_path(provider, path, len);

    return error ? fail_errno(err, error) : 0;
}

/* TRUE if `ids` is a permutation of the catalog's entry ids. */
static BOOL same_entries(const struct catalog *catalog, const DWORD *ids, DWORD count)
{
    DWORD i, j;

    if (count != catalog->count) return FALSE;
    for (i = 0; i < count; i++)
    {
        if (!catalog_find_id(catalog, ids[i])) return FALSE;
        for (j = 0; j < i; j++) if (ids[j] == ids[i]) return FALSE;
    }
    return TRUE;
}

/* "lpwdCatalogEntryId: An array of CatalogEntryId elements ... in the new order." */
int WSPAPI WSCWriteProviderOrder(DWORD *ids, DWORD count)
{
    struct catalog *catalog, *reordered;
    DWORD i;
    int error;

    if (!ids || !msgsock_readable(ids, (SIZE_T)count * sizeof(*ids))) return WSAEFAULT;
    if (!(catalog = catalog_begin())) return WSA_NOT_ENOUGH_MEMORY;
    /* "WSAEINVAL: Input parameters were bad, no action was taken." */
    if (!same_entries(catalog, ids, count) || !(reordered = malloc(sizeof(*catalog) +
                                                                   count * sizeof(catalog->entries[0]))))
    {
        error = same_entries(catalog, ids, count) ? WSA_NOT_ENOUGH_MEMORY : WSAEINVAL;
        catalog_commit(NULL);
        free(catalog);
        return error;
    }
    *reordered = *catalog;
    for (i = 0; i < count; i++) reordered->entries[i] = *catalog_find_id(catalog, ids[i]);
    error = catalog_commit(reordered);
    free(reordered);
    free(catalog);
    return error;
}

/* The information classes of a catalog provider: only its LSP categories are kept. */
static int provider_info(const GUID *provider, WSC_PROVIDER_INFO_TYPE type, BYTE *info, size_t *size,
                         DWORD flags)
{
    static const DWORD categories = 0;  /* none set: "the All Other category" */
    struct catalog *catalog;
    BOOL found;

    if (!provider || !msgsock_readable(provider, sizeof(*provider))) return WSAEFAULT;
    if (!(catalog = catalog_read())) return WSA_NOT_ENOUGH_MEMORY;
    found = catalog_find_provider(catalog, provider) != NULL;
    free(catalog);
    /* an unknown provider: Windows says WSANO_RECOVERY ("a failure occurred when opening a Winsock
       catalog entry"), checked before the class (Wine's protocol.c) */
    if (!found) return WSANO_RECOVERY;
    /* "ERROR_CALL_NOT_IMPLEMENTED ... if ProviderInfoAudit is specified in the InfoType parameter" */
    if (type == ProviderInfoAudit) return ERROR_CALL_NOT_IMPLEMENTED;
    if (type != ProviderInfoLspCategories || flags) return WSAEINVAL;
    if (!size || !msgsock_writable(size, sizeof(*size))) return WSAEFAULT;
    /* "If the Info parameter is NULL, then WSCGetProviderInfo returns failure and the InfoSize
       parameter will receive the size of the required buffer." */
    if (!info || *size < sizeof(categories) || !msgsock_writable(info, sizeof(categories)))
    {
        *size = sizeof(categories);
        return WSAEFAULT;
    }
    memcpy(info, &categories, sizeof(categories));
    *size = sizeof(categories);
    return 0;
}

int WSPAPI WSCGetProviderInfo(GUID *provider, WSC_PROVIDER_INFO_TYPE type, BYTE *info, size_t *size,
                              DWORD flags, int *err)
{
    int error = provider_info(provider, type, info, size, flags);

    TRACE("%p %d %p %p %#lx -> %d\n", provider, type, info, size, flags, error);
    return error ? fail_errno(err, error) : 0;
}
