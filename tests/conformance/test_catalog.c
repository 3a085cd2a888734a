/*
 * The protocol catalog: WSAEnumProtocolsA/W, WSCEnumProtocols, WSCInstallProvider,
 * WSCDeinstallProvider, WSCGetProviderPath, WSCWriteProviderOrder, and socket
 * creation honouring the catalog (a chain whose layer cannot load fails).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include <ws2spi.h>
#include <sporder.h>
#include <nspapi.h>

static GUID layer_guid = { 0x6d5a3c1e, 0x1f0b, 0x4c55, { 0x9a, 0x51, 0x6b, 0x2e, 0x10, 0x33, 0x77, 0x01 } };
static GUID chain_guid = { 0x6d5a3c1e, 0x1f0b, 0x4c55, { 0x9a, 0x51, 0x6b, 0x2e, 0x10, 0x33, 0x77, 0x02 } };
static const GUID tcpip4 = { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };
static const GUID tcpip6 = { 0xf9eab0c0, 0x26d4, 0x11d0, { 0xbb, 0xbf, 0x00, 0xaa, 0x00, 0x6c, 0x34, 0xe4 } };

/* Every entry, through WSCEnumProtocols (NULL on failure); count in *count. */
static WSAPROTOCOL_INFOW *all_entries(int *count)
{
    WSAPROTOCOL_INFOW *buf;
    DWORD len = 0;
    int err = 0;

    if (WSCEnumProtocols(NULL, NULL, &len, &err) != SOCKET_ERROR || err != WSAENOBUFS) return NULL;
    if (!(buf = malloc(len))) return NULL;
    *count = WSCEnumProtocols(NULL, buf, &len, &err);
    return buf;
}

static const WSAPROTOCOL_INFOW *find(const WSAPROTOCOL_INFOW *infos, int count, int af, int type)
{
    int i;

    for (i = 0; i < count; i++)
        if (infos[i].iAddressFamily == af && infos[i].iSocketType == type && infos[i].ProtocolChain.ChainLen == 1)
            return &infos[i];
    return NULL;
}

static void check_base_entry(const WSAPROTOCOL_INFOW *infos, int count, int af, int type, const WCHAR *name)
{
    const WSAPROTOCOL_INFOW *info = find(infos, count, af, type);
    BOOL tcp = type == SOCK_STREAM, v6 = af == AF_INET6;
    DWORD flags = tcp ? XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA
                      : XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST;

    if (!ok(info != NULL, "no %ls entry", name)) return;
    ok(!wcscmp(info->szProtocol, name), "szProtocol %ls, expected %ls", info->szProtocol, name);
    ok((info->dwServiceFlags1 & flags) == flags, "%ls: dwServiceFlags1 %#lx", name, info->dwServiceFlags1);
    /* Our sockets are real handles (Wine socket objects): an IFS provider. */
    ok(info->dwServiceFlags1 & XP1_IFS_HANDLES, "%ls: no XP1_IFS_HANDLES", name);
    ok(info->dwProviderFlags & PFL_MATCHES_PROTOCOL_ZERO, "%ls: dwProviderFlags %#lx", name, info->dwProviderFlags);
    ok(IsEqualGUID(&info->ProviderId, v6 ? &tcpip6 : &tcpip4), "%ls: wrong ProviderId", name);
    ok(info->dwCatalogEntryId != 0, "%ls: no catalog id", name);
    ok(info->ProtocolChain.ChainLen == BASE_PROTOCOL, "%ls: ChainLen %d", name, info->ProtocolChain.ChainLen);
    ok(info->iVersion == 2, "%ls: iVersion %d", name, info->iVersion);
    ok(info->iProtocol == (tcp ? IPPROTO_TCP : IPPROTO_UDP), "%ls: iProtocol %d", name, info->iProtocol);
    ok(info->iMaxSockAddr == (v6 ? 28 : 16) && info->iMinSockAddr == (v6 ? 28 : 16), "%ls: sockaddr %d..%d",
       name, info->iMinSockAddr, info->iMaxSockAddr);
    ok(info->iNetworkByteOrder == BIGENDIAN, "%ls: byte order %d", name, info->iNetworkByteOrder);
    /* "0: The protocol is stream-oriented and hence the concept of message size is not relevant." */
    ok(info->dwMessageSize == (tcp ? 0u : v6 ? 65527u : 65507u), "%ls: dwMessageSize %lu", name,
       info->dwMessageSize);
}

