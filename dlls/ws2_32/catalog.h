/*
 * The protocol catalog: the transport protocol entries ws2_32 offers and the
 * provider DLL behind each, kept in the prefix's registry as Windows keeps it:
 *
 *   HKLM\System\CurrentControlSet\Services\WinSock2\Parameters\Protocol_Catalog9
 *     Next_Catalog_Entry_ID   REG_DWORD   the next dwCatalogEntryId to hand out
 *     Num_Catalog_Entries64   REG_DWORD   (Num_Catalog_Entries for 32-bit DLLs)
 *     Catalog_Entries64\000000000001 ...  (Catalog_Entries for 32-bit), in catalog order
 *       PackedCatalogItem     REG_BINARY  char DllPath[MAX_PATH] (ANSI, may hold %VARS%)
 *                                         followed by the entry's WSAPROTOCOL_INFOW
 *
 * With no entries there (a fresh prefix: Wine creates the key empty), the
 * catalog is the built-in one: mswsock.dll's TCP and UDP over IPv4 and IPv6.
 * The first change writes those out, then the change.
 */
#ifndef MSGSOCK_WS2_32_CATALOG_H
#define MSGSOCK_WS2_32_CATALOG_H

#include "ws2_32_private.h"

struct catalog_entry
{
    WSAPROTOCOL_INFOW info;
    WCHAR path[MAX_PATH];       /* as installed, environment strings unexpanded */
};

/* A snapshot of the whole catalog, in catalog order; free() it. */
struct catalog
{
    DWORD count;
    DWORD next_id;
    struct catalog_entry entries[];
};

/* The catalog now (registry, else built-in); NULL only when out of memory. */
struct catalog *catalog_read(void);
/* Read-modify-write: catalog_begin locks against other threads and processes and reads. */
struct catalog *catalog_begin(void);
/* Stores `catalog` (when not NULL) and unlocks; 0 or a Winsock error. */
int catalog_commit(struct catalog *catalog);
/* Room for `extra` more entries; NULL when out of memory (the old snapshot stays valid). */
struct catalog *catalog_grow(struct catalog *catalog, DWORD extra);

const struct catalog_entry *catalog_find_id(const struct catalog *catalog, DWORD id);
/* The first entry installed by `provider` (its DLL path), or NULL. */
const struct catalog_entry *catalog_find_provider(const struct catalog *catalog, const GUID *provider);
/* TRUE if `protocols` (a 0-terminated iProtocol list, or NULL for all) selects the entry. */
BOOL catalog_protocol_selected(const WSAPROTOCOL_INFOW *info, const int *protocols);

#endif
