/*
 * The SPI seam: ws2_32 loads the base service provider (mswsock.dll), calls
 * its WSPStartup with our upcall table, and dispatches every socket call
 * through the WSPPROC_TABLE it returns.
 *
 * A new socket gets the first catalog entry (catalog order) matching its
 * family, type and protocol.  When that entry is a protocol chain whose first
 * link is a layered provider, ws2_32 loads that provider's DLL, starts it with
 * the chain's WSAPROTOCOL_INFOW and dispatches the socket through its table;
 * the layer loads the next provider of the chain itself, as real LSPs do.
 * Sockets made by a layer are remembered here (handle -> layer); every other
 * handle belongs to the base provider.
 */
#include <stdlib.h>

#include "catalog.h"

#define MAX_LAYERS 16

struct provider
{
    GUID id;
    HMODULE module;
    WSPPROC_TABLE table;
};

struct layered_socket
{
    SOCKET handle;
    struct provider *provider;
};

/* Written under the startup lock by ws2_provider_start/stop; read by socket calls while started. */
static HMODULE base_module;
static WSPPROC_TABLE base_table;

/* Guards the layers and the socket map below. */
static SRWLOCK layers_lock = SRWLOCK_INIT;
static struct provider layers[MAX_LAYERS];
static unsigned int layer_count;
static struct layered_socket *sockets;
static unsigned int socket_count, socket_capacity;
/* socket_count, readable without the lock: 0 means every socket is the base provider's. */
static volatile LONG any_layered;

int ws2_provider_start(void)
{
    WSAPROTOCOL_INFOW info = { 0 };
    WSPUPCALLTABLE upcalls;
    LPWSPSTARTUP startup;
    WSPDATA data;
    int error;

    if (!base_module && !(base_module = LoadLibraryW(L"mswsock.dll")))
    {
        ERR("cannot load the base provider mswsock.dll: %lu\n", GetLastError());
        return WSASYSNOTREADY;
    }
    if (!(startup = (LPWSPSTARTUP)(void *)GetProcAddress(base_module, "WSPStartup")))
        return WSASYSNOTREADY;
    ws2_fill_upcalls(&upcalls);
    memset(&base_table, 0, sizeof(base_table));
    if ((error = startup(MAKEWORD(2, 2), &data, &info, upcalls, &base_table)))
    {
        ERR("WSPStartup failed: %d\n", error);
        return error;
    }
    return 0;
}

void ws2_provider_stop(void)
{
    unsigned int i;
    int error;

    AcquireSRWLockExclusive(&layers_lock);
    for (i = 0; i < layer_count; i++)
    {
        if (layers[i].table.lpWSPCleanup) layers[i].table.lpWSPCleanup(&error);
        FreeLibrary(layers[i].module);
    }
    layer_count = socket_count = 0;
    any_layered = 0;
    ReleaseSRWLockExclusive(&layers_lock);
    if (base_table.lpWSPCleanup) base_table.lpWSPCleanup(&error);
}

static struct layered_socket *find_socket(SOCKET s)
{
    unsigned int i;

    for (i = 0; i < socket_count; i++) if (sockets[i].handle == s) return &sockets[i];
    return NULL;
}

const WSPPROC_TABLE *ws2_provider_for_socket(SOCKET s)
{
    const WSPPROC_TABLE *table = &base_table;
    struct layered_socket *entry;

    if (!ws2_check_started()) return NULL;
    if (!any_layered) return table;
    AcquireSRWLockShared(&layers_lock);
    if ((entry = find_socket(s))) table = &entry->provider->table;
    ReleaseSRWLockShared(&layers_lock);
    return table;
}

const WSPPROC_TABLE *ws2_provider_for_new(int af, int type, int protocol, WSAPROTOCOL_INFOW *info)
{
    if (!ws2_check_started()) return NULL;
    return &base_table;
}

/* Records which provider made `s` (NULL: the base one); a handle value may come back after a CloseHandle. */
static void remember_socket(SOCKET s, struct provider *provider)
{
    struct layered_socket *entry, *grown;

    AcquireSRWLockExclusive(&layers_lock);
    if ((entry = find_socket(s)))
    {
        if (provider) entry->provider = provider;
        else *entry = sockets[--socket_count];
    }
    else if (provider)
    {
        if (socket_count == socket_capacity &&
            (grown = realloc(sockets, (socket_capacity * 2 + 8) * sizeof(*sockets))))
        {
            sockets = grown;
            socket_capacity = socket_capacity * 2 + 8;
        }
        if (socket_count < socket_capacity) sockets[socket_count++] = (struct layered_socket){ s, provider };
        else ERR("no memory to remember socket %#Ix\n", s);
    }
    any_layered = socket_count;
    ReleaseSRWLockExclusive(&layers_lock);
}

void ws2_provider_forget(SOCKET s)
{
    if (any_layered) remember_socket(s, NULL);
}