static void test_not_started(void)
{
    WSAPROTOCOL_INFOW *infos;
    DWORD len = 0;
    int count = 0;

    /* "WSANOTINITIALISED: A successful WSAStartup call must occur before using this function." */
    ok(WSAEnumProtocolsW(NULL, NULL, &len) == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
       "before WSAStartup: %d", WSAGetLastError());
    /* WSCEnumProtocols is the SPI's: no WSAStartup needed. */
    infos = all_entries(&count);
    ok(infos && count >= 4, "WSCEnumProtocols without WSAStartup: %d entries", count);
    free(infos);
}

static void test_enum(void)
{
    WSAPROTOCOL_INFOW *infos;
    WSAPROTOCOL_INFOA *infos_a;
    int udp_only[] = { IPPROTO_UDP, 0 }, count, i;
    DWORD len = 0, needed;

    /* "WSAENOBUFS: The buffer length was too small ... Pass in a buffer at least as large as the value returned in lpdwBufferLength." */
    ok(WSAEnumProtocolsW(NULL, NULL, &len) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS,
       "size query: %d", WSAGetLastError());
    ok(len >= 4 * sizeof(WSAPROTOCOL_INFOW) && len % sizeof(WSAPROTOCOL_INFOW) == 0, "needed %lu", len);
    needed = len;
    infos = malloc(len);
    len = needed - 1;
    ok(WSAEnumProtocolsW(NULL, infos, &len) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS && len == needed,
       "one byte short: %d, len %lu", WSAGetLastError(), len);
    count = WSAEnumProtocolsW(NULL, infos, &len);
    ok(count == (int)(needed / sizeof(*infos)), "count %d", count);
    check_base_entry(infos, count, AF_INET, SOCK_STREAM, L"MSAFD Tcpip [TCP/IP]");
    check_base_entry(infos, count, AF_INET, SOCK_DGRAM, L"MSAFD Tcpip [UDP/IP]");
    check_base_entry(infos, count, AF_INET6, SOCK_STREAM, L"MSAFD Tcpip [TCP/IPv6]");
    check_base_entry(infos, count, AF_INET6, SOCK_DGRAM, L"MSAFD Tcpip [UDP/IPv6]");
    /* "...if lpiProtocols is NULL, information on all available protocols is returned. Otherwise, information is retrieved only for those protocols listed in the array." */
    len = needed;
    count = WSAEnumProtocolsW(udp_only, infos, &len);
    ok(count == 2, "UDP only: %d entries", count);
    for (i = 0; i < count; i++) ok(infos[i].iProtocol == IPPROTO_UDP, "entry %d: protocol %d", i, infos[i].iProtocol);
    /* "WSAEFAULT: One or more of the lpiProtocols, lpProtocolBuffer, or lpdwBufferLength parameters are not a valid part of the user address space." */
    ok(WSAEnumProtocolsW(NULL, infos, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL length: %d",
       WSAGetLastError());
    len = needed;
    ok(WSAEnumProtocolsW(NULL, (WSAPROTOCOL_INFOW *)16, &len) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "bad buffer: %d", WSAGetLastError());
    ok(WSAEnumProtocolsW((int *)16, infos, &len) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "bad lpiProtocols: %d", WSAGetLastError());
    free(infos);

    len = 0;
    ok(WSAEnumProtocolsA(NULL, NULL, &len) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS &&
       len % sizeof(WSAPROTOCOL_INFOA) == 0 && len >= 4 * sizeof(WSAPROTOCOL_INFOA), "A size query: %lu", len);
    infos_a = malloc(len);
    count = WSAEnumProtocolsA(udp_only, infos_a, &len);
    ok(count == 2 && !strcmp(infos_a[0].szProtocol, "MSAFD Tcpip [UDP/IP]") && infos_a[0].iAddressFamily == AF_INET,
       "A: %d entries, first %s", count, count > 0 ? infos_a[0].szProtocol : "");
    free(infos_a);
}

/* mswsock's EnumProtocols: PROTOCOL_INFO records, names stored after them in the same buffer. */
static void test_enum_protocols_nspapi(void)
{
    int udp_only[] = { IPPROTO_UDP, 0 }, count;
    PROTOCOL_INFOW *infos;
    PROTOCOL_INFOA *infos_a;
    DWORD len = 0;

    /* "ERROR_INSUFFICIENT_BUFFER: The buffer pointed to by lpProtocolBuffer was too small" */
    ok(EnumProtocolsW(NULL, NULL, &len) == SOCKET_ERROR && GetLastError() == ERROR_INSUFFICIENT_BUFFER &&
       len >= 4 * sizeof(PROTOCOL_INFOW), "size query: %lu, len %lu", GetLastError(), len);
    infos = malloc(len);
    count = EnumProtocolsW(udp_only, infos, &len);
    ok(count == 2, "UDP entries: %d", count);
    if (count >= 1)
    {
        ok(infos[0].iProtocol == IPPROTO_UDP && infos[0].iSocketType == SOCK_DGRAM &&
           (infos[0].dwServiceFlags & XP_CONNECTIONLESS) && infos[0].dwMessageSize == 65507, "first record");
        ok((char *)infos[0].lpProtocol >= (char *)(infos + count) && (char *)infos[0].lpProtocol < (char *)infos + len &&
           !wcscmp(infos[0].lpProtocol, L"MSAFD Tcpip [UDP/IP]"), "name %ls", infos[0].lpProtocol);
    }
    free(infos);
    len = 0;
    EnumProtocolsA(NULL, NULL, &len);
    infos_a = malloc(len);
    count = EnumProtocolsA(NULL, infos_a, &len);
    ok(count >= 4 && !strcmp(infos_a[0].lpProtocol, "MSAFD Tcpip [TCP/IP]"), "A: %d, first %s", count,
       count > 0 ? infos_a[0].lpProtocol : "");
    free(infos_a);
}

static int entry_index(const WSAPROTOCOL_INFOW *infos, int count, const GUID *provider)
{
    int i;

    for (i = 0; i < count; i++) if (IsEqualGUID(&infos[i].ProviderId, provider)) return i;
    return -1;
}

/* Installs a layered entry and a UDP/IPv4 chain over it, the way LSP installers do. */
static BOOL install_test_provider(DWORD *layer_id, DWORD *chain_id)
{
    WSAPROTOCOL_INFOW *infos, layer, chain;
    int count = 0, err = 0, i;
    const WSAPROTOCOL_INFOW *udp;

    if (!(infos = all_entries(&count)) || !(udp = find(infos, count, AF_INET, SOCK_DGRAM))) return FALSE;
    layer = chain = *udp;
    layer.ProtocolChain.ChainLen = LAYERED_PROTOCOL;
    wcscpy(layer.szProtocol, L"msgsock test layer");
    ok(!WSCInstallProvider(&layer_guid, L"%SystemRoot%\\msgsock_no_such_lsp.dll", &layer, 1, &err),
       "install layer: %d", err);
    free(infos);
    infos = all_entries(&count);
    if (!ok((i = entry_index(infos, count, &layer_guid)) >= 0, "layer not listed")) return FALSE;
    *layer_id = infos[i].dwCatalogEntryId;
    ok(infos[i].ProtocolChain.ChainLen == LAYERED_PROTOCOL, "layer ChainLen %d", infos[i].ProtocolChain.ChainLen);
    ok(!wcscmp(infos[i].szProtocol, L"msgsock test layer"), "layer name %ls", infos[i].szProtocol);
    chain.ProtocolChain.ChainLen = 2;
    chain.ProtocolChain.ChainEntries[0] = *layer_id;
    chain.ProtocolChain.ChainEntries[1] = udp->dwCatalogEntryId;
    wcscpy(chain.szProtocol, L"msgsock test over [UDP/IP]");
    ok(!WSCInstallProvider(&chain_guid, L"%SystemRoot%\\msgsock_no_such_lsp.dll", &chain, 1, &err),
       "install chain: %d", err);
    free(infos);
    infos = all_entries(&count);
    if (!ok((i = entry_index(infos, count, &chain_guid)) >= 0, "chain not listed")) return FALSE;
    *chain_id = infos[i].dwCatalogEntryId;
    ok(*chain_id != *layer_id && *chain_id != udp->dwCatalogEntryId, "catalog ids %lu %lu", *layer_id, *chain_id);
    free(infos);
    return TRUE;
}

static void test_registry_layout(void)
{
    static const WCHAR key_name[] = L"System\\CurrentControlSet\\Services\\WinSock2\\Parameters\\Protocol_Catalog9"
                                    L"\\Catalog_Entries64\\000000000001";
    struct { char path[MAX_PATH]; WSAPROTOCOL_INFOW info; } item, changed;
    WSAPROTOCOL_INFOW *infos;
    DWORD type, size = 0;
    int count = 0;
    HKEY key;

    if (sizeof(void *) != 8)
    {
        skip("32-bit: Catalog_Entries");
        return;
    }
    /* Windows' layout: one PackedCatalogItem (DLL path, then WSAPROTOCOL_INFOW) per entry. */
    ok(!RegOpenKeyExW(HKEY_LOCAL_MACHINE, key_name, 0, KEY_READ | KEY_SET_VALUE, &key), "no Catalog_Entries64 key");
    ok(!RegQueryValueExW(key, L"PackedCatalogItem", NULL, &type, NULL, &size) && type == REG_BINARY &&
       size >= MAX_PATH + sizeof(WSAPROTOCOL_INFOW), "PackedCatalogItem: type %lu size %lu", type, size);
    /* The registry is the catalog: a change made there shows in the next enumeration. */
    size = sizeof(item);
    RegQueryValueExW(key, L"PackedCatalogItem", NULL, NULL, (BYTE *)&item, &size);
    infos = all_entries(&count);
    free(infos);
    changed = item;
    wcscpy(changed.info.szProtocol, L"changed in the registry");
    RegSetValueExW(key, L"PackedCatalogItem", 0, REG_BINARY, (BYTE *)&changed, sizeof(changed));
    infos = all_entries(&count);
    ok(count > 0 && !wcscmp(infos[0].szProtocol, L"changed in the registry"), "first entry %ls",
       count > 0 ? infos[0].szProtocol : L"");
    free(infos);
    RegSetValueExW(key, L"PackedCatalogItem", 0, REG_BINARY, (BYTE *)&item, sizeof(item));
    RegCloseKey(key);
}

static void test_install(void)
{
    DWORD layer_id = 0, chain_id = 0, *order, len = 0;
    WSAPROTOCOL_INFOW *infos, info;
    WCHAR path[MAX_PATH];
    int count = 0, err = 0, path_len, i;
    SOCKET s;

    if (!install_test_provider(&layer_id, &chain_id)) return;
    test_registry_layout();
    /* "WSCEnumProtocols also returns ... protocol chain length of zero"; WSAEnumProtocols does not. */
    len = 0;
    WSAEnumProtocolsW(NULL, NULL, &len);
    infos = malloc(len);
    count = WSAEnumProtocolsW(NULL, infos, &len);
    ok(entry_index(infos, count, &layer_guid) < 0, "WSAEnumProtocols lists the layered entry");
    ok(entry_index(infos, count, &chain_guid) >= 0, "WSAEnumProtocols misses the chain");
    free(infos);

    /* The path comes back as installed: "can contain embedded environment strings (such as %SystemRoot%)". */
    path_len = MAX_PATH;
    ok(!WSCGetProviderPath(&layer_guid, path, &path_len, &err) &&
       !wcscmp(path, L"%SystemRoot%\\msgsock_no_such_lsp.dll"), "path %ls (%d)", path, err);
    path_len = MAX_PATH;
    ok(WSCGetProviderPath(&(GUID){ 1 }, path, &path_len, &err) == SOCKET_ERROR && err == WSAEINVAL,
       "unknown provider: %d", err);
    ok(WSCGetProviderPath(&layer_guid, path, NULL, &err) == SOCKET_ERROR && err == WSAEFAULT, "NULL length: %d", err);
    /* A provider GUID is installed once. */
    info = (WSAPROTOCOL_INFOW){ 0 };
    ok(WSCInstallProvider(&layer_guid, L"x.dll", &info, 1, &err) == SOCKET_ERROR && err == WSAEINVAL,
       "second install: %d", err);
    ok(WSCInstallProvider(NULL, L"x.dll", &info, 1, &err) == SOCKET_ERROR && err == WSAEFAULT, "NULL id: %d", err);

    /* Installed entries go last; WSCWriteProviderOrder puts the chain first, as LSP installers do. */
    infos = all_entries(&count);
    order = malloc(count * sizeof(*order));
    order[0] = chain_id;
    for (i = 0, len = 1; i < count; i++) if (infos[i].dwCatalogEntryId != chain_id) order[len++] = infos[i].dwCatalogEntryId;
    ok(WSCWriteProviderOrder(order, count - 1) == WSAEINVAL, "incomplete order accepted");
    ok(WSCWriteProviderOrder(order, count) == 0, "WSCWriteProviderOrder failed");
    free(infos);
    infos = all_entries(&count);
    ok(count > 0 && infos[0].dwCatalogEntryId == chain_id, "first entry %lu", count > 0 ? infos[0].dwCatalogEntryId : 0);
    free(infos);
    free(order);

    /* The chain now serves UDP/IPv4 sockets: its layer's DLL does not exist. */
    s = socket(AF_INET, SOCK_DGRAM, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == WSAEPROVIDERFAILEDINIT, "socket over a missing layer: %d",
       WSAGetLastError());
    if (s != INVALID_SOCKET) closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s != INVALID_SOCKET, "TCP socket: %d", WSAGetLastError());
    closesocket(s);

    ok(!WSCDeinstallProvider(&chain_guid, &err), "deinstall chain: %d", err);
    ok(!WSCDeinstallProvider(&layer_guid, &err), "deinstall layer: %d", err);
    /* "WSAEINVAL: The lpProviderId parameter does not specify a valid provider." */
    ok(WSCDeinstallProvider(&layer_guid, &err) == SOCKET_ERROR && err == WSAEINVAL, "deinstall twice: %d", err);
    infos = all_entries(&count);
    ok(entry_index(infos, count, &layer_guid) < 0 && entry_index(infos, count, &chain_guid) < 0, "still listed");
    free(infos);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    ok(s != INVALID_SOCKET, "UDP socket after deinstall: %d", WSAGetLastError());
    closesocket(s);
}

