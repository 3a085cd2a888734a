/* Unix entry points for socket set-up, options and close (params in unixlib.h). */
#ifndef MSGSOCK_HOST_SOCKOPT_H
#define MSGSOCK_HOST_SOCKOPT_H

#include <stdint.h>

int32_t host_socket_setup(void *args);
int32_t host_close(void *args);
int32_t host_sockopt(void *args);
int32_t host_share_port(void *args);

#endif
