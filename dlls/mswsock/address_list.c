/*
 * SIO_ADDRESS_LIST_QUERY: "a list of local transport addresses of the
 * socket's protocol family to which the application can bind", from
 * iphlpapi's GetAdaptersAddresses (Wine's builtin; loaded on first use).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "provider.h"
#include "address_list.h"
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
