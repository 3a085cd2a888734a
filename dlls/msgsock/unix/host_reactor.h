/* The reactor's host side: an epoll set of one-shot armings (params in unixlib.h). */
#ifndef MSGSOCK_HOST_REACTOR_H
#define MSGSOCK_HOST_REACTOR_H

#include <stdint.h>

int32_t host_reactor_open(void *args);
int32_t host_reactor_arm(void *args);
int32_t host_reactor_wait(void *args);

#endif
