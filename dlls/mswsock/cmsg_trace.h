/* Control messages in words, for the +msgsock trace of each send and receive that carries them. */
#ifndef MSGSOCK_CMSG_TRACE_H
#define MSGSOCK_CMSG_TRACE_H

#include <winsock2.h>

/* "IP_ECN=2 UDP_SEND_MSG_SIZE=1200" for a Win32 control buffer, in out (always terminated). */
const char *cmsg_describe(const char *control, ULONG len, char *out, size_t size);

#endif
