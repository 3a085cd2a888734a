/* PLACEHOLDER: replaced by the name-resolution work (returns "not supported"). */
#include <stdint.h>
#include "host_resolve.h"
int32_t host_getaddrinfo(void *args) { return -1; }
int32_t host_getnameinfo(void *args) { return -1; }
int32_t host_gethostname(void *args) { return -1; }
