/*
 * EnumProtocolsA/W (nspapi.h): the catalog's protocols as PROTOCOL_INFO
 * records, the older and shorter cousin of WSAPROTOCOL_INFO, with the
 * protocol names stored in the caller's buffer after the records.  The
 * catalog comes from ws2_32 (WSCEnumProtocols), filtered as WSAEnumProtocols
 * filters it.
 */
#include <stdlib.h>

#include "provider.h"
#include <nspapi.h>

typedef int (WSPAPI *wsc_enum_protocols_fn)(int *, WSAPROTOCOL_INFOW *, DWORD *, int *);

/* XP_* share their bit values with the first XP1_* (XP_CONNECTIONLESS ... XP_SUPPORTS_MULTICAST). */
#define XP_FLAGS_MASK 0x7ff

/* The visible catalog entries (no PFL_HIDDEN, no layered entry), selected by `protocols`. */
static WSAPROTOCOL_INFOW *catalog(const int *protocols, int *count, int *error)
{
    HMODULE ws2_32 = LoadLibraryW(L"ws2_32.dll");
    wsc_enum_protocols_fn enum_fn = ws2_32 ? (void *)GetProcAddress(ws2_32, "WSCEnumProtocols") : NULL;
    WSAPROTOCOL_INFOW *infos = NULL;
    DWORD len = 0;
    int i, kept = 0;

    *error = WSASYSNOTREADY;
    if (!enum_fn || enum_fn((int *)protocols, NULL, &len, error) != SOCKET_ERROR || *error != WSAENOBUFS ||
        !(infos = malloc(len)) || (*count = enum_fn((int *)protocols, infos, &len, error)) < 0)
    {
        free(infos);
        return NULL;
    }
    for (i = 0; i < *count; i++)
        if (!(infos[i].dwProviderFlags & PFL_HIDDEN) && infos[i].ProtocolChain.ChainLen != LAYERED_PROTOCOL)
            infos[kept++] = infos[i];
    *count = kept;
    return infos;
}

static void fill_common(PROTOCOL_INFOW *out, const WSAPROTOCOL_INFOW *in)
{
    out->dwServiceFlags = in->dwServiceFlags1 & XP_FLAGS_MASK;
    out->iAddressFamily = in->iAddressFamily;
    out->iMaxSockAddr = in->iMaxSockAddr;
    out->iMinSockAddr = in->iMinSockAddr;
    out->iSocketType = in->iSocketType;
    out->iProtocol = in->iProtocol;
    out->dwMessageSize = in->dwMessageSize;
}

/* Bytes the name takes in the buffer, terminator included. */
static DWORD name_size(const WSAPROTOCOL_INFOW *info, BOOL wide)
{
    if (wide) return (lstrlenW(info->szProtocol) + 1) * sizeof(WCHAR);
    return WideCharToMultiByte(CP_ACP, 0, info->szProtocol, -1, NULL, 0, NULL, NULL);
}

static INT enum_protocols(const int *protocols, void *buffer, DWORD *len, BOOL wide)
{
    size_t record = wide ? sizeof(PROTOCOL_INFOW) : sizeof(PROTOCOL_INFOA);
    WSAPROTOCOL_INFOW *infos;
    DWORD needed, i;
    char *names;
    int count, error;

    if (!len || !msgsock_writable(len, sizeof(*len))) return SetLastError(WSAEFAULT), SOCKET_ERROR;
    if (!(infos = catalog(protocols, &count, &error))) return SetLastError(error), SOCKET_ERROR;
    for (i = 0, needed = count * record; i < (DWORD)count; i++) needed += name_size(&infos[i], wide);
    /* "ERROR_INSUFFICIENT_BUFFER ... Call the function with a buffer at least as large as the value returned in *lpdwBufferLength." */
    if (!buffer || *len < needed || !msgsock_writable(buffer, needed))
    {
        error = buffer && *len >= needed ? WSAEFAULT : ERROR_INSUFFICIENT_BUFFER;
        *len = needed;
        free(infos);
        return SetLastError(error), SOCKET_ERROR;
    }
    names = (char *)buffer + count * record;
    for (i = 0; i < (DWORD)count; i++)
    {
        PROTOCOL_INFOW *out = (PROTOCOL_INFOW *)((char *)buffer + i * record);
        DWORD size = name_size(&infos[i], wide);

        fill_common(out, &infos[i]);   /* the A and W records differ only in the name's type */
        if (wide) memcpy(names, infos[i].szProtocol, size);
        else WideCharToMultiByte(CP_ACP, 0, infos[i].szProtocol, -1, names, size, NULL, NULL);
        out->lpProtocol = (WCHAR *)names;
        names += size;
    }
    free(infos);
    return count;
}

INT WINAPI EnumProtocolsA(INT *protocols, void *buffer, DWORD *len)
{
    return enum_protocols(protocols, buffer, len, FALSE);
}

INT WINAPI EnumProtocolsW(INT *protocols, void *buffer, DWORD *len)
{
    return enum_protocols(protocols, buffer, len, TRUE);
}
