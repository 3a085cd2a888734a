/* The host's subnet-directed broadcast addresses (interface address | ~netmask). */
#ifndef MSGSOCK_HOST_BROADCAST_H
#define MSGSOCK_HOST_BROADCAST_H

#include <stdint.h>

/* TRUE if the IPv4 address (network order) is an interface's subnet broadcast address. */
int host_is_subnet_broadcast(const uint8_t addr[4]);

#endif
