/*
 * Address text and byte order: inet_addr / inet_ntoa, inet_pton / inet_ntop
 * (and InetPtonW / InetNtopW), WSAStringToAddress / WSAAddressToString,
 * htonl & co and their WSA* socket-checked forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resolve.h"
#include "ip_text.h"
#include "ip_rtl.h"

/* Longest text WSAAddressToString makes: "[" IPv6 "%" scope "]:" port. */
#define SOCKADDR_TEXT_MAX (IP6_TEXT_MAX + 20)

static BOOL is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* --- inet_addr / inet_ntoa ------------------------------------------------- */

unsigned long WINAPI inet_addr(const char *cp)
{
    uint8_t addr[4];
    const char *end;
    ULONG ret;

    TRACE("%s\n", cp);
    /* "If NULL is passed in the cp parameter": INADDR_NONE; Windows also says WSAEFAULT */
    if (!cp) return SetLastError(WSAEFAULT), INADDR_NONE;
    /* Windows reads a lone blank as 0.0.0.0 (Wine's protocol.c inet_addr tests) */
    if (cp[0] == ' ' && !cp[1]) return 0;
    /* "if ... an empty string ...": INADDR_NONE */
    if (!ip4_parse_loose(cp, &end, addr)) return INADDR_NONE;
    /* the address ends at the first blank; anything else after it is an error */
    if (*end && !is_space(*end)) return INADDR_NONE;
    memcpy(&ret, addr, 4);
    return ret;
}

char * WINAPI inet_ntoa(struct in_addr in)
{
    /* "guaranteed to be valid only until the next Windows Sockets function call ... within the same thread" */
    char *buffer = ws2_thread_buffer(WS2_SLOT_NTOA, IP4_TEXT_MAX);

    if (buffer) ip4_format((const uint8_t *)&in, buffer);
    return buffer;
}

/* --- inet_pton / inet_ntop ------------------------------------------------- */

INT WINAPI inet_pton(INT family, const char *str, void *addr)
{
    char *end = NULL;
    LONG status;

    TRACE("%d %s %p\n", family, str, addr);
    /* A NULL string is WSAEFAULT whatever the family (Windows checks it first). */
    if (!str || !addr) return ws2_fail(WSAEFAULT);
    if (family == AF_INET) status = RtlIpv4StringToAddressA(str, TRUE, &end, addr);
    else if (family == AF_INET6) status = RtlIpv6StringToAddressA(str, (PCSTR *)&end, addr);
    else return ws2_fail(WSAEAFNOSUPPORT);
    /* "not a valid IPv4 dotted-decimal address or a valid IPv6 address": 0 */
    return !status && !*end;
}

INT WINAPI InetPtonW(INT family, const WCHAR *str, void *addr)
{
    WCHAR *end = NULL;
    LONG status;

    TRACE("%d %ls %p\n", family, str, addr);
    if (!str || !addr) return ws2_fail(WSAEFAULT);
    if (family == AF_INET) status = RtlIpv4StringToAddressW(str, TRUE, &end, addr);
    else if (family == AF_INET6) status = RtlIpv6StringToAddressW(str, (PCWSTR *)&end, addr);
    else return ws2_fail(WSAEAFNOSUPPORT);
    if (!status && !*end) return 1;
    /* Windows' InetPtonW (not inet_pton) also sets WSAEINVAL when it returns 0. */
    SetLastError(WSAEINVAL);
    return 0;
}

#define NTOP_BAD_BUFFER ((int)0xc000000d)   /* STATUS_INVALID_PARAMETER, as Windows' last error */

/* The text of an IN_ADDR / IN6_ADDR into buf (IP6_TEXT_MAX); 0 or an error. */
static int ntop(INT family, const void *addr, size_t size, char *buf, size_t *len)
{
    if (family != AF_INET && family != AF_INET6) return WSAEAFNOSUPPORT;
    /* "a NULL pointer ... or StringBufSize is zero ... or not large enough": the page says
     * ERROR_INVALID_PARAMETER, Windows sets STATUS_INVALID_PARAMETER (Wine's suite, protocol.c). */
    if (!addr || !size) return NTOP_BAD_BUFFER;
    *len = family == AF_INET ? ip4_format(addr, buf) : ip6_format(addr, buf);
    return *len < size ? 0 : NTOP_BAD_BUFFER;
}

