/* ws2_32's DllMain: only the per-thread slot; everything else waits for WSAStartup. */
#include "ws2_32_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        return ws2_thread_init();
    case DLL_THREAD_DETACH:
        ws2_thread_detach();
        break;
    }
    return TRUE;
}
