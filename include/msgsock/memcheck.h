/* "Is this range valid user memory?" for the WSAEFAULT checks Winsock documents. */
#ifndef MSGSOCK_MEMCHECK_H
#define MSGSOCK_MEMCHECK_H

#include <windows.h>

BOOL msgsock_readable(const void *ptr, SIZE_T size);
BOOL msgsock_writable(void *ptr, SIZE_T size);

#endif
