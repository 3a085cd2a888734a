/*
 * getnameinfo / GetNameInfoW: the host part from the host's resolver (or the
 * numeric address, printed the Windows way), the service part from the
 * Windows services file (or the numeric port).
 */
#include <stdio.h>
#include <string.h>

#include "resolve.h"
#include "ip_text.h"

#define KNOWN_NI_FLAGS (NI_NOFQDN | NI_NUMERICHOST | NI_NAMEREQD | NI_NUMERICSERV | NI_DGRAM)

/* Host and service as UTF-8, before they go to the caller's character set. */
struct name_info
{
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
};

static void numeric_host(const SOCKADDR *sa, char *host)
{
    const SOCKADDR_IN6 *sin6 = (const SOCKADDR_IN6 *)sa;
    size_t len;

    if (sa->sa_family == AF_INET)
    {
        ip4_format((const uint8_t *)&((const SOCKADDR_IN *)sa)->sin_addr, host);
        return;
    }
    len = ip6_format(sin6->sin6_addr.s6_addr, host);
    if (sin6->sin6_scope_id) sprintf(host + len, "%%%lu", sin6->sin6_scope_id);
}

static int lookup_host(const SOCKADDR *sa, int salen, int flags, char *host)
{
    int ret;

    if (flags & NI_NUMERICHOST)
    {
        numeric_host(sa, host);
        return 0;
    }
    ret = ws2_host_name_of(sa, salen, (flags & NI_NOFQDN) | NI_NAMEREQD, host, NI_MAXHOST);
    /* "If the NI_NAMEREQD flag is set, a host name that cannot be resolved ... results in an error" */
    if (ret && !(flags & NI_NAMEREQD))
    {
        numeric_host(sa, host);
        ret = 0;
    }
    return ret;
}

static void lookup_service(const SOCKADDR *sa, int flags, char *serv)
{
    unsigned int port = ntohs(((const SOCKADDR_IN *)sa)->sin_port);
    struct ws2_netdb_entry entry;

    if (!(flags & NI_NUMERICSERV) &&
        ws2_find_service(NULL, port, (flags & NI_DGRAM) ? "udp" : "tcp", &entry))
        lstrcpynA(serv, entry.name, NI_MAXSERV);
    else
        sprintf(serv, "%u", port);
}

static int check_args(const SOCKADDR *sa, int salen, BOOL want_host, DWORD hostlen,
                      BOOL want_serv, DWORD servlen, int flags)
{
    if (!sa) return WSAEFAULT;
    if (sa->sa_family != AF_INET && sa->sa_family != AF_INET6) return WSAEAFNOSUPPORT;
    if (salen < (int)(sa->sa_family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6)))
        return WSAEFAULT;
    /* "or the pNodeBuffer and pServiceBuffer parameters were not provided": EAI_NONAME */
    if (!want_host && !want_serv) return WSAHOST_NOT_FOUND;
    /* "if a host name was requested but hostlen is zero, or ... servlen is zero": EAI_BADFLAGS */
    if ((want_host && !hostlen) || (want_serv && !servlen)) return WSAEINVAL;
    if (flags & ~KNOWN_NI_FLAGS) return WSAEINVAL;
    return 0;
}

static int get_name_info(const SOCKADDR *sa, int salen, BOOL want_host, DWORD hostlen,
                         BOOL want_serv, DWORD servlen, int flags, struct name_info *info)
{
    int ret;

    if (!ws2_started()) return WSANOTINITIALISED;
    if ((ret = check_args(sa, salen, want_host, hostlen, want_serv, servlen, flags))) return ret;
    info->host[0] = info->serv[0] = 0;
    if (want_host && (ret = lookup_host(sa, salen, flags, info->host))) return ret;
    if (want_serv) lookup_service(sa, flags, info->serv);
    return 0;
}

/* UTF-8 -> the caller's buffer in the ANSI code page; too small: WSAEFAULT. */
static int copy_out_ansi(const char *utf8, char *out, DWORD size)
{
    BOOL ok = TRUE;
    WCHAR *wide = ws2_wide_from_cp(CP_UTF8, utf8, &ok);
    int len;

    if (!wide) return WSA_NOT_ENOUGH_MEMORY;
    len = WideCharToMultiByte(CP_ACP, 0, wide, -1, out, size, NULL, NULL);
    HeapFree(GetProcessHeap(), 0, wide);
    return len > 0 ? 0 : WSAEFAULT;
}

static int copy_out_wide(const char *utf8, WCHAR *out, DWORD size)
{
    return MultiByteToWideChar(CP_UTF8, 0, utf8, -1, out, size) > 0 ? 0 : WSAEFAULT;
}

static int copy_out(const char *utf8, void *out, DWORD size, BOOL wide)
{
    return wide ? copy_out_wide(utf8, out, size) : copy_out_ansi(utf8, out, size);
}

/* Both versions; the errors are returned and set as the thread's Winsock error. */
static int name_info(const SOCKADDR *sa, int salen, void *host, DWORD hostlen, void *serv,
                     DWORD servlen, int flags, BOOL wide)
{
    struct name_info info;
    int ret;

    TRACE("%p %d %p %lu %p %lu %#x\n", sa, salen, host, hostlen, serv, servlen, flags);
    ret = get_name_info(sa, salen, host != NULL, hostlen, serv != NULL, servlen, flags, &info);
    if (!ret && host) ret = copy_out(info.host, host, hostlen, wide);
    if (!ret && serv) ret = copy_out(info.serv, serv, servlen, wide);
    if (ret) SetLastError(ret);
    return ret;
}

int WINAPI getnameinfo(const SOCKADDR *sa, socklen_t salen, char *host, DWORD hostlen,
                       char *serv, DWORD servlen, int flags)
{
    return name_info(sa, salen, host, hostlen, serv, servlen, flags, FALSE);
}

INT WINAPI GetNameInfoW(const SOCKADDR *sa, socklen_t salen, PWCHAR host, DWORD hostlen,
                        PWCHAR serv, DWORD servlen, INT flags)
{
    return name_info(sa, salen, host, hostlen, serv, servlen, flags, TRUE);
}