/* WSCGetProviderInfo: "retrieves the data associated with an information class for a layered
   service provider (LSP)". */
static void test_provider_info(void)
{
    GUID unknown = { 0 };
    DWORD categories = 0xdeadbeef;
    size_t size = sizeof(categories);
    int err;

    /* WSAEFAULT: "One or more of the arguments is not in a valid part of the user address space." */
    err = 0xdeadbeef;
    ok(WSCGetProviderInfo(NULL, ProviderInfoLspCategories, (BYTE *)&categories, &size, 0, &err) ==
       SOCKET_ERROR && err == WSAEFAULT, "NULL provider: %d", err);
    ok(WSCGetProviderInfo(NULL, -1, NULL, NULL, 0, NULL) == SOCKET_ERROR, "all NULL");
    /* WSANO_RECOVERY: "a failure occurred when opening a Winsock catalog entry": what Windows says
       for a provider it has no entry of (Wine's protocol.c checked it on Windows), class or not */
    err = 0xdeadbeef;
    ok(WSCGetProviderInfo(&unknown, ProviderInfoLspCategories, (BYTE *)&categories, &size, 0, &err) ==
       SOCKET_ERROR && err == WSANO_RECOVERY, "unknown provider: %d", err);
    err = 0xdeadbeef;
    ok(WSCGetProviderInfo(&unknown, -1, (BYTE *)&categories, &size, 0, &err) == SOCKET_ERROR &&
       err == WSANO_RECOVERY, "unknown provider, bad class: %d", err);
    /* "If the Info parameter is NULL, then WSCGetProviderInfo returns failure and the InfoSize
       parameter will receive the size of the required buffer." */
    size = 0;
    ok(WSCGetProviderInfo((GUID *)&tcpip4, ProviderInfoLspCategories, NULL, &size, 0, &err) ==
       SOCKET_ERROR && size == sizeof(DWORD), "size query: %d size %Iu", err, size);
    /* "on success WSCGetProviderInfo returns with the Info parameter set with appropriate LSP
       category flags"; "If an LSP does not have a category set, it is considered to be in the All
       Other category" */
    ok(!WSCGetProviderInfo((GUID *)&tcpip4, ProviderInfoLspCategories, (BYTE *)&categories, &size, 0,
                           &err) && !categories, "base provider's categories: %d %#lx", err, categories);
    /* "ERROR_CALL_NOT_IMPLEMENTED ... if ProviderInfoAudit is specified in the InfoType parameter" */
    ok(WSCGetProviderInfo((GUID *)&tcpip4, ProviderInfoAudit, (BYTE *)&categories, &size, 0, &err) ==
       SOCKET_ERROR && err == ERROR_CALL_NOT_IMPLEMENTED, "audit class: %d", err);
}

