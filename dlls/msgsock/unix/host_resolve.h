/* Host name resolution behind the helper's unix entry points (the host's resolver). */
#ifndef MSGSOCK_HOST_RESOLVE_H
#define MSGSOCK_HOST_RESOLVE_H

#include <stdint.h>

/* struct host_getaddrinfo_params (unixlib.h) */
int32_t host_getaddrinfo(void *args);
/* struct host_getnameinfo_params */
int32_t host_getnameinfo(void *args);
/* struct host_gethostname_params */
int32_t host_gethostname(void *args);

#endif
