/* SIO_ADDRESS_LIST_QUERY's and SIO_ROUTING_INTERFACE_QUERY's answers (address_list.c). */
#ifndef MSGSOCK_ADDRESS_LIST_H
#define MSGSOCK_ADDRESS_LIST_H

#include <winsock2.h>

/*
 * Writes a SOCKET_ADDRESS_LIST of the bindable addresses of `family` into out;
 * *size is the bytes it takes, also when it fails with WSAEFAULT for a short buffer.
 */
int address_list_query(int family, void *out, DWORD out_len, DWORD *size);

/*
 * Writes the local address (port 0) the host would send from to the address
 * of `family` in `in`; *size as address_list_query's.
 */
int routing_interface_query(int family, const void *in, DWORD in_len, void *out, DWORD out_len, DWORD *size);

#endif