/* WSAEnumNameSpaceProviders: "retrieves information on available namespace providers". */
static void test_name_spaces(void)
{
    WSANAMESPACE_INFOW *infos;
    WSANAMESPACE_INFOA *infosA;
    DWORD len = 0, lenA = 0;
    int count, i, dns = -1;
    char *end;

    /* WSAEFAULT: "The lpnspBuffer parameter was a NULL pointer or the buffer length ... was too
       small"; "When this error is returned, the buffer length required is returned in the
       lpdwBufferLength parameter." */
    ok(WSAEnumNameSpaceProvidersW(&len, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT &&
       len >= sizeof(*infos), "size query: %d len %lu", WSAGetLastError(), len);
    ok(WSAEnumNameSpaceProvidersW(NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "NULL length: %d", WSAGetLastError());
    infos = malloc(len);
    /* "returns the number of WSANAMESPACE_INFO structures copied into lpnspBuffer" */
    count = WSAEnumNameSpaceProvidersW(&len, infos);
    ok(count > 0, "WSAEnumNameSpaceProvidersW: %d error %d", count, WSAGetLastError());
    end = (char *)infos + len;
    for (i = 0; i < count; i++)
    {
        /* "Variable sized information referenced by pointers in the structures point to locations
           within the buffer located between the end of the fixed sized structures and the end of
           the buffer." */
        ok((char *)infos[i].lpszIdentifier >= (char *)(infos + count) &&
           (char *)infos[i].lpszIdentifier < end, "identifier %d outside the buffer", i);
        if (infos[i].dwNameSpace == NS_DNS && infos[i].fActive) dns = i;
    }
    ok(dns >= 0, "no active NS_DNS provider");
    ok(WSAEnumNameSpaceProvidersA(&lenA, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "ANSI size query: %d", WSAGetLastError());
    infosA = malloc(lenA);
    /* the ANSI version lists the same providers */
    ok(WSAEnumNameSpaceProvidersA(&lenA, infosA) == count, "WSAEnumNameSpaceProvidersA: %d",
       WSAGetLastError());
    if (dns >= 0)
    {
        WCHAR identifier[64];

        MultiByteToWideChar(CP_ACP, 0, infosA[dns].lpszIdentifier, -1, identifier, ARRAYSIZE(identifier));
        ok(!wcscmp(identifier, infos[dns].lpszIdentifier) && infosA[dns].dwNameSpace == NS_DNS,
           "ANSI identifier %s", infosA[dns].lpszIdentifier);
    }
    free(infosA);
    free(infos);
}

/* WSALookupServiceBegin / Next / End: a query, its results, its end. */
static void test_lookup_service(void)
{
    WSAQUERYSETW query;
    char results[4096];
    HANDLE handle;
    DWORD len;

    memset(&query, 0, sizeof(query));
    /* WSAEFAULT for a missing restrictions structure or handle (Wine's protocol.c checked it on
       Windows); WSAEINVAL: "One or more required parameters were invalid or missing." */
    ok(WSALookupServiceBeginW(NULL, 0, &handle) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "NULL query: %d", WSAGetLastError());
    ok(WSALookupServiceBeginW(&query, 0, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "NULL handle: %d", WSAGetLastError());
    ok(WSALookupServiceBeginW(&query, 0, &handle) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "dwSize 0: %d", WSAGetLastError());
    /* WSA_INVALID_HANDLE: "The handle is not valid." */
    ok(WSALookupServiceEnd(NULL) == SOCKET_ERROR && WSAGetLastError() == WSA_INVALID_HANDLE,
       "end of no lookup: %d", WSAGetLastError());
    /* the network list query: no service class, every name space */
    query.dwSize = sizeof(query);
    handle = NULL;
    ok(!WSALookupServiceBeginW(&query, LUP_RETURN_ALL | LUP_DEEP, &handle) && handle,
       "network list query: %d", WSAGetLastError());
    len = sizeof(results);
    /* WSA_E_NO_MORE: "There is no more data available." */
    while (!WSALookupServiceNextW(handle, 0, &len, (WSAQUERYSETW *)results)) len = sizeof(results);
    ok(WSAGetLastError() == WSA_E_NO_MORE, "end of the results: %d", WSAGetLastError());
    ok(!WSALookupServiceEnd(handle), "end: %d", WSAGetLastError());
    /* WSA_INVALID_HANDLE: "The specified Lookup handle is invalid." */
    len = sizeof(results);
    ok(WSALookupServiceNextW(handle, 0, &len, (WSAQUERYSETW *)results) == SOCKET_ERROR &&
       WSAGetLastError() == WSA_INVALID_HANDLE, "next after the end: %d", WSAGetLastError());
}

void run_tests(void)
{
    WSADATA data;
    int err;

    /* A run that died half-way leaves nothing behind for the next one. */
    WSCDeinstallProvider(&chain_guid, &err);
    WSCDeinstallProvider(&layer_guid, &err);
    test_not_started();
    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup failed");
    test_enum();
    test_enum_protocols_nspapi();
    test_install();
    test_provider_info();
    test_name_spaces();
    test_lookup_service();
    WSACleanup();
}
