/* Host (Linux) socket calls behind the helper's unix entry points. */
#ifndef MSGSOCK_HOST_SOCKET_H
#define MSGSOCK_HOST_SOCKET_H

#include <stdint.h>

int32_t host_sendmsg(void *args);
int32_t host_recvmsg(void *args);

#endif