const char * WINAPI inet_ntop(INT family, const void *addr, char *out, size_t size)
{
    char text[IP6_TEXT_MAX];
    size_t len;
    int ret;

    TRACE("%d %p %p %Iu\n", family, addr, out, size);
    if ((ret = ntop(family, addr, out ? size : 0, text, &len))) return SetLastError(ret), NULL;
    memcpy(out, text, len + 1);
    return out;
}

const WCHAR * WINAPI InetNtopW(INT family, const void *addr, WCHAR *out, size_t size)
{
    char text[IP6_TEXT_MAX];
    size_t len, i;
    int ret;

    TRACE("%d %p %p %Iu\n", family, addr, out, size);
    if ((ret = ntop(family, addr, out ? size : 0, text, &len))) return SetLastError(ret), NULL;
    for (i = 0; i <= len; i++) out[i] = text[i];
    return out;
}

/* --- WSAStringToAddress ------------------------------------------------------- */

/* ntdll's reading of the text into *parsed (zeroed); a failed parse may leave part of the address. */
static LONG parse_sockaddr(const void *str, BOOL wide, INT family, SOCKADDR_STORAGE *parsed)
{
    SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)parsed;
    SOCKADDR_IN *sin = (SOCKADDR_IN *)parsed;
    LONG status;

    if (family == AF_INET)
    {
        /* inet_addr's forms ("non-strict"), then ":port" */
        status = wide ? RtlIpv4StringToAddressExW(str, FALSE, &sin->sin_addr, &sin->sin_port)
                      : RtlIpv4StringToAddressExA(str, FALSE, &sin->sin_addr, &sin->sin_port);
    }
    else if (family == AF_INET6)
    {
        /* "addr[%scope]" or "[addr[%scope]][:port]" */
        status = wide ? RtlIpv6StringToAddressExW(str, &sin6->sin6_addr, &sin6->sin6_scope_id,
                                                  &sin6->sin6_port)
                      : RtlIpv6StringToAddressExA(str, &sin6->sin6_addr, &sin6->sin6_scope_id,
                                                  &sin6->sin6_port);
    }
    else return -1;
    if (!status) parsed->ss_family = family;
    return status;
}

static INT string_to_address(const void *str, BOOL wide, INT family, SOCKADDR *addr, INT *len)
{
    SOCKADDR_STORAGE parsed = { 0 };
    INT size = family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
    LONG status;

    if (!ws2_check_started()) return SOCKET_ERROR;
    if (!len) return ws2_fail(WSAEFAULT);
    /* "The specified Address buffer is too small": WSAEFAULT, with the size needed, whatever the text */
    if (!addr || *len < size)
    {
        *len = size;
        return ws2_fail(WSAEFAULT);
    }
    status = str ? parse_sockaddr(str, wide, family, &parsed) : -1;
    /* As Windows: the structure is written either way, family and port 0 when the text was wrong. */
    memcpy(addr, &parsed, size);
    /* "unable to translate the string into a sockaddr": WSAEINVAL */
    if (status) return ws2_fail(WSAEINVAL);
    *len = size;
    return 0;
}

INT WINAPI WSAStringToAddressA(char *str, INT family, WSAPROTOCOL_INFOA *info, SOCKADDR *addr,
                               INT *len)
{
    TRACE("%s %d %p %p %p\n", str, family, info, addr, len);
    return string_to_address(str, FALSE, family, addr, len);
}

INT WINAPI WSAStringToAddressW(WCHAR *str, INT family, WSAPROTOCOL_INFOW *info, SOCKADDR *addr,
                               INT *len)
{
    TRACE("%ls %d %p %p %p\n", str, family, info, addr, len);
    return string_to_address(str, TRUE, family, addr, len);
}

/* --- WSAAddressToString ------------------------------------------------------ */

static int format_sockaddr(const SOCKADDR *sa, DWORD len, char *text)
{
    const SOCKADDR_IN6 *sin6 = (const SOCKADDR_IN6 *)sa;
    const SOCKADDR_IN *sin = (const SOCKADDR_IN *)sa;
    char addr[IP6_TEXT_MAX];

    if (sa->sa_family == AF_INET)
    {
        if (len < sizeof(SOCKADDR_IN)) return WSAEFAULT;
        ip4_format((const uint8_t *)&sin->sin_addr, addr);
        if (sin->sin_port) sprintf(text, "%s:%u", addr, ntohs(sin->sin_port));
        else strcpy(text, addr);
        return 0;
    }
    if (sa->sa_family != AF_INET6) return WSAEINVAL;
    if (len < sizeof(SOCKADDR_IN6)) return WSAEFAULT;
    ip6_format(sin6->sin6_addr.s6_addr, addr);
    if (sin6->sin6_scope_id) sprintf(addr + strlen(addr), "%%%lu", sin6->sin6_scope_id);
    if (sin6->sin6_port) sprintf(text, "[%s]:%u", addr, ntohs(sin6->sin6_port));
    else strcpy(text, addr);
    return 0;
}

