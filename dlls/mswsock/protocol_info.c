/*
 * The WSAPROTOCOL_INFOW of the base provider's protocols (TCP, UDP, raw IP over
 * IPv4 and IPv6), as SO_PROTOCOL_INFO and WSADuplicateSocket hand it out.
 */
#include <string.h>

#include "provider.h"

/* Windows' "MSAFD Tcpip" provider, {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}: programs compare it. */
static const GUID tcpip_provider = { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };

struct protocol
{
    int type, protocol;
    DWORD flags, message_size;
    const WCHAR *name4, *name6;
};

static const struct protocol protocols[] =
{
    { SOCK_STREAM, IPPROTO_TCP,
      XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES,
      0, L"MSAFD Tcpip [TCP/IP]", L"MSAFD Tcpip [TCP/IPv6]" },
    { SOCK_DGRAM, IPPROTO_UDP,
      XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES,
      0xffbb, L"MSAFD Tcpip [UDP/IP]", L"MSAFD Tcpip [UDP/IPv6]" },
    { SOCK_RAW, 0,
      XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES,
      0x8000, L"MSAFD Tcpip [RAW/IP]", L"MSAFD Tcpip [RAW/IPv6]" },
};

void protocol_info_fill(int family, int type, int protocol, WSAPROTOCOL_INFOW *info)
{
    const struct protocol *p = &protocols[type == SOCK_DGRAM ? 1 : type == SOCK_RAW ? 2 : 0];
    int index = (int)(p - protocols);

    memset(info, 0, sizeof(*info));
    info->dwServiceFlags1 = p->flags;
    /* The raw entries serve protocol 0 too and are hidden from WSAEnumProtocols, as on Windows. */
    info->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO | (type == SOCK_RAW ? PFL_HIDDEN : 0);
    info->ProviderId = tcpip_provider;
    info->dwCatalogEntryId = 1001 + index + (family == AF_INET6 ? 3 : 0);
    info->ProtocolChain.ChainLen = BASE_PROTOCOL;
    info->iVersion = 2;
    info->iAddressFamily = family;
    info->iMaxSockAddr = info->iMinSockAddr = family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    info->iSocketType = type;
    /* The catalog entry's protocol: a raw entry's is 0, its range 0-255 (iProtocolMaxOffset). */
    info->iProtocol = p->protocol;
    info->iProtocolMaxOffset = type == SOCK_RAW ? 255 : 0;
    info->iNetworkByteOrder = BIGENDIAN;
    info->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    info->dwMessageSize = p->message_size;
    lstrcpynW(info->szProtocol, family == AF_INET6 ? p->name6 : p->name4, WSAPROTOCOL_LEN + 1);
}
