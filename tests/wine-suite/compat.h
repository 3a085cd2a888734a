/* Included before every source of Wine's ws2_32 tests (tools/wine-suite): the few names
 * those sources take from Wine's own headers that mingw-w64's headers lack. Values are the
 * ones in Microsoft's SDK headers. */
#ifndef WINE_SUITE_COMPAT_H
#define WINE_SUITE_COMPAT_H

#include <winsock2.h>

#ifndef SO_BSP_STATE
#define SO_BSP_STATE 0x1009
#endif
#ifndef SIO_IDEAL_SEND_BACKLOG_QUERY
#define SIO_IDEAL_SEND_BACKLOG_QUERY _IOR('t', 123, ULONG)
#endif
#ifndef AI_DNS_ONLY
#define AI_DNS_ONLY 0x00000010
#endif
#ifndef WSA_CMSG_ALIGN
/* Control data is aligned to the size of a pointer-sized integer. */
#define WSA_CMSG_ALIGN(len) (((len) + sizeof(SIZE_T) - 1) & ~(sizeof(SIZE_T) - 1))
#endif

/* Wine's debug.h gives these short names only to Wine's own sources. */
#define debugstr_a(s) wine_dbgstr_an(s, -1)
#define debugstr_an(s, n) wine_dbgstr_an(s, n)
#define debugstr_w(s) wine_dbgstr_wn(s, -1)
#define debugstr_wn(s, n) wine_dbgstr_wn(s, n)
#define debugstr_guid(g) wine_dbgstr_guid(g)

#endif
