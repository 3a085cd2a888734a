/*
 * SIO_ADDRESS_LIST_QUERY: "a list of local transport addresses of the
 * socket's protocol family to which the application can bind", from
 * iphlpapi's GetAdaptersAddresses (Wine's builtin; loaded on first use);
 * SIO_ROUTING_INTERFACE_QUERY: the local address the host's routes choose.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "provider.h"
#include "address_list.h"
#include "wine/afd.h"
#include <iphlpapi.h>

typedef ULONG (WINAPI *get_adapters_fn)(ULONG, ULONG, void *, IP_ADAPTER_ADDRESSES *, ULONG *);

static IP_ADAPTER_ADDRESSES *get_adapters(int family)
{
    static const ULONG flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER |
                               GAA_FLAG_SKIP_FRIENDLY_NAME;
    HMODULE iphlpapi = LoadLibraryW(L"iphlpapi.dll");
    get_adapters_fn get = iphlpapi ? (get_adapters_fn)(void *)GetProcAddress(iphlpapi, "GetAdaptersAddresses")
                                   : NULL;
    IP_ADAPTER_ADDRESSES *list = NULL;
    ULONG size = 16384, ret = ERROR_BUFFER_OVERFLOW;

    if (!get) return NULL;
    while (ret == ERROR_BUFFER_OVERFLOW)
    {
        free(list);
        if (!(list = malloc(size))) return NULL;
        ret = get(family, flags, NULL, list, &size);
    }
    if (ret == NO_ERROR) return list;
    free(list);
    return NULL;
}

/* Bindable: an address of an adapter that is up and is not the loopback pseudo-interface. */
static BOOL listed(const IP_ADAPTER_ADDRESSES *adapter, const IP_ADAPTER_UNICAST_ADDRESS *address, int family)
{
    return adapter->OperStatus == IfOperStatusUp && adapter->IfType != IF_TYPE_SOFTWARE_LOOPBACK &&
           address->Address.lpSockaddr->sa_family == family;
}

static unsigned int count_addresses(const IP_ADAPTER_ADDRESSES *list, int family)
{
    const IP_ADAPTER_UNICAST_ADDRESS *address;
    unsigned int count = 0;

    for (; list; list = list->Next)
        for (address = list->FirstUnicastAddress; address; address = address->Next)
            count += listed(list, address, family);
    return count;
}

static void fill_list(const IP_ADAPTER_ADDRESSES *list, int family, int addr_len, SOCKET_ADDRESS_LIST *out,
                      unsigned int count)
{
    const IP_ADAPTER_UNICAST_ADDRESS *address;
    char *next = (char *)&out->Address[count];
    unsigned int i = 0;

    out->iAddressCount = count;
    for (; list; list = list->Next)
        for (address = list->FirstUnicastAddress; address; address = address->Next)
        {
            if (!listed(list, address, family)) continue;
            memcpy(next, address->Address.lpSockaddr, addr_len);
            out->Address[i].lpSockaddr = (SOCKADDR *)next;
            out->Address[i++].iSockaddrLength = addr_len;
            next += addr_len;
        }
}

int address_list_query(int family, void *out, DWORD out_len, DWORD *size)
{
    int addr_len = family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    IP_ADAPTER_ADDRESSES *list;
    unsigned int count;

    if (family != AF_INET && family != AF_INET6) return WSAEINVAL;
    /* Windows: a buffer too short for even the count is an invalid argument (Wine's test_address_list_query). */
    if (out_len && out_len < offsetof(SOCKET_ADDRESS_LIST, Address[0]))
    {
        *size = 0;
        return WSAEINVAL;
    }
    if (!(list = get_adapters(family))) return WSAENOBUFS;
    count = count_addresses(list, family);
    *size = offsetof(SOCKET_ADDRESS_LIST, Address[count]) + count * addr_len;
    /* "If the output buffer is not large enough ... WSAEFAULT.  The required size ... is returned
     * in the lpcbBytesReturned parameter in this case." */
    if (!out || out_len < *size || !msgsock_writable(out, *size))
    {
        free(list);
        return WSAEFAULT;
    }
    fill_list(list, family, addr_len, out, count);
    free(list);
    return 0;
}

static BOOL is_unspecified(const SOCKADDR_STORAGE *addr)
{
    static const IN6_ADDR any6;

    if (addr->ss_family == AF_INET) return !((const SOCKADDR_IN *)addr)->sin_addr.s_addr;
    return !memcmp(&((const SOCKADDR_IN6 *)addr)->sin6_addr, &any6, sizeof(any6));
}

/* The source address a datagram to `to` would get: a UDP socket connected there says (no packet is sent). */
static int route_source(const SOCKADDR_STORAGE *to, int len, SOCKADDR_STORAGE *source, int *source_len)
{
    SOCKADDR_STORAGE dest;
    HANDLE probe;
    int error;

    memcpy(&dest, to, sizeof(dest));
    /* The port does not take part in the route; a connect needs one (9, in network order). */
    if (!((SOCKADDR_IN *)&dest)->sin_port) ((SOCKADDR_IN *)&dest)->sin_port = (USHORT)(9 << 8);
    if ((error = afd_create_socket(dest.ss_family, SOCK_DGRAM, IPPROTO_UDP, 0, &probe))) return error;
    if (!(error = afd_connect(probe, (struct sockaddr *)&dest, len)))
        error = afd_getsockname(probe, (struct sockaddr *)source, source_len);
    CloseHandle(probe);
    ((SOCKADDR_IN *)source)->sin_port = 0;
    return error;
}

int routing_interface_query(int family, const void *in, DWORD in_len, void *out, DWORD out_len, DWORD *size)
{
    int len = family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN), source_len = sizeof(SOCKADDR_STORAGE);
    SOCKADDR_STORAGE to = { 0 }, source;
    int error;

    /* Windows: a missing or short input address is an invalid argument (Wine's test_sioRoutingInterfaceQuery). */
    if (!in || in_len < sizeof(SOCKADDR_IN) || !msgsock_readable(in, sizeof(SOCKADDR_IN))) return WSAEINVAL;
    if (((const SOCKADDR *)in)->sa_family != family || (family != AF_INET && family != AF_INET6))
        return WSAEAFNOSUPPORT;
    if (in_len < (DWORD)len || !msgsock_readable(in, len)) return WSAEINVAL;
    memcpy(&to, in, len);
    if (is_unspecified(&to)) return WSAEINVAL;
    if (!out) return WSAEFAULT;
    if ((error = route_source(&to, len, &source, &source_len))) return error;
    /* "If the output buffer is not large enough ... WSAEFAULT ... The required size of the output buffer
     * will be returned in lpcbBytesReturned" */
    *size = source_len;
    if (out_len < (DWORD)source_len || !msgsock_writable(out, source_len)) return WSAEFAULT;
    memcpy(out, &source, source_len);
    return 0;
}
