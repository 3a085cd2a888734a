/* msgsock_module_info: lets a program (our tests) prove it runs on msgsock, not Wine's builtin. */
#include <windows.h>
#include "msgsock/host.h"
#include "msgsock/module_info.h"

void WINAPI msgsock_module_info(struct msgsock_module_info *info)
{
    info->magic = MSGSOCK_MODULE_MAGIC;
    info->version = MSGSOCK_VERSION;
    info->host_available = msgsock_host_available();
}
