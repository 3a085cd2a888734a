/* WSAGetLastError / WSASetLastError: Winsock's error is the thread's last error. */
#include <winsock2.h>

int WINAPI WSAGetLastError(void)
{
    return GetLastError();
}

void WINAPI WSASetLastError(int error)
{
    SetLastError(error);
}
