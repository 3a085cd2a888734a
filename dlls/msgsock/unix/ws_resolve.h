/*
 * Win32 <-> host translation for name resolution: AI_* / NI_* flags,
 * families, and EAI_* errors.  Portable C with the host's <netdb.h> only,
 * so it is unit-tested natively (tests/unit/test_resolve_xlate.c).
 */
#ifndef MSGSOCK_WS_RESOLVE_H
#define MSGSOCK_WS_RESOLVE_H

#include <stdint.h>

/* Win32 values (Microsoft's ws2def.h / ws2tcpip.h / winerror.h). */
#define WS_AI_PASSIVE                0x00000001
#define WS_AI_CANONNAME              0x00000002
#define WS_AI_NUMERICHOST            0x00000004
#define WS_AI_NUMERICSERV            0x00000008
#define WS_AI_ALL                    0x00000100
#define WS_AI_ADDRCONFIG             0x00000400
#define WS_AI_V4MAPPED               0x00000800
#define WS_AI_NON_AUTHORITATIVE      0x00004000
#define WS_AI_SECURE                 0x00008000
#define WS_AI_RETURN_PREFERRED_NAMES 0x00010000
#define WS_AI_FQDN                   0x00020000
#define WS_AI_FILESERVER             0x00040000
#define WS_AI_DISABLE_IDN_ENCODING   0x00080000

#define WS_NI_NOFQDN      0x01
#define WS_NI_NUMERICHOST 0x02
#define WS_NI_NAMEREQD    0x04
#define WS_NI_NUMERICSERV 0x08
#define WS_NI_DGRAM       0x10

#define WS_WSA_NOT_ENOUGH_MEMORY 8
#define WS_WSAESOCKTNOSUPPORT    10044
#define WS_WSATYPE_NOT_FOUND     10109
#define WS_WSAHOST_NOT_FOUND     11001
#define WS_WSATRY_AGAIN          11002
#define WS_WSANO_RECOVERY        11003
#define WS_WSANO_DATA            11004

/* Every AI_* flag Windows documents for getaddrinfo / GetAddrInfoEx hints. */
#define WS_AI_KNOWN (WS_AI_PASSIVE | WS_AI_CANONNAME | WS_AI_NUMERICHOST | WS_AI_NUMERICSERV | \
                     WS_AI_ALL | WS_AI_ADDRCONFIG | WS_AI_V4MAPPED | WS_AI_NON_AUTHORITATIVE | \
                     WS_AI_SECURE | WS_AI_RETURN_PREFERRED_NAMES | WS_AI_FQDN | \
                     WS_AI_FILESERVER | WS_AI_DISABLE_IDN_ENCODING)

/* Win32 AI_* -> host AI_* (Windows-only flags have no host meaning and are dropped). */
int ws_ai_flags_to_host(int32_t win_flags);
/* Win32 AF_UNSPEC / AF_INET / AF_INET6 -> host; -1 for any other family. */
int ws_family_to_host(int32_t win_family);
/* Host EAI_* (getaddrinfo / getnameinfo result) -> Win32 error; 0 stays 0. */
int32_t ws_eai_to_wsa(int eai);
/* Win32 NI_* -> host NI_*. */
int ws_ni_flags_to_host(int32_t win_flags);

#endif /* MSGSOCK_WS_RESOLVE_H */