/* Does `info` (a catalog entry usable for sockets) serve this family, type and protocol? */
static BOOL entry_matches(const WSAPROTOCOL_INFOW *info, int af, int type, int protocol)
{
    if (info->ProtocolChain.ChainLen == LAYERED_PROTOCOL) return FALSE;
    if (af != AF_UNSPEC && info->iAddressFamily != af) return FALSE;
    if (type && info->iSocketType != type) return FALSE;
    if (!protocol) return !!(info->dwProviderFlags & PFL_MATCHES_PROTOCOL_ZERO);
    return protocol >= info->iProtocol && protocol <= info->iProtocol + info->iProtocolMaxOffset;
}

static const struct catalog_entry *choose_entry(const struct catalog *catalog, int af, int type, int protocol,
                                                const WSAPROTOCOL_INFOW *info)
{
    const struct catalog_entry *entry;
    DWORD i;

    if (info)
    {
        /* "...the first three parameters are ignored and the provider specified by lpProtocolInfo is used". */
        if ((entry = catalog_find_id(catalog, info->dwCatalogEntryId))) return entry;
        if (af == FROM_PROTOCOL_INFO) af = info->iAddressFamily;
        if (type == FROM_PROTOCOL_INFO) type = info->iSocketType;
        if (protocol == FROM_PROTOCOL_INFO) protocol = info->iProtocol;
    }
    if (af == AF_UNSPEC && !protocol) return NULL;   /* the base provider reports the error */
    for (i = 0; i < catalog->count; i++)
        if (entry_matches(&catalog->entries[i].info, af, type, protocol)) return &catalog->entries[i];
    return NULL;
}

/* Loads and starts the provider `entry` names (the chain's first link); NULL on failure. */
static struct provider *load_layer(const struct catalog_entry *layer, const WSAPROTOCOL_INFOW *chain)
{
    struct provider *provider = NULL;
    WSPUPCALLTABLE upcalls;
    WCHAR path[MAX_PATH];
    LPWSPSTARTUP startup;
    HMODULE module;
    WSPDATA data;
    unsigned int i;

    AcquireSRWLockExclusive(&layers_lock);
    for (i = 0; i < layer_count; i++)
        if (IsEqualGUID(&layers[i].id, &layer->info.ProviderId)) provider = &layers[i];
    if (provider || layer_count == MAX_LAYERS) goto done;
    /* "Such environment strings are expanded whenever the Ws2_32.dll needs to ... load the provider DLL" */
    if (!ExpandEnvironmentStringsW(layer->path, path, MAX_PATH) || !(module = LoadLibraryW(path)))
    {
        WARN("cannot load a layered provider: %lu\n", GetLastError());
        goto done;
    }
    provider = &layers[layer_count];
    memset(provider, 0, sizeof(*provider));
    ws2_fill_upcalls(&upcalls);
    if (!(startup = (LPWSPSTARTUP)(void *)GetProcAddress(module, "WSPStartup")) ||
        startup(MAKEWORD(2, 2), &data, (WSAPROTOCOL_INFOW *)chain, upcalls, &provider->table) ||
        !provider->table.lpWSPSocket)
    {
        FreeLibrary(module);
        provider = NULL;
        goto done;
    }
    provider->id = layer->info.ProviderId;
    provider->module = module;
    layer_count++;
done:
    ReleaseSRWLockExclusive(&layers_lock);
    return provider;
}

SOCKET ws2_provider_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP group, DWORD flags,
                           int *error)
{
    const struct catalog_entry *entry, *layer;
    struct provider *provider = NULL;
    WSAPROTOCOL_INFOW chosen;
    struct catalog *catalog;
    SOCKET s;

    if (!ws2_started()) return *error = WSANOTINITIALISED, INVALID_SOCKET;
    if (!(catalog = catalog_read())) return *error = WSAENOBUFS, INVALID_SOCKET;
    if ((entry = choose_entry(catalog, af, type, protocol, info)))
    {
        chosen = entry->info;
        /* The caller's own structure goes to the provider as given (WSADuplicateSocket's carries a handle). */
        if (!info) info = &chosen;
    }
    if (entry && entry->info.ProtocolChain.ChainLen > 1)
    {
        /* "WSAEPROVIDERFAILEDINIT ... a layered service provider (LSP) ... was improperly installed" */
        if (!(layer = catalog_find_id(catalog, entry->info.ProtocolChain.ChainEntries[0])) ||
            !(provider = load_layer(layer, &chosen)))
        {
            free(catalog);
            return *error = WSAEPROVIDERFAILEDINIT, INVALID_SOCKET;
        }
    }
    free(catalog);
    s = (provider ? &provider->table : &base_table)->lpWSPSocket(af, type, protocol, info, group, flags, error);
    if (s != INVALID_SOCKET && (provider || any_layered)) remember_socket(s, provider);
    return s;
}

void *ws2_provider_extension(SOCKET s, const GUID *guid)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    void *function = NULL;
    DWORD size;
    int error;

    if (!table) return NULL;
    if (table->lpWSPIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, (void *)guid, sizeof(*guid), &function,
                          sizeof(function), &size, NULL, NULL, NULL, &error))
    {
        SetLastError(error);
        return NULL;
    }
    return function;
}