/* The text, or the size needed (in characters, NUL included) with WSAEFAULT. */
static INT address_to_string(const SOCKADDR *sa, DWORD len, BOOL wide, void *out, DWORD *out_len)
{
    char text[SOCKADDR_TEXT_MAX];
    DWORD needed, i;
    int ret;

    if (!ws2_check_started()) return SOCKET_ERROR;
    /* "if the lpsaAddress, dwAddressLength, or lpdwAddressStringLength parameter are NULL" */
    if (!sa || !len || !out_len) return ws2_fail(WSAEINVAL);
    if ((ret = format_sockaddr(sa, len, text))) return ws2_fail(ret);
    needed = strlen(text) + 1;
    if (!out || *out_len < needed)
    {
        *out_len = needed;
        return ws2_fail(WSAEFAULT);
    }
    for (i = 0; i < needed; i++)
    {
        if (wide) ((WCHAR *)out)[i] = text[i];
        else ((char *)out)[i] = text[i];
    }
    *out_len = needed;
    return 0;
}

INT WINAPI WSAAddressToStringA(SOCKADDR *sa, DWORD len, WSAPROTOCOL_INFOA *info, char *out,
                               DWORD *out_len)
{
    TRACE("%p %lu %p %p %p\n", sa, len, info, out, out_len);
    return address_to_string(sa, len, FALSE, out, out_len);
}

INT WINAPI WSAAddressToStringW(SOCKADDR *sa, DWORD len, WSAPROTOCOL_INFOW *info, WCHAR *out,
                               DWORD *out_len)
{
    TRACE("%p %lu %p %p %p\n", sa, len, info, out, out_len);
    return address_to_string(sa, len, TRUE, out, out_len);
}

/* --- byte order ---------------------------------------------------------------- */

u_long WINAPI htonl(u_long hostlong)
{
    return __builtin_bswap32(hostlong);
}

u_short WINAPI htons(u_short hostshort)
{
    return __builtin_bswap16(hostshort);
}

u_long WINAPI ntohl(u_long netlong)
{
    return __builtin_bswap32(netlong);
}

u_short WINAPI ntohs(u_short netshort)
{
    return __builtin_bswap16(netshort);
}

/* The WSA forms need Winsock started and a socket ("WSAENOTSOCK", "WSAEFAULT"). */
static BOOL check_socket_and_pointer(SOCKET s, const void *out)
{
    int type, len = sizeof(type);

    if (!ws2_check_started()) return FALSE;
    /* asking the provider for the socket's type tells a socket from anything else */
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len)) return FALSE;
    if (out) return TRUE;
    SetLastError(WSAEFAULT);
    return FALSE;
}

/* The WSA* forms: the value swapped (the same operation both ways) into *out. */
static int wsa_swap(SOCKET s, ULONG value, void *out, size_t size)
{
    if (!check_socket_and_pointer(s, out)) return SOCKET_ERROR;
    if (size == sizeof(u_long)) *(u_long *)out = htonl(value);
    else *(u_short *)out = htons(value);
    return 0;
}

int WINAPI WSAHtonl(SOCKET s, u_long hostlong, u_long *netlong)
{
    return wsa_swap(s, hostlong, netlong, sizeof(*netlong));
}

int WINAPI WSAHtons(SOCKET s, u_short hostshort, u_short *netshort)
{
    return wsa_swap(s, hostshort, netshort, sizeof(*netshort));
}

int WINAPI WSANtohl(SOCKET s, u_long netlong, u_long *hostlong)
{
    return wsa_swap(s, netlong, hostlong, sizeof(*hostlong));
}

int WINAPI WSANtohs(SOCKET s, u_short netshort, u_short *hostshort)
{
    return wsa_swap(s, netshort, hostshort, sizeof(*hostshort));
}
