/* Host (Linux) socket calls behind the helper's unix entry points. */
#ifndef MSGSOCK_HOST_SOCKET_H
#define MSGSOCK_HOST_SOCKET_H

#include <stdint.h>

/* Unix entry points: params in unixlib.h; always return 0, error in params. */
int32_t host_sendmsg(void *args);
int32_t host_recvmsg(void *args);
int32_t host_wait(void *args);

/*
 * Turns on, on host socket `fd` of host family AF_INET or AF_INET6, every
 * per-datagram report (destination address, TOS/TCLASS, TTL/hop limit) so
 * receives can derive MSG_BCAST/MSG_MCAST and deliver whatever control
 * messages the program enables later.  Returns 0 or a WSA error code.
 */
int host_enable_recv_info(int fd, int family);

#endif
