/* TEMPORARY until host_socket.c lands */
#include <stdint.h>
#include "msgsock/unixlib.h"
#include "host_socket.h"
int32_t host_sendmsg(void *args) { ((struct host_sendmsg_params *)args)->error = 10045; return 0; }
int32_t host_recvmsg(void *args) { ((struct host_recvmsg_params *)args)->error = 10045; return 0; }
