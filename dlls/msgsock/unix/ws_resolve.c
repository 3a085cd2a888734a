/* Win32 <-> host translation for name resolution (flags, families, EAI_* errors). */
#define _GNU_SOURCE  /* EAI_NODATA, EAI_ADDRFAMILY */
#include <netdb.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"
#include "ws_resolve.h"

struct flag_pair
{
    int32_t win;
    int     host;
};

static const struct flag_pair ai_flags[] =
{
    { WS_AI_PASSIVE,     AI_PASSIVE },
    { WS_AI_CANONNAME,   AI_CANONNAME },
    { WS_AI_NUMERICHOST, AI_NUMERICHOST },
    { WS_AI_NUMERICSERV, AI_NUMERICSERV },
    { WS_AI_ALL,         AI_ALL },
    { WS_AI_ADDRCONFIG,  AI_ADDRCONFIG },
    { WS_AI_V4MAPPED,    AI_V4MAPPED },
    { WS_AI_FQDN,        AI_CANONNAME },  /* the FQDN is what the host puts in ai_canonname */
};

static const struct flag_pair ni_flags[] =
{
    { WS_NI_NOFQDN,      NI_NOFQDN },
    { WS_NI_NUMERICHOST, NI_NUMERICHOST },
    { WS_NI_NAMEREQD,    NI_NAMEREQD },
    { WS_NI_NUMERICSERV, NI_NUMERICSERV },
    { WS_NI_DGRAM,       NI_DGRAM },
};

static int map_flags(const struct flag_pair *pairs, unsigned int count, int32_t win)
{
    int host = 0;
    unsigned int i;

    for (i = 0; i < count; i++)
        if (win & pairs[i].win) host |= pairs[i].host;
    return host;
}

int ws_ai_flags_to_host(int32_t win_flags)
{
    return map_flags(ai_flags, sizeof(ai_flags) / sizeof(ai_flags[0]), win_flags);
}

int ws_ni_flags_to_host(int32_t win_flags)
{
    return map_flags(ni_flags, sizeof(ni_flags) / sizeof(ni_flags[0]), win_flags);
}

int ws_family_to_host(int32_t win_family)
{
    switch (win_family)
    {
    case WS_AF_UNSPEC: return AF_UNSPEC;
    case WS_AF_INET:   return AF_INET;
    case WS_AF_INET6:  return AF_INET6;
    default:           return -1;
    }
}

int32_t ws_eai_to_wsa(int eai)
{
    switch (eai)
    {
    case 0:              return 0;
    case EAI_AGAIN:      return WS_WSATRY_AGAIN;
    case EAI_BADFLAGS:   return WS_WSAEINVAL;
    case EAI_FAIL:       return WS_WSANO_RECOVERY;
    case EAI_FAMILY:     return WS_WSAEAFNOSUPPORT;
    case EAI_MEMORY:     return WS_WSA_NOT_ENOUGH_MEMORY;
    case EAI_NONAME:     return WS_WSAHOST_NOT_FOUND;
    case EAI_SERVICE:    return WS_WSATYPE_NOT_FOUND;
    case EAI_SOCKTYPE:   return WS_WSAESOCKTNOSUPPORT;
    case EAI_OVERFLOW:   return WS_WSAEFAULT;
    /* the name exists but has no address of the family asked for */
    case EAI_NODATA:     return WS_WSANO_DATA;
    case EAI_ADDRFAMILY: return WS_WSANO_DATA;
    default:             return WS_WSANO_RECOVERY;
    }
}
